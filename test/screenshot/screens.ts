// Screens drawn by the project itself for the screenshot tests: phone screenshots of the 学习强国
// points page (with its per-task rows), a simple "今日获得" card, a study-time page, and images that
// are not study screens (a meeting-photo-like scene, a document page). SVG rendered by resvg with the
// bundled CJK font, so the pictures are the same on any machine.
import { Resvg } from '@resvg/resvg-js'
import jpeg from 'jpeg-js'
import { FONT_FAMILY, FONT_FILE } from '../../src/report/month-chart.js'

export interface Look {
  dark?: boolean
  /** phone width in px (the picture is drawn at 360 px wide and scaled) */
  width?: number
  /** a status bar at the top (time, battery) */
  statusBar?: boolean
  /** specks of dust and compression noise sprinkled over the screen (how many) */
  noise?: number
  /** sent as a JPEG of this quality (WeChat recompresses pictures), else PNG */
  jpeg?: number
}

export interface Row { task: string; got: number; cap: number }

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

function palette(dark: boolean) {
  return dark
    ? { bg: '#111111', card: '#1e1e1e', text: '#eeeeee', sub: '#a0a0a0', accent: '#ff5a4f', line: '#333333' }
    : { bg: '#f4f4f4', card: '#ffffff', text: '#222222', sub: '#777777', accent: '#e8372c', line: '#e5e5e5' }
}

function render(svg: string, width: number, quality?: number): Buffer {
  const r = new Resvg(svg, { font: { fontFiles: [FONT_FILE], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY }, fitTo: { mode: 'width', value: width } })
  const img = r.render()
  if (!quality) return Buffer.from(img.asPng())
  return Buffer.from(jpeg.encode({ data: Buffer.from(img.pixels), width: img.width, height: img.height }, quality).data)
}

/** A small seeded generator, so a noisy screen is the same at every run. */
function rng(seed: number) {
  let x = seed >>> 0 || 1
  return () => ((x = (x * 1664525 + 1013904223) >>> 0) / 2 ** 32)
}

function specks(n: number, height: number): string {
  const r = rng(n * 7919 + height)
  let out = ''
  for (let i = 0; i < n; i++) {
    const grey = Math.floor(r() * 255)
    out += `<rect x="${(r() * 360).toFixed(1)}" y="${(r() * height).toFixed(1)}" width="${(0.4 + r() * 1.2).toFixed(1)}" height="${(0.4 + r() * 1.2).toFixed(1)}" fill="rgb(${grey},${grey},${grey})" opacity="${(0.3 + r() * 0.5).toFixed(2)}"/>`
  }
  return out
}

function frame(body: string, height: number, look: Look, bg: string): Buffer {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="360" height="${height}" viewBox="0 0 360 ${height}" font-family="${FONT_FAMILY}">` +
    `<rect width="360" height="${height}" fill="${bg}"/>${body}${look.noise ? specks(look.noise, height) : ''}</svg>`
  return render(svg, look.width ?? 1080, look.jpeg)
}

const statusBar = (c: ReturnType<typeof palette>) =>
  `<text x="16" y="18" font-size="12" fill="${c.text}">9:41</text><text x="344" y="18" font-size="12" text-anchor="end" fill="${c.text}">5G 87%</text>`

export const DEFAULT_ROWS: Row[] = [
  { task: '登录', got: 1, cap: 1 },
  { task: '我要选读文章', got: 12, cap: 12 },
  { task: '视听学习', got: 6, cap: 6 },
  { task: '每日答题', got: 5, cap: 5 },
  { task: '趣味答题', got: 4, cap: 6 },
  { task: '本地频道', got: 1, cap: 1 },
]

/** The 学习强国 "学习积分" page: total, today's sum, and the per-task rows. */
export function pointsPage(o: { today: number; total?: number; rows?: Row[]; label?: 'accumulated' | 'today' } & Look = { today: 29 }): Buffer {
  const c = palette(!!o.dark)
  const rows = o.rows ?? DEFAULT_ROWS
  const top = o.statusBar === false ? 0 : 28
  const todayLine = o.label === 'today' ? `今日积分 ${o.today}` : `今日已累积${o.today}积分`
  let body = (o.statusBar === false ? '' : statusBar(c)) +
    `<text x="180" y="${top + 26}" font-size="18" text-anchor="middle" fill="${c.text}">学习积分</text>` +
    `<rect x="12" y="${top + 44}" width="336" height="96" rx="10" fill="${c.card}"/>` +
    `<text x="28" y="${top + 76}" font-size="14" fill="${c.sub}">总积分</text>` +
    `<text x="28" y="${top + 106}" font-size="28" fill="${c.accent}">${o.total ?? 23817}</text>` +
    `<text x="332" y="${top + 106}" font-size="15" text-anchor="end" fill="${c.text}">${esc(todayLine)}</text>` +
    `<text x="28" y="${top + 130}" font-size="12" fill="${c.sub}">积分规则</text>`
  let y = top + 160
  for (const r of rows) {
    body += `<rect x="12" y="${y}" width="336" height="64" rx="8" fill="${c.card}"/>` +
      `<text x="28" y="${y + 26}" font-size="16" fill="${c.text}">${esc(r.task)}</text>` +
      `<text x="28" y="${y + 50}" font-size="13" fill="${c.sub}">已获${r.got}分/每日上限${r.cap}分</text>` +
      `<text x="332" y="${y + 38}" font-size="14" text-anchor="end" fill="${r.got >= r.cap ? c.sub : c.accent}">${r.got >= r.cap ? '已完成' : '去看看'}</text>`
    y += 74
  }
  return frame(body, y + 20, o, c.bg)
}

/** The newer page: a red header with white text (total, today's sum), the rows below on white. */
export function redHeaderPage(o: { today: number; total?: number; rows?: Row[] } & Look = { today: 29 }): Buffer {
  const rows = o.rows ?? DEFAULT_ROWS.slice(0, 4)
  let body = `<rect width="360" height="170" fill="#d9282f"/>` +
    `<text x="180" y="44" font-size="17" text-anchor="middle" fill="#ffffff">学习积分</text>` +
    `<text x="180" y="100" font-size="38" text-anchor="middle" fill="#ffffff">${o.total ?? 31052}</text>` +
    `<text x="180" y="140" font-size="14" text-anchor="middle" fill="#ffe9e9">今日已累积 ${o.today} 积分</text>`
  let y = 210
  for (const r of rows) {
    body += `<text x="20" y="${y}" font-size="15" fill="#333">${esc(r.task)}</text>` +
      `<text x="20" y="${y + 22}" font-size="12" fill="#999">已获${r.got}分/每日上限${r.cap}分</text>` +
      `<rect x="266" y="${y - 14}" width="74" height="28" rx="14" fill="#d9282f"/><text x="303" y="${y + 5}" font-size="13" text-anchor="middle" fill="#fff">${r.got >= r.cap ? '已完成' : '去看看'}</text>`
    y += 62
  }
  return frame(body, y + 10, o, '#ffffff')
}

/** Big figures with their labels under them: 41 / 今日积分, 30222 / 总积分. */
export function figuresAbove(o: { today: number; total?: number } & Look = { today: 41 }): Buffer {
  const c = palette(!!o.dark)
  const body = `<text x="180" y="50" font-size="17" text-anchor="middle" fill="${c.text}">学习积分</text>` +
    `<text x="90" y="124" font-size="40" text-anchor="middle" fill="${c.accent}">${o.today}</text><text x="90" y="154" font-size="13" text-anchor="middle" fill="${c.sub}">今日积分</text>` +
    `<text x="270" y="124" font-size="40" text-anchor="middle" fill="${c.text}">${o.total ?? 30222}</text><text x="270" y="154" font-size="13" text-anchor="middle" fill="${c.sub}">总积分</text>`
  return frame(body, 200, o, c.bg)
}

/** A landscape: sky, hills, a lake. */
export function landscape(look: Look = {}): Buffer {
  const body = `<defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#6aa7e8"/><stop offset="1" stop-color="#d8ecff"/></linearGradient></defs>` +
    `<rect width="360" height="150" fill="url(#s)"/><circle cx="290" cy="50" r="22" fill="#fff3b0"/>` +
    `<path d="M0 150 L70 80 L130 140 L200 70 L290 150 Z" fill="#3f7d3a"/><rect y="150" width="360" height="90" fill="#4f86b8"/>`
  return frame(body, 240, { width: look.width ?? 1200 }, '#6aa7e8')
}

/** A simple card: "今日获得 52分" with the 总积分 beside it and no rows. */
export function todayCard(o: { today: number; total?: number } & Look = { today: 52 }): Buffer {
  const c = palette(!!o.dark)
  const body = (o.statusBar === false ? '' : statusBar(c)) +
    `<text x="180" y="60" font-size="18" text-anchor="middle" fill="${c.text}">我的积分</text>` +
    `<rect x="16" y="84" width="328" height="170" rx="12" fill="${c.card}"/>` +
    `<text x="40" y="130" font-size="16" fill="${c.sub}">今日获得</text>` +
    `<text x="40" y="176" font-size="34" fill="${c.accent}">${o.today}分</text>` +
    `<text x="200" y="130" font-size="16" fill="${c.sub}">总积分</text>` +
    `<text x="200" y="176" font-size="34" fill="${c.text}">${o.total ?? 18652}</text>` +
    `<text x="40" y="226" font-size="13" fill="${c.sub}">坚持学习，天天向上</text>`
  return frame(body, 300, o, c.bg)
}

/** A study app's page: "今日学习 45分钟", the week's total, a few courses. */
export function studyTimePage(o: { minutes: number; week?: number } & Look = { minutes: 45 }): Buffer {
  const c = palette(!!o.dark)
  const courses = ['学习贯彻党的二十大精神', '党史学习教育专题', '习近平新时代中国特色社会主义思想']
  let body = (o.statusBar === false ? '' : statusBar(c)) +
    `<text x="180" y="60" font-size="18" text-anchor="middle" fill="${c.text}">学习记录</text>` +
    `<rect x="16" y="80" width="328" height="120" rx="12" fill="${c.card}"/>` +
    `<text x="40" y="124" font-size="20" fill="${c.text}">今日学习 ${o.minutes}分钟</text>` +
    `<text x="40" y="170" font-size="14" fill="${c.sub}">本周累计 ${o.week ?? 310}分钟</text>`
  let y = 220
  for (const t of courses) {
    body += `<rect x="16" y="${y}" width="328" height="52" rx="8" fill="${c.card}"/><text x="32" y="${y + 32}" font-size="14" fill="${c.text}">${esc(t)}</text>`
    y += 62
  }
  return frame(body, y + 20, o, c.bg)
}

/** A room with people at a long table and a red banner: the kind of photo sent after a meeting. */
export function meetingPhoto(look: Look = {}): Buffer {
  let body = `<rect width="360" height="240" fill="#c9b79c"/><rect y="150" width="360" height="90" fill="#7a5230"/>` +
    `<rect x="40" y="20" width="280" height="34" fill="#b3141b"/>`
  for (let i = 0; i < 7; i++) {
    const x = 30 + i * 46
    body += `<circle cx="${x + 12}" cy="112" r="12" fill="#2b1d14"/><rect x="${x}" y="124" width="26" height="34" rx="6" fill="${i % 2 ? '#1f2a44' : '#333'}"/>`
  }
  body += `<rect x="10" y="158" width="340" height="14" fill="#5b3b20"/>`
  return frame(body, 240, { width: look.width ?? 960 }, '#c9b79c')
}

/** A page of a document: a title and body text, nothing about points. */
export function documentPage(look: Look = {}): Buffer {
  const lines = ['一、深入学习贯彻党的二十大精神，', '把思想和行动统一到中央决策部署上来。', '二、严格落实“三会一课”制度，', '认真开展组织生活会和民主评议党员。', '三、加强党员教育管理，提高学习质量。']
  let body = `<text x="180" y="50" font-size="20" text-anchor="middle" fill="#000">关于开展主题党日活动的通知</text>`
  lines.forEach((l, i) => { body += `<text x="30" y="${100 + i * 34}" font-size="15" fill="#111">${esc(l)}</text>` })
  return frame(body, 300, { width: look.width ?? 1080 }, '#ffffff')
}
