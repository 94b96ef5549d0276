// Chinese numerals as people type them in chat: 二十, 四十五, 两, 俩, 一百二, 一百零五, 廿, 二零二六.
// Pure and small on purpose: durations, dates and head-counts all go through here.

const DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 俩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
}
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 }

/** The characters a Chinese numeral is written with (for building regexes). */
export const CN_CHARS = '零〇一二两俩三四五六七八九十百千万廿卅'
/** One Chinese numeral character, as a regex class. */
export const CN_NUM = `[${CN_CHARS}]`

const CN_ONLY = new RegExp(`^${CN_NUM}+$`)

/** '四十五' -> 45, '两' -> 2, '一百二' -> 120, '二零二六' -> 2026, '12' / '1.5' as numbers; null otherwise. */
export function parseNumber(input: string): number | null {
  const s = input.trim()
  if (/^\d{1,9}(?:\.\d{1,6})?$/.test(s)) return Number(s)
  if (!s || s.length > 12 || !CN_ONLY.test(s)) return null
  const t = s.replace(/廿/g, '二十').replace(/卅/g, '三十')
  if (!/[十百千万]/.test(t)) return positional(t)
  const wan = t.split('万')
  if (wan.length > 2) return null
  if (wan.length === 2) {
    const high = wan[0] ? withUnits(wan[0]) : 1
    const low = wan[1] ? withUnits(wan[1]) : 0
    return high === null || low === null ? null : high * 10000 + low
  }
  return withUnits(t)
}

/** 五 -> 5; 二零二六 -> 2026 (years, room numbers). 一二 / 两三 mean "one or two": not a number. */
function positional(s: string): number | null {
  if (s.length === 1) return DIGIT[s] ?? null
  if (s.length < 3 && !/[零〇]/.test(s)) return null
  let n = 0
  for (const ch of s) n = n * 10 + DIGIT[ch]!
  return n
}

/** A numeral below 万 written with 十/百/千, as people say it: 十五, 一百零五, 两千五 (= 2500). */
function withUnits(s: string): number | null {
  let total = 0
  let digit: number | null = null
  let lastUnit = Infinity
  let zeroGap = false // 一百零五: the 五 is units, not tens
  for (const ch of s) {
    const d = DIGIT[ch]
    if (d !== undefined) {
      // two digits in a row (二三十) is a range, not a number
      if (digit !== null && d !== 0) return null
      if (d === 0) zeroGap = true
      else digit = d
      continue
    }
    const u = UNIT[ch]
    if (u === undefined || u >= lastUnit) return null
    // 十五 says "one ten"; a bare 百 or 千 is not a count anyone types
    if (digit === null && u !== 10) return null
    total += (digit ?? 1) * u
    digit = null
    zeroGap = false
    lastUnit = u
  }
  if (digit !== null) {
    // 一百二 is 120 and 两千五 is 2500: a trailing digit right after 百/千 counts in the next unit down
    total += !zeroGap && lastUnit >= 100 && lastUnit !== Infinity ? digit * (lastUnit / 10) : digit
  }
  return total
}
