// A message written as a numbered list (①…②…, 1.…2.…, （一）…（二）…, 一、…二、…): its items, each with
// the words before the list (本周支部工作：), so an item is read with what the whole message says it is.
import { parseNumber } from './numerals.js'

// an item number: ① (1) （一） anywhere; 1. 1、 1） 一、 at the start of the text or after a break
const ITEM = /(?<circled>[①-⑳])|[（(]\s*(?<paren>\d{1,2}|[一二三四五六七八九十]{1,2})\s*[）)]|(?:^|[\s；;。，,：:])(?:(?<num>\d{1,2})\s*(?:[、．)）]|\.(?!\d{1,2}\s*[./]\d))|(?<cn>[一二三四五六七八九十]{1,2})\s*、)/g

export interface Item { head: string; own: string }
/** An item as read: with the words before the list. */
export const itemText = (i: Item): string => `${i.head}${i.head ? ' ' : ''}${i.own}`

/** The items of a list numbered from one without a gap, or null when the text is no such list. */
export function enumeratedItems(text: string): Item[] | null {
  const marks: { n: number; at: number; end: number; style: string }[] = []
  for (const m of text.matchAll(ITEM)) {
    const g = m.groups!
    const style = g.circled ? 'c' : g.paren ? `p${/\d/.test(g.paren) ? 'd' : 'h'}` : g.num ? 'd' : 'h'
    const raw = g.circled ? g.circled.charCodeAt(0) - 0x2460 + 1 : parseNumber((g.paren ?? g.num ?? g.cn)!)
    if (raw === null || raw === undefined || Number.isNaN(raw)) continue
    marks.push({ n: raw, at: m.index + (m[0].length - m[0].trimStart().length) + (/^[；;。，,：:]/.test(m[0]) ? 1 : 0), end: m.index + m[0].length, style })
  }
  // the chain 1, 2, 3 … in one style, in order
  for (const first of marks.filter((k) => k.n === 1)) {
    const chain = [first]
    for (const k of marks) if (k.at > chain.at(-1)!.at && k.style === first.style && k.n === chain.length + 1) chain.push(k)
    if (chain.length < 2) continue
    const head = text.slice(0, first.at).trim()
    return chain.map((k, i) => ({ head, own: text.slice(k.end, chain[i + 1]?.at ?? text.length).trim() }))
  }
  return null
}
