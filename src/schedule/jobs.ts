// The scheduled jobs, assembled in one place. Each job knows when it runs for a branch and sends
// at most once per key (state.sent), so a restart never repeats a message.
import type { App } from '../bot/app.js'
import { checkinFigures } from '../domain/checkin-stats.js'
import { dayOf } from '../domain/time.js'
import type { Branch } from '../domain/types.js'
import { addDays, daysBetween, instantAt, monthDay, monthEnd, previousMonth } from '../domain/time.js'
import { announcementView, periodName, periodWord } from '../report/views.js'
import { reminderPlan } from '../domain/reminders.js'
import { obligationsOn } from '../domain/obligations.js'
import { nextWorkday } from '../domain/workdays.js'
import { buildSummary } from '../report/post.js'
import { splitMessages } from '../report/model.js'
import type { OutMessage } from '../bot/outbox.js'
import { monthChartPng } from '../report/month-chart.js'
import { loadDocx } from '../report/lazy.js'
import type { ActivityRecord, ObligationStatus } from '../domain/types.js'
import { periodOf, unitOfKey } from '../domain/periods.js'
import { branchOn } from '../domain/roster.js'
import type { Job } from './scheduler.js'

async function todayCheckins(app: App, branch: Branch, day: string) {
  const recs = await app.store.checkins(branch.id, { month: day.slice(0, 7) })
  return checkinFigures(branch, recs, day, day)
}

/**
 * Sends notices once per key. They are in the durable queue before the key is marked sent: a
 * crash in between makes the job run again, and the queue's dedupe key keeps it from doubling.
 */
async function sendOnce(app: App, key: string, msgs: Omit<OutMessage, 'kind' | 'key'>[]): Promise<void> {
  if (app.state.wasSent(key)) return
  msgs.forEach((m, i) => app.outbox.enqueue({ ...m, kind: 'notice', key: `${key}#${i}` }))
  await app.outbox.persisted()
  await app.state.markSent(key, app.now().getTime())
}

/** Sends a notice to each of the branch's rooms once per key. */
async function postOnce(app: App, branch: Branch, key: string, text: string): Promise<void> {
  await sendOnce(app, key, branch.rooms.map((room) => ({ to: { room }, text })))
}

/** ack mode `digest`: one message at set times saying who has checked in today. */
const digest: Job = {
  name: '打卡汇总',
  when: (b) => (b.checkin.ack === 'digest' ? b.checkin.digestTimes.map((t) => ({ daily: t })) : []),
  async run(app, branch, at, catchUp) {
    const day = dayOf(at)
    if (catchUp && day !== dayOf(app.now())) return // yesterday's digest is no news
    const f = await todayCheckins(app, branch, day)
    const text = app.templates.render('checkin-digest', {
      date: monthDay(day), count: f.members, roster: f.roster,
      names: f.byMember.map((m) => m.name).join('、') || null, minutes: f.minutes,
    })
    await postOnce(app, branch, `digest:${branch.id}:${day}:${at.toISOString().slice(11, 16)}`, text)
  },
}

/** Optional daily nudge: how many have not checked in today; names only if configured. */
const nudge: Job = {
  name: '打卡提醒',
  when: (b) => (b.checkin.nudge.enabled ? [{ daily: b.checkin.nudge.time }] : []),
  async run(app, branch, at, catchUp) {
    const day = dayOf(at)
    if (catchUp && day !== dayOf(app.now())) return
    const f = await todayCheckins(app, branch, day)
    if (!f.missing.length) return
    const text = app.templates.render('checkin-nudge', { count: f.missing.length, names: branch.checkin.nudge.names ? f.missing.join('、') : null })
    await postOnce(app, branch, `nudge:${branch.id}:${day}`, text)
  },
}

/** Announced meetings: the day before, an hour before, and a request to report once the day has passed. */
const meetingNotices: Job = {
  name: '会议预告提醒',
  when: () => [{ every: 15 }],
  async run(app, branch, at) {
    const today = dayOf(at)
    const t = at.getTime()
    const months = [...new Set([addDays(today, -3), today, addDays(today, 1)].map((d) => d.slice(0, 7)))]
    for (const m of months) {
      for (const a of await app.store.announcements(branch.id, { month: m })) {
        const start = instantAt(a.date, a.time ?? '09:00').getTime()
        const eve = instantAt(addDays(a.date, -1), branch.reminders.time).getTime()
        if (t >= eve && t < start && a.date !== dayOf(new Date(a.at))) {
          await postOnce(app, branch, `ann-eve:${a.id}`, app.templates.render('announce-eve', announcementView(a)))
        }
        if (a.time && t >= start - 3600_000 && t < start) {
          await postOnce(app, branch, `ann-hour:${a.id}`, app.templates.render('announce-hour', announcementView(a)))
        }
        const followUp = instantAt(addDays(a.date, 1), branch.reminders.time).getTime()
        if (t >= followUp && t < followUp + 3 * 86400_000 && !app.state.wasSent(`ann-report:${a.id}`)) {
          const held = (await app.store.activities(branch.id, { month: a.date.slice(0, 7) })).some((x) => x.kind === a.kind && x.date === a.date && (!a.group || x.group === a.group))
          if (held) continue
          await sendOnce(app, `ann-report:${a.id}`, [{ to: { contact: a.announcer }, text: app.templates.render('announce-report', { name: a.announcer, ...announcementView(a) }) }])
        }
      }
    }
  },
}

const cn = monthDay
const itemView = (o: ObligationStatus) => ({ ...o, due: cn(o.due), periodLabel: periodWord(o.period) })
/** a coming deadline, with how far off it is: the 7-, 3- and 1-day reminders must not read alike */
const comingView = (day: string) => (o: ObligationStatus) => {
  const n = daysBetween(day, o.due)
  return { ...itemView(o), dueToday: n === 0, dueTomorrow: n === 1, daysLeft: n >= 2 ? n : null }
}
/** an overdue item's period is a past one: name it */
const pastView = (o: ObligationStatus) => ({ ...itemView(o), periodLabel: unitOfKey(o.period) === 'quarter' ? `${o.period.slice(0, 4)}年${periodName(o.period)}` : periodName(o.period) })

/** On the first workday of a quarter: what this quarter and each month require. */
async function quarterPlan(app: App, branch: Branch, day: string, acts: ActivityRecord[]): Promise<void> {
  const q = periodOf(day, 'quarter')
  if (nextWorkday(q.from) !== day) return
  const all = obligationsOn(branch, acts, day)
  const text = app.templates.render('quarter-plan', {
    quarter: q.label,
    quarterItems: all.filter((o) => o.period === q.key),
    monthItems: all.filter((o) => /^\d{4}-\d{2}$/.test(o.period)).filter((o, i, xs) => o.group === null || xs.findIndex((x) => x.kind === o.kind) === i).map((o) => ({ ...o, group: o.group ? '每个党小组' : null })),
    yearItems: all.some((o) => unitOfKey(o.period) === 'year' && !o.met) ? { items: all.filter((o) => unitOfKey(o.period) === 'year' && !o.met) } : null,
  })
  await postOnce(app, branch, `plan:${branch.id}:${q.key}`, text)
}

/** "三会一课" deadlines: private reminders, one group message with @-mentions, overdue reports. */
const deadlineReminders: Job = {
  name: '三会一课到期提醒',
  when: (b) => (b.reminders.enabled ? [{ daily: b.reminders.time }] : []),
  async run(app, branch, at, catchUp) {
    const day = dayOf(at)
    const today = dayOf(app.now())
    const paused = app.state.data.paused[branch.id]
    if (paused && paused >= day) return
    const year = periodOf(addDays(day, -1), 'year')
    const acts = await app.store.activities(branch.id, { from: year.from, to: today })
    const plan = reminderPlan(branch, acts, day)
    // late (after downtime): only what is still unmet and not yet past its due date
    const keep = (o: ObligationStatus) => !catchUp || o.due >= today
    for (const p of plan.personal) {
      const items = p.items.filter(keep)
      if (!items.length || app.state.wasSent(p.key)) continue
      await sendOnce(app, p.key, [{ to: { contact: p.person }, text: app.templates.render('remind-personal', { name: p.person, items: items.map(comingView(today)) }) }])
    }
    if (plan.group && plan.group.items.some(keep) && !app.state.wasSent(plan.group.key)) {
      const items = plan.group.items.filter(keep)
      const mentions = [...new Set(items.flatMap((o) => o.responsible))]
      await sendOnce(app, plan.group.key, branch.rooms.map((room) => ({ to: { room }, text: app.templates.render('remind-group', { items: items.map(comingView(today)) }), mentions })))
    }
    if (branch.reminders.quarterPlan) await quarterPlan(app, branch, day, acts)
    for (const p of plan.overdue) {
      if (app.state.wasSent(p.key)) continue
      await sendOnce(app, p.key, [{ to: { contact: p.person }, text: app.templates.render('remind-overdue', { name: p.person, items: p.items.map(pastView) }) }])
    }
  },
}

/** The monthly summary of the previous month, on the configured day and time; once per month. */
const monthlySummary: Job = {
  name: '月度小结',
  when: (b) => (b.summary.enabled ? [{ monthly: { day: b.summary.day, time: b.summary.time } }] : []),
  async run(app, branch, at) {
    const month = previousMonth(dayOf(at).slice(0, 7))
    // after downtime only the latest month is posted, and only within that month
    if (previousMonth(dayOf(app.now()).slice(0, 7)) !== month) return
    const key = `summary:${branch.id}:${month}`
    if (app.state.wasSent(key)) return
    const { text, model } = await buildSummary(app, branch, month)
    // everything rendered first, then marked sent and queued at once: a crash while the chart and
    // the Word file are drawn must not leave the summary marked sent but never posted
    const chart = branch.summary.chart ? monthChartPng(`${branch.name}${month.slice(0, 4)}年${model.month}月学习打卡`, model.figures) : null
    let docx: { name: string; data: Buffer } | null = null
    if (branch.summary.docx) {
      const ledger = await app.store.activities(branch.id, { month })
      docx = { name: `${model.title}.docx`, data: await (await loadDocx()).summaryDocx(model, text, ledger) }
    }
    const msgs: Omit<OutMessage, 'kind' | 'key'>[] = []
    for (const room of branch.rooms) {
      for (const part of splitMessages(text)) msgs.push({ to: { room }, text: part })
      if (chart) msgs.push({ to: { room }, file: { name: `${month}学习打卡统计.png`, data: chart } })
    }
    if (docx) for (const s of branchOn(branch, dayOf(app.now())).secretaries) msgs.push({ to: { contact: s }, file: docx })
    await sendOnce(app, key, msgs)
    await app.state.setPosted(`${branch.id}:${month}`, { ...(await monthFigures(app, branch, month)), at: app.now().getTime() })
  },
}

/** What a posted summary states, to compare with the records later. */
async function monthFigures(app: App, branch: Branch, month: string): Promise<{ memberDays: number; activities: number }> {
  const checkins = await app.store.checkins(branch.id, { month })
  const activities = (await app.store.activities(branch.id, { month })).filter((r) => (r.date ?? '').startsWith(month)).length
  return { memberDays: checkinFigures(branch, checkins, `${month}-01`, monthEnd(month)).memberDays, activities }
}

/**
 * A 补卡 or a late report changes a month whose summary is already posted (and perhaps handed
 * upward): the secretaries are told once a day, all changes in one message, never silently.
 */
const lateChanges: Job = {
  name: '已发布月份的变动',
  when: (b) => (b.summary.enabled ? [{ daily: '18:00' }] : []),
  async run(app, branch, at) {
    const day = dayOf(at)
    for (const month of [previousMonth(day.slice(0, 7)), previousMonth(previousMonth(day.slice(0, 7)))]) {
      const posted = app.state.data.posted?.[`${branch.id}:${month}`]
      if (!posted) continue
      const now = await monthFigures(app, branch, month)
      if (now.memberDays === posted.memberDays && now.activities === posted.activities) continue
      const text = app.templates.render('late-change', {
        branch: branch.name, label: `${month.slice(0, 4)}年${Number(month.slice(5))}月`, month, posted: cn(dayOf(posted.at)),
        checkins: now.memberDays !== posted.memberDays ? { before: posted.memberDays, after: now.memberDays } : null,
        activities: now.activities !== posted.activities ? { before: posted.activities, after: now.activities } : null,
      })
      // one notice per state of the month: the same change is not told twice
      await sendOnce(app, `late:${branch.id}:${month}:${now.memberDays}:${now.activities}`, branchOn(branch, day).secretaries.map((s) => ({ to: { contact: s }, text })))
    }
  },
}

const maintenance: Job = {
  name: '日常维护',
  when: () => [{ daily: '03:30' }],
  async run(app) {
    await app.seen.expire(app.now())
  },
}

export const JOBS: readonly Job[] = [deadlineReminders, monthlySummary, lateChanges, digest, nudge, meetingNotices, maintenance]
