// Issue 14.8: the roster changes over a year. Members carry `joined` / `left` (inclusive) and every
// month is counted against the roster of that month: a member who transferred out in October still
// counts in September and October and not in November; one who joins on the 20th counts from then;
// someone who has left is not reminded, not sent the secretaries' files, and not recognised.
// On the code before this change each test fails: the config rejects `joined`/`left` (unknown key),
// and checkinFigures counted today's config roster for every month (the unit test below).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { EXAMPLE, ROOM, exportJson, runCli, simulate, tmpDir, type Ev, type Sent } from '../helpers/sim.js'
import { loadConfig, parseConfig, ConfigError } from '../../src/config/load.js'
import { checkinFigures } from '../../src/domain/checkin-stats.js'
import { reminderPlan } from '../../src/domain/reminders.js'
import { branchOn, daysOnRoster, rosterDuring, rosterOn } from '../../src/domain/roster.js'
import type { Branch, CheckinRecord } from '../../src/domain/types.js'

const YAML = readFileSync(EXAMPLE, 'utf8')
const LINE = {
  liu: '      - { name: 刘洋, group: 第一党小组 }\n',
  wu: '      - { name: 吴芳, group: 第二党小组 }\n',
  sun: '      - { name: 孙雅琴, role: 组织委员, group: 第一党小组, aliases: [雅琴] }\n',
}
/** example.yaml with 刘洋 transferred out on 10-15, 吴芳 joined on 11-20 and 孙雅琴 (组织委员) out on 11-10 */
function changedYaml(opts: { removeLiu?: boolean } = {}): string {
  for (const l of Object.values(LINE)) assert.ok(YAML.includes(l), `example.yaml lists ${l.trim()}`)
  return YAML
    .replace(LINE.liu, opts.removeLiu ? '' : '      - { name: 刘洋, group: 第一党小组, left: 2026-10-15 }\n')
    .replace(LINE.wu, '      - { name: 吴芳, group: 第二党小组, joined: "2026-11-20" }\n')
    .replace(LINE.sun, '      - { name: 孙雅琴, role: 组织委员, group: 第一党小组, aliases: [雅琴], left: 2026-11-10 }\n')
}

function ck(member: string, date: string, minutes = 30): CheckinRecord {
  return { type: 'checkin', id: `${member}-${date}`, branch: 'jiguan2', member, date, minutes, points: null, titles: [], text: '打卡', at: 0 } as unknown as CheckinRecord
}

test('pure: a month counts everyone on its roster any day of it, each only on their own days', () => {
  const base = loadConfig(EXAMPLE).branches[0]!
  const branch: Branch = {
    ...base,
    members: base.members.map((m) => (m.name === '刘洋' ? { ...m, left: '2026-10-15' } : m.name === '吴芳' ? { ...m, joined: '2026-11-20' } : m)),
  }
  const recs = [ck('刘洋', '2026-09-10'), ck('刘洋', '2026-10-12'), ck('刘洋', '2026-10-20'), ck('王建国', '2026-11-04'), ck('吴芳', '2026-11-18'), ck('吴芳', '2026-11-21')]
  const sep = checkinFigures(branch, recs, '2026-09-01', '2026-09-30')
  assert.equal(sep.roster, 9, 'September: 刘洋 counts, 吴芳 has not joined yet')
  assert.deepEqual(sep.byMember.map((m) => m.name), ['刘洋'])
  const oct = checkinFigures(branch, recs, '2026-10-01', '2026-10-31')
  assert.equal(oct.roster, 9, 'October: 刘洋 was on the roster until the 15th')
  assert.equal(oct.memberDays, 1, 'a check-in after leaving is not counted')
  assert.equal(oct.rosterDays, 8 * 31 + 15, 'the day-rate denominator holds only 刘洋’s 15 days')
  const nov = checkinFigures(branch, recs, '2026-11-01', '2026-11-30')
  assert.equal(nov.roster, 9, 'November: without 刘洋, with 吴芳')
  assert.ok(!nov.missing.includes('刘洋'))
  assert.deepEqual(nov.byMember.map((m) => [m.name, m.days]), [['王建国', 1], ['吴芳', 1]], '吴芳 counts from the 20th only')
  assert.equal(nov.rosterDays, 8 * 30 + 11)
  assert.equal(daysOnRoster(branch.members.find((m) => m.name === '吴芳')!, '2026-11-01', '2026-11-30'), 11)
  assert.equal(rosterOn(branch, '2026-10-15').length, 9)
  assert.equal(rosterOn(branch, '2026-10-16').length, 8)
  assert.equal(rosterDuring(branch, '2026-10-16', '2026-11-19').length, 8)
})

test('pure: a secretary who has left is neither reminded nor a secretary any more', () => {
  const branch = parseConfig(changedYaml()).branches[0]!
  const before = reminderPlan(branch, [], '2026-11-09')
  const after = reminderPlan(branch, [], '2026-11-23')
  assert.ok(after.personal.length > 0, 'there are reminders on the 23rd')
  assert.ok(!after.personal.some((p) => p.person === '孙雅琴'), '孙雅琴 (left 11-10) gets none')
  assert.ok(after.personal.some((p) => p.person === '周立新'))
  assert.ok(!branchOn(branch, '2026-11-11').secretaries.includes('孙雅琴'))
  assert.ok(branchOn(branch, '2026-11-10').secretaries.includes('孙雅琴'))
  void before
})

test('config: dates are checked, with file:line and a Chinese explanation', () => {
  const early = YAML.replace(LINE.liu, '      - { name: 刘洋, group: 第一党小组, joined: 2026-10-15, left: 2026-09-30 }\n')
  assert.throws(() => parseConfig(early, 'x.yaml'), /x\.yaml:\d+ +branches\[0\]\.members\[5\]\.left：转出日期 2026-09-30 早于入册日期 2026-10-15/)
  const noDay = YAML.replace(LINE.wu, '      - { name: 吴芳, group: 第二党小组, joined: 2026-02-30 }\n')
  assert.throws(() => parseConfig(noDay, 'x.yaml'), /x\.yaml:\d+ +branches\[0\]\.members\[9\]\.joined：没有这一天/)
  assert.throws(() => parseConfig(YAML.replace(LINE.wu, '      - { name: 吴芳, joined: 11月20日 }\n')), /日期格式应为 YYYY-MM-DD/)
})

interface MonthReport {
  roster: number
  checkins: { members: number; memberDays: number; rosterDays: number; byMember: { name: string; days: number }[]; missing: string[]; notCounted: { name: string; days: number }[] }
}
function report(config: string, data: string, month: string): MonthReport {
  const r = runCli(['report', '--config', config, '--data', data, '--month', month, '--format', 'json'])
  assert.equal(r.status, 0, r.stderr)
  return JSON.parse(r.stdout)
}

test('through simulate: months keep their own roster; the departed are not reminded or recognised; removing a line vs keeping it with left', () => {
  const dir = tmpDir('zhibu-roster-time-')
  try {
    const config = path.join(dir, 'config.yaml')
    writeFileSync(config, changedYaml())
    const check = runCli(['check-config', config])
    assert.equal(check.status, 0, check.stderr)
    const at = (d: string, hm = '08:30') => `2026-${d}T${hm}:00+08:00`
    // short runs over the same data (a restart between each), so the scheduler does not tick through three months
    const data = path.join(dir, 'data')
    const sent: Sent[] = []
    const run = (events: Ev[], until: string, from?: string) => sent.push(...simulate(events, { config, data, until, ...(from ? { from } : {}) }).sent)
    run([
      { at: at('09-10'), room: ROOM, from: '刘洋', text: '打卡 学习党章 30分钟', id: 'a1' },
      { at: at('09-10', '09:00'), room: ROOM, from: '王建国', text: '打卡 学习党章 30分钟', id: 'a2' },
    ], at('09-10', '09:05'))
    run([{ at: at('10-12'), room: ROOM, from: '刘洋', text: '打卡 学习党章 30分钟', id: 'a3' }], at('10-12', '08:35'))
    run([
      { at: at('11-03'), room: ROOM, from: '刘洋', text: '打卡 学习党章 30分钟', id: 'a4' },
      { at: at('11-04'), room: ROOM, from: '王建国', text: '打卡 学习党章 40分钟', id: 'a5' },
    ], at('11-04', '08:35'))
    run([
      { at: at('11-18'), room: ROOM, from: '吴芳', text: '打卡 学习党章 20分钟', id: 'a6' },
      { at: at('11-21'), room: ROOM, from: '吴芳', text: '打卡 学习党章 20分钟', id: 'a7' },
    ], at('11-21', '08:35'))
    run([], at('11-23', '09:10'), at('11-23', '08:50'))
    run([], at('12-01', '09:30'), at('11-30', '23:00'))

    // who is recognised: 刘洋 after leaving and 吴芳 before joining are told they are not on the roster
    assert.deepEqual(exportJson(data, [], config).filter((r) => r.type === 'checkin').map((r) => `${r.member} ${r.date}`).sort(),
      ['刘洋 2026-09-10', '刘洋 2026-10-12', '吴芳 2026-11-21', '王建国 2026-09-10', '王建国 2026-11-04'])
    assert.ok(sent.some((s) => s.text?.includes('刘洋：您的微信名不在')))

    // each month against its own roster
    const sep = report(config, data, '2026-09')
    assert.equal(sep.roster, 9, 'September: 刘洋 and 孙雅琴 on it, 吴芳 not yet')
    assert.deepEqual(sep.checkins.byMember.map((m) => m.name).sort(), ['刘洋', '王建国'].sort())
    const nov = report(config, data, '2026-11')
    assert.equal(nov.roster, 9, 'November: 刘洋 gone, 吴芳 joined, 孙雅琴 until the 10th')
    assert.ok(!nov.checkins.missing.includes('刘洋'), 'a member who left in October is not named as missing in November')
    assert.ok(nov.checkins.missing.includes('孙雅琴'))
    assert.deepEqual(nov.checkins.byMember.map((m) => m.name).sort(), ['吴芳', '王建国'].sort())
    assert.equal(nov.checkins.rosterDays, 7 * 30 + 10 + 11)
    assert.equal(report(config, data, '2026-12').roster, 8)

    // the November summary on 12-01 counts November's roster; its Word file goes to today's secretaries only
    const posted = sent.find((s) => s.to.room && s.at.startsWith('2026-12-01') && /工作小结/.test(s.text ?? ''))
    assert.ok(posted, 'the November summary was posted')
    assert.match(posted.text!, /9名党员中有2名参加/)
    const docxTo = sent.filter((s) => s.file && s.to.contact && s.at.startsWith('2026-12-01')).map((s) => s.to.contact)
    assert.deepEqual(docxTo, ['周立新'])

    // reminders: 孙雅琴 before she left, never after; 刘洋 is sent nothing in November
    const toSun = sent.filter((s) => s.to.contact === '孙雅琴')
    assert.ok(toSun.every((s) => s.at <= '2026-11-10T24'), `孙雅琴 got: ${toSun.map((s) => s.at).join(', ')}`)
    assert.ok(sent.some((s) => s.to.contact === '周立新' && s.at.startsWith('2026-11-23') && /三会一课/.test(s.text ?? '')))
    assert.ok(!sent.some((s) => s.to.contact === '刘洋' && s.at >= '2026-10-16'))
    assert.ok(!sent.some((s) => s.mentions?.includes('孙雅琴') && s.at >= '2026-11-11'))

    // removing 刘洋's line altogether: September no longer counts him, his records still show by name
    const removed = path.join(dir, 'removed.yaml')
    writeFileSync(removed, changedYaml({ removeLiu: true }))
    const sepRemoved = report(removed, data, '2026-09')
    assert.equal(sepRemoved.roster, 8)
    assert.deepEqual(sepRemoved.checkins.byMember.map((m) => m.name), ['王建国'])
    assert.deepEqual(sepRemoved.checkins.notCounted, [{ name: '刘洋', days: 1, minutes: 30 }])
    assert.deepEqual(exportJson(data, [], removed).filter((r) => r.member === '刘洋').map((r) => r.date), ['2026-09-10', '2026-10-12'])
    // kept with `left`, September is as it was
    assert.deepEqual(report(config, data, '2026-09'), sep)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
