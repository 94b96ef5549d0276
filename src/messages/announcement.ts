// #预告 支委会 11月25日14:30 三楼会议室: an announced meeting. Dates prefer the future.
import type { DateStr, Kind } from '../domain/types.js'
import { KIND_ALIASES, kindOf } from '../domain/kinds.js'
import { parseDatePhrase } from './dates.js'

export type AnnouncementParse =
  | { kind: Kind; date: DateStr; time: string | null; place: string | null; group: string | null }
  | { error: 'no-kind' | 'no-date' | 'past' }

/** `rest` is the text after the command word. */
export function parseAnnouncement(rest: string, now: Date, groups: string[], today: DateStr): AnnouncementParse {
  const kind = kindOf(rest)
  if (!kind) return { error: 'no-kind' }
  const when = parseDatePhrase(rest, now, 'future')
  if (!when) return { error: 'no-date' }
  if (when.date < today) return { error: 'past' }
  const group = groups.find((g) => rest.includes(g)) ?? null
  let place = rest.slice(0, when.index) + ' ' + rest.slice(when.index + when.length)
  for (const w of [...KIND_ALIASES.flatMap(([, ws]) => ws)].sort((a, b) => b.length - a.length)) place = place.replace(w, ' ')
  if (group) place = place.replace(group, ' ')
  place = place.replace(/地点[:：]?|在|于|召开|举行|开展/g, ' ').replace(/\s+/g, ' ').trim()
  return { kind, date: when.date, time: when.time, place: place || null, group }
}
