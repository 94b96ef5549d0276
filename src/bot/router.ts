// A short list of (name, handler) pairs, tried in order; the first that handles the message wins.
// Each handler runs inside an error boundary: one failing handler never takes the bot down.
// In front of them, one flood gate: the same command from the same person is answered at most once
// in a few minutes (told so the first time), so one person's flood never delays everyone else.
import type { App, MsgContext } from './app.js'
import { reply } from './app.js'
import { parseCommand } from './command-table.js'
import { limitsOf } from './limits.js'

export type Handler = (app: App, ctx: MsgContext) => Promise<boolean> | boolean

export interface Route { name: string; handle: Handler }

export async function route(routes: readonly Route[], app: App, ctx: MsgContext): Promise<string | null> {
  ctx.command = ctx.type === 'text' ? parseCommand(ctx.text, app.config.bot.name) : null
  if (floodGate(app, ctx)) return 'repeated'
  for (const r of routes) {
    try {
      if (await r.handle(app, ctx)) return r.name
    } catch (e) {
      app.log.error(`处理「${ctx.senderName}」的消息时出错（${r.name}）`, e)
      if (ctx.member) reply(app, ctx, app.templates.render('error', { name: ctx.member.name }))
      return r.name
    }
  }
  return null
}

/** True when the message is a repeat to be left unanswered (after saying so once). */
function floodGate(app: App, ctx: MsgContext): boolean {
  const cmd = ctx.command
  if (!cmd || !ctx.member) return false
  // every unknown request gets the same help: "@支部助手 你好1", "你好2"… are one command
  const same = cmd.name === 'unknown' ? '帮助' : cmd.name
  const verdict = limitsOf(app).command(`${ctx.branch.id}:${ctx.member.name}`, same, same === '帮助' ? '' : cmd.rest, ctx.at.getTime())
  if (verdict === 'answer') return false
  if (verdict === 'warn') {
    const minutes = app.config.bot.limits?.sameCommandMinutes ?? 3
    reply(app, ctx, app.templates.render('repeat-ignored', { name: ctx.member.name, command: same, minutes }))
  }
  return true
}
