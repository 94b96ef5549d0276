// How records read in the bot's replies and notices, shared by the handlers and the jobs.
import { monthDay } from '../domain/time.js'
import type { ActivityRecord, AnnouncementRecord } from '../domain/types.js'

export function announcementView(a: AnnouncementRecord) {
  return { kind: a.kind, date: monthDay(a.date), time: a.time, place: a.place, group: a.group }
}

export function recordView(r: ActivityRecord) {
  return {
    kind: r.kind, date: r.date ? monthDay(r.date) : null, group: r.group, topic: r.topic, place: r.place, host: r.host, speaker: r.speaker, recorder: r.recorder,
    attendance: r.attendees !== null ? (r.expected !== null ? `实到${r.attendees}/应到${r.expected}` : `参加${r.attendees}人`) : null,
    absent: r.absent.length ? r.absent.map((a) => `${a.name}（${a.reason ?? '原因未填'}）`).join('、') : null,
    photos: r.photos.length || null,
  }
}
