// The one date grammar: check-ins, 补卡, meeting reports and announcements all read dates here.
// Dates are relative to the message's time in Shanghai: 11月18日下午, 2026年11月28日, 11.28, 11/6,
// 昨天晚上, 今天上午, 本周五, 上周五, 下周三下午3点, 11月25日14:30, 3号, 本月6日, 上个月28号.
// What is NOT a date matters as much: 前几天, 这两天 (no day named), 3号楼, 5号线, 每周三次,
// 1.5小时, 30-40分钟, 8:00-8:45 (clock times), 三日内 (a span).
import type { DateStr } from '../domain/types.js'
import { addDays, clockOf, dayOf, daysBetween, weekday } from '../domain/time.js'
import { CN_NUM, parseNumber } from './numerals.js'
import { FESTIVAL_WORDS, firstDayBack, nearestFestival, nearestLunar } from './festivals.js'
import { SURNAME } from './people.js'

export type DayPart = '上午' | '下午' | '晚上' | null
export interface DatePhrase {
  date: DateStr
  time: string | null
  part: DayPart
  /** where the phrase starts, and its length including a time of day that follows the date */
  index: number
  length: number
  /** the length of the date alone, without the time of day after it (8:00 in 昨天8:00-8:45 is a clock range) */
  dateLength: number
}
export type DatePrefer = 'past' | 'future'

const REL: Record<string, number> = {
  大前天: -3, 前天: -2, 前日: -2, 昨天: -1, 昨日: -1, 昨晚: -1, 昨儿: -1, 昨早: -1,
  今天: 0, 今日: 0, 今晚: 0, 今早: 0, 今儿: 0, 明天: 1, 明日: 1, 明晚: 1, 明早: 1, 后天: 2, 大后天: 3,
}
const WEEKDAY: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7 }
const WEEK_SHIFT: Record<string, number> = { 上上: -14, 上: -7, 本: 0, 这: 0, 下: 7, 下下: 14 }

const CN = `${CN_NUM}{1,3}`
const NUM = `(?:\\d{1,2}|${CN})`
// a number-and-号 that names a building, a line, a document, not a day
const NOT_A_PLACE = '(?!\\s*(?:楼|室|厅|馆|门|院|线|车|位|房|床|栋|单元|层|座|文|令|窗|柜|台|机|箱|码|人|会议室))'
// … and a bare 3日 that is a span: 三日内, 5日以内
const NOT_A_DAY = `${NOT_A_PLACE}(?!\\s*(?:内|之内|以内))`
// a d.m or m/d that is a quantity, not a day: 1.5小时, 3.5个, 30/40分钟
// (补卡 9/28：… — a colon after the day labels it; 9/28:30 would be a clock)
const NOT_A_QUANTITY = '(?![\\d./%]|\\s*[:：]\\s*\\d|\\s*(?:小时|h|分|个|min|m|倍|元|万|千|百|人|次|篇|章|页|岁|斤|公里|km|年|条|节|题|项|讲|集|期|部分|课|遍|到齐|全到|都到|到会|实到|出席))'

// Each alternative is a named group: the reading below never counts parentheses.
const DATE = new RegExp([
  // 2026年11月28日, 2026-11-28, 2026.11.28, 2026/11/28
  `(?<![\\d.])(?<y>\\d{4})\\s*[年./-]\\s*(?<ym>\\d{1,2})\\s*[月./-]\\s*(?<yd>\\d{1,2})(?!\\d)\\s*[日号]?`,
  // 上个月28号, 本月6日, 这个月3号
  `(?<mrel>上个?|本|这个?|当)月份?\\s*(?<mrd>${NUM})\\s*[日号]${NOT_A_PLACE}`,
  // 11月20日, 11月20, 十一月二十日 (a spelled-out day needs its 日/号: 一月一次 is no date)
  `(?<![\\d.个每])(?<mm>\\d{1,2})\\s*月\\s*(?<md>\\d{1,2})(?!\\d)\\s*[日号]?${NOT_A_PLACE}`,
  `(?<![个每第${CN_NUM.slice(1, -1)}])(?<cm>${CN})\\s*月\\s*(?<cd>${CN})\\s*[日号]${NOT_A_PLACE}`,
  // 11.28, 11/6, 11-19 (not 1.5小时, not 8:00-8:45, not 30-40分钟); after a label's colon too (补一下：11.2)
  `(?<![\\d./\\-])(?<!\\d\\s?[:：])(?<nm>\\d{1,2})[./-](?<nd>\\d{1,2})${NOT_A_QUANTITY}`,
  // 上上周五, 上周五, 本周三, 下礼拜一, 周日 (not 每周三次)
  // (补一下周三: 一下 and 周三, not 下周三)
  `(?<!每)(?<wk>上上|上|这|本|下下|(?<!一)下)?\\s*个?\\s*(?:周|星期|礼拜)(?<wd>[一二三四五六日天1-7])(?![\\d次遍回]|会一课)`,
  // 七一当天, 建党节那天, 中秋那天上午, 端午前一天 (not 七一讲话, 七一勋章, 国庆期间, 八一路, 七一前夕: no one day)
  `(?<![一二三四五六七八九十百千万\\d第])(?<fest>${FESTIVAL_WORDS.map((w) => (w === '国庆' ? `(?<!${SURNAME.source})国庆` : w)).join('|')})(?:(?<festRel>前一天|后一天|第二天|次日)|(?:假期)?第(?<festNth>[一二三四五六七八1-8])天|(?!\\s*(?:重要讲话|讲话|勋章|精神|期间|假期|长假|小长假|放假|假|前后|以来|之际|到来|来临|将至|前夕|前|后|路|广场|大街|街|大道|小学|中学|大学|厂|电影|公园|大桥|节目|晚会|献礼|贺卡|祝福|快乐|福利|值班|档|黄金周|活动|方案|系列|专题|主题|祭扫|扫墓|缅怀|送温暖|慰问|名单|团拜|走访|\\d)))`,
  // 腊月二十, 正月初二, and 初二 alone in the new year's weeks
  `(?<lm>正月|腊月|冬月)(?<ld>初[一二三四五六七八九十]|廿[一二三四五六七八九]|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|三十)`,
  `(?<![\\d最当起年])初(?<ld0>[一二三四五六七八九十])(?=那天|当天|上午|下午|晚上|早上|中午|[，,\\s]|跟|去|在|的)`,
  // 节后第一天, 收假第一天: the first workday after a public holiday
  '(?<back>节后(?:第一天|头一天|上班第一天|上班头一天|第一个工作日)|收假(?:后)?(?:第一天|头一天))',
  // 今天, 昨天, 前天 … (前几天 names no day)
  '(?<rel>大前天|前天|前日|昨天|昨日|昨晚|昨儿|昨早|今天|今日|今晚|今早|今儿|大后天|明天|明日|明晚|明早|后天)',
  // 3号, 20日, 二十号 (a spelled-out day only with 号: 三日 is as often a span)
  `(?<![\\d.月第每近/〕\\]）)])(?<!\\d\\s?[:：])(?<dd>\\d{1,2})\\s*[日号]${NOT_A_DAY}`,
  `(?<![月第每近〕\\]）)${CN_NUM.slice(1, -1)}])(?<cdd>${CN})\\s*号${NOT_A_DAY}`,
].join('|'), 'g')

const PART = /^\s*(上午|早上|早晨|中午|下午|傍晚|晚上|晚)/
const TIME = new RegExp(`^\\s*(?:(上午|早上|中午|下午|晚上|晚)\\s*)?(?:(\\d{1,2})\\s*[:：]\\s*(\\d{2})|(\\d{1,2}|${CN_NUM}{1,3})\\s*点\\s*(半|(\\d{1,2})\\s*分?)?)`)

function partOf(word: string | undefined): DayPart {
  if (!word) return null
  if (/上午|早/.test(word)) return '上午'
  if (/下午|中午|傍晚/.test(word)) return '下午'
  return '晚上'
}

export function ymd(y: number, m: number, d: number): DateStr | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null
  if (m < 1 || m > 12 || d < 1 || d > 31) return null
  const s = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
  return addDays(s, 0) === s ? s : null
}

const num = (s: string) => parseNumber(s) ?? NaN

/** A month and day with no year: the nearest sensible year (a week's slack either way). */
function monthDay(today: DateStr, mm: number, dd: number, prefer: DatePrefer): DateStr | null {
  const year = Number(today.slice(0, 4))
  let date = ymd(year, mm, dd)
  if (date && prefer === 'past' && daysBetween(today, date) > 7) date = ymd(year - 1, mm, dd)
  if (date && prefer === 'future' && daysBetween(date, today) > 7) date = ymd(year + 1, mm, dd)
  return date
}

/** 20号 alone: this month's, or the month before (past) / after (future) when that day is on the wrong side of today. */
function dayOfMonth(today: DateStr, dd: number, prefer: DatePrefer, monthShift = 0, strict = true): DateStr | null {
  let y = Number(today.slice(0, 4))
  let m = Number(today.slice(5, 7)) + monthShift
  const todayD = Number(today.slice(8, 10))
  if (strict && monthShift === 0) {
    if (prefer === 'past' && dd > todayD) m -= 1
    if (prefer === 'future' && dd < todayD) m += 1
  }
  if (m < 1) { m += 12; y -= 1 }
  if (m > 12) { m -= 12; y += 1 }
  return ymd(y, m, dd)
}

function weekdayDate(today: DateStr, which: string | undefined, day: string, prefer: DatePrefer): DateStr {
  const monday = addDays(today, 1 - weekday(today))
  let date = addDays(monday, (which ? WEEK_SHIFT[which]! : 0) + WEEKDAY[day]! - 1)
  // a bare 周五 in a report means the last one, in an announcement the next one
  if (!which && prefer === 'past' && date > today) date = addDays(date, -7)
  if (!which && prefer === 'future' && date < today) date = addDays(date, 7)
  return date
}

const LUNAR_MONTH: Record<string, number> = { 正月: 1, 冬月: 11, 腊月: 12 }
const lunarDayNumber = (s: string) => num(s.replace(/^初/, '').replace(/^廿/, '二十'))

// 周四 不对 是周五, 腊月十九 哦不 腊月二十: the day taken back is blanked (the same length, so positions hold)
const TAKEN_BACK = /(?:(?:上|这|本|下)?(?:周|星期|礼拜)[一二三四五六日天]|(?:\d{1,2}\s*月\s*)?\d{1,2}\s*[号日]|[一二三四五六七八九十]{1,3}[号日]|(?:腊月|正月|冬月)[初廿十二三]?[一二三四五六七八九十]?)[，,\s]*(?:不对|哦不对?|噢不|不是不是|说错了|错了)[，,\s]*(?:是|应该是)?/g

function dateOf(g: Record<string, string | undefined>, today: DateStr, prefer: DatePrefer): { date: DateStr | null; part: DayPart } {
  if (g.y) return { date: ymd(+g.y, +g.ym!, +g.yd!), part: null }
  if (g.mrel) {
    const shift = g.mrel.startsWith('上') ? -1 : 0
    return { date: dayOfMonth(today, num(g.mrd!), prefer, shift, false), part: null }
  }
  if (g.mm) return { date: monthDay(today, +g.mm, +g.md!, prefer), part: null }
  if (g.cm) return { date: monthDay(today, num(g.cm), num(g.cd!), prefer), part: null }
  if (g.nm) return { date: monthDay(today, +g.nm, +g.nd!, prefer), part: null }
  if (g.wd) return { date: weekdayDate(today, g.wk, g.wd, prefer), part: null }
  if (g.fest) {
    const day = nearestFestival(g.fest, today, prefer)
    // 国庆第三天, 春节假期第二天: the holiday counted from its first day
    const nth = g.festNth ? num(g.festNth) - 1 : 0
    return { date: day && addDays(day, g.festRel ? (g.festRel.startsWith('前') ? -1 : 1) : nth), part: null }
  }
  if (g.lm) return { date: nearestLunar(LUNAR_MONTH[g.lm]!, lunarDayNumber(g.ld!), today, prefer), part: null }
  if (g.ld0) return { date: Number(today.slice(5, 7)) <= 3 ? nearestLunar(1, lunarDayNumber(`初${g.ld0}`), today, prefer) : null, part: null }
  if (g.back) return { date: firstDayBack(today), part: null }
  if (g.rel) return { date: addDays(today, REL[g.rel]!), part: /晚/.test(g.rel) ? '晚上' : /早/.test(g.rel) ? '上午' : null }
  if (g.dd) return { date: dayOfMonth(today, +g.dd, prefer), part: null }
  if (g.cdd) return { date: dayOfMonth(today, num(g.cdd), prefer), part: null }
  return { date: null, part: null }
}

/** The time of day right after a date: 下午3点, 14:30, 晚上. */
function timeAfter(after: string, part: DayPart): { time: string | null; part: DayPart; length: number } {
  const t = TIME.exec(after)
  if (t && (t[2] || t[4])) {
    let h = t[2] ? +t[2] : parseNumber(t[4]!) ?? 0
    const min = t[3] ? +t[3] : t[5] === '半' ? 30 : t[6] ? +t[6] : 0
    const p = partOf(t[1]) ?? part
    if ((p === '下午' || p === '晚上') && h < 12) h += 12
    if (h <= 23 && min <= 59) {
      return { time: `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`, part: p ?? (h < 12 ? '上午' : h < 18 ? '下午' : '晚上'), length: t[0].length }
    }
  }
  const p = PART.exec(after)
  return p ? { time: null, part: partOf(p[1]), length: p[0].length } : { time: null, part, length: 0 }
}

/**
 * Every date phrase in the text, in order. `prefer`: a report or a 补卡 is about the past, an
 * announcement the future. A phrase that names no real day (2月30日) is skipped, not fatal.
 */
export function datePhrases(text: string, now: Date, prefer: DatePrefer = 'past', max = 8): DatePhrase[] {
  const today = dayOf(now)
  const out: DatePhrase[] = []
  if (/不对|哦不|噢不|不是不是|错了/.test(text)) text = text.replace(TAKEN_BACK, (m) => ' '.repeat(m.length))
  for (const m of text.matchAll(DATE)) {
    const found = dateOf(m.groups!, today, prefer)
    if (!found.date) continue
    const at = timeAfter(text.slice(m.index + m[0].length), found.part)
    // 今晚… sent at 00:20: past midnight, the evening just gone is still "tonight"
    if (m.groups!.rel && /^今/.test(m.groups!.rel) && at.part === '晚上' && clockOf(now) < '04:00') found.date = addDays(found.date, -1)
    out.push({ date: found.date, time: at.time, part: at.part, index: m.index, length: m[0].length + at.length, dateLength: m[0].length })
    if (out.length >= max) break
  }
  return out
}

/** The first date phrase in the text. `prefer`: a report is about the past, an announcement the future. */
export function parseDatePhrase(text: string, now: Date, prefer: DatePrefer = 'past'): DatePhrase | null {
  return datePhrases(text, now, prefer, 1)[0] ?? null
}
