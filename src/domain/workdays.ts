// Workdays by the official calendar, with make-up workdays (调休), from the chinese-days package's
// data. For years the package has no data for yet it falls back to Monday–Friday: update the package
// each December when the State Council publishes the next year's holidays.
//
// The data is read as plain 'YYYY-MM-DD' keys, not through the package's functions: those build
// their tables and read weekdays with the machine's local Date getters from UTC midnights, so west
// of UTC every day became the day before (reminders on Saturdays in New York). Here a day is a
// Shanghai calendar day and nothing depends on the machine's TZ.
import calendar from 'chinese-days/dist/chinese-days.json' with { type: 'json' }
import type { DateStr } from './types.js'
import { addDays, weekday } from './time.js'

const { holidays, workdays } = calendar as { holidays: Record<string, string>; workdays: Record<string, string> }

export function isWorkday(day: DateStr): boolean {
  if (day in workdays) return true
  if (day in holidays) return false
  return weekday(day) <= 5
}

/** The day itself if it is a workday, else the closest workday before it. */
export function previousWorkday(day: DateStr): DateStr {
  let d = day
  for (let i = 0; i < 30 && !isWorkday(d); i++) d = addDays(d, -1)
  return d
}

/** The day itself if it is a workday, else the closest workday after it. */
export function nextWorkday(day: DateStr): DateStr {
  let d = day
  for (let i = 0; i < 30 && !isWorkday(d); i++) d = addDays(d, 1)
  return d
}

const years = new Set(Object.keys(holidays).map((d) => d.slice(0, 4)))
/** Whether the day is a public holiday by the official calendar; null for a year it has no data for. */
export function publicHoliday(day: DateStr): boolean | null {
  return years.has(day.slice(0, 4)) ? day in holidays : null
}
