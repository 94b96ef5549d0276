// Calendar arithmetic in Asia/Shanghai, whatever the machine's TZ (CI runs in UTC).
// Pure: every function takes the instant it works from; nothing here reads the clock.
import type { DateStr } from './types.js'

export const TZ = 'Asia/Shanghai'
/** China has had no DST since 1991: a fixed offset is exact and much faster than Intl. */
const OFFSET_MS = 8 * 3600_000

/** 'YYYY-MM-DD' of the instant in Shanghai. */
export function dayOf(d: Date | number): DateStr {
  const t = new Date((typeof d === 'number' ? d : d.getTime()) + OFFSET_MS)
  return t.toISOString().slice(0, 10)
}

/** A calendar day as people write it: '2026-11-08' -> '11月8日'. */
export function monthDay(day: DateStr): string {
  return `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`
}

/** 'HH:mm' of the instant in Shanghai. */
export function clockOf(d: Date | number): string {
  const t = new Date((typeof d === 'number' ? d : d.getTime()) + OFFSET_MS)
  return t.toISOString().slice(11, 16)
}

/** The instant of a Shanghai wall-clock time on a day. */
export function instantAt(day: DateStr, hhmm = '00:00'): Date {
  return new Date(`${day}T${hhmm.length === 5 ? hhmm + ':00' : hhmm}+08:00`)
}

/** ISO-8601 with +08:00, as the transcript and the simulate output use. */
export function isoShanghai(d: Date | number): string {
  const t = new Date((typeof d === 'number' ? d : d.getTime()) + OFFSET_MS)
  return t.toISOString().slice(0, 19) + '+08:00'
}

/** Day arithmetic on 'YYYY-MM-DD' strings (calendar days, no time zone involved). */
export function addDays(day: DateStr, n: number): DateStr {
  const t = new Date(day + 'T00:00:00Z')
  t.setUTCDate(t.getUTCDate() + n)
  return t.toISOString().slice(0, 10)
}

/** Days since 1970-01-01 of a 'YYYY-MM-DD' (for fast day arithmetic in loops). */
export function dayNumber(day: DateStr): number {
  return Date.parse(day + 'T00:00:00Z') / 86400_000
}

/** Whole days from a to b (b - a). */
export function daysBetween(a: DateStr, b: DateStr): number {
  return Math.round((Date.parse(b + 'T00:00:00Z') - Date.parse(a + 'T00:00:00Z')) / 86400_000)
}

/** ISO weekday 1 (Mon) .. 7 (Sun) of a calendar day. */
export function weekday(day: DateStr): number {
  const w = new Date(day + 'T00:00:00Z').getUTCDay()
  return w === 0 ? 7 : w
}

/** Last calendar day of the month 'YYYY-MM'. */
export function monthEnd(month: string): DateStr {
  const [y, m] = month.split('-').map(Number)
  const t = new Date(Date.UTC(y!, m!, 0))
  return t.toISOString().slice(0, 10)
}

/** Minutes since midnight of 'HH:mm'. */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number)
  return h! * 60 + m!
}

/** 'YYYY-MM' of the month before. */
export function previousMonth(month: string): string {
  return addDays(`${month}-01`, -1).slice(0, 7)
}
