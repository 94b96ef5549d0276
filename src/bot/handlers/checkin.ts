// 学习打卡 handlers: check-in, 补卡, 撤销打卡, 接龙, and a recalled check-in.
// A record is durable before it is acknowledged; a redelivered message is never credited twice.
import { randomUUID } from 'node:crypto'
import { entriesFor, entryContent, parseBackfill, parseCheckin, parseSolitaire, type CheckinParse } from '../../messages/checkin.js'
import { parseCommand } from '../../messages/command.js'
import { memberDay, streakOfDates } from '../../domain/checkin-stats.js'
import { dayOf, daysBetween, isoShanghai, previousMonth } from '../../domain/time.js'
import type { CheckinRecord, DateStr, LedgerRecord, Member } from '../../domain/types.js'
import { reply, type App, type MsgContext } from '../app.js'
import { saveWithinDailyCap } from '../limits.js'
import { dailyCapMinutes } from '../../domain/daily-cap.js'

function checkinRecord(ctx: MsgContext, member: Member, date: DateStr, p: CheckinParse, extra: Partial<CheckinRecord> = {}): CheckinRecord {
  return {
    type: 'checkin', id: randomUUID(), branch: ctx.branch.id, msgId: ctx.msgId, at: isoShanghai(ctx.at), text: ctx.raw ?? ctx.text,
    member: member.name, date, minutes: p.minutes, points: p.points, content: p.content, titles: p.titles, backfill: false, ...extra,
  }
}

async function alreadyRecorded(app: App, ctx: MsgContext, month: string): Promise<boolean> {
  return app.store.hasMessage(ctx.branch.id, month, 'checkin', ctx.msgId)
}

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
    name: member.name, date: `${Number(date.slice(5, 7))}月${Number(date.slice(8))}日`, minutes: day.minutes || null, points: day.points,
    times: day.count > 1 ? day.count : null, days, streak: streakOfDates(dates, today) || null,
    full: day.minutes >= dailyCapMinutes(ctx.branch.checkin) ? dailyCapMinutes(ctx.branch.checkin) / 60 : null, ...extra,
  }
  reply(app, ctx, app.templates.render(template, view), 'ack')
}

/** A sender not on the roster: not counted; told once, and listed for the secretaries. */
async function notOnRoster(app: App, ctx: MsgContext): Promise<void> {
  const first = !(app.state.data.unknown[ctx.branch.id] ?? {})[ctx.senderName]
  await app.state.noteUnknown(ctx.branch.id, ctx.senderName)
  if (first) reply(app, ctx, app.templates.render('checkin-unknown', { name: ctx.senderName, branch: ctx.branch.name }))
}

export async function checkin(app: App, ctx: MsgContext): Promise<boolean> {
  if (ctx.type !== 'text') return false
  const p = parseCheckin(ctx.text, ctx.at)
  if (!p) return false
  if (!ctx.member) { await notOnRoster(app, ctx); return true }
  const date = dayOf(ctx.at)
  if (await alreadyRecorded(app, ctx, date.slice(0, 7))) return true
  if (!(await save(app, ctx, [checkinRecord(ctx, ctx.member, date, p)]))) return true
  await acknowledge(app, ctx, ctx.member, date, 'checkin-ack')
  return true
}

export async function backfill(app: App, ctx: MsgContext): Promise<boolean> {
  if (ctx.type !== 'text') return false
  const b = parseBackfill(ctx.text, ctx.at)
  if (!b) return false
  if (!ctx.member) { await notOnRoster(app, ctx); return true }
  const today = dayOf(ctx.at)
  const limit = ctx.branch.checkin.backfillDays
  if ('error' in b) {
    // 补卡 for a day still to come is a slip of the finger: say so, rather than "write the date"
    if (b.error === 'future') reply(app, ctx, app.templates.render('backfill-future', { name: ctx.member.name, date: `${Number(b.date.slice(5, 7))}月${Number(b.date.slice(8))}日` }))
    else reply(app, ctx, app.templates.render('backfill-no-date', { name: ctx.member.name, limit }))
    return true
  }
  const back = daysBetween(b.date, today)
  if (back < 0 || back > limit) {
    reply(app, ctx, app.templates.render('backfill-too-late', { name: ctx.member.name, limit, date: b.date }))
    return true
  }
  if (await alreadyRecorded(app, ctx, b.date.slice(0, 7))) return true
  if (!(await save(app, ctx, [checkinRecord(ctx, ctx.member, b.date, b.checkin, { backfill: back > 0 })]))) return true
  await acknowledge(app, ctx, ctx.member, b.date, 'backfill-ok')
  return true
}

export async function undoCheckin(app: App, ctx: MsgContext): Promise<boolean> {
  if (ctx.type !== 'text' || parseCommand(ctx.text, app.config.bot.name)?.name !== '撤销打卡') return false
  if (!ctx.member) return true
  const today = dayOf(ctx.at)
  const recs = await app.store.monthView(ctx.branch.id, today.slice(0, 7), 'checkin')
  const mine = recs.filter((r): r is CheckinRecord => r.type === 'checkin' && r.member === ctx.member!.name && r.date === today)
  const last = mine.at(-1)
  if (!last) {
    reply(app, ctx, app.templates.render('undo-none', { name: ctx.member.name }))
    return true
  }
  // the undo and its done-mark are one journal line: redelivered, it removes nothing more
  if (!(await app.store.remove(last, { byMsg: ctx.msgId }))) return true
  const left = memberDay(ctx.member.name, mine.slice(0, -1), today)
  reply(app, ctx, app.templates.render('undo-ok', { name: ctx.member.name, content: last.content || null, left: left.count ? left.minutes : null }))
  return true
}

/** 接龙: credit only the sender's own line(s), once per chain and day. */
export async function solitaire(app: App, ctx: MsgContext): Promise<boolean> {
  if (ctx.type !== 'text') return false
  const s = parseSolitaire(ctx.text)
  if (!s) return false
  if (!ctx.member) { await notOnRoster(app, ctx); return true }
  const member = ctx.member
  const own = entriesFor(s, [member.name, ...member.aliases, ctx.senderName])
  if (!own.length) return true
  const date = dayOf(ctx.at)
  const recs = await app.store.monthView(ctx.branch.id, date.slice(0, 7), 'checkin')
  const credited = new Set(recs.filter((r): r is CheckinRecord => r.type === 'checkin' && r.member === member.name && r.date === date && r.chain === s.topic).map((r) => r.content))
  const fresh = own
    .map((e) => ({ e, content: entryContent(e, member.name) }))
    .filter(({ content }) => !credited.has(content))
  if (!fresh.length) return true
  const made = fresh.map(({ e, content }, i) => checkinRecord(ctx, member, date, { minutes: e.minutes, points: e.points, content, titles: [] }, { chain: s.topic, msgId: i ? `${ctx.msgId}#${i}` : ctx.msgId }))
  if (!(await save(app, ctx, made))) return true
  await acknowledge(app, ctx, member, date, 'checkin-ack')
  return true
}

/** A recalled message: the record made from it is removed (check-in or activity alike). */
export async function recall(app: App, ctx: MsgContext): Promise<boolean> {
  if (ctx.type !== 'recall') return false
  const id = ctx.text.trim()
  const today = dayOf(ctx.at)
  for (const m of [today.slice(0, 7), previousMonth(today.slice(0, 7))]) {
    const hits = (await app.store.month(ctx.branch.id, m)).filter((r) => r.msgId === id || r.msgId.startsWith(`${id}#`))
    for (const r of hits) await app.store.remove(r)
    if (hits.length) {
      app.log.info(`「${ctx.senderName}」撤回了消息，已删除由它产生的 ${hits.length} 条记录`)
      return true
    }
  }
  return true
}
