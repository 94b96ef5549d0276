// Days named by a festival, as branches date what they did: 七一当天, 建党节那天, 国庆节, 中秋那天上午,
// 重阳节, 清明节, 端午前一天. Fixed days by the solar calendar; the lunar festivals and 清明 from the
// chinese-days package.
//
// The package's solar-to-lunar reading (getLunarDate) gives the same lunar day for a date string in
// every TZ, so a lunar festival is found by reading the year's days; its lunar-to-solar and solar-term
// answers come out a day early west of UTC (中秋 2026 as 09-24 in New York), so 清明 is moved back by
// the machine's offset. Either way a day is a Shanghai calendar day whatever the machine's TZ.
import chineseDays from 'chinese-days'
import type { DateStr } from '../domain/types.js'
import { addDays, weekday } from '../domain/time.js'
import { isWorkday, publicHoliday } from '../domain/workdays.js'

const FIXED: Record<string, string> = {
  元旦: '01-01', 妇女节: '03-08', 三八节: '03-08', 五一: '05-01', 劳动节: '05-01', 五四: '05-04', 青年节: '05-04',
  学雷锋纪念日: '03-05', 学雷锋日: '03-05', 植树节: '03-12', 世界读书日: '04-23', 读书日: '04-23',
  七一: '07-01', 建党节: '07-01', 八一: '08-01', 建军节: '08-01', 教师节: '09-10', 国庆节: '10-01', 国庆: '10-01',
  // memorial days a branch marks with a 主题党日
  烈士纪念日: '09-30', 国家宪法日: '12-04', 宪法日: '12-04', 国家公祭日: '12-13', 公祭日: '12-13', 平安夜: '12-24',
  毛主席诞辰纪念日: '12-26', 毛泽东同志诞辰纪念日: '12-26', 毛泽东诞辰纪念日: '12-26', 毛主席诞辰: '12-26', 毛泽东同志诞辰: '12-26', 毛泽东诞辰: '12-26',
}
const LUNAR: Record<string, [number, number]> = {
  春节: [1, 1], 元宵: [1, 15], 元宵节: [1, 15], 端午: [5, 5], 端午节: [5, 5], 中秋: [8, 15], 中秋节: [8, 15], 重阳: [9, 9], 重阳节: [9, 9],
}

/** The festival words the date grammar reads (longest first). */
export const FESTIVAL_WORDS = [...Object.keys(FIXED), ...Object.keys(LUNAR), '除夕', '清明节', '清明'].sort((a, b) => b.length - a.length)

const westOfUtc = (y: number) => new Date(y, 6, 1).getTimezoneOffset() > 0
const cache = new Map<string, DateStr | null>()

/** The day in Gregorian `year` that is lunar month `m`, day `d` of lunar year `year` (not a leap month). */
function lunarInYear(year: number, m: number, d: number): DateStr | null {
  for (let day: DateStr = `${year}-01-01`; day.startsWith(String(year)); day = addDays(day, 1)) {
    const l = chineseDays.getLunarDate(day)
    if (l.lunarYear === year && l.lunarMon === m && l.lunarDay === d && !l.isLeap) return day
  }
  return null
}

/** The day of `word` in `year`, or null when the package has no data for it. */
export function festivalDay(word: string, year: number): DateStr | null {
  const key = `${word}:${year}`
  if (cache.has(key)) return cache.get(key)!
  let day: DateStr | null = null
  try {
    if (FIXED[word]) day = `${year}-${FIXED[word]}`
    else if (LUNAR[word] || word === '除夕') {
      const [m, d] = LUNAR[word] ?? [1, 1]
      const found = lunarInYear(year, m, d)
      day = found && (word === '除夕' ? addDays(found, -1) : found)
    } else if (word === '清明' || word === '清明节') {
      const solar = chineseDays.getSolarTermDate(year, 4, 'pure_brightness')
      if (/^\d{4}-\d{2}-\d{2}$/.test(solar)) day = addDays(solar, westOfUtc(year) ? 1 : 0)
    }
  } catch {
    day = null
  }
  cache.set(key, day)
  return day
}

/** The festival's day nearest `today` on the side asked for (a week's slack, like a month and day). */
export function nearestFestival(word: string, today: DateStr, prefer: 'past' | 'future'): DateStr | null {
  const y = Number(today.slice(0, 4))
  const days = [y - 1, y, y + 1].map((k) => festivalDay(word, k)).filter((d): d is DateStr => !!d)
  if (prefer === 'future') return days.find((d) => d >= addDays(today, -7)) ?? null
  const past = days.filter((d) => d <= addDays(today, 7)).at(-1) ?? null
  // 重阳节走访的事 said ten days before 重阳: the one ahead, not last year's, eleven months gone
  const next = days.find((d) => d > addDays(today, 7))
  if (next && (!past || past < addDays(today, -300)) && next <= addDays(today, 14)) return next
  return past
}

// The long holidays, for years the official calendar has no data for yet: 春节 from 除夕 for eight
// days, 劳动节 five, 国庆 seven, the others one.
const BLOCKS: [string, number][] = [['元旦', 1], ['除夕', 8], ['清明', 1], ['劳动节', 5], ['端午', 1], ['中秋', 1], ['国庆节', 7]]
function holiday(day: DateStr): boolean {
  const known = publicHoliday(day)
  if (known !== null) return known
  const y = Number(day.slice(0, 4))
  return BLOCKS.some(([w, n]) => { const start = festivalDay(w, y); return !!start && day >= start && day <= addDays(start, n - 1) })
}
const workday = (day: DateStr) => (publicHoliday(day) !== null ? isWorkday(day) : weekday(day) <= 5 && !holiday(day))

/**
 * 节后第一天: the first workday after a public holiday (not a mere weekend) — the latest on or before
 * `today` when it is at most ten days gone, else the next within two weeks, else null.
 */
export function firstDayBack(today: DateStr): DateStr | null {
  // (a holiday that ends on a Saturday: the days off before the workday include it)
  const back = (d: DateStr) => {
    if (!workday(d)) return false
    for (let k = addDays(d, -1), i = 0; i < 4 && !workday(k); k = addDays(k, -1), i++) if (holiday(k)) return true
    return false
  }
  for (let i = 0; i <= 10; i++) if (back(addDays(today, -i))) return addDays(today, -i)
  for (let i = 1; i <= 14; i++) if (back(addDays(today, i))) return addDays(today, i)
  return null
}

/** 腊月二十, 正月初二: the lunar month and day nearest `today` on the side asked for (a week's slack). */
export function nearestLunar(month: number, day: number, today: DateStr, prefer: 'past' | 'future'): DateStr | null {
  const step = prefer === 'past' ? -1 : 1
  try {
    for (let i = 0, d = addDays(today, -7 * step); i < 380; i++, d = addDays(d, step)) {
      const l = chineseDays.getLunarDate(d)
      if (l.lunarMon === month && l.lunarDay === day && !l.isLeap) return d
    }
  } catch {
    return null
  }
  return null
}
