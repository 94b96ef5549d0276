// Chat commands: `#我的`, `＃本月`, or anything said after @-mentioning the bot.
// Hashtags people use for reports (#打卡, #活动, #接龙 …) are not commands.
import { normalize } from './text.js'

export const COMMANDS = ['帮助', '我的', '本月', '排行', '未打卡', '台账', '月报', '提醒', '进度', '更正', '撤销活动', '撤销打卡', '预告', '未识别'] as const
export type CommandName = (typeof COMMANDS)[number] | 'unknown'
export interface Command { name: CommandName; args: string[]; rest: string }

const ALIASES: Record<string, CommandName> = {
  help: '帮助', '?': '帮助', 菜单: '帮助', 功能: '帮助', 说明: '帮助',
  我的打卡: '我的', 个人: '我的', 我的情况: '我的',
  本月情况: '本月', 统计: '本月',
  排行榜: '排行', 排名: '排行',
  没打卡: '未打卡', 未打卡名单: '未打卡',
  月度小结: '月报', 小结: '月报',
  撤销: '撤销打卡', 撤回打卡: '撤销打卡', 删除打卡: '撤销打卡', 撤回活动: '撤销活动', 删除活动: '撤销活动',
  修改: '更正', 更改: '更正',
  预约: '预告', 会议预告: '预告',
  陌生人: '未识别',
}

export function parseCommand(input: string, botName = '支部助手'): Command | null {
  let t = normalize(input).trim()
  let toBot = false
  const at = `@${botName}`
  if (t.startsWith(at)) {
    toBot = true
    t = t.slice(at.length).replace(/^[\s\u2005:：,，]+/, '')
    t = t.replace(/^[#＃]\s*/, '')
  } else if (/^[#＃]/.test(t)) {
    t = t.slice(1).trim()
  } else if (/^撤销打卡\s*$/.test(t)) {
    return { name: '撤销打卡', args: [], rest: '' }
  } else {
    return null
  }
  const m = /^(\S+?)(?:[\s:：]+|$)([\s\S]*)$/.exec(t)
  if (!m) return toBot ? { name: '帮助', args: [], rest: '' } : null
  let head = m[1]!.replace(/[#＃]$/, '')
  let rest = m[2]!.trim()
  // 台账2026-11 / 月报10月: argument glued to the command
  const glued = new RegExp(`^(${COMMANDS.join('|')})(.+)$`).exec(head)
  if (glued && !(COMMANDS as readonly string[]).includes(head)) { head = glued[1]!; rest = `${glued[2]} ${rest}`.trim() }
  const name = (COMMANDS as readonly string[]).includes(head) ? (head as CommandName) : ALIASES[head.toLowerCase()]
  if (!name) return toBot ? { name: 'unknown', args: [], rest: t } : null
  return { name, args: rest ? rest.split(/\s+/) : [], rest }
}
