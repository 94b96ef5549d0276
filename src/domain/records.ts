// Telling records apart, and the day a record belongs to.
import { dayOf } from './time.js'
import type { ActivityRecord, AnnouncementRecord, CheckinRecord, DateStr, LedgerRecord } from './types.js'

export const isCheckin = (r: LedgerRecord): r is CheckinRecord => r.type === 'checkin'
export const isActivity = (r: LedgerRecord): r is ActivityRecord => r.type === 'activity'
export const isAnnouncement = (r: LedgerRecord): r is AnnouncementRecord => r.type === 'announcement'

/** The day a record counts for: a check-in's date, a meeting's date, else the day it was sent (Shanghai). */
export function recordDay(r: LedgerRecord): DateStr {
  return r.type === 'checkin' ? r.date : r.date ?? dayOf(new Date(r.at))
}
