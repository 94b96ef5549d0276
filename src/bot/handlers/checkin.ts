// 学习打卡 handlers: check-in, 补卡, 撤销打卡, 接龙, and a recalled check-in.
// A record is durable before it is acknowledged; a redelivered message is never credited twice.
import { randomUUID } from 'node:crypto'
import { entriesFor, entryContent, parseBackfill, parseCheckin, parseSolitaire, type CheckinParse } from '../../messages/checkin.js'
import { memberDay } from '../../domain/checkin-stats.js'
import { dayOf, daysBetween, isoShanghai, monthDay, previousMonth } from '../../domain/time.js'
import type { CheckinRecord, DateStr, Member } from '../../domain/types.js'
import { reply, type App, type MsgContext } from '../app.js'
import { acknowledge, save } from '../checkin-save.js'

function checkinRecord(ctx: MsgContext, member: Member, date: DateStr, p: CheckinParse, extra: Partial<CheckinRecord> = {}): CheckinRecord {
  return {
    type: 'checkin', id: randomUUID(), branch: ctx.branch.id, msgId: ctx.msgId, at: isoShanghai(ctx.at), text: ctx.raw ?? ctx.text,
    member: member.name, date, minutes: p.minutes, points: p.points, content: p.content, titles: p.titles, backfill: false, ...extra,
  }
}

async function alreadyRecorded(app: App, ctx: MsgContext, month: string): Promise<boolean> {
  return app.store.hasMessage(ctx.branch.id, month, 'checkin', ctx.msgId)
}

/** A sender not on the roster: not counted; told once, and listed for the secretaries. */
async function notOnRoster(app: App, ctx: MsgContext): Promise<void> {
  const first = !(app.state.data.unknown[ctx.branch.id] ?? {})[ctx.senderName]
  await app.state.noteUnknown(ctx.branch.id, ctx.senderName)
  if (first) reply(app, ctx, app.templates.render('checkin-unknown', { name: ctx.senderName, branch: ctx.branch.name }))
}

export async function checkin(app: App, ctx: MsgContext): Promise<boolean> {
  if (ctx.type !== 'text') return false
  // the other members' names, as the roster knows them: "张伟今天学了两小时" is 张伟's study
  const others = ctx.branch.members.filter((m) => m !== ctx.member).flatMap((m) => [m.name, ...m.aliases])
  const p = parseCheckin(ctx.text, ctx.at, others)
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
    if (b.error === 'future') reply(app, ctx, app.templates.render('backfill-future', { name: ctx.member.name, date: monthDay(b.date) }))
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

/** 撤销打卡 (a row of bot/command-table.ts): removes the sender's latest check-in of today. */
export async function undoCheckin(app: App, ctx: MsgContext): Promise<void> {
  if (!ctx.member) return
  const today = dayOf(ctx.at)
  const mine = (await app.store.checkins(ctx.branch.id, { month: today.slice(0, 7) })).filter((r) => r.member === ctx.member!.name && r.date === today)
  const last = mine.at(-1)
  if (!last) {
    reply(app, ctx, app.templates.render('undo-none', { name: ctx.member.name }))
    return
  }
  // the undo and its done-mark are one journal line: redelivered, it removes nothing more
  if (!(await app.store.remove(last, { byMsg: ctx.msgId }))) return
  const left = memberDay(ctx.member.name, mine.slice(0, -1), today)
  reply(app, ctx, app.templates.render('undo-ok', { name: ctx.member.name, content: last.content || null, left: left.count ? left.minutes : null }))
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
  const recs = await app.store.checkins(ctx.branch.id, { month: date.slice(0, 7) })
  const credited = new Set(recs.filter((r) => r.member === member.name && r.date === date && r.chain === s.topic).map((r) => r.content))
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
