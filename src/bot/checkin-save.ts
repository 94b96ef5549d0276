// Saving check-ins and acknowledging them: shared by the text check-in handlers and the screenshot
// handler. A record is durable before it is acknowledged.
import { memberDay, streakOfDates } from '../domain/checkin-stats.js'
import { dailyCapMinutes } from '../domain/daily-cap.js'
import { dayOf, monthDay, previousMonth } from '../domain/time.js'
import type { CheckinRecord, DateStr, LedgerRecord, Member } from '../domain/types.js'
import { reply, type App, type MsgContext } from './app.js'
import { saveWithinDailyCap } from './limits.js'

/** Saves records; on a storage failure the member is told, and nothing is acknowledged. */
export async function save(app: App, ctx: MsgContext, recs: LedgerRecord[]): Promise<boolean> {
  try {
    await saveWithinDailyCap(app, recs) // a day's minutes stop at the branch's ceiling (issue 13)
    return true
  } catch (e) {
    app.log.error(`保存「${ctx.senderName}」的记录失败，未确认`, e)
    reply(app, ctx, app.templates.render('save-failed', { name: ctx.senderName }))
    return false
  }
}

export async function acknowledge(app: App, ctx: MsgContext, member: Member, date: DateStr, template: string, extra: object = {}): Promise<void> {
  const mode = ctx.branch.checkin.ack
  if (mode !== 'reply' && ctx.room) return // digest and silent: no per-message reply in the group
  const today = dayOf(ctx.at)
  const months = [...new Set([date.slice(0, 7), today.slice(0, 7)])].sort()
  const recs: CheckinRecord[] = []
  for (const m of months) for (const r of await app.store.memberView(ctx.branch.id, m, member.name)) if (r.type === 'checkin') recs.push(r)
  const day = memberDay(member.name, recs, date)
  const days = new Set(recs.filter((r) => r.date.startsWith(date.slice(0, 7))).map((r) => r.date)).size
  // the month before matters only to a streak that reaches back to the 1st: its dates, not its records
  const dates = new Set(recs.map((r) => r.date))
  if (dates.has(`${months[0]}-01`)) for (const d of await app.store.memberDates(ctx.branch.id, previousMonth(months[0]!), member.name)) dates.add(d)
  const view = {
    name: member.name, date: monthDay(date), minutes: day.minutes || null, points: day.points,
    times: day.count > 1 ? day.count : null, days, streak: streakOfDates(dates, today) || null,
    full: day.minutes >= dailyCapMinutes(ctx.branch.checkin) ? dailyCapMinutes(ctx.branch.checkin) / 60 : null, ...extra,
  }
  reply(app, ctx, app.templates.render(template, view), 'ack')
}

