// End to end through `zhibu-bot simulate`: real Wechaty + wechaty-puppet-mock on a simulated clock.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { simulate, ROOM } from '../helpers/sim.js'

test('a message in a configured group reaches its handler; other groups are ignored; redelivery is handled once', () => {
  const { sent, stderr } = simulate([
    { at: '2026-11-03T08:12:00+08:00', room: ROOM, from: '王建国', text: '#帮助', id: 'm1' },
    { at: '2026-11-03T08:12:30+08:00', room: '别的群', from: '王建国', text: '#帮助', id: 'm2' },
    { at: '2026-11-03T08:13:00+08:00', room: ROOM, from: '王建国', text: '#帮助', id: 'm1' },
    'this line is not JSON',
    { at: '2026-11-03T08:14:00+08:00', from: '陌生人', text: '你好', id: 'm3' },
  ])
  assert.equal(sent.filter((s) => s.to.room === ROOM).length, 1)
  assert.ok(!sent.some((s) => s.to.room === '别的群'))
  assert.match(sent[0]!.text!, /打卡/)
  assert.deepEqual(sent[0]!.mentions, ['王建国'])
  // a stranger in private gets help only
  const dm = sent.find((s) => s.to.contact === '陌生人')!
  assert.match(dm.text!, /花名册/)
  // the bad transcript line is named, and the rest still ran
  assert.match(stderr, /:4 {2}已跳过/)
})

test('30 queued sends respect the outbox limits on the simulated clock', () => {
  // the whole roster asks three different things within the same second, in two chats (a repeated
  // command would be answered once, and one person's queue is capped: see test/reliability/flood)
  const roster = ['周立新', '孙雅琴', '李红梅', '陈明', '王建国', '刘洋', '赵静', '张伟', '黄磊', '吴芳']
  const events = Array.from({ length: 30 }, (_, i) => ({
    at: '2026-11-03T10:00:00+08:00', from: roster[i % 10]!, text: ['#帮助', '#本月', '#进度'][Math.floor(i / 10)]!, id: `h${i}`,
    ...(i % 2 ? { room: ROOM } : {}),
  }))
  const { sent } = simulate(events, { until: '2026-11-03T10:10:00+08:00' })
  assert.equal(sent.length, 30)
  const t = sent.map((s) => Date.parse(s.at))
  for (let i = 1; i < t.length; i++) assert.ok(t[i]! - t[i - 1]! >= 1000, 'at least 1 s between any two sends')
  const byChat = new Map<string, number[]>()
  sent.forEach((s, i) => { const k = JSON.stringify(s.to); byChat.set(k, [...(byChat.get(k) ?? []), t[i]!]) })
  for (const times of byChat.values()) for (let i = 1; i < times.length; i++) assert.ok(times[i]! - times[i - 1]! >= 3000, 'at least 3 s within a chat')
  for (let i = 0; i < t.length; i++) assert.ok(t.filter((x) => x >= t[i]! && x < t[i]! + 60_000).length <= 40, 'at most 40 a minute')
})
