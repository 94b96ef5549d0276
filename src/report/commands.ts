// `zhibu-bot export` and `zhibu-bot report`: the ledger and summaries from the command line.
import { writeFileSync } from 'node:fs'
import type { Config, LedgerRecord } from '../domain/types.js'
import { dayOf } from '../domain/time.js'
import { RecordStore } from '../store/records.js'

export interface ExportOptions { data: string; branch?: string; from?: string; to?: string; format: string; out?: string }

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

function dayOfRecord(r: LedgerRecord): string {
  return r.type === 'checkin' ? r.date : r.date ?? dayOf(new Date(r.at))
}

export async function collect(config: Config, store: RecordStore, o: { branch?: string; from?: string; to?: string }): Promise<LedgerRecord[]> {
  const out: LedgerRecord[] = []
  for (const b of config.branches) {
    if (o.branch && b.id !== o.branch) continue
    for (const m of await store.monthsOnDisk(b.id)) {
      if (o.from && m < o.from.slice(0, 7)) continue
      if (o.to && m > o.to.slice(0, 7)) continue
      for (const r of await store.month(b.id, m)) {
        const d = dayOfRecord(r)
        if ((o.from && d < o.from) || (o.to && d > o.to)) continue
        out.push(r)
      }
    }
  }
  return out.sort((a, b) => dayOfRecord(a).localeCompare(dayOfRecord(b)) || a.at.localeCompare(b.at))
}

export async function runExport(config: Config, o: ExportOptions): Promise<number> {
  if (o.branch && !config.branches.some((b) => b.id === o.branch)) {
    process.stderr.write(`配置中没有支部 ${o.branch}（unknown branch）\n`)
    return 2
  }
  const store = new RecordStore(o.data)
  const records = await collect(config, store, o)
  if (o.format === 'json') {
    const text = JSON.stringify(records.map(exportRecord), null, 1) + '\n'
    if (o.out) writeFileSync(o.out, text)
    else process.stdout.write(text)
    return 0
  }
  if (o.format === 'xlsx') {
    const { exportXlsx } = await import('./export-xlsx.js')
    return exportXlsx(config, records, o)
  }
  process.stderr.write(`不支持的格式 ${o.format}，可选 json、xlsx\n`)
  return 2
}

export interface ReportOptions { data: string; branch?: string; month?: string; quarter?: string; year?: string; format: string; out?: string }

export async function runReport(config: Config, o: ReportOptions): Promise<number> {
  const { report } = await import('./report-command.js')
  return report(config, o)
}
