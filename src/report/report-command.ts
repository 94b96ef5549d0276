// `zhibu-bot report`: a month's figures, ledger and obligations from the command line.
import { writeFileSync } from 'node:fs'
import { checkinFigures } from '../domain/checkin-stats.js'
import { obligationsOn } from '../domain/obligations.js'
import { parsePeriodArg, periodOf, unitOfKey } from '../domain/periods.js'
import { dayOf, monthEnd } from '../domain/time.js'
import type { Branch, Config } from '../domain/types.js'
import type { RecordStore } from '../store/records.js'
import { exportRecord, readOnlyStore, writeOutput, type ReportOptions } from './cli-io.js'
import { buildSummary } from './post.js'
import { summaryDocx } from './summary-docx.js'
import { ledgerXlsx } from './xlsx.js'
import { Templates } from '../templates.js'
import { now } from '../clock.js'

/** The `report --format json` shape of DESIGN.md for one month. */
export async function monthReport(branch: Branch, store: RecordStore, month: string, today: string) {
  const from = `${month}-01`
  const to = monthEnd(month)
  const year = periodOf(from, 'year')
  const checkins = await store.checkins(branch.id, { from, to })
  const activities = await store.activities(branch.id, { from: year.from, to: to })
  const inMonth = activities.filter((a) => a.date !== null && a.date >= from && a.date <= to)
  const f = checkinFigures(branch, checkins, from, to)
  // check-ins of people not on the month's roster (removed from the config since): shown by name, never counted
  const counted = new Set(f.byMember.map((m) => m.name))
  const others = new Map<string, { name: string; days: Set<string>; minutes: number }>()
  for (const r of checkins) {
    if (counted.has(r.member) || r.date < from || r.date > to) continue
    const o = others.get(r.member) ?? { name: r.member, days: new Set<string>(), minutes: 0 }
    o.days.add(r.date)
    o.minutes += r.minutes ?? 0
    others.set(r.member, o)
  }
  const activityCounts: Record<string, number> = {}
  for (const a of inMonth) activityCounts[a.kind] = (activityCounts[a.kind] ?? 0) + 1
  // obligations as they stand at the month's end (or today, for the current month)
  const at = to < today ? to : today
  return {
    branch: branch.id, month, roster: f.roster,
    checkins: { memberDays: f.memberDays, members: f.members, rate: Math.round(f.rate * 1000) / 1000, rosterDays: f.rosterDays, dayRate: Math.round(f.dayRate * 1000) / 1000, minutes: f.minutes, byMember: f.byMember.map(({ name, days, minutes }) => ({ name, days, minutes })), missing: f.missing, pointsAvg: f.pointsAvg, notCounted: [...others.values()].map((o) => ({ name: o.name, days: o.days.size, minutes: o.minutes })) },
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
  if (!['json', 'text', 'docx', 'xlsx'].includes(o.format)) {
    process.stderr.write(`不支持的格式 ${o.format}，可选 text、json、docx、xlsx\n`)
    return 2
  }
  const store = readOnlyStore(o.data, config)
  if (o.quarter || o.year) {
    const period = parsePeriodArg(o.quarter ?? o.year, dayOf(now()))
    if (!period || (o.quarter && unitOfKey(period.key) !== 'quarter') || (o.year && unitOfKey(period.key) !== 'year') || !['text', 'docx'].includes(o.format)) {
      process.stderr.write('季度、年度小结：--quarter 2026Q4 或 --year 2026，格式 text 或 docx\n')
      return 2
    }
    const { model, text } = await buildSummary({ store, templates: new Templates(), now }, branch, period)
    const acts = await store.activities(branch.id, { from: period.from, to: period.to })
    if (o.format === 'text') { await writeOutput(text + '\n', o.out); return 0 }
    const out = o.out ?? `${model.title}.docx`
    writeFileSync(out, await summaryDocx(model, text, acts))
    process.stderr.write(`已写出 ${out}\n`)
    return 0
  }
  if (!o.month || !/^\d{4}-(0[1-9]|1[0-2])$/.test(o.month)) {
    process.stderr.write('请用 --month YYYY-MM 指定月份（或 --quarter 2026Q4、--year 2026）\n')
    return 2
  }
  if (o.format === 'json') {
    await writeOutput(JSON.stringify(await monthReport(branch, store, o.month, dayOf(now())), null, 1) + '\n', o.out)
    return 0
  }
  const { model, text } = await buildSummary({ store, templates: new Templates(), now }, branch, o.month)
  if (o.format === 'text') {
    await writeOutput(text + '\n', o.out)
    return 0
  }
  const ledger = await store.activities(branch.id, { month: o.month })
  const out = o.out ?? (o.format === 'docx' ? `${model.title}.docx` : `${branch.name}台账-${o.month}.xlsx`)
  const data = o.format === 'docx'
    ? await summaryDocx(model, text, ledger)
    : await ledgerXlsx({ branch, from: `${o.month}-01`, to: monthEnd(o.month), activities: ledger, checkins: await store.checkins(branch.id, { month: o.month }) })
  writeFileSync(out, data)
  process.stderr.write(`已写出 ${out}\n`)
  return 0
}
