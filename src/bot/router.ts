// A short list of (name, handler) pairs, tried in order; the first that handles the message wins.
// Each handler runs inside an error boundary: one failing handler never takes the bot down.
import type { App, MsgContext } from './app.js'
import { reply } from './app.js'

export type Handler = (app: App, ctx: MsgContext) => Promise<boolean> | boolean

export interface Route { name: string; handle: Handler }

export async function route(routes: readonly Route[], app: App, ctx: MsgContext): Promise<string | null> {
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
