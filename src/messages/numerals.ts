// Chinese numerals as people type them in chat: 二十, 四十五, 两, 一百二, 十五, 廿.
const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 俩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 }

export const CN_NUM = '[零〇一二两俩三四五六七八九十百千廿]'

/** '四十五' -> 45, '两' -> 2, '一百二' -> 120, '12' -> 12; null when not a number. */
export function parseNumber(s: string): number | null {
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s)
  if (!s || !new RegExp(`^${CN_NUM}+$`).test(s)) return null
  s = s.replace(/廿/g, '二十')
  let total = 0
  let digit = 0
  let lastUnit = 1
  for (const ch of s) {
    if (ch in DIGIT) digit = DIGIT[ch]!
    else {
      const u = UNIT[ch]!
      total += (digit || (u === 10 ? 1 : 0)) * u
      digit = 0
      lastUnit = u
    }
  }
  // '一百二' means 120: a trailing digit after a unit counts in the next lower unit
  if (digit) total += lastUnit > 10 && !/[零〇]/.test(s) && s.length > 2 ? digit * (lastUnit / 10) : digit
  return total
}
