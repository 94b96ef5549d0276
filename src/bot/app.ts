// The services a handler may use, assembled once by the shell (live or simulated).
import type { Config, Branch, Member } from '../domain/types.js'
import type { RecordStore } from '../store/records.js'
import type { SeenIndex } from '../store/seen.js'
import type { StateStore } from '../store/state.js'
import type { Templates } from './templates.js'
import type { Outbox, OutFile } from './outbox.js'
import type { Logger } from '../log.js'

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
  /** the text exactly as sent (quoted part removed, nothing normalised): what a record keeps as 原文 */
  raw?: string
  type: 'text' | 'image' | 'recall' | 'other'
  /** the message @-mentions the bot */
  toBot: boolean
  /** an image's content, when type is image */
  image?: () => Promise<OutFile>
}

/** Reply in the chat the message came from, mentioning the sender in a group. */
export function reply(app: App, ctx: MsgContext, text: string, kind: 'ack' | 'reply' = 'reply'): void {
  app.outbox.enqueue(ctx.room
    ? { to: { room: ctx.room }, text, mentions: kind === 'reply' ? [ctx.senderName] : [], kind }
    : { to: { contact: ctx.senderName }, text, kind })
}

/** A private message to a roster member (by the name WeChat shows for them). */
export function tell(app: App, name: string, text: string, kind: 'reply' | 'notice' = 'notice'): void {
  app.outbox.enqueue({ to: { contact: name }, text, kind })
}

export function isSecretary(branch: Branch, member: Member | null): boolean {
  return !!member && branch.secretaries.includes(member.name)
}
