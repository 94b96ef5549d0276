// Chat commands: `#我的`, `＃本月`, or a word said after @-mentioning the bot (`@支部助手 帮助`).
// Hashtags people use for their own posts (#打卡, #活动, #三会一课, #接龙, #学习打卡#, #话题) are not
// commands, and a report or check-in addressed to the bot is left to its own parser.
import { MAX_PARSE_LENGTH, normalize, unquoted } from './text.js'

/** A command's words, as the command table (src/bot/command-table.ts) gives them. */
export interface CommandWord {
  name: string
  /** other words members use for it */
  aliases: readonly string[]
  /**
   * what may be glued to the word without a space (#台账2026-11, #月报10月, #提醒暂停7天); anything
   * else glued on (#我的家乡) is a hashtag, not a command
   */
  glued?: RegExp
  /** a leading verb glued to its amount splits in two: #提醒 暂停7天 -> 暂停, 7天 */
  verbs?: RegExp
  /** its name said alone, without # or @, is the command too (撤销打卡) */
  bare?: boolean
  /** what the bot's name alone means (@支部助手) */
  onMention?: boolean
}
export interface Command { name: string | 'unknown'; args: string[]; rest: string }
export type CommandParser = (input: string, botName?: string) => Command | null

// posts of another kind, even when addressed to the bot: never a command, never "unknown"
const OWN_POST = /打卡|学习|补卡|接龙|活动|三会一课|会议|党课|党日|支委|党员大会|小组会|组织生活|谈心|评议|志愿/
const TRAILING = /[。.!！~～?？]+$/
// an unknown request to the bot is short and on one line; longer text is a post, not a command
const MAX_UNKNOWN = 12

/** A parser for these words: the command in a message, or null. `botName` recognises @-mentions. */
export function commandParser(words: readonly CommandWord[]): CommandParser {
  const byWord = new Map<string, CommandWord>()
  for (const w of words) for (const word of [w.name, ...w.aliases]) byWord.set(word.toLowerCase(), w)
  // longest first, so 撤销打卡 wins over 撤销 and 未打卡名单 over 未打卡
  const byLength = [...byWord.keys()].sort((a, b) => b.length - a.length)
  const bare = words.filter((w) => w.bare).map((w) => ({ name: w.name, re: new RegExp(`^${w.name}[。.!！~～]*$`) }))
  const onMention = words.find((w) => w.onMention)?.name
  return (input, botName = '支部助手') => {
    if (!input || input.length > MAX_PARSE_LENGTH) return null
    const text = unquoted(normalize(input)).trim()
    const addressed = withoutMention(text, normalize(botName).trim())
    const toBot = addressed !== null
    let body = (addressed ?? text).trim()
    const hashed = /^#/.test(body)
    if (hashed) body = body.replace(/^#+ ?/, '')
    if (!hashed && !toBot) {
      const b = bare.find((x) => x.re.test(body))
      return b ? { name: b.name, args: [], rest: '' } : null
    }
    if (!body) return toBot && onMention ? { name: onMention, args: [], rest: '' } : null
    const word = byLength.find((w) => body.toLowerCase().startsWith(w))
    const found = word ? commandAt(byWord.get(word)!, body.slice(word.length)) : null
    if (found) return found
    if (!toBot || OWN_POST.test(body) || body.includes('\n') || body.length > MAX_UNKNOWN) return null
    return { name: 'unknown', args: [], rest: body }
  }
}

/** The text after `@botName` at the start or end of the message; null when the bot is not mentioned. */
function withoutMention(text: string, botName: string): string | null {
  const at = `@${botName}`
  if (!botName) return null
  if (text.startsWith(at) && /^(?:$|[\s:,，])/.test(text.slice(at.length))) return text.slice(at.length).replace(/^[\s:,，]+/, '')
  if (text.endsWith(at)) return text.slice(0, -at.length)
  return null
}

function commandAt(w: CommandWord, after: string): Command | null {
  let rest = after
  const spaced = rest === '' || /^[\s:,，]/.test(rest)
  // #学习打卡# style: a hashtag closes with #; commands are allowed the same
  if (/^#\s*$/.test(rest)) rest = ''
  else if (!spaced && !(w.glued?.test(rest) ?? false) && !TRAILING.test(rest)) return null
  rest = rest.replace(/^[\s:,，]+/, '').replace(TRAILING, '').trim()
  return { name: w.name, args: argsOf(w, rest), rest }
}

function argsOf(w: CommandWord, rest: string): string[] {
  if (!rest) return []
  // 更正 人数:12 splits at the colon; 14:30 keeps its own
  const args = rest.split(/\s+|(?<!\d):|:(?!\d)/).filter(Boolean)
  const v = w.verbs?.exec(args[0] ?? '')
  if (v && v[2]) args.splice(0, 1, v[1]!, v[2])
  return args
}
