// The monthly summary as a Word file for the secretaries to hand upward: title, the three sections,
// the figures as a table and the month's ledger as a table. Built with the `docx` package.
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx'
import type { ActivityRecord } from '../domain/types.js'
import type { SummaryModel } from './model.js'

const FONT = { ascii: 'SimSun', eastAsia: '宋体', hAnsi: 'SimSun' }
const p = (text: string, o: { bold?: boolean; heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]; center?: boolean } = {}) =>
  new Paragraph({ heading: o.heading, alignment: o.center ? AlignmentType.CENTER : undefined, children: [new TextRun({ text, bold: o.bold, font: FONT, size: 28 })] })

function table(rows: (string | number | null)[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map((r, i) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: c === null ? '' : String(c), bold: i === 0, font: FONT, size: 21 })] })] })) })),
  })
}

/** The summary text (as rendered from the template) with the figures and ledger tables after it. */
export async function summaryDocx(model: SummaryModel, text: string, ledger: readonly ActivityRecord[]): Promise<Buffer> {
  const lines = text.split('\n')
  const body: (Paragraph | Table)[] = [p(lines[0] ?? model.title, { bold: true, heading: HeadingLevel.TITLE, center: true })]
  for (const line of lines.slice(1)) {
    if (!line.trim()) continue
    const heading = /^[一二三四五六七八九十]、/.test(line) ? HeadingLevel.HEADING_1 : /^（[一二三四五六七八九十]）/.test(line) ? HeadingLevel.HEADING_2 : undefined
    body.push(p(line, { bold: !!heading, heading }))
  }
  const s = model.study
  body.push(p('附表一：学习打卡情况', { bold: true, heading: HeadingLevel.HEADING_2 }))
  body.push(table([
    ['党员人数', '参加人数', '参与率', '打卡人次', '学习分钟', '人均分钟'],
    [s.roster, s.members, s.rate, s.memberDays, s.minutes, s.avgMinutes],
  ]))
  body.push(p('附表二：本月台账', { bold: true, heading: HeadingLevel.HEADING_2 }))
  body.push(table([
    ['日期', '类型', '党小组', '议题', '主持人', '主讲人', '应到', '实到', '缺席（原因）'],
    ...ledger.map((a) => [a.date, a.kind, a.group, a.topic, a.host, a.speaker, a.expected, a.attendees, a.absent.map((x) => `${x.name}（${x.reason ?? '原因未填'}）`).join('、') || null]),
  ]))
  const doc = new Document({ creator: '支部助手', title: model.title, sections: [{ children: body }] })
  return Buffer.from(await Packer.toBuffer(doc))
}
