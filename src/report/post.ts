// Builds a period's summary from the store and posts it: the text to the group, split at paragraph
// boundaries; the chart and the Word file. Shared by the 1st-of-the-month job and #月报.
import type { OutFile, OutMessage } from '../domain/outgoing.js'
import type { RecordStore } from '../store/records.js'
import type { Templates } from '../templates.js'
import { periodOf, unitOfKey, type Period } from '../domain/periods.js'
import { addDays, dayOf } from '../domain/time.js'
import type { Branch } from '../domain/types.js'
import { monthChartPng } from './month-chart.js'
import { splitMessages, summaryModel, type SummaryModel } from './model.js'
import { loadDocx } from './lazy.js'

/** What building and posting a summary needs (the bot's App has all of it; the CLI passes a store). */
export interface SummaryDeps {
  store: RecordStore
  templates: Templates
  now: () => Date
  outbox: { enqueue(msg: OutMessage): void }
}

export async function buildSummary(app: Pick<SummaryDeps, 'store' | 'templates' | 'now'>, branch: Branch, monthOrPeriod: string | Period): Promise<{ model: SummaryModel; text: string }> {
  const period = typeof monthOrPeriod === 'string' ? periodOf(`${monthOrPeriod}-01`, 'month') : monthOrPeriod
  const next = periodOf(addDays(period.to, 1), unitOfKey(period.key))
  // a year of meetings (few, small files) for the obligations, and those of the next period
  // already held, so that 下步打算 does not plan them again; check-ins of the period only
  const meetings = { from: periodOf(period.from, 'year').from, to: next.to }
  const model = summaryModel({
    branch, period, today: dayOf(app.now()),
    checkins: await app.store.checkins(branch.id, { from: period.from, to: period.to }),
    activities: await app.store.activities(branch.id, meetings),
    announcements: (await app.store.announcements(branch.id, meetings)).filter((a) => a.date >= period.from),
  })
  return { model, text: app.templates.render('monthly-summary', model) }
}

export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}

export function postText(app: SummaryDeps, room: string, text: string): void {
  for (const part of splitMessages(text)) app.outbox.enqueue({ to: { room }, text: part, kind: 'notice' })
}

/** The chart as posted (members with no check-in named only where the branch names them). */
export function summaryChart(branch: Branch, model: SummaryModel): OutFile {
  return { name: `${model.periodKey}学习打卡统计.png`, data: monthChartPng(model.chartTitle, model.figures, { nameMissing: branch.summary.nameMissingMembers, periodWord: model.periodWord }) }
}

/** The Word file, with the chart inside and the period's ledger as a table. */
export async function summaryWord(app: Pick<SummaryDeps, 'store'>, branch: Branch, model: SummaryModel, text: string, chart?: OutFile): Promise<OutFile> {
  const ledger = await app.store.activities(branch.id, { from: model.from, to: model.to })
  return { name: `${model.title}.docx`, data: await (await loadDocx()).summaryDocx(model, text, ledger, { chart: (chart ?? summaryChart(branch, model)).data }) }
}

/**
 * #月报 on request: the Word file and the chart go privately to the secretary who asked; the group
 * gets only what the branch posts there anyway (the text when summaries are posted, the chart when
 * `summary.chart` is on). Asked in a private chat, everything is private.
 */
export async function summaryOnRequest(app: SummaryDeps, branch: Branch, month: string, askerName: string, room: string | null): Promise<void> {
  const { model, text } = await buildSummary(app, branch, month)
  const chart = summaryChart(branch, model)
  const word = await summaryWord(app, branch, model, text, chart)
  const toGroup = room !== null && branch.summary.enabled
  if (toGroup) {
    postText(app, room, text)
    if (branch.summary.chart) app.outbox.enqueue({ to: { room }, file: chart, kind: 'reply' })
  } else {
    for (const part of splitMessages(text)) app.outbox.enqueue({ to: { contact: askerName }, text: part, kind: 'reply' })
  }
  const me = { contact: askerName }
  app.outbox.enqueue({ to: me, file: word, kind: 'reply' })
  app.outbox.enqueue({ to: me, file: chart, kind: 'reply' })
  app.outbox.enqueue({ to: me, text: app.templates.render('summary-files', { name: askerName, title: model.title, posted: toGroup }), kind: 'reply' })
}
