// Roster look-ups: who a sender is, and what their role lets them do.
// A sender is a member only when one of their names *equals* a roster name or alias after width and
// spaces are normalised. Containment is never enough: "孙雅琴1", "孙孙雅琴" or "小孙雅琴" are strangers,
// or anyone could act as the secretary by choosing a group nickname.
import type { Branch, DateStr, Member } from './types.js'
import { daysBetween } from './time.js'

// zero-width, bidi embedding/override/isolate marks and other invisible format characters: a name
// holding one can look exactly like a roster name while being another string, so it is never one
const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF9-\uFFFB]/u
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'gu')
// C0/C1 controls (newlines included: no name holds one)
const CONTROL_ALL = /[\u0000-\u001F\u007F-\u009F]/gu

/** The name holds characters that hide or reorder text. */
export function hasHiddenCharacters(name: string): boolean {
  return INVISIBLE.test(name) || /[\u0000-\u001F\u007F-\u009F]/u.test(name)
}

/** A name made safe to show: hidden and control characters removed (the bot never echoes them). */
export function displayName(name: string): string {
  return name.replace(INVISIBLE_ALL, '').replace(CONTROL_ALL, '').trim()
}

/** The form names are compared in: full-width ASCII and the ideographic space as half-width, no spaces. */
export function nameKey(name: string): string {
  return name
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/gu, '')
    .toLowerCase()
}

/** The member whose name or alias equals this one, or null. */
export function memberNamed(branch: Branch, name: string): Member | null {
  if (!name || hasHiddenCharacters(name)) return null
  const k = nameKey(name)
  if (!k) return null
  return branch.members.find((m) => nameKey(m.name) === k || m.aliases.some((a) => nameKey(a) === k)) ?? null
}

/**
 * The roster member behind a sender's names (in-group alias, WeChat name, the bot's remark for them).
 * A sender who shows any name with hidden characters is nobody: that name was made to deceive.
 * Names pointing at two different members are ambiguous, so also nobody.
 */
export function resolveMember(branch: Branch, names: string[]): Member | null {
  const given = names.filter((n) => n && n.trim())
  if (given.some(hasHiddenCharacters)) return null
  const hits = new Set<Member>()
  for (const n of given) {
    const m = memberNamed(branch, n)
    if (m) hits.add(m)
  }
  return hits.size === 1 ? [...hits][0]! : null
}

/** Secretaries (书记, 副书记, 组织委员 unless the branch lists its own): ledger, summaries, reminders. */
export function isSecretary(branch: Branch, member: Member | null): boolean {
  return !!member && branch.secretaries.includes(member.name)
}

/** Committee members and 党小组长: may report meetings and announce them. */
export function isOfficer(branch: Branch, m: Member | null): boolean {
  return !!m && (m.role !== '党员' || branch.groups.some((g) => g.leader === m.name))
}

/**
 * The branch and member as seen for a sender whose identity is disputed (two WeChat accounts claim
 * the same member in one login): a plain member's rights only, so neither account can use
 * secretaries' or officers' commands until the secretaries sort it out.
 */
export function withoutPowers(branch: Branch, member: Member): { branch: Branch; member: Member } {
  return {
    branch: {
      ...branch,
      secretaries: branch.secretaries.filter((n) => n !== member.name),
      groups: branch.groups.map((g) => (g.leader === member.name ? { ...g, leader: null } : g)),
    },
    member: { ...member, role: '党员' },
  }
}

// ---- the roster over time (issue 14.8) ----
// A member may carry `joined` / `left` (both inclusive). A period counts everyone on the roster on
// any day of it; their check-ins count only on the days they were on it, and those days are their
// share of the day-rate denominator. Today's roster (who is reminded, who may act) is those on it today.

/** On the roster on this day. */
export function onRosterOn(m: Member, day: DateStr): boolean {
  return (!m.joined || m.joined <= day) && (!m.left || day <= m.left)
}

/** On the roster on at least one day of from..to. */
export function onRosterDuring(m: Member, from: DateStr, to: DateStr): boolean {
  return (!m.joined || m.joined <= to) && (!m.left || from <= m.left)
}

/** The members on the roster on this day, in roster order. */
export function rosterOn(branch: Branch, day: DateStr): Member[] {
  return branch.members.filter((m) => onRosterOn(m, day))
}

/** The members on the roster on any day of from..to, in roster order. */
export function rosterDuring(branch: Branch, from: DateStr, to: DateStr): Member[] {
  return branch.members.filter((m) => onRosterDuring(m, from, to))
}

/** How many days of from..to the member was on the roster. */
export function daysOnRoster(m: Member, from: DateStr, to: DateStr): number {
  const a = m.joined && m.joined > from ? m.joined : from
  const b = m.left && m.left < to ? m.left : to
  return a > b ? 0 : daysBetween(a, b) + 1
}

/**
 * The branch as it stands on a day: members who have left (or not yet joined) are not on it, so
 * they are neither secretaries nor group leaders, are not reminded, and are told nothing.
 */
export function branchOn(branch: Branch, day: DateStr): Branch {
  const members = rosterOn(branch, day)
  if (members.length === branch.members.length) return branch
  const here = new Set(members.map((m) => m.name))
  return {
    ...branch,
    members,
    secretaries: branch.secretaries.filter((n) => here.has(n)),
    groups: branch.groups.map((g) => (g.leader && !here.has(g.leader) ? { ...g, leader: null } : g)),
  }
}
