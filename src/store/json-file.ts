// A lowdb adapter that writes through writeFileDurable and moves an unreadable file aside
// (named, logged) instead of refusing to start: one bad month must not stop the branch.
import { promises as fsp } from 'node:fs'
import type { Adapter } from 'lowdb'
import { writeFileDurable } from './atomic.js'

/** The file is not there (nor, perhaps, its folder): read as empty. */
export function isMissing(e: unknown): boolean {
  return ['ENOENT', 'ENOTDIR'].includes((e as NodeJS.ErrnoException).code ?? '')
}

export type CorruptHandler = (file: string, movedTo: string, reason: string) => void

export class DurableJSONFile<T> implements Adapter<T> {
  constructor(private readonly file: string, private readonly onCorrupt: CorruptHandler) {}

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
      const movedTo = `${this.file}.corrupt-${Date.now()}`
      await fsp.rename(this.file, movedTo)
      this.onCorrupt(this.file, movedTo, (e as Error).message)
      return null
    }
  }

  write(data: T): Promise<void> {
    // serialise now, synchronously: the group commit relies on the snapshot being taken here
    return writeFileDurable(this.file, JSON.stringify(data))
  }
}
