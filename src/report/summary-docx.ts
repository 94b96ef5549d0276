// The summary as a Word file for the secretaries to hand upward, set as an official document
// (GB/T 9704 公文格式 as branches use it): the title in 方正小标宋 二号, the first-level headings in
// 黑体 and the second in 楷体, the body in 仿宋 三号 with a two-character indent, black throughout
// (not the blue of Word's built-in heading styles), page numbers "— 1 —" at the foot; then the chart,
// the figures and the period's ledger as tables. Built with the `docx` package.
import {
  AlignmentType, Document, Footer, HeadingLevel, ImageRun, LineRuleType, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx'
import type { ActivityRecord } from '../domain/types.js'
import { monthChartPng } from './month-chart.js'
import { clause, type SummaryModel } from './model.js'
import { originalSpan } from './original.js'
import { absentList } from './views.js'

/**
 * Word uses a font only where it is installed, so each family names a font every Chinese Windows
 * and WPS has as its fallback (fontTable `w:altName`): 方正小标宋简体 -> 黑体 (SimHei), 仿宋 -> 宋体.
 */
export const FONTS = {
  title: { name: '方正小标宋简体', alt: '黑体' },
  heading1: { name: '黑体', alt: 'SimHei' },
  heading2: { name: '楷体', alt: '宋体' },
  body: { name: '仿宋', alt: '宋体' },
  table: { name: '宋体', alt: 'SimSun' },
} as const
const LATIN = 'Times New Roman'
const font = (f: { name: string }) => ({ ascii: LATIN, hAnsi: LATIN, eastAsia: f.name, cs: LATIN })

/** Sizes in half-points: 二号 22pt for the title, 三号 16pt for the body, 五号 10.5pt in tables. */
export const SIZES = { title: 44, body: 32, table: 21 } as const
const BLACK = '000000'
// 公文: a fixed 28pt line, two characters of indent
const bodySpacing = { line: 560, lineRule: LineRuleType.EXACT }

// set on the runs as well as in the styles: WPS and older Word versions, and anyone reading the
// file, see the same fonts and sizes whether or not they follow the style sheet
const RUN = {
  title: { font: font(FONTS.title), size: SIZES.title, bold: true, color: BLACK },
  heading1: { font: font(FONTS.heading1), size: SIZES.body, color: BLACK },
  heading2: { font: font(FONTS.heading2), size: SIZES.body, color: BLACK },
  body: { font: font(FONTS.body), size: SIZES.body, color: BLACK },
}
const h1 = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text, ...RUN.heading1 })] })
const h2 = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text, ...RUN.heading2 })] })
const para = (text: string) => new Paragraph({ children: [new TextRun({ text, ...RUN.body })] })

function table(rows: (string | number | null)[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map((r, i) => new TableRow({
      tableHeader: i === 0,
      children: r.map((c) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: c === null ? '' : String(c), bold: i === 0, font: font(FONTS.table), size: SIZES.table, color: BLACK })] })] })),
    })),
  })
}

/** The PNG's size from its IHDR chunk, to keep the chart's proportions on the page. */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) }
}

/** The ledger table's rows: 记录人 as reported, else the member who reported the meeting to the bot. */
export function ledgerRows(ledger: readonly ActivityRecord[]): (string | number | null)[][] {
  return [
    ['日期', '类型', '党小组', '议题', '主持人', '主讲人', '记录人', '应到', '实到', '缺席（原因）'],
    ...[...ledger].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '')).map((a) => [
      a.date ?? '（未填）', a.kind, a.group, clause(originalSpan(a.text, a.topic)), a.host, a.speaker, a.recorder ?? (a.reporter ? `${a.reporter}（报告人）` : null),
      a.expected, a.attendees, absentList(a.absent),
    ]),
  ]
}

export interface DocxOptions {
  /** the chart to embed; drawn from the model's figures when not given, left out when null */
  chart?: Buffer | null
  nameMissing?: boolean
}

/** The summary text (as rendered from the template) with the chart and the tables after it. */
export async function summaryDocx(model: SummaryModel, text: string, ledger: readonly ActivityRecord[], o: DocxOptions = {}): Promise<Buffer> {
  const lines = text.split('\n')
  const body: (Paragraph | Table)[] = [new Paragraph({
    heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, spacing: { after: 560 },
    children: [new TextRun({ text: lines[0] ?? model.title, ...RUN.title })],
  })]
  for (const line of lines.slice(1)) {
    if (!line.trim()) continue
    body.push(/^[一二三四五六七八九十]、/.test(line) ? h1(line) : /^（[一二三四五六七八九十]）/.test(line) ? h2(line) : para(line))
  }
  const chart = o.chart === undefined ? monthChartPng(model.chartTitle, model.figures, { nameMissing: o.nameMissing ?? false, periodWord: model.periodWord }) : o.chart
  let n = 1
  if (chart) {
    const { width, height } = pngSize(chart)
    const w = 560 // px at 96 dpi: the text width of an A4 page with 公文 margins (156 mm)
    body.push(h2(`附图：${model.periodWord.slice(1)}学习打卡情况`))
    body.push(new Paragraph({ alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, children: [new ImageRun({ type: 'png', data: chart, transformation: { width: w, height: Math.round((height / width) * w) }, altText: { name: '学习打卡统计图', description: model.chartTitle, title: model.chartTitle } })] }))
  }
  const s = model.study
  body.push(h2(`附表${'一二三'[n++ - 1]}：学习打卡情况`))
  body.push(table([
    ['党员人数', '参加人数', '参与率', '打卡人次', '学习分钟', '人均分钟'],
    [s.roster, s.members, s.rate, s.memberDays, s.minutes, s.avgMinutes],
  ]))
  body.push(h2(`附表${'一二三'[n++ - 1]}：${model.periodWord}台账`))
  body.push(table(ledgerRows(ledger)))
  const heading = (f: { name: string }, size: number, extra: object = {}) => ({
    run: { font: font(f), size, color: BLACK, bold: false, italics: false, ...extra },
    paragraph: { spacing: { ...bodySpacing, before: 0, after: 0 }, indent: { firstLine: 640 } },
  })
  const doc = new Document({
    creator: '支部助手', title: model.title,
    styles: {
      default: {
        document: { run: { font: font(FONTS.body), size: SIZES.body, color: BLACK }, paragraph: { spacing: bodySpacing, indent: { firstLine: 640 } } },
        title: { run: { font: font(FONTS.title), size: SIZES.title, bold: true, color: BLACK }, paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { line: 700, lineRule: LineRuleType.AT_LEAST } } },
        heading1: heading(FONTS.heading1, SIZES.body),
        heading2: heading(FONTS.heading2, SIZES.body),
        // the library's other built-in headings are blue; none is used, but none stays blue either
        heading3: heading(FONTS.heading1, SIZES.body), heading4: heading(FONTS.heading2, SIZES.body),
        heading5: heading(FONTS.body, SIZES.body), heading6: heading(FONTS.body, SIZES.body),
        caption: { run: { color: BLACK, italics: false } },
      },
    },
    sections: [{
      properties: { page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474, footer: 1134 } } }, // 37/35/28/26 mm
      footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font(FONTS.table), size: 28, color: BLACK })] })] }) },
      children: body,
    }],
  })
  return Buffer.from(await Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTable() }]))
}

/** word/fontTable.xml with each family, its fallback as `w:altName` and the GB2312 charset. */
function fontTable(): string {
  const entries = [{ name: LATIN, alt: 'Times' }, ...Object.values(FONTS)]
    .map((f) => `<w:font w:name="${f.name}"><w:altName w:val="${f.alt}"/><w:charset w:val="${f.name === LATIN ? '00' : '86'}"/><w:family w:val="${f.name === '黑体' ? 'modern' : 'roman'}"/><w:pitch w:val="variable"/></w:font>`)
    .join('')
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    `<w:fonts xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${entries}</w:fonts>`
}
