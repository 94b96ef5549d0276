// `zhibu-bot export` and `zhibu-bot report`: the ledger and summaries from the command line.
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Config, LedgerRecord } from '../domain/types.js'
import { dayOf } from '../domain/time.js'
import { RecordStore } from '../store/records.js'

export interface ExportOptions { data: string; branch?: string; from?: string; to?: string; format: string; out?: string }

/** The public export shape (DESIGN.md): record fields in a fixed order, internal ids left out. */
export function exportRecord(r: LedgerRecord): Record<string, unknown> {
  if (r.type === 'checkin') {
    return { type: 'checkin', branch: r.branch, member: r.member, date: r.date, minutes: r.minutes, points: r.points, text: r.text, content: r.content, titles: r.titles, backfill: r.backfill, at: r.at }
  }
  if (r.type === 'activity') {
    return {
      type: 'activity', branch: r.branch, kind: r.kind, date: r.date, group: r.group, topic: r.topic, place: r.place, host: r.host,
      speaker: r.speaker, recorder: r.recorder, expected: r.expected, attendees: r.attendees, absent: r.absent, text: r.text,
      content: r.content, reporter: r.reporter, photos: r.photos, at: r.at,
    }
  }
  return { type: 'announcement', branch: r.branch, kind: r.kind, date: r.date, time: r.time, place: r.place, group: r.group, announcer: r.announcer, text: r.text, at: r.at }
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

/**
 * A report of a folder that is not the bot's data folder would be an empty month that looks real
 * ("参与率0.0%"): a mistyped --data is an error. The bot's folder has _state/ from its first start.
 */
export function dataDirProblem(config: Config, dir: string): string | null {
  const abs = path.resolve(dir)
  const shown = abs === dir ? dir : `${dir}（即 ${abs}）`
  const where = `请用 --data 指定机器人的数据文件夹：配置中 bot.dataDir 的位置（现为“${config.bot.dataDir}”，相对于启动机器人时所在的目录）`
  let names: string[]
  try {
    if (!statSync(abs).isDirectory()) return `--data ${shown} 不是文件夹。${where}。(not a folder)`
    names = readdirSync(abs)
  } catch {
    return `找不到数据文件夹 ${shown}。${where}。(data folder not found)`
  }
  if (!names.includes('_state') && !config.branches.some((b) => names.includes(b.id))) {
    const what = names.length ? `没有机器人的数据（既没有 _state，也没有支部 ${config.branches.map((b) => b.id).join('、')} 的记录）` : '是空的'
    // `--data .` from the project folder: the data folder is one level down
    const inside = names.find((n) => existsSync(path.join(abs, n, '_state')))
    const hint = inside ? `。是不是 --data ${path.join(dir, inside)}？` : `。${where}`
    return `数据文件夹 ${shown} ${what}${hint}。(no bot data in this folder)`
  }
  return null
}

export async function runExport(config: Config, o: ExportOptions): Promise<number> {
  const bad = dataDirProblem(config, o.data)
  if (bad) {
    process.stderr.write(bad + '\n')
    return 2
  }
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
  const bad = dataDirProblem(config, o.data)
  if (bad) {
    process.stderr.write(bad + '\n')
    return 2
  }
  const { report } = await import('./report-command.js')
  return report(config, o)
}
