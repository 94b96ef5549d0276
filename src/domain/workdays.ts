// Workdays by the official calendar, with make-up workdays (调休), from the chinese-days package.
// For years the package has no data for yet it falls back to Monday–Friday: update the package
// each December when the State Council publishes the next year's holidays.
import chineseDays from 'chinese-days'
import type { DateStr } from './types.js'
import { addDays } from './time.js'

const cd = chineseDays as unknown as { isWorkday(d: string): boolean }

export function isWorkday(day: DateStr): boolean {
  return cd.isWorkday(day)
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
