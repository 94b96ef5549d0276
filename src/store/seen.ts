// Persistent index of processed message ids: a message redelivered after a reconnect is handled
// once. One append-only file per day; only the last `days` days are kept, so it never grows.
import { promises as fsp, readdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { addDays, dayOf } from '../domain/time.js'
import { ensureDir, GroupCommit } from './atomic.js'

export class SeenIndex {
  private readonly ids = new Map<string, string>() // id -> day seen
  private pending: string[] = []
  private readonly commits: GroupCommit
  private readonly dir: string

  constructor(dataDir: string, private readonly days: number, now: Date) {
    this.dir = path.join(dataDir, '_state', 'seen')
    ensureDir(this.dir)
    const oldest = addDays(dayOf(now), -days)
    for (const name of readdirSync(this.dir)) {
      const day = name.slice(0, 10)
      if (!/^\d{4}-\d{2}-\d{2}\.log$/.test(name)) continue
      if (day < oldest) { rmSync(path.join(this.dir, name), { force: true }); continue }
      // a torn last line (crash mid-append) is just an id we will not recognise: harmless
      for (const id of readFileSync(path.join(this.dir, name), 'utf8').split('\n')) if (id) this.ids.set(id, day)
    }
    this.commits = new GroupCommit(() => this.append())
  }

  has(id: string): boolean {
    return this.ids.has(id)
  }

  /** Marks an id processed; resolves once that is on disk. */
  mark(id: string, now: Date): Promise<void> {
    const day = dayOf(now)
    this.ids.set(id, day)
    this.pending.push(`${day}\t${id.replace(/[\t\n]/g, ' ')}`)
    return this.commits.commit()
  }

  /** Forget ids older than the redelivery window. Called once a day by the scheduler. */
  async expire(now: Date): Promise<void> {
    const oldest = addDays(dayOf(now), -this.days)
    for (const [id, day] of this.ids) if (day < oldest) this.ids.delete(id)
    for (const name of await fsp.readdir(this.dir)) {
      if (name.slice(0, 10) < oldest) await fsp.rm(path.join(this.dir, name), { force: true })
    }
  }

  get size(): number {
    return this.ids.size
  }

  private async append(): Promise<void> {
    const lines = this.pending
    this.pending = []
    const byDay = new Map<string, string[]>()
    for (const l of lines) {
      const [day, id] = l.split('\t') as [string, string]
      byDay.set(day, [...(byDay.get(day) ?? []), id])
    }
    for (const [day, ids] of byDay) {
      const fh = await fsp.open(path.join(this.dir, `${day}.log`), 'a', 0o600)
      try {
        await fh.appendFile(ids.join('\n') + '\n')
        await fh.sync()
      } finally {
        await fh.close()
      }
    }
  }
}
