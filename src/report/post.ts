// Builds a month's summary from the store and posts it: the text to the group, split at paragraph
// boundaries. Shared by the 1st-of-the-month job and #月报.
import type { App } from '../bot/app.js'
import { periodOf, type Period } from '../domain/periods.js'
import { dayOf, monthEnd } from '../domain/time.js'
import type { ActivityRecord, AnnouncementRecord, Branch, CheckinRecord } from '../domain/types.js'
import { splitMessages, summaryModel, type SummaryModel } from './model.js'

export async function buildSummary(app: Pick<App, 'store' | 'templates' | 'now'>, branch: Branch, monthOrPeriod: string | Period): Promise<{ model: SummaryModel; text: string }> {
  const period = typeof monthOrPeriod === 'string' ? periodOf(`${monthOrPeriod}-01`, 'month') : monthOrPeriod
  const to = period.to
  // a year of meetings (few, small files) for the obligations; check-ins of the period only
  const ledger = await app.store.range(branch.id, periodOf(period.from, 'year').from, to, 'ledger')
  const model = summaryModel({
    branch, period, today: dayOf(app.now()),
    checkins: (await app.store.range(branch.id, period.from, to, 'checkin')).filter((r): r is CheckinRecord => r.type === 'checkin'),
    activities: ledger.filter((r): r is ActivityRecord => r.type === 'activity' && (r.date ?? '') <= to),
    announcements: (await app.store.range(branch.id, period.from, monthEnd(nextMonth(to.slice(0, 7))), 'ledger')).filter((r): r is AnnouncementRecord => r.type === 'announcement'),
  })
  return { model, text: app.templates.render('monthly-summary', model) }
}

export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}

export function postText(app: App, room: string, text: string): void {
  for (const part of splitMessages(text)) app.outbox.enqueue({ to: { room }, text: part, kind: 'notice' })
}
