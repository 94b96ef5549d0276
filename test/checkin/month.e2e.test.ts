// A month of check-ins through `zhibu-bot simulate`, checked against `zhibu-bot export`.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { simulate, exportJson, ROOM, type Ev } from '../helpers/sim.js'

const day = (d: number, hm = '08:00') => `2026-11-${String(d).padStart(2, '0')}T${hm}:00+08:00`

test('a month of check-ins, 接龙, redeliveries, recalls, 补卡 and chatter gives exactly the expected records', () => {
  const events: Ev[] = []
  const expected: { member: string; date: string; minutes: number | null; points?: number | null }[] = []
  const say = (at: string, from: string, text: string, id: string, extra: Partial<Ev> = {}) => events.push({ at, room: ROOM, from, text, id, ...extra })
  for (let d = 2; d <= 29; d++) {
    // 王建国 every day, 刘洋 on even days with points, chatter in between
    say(day(d, '07:30'), '王建国', `打卡 学习《党章》 ${20 + d}分钟`, `w${d}`)
    expected.push({ member: '王建国', date: `2026-11-${String(d).padStart(2, '0')}`, minutes: 20 + d })
    if (d % 2 === 0) {
      say(day(d, '12:00'), '刘洋', `今日学习打卡 学习强国 积分${30 + d}`, `l${d}`)
      expected.push({ member: '刘洋', date: `2026-11-${String(d).padStart(2, '0')}`, minutes: null, points: 30 + d })
    }
    say(day(d, '12:05'), '周立新', d % 3 ? '大家记得打卡' : '收到，谢谢', `c${d}`)
    // a redelivery of the morning check-in after a reconnect
    if (d % 7 === 0) say(day(d, '12:10'), '王建国', `打卡 学习《党章》 ${20 + d}分钟`, `w${d}`)
  }
  // 接龙 on the 10th: 张伟 starts, 黄磊 reposts with his line, 张伟 reposts again (no double credit)
  const chain = '#接龙 11月10日集中学习\n\n1. 张伟 学习《条例》 40分钟'
  say(day(10, '20:00'), '张伟', chain, 'j1')
  say(day(10, '20:05'), '黄磊', chain + '\n2. 黄磊 学习《条例》 半小时', 'j2')
  say(day(10, '20:09'), '张伟', chain + '\n2. 黄磊 学习《条例》 半小时', 'j3')
  expected.push({ member: '张伟', date: '2026-11-10', minutes: 40 }, { member: '黄磊', date: '2026-11-10', minutes: 30 })
  // a recalled check-in leaves no record
  say(day(11, '09:00'), '吴芳', '打卡 学习 10分钟', 'r1')
  events.push({ at: day(11, '09:01'), room: ROOM, from: '吴芳', text: 'r1', id: 'r2', type: 'recall' })
  // 补卡 within the limit, and one too late
  say(day(15, '09:00'), '赵静', '补卡 11月13日 学习《党史》 50分钟', 'b1')
  say(day(15, '09:01'), '赵静', '补卡 11月1日 学习 50分钟', 'b2')
  expected.push({ member: '赵静', date: '2026-11-13', minutes: 50 })
  // a sender not on the roster is never counted
  say(day(16, '09:00'), '路人甲', '打卡 30分钟', 'x1')

  const { sent, data } = simulate(events)
  const records = exportJson(data).filter((r) => r.type === 'checkin')
  const got = records.map((r) => ({ member: r.member, date: r.date, minutes: r.minutes, ...(r.points !== null ? { points: r.points } : {}) }))
  const want = expected.map((e) => ({ member: e.member, date: e.date, minutes: e.minutes, ...(e.points ? { points: e.points } : {}) }))
  const key = (x: { member: unknown; date: unknown }) => `${x.date}|${x.member}`
  assert.deepEqual([...got].sort((a, b) => key(a).localeCompare(key(b))), [...want].sort((a, b) => key(a).localeCompare(key(b))))
  // every export record carries the contract's fields
  for (const r of records) for (const k of ['type', 'branch', 'member', 'date', 'minutes', 'points', 'text']) assert.ok(k in r, k)
  // the too-late 补卡 was answered, the stranger told once
  assert.ok(sent.some((s) => /超出时限/.test(s.text ?? '')))
  assert.equal(sent.filter((s) => /不在.*花名册/.test(s.text ?? '')).length, 1)
  // acknowledgements tell the member something useful
  assert.ok(sent.some((s) => /王建国 已打卡：今日共 \d+ 分钟，本月第 \d+ 天，已连续 \d+ 天/.test(s.text ?? '')))
})

test('replaying the same transcript over the same data folder changes nothing', () => {
  const events: Ev[] = [
    { at: day(3), room: ROOM, from: '王建国', text: '打卡 30分钟' },
    { at: day(3, '09:00'), room: ROOM, from: '刘洋', text: '打卡 20分钟' },
  ]
  const first = simulate(events)
  const again = simulate(events, { data: first.data })
  assert.equal(exportJson(first.data).length, 2)
  assert.equal(again.sent.length, 0)
})
