// Members' and secretaries' check-in commands: #我的 #本月 #排行 #未打卡 #未识别.
import { parseCommand } from '../../messages/command.js'
import { checkinFigures, streak } from '../../domain/checkin-stats.js'
import { dayOf, monthEnd, previousMonth } from '../../domain/time.js'
import { missedOf } from '../missed.js'
import type { CheckinRecord } from '../../domain/types.js'
import { isSecretary } from '../../domain/roster.js'
import { reply, type App, type MsgContext } from '../app.js'

const pct = (x: number) => `${(x * 100).toFixed(1)}%`

async function monthCheckins(app: App, branch: string, month: string): Promise<CheckinRecord[]> {
  return (await app.store.monthView(branch, month, 'checkin')).filter((r): r is CheckinRecord => r.type === 'checkin')
}

async function mine(app: App, ctx: MsgContext): Promise<void> {
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

async function branchMonth(app: App, ctx: MsgContext): Promise<void> {
  const today = dayOf(ctx.at)
  const month = today.slice(0, 7)
  const f = checkinFigures(ctx.branch, await monthCheckins(app, ctx.branch.id, month), `${month}-01`, today)
  const todayCount = f.perDay.find((d) => d.date === today)?.members ?? 0
  reply(app, ctx, app.templates.render('cmd-month', {
    branch: ctx.branch.name, month: Number(month.slice(5)), roster: f.roster, members: f.members, rate: pct(f.rate),
    memberDays: f.memberDays, minutes: f.minutes, hours: Math.round(f.minutes / 6) / 10, today: todayCount,
  }))
}

async function leaderboard(app: App, ctx: MsgContext): Promise<void> {
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

async function missing(app: App, ctx: MsgContext): Promise<void> {
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

function unknownSenders(app: App, ctx: MsgContext): void {
  const names = Object.entries(app.state.data.unknown[ctx.branch.id] ?? {}).map(([name, count]) => ({ name, count }))
  const missed = missedOf(ctx.branch.id)
  reply(app, ctx, app.templates.render('cmd-unknown', { names, empty: names.length === 0, missed, noMissed: missed.length === 0 }))
}

export async function memberCommands(app: App, ctx: MsgContext): Promise<boolean> {
  if (ctx.type !== 'text') return false
  const cmd = parseCommand(ctx.text, app.config.bot.name)
  if (!cmd || !['我的', '本月', '排行', '未打卡', '未识别'].includes(cmd.name)) return false
  if (!ctx.member) return true
  const secretaryOnly = cmd.name === '未打卡' || cmd.name === '未识别'
  if (secretaryOnly && !isSecretary(ctx.branch, ctx.member)) {
    reply(app, ctx, app.templates.render('not-allowed', { name: ctx.member.name, command: cmd.name }))
    return true
  }
  switch (cmd.name) {
    case '我的': await mine(app, ctx); break
    case '本月': await branchMonth(app, ctx); break
    case '排行': await leaderboard(app, ctx); break
    case '未打卡': await missing(app, ctx); break
    case '未识别': unknownSenders(app, ctx); break
  }
  return true
}
