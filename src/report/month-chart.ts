// The month at a glance: members checking in per day, and days per member, as a PNG. Drawn as SVG
// and rendered by resvg with a CJK font shipped on the npm registry (@embedpdf/fonts-sc, Noto Sans
// Hans): no system fonts are used, so the Chinese labels render the same on any machine.
import { createRequire } from 'node:module'
import path from 'node:path'
import type { Resvg as ResvgClass } from '@resvg/resvg-js'
import type { CheckinFigures } from '../domain/checkin-stats.js'

const require = createRequire(import.meta.url)
// the package exports only its JS entry (dist/index.js); the fonts sit beside dist/
export const FONT_FILE = path.join(path.dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts', 'NotoSansHans-Regular.otf')
export const FONT_FAMILY = 'Noto Sans Hans'

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

// rendering loads the whole CJK font (over a second); the monthly job posts the chart and puts the
// same chart in the Word file, so the last few renders are kept (the SVG fixes the picture)
const rendered = new Map<string, Buffer>()

export function renderSvg(svg: string, width: number): Buffer {
  const key = `${width}:${svg}`
  const hit = rendered.get(key)
  if (hit) return hit
  const png = renderUncached(svg, width)
  rendered.set(key, png)
  if (rendered.size > 4) rendered.delete(rendered.keys().next().value!)
  return png
}

// resvg (a native module) is required on the first chart, synchronously: a bot that never draws one
// does not hold it
let resvg: typeof ResvgClass | undefined

function renderUncached(svg: string, width: number): Buffer {
  const Resvg = resvg ??= (require('@resvg/resvg-js') as { Resvg: typeof ResvgClass }).Resvg
  const r = new Resvg(svg, { font: { fontFiles: [FONT_FILE], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY }, fitTo: { mode: 'width', value: width } })
  return Buffer.from(r.render().asPng())
}

export interface ChartOptions {
  /** name the members with no check-in (the branch's summary.nameMissingMembers); else only a count */
  nameMissing?: boolean
  /** '本月' | '本季度' | '本年度' */
  periodWord?: string
}

/** Round steps for an axis: 1, 2, 5, 10, 20, … so that there are at most ~6 ticks. */
function step(max: number): number {
  for (let s = 1; ; s *= 10) for (const k of [1, 2, 5]) if (max / (s * k) <= 6) return s * k
}

export function monthChartSvg(title: string, f: CheckinFigures, o: ChartOptions = {}): string {
  const word = o.periodWord ?? '本月'
  const W = 960
  const left = 70
  const top = 70
  const dayH = 220
  const bar = (W - left - 40) / Math.max(1, f.perDay.length)
  const maxDay = Math.max(1, f.roster)
  const s = step(maxDay)
  // the y axis: numbers of members, with faint grid lines
  const ticks: string[] = []
  for (let v = 0; v <= maxDay; v += s) {
    const y = top + dayH - (v / maxDay) * dayH
    ticks.push(`<line x1="${left - 4}" y1="${y}" x2="${W - 40}" y2="${y}" stroke="${v ? '#eee' : '#999'}"/>` +
      `<text class="ytick" x="${left - 8}" y="${y + 4}" font-size="12" text-anchor="end" fill="#555">${v}</text>`)
  }
  // a quarter's 90 days cannot all be labelled: every 5th day then
  const every = bar >= 14 ? 1 : 5
  const days = f.perDay.map((d, i) => {
    const h = (d.members / maxDay) * dayH
    const x = left + i * bar
    const n = Number(d.date.slice(8))
    return `<rect x="${x + Math.min(2, bar / 5)}" y="${top + dayH - h}" width="${Math.max(1, bar - Math.min(4, bar / 2.5))}" height="${h}" fill="#c0392b"/>` +
      (every === 1 || n === 1 || n % every === 0 ? `<text x="${x + bar / 2}" y="${top + dayH + 16}" font-size="11" text-anchor="middle" fill="#555">${n}</text>` : '')
  }).join('')
  const people = f.byMember.slice(0, 60)
  const absent = o.nameMissing ? f.missing.slice(0, Math.max(0, 80 - people.length)) : []
  const y0 = top + dayH + 70
  const maxDays = Math.max(1, ...people.map((p) => p.days))
  const rows = people.map((p, i) => {
    const y = y0 + i * 26
    const w = (p.days / maxDays) * (W - 260)
    return `<text x="120" y="${y + 15}" font-size="14" text-anchor="end" fill="#333">${esc(p.name)}</text>` +
      `<rect x="130" y="${y + 2}" width="${w}" height="18" fill="#e67e22"/>` +
      `<text x="${136 + w}" y="${y + 16}" font-size="12" fill="#333">${p.days}天 ${p.minutes}分钟</text>`
  }).join('') + absent.map((name, i) => {
    const y = y0 + (people.length + i) * 26
    return `<text x="120" y="${y + 15}" font-size="14" text-anchor="end" fill="#999">${esc(name)}</text>` +
      `<text class="missing" x="136" y="${y + 16}" font-size="12" fill="#999">未打卡</text>`
  }).join('')
  const rowsN = people.length + absent.length
  const hidden = f.missing.length - absent.length
  const note = hidden > 0 ? `另有${hidden}名党员${word}未打卡` : ''
  const yNote = y0 + Math.max(1, rowsN) * 26 + 20
  const H = yNote + (note ? 20 : 10)
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">` +
    `<rect width="100%" height="100%" fill="#fff"/>` +
    `<text x="${W / 2}" y="36" font-size="22" text-anchor="middle" font-weight="bold" fill="#222">${esc(title)}</text>` +
    `<text x="${left}" y="${top - 12}" font-size="14" fill="#333">每日打卡人数（共 ${f.roster} 名党员）</text>` +
    ticks.join('') + `<line x1="${left}" y1="${top}" x2="${left}" y2="${top + dayH}" stroke="#999"/>${days}` +
    `<text x="${W - 40}" y="${top + dayH + 34}" font-size="12" text-anchor="end" fill="#555">日期</text>` +
    `<text x="60" y="${y0 - 12}" font-size="14" fill="#333">每人打卡天数</text>${rows}` +
    (rowsN ? '' : `<text x="130" y="${y0 + 16}" font-size="14" fill="#999">${word}没有打卡记录</text>`) +
    (note ? `<text class="note" x="130" y="${yNote}" font-size="14" fill="#666">${note}</text>` : '') +
    `</svg>`
}

export function monthChartPng(title: string, f: CheckinFigures, o: ChartOptions = {}): Buffer {
  return renderSvg(monthChartSvg(title, f, o), 960)
}
