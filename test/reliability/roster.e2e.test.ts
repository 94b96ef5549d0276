// A member leaves the roster (transferred out): the secretary deletes their line from the config.
// The branch's ledger keeps everything that member did while on it — in the data files and in
// `export` — while the monthly report counts only the current roster, and the bot, restarted with
// the new roster over the same data, neither records the former member's new check-ins nor drops
// their old ones when it rewrites the month's file.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { EXAMPLE, ROOM, exportJson, runCli, simulate, tmpDir } from '../helpers/sim.js'

const LEAVER = '刘洋'

function report(config: string, data: string, month: string) {
  const r = runCli(['report', '--config', config, '--data', data, '--month', month, '--format', 'json'])
  assert.equal(r.status, 0, r.stderr)
  return JSON.parse(r.stdout) as {
    roster: number
    checkins: { memberDays: number; members: number; minutes: number; byMember: { name: string; days: number; minutes: number }[]; missing: string[] }
    activities: { kind: string; absent: { name: string }[] }[]
  }
}

/** The check-ins in a month's file on disk (after a finished run the journal is folded into it). */
function onDisk(data: string, month: string) {
  const file = path.join(data, 'jiguan2', `${month}.json`)
  return (JSON.parse(readFileSync(file, 'utf8')) as { records: { type: string; member: string; date: string }[] }).records
}

test('removing a member from the roster keeps their records in the ledger and takes them out of the report', () => {
  const dir = tmpDir('zhibu-roster-')
  try {
    const { data } = simulate([
      { at: '2026-10-20T08:30:00+08:00', room: ROOM, from: LEAVER, text: '打卡 学习党章 30分钟', id: 'r0' },
      { at: '2026-11-03T08:30:00+08:00', room: ROOM, from: LEAVER, text: '打卡 学习党章 30分钟', id: 'r1' },
      { at: '2026-11-04T08:30:00+08:00', room: ROOM, from: LEAVER, text: '打卡 学习《条例》 20分钟', id: 'r2' },
      { at: '2026-11-04T09:30:00+08:00', room: ROOM, from: '王建国', text: '打卡 学习党章 40分钟', id: 'r3' },
      { at: '2026-11-05T18:00:00+08:00', room: ROOM, from: '周立新', text: '#活动 11月5日下午 支委会 讨论发展党员工作 应到5人 实到4人 刘洋出差请假', id: 'r4' },
    ], { data: path.join(dir, 'data'), until: '2026-11-05T18:10:00+08:00' })
    const before = exportJson(data)
    const beforeReport = report(EXAMPLE, data, '2026-11')
    assert.equal(beforeReport.roster, 10)
    assert.deepEqual(beforeReport.checkins.byMember.map((m) => m.name).sort(), [LEAVER, '王建国'].sort())

    // the secretary deletes the member's line from the roster
    const yaml = readFileSync(EXAMPLE, 'utf8')
    const line = `      - { name: ${LEAVER}, group: 第一党小组 }\n`
    assert.ok(yaml.includes(line), 'the example roster lists the member to remove')
    const config = path.join(dir, 'config.yaml')
    writeFileSync(config, yaml.replace(line, ''))
    const check = runCli(['check-config', config])
    assert.equal(check.status, 0, `the config without the member is valid: ${check.stderr}`)
    assert.match(check.stdout, /9 名党员/)

    // the ledger is unchanged: export lists every record, the former member's included
    assert.deepEqual(exportJson(data, [], config), before, 'export with the new roster lists the same records as before')
    const theirs = before.filter((r) => r.member === LEAVER)
    assert.deepEqual(theirs.map((r) => r.date), ['2026-10-20', '2026-11-03', '2026-11-04'])
    assert.ok(before.some((r) => r.type === 'activity' && JSON.stringify(r.absent).includes(LEAVER)), 'the meeting still names them as absent')

    // the report counts the current roster only
    const after = report(config, data, '2026-11')
    assert.equal(after.roster, 9, 'the monthly report counts 9 members on the roster')
    assert.ok(!after.checkins.byMember.some((m) => m.name === LEAVER), 'the former member is not in the check-in figures')
    assert.ok(!after.checkins.missing.includes(LEAVER), 'the former member is not listed as missing either')
    assert.equal(after.checkins.members, 1)
    assert.equal(after.checkins.memberDays, 1)
    assert.equal(after.checkins.minutes, 40)
    assert.deepEqual(after.activities, beforeReport.activities, 'the meetings of the month are reported as before')

    // the bot restarted with the new roster, over the same data: the former member's new check-in
    // is not recorded (they are told why), a member's is, and the month's file — rewritten when the
    // bot stops — still holds the former member's earlier check-ins
    const { sent } = simulate([
      { at: '2026-11-06T08:30:00+08:00', room: ROOM, from: LEAVER, text: '打卡 学习党章 30分钟', id: 'r5' },
      { at: '2026-11-06T08:40:00+08:00', room: ROOM, from: '王建国', text: '打卡 学习党章 30分钟', id: 'r6' },
    ], { config, data })
    assert.ok(sent.some((s) => s.text?.includes(`${LEAVER}：您的微信名不在`)), 'the former member is told they are not on the roster')
    assert.ok(sent.some((s) => s.text?.startsWith('王建国 已打卡')))
    const now = exportJson(data, [], config)
    assert.equal(now.length, before.length + 1, 'one record more: the member’s, not the former member’s')
    assert.deepEqual(now.filter((r) => r.member === LEAVER), theirs, 'the former member’s records are kept as they were')
    assert.deepEqual(onDisk(data, '2026-11').filter((r) => r.member === LEAVER).map((r) => r.date), ['2026-11-03', '2026-11-04'], 'and are still in the data file of November')
    assert.deepEqual(onDisk(data, '2026-10').filter((r) => r.member === LEAVER).map((r) => r.date), ['2026-10-20'], 'and of October')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
