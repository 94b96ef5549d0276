import { test } from 'node:test'
import assert from 'node:assert/strict'
import { fileURLToPath } from 'node:url'
import { spawnSync } from 'node:child_process'
import { loadConfig, parseConfig, ConfigError } from '../../src/config/load.js'

const example = fileURLToPath(new URL('../../bot-config/example.yaml', import.meta.url))

test('the bundled example config is valid and fills in defaults', () => {
  const c = loadConfig(example)
  const b = c.branches[0]!
  assert.equal(b.id, 'jiguan2')
  assert.deepEqual(b.secretaries, ['周立新', '孙雅琴'])
  assert.equal(b.reminders.time, '09:00')
  assert.deepEqual(b.reminders.offsets, [7, 3, 1])
  assert.equal(c.bot.outbox.sameChatGapMs, 3000)
  assert.ok(b.obligations.find((o) => o.kind === '党小组会' && o.scope === 'group'))
})

test('the minimum config from DESIGN.md is enough', () => {
  const c = parseConfig(`
branches:
  - id: jiguan2
    name: 机关第二党支部
    rooms: [机关第二党支部工作群]
    members:
      - { name: 周立新, role: 书记, group: 第一党小组, aliases: [周书记] }
      - { name: 孙雅琴, role: 组织委员, group: 第一党小组 }
      - { name: 陈明, group: 第一党小组 }
    groups:
      - { name: 第一党小组, leader: 陈明 }
`)
  assert.equal(c.branches[0]!.members[2]!.role, '党员')
  assert.equal(c.branches[0]!.checkin.ack, 'reply')
})

function problems(yaml: string) {
  try {
    parseConfig(yaml, 'bad.yaml')
  } catch (e) {
    assert.ok(e instanceof ConfigError)
    return e.problems
  }
  assert.fail('expected a ConfigError')
}

test('every problem is named with file, line and key, in Chinese', () => {
  const ps = problems(`branches:
  - id: "bad id"
    name: 支部
    rooms: [群]
    members:
      - { name: 张三, role: 支书 }
      - { name: 李四, group: 第九党小组 }
    groups:
      - { name: 第一党小组, leader: 王五 }
    reminders:
      time: "9点"
      offest: [1]
`)
  const byKey = Object.fromEntries(ps.map((p) => [p.key, p]))
  assert.equal(byKey['branches[0].id']!.line, 2)
  assert.match(byKey['branches[0].id']!.message, /字母/)
  assert.equal(byKey['branches[0].members[0].role']!.line, 6)
  assert.match(byKey['branches[0].members[0].role']!.message, /角色无效/)
  assert.equal(byKey['branches[0].reminders.time']!.line, 11)
  const unknown = ps.find((p) => /offest/.test(p.message))!
  assert.equal(unknown.line, 12)
  assert.ok(ps.every((p) => p.file === 'bad.yaml'))
})

test('cross references are checked: groups, leaders, duplicate names', () => {
  const ps = problems(`branches:
  - id: a
    name: 支部
    rooms: [群]
    members:
      - { name: 李四, group: 第九党小组 }
      - { name: 王五, aliases: [李四] }
    groups:
      - { name: 第一党小组, leader: 赵六 }
`)
  assert.ok(ps.some((p) => p.key === 'branches[0].members[0].group' && p.line === 6 && /第九党小组/.test(p.message)))
  assert.ok(ps.some((p) => p.key === 'branches[0].groups[0].leader' && p.line === 9))
  assert.ok(ps.some((p) => /重复/.test(p.message) && p.line === 7))
})

test('YAML syntax errors name the line', () => {
  const ps = problems('branches:\n  - id: a\n    name: [unclosed\n')
  assert.equal(ps[0]!.line, 3)
  assert.match(ps[0]!.message, /第3行的“\[”没有配对的“\]”/)
})

test('check-config exits non-zero and lists problems; accepts the example', () => {
  const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url))
  const ok = spawnSync(process.execPath, ['--import', 'tsx', cli, 'check-config', example], { encoding: 'utf8' })
  assert.equal(ok.status, 0, ok.stderr)
  assert.match(ok.stdout, /配置正确/)
  const bad = spawnSync(process.execPath, ['--import', 'tsx', cli, 'check-config', fileURLToPath(new URL('../fixtures/bad-config.yaml', import.meta.url))], { encoding: 'utf8' })
  assert.notEqual(bad.status, 0)
  assert.match(bad.stderr, /bad-config\.yaml:\d+/)
  assert.doesNotMatch(bad.stderr, /at .*\.ts:\d+/) // no stack trace
})
