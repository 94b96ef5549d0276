// One message, two meetings: each gets its own record (the second under `msgId#1`), each with its own
// kind and head-count, the day said once serving both; a recall removes both. A second report of a
// meeting already recorded is merged, and what it adds lands in the first record's 内容.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { simulate, exportJson, ROOM } from '../helpers/sim.js'

test('a message reporting a 支委会 and then a 党员大会 makes two records', () => {
  const { data } = simulate([
    { at: '2026-11-19T09:00:00+08:00', room: ROOM, from: '周立新', text: '18号上午开了支委会（3人），下午接着开了党员大会，实到10人，两个会的记录都在本子上了', id: 'm1' },
  ])
  const acts = exportJson(data).filter((r) => r.type === 'activity')
  assert.deepEqual(acts.map((a) => [a.kind, a.date, a.attendees, a.messageId]).sort(), [
    ['支部党员大会', '2026-11-18', 10, 'm1#1'],
    ['支部委员会', '2026-11-18', 3, 'm1'],
  ])
})

test('a recalled two-meeting message leaves no record', () => {
  const { data } = simulate([
    { at: '2026-11-20T18:00:00+08:00', room: ROOM, from: '周立新', text: '今天下午先开了支委会，研究发展党员工作，会后召开了党员大会，应到10人实到9人', id: 'm2' },
    { at: '2026-11-20T18:01:00+08:00', room: ROOM, from: '周立新', text: 'm2', id: 'r2', type: 'recall' },
  ])
  assert.equal(exportJson(data).filter((r) => r.type === 'activity').length, 0)
})

test('a merged second report adds its words to the first record', () => {
  const { sent, data } = simulate([
    { at: '2026-11-20T16:10:00+08:00', room: ROOM, from: '周立新', text: '支委会刚刚散会，三个委员都到了', id: 'a1' },
    { at: '2026-11-20T16:30:00+08:00', room: ROOM, from: '孙雅琴', text: '补充一下今天支委会：会议研究了11月发展党员工作，确定刘洋为发展对象', id: 'a2' },
  ])
  const acts = exportJson(data).filter((r) => r.type === 'activity')
  assert.equal(acts.length, 1)
  assert.match(String(acts[0]!.content), /确定刘洋为发展对象/)
  assert.ok(sent.some((m) => /已合并为一条记录，并补充了：.*内容/.test(m.text ?? '')))
})

test('a weekly checklist with ✅ and a hand-in request records each meeting, and says so', () => {
  const { sent, data } = simulate([
    { at: '2026-11-29T10:00:00+08:00', room: ROOM, from: '孙雅琴', text: '本周工作小结：\n- 11.23 支委会 ✅\n- 11.28 主题党日 ✅（孙雅琴主持，全体参加）\n请大家把心得体会周一前交给我', id: 'w1' },
    { at: '2026-11-29T10:05:00+08:00', room: ROOM, from: '刘洋', text: '昨天梦见开组织生活会被点名批评了，吓醒😂', id: 'w2' },
    { at: '2026-11-29T10:06:00+08:00', room: ROOM, from: '黄磊', text: '【转】机关第一党支部今天开展了主题党日活动，赴红色教育基地参观学习，值得我们学习借鉴👍', id: 'w3' },
  ])
  const acts = exportJson(data).filter((r) => r.type === 'activity')
  assert.deepEqual(acts.map((a) => [a.kind, a.date, a.host ?? null, a.messageId]).sort(), [
    ['主题党日', '2026-11-28', '孙雅琴', 'w1#1'],
    ['支部委员会', '2026-11-23', null, 'w1'],
  ])
  assert.ok(sent.filter((m) => /已记入台账/.test(m.text ?? '')).length >= 1)
})
