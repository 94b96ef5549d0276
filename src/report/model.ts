// The monthly summary model: every figure and list the summary states, computed from the records.
// Pure. The wording lives in templates/monthly-summary.mustache; nothing here invents an activity.
import { checkinFigures } from '../domain/checkin-stats.js'
import { missingElements } from '../domain/ledger.js'
import { obligationsOn } from '../domain/obligations.js'
import { periodOf, unitOfKey, type Period } from '../domain/periods.js'
import { periodName, periodWord } from './views.js'
import { addDays, monthDay, monthEnd } from '../domain/time.js'
import type { ActivityRecord, AnnouncementRecord, Branch, CheckinRecord, Kind, ObligationStatus } from '../domain/types.js'

const SAN_HUI_YI_KE: Kind[] = ['支部党员大会', '支部委员会', '党小组会', '党课']
const cn = monthDay

/**
 * Quotes inside quotes: GB/T 15834 nests them; the branch's convention (issue 16) is 『』 inside “”.
 * `depth` 1 is for text the template itself puts inside “…”: then every pair in it is inner.
 */
export function nestQuotes(s: string, depth = 0): string {
  let d = depth
  let out = ''
  for (const ch of s) {
    if (ch === '“' || ch === '「') { out += d > 0 ? '『' : '“'; d++ }
    else if ((ch === '”' || ch === '」') && d > 0) { d--; out += d > 0 ? '』' : '”' }
    else out += ch
  }
  return out
}

/** A phrase placed inside a sentence: no end punctuation of its own, nested quotes as 『』. */
export function clause(s: string | null): string | null {
  if (s === null) return null
  const t = nestQuotes(s.trim()).replace(/[。；;，,、.!！?？\s]+$/u, '')
  return t || null
}
const pct = (x: number) => `${(x * 100).toFixed(1)}%`

export interface SummaryInput {
  branch: Branch
  /** 'YYYY-MM', or a quarter / year period for the quarterly and yearly summaries */
  month?: string
  period?: Period
  checkins: readonly CheckinRecord[]
  /** activities of the whole year up to the month's end (obligations of quarters and years need them) */
  activities: readonly ActivityRecord[]
  announcements: readonly AnnouncementRecord[]
  /** when given, obligations not yet due on this day are not called problems (a period in progress) */
  today?: string
}

function meetingView(a: ActivityRecord, i = 0, all: readonly unknown[] = [a]) {
  return {
    date: a.date ? cn(a.date) : '日期未填', kind: a.kind, group: a.group, topic: clause(a.topic),
    // items of one kind run on in one sentence: "；" between, "。" after the last
    end: i === all.length - 1 ? '。' : '；',
    attendance: a.attendees !== null ? (a.expected ? `实到${a.attendees}人/应到${a.expected}人，出席率${pct(a.attendees / a.expected)}` : `参加${a.attendees}人`) : null,
    speaker: a.speaker, host: a.host,
  }
}

const PERIOD_RANK = { month: 0, quarter: 1, year: 2 } as const

/**
 * 下步打算: what the next period still requires, as of today. A meeting already held (reported
 * after the summarised period ended) is not planned again; a monthly duty in a quarter's plan is
 * one line for the months still ahead, not "每月应开1次，截止3月31日".
 */
function plansFor(i: SummaryInput, unit: 'month' | 'quarter' | 'year', next: Period): string[] {
  const { branch } = i
  const today = i.today ?? next.from
  const out: string[] = []
  for (const rule of branch.obligations) {
    if (!rule.enabled || rule.count <= 0) continue
    const scopes = rule.scope === 'group' ? branch.groups.map((g) => g.name) : [null]
    for (const group of scopes) {
      const who = group ?? ''
      const held = (p: Period) => i.activities.filter((a) => a.kind === rule.kind && a.date !== null && a.date >= p.from && a.date <= p.to && (group === null || a.group === group)).length
      if (PERIOD_RANK[rule.period] >= PERIOD_RANK[unit]) {
        // the rule's period ends within the next period (a year's duty in the last quarter's plan)
        const p = periodOf(next.to, rule.period)
        if (p.to < next.from || p.to > next.to || p.to < today) continue
        const left = rule.count - held(p)
        if (left <= 0) continue
        const every = rule.period === 'month' ? '每月' : rule.period === 'quarter' ? '每季度' : '每年'
        out.push(`${who}${rule.kind}（${every}应开${rule.count}次，${left < rule.count ? `还需${left}次，` : ''}截止${cn(p.to)}）`)
        continue
      }
      // a finer rule in a longer plan: the sub-periods still ahead and not yet done
      const ahead: Period[] = []
      for (let d = next.from; d <= next.to; d = addDays(periodOf(d, rule.period).to, 1)) {
        const p = periodOf(d, rule.period)
        if (p.to >= today && held(p) < rule.count) ahead.push(p)
      }
      if (!ahead.length) continue
      const names = ahead.map((p) => periodName(p.key))
      const span = ahead.length === 1 ? names[0] : `${names[0]}至${names.at(-1)}`
      const every = rule.period === 'month' ? '每月' : '每季度'
      out.push(`${who}${rule.kind}：${span}${ahead.length > 1 ? every : ''}召开${rule.count}次`)
    }
  }
  // announced meetings still ahead; one already reported as held is not a plan any more
  const announced = i.announcements
    .filter((a) => a.date >= next.from && a.date <= next.to && a.date >= today)
    .filter((a) => !i.activities.some((h) => h.kind === a.kind && h.date === a.date && (a.group === null || h.group === a.group)))
    .sort((a, b) => a.date.localeCompare(b.date))
  out.push(...announced.map((a) => `已预告：${cn(a.date)}${a.time ? ' ' + a.time : ''}${a.group ?? ''}${a.kind}${a.place ? `（${a.place}）` : ''}`))
  return out
}

function obligationProblem(o: ObligationStatus): string {
  const who = o.group ? `${o.group}` : '支部'
  return `${who}${periodName(o.period)}应召开${o.kind}${o.required}次，台账记录${o.held}次，未达到要求`
}

export function summaryModel(i: SummaryInput) {
  const { branch } = i
  const period = i.period ?? periodOf(`${i.month}-01`, 'month')
  const unit = unitOfKey(period.key)
  const { from, to } = period
  const monthNo = Number(to.slice(5, 7))
  const f = checkinFigures(branch, i.checkins, from, to)
  const inMonth = i.activities.filter((a) => a.date !== null && a.date >= from && a.date <= to).sort((a, b) => a.date!.localeCompare(b.date!))
  const meetings = SAN_HUI_YI_KE.map((kind) => ({ kind, items: inMonth.filter((a) => a.kind === kind).map(meetingView) }))
  const others = inMonth.filter((a) => !SAN_HUI_YI_KE.includes(a.kind)).map(meetingView)
  // obligations whose periods end within this period, as they stood at their ends
  const ending: ObligationStatus[] = []
  for (let m = from.slice(0, 7); m <= to.slice(0, 7); m = periodOf(addDays(monthEnd(m), 1), 'month').key) {
    ending.push(...obligationsOn(branch, i.activities, monthEnd(m)).filter((o) => o.due === monthEnd(m)))
  }
  const problems: string[] = ending.filter((o) => !o.met && (!i.today || o.due < i.today)).map(obligationProblem)
  if (f.roster && f.rate < branch.summary.participationThreshold) {
    problems.push(`学习打卡参与率为${pct(f.rate)}，低于支部确定的${pct(branch.summary.participationThreshold)}`)
  }
  for (const a of inMonth) {
    const miss = missingElements(a)
    if (miss.length) problems.push(`${a.date ? cn(a.date) : ''}${a.kind}台账记录缺少${miss.join('、')}`)
  }
  if (branch.summary.nameMissingMembers && f.missing.length) problems.push(`${periodWord(period.key)}未参加学习打卡的同志：${f.missing.join('、')}`)
  const next = periodOf(addDays(to, 1), unit)
  return {
    title: `${branch.name}${period.label}工作小结`,
    periodKey: period.key, from, to, chartTitle: `${branch.name}${period.label}学习打卡`,
    branch: branch.name, month: monthNo, periodWord: periodWord(period.key),
    study: {
      roster: f.roster, members: f.members, rate: pct(f.rate), memberDays: f.memberDays, minutes: f.minutes,
      hours: Math.round(f.minutes / 6) / 10, avgMinutes: f.avgMinutes, pointsAvg: f.pointsAvg,
      titles: f.topTitles.length ? f.topTitles.map((t) => `《${t.title}》`).join('、') : null,
      any: f.memberDays > 0,
    },
    meetings: meetings.map((m) => ({ ...m, none: m.items.length === 0 })),
    others, noOthers: others.length === 0,
    problems: problems.map((text, n) => ({ n: n + 1, text: clause(text)! })), noProblems: problems.length === 0,
    plans: plansFor(i, unit, next).map((text, n) => ({ n: n + 1, text: clause(text)! })),
    honorRoll: branch.summary.honorRoll && f.byMember.length ? f.byMember.slice(0, branch.summary.honorRollSize).map((m) => `${m.name}（${m.days}天）`).join('、') : null,
    figures: f,
  }
}

export type SummaryModel = ReturnType<typeof summaryModel>

/** A long summary goes out as several messages, split at paragraph boundaries, in order. */
export function splitMessages(text: string, max = 1500): string[] {
  const out: string[] = []
  let cur = ''
  for (const para of text.split(/\n{2,}/)) {
    const pieces = para.length > max ? para.split('\n') : [para]
    for (const p of pieces) {
      const sep = cur ? (pieces.length > 1 && cur ? '\n' : '\n\n') : ''
      if (cur && cur.length + sep.length + p.length > max) { out.push(cur); cur = p } else cur = cur + sep + p
    }
  }
  if (cur) out.push(cur)
  return out
}
