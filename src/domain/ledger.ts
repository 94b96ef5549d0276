// What an inspection expects of a 台账 record, and corrections to it (#更正 <字段> <值>).
import type { ActivityRecord } from './types.js'
import { kindFromWord } from './kinds.js'

/** Elements missing from a record, in Chinese, as the bot asks for them. */
export function missingElements(r: ActivityRecord): string[] {
  const out: string[] = []
  if (!r.date) out.push('时间')
  if (!r.topic) out.push('议题')
  if (r.kind === '党小组会' && !r.group) out.push('党小组')
  if (r.kind === '党课' && !r.speaker) out.push('主讲人')
  if (r.expected !== null && r.attendees === null) out.push('实到人数')
  if (r.expected === null && r.attendees === null) out.push('参加人数')
  for (const a of r.absent) if (!a.reason) out.push(`缺席原因（${a.name}）`)
  return out
}

export const FIELD_NAMES: Record<string, keyof ActivityRecord> = {
  时间: 'date', 日期: 'date', 地点: 'place', 议题: 'topic', 主题: 'topic', 题目: 'topic', 主持人: 'host', 主持: 'host',
  主讲人: 'speaker', 主讲: 'speaker', 记录人: 'recorder', 记录: 'recorder', 应到: 'expected', 实到: 'attendees',
  缺席: 'absent', 类型: 'kind', 党小组: 'group', 内容: 'content',
}

/** Why a correction was refused (templates/correction-error.mustache says it): the field, a date, a count, a kind. */
export interface CorrectionError { error: 'field' | 'date' | 'count' | 'kind'; field: string; value: string }

/** The field names `#更正` understands, in the order they are offered. */
export const CORRECTABLE_FIELDS: readonly string[] = Object.keys(FIELD_NAMES)

/** Applies `#更正 字段 值`; dates come parsed by the caller (they need the message's time). */
export function applyCorrection(r: ActivityRecord, field: string, value: string, parseDate: (v: string) => string | null): { record: ActivityRecord } | CorrectionError {
  const key = FIELD_NAMES[field]
  if (!key) return { error: 'field', field, value }
  const v = value.trim()
  switch (key) {
    case 'date': {
      const d = parseDate(v)
      return d ? { record: { ...r, date: d } } : { error: 'date', field, value: v }
    }
    case 'expected':
    case 'attendees': {
      const n = Number(/\d+/.exec(v)?.[0])
      return Number.isInteger(n) ? { record: { ...r, [key]: n } } : { error: 'count', field, value: v }
    }
    case 'absent': {
      const absent = v.split(/[、,，;；\s]+/).filter(Boolean).filter((p) => !/^无$/.test(p)).map((p) => {
        const m = /^([^（(]+?)\s*(?:[（(]([^）)]*)[）)])?$/.exec(p)
        return { name: (m?.[1] ?? p).trim(), reason: m?.[2]?.trim() || null }
      })
      return { record: { ...r, absent } }
    }
    case 'kind': {
      const k = kindFromWord(v)
      return k ? { record: { ...r, kind: k } } : { error: 'kind', field, value: v }
    }
    default:
      return { record: { ...r, [key]: v || null } }
  }
}

/**
 * The same meeting reported twice (the leader's report, then a member's caption): same kind, day and
 * 党小组, reported within a few hours, and nothing in the second contradicts the first. Two reports
 * that disagree (another host, another head-count) are two meetings.
 */
export function sameMeeting(a: ActivityRecord, b: Omit<ActivityRecord, 'id' | 'branch' | 'msgId' | 'at' | 'text' | 'reporter' | 'photos' | 'type'>, at: Date, withinHours = 6): boolean {
  if (a.kind === '其他' || a.kind !== b.kind || !a.date || a.date !== b.date || (a.group ?? null) !== (b.group ?? null)) return false
  if (Math.abs(at.getTime() - Date.parse(a.at)) > withinHours * 3600_000) return false
  for (const k of ['host', 'speaker', 'attendees', 'expected', 'place'] as const) {
    if (a[k] !== null && b[k] !== null && a[k] !== b[k]) return false
  }
  return true
}

const FILLABLE = ['topic', 'place', 'host', 'speaker', 'recorder', 'expected', 'attendees'] as const

/** A second report of a meeting completes the first; it never overwrites what was already said, and its words join the 内容. */
export function completeWith(r: ActivityRecord, more: Partial<ActivityRecord>): { record: ActivityRecord; added: string[] } {
  const LABEL: Record<(typeof FILLABLE)[number], string> = { topic: '议题', place: '地点', host: '主持人', speaker: '主讲人', recorder: '记录人', expected: '应到人数', attendees: '实到人数' }
  const out: ActivityRecord = { ...r }
  const added: string[] = []
  for (const k of FILLABLE) {
    const v = more[k]
    if ((out[k] === null || out[k] === undefined) && v !== null && v !== undefined) { (out as unknown as Record<string, unknown>)[k] = v; added.push(LABEL[k]) }
  }
  const known = new Set(r.absent.map((a) => a.name))
  const absent = [...r.absent.map((a) => (a.reason ? a : { ...a, reason: more.absent?.find((b) => b.name === a.name)?.reason ?? null }))]
  for (const a of more.absent ?? []) if (!known.has(a.name)) absent.push(a)
  if (JSON.stringify(absent) !== JSON.stringify(r.absent)) { out.absent = absent; added.push('缺席情况') }
  // what the second report says beyond the fields (its own 议题, who spoke, what was decided) is kept
  // in the first record's 内容: the merged message has no record of its own
  const extra = more.content?.trim()
  const squashed = (v: string | null | undefined) => (v ?? '').replace(/\s+/g, '')
  if (extra && !squashed(r.content).includes(squashed(extra))) { out.content = r.content ? `${r.content}\n${extra}` : extra; added.push('内容') }
  return { record: out, added }
}

/** Whose record a `#更正` means, and the words left for `字段 值`. */
export type CorrectionTarget =
  | { kind: 'own'; args: string[] }
  | { kind: 'record'; record: ActivityRecord; whose: string; args: string[] }
  | { kind: 'none'; whose: string }
  | { kind: 'refused'; whose: string }

const squash = (s: string) => s.replace(/\s+/g, '').replace(/(?:\.{3}|…+)$/, '')

/**
 * Which record a correction targets. A quoted record (「陈明：#活动 …」 then `#更正 地点 …`) is that
 * record; `#更正 陈明 地点 三楼会议室` is 陈明's latest record. Secretaries may correct anyone's; a member
 * only their own (naming or quoting another's is refused). Otherwise: the sender's own latest, as before.
 * `memberOf` resolves a name exactly (roster name or alias), never by containment.
 */
export function correctionTarget(o: {
  records: readonly ActivityRecord[]
  sender: string
  secretary: boolean
  args: readonly string[]
  quote: { name: string; text: string } | null
  memberOf: (name: string) => string | null
}): CorrectionTarget {
  const latest = (rs: ActivityRecord[]) => rs.reduce<ActivityRecord | null>((b, r) => (!b || r.at > b.at ? r : b), null)
  if (o.quote) {
    const whose = o.memberOf(o.quote.name)
    const q = squash(o.quote.text)
    const hit = whose && q ? latest(o.records.filter((r) => r.reporter === whose && (squash(r.text).startsWith(q) || squash(r.text).includes(q)))) : null
    if (hit && whose) {
      if (whose !== o.sender && !o.secretary) return { kind: 'refused', whose }
      return { kind: 'record', record: hit, whose, args: [...o.args] }
    }
  }
  const first = o.args[0]
  const named = first && o.args.length >= 3 && !(first in FIELD_NAMES) ? o.memberOf(first) : null
  if (!named || named === o.sender) return { kind: 'own', args: named ? o.args.slice(1) : [...o.args] }
  if (!o.secretary) return { kind: 'refused', whose: named }
  const rec = latest(o.records.filter((r) => r.reporter === named))
  return rec ? { kind: 'record', record: rec, whose: named, args: o.args.slice(1) } : { kind: 'none', whose: named }
}
