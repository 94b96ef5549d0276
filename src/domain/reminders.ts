// Who is reminded of what, on which day. Pure: a function of the branch, its ledger and the day.
// A reminder falls `offset` days before the due date, moved to the previous workday; each person
// gets one message a day listing everything due; met obligations are never mentioned.
import type { ActivityRecord, Branch, DateStr, ObligationStatus } from './types.js'
import { obligationsOn } from './obligations.js'
import { periodOf } from './periods.js'
import { addDays } from './time.js'
import { nextWorkday, previousWorkday } from './workdays.js'
import { branchOn } from './roster.js'

export interface PersonReminder { key: string; person: string; items: ObligationStatus[] }
export interface ReminderPlan { personal: PersonReminder[]; group: { key: string; mentions: string[]; items: ObligationStatus[] } | null; overdue: PersonReminder[] }

function byPerson(branch: Branch, day: DateStr, items: ObligationStatus[], prefix: string): PersonReminder[] {
  const people = new Map<string, ObligationStatus[]>()
  for (const o of items) for (const p of o.responsible) people.set(p, [...(people.get(p) ?? []), o])
  return [...people].map(([person, list]) => ({ key: `${prefix}:${branch.id}:${day}:${person}`, person, items: list }))
}

/** Unmet obligations whose reminder day (after moving off holidays) is `day`. */
export function dueReminders(branch: Branch, activities: readonly ActivityRecord[], day: DateStr): ObligationStatus[] {
  return obligationsOn(branch, activities, day).filter((o) => !o.met && o.due >= day &&
    branch.reminders.offsets.some((off) => previousWorkday(addDays(o.due, -off)) === day))
}

/** Obligations whose period ended unmet, reported on the first workday after the due date. */
export function overdueOn(branch: Branch, activities: readonly ActivityRecord[], day: DateStr): ObligationStatus[] {
  const out: ObligationStatus[] = []
  for (const unit of ['month', 'quarter', 'year'] as const) {
    const lastDue = addDays(periodOf(day, unit).from, -1)
    if (nextWorkday(addDays(lastDue, 1)) !== day) continue
    out.push(...obligationsOn(branch, activities, lastDue).filter((o) => !o.met && o.due === lastDue && branch.obligations.some((r) => r.kind === o.kind && r.period === unit)))
  }
  return out
}

export function reminderPlan(all: Branch, activities: readonly ActivityRecord[], day: DateStr): ReminderPlan {
  // only those on the roster today are reminded, also of a period that ended while they were on it
  const branch = branchOn(all, day)
  if (!branch.reminders.enabled) return { personal: [], group: null, overdue: [] }
  const due = dueReminders(branch, activities, day)
  const mentions = [...new Set(due.flatMap((o) => o.responsible))]
  return {
    personal: branch.reminders.privateMessage ? byPerson(branch, day, due, 'remind') : [],
    group: due.length && branch.reminders.mentionInGroup ? { key: `remind-group:${branch.id}:${day}`, mentions, items: due } : null,
    overdue: byPerson(branch, day, overdueOn(branch, activities, day), 'overdue'),
  }
}
