// Strangers in private chat get only a pointer to the secretary (#帮助 itself is a row of
// bot/command-table.ts, which lists the commands).
import { reply, type App, type MsgContext } from '../app.js'

/** Private messages from people not on any roster: help only, nothing stored. */
export function stranger(app: App, ctx: MsgContext): boolean {
  if (ctx.room || ctx.member) return false
  if (ctx.type === 'text') reply(app, ctx, app.templates.render('help-stranger', { botName: app.config.bot.name }))
  return true
}
