// Pure text rules of the 企业微信 edge: what a member's @-message becomes before the router sees it,
// and what the bot's plain-text replies become as 企业微信 markdown.
import { parseCommand } from '../bot/command-table.js'
import { normalize, stripMention } from '../messages/text.js'

/**
 * A group message's text for the router: the mention stripped (DESIGN "Two channels"), except that a
 * bare command word said to the bot (`@支部助手 我的`, `@支部助手` alone) keeps the canonical mention, so
 * it is read exactly as the same message in WeChat would be.
 */
export function groupText(raw: string, botName: string, otherNames: readonly string[]): string {
  const rest = stripMention(normalize(raw), [botName, ...otherNames])
  if (parseCommand(rest, botName) === null && parseCommand(`@${botName} ${rest}`, botName) !== null) return `@${botName} ${rest}`.trim()
  return rest
}

// 一、主要工作情况 / （一）理论学习: the section headings of a summary or ledger
const HEADING = /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])\S.{0,30}$/

/**
 * The bot's text as 企业微信 markdown: section headings (and then the title line) in bold, so a monthly
 * summary reads as a document; everything else as written. `#我的` stays text: a markdown heading
 * needs a space after the #.
 */
export function toMarkdown(text: string): string {
  const lines = text.split('\n')
  const headings = lines.filter((l) => HEADING.test(l.trim())).length
  return lines.map((l, i) => {
    const t = l.trim()
    if (!t) return l
    if (HEADING.test(t) || (headings >= 2 && i === 0)) return `**${t}**`
    // a line that markdown would take for a heading or a quote is shown as written
    return /^(?:#{1,6}\s|>)/.test(t) ? `\u200B${l}` : l
  }).join('\n')
}

/** `@name` written by Wechaty for each mentioned member becomes 企业微信's `<@userid>`, which notifies them. */
export function withMentions(text: string, mentions: readonly { name: string; userid: string }[]): string {
  let out = text
  for (const m of mentions) out = out.split(`@${m.name}`).join(`<@${m.userid}>`)
  return out
}

/** Splits a message into parts of at most maxBytes (UTF-8), at line ends where it can. */
export function splitBytes(text: string, maxBytes: number): string[] {
  const size = (s: string) => Buffer.byteLength(s, 'utf8')
  if (size(text) <= maxBytes) return [text]
  const parts: string[] = []
  let cur = ''
  const push = () => { if (cur) parts.push(cur); cur = '' }
  for (const line of text.split('\n')) {
    const next = cur ? `${cur}\n${line}` : line
    if (size(next) <= maxBytes) { cur = next; continue }
    push()
    if (size(line) <= maxBytes) { cur = line; continue }
    // one line longer than a message: cut by characters
    let piece = ''
    for (const ch of line) {
      if (size(piece + ch) > maxBytes) { parts.push(piece); piece = '' }
      piece += ch
    }
    cur = piece
  }
  push()
  return parts
}
