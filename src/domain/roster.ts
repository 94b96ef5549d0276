// Roster look-ups: who a sender is, and what their role lets them do.
// A sender is a member only when one of their names *equals* a roster name or alias after width and
// spaces are normalised. Containment is never enough: "孙雅琴1", "孙孙雅琴" or "小孙雅琴" are strangers,
// or anyone could act as the secretary by choosing a group nickname.
import type { Branch, Member } from './types.js'

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
