// #帮助: what the bot understands. Strangers in private chat get only a pointer to the secretary.
import { parseCommand } from '../../messages/command.js'
import { isSecretary } from '../../domain/roster.js'
import { reply, type App, type MsgContext } from '../app.js'

export function helpText(app: App, ctx: MsgContext): string {
  return app.templates.render('help', {
    name: ctx.member?.name ?? '',
    botName: app.config.bot.name,
    backfillDays: ctx.branch.checkin.backfillDays,
    leaderboard: ctx.branch.checkin.leaderboard,
    secretary: isSecretary(ctx.branch, ctx.member),
  })
}

export function help(app: App, ctx: MsgContext): boolean {
  if (ctx.type !== 'text') return false
  const cmd = parseCommand(ctx.text, app.config.bot.name)
  if (cmd?.name !== '帮助' && !(cmd?.name === 'unknown' && ctx.toBot)) return false
  reply(app, ctx, helpText(app, ctx))
  return true
}

/** Private messages from people not on any roster: help only, nothing stored. */
export function stranger(app: App, ctx: MsgContext): boolean {
  if (ctx.room || ctx.member) return false
  if (ctx.type === 'text') reply(app, ctx, app.templates.render('help-stranger', { botName: app.config.bot.name }))
  return true
}
