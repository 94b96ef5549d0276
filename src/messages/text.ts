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

/**
 * 企业微信 writes the bot's @-mention into a group message's text, under whatever name the bot has
 * there: the text without it, wherever it stands. Without a known name the first leading mention
 * goes, since a group message only reaches the bot when it is mentioned.
 */
export function stripMention(s: string, names: readonly string[]): string {
  const text = s.trim()
  for (const name of [...names].filter(Boolean).sort((a, b) => b.length - a.length)) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    const at = new RegExp(`(^|[\\s\\u2005])@${escaped}(?=$|[\\s\\u2005:,，])[\\s\\u2005:,，]*`, 'g')
    if (at.test(text)) return text.replace(at, '$1').trim()
  }
  const lead = /^@[^\s\u2005@]{1,40}(?:[\s\u2005]+|$)/.exec(text)
  return lead ? text.slice(lead[0].length) : text
}

/**
 * A quoted reply without its quote. stripQuote is tried only where a quote can be (a message that
 * starts with 「, within the parse limit): its separator search is quadratic on long blank runs.
 */
export function unquoted(text: string): string {
  return text.startsWith('「') && text.length <= MAX_PARSE_LENGTH ? stripQuote(text) : text
}

/**
 * Spoken and regional forms read as the common ones, for parsing only (the record keeps the words
 * as sent): 俺(们) = 我(们), 大伙(儿) = 大家, 仨 = 三个, 俩 = 两个, 今儿个 = 今天, 党棵 = 党课.
 */
export function commonSpeech(s: string): string {
  return s.replace(/俺们/g, '我们').replace(/俺/g, '我').replace(/大伙儿?|大家伙儿?/g, '大家')
    .replace(/仨/g, '三个').replace(/俩/g, '两个')
    .replace(/今儿个|今个儿|今儿(?!个)/g, '今天').replace(/昨个儿|昨儿个|昨儿(?!个)/g, '昨天').replace(/明儿个|明儿(?!个)/g, '明天').replace(/前儿个/g, '前天')
    // Cantonese as typed in Mandarin groups, by its own characters only: 去咗 = 去了, 喺 = 在, 佢 = 他,
    // 嘅 = 的, 揾 = 找, 倾咗 = 聊了, 唔 = 不, 齐晒 = 都到齐, 下昼 = 下午, 今朝 = 今天早上, 企咗 = 站了
    .replace(/企咗/g, '站了').replace(/倾偈/g, '聊天').replace(/倾(?=咗|了|一次|一下|下|半|几|个|咗)/g, '聊').replace(/咗/g, '了').replace(/喺/g, '在').replace(/佢/g, '他')
    .replace(/嘅/g, '的').replace(/揾/g, '找').replace(/唔/g, '不').replace(/啲/g, '些').replace(/嘢/g, '东西').replace(/冇/g, '没')
    .replace(/齐晒/g, '都到齐').replace(/下昼/g, '下午').replace(/今朝/g, '今天早上').replace(/琴日|寻日/g, '昨天').replace(/听日/g, '明天')
    .replace(/搞掂/g, '搞定').replace(/(?<=[半一两二三四五六七八九十\d]\s?个)钟(?![头点表])/g, '钟头').replace(/(?<=[\p{Script=Han}])阿姐/gu, '姐').replace(/([两三四五六七八九])家头/g, '$1个人')
    // 唠了唠 = 聊了聊, 整完了 = 搞完了 (northern speech)
    .replace(/唠(?=了|唠|嗑|到|一|会|半|两|几|了唠)/g, '聊').replace(/整(?=完|好了|妥|明白了)/g, '搞')
    // 认真的学了 (的 for 地, as a phone keyboard writes it); 学的是X = 学了X
    .replace(/(认真|仔细|好好|用心|系统|反复|专门|集中|静下心来|逐字逐句)[的得](?=学|读|看|听|研|通读|背|抄)/g, '$1地')
    .replace(/(?<=[学读看听])的是(?=[^，,。！!？?\s])/g, '了')
    // slips of the pinyin keyboard that keep their sound: 党棵 = 党课
    .replace(/党[棵颗]/g, '党课').replace(/组织生[或火货]会/g, '组织生活会').replace(/(?<!支)[之只]委会/g, '支委会').replace(/党小[足族]会/g, '党小组会').replace(/支[布步]/g, '支部').replace(/昨儿个/g, '昨天').replace(/前儿个/g, '前天')
}
