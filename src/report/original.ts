// Records keep the parser's normalised fields (half-width "," ":" "()" for matching) and the message
// exactly as sent. What a secretary reads in the ledger — 议题, 内容 — is shown with the sender's own
// punctuation: the span of the original text that normalises to the field. Pure.
import { normalize } from '../messages/text.js'

/** The part of `original` that normalises to `value`; `value` itself when it is not found there. */
export function originalSpan(original: string | null | undefined, value: string | null): string | null {
  if (value === null || !original) return value
  if (original.includes(value)) return value
  // normalise character by character, remembering where each normalised character came from
  let norm = ''
  const from: number[] = []
  const chars = [...original]
  let at = 0
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!
    const n = ch === '\r' && chars[i + 1] === '\n' ? '' : normalize(ch)
    for (const c of n) { norm += c; from.push(at) }
    at += ch.length
  }
  from.push(at)
  const k = norm.indexOf(value)
  if (k < 0) return value
  const end = k + value.length
  return original.slice(from[k], end < from.length - 1 ? from[end] : at)
}
