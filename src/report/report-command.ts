// `zhibu-bot report`: a month's figures, ledger and obligations from the command line.
import { writeFileSync } from 'node:fs'
import { checkinFigures } from '../domain/checkin-stats.js'
import { obligationsOn } from '../domain/obligations.js'
import { periodOf } from '../domain/periods.js'
import { dayOf, monthEnd } from '../domain/time.js'
import type { ActivityRecord, Branch, CheckinRecord, Config } from '../domain/types.js'
import { RecordStore } from '../store/records.js'
import type { ReportOptions } from './commands.js'
import { exportRecord } from './commands.js'

/** The `report --format json` shape of DESIGN.md for one month. */
export async function monthReport(branch: Branch, store: RecordStore, month: string, today: string) {
  const from = `${month}-01`
  const to = monthEnd(month)
  const year = periodOf(from, 'year')
  const records = await store.range(branch.id, year.from, to)
  const checkins = records.filter((r): r is CheckinRecord => r.type === 'checkin' && r.date >= from && r.date <= to)
  const activities = records.filter((r): r is ActivityRecord => r.type === 'activity')
  const inMonth = activities.filter((a) => a.date !== null && a.date >= from && a.date <= to)
  const f = checkinFigures(branch, checkins, from, to)
  const activityCounts: Record<string, number> = {}
  for (const a of inMonth) activityCounts[a.kind] = (activityCounts[a.kind] ?? 0) + 1
  // obligations as they stand at the month's end (or today, for the current month)
  const at = to < today ? to : today
  return {
    branch: branch.id, month, roster: f.roster,
    checkins: { memberDays: f.memberDays, members: f.members, rate: Math.round(f.rate * 1000) / 1000, minutes: f.minutes, byMember: f.byMember.map(({ name, days, minutes }) => ({ name, days, minutes })), missing: f.missing, pointsAvg: f.pointsAvg },
    activityCounts,
    activities: inMonth.sort((a, b) => a.date!.localeCompare(b.date!)).map(exportRecord),
    obligations: obligationsOn(branch, activities, at).map(({ kind, group, period, required, held, met, due }) => ({ kind, group, period, required, held, met, due })),
  }
}

export async function report(config: Config, o: ReportOptions): Promise<number> {
  const branch = o.branch ? config.branches.find((b) => b.id === o.branch) : config.branches.length === 1 ? config.branches[0] : undefined
  if (!branch) {
    process.stderr.write(o.branch ? `配置中没有支部 ${o.branch}（unknown branch）\n` : `有多个支部，请用 --branch 指定：${config.branches.map((b) => b.id).join('、')}\n`)
    return 2
  }
  if (o.format !== 'json') {
    process.stderr.write(`report 目前支持 --format json；text、docx 版月度小结尚在开发中（not implemented yet）\n`)
    return 2
  }
  if (!o.month || !/^\d{4}-(0[1-9]|1[0-2])$/.test(o.month)) {
    process.stderr.write('请用 --month YYYY-MM 指定月份（--quarter、--year 尚在开发中）\n')
    return 2
  }
  const text = JSON.stringify(await monthReport(branch, new RecordStore(o.data), o.month, dayOf(new Date())), null, 1) + '\n'
  if (o.out) writeFileSync(o.out, text)
  else process.stdout.write(text)
  return 0
}
