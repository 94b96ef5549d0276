// The branch's records on disk: one lowdb file per branch per month (data/<branch>/<YYYY-MM>.json),
// so one write never rewrites more than one branch's one month, and old months are read only when
// asked for. A small LRU keeps the months in use; nothing here grows with history.
import { promises as fsp } from 'node:fs'
import path from 'node:path'
import { Low } from 'lowdb'
import type { DateStr, LedgerRecord } from '../domain/types.js'
import { dayOf } from '../domain/time.js'
import { ensureDir, GroupCommit } from './atomic.js'
import { DurableJSONFile, type CorruptHandler } from './json-file.js'

export interface MonthFile {
  records: LedgerRecord[]
}

/** The month a record belongs to: the day it is about, not the day it was sent. */
export function monthKeyOf(r: LedgerRecord): string {
  if (r.type === 'checkin') return r.date.slice(0, 7)
  return (r.date ?? dayOf(new Date(r.at))).slice(0, 7)
}

class Partition {
  readonly commits: GroupCommit
  constructor(readonly db: Low<MonthFile>) {
    this.commits = new GroupCommit(() => db.write())
  }
  get records(): LedgerRecord[] {
    return this.db.data.records
  }
}

export class RecordStore {
  private readonly parts = new Map<string, Promise<Partition>>()
  private readonly loaded = new Map<string, Partition>()

  constructor(
    readonly dataDir: string,
    private readonly onCorrupt: CorruptHandler = () => {},
    private readonly cacheSize = 48,
  ) {
    ensureDir(dataDir)
  }

  private fileOf(branch: string, month: string): string {
    return path.join(this.dataDir, branch, `${month}.json`)
  }

  private partition(branch: string, month: string): Promise<Partition> {
    const key = `${branch}/${month}`
    let p = this.parts.get(key)
    if (p) {
      // refresh LRU position
      this.parts.delete(key)
      this.parts.set(key, p)
      return p
    }
    p = (async () => {
      ensureDir(path.join(this.dataDir, branch))
      const db = new Low<MonthFile>(new DurableJSONFile(this.fileOf(branch, month), this.onCorrupt), { records: [] })
      await db.read()
      if (!Array.isArray(db.data?.records)) db.data = { records: [] }
      const part = new Partition(db)
      this.loaded.set(key, part)
      return part
    })()
    p.catch(() => this.parts.delete(key))
    this.parts.set(key, p)
    this.evict()
    return p
  }

  private evict(): void {
    if (this.parts.size <= this.cacheSize) return
    for (const key of this.parts.keys()) {
      if (this.parts.size <= this.cacheSize) break
      const part = this.loaded.get(key)
      // never drop a month with a write in flight: reloading it would miss that write
      if (!part || part.commits.busy) continue
      this.parts.delete(key)
      this.loaded.delete(key)
    }
  }

  /** Adds a record; resolves once it is durable on disk. On failure nothing stays in memory. */
  async add(rec: LedgerRecord): Promise<void> {
    const part = await this.partition(rec.branch, monthKeyOf(rec))
    part.records.push(rec)
    try {
      await part.commits.commit()
    } catch (e) {
      const i = part.records.indexOf(rec)
      if (i >= 0) part.records.splice(i, 1)
      throw e
    }
  }

  /** Replaces a record (same id), moving it to another month file when its date moved. */
  async update(before: LedgerRecord, after: LedgerRecord): Promise<void> {
    const from = monthKeyOf(before)
    const to = monthKeyOf(after)
    if (from === to) {
      const part = await this.partition(before.branch, from)
      const i = part.records.findIndex((r) => r.id === before.id)
      if (i < 0) throw new Error(`record ${before.id} not found`)
      part.records[i] = after
      try {
        await part.commits.commit()
      } catch (e) {
        part.records[i] = before
        throw e
      }
      return
    }
    await this.add(after)
    await this.remove(before)
  }

  async remove(rec: LedgerRecord): Promise<boolean> {
    const part = await this.partition(rec.branch, monthKeyOf(rec))
    const i = part.records.findIndex((r) => r.id === rec.id)
    if (i < 0) return false
    const [gone] = part.records.splice(i, 1)
    try {
      await part.commits.commit()
    } catch (e) {
      part.records.splice(i, 0, gone!)
      throw e
    }
    return true
  }

  /** A month's records, in the order they were added. The array is a copy. */
  async month(branch: string, month: string): Promise<LedgerRecord[]> {
    return (await this.partition(branch, month)).records.slice()
  }

  /** Live view of a month's records for hot-path queries: do not mutate. */
  async monthView(branch: string, month: string): Promise<readonly LedgerRecord[]> {
    return (await this.partition(branch, month)).records
  }

  /** Records of the months that overlap [from, to], filtered to the days in range. */
  async range(branch: string, from: DateStr, to: DateStr): Promise<LedgerRecord[]> {
    const out: LedgerRecord[] = []
    for (const m of monthsBetween(from.slice(0, 7), to.slice(0, 7))) {
      for (const r of await this.monthView(branch, m)) {
        const d = r.type === 'checkin' ? r.date : r.date ?? dayOf(new Date(r.at))
        if (d >= from && d <= to) out.push(r)
      }
    }
    return out
  }

  /** Months that have a file for a branch, sorted. Reads the folder listing only. */
  async monthsOnDisk(branch: string): Promise<string[]> {
    try {
      const names = await fsp.readdir(path.join(this.dataDir, branch))
      return names.filter((n) => /^\d{4}-\d{2}\.json$/.test(n)).map((n) => n.slice(0, 7)).sort()
    } catch {
      return []
    }
  }

  /** Resolves when every write asked for so far is on disk. */
  async flush(): Promise<void> {
    for (const p of this.parts.values()) {
      const part = await p.catch(() => null)
      if (part) await part.commits.idle()
    }
  }
}

export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = []
  let [y, m] = from.split('-').map(Number) as [number, number]
  const [ty, tm] = to.split('-').map(Number) as [number, number]
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`)
    m++
    if (m > 12) { m = 1; y++ }
  }
  return out
}
