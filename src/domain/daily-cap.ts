// A day's study has a ceiling (default 8 hours): three check-ins of "学习24小时" must not make a
// 72-hour day, and a flood of check-ins must not make 250. Past the ceiling the record is kept (the
// member did check in) but credited only up to the ceiling, so no summary shows an impossible day.
import type { CheckinRecord } from './types.js'

export const DEFAULT_DAILY_HOURS_CAP = 8

/** The ceiling in minutes, from the branch's `checkin.dailyHoursCap` (hours). */
export function dailyCapMinutes(settings: { dailyHoursCap?: number }): number {
  const h = settings.dailyHoursCap ?? DEFAULT_DAILY_HOURS_CAP
  return Math.round(Math.min(24, Math.max(0, h)) * 60)
}

/**
 * `fresh` check-ins with their minutes cut so that, with `existing` (the same member's records),
 * no (member, date) holds more than `capMinutes`. `clipped` is how many minutes were not credited.
 */
export function capToDay(existing: readonly CheckinRecord[], fresh: readonly CheckinRecord[], capMinutes: number): { records: CheckinRecord[]; clipped: number } {
  const used = new Map<string, number>()
  const key = (r: CheckinRecord) => `${r.member}\u0000${r.date}`
  for (const r of existing) used.set(key(r), (used.get(key(r)) ?? 0) + Math.max(0, r.minutes ?? 0))
  let clipped = 0
  const records = fresh.map((r) => {
    if (r.minutes === null || r.minutes === undefined) return r
    const before = used.get(key(r)) ?? 0
    const minutes = Math.max(0, Math.min(r.minutes, capMinutes - before))
    used.set(key(r), before + minutes)
    clipped += r.minutes - minutes
    return minutes === r.minutes ? r : { ...r, minutes }
  })
  return { records, clipped }
}
