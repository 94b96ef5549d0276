// YAML syntax mistakes explained the way a secretary can act on them. The slips people make typing
// YAML in a Chinese input method — a Tab for indentation, a full-width colon “：” or comma “，”, a
// full-width space, no space after “:” — are found line by line and named with the fix. Each slip
// is also repaired in a copy of the text, so the parser's own complaints that follow from it are
// not shown, and the schema can still check the rest of the file: every problem in one round.
import { LineCounter, parseDocument, type YAMLError } from 'yaml'

export interface SyntaxProblem {
  line: number
  message: string
}

export interface ReadYaml {
  doc: ReturnType<typeof parseDocument>
  lc: LineCounter
  /** slips and parser errors, in Chinese with line numbers, sorted by line */
  problems: SyntaxProblem[]
  /** the parser could not make sense of the (repaired) text: the schema would only add noise */
  broken: boolean
}

const msg = {
  tab: (n: number) => `第${n}行用了 Tab 键缩进，请改用空格（tab used for indentation）`,
  ideoSpace: (n: number) => `第${n}行开头有中文全角空格，请改用英文空格（full-width space in indentation）`,
  colon: (n: number) => `第${n}行的冒号是中文全角“：”，请改成英文冒号“:”并在后面加一个空格（full-width colon）`,
  colonSpace: (n: number) => `第${n}行的冒号“:”后面缺少空格，请在冒号后加一个空格（missing space after colon）`,
  comma: (n: number) => `第${n}行的逗号是中文全角“，”，请改成英文逗号“,”（full-width comma; if a name itself contains “，”, put that item in English quotes）`,
  quotes: (n: number) => `第${n}行的引号是中文引号“”，请改成英文引号 "（full-width quotes）`,
  unclosedQuote: (n: number, q: string) => `第${n}行的引号 ${q} 没有配对，请在这一项末尾补上 ${q}（unclosed quote）`,
  encoding: (n: number) => `第${n}行起有无法识别的文字：配置文件要保存为 UTF-8 编码（用记事本打开，“另存为”时编码选 UTF-8）（file is not UTF-8）`,
  unclosedFlow: (n: number, open: string, close: string) => `第${n}行的“${open}”没有配对的“${close}”，请在这一项末尾补上“${close}”（unclosed ${open}）`,
}

const CLOSER: Record<string, string> = { '[': ']', '{': '}' }
const ASCII_KEY = /^[A-Za-z_][\w-]*$/

interface Scan {
  slips: SyntaxProblem[]
  hasTabs: boolean
  /** the text with every slip repaired; a Tab in indentation goes to the next multiple of tabWidth */
  repaired(tabWidth: number): string
}

/** Finds the slips line by line, outside comments and quoted text. */
export function scanSlips(text: string): Scan {
  const lines = text.split(/\r?\n/)
  const slips: SyntaxProblem[] = []
  const slip = (line: number, m: string) => { if (!slips.some((s) => s.message === m)) slips.push({ line, message: m }) }
  // repaired lines without their indentation, and each line's indentation as typed
  const body: string[] = []
  const indent: string[] = []
  const contentEnd: number[] = [] // end of the repaired body before a comment
  let hasTabs = false
  const flow: { ch: string; line: number; indent: number }[] = []
  let blockScalar: number | null = null // indentation of the key that opened a | or > block
  const literalIndent: boolean[] = []

  // a file saved as GBK (Notepad's "ANSI") reads as replacement characters: names would not match
  const garbled = lines.findIndex((l) => l.includes('\uFFFD'))
  if (garbled >= 0) slip(garbled + 1, msg.encoding(garbled + 1))
  const width = (ws: string) => ws.replace(/\t/g, '  ').replace(/\u3000/g, ' ').length

  for (let li = 0; li < lines.length; li++) {
    const raw = lines[li]!
    const n = li + 1
    const ws = /^[ \t\u3000]*/.exec(raw)![0]
    const rest = raw.slice(ws.length)
    indent.push(ws)
    const blank = rest === '' || rest.startsWith('#')
    if (blockScalar !== null && !blank && width(ws) <= blockScalar) blockScalar = null
    if (ws.includes('\t')) { hasTabs = true; if (!blank && blockScalar === null) slip(n, msg.tab(n)) }
    // to YAML a full-width space is not a space: even on an empty or comment line it is text
    if (ws.includes('\u3000') && blockScalar === null) slip(n, msg.ideoSpace(n))
    // inside a | or > block a full-width space is the text's own: the repair leaves it
    literalIndent.push(blockScalar !== null)

    if (blockScalar !== null) { body.push(rest); contentEnd.push(rest.length); continue }
    if (blank) { body.push(rest); contentEnd.push(0); continue }

    // a flow collection still open when a line comes back to its indentation was never closed
    if (flow.length && width(ws) <= flow[0]!.indent && !/^[\]}]/.test(rest)) {
      const first = flow[0]!
      slip(first.line, msg.unclosedFlow(first.line, first.ch, CLOSER[first.ch]!))
      closeFlowAt(li - 1)
    }

    let out = ''
    let i = 0
    let tokenStart = true // a quote here opens a quoted scalar, a key may follow
    let keyStart = !flow.length || flow[flow.length - 1]!.ch === '{'
    let end = -1
    while (i < rest.length) {
      const c = rest[i]!
      if (keyStart && c !== ' ' && c !== '\t') {
        keyStart = false
        const k = keySlip(rest.slice(i), flow.length > 0)
        if (k) {
          slip(n, k.kind === 'colon' ? msg.colon(n) : msg.colonSpace(n))
          out += k.key + ': '
          i += k.consumed
          tokenStart = true
          continue
        }
      }
      if (tokenStart && (c === '"' || c === "'")) {
        const close = closingQuote(rest, i)
        if (close < 0) {
          slip(n, msg.unclosedQuote(n, c))
          out += rest.slice(i).trimEnd() + c
          i = rest.length
          end = out.length
          break
        }
        out += rest.slice(i, close + 1)
        i = close + 1
        tokenStart = false
        continue
      }
      if (tokenStart && c === '“') {
        const close = rest.indexOf('”', i + 1)
        if (close > 0 && /^\s*([,\]}#]|$)/.test(rest.slice(close + 1))) {
          slip(n, msg.quotes(n))
          out += '"' + rest.slice(i + 1, close).replace(/"/g, '\\"') + '"'
          i = close + 1
          tokenStart = false
          continue
        }
      }
      if (c === '#' && (i === 0 || /\s/.test(rest[i - 1]!))) { end = out.length; out += rest.slice(i); i = rest.length; break }
      if (tokenStart && (c === '|' || c === '>') && /^[|>][-+0-9]*\s*(#.*)?$/.test(rest.slice(i))) {
        blockScalar = width(ws)
      }
      if (c === '[' || c === '{') {
        if (tokenStart || flow.length) { flow.push({ ch: c, line: n, indent: width(ws) }); tokenStart = true; keyStart = c === '{'; out += c; i++; continue }
      }
      if ((c === ']' || c === '}') && flow.length) { flow.pop(); out += c; i++; tokenStart = false; continue }
      if (c === ',' && flow.length) { out += c; i++; tokenStart = true; keyStart = flow[flow.length - 1]!.ch === '{'; continue }
      if (c === '，' && flow.length) {
        slip(n, msg.comma(n))
        out += ', '
        i++
        while (rest[i] === ' ' || rest[i] === '\u3000') i++
        tokenStart = true
        keyStart = flow[flow.length - 1]!.ch === '{'
        continue
      }
      if (c === ':' && (i + 1 === rest.length || /\s/.test(rest[i + 1]!))) { out += c; i++; tokenStart = true; keyStart = false; continue }
      if (c === '-' && tokenStart && !flow.length && (i + 1 === rest.length || rest[i + 1] === ' ')) { out += c; i++; keyStart = true; continue }
      if (c === ' ' || c === '\t') { out += c; i++; continue }
      out += c
      i++
      tokenStart = false
    }
    body.push(out)
    contentEnd.push(end >= 0 ? end : out.trimEnd().length)
  }
  if (flow.length) {
    const first = flow[0]!
    slip(first.line, msg.unclosedFlow(first.line, first.ch, CLOSER[first.ch]!))
    closeFlowAt(body.length - 1)
  }

  /** closes every open flow collection at the end of the last line with content at or before `li` */
  function closeFlowAt(li: number): void {
    while (li > 0 && contentEnd[li] === 0) li--
    const closers = flow.reverse().map((f) => CLOSER[f.ch]).join('')
    flow.length = 0
    const at = contentEnd[li]!
    body[li] = body[li]!.slice(0, at).trimEnd() + closers + (at < body[li]!.length ? ' ' + body[li]!.slice(at).trimStart() : '')
    contentEnd[li] = body[li]!.length
  }

  slips.sort((a, b) => a.line - b.line)
  return {
    slips, hasTabs,
    repaired(tabWidth: number) {
      return body.map((b, li) => {
        let col = 0
        let ws = ''
        for (const ch of indent[li]!) {
          const w = ch === '\t' ? tabWidth - (col % tabWidth) : 1
          ws += ch === '\u3000' && literalIndent[li] ? ch : ' '.repeat(w)
          col += w
        }
        return ws + b
      }).join('\n')
    },
  }
}

/** Index of the quote closing the one at `open`, or -1 (YAML: '' escapes in single, \" in double). */
function closingQuote(s: string, open: number): number {
  const q = s[open]
  for (let i = open + 1; i < s.length; i++) {
    if (q === '"' && s[i] === '\\') { i++; continue }
    if (s[i] === q) {
      if (q === "'" && s[i + 1] === "'") { i++; continue }
      return i
    }
  }
  return -1
}

/**
 * At a key position: `name：` (full-width colon) or `name:value` (no space after the colon).
 * A Chinese key is taken as a key only when something key-like follows the colon, so that a list
 * item such as `- 学习：党章` is left alone.
 */
function keySlip(s: string, inFlow: boolean): { kind: 'colon' | 'space'; key: string; consumed: number } | null {
  const stop = inFlow ? /[\s:：#,\[\]{}，"']/ : /[\s:：#"']/
  let j = 0
  while (j < s.length && !stop.test(s[j]!)) j++
  if (j === 0 || j >= s.length) return null
  const key = s.slice(0, j)
  if (s[j] === '：') {
    const after = s.slice(j + 1)
    if (!ASCII_KEY.test(key) && !/^([\s\u3000{\[]|$)/.test(after)) return null
    const skip = /^[ \u3000]*/.exec(after)![0].length
    return { kind: 'colon', key, consumed: j + 1 + skip }
  }
  if (s[j] === ':' && ASCII_KEY.test(key)) {
    const next = s[j + 1]
    if (next === undefined || /[\s/\\:,\]}]/.test(next)) return null
    const skip = next === '\u3000' ? 1 : 0
    return { kind: 'space', key, consumed: j + 1 + skip }
  }
  if (s[j] === ':' && s[j + 1] === '\u3000') return { kind: 'space', key, consumed: j + 2 }
  return null
}

/** The parser's complaint in Chinese, with the fix. */
export function explainYamlError(e: YAMLError, lc: LineCounter, lines: string[]): SyntaxProblem {
  let n = lc.linePos(e.pos[0]).line
  // the parser may place an error on the comment above the line at fault
  while (n < lines.length && /^\s*(#.*)?$/.test(lines[n - 1] ?? '')) n++
  const en = e.message.split('\n')[0]!
  const line = (lines[n - 1] ?? '').trim()
  const say = (m: string): SyntaxProblem => ({ line: n, message: `第${n}行${m}（YAML: ${en}）` })
  switch (e.code) {
    case 'TAB_AS_INDENT':
      return { line: n, message: msg.tab(n) }
    case 'DUPLICATE_KEY': {
      const key = /^(?:-\s+)?([^:：]+)[:：]/.exec(line)?.[1]?.trim()
      return say(`的配置项${key ? `“${key}”` : ''}与同一层的另一项重复，请删去或合并其中一个`)
    }
    case 'BAD_INDENT':
      if (/sequence items/.test(en)) return say('的“-”与同一列表的其他项没有对齐，请让它们从同一列开始')
      if (/end with a/.test(en)) return say('之前有括号没有配对，请检查上一项的“[”“{”是否都有对应的“]”“}”')
      return say('没有和同一层的配置项对齐：同一层要从同一列开始，下一层比上一层多缩进两个空格')
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return say('（或紧接着的下一行）缩进不对或缺少冒号：每项应写成“名称: 值”，下一层比上一层多缩进两个空格')
    case 'BLOCK_IN_FLOW':
      return say('的方括号“[ ]”或花括号“{ }”里格式不对：各项之间用英文逗号“,”隔开，“名称: 值”的冒号后要有空格')
    case 'MISSING_CHAR':
      if (/followed by map values/.test(en)) return say('缺少英文冒号“:”：每项应写成“名称: 值”')
      if (/Missing , /.test(en)) return say('的括号里各项之间缺少英文逗号“,”')
      if (/space after :/.test(en)) return { line: n, message: msg.colonSpace(n) }
      if (/Comments must be separated/.test(en)) return say('的“#”前面要有一个空格（“#”之后是注释）')
      if (/without - indicator/.test(en)) return say('是列表的一项，但开头缺少“- ”')
      if (/Missing closing/.test(en)) return say('之前有引号没有配对，请检查引号是否成对')
      return say('缺少符号，请检查冒号、逗号和括号')
    case 'BAD_SCALAR_START': {
      const ch = /with (?:reserved character )?(.)\s*$/.exec(en)?.[1]
      return say(`的值不能以${ch ? `“${ch}”` : '这个符号'}开头，请给这个值加上英文引号，例如 "${ch ?? ''}…"`)
    }
    case 'MULTIPLE_DOCS':
      return say('的“---”把文件分成了两份，配置文件只能有一份，请删去这一行')
    case 'UNEXPECTED_TOKEN':
      return say('有多余或放错位置的符号，请检查括号、逗号和冒号')
    default:
      return say('的 YAML 格式有误，请检查缩进、冒号和引号')
  }
}

/**
 * Parses `text`, explaining every syntax problem. `schemaIssues` (the number of schema problems of
 * a parsed value) decides how wide a Tab was meant to be when the parser alone cannot tell.
 */
export function readYaml(text: string, schemaIssues: (value: unknown) => number = () => 0): ReadYaml {
  const scan = scanSlips(text)
  const widths = scan.hasTabs ? [2, 4, 8] : [2]
  let best: { doc: ReturnType<typeof parseDocument>; lc: LineCounter; score: [number, number]; text: string } | null = null
  for (const w of widths) {
    const fixed = scan.slips.length || scan.hasTabs ? scan.repaired(w) : text
    const lc = new LineCounter()
    const doc = parseDocument(fixed, { lineCounter: lc, prettyErrors: false, uniqueKeys: true })
    // the schema decides only between repairs; with one candidate it would be work done twice
    const score: [number, number] = [doc.errors.length, doc.errors.length || widths.length === 1 ? 0 : schemaIssues(doc.toJS() ?? {})]
    if (!best || score[0] < best.score[0] || (score[0] === best.score[0] && score[1] < best.score[1])) best = { doc, lc, score, text: fixed }
  }
  const { doc, lc } = best!
  const lines = best!.text.split('\n')
  const flagged = new Set(scan.slips.map((s) => s.line))
  const problems = [...scan.slips]
  for (const e of doc.errors) {
    const p = explainYamlError(e, lc, lines)
    // one explanation per line: what follows from a slip, or a second complaint, adds nothing
    if (flagged.has(p.line)) continue
    flagged.add(p.line)
    problems.push(p)
  }
  problems.sort((a, b) => a.line - b.line)
  return { doc, lc, problems, broken: doc.errors.length > 0 }
}
