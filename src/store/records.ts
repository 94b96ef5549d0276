// The branch's records on disk, partitioned so that nothing on the hot path grows with history:
//   data/<branch>/<YYYY-MM>.json          check-ins of that month (lowdb)
//   data/<branch>/<YYYY-MM>.ledger.json   meetings, activities and announcements of that month
// Each has a journal beside it (<file>.journal.jsonl): a change is one appended line, fsynced, so
// a check-in costs the same on the 30th of the month as on the 1st. The journal is folded into the
// JSON file when it grows long and when the bot stops. Old months are read only when asked for;
// reports read a year's small ledger files, never a year of check-ins. A small LRU keeps the
// months in use.
import { mkdirSync, promises as fsp, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { Low } from 'lowdb'
import type { ActivityRecord, AnnouncementRecord, CheckinRecord, DateStr, LedgerRecord } from '../domain/types.js'
import { dayOf, previousMonth } from '../domain/time.js'
import { isActivity, isAnnouncement, isCheckin, recordDay } from '../domain/records.js'
import { ensureDir, GroupCommit, writeFileDurable } from './atomic.js'
import { DamagedDataError, DurableJSONFile, isMissing, keptName, salvageMonth, type CorruptHandler } from './json-file.js'

export interface MonthFile {
  records: LedgerRecord[]
  /**
   * Ids of the messages whose effect on this month is something other than a record now here: an
   * undo, a photo attached, a correction (written in the same journal line as the effect itself),
   * and the messages whose record was undone or recalled. A message redelivered after a crash, or
   * after the seen index forgot it, does nothing twice.
   */
  applied?: string[]
}

/** 'checkin': the month's check-ins; 'ledger': everything else (few records, read for reports). */
export type Family = 'checkin' | 'ledger'

/** Which records a query wants: those filed in a month, or those of the days from..to (inclusive). */
export type Span = { month: string } | { from: DateStr; to: DateStr }

export const familyOf = (r: LedgerRecord): Family => (r.type === 'checkin' ? 'checkin' : 'ledger')

/** The month a record belongs to: the day it is about, not the day it was sent. */
export function monthKeyOf(r: LedgerRecord): string {
  return recordDay(r).slice(0, 7)
}

export function monthFileName(month: string, family: Family): string {
  return family === 'checkin' ? `${month}.json` : `${month}.ledger.json`
}

/**
 * Journal lines: a record added or replaced (by id), or removed; `by` is the message that asked for
 * it (its done-mark, one durable step with the effect). Replaying twice is harmless.
 */
type Op = ({ put: LedgerRecord } | { del: string }) & { by?: string }

/** The roster name for a name a record holds (an alias, after a rename), or the name itself. */
export type Canonical = (branch: string, name: string) => string

/** Options of a change made on a member's request: the message id that asked for it. */
export interface ByMessage { byMsg?: string }

// The month held in memory is mostly check-ins that repeat the same few strings: the day, the member,
// the branch; most have no titles; the content is a stretch of the text. Held once each (and the
// content as a slice of the text), about 1 MB less for the bench's 23k records of a month. Bounded,
// so it never grows with history; what does not fit is simply held as read.
const SHARED_MAX = 8192
const shared = new Map<string, string>()
const once = (v: string): string => {
  const got = shared.get(v)
  if (got !== undefined) return got
  if (shared.size < SHARED_MAX) shared.set(v, v)
  return v
}
const NO_TITLES: string[] = Object.freeze([]) as unknown as string[]

function compact(r: LedgerRecord): void {
  r.branch = once(r.branch)
  if (r.type !== 'checkin') return
  r.member = once(r.member)
  r.date = once(r.date) as DateStr
  if (Array.isArray(r.titles) && r.titles.length === 0) r.titles = NO_TITLES
  const i = typeof r.content === 'string' && typeof r.text === 'string' ? r.text.indexOf(r.content) : -1
  if (i >= 0 && r.content.length) r.content = r.text.slice(i, i + r.content.length)
}

/** Fold the journal into the JSON file after this many lines. */
const COMPACT_AFTER = 2000

class Partition {
  readonly commits: GroupCommit
  private pending: string[] = []
  private journalLines = 0
  // indexes, so the hot path never scans the month
  private readonly byId = new Map<string, LedgerRecord>()
  private readonly byMsg = new Map<string, number>()
  private readonly byMember = new Map<string, LedgerRecord[]>()
  private readonly applied = new Set<string>()

  constructor(readonly db: Low<MonthFile>, private readonly journal: string, private readonly compactAfter: number, private readonly readOnly = false, private readonly canon: Canonical | null = null) {
    this.commits = new GroupCommit(() => this.write())
  }

  get records(): readonly LedgerRecord[] {
    return this.db.data.records
  }

  get(id: string): LedgerRecord | undefined {
    return this.byId.get(id)
  }

  /** Whether a message made a record here — even one since undone or recalled (a tombstone). */
  hasMsg(msgId: string): boolean {
    return this.byMsg.has(msgId) || this.applied.has(msgId)
  }

  /** Whether a message's effect (undo, photo, correction) is already in this month. */
  hasApplied(msgId: string): boolean {
    return this.applied.has(msgId)
  }

  private markApplied(msgId: string | undefined): () => void {
    if (!msgId || this.applied.has(msgId)) return () => {}
    this.applied.add(msgId)
    const list = (this.db.data.applied ??= [])
    list.push(msgId)
    return () => {
      this.applied.delete(msgId)
      const i = list.lastIndexOf(msgId)
      if (i >= 0) list.splice(i, 1)
    }
  }

  ofMember(name: string): readonly LedgerRecord[] {
    return this.byMember.get(name) ?? []
  }

  async load(onCorrupt: CorruptHandler): Promise<void> {
    await this.db.read()
    if (!Array.isArray(this.db.data?.records)) this.db.data = { records: [] }
    if (!Array.isArray(this.db.data.applied)) delete this.db.data.applied
    for (const r of this.db.data.records) { this.rename(r); this.index(r, +1) }
    for (const id of this.db.data.applied ?? []) this.applied.add(id)
    let text = ''
    try {
      text = await fsp.readFile(this.journal, 'utf8')
    } catch (e) {
      if (!isMissing(e)) throw e
    }
    if (text && !text.endsWith('\n')) {
      // a torn last line is a write the crash interrupted, never acknowledged: not data. Cut it, or
      // the next append would be glued to it and lost (a reader only ignores it)
      text = text.slice(0, text.lastIndexOf('\n') + 1)
      if (!this.readOnly) await fsp.truncate(this.journal, Buffer.byteLength(text))
    }
    const bad: number[] = []
    const good: string[] = []
    text.split('\n').forEach((line, i) => {
      if (!line) return
      try {
        const op = JSON.parse(line) as Op
        if (!op || typeof op !== 'object' || (!('put' in op) && !('del' in op))) throw new Error('not a change')
        if ('put' in op) { this.rename(op.put); this.putMem(op.put) }
        else this.delMem(op.del)
        this.markApplied(op.by)
        this.journalLines++
        good.push(line)
      } catch {
        bad.push(i + 1)
      }
    })
    if (!bad.length) return
    const reason = `第 ${bad.slice(0, 10).join('、')}${bad.length > 10 ? ' 等' : ''} 行（共 ${bad.length} 行）无法读取，其余 ${good.length} 行照常使用`
    if (this.readOnly) throw new DamagedDataError(this.journal, reason)
    // the damaged original stays beside, so the unreadable lines are never lost to a fold; the
    // journal goes on with the readable ones, so the same damage is not reported at every start
    const keptAs = keptName(this.journal)
    await fsp.copyFile(this.journal, keptAs)
    await writeFileDurable(this.journal, good.map((l) => l + '\n').join(''))
    onCorrupt(this.journal, keptAs, reason)
  }

  /** A member renamed in the roster (old name kept as an alias): their old records are theirs. */
  private rename(r: LedgerRecord): void {
    if (this.canon && r.type === 'checkin') r.member = this.canon(r.branch, r.member)
    compact(r)
  }

  private index(r: LedgerRecord, d: 1 | -1): void {
    const n = (this.byMsg.get(r.msgId) ?? 0) + d
    if (n > 0) this.byMsg.set(r.msgId, n)
    else this.byMsg.delete(r.msgId)
    const who = r.type === 'checkin' ? r.member : null
    if (d > 0) {
      this.byId.set(r.id, r)
      if (who) {
        const list = this.byMember.get(who)
        if (list) list.push(r)
        else this.byMember.set(who, [r])
      }
    } else {
      this.byId.delete(r.id)
      const list = who ? this.byMember.get(who) : undefined
      const i = list ? list.indexOf(r) : -1
      if (i >= 0) list!.splice(i, 1)
    }
  }

  /** Adds or replaces (by id) in memory; returns an undo. */
  private putMem(rec: LedgerRecord): () => void {
    const recs = this.db.data.records
    const old = this.byId.get(rec.id)
    compact(rec)
    if (!old) {
      recs.push(rec)
      this.index(rec, +1)
      return () => { this.delMem(rec.id) }
    }
    recs[recs.indexOf(old)] = rec
    this.index(old, -1)
    this.index(rec, +1)
    return () => { this.putMem(old) }
  }

  private delMem(id: string): () => void {
    const old = this.byId.get(id)
    if (!old) return () => {}
    const recs = this.db.data.records
    const i = recs.indexOf(old)
    recs.splice(i, 1)
    this.index(old, -1)
    // the message that made it stays known: redelivered, it must not bring the record back
    const unmark = this.byMsg.has(old.msgId) ? () => {} : this.markApplied(old.msgId)
    return () => {
      unmark()
      recs.splice(Math.min(i, recs.length), 0, old)
      this.index(old, +1)
    }
  }

  /** Applies a change in memory and journals it; resolves when durable, else undoes it and throws. */
  async change(op: Op): Promise<void> {
    const undo = 'put' in op ? this.putMem(op.put) : this.delMem(op.del)
    const unmark = this.markApplied(op.by)
    this.pending.push(JSON.stringify(op))
    try {
      await this.commits.commit()
    } catch (e) {
      unmark()
      undo()
      throw e
    }
  }

  private async write(): Promise<void> {
    const lines = this.pending
    this.pending = []
    if (!lines.length) return
    if (this.journalLines + lines.length > this.compactAfter) return this.compact()
    ensureDir(path.dirname(this.journal))
    const fh = await fsp.open(this.journal, 'a', 0o600)
    const { size } = await fh.stat()
    try {
      await fh.appendFile(lines.join('\n') + '\n')
      await fh.sync()
      this.journalLines += lines.length
    } catch (e) {
      // leave no half-written change behind a failure the member is told about
      await fh.truncate(size).catch(() => undefined)
      throw e
    } finally {
      await fh.close()
    }
  }

  /** Writes the whole month to its JSON file, then empties the journal. */
  async compact(): Promise<void> {
    ensureDir(path.dirname(this.journal))
    await this.db.write() // snapshot taken synchronously: it holds every change made so far
    await writeFileDurable(this.journal, '')
    this.journalLines = 0
  }

  /** Folds a non-empty journal into the JSON file (on stop), after the writes in flight. */
  async fold(): Promise<void> {
    await this.commits.idle()
    if (this.journalLines > 0 && !this.pending.length) await this.compact()
  }
}

export class RecordStore {
  private readonly parts = new Map<string, Promise<Partition>>()
  private readonly loaded = new Map<string, Partition>()
  // each member's days of a month as bits (day 1 = bit 0): a number, not a Set of strings
  private readonly dates = new Map<string, Map<string, number>>()
  private readonly datesLoading = new Map<string, Promise<Map<string, number>>>()
  private readonly datesEpoch = new Map<string, number>()

  constructor(
    readonly dataDir: string,
    private readonly onCorrupt: CorruptHandler = () => {},
    /** readOnly: for report and export, which never change, move or repair a file */
    private readonly opts: { cacheSize?: number; compactAfter?: number; readOnly?: boolean; canonical?: Canonical } = {},
  ) {
    if (!opts.readOnly) ensureDir(dataDir)
  }

  private static key(branch: string, month: string, family: Family): string {
    return `${branch}/${month}/${family}`
  }

  /** Forgets a loaded month (it is read again from disk when next asked for). */
  private drop(key: string): void {
    this.parts.delete(key)
    this.loaded.delete(key)
  }

  private partition(branch: string, month: string, family: Family): Promise<Partition> {
    const key = RecordStore.key(branch, month, family)
    let p = this.parts.get(key)
    if (p) {
      // refresh LRU position
      this.parts.delete(key)
      this.parts.set(key, p)
      return p
    }
    p = (async () => {
      const file = path.join(this.dataDir, branch, monthFileName(month, family))
      const ro = !!this.opts.readOnly
      const adapter = new DurableJSONFile<MonthFile>(file, this.onCorrupt, { readOnly: ro, salvage: (t) => salvageMonth(t) as { data: MonthFile; kept: number; lost: number } })
      const part = new Partition(new Low<MonthFile>(adapter, { records: [] }), `${file}.journal.jsonl`, this.opts.compactAfter ?? COMPACT_AFTER, ro, this.opts.canonical ?? null)
      await part.load(this.onCorrupt)
      this.loaded.set(key, part)
      return part
    })()
    p.catch(() => this.parts.delete(key))
    this.parts.set(key, p)
    this.evict()
    return p
  }

  private evict(): void {
    if (this.parts.size <= (this.opts.cacheSize ?? 96)) return
    for (const key of this.parts.keys()) {
      if (this.parts.size <= (this.opts.cacheSize ?? 96)) break
      const part = this.loaded.get(key)
      // never drop a month with a write in flight: reloading it would miss that write
      if (!part || part.commits.busy) continue
      this.drop(key)
    }
  }

  private partOf(r: LedgerRecord): Promise<Partition> {
    const key = RecordStore.key(r.branch, monthKeyOf(r), familyOf(r))
    this.dates.delete(key)
    this.datesEpoch.set(key, (this.datesEpoch.get(key) ?? 0) + 1)
    return this.partition(r.branch, monthKeyOf(r), familyOf(r))
  }

  /** Adds a record; resolves once it is durable on disk. On failure nothing stays in memory. */
  async add(rec: LedgerRecord): Promise<void> {
    await (await this.partOf(rec)).change({ put: rec })
  }

  /**
   * Whether the message `msgId` already changed a record of this family in the record's month or
   * a month next to it (handlers act on this month's or last month's records, so a redelivered
   * undo may now find a record one month over).
   */
  async applied(rec: LedgerRecord, msgId: string): Promise<boolean> {
    const m = monthKeyOf(rec)
    for (const month of [m, previousMonth(m), nextMonthOf(m)]) {
      if ((await this.partition(rec.branch, month, familyOf(rec))).hasApplied(msgId)) return true
    }
    return false
  }

  /**
   * Replaces a record (same id), moving it to another month file when its date moved. With
   * `byMsg`, a message whose change is already on disk changes nothing (returns false).
   */
  async update(before: LedgerRecord, after: LedgerRecord, o: ByMessage = {}): Promise<boolean> {
    const moved = monthKeyOf(before) !== monthKeyOf(after) || familyOf(before) !== familyOf(after)
    if (o.byMsg && (await this.applied(before, o.byMsg))) {
      // a move interrupted between its two steps: the copy is in its new month, finish the move
      if (moved && (await this.partOf(after)).get(after.id) && (await this.partOf(before)).get(before.id)) await this.remove(before)
      return false
    }
    if (moved) {
      await (await this.partOf(after)).change({ put: after, by: o.byMsg })
      await this.remove(before)
      return true
    }
    const part = await this.partOf(before)
    if (!part.get(before.id)) throw new Error(`record ${before.id} not found`)
    await part.change({ put: after, by: o.byMsg })
    return true
  }

  /**
   * Removes a record. With `byMsg` the removal and that message's done-mark are one journal line,
   * so the same undo redelivered removes nothing more. False when nothing was removed.
   */
  async remove(rec: LedgerRecord, o: ByMessage = {}): Promise<boolean> {
    if (o.byMsg && (await this.applied(rec, o.byMsg))) return false
    const part = await this.partOf(rec)
    if (!part.get(rec.id)) return false
    await part.change({ del: rec.id, by: o.byMsg })
    return true
  }

  /** A month's records (check-ins, then the ledger), in the order they were added. A copy. */
  async month(branch: string, month: string): Promise<LedgerRecord[]> {
    return [...(await this.monthView(branch, month, 'checkin')), ...(await this.monthView(branch, month, 'ledger'))]
  }

  /** Live view of one family's records of a month, for hot-path queries: do not mutate. */
  async monthView(branch: string, month: string, family: Family): Promise<readonly LedgerRecord[]> {
    return (await this.partition(branch, month, family)).records
  }

  /** One member's check-ins of a month, from an index: no scan. Do not mutate. */
  async memberView(branch: string, month: string, member: string): Promise<readonly LedgerRecord[]> {
    return (await this.partition(branch, month, 'checkin')).ofMember(member)
  }

  /**
   * The days a member checked in during a month. Kept as a small index per month, without the
   * month's records in memory: acknowledgements need last month only for a streak.
   */
  async memberDates(branch: string, month: string, member: string): Promise<ReadonlySet<DateStr>> {
    const key = RecordStore.key(branch, month, 'checkin')
    let idx = this.dates.get(key)
    if (!idx) {
      // one read however many ask at once (the start-up warm and an acknowledgement, say)
      let loading = this.datesLoading.get(key)
      if (!loading) {
        loading = this.buildDates(branch, month, key).finally(() => this.datesLoading.delete(key))
        this.datesLoading.set(key, loading)
      }
      idx = await loading
    }
    const bits = idx.get(member) ?? 0
    const out = new Set<DateStr>()
    for (let d = 1; d <= 31; d++) if (bits & (1 << (d - 1))) out.add(`${month}-${String(d).padStart(2, '0')}` as DateStr)
    return out
  }

  private async buildDates(branch: string, month: string, key: string): Promise<Map<string, number>> {
    const held = this.parts.has(key)
    const epoch = this.datesEpoch.get(key)
    const part = await this.partition(branch, month, 'checkin')
    const idx = new Map<string, number>()
    for (const r of part.records) {
      if (r.type !== 'checkin' || !r.date.startsWith(month)) continue
      const d = Number(r.date.slice(8, 10))
      if (d >= 1 && d <= 31) idx.set(r.member, (idx.get(r.member) ?? 0) | (1 << (d - 1)))
    }
    if (!held && !part.commits.busy) this.drop(key)
    // a record of that month written meanwhile: this answer may miss it, so it is not kept
    if (this.datesEpoch.get(key) !== epoch) return idx
    this.dates.set(key, idx)
    if (this.dates.size > 64) this.dates.delete(this.dates.keys().next().value!)
    return idx
  }

  /** Whether a message already produced a record in that month: no scan. */
  async hasMessage(branch: string, month: string, family: Family, msgId: string): Promise<boolean> {
    return (await this.partition(branch, month, family)).hasMsg(msgId)
  }

  /** One family's records of the months that overlap [from, to], filtered to the days in range. */
  async range(branch: string, from: DateStr, to: DateStr, family: Family): Promise<LedgerRecord[]> {
    const out: LedgerRecord[] = []
    for (const m of monthsBetween(from.slice(0, 7), to.slice(0, 7))) {
      for (const r of await this.monthView(branch, m, family)) {
        const d = recordDay(r)
        if (d >= from && d <= to) out.push(r)
      }
    }
    return out
  }

  private async spanOf(branch: string, span: Span, family: Family): Promise<readonly LedgerRecord[]> {
    return 'month' in span ? this.monthView(branch, span.month, family) : this.range(branch, span.from, span.to, family)
  }

  /** A branch's check-ins of a month or a span of days, in the order they were added. A copy. */
  async checkins(branch: string, span: Span): Promise<CheckinRecord[]> {
    return (await this.spanOf(branch, span, 'checkin')).filter(isCheckin)
  }

  /** A branch's 三会一课 and other activity records of a month or a span of days. A copy. */
  async activities(branch: string, span: Span): Promise<ActivityRecord[]> {
    return (await this.spanOf(branch, span, 'ledger')).filter(isActivity)
  }

  /** A branch's announced meetings (#预告) of a month or a span of days. A copy. */
  async announcements(branch: string, span: Span): Promise<AnnouncementRecord[]> {
    return (await this.spanOf(branch, span, 'ledger')).filter(isAnnouncement)
  }

  /**
   * Files a meeting photo beside the data, owner-only, under a safe name (the record's id and a
   * counter, never the sender's text). Returns its path inside the data folder, as records keep it.
   */
  savePhoto(rec: { branch: string; id: string }, month: string, n: number, file: { name: string; data: Buffer }): string {
    const ext = (/\.(jpe?g|png|gif|webp|heic)$/i.exec(file.name)?.[1] ?? 'jpg').toLowerCase()
    const rel = path.join(rec.branch, 'photos', month, `${rec.id}-${n}.${ext}`)
    const abs = path.join(this.dataDir, rel)
    mkdirSync(path.dirname(abs), { recursive: true, mode: 0o700 })
    writeFileSync(abs, file.data, { mode: 0o600 })
    return rel
  }

  /** A screenshot kept as its check-in's evidence: beside the data, owner-only, named by the record. */
  saveScreenshot(branch: string, month: string, id: string, file: { name: string; data: Buffer }): string {
    const ext = (/\.(jpe?g|png|gif|webp)$/i.exec(file.name)?.[1] ?? 'png').toLowerCase()
    const rel = path.join(branch, 'screenshots', month, `${id}.${ext}`)
    const abs = path.join(this.dataDir, rel)
    mkdirSync(path.dirname(abs), { recursive: true, mode: 0o700 })
    writeFileSync(abs, file.data, { mode: 0o600 })
    return rel
  }

  /** Folders of the data folder that are no configured branch's (a branch id renamed?). */
  strayBranchFolders(ids: string[]): string[] {
    try {
      return readdirSync(this.dataDir, { withFileTypes: true })
        .filter((e) => e.isDirectory() && !e.name.startsWith('_') && !e.name.startsWith('.') && !ids.includes(e.name))
        .filter((e) => readdirSync(path.join(this.dataDir, e.name)).some((n) => /^\d{4}-\d{2}\./.test(n)))
        .map((e) => e.name)
    } catch {
      return []
    }
  }

  /** Months that have a file for a branch, sorted. Reads the folder listing only. */
  async monthsOnDisk(branch: string): Promise<string[]> {
    try {
      const names = await fsp.readdir(path.join(this.dataDir, branch))
      const months = new Set(names.filter((n) => /^\d{4}-\d{2}\.(ledger\.)?json(\.journal\.jsonl)?$/.test(n)).map((n) => n.slice(0, 7)))
      return [...months].sort()
    } catch {
      return []
    }
  }

  /** Loads what the hot path uses before messages arrive: this month's check-ins. */
  async warm(branches: string[], now: Date): Promise<void> {
    const month = dayOf(now).slice(0, 7)
    for (const b of branches) await this.partition(b, month, 'checkin')
  }

  /**
   * Last month's dates, for streaks that reach back past the 1st. Needed by few acknowledgements,
   * so it is read once the bot is ready, not before: a message that needs it meanwhile waits for it.
   */
  async warmLastMonth(branches: string[], now: Date): Promise<void> {
    const month = previousMonth(dayOf(now).slice(0, 7))
    for (const b of branches) await this.memberDates(b, month, '')
  }

  /** Resolves when every write asked for so far is on disk. */
  async flush(): Promise<void> {
    for (const p of this.parts.values()) {
      const part = await p.catch(() => null)
      if (part) await part.commits.idle()
    }
  }

  /** Folds every journal into its JSON file, so a stopped bot leaves plain JSON behind. */
  async fold(): Promise<void> {
    for (const p of this.parts.values()) {
      const part = await p.catch(() => null)
      if (part) await part.fold()
    }
  }
}

function nextMonthOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
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

/** Writes a whole month in the store's layout (for tools that build a data folder: bench, import). */
export function writeMonthSnapshot(dataDir: string, branch: string, month: string, records: LedgerRecord[]): void {
  mkdirSync(path.join(dataDir, branch), { recursive: true })
  for (const family of ['checkin', 'ledger'] as const) {
    const recs = records.filter((r) => familyOf(r) === family)
    if (recs.length) writeFileSync(path.join(dataDir, branch, monthFileName(month, family)), JSON.stringify({ records: recs } satisfies MonthFile))
  }
}

/** The roster's renames: a record's old name that is now a member's alias maps to that member. */
export function canonicalFromConfig(branches: readonly { id: string; members: readonly { name: string; aliases: readonly string[] }[] }[]): Canonical {
  const maps = new Map(branches.map((b) => {
    const m = new Map<string, string>()
    for (const x of b.members) for (const a of x.aliases) if (!b.members.some((y) => y.name === a)) m.set(a, x.name)
    return [b.id, m] as const
  }))
  return (branch, name) => maps.get(branch)?.get(name) ?? name
}
