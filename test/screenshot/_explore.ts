import { Resvg } from '@resvg/resvg-js'
import path from 'node:path'
import { writeFileSync } from 'node:fs'
import { FONT_FAMILY, FONT_FILE } from '../../src/report/month-chart.js'
import { tesseractEngine } from '../../src/ocr/engine.js'
import { readStudyScreen } from '../../src/messages/screenshot.js'
import { OcrReader } from '../../src/ocr/reader.js'
import { readScreen } from '../../src/ocr/screen.js'
const BOLD = path.join(path.dirname(FONT_FILE), 'NotoSansHans-Bold.otf')
const LIGHT = path.join(path.dirname(FONT_FILE), 'NotoSansHans-Light.otf')
const render = (svg: string, w: number) => Buffer.from(new Resvg(svg, { font: { fontFiles: [FONT_FILE, BOLD, LIGHT], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY }, fitTo: { mode: 'width', value: w } }).render().asPng())
const svg = (h: number, body: string, bg = '#fff') => `<svg xmlns="http://www.w3.org/2000/svg" width="360" height="${h}" font-family="${FONT_FAMILY}"><rect width="360" height="${h}" fill="${bg}"/>${body}</svg>`
const rows = (y0: number, fg = '#333', sub = '#999') => [['登录', 1, 1], ['我要选读文章', 12, 12], ['视听学习', 6, 6], ['每日答题', 5, 5]].map(([t, g, c], i) => `<text x="20" y="${y0 + i * 60}" font-size="15" fill="${fg}">${t}</text><text x="20" y="${y0 + i * 60 + 22}" font-size="12" fill="${sub}">已获${g}分/每日上限${c}分</text><rect x="270" y="${y0 + i * 60 - 16}" width="70" height="28" rx="14" fill="#e8372c"/><text x="305" y="${y0 + i * 60 + 3}" font-size="13" text-anchor="middle" fill="#fff">已完成</text>`).join('')
const cases: [string, Buffer, object][] = [
  ['red header white text', render(svg(400, `<rect width="360" height="150" fill="#e8372c"/><text x="180" y="40" font-size="17" text-anchor="middle" fill="#fff">学习积分</text><text x="180" y="90" font-size="36" text-anchor="middle" fill="#fff">12345</text><text x="180" y="125" font-size="14" text-anchor="middle" fill="#fff">今日已累积 24 积分</text>${rows(190)}`), 1080), { points: 24 }],
  ['bold centered 今日积分：38', render(svg(300, `<text x="180" y="60" font-size="18" font-weight="bold" text-anchor="middle">我的积分</text><text x="180" y="130" font-size="22" font-weight="bold" text-anchor="middle" fill="#c00">今日积分：38</text><text x="180" y="180" font-size="14" text-anchor="middle" fill="#888">总积分 9876</text>`), 720), { points: 38 }],
  ['light font small width', render(svg(300, `<text x="20" y="60" font-size="16">学习强国</text><text x="20" y="110" font-size="15" font-weight="300">今日已获得 33 分</text><text x="20" y="150" font-size="15" font-weight="300">累计积分 20311</text>`), 540), { points: 33 }],
  ['value big label small below', render(svg(300, `<text x="180" y="50" font-size="17" text-anchor="middle">学习积分</text><text x="90" y="120" font-size="40" text-anchor="middle" fill="#e33">41</text><text x="90" y="150" font-size="13" text-anchor="middle" fill="#888">今日积分</text><text x="270" y="120" font-size="40" text-anchor="middle">30222</text><text x="270" y="150" font-size="13" text-anchor="middle" fill="#888">总积分</text>`), 1080), { points: 41 }],
  ['study time 1小时20分钟 dark', render(svg(300, `<text x="180" y="50" font-size="17" text-anchor="middle" fill="#ddd">学习统计</text><text x="30" y="110" font-size="15" fill="#999">今日学习时长</text><text x="30" y="150" font-size="30" fill="#fff">1小时20分钟</text><text x="30" y="200" font-size="14" fill="#999">累计学习 120小时</text>`, '#000'), 1080), { minutes: 80 }],
  ['grey bg rows 今日累计积分', render(svg(420, `<text x="20" y="50" font-size="17">积分明细</text><text x="20" y="90" font-size="15" fill="#333">今日累计积分 24分</text>${rows(140, '#222', '#666')}`, '#eee'), 1170), { points: 24 }],
]
const reader = new OcrReader({ idleMs: 60000, maxQueue: 10 })
for (const [name, png, want] of cases) {
  const t = performance.now()
  const r = await readScreen(reader, png)
  console.log('==', name, JSON.stringify(want), '→', JSON.stringify(r), Math.round(performance.now() - t))
}
await reader.stop()
