// What the command-line report and export share: where output goes, the read-only store, the
// options, and the public export shape of a record.
import { writeFileSync } from 'node:fs'
import type { Config, LedgerRecord } from '../domain/types.js'
import { canonicalFromConfig, RecordStore } from '../store/records.js'

/**
 * Writes a command's output, to --out or stdout; resolves once stdout has taken all of it, so the
 * process.exit that follows cannot cut a large export piped to another program.
 */
export function writeOutput(text: string | Uint8Array, out?: string): Promise<void> {
  if (out) { writeFileSync(out, text); return Promise.resolve() }
  return new Promise((resolve, reject) => process.stdout.write(text, (e) => (e ? reject(e) : resolve())))
}

/** The store report and export read: read-only, it never repairs, moves or renames a file. */
export function readOnlyStore(data: string, config?: Config): RecordStore {
  return new RecordStore(data, undefined, { readOnly: true, canonical: config ? canonicalFromConfig(config.branches) : undefined })
}

export interface ExportOptions { data: string; branch?: string; from?: string; to?: string; format: string; out?: string }

export interface ReportOptions { data: string; branch?: string; month?: string; quarter?: string; year?: string; format: string; out?: string }

/** The public export shape (DESIGN.md): record fields in a fixed order, internal ids left out. */
export function exportRecord(r: LedgerRecord): Record<string, unknown> {
  if (r.type === 'checkin') {
    return { type: 'checkin', branch: r.branch, member: r.member, date: r.date, minutes: r.minutes, points: r.points, text: r.text, content: r.content, titles: r.titles, backfill: r.backfill, at: r.at, messageId: r.msgId, reporter: r.member }
  }
  if (r.type === 'activity') {
    return {
      type: 'activity', branch: r.branch, kind: r.kind, date: r.date, group: r.group, topic: r.topic, place: r.place, host: r.host,
      speaker: r.speaker, recorder: r.recorder, expected: r.expected, attendees: r.attendees, absent: r.absent, text: r.text,
      content: r.content, reporter: r.reporter, photos: r.photos, at: r.at, messageId: r.msgId,
    }
  }
  return { type: 'announcement', branch: r.branch, kind: r.kind, date: r.date, time: r.time, place: r.place, group: r.group, announcer: r.announcer, text: r.text, at: r.at, messageId: r.msgId, reporter: r.announcer }
}
