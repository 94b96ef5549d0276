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
  // a number and its unit belong together: 52 分 → 52分, 1 小时 → 1小时
  s = s.replace(/(\d) (?=积分|分|小时)/g, '$1')
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

const TODAY_POINTS_LABELS = ['今日已累积', '今日已累计', '今日累积', '今日累计', '今日已获得', '今日获得', '今日已获', '今日得分', '今日积分', '今日学习积分', '当日积分', '今日获取']
const TODAY_POINTS = TODAY_POINTS_LABELS.map(fuzzy).join('|')
const TODAY_MINUTES = ['今日学习时长', '今日学习时间', '今日已学习', '今日学习', '今日学时'].map(fuzzy).join('|')

// markers of a study screen; two of them make a screen study-like (one could be a document's word)
const MARKERS = [/学习积分|我的积分/, /总积分|累计积分/, /今日已?累[积计]|今日已?获得?|今日积分|今日得分|当日积分/, /每日上限|已获\s*\d/, /积分规则|积分明细|积分排名/,
  /学习强国|强国/, /今日学习|学习时长|学习时间/, /分钟/, /已完成|去看看/, /学习记录|本周累计|累计学习/, /答题|视听学习|选读文章|本地频道/]

const markers = (s: string) => MARKERS.filter((m) => m.test(s)).length
const studyLike = (s: string) => markers(s) >= 2

interface Found { value: number | null }

/** Every value written right after one of `labels` and before `unit` (optional), on the same line. */
function sameLine(s: string, labels: string, unit: string): Found[] {
  const re = new RegExp(`(?:${labels})(?:积分|时长)?\\s*[:：]?\\s*${NUM}\\s*(?:${unit})`, 'gu')
  return [...s.matchAll(re)].map((m) => ({ value: toNumber(m[1]!) }))
}

/**
 * A card: labels on one line, values on the next (今日获得 总积分 / 52分 18652), or the values above
 * their labels (41 30222 / 今日积分 总积分). Today's value is the one in the same place among the
 * values as its label among the labels. Below is looked at first; when the values below do not
 * match the labels in number, the place is unknown (a value was missed): null. Above counts only
 * when it matches exactly (a status bar above a title is not a value).
 */
function beside(s: string, labels: string, valueOf: (cell: string) => number | null): Found[] {
  const lines = s.split('\n').filter((l) => l.trim())
  const label = new RegExp(`^(?:${labels})$`, 'u')
  const cellsOf = (line: string, n: number) => (line.includes('\t') ? line.split('\t') : n === 1 ? [line] : line.split(/\s+/))
    .map((c) => c.replace(/^[^\dOoDlIS]+/u, '').trim()).filter((c) => /\d/.test(c))
  const out: Found[] = []
  lines.forEach((line, i) => {
    const parts = labelsOf(line)
    const at = parts.findIndex((p) => label.test(p))
    if (at < 0 || /\d/.test(line)) return
    const below = lines[i + 1] ? cellsOf(lines[i + 1]!, parts.length) : []
    const above = lines[i - 1] ? cellsOf(lines[i - 1]!, parts.length) : []
    if (below.length) out.push({ value: below.length === parts.length ? valueOf(below[at]!) : null })
    else if (above.length === parts.length) out.push({ value: valueOf(above[at]!) })
  })
  return out
}

/**
 * A line's labels, as columns: marks and stray strokes dropped (, 今日获得 _ | → 今日获得), and a lone
 * character OCR cut from its label put back (总积 分 → 总积分).
 */
function labelsOf(line: string): string[] {
  const parts = line.split(line.includes('\t') ? '\t' : /\s+/).map((p) => p.replace(/[^\p{Script=Han}\d]/gu, '')).filter(Boolean)
  const out: string[] = []
  for (const p of parts) {
    if (out.length && [...p].length === 1) out[out.length - 1] += p
    else out.push(p)
  }
  return out
}

// 分 is often misread as 刀 or 份 at the end of a figure
const pointsCell = (cell: string): number | null => {
  const m = new RegExp(`^${NUM}\\s*(?:积分|分|刀|份)?[^\\d]{0,2}$`, 'u').exec(cell.trim())
  return m ? toNumber(m[1]!) : null
}
const minutesCell = (cell: string): number | null => {
  const c = cell.trim()
  const m = new RegExp(`^${NUM}\\s*(?:分钟|min)[^\\d]{0,2}$`, 'u').exec(c)
  if (m) return toNumber(m[1]!)
  const h = new RegExp(`^${NUM}\\s*(?:小时|h)\\s*(?:${NUM}\\s*分钟?)?$`, 'u').exec(c)
  if (!h) return null
  const hours = toNumber(h[1]!)
  const min = h[2] ? toNumber(h[2]) : 0
  return hours === null || min === null || min >= 60 ? null : hours * 60 + min
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
  const pointsFound = [...sameLine(s, TODAY_POINTS, '积分|分(?!钟)|(?=\\s|$)'), ...beside(s, TODAY_POINTS, pointsCell)]
  const minutesFound = [...sameLine(s, TODAY_MINUTES, '分钟|min'), ...hoursMinutes(s), ...beside(s, TODAY_MINUTES, minutesCell)]
  let points = agreed(pointsFound, MAX_POINTS)
  const minutes = agreed(minutesFound, MAX_MINUTES)
  const r = rows(s)
  if (typeof points === 'number' && r.count && r.sum > points) points = 'conflict'
  if (points === 'conflict' || minutes === 'conflict') return { kind: 'unclear' }
  if (points === 'none' && minutes === 'none') return { kind: 'unclear' }
  return { kind: 'study', points: points === 'none' ? null : points, minutes: minutes === 'none' ? null : minutes }
}

/**
 * Whether a second look (the picture inverted: white text on a coloured bar, a red figure on a dark
 * card) may settle what the first reading could not: a study-like screen without a figure, or a
 * screen with one marker of a study screen. A photo with no marker gets no second look.
 */
export function worthSecondLook(ocrText: string, first: ScreenRead): boolean {
  return first.kind === 'unclear' || (first.kind === 'other' && markers(tidyOcr(ocrText)) >= 1)
}

/** Two readings of one screen (as it is, inverted), together; the inverted one alone when together they disagree. */
export function readTwoLooks(first: string, second: string): ScreenRead {
  const both = readStudyScreen(`${first}\n${second}`)
  if (both.kind === 'study') return both
  const alone = readStudyScreen(second)
  if (alone.kind === 'study') return alone
  return both.kind === 'unclear' || alone.kind === 'unclear' || readStudyScreen(first).kind === 'unclear' ? { kind: 'unclear' } : { kind: 'other' }
}
