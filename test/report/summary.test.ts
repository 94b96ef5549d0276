// The monthly summary: figures against a hand-computed month, wording that states only the records,
// and posting on the 1st through simulate — once, even across a restart.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { loadConfig } from '../../src/config/load.js'
import { splitMessages, summaryModel } from '../../src/report/model.js'
import { Templates } from '../../src/templates.js'
import type { ActivityRecord, CheckinRecord, Kind } from '../../src/domain/types.js'
import { simulate, EXAMPLE, ROOM } from '../helpers/sim.js'

const branch = loadConfig(EXAMPLE).branches[0]!
const ci = (member: string, date: string, minutes: number | null, titles: string[] = [], points: number | null = null): CheckinRecord => ({
  type: 'checkin', id: `${member}${date}${minutes}`, branch: 'jiguan2', msgId: 'm', at: `${date}T08:00:00+08:00`, text: '', member, date, minutes, points, content: '', titles, backfill: false,
})
const act = (kind: Kind, date: string, o: Partial<ActivityRecord> = {}): ActivityRecord => ({
  type: 'activity', id: kind + date, branch: 'jiguan2', msgId: 'm', at: `${date}T20:00:00+08:00`, text: '', reporter: '周立新', kind, date, group: null,
  topic: '议题', place: null, host: null, speaker: null, recorder: null, expected: 5, attendees: 4, absent: [], content: null, photos: [], ...o,
})

test('the summary model against a hand-computed month', () => {
  const m = summaryModel({
    branch, month: '2026-11', announcements: [],
    checkins: [
      ci('王建国', '2026-11-02', 30, ['党章']), ci('王建国', '2026-11-02', 20), ci('王建国', '2026-11-03', 10, ['党章']),
      ci('刘洋', '2026-11-03', 60, [], 40), ci('路人甲', '2026-11-03', 60), ci('刘洋', '2026-10-31', 60),
    ],
    activities: [
      act('支部委员会', '2026-11-18'), act('党小组会', '2026-11-21', { group: '第一党小组', expected: 5, attendees: 5 }),
      act('党课', '2026-11-25', { speaker: null, absent: [{ name: '刘洋', reason: null }] }),
    ],
  })
  // 2 of 10 members; member-days 王建国 2 + 刘洋 1 = 3; minutes 60 + 60 = 120; average 60 per participant
  assert.deepEqual([m.study.members, m.study.roster, m.study.rate, m.study.memberDays, m.study.minutes, m.study.avgMinutes, m.study.pointsAvg], [2, 10, '20.0%', 3, 120, 60, 40])
  assert.equal(m.study.titles, '《党章》')
  assert.equal(m.meetings.find((x) => x.kind === '支部委员会')!.items[0]!.attendance, '实到4人/应到5人，出席率80.0%')
  const problems = m.problems.map((p) => p.text)
  assert.ok(problems.includes('第二党小组11月应召开党小组会1次，台账记录0次，未达到要求'))
  assert.ok(problems.includes('学习打卡参与率为20.0%，低于支部确定的80.0%'))
  assert.ok(problems.some((p) => /11月25日党课台账记录缺少主讲人、缺席原因（刘洋）/.test(p)))
  assert.ok(!problems.some((p) => /支部委员会/.test(p)))
  const text = new Templates().render('monthly-summary', m)
  assert.match(text, /^机关第二党支部2026年11月工作小结/)
  assert.match(text, /支部党员大会：本月台账中未记录。/)
  const q = summaryModel({ branch, period: { key: '2026-Q4', label: '2026年第四季度', from: '2026-10-01', to: '2026-12-31' }, checkins: [], activities: [act('支部委员会', '2026-10-18'), act('支部委员会', '2026-11-18')], announcements: [] })
  assert.equal(q.title, '机关第二党支部2026年第四季度工作小结')
  assert.ok(q.problems.some((p) => p.text === '支部12月应召开支部委员会1次，台账记录0次，未达到要求'))
  assert.ok(!q.problems.some((p) => p.text.startsWith('支部11月应召开支部委员会'))) // says so plainly, invents nothing
  assert.match(text, /本月台账中未记录主题党日及其他活动。/)
})

test('a long summary is split at paragraph boundaries, in order', () => {
  const text = Array.from({ length: 30 }, (_, i) => `第${i}段` + '字'.repeat(100)).join('\n\n')
  const parts = splitMessages(text, 500)
  assert.ok(parts.length > 1 && parts.every((p) => p.length <= 500))
  assert.equal(parts.join('\n\n'), text)
})

test('posted once on the 1st at 09:00, not again after a restart; #月报 on demand for secretaries', () => {
  const events = [
    { at: '2026-11-18T18:00:00+08:00', room: ROOM, from: '周立新', text: '#活动 11月18日下午 支委会 讨论发展党员工作 应到5人 实到5人' },
    { at: '2026-11-20T08:00:00+08:00', room: ROOM, from: '王建国', text: '打卡 学习《党章》 30分钟' },
  ]
  const first = simulate(events, { from: '2026-11-01T00:00:00+08:00', until: '2026-12-01T09:30:00+08:00' })
  // running from the 1st to the 1st: October's summary on Nov 1, November's on Dec 1, each once
  const posts = first.sent.filter((s) => /2026年11月工作小结/.test(s.text ?? ''))
  assert.deepEqual(posts.map((p) => [p.to.room, p.at.slice(0, 16)]), [[ROOM, '2026-12-01T09:00']])
  assert.equal(first.sent.filter((s) => /2026年10月工作小结/.test(s.text ?? '')).length, 1)
  assert.match(posts[0]!.text!, /支部委员会：11月18日召开，讨论发展党员工作，实到5人\/应到5人/)
  assert.ok(first.sent.some((s) => s.to.room === ROOM && s.file === '2026-11学习打卡统计.png'))
  for (const sec of ['周立新', '孙雅琴']) assert.ok(first.sent.some((s) => s.to.contact === sec && s.file === '机关第二党支部2026年11月工作小结.docx'), sec)
  const again = simulate([
    { at: '2026-12-01T10:00:00+08:00', room: ROOM, from: '王建国', text: '#月报' },
    { at: '2026-12-01T10:01:00+08:00', room: ROOM, from: '周立新', text: '#月报 2026-11' },
  ], { data: first.data, until: '2026-12-01T11:00:00+08:00' })
  const more = again.sent.filter((s) => /^机关第二党支部2026年11月工作小结/.test(s.text ?? ''))
  assert.equal(more.length, 1) // only the on-demand one, not a repeat of the scheduled post
  assert.equal(more[0]!.at.slice(0, 16), '2026-12-01T10:01')
  // the asker gets the Word file and the chart; the group the text and the chart, never the Word file
  assert.ok(again.sent.some((s) => s.to.contact === '周立新' && s.file === '机关第二党支部2026年11月工作小结.docx'))
  assert.ok(again.sent.some((s) => s.to.contact === '周立新' && s.file === '2026-11学习打卡统计.png'))
  assert.ok(!again.sent.some((s) => s.to.room && s.file?.endsWith('.docx')))
  assert.ok(again.sent.some((s) => /只有支部管理员/.test(s.text ?? '')))
})

test('a summary missed while the bot was down is posted once on start-up', () => {
  const first = simulate([{ at: '2026-11-20T08:00:00+08:00', room: ROOM, from: '王建国', text: '打卡 学习《党章》 30分钟' }], { until: '2026-11-30T20:00:00+08:00' })
  assert.ok(!first.sent.some((s) => /工作小结/.test(s.text ?? '')))
  const later = simulate([{ at: '2026-12-01T12:00:00+08:00', room: ROOM, from: '刘洋', text: '收到' }], { data: first.data, until: '2026-12-01T12:30:00+08:00' })
  const posts = later.sent.filter((s) => /工作小结/.test(s.text ?? ''))
  assert.deepEqual(posts.map((p) => p.at.slice(0, 13)), ['2026-12-01T12'])
})
