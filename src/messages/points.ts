// 学习强国 points: 积分42, 强国38, 今日积分 38 分, 得分42, 学习强国 45分, 45分（学习强国）, and the
// shorthand of a day's gain: 积分+33, 今天+27分, 强国+40; and a gain said as one: 得了40分, 拿了35分, 获得42分
// (分 after a verb of gaining is a score, never minutes: time is spent, points are earned).
// No daily cap is assumed: the platform changes its rules, and the figure is the member's to state.
import { CN_CHARS, parseNumber } from './numerals.js'
import { SURNAME } from './people.js'
import { normalize } from './text.js'

const TITLE = /《[^《》\n]{0,80}》/g
const NUM = `(?<n>\\d{1,5}(?!\\d)|[${CN_CHARS}]{1,6}(?![${CN_CHARS}]))`
// what may sit between the cue and its figure: 学习强国积分：45, 强国今天得了45分, 积分为 45, 强国只学了二十分, 也拿了四十
const GLUE = '[ :=,，、为是了拿得获达到取共计有约+只也学又都]{0,6}'
const INNER = '(?:(?<day>今日|今天|当日|当天|本日|总|累计)\\s?)?(?:积分|得分|分数)?'
// the figure is followed by a unit that makes it something else: 学习强国 30分钟, 强国 2小时, 积分第3名
const NOT_POINTS = '(?!\\.\\d|\\s?(?:分钟|min|小时|钟头|h(?![a-z])|个|人|天|次|篇|章|条|题|月|日|号|年|%|位|名|点|[:：]\\d))'

const CUE_FIRST = new RegExp(`(?:学习强国|强国|积分|得分|分数)(?:\\s?app)?${GLUE}${INNER}${GLUE}${NUM}${NOT_POINTS}`, 'gi')
// the figure a few words after its cue: 学习强国已完成，42分 / 强国今天只刷到30分 / 分数忘截图了 今天早上已经32分
// (not across a study verb or a time word: 学习强国学了30分 is ambiguous, 看了三十分钟 is time)
/** The cue and the words between it and a far figure, shared with duration.ts so that both read 分 alike. */
export const FAR_CUE = '(?:学习强国|强国|分数)(?<gap>[^\\d\\n。；;！!？?]{1,14}?)'
/** Words in that gap that say time was spent: the figure is no points. */
export const FAR_GAP_TIME = /学|看|读|听|时长|用时|花了|时间|小时|分钟/
const CUE_FAR = new RegExp(`${FAR_CUE}${NUM} ?分(?![钟之数])`, 'g')
// … nor a statistic, a rank or a requirement (日均30分, 排第3, 至少要30分)
const FAR_GAP_NOT = new RegExp(`${FAR_GAP_TIME.source}|日均|人均|平均|排|第|每|要|需|应|达到|至少|不少于|才|满分|目标`)
const FIGURE_FIRST = new RegExp(`(?<![\\d.])(?<n>\\d{1,5}) ?分(?![钟之])[ (（,，]{0,3}(?:学习强国|强国|积分)`, 'g')
/** Verbs of gaining: the N分 after them is points (shared with duration.ts, which then skips it). */
export const GAIN = '(?:(?<![记懂觉值晓舍使])得了|(?<![记懂觉值晓舍使])得到了?|拿了|拿到了?|挣了|赚了|攒了|获得了?|获取了?|收获了?|涨了|加了)'
const GAINED = new RegExp(`${GAIN}[ :：]{0,2}(?:今日|今天|当日)?${NUM} ?分(?![钟之])`, 'g')
// +27分 / 今天+27分: a day's gain; the 分 (or a day word before it) says it is points, not 打卡+1
const PLUS = /(?<![\d+])(?:(?:今日|今天|当日|当天|本日) ?)?\+ ?(?<n>\d{1,3})(?!\d) ?分(?![钟之])/g
// 今日已学 +40, 补一下 +33: a bare +N in a check-in is the day's gain too, but 打卡+1 / 接龙 +1 is a count
const PLUS_BARE = /(?<![\d+]|(?:打卡|签到|接龙|报到|卡)\s?)(?:(?:今日|今天|当日|当天|本日) ?)?\+ ?(?<n>\d{1,3})(?!\d|\.\d|\s?(?:分钟|min|小时|钟头|h(?![a-z])|个|人|天|次|篇|章|条|题|%|位|名|分))/g
/** A bare N分 right after 打卡 or a day word, no verb between (打卡！38分, 今天39分): the day's points (duration.ts skips it). */
export const DAY_SCORE_BEFORE = /(?:打卡|今日|今天|当日|当天)[！!~～,，。:：、✅✔☑√\s]{0,3}$/
const DAY_SCORE = new RegExp(`(?:打卡|今日|今天|当日|当天)[！!~～,，。:：、✅✔☑√\\s]{0,3}(?<n>\\d{1,3}) ?分(?![钟之])${NOT_POINTS}`, 'g')
const TODAY_BEFORE = /(?:今日|今天|当日|当天|本日)\s?$/
const CUMULATIVE = /^(?:总|累计)$/

// Members shorten 学习强国 to 学强 (学强61分, 学强 每日答题) and write its 分 as pts — but 王学强 is a name.
const XUEQIANG = new RegExp(`(?<!${SURNAME.source})学强国?(?!同志)|(?<![a-z])xxqg(?![a-z])`, 'gi')
const PTS = /(?<=\d) ?(?:pts?|points?)(?![a-z])/gi

/** The app and its points as the parsers know them: 学强53pts reads as 学习强国53分. */
export function studyShorthand(s: string): string {
  return s.replace(XUEQIANG, '学习强国').replace(PTS, '分')
}

// 文章12分+视频12分+答题10分，一共34分: the app's sections, each scored, and their sum — all points
// (two sections at least: 看视频30分 alone may be time)
const SECTION = '(?:文章|视频|视听|答题|每日答题|挑战答题|专项答题|每周答题|阅读|登录|订阅|四人赛|双人对战|发表观点|本地频道)'
const SECTION_SCORE = `${SECTION}[^\\d\\n，,+＋、。]{0,4}\\d{1,3} ?分(?![钟之])`
/** A run of section scores, with the total said after it: the figures duration.ts must not read as minutes. */
export const SECTION_SCORES = new RegExp(`${SECTION_SCORE}(?:\\s*[+＋、，,]\\s*${SECTION_SCORE})+(?<total>[，,。\\s]{0,2}(?:一共|总共|共计|合计|共|总计|累计|总)[^\\d\\n。]{0,3}(?<sum>\\d{1,3}) ?分(?![钟之]))?`, 'g')

// 学习强国晨读 6:30-7:20，38分 / 学习强国50分钟，43分 / 看了专题，半小时，46分: once the time is said in its own
// words, a bare N分 standing alone in the app's message is its score (shared with duration.ts, which skips it)
const BARE_SCORE = /(?<=^|[，,、\s])\d{1,3} ?分(?![钟之\d])(?=$|[，,。.!！~～\s)）])/g
const MINUTES_SAID = /(?:\d{1,3}|[一二三四五六七八九十两]{1,3})\s*(?:多)?\s*(?:分钟|min)/i
const TIME_SAID = /\d\s*(?:分钟|min|小时|钟头)|[一二三四五六七八九十两半]\s*(?:个)?(?:多)?(?:小时|分钟|钟头)|\d{1,2}[:：]\d{2}\s*[-—–~～到至]+\s*\d{1,2}[:：]\d{2}/i
/** The bare N分 figures of a 学习强国 message that says its time otherwise, or its one bare figure: scores, not minutes. */
export function scoresBesideTime(text: string): RegExpExecArray[] {
  const app = /学习强国|强国/.test(text)
  const hits = [...text.matchAll(BARE_SCORE)]
  if (!hits.length) return []
  // (补15号：昨晚学习四十分钟，38分: without the app, only one figure, standing after minutes said as such)
  if (!app) {
    const m = MINUTES_SAID.exec(text)
    return hits.length === 1 && m && m.index + m[0].length <= hits[0]!.index && /^[，,、\s]+$/.test(text.slice(m.index + m[0].length, hits[0]!.index)) ? hits : []
  }
  const rest = hits.reduceRight((t, m) => t.slice(0, m.index) + ' '.repeat(m[0].length) + t.slice(m.index + m[0].length), text)
  // (学习强国其实学了，42分: the app's one bare figure, no time said at all, is its score too)
  return TIME_SAID.test(rest) || hits.length === 1 ? hits : []
}

interface Candidate { points: number; today: boolean; cumulative: boolean }

/** 学习强国 points stated in the text; today's figure is preferred over a cumulative total. */
export function parsePoints(input: string): number | null {
  if (!input) return null
  const text = normalize(input).replace(TITLE, '《》').replace(/\s+/g, ' ')
  const found: Candidate[] = []
  for (const m of text.matchAll(SECTION_SCORES)) {
    const sum = m.groups!.sum ? Number(m.groups!.sum) : [...m[0].matchAll(/(\d{1,3}) ?分/g)].reduce((t, x) => t + Number(x[1]), 0)
    found.push({ points: sum, today: true, cumulative: false })
  }
  for (const m of text.matchAll(CUE_FIRST)) {
    const { n, day } = m.groups!
    const points = parseNumber(n!)
    if (points === null || !Number.isInteger(points)) continue
    const before = text.slice(Math.max(0, m.index - 4), m.index)
    found.push({ points, today: (!!day && !CUMULATIVE.test(day)) || TODAY_BEFORE.test(before), cumulative: !!day && CUMULATIVE.test(day) })
  }
  if (!found.length) for (const m of text.matchAll(CUE_FAR)) {
    const { n, gap } = m.groups!
    const points = parseNumber(n!)
    if (points === null || !Number.isInteger(points) || FAR_GAP_NOT.test(gap!)) continue
    found.push({ points, today: /今日|今天|当日|当天/.test(gap!), cumulative: /总|累计/.test(gap!) })
  }
  for (const m of text.matchAll(PLUS)) found.push({ points: Number(m.groups!.n), today: true, cumulative: false })
  if (!found.length) for (const m of text.matchAll(PLUS_BARE)) if (Number(m.groups!.n) > 1) found.push({ points: Number(m.groups!.n), today: true, cumulative: false })
  if (!found.length) for (const m of text.matchAll(DAY_SCORE)) found.push({ points: Number(m.groups!.n), today: true, cumulative: false })
  for (const m of text.matchAll(GAINED)) {
    const points = parseNumber(m.groups!.n!)
    if (points !== null && Number.isInteger(points)) found.push({ points, today: false, cumulative: false })
  }
  for (const m of text.matchAll(FIGURE_FIRST)) found.push({ points: Number(m.groups!.n), today: false, cumulative: false })
  if (!found.length) for (const m of scoresBesideTime(text)) found.push({ points: parseInt(m[0], 10), today: true, cumulative: false })
  if (!found.length) return null
  const pick = found.find((c) => c.today) ?? found.find((c) => !c.cumulative) ?? found[0]!
  return pick.points
}
