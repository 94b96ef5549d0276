// Every message the bot sends goes through here. WeChat restricts accounts that send too fast, so:
// at least minGap between any two sends, sameChatGap between sends to one chat, at most perMinute
// in any minute; acknowledgements queued for one chat merge into one message (at most one per chat
// per merge window); nothing but direct answers during quiet hours; failed sends retry with back-off.
//
// Notices are durable: each is appended (fsynced) to `_state/outbox.jsonl` when queued and marked
// done there once delivered, so a stop or a crash between "marked sent" and "left the queue" never
// loses one; on the next start they go out (at least once). A dedupe `key` keeps a notice queued
// twice, or re-queued by a job that runs again after the crash, from going out twice.
// The order on disk bounds what a kill can repeat to the one notice being sent: a notice leaves
// only once its "add" is on disk (before that a kill makes its job run again, and nothing went
// out), and the next send waits until the last one's "done" is on disk. A notice too long for one
// message is queued as pieces, each with its own key, so each piece is done on its own.
import { EventEmitter } from 'node:events'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { clockOf, dayOf, instantAt, addDays, minutesOf } from '../domain/time.js'
import type { BotSettings } from '../domain/types.js'
import { appendLinesDurable, GroupCommit, writeFileDurable } from '../store/atomic.js'
import { isMissing } from '../store/json-file.js'

import type { OutMessage, Target } from '../domain/outgoing.js'
export type { OutFile, OutMessage, Target } from '../domain/outgoing.js'

export interface SentMessage extends OutMessage { at: Date }

/** The shell's way to actually deliver a message (Wechaty room.say / contact.say). */
export type Deliver = (msg: OutMessage) => Promise<void>

/** One line of the durable queue: a notice queued (file data in base64), or done with. */
type AddLine = { add: string; msg: Omit<OutMessage, 'file'> & { file?: { name: string; data: string } }; at: number }
type QueueLine = AddLine | { done: string; at: number }

/** Keys delivered this recently are still refused when queued again (a job re-run after a crash). */
const DONE_KEEP_MS = 3 * 86400_000

function keyOf(msg: OutMessage): string {
  if (msg.key) return msg.key
  const h = createHash('sha256').update(chatKey(msg.to)).update('\0').update(msg.text ?? '')
  if (msg.file) h.update('\0').update(msg.file.name).update(msg.file.data)
  return `auto:${h.digest('hex').slice(0, 32)}`
}

/** The durable queue's journal. */
class QueueFile {
  private pending: string[] = []
  private readonly commits = new GroupCommit(() => this.append())
  /** the journal rewritten small at start; every append waits for it */
  private readonly ready: Promise<void>

  constructor(readonly file: string, initial: string) {
    this.ready = writeFileDurable(file, initial)
  }

  write(line: QueueLine): Promise<void> {
    this.pending.push(JSON.stringify(line))
    return this.commits.commit()
  }

  private async append(): Promise<void> {
    await this.ready
    const lines = this.pending
    this.pending = []
    await appendLinesDurable(this.file, lines)
  }

  async idle(): Promise<void> {
    await this.ready
    await this.commits.idle()
  }
}
interface Queued {
  msg: OutMessage; notBefore: number; attempts: number; seq: number; key?: string; parts?: AckPart[]
  /** a durable notice whose "add" is not on disk yet: it must not leave before */
  held?: boolean
}

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
  private durable: QueueFile | null = null
  /** notices queued durably and not yet delivered, by key */
  private readonly open = new Map<string, OutMessage>()
  /** keys delivered lately -> when */
  private readonly done = new Map<string, number>()
  private restored: OutMessage[] = []
  private writes: Promise<unknown>[] = []

  constructor(
    private readonly deliver: Deliver,
    private readonly settings: BotSettings,
    private readonly now: () => Date,
    private readonly log: (line: string) => void = () => {},
    /** the shell's tracker: the durable writes a send waits for are work in progress (simulate waits for them) */
    private readonly busy: <T>(p: Promise<T>) => Promise<T> = (p) => p,
  ) {
    super()
  }

  /**
   * Makes notices durable in `file`. Notices a stopped bot left undelivered are read now and queued
   * by resume() — once the bot is logged in and can send.
   */
  private readonly restoredAt = new Map<string, number>()

  persistTo(file: string): number {
    let text = ''
    try { text = readFileSync(file, 'utf8') } catch (e) { if (!isMissing(e)) throw e }
    const t = this.now().getTime()
    const adds = new Map<string, AddLine>()
    for (const line of text.split('\n')) {
      if (!line) continue
      let l: QueueLine
      try { l = JSON.parse(line) as QueueLine } catch { continue } // a torn last line: never acknowledged
      if ('add' in l) adds.set(l.add, l)
      else {
        adds.delete(l.done)
        if (t - l.at < DONE_KEEP_MS) this.done.set(l.done, l.at)
      }
    }
    for (const [key, l] of adds) {
      const { file: f, ...rest } = l.msg
      const msg: OutMessage = { ...rest, ...(f ? { file: { name: f.name, data: Buffer.from(f.data, 'base64') } } : {}), key }
      this.open.set(key, msg)
      this.restored.push(msg)
      this.restoredAt.set(key, l.at)
    }
    // the journal rewritten small: what is still to go, and the keys lately done
    const lines: QueueLine[] = [...[...this.done].map(([done, at]) => ({ done, at })), ...adds.values()]
    this.durable = new QueueFile(file, lines.map((l) => JSON.stringify(l) + '\n').join(''))
    this.track(this.durable.idle())
    return this.restored.length
  }

  /** Queues the notices a stopped bot left undelivered (call once logged in and able to send). */
  resume(): number {
    const list = this.restored
    this.restored = []
    // never before it was first queued: a replay that starts the clock earlier must not send ahead of time
    for (const msg of list) {
      const notBefore = Math.max(this.now().getTime(), this.restoredAt.get(msg.key!) ?? 0)
      // a long notice from a journal written before pieces had keys: sent in pieces, done with the last
      const texts = msg.text && msg.text.length > MAX_TEXT ? splitText(msg.text, MAX_TEXT) : [msg.text]
      texts.forEach((text, i) => this.queue.push({ msg: texts.length > 1 ? { ...msg, text } : msg, notBefore, attempts: 0, seq: ++this.seq, ...(i === texts.length - 1 ? { key: msg.key } : {}) }))
    }
    this.restoredAt.clear()
    if (list.length) {
      this.log(`上次停止时还有 ${list.length} 条通知没有发出，现在补发`)
      this.pump()
    }
    return list.length
  }

  /** Resolves when every notice queued so far is on disk (mark a notice sent only after this). */
  async persisted(): Promise<void> {
    while (this.writes.length) {
      const w = this.writes
      this.writes = []
      await Promise.all(w)
    }
  }

  /** A durable write, awaited by persisted(); a failure is logged, never an unhandled rejection. */
  private track(w: Promise<void>): void {
    w.catch((e) => this.log(`通知未能写入发送队列文件（${(e as Error).message}），停止前若未发出将会丢失`))
    this.writes.push(w)
  }

  private journalAdd(msg: OutMessage, key: string): Promise<void> {
    const { file, ...rest } = msg
    return this.durable!.write({ add: key, msg: { ...rest, key, ...(file ? { file: { name: file.name, data: file.data.toString('base64') } } : {}) }, at: this.now().getTime() })
  }

  /** Marks a notice done on disk; resolves once it is there (the next send waits for it). */
  private finish(q: Queued): Promise<void> {
    if (!q.key || !this.durable) return Promise.resolve()
    this.open.delete(q.key)
    const at = this.now().getTime()
    this.done.set(q.key, at)
    const w = this.durable.write({ done: q.key, at })
    this.track(w)
    return w.catch(() => undefined)
  }

  /** On stop: lets the queue send what it can for up to `ms` (real time), then stops. */
  async drain(ms: number): Promise<void> {
    if (ms > 0 && (this.queue.length || this.sending)) {
      let timer: ReturnType<typeof setTimeout> | undefined
      await Promise.race([this.idle(), new Promise<void>((r) => { timer = setTimeout(r, ms) })])
      clearTimeout(timer)
    }
    await this.persisted().catch(() => undefined)
    await this.durable?.idle()
  }

  enqueue(msg: OutMessage): void {
    if (this.stopped) return
    if (this.durable && msg.kind === 'notice') return this.enqueueDurable(msg)
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

  /** A notice into the durable queue: each piece journaled under its own key, held until on disk. */
  private enqueueDurable(msg: OutMessage): void {
    const base = keyOf(msg)
    const texts = msg.text && msg.text.length > MAX_TEXT ? splitText(msg.text, MAX_TEXT) : [msg.text]
    texts.forEach((text, i) => {
      const key = texts.length > 1 ? `${base}~${i + 1}` : base
      // queued already, or delivered lately: a job that ran again must not send it twice
      if (this.open.has(key) || this.done.has(key)) return
      const piece: OutMessage = { ...msg, text, key }
      if (text === undefined) delete piece.text
      this.open.set(key, piece)
      const q: Queued = { msg: piece, notBefore: this.now().getTime(), attempts: 0, seq: ++this.seq, key, held: true }
      const w = this.busy(this.journalAdd(piece, key))
      this.track(w)
      // a failed write is logged (track); the notice still goes out, only it would not survive a stop
      const release = () => { q.held = false; this.pump() }
      w.then(release, release)
      this.queue.push(q)
    })
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
    let held = false
    for (const q of this.queue) {
      const key = chatKey(q.msg.to)
      if (seen.has(key)) continue
      seen.add(key)
      // not on disk yet: its chat waits (the write's completion pumps again)
      if (q.held) { held = true; continue }
      const at = this.earliest(q, t)
      if (at < bestAt) { best = q; bestAt = at }
    }
    if (!best) {
      if (held) return
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
      try {
        await this.deliver(q.msg)
      } finally {
        // the gaps count from when a send is done: a slow upload must not bring the next one closer
        const done = this.now().getTime()
        this.lastSend = Math.max(this.lastSend, done)
        this.lastByChat.set(key, Math.max(this.lastByChat.get(key) ?? -Infinity, done))
      }
      this.queue.splice(this.queue.indexOf(q), 1)
      this.emit('sent', { ...q.msg, at: new Date(t) } satisfies SentMessage)
      // "done" on disk before anything else leaves: a kill now repeats this notice only
      await this.busy(this.finish(q))
    } catch (e) {
      q.attempts++
      // a send refused on purpose (e.g. a disputed identity) is not retried
      const delay = (e as { permanent?: boolean }).permanent ? undefined : RETRY_DELAYS_MS[q.attempts - 1]
      const where = q.msg.to.room ? `群「${q.msg.to.room}」` : `「${q.msg.to.contact}」`
      if (delay === undefined) {
        this.queue.splice(this.queue.indexOf(q), 1)
        await this.busy(this.finish(q))
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
