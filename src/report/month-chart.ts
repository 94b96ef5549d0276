// The month at a glance: members checking in per day, and days per member, as a PNG. Drawn as SVG
// and rendered by resvg with a CJK font shipped on the npm registry (@embedpdf/fonts-sc, Noto Sans
// Hans): no system fonts are used, so the Chinese labels render the same on any machine.
import { createRequire } from 'node:module'
import path from 'node:path'
import { Resvg } from '@resvg/resvg-js'
import type { CheckinFigures } from '../domain/checkin-stats.js'

const require = createRequire(import.meta.url)
// the package exports only its JS entry (dist/index.js); the fonts sit beside dist/
export const FONT_FILE = path.join(path.dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts', 'NotoSansHans-Regular.otf')
export const FONT_FAMILY = 'Noto Sans Hans'

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

export function renderSvg(svg: string, width: number): Buffer {
  const r = new Resvg(svg, { font: { fontFiles: [FONT_FILE], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY }, fitTo: { mode: 'width', value: width } })
  return Buffer.from(r.render().asPng())
}

export function monthChartSvg(title: string, f: CheckinFigures): string {
  const W = 960
  const top = 70
  const dayH = 220
  const bar = (W - 100) / Math.max(1, f.perDay.length)
  const maxDay = Math.max(1, f.roster)
  const days = f.perDay.map((d, i) => {
    const h = (d.members / maxDay) * dayH
    const x = 60 + i * bar
    return `<rect x="${x + 2}" y="${top + dayH - h}" width="${bar - 4}" height="${h}" fill="#c0392b"/>` +
      `<text x="${x + bar / 2}" y="${top + dayH + 16}" font-size="11" text-anchor="middle" fill="#555">${Number(d.date.slice(8))}</text>`
  }).join('')
  const people = f.byMember.slice(0, 20)
  const y0 = top + dayH + 70
  const maxDays = Math.max(1, ...people.map((p) => p.days))
  const rows = people.map((p, i) => {
    const y = y0 + i * 26
    const w = (p.days / maxDays) * (W - 260)
    return `<text x="120" y="${y + 15}" font-size="14" text-anchor="end" fill="#333">${esc(p.name)}</text>` +
      `<rect x="130" y="${y + 2}" width="${w}" height="18" fill="#e67e22"/>` +
      `<text x="${136 + w}" y="${y + 16}" font-size="12" fill="#333">${p.days}天 ${p.minutes}分钟</text>`
  }).join('')
  const H = y0 + Math.max(1, people.length) * 26 + 30
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">` +
    `<rect width="100%" height="100%" fill="#fff"/>` +
    `<text x="${W / 2}" y="36" font-size="22" text-anchor="middle" font-weight="bold" fill="#222">${esc(title)}</text>` +
    `<text x="60" y="${top - 8}" font-size="14" fill="#333">每日打卡人数（共 ${f.roster} 人）</text>` +
    `<line x1="58" y1="${top + dayH}" x2="${W - 40}" y2="${top + dayH}" stroke="#999"/>${days}` +
    `<text x="60" y="${y0 - 12}" font-size="14" fill="#333">每人打卡天数</text>${rows}` +
    (people.length ? '' : `<text x="130" y="${y0 + 16}" font-size="14" fill="#999">本月没有打卡记录</text>`) +
    `</svg>`
}

export function monthChartPng(title: string, f: CheckinFigures): Buffer {
  return renderSvg(monthChartSvg(title, f), 960)
}
