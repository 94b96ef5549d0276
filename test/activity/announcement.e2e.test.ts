// #预告 through simulate: reminders the day before and an hour before; a follow-up only when unreported.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { simulate, ROOM } from '../helpers/sim.js'
import { parseAnnouncement } from '../../src/messages/announcement.js'

test('announcement parsing: kind, future date and time, place, group', () => {
  const now = new Date('2026-11-20T10:00:00+08:00')
  assert.deepEqual(parseAnnouncement('支委会 11月25日14:30 三楼会议室', now, ['第一党小组'], '2026-11-20'),
    { kind: '支部委员会', date: '2026-11-25', time: '14:30', place: '三楼会议室', group: null })
  assert.deepEqual(parseAnnouncement('第一党小组 党小组会 下周三下午3点 会议室', now, ['第一党小组'], '2026-11-20'),
    { kind: '党小组会', date: '2026-11-25', time: '15:00', place: '会议室', group: '第一党小组' })
  assert.deepEqual(parseAnnouncement('开会 11月25日', now, [], '2026-11-20'), { error: 'no-kind' })
})

test('an announced meeting is reminded the day before and an hour before; the reporter is asked only if unreported', () => {
  const { sent } = simulate([
    { at: '2026-11-20T10:00:00+08:00', room: ROOM, from: '周立新', text: '#预告 支委会 11月25日14:30 三楼会议室', id: 'n1' },
    { at: '2026-11-20T10:05:00+08:00', room: ROOM, from: '陈明', text: '#预告 第一党小组 党小组会 11月24日晚上7点 会议室', id: 'n2' },
    { at: '2026-11-20T10:06:00+08:00', room: ROOM, from: '王建国', text: '#预告 支委会 11月26日 会议室', id: 'n3' },
    { at: '2026-11-25T18:00:00+08:00', room: ROOM, from: '周立新', text: '#活动 今天下午 支委会 研究年终工作 应到5人 实到5人', id: 'n4' },
  ], { until: '2026-11-27T12:00:00+08:00' })
  // to the minute: other 09:00 notices (deadline reminders) may go first, a second apart
  const at = (re: RegExp) => sent.filter((s) => re.test(s.text ?? '')).map((s) => s.at.slice(0, 16))
  assert.deepEqual(at(/明天（11月25日）14:30 召开支部委员会/), ['2026-11-24T09:00'])
  assert.deepEqual(at(/支部委员会将于 14:30 开始/), ['2026-11-25T13:30'])
  assert.deepEqual(at(/明天（11月24日）19:00 第一党小组召开党小组会/), ['2026-11-23T09:00'])
  assert.deepEqual(at(/党小组会将于 19:00 开始/), ['2026-11-24T18:00'])
  const followUps = sent.filter((s) => /还没有报告记录/.test(s.text ?? ''))
  assert.deepEqual(followUps.map((s) => [s.to.contact, s.at.slice(0, 16)]), [['陈明', '2026-11-25T09:00']])
  // a member without a role cannot announce
  assert.ok(sent.some((s) => /请由支部委员或党小组长发布/.test(s.text ?? '')))
})
