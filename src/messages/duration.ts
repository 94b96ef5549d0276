// How long someone studied, read from free text: 30分钟, 25 min, 1.5小时, 1小时15分, 一个半小时, 三刻钟.
// The hard part is what is NOT a duration: "42分" beside 学习强国/积分 is points, "9点30分" is a clock
// time, "十分重要" is an adverb, "第三章" is a chapter, and nothing inside a 《title》 is a figure.
import { CN_CHARS, parseNumber } from './numerals.js'
import { normalize } from './text.js'

import { DAY_SCORE_BEFORE, FAR_CUE, FAR_GAP_TIME, GAIN, SECTION_SCORES, scoresBesideTime } from './points.js'

export { parsePoints } from './points.js'

/** More than a day is a typo or a cumulative figure, not one day's study. */
export const MAX_MINUTES = 24 * 60

const TITLE = /《[^《》\n]{0,80}》/g

/** Book and article titles can hold numbers and even durations (《半小时漫画党史》): never read them. */
export function withoutTitles(text: string): string {
  return text.replace(TITLE, '《》')
}

// A number that is not the tail of a longer one (12345, 11.20) and not an ordinal (第三).
const N = `(?:(?<![\\d.])\\d{1,4}(?:\\.\\d{1,2})?|(?<![第${CN_CHARS}])[${CN_CHARS}]{1,6})`
// 一点五小时: a spoken decimal, only ever before an hour unit
const N_HOUR = `(?:${N}|(?<![第${CN_CHARS}])[${CN_CHARS}]{1,3}点[${CN_CHARS}]{1,2})`
const HOUR = '(?:小时|钟头|个钟|hours?|hrs?|h)(?![a-z])'
const MINUTE = '(?:分钟|(?:minutes?|mins?|m)(?![a-z]))'
// 分 alone is a minute only when it is not 分之 (fractions), 分享, 分析 …
const BARE_FEN = '分(?![之数享析别类组队配钟])'

// Text is whitespace-collapsed first, so every " ?" below sees at most one space: no two optional
// runs can compete for the same characters, and matching stays linear on any input.
const DURATION = new RegExp(
  [
    // 1.5小时, 一个半小时, 2个多小时, 1小时20分钟, 1小时15分, 1h30m, 1小时半, 1h30
    `(?<hours>${N_HOUR}) ?(?:个 ?)?(?<hx>半|多)? ?${HOUR}(?: ?(?<hy>半|多)| ?(?:又|零)? ?(?<hmin>${N}) ?(?:${MINUTE}|${BARE_FEN})|(?<htail>\\d{1,2})(?=$|[ ,，。;；!！)）、]))?`,
    // 半小时, 半个小时, 半个多钟头
    `半 ?(?:个 ?)?(?:多 ?)?(?:小时|钟头|个钟)`,
    // 三刻钟
    `(?<quarters>${N}) ?(?:个 ?)?刻钟`,
    // 30分钟, 25 min, 四十五分钟, 40多分钟, 90分
    `(?<minutes>${N}) ?(?:多|余|来)? ?(?<unit>${MINUTE}|${BARE_FEN})`,
  ].join('|'),
  'gi',
)

// a bare "42分" right after these is a score, not minutes
// (得了40分, 拿了35分, 获得42分: a gain is scored, time is spent)
const SCORE_BEFORE = new RegExp(`(?:学习强国|强国|积分|得分|分数|成绩|考试|考了|考核|测试|测评|答题|满分|总分|评分|打分)[^\\d\\n]{0,8}$|${GAIN}[^\\d\\n，,。；;]{0,3}$`)
// 今天+27分: a day's 学习强国 gain
// … and a few words further, as points.ts reads it (学习强国昨天的分数忘截图了 今天早上已经32分), unless the words
// between say time was spent (学习强国看了视频30分 is not read as points either)
const SCORE_FAR_BEFORE = new RegExp(`${FAR_CUE}$`)
const PLUS_BEFORE = /\+ ?$/
const SCORE_AFTER = /^ ?[(（]? ?(?:学习强国|强国|积分|得分)/
// 9点30分, 9:30分: a clock time
const CLOCK_BEFORE = /(?:点|[:：]) ?$/
// 共计 / 合计 / 累计: the figure that sums the others up
// … and the figure the member credits: 学了一个多钟头 按一小时算, 就算七十分钟吧
const TOTAL_BEFORE = /(?:共|共计|合计|总计|累计|一共|总共|总时长)[^\d\n]{0,4}$|(?:按|就算|算作|算成|记作|记为|记成) ?$/
const HAN = /^\p{Script=Han}/u

interface Found { minutes: number; total: boolean; index: number; end: number; range?: boolean }

// A clock range is a duration too: 7:10到8:00, 21:00—21:40, 晚上8点到9点半, 8:00-8:45. Each end is
// a clock time (h:mm, or N点 with 半/一刻/N分); one time alone is only *when* it happened.
const DAY_PART = '(?:上午|早上|早晨|早|中午|下午|傍晚|晚上|晚)'
const CLOCK = (k: string) =>
  `(?:(?<p${k}>${DAY_PART}) ?)?(?<h${k}>\\d{1,2}|[${CN_CHARS}]{1,3})(?: ?[:：] ?(?<m${k}>\\d{2})|[点时] ?(?:(?<half${k}>半)|(?<q${k}>[一三])刻|(?<n${k}>\\d{1,2}|[${CN_CHARS}]{1,3}) ?分?)?)`
// (从九点读到九点半: the verb may stand between the first time and its 到)
const CLOCK_RANGE = new RegExp(`(?<!\\d[:：./]|\\d)${CLOCK('a')} ?(?:(?:一直)?(?:学习|阅读|研读|学|读|看|听|背|抄)(?=到))?(?:到|至|~|-{1,2}|—{1,2}|–|－|～) ?${CLOCK('b')}(?![\\d.]| ?(?:小时|分钟|号|日|月|个|人))`, 'g')

function clockMinutes(g: Record<string, string | undefined>, k: string, part: string | undefined): number | null {
  const h = parseNumber(g[`h${k}`]!)
  if (h === null || !Number.isInteger(h) || h > 24) return null
  const m = g[`m${k}`] !== undefined ? Number(g[`m${k}`]) : g[`half${k}`] ? 30 : g[`q${k}`] ? (g[`q${k}`] === '一' ? 15 : 45) : g[`n${k}`] ? parseNumber(g[`n${k}`]!) : 0
  if (m === null || m > 59) return null
  const pm = part !== undefined && /下午|傍晚|晚/.test(part)
  const noon = part === '中午'
  return ((pm && h < 12) || (noon && h < 6) ? h + 12 : h) * 60 + m
}

/** The minutes between the two clock times of a range; null when it is no range (8点-9 with no 点 nor :). */
export interface ClockRange { start: number; end: number }

function rangeMinutes(m: RegExpMatchArray): number | null {
  const r = rangeOf(m)
  return r && r.end - r.start
}

/** The clock ranges in a text, as minutes since midnight: 晚上8点到9点半 -> 1200..1290. */
export function clockRanges(input: string): ClockRange[] {
  const text = withoutTitles(normalize(input ?? '')).replace(/\s+/g, ' ')
  if (!/[:点时]/.test(text)) return []
  return [...text.matchAll(CLOCK_RANGE)].map(rangeOf).filter((r): r is ClockRange => r !== null)
}

function rangeOf(m: RegExpMatchArray): ClockRange | null {
  const g = m.groups!
  const text = m[0]
  // the end must read as a clock time, h:mm or N点 (8-9点 and 8点到9点 are ranges, 8-9 alone is not)
  const b = g.mb !== undefined || /[点时]/.test(text.slice(text.search(/到|至|~|-|—|–|－|～/)))
  if (!b) return null
  const start = clockMinutes(g, 'a', g.pa)
  let end = clockMinutes(g, 'b', g.pb ?? g.pa)
  if (start === null || end === null) return null
  // 11点到1点, 12:30-1:10: the afternoon is meant
  if (end <= start && end + 720 > start && !g.pb) end += 720
  const minutes = end - start
  return minutes > 0 && minutes <= 12 * 60 ? { start, end } : null
}

/** Minutes studied: one figure, the sum of several, or the stated total; null when none or absurd. */
export function parseDuration(input: string): number | null {
  if (!input) return null
  // the app's section scores are points (文章12分+视频12分): blanked, the positions kept
  const read = withoutTitles(normalize(input)).replace(/\s+/g, ' ').replace(SECTION_SCORES, (m) => ' '.repeat(m.length))
  const text = scoresBesideTime(read).reduceRight((t, m) => t.slice(0, m.index) + ' '.repeat(m[0].length) + t.slice(m.index + m[0].length), read)
  const found: Found[] = []
  const ranges: Found[] = []
  // no clock time, no range: skip the scan (most messages)
  // (八时至九时半, as older members write the hour)
  if (/[:点时]/.test(text)) for (const m of text.matchAll(CLOCK_RANGE)) {
    const minutes = rangeMinutes(m)
    if (minutes !== null) ranges.push({ minutes, total: false, index: m.index, end: m.index + m[0].length, range: true })
  }
  for (const m of text.matchAll(DURATION)) {
    if (ranges.some((r) => m.index >= r.index && m.index < r.end)) continue
    const before = text.slice(Math.max(0, m.index - 20), m.index)
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 6)
    const minutes = minutesOf(m, before, after)
    if (minutes !== null) found.push({ minutes, total: TOTAL_BEFORE.test(before), index: m.index, end: m.index + m[0].length })
  }
  // a clock range restated as a figure (8:00-8:45 学习45分钟) is counted once
  for (const r of ranges) if (!found.some((f) => f.minutes === r.minutes)) found.push(r)
  found.sort((a, b) => a.index - b.index)
  if (!found.length) return null
  const minutes = totalOf(text, found)
  const rounded = Math.round(minutes)
  return rounded > 0 && rounded <= MAX_MINUTES ? rounded : null
}

// after a figure, its parts: 一个半小时（看视频半小时、读原文一小时）, 1小时，其中视频40分钟…
const PARTS_OPEN = /^[ :：,，]{0,2}(?:[(（]|其中)/

/** A stated total wins; a figure followed by its breakdown is the total; otherwise the figures add up. */
function totalOf(text: string, found: Found[]): number {
  const totals = found.filter((f) => f.total)
  if (totals.length) return totals.at(-1)!.minutes
  const kept: Found[] = []
  for (let i = 0; i < found.length; i++) {
    const f = found[i]!
    kept.push(f)
    const open = PARTS_OPEN.exec(text.slice(f.end, f.end + 6))
    if (!open) continue
    // the parts run to the closing bracket, or (after 其中) to the end of the sentence
    const from = f.end + open[0].length
    const close = open[0].endsWith('其中') ? text.slice(from).search(/[。；;\n]/) : text.slice(from).search(/[)）]/)
    const stop = close < 0 ? text.length : from + close
    while (i + 1 < found.length && found[i + 1]!.index < stop) i++
  }
  // a first or last figure that is exactly the sum of all the others is their total
  if (kept.length >= 3) {
    const sum = kept.reduce((s, f) => s + f.minutes, 0)
    const whole = [kept[0]!, kept.at(-1)!].find((f) => f.minutes * 2 === sum)
    if (whole) return whole.minutes
  }
  return kept.reduce((s, f) => s + f.minutes, 0)
}

function minutesOf(m: RegExpMatchArray, before: string, after: string): number | null {
  const g = m.groups!
  if (g.hours !== undefined) return hoursMatch(g)
  if (g.quarters !== undefined) {
    const q = parseNumber(g.quarters)
    return q === null ? null : q * 15
  }
  if (g.minutes !== undefined) return minutesMatch(g.minutes, g.unit!, before, after)
  return 30 // 半小时
}

function hoursMatch(g: Record<string, string | undefined>): number | null {
  const h = spokenNumber(g.hours!)
  if (h === null) return null
  let minutes = h * 60
  if (g.hx === '半' || g.hy === '半') minutes += 30
  if (g.hmin !== undefined) {
    const extra = parseNumber(g.hmin)
    if (extra === null) return null
    minutes += extra
  }
  if (g.htail !== undefined) minutes += Number(g.htail)
  return minutes
}

/** 一点五 -> 1.5 (only ever met before 小时). */
function spokenNumber(s: string): number | null {
  const dot = s.indexOf('点')
  if (dot < 0) return parseNumber(s)
  const whole = parseNumber(s.slice(0, dot))
  const frac = [...s.slice(dot + 1)].map((c) => parseNumber(c))
  if (whole === null || frac.some((d) => d === null || d > 9)) return null
  return Number(`${whole}.${frac.join('')}`)
}

function minutesMatch(num: string, unit: string, before: string, after: string): number | null {
  const n = parseNumber(num)
  if (n === null) return null
  if (unit !== '分') return n
  // a bare 分 needs more care than 分钟
  if (SCORE_BEFORE.test(before.slice(-12)) || SCORE_AFTER.test(after) || PLUS_BEFORE.test(before)) return null
  const far = SCORE_FAR_BEFORE.exec(before)
  if (far && !FAR_GAP_TIME.test(far.groups!.gap!)) return null
  if (CLOCK_BEFORE.test(before)) return null
  if (/^\d/.test(num) && DAY_SCORE_BEFORE.test(before)) return null
  if (!/^\d/.test(num) && (num === '十' || HAN.test(after))) return null // 十分重要, 三十分学
  return n
}
