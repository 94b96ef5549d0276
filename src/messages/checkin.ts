// 学习打卡: is this message a member stating they studied? A check-in states something done: a
// marker (打卡, 今日学习, 已学习 …) with content, a duration or points, or the marker alone.
// Messages *about* checking in — reminders, questions, plans, format explanations — are not.
import type { DateStr } from '../domain/types.js'
import { addDays, dayOf } from '../domain/time.js'
import { parseDuration, parsePoints } from './duration.js'
import { MAX_PARSE_LENGTH, normalize } from './text.js'

export interface CheckinParse {
  minutes: number | null
  points: number | null
  content: string
  titles: string[]
}

const MARKER = /[#＃]?\s*学习打卡\s*[#＃]?|【\s*(?:学习)?打卡\s*】|[#＃]\s*打卡|已打卡|打卡|今日学习|今天学习|已学习|学习强国/
// what is removed from the content: the markers, but not 学习强国 (it says what was studied)
const MARKER_G = new RegExp(MARKER.source.replace('|学习强国', ''), 'g')
const TITLE = /《([^《》\n]{1,60})》/g

// cues that the message talks about checking in rather than reports one
const QUESTION = /[?？]|吗|怎么|如何|咋|是否|能不能|可不可以|哪里|在哪/
const EXHORT = /记得|请|抓紧|别忘|不要忘|提醒|大家|同志们|各位|还没|尚未|未打卡|没打卡|没有打卡|忘记|忘了|漏打|通知|要求/
const FUTURE = /明天|明早|待会|等会|一会儿|回去|马上|稍后|晚点|准备|打算|再打|要打卡|补打卡|将要|下午打|晚上打/
const FORMAT = /格式|模板|示例|例如|比如|规则|方法|步骤|\+/
const NEGATED = /(?:没|未|不|忘)[^，。,.!！\n]{0,3}打卡/

/** Strips what is quoted (titles) so a title like 《请党放心》 does not read as an exhortation. */
function withoutTitles(t: string): string {
  return t.replace(TITLE, '')
}

function titlesOf(t: string): string[] {
  return [...t.matchAll(TITLE)].map((m) => m[1]!.trim()).filter(Boolean)
}

function isAppMessage(t: string): boolean {
  return /^\s*<(?:\?xml|msg|appmsg)/i.test(t)
}

/** The content of a check-in: the text without markers, emoji and edge punctuation. */
function contentOf(t: string): string {
  return t
    .replace(MARKER_G, ' ')
    .replace(/[\p{Extended_Pictographic}\u{FE0F}\u{1F3FB}-\u{1F3FF}]/gu, ' ')
    .replace(/\[[^\]\n]{1,6}\]/g, ' ') // WeChat stickers like [强]
    .replace(/^[\s:：,，。.、;；!！\-—~]+|[\s:：,，。.、;；!！\-—~]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

export function parseCheckin(input: string): CheckinParse | null {
  if (!input || input.length > MAX_PARSE_LENGTH || isAppMessage(input)) return null
  const text = normalize(input).trim()
  if (/^[#＃]?\s*(?:补打?卡|撤销打卡|接龙)/.test(text)) return null
  const plain = withoutTitles(text)
  if (!MARKER.test(plain)) return null
  // 学习强国 alone is a check-in marker only with points or a duration
  const minutes = parseDuration(plain)
  const points = parsePoints(plain)
  if (!/打卡|今日学习|今天学习|已学习/.test(plain) && points === null && minutes === null) return null
  if (QUESTION.test(plain) || FORMAT.test(plain) || NEGATED.test(plain)) return null
  if (EXHORT.test(plain) || FUTURE.test(plain)) {
    // a report can still mention e.g. 大家 in its content, but then it carries its figures
    const startsWithMarker = /^(?:[#＃【]\s*)?(?:学习)?打卡|^今日学习|^已学习/.test(text)
    if (!(startsWithMarker && (minutes !== null || points !== null))) return null
  }
  return { minutes, points, content: contentOf(text), titles: titlesOf(text) }
}

// ------------------------------------------------------------------ 补卡

const BACKFILL = /^[#＃]?\s*补(?:打)?卡[\s:：,，]*/

/** 补卡 11月20日 学习… 30分钟 → the day to credit and the check-in; null when not a 补卡. */
export function parseBackfill(input: string, now: Date): { date: DateStr; checkin: CheckinParse } | { error: 'no-date' } | null {
  if (!input || input.length > MAX_PARSE_LENGTH) return null
  const text = normalize(input).trim()
  const head = BACKFILL.exec(text)
  if (!head) return null
  const rest = text.slice(head[0].length)
  const found = backfillDate(rest, now)
  if (!found) return { error: 'no-date' }
  const body = rest.slice(0, found.index) + ' ' + rest.slice(found.index + found.length)
  const plain = withoutTitles(body)
  return {
    date: found.date,
    checkin: { minutes: parseDuration(plain), points: parsePoints(plain), content: contentOf(body), titles: titlesOf(body) },
  }
}

function backfillDate(t: string, now: Date): { date: DateStr; index: number; length: number } | null {
  const today = dayOf(now)
  const rel = /(大前天|前天|昨天|昨日)/.exec(t)
  if (rel) {
    const back = { 大前天: 3, 前天: 2, 昨天: 1, 昨日: 1 }[rel[1] as '前天']
    return { date: addDays(today, -back), index: rel.index, length: rel[0].length }
  }
  const md = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})[日号]?|(?<![\d.])(\d{1,2})[./-](\d{1,2})(?![\d.]|\s*(?:小时|分|h|min))|(?<!\d)(\d{1,2})[日号]/.exec(t)
  if (!md) return null
  const y = Number(today.slice(0, 4))
  let month: number
  let day: number
  let year = md[1] ? Number(md[1]) : y
  if (md[2]) { month = Number(md[2]); day = Number(md[3]) }
  else if (md[4]) { month = Number(md[4]); day = Number(md[5]) }
  else {
    // 20号: this month, or last month when that day has not come yet
    month = Number(today.slice(5, 7))
    day = Number(md[6])
    if (day > Number(today.slice(8, 10))) { month -= 1; if (month === 0) { month = 12; year -= 1 } }
  }
  if (month < 1 || month > 12 || day < 1 || day > 31) return null
  let date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  if (!md[1] && date > today) date = `${year - 1}${date.slice(4)}`
  // 2月30日 and the like
  if (addDays(date, 0) !== date) return null
  return { date, index: md.index, length: md[0].length }
}

// ------------------------------------------------------------------ 接龙

export interface SolitaireEntry { n: number; line: string; content: string; minutes: number | null; points: number | null }
export interface Solitaire { topic: string; entries: SolitaireEntry[] }

/**
 * WeChat group solitaire: `#接龙`, a topic line, a blank line, then `N. 名字 内容` lines. Each
 * participant reposts the whole list with their own line added.
 */
export function parseSolitaire(input: string): Solitaire | null {
  if (!input || input.length > MAX_PARSE_LENGTH * 4) return null
  const text = normalize(input).trim()
  if (!/^[#＃]\s*接龙/.test(text)) return null
  const lines = text.split('\n')
  const first = lines[0]!.replace(/^[#＃]\s*接龙\s*/, '').trim()
  let topic = first
  const entries: SolitaireEntry[] = []
  for (const raw of lines.slice(1)) {
    const m = /^\s*(\d{1,3})\s*[.、:：)）]\s*(.*)$/.exec(raw)
    if (!m) {
      if (!topic && raw.trim() && !entries.length) topic = raw.trim()
      continue
    }
    const line = m[2]!.trim()
    if (!line) continue
    const plain = withoutTitles(line)
    entries.push({ n: Number(m[1]), line, content: contentOf(line), minutes: parseDuration(plain), points: parsePoints(plain) })
  }
  return entries.length ? { topic, entries } : null
}

/** The entries that are the sender's own: the line starts with one of their names. */
export function entriesFor(s: Solitaire, names: string[]): SolitaireEntry[] {
  const ns = names.filter((n) => n.trim().length > 0)
  return s.entries.filter((e) => ns.some((n) => e.line.startsWith(n)))
}

/** The entry's content without the sender's name at its start. */
export function entryContent(e: SolitaireEntry, name: string): string {
  return e.content.startsWith(name) ? e.content.slice(name.length).trim() : e.content
}
