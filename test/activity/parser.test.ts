import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseActivity } from '../../src/messages/activity.js'
import { parseDatePhrase } from '../../src/messages/dates.js'
import { kindOf } from '../../src/domain/kinds.js'
import { applyCorrection, missingElements } from '../../src/domain/ledger.js'
import type { ActivityRecord } from '../../src/domain/types.js'
import { corpusText } from '../helpers/corpus.js'

const ctx = {
  officer: true,
  groups: ['第一党小组', '第二党小组', '第三党小组'],
  roster: [['王建国', '第一党小组'], ['刘洋', '第一党小组'], ['张三', '第二党小组'], ['李四', '第二党小组'], ['赵六', '第三党小组']].map(([name, group]) => ({ name: name!, group: group! })),
}
const member = { ...ctx, officer: false }

const corpus = corpusText('activity-messages.jsonl').split('\n').filter(Boolean).map((l) => JSON.parse(l))
for (const c of corpus) {
  test(`corpus: ${c.text.slice(0, 24)}`, () => {
    const r = parseActivity(c.text, new Date(c.sent), ctx)
    assert.ok(r)
    for (const k of ['kind', 'date', 'group', 'attendees', 'expected', 'host', 'speaker', 'place', 'topic'] as const) {
      if (c[k] !== undefined) assert.equal(r[k], c[k], k)
    }
    if (c.absent) assert.deepEqual(r.absent.map((a) => a.name), c.absent)
  })
}

test('kinds by alias, the more specific 三会一课 kind winning', () => {
  assert.equal(kindOf('召开支委会'), '支部委员会')
  assert.equal(kindOf('支部党员大会'), '支部党员大会')
  assert.equal(kindOf('主题党日 开展志愿服务'), '主题党日')
  assert.equal(kindOf('讲党课'), '党课')
  assert.equal(kindOf('专题组织生活会暨民主评议党员'), '组织生活会')
  assert.equal(kindOf('今天天气好'), null)
})

test('dates relative to the message, in Shanghai, around month and year ends', () => {
  const d = (t: string, now: string, p: 'past' | 'future' = 'past') => parseDatePhrase(t, new Date(now), p)?.date
  assert.equal(d('昨天晚上', '2026-12-01T09:00:00+08:00'), '2026-11-30')
  assert.equal(d('12月30日', '2027-01-02T09:00:00+08:00'), '2026-12-30')
  assert.equal(d('1月3日', '2026-12-30T09:00:00+08:00', 'future'), '2027-01-03')
  assert.equal(d('今天上午', '2026-11-30T23:30:00+08:00'), '2026-11-30') // 15:30 UTC
  assert.equal(d('本周五', '2026-11-22T10:00:00+08:00'), '2026-11-20')
  assert.equal(d('周三', '2026-11-22T10:00:00+08:00', 'future'), '2026-11-25')
  assert.equal(d('2026年11月28日', '2026-11-30T10:00:00+08:00'), '2026-11-28')
  assert.equal(parseDatePhrase('下周三下午3点', new Date('2026-11-22T10:00:00+08:00'), 'future')?.time, '15:00')
  assert.equal(parseDatePhrase('11月25日14:30', new Date('2026-11-22T10:00:00+08:00'), 'future')?.time, '14:30')
})

test('a multi-line form with every element', () => {
  const r = parseActivity('#三会一课 支委会\n时间：11月18日下午\n地点：三楼会议室\n议题：讨论发展党员工作\n主持人：王建国\n记录人：刘洋\n应到5人\n实到4人\n缺席：张三（病假）', new Date('2026-11-19T10:00:00+08:00'), ctx)!
  assert.deepEqual({ kind: r.kind, date: r.date, place: r.place, topic: r.topic, host: r.host, recorder: r.recorder, expected: r.expected, attendees: r.attendees },
    { kind: '支部委员会', date: '2026-11-18', place: '三楼会议室', topic: '讨论发展党员工作', host: '王建国', recorder: '刘洋', expected: 5, attendees: 4 })
  assert.deepEqual(r.absent, [{ name: '张三', reason: '病假' }])
})

test('officers’ plain reports are taken; plans, questions and members’ chatter are not', () => {
  const now = new Date('2026-11-26T10:00:00+08:00')
  assert.equal(parseActivity('已于11月25日上午开展主题党日活动，参加12人', now, ctx)?.kind, '主题党日')
  assert.equal(parseActivity('今天下午组织召开了党员大会，全体党员参加', now, ctx)?.attendees, 5)
  assert.equal(parseActivity('第二党小组昨晚召开了小组会，全体党员参加', now, ctx)?.attendees, 2)
  assert.equal(parseActivity('明天下午开支委会，请大家准时参加', now, ctx), null)
  assert.equal(parseActivity('下周五召开党员大会', now, ctx), null)
  assert.equal(parseActivity('支委会开了吗？', now, ctx), null)
  assert.equal(parseActivity('今天下午召开了支委会', now, member)?.kind, '支部委员会') // members' reports are recorded too (secretaries told)
  assert.ok(parseActivity('#活动 今天下午召开了支委会', now, member)) // a marker works for anyone on the roster
})

test('two reports in one day are two records with their own details', () => {
  const now = new Date('2026-11-20T21:00:00+08:00')
  const a = parseActivity('#活动 今天上午 支委会 研究组织生活会方案 应到5人 实到5人', now, ctx)!
  const b = parseActivity('#活动 今天下午 第一党小组 党小组会 学习《条例》 实到2人', now, ctx)!
  assert.equal(a.date, b.date)
  assert.deepEqual([a.kind, b.kind, b.group], ['支部委员会', '党小组会', '第一党小组'])
})

const base = (o: Partial<ActivityRecord> = {}): ActivityRecord => ({
  type: 'activity', id: 'x', branch: 'b', msgId: 'm', at: '2026-11-18T18:00:00+08:00', text: '', reporter: '王建国', kind: '党课',
  date: null, group: null, topic: null, place: null, host: null, speaker: null, recorder: null, expected: 5, attendees: null,
  absent: [{ name: '刘洋', reason: null }], content: null, photos: [], ...o,
})

test('missing elements are named the way an inspection would', () => {
  assert.deepEqual(missingElements(base()), ['时间', '议题', '主讲人', '实到人数', '缺席原因（刘洋）'])
})

test('#更正 fixes a field, parsing dates, counts and absences', () => {
  const pd = (v: string) => parseDatePhrase(v, new Date('2026-11-19T10:00:00+08:00'))?.date ?? null
  const r1 = applyCorrection(base(), '实到', '4', pd)
  assert.ok('record' in r1 && r1.record.attendees === 4)
  const r2 = applyCorrection(base(), '时间', '11月18日', pd)
  assert.ok('record' in r2 && r2.record.date === '2026-11-18')
  const r3 = applyCorrection(base(), '缺席', '刘洋（出差）、张三（病假）', pd)
  assert.ok('record' in r3 && r3.record.absent[1]!.reason === '病假')
  assert.ok('error' in applyCorrection(base(), '颜色', '红', pd))
})
