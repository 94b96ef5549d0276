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
}

export interface SentMessage extends OutMessage { at: Date }

/** The shell's way to actually deliver a message (Wechaty room.say / contact.say). */
export type Deliver = (msg: OutMessage) => Promise<void>

interface Queued { msg: OutMessage; notBefore: number; attempts: number; seq: number }

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
        waiting.msg = { ...waiting.msg, text: `${waiting.msg.text}\n${msg.text}`, mentions: [...new Set([...(waiting.msg.mentions ?? []), ...(msg.mentions ?? [])])] }
        return
      }
    }
    this.queue.push({ msg, notBefore: this.now().getTime(), attempts: 0, seq: ++this.seq })
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
      const delay = RETRY_DELAYS_MS[q.attempts - 1]
      const where = q.msg.to.room ? `群「${q.msg.to.room}」` : `「${q.msg.to.contact}」`
      if (delay === undefined) {
        this.queue.splice(this.queue.indexOf(q), 1)
        this.log(`发送给${where}的消息多次失败，已放弃：${(e as Error).message}`)
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
