// Secretaries may correct others' 台账 records — by naming whose (`#更正 陈明 地点 三楼会议室`) or by
// quoting the record; members still correct only their own, however they try.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { simulate, exportJson, ROOM } from '../helpers/sim.js'

const REPORT = '#活动 11月18日下午 党小组会 第一党小组 学习党章 应到6人 实到6人'
const quoting = (name: string, text: string, reply: string) => `「${name}：${text}」\n- - - - - - - - - - - - - - -\n${reply}`

test('a secretary corrects another member’s record by name or by quoting it; the reply says whose', () => {
  const { sent, data } = simulate([
    { at: '2026-11-18T18:00:00+08:00', room: ROOM, from: '陈明', text: REPORT, id: 'r1' },
    { at: '2026-11-18T18:10:00+08:00', room: ROOM, from: '孙雅琴', text: '#更正 陈明 地点 三楼会议室', id: 'c1' },
    { at: '2026-11-18T18:20:00+08:00', room: ROOM, from: '周立新', text: quoting('陈明', REPORT, '#更正 主持人 陈明'), id: 'c2' },
  ])
  const acts = exportJson(data).filter((r) => r.type === 'activity')
  assert.equal(acts.length, 1)
  assert.equal(acts[0]!.place, '三楼会议室')
  assert.equal(acts[0]!.host, '陈明')
  assert.equal(acts[0]!.reporter, '陈明', 'the record stays 陈明’s')
  assert.equal(sent.filter((s) => /已更正陈明报告的记录中的/.test(s.text ?? '')).length, 2)
})

test('members correct only their own: naming or quoting another’s record is refused and changes nothing', () => {
  const { sent, data } = simulate([
    { at: '2026-11-18T18:00:00+08:00', room: ROOM, from: '陈明', text: REPORT, id: 'r1' },
    { at: '2026-11-18T18:10:00+08:00', room: ROOM, from: '王建国', text: '#更正 陈明 地点 我家', id: 'c1' },
    { at: '2026-11-18T18:20:00+08:00', room: ROOM, from: '王建国', text: quoting('陈明', REPORT, '#更正 地点 我家'), id: 'c2' },
    // a look-alike name for the target is no one
    { at: '2026-11-18T18:30:00+08:00', room: ROOM, from: '孙雅琴', text: '#更正 陈明明 地点 我家', id: 'c3' },
    { at: '2026-11-18T18:40:00+08:00', room: ROOM, from: '陈明', text: '#更正 陈明 地点 二楼会议室', id: 'c4' },
  ])
  const acts = exportJson(data).filter((r) => r.type === 'activity')
  assert.equal(acts[0]!.place, '二楼会议室', 'only the reporter’s own correction took')
  assert.equal(sent.filter((s) => /只有支部管理员.*可以更正陈明报告的记录/.test(s.text ?? '')).length, 2)
})

test('a secretary naming someone with no record is told so, and their own record is untouched', () => {
  const { sent, data } = simulate([
    { at: '2026-11-18T18:00:00+08:00', room: ROOM, from: '孙雅琴', text: '#活动 11月18日下午 支委会 讨论发展党员工作 应到5人 实到5人', id: 'r1' },
    { at: '2026-11-18T18:10:00+08:00', room: ROOM, from: '孙雅琴', text: '#更正 刘洋 地点 三楼', id: 'c1' },
  ])
  assert.equal(exportJson(data).filter((r) => r.type === 'activity')[0]!.place, null)
  assert.ok(sent.some((s) => /没有找到刘洋最近报告的活动记录/.test(s.text ?? '')))
})
