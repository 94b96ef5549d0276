// Meeting and activity reports (三会一课台账) from group messages: with a marker (#活动, 【三会一课】,
// 报告：…), or a plain statement by an officer that a meeting of a known kind was held.
// Announcements, plans and questions are not reports.
import type { Absence, ActivityRecord, DateStr } from '../domain/types.js'
import { kindOf } from '../domain/kinds.js'
import { parseDatePhrase } from './dates.js'
import { CN_NUM, parseNumber } from './numerals.js'
import { MAX_PARSE_LENGTH, normalize } from './text.js'

export type ActivityParse = Omit<ActivityRecord, 'id' | 'branch' | 'msgId' | 'at' | 'text' | 'reporter' | 'photos' | 'type'> & { explicit: boolean }

export interface ReportContext {
  /** the sender holds a role (书记, 委员, 党小组长): plain reports are taken from them */
  officer: boolean
  groups: string[]
  roster: { name: string; group: string | null }[]
}

const MARKER = /^\s*(?:[#＃]\s*(?:活动|三会一课|台账)\s*[#＃]?|【\s*(?:三会一课|活动|台账)\s*】|(?:活动)?报告\s*[:：])/
const HELD = /已于|召开了|召开|开展了|开展|举行了|举行|组织了|组织召开|进行了|顺利|圆满|参加了|学习了/
const PLAN = /将于|拟于|计划|准备|请.{0,8}(?:参加|准时|出席)|准时|通知|预告|届时|安排如下|下周|明天|后天|[?？]|吗/
const NUM = `(\\d{1,4}|${CN_NUM}{1,4})`

const LABELS: Record<string, string> = {
  时间: 'date', 日期: 'date', 地点: 'place', 会议地点: 'place', 议题: 'topic', 主题: 'topic', 题目: 'topic', 会议主题: 'topic',
  主持人: 'host', 主持: 'host', 主讲人: 'speaker', 主讲: 'speaker', 授课人: 'speaker', 记录人: 'recorder', 记录: 'recorder',
  内容: 'content', 会议内容: 'content', 决议: 'content', 缺席: 'absent', 请假: 'absent', 缺席人员: 'absent',
}
const LABEL = new RegExp(`(?:^|[\\n\\s，,。；;])(${Object.keys(LABELS).sort((a, b) => b.length - a.length).join('|')})\\s*[:：]\\s*([^\\n，,。；;]*)`, 'g')

const REASON = '(?:出差|病假|事假|公差|休假|产假|外出|培训|学习|值班|住院|因公|因病|因事|有事|生病|身体原因|工作原因)'

function count(text: string, re: RegExp): number | null {
  const m = re.exec(text)
  return m ? parseNumber(m[1]!) : null
}

/** Absent members with their reasons: 缺席：张三（病假）、李四（出差）; 刘洋出差请假; 王五缺席. */
function absencesOf(text: string, labeled: string | null, roster: string[]): Absence[] {
  const out = new Map<string, string | null>()
  if (labeled) {
    for (const part of labeled.split(/[、,，;；\s]+/).filter(Boolean)) {
      const m = /^([^（(]+?)\s*(?:[（(]([^）)]*)[）)])?$/.exec(part)
      if (m && !/无|没有/.test(m[1]!)) out.set(m[1]!.trim(), m[2]?.trim() || null)
    }
  }
  for (const name of roster) {
    const re = new RegExp(`${name}\\s*(?:同志)?\\s*(?:因)?\\s*(${REASON})?\\s*(请假|缺席|未参加|未到)`)
    const m = re.exec(text)
    if (m && !out.has(name)) out.set(name, m[1] ?? (m[2] === '请假' ? '请假' : null))
  }
  if (!out.size) {
    // names not on the roster: two or three Han characters before the reason
    for (const m of text.matchAll(new RegExp(`([\\p{Script=Han}]{2,3}?)(?:同志)?(${REASON})?请假`, 'gu'))) {
      if (/人|员|志|均|全|无|已/.test(m[1]!)) continue
      out.set(m[1]!, m[2] ?? '请假')
    }
  }
  return [...out].map(([name, reason]) => ({ name, reason }))
}

function groupOf(text: string, groups: string[]): string | null {
  const named = groups.find((g) => text.includes(g))
  if (named) return named
  const m = /第([一二三四五六七八九十\d]{1,3})(?:党)?小组/.exec(text)
  if (!m) return null
  const n = parseNumber(m[1]!)
  const canonical = groups.find((g) => { const k = /第([一二三四五六七八九十\d]{1,3})/.exec(g); return k && parseNumber(k[1]!) === n })
  return canonical ?? `第${m[1]}党小组`
}

function topicOf(text: string, labeled: string | null): string | null {
  if (labeled) return labeled.trim() || null
  const m = /(?:学习|讨论|研究|传达|部署|围绕|观看|开展)[^，。,.\n;；]{2,40}/.exec(text)
  if (m) return m[0].replace(/\s*(?:应到|实到|参加|出席|主持).*$/, '').trim()
  const t = /《[^《》\n]{1,40}》/.exec(text)
  return t ? t[0] : null
}

export function parseActivity(input: string, now: Date, ctx: ReportContext): ActivityParse | null {
  if (!input || input.length > MAX_PARSE_LENGTH) return null
  const text = normalize(input).trim()
  const marker = MARKER.exec(text)
  const body = marker ? text.slice(marker[0].length).trim() : text
  const kind = kindOf(body)
  if (!marker) {
    if (!ctx.officer || !kind || !HELD.test(body)) return null
    if (PLAN.test(body)) return null
  }
  const fields: Record<string, string> = {}
  // a one-line report runs fields together: a value ends where the next element begins
  for (const m of body.matchAll(LABEL)) fields[LABELS[m[1]!]!] ??= m[2]!.replace(/\s+(?:应到|实到|参加|出席|缺席|请假|主持|主讲|记录|地点|时间|议题)[\s\S]*$/, '').trim()
  const when = parseDatePhrase(fields.date ?? body, now, 'past') ?? (fields.date ? parseDatePhrase(body, now, 'past') : null)
  const date: DateStr | null = when?.date ?? null
  const group = groupOf(body, ctx.groups)
  const scopeSize = kind === '党小组会' && group ? ctx.roster.filter((m) => m.group === group).length : ctx.roster.length
  let expected = count(body, new RegExp(`应到\\s*(?:会)?\\s*(?:人数)?\\s*[:：]?\\s*${NUM}\\s*(?:人|名)?`))
  let attendees = count(body, new RegExp(`(?:实到|出席|参会|到会)\\s*(?:人数)?\\s*[:：]?\\s*${NUM}\\s*(?:人|名)?`))
    ?? count(body, new RegExp(`参加\\s*(?:人数)?\\s*[:：]?\\s*${NUM}\\s*(?:人|名)`))
    ?? count(body, new RegExp(`${NUM}\\s*(?:人|名)(?:党员)?(?:参加|参会|出席|到会)`))
  if (/全体党员(?:均)?参加|全员参加|全体党员出席/.test(body)) { expected ??= scopeSize; attendees ??= expected }
  const absent = absencesOf(body, fields.absent ?? null, ctx.roster.map((m) => m.name))
  if (expected !== null && attendees === null && absent.length) attendees = expected - absent.length
  const host = fields.host ?? /由\s*([\p{Script=Han}]{2,4}?)\s*(?:同志)?\s*主持/u.exec(body)?.[1] ?? null
  const speaker = fields.speaker ?? (kind === '党课' ? /由\s*([\p{Script=Han}]{2,4}?)\s*(?:同志)?\s*(?:讲授|主讲|授课)/u.exec(body)?.[1] ?? null : null)
  return {
    explicit: !!marker,
    kind: kind ?? '其他',
    date,
    group: kind === '党小组会' || group ? group : null,
    topic: topicOf(body, fields.topic ?? null),
    place: fields.place || null,
    host,
    speaker,
    recorder: fields.recorder || null,
    expected,
    attendees,
    absent,
    content: fields.content ?? (body || null),
  }
}
