// Deadline reminders through simulate: the right people, on workdays, stopped by a report,
// overdue reported once; a restart in the middle neither loses nor repeats a reminder.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { simulate, ROOM, type Ev } from '../helpers/sim.js'
import { dueReminders } from '../../src/domain/reminders.js'
import { isWorkday, previousWorkday } from '../../src/domain/workdays.js'
import { loadConfig } from '../../src/config/load.js'
import { EXAMPLE } from '../helpers/sim.js'

const events: Ev[] = [
  { at: '2026-11-18T18:00:00+08:00', room: ROOM, from: '周立新', text: '#活动 11月18日下午 支委会 讨论发展党员工作 应到5人 实到5人', id: 'q1' },
  { at: '2026-11-24T21:00:00+08:00', room: ROOM, from: '陈明', text: '今晚第一党小组召开了党小组会，学习《条例》，全体党员参加', id: 'q2' },
]
const summary = (sent: { at: string; to: { room?: string; contact?: string }; text?: string }[]) =>
  sent.filter((s) => /三会一课/.test(s.text ?? '')).map((s) => `${s.at.slice(5, 16)} ${s.to.contact ?? 'room'} ${(s.text!.match(/· [^\n（：]+/g) ?? []).join(',')}`)

test('workdays follow the official calendar with make-up days', () => {
  assert.equal(isWorkday('2026-10-01'), false) // National Day
  assert.equal(isWorkday('2026-10-10'), true) // make-up Saturday
  assert.equal(isWorkday('2025-09-28'), true) // make-up Sunday
  assert.equal(previousWorkday('2026-11-29'), '2026-11-27') // Sunday -> Friday
  assert.equal(previousWorkday('2026-10-05'), '2026-09-30') // inside the holiday -> before it
})

test('a reminder due on a Sunday moves to Friday and merges with that day’s', () => {
  const b = loadConfig(EXAMPLE).branches[0]!
  assert.deepEqual(dueReminders(b, [], '2026-11-28').length, 0)
  assert.ok(dueReminders(b, [], '2026-11-27').some((o) => o.kind === '主题党日'))
})

test('November: the expected reminders to the expected people; a report stops them; overdue once', () => {
  const { sent } = simulate(events, { until: '2026-12-02T10:00:00+08:00' })
  const s = summary(sent)
  // 7 days before (Mon 23rd): everyone responsible for something unmet
  assert.ok(s.includes('11-23T09:00 陈明 · 第一党小组 党小组会'))
  assert.ok(s.some((l) => l.startsWith('11-23T09:00 周立新 ') && l.includes('第二党小组 党小组会') && l.includes('主题党日') && !l.includes('支部委员会')))
  // 3 and 1 days before fall on Fri 27th and Sun 29th -> one message on the 27th; 陈明 reported on the 24th
  assert.equal(s.filter((l) => l.startsWith('11-27T09:00 周立新')).length, 1)
  assert.ok(!s.some((l) => l.startsWith('11-27') && l.includes('陈明')))
  assert.ok(!s.some((l) => l.startsWith('11-29') || l.startsWith('11-28')))
  // one group message a reminder day, @-mentioning the responsible
  const group = sent.filter((x) => x.to.room && /三会一课”提醒/.test(x.text ?? ''))
  assert.deepEqual(group.map((g) => g.at.slice(5, 16)), ['11-23T09:00', '11-27T09:00'])
  assert.ok(group[1]!.mentions!.includes('赵静'))
  // overdue: reported once on the first workday after the month
  assert.ok(s.some((l) => l.startsWith('12-01T09:00 赵静') && l.includes('第二党小组 党小组会')))
})

test('a restart in the middle (simulate twice over the same data) neither loses nor repeats a reminder', () => {
  const whole = summary(simulate(events, { until: '2026-12-02T10:00:00+08:00' }).sent)
  const first = simulate(events, { until: '2026-11-25T12:00:00+08:00' })
  // the bot is down from 11-25 12:00 to 11-28 10:00: the 27th's reminders are sent once on start-up
  const second = simulate([{ at: '2026-11-28T10:00:00+08:00', room: ROOM, from: '王建国', text: '好的', id: 'z1' }], { data: first.data, until: '2026-12-02T10:00:00+08:00' })
  const both = [...summary(first.sent), ...summary(second.sent)]
  const texts = (xs: string[]) => xs.map((l) => l.slice(l.indexOf(' '))).sort()
  assert.deepEqual(texts(both), texts(whole))
  assert.ok(summary(second.sent).some((l) => l.startsWith('11-28T10:00') && l.includes('周立新')))
})

test('#提醒 暂停 pauses the reminders (secretaries only) and #提醒 恢复 resumes them', () => {
  const { sent } = simulate([
    { at: '2026-11-20T10:00:00+08:00', room: ROOM, from: '王建国', text: '#提醒 暂停 7天', id: 'p0' },
    { at: '2026-11-20T10:01:00+08:00', room: ROOM, from: '周立新', text: '#提醒 暂停 7天', id: 'p1' },
    { at: '2026-11-26T10:00:00+08:00', room: ROOM, from: '孙雅琴', text: '#提醒', id: 'p2' },
  ], { until: '2026-11-28T10:00:00+08:00' })
  assert.match(sent[0]!.text!, /只有支部管理员/)
  assert.match(sent[1]!.text!, /已暂停.*至11月26日/)
  const reminders = sent.filter((s) => /尚未完成，请抓紧安排/.test(s.text ?? ''))
  assert.ok(!reminders.some((s) => s.at.startsWith('2026-11-23')), 'paused on the 23rd')
  assert.ok(reminders.some((s) => s.at.startsWith('2026-11-27')), 'back on the 27th')
})

test('a whole quarter: the plan on the first workday, reminders only on workdays, quarterly ones in December', () => {
  const { sent } = simulate([
    { at: '2026-09-30T10:00:00+08:00', room: ROOM, from: '王建国', text: '好的', id: 's0' },
    { at: '2026-11-10T18:00:00+08:00', room: ROOM, from: '周立新', text: '#活动 今天下午 支部党员大会 研究年度工作 全体党员参加', id: 's1' },
  ], { until: '2026-12-31T23:00:00+08:00' })
  const plans = sent.filter((s) => /第四季度“三会一课”安排/.test(s.text ?? ''))
  assert.deepEqual(plans.map((p) => p.at.slice(0, 16)), ['2026-10-08T09:00']) // Oct 1–7 is the National Day holiday
  const mine = sent.filter((s) => s.to.contact === '周立新' && /尚未完成，请抓紧安排/.test(s.text ?? ''))
  for (const m of mine) assert.ok(isWorkday(m.at.slice(0, 10)), `${m.at} is a workday`)
  const days = mine.map((m) => m.at.slice(0, 10))
  assert.ok(days.includes('2026-10-23') && days.includes('2026-10-30')) // Oct 24 is a Saturday
  // each reminder says how far off the deadline is, so the 7-, 3- and 1-day ones do not read alike
  assert.match(mine.find((m) => m.at.startsWith('2026-10-23'))!.text!, /截止10月31日（还有 8 天）/)
  assert.match(mine.find((m) => m.at.startsWith('2026-10-30'))!.text!, /截止10月31日（明天截止）/)
  // the 支部党员大会 held on Nov 10 is never mentioned again; the 党课 is, in December
  const dec = mine.filter((m) => m.at.startsWith('2026-12-2') || m.at.startsWith('2026-12-3'))
  assert.ok(dec.some((m) => /党课：本季度/.test(m.text!)))
  assert.ok(!mine.some((m) => m.at > '2026-11-10' && /支部党员大会/.test(m.text!)))
})
