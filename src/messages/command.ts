// Chat commands (placeholder until the full command parser lands).
export type CommandName = '帮助' | 'unknown'
export interface Command { name: CommandName; args: string[]; rest: string }

export function parseCommand(text: string, botName = '支部助手'): Command | null {
  let t = text.trim()
  const toBot = t.startsWith(`@${botName}`)
  if (toBot) t = t.slice(botName.length + 1).trim()
  else if (/^[#＃]/.test(t)) t = t.slice(1).trim()
  else return null
  const [head = '', ...args] = t.split(/\s+/)
  if (['帮助', 'help', '?'].includes(head)) return { name: '帮助', args, rest: args.join(' ') }
  return toBot ? { name: 'unknown', args, rest: args.join(' ') } : null
}
