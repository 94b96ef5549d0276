// How long someone studied, and their 学习强国 points, read from free text.
// "42分" beside 学习强国/积分/强国/得分 is points; "42分钟" is always minutes.
import { CN_NUM, parseNumber } from './numerals.js'
import { normalize } from './text.js'

const NUM = `(\\d+(?:\\.\\d+)?|${CN_NUM}+)`
const HOUR = '(?:个?\\s*(半)?\\s*(?:小时|钟头|hours?|hrs?|h)(?![a-z]))'
const MIN = '(?:分钟|minutes?|mins?|分(?!钟)|m(?![a-z]))'
const POINTS_CUE = /(学习强国|强国|积分|得分|分数|今日积分)[^\d\n]{0,6}$/

// one alternation, no nested quantifiers: linear time on any input
const DURATION = new RegExp(
  [
    `${NUM}\\s*${HOUR}(?:\\s*(?:零|又)?\\s*${NUM}\\s*${MIN})?`, // 1.5小时, 一个半小时, 1小时20分钟
    `(半)\\s*个?\\s*(?:小时|钟头)`, // 半小时
    `${NUM}\\s*刻钟`, // 三刻钟
    `${NUM}\\s*${MIN}`, // 30分钟, 25 min
  ].join('|'),
  'gi',
)

const MAX_MINUTES = 24 * 60

/** Minutes studied, summed over every duration in the text; null when none or absurd. */
export function parseDuration(input: string): number | null {
  const text = normalize(input)
  let total = 0
  let found = false
  for (const m of text.matchAll(DURATION)) {
    const before = text.slice(Math.max(0, m.index - 12), m.index)
    let minutes: number | null = null
    if (m[1] !== undefined) {
      const h = parseNumber(m[1])
      if (h === null) continue
      const extra = m[3] !== undefined ? parseNumber(m[3]) : 0
      minutes = h * 60 + (m[2] ? 30 : 0) + (extra ?? 0)
    } else if (m[4] !== undefined) {
      minutes = 30
    } else if (m[5] !== undefined) {
      const q = parseNumber(m[5])
      minutes = q === null ? null : q * 15
    } else if (m[6] !== undefined) {
      // a bare "分" next to a points word is points, not minutes
      const bare = !/钟|min|m$/i.test(m[0])
      if (bare && POINTS_CUE.test(before)) continue
      // 十分重要, 百分之: a Chinese numeral before a bare 分 is not a duration
      if (bare && !/^\d/.test(m[6])) continue
      if (/^\d+$/.test(m[6]) && /[:：.]\s*$/.test(before) && /\d\s*[:：.]\s*$/.test(before)) continue // 9:30分? a clock time
      minutes = parseNumber(m[6])
    }
    if (minutes === null || !Number.isFinite(minutes)) continue
    total += minutes
    found = true
  }
  if (!found || total <= 0 || total > MAX_MINUTES) return null
  return Math.round(total)
}

const POINTS = new RegExp(
  [
    `(?:学习强国|强国|今日积分|积分|得分)\\s*(?:积分|得分)?\\s*[:：为是]?\\s*(\\d{1,5})(?![\\d.]|\\s*(?:分钟|min|小时|h|个|人|天|次|篇|章|月|日|号))`,
    `(?<![\\d.])(\\d{1,5})\\s*分(?!钟)(?=[^\\n]{0,3}(?:学习强国|强国|积分))`,
  ].join('|'),
  'i',
)

/** 学习强国 points: 积分42, 强国38, 今日积分 38 分, 得分42. No daily cap is assumed. */
export function parsePoints(input: string): number | null {
  const text = normalize(input)
  const m = POINTS.exec(text)
  if (!m) return null
  const n = Number(m[1] ?? m[2])
  return Number.isFinite(n) ? n : null
}
