// Acknowledgement modes and the daily nudge, through simulate with a branch config of their own.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { simulate, tmpDir, EXAMPLE, ROOM } from '../helpers/sim.js'

function configWith(replace: [string, string][]): string {
  let text = readFileSync(EXAMPLE, 'utf8')
  for (const [a, b] of replace) { assert.ok(text.includes(a), a); text = text.replace(a, b) }
  const file = path.join(tmpDir(), 'config.yaml')
  writeFileSync(file, text)
  return file
}

test('digest mode: no per-message reply, one summary at the set time; nudge counts who is missing', () => {
  const config = configWith([
    ['      ack: reply', '      ack: digest'],
    ['        enabled: false\n        time: "20:00"', '        enabled: true\n        time: "20:00"'],
  ])
  const { sent } = simulate([
    { at: '2026-11-03T08:00:00+08:00', room: ROOM, from: '王建国', text: '打卡 学习 30分钟' },
    { at: '2026-11-03T09:00:00+08:00', room: ROOM, from: '刘洋', text: '打卡 学习 20分钟' },
  ], { config, until: '2026-11-03T21:30:00+08:00' })
  assert.equal(sent.length, 2)
  assert.match(sent[0]!.text!, /^今天还有 8 位同志没有打卡。/)
  assert.equal(sent[0]!.at, '2026-11-03T20:00:00+08:00')
  assert.match(sent[1]!.text!, /11月3日学习打卡汇总：2\/10 人已打卡，共 50 分钟。\n已打卡：王建国、刘洋。/)
  assert.equal(sent[1]!.at, '2026-11-03T21:00:00+08:00')
})

test('silent mode: records kept, nothing said', () => {
  const config = configWith([['      ack: reply', '      ack: silent']])
  const { sent } = simulate([{ at: '2026-11-03T08:00:00+08:00', room: ROOM, from: '王建国', text: '打卡 学习 30分钟' }], { config })
  assert.equal(sent.length, 0)
})
