// Figures about check-ins (学习打卡), computed from records. Pure.
// DESIGN.md: memberDays counts (roster member, date) pairs with at least one check-in; members
// counts roster members with at least one; rate = members / roster; non-roster senders never count.
// The roster is that of the period (issue 14.8): everyone on it any day of from..to, each counted
// only on their own days; rosterDays (their days on it) is the denominator of dayRate.
import type { Branch, CheckinRecord, DateStr } from './types.js'
import { addDays, dayNumber } from './time.js'
import { daysOnRoster, onRosterOn, rosterDuring } from './roster.js'

export interface MemberFigures { name: string; days: number; minutes: number; points: number | null }

export interface CheckinFigures {
  roster: number
  /** sum over the period's roster of the days each was on it */
  rosterDays: number
  memberDays: number
  members: number
  rate: number
  /** memberDays / rosterDays: how many of the days members could check in, they did */
  dayRate: number
  minutes: number
  avgMinutes: number
  pointsAvg: number | null
  byMember: MemberFigures[]
  missing: string[]
  perDay: { date: DateStr; members: number }[]
  topTitles: { title: string; count: number }[]
}

export function inRange(r: CheckinRecord, from: DateStr, to: DateStr): boolean {
  return r.date >= from && r.date <= to
}

export function checkinFigures(branch: Branch, checkins: readonly CheckinRecord[], from: DateStr, to: DateStr): CheckinFigures {
  const period = rosterDuring(branch, from, to)
  const roster = period.map((m) => m.name)
  const byName = new Map(period.map((m) => [m.name, m]))
  const days = new Map<string, Set<DateStr>>()
  const minutes = new Map<string, number>()
  const pointsByDay = new Map<string, number>() // member|date -> best points that day
  const titles = new Map<string, number>()
  for (const r of checkins) {
    const m = byName.get(r.member)
    if (r.type !== 'checkin' || !m || !inRange(r, from, to) || !onRosterOn(m, r.date)) continue
    if (!days.has(r.member)) days.set(r.member, new Set())
    days.get(r.member)!.add(r.date)
    minutes.set(r.member, (minutes.get(r.member) ?? 0) + (r.minutes ?? 0))
    if (r.points !== null) {
      const k = `${r.member}|${r.date}`
      pointsByDay.set(k, Math.max(pointsByDay.get(k) ?? 0, r.points))
    }
    for (const t of r.titles) titles.set(t, (titles.get(t) ?? 0) + 1)
  }
  const memberPoints = new Map<string, number[]>()
  for (const [k, p] of pointsByDay) {
    const name = k.split('|')[0]!
    memberPoints.set(name, [...(memberPoints.get(name) ?? []), p])
  }
  const byMember = roster
    .map((name, i) => ({ name, i, days: days.get(name)?.size ?? 0, minutes: minutes.get(name) ?? 0, points: memberPoints.has(name) ? sum(memberPoints.get(name)!) : null }))
    .filter((m) => m.days > 0)
    .sort((a, b) => b.days - a.days || b.minutes - a.minutes || a.i - b.i)
    .map(({ i: _i, ...m }) => m)
  const memberDays = byMember.reduce((n, m) => n + m.days, 0)
  const totalMinutes = byMember.reduce((n, m) => n + m.minutes, 0)
  const perDayMap = new Map<DateStr, number>()
  for (const s of days.values()) for (const d of s) perDayMap.set(d, (perDayMap.get(d) ?? 0) + 1)
  const perDay: { date: DateStr; members: number }[] = []
  for (let d = from; d <= to; d = addDays(d, 1)) perDay.push({ date: d, members: perDayMap.get(d) ?? 0 })
  const rosterDays = period.reduce((n, m) => n + daysOnRoster(m, from, to), 0)
  return {
    roster: roster.length,
    rosterDays,
    memberDays,
    members: byMember.length,
    rate: roster.length ? byMember.length / roster.length : 0,
    dayRate: rosterDays ? memberDays / rosterDays : 0,
    minutes: totalMinutes,
    avgMinutes: byMember.length ? Math.round(totalMinutes / byMember.length) : 0,
    pointsAvg: pointsByDay.size ? Math.round(sum([...pointsByDay.values()]) / pointsByDay.size) : null,
    byMember,
    missing: roster.filter((n) => !days.has(n)),
    perDay,
    topTitles: [...titles].map(([title, count]) => ({ title, count })).sort((a, b) => b.count - a.count || a.title.localeCompare(b.title)).slice(0, 5),
  }
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0)
}

/** Consecutive days with a check-in ending today, or yesterday when today has none yet. */
export function streak(member: string, checkins: readonly CheckinRecord[], today: DateStr): number {
  const dates = new Set<string>()
  for (const r of checkins) if (r.type === 'checkin' && r.member === member) dates.add(r.date)
  return streakOfDates(dates, today)
}

/** Consecutive days with a check-in, ending today (or yesterday, if today has none yet). */
export function streakOfDates(dates: ReadonlySet<DateStr>, today: DateStr): number {
  // day numbers, not date strings: this runs for every acknowledgement
  const days = new Set<number>()
  for (const d of dates) days.add(dayNumber(d))
  let d = dayNumber(today)
  if (!days.has(d)) d--
  let n = 0
  while (days.has(d)) { n++; d-- }
  return n
}

export interface MemberDay { minutes: number; points: number | null; count: number }

/** A member's credit on one day: minutes summed over that day's check-ins. */
export function memberDay(member: string, checkins: readonly CheckinRecord[], day: DateStr): MemberDay {
  let minutes = 0
  let points: number | null = null
  let count = 0
  for (const r of checkins) {
    if (r.type !== 'checkin' || r.member !== member || r.date !== day) continue
    count++
    minutes += r.minutes ?? 0
    if (r.points !== null) points = Math.max(points ?? 0, r.points)
  }
  return { minutes, points, count }
}
