// YAML syntax slips a secretary makes with a Chinese input method, explained in Chinese with the
// line and the fix, every one in the same round — through check-config as the installer runs it.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { ConfigError, parseConfig } from '../../src/config/load.js'
import { scanSlips } from '../../src/config/yaml-errors.js'
import { EXAMPLE, runCli, tmpDir } from '../helpers/sim.js'

const example = readFileSync(EXAMPLE, 'utf8')
const lines = example.split('\n')
const lineOf = (re: RegExp) => lines.findIndex((l) => re.test(l))

function edited(edit: (l: string[]) => void): string {
  const l = [...lines]
  edit(l)
  return l.join('\n')
}

function problems(text: string) {
  try {
    parseConfig(text, 'bot-config/branch.yaml')
  } catch (e) {
    assert.ok(e instanceof ConfigError, String(e))
    return e.problems
  }
  assert.fail('expected a ConfigError')
}

test('check-config: a Tab, a full-width colon and a full-width comma are each named with line and fix, in one round', () => {
  const tab = lineOf(/^  dedupeDays:/)
  const colon = lineOf(/^  name: 支部助手/)
  const comma = lineOf(/周立新, role: 书记/)
  const text = edited((l) => {
    l[tab] = '\t' + l[tab]!.trimStart()
    l[colon] = '  name： 支部助手'
    l[comma] = l[comma]!.replace('周书记, 立新', '周书记，立新')
  })
  const file = path.join(tmpDir(), 'branch.yaml')
  writeFileSync(file, text)
  const r = runCli(['check-config', file])
  assert.notEqual(r.status, 0)
  assert.equal(r.stdout, '')
  assert.match(r.stderr, /配置文件有 3 处问题/)
  assert.ok(r.stderr.includes(`${file}:${tab + 1}  第${tab + 1}行用了 Tab 键缩进，请改用空格`), r.stderr)
  assert.ok(r.stderr.includes(`第${colon + 1}行的冒号是中文全角“：”，请改成英文冒号“:”并在后面加一个空格`), r.stderr)
  assert.ok(r.stderr.includes(`第${comma + 1}行的逗号是中文全角“，”，请改成英文逗号“,”`), r.stderr)
  // nothing of the parser's English is shown, and no stack trace
  assert.doesNotMatch(r.stderr, /Tabs are not allowed|Implicit keys|at .*\.ts:\d+/)
})

test('a slip and a wrong value in the same file are reported together', () => {
  const ps = problems(edited((l) => {
    const i = lineOf(/^  dedupeDays:/)
    l[i] = '  dedupeDays：3'
    const t = lineOf(/^      time: "09:00"/)
    l[t] = '      time: "9点"'
  }))
  assert.equal(ps.length, 2, JSON.stringify(ps))
  assert.equal(ps[0]!.line, lineOf(/^  dedupeDays:/) + 1)
  assert.match(ps[0]!.message, /冒号是中文全角/)
  assert.equal(ps[1]!.key, 'branches[0].reminders.time')
  assert.match(ps[1]!.message, /HH:mm/)
})

test('a Tab for one level deeper is read as meant: no made-up problems after it', () => {
  const i = lineOf(/^    start: "22:00"/)
  const ps = problems(edited((l) => { l[i] = '\t' + l[i]!.trimStart() }))
  assert.deepEqual(ps.map((p) => p.line), [i + 1])
})

test('full-width colon on a top-level key, in a flow map and after a Chinese key', () => {
  const top = problems('branches：\n  - { id: a, name： 支部, rooms: [群], members: [{ name: 张三 }] }\n')
  assert.deepEqual(top.map((p) => p.line), [1, 2])
  assert.ok(top.every((p) => /冒号是中文全角“：”/.test(p.message)))
  const kind = edited((l) => { const j = lineOf(/^      党课: /); l[j] = l[j]!.replace('党课:', '党课：') })
  const ps = problems(kind)
  assert.deepEqual(ps.map((p) => p.line), [lineOf(/^      党课: /) + 1])
})

test('other slips: a full-width space, no space after the colon, Chinese quotes, a bracket or quote left open', () => {
  const cases: [RegExp, string, RegExp][] = [
    [/^  dedupeDays:/, '\u3000\u3000dedupeDays: 3', /中文全角空格/],
    [/^  dedupeDays:/, '  dedupeDays:3', /冒号“:”后面缺少空格/],
    [/^  dataDir:/, '  dataDir: “data”', /中文引号/],
    [/^  dataDir:/, '  dataDir: "data', /引号 " 没有配对/],
    [/^  name: 支部助手/, '  name: @支部助手', /不能以“@”开头/],
  ]
  for (const [at, line, re] of cases) {
    const i = lineOf(at)
    const ps = problems(edited((l) => { l[i] = line }))
    assert.equal(ps[0]!.line, i + 1, line)
    assert.match(ps[0]!.message, new RegExp(`^第${i + 1}行`), line)
    assert.match(ps[0]!.message, re, line)
    assert.equal(ps.length, 1, `${line}: ${JSON.stringify(ps)}`)
  }
  const j = lineOf(/孙雅琴, role/)
  const open = problems(edited((l) => { l[j] = l[j]!.replace(/ }$/, '') }))
  assert.equal(open.length, 1, JSON.stringify(open))
  assert.equal(open[0]!.line, j + 1)
  assert.ok(open[0]!.message.startsWith(`第${j + 1}行的“{”没有配对的“}”`), open[0]!.message)
})

test('the parser\'s remaining complaints come out in Chinese with the line', () => {
  const dup = problems('bot:\n  dedupeDays: 3\n  dedupeDays: 4\nbranches: []\n')
  assert.equal(dup[0]!.line, 3)
  assert.match(dup[0]!.message, /^第3行的配置项“dedupeDays”与同一层的另一项重复/)
  const indent = problems('bot:\n    name: a\n  dedupeDays: 3\n')
  assert.equal(indent[0]!.line, 3)
  assert.match(indent[0]!.message, /^第3行没有和同一层的配置项对齐/)
  const colon = problems('bot:\n  name: a\n  dedupeDays 3\n  dataDir: x\n')
  assert.match(colon[0]!.message, /^第3行/)
  for (const p of [...dup, ...indent, ...colon]) assert.match(p.message, /[\u4e00-\u9fff]/)
})

test('comments, quoted text and values full of Chinese punctuation are not slips', () => {
  assert.deepEqual(scanSlips(example).slips, [])
  const ok = parseConfig(`# 说明：用“：”和“，”都可以写在注释里
branches:
  - id: a
    name: "支部：第一，第二"   # 注释：没关系，
    rooms: ['群：一', 学习：党章群]
    members:
      - { name: 张三, aliases: ["张，三"] }
`)
  assert.deepEqual(ok.branches[0]!.rooms, ['群：一', '学习：党章群'])
  assert.deepEqual(ok.branches[0]!.members[0]!.aliases, ['张，三'])
})

test('property: any slip of these kinds on any line of the example is reported on that line', () => {
  const content = lines.map((l, i) => [l, i] as const).filter(([l]) => l.trim() && !l.trim().startsWith('#'))
  const flowCommas = content.filter(([l]) => /[[{][^#]*, /.test(l.split(' #')[0]!))
  fc.assert(fc.property(fc.constantFrom(...content), ([l, i]) => {
    const ps = problems(edited((x) => { x[i] = l.replace(/^ */, (s) => '\t'.repeat(Math.ceil(s.length / 2)) || '\t') }))
    return ps.some((p) => p.line === i + 1 && /Tab 键缩进/.test(p.message))
  }), { numRuns: 60 })
  fc.assert(fc.property(fc.constantFrom(...flowCommas), ([l, i]) => {
    const ps = problems(edited((x) => { x[i] = l.replace(', ', '，') }))
    return ps.length >= 1 && ps[0]!.line === i + 1 && /中文全角“，”/.test(ps[0]!.message)
  }), { numRuns: 40 })
})

test('a full-width space inside a | block is the text\'s own: left as typed, not reported', () => {
  for (const s of ['|\n\u3000', 'note: |\n  \u3000第一条\n  第二条\n', 'a: >\n\u3000\u3000缩进\nb: 1\n']) {
    const scan = scanSlips(s)
    assert.deepEqual(scan.slips, [], JSON.stringify(s))
    assert.equal(scan.repaired(2), s)
  }
  // once the block has ended, a full-width space in indentation is a slip again
  assert.match(scanSlips('x:\n  a: |\n    t\n\u3000b: 1\n').slips[0]!.message, /第4行开头有中文全角空格/)
})

test('property: the scanner never throws and leaves clean text as it is', () => {
  fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '\t', ':', '：', '，', ',', '[', ']', '{', '}', '"', "'", '#', '-', '\n', '\u3000', '“', '”', '|', '学') }), (s) => {
    const scan = scanSlips(s)
    if (!scan.slips.length && !scan.hasTabs) assert.equal(scan.repaired(2), s.replace(/\r?\n/g, '\n'))
    return true
  }), { numRuns: 500 })
})

test('a file saved as GBK (Notepad\'s "ANSI") is named, not loaded with garbled names', () => {
  const file = path.join(tmpDir(), 'gbk.yaml')
  // 机关第二党支部 in GBK bytes, read as UTF-8 by the bot
  writeFileSync(file, Buffer.concat([Buffer.from(example.split('机关第二党支部工作群')[0]!), Buffer.from([0xbb, 0xfa, 0xb9, 0xd8, 0xc8, 0xba]), Buffer.from('工作群' + example.split('机关第二党支部工作群').slice(1).join('机关第二党支部工作群'))]))
  const r = runCli(['check-config', file])
  assert.notEqual(r.status, 0)
  assert.match(r.stderr, /第\d+行起有无法识别的文字：配置文件要保存为 UTF-8 编码/)
})
