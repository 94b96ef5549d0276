// Every message the bot sends goes through here. WeChat restricts accounts that send too fast, so:
// at least minGap between any two sends, sameChatGap between sends to one chat, at most perMinute
// in any minute; acknowledgements queued for one chat merge into one message (at most one per chat
// per merge window); nothing but direct answers during quiet hours; failed sends retry with back-off.
import { EventEmitter } from 'node:events'
import { clockOf, dayOf, instantAt, addDays, minutesOf } from '../domain/time.js'
import type { BotSettings } from '../domain/types.js'

export interface Target { room?: string; contact?: string }

export interface OutFile { name: string; data: Buffer }

export interface OutMessage {
  to: Target
  text?: string
  file?: OutFile
  /** roster/WeChat names to @-mention (rooms only) */
  mentions?: string[]
  /**
   * ack: check-in acknowledgement, mergeable; reply: a direct answer to a member (allowed in quiet
   * hours); notice: scheduled or unsolicited (deferred out of quiet hours)
   */
  kind: 'ack' | 'reply' | 'notice'
  /** who caused it (branch:member): acks merge per person, and one person's queue is capped */
  from?: string
  /** for acks: the line that stands for acks left out of a merge, with {count} for how many */
  overflow?: string
}

export interface SentMessage extends OutMessage { at: Date }

/** The shell's way to actually deliver a message (Wechaty room.say / contact.say). */
export type Deliver = (msg: OutMessage) => Promise<void>

interface Queued { msg: OutMessage; notBefore: number; attempts: number; seq: number; parts?: AckPart[] }

/** WeChat shows long messages folded, and very long ones are refused: every text stays under this. */
export const MAX_TEXT = 1000
/** default cap on one person's queued messages, when the config does not set one */
const QUEUE_PER_MEMBER = 3

const RETRY_DELAYS_MS = [2_000, 5_000, 15_000, 60_000, 300_000]

export function chatKey(t: Target): string {
  return t.room ? `room:${t.room}` : `contact:${t.contact}`
}

export class Outbox extends EventEmitter {
  private queue: Queued[] = []
  private lastSend = -Infinity
  private readonly lastByChat = new Map<string, number>()
  private readonly lastAckByChat = new Map<string, number>()
  private recent: number[] = [] // send times within the last minute
  private timer: ReturnType<typeof setTimeout> | null = null
  private timerAt = Infinity
  private sending = false
  private seq = 0
  private idleWaiters: (() => void)[] = []
  private readonly capped = new Set<string>()
  private stopped = false

  constructor(
    private readonly deliver: Deliver,
    private readonly settings: BotSettings,
    private readonly now: () => Date,
    private readonly log: (line: string) => void = () => {},
  ) {
    super()
  }

  enqueue(msg: OutMessage): void {
    if (this.stopped) return
    const key = chatKey(msg.to)
    if (msg.kind === 'ack' && msg.text) {
      // merge into an ack to the same chat that has not gone out yet
      const waiting = this.queue.find((q) => q.msg.kind === 'ack' && chatKey(q.msg.to) === key && q.attempts === 0)
      if (waiting) {
        waiting.parts = mergeAck(waiting.parts ?? [{ from: waiting.msg.from, text: waiting.msg.text ?? '' }], { from: msg.from, text: msg.text })
        waiting.msg = { ...waiting.msg, text: ackText(waiting.parts, msg.overflow ?? waiting.msg.overflow), mentions: [...new Set([...(waiting.msg.mentions ?? []), ...(msg.mentions ?? [])])] }
        return
      }
    }
    // one person's flood cannot fill the queue ahead of everyone else
    const cap = this.settings.limits?.queuePerMember ?? QUEUE_PER_MEMBER
    if (msg.from && this.queue.filter((q) => q.msg.from === msg.from).length >= cap) {
      if (!this.capped.has(msg.from)) this.log(`「${msg.from.replace(/^[^:]*:\??/, '')}」的待发回复已有 ${cap} 条，之后的暂不发送`)
      this.capped.add(msg.from)
      this.emit('dropped', msg)
      return
    }
    if (msg.from) this.capped.delete(msg.from)
    const texts = msg.text && msg.text.length > MAX_TEXT ? splitText(msg.text, MAX_TEXT) : [msg.text]
    for (const text of texts) this.queue.push({ msg: text === msg.text ? msg : { ...msg, text }, notBefore: this.now().getTime(), attempts: 0, seq: ++this.seq })
    this.pump()
  }

  get size(): number {
    return this.queue.length
  }

  /** Resolves when the queue is empty and nothing is being sent. */
  idle(): Promise<void> {
    if (!this.queue.length && !this.sending) return Promise.resolve()
    return new Promise((r) => this.idleWaiters.push(r))
  }

  stop(): void {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  /** Earliest instant this message may go out, given every limit. */
  private earliest(q: Queued, t: number): number {
    const o = this.settings.outbox
    const key = chatKey(q.msg.to)
    let at = Math.max(t, q.notBefore, this.lastSend + o.minGapMs, (this.lastByChat.get(key) ?? -Infinity) + o.sameChatGapMs)
    if (q.msg.kind === 'ack') at = Math.max(at, (this.lastAckByChat.get(key) ?? -Infinity) + o.mergeWindowMs)
    this.recent = this.recent.filter((s) => s > t - 60_000)
    if (this.recent.length >= o.perMinute) at = Math.max(at, this.recent[this.recent.length - o.perMinute]! + 60_000)
    if (q.msg.kind === 'notice') at = this.outOfQuietHours(at)
    return at
  }

  private outOfQuietHours(at: number): number {
    const { start, end } = this.settings.quietHours
    const m = minutesOf(clockOf(at))
    const s = minutesOf(start)
    const e = minutesOf(end)
    const quiet = s > e ? m >= s || m < e : m >= s && m < e
    if (!quiet) return at
    const day = dayOf(at)
    const endDay = s > e && m >= s ? addDays(day, 1) : day
    return instantAt(endDay, end).getTime()
  }

  private pump(): void {
    if (this.sending || this.stopped) return
    const t = this.now().getTime()
    // keep each chat's order: only the first queued message of a chat is a candidate
    const seen = new Set<string>()
    let best: Queued | null = null
    let bestAt = Infinity
    for (const q of this.queue) {
      const key = chatKey(q.msg.to)
      if (seen.has(key)) continue
      seen.add(key)
      const at = this.earliest(q, t)
      if (at < bestAt) { best = q; bestAt = at }
    }
    if (!best) {
      const waiters = this.idleWaiters
      this.idleWaiters = []
      waiters.forEach((w) => w())
      return
    }
    if (bestAt > t) {
      this.arm(bestAt - t)
      return
    }
    void this.send(best)
  }

  private arm(ms: number): void {
    const at = this.now().getTime() + ms
    if (this.timer && this.timerAt <= at) return
    if (this.timer) clearTimeout(this.timer)
    this.timerAt = at
    this.timer = setTimeout(() => {
      this.timer = null
      this.timerAt = Infinity
      this.pump()
    }, ms)
  }

  private async send(q: Queued): Promise<void> {
    this.sending = true
    const t = this.now().getTime()
    const key = chatKey(q.msg.to)
    this.lastSend = t
    this.lastByChat.set(key, t)
    if (q.msg.kind === 'ack') this.lastAckByChat.set(key, t)
    this.recent.push(t)
    try {
      await this.deliver(q.msg)
      this.queue.splice(this.queue.indexOf(q), 1)
      this.emit('sent', { ...q.msg, at: new Date(t) } satisfies SentMessage)
    } catch (e) {
      q.attempts++
      // a send refused on purpose (e.g. a disputed identity) is not retried
      const delay = (e as { permanent?: boolean }).permanent ? undefined : RETRY_DELAYS_MS[q.attempts - 1]
      const where = q.msg.to.room ? `群「${q.msg.to.room}」` : `「${q.msg.to.contact}」`
      if (delay === undefined) {
        this.queue.splice(this.queue.indexOf(q), 1)
        this.log((e as { permanent?: boolean }).permanent ? (e as Error).message : `发送给${where}的消息多次失败，已放弃：${(e as Error).message}`)
        this.emit('dropped', q.msg)
      } else {
        q.notBefore = t + delay
        this.log(`发送给${where}失败（${(e as Error).message}），${Math.round(delay / 1000)} 秒后重试`)
      }
    } finally {
      this.sending = false
      this.pump()
    }
  }
}

interface AckPart { from?: string; text: string }

/** A person's newer ack replaces their older one (it states the day so far); others are kept in order. */
function mergeAck(parts: AckPart[], next: AckPart): AckPart[] {
  const i = next.from ? parts.findIndex((p) => p.from === next.from) : -1
  if (i < 0) return [...parts, next]
  return [...parts.slice(0, i), ...parts.slice(i + 1), next]
}

/** The merged acks as one message under MAX_TEXT: as many as fit, then a count of the rest. */
function ackText(parts: AckPart[], overflow = '…… +{count}'): string {
  const all = parts.map((p) => p.text).join('\n')
  if (all.length <= MAX_TEXT) return all
  const lines: string[] = []
  let len = 0
  const room = MAX_TEXT - overflow.length - 12
  for (const p of parts) {
    if (len + p.text.length + 1 > room) break
    lines.push(p.text)
    len += p.text.length + 1
  }
  return [...lines, overflow.replace('{count}', String(parts.length - lines.length))].join('\n')
}

/** Splits a long text at line breaks (hard-cutting a single overlong line) into pieces of at most `max`. */
export function splitText(text: string, max: number): string[] {
  const out: string[] = []
  let cur = ''
  for (const line of text.split('\n')) {
    for (let l = line; ;) {
      const piece = l.slice(0, max)
      if (cur && cur.length + 1 + piece.length > max) { out.push(cur); cur = '' }
      cur = cur ? `${cur}\n${piece}` : piece
      l = l.slice(max)
      if (!l) break
      out.push(cur); cur = ''
    }
  }
  if (cur) out.push(cur)
  return out.length ? out : ['']
}
