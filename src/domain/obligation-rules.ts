// Default "三会一课" obligations and their sources (DESIGN.md "Meeting kinds and default obligations").
import type { Kind, ObligationRule, PeriodUnit } from './types.js'

const rule = (kind: Kind, period: PeriodUnit, scope: 'branch' | 'group' = 'branch'): ObligationRule =>
  ({ kind, count: 1, period, scope, responsible: [], enabled: true })

export const DEFAULT_OBLIGATIONS: readonly ObligationRule[] = [
  rule('支部党员大会', 'quarter'), // 《中国共产党支部工作条例（试行）》第十一条 "一般每季度召开1次"
  rule('支部委员会', 'month'), // 第十二条 "一般每月召开1次"
  rule('党小组会', 'month', 'group'), // 第十三条 "一般每月召开1次", for each 党小组
  rule('党课', 'quarter'), // common local rule "党课每季度一次" (the 条例 sets none for branches)
  rule('主题党日', 'month'), // 第十六条 "每月相对固定1天"; 《党员教育管理工作条例》第十六条
  rule('组织生活会', 'year'), // 第十七条, usually in Q4
  rule('民主评议党员', 'year'), // 第十八条
  rule('谈心谈话', 'year'), // 第十九条
]

export type ObligationOverride = Partial<Omit<ObligationRule, 'kind'>>

/** Defaults with a branch's overrides applied; kinds not in the defaults can be added. */
export function effectiveObligations(overrides: Partial<Record<Kind, ObligationOverride>> = {}): ObligationRule[] {
  const out = DEFAULT_OBLIGATIONS.map((r) => ({ ...r, ...(overrides[r.kind] ?? {}), kind: r.kind }))
  for (const [kind, o] of Object.entries(overrides) as [Kind, ObligationOverride][]) {
    if (!out.some((r) => r.kind === kind)) out.push({ ...rule(kind, 'month'), ...o, kind })
  }
  return out
}
