// Small durable state of the scheduler and commands: which scheduled messages were sent (so nothing
// is sent twice across restarts), when the bot was last alive (for catch-up), paused reminders.
import path from 'node:path'
import { Low } from 'lowdb'
import { ensureDir, GroupCommit } from './atomic.js'
import { DurableJSONFile, type CorruptHandler } from './json-file.js'

export interface BotState {
  /** key of a scheduled message -> when it was sent (ms) */
  sent: Record<string, number>
  /** last instant the scheduler looked at (ms) */
  lastTick: number | null
  /** branch id -> last paused day 'YYYY-MM-DD' */
  paused: Record<string, string>
  /** sender names seen in branch rooms that are not on the roster: branch -> name -> count */
  unknown: Record<string, Record<string, number>>
}

const KEEP_MS = 400 * 86400_000

export class StateStore {
  private readonly db: Low<BotState>
  private readonly commits: GroupCommit

  private constructor(db: Low<BotState>) {
    this.db = db
    this.commits = new GroupCommit(() => db.write())
  }

  static async open(dataDir: string, onCorrupt: CorruptHandler): Promise<StateStore> {
    const dir = path.join(dataDir, '_state')
    ensureDir(dir)
    const db = new Low<BotState>(new DurableJSONFile(path.join(dir, 'state.json'), onCorrupt), { sent: {}, lastTick: null, paused: {}, unknown: {} })
    await db.read()
    const d: Partial<BotState> = db.data ?? {}
    db.data = { sent: d.sent ?? {}, lastTick: d.lastTick ?? null, paused: d.paused ?? {}, unknown: d.unknown ?? {} }
    return new StateStore(db)
  }

  get data(): Readonly<BotState> {
    return this.db.data
  }

  wasSent(key: string): boolean {
    return key in this.db.data.sent
  }

  /** Marks a scheduled message as sent; durable when resolved. Old keys are pruned. */
  markSent(key: string, at: number): Promise<void> {
    this.db.data.sent[key] = at
    for (const [k, t] of Object.entries(this.db.data.sent)) if (at - t > KEEP_MS) delete this.db.data.sent[k]
    return this.commits.commit()
  }

  setLastTick(at: number): Promise<void> {
    this.db.data.lastTick = at
    return this.commits.commit()
  }

  setPaused(branch: string, until: string | null): Promise<void> {
    if (until) this.db.data.paused[branch] = until
    else delete this.db.data.paused[branch]
    return this.commits.commit()
  }

  noteUnknown(branch: string, name: string): Promise<void> {
    const b = (this.db.data.unknown[branch] ??= {})
    const first = !(name in b)
    b[name] = (b[name] ?? 0) + 1
    // counting every message would be a write per chatter message: persist first sightings only
    return first ? this.commits.commit() : Promise.resolve()
  }

  flush(): Promise<void> {
    return this.commits.idle()
  }
}
