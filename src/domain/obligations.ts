// Where each "三会一课" obligation stands at a moment: its current period, required and held
// counts (from the ledger), met or not, the due date, and who is responsible. Pure.
import type { ActivityRecord, Branch, ObligationRule, ObligationStatus } from './types.js'
import { periodOf } from './periods.js'
import { dayOf } from './time.js'
import { branchOn } from './roster.js'

/** Responsible people: the rule's own list (roles or names), else the secretaries — plus the
 *  党小组长 for a 党小组会 (《支部工作条例》第十三条: 党小组会由党小组长召集). */
export function responsibleFor(branch: Branch, rule: ObligationRule, group: string | null): string[] {
  if (rule.responsible.length) {
    const out = new Set<string>()
    for (const r of rule.responsible) {
      for (const m of branch.members) if (m.name === r || (m.role === r && (!group || m.group === group))) out.add(m.name)
      if (r === '党小组长' && group) { const l = branch.groups.find((g) => g.name === group)?.leader; if (l) out.add(l) }
    }
    return [...out]
  }
  const leader = group ? branch.groups.find((g) => g.name === group)?.leader ?? null : null
  return [...new Set([...(leader ? [leader] : []), ...branch.secretaries])]
}

export function obligationsOn(branch: Branch, activities: readonly ActivityRecord[], day: string): ObligationStatus[] {
  const out: ObligationStatus[] = []
  // the responsible are those on the roster that day: a member who has left is not reminded
  const today = branchOn(branch, day)
  for (const rule of branch.obligations) {
    if (!rule.enabled || rule.count <= 0) continue
    const p = periodOf(day, rule.period)
    const scopes = rule.scope === 'group' ? branch.groups.map((g) => g.name) : [null]
    for (const group of scopes) {
      const held = activities.filter((a) => a.kind === rule.kind && a.date !== null && a.date >= p.from && a.date <= p.to && (group === null || a.group === group)).length
      out.push({ kind: rule.kind, group, period: p.key, periodStart: p.from, due: p.to, required: rule.count, held, met: held >= rule.count, responsible: responsibleFor(today, rule, group) })
    }
  }
  return out
}
