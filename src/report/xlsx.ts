// The ledger as an Excel workbook: one sheet per meeting kind with every element as a column,
// plus a 学习打卡 sheet (member × day) and, when the photos are at hand, a 照片 sheet with each
// meeting's photos embedded. Chinese headers, as a secretary hands it upward. Photos are named for
// the meeting (2026-11-18支部委员会-1.jpg), never by the bot's internal paths.
import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import type { ActivityRecord, Branch, CheckinRecord, DateStr } from '../domain/types.js'
import { KINDS } from '../domain/types.js'
import { addDays } from '../domain/time.js'
import { rosterDuring } from '../domain/roster.js'
import { originalSpan } from './original.js'
import { absentList } from './views.js'

/** Only the bot's own relative photo paths are read: never an absolute path or one climbing out. */
export function insideData(rel: string): boolean {
  return !path.isAbsolute(rel) && !rel.split(/[\\/]/).includes('..')
}

/** A photo's name as the secretary sees it: the meeting's date and kind and a number, unique in the workbook. */
export function photoNames(activities: readonly ActivityRecord[]): Map<string, string> {
  const names = new Map<string, string>()
  const used = new Set<string>()
  for (const r of [...activities].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.at.localeCompare(b.at))) {
    r.photos.forEach((rel, i) => {
      const ext = path.extname(rel).toLowerCase() || '.jpg'
      const base = `${r.date ?? '日期未填'}${r.group ?? ''}${r.kind}-${i + 1}`
      let name = `${base}${ext}`
      for (let k = 2; used.has(name); k++) name = `${base}（${k}）${ext}`
      used.add(name)
      names.set(rel, name)
    })
  }
  return names
}

/** 记录人 as reported; else the member who reported the meeting, marked as such (nothing invented). */
export function recorderOf(r: ActivityRecord): string | null {
  return r.recorder ?? (r.reporter ? `${r.reporter}（报告人）` : null)
}

export const ACTIVITY_COLUMNS: { header: string; width: number; value: (r: ActivityRecord, photos: Map<string, string>) => string | number | null }[] = [
  { header: '日期', width: 12, value: (r) => r.date ?? '（未填）' },
  { header: '类型', width: 12, value: (r) => r.kind },
  { header: '党小组', width: 12, value: (r) => r.group },
  { header: '议题', width: 36, value: (r) => originalSpan(r.text, r.topic) },
  { header: '地点', width: 16, value: (r) => r.place },
  { header: '主持人', width: 10, value: (r) => r.host },
  { header: '主讲人', width: 10, value: (r) => r.speaker },
  { header: '记录人', width: 14, value: recorderOf },
  { header: '应到', width: 6, value: (r) => r.expected },
  { header: '实到', width: 6, value: (r) => r.attendees },
  { header: '缺席（原因）', width: 24, value: (r) => absentList(r.absent) },
  { header: '内容', width: 50, value: (r) => originalSpan(r.text, r.content) },
  { header: '报告人', width: 10, value: (r) => r.reporter },
  { header: '照片', width: 30, value: (r, names) => r.photos.map((p) => names.get(p) ?? path.basename(p)).join('\n') || null },
]

const EMBED = { jpg: 'jpeg', jpeg: 'jpeg', png: 'png', gif: 'gif' } as const
const MAX_EMBED_BYTES = 40 * 1024 * 1024 // the workbook still goes through WeChat

export interface LedgerXlsxInput {
  branch: Branch; from: DateStr; to: DateStr; activities: ActivityRecord[]; checkins: CheckinRecord[]
  /** the data folder the records' photo paths are relative to: the photos are then embedded */
  photoDir?: string
}

export async function ledgerXlsx(o: LedgerXlsxInput): Promise<Buffer> {
  const names = photoNames(o.activities)
  const wb = new ExcelJS.Workbook()
  wb.creator = '支部助手'
  wb.title = `${o.branch.name}台账 ${o.from}至${o.to}`
  for (const kind of KINDS) {
    const rows = o.activities.filter((a) => a.kind === kind).sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''))
    if (!rows.length) continue
    const ws = wb.addWorksheet(kind)
    ws.columns = ACTIVITY_COLUMNS.map((c) => ({ header: c.header, width: c.width }))
    for (const r of rows) ws.addRow(ACTIVITY_COLUMNS.map((c) => c.value(r, names)))
    ws.getRow(1).font = { bold: true }
    ws.eachRow((row, n) => { if (n > 1) row.alignment = { vertical: 'top', wrapText: true } })
    ws.views = [{ state: 'frozen', ySplit: 1 }]
  }
  const ws = wb.addWorksheet('学习打卡')
  const days: DateStr[] = []
  for (let d = o.from; d <= o.to && days.length < 400; d = addDays(d, 1)) days.push(d)
  ws.columns = [{ header: '姓名', width: 10 }, ...days.map((d) => ({ header: d.slice(5), width: 6 })), { header: '天数', width: 6 }, { header: '分钟', width: 8 }]
  // the period's roster, then anyone else with check-ins in it (removed from the config since): records show by name
  const listed = rosterDuring(o.branch, o.from, o.to).map((m) => m.name)
  const extra = [...new Set(o.checkins.filter((c) => c.date >= o.from && c.date <= o.to && !listed.includes(c.member)).map((c) => c.member))]
  for (const m of [...listed.map((name) => ({ name, label: name })), ...extra.map((name) => ({ name, label: `${name}（不在册）` }))]) {
    const mine = o.checkins.filter((c) => c.member === m.name && c.date >= o.from && c.date <= o.to)
    const byDay = new Map<DateStr, number>()
    for (const c of mine) byDay.set(c.date, (byDay.get(c.date) ?? 0) + (c.minutes ?? 0))
    ws.addRow([m.label, ...days.map((d) => (byDay.has(d) ? byDay.get(d) || '✓' : null)), byDay.size, [...byDay.values()].reduce((a, b) => a + b, 0)])
  }
  ws.getRow(1).font = { bold: true }
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }]
  if (o.photoDir && names.size) photoSheet(wb, o.activities, names, o.photoDir)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** One row per photo: its name, the meeting, and the picture itself as a thumbnail. */
function photoSheet(wb: ExcelJS.Workbook, activities: readonly ActivityRecord[], names: Map<string, string>, dir: string): void {
  const ws = wb.addWorksheet('照片')
  ws.columns = [{ header: '照片文件', width: 32 }, { header: '日期', width: 12 }, { header: '类型', width: 12 }, { header: '议题', width: 30 }, { header: '照片', width: 34 }]
  ws.getRow(1).font = { bold: true }
  let bytes = 0
  for (const r of [...activities].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''))) {
    for (const rel of r.photos) {
      const row = ws.addRow([names.get(rel) ?? path.basename(rel), r.date ?? '（未填）', r.kind, originalSpan(r.text, r.topic)])
      row.alignment = { vertical: 'top', wrapText: true }
      const ext = EMBED[path.extname(rel).slice(1).toLowerCase() as keyof typeof EMBED]
      const file = path.join(dir, rel)
      let data: Buffer | null = null
      try {
        if (ext && insideData(rel) && bytes + statSync(file).size <= MAX_EMBED_BYTES) data = readFileSync(file)
      } catch { /* a photo missing from the data folder: its name stays, without the picture */ }
      if (!data || !ext) continue
      bytes += data.length
      row.height = 120
      // exceljs declares its own Buffer type; the bytes are the same
      const id = wb.addImage({ buffer: data as unknown as ExcelJS.Buffer, extension: ext })
      const size = imageSize(data)
      const k = size ? Math.min(220 / size.width, 155 / size.height) : 1
      ws.addImage(id, { tl: { col: 4, row: row.number - 1 }, ext: size ? { width: Math.round(size.width * k), height: Math.round(size.height * k) } : { width: 220, height: 155 }, editAs: 'oneCell' })
    }
  }
}

/** Pixel size of a PNG, GIF or JPEG, to keep a thumbnail's proportions; null when unknown. */
export function imageSize(b: Buffer): { width: number; height: number } | null {
  if (b.length > 24 && b.readUInt32BE(0) === 0x89504e47) return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) }
  if (b.length > 10 && b.toString('latin1', 0, 3) === 'GIF') return { width: b.readUInt16LE(6), height: b.readUInt16LE(8) }
  if (b.length > 4 && b[0] === 0xff && b[1] === 0xd8) {
    // walk the JPEG segments to the first start-of-frame marker
    for (let i = 2; i + 9 < b.length;) {
      if (b[i] !== 0xff) return null
      const marker = b[i + 1]!
      const len = b.readUInt16BE(i + 2)
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) return { width: b.readUInt16BE(i + 7), height: b.readUInt16BE(i + 5) }
      i += 2 + len
    }
  }
  return null
}
