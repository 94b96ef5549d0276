// 三会一课 reports: a report becomes a 台账 record; photos sent right after it are attached;
// #更正 and #撤销活动 fix the reporter's latest record; #台账 hands the ledger to secretaries.
import { randomUUID } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseActivities, type ActivityParse, type ReportContext, type Unclear } from '../../messages/activity.js'
import { parseCommand } from '../../messages/command.js'
import { parseDatePhrase } from '../../messages/dates.js'
import { applyCorrection, completeWith, missingElements, sameMeeting } from '../../domain/ledger.js'
import { kindFromWord, kindOf } from '../../domain/kinds.js'
import { parsePeriodArg, periodOf } from '../../domain/periods.js'
import { obligationsOn } from '../../domain/obligations.js'
import { addDays, dayOf, isoShanghai, previousMonth } from '../../domain/time.js'
import type { ActivityRecord, Branch, CheckinRecord, Member } from '../../domain/types.js'
import type { OutFile } from '../outbox.js'
import { isSecretary, reply, tell, type App, type MsgContext } from '../app.js'
import { isOfficer } from '../../domain/roster.js'
import { targetOfCorrection } from '../corrections.js'
import { ledgerXlsx } from '../../report/xlsx.js'
import { summaryOnRequest } from '../../report/post.js'

/** Photos within this long after a report are its evidence. */
const PHOTO_WINDOW_MS = 10 * 60_000

export { isOfficer } from '../../domain/roster.js'

const cn = (d: string | null) => (d ? `${Number(d.slice(5, 7))}月${Number(d.slice(8))}日` : null)

export function recordView(r: ActivityRecord) {
  return {
    kind: r.kind, date: cn(r.date), group: r.group, topic: r.topic, place: r.place, host: r.host, speaker: r.speaker, recorder: r.recorder,
    attendance: r.attendees !== null ? (r.expected !== null ? `实到${r.attendees}/应到${r.expected}` : `参加${r.attendees}人`) : null,
    absent: r.absent.length ? r.absent.map((a) => `${a.name}（${a.reason ?? '原因未填'}）`).join('、') : null,
    photos: r.photos.length || null,
  }
}

/** The sender's latest activity record of this month or the last. */
async function latestOf(app: App, ctx: MsgContext): Promise<ActivityRecord | null> {
  const today = dayOf(ctx.at)
  let best: ActivityRecord | null = null
  for (const m of [previousMonth(today.slice(0, 7)), today.slice(0, 7)]) {
    for (const r of await app.store.monthView(ctx.branch.id, m, 'ledger')) {
      if (r.type === 'activity' && r.reporter === ctx.member?.name && (!best || r.at > best.at)) best = r
    }
  }
  return best
}

/** A sample value for the first missing element, for the "#更正 字段 值" hint. */
function example(missing: string[], branch: Branch): { exampleField: string; exampleValue: string } {
  const m = missing[0] ?? ''
  if (m === '时间') return { exampleField: '时间', exampleValue: '11月18日' }
  if (m === '议题') return { exampleField: '议题', exampleValue: '学习《中国共产党章程》' }
  if (m === '党小组') return { exampleField: '党小组', exampleValue: branch.groups[0]?.name ?? '第一党小组' }
  if (m === '主讲人') return { exampleField: '主讲人', exampleValue: branch.members[0]?.name ?? '周立新' }
  if (m.startsWith('缺席原因')) return { exampleField: '缺席', exampleValue: `${/（(.*)）/.exec(m)?.[1] ?? '刘洋'}（出差）` }
  return { exampleField: '实到', exampleValue: '8' }
}

/** The record a member last reported or completed, for the photos that follow it. */
const touched = new Map<string, { id: string; month: string; at: number }>()
/** Reports the bot asked about, waiting for a short answer ("支委会", "昨天"). */
const asked = new Map<string, { id: string; month: string; unclear: Unclear[]; until: number }>()
const who = (ctx: MsgContext) => `${ctx.branch.id}/${ctx.member?.name}`

function reportContext(ctx: MsgContext): ReportContext {
  return {
    officer: isOfficer(ctx.branch, ctx.member),
    groups: ctx.branch.groups.map((g) => g.name),
    roster: ctx.branch.members.map((m) => ({ name: m.name, group: m.group, aliases: m.aliases, role: m.role })),
    reporterGroup: ctx.member?.group ?? null,
    reporter: ctx.member?.name ?? null,
  }
}

async function byId(app: App, branch: string, month: string, id: string): Promise<ActivityRecord | null> {
  for (const r of await app.store.monthView(branch, month, 'ledger')) if (r.type === 'activity' && r.id === id) return r
  return null
}

function remember(ctx: MsgContext, r: ActivityRecord): void {
  touched.set(who(ctx), { id: r.id, month: (r.date ?? dayOf(ctx.at)).slice(0, 7), at: ctx.at.getTime() })
  if (touched.size > 1000) touched.delete(touched.keys().next().value!)
}

/** Ask the reporter what the bot could not tell, where the branch wants it asked. */
function ask(app: App, ctx: MsgContext, rec: ActivityRecord, unclear: Unclear[]): void {
  const text = app.templates.render('activity-ask', {
    name: ctx.member!.name, kind: unclear.includes('kind'), date: unclear.includes('date'),
    kindLabel: rec.kind === '其他' ? '“其他活动”' : rec.kind, dateLabel: cn(rec.date) ?? '今天',
  })
  if (ctx.branch.reports.ask === 'group' && ctx.room) reply(app, ctx, text)
  else tell(app, ctx.member!.name, text, 'reply')
  asked.set(who(ctx), { id: rec.id, month: (rec.date ?? dayOf(ctx.at)).slice(0, 7), unclear, until: ctx.at.getTime() + ctx.branch.reports.answerMinutes * 60_000 })
  if (asked.size > 1000) asked.delete(asked.keys().next().value!)
}

export async function report(app: App, ctx: MsgContext): Promise<boolean> {
  if (ctx.type !== 'text') return false
  const parses = parseActivities(ctx.text, ctx.at, reportContext(ctx))
  if (!parses.length) return false
  if (!ctx.member) {
    reply(app, ctx, app.templates.render('checkin-unknown', { name: ctx.senderName, branch: ctx.branch.name }))
    return true
  }
  // a message that reports two meetings makes two records: the second under `${msgId}#1`, as 接龙 does
  // (a recall removes both), each checked on its own so a redelivery after a crash completes the pair
  for (const [i, p] of parses.entries()) {
    if (!(await recordReport(app, ctx, p, i ? `${ctx.msgId}#${i}` : ctx.msgId, i === 0))) break
  }
  return true
}

/** One report: merged into the same meeting's record, or a new record. false when saving failed. */
async function recordReport(app: App, ctx: MsgContext, p: ActivityParse, msgId: string, first: boolean): Promise<boolean> {
  const member = ctx.member!
  const month = (p.date ?? dayOf(ctx.at)).slice(0, 7)
  if (await app.store.hasMessage(ctx.branch.id, month, 'ledger', msgId)) return true
  const { explicit: _e, unclear, ...fields } = p
  // a second report of a meeting already in the ledger completes that record instead of doubling it
  const earlier = (await app.store.monthView(ctx.branch.id, month, 'ledger')).find((r): r is ActivityRecord => r.type === 'activity' && sameMeeting(r, fields, ctx.at))
  if (earlier) {
    const { record: completed, added } = completeWith(earlier, fields)
    if (added.length) await app.store.update(earlier, completed)
    const record = await attachPhotos(app, ctx, completed, first ? takeWaiting(ctx) : [])
    if (record.photos.length > completed.photos.length) added.push(`照片${record.photos.length - completed.photos.length}张`)
    remember(ctx, record)
    reply(app, ctx, app.templates.render('activity-merged', { name: member.name, kind: record.kind, date: cn(record.date), reporter: earlier.reporter === member.name ? '您' : earlier.reporter, added: added.join('、') || null }))
    return true
  }
  const rec: ActivityRecord = {
    type: 'activity', id: randomUUID(), branch: ctx.branch.id, msgId, at: isoShanghai(ctx.at), text: ctx.raw ?? ctx.text,
    reporter: member.name, photos: [], ...fields,
  }
  try {
    await app.store.add(rec)
  } catch (e) {
    app.log.error(`保存「${ctx.senderName}」的活动报告失败`, e)
    reply(app, ctx, app.templates.render('save-failed', { name: member.name }))
    return false
  }
  const withPhotos = await attachPhotos(app, ctx, rec, first ? takeWaiting(ctx) : [])
  remember(ctx, withPhotos)
  const missing = missingElements(rec)
  reply(app, ctx, app.templates.render('activity-recorded', { name: member.name, ...recordView(withPhotos), missing: missing.length ? missing.join('、') : null, ...example(missing, ctx.branch) }))
  if (unclear.length) ask(app, ctx, rec, unclear)
  // a member's report is recorded, and the secretaries are told so they can check it
  if (!isOfficer(ctx.branch, member) && ctx.branch.reports.tellSecretaries) {
    for (const s of ctx.branch.secretaries) {
      if (s !== member.name) tell(app, s, app.templates.render('activity-member-report', { name: s, reporter: member.name, ...recordView(rec), kindLabel: rec.kind === '其他' ? '活动' : rec.kind }))
    }
  }
  return true
}

/** A short answer to the bot's question about a report ("支委会", "11月18日") completes the record. */
export async function reportAnswer(app: App, ctx: MsgContext): Promise<boolean> {
  if (ctx.type !== 'text' || !ctx.member) return false
  const q = asked.get(who(ctx))
  if (!q) return false
  if (ctx.at.getTime() > q.until) { asked.delete(who(ctx)); return false }
  const text = ctx.text.trim().replace(/[。.!！~～]+$/, '')
  if (!text || text.length > 24 || /^[#＃]/.test(text)) return false
  const kind = q.unclear.includes('kind') ? kindFromWord(text) ?? kindOf(text) : null
  const date = q.unclear.includes('date') ? parseDatePhrase(text, ctx.at, 'past')?.date ?? null : null
  if (!kind && !date) return false
  const rec = await byId(app, ctx.branch.id, q.month, q.id)
  if (!rec) { asked.delete(who(ctx)); return false }
  let updated = rec
  const fields: string[] = []
  if (kind) { updated = { ...updated, kind, group: updated.group ?? (kind === '党小组会' ? ctx.member.group : null) }; fields.push('类型') }
  if (date && date <= dayOf(ctx.at)) { updated = { ...updated, date }; fields.push('时间') }
  if (!fields.length) return false
  await app.store.update(rec, updated)
  const left = q.unclear.filter((u) => !(u === 'kind' && kind) && !(u === 'date' && date))
  if (left.length) asked.set(who(ctx), { ...q, unclear: left, month: (updated.date ?? q.month).slice(0, 7) })
  else asked.delete(who(ctx))
  remember(ctx, updated)
  const missing = missingElements(updated)
  reply(app, ctx, app.templates.render('activity-corrected', { name: ctx.member.name, field: fields.join('、'), ...recordView(updated), missing: missing.length ? missing.join('、') : null, ...example(missing, ctx.branch) }))
  return true
}

/** Photos a member sent before the words of their report, held briefly in memory until it comes. */
const waiting = new Map<string, { at: number; file: OutFile }[]>()
const MAX_WAITING = 9
const MAX_WAITING_BYTES = 16 << 20

function takeWaiting(ctx: MsgContext): OutFile[] {
  const list = waiting.get(who(ctx)) ?? []
  waiting.delete(who(ctx))
  return list.filter((w) => ctx.at.getTime() - w.at <= PHOTO_WINDOW_MS).map((w) => w.file)
}

/** Files the photos beside the data (owner-only) and adds them to the record, in one update. */
async function attachPhotos(app: App, ctx: MsgContext, rec: ActivityRecord, files: OutFile[]): Promise<ActivityRecord>
async function attachPhotos(app: App, ctx: MsgContext, rec: ActivityRecord, files: OutFile[], byMsg: string): Promise<ActivityRecord | null>
async function attachPhotos(app: App, ctx: MsgContext, rec: ActivityRecord, files: OutFile[], byMsg?: string): Promise<ActivityRecord | null> {
  if (!files.length) return rec
  const photos = [...rec.photos]
  for (const file of files) {
    const ext = (/\.(jpe?g|png|gif|webp|heic)$/i.exec(file.name)?.[1] ?? 'jpg').toLowerCase()
    // safe file names: the record id and a counter, never the sender's text
    const rel = path.join(rec.branch, 'photos', (rec.date ?? dayOf(ctx.at)).slice(0, 7), `${rec.id}-${photos.length + 1}.${ext}`)
    const abs = path.join(app.dataDir, rel)
    mkdirSync(path.dirname(abs), { recursive: true, mode: 0o700 })
    writeFileSync(abs, file.data, { mode: 0o600 })
    photos.push(rel)
  }
  const updated = { ...rec, photos }
  // with the photo's message id, the attachment and its done-mark are one journal line
  if (byMsg) return (await app.store.update(rec, updated, { byMsg })) ? updated : null
  await app.store.update(rec, updated)
  return updated
}

export async function photo(app: App, ctx: MsgContext): Promise<boolean> {
  if (ctx.type !== 'image' || !ctx.member || !ctx.image) return false
  const t = touched.get(who(ctx))
  const recent = t && ctx.at.getTime() - t.at <= PHOTO_WINDOW_MS ? await byId(app, ctx.branch.id, t.month, t.id) : null
  const latest = recent ?? await latestOf(app, ctx)
  const last = latest && (recent || ctx.at.getTime() - new Date(latest.at).getTime() <= PHOTO_WINDOW_MS) ? latest : null
  if (!last) {
    // photos often come first and the words after: keep a few until a report follows
    const list = (waiting.get(who(ctx)) ?? []).filter((w) => ctx.at.getTime() - w.at <= PHOTO_WINDOW_MS)
    const bytes = list.reduce((n, w) => n + w.file.data.length, 0)
    if (list.length < MAX_WAITING && bytes < MAX_WAITING_BYTES) {
      list.push({ at: ctx.at.getTime(), file: await ctx.image() })
      waiting.set(who(ctx), list)
      if (waiting.size > 200) waiting.delete(waiting.keys().next().value!)
    }
    return false
  }
  if (await app.store.applied(last, ctx.msgId)) return true // this photo is already attached
  const updated = await attachPhotos(app, ctx, last, [await ctx.image()], ctx.msgId)
  if (!updated) return true
  remember(ctx, updated)
  reply(app, ctx, app.templates.render('activity-photo', { kind: last.kind, date: cn(last.date), count: updated.photos.length }), 'ack')
  return true
}

export async function activityCommands(app: App, ctx: MsgContext): Promise<boolean> {
  if (ctx.type !== 'text') return false
  const cmd = parseCommand(ctx.text, app.config.bot.name)
  if (!cmd || !['更正', '撤销活动', '台账', '进度', '提醒', '月报'].includes(cmd.name)) return false
  if (!ctx.member) return true
  if (cmd.name === '台账') return ledger(app, ctx, cmd.args[0])
  if (cmd.name === '进度') return progress(app, ctx)
  if (cmd.name === '提醒') return reminders(app, ctx, cmd.args)
  if (cmd.name === '月报') return monthSummary(app, ctx, cmd.args[0])
  // issue 13: #更正 may name or quote whose record it means (others' only for secretaries)
  const target = cmd.name === '更正' ? await targetOfCorrection(app, ctx, cmd.args) : { own: cmd.args }
  if (target === 'answered') return true
  const last = 'record' in target ? target.record : await latestOf(app, ctx)
  if (!last) {
    reply(app, ctx, app.templates.render('activity-none', { name: ctx.member.name }))
    return true
  }
  if (cmd.name === '撤销活动') {
    if (!(await app.store.remove(last, { byMsg: ctx.msgId }))) return true // redelivered: done already
    reply(app, ctx, app.templates.render('activity-removed', { name: ctx.member.name, ...recordView(last) }))
    return true
  }
  const [field, ...rest] = 'record' in target ? target.args : target.own
  if (!field || !rest.length) {
    reply(app, ctx, app.templates.render('correction-usage', { name: ctx.member.name }))
    return true
  }
  const res = applyCorrection(last, field, rest.join(' '), (v) => parseDatePhrase(v, ctx.at, 'past')?.date ?? null)
  if ('error' in res) {
    reply(app, ctx, app.templates.render('correction-error', { name: ctx.member.name, error: res.error }))
    return true
  }
  if (!(await app.store.update(last, res.record, { byMsg: ctx.msgId }))) return true
  const missing = missingElements(res.record)
  reply(app, ctx, app.templates.render('activity-corrected', { name: ctx.member.name, whose: 'whose' in target && target.whose !== ctx.member.name ? target.whose : null, field, ...recordView(res.record), missing: missing.length ? missing.join('、') : null, ...example(missing, ctx.branch) }))
  return true
}

async function ledger(app: App, ctx: MsgContext, arg: string | undefined): Promise<boolean> {
  if (!isSecretary(ctx.branch, ctx.member)) {
    reply(app, ctx, app.templates.render('not-allowed', { name: ctx.member!.name, command: '台账' }))
    return true
  }
  const period = parsePeriodArg(arg, dayOf(ctx.at))
  if (!period) {
    reply(app, ctx, app.templates.render('ledger-usage', { name: ctx.member!.name }))
    return true
  }
  const activities = (await app.store.range(ctx.branch.id, period.from, period.to, 'ledger')).filter((r): r is ActivityRecord => r.type === 'activity').sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''))
  const checkins = (await app.store.range(ctx.branch.id, period.from, period.to, 'checkin')).filter((r): r is CheckinRecord => r.type === 'checkin')
  reply(app, ctx, app.templates.render('ledger', {
    branch: ctx.branch.name, label: period.label, count: activities.length, empty: activities.length === 0,
    rows: activities.map((r) => ({ ...recordView(r), missing: missingElements(r).join('、') || null })),
  }))
  const data = await ledgerXlsx({ branch: ctx.branch, from: period.from, to: period.to, activities, checkins })
  app.outbox.enqueue({ to: { contact: ctx.member!.name }, file: { name: `${ctx.branch.name}台账-${period.key}.xlsx`, data }, kind: 'reply' })
  tell(app, ctx.member!.name, app.templates.render('ledger-file', { label: period.label }), 'reply')
  return true
}

/** #进度: where each obligation of the current periods stands (anyone on the roster may ask). */
async function progress(app: App, ctx: MsgContext): Promise<boolean> {
  const today = dayOf(ctx.at)
  const year = periodOf(today, 'year')
  const acts = (await app.store.range(ctx.branch.id, year.from, today, 'ledger')).filter((r): r is ActivityRecord => r.type === 'activity')
  const rows = obligationsOn(ctx.branch, acts, today).map((o) => ({
    ...o, due: cn(o.due), periodLabel: o.period.includes('Q') ? '本季度' : o.period.length === 4 ? '本年度' : '本月',
  }))
  reply(app, ctx, app.templates.render('progress', { branch: ctx.branch.name, today: cn(today), rows, unmet: rows.filter((r) => !r.met).length || null }))
  return true
}

/** #提醒 (status), #提醒 暂停 7天, #提醒 恢复 — pausing and resuming is for secretaries. */
async function reminders(app: App, ctx: MsgContext, args: string[]): Promise<boolean> {
  const name = ctx.member!.name
  const [verb, amount] = args
  if (verb === '暂停' || verb === '恢复') {
    if (!isSecretary(ctx.branch, ctx.member)) {
      reply(app, ctx, app.templates.render('not-allowed', { name, command: `提醒 ${verb}` }))
      return true
    }
    if (verb === '恢复') {
      await app.state.setPaused(ctx.branch.id, null)
      reply(app, ctx, app.templates.render('reminders-resumed', { name }))
      return true
    }
    const days = Math.min(90, Math.max(1, Number(/\d+/.exec(amount ?? '')?.[0] ?? 7)))
    const until = addDays(dayOf(ctx.at), days - 1)
    await app.state.setPaused(ctx.branch.id, until)
    reply(app, ctx, app.templates.render('reminders-paused', { name, until: cn(until) }))
    return true
  }
  const paused = app.state.data.paused[ctx.branch.id]
  const r = ctx.branch.reminders
  reply(app, ctx, app.templates.render('reminders-status', {
    paused: paused && paused >= dayOf(ctx.at) ? cn(paused) : null, enabled: r.enabled, offsets: r.offsets.join('、'), time: r.time,
  }))
  return true
}

/** #月报 [2026-10]: a month's summary on demand (secretaries), posted where it was asked. */
async function monthSummary(app: App, ctx: MsgContext, arg: string | undefined): Promise<boolean> {
  if (!isSecretary(ctx.branch, ctx.member)) {
    reply(app, ctx, app.templates.render('not-allowed', { name: ctx.member!.name, command: '月报' }))
    return true
  }
  const p = parsePeriodArg(arg ?? previousMonth(dayOf(ctx.at).slice(0, 7)), dayOf(ctx.at))
  if (!p || p.key.length !== 7 || p.key.includes('Q')) {
    reply(app, ctx, app.templates.render('ledger-usage', { name: ctx.member!.name }))
    return true
  }
  await summaryOnRequest(app, ctx.branch, p.key, ctx.member!.name, ctx.room)
  return true
}
