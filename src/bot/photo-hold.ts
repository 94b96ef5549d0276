// Photos a member sent before the words of their report, held briefly in memory until it comes.
// Shared by the report handler (which holds and takes them) and the screenshot handler (a study
// screen is no meeting photo, so it lets go of it).
import type { App, MsgContext } from './app.js'
import type { OutFile } from './outbox.js'
import { perApp } from './per-app.js'

const waitingOf = perApp(() => new Map<string, { at: number; file: OutFile }[]>())
const MAX_WAITING = 9
const MAX_WAITING_BYTES = 16 << 20
const MAX_SENDERS = 200

const who = (ctx: MsgContext) => `${ctx.branch.id}/${ctx.member?.name}`

/** Holds a photo for a report that may follow; a few per sender, bounded in number and bytes. */
export async function holdPhoto(app: App, ctx: MsgContext, windowMs: number, file: () => Promise<OutFile>): Promise<void> {
  const waiting = waitingOf(app)
  const list = (waiting.get(who(ctx)) ?? []).filter((w) => ctx.at.getTime() - w.at <= windowMs)
  const bytes = list.reduce((n, w) => n + w.file.data.length, 0)
  if (list.length >= MAX_WAITING || bytes >= MAX_WAITING_BYTES) return
  list.push({ at: ctx.at.getTime(), file: await file() })
  waiting.set(who(ctx), list)
  if (waiting.size > MAX_SENDERS) waiting.delete(waiting.keys().next().value!)
}

/** A photo held for a report that turned out to be a study screenshot: not a meeting photo. */
export function unholdPhoto(app: App, ctx: MsgContext): void {
  const waiting = waitingOf(app)
  const list = waiting.get(who(ctx))
  if (!list) return
  const left = list.filter((w) => w.at !== ctx.at.getTime())
  if (left.length) waiting.set(who(ctx), left)
  else waiting.delete(who(ctx))
}

/** The photos held for this sender within the window, handed over once. */
export function takeHeldPhotos(app: App, ctx: MsgContext, windowMs: number): OutFile[] {
  const waiting = waitingOf(app)
  const list = waiting.get(who(ctx)) ?? []
  waiting.delete(who(ctx))
  return list.filter((w) => ctx.at.getTime() - w.at <= windowMs).map((w) => w.file)
}
