// Two settings a secretary relies on, end to end: `reports.ask: group` asks in the group instead of
// privately, and #未识别 quotes missed talk cut short (members' words are never kept whole).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { simulate, EXAMPLE, ROOM, tmpDir } from '../helpers/sim.js'

test('reports.ask: group — an unclear report is asked about in the group, and the answer there completes it', () => {
  const cfg = path.join(tmpDir(), 'bot.yaml')
  const yaml = readFileSync(EXAMPLE, 'utf8')
  assert.match(yaml, /ask: private/)
  writeFileSync(cfg, yaml.replace(/ask: private/, 'ask: group'))
  const { sent } = simulate([
    { at: '2026-11-20T21:05:00+08:00', room: ROOM, from: '赵静', text: '今天的会已经结束，应到5人，实到5人', id: 'a1' },
    { at: '2026-11-20T21:06:00+08:00', room: ROOM, from: '赵静', text: '党课', id: 'a2' },
  ], { config: cfg })
  const ask = sent.find((s) => /请问这是什么会/.test(s.text ?? ''))
  assert.ok(ask, JSON.stringify(sent))
  assert.equal(ask!.to.room, ROOM)
  assert.ok(!sent.some((s) => s.to.contact === '赵静' && /请问这是什么会/.test(s.text ?? '')), 'not asked privately as well')
})

test('#未识别 quotes at most 50 characters of a missed message', () => {
  const long = '我把笔记本落在三楼会议室了，' + '回头还得去找一找，'.repeat(6) + '结尾'
  const { sent } = simulate([
    { at: '2026-11-21T10:30:00+08:00', room: ROOM, from: '刘洋', text: `党课那天${long}`, id: 'x1' },
    { at: '2026-11-21T11:00:00+08:00', room: ROOM, from: '孙雅琴', text: '#未识别', id: 'c1' },
  ])
  const list = sent.find((m) => /像是打卡或会议报告/.test(m.text ?? ''))?.text ?? ''
  assert.match(list, /刘洋：党课那天/)
  assert.doesNotMatch(list, /结尾/)
  const quoted = /刘洋：(.*)/.exec(list)![1]!
  assert.ok([...quoted.replace(/…$/, '')].length <= 50, quoted)
})
