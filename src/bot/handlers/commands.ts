// Members' and secretaries' check-in commands: #我的 #本月 #排行 #未打卡 #未识别 (rows of bot/command-table.ts).
import { checkinFigures, streak } from '../../domain/checkin-stats.js'
import { dayOf, monthEnd, previousMonth } from '../../domain/time.js'
import { missedOf } from '../missed.js'
import type { CheckinRecord } from '../../domain/types.js'
import { reply, type App, type MsgContext } from '../app.js'

const pct = (x: number) => `${(x * 100).toFixed(1)}%`

async function monthCheckins(app: App, branch: string, month: string): Promise<CheckinRecord[]> {
  return app.store.checkins(branch, { month })
}

export async function mine(app: App, ctx: MsgContext): Promise<void> {
  const member = ctx.member!
  const today = dayOf(ctx.at)
  const month = today.slice(0, 7)
  const year = today.slice(0, 4)
  const cur = await monthCheckins(app, ctx.branch.id, month)
  const prev = await monthCheckins(app, ctx.branch.id, previousMonth(month))
  const f = checkinFigures(ctx.branch, cur, `${month}-01`, today).byMember.find((m) => m.name === member.name)
  let yearMinutes = 0
  for (let m = 1; m <= Number(month.slice(5)); m++) {
    const key = `${year}-${String(m).padStart(2, '0')}`
    for (const r of key === month ? cur : await monthCheckins(app, ctx.branch.id, key)) if (r.member === member.name) yearMinutes += r.minutes ?? 0
  }
  const per = ctx.branch.checkin.minutesPerStudyHour
  const hours = Math.round((yearMinutes / per) * 10) / 10
  const target = ctx.branch.checkin.yearlyHoursTarget
  reply(app, ctx, app.templates.render('cmd-mine', {
    name: member.name, month: Number(month.slice(5)), days: f?.days ?? 0, minutes: f?.minutes ?? 0, points: f?.points ?? null,
    streak: streak(member.name, [...prev, ...cur], today), hours, target, perHour: per,
    remaining: hours < target ? Math.round((target - hours) * 10) / 10 : null,
  }))
}

export async function branchMonth(app: App, ctx: MsgContext): Promise<void> {
  const today = dayOf(ctx.at)
  const month = today.slice(0, 7)
  const f = checkinFigures(ctx.branch, await monthCheckins(app, ctx.branch.id, month), `${month}-01`, today)
  const todayCount = f.perDay.find((d) => d.date === today)?.members ?? 0
  reply(app, ctx, app.templates.render('cmd-month', {
    branch: ctx.branch.name, month: Number(month.slice(5)), roster: f.roster, members: f.members, rate: pct(f.rate),
    memberDays: f.memberDays, minutes: f.minutes, hours: Math.round(f.minutes / 6) / 10, today: todayCount,
  }))
}

export async function leaderboard(app: App, ctx: MsgContext): Promise<void> {
  if (!ctx.branch.checkin.leaderboard) {
    reply(app, ctx, app.templates.render('cmd-leaderboard-off', { name: ctx.senderName }))
    return
  }
  const today = dayOf(ctx.at)
  const month = today.slice(0, 7)
  const f = checkinFigures(ctx.branch, await monthCheckins(app, ctx.branch.id, month), `${month}-01`, today)
  const rows = f.byMember.slice(0, 10).map((m, i) => ({ rank: i + 1, ...m }))
  reply(app, ctx, app.templates.render('cmd-leaderboard', { month: Number(month.slice(5)), rows, empty: rows.length === 0 }))
}

export async function missing(app: App, ctx: MsgContext): Promise<void> {
  const today = dayOf(ctx.at)
  const month = today.slice(0, 7)
  const recs = await monthCheckins(app, ctx.branch.id, month)
  const todayFig = checkinFigures(ctx.branch, recs, today, today)
  const monthFig = checkinFigures(ctx.branch, recs, `${month}-01`, monthEnd(month))
  reply(app, ctx, app.templates.render('cmd-missing', {
    today: todayFig.missing.join('、') || null, todayCount: todayFig.missing.length,
    month: monthFig.missing.join('、') || null, monthCount: monthFig.missing.length, monthNo: Number(month.slice(5)),
  }))
}

export function unknownSenders(app: App, ctx: MsgContext): void {
  const names = Object.entries(app.state.data.unknown[ctx.branch.id] ?? {}).map(([name, count]) => ({ name, count }))
  const missed = missedOf(ctx.branch.id)
  reply(app, ctx, app.templates.render('cmd-unknown', { names, empty: names.length === 0, missed, noMissed: missed.length === 0 }))
}
