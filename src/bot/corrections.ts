// #更正 of someone else's record (issue 13): a secretary names whose (`#更正 陈明 地点 三楼会议室`) or
// quotes the record; the choice itself is pure (domain/ledger.ts correctionTarget). Kept apart from
// handlers/activity.ts so the correction flow there only asks "which record".
import { correctionTarget } from '../domain/ledger.js'
import { isSecretary, memberNamed } from '../domain/roster.js'
import { dayOf, previousMonth } from '../domain/time.js'
import type { ActivityRecord } from '../domain/types.js'
import { reply, type App, type MsgContext } from './app.js'

/**
 * null: the sender's own latest record, as before (with `args` possibly dropping their own name);
 * 'answered': refused or nothing found, already told; otherwise the record and the field words.
 */
export async function targetOfCorrection(app: App, ctx: MsgContext, args: string[]): Promise<{ record: ActivityRecord; whose: string; args: string[] } | { own: string[] } | 'answered'> {
  const today = dayOf(ctx.at)
  const records: ActivityRecord[] = []
  for (const m of [previousMonth(today.slice(0, 7)), today.slice(0, 7)]) {
    records.push(...(await app.store.activities(ctx.branch.id, { month: m })))
  }
  const t = correctionTarget({
    records, sender: ctx.member!.name, secretary: isSecretary(ctx.branch, ctx.member), args, quote: ctx.quote ?? null,
    memberOf: (n) => memberNamed(ctx.branch, n)?.name ?? null,
  })
  if (t.kind === 'own') return { own: t.args }
  if (t.kind === 'refused') {
    reply(app, ctx, app.templates.render('correction-not-allowed', { name: ctx.member!.name, whose: t.whose }))
    return 'answered'
  }
  if (t.kind === 'none') {
    reply(app, ctx, app.templates.render('correction-none', { name: ctx.member!.name, whose: t.whose }))
    return 'answered'
  }
  return { record: t.record, whose: t.whose, args: t.args }
}
