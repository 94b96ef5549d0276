// A lowdb adapter that writes through writeFileDurable. A file that does not parse never stops the
// branch and never loses what can still be read: every complete record is salvaged, the damaged
// original is kept beside it (copied, never moved away), and the loss is reported. A read-only
// reader (report, export) changes nothing on disk and refuses instead: a ledger handed upward must
// not be silently short.
import { promises as fsp } from 'node:fs'
import type { Adapter } from 'lowdb'
import { writeFileDurable } from './atomic.js'
import { now } from '../clock.js'

/** The file is not there (nor, perhaps, its folder): read as empty. */
export function isMissing(e: unknown): boolean {
  return ['ENOENT', 'ENOTDIR'].includes((e as NodeJS.ErrnoException).code ?? '')
}

/** file: the damaged file; keptAs: where its damaged original is kept; reason: what was lost. */
export type CorruptHandler = (file: string, keptAs: string, reason: string) => void

/** A data file a read-only command cannot read in full. */
export class DamagedDataError extends Error {
  constructor(readonly file: string, readonly reason: string) {
    super(`数据文件 ${file} 已损坏（${reason}）。为免输出不完整的记录，本次没有输出任何内容。` +
      `处理办法：启动一次机器人（npm start），它会挽回能读出的每一条记录、把损坏的原件保留在旁边并告知书记；` +
      `或用 zhibu-bot restore 从备份恢复。(damaged data file; nothing was printed)`)
    this.name = 'DamagedDataError'
  }
}

/** Beside the damaged file, never over anything: `<file>.damaged-<time>`. */
export function keptName(file: string, at = now().getTime()): string {
  return `${file}.damaged-${new Date(at).toISOString().replace(/[:.]/g, '-')}`
}

export interface Salvage<T> { data: T; kept: number; lost: number }

export class DurableJSONFile<T> implements Adapter<T> {
  constructor(
    private readonly file: string,
    private readonly onCorrupt: CorruptHandler,
    private readonly opts: { readOnly?: boolean; salvage?: (text: string) => Salvage<T> | null } = {},
  ) {}

  async read(): Promise<T | null> {
    let text: string
    try {
      text = await fsp.readFile(this.file, 'utf8')
    } catch (e) {
      if (isMissing(e)) return null
      throw e
    }
    try {
      return JSON.parse(text) as T
    } catch (e) {
      const s = this.opts.salvage?.(text) ?? null
      const what = s ? `挽回 ${s.kept} 条完整记录${s.lost ? `，约 ${s.lost} 条无法读出` : ''}` : '无法挽回其中的内容'
      const reason = `${(e as Error).message}；${what}`
      if (this.opts.readOnly) throw new DamagedDataError(this.file, reason)
      const keptAs = keptName(this.file)
      await fsp.copyFile(this.file, keptAs)
      // the salvaged records replace the damaged file now, so the next start finds it whole
      if (s) await writeFileDurable(this.file, JSON.stringify(s.data))
      this.onCorrupt(this.file, keptAs, reason)
      return s?.data ?? null
    }
  }

  write(data: T): Promise<void> {
    if (this.opts.readOnly) return Promise.reject(new Error(`read-only: ${this.file}`))
    // serialise now, synchronously: the group commit relies on the snapshot being taken here
    return writeFileDurable(this.file, JSON.stringify(data))
  }
}

/** End of the JSON value that starts at `i` (an object or array), or -1 if the text ends first. */
function endOfValue(text: string, i: number): number {
  let depth = 0
  let inStr = false
  for (let j = i; j < text.length; j++) {
    const c = text[j]
    if (inStr) {
      if (c === '\\') j++
      else if (c === '"') inStr = false
    } else if (c === '"') inStr = true
    else if (c === '{' || c === '[') depth++
    else if (c === '}' || c === ']') {
      depth--
      if (depth === 0) return j + 1
    }
  }
  return -1
}

/**
 * Every complete record of a damaged month file. Records are written by JSON.stringify, so each
 * starts with `{"type":"` — a sequence that cannot occur inside a string, where quotes are escaped.
 */
export function salvageMonth(text: string): Salvage<{ records: { id: string }[]; applied?: string[] }> {
  const records: { id: string }[] = []
  const ids = new Set<string>()
  let starts = 0
  for (let i = text.indexOf('{"type":"'); i >= 0; i = text.indexOf('{"type":"', i + 1)) {
    starts++
    const end = endOfValue(text, i)
    if (end < 0) continue
    try {
      const r = JSON.parse(text.slice(i, end)) as { id?: unknown; type?: unknown; branch?: unknown }
      if (typeof r.id === 'string' && typeof r.type === 'string' && typeof r.branch === 'string' && !ids.has(r.id)) {
        ids.add(r.id)
        records.push(r as { id: string })
      }
    } catch {
      // this one is damaged; the next start is looked for after its first character
    }
  }
  const applied: string[] = []
  const a = text.indexOf('"applied":[')
  if (a >= 0) for (const m of text.slice(a + 11).matchAll(/"((?:[^"\\]|\\.)*)"(?=\s*[,\]])/g)) { try { applied.push(JSON.parse(`"${m[1]}"`)) } catch { /* torn */ } }
  return { data: applied.length ? { records, applied } : { records }, kept: records.length, lost: Math.max(0, starts - records.length) }
}
