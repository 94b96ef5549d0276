// The ledger as an Excel workbook: one sheet per meeting kind with every element as a column,
// plus a 学习打卡 sheet (member × day). Chinese headers, as a secretary hands it upward.
import ExcelJS from 'exceljs'
import type { ActivityRecord, Branch, CheckinRecord, DateStr } from '../domain/types.js'
import { KINDS } from '../domain/types.js'
import { addDays } from '../domain/time.js'

export const ACTIVITY_COLUMNS: { header: string; width: number; value: (r: ActivityRecord) => string | number | null }[] = [
  { header: '日期', width: 12, value: (r) => r.date ?? '（未填）' },
  { header: '类型', width: 12, value: (r) => r.kind },
  { header: '党小组', width: 12, value: (r) => r.group },
  { header: '议题', width: 36, value: (r) => r.topic },
  { header: '地点', width: 16, value: (r) => r.place },
  { header: '主持人', width: 10, value: (r) => r.host },
  { header: '主讲人', width: 10, value: (r) => r.speaker },
  { header: '记录人', width: 10, value: (r) => r.recorder },
  { header: '应到', width: 6, value: (r) => r.expected },
  { header: '实到', width: 6, value: (r) => r.attendees },
  { header: '缺席（原因）', width: 24, value: (r) => r.absent.map((a) => `${a.name}（${a.reason ?? '原因未填'}）`).join('、') || null },
  { header: '内容', width: 50, value: (r) => r.content },
  { header: '报告人', width: 10, value: (r) => r.reporter },
  { header: '照片', width: 30, value: (r) => r.photos.join('\n') || null },
]

export async function ledgerXlsx(o: { branch: Branch; from: DateStr; to: DateStr; activities: ActivityRecord[]; checkins: CheckinRecord[] }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = '支部助手'
  wb.title = `${o.branch.name}台账 ${o.from}至${o.to}`
  for (const kind of KINDS) {
    const rows = o.activities.filter((a) => a.kind === kind).sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''))
    if (!rows.length) continue
    const ws = wb.addWorksheet(kind)
    ws.columns = ACTIVITY_COLUMNS.map((c) => ({ header: c.header, width: c.width }))
    for (const r of rows) ws.addRow(ACTIVITY_COLUMNS.map((c) => c.value(r)))
    ws.getRow(1).font = { bold: true }
    ws.views = [{ state: 'frozen', ySplit: 1 }]
  }
  const ws = wb.addWorksheet('学习打卡')
  const days: DateStr[] = []
  for (let d = o.from; d <= o.to && days.length < 400; d = addDays(d, 1)) days.push(d)
  ws.columns = [{ header: '姓名', width: 10 }, ...days.map((d) => ({ header: d.slice(5), width: 6 })), { header: '天数', width: 6 }, { header: '分钟', width: 8 }]
  for (const m of o.branch.members) {
    const mine = o.checkins.filter((c) => c.member === m.name && c.date >= o.from && c.date <= o.to)
    const byDay = new Map<DateStr, number>()
    for (const c of mine) byDay.set(c.date, (byDay.get(c.date) ?? 0) + (c.minutes ?? 0))
    ws.addRow([m.name, ...days.map((d) => (byDay.has(d) ? byDay.get(d) || '✓' : null)), byDay.size, [...byDay.values()].reduce((a, b) => a + b, 0)])
  }
  ws.getRow(1).font = { bold: true }
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }]
  return Buffer.from(await wb.xlsx.writeBuffer())
}
