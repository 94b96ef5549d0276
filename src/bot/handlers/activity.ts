// 三会一课 reports: a report becomes a 台账 record; photos sent right after it are attached;
// #更正 and #撤销活动 fix the reporter's latest record; #台账 hands the ledger to secretaries.
import { randomUUID } from 'node:crypto'
import { parseActivities, type ActivityParse, type ReportContext, type Unclear } from '../../messages/activity.js'
import type { Command } from '../../messages/command.js'
import { parseDatePhrase } from '../../messages/dates.js'
import { applyCorrection, completeWith, CORRECTABLE_FIELDS, missingElements, sameMeeting } from '../../domain/ledger.js'
import { kindFromWord, kindOf } from '../../domain/kinds.js'
import { parsePeriodArg, periodOf, unitOfKey } from '../../domain/periods.js'
import { obligationsOn } from '../../domain/obligations.js'
import { addDays, dayOf, isoShanghai, monthDay, previousMonth } from '../../domain/time.js'
import type { ActivityRecord, Branch } from '../../domain/types.js'
import type { OutFile } from '../outbox.js'
import { branchOn, isOfficer, isSecretary, rosterOn } from '../../domain/roster.js'
import { reply, tell, type App, type MsgContext } from '../app.js'
import { targetOfCorrection } from '../corrections.js'
import { holdPhoto, takeHeldPhotos } from '../photo-hold.js'
import { perApp } from '../per-app.js'
import { loadXlsx } from '../../report/lazy.js'
import { summaryOnRequest } from '../../report/post.js'
import { periodWord, recordView } from '../../report/views.js'

/** Photos within this long after a report are its evidence. */
const PHOTO_WINDOW_MS = 10 * 60_000

const cn = (d: string | null) => (d ? monthDay(d) : null)

/** The sender's latest activity record of this month or the last. */
async function latestOf(app: App, ctx: MsgContext): Promise<ActivityRecord | null> {
  const today = dayOf(ctx.at)
  let best: ActivityRecord | null = null
  for (const m of [previousMonth(today.slice(0, 7)), today.slice(0, 7)]) {
    for (const r of await app.store.activities(ctx.branch.id, { month: m })) {
      if (r.reporter === ctx.member?.name && (!best || r.at > best.at)) best = r
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
const touchedOf = perApp(() => new Map<string, { id: string; month: string; at: number }>())
/** Reports the bot asked about, waiting for a short answer ("支委会", "昨天"). */
const askedOf = perApp(() => new Map<string, { id: string; month: string; unclear: Unclear[]; until: number }>())
const who = (ctx: MsgContext) => `${ctx.branch.id}/${ctx.member?.name}`

function reportContext(ctx: MsgContext): ReportContext {
  return {
    officer: isOfficer(ctx.branch, ctx.member),
    groups: ctx.branch.groups.map((g) => g.name),
    // 应到 of a group: its members on the roster that day
    roster: rosterOn(ctx.branch, dayOf(ctx.at)).map((m) => ({ name: m.name, group: m.group, aliases: m.aliases, role: m.role })),
    reporterGroup: ctx.member?.group ?? null,
    reporter: ctx.member?.name ?? null,
    branch: ctx.branch.name,
  }
}

async function byId(app: App, branch: string, month: string, id: string): Promise<ActivityRecord | null> {
  return (await app.store.activities(branch, { month })).find((r) => r.id === id) ?? null
}

function remember(app: App, ctx: MsgContext, r: ActivityRecord): void {
  const touched = touchedOf(app)
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
  const asked = askedOf(app)
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
  const earlier = (await app.store.activities(ctx.branch.id, { month })).find((r) => sameMeeting(r, fields, ctx.at))
  if (earlier) {
    const { record: completed, added } = completeWith(earlier, fields)
    if (added.length) await app.store.update(earlier, completed)
    const record = await attachPhotos(app, ctx, completed, first ? takeHeldPhotos(app, ctx, PHOTO_WINDOW_MS) : [])
    if (record.photos.length > completed.photos.length) added.push(`照片${record.photos.length - completed.photos.length}张`)
    remember(app, ctx, record)
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
  const withPhotos = await attachPhotos(app, ctx, rec, first ? takeHeldPhotos(app, ctx, PHOTO_WINDOW_MS) : [])
  remember(app, ctx, withPhotos)
  const missing = missingElements(rec)
  reply(app, ctx, app.templates.render('activity-recorded', { name: member.name, ...recordView(withPhotos), missing: missing.length ? missing.join('、') : null, ...example(missing, ctx.branch) }))
  if (unclear.length) ask(app, ctx, rec, unclear)
  // a member's report is recorded, and the secretaries are told so they can check it
  if (!isOfficer(ctx.branch, member) && ctx.branch.reports.tellSecretaries) {
    for (const s of branchOn(ctx.branch, dayOf(ctx.at)).secretaries) {
      if (s !== member.name) tell(app, s, app.templates.render('activity-member-report', { name: s, reporter: member.name, ...recordView(rec), kindLabel: rec.kind === '其他' ? '活动' : rec.kind }))
    }
  }
  return true
}

/** A short answer to the bot's question about a report ("支委会", "11月18日") completes the record. */
export async function reportAnswer(app: App, ctx: MsgContext): Promise<boolean> {
  if (ctx.type !== 'text' || !ctx.member) return false
  const asked = askedOf(app)
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
  remember(app, ctx, updated)
  const missing = missingElements(updated)
  reply(app, ctx, app.templates.render('activity-corrected', { name: ctx.member.name, field: fields.join('、'), ...recordView(updated), missing: missing.length ? missing.join('、') : null, ...example(missing, ctx.branch) }))
  return true
}

/** Files the photos beside the data (store.savePhoto) and adds them to the record, in one update. */
async function attachPhotos(app: App, ctx: MsgContext, rec: ActivityRecord, files: OutFile[]): Promise<ActivityRecord>
async function attachPhotos(app: App, ctx: MsgContext, rec: ActivityRecord, files: OutFile[], byMsg: string): Promise<ActivityRecord | null>
async function attachPhotos(app: App, ctx: MsgContext, rec: ActivityRecord, files: OutFile[], byMsg?: string): Promise<ActivityRecord | null> {
  if (!files.length) return rec
  const photos = [...rec.photos]
  for (const file of files) photos.push(app.store.savePhoto(rec, (rec.date ?? dayOf(ctx.at)).slice(0, 7), photos.length + 1, file))
  const updated = { ...rec, photos }
  // with the photo's message id, the attachment and its done-mark are one journal line
  if (byMsg) return (await app.store.update(rec, updated, { byMsg })) ? updated : null
  await app.store.update(rec, updated)
  return updated
}

export async function photo(app: App, ctx: MsgContext): Promise<boolean> {
  if (ctx.type !== 'image' || !ctx.member || !ctx.image) return false
  const t = touchedOf(app).get(who(ctx))
  const recent = t && ctx.at.getTime() - t.at <= PHOTO_WINDOW_MS ? await byId(app, ctx.branch.id, t.month, t.id) : null
  const latest = recent ?? await latestOf(app, ctx)
  const last = latest && (recent || ctx.at.getTime() - new Date(latest.at).getTime() <= PHOTO_WINDOW_MS) ? latest : null
  if (!last) {
    // photos often come first and the words after: keep a few until a report follows
    await holdPhoto(app, ctx, PHOTO_WINDOW_MS, () => ctx.image!())
    return false
  }
  if (await app.store.applied(last, ctx.msgId)) return true // this photo is already attached
  const updated = await attachPhotos(app, ctx, last, [await ctx.image()], ctx.msgId)
  if (!updated) return true
  remember(app, ctx, updated)
  reply(app, ctx, app.templates.render('activity-photo', { kind: last.kind, date: cn(last.date), count: updated.photos.length }), 'ack')
  return true
}

/** #更正 字段 值: corrects the sender's latest record (or a named one: secretaries). */
export const correct = (app: App, ctx: MsgContext, cmd: Command) => fixLatest(app, ctx, cmd)
/** #撤销活动: removes the sender's latest record. */
export const undoActivity = (app: App, ctx: MsgContext, cmd: Command) => fixLatest(app, ctx, cmd)

async function fixLatest(app: App, ctx: MsgContext, cmd: Command): Promise<void> {
  if (!ctx.member) return
  // issue 13: #更正 may name or quote whose record it means (others' only for secretaries)
  const target = cmd.name === '更正' ? await targetOfCorrection(app, ctx, cmd.args) : { own: cmd.args }
  if (target === 'answered') return
  const last = 'record' in target ? target.record : await latestOf(app, ctx)
  if (!last) {
    reply(app, ctx, app.templates.render('activity-none', { name: ctx.member.name }))
    return
  }
  if (cmd.name === '撤销活动') {
    if (!(await app.store.remove(last, { byMsg: ctx.msgId }))) return // redelivered: done already
    reply(app, ctx, app.templates.render('activity-removed', { name: ctx.member.name, ...recordView(last) }))
    return
  }
  const [field, ...rest] = 'record' in target ? target.args : target.own
  if (!field || !rest.length) {
    reply(app, ctx, app.templates.render('correction-usage', { name: ctx.member.name }))
    return
  }
  const res = applyCorrection(last, field, rest.join(' '), (v) => parseDatePhrase(v, ctx.at, 'past')?.date ?? null)
  if ('error' in res) {
    reply(app, ctx, app.templates.render('correction-error', {
      name: ctx.member.name, field: res.field, value: res.value, fields: CORRECTABLE_FIELDS.join('、'),
      unknownField: res.error === 'field', badDate: res.error === 'date', badCount: res.error === 'count', badKind: res.error === 'kind',
    }))
    return
  }
  if (!(await app.store.update(last, res.record, { byMsg: ctx.msgId }))) return
  const missing = missingElements(res.record)
  reply(app, ctx, app.templates.render('activity-corrected', { name: ctx.member.name, whose: 'whose' in target && target.whose !== ctx.member.name ? target.whose : null, field, ...recordView(res.record), missing: missing.length ? missing.join('、') : null, ...example(missing, ctx.branch) }))
}

/** #台账 [period] (secretaries): the ledger in the chat and as an Excel file in private. */
export async function ledger(app: App, ctx: MsgContext, arg: string | undefined): Promise<void> {
  const period = parsePeriodArg(arg, dayOf(ctx.at))
  if (!period) {
    reply(app, ctx, app.templates.render('ledger-usage', { name: ctx.member!.name }))
    return
  }
  const activities = (await app.store.activities(ctx.branch.id, { from: period.from, to: period.to })).sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''))
  const checkins = await app.store.checkins(ctx.branch.id, { from: period.from, to: period.to })
  reply(app, ctx, app.templates.render('ledger', {
    branch: ctx.branch.name, label: period.label, count: activities.length, empty: activities.length === 0,
    rows: activities.map((r) => ({ ...recordView(r), missing: missingElements(r).join('、') || null })),
  }))
  const { ledgerXlsx } = await loadXlsx()
  const data = await ledgerXlsx({ branch: ctx.branch, from: period.from, to: period.to, activities, checkins })
  app.outbox.enqueue({ to: { contact: ctx.member!.name }, file: { name: `${ctx.branch.name}台账-${period.key}.xlsx`, data }, kind: 'reply' })
  tell(app, ctx.member!.name, app.templates.render('ledger-file', { label: period.label }), 'reply')
}

/** #进度: where each obligation of the current periods stands (anyone on the roster may ask). */
export async function progress(app: App, ctx: MsgContext): Promise<void> {
  const today = dayOf(ctx.at)
  const year = periodOf(today, 'year')
  const acts = await app.store.activities(ctx.branch.id, { from: year.from, to: today })
  const rows = obligationsOn(ctx.branch, acts, today).map((o) => ({
    ...o, due: cn(o.due), periodLabel: periodWord(o.period),
  }))
  reply(app, ctx, app.templates.render('progress', { branch: ctx.branch.name, today: cn(today), rows, unmet: rows.filter((r) => !r.met).length || null }))
}

/** #提醒 (status), #提醒 暂停 7天, #提醒 恢复 — pausing and resuming is for secretaries. */
export async function reminders(app: App, ctx: MsgContext, args: string[]): Promise<void> {
  const name = ctx.member!.name
  const [verb, amount] = args
  if (verb === '暂停' || verb === '恢复') {
    if (!isSecretary(ctx.branch, ctx.member)) {
      reply(app, ctx, app.templates.render('not-allowed', { name, command: `提醒 ${verb}` }))
      return
    }
    if (verb === '恢复') {
      await app.state.setPaused(ctx.branch.id, null)
      reply(app, ctx, app.templates.render('reminders-resumed', { name }))
      return
    }
    const days = Math.min(90, Math.max(1, Number(/\d+/.exec(amount ?? '')?.[0] ?? 7)))
    const until = addDays(dayOf(ctx.at), days - 1)
    await app.state.setPaused(ctx.branch.id, until)
    reply(app, ctx, app.templates.render('reminders-paused', { name, until: cn(until) }))
    return
  }
  const paused = app.state.data.paused[ctx.branch.id]
  const r = ctx.branch.reminders
  reply(app, ctx, app.templates.render('reminders-status', {
    paused: paused && paused >= dayOf(ctx.at) ? cn(paused) : null, enabled: r.enabled, offsets: r.offsets.join('、'), time: r.time,
  }))
}

/** #月报 [2026-10]: a month's summary on demand (secretaries), posted where it was asked. */
export async function monthSummary(app: App, ctx: MsgContext, arg: string | undefined): Promise<void> {
  const p = parsePeriodArg(arg ?? previousMonth(dayOf(ctx.at).slice(0, 7)), dayOf(ctx.at))
  if (!p || unitOfKey(p.key) !== 'month') {
    reply(app, ctx, app.templates.render('ledger-usage', { name: ctx.member!.name }))
    return
  }
  await summaryOnRequest(app, ctx.branch, p.key, ctx.member!.name, ctx.room)
}
