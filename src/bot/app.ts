// The services a handler may use, assembled once by the shell (live or simulated).
import type { Config, Branch, Member } from '../domain/types.js'
import type { RecordStore } from '../store/records.js'
import type { SeenIndex } from '../store/seen.js'
import type { StateStore } from '../store/state.js'
import type { Templates } from '../templates.js'
import type { Outbox, OutFile } from './outbox.js'
import type { Logger } from '../log.js'
import type { Command } from '../messages/command.js'
import { limitsOf } from './limits.js'

export interface App {
  config: Config
  store: RecordStore
  seen: SeenIndex
  state: StateStore
  templates: Templates
  outbox: Outbox
  now: () => Date
  log: Logger
  dataDir: string
  /** counts background work (screenshots being read) as in flight, for stop and simulate */
  track?: <T>(p: Promise<T>, label: string) => Promise<T>
}

/** One incoming message, as the handlers see it: already tied to a branch. */
export interface MsgContext {
  msgId: string
  at: Date
  branch: Branch
  /** group topic, or null for a private chat */
  room: string | null
  /** the sender's WeChat name as the bot sees it (in-group alias preferred) */
  senderName: string
  /** roster member, or null when the sender is not on the roster */
  member: Member | null
  /** normalised text, quoted part removed */
  text: string
  /** the text exactly as sent (quoted part removed): what a record keeps as its 原文 */
  raw?: string
  type: 'text' | 'image' | 'recall' | 'other'
  /** the message @-mentions the bot */
  toBot: boolean
  /** an image's content, when type is image */
  image?: () => Promise<OutFile>
  /** how private replies find a non-member (default: senderName) */
  contactKey?: string
  /** the quoted message of a quoted reply (「name：text」), removed from `text` */
  quote?: { name: string; text: string } | null
  /** the sender's own names hold hidden characters: never @-mention them (that would echo the characters) */
  hiddenName?: boolean
  /** another WeChat account claims the same member in this login: plain member's rights only */
  disputed?: boolean
  /** the chat command in a text, parsed once by the router (null: none) */
  command?: Command | null
}

/**
 * Reply in the chat the message came from, mentioning the sender in a group. Someone not on the
 * roster is answered once (repeating themselves gets no more replies); `from` lets the outbox cap
 * how much one person can queue.
 */
export function reply(app: App, ctx: MsgContext, text: string, kind: 'ack' | 'reply' = 'reply'): void {
  if (!ctx.member && !limitsOf(app).firstForStranger(`${ctx.branch.id}\u0000${ctx.senderName}`)) return
  const from = ctx.member ? `${ctx.branch.id}:${ctx.member.name}` : `${ctx.branch.id}:?${ctx.senderName}`
  const mentions = kind === 'reply' && !ctx.hiddenName ? [ctx.senderName] : []
  // merged acks past WeChat's comfortable length end with a count, not a list
  const overflow = kind === 'ack' ? app.templates.render('ack-more', { count: '{count}' }) : undefined
  app.outbox.enqueue(ctx.room
    ? { to: { room: ctx.room }, text, mentions, kind, from, overflow }
    : { to: { contact: ctx.contactKey ?? ctx.senderName }, text, kind, from, overflow })
}

/** A private message to a roster member (by the name WeChat shows for them). */
export function tell(app: App, name: string, text: string, kind: 'reply' | 'notice' = 'notice'): void {
  app.outbox.enqueue({ to: { contact: name }, text, kind })
}
