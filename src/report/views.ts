// How records read in the bot's replies and notices, shared by the handlers and the jobs.
import { unitOfKey } from '../domain/periods.js'
import { monthDay } from '../domain/time.js'
import type { ActivityRecord, AnnouncementRecord } from '../domain/types.js'

/** How a current period is named in a reply: 本月, 本季度, 本年度. */
export function periodWord(key: string): string {
  return { month: '本月', quarter: '本季度', year: '本年度' }[unitOfKey(key)]
}

/** '2026-11' -> 11月, '2026-Q4' -> 第四季度, '2026' -> 2026年度: clear in any summary's span. */
export function periodName(key: string): string {
  const unit = unitOfKey(key)
  if (unit === 'quarter') return `第${'一二三四'[Number(key.slice(-1)) - 1]}季度`
  return unit === 'year' ? `${key}年度` : `${Number(key.slice(5))}月`
}

/** 缺席 as the ledger lists it: 刘洋（出差）、张三（原因未填）; null when nobody was absent. */
export function absentList(absent: ActivityRecord['absent']): string | null {
  return absent.length ? absent.map((a) => `${a.name}（${a.reason ?? '原因未填'}）`).join('、') : null
}

export function announcementView(a: AnnouncementRecord) {
  return { kind: a.kind, date: monthDay(a.date), time: a.time, place: a.place, group: a.group }
}

export function recordView(r: ActivityRecord) {
  return {
    kind: r.kind, date: r.date ? monthDay(r.date) : null, group: r.group, topic: r.topic, place: r.place, host: r.host, speaker: r.speaker, recorder: r.recorder,
    // said by templates/attendance.mustache
    attendance: r.attendees !== null ? { attendees: r.attendees, expected: r.expected, ofExpected: r.expected !== null } : null,
    absent: absentList(r.absent),
    photos: r.photos.length || null,
  }
}
