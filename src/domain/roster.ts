// Roster look-ups (placeholder until the full roster module lands).
import type { Branch, Member } from './types.js'

/** The roster member behind a sender's names: exact name/alias first, then a WeChat name containing the roster name. */
export function resolveMember(branch: Branch, names: string[]): Member | null {
  for (const n of names) {
    const m = branch.members.find((x) => x.name === n || x.aliases.includes(n))
    if (m) return m
  }
  for (const n of names) {
    const hits = branch.members.filter((x) => n.includes(x.name))
    if (hits.length === 1) return hits[0]!
  }
  return null
}
