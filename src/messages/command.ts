// Chat commands: `#我的`, `＃本月`, or a word said after @-mentioning the bot (`@支部助手 帮助`).
// Hashtags people use for their own posts (#打卡, #活动, #三会一课, #接龙, #学习打卡#, #话题) are not
// commands, and a report or check-in addressed to the bot is left to its own parser.
import { unquoted } from './checkin.js'
import { MAX_PARSE_LENGTH, normalize } from './text.js'

export const COMMANDS = ['帮助', '我的', '本月', '排行', '未打卡', '台账', '月报', '提醒', '进度', '更正', '撤销活动', '撤销打卡', '预告', '未识别'] as const
export type CommandName = (typeof COMMANDS)[number] | 'unknown'
export interface Command { name: CommandName; args: string[]; rest: string }

/** Other words members use for the same commands. */
const ALIASES: Record<string, (typeof COMMANDS)[number]> = {
  help: '帮助', '?': '帮助', 菜单: '帮助', 功能: '帮助', 说明: '帮助', 使用说明: '帮助', 指令: '帮助', 命令: '帮助',
  我的打卡: '我的', 个人: '我的', 我的情况: '我的', 我的学时: '我的',
  本月情况: '本月', 本月打卡: '本月', 统计: '本月',
  排行榜: '排行', 排名: '排行',
  没打卡: '未打卡', 未打卡名单: '未打卡',
  月度小结: '月报', 小结: '月报', 工作小结: '月报',
  提醒设置: '提醒',
  撤销: '撤销打卡', 撤回打卡: '撤销打卡', 删除打卡: '撤销打卡', 取消打卡: '撤销打卡',
  撤回活动: '撤销活动', 删除活动: '撤销活动',
  修改: '更正', 更改: '更正', 修正: '更正',
  会议预告: '预告',
  陌生人: '未识别', 未识别名单: '未识别',
}

const WORDS = new Map<string, (typeof COMMANDS)[number]>([...COMMANDS.map((c) => [c, c] as const), ...Object.entries(ALIASES)])
// longest first, so 撤销打卡 wins over 撤销 and 未打卡名单 over 未打卡
const BY_LENGTH = [...WORDS.keys()].sort((a, b) => b.length - a.length)

// What may be glued to a command word without a space, per command: #台账2026-11, #月报10月,
// #提醒暂停7天, #预告明天下午支委会. Anything else glued on (#我的家乡) is a hashtag, not a command.
const GLUED_ARG: Partial<Record<(typeof COMMANDS)[number], RegExp>> = {
  台账: /^(?:\d|[一二三四五六七八九十]|本|上|今|去|第)/,
  月报: /^(?:\d|[一二三四五六七八九十]|本|上)/,
  提醒: /^(?:暂停|恢复|开启|关闭|打开|状态)/,
  未打卡: /^(?:本月|今天|今日)/,
  更正: /./,
  预告: /./,
}
// posts of another kind, even when addressed to the bot: never a command, never "unknown"
const OWN_POST = /打卡|学习|补卡|接龙|活动|三会一课|会议|党课|党日|支委|党员大会|小组会|组织生活|谈心|评议|志愿/
const TRAILING = /[。.!！~～?？]+$/
// an unknown request to the bot is short and on one line; longer text is a post, not a command
const MAX_UNKNOWN = 12

/** The command in a message, or null when there is none. `botName` recognises @-mentions. */
export function parseCommand(input: string, botName = '支部助手'): Command | null {
  if (!input || input.length > MAX_PARSE_LENGTH) return null
  const text = unquoted(normalize(input)).trim()
  const addressed = withoutMention(text, normalize(botName).trim())
  const toBot = addressed !== null
  let body = (addressed ?? text).trim()
  const hashed = /^#/.test(body)
  if (hashed) body = body.replace(/^#+ ?/, '')
  if (!hashed && !toBot) return /^撤销打卡[。.!！~～]*$/.test(body) ? { name: '撤销打卡', args: [], rest: '' } : null
  if (!body) return toBot ? { name: '帮助', args: [], rest: '' } : null
  const found = commandAt(body)
  if (found) return found
  if (!toBot || OWN_POST.test(body) || body.includes('\n') || body.length > MAX_UNKNOWN) return null
  return { name: 'unknown', args: [], rest: body }
}

/** The text after `@botName` at the start or end of the message; null when the bot is not mentioned. */
function withoutMention(text: string, botName: string): string | null {
  const at = `@${botName}`
  if (!botName) return null
  if (text.startsWith(at) && /^(?:$|[\s:,，])/.test(text.slice(at.length))) return text.slice(at.length).replace(/^[\s:,，]+/, '')
  if (text.endsWith(at)) return text.slice(0, -at.length)
  return null
}

function commandAt(body: string): Command | null {
  const word = BY_LENGTH.find((w) => body.toLowerCase().startsWith(w))
  if (!word) return null
  const name = WORDS.get(word)!
  let rest = body.slice(word.length)
  const spaced = rest === '' || /^[\s:,，]/.test(rest)
  // #学习打卡# style: a hashtag closes with #; commands are allowed the same
  if (/^#\s*$/.test(rest)) rest = ''
  else if (!spaced && !(GLUED_ARG[name]?.test(rest) ?? false) && !TRAILING.test(rest)) return null
  rest = rest.replace(/^[\s:,，]+/, '').replace(TRAILING, '').trim()
  return { name, args: argsOf(name, rest), rest }
}

function argsOf(name: (typeof COMMANDS)[number], rest: string): string[] {
  if (!rest) return []
  // 更正 人数:12 splits at the colon; 14:30 keeps its own
  const args = rest.split(/\s+|(?<!\d):|:(?!\d)/).filter(Boolean)
  // #提醒 暂停7天: the verb and its amount
  if (name === '提醒') {
    const v = /^(暂停|恢复|开启|关闭|打开|状态)(.+)$/.exec(args[0] ?? '')
    if (v) args.splice(0, 1, v[1]!, v[2]!)
  }
  return args
}
