// Small durable state of the scheduler and commands: which scheduled messages were sent (so nothing
// is sent twice across restarts), when the bot was last alive (for catch-up), paused reminders.
// What must never be forgotten — a notice sent, a #提醒 暂停 — is also appended to a journal
// (`_state/state.journal.jsonl`, one fsynced line each), so a damaged state.json is rebuilt from it
// and never repeats a notice nor forgets a pause.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { Low } from 'lowdb'
import { now } from '../clock.js'
import { appendLinesDurable, ensureDir, GroupCommit, writeFileDurable } from './atomic.js'
import { DurableJSONFile, isMissing, type CorruptHandler } from './json-file.js'

export interface BotState {
  /** key of a scheduled message -> when it was sent (ms) */
  sent: Record<string, number>
  /** last instant the scheduler looked at (ms) */
  lastTick: number | null
  /** branch id -> last paused day 'YYYY-MM-DD' */
  paused: Record<string, string>
  /** sender names seen in branch rooms that are not on the roster: branch -> name -> count */
  unknown: Record<string, Record<string, number>>
  /** 'branch:YYYY-MM' -> the figures of the summary as posted, to notice late changes (补卡 after it) */
  posted: Record<string, PostedFigures>
}

export interface PostedFigures { memberDays: number; activities: number; at: number }

type Event = { sent: string; at: number } | { paused: string; until: string | null; at: number }

const KEEP_MS = 400 * 86400_000
/** Rewrite the journal with only what is still kept once it is this long. */
const JOURNAL_MAX = 5000

class Journal {
  private pending: string[] = []
  private readonly commits = new GroupCommit(() => this.append())
  constructor(readonly file: string) {}

  add(e: Event): Promise<void> {
    this.pending.push(JSON.stringify(e))
    return this.commits.commit()
  }

  private async append(): Promise<void> {
    const lines = this.pending
    this.pending = []
    await appendLinesDurable(this.file, lines)
  }

  idle(): Promise<void> {
    return this.commits.idle()
  }
}

export class StateStore {
  private readonly db: Low<BotState>
  private readonly commits: GroupCommit

  private constructor(db: Low<BotState>, private readonly journal: Journal) {
    this.db = db
    this.commits = new GroupCommit(() => db.write())
  }

  static async open(dataDir: string, onCorrupt: CorruptHandler): Promise<StateStore> {
    const dir = path.join(dataDir, '_state')
    ensureDir(dir)
    let damaged = false
    const db = new Low<BotState>(new DurableJSONFile(path.join(dir, 'state.json'), (f, k, r) => { damaged = true; onCorrupt(f, k, `${r}；已发送的通知和暂停的提醒按记录重建，不会重发`) }), { sent: {}, lastTick: null, paused: {}, unknown: {}, posted: {} })
    await db.read()
    const d: Partial<BotState> = db.data && typeof db.data === 'object' ? db.data : {}
    const obj = <T>(v: unknown): T => (v && typeof v === 'object' && !Array.isArray(v) ? v : {}) as T
    db.data = { sent: obj(d.sent), lastTick: typeof d.lastTick === 'number' ? d.lastTick : null, paused: obj(d.paused), unknown: obj(d.unknown), posted: obj(d.posted) }
    const jfile = path.join(dir, 'state.journal.jsonl')
    let text = ''
    try { text = readFileSync(jfile, 'utf8') } catch (e) { if (!isMissing(e)) throw e }
    const events: Event[] = []
    for (const line of text.split('\n')) {
      if (!line) continue
      try { events.push(JSON.parse(line) as Event) } catch { /* a torn or damaged line: the others still count */ }
    }
    let latest = 0
    for (const e of events) {
      if (typeof e?.at !== 'number') continue
      latest = Math.max(latest, e.at)
      if ('sent' in e && typeof e.sent === 'string') db.data.sent[e.sent] ??= e.at
      else if ('paused' in e && typeof e.paused === 'string') {
        if (e.until) db.data.paused[e.paused] = e.until
        else delete db.data.paused[e.paused]
      }
    }
    // with state.json lost, catch-up starts from the last thing the bot is known to have done
    if (damaged && db.data.lastTick === null && latest) db.data.lastTick = latest
    if (events.length > JOURNAL_MAX) {
      const keep: Event[] = [
        ...Object.entries(db.data.sent).filter(([, t]) => latest - t <= KEEP_MS).map(([sent, at]) => ({ sent, at })),
        ...Object.entries(db.data.paused).map(([paused, until]) => ({ paused, until, at: latest })),
      ]
      await writeFileDurable(jfile, keep.map((e) => JSON.stringify(e) + '\n').join(''))
    }
    const store = new StateStore(db, new Journal(jfile))
    if (damaged) await store.commits.commit()
    return store
  }

  get data(): Readonly<BotState> {
    return this.db.data
  }

  wasSent(key: string): boolean {
    return key in this.db.data.sent
  }

  /** Marks a scheduled message as sent; durable when resolved. Old keys are pruned. */
  async markSent(key: string, at: number): Promise<void> {
    this.db.data.sent[key] = at
    for (const [k, t] of Object.entries(this.db.data.sent)) if (at - t > KEEP_MS) delete this.db.data.sent[k]
    await Promise.all([this.journal.add({ sent: key, at }), this.commits.commit()])
  }

  setLastTick(at: number): Promise<void> {
    this.db.data.lastTick = at
    return this.commits.commit()
  }

  async setPaused(branch: string, until: string | null, at = now().getTime()): Promise<void> {
    if (until) this.db.data.paused[branch] = until
    else delete this.db.data.paused[branch]
    await Promise.all([this.journal.add({ paused: branch, until, at }), this.commits.commit()])
  }

  /** The figures of a month's summary as posted; kept for the two months after. */
  setPosted(key: string, f: PostedFigures): Promise<void> {
    this.db.data.posted[key] = f
    for (const [k, v] of Object.entries(this.db.data.posted)) if (f.at - v.at > 100 * 86400_000) delete this.db.data.posted[k]
    return this.commits.commit()
  }

  noteUnknown(branch: string, name: string): Promise<void> {
    const b = (this.db.data.unknown[branch] ??= {})
    const first = !(name in b)
    b[name] = (b[name] ?? 0) + 1
    // counting every message would be a write per chatter message: persist first sightings only
    return first ? this.commits.commit() : Promise.resolve()
  }

  async flush(): Promise<void> {
    await this.commits.idle()
    await this.journal.idle()
  }
}
