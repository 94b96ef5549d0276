// Screenshot check-ins (issue 18): a member's image is read offline (src/ocr) and, when it is a
// study screen, becomes that day's check-in with its points and minutes. The router is never held
// up: the image is queued and the handler returns at once; the record and its acknowledgement come
// when the reading is done. A meeting photo after an officer's report is taken by the photo handler,
// which comes first. At most one screenshot per member and day is read, unless they ask
// (「识别截图」 reads the last image they sent).
import { randomUUID } from 'node:crypto'
import type { ScreenRead } from '../../messages/screenshot.js'
import { memberDay } from '../../domain/checkin-stats.js'
import { dayOf, isoShanghai } from '../../domain/time.js'
import { SCREENSHOT_DEFAULTS, type CheckinRecord, type Member } from '../../domain/types.js'
import { OcrReader } from '../../ocr/reader.js'
import { readScreen } from '../../ocr/screen.js'
import { reply, type App, type MsgContext } from '../app.js'
import type { OutFile } from '../outbox.js'
import { acknowledge, save } from '../checkin-save.js'
import { unholdPhoto } from '../photo-hold.js'

// reads per member and day, and how long the last image waits for 「识别截图」: bot-config (checkin.screenshots)
const readsPerDay = (ctx: MsgContext) => ctx.branch.checkin.screenshots?.readsPerDay ?? SCREENSHOT_DEFAULTS.readsPerDay
const askWindowMs = (ctx: MsgContext) => (ctx.branch.checkin.screenshots?.askMinutes ?? SCREENSHOT_DEFAULTS.askMinutes) * 60_000
/** At most this many images wait for 「识别截图」 at once: the oldest gives way. */
const MAX_HELD = 30
const ASK = /^(?:@\S+\s+)*[#＃]?\s*(?:重新|再)?(?:识别|读取|读一下|看一下)(?:一下)?(?:这张|我的|刚才的)?截图$/

/** The 识别截图 window for the template, which words it (半小时, 2小时, 45分钟). */
export const windowView = (m: number) => ({ halfHour: m === 30, hours: m !== 30 && m % 60 === 0 ? m / 60 : null, minutes: m !== 30 && m % 60 !== 0 ? m : null })

interface Seen { day: string; reads: number; studied: boolean; pending: number }
interface Held { at: number; ctx: MsgContext; file: OutFile }

class Screenshots {
  readonly reader: OcrReader
  readonly seen = new Map<string, Seen>()
  readonly held = new Map<string, Held>()
  constructor(app: App) {
    const o = app.config.bot.ocr
    this.reader = new OcrReader({
      idleMs: (o?.idleMinutes ?? 3) * 60_000,
      maxQueue: o?.maxQueue ?? 30,
      onError: (e) => app.log.warn(`停止识别进程时出错：${(e as Error).message}`),
    })
  }

  day(key: string, day: string): Seen {
    let s = this.seen.get(key)
    if (!s || s.day !== day) { s = { day, reads: 0, studied: false, pending: 0 }; this.seen.set(key, s) }
    if (this.seen.size > 5000) this.seen.delete(this.seen.keys().next().value!)
    return s
  }

  /** The member's last unread image, for 「识别截图」: one each, a few dozen at most, half an hour. */
  hold(key: string, h: Held): void {
    this.held.delete(key)
    for (const [k, x] of this.held) if (h.at - x.at > askWindowMs(x.ctx)) this.held.delete(k)
    this.held.set(key, h)
    if (this.held.size > MAX_HELD) this.held.delete(this.held.keys().next().value!)
  }
}

const per = new WeakMap<App, Screenshots>()
function shotsOf(app: App): Screenshots {
  let s = per.get(app)
  if (!s) { s = new Screenshots(app); per.set(app, s) }
  return s
}

/** Stops the OCR worker after what is queued (the runtime's stop). */
export async function stopScreenshots(app: App): Promise<void> {
  await per.get(app)?.reader.stop()
}

/** For tests and bench: the app's OCR reader. */
export const readerOf = (app: App): OcrReader => shotsOf(app).reader

const enabled = (ctx: MsgContext) => ctx.branch.checkin.screenshots?.enabled ?? SCREENSHOT_DEFAULTS.enabled
const keyOf = (ctx: MsgContext, member: Member) => `${ctx.branch.id}:${member.name}`

export async function screenshot(app: App, ctx: MsgContext): Promise<boolean> {
  if (ctx.type !== 'image' || !ctx.image || !ctx.member || !enabled(ctx)) return false
  const shots = shotsOf(app)
  const key = keyOf(ctx, ctx.member)
  const seen = shots.day(key, dayOf(ctx.at))
  const file = await ctx.image()
  if (seen.studied || seen.pending > 0 || seen.reads >= readsPerDay(ctx) || await screenshotToday(app, ctx, ctx.member)) {
    shots.hold(key, { at: ctx.at.getTime(), ctx, file })
    return false
  }
  return queue(app, ctx, ctx.member, file, seen)
}

/** 「识别截图」: the member asks for the last image they sent to be read (past the daily limit). */
export async function screenshotAsk(app: App, ctx: MsgContext): Promise<boolean> {
  if (ctx.type !== 'text' || !ctx.member || !ASK.test(ctx.text.trim())) return false
  const shots = shotsOf(app)
  const key = keyOf(ctx, ctx.member)
  const h = shots.held.get(key)
  if (!h || ctx.at.getTime() - h.at > askWindowMs(ctx) || !enabled(ctx)) {
    reply(app, ctx, app.templates.render('screenshot-none', { name: ctx.member.name, ...windowView(askWindowMs(ctx) / 60_000) }))
    return true
  }
  shots.held.delete(key)
  return queue(app, h.ctx, ctx.member, h.file, shots.day(key, dayOf(h.ctx.at)), true)
}

function queue(app: App, ctx: MsgContext, member: Member, file: OutFile, seen: Seen, asked = false): boolean {
  const reader = shotsOf(app).reader
  const unread = () => {
    app.log.warn(`待识别的截图过多，「${member.name}」的这张未识别`)
    if (asked) reply(app, ctx, app.templates.render('screenshot-unclear', { name: member.name }))
  }
  if (reader.full) { unread(); return true }
  seen.reads++
  seen.pending++
  const work = readScreen(reader, file.data).finally(() => { seen.pending-- }).then((r) => (r ? credit(app, ctx, member, file, r, seen, asked) : unread()), (e) => {
    app.log.warn(`识别「${member.name}」的截图失败：${(e as Error).message}`)
    if (asked) reply(app, ctx, app.templates.render('screenshot-unclear', { name: member.name }))
  }).catch((e) => app.log.error(`处理「${member.name}」的截图时出错`, e))
  void (app.track ? app.track(work, 'screenshot') : work)
  return true
}

async function credit(app: App, ctx: MsgContext, member: Member, file: OutFile, r: ScreenRead, seen: Seen, asked: boolean): Promise<void> {
  if (r.kind === 'other') {
    if (asked) reply(app, ctx, app.templates.render('screenshot-unclear', { name: member.name }))
    return // a photo, a document: no check-in, no reply
  }
  seen.studied = true
  unholdPhoto(app, ctx) // a study screen is no meeting photo for a report that follows
  if (r.kind === 'unclear') {
    reply(app, ctx, app.templates.render('screenshot-unclear', { name: member.name }))
    return
  }
  const date = dayOf(ctx.at)
  const month = date.slice(0, 7)
  if (await app.store.hasMessage(ctx.branch.id, month, 'checkin', ctx.msgId)) return
  // the app's "today" figure is the day's total: minutes already written today are not counted twice
  const today = (await app.store.memberView(ctx.branch.id, month, member.name)).filter((x): x is CheckinRecord => x.type === 'checkin')
  const before = memberDay(member.name, today, date)
  const minutes = r.minutes !== null && r.minutes > before.minutes ? r.minutes - before.minutes : null
  const id = randomUUID()
  const evidence = ctx.branch.checkin.screenshots?.keep ? app.store.saveScreenshot(ctx.branch.id, month, id, file) : null
  const content = ['学习截图', r.points !== null ? `今日积分${r.points}` : '', r.minutes !== null ? `今日学习${r.minutes}分钟` : ''].filter(Boolean).join(' ')
  const rec: CheckinRecord = {
    type: 'checkin', id, branch: ctx.branch.id, msgId: ctx.msgId, at: isoShanghai(ctx.at), text: '[截图]',
    member: member.name, date, minutes, points: r.points, content, titles: [], backfill: false, screenshot: { evidence },
  }
  if (!(await save(app, ctx, [rec]))) return
  await acknowledge(app, ctx, member, date, 'checkin-ack')
}

/** Whether the member already has a check-in read from a screenshot today (durable across restarts). */
async function screenshotToday(app: App, ctx: MsgContext, member: Member): Promise<boolean> {
  const date = dayOf(ctx.at)
  const recs = await app.store.memberView(ctx.branch.id, date.slice(0, 7), member.name)
  return recs.some((r) => r.type === 'checkin' && r.date === date && !!r.screenshot)
}

