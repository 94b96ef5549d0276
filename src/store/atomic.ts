// Durable, atomic file replacement: a crash at any moment leaves the old file or the new one,
// never a torn one. temp file -> write -> fsync -> rename -> fsync of the folder.
import { promises as fsp, constants, mkdirSync, readdirSync, rmSync } from 'node:fs'
import path from 'node:path'

let seq = 0

export async function writeFileDurable(file: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(file)
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${++seq}.tmp`)
  const fh = await fsp.open(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC, 0o600)
  try {
    await fh.writeFile(data)
    await fh.sync()
  } finally {
    await fh.close()
  }
  try {
    await fsp.rename(tmp, file)
  } catch (e) {
    await fsp.rm(tmp, { force: true })
    throw e
  }
  await fsyncDir(dir)
}

/** Appends lines to a journal and fsyncs it (owner-only when created). */
export async function appendLinesDurable(file: string, lines: readonly string[]): Promise<void> {
  if (!lines.length) return
  const fh = await fsp.open(file, 'a', 0o600)
  try {
    await fh.appendFile(lines.join('\n') + '\n')
    await fh.sync()
  } finally {
    await fh.close()
  }
}

export async function fsyncDir(dir: string): Promise<void> {
  const dh = await fsp.open(dir, constants.O_RDONLY)
  try {
    await dh.sync()
  } catch {
    // some file systems refuse fsync on a directory; the rename is still atomic there
  } finally {
    await dh.close()
  }
}

/** Data folders hold the branch's ledger and names: owner-only. */
export function ensureDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 })
}

/**
 * Group commit: calls that arrive while a write runs share the next one, so a burst of messages
 * costs two fsyncs, not one per message. `run` must take its snapshot synchronously at its start.
 */
export class GroupCommit {
  private chain: Promise<void> = Promise.resolve()
  private next: Promise<void> | null = null
  private inFlight = 0

  constructor(private readonly run: () => Promise<void>) {}

  commit(): Promise<void> {
    if (this.next) return this.next
    this.inFlight++
    const p = this.chain.then(() => {
      this.next = null
      return this.run()
    })
    this.next = p
    this.chain = p.catch(() => undefined).finally(() => { this.inFlight-- })
    return p
  }

  /** True while a commit is queued or running. */
  get busy(): boolean {
    return this.inFlight > 0
  }

  /** Resolves when every commit asked for so far has finished. */
  idle(): Promise<void> {
    return this.chain
  }
}

/**
 * Removes temp files that a killed writer left behind (`.<name>.<pid>.<n>.tmp`). Only call this
 * while holding the data folder's lock: then no other writer can own them.
 */
export function removeStaleTemps(dataDir: string): number {
  let n = 0
  const sweep = (dir: string, depth: number) => {
    let entries: import('node:fs').Dirent[]
    try {
      entries = readdirSync(dir, { withFileTypes: true })
    } catch {
      return
    }
    for (const e of entries) {
      const p = path.join(dir, e.name)
      if (e.isDirectory() && depth > 0) sweep(p, depth - 1)
      else if (e.isFile() && /^\..+\.\d+\.\d+\.tmp$/.test(e.name)) { rmSync(p, { force: true }); n++ }
    }
  }
  sweep(dataDir, 2)
  return n
}
