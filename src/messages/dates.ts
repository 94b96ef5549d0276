// Chinese date phrases in reports and announcements, relative to the message's time in Shanghai:
// 11月18日下午, 2026年11月28日, 11.28, 昨天晚上, 今天上午, 本周五, 下周三下午3点, 11月25日14:30.
import type { DateStr } from '../domain/types.js'
import { addDays, dayOf, daysBetween, weekday } from '../domain/time.js'
import { CN_NUM, parseNumber } from './numerals.js'

export type DayPart = '上午' | '下午' | '晚上' | null
export interface DatePhrase { date: DateStr; time: string | null; part: DayPart; index: number; length: number }

const REL: Record<string, number> = { 大前天: -3, 前天: -2, 昨天: -1, 昨日: -1, 昨晚: -1, 今天: 0, 今日: 0, 今晚: 0, 今早: 0, 明天: 1, 明日: 1, 明晚: 1, 后天: 2 }
const WEEKDAY: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7 }

const DATE = new RegExp([
  '(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号]?', // 1-3
  '(\\d{4})-(\\d{1,2})-(\\d{1,2})', // 4-6
  '(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号]?', // 7-8
  '(?<![\\d.])(\\d{1,2})\\.(\\d{1,2})(?![\\d.]|\\s*(?:小时|h|分|个))', // 9-10
  '(大前天|前天|昨天|昨日|昨晚|今天|今日|今晚|今早|明天|明日|明晚|后天)', // 11
  '(本|这|上|下)?\\s*(?:周|星期|礼拜)([一二三四五六日天1-7])', // 12-13
].join('|'))

const PART = /^\s*(上午|早上|早晨|中午|下午|傍晚|晚上|晚)/
const TIME = new RegExp(`^\\s*(?:(上午|早上|中午|下午|晚上|晚)\\s*)?(?:(\\d{1,2})\\s*[:：]\\s*(\\d{2})|(\\d{1,2}|${CN_NUM}{1,3})\\s*点\\s*(半|(\\d{1,2})\\s*分?)?)`)

function partOf(word: string | undefined): DayPart {
  if (!word) return null
  if (/上午|早/.test(word)) return '上午'
  if (/下午|中午|傍晚/.test(word)) return '下午'
  return '晚上'
}

function ymd(y: number, m: number, d: number): DateStr | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null
  const s = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
  return addDays(s, 0) === s ? s : null
}

/** The first date phrase in the text. `prefer`: a report is about the past, an announcement the future. */
export function parseDatePhrase(text: string, now: Date, prefer: 'past' | 'future' = 'past'): DatePhrase | null {
  const today = dayOf(now)
  const year = Number(today.slice(0, 4))
  const m = DATE.exec(text)
  if (!m) return null
  let date: DateStr | null = null
  let part: DayPart = /晚/.test(m[11] ?? '') ? '晚上' : /早/.test(m[11] ?? '') ? '上午' : null
  if (m[1]) date = ymd(+m[1], +m[2]!, +m[3]!)
  else if (m[4]) date = ymd(+m[4], +m[5]!, +m[6]!)
  else if (m[7] || m[9]) {
    const [mm, dd] = m[7] ? [+m[7], +m[8]!] : [+m[9]!, +m[10]!]
    date = ymd(year, mm, dd)
    // no year written: the nearest sensible one
    if (date && prefer === 'past' && daysBetween(today, date) > 7) date = ymd(year - 1, mm, dd)
    if (date && prefer === 'future' && daysBetween(date, today) > 7) date = ymd(year + 1, mm, dd)
  } else if (m[11]) date = addDays(today, REL[m[11]]!)
  else if (m[13]) {
    const target = WEEKDAY[m[13]]!
    const monday = addDays(today, 1 - weekday(today))
    const shift = m[12] === '上' ? -7 : m[12] === '下' ? 7 : 0
    date = addDays(monday, shift + target - 1)
    // a bare 周五 in a report means the last one, in an announcement the next one
    if (!m[12] && prefer === 'past' && date > today) date = addDays(date, -7)
    if (!m[12] && prefer === 'future' && date < today) date = addDays(date, 7)
  }
  if (!date) return null
  let length = m[0].length
  const after = text.slice(m.index + length)
  let time: string | null = null
  const t = TIME.exec(after)
  if (t && (t[2] || t[4])) {
    let h = t[2] ? +t[2] : parseNumber(t[4]!) ?? 0
    const min = t[3] ? +t[3] : t[5] === '半' ? 30 : t[6] ? +t[6] : 0
    const p = partOf(t[1]) ?? part
    if ((p === '下午' || p === '晚上') && h < 12) h += 12
    if (h <= 23 && min <= 59) {
      time = `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`
      part = p ?? (h < 12 ? '上午' : h < 18 ? '下午' : '晚上')
      length += t[0].length
    }
  } else {
    const p = PART.exec(after)
    if (p) { part = partOf(p[1]); length += p[0].length }
  }
  return { date, time, part, index: m.index, length }
}
