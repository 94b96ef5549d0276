// 接龙 (WeChat group solitaire): `#接龙`, a topic line, optional description lines, a blank line,
// then numbered lines `N. 名字 内容`. Every participant reposts the whole list with their own line
// added, so a parse returns every line and the shell credits only the sender's own (entriesFor).
import { parseDuration } from './duration.js'
import { parsePoints } from './points.js'
import { MAX_PARSE_LENGTH, normalize, unquoted } from './text.js'

export interface SolitaireEntry {
  n: number
  /** the first token of the line when it reads as a name; '' when name and content are glued */
  name: string
  /** the line without its number and name */
  content: string
  minutes: number | null
  points: number | null
  /** the line without its number, name included */
  line: string
}

export interface Solitaire { topic: string; entries: SolitaireEntry[] }

// a branch of a hundred members reposting long lines: well above a single message's limit
const MAX_LENGTH = MAX_PARSE_LENGTH * 25
const MAX_LINES = 2000
const HEAD = /^# ?接龙/
// 1. / 2、/ 3．/ 4) / 5: — but not 1.5小时 (a decimal) nor a bare year
const ENTRY = /^ ?(\d{1,3}) ?(?:[.、:)](?!\d)|(?= )) ?(.*)$/
const NAME_THEN_CONTENT = /^([^\s:,，]{1,20})[\s:,，]+([\s\S]*)$/
const EXAMPLE = /^(?:例|示例|格式|如)[:：]?/

/** The 接龙 in a message, or null when it is not one (or has no numbered line). Never throws. */
export function parseSolitaire(input: string): Solitaire | null {
  if (!input || input.length > MAX_LENGTH) return null
  const text = unquoted(normalize(input)).trim()
  if (!HEAD.test(text)) return null
  const lines = text.split('\n').slice(0, MAX_LINES)
  const first = lines[0]!.replace(HEAD, '').trim()
  const blocks = blocksOf(lines.slice(1))
  const topic = first || (blocks[0]?.find((l) => !ENTRY.test(l) && l.trim()) ?? '').trim()
  // entries are the last block with numbered lines: numbered requirements in the description come first
  const listed = [...blocks].reverse().find((b) => b.some((l) => ENTRY.test(l))) ?? []
  const entries = listed.map(entryOf).filter((e): e is SolitaireEntry => e !== null)
  return entries.length ? { topic, entries } : null
}

function blocksOf(lines: string[]): string[][] {
  const blocks: string[][] = [[]]
  for (const l of lines) {
    if (l.trim()) blocks.at(-1)!.push(l)
    else if (blocks.at(-1)!.length) blocks.push([])
  }
  return blocks.filter((b) => b.length)
}

function entryOf(raw: string): SolitaireEntry | null {
  const m = ENTRY.exec(raw)
  if (!m) return null
  const line = m[2]!.trim()
  if (!line || EXAMPLE.test(line)) return null
  const { name, content } = splitName(line)
  return { n: Number(m[1]), name, content, minutes: parseDuration(content), points: parsePoints(content), line }
}

/** `张三 学习党章` -> 张三; `张三学习党章 30分钟` has no separate name: five Han characters are not a name. */
function splitName(line: string): { name: string; content: string } {
  const m = NAME_THEN_CONTENT.exec(line)
  if (!m || (/^\p{Script=Han}+$/u.test(m[1]!) && m[1]!.length > 4)) return { name: '', content: line }
  return { name: m[1]!, content: m[2]!.trim() }
}

// after a name glued to its content comes the action (张三学习…, 李四观看…) or a figure, not more name
const AFTER_NAME = /^(?:$|[^\p{Script=Han}]|[学看观读阅听参完已今昨收打自撰写背研复做线网集在到通重认党习上下第共累全观收聆])/u

/** 张三（第一党小组）, 张三🌸, 张三同志: the person is 张三. */
function bareName(s: string): string {
  return s
    .replace(/[\p{Extended_Pictographic}\u{FE0F}\u{200D}]/gu, '')
    .replace(/[(（][^()（）]{0,12}[)）]$/, '')
    .replace(/同志$/, '')
    .trim()
}

function isOwn(e: SolitaireEntry, name: string): boolean {
  if (e.name) return e.name === name || bareName(e.name) === bareName(name)
  return e.line.startsWith(name) && AFTER_NAME.test(e.line.slice(name.length))
}

/** The entries that are the sender's own: the line's name is one of theirs (name, aliases, WeChat name). */
export function entriesFor(s: Solitaire, names: string[]): SolitaireEntry[] {
  const ns = [...new Set(names.map((n) => normalize(n).trim()).filter(Boolean))]
  return s.entries.filter((e) => ns.some((n) => isOwn(e, n)))
}

/** The entry's content for the member: without the name, however it was written. */
export function entryContent(e: SolitaireEntry, name: string): string {
  if (e.name || !e.line.startsWith(name)) return e.content
  return e.line.slice(name.length).replace(/^[\s:：,，]+/, '').trim()
}
