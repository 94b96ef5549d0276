// Text clean-up shared by every parser: what a phone keyboard does to a message.

const ZERO_WIDTH = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g
// C0/C1 control characters except \n and \t
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g

/** Full-width ASCII (Ａ-ｚ, ０-９, ＃, ：…) and the ideographic space become their half-width forms. */
export function toHalfWidth(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
}

/**
 * Normalise a message for parsing: half-width ASCII, no zero-width or control characters,
 * \r\n as \n. Chinese punctuation other than full-width ASCII (《》、，。【】) is kept.
 */
export function normalize(s: string): string {
  return toHalfWidth(s.replace(/\r\n?/g, '\n').replace(ZERO_WIDTH, '').replace(CONTROL, ''))
}

/**
 * A quoted reply arrives as `「name：quoted」\n- - - - - - -\nreply`: keep only the reply, so the
 * quoted text (often someone else's check-in) is never parsed as the sender's.
 */
export function stripQuote(s: string): string {
  // only a quoted reply starts with 「; bounded patterns keep this linear on hostile input
  if (!s.startsWith('「')) return s
  const m = /^「[\s\S]{0,4000}?」[ \t]*\n[ \t]*(?:-[ \t]*){3,40}\n?/.exec(s)
  if (m) return s.slice(m[0].length)
  const sep = /\n[ \t]{0,4}(?:-[ \t]){5,40}-?[ \t]{0,4}\n/.exec(s.slice(0, 8000))
  return sep ? s.slice(sep.index + sep[0].length) : s
}

/** Messages over this length are not parsed at all: no check-in is a novel. */
export const MAX_PARSE_LENGTH = 4000
