// A study screenshot, read: from the (noisy) text OCR gives back to the day's points and minutes.
//
// What is read: the 学习强国 points page (今日已累积 38积分, 今日获得 52分, 今日积分 38, and the per-task
// rows 已获12分/每日上限12分) and study-time pages (今日学习 45分钟, 今日学习时长 1小时5分钟). Never the
// 总积分 / 本周累计 figures: only numbers tied to a "today" label are taken. When the rows show, their
// sum must not exceed today's figure (rows may scroll off the screen, so a smaller sum is fine); when
// anything disagrees, or a study screen shows no readable figure, the answer is "unclear": the member
// is asked to write the points, rather than credited a guess.
//
// OCR noise this tolerates: Han characters separated by spaces, a stray character or space inside a
// number (3 8, 3·8), look-alike letters in numbers (O→0, l→1, S→5), a character missing from a label
// (今日已积38积分), the label and its value on two lines (a card: 今日获得 above 52分).

export type ScreenRead =
  | { kind: 'study'; points: number | null; minutes: number | null }
  /** looks like a study screen, but no figure can be trusted: ask the member */
  | { kind: 'unclear' }
  /** a photo, a document, anything else: no check-in, no reply */
  | { kind: 'other' }

/** Points a day can plausibly show (学习强国 caps a day well below this). */
const MAX_POINTS = 100
/** Minutes a day can plausibly show. */
const MAX_MINUTES = 24 * 60

const HAN = '\\p{Script=Han}'
const NOISE = `[·•'’\`´^~_|¦:：,，.、]`

/**
 * OCR text, tidied: spaces between Han characters removed, look-alike punctuation unified. A wide
 * gap (a tab, or two spaces or more) separates columns and is kept as a tab.
 */
export function tidyOcr(text: string): string {
  let s = text.normalize('NFKC').replace(/\r/g, '').replace(/(?:[ \u3000]{2,}|\t)[ \t\u3000]*/g, '\t').replace(/[ \u3000]+/g, ' ')
  // 巳/己 for 已 and 荻 for 获 are the commonest misreads of the labels
  s = s.replace(/[巳己]/g, '已').replace(/荻/g, '获').replace(/[／∕]/g, '/')
  // join Han characters OCR separated (twice: each pass joins every other gap)
  const gap = new RegExp(`(${HAN}) (?=${HAN})`, 'gu')
  s = s.replace(gap, '$1').replace(gap, '$1')
  // a stray mark between two Han characters of a label
  s = s.replace(new RegExp(`(${HAN})${NOISE}(?=${HAN})`, 'gu'), '$1')
  return s.split('\n').map((l) => l.trim().replace(/ ?\t ?/g, '\t')).join('\n')
}

// a number as OCR gives it: up to four digits (look-alike letters allowed), a stray mark or space between two
const DIGIT = '[0-9OoDlI|iSsBZz]'
const NUM = `(${DIGIT}(?:${NOISE}? ?${DIGIT}){0,3})`
const LOOKALIKE: Record<string, string> = { O: '0', o: '0', D: '0', l: '1', I: '1', '|': '1', i: '1', S: '5', s: '5', B: '8', Z: '2', z: '2' }

function toNumber(raw: string): number | null {
  const digits = raw.replace(/[^0-9OoDlI|iSsBZz]/g, '').replace(/[OoDlI|iSsBZz]/g, (c) => LOOKALIKE[c]!)
  // a number made mostly of letters is a word, not a misread number
  if (!digits || raw.replace(/[^0-9]/g, '').length * 2 < digits.length) return null
  return Number(digits)
}

/** A label as a pattern that also matches it with one character missing (OCR drops thin glyphs). */
function fuzzy(label: string): string {
  const chars = [...label]
  const variants = new Set([label])
  if (chars.length >= 4) for (let i = 0; i < chars.length; i++) variants.add(chars.filter((_, j) => j !== i).join(''))
  return `(?:${[...variants].sort((a, b) => b.length - a.length).join('|')})`
}

const TODAY_POINTS_LABELS = ['今日已累积', '今日已累计', '今日累积', '今日累计', '今日获得', '今日已获', '今日得分', '今日积分', '今日学习积分']
const TODAY_POINTS = TODAY_POINTS_LABELS.map(fuzzy).join('|')
const TODAY_MINUTES = ['今日学习时长', '今日学习时间', '今日已学习', '今日学习', '今日学时'].map(fuzzy).join('|')

// markers of a study screen; two of them make a screen study-like (one could be a document's word)
const MARKERS = [/学习积分|我的积分/, /总积分/, /今日已?累[积计]|今日获得|今日积分|今日得分/, /每日上限|已获\s*\d/, /积分规则|积分明细|积分排名/,
  /学习强国|强国/, /今日学习|学习时长|学习时间/, /分钟/, /已完成|去看看/, /学习记录|本周累计|累计学习/, /答题|视听学习|选读文章|本地频道/]

function studyLike(s: string): boolean {
  return MARKERS.filter((m) => m.test(s)).length >= 2
}

interface Found { value: number | null }

/** Every value written right after one of `labels` and before `unit` (optional), on the same line. */
function sameLine(s: string, labels: string, unit: string): Found[] {
  const re = new RegExp(`(?:${labels})(?:积分|时长)?\\s*[:：]?\\s*${NUM}\\s*(?:${unit})`, 'gu')
  return [...s.matchAll(re)].map((m) => ({ value: toNumber(m[1]!) }))
}

/**
 * A card: labels on one line, values on the next (今日获得 总积分 / 52分 18652). Today's value is the
 * one in the same place among the values as its label among the labels; when the counts differ, the
 * place is unknown (a value was missed): null.
 */
function nextLine(s: string, labels: string): Found[] {
  const lines = s.split('\n').filter((l) => l.trim())
  const label = new RegExp(`^(?:${labels})$`, 'u')
  const out: Found[] = []
  lines.forEach((line, i) => {
    const parts = line.split(line.includes('\t') ? '\t' : /\s+/)
    const at = parts.findIndex((p) => label.test(p))
    if (at < 0 || /\d/.test(line)) return
    const below = lines[i + 1]
    if (!below) return
    const values = below.split(below.includes('\t') ? '\t' : /\s+/).filter((v) => /\d/.test(v)).map((v) => /^(\d+)\s*(?:分钟|积分|分)?$/.exec(v)?.[1] ?? 'x')
    const v = values.length === parts.length ? Number(values[at]) : NaN
    out.push({ value: Number.isNaN(v) ? null : v })
  })
  return out
}

function hoursMinutes(s: string): Found[] {
  const re = new RegExp(`(?:${TODAY_MINUTES})\\s*[:：]?\\s*${NUM}\\s*(?:小时|h)\\s*(?:${NUM}\\s*分钟?)?`, 'gu')
  return [...s.matchAll(re)].map((m) => {
    const h = toNumber(m[1]!)
    const min = m[2] ? toNumber(m[2]) : 0
    return { value: h === null || min === null || min >= 60 ? null : h * 60 + min }
  })
}

/** One agreed value, 'none' when nothing was found, 'conflict' when readings disagree or are broken. */
function agreed(found: Found[], max: number): number | 'none' | 'conflict' {
  if (!found.length) return 'none'
  const values = new Set(found.map((f) => f.value))
  if (values.size !== 1) return 'conflict'
  const v = [...values][0]!
  return v === null || v > max ? 'conflict' : v
}

/** The per-task rows: 已获12分/每日上限12分. A row whose figure exceeds its cap is misread. */
function rows(s: string): { sum: number; count: number; broken: boolean } {
  const re = new RegExp(`已获\\s*${NUM}\\s*分\\s*/?\\s*(?:每日)?上限\\s*${NUM}\\s*分`, 'gu')
  let sum = 0, count = 0, broken = false
  for (const m of s.matchAll(re)) {
    const got = toNumber(m[1]!)
    const cap = toNumber(m[2]!)
    if (got === null || cap === null || got > cap || cap > MAX_POINTS) { broken = true; continue }
    sum += got
    count++
  }
  return { sum, count, broken }
}

export function readStudyScreen(ocrText: string): ScreenRead {
  const s = tidyOcr(ocrText)
  if (!studyLike(s)) return { kind: 'other' }
  // 今日已累积38积分 / 今日获得 52分 / 今日积分 38: the unit may be missing after 今日积分
  const pointsFound = [...sameLine(s, TODAY_POINTS, '积分|分(?!钟)|(?=\\s|$)'), ...nextLine(s, TODAY_POINTS)]
  const minutesFound = [...sameLine(s, TODAY_MINUTES, '分钟|min'), ...hoursMinutes(s), ...nextLine(s, TODAY_MINUTES)]
  let points = agreed(pointsFound, MAX_POINTS)
  const minutes = agreed(minutesFound, MAX_MINUTES)
  const r = rows(s)
  if (typeof points === 'number' && r.count && r.sum > points) points = 'conflict'
  if (points === 'conflict' || minutes === 'conflict') return { kind: 'unclear' }
  if (points === 'none' && minutes === 'none') return { kind: 'unclear' }
  return { kind: 'study', points: points === 'none' ? null : points, minutes: minutes === 'none' ? null : minutes }
}
