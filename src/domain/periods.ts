// Periods of the ledger and the obligations: month '2026-11', quarter '2026-Q4', year '2026'.
import type { DateStr, PeriodUnit } from './types.js'
import { monthEnd } from './time.js'

export interface Period { key: string; label: string; from: DateStr; to: DateStr }

/** The kind of period a key names: '2026-11' a month, '2026-Q4' a quarter, '2026' a year. */
export function unitOfKey(key: string): PeriodUnit {
  return key.includes('Q') ? 'quarter' : key.length === 4 ? 'year' : 'month'
}

export function periodOf(day: DateStr, unit: PeriodUnit): Period {
  const y = day.slice(0, 4)
  const m = Number(day.slice(5, 7))
  if (unit === 'month') return { key: day.slice(0, 7), label: `${y}年${m}月`, from: `${day.slice(0, 7)}-01`, to: monthEnd(day.slice(0, 7)) }
  if (unit === 'quarter') {
    const q = Math.ceil(m / 3)
    const first = `${y}-${String(q * 3 - 2).padStart(2, '0')}`
    return { key: `${y}-Q${q}`, label: `${y}年第${'一二三四'[q - 1]}季度`, from: `${first}-01`, to: monthEnd(`${y}-${String(q * 3).padStart(2, '0')}`) }
  }
  return { key: y, label: `${y}年`, from: `${y}-01-01`, to: `${y}-12-31` }
}

/** '2026-11', '2026Q4', '2026-Q4', '2026', '11月', '2026年11月' or nothing (this month). */
export function parsePeriodArg(arg: string | undefined, today: DateStr): Period | null {
  const a = (arg ?? '').trim()
  if (!a) return periodOf(today, 'month')
  let m = /^(\d{4})\s*[-/年.]?\s*(\d{1,2})\s*月?$/.exec(a)
  if (m && +m[2]! >= 1 && +m[2]! <= 12) return periodOf(`${m[1]}-${m[2]!.padStart(2, '0')}-01`, 'month')
  m = /^(\d{4})\s*[-年]?\s*(?:Q|q|第)([1-4一二三四])(?:季度)?$/.exec(a)
  if (m) { const q = '1234'.includes(m[2]!) ? +m[2]! : '一二三四'.indexOf(m[2]!) + 1; return periodOf(`${m[1]}-${String(q * 3).padStart(2, '0')}-01`, 'quarter') }
  m = /^(\d{4})\s*年?$/.exec(a)
  if (m) return periodOf(`${m[1]}-01-01`, 'year')
  m = /^(\d{1,2})\s*月$/.exec(a)
  if (m && +m[1]! >= 1 && +m[1]! <= 12) {
    let y = Number(today.slice(0, 4))
    if (+m[1]! > Number(today.slice(5, 7))) y -= 1
    return periodOf(`${y}-${m[1]!.padStart(2, '0')}-01`, 'month')
  }
  return null
}
