// Reports, corrections, photos and the ledger, end to end through simulate, export and the xlsx.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { simulate, exportJson, runCli, tmpDir, EXAMPLE, ROOM } from '../helpers/sim.js'

test('reports, a correction, a photo and a recall give the expected ledger', async () => {
  const { sent, data } = simulate([
    { at: '2026-11-18T18:00:00+08:00', room: ROOM, from: '周立新', text: '#活动 11月18日下午 支委会 讨论发展党员工作 应到5人 刘洋出差请假 主持人：周立新', id: 'r1' },
    { at: '2026-11-18T18:01:00+08:00', room: ROOM, from: '周立新', text: 'meeting.jpg', id: 'p1', type: 'image' },
    { at: '2026-11-18T18:02:00+08:00', room: ROOM, from: '周立新', text: '#更正 地点 三楼会议室', id: 'r2' },
    { at: '2026-11-21T21:00:00+08:00', room: ROOM, from: '陈明', text: '今晚第一党小组召开了党小组会，学习《中国共产党纪律处分条例》，全体党员参加', id: 'r3' },
    { at: '2026-11-22T10:00:00+08:00', room: ROOM, from: '王建国', text: '明天下午开支委会，请大家准时参加', id: 'r4' },
    { at: '2026-11-22T11:00:00+08:00', room: ROOM, from: '赵静', text: '#活动 党课 今天上午 应到5人', id: 'r5' },
    { at: '2026-11-22T11:01:00+08:00', room: ROOM, from: '赵静', text: 'r5', id: 'r6', type: 'recall' },
    { at: '2026-11-23T10:05:00+08:00', room: ROOM, from: '孙雅琴', text: '#台账 2026-11', id: 'r7' },
  ])
  const acts = exportJson(data).filter((r) => r.type === 'activity')
  assert.equal(acts.length, 2)
  const zwh = acts.find((a) => a.kind === '支部委员会')!
  assert.deepEqual(
    { date: zwh.date, place: zwh.place, topic: zwh.topic, host: zwh.host, expected: zwh.expected, attendees: zwh.attendees, absent: zwh.absent },
    { date: '2026-11-18', place: '三楼会议室', topic: '讨论发展党员工作', host: '周立新', expected: 5, attendees: 4, absent: [{ name: '刘洋', reason: '出差' }] },
  )
  assert.equal((zwh.photos as string[]).length, 1)
  assert.ok(existsSync(path.join(data, (zwh.photos as string[])[0]!)))
  const xzh = acts.find((a) => a.kind === '党小组会')!
  assert.deepEqual([xzh.group, xzh.date, xzh.attendees], ['第一党小组', '2026-11-21', 5])
  for (const k of ['type', 'branch', 'kind', 'date', 'group', 'topic', 'place', 'host', 'speaker', 'recorder', 'expected', 'attendees', 'absent', 'text']) assert.ok(k in zwh, k)
  // the bot says what it understood and asks once for what is missing (the recalled 党课 lacked a speaker)
  assert.match(sent[0]!.text!, /已记入台账：支部委员会，11月18日.*实到4\/应到5，缺席：刘洋（出差）/)
  assert.ok(sent.some((s) => /还缺：.*主讲人/.test(s.text ?? '')))
  // the ledger: in the chat, and as an xlsx sent privately to the secretary
  assert.ok(sent.some((s) => s.to.room === ROOM && /2026年11月台账（2条）/.test(s.text ?? '')))
  assert.ok(sent.some((s) => s.to.contact === '孙雅琴' && s.file === '机关第二党支部台账-2026-11.xlsx'))
})

test('the xlsx ledger keeps its Chinese headers (read back with exceljs)', async () => {
  const { data } = simulate([
    { at: '2026-11-18T18:00:00+08:00', room: ROOM, from: '周立新', text: '#活动 11月18日下午 支委会 讨论发展党员工作 应到5人 实到5人', id: 'r1' },
    { at: '2026-11-19T08:00:00+08:00', room: ROOM, from: '王建国', text: '打卡 学习《党章》 30分钟', id: 'c1' },
  ])
  const out = path.join(tmpDir(), '台账.xlsx')
  const r = runCli(['export', '--config', EXAMPLE, '--data', data, '--format', 'xlsx', '--out', out])
  assert.equal(r.status, 0, r.stderr)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer)
  const ws = wb.getWorksheet('支部委员会')!
  assert.deepEqual((ws.getRow(1).values as unknown[]).slice(1, 5), ['日期', '类型', '党小组', '议题'])
  assert.equal(ws.getRow(2).getCell(4).value, '讨论发展党员工作')
  const ci = wb.getWorksheet('学习打卡')!
  assert.equal(ci.getRow(1).getCell(1).value, '姓名')
  const wang = ci.getColumn(1).values.findIndex((v) => v === '王建国')
  assert.ok(wang > 0)
})

test('#进度 shows each obligation of the current periods from the ledger', () => {
  const { sent } = simulate([
    { at: '2026-11-18T18:00:00+08:00', room: ROOM, from: '周立新', text: '#活动 11月18日下午 支委会 讨论发展党员工作 应到5人 实到5人' },
    { at: '2026-11-22T10:00:00+08:00', room: ROOM, from: '孙雅琴', text: '#进度' },
  ])
  const t = sent.at(-1)!.text!
  assert.match(t, /✓ 支部委员会：1\/1 次（本月，截止11月30日）/)
  assert.match(t, /○ 第二党小组 党小组会：0\/1 次/)
})
