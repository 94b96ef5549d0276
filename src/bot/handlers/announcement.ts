// #预告: announced meetings. The group is reminded the day before and an hour before; if the day
// passes with no report of that meeting, the announcer is asked to report it.
import { randomUUID } from 'node:crypto'
import type { Command } from '../../messages/command.js'
import { parseAnnouncement } from '../../messages/announcement.js'
import { dayOf, isoShanghai } from '../../domain/time.js'
import type { AnnouncementRecord } from '../../domain/types.js'
import { announcementView } from '../../report/views.js'
import { reply, type App, type MsgContext } from '../app.js'

/** #预告 (officers; the command table checks who asks). */
export async function announce(app: App, ctx: MsgContext, cmd: Command): Promise<void> {
  if (!ctx.member) return
  const p = parseAnnouncement(cmd.rest, ctx.at, ctx.branch.groups.map((g) => g.name), dayOf(ctx.at))
  if ('error' in p) {
    reply(app, ctx, app.templates.render('announce-error', { name: ctx.member.name, noKind: p.error === 'no-kind', noDate: p.error === 'no-date', past: p.error === 'past' }))
    return
  }
  const rec: AnnouncementRecord = {
    type: 'announcement', id: randomUUID(), branch: ctx.branch.id, msgId: ctx.msgId, at: isoShanghai(ctx.at), text: ctx.text,
    announcer: ctx.member.name, ...p,
  }
  if (await app.store.hasMessage(ctx.branch.id, p.date.slice(0, 7), 'ledger', ctx.msgId)) return
  await app.store.add(rec)
  reply(app, ctx, app.templates.render('announce-ok', { name: ctx.member.name, ...announcementView(rec) }))
}
