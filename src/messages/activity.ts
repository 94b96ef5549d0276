// Meeting and activity reports (三会一课台账) from group messages, however they are written: with a
// marker (#活动, 【三会一课】, 报告：…); as a structured block (a 【支委会】 header, labelled lines, a
// 会议记录 with 出席/主持/议题, a line of figures); or in plain words ("支委会刚刚散会", "党小组会开好了",
// "王书记给大家讲了一堂党课", "我们小组晚上碰了个头，学了条例"). Notices of a future meeting, questions,
// negations and forwarded articles are never reports.
import type { Absence, ActivityRecord, DateStr, Kind, Role } from '../domain/types.js'
import { ACTIVITY_KINDS, kindAt, kindMentions } from '../domain/kinds.js'
import { addDays, clockOf, dayOf, daysBetween } from '../domain/time.js'
import { attendanceOf } from './attendance.js'
import { parseDatePhrase, type DatePhrase } from './dates.js'
import { FESTIVAL_WORDS } from './festivals.js'
import { labelledFields } from './fields.js'
import { parseNumber } from './numerals.js'
import { parsePoints } from './points.js'
import { fromSomewhereSpeaker, mentions, NOT_A_NAME, resolvePerson, visitorName, type RosterEntry } from './people.js'
import { COMPLETED, MADE_UP, MINUTES_HEAD, evidenceOf, withoutHandIns, impliedKind, mentionedOnly, NOT_PARTY_MEETING, PARTY } from './report-evidence.js'
import { enumeratedItems, itemText, type Item } from './items.js'
import { commonSpeech, MAX_PARSE_LENGTH, normalize, stripQuote } from './text.js'

/** What the parser could not tell and the bot should ask the reporter. */
export type Unclear = 'kind' | 'date'

export type ActivityParse = Omit<ActivityRecord, 'id' | 'branch' | 'msgId' | 'at' | 'text' | 'reporter' | 'photos' | 'type'> & {
  explicit: boolean
  unclear: Unclear[]
}

export interface ReportContext {
  /** the sender holds a role (书记, 委员, 党小组长); kept for callers, every roster member may report */
  officer: boolean
  groups: string[]
  roster: { name: string; group: string | null; aliases?: readonly string[]; role?: Role }[]
  /** the reporter's own 党小组, for "我们小组…" */
  reporterGroup?: string | null
  /** the reporter's roster name: a 党小组长 reporting their own group's meeting chaired it */
  reporter?: string | null
  /** the branch's own name: a record of another branch (机关第一党支部开展了…) is not ours */
  branch?: string | null
}

const MARKER = /^\s*(?:[#＃]\s*(?:活动|三会一课|台账|会议)\s*[#＃]?|【\s*(?:三会一课|活动|台账|会议记录|活动记录)\s*】|(?:活动|会议)?(?:报告|记录)\s*[:：])/

const COMMITTEE: readonly Role[] = ['书记', '副书记', '组织委员', '宣传委员', '纪检委员']

function groupOf(text: string, groups: string[], reporterGroup: string | null | undefined, kind: Kind | null): string | null {
  const named = groups.find((g) => text.includes(g))
  if (named) return named
  const m = /第\s*([一二三四五六七八九十\d]{1,3})\s*(?:党)?(?:小)?组/.exec(text)
  if (m) {
    const n = parseNumber(m[1]!)
    const canonical = groups.find((g) => { const k = /第([一二三四五六七八九十\d]{1,3})/.exec(g); return k && parseNumber(k[1]!) === n })
    return canonical ?? `第${m[1]}党小组`
  }
  if (kind === '党小组会') {
    const b = /(?<![\d一二三四五六七八九十第])([一二三四五六七八九十])组(?!照|图|数|织|长|员|成|合|词)/.exec(text)
    if (b) {
      const n = parseNumber(b[1]!)
      const canonical = groups.find((g) => { const k = /第([一二三四五六七八九十\d]{1,3})/.exec(g); return k && parseNumber(k[1]!) === n })
      if (canonical) return canonical
    }
  }
  if (reporterGroup && /我们(?:党)?小组|我们组|本组|本小组|组里|组内|咱们(?:党)?小组|咱们组/.test(text)) return reporterGroup
  return null
}

const TOPIC_VERB = /(?:集中学习|专题学习|学习了|学了|学习|研读|讨论了|讨论|研究了|研究|传达了|传达|部署|围绕|观看了|观看|重温|宣讲了|宣讲|讲授|专题辅导)\s*[^，。,.\n;；]{2,40}/

function topicOf(text: string, labelled: string | undefined): string | null {
  if (labelled) return labelled.trim() || null
  const t = /《[^《》\n]{1,40}》/.exec(text)
  // 集中学习结束啦: the kind itself, then how it went, is no topic
  const m = [...text.matchAll(new RegExp(TOPIC_VERB, 'g'))].find((x) => !/^(?:集中学习|专题学习|学习)\s*(?:结束|完|啦|会|现场|活动|圆满|顺利|已|刚|[(（:：])|^(?:讨论|研究|学习|交流)得|^\S{2,4}?了?(?:约|近|快)?[半一二两三四五六七八九十\d]+个?(?:多)?(?:小时|分钟|钟头)|计划/.test(x[0]))
  // 题目是《学习贯彻…》: a verb inside the title starts no topic of its own
  if (m && t && m.index > t.index && m.index < t.index + t[0].length) return t[0]
  if (m) {
    const s = m[0].replace(/\s*(?:应到|实到|参加|出席|主持|到会|与会|缺席|请假|全员|全体|共\d|\d+人).*$/, '').trim()
    if (s.length >= 4) return s
  }
  return t ? t[0] : null
}

const PLACE = /(?:在|于|地点(?:是|为|在))\s*([\p{Script=Han}\dA-Za-z#\-]{1,14}?(?:会议室|活动室|党员之家|党建室|会场|报告厅|礼堂|教室|办公室|阵地|基地|纪念馆|展览馆|陈列馆|博物馆|中心|广场|社区|小区|村委会|学习室|阅览室|大厅|楼\d*层?|室))/u

// Role words after a name: "王建国同志主持", "王建国作专题辅导", "周书记带领大家学习"
// (雅琴姐主持的: a member is also called by name and 姐 or 哥)
// (党费核算由雅琴牵头: a task led, not the meeting; 书记周立新带队: who led the day out led it)
const AFTER_HOST = /^\s*(?:同志|书记|委员|组长|老师|大姐|大哥|姐|哥)?\s*(?:主持|召集|牵头(?=召开|组织|开展|举办|开了|举行)|带队|领队)/
const AFTER_SPEAKER = /^\s*(?:同志|书记|委员|组长|老师|教授)\s*(?:正在|在|来|给大家|为大家)?讲(?!话|究|评|到|过|了算)|^\s*(?:同志|书记|委员|组长|老师|教授)?\s*(?:讲(?:得|的|(?=[）)，。,、\s]|$))|(?:为|给|向|对)?\s*(?:大家|全体党员|党员们?|同志们|全体同志|支部党员|我们|咱们|咱)?\s*(?:以|围绕|就)?[^，。\n]{0,16}?(?:讲授|主讲|授课|宣讲|讲了|讲的|讲党课|上了|作了|作|做了|辅导|领学|解读|讲解|分享))/
// (红梅带着学的, 磊子领着读的《国家安全法》: who led the reading led the study)
const LED_READING = /^\s*(?:同志|书记|委员|组长|大姐|大哥|姐|哥)?\s*(?:今天|今晚|昨天|上午|下午|晚上)?(?:(?:带着|领着)(?:大家|我们|全组|同志们|大伙)?(?:一起)?(?:学|读|研读|通读)|领读(?:的|了)|领学(?:的|了))/
const AFTER_LEADER = /^\s*(?:同志|书记|委员|组长|大姐|大哥|姐|哥)?\s*(?:今天|今晚|昨天|昨晚|上午|下午|晚上|刚才)?(?:带领|带着|领着|组织|召集)/
const TITLED = '(?:支部|党支部)?(?:副书记|书记|组织委员|宣传委员|纪检委员|委员|党小组长|小组长|组长)?'

const TAUGHT: ReadonlySet<Kind> = new Set<Kind>(['党课', '集中学习', '党小组会', '其他'])

function peopleOf(text: string, kind: Kind | null, fields: Record<string, string | undefined>, roster: readonly RosterEntry[]) {
  // (主讲人：支部书记 周立新, 主讲：市委党校 何建平 教授: the title and the name are one value)
  const field = (v: string | undefined) => (v ? resolvePerson(v.trim().split(/[、，,]|\s{2,}/)[0]!.replace(/\s+/g, ''), roster) : null)
  let host = field(fields.host)
  let speaker = field(fields.speaker)
  let recorder = field(fields.recorder)
  let ledReading = false
  for (const at of mentions(text, roster)) {
    const after = text.slice(at.end, at.end + 30)
    const before = text.slice(Math.max(0, at.index - 6), at.index)
    if (!host && AFTER_HOST.test(after)) {
      host = at.name
      // 由书记周立新主持并领学: who chaired led the study too
      if (!speaker && /^\s*(?:同志|书记|委员|组长)?\s*主持(?:会议)?并(?:领学|领读|主讲|讲授|作|带领大家学习)/.test(after)) speaker = at.name
    }
    else if (!host && /主持(?:人)?(?:为|是|[:：])?\s*$/.test(before)) host = at.name
    else if (!speaker && /(?:主讲|授课|宣讲)(?:人)?(?:为|是|[:：])?\s*$/.test(before)) speaker = at.name
    else if (!recorder && /记录(?:人)?(?:为|是|[:：])?\s*$/.test(before)) recorder = at.name
    else if (!speaker && /^\s*(?:同志|书记|委员|老师)?\s*(?:今天|昨天|上午|下午|这次|本次)?(?:的\s*(?:精彩|生动|专题)?(?:党课|课|宣讲|辅导|讲座|讲授|授课)|(?:的)?(?:专题|微)?党课)/.test(after)) speaker = at.name
    else if (!speaker && (AFTER_SPEAKER.test(after) || /(?:主讲(?:人)?(?:为|是)?|由|请|邀请)\s*$/.test(before) && /^\s*(?:同志|书记)?\s*(?:讲|主讲|授课|宣讲|作|上)/.test(after))) speaker = at.name
    else if (!speaker && LED_READING.test(after)) { speaker = at.name; ledReading = true }
    else if (!host && AFTER_LEADER.test(after)) host = at.name
    else if (!recorder && /^\s*(?:同志)?\s*(?:记录|做记录|负责记录)/.test(after)) recorder = at.name
  }
  // names not on the roster
  const generic = (re: RegExp) => { const m = re.exec(text); return m ? resolvePerson(m[1]!, roster) : null }
  const NAME = '([\\p{Script=Han}·]{2,4}?)'
  host ??= generic(new RegExp(`由\\s*${TITLED}\\s*${NAME}\\s*(?:同志|书记|老师)?\\s*(?:主持|召集)`, 'u'))
    ?? generic(new RegExp(`(?:^|[，。,\\s、])${TITLED}${NAME}(?:同志|书记)\\s*主持`, 'u'))
  // a visitor described before the verb: 区委组织部李晓燕副部长主讲, 请退休老党员陈国栋同志讲了一课
  const described = describedSpeaker(text)
  speaker ??= described && resolvePerson(described, roster)
  if (kind === '党课') speaker ??= fromSomewhereSpeaker(text)
  // 党课请的是退休老党员钱福生同志
  const invited = speaker ? null : /(?:请的是|请来了?|邀请了?)([^，。,！!\n]{2,24}?(?:同志|老师|教授|书记|主任|部长|专家))/u.exec(text)
  const guest = invited && visitorName(invited[1]!)
  if (guest) speaker = resolvePerson(guest, roster) ?? guest
  // 昨晚书记那堂党课, 听书记讲的课: the branch's 书记, when the word stands alone
  if (kind === '党课' && !speaker && /(?:^|[，。,\s！!]|昨晚|昨天|今天|上午|下午|晚上|听|请|由|是)书记(?:(?:给|为)(?:大家|我们|咱们?|支部|同志们)(?:上|讲)了?|(?:那|这)?(?:一)?(?:堂|节|次)?(?:的)?)(?:党课|课|讲(?!话))/.test(text)) {
    const heads = roster.filter((m) => m.role === '书记')
    if (heads.length === 1) speaker = heads[0]!.name
  }
  speaker ??= generic(new RegExp(`由\\s*${TITLED}\\s*${NAME}\\s*(?:同志|老师|教授)?\\s*(?:讲授|主讲|授课|宣讲|作|讲)`, 'u'))
    ?? generic(/(?:邀请|请|由)(?:了)?[^，。为给]{0,8}?([^\s\d，。、校委部局院所厅处办会党市省区县]{1,3}?(?:教授|老师|专家|主任|部长|处长|校长|局长|书记))\s*(?:为|给|向|来|到)/u)
    ?? generic(new RegExp(`(?:邀请|请)\\s*(?:了)?\\s*${TITLED}\\s*${NAME}\\s*(?:同志|老师|教授)?\\s*(?:为|给)?(?:大家|我们|全体党员)?\\s*(?:讲授|主讲|授课|宣讲|作|讲|上)`, 'u'))
    // 区纪委的王志刚同志来给我们上了一堂廉政党课: a visitor who came to give it
    ?? (kind === '党课' ? generic(new RegExp(`(?:^|[的，。,\\s])${NAME}(?:同志|老师|教授)\\s*(?:专门|特意)?(?:来|到)?(?:我们这里|这里)?(?:给|为)(?:我们|大家|支部|全体党员|同志们)[^，。]{0,4}(?:上了|讲了|作了|做了)`, 'u')) : null)
  // who took the members through the reading both chaired the study and led it (branches write either)
  if (ledReading && !host && kind !== '党课') host = speaker
  // a 主讲人 is a lesson's or a study's: 书记讲了读书班的事 at a 党员大会 is business, not a lesson
  if (kind && !TAUGHT.has(kind)) speaker = null
  if (host && NOT_A_NAME.test(host)) host = null
  if (speaker && NOT_A_NAME.test(speaker)) speaker = null
  // a 党课 is given, a study led: who "主持" a 党课 with nobody else named is its speaker too? No —
  // an inspection reads 主讲人 for a 党课; only fill it when the text names the giver.
  // (领学 is the study's speaker: 周书记领学)
  if (kind !== '党课' && speaker && !host && /带领/.test(text) && !/领学/.test(text)) { host = speaker; speaker = null }
  return { host, speaker, recorder }
}

// (钱德福老爷子给我们讲党课, 郑德厚同志的党课, 何建平教授来给咱们上的那堂党课)
const GIVES = /(?<=同志|老师|教授|老爷子|老先生)(?:来|给大家|为大家)?讲(?!话|究|评|到|过|了算)|(?<=同志|老师|教授|老爷子|老先生)的(?:专题|微)?党课|讲(?:了)?(?:一)?(?:堂|节|次)?(?:专题)?党课|的(?:精彩|生动|深刻|深入|专题)?(?:讲授|授课|辅导|宣讲|讲解|讲座)|主讲|讲的(?=[\s，。,]|$)|讲授|授课|宣讲|讲了(?:一|一堂|一节|一次)?(?:堂|节)?(?:专题)?(?:党)?课|作了?[^，。,\n]{0,10}?(?:辅导|报告)|上了(?:一堂|一节)?(?:专题)?(?:党)?课|上的(?:那|这)?(?:一)?(?:堂|节)?(?:专题)?(?:党)?课/g
function describedSpeaker(text: string): string | null {
  for (const m of text.matchAll(GIVES)) {
    const start = Math.max(0, ...['，', ',', '。', '；', ';', '\n', '：', ':'].map((c) => text.lastIndexOf(c, m.index - 1) + 1))
    // 马振华副书记来支部宣讲, 林晓东教授给支部作了辅导: where they came and for whom is not their title
    const name = visitorName(text.slice(start, m.index).replace(/(?:专门|特意)?(?:来|到)?(?:我们支部|支部|我们这里|这里)?(?:为|给|向|跟)?(?:大家|我们|咱们|咱|全体党员|党员们?|同志们|支部党员|支部|全体同志)?$/, '').replace(/^(?:今天|昨天|前天|上午|下午|晚上)?(?:听了|请来了|请了|请到了)/, ''))
    if (name) return name
  }
  return null
}

/** Every date phrase in the text, in order (a report may name a later deadline after its own date). */
function datePhrases(text: string, now: Date): DatePhrase[] {
  const out: DatePhrase[] = []
  let offset = 0
  for (let i = 0; i < 8 && offset < text.length; i++) {
    const d = parseDatePhrase(text.slice(offset), now, 'past')
    if (!d) break
    // a date written without its year that falls in the next two months is ahead, not last year's
    const ahead = parseDatePhrase(text.slice(offset), now, 'future')
    const written = text.slice(offset + d.index, offset + d.index + d.length)
    const monthDay = /\d\s*(?:月|\/|\.)\s*\d|\d\s*[日号]/.test(written) && !/周|星期|礼拜/.test(written)
    // the nearer of the two readings: "25号" on the 20th is this month's, "18号" on the 20th is past
    const today = dayOf(now)
    const soon = monthDay && ahead && ahead.date !== d.date && ahead.date > today && ahead.date <= addDays(today, 62) &&
      daysBetween(today, ahead.date) < daysBetween(d.date, today)
    out.push({ ...(soon ? ahead : d), index: d.index + offset })
    offset += d.index + Math.max(1, d.length)
  }
  return out
}

const SENTENCE_END = /[。！!\n；;？?]/
/** The sentence holding position `index`, its end mark included. */
function sentenceAt(body: string, index: number): string {
  let start = index
  while (start > 0 && !SENTENCE_END.test(body[start - 1]!)) start--
  const rest = body.slice(index).search(SENTENCE_END)
  return body.slice(start, rest < 0 ? body.length : index + rest + 1)
}
const CLAUSE_END = /[。！!\n；;？?，,]/
/**
 * Whether the sentence holding the kind word at `index` says, by itself, that the meeting was held:
 * in words (刚散, 开得很实在), or as the meeting of a day gone by (昨天下午主题党日，…). The day of a kind
 * only referred to (把21号主题党日的方案定下来了) is not this meeting's.
 */
function heldInItsSentence(body: string, index: number, now: Date, referred: readonly { index: number }[], wordLength = 0): boolean {
  let start = index
  while (start > 0 && !SENTENCE_END.test(body[start - 1]!)) start--
  const rest = body.slice(index).search(SENTENCE_END)
  const end = rest < 0 ? body.length : index + rest
  const sentence = body.slice(start, end)
  // (a kind only compared with or referred to is held by nothing said of it: 比开党小组会还累)
  if (referred.some((r) => r.index === index)) return false
  const today = dayOf(now)
  const ahead = (d: DatePhrase) => d.date > today || (d.date === today && laterToday(d, now))
  // 支委会开完了👌 …雅琴明天整理好发群里: the kind's own clause says it, whatever the sentence goes on to
  let cs = index
  while (cs > 0 && !CLAUSE_END.test(body[cs - 1]!)) cs--
  const ce = body.slice(index).search(CLAUSE_END)
  const clause = body.slice(cs, ce < 0 ? body.length : index + ce)
  const c = evidenceOf(clause)
  if (c.heldStrong && !c.planStrong && !c.planWeak && !c.question && !c.negated && !c.forwarded && !datePhrases(clause, now).some(ahead)) return true
  const e = evidenceOf(sentence)
  if (e.planStrong || (e.planWeak && !e.heldStrong) || e.question || e.negated || e.forwarded || e.trouble) return false
  const of = (d: DatePhrase) => referred.some((r) => r.index - start >= d.index + d.length && r.index - start <= d.index + d.length + 2)
  const days = datePhrases(sentence, now).filter((d) => !of(d))
  if (days.some(ahead)) return false
  const rel = index - start
  // (上周五去纪念馆那趟主题党日: that one, of that day)
  const dayBefore = days.some((d) => d.index + d.length <= rel && rel - (d.index + d.length) <= 14 && /^\s*(?:的|[^，。,！!]{0,12}(?:那趟|那次|那场|那堂|那节|这趟|这次|那个))?\s*$/.test(sentence.slice(d.index + d.length, rel)))
  // 去社区搞志愿服务了: the kind, then 了
  const kindDone = wordLength > 0 && /^(?:活动)?了(?!吗|没|么)/.test(body.slice(index + wordLength))
  // (11月12日上午召开支委会, sent that afternoon: a part of today that is over is past too)
  const hm = clockOf(now)
  const over = (d: DatePhrase) => d.time ? d.time < hm : d.part === '上午' ? hm >= '12:00' : d.part === '下午' ? hm >= '17:00' : d.part === '晚上' && hm >= '21:30'
  const past = days.some((d) => d.date < today || (d.date === today && over(d)))
  // (今天的主题党日我就不去了, 昨天党课我请假了: one's own absence says nothing of it)
  const away = /请假|请过假|请了(?:病|事|个)?假|不去了|去不了|来不了|参加不了|没法参加|不能参加|去不成|没去成/.test(sentence)
  // 今天党员大会举手表决的时候，突然想起…了: a moment of today's meeting, told after it
  const todayMoment = days.some((d) => d.date === today && d.index + d.length <= rel && rel - (d.index + d.length) <= 4) && /^[^，。,]{0,12}(?:的时候|时候)[^。！!]*(?:了|想起|想到|发现|看到|觉得|感觉)/.test(body.slice(index + wordLength))
  return e.heldStrong || (e.heldWeak && (past || /刚刚|刚才|刚(?!要|准备)/.test(sentence)) && !away) || (dayBefore && past && !away) || (kindDone && !away) || (todayMoment && !away)
}

/** A day part said today that has not come yet ("今天下午" at 10:00): the meeting is still ahead. */
function laterToday(d: DatePhrase, now: Date): boolean {
  const hm = clockOf(now)
  if (d.time) return d.time > hm
  if (d.part === '下午') return hm < '12:00'
  if (d.part === '晚上') return hm < '17:00'
  return false
}

// … or what the meeting prepared: 布置组织生活会的准备工作
// (下一步重点是加强理论学习: a goal, not the meeting)
// (上次组织生活会提的问题: an earlier meeting, referred to)
const PASSED_ON_BEFORE = /(?:上次|上回|下次|下回|下一次)(?:的)?\s*$|(?:通报|汇报|传达)(?:了)?[^，。,\n]{1,12}(?:和|及|与|、)\s*$|(?:(?:传达|学习|贯彻|落实|领会|布置|准备|筹备|谋划|加强|注重|重视|抓好|通报|汇报|总结)(?:了|好)?|为)(?:上级|上次|本次|这次|下次|年底|年度|月底|明天|后天|下周|周[一二三四五六日天]|即将召开的)?(?:的)?\s*$/
const PREPARED_FOR = /(?:为|给)(?:明天|后天|下周[一二三四五六日天]?|周[一二三四五六日天]|本周[一二三四五六日天]|月底)(?:的)?(?=[^，。,\n]{0,8}(?:会|课|党日|评议)[^，。,\n]{0,4}(?:做|作)?准备)/g
// 有意见周五前提, 心得12日前交: a deadline's day
const TALK_TO_ME = /([^\s，。,、！!]{1,8}?)(?:今天|昨天|上午|下午|晚上|刚才|刚刚|专门|特意|主动|又)*(?:找|跟|和|与|同|把|叫|约)我(?:留下|一起[^，。,\n]{0,4})?(?:[^，。,\n]{0,4}?)(?:谈|聊)/
const SENDER_TALKED = /(?:^|[，。,\s])(?:我|本人)?(?:今天|昨天|前天|上午|下午|晚上|中午|刚才|刚刚|刚|分别|先后|又|下班|下班后|\d{1,2}[号日])*(?:上午|下午|晚上)?(?:去[^，。,\n]{1,8}?(?:家|家里|办公室|那儿|那里)[^，。,\n]{0,6}?)?(?:和|与|跟|同|找)(?!我)[^，。,\n]{1,14}?(?:谈|聊)/
const COMPANIONS = /(?:我|(?:^|[，。,\s]|今天|上午|下午|晚上|中午|早上|又|轮到))(?:跟|和|与|同)((?:[^，。,\s、和及与]{1,4}?(?:[、\s]|和|及|与)?){1,6}?)(?:先|又|还|也|一起|一块儿?|俩|两个人?|三个人?|代表支部)?(?:去|在|到|做|当|站|值|巡|守|一班|参加|包|送|搞|从|给)/
const REPLY_COUNT = /(?:\d{1,3}|[一二三四五六七八九十两]{1,3})\s*(?:个)?(?:人|名|位)(?:都)?(?:参加|出席|到|在)/
// 支委会刚开完，定了读书班19号到21号: the days a held meeting decided on are not its own
const DECIDED = /(?:定了|定下(?:来)?了?|定在了|确定了|商定了?|议定了?|决定了)[^。；;\n]{0,60}/g
const DEADLINE = /(?:(?:下|本|这)?周[一二三四五六日天]|(?:\d{1,2}\s*月\s*)?\d{1,2}\s*[日号])\s*(?:之|以)?前(?=\s*(?:提|交|报|发|反馈|提交|上传|完成|定稿|报送))/g
// … or as a time (组织生活会前谈一轮, 组织生活会后接着进行了评议), what was said there (小组会上说的整改), or
// what was decided about it (主题党日的方案, 主题党日分工)
const PASSED_ON_AFTER = /^\s*(?:的)?(?:精神|决定|决议|部署|要求|准备工作|筹备|做准备|作准备|的准备|准备情况|方案|分工|议程|流程安排|通知|开展情况)|^\s*(?:召开)?(?:之?前|以前)(?!已|就已)|^\s*(?:结束)?(?:之?后|以后)[^，。,\n]{0,6}(?:接着|随后|紧接着|又|继续)|^\s*上[^，。,\n]{0,6}?(?:提|说|讲|查摆|指出|点)(?:出)?的|^\s*上的\s*(?:重要)?(?:讲话|发言|报告|精神|部署|要求)|^\s*上(?:要|得|必须|务必|一定要|需要|怎么)/
// 碰了一下，定了明天主题党日去…: a kind the meeting decided on; 说我…志愿活动参加少: one said of someone
const DECIDED_OR_SAID = /(?:定了|定下了?|确定了|商定了|研究了|部署了|安排了)[^，。,\n]{0,8}$|(?:说|批评|提醒)(?:我|他|她)[^，。\n]{0,10}$|(?:提了|提出了?|说了|讲了)[^，。,\n]{0,6}[：:][^。\n]{0,20}$/
function subjectMatter(body: string, m: { index: number; word: string }): boolean {
  return DECIDED_OR_SAID.test(body.slice(Math.max(0, m.index - 16), m.index)) || PASSED_ON_BEFORE.test(body.slice(Math.max(0, m.index - 16), m.index)) || PASSED_ON_AFTER.test(body.slice(m.index + m.word.length))
}

// Another branch's meeting, named by its branch: "机关第一党支部今天开展了主题党日活动". Our own name, or
// none, or "我们支部" with it, keeps the record ours.
const BRANCH_NAME = /([\p{Script=Han}\d]{0,8}?(?:第[一二三四五六七八九十\d]+|[一二三四五六七八九十])?(?:党支部|党总支))/gu
function otherBranch(body: string, ours: string | null | undefined): boolean {
  if (!ours || /我们支部|我支部|本支部|咱们支部|咱支部/.test(body)) return false
  for (const m of body.matchAll(BRANCH_NAME)) {
    const name = m[1]!.replace(/^(?:今天|昨天|前天|上周|本周|这周|我们|咱们|和|与|同|跟)+/, '')
    if (!/^(?:\S*第[一二三四五六七八九十\d]+|\S{2,}[一二三四五六七八九十])(?:党支部|党总支)$/.test(name)) continue
    if (ours && (ours.includes(name) || name.includes(ours))) continue
    // "跟机关一支部一起": a joint meeting is ours too
    if (/^(?:和|与|同|跟|联合)/.test(body.slice(Math.max(0, m.index! - 2), m.index!)) || /^[^，。]{0,4}(?:一起|一同|联合|共同)/.test(body.slice(m.index! + m[0].length))) continue
    if (/^[^，。,\n]{0,8}(?:召开|开展|开了|举行|组织|举办)/.test(body.slice(m.index! + m[0].length))) return true
  }
  return false
}

/** The report in a message (the first, when it reports several): see parseActivities. */
export function parseActivity(input: string, now: Date, ctx: ReportContext): ActivityParse | null {
  return parseActivities(input, now, ctx)[0] ?? null
}

// A second meeting in the same message has its own kind word with its own verb of holding it, in a
// clause of its own: "18号上午开了支委会（3人），下午接着开了党员大会，实到10人". A kind word that is
// only the subject matter of the first ("支委会研究党员大会筹备", "传达了党员大会精神") starts nothing.
const HELD_BEFORE_KIND = /(?:开了|召开了?|举行了?|举办了?|开|组织了?|开展了?)(?:一个|一次|一场|个|次|场)?\s*$/
const HELD_AFTER_KIND = /^\s*(?:✅|✔|☑|√|[（(]已(?:开|召开|完成)[）)])|^\s*(?:也|又|接着|随后)?(?:开了|开完|开过|开好|召开了|举行了|结束|散会|散了)/
const SUBJECT_MATTER = /研究|讨论|筹备|部署|准备|安排|决定|商议|商定|审议|关于|传达|学习|精神|议题|通过|计划|拟|将/
const MAX_MEETINGS = 4

/** Where a second (third …) meeting starts: the start of the clause that holds it. */
function meetingStarts(body: string): number[] {
  const starts: number[] = []
  let prev: Kind | null = null
  for (const { kind, index, word } of kindMentions(body)) {
    if (ACTIVITY_KINDS.has(kind)) continue
    const clauseStart = Math.max(0, ...['，', ',', '。', '；', ';', '\n', '！'].map((c) => body.lastIndexOf(c, index - 1) + 1))
    const lead = body.slice(clauseStart, index)
    const held = HELD_BEFORE_KIND.test(lead) || HELD_AFTER_KIND.test(body.slice(index + word.length, index + word.length + 6))
    if (prev === null) { prev = kind; continue }
    if (!held || kind === prev || SUBJECT_MATTER.test(lead) || clauseStart === 0 || (starts.length && clauseStart <= starts.at(-1)!)) continue
    starts.push(clauseStart)
    prev = kind
    if (starts.length === MAX_MEETINGS - 1) break
  }
  return starts
}

/**
 * Every report in a message: usually one; a message that reports two meetings ("上午开了支委会…，下午
 * 接着开了党员大会…") gives one per meeting, each read from its own part, a part that names no day
 * taking the first's. Empty when the message reports nothing.
 */
export function parseActivities(input: string, now: Date, ctx: ReportContext): ActivityParse[] {
  if (!input || input.length > MAX_PARSE_LENGTH) return []
  // a reply that quotes a question (「李红梅：…能发我吗？」 - - - 已发你邮箱。我昨天讲的那一课实到9人) is its reply
  const norm = normalize(input).trim()
  const reply = commonSpeech(norm.startsWith('「') ? stripQuote(norm) : norm)
  // 「周立新：下午4点支委会…」 - - - 已开完，3名支委全到: a reply that says held, of the meeting its quote names
  const quoted = reply !== norm ? kindAt(commonSpeech(norm.slice(0, norm.length - reply.length))) : null
  // (会开完了，…通报了组织生活会和民主评议情况: kinds the reply only reports on are its business)
  const said = quoted && !kindMentions(reply).some((m) => !subjectMatter(reply, m)) ? evidenceOf(reply) : null
  // (补报🙏 周三晚上我们组开的 静姐主持 4个人参加: held, said by its day gone or its head-count)
  const saidHeld = !!said && !said.question && !said.planStrong && (said.heldStrong || (said.heldWeak && (REPLY_COUNT.test(reply) || datePhrases(reply, now).some((d) => d.date < dayOf(now)))))
  const text = quoted && saidHeld ? `${quoted.word}${reply}` : reply
  // a list of meetings (①开了支委会…②下周党课…) is read item by item; a list of one meeting's fields
  // (1.时间：… 2.地点：…) as a whole, and so the items under minutes of one meeting (支委会纪要：一、…)
  const items = enumeratedItems(text)
  if (items && !(MINUTES_HEAD.test(text) && kindAt(text.split('\n')[0]!)) && items.filter((i) => kindAt(i.own)).length >= 2) return listed(items, now, ctx)
  const whole = parseOne(text, now, ctx, null)
  if (!whole) return items ? listed(items, now, ctx) : []
  const marker = MARKER.exec(text)
  const body = (marker ? text.slice(marker[0].length) : text).trim()
  const starts = meetingStarts(body)
  if (!starts.length) return [whole]
  const parts = [0, ...starts].map((from, i) => body.slice(from, starts[i] ?? body.length))
  const first = parseOne((marker?.[0] ?? '') + parts[0]!, now, ctx, null)
  if (!first) return [whole]
  const rest = parts.slice(1).map((part) => parseOne(part, now, ctx, first.date))
  if (rest.some((r) => !r || (r.kind === first.kind && r.group === first.group))) return [whole]
  // the day said once, for both: a later part inherits it and asks nothing about it
  return [first, ...(rest as ActivityParse[])]
}

// ①周二召开了支委会…；②下周四开党员大会，请…: a list whose whole reads as a notice may still report
// a meeting in one item; each item is read with the words before the list. Beside a plan, an item
// reports only with the plain words of a meeting held (召开了, 已召开, 实到): 周二召开支委会 there is a plan too.
function listed(items: Item[], now: Date, ctx: ReportContext): ActivityParse[] {
  const out: ActivityParse[] = []
  for (const item of items.map(itemText)) {
    const r = parseOne(item, now, ctx, null)
    if (r && (evidenceOf(item).heldStrong || r.attendees !== null) && !r.unclear.includes('kind') && !out.some((o) => o.kind === r.kind && o.date === r.date && o.group === r.group)) out.push(r)
  }
  return out.slice(0, MAX_MEETINGS)
}

function parseOne(text: string, now: Date, ctx: ReportContext, inherited: DateStr | null): ActivityParse | null {
  const marker = MARKER.exec(text)
  const body = (marker ? text.slice(marker[0].length) : text).trim()
  if (!body) return null
  const roster: RosterEntry[] = ctx.roster
  const { fields, labels } = labelledFields(body)
  const ev = evidenceOf(body)
  const kindField = kindAt(fields.kind ?? '')
  // 组织生活会后接着进行了民主评议: the kind the message is about, not one it only refers to
  const mentioned = kindMentions(body)
  // 比开党小组会还累: a kind only compared with is no meeting of this message
  if (!marker && mentioned.length && mentioned.every((m) => /(?:比|像|不如|就跟|好比)(?:开|上|搞|参加|听)?\s*$/.test(body.slice(Math.max(0, m.index - 4), m.index)))) return null
  const referred = mentioned.filter((m) => subjectMatter(body, m))
  let named = kindField ?? (referred.length && referred.length < mentioned.length
    ? kindAt(referred.reduce((t, m) => t.slice(0, m.index) + ' '.repeat(m.word.length) + t.slice(m.index + m.word.length), body))
    : kindAt(body))
  // 小组碰了个头…，主要是传达支委会精神: a kind named only as what was passed on is the subject matter;
  // the kind the sentence implies is the meeting's
  // (我们组晚上碰了个头，学了条例，顺便把组织生活会的对照检查材料对了一遍: the material of one, only mentioned)
  if (!kindField && named && (referred.length === mentioned.length || mentionedOnly(body, mentioned))) {
    const alt = impliedKind(body)
    if (alt && alt !== 'meeting' && alt !== 'other' && alt !== named.kind) named = null
  }
  // 我们三个委员碰头定的整改清单如下：⏎1.…谈心谈话不经常…: the kind the opening line implies, not one its list names
  const opening = body.split('\n')[0]!
  let openingKind: ReturnType<typeof impliedKind> = null
  if (!kindField && named && named.index >= opening.length && !kindMentions(opening).length && enumeratedItems(body)) {
    const alt = impliedKind(opening)
    if (alt && alt !== 'meeting' && alt !== 'other') { named = null; openingKind = alt }
  }
  const implied = named ? null : openingKind ?? impliedKind(body)
  let kind: Kind | null = named?.kind ?? (implied === 'other' ? '其他' : implied && implied !== 'meeting' ? implied : null)

  const today = dayOf(now)
  // 为明天的组织生活会做准备: the day of what was prepared for, not of this meeting
  // (有意见周五前提, 心得12日前交: a deadline's day is not the meeting's either)
  const blank = (m: string) => ' '.repeat(m.length)
  const dated0 = body.replace(PREPARED_FOR, blank).replace(DEADLINE, blank)
  const dated = (ev.heldStrong || ev.heldWeak) && !ev.planStrong ? dated0.replace(DECIDED, blank) : dated0
  // 把21号主题党日的方案定下来了: the day of a kind only referred to is not this meeting's
  // (昨天组织生活会后接着…: a meeting just after it is on its day)
  // (今天组织生活会上被静姐点名了, 昨天组织生活会上老王给我提的意见: what happened at the meeting of that day)
  const thatDay = (m: { index: number; word: string }) => /(?:昨天|前天|今天|昨晚|今晚|上午|下午|晚上)(?:上午|下午|晚上)?的?\s*$/.test(body.slice(Math.max(0, m.index - 6), m.index)) && /^上(?!午)/.test(body.slice(m.index + m.word.length))
  const dayOfOther = (r: { index: number; word: string }) => !/^\s*(?:结束)?(?:之?后|以后)/.test(body.slice(r.index + r.word.length)) && !thatDay(r)
  // “清明祭英烈”主题党日 held on 4月2日: a festival just ahead that a held meeting took as its theme is not its day
  const theme = (d: DatePhrase) => ev.heldStrong && d.date > today && FESTIVAL_WORDS.some((w) => dated.startsWith(w, d.index) && d.dateLength <= w.length + 1)
  const phrases = datePhrases(dated, now).filter((d) => !theme(d)).filter((d) => !referred.some((r) => dayOfOther(r) && r.index >= d.index + d.length && r.index <= d.index + d.length + 2 && /^\s*的?\s*$/.test(dated.slice(d.index + d.length, r.index))))
  // "请大家把心得体会周一前交给我": a deadline for handing in, not the meeting's day
  const ahead = datePhrases(withoutHandIns(dated), now).filter((d) => !theme(d))
  const fromField = fields.date ? datePhrases(fields.date, now)[0] ?? null : null
  // 原定周六的支委会…已经提前到今天下午开了: the day it was moved to, not the day first set
  const moved = MADE_UP.exec(dated)
  const dayOnly = (date: DateStr): DatePhrase => ({ date, time: null, part: null, index: 0, length: 0, dateLength: 0 })
  const movedTo = moved ? datePhrases(moved[0], now)[0] ?? dayOnly(today) : null
  const own = fromField ?? movedTo ?? phrases[0] ?? (inherited ? dayOnly(inherited) : null)
  const future = ahead.some((d) => d.date > today || (d.date === today && laterToday(d, now))) &&
    !(own && own.date < today && !ev.planStrong)
  // a 党小组会 reported without naming its group is the reporter's own group's
  const group = groupOf(body, ctx.groups, ctx.reporterGroup, kind) ?? (kind === '党小组会' ? ctx.reporterGroup ?? null : null)
  if (!kind && group && implied === 'meeting') kind = '党小组会'
  // 第二党小组学习现场，赵组长领学: a study the text gives to one 党小组 is that group's meeting
  if (kind === '集中学习' && !kindField && !/全支部|全体党员|支部党员|全体同志|支部集中/.test(body) && group && (ctx.groups.some((g) => body.includes(g)) || /第\s*[一二三四五六七八九十\d]{1,3}\s*(?:党)?(?:小)?组/.test(body))) kind = '党小组会'
  const committeeNames = ctx.roster.filter((m) => m.role && COMMITTEE.includes(m.role)).map((m) => m.name)
  const committee = committeeNames.length
  const scopeSize = group && ctx.groups.includes(group) ? ctx.roster.filter((m) => m.group === group).length
    : kind === '支部委员会' && committee ? committee : roster.length || null
  const att = attendanceOf(body, roster, scopeSize, fields)
  // a record of no named kind whose 出席 are exactly the 支委 is a 支委会 (会议记录：出席：周立新、孙雅琴、李红梅)
  if (!kind && committee >= 2 && att.named.length === committee && committeeNames.every((n) => att.named.includes(n))) kind = '支部委员会'
  // a head-count is said of a meeting that took place
  const figures = att.attendees !== null || att.expected !== null && /实到|缺席|请假|未到/.test(body)
  const structured = labels >= 2 || (labels >= 1 && figures)

  if (!marker) {
    // a check-in that mentions a meeting ("打卡 参加了集中学习 1小时") is the member's own study
    // (昨天的集中学习我签到了: one's attendance at a meeting named is its report)
    if (/打卡|补卡|打(?:个|了个|一下|下)卡/.test(body) || (!named && /签到(?!表|册|本|单)/.test(body))) return null
    // "今天参加了党课学习，40分钟": how long one studied is a check-in, not a meeting's record
    // … but how long a meeting or its speaker went on ("讲了一个半小时") is the meeting's, not study time
    // (是黄磊讲的，15分钟; 我迟到了十分钟: the lesson's length, one's lateness)
    const ownTime = body.replace(/(?:讲|开|持续|历时|用时|进行|讲课|授课|整|搞|干|忙|忙活|站|当|值守|守|迟到|晚到|早退)(?:了|的[，,\s]*)?(?:约|大约|近|将近|足足|快|差不多|接近|整整|有)?\s*(?:\d+|[一二三四五六七八九十两半]+)\s*(?:个)?(?:多)?半?(?:小时|分钟|钟头)/g, '')
    // (… and one someone chaired or led: 孙委员主持，大家轮流领读，大概一个半小时)
    // (a 党课 someone gave, with its length: 小组微党课轮到张伟，讲的是…，十五分钟)
    // (值了3小时班, 支部在腾讯会议上集中学了一个钟头: how long the branch served or studied together)
    const together = kind === '志愿服务' || (kind === '集中学习' && /支部|全体|大家|领学|集中学/.test(body))
    if (!figures && !structured && kind !== '谈心谈话' && !together && !(kind === '党课' && /讲(?!话)/.test(body)) && !/开了|召开|举行|散会|开完|结束|开过|开好/.test(body) && !(named && /主持|领学|领读|带领|(?:带|领)着(?:大家|我们|咱们)/.test(body)) && /\d+\s*(?:分钟|min|小时|h(?![a-z]))|[一二三四五六七八九十两半]+\s*(?:个)?(?:多)?(?:小时|分钟|钟头)|积分\s*[+:：]?\s*\d/i.test(ownTime) || (!figures && !structured && parsePoints(body) !== null)) return null
    // a forwarded record is ours only when it names one of our 党小组
    // ("值得我们学习借鉴" says it is someone else's)
    const ours = ctx.groups.some((g) => body.includes(g)) || /(?<!值得|供|向|让)(?:我们|咱们)|本支部|我支部/.test(body)
    const heldHere = !kindField && (named ? heldInItsSentence(body, named.index, now, referred, named.word.length) : !!kind && heldInItsSentence(body, 0, now, referred))
    // (…做了次谈心谈话。…您看呢？: a question in a sentence of its own asks about other business)
    if ((ev.question && !(named && heldHere && !evidenceOf(sentenceAt(body, named.index)).question)) || ev.negated || (ev.forwarded && !ours) || ev.otherBody || otherBranch(body, ctx.branch)) return null
    if (ev.trouble && !figures && !structured) return null
    // 上次组织生活会提的那12条问题…: every kind only referred to (not at that day's meeting), nothing else held
    if (!kindField && mentioned.length && referred.length === mentioned.length && !referred.some(thatDay) && !impliedKind(body) && !figures && !structured) return null
    if (named && !figures && !structured && mentionedOnly(body, mentioned) && !mentioned.some(thatDay)) return null
    // 支委会刚散。定了三件事：述职报告12月10日前交…: what the message goes on to ask or announce does
    // not undo a meeting its own sentence says was held
    // 原定周四的支委会…已经提前到今天下午开了: the day first set is not when it was held
    // (a record with its fields, dated, keeps what its 结论 schedules next: 拟定3月25日召开)
    if (future && !heldHere && !moved && !(ev.heldStrong && !ev.planStrong && own && own.date <= today) && !(structured && own && own.date <= today && !ev.planStrong)) return null
    if (ev.planStrong && !heldHere && !COMPLETED.test(body.replace(/(?:开|讲|学|听)完(?=要|后|以后|之后|再|就要)/g, ''))) return null
    const pastDated = !!own && own.date < today
    // (a record with its fields, of a time already past today: 时间：10月13日晚7:00 sent at nine)
    const pastToday = !!own && own.date === today && !laterToday(own, now) && own.time !== null
    if (ev.planWeak && !ev.heldStrong && !pastDated && !heldHere && !(structured && pastToday)) return null
    // "召开支委会，研究发展党员工作": the agenda of a meeting held, its day to be asked
    const agenda = !!kind && /召开|举行|开展|组织/.test(body) && /研究|讨论|传达|审议|部署|通报|总结|学习|决定|通过/.test(body)
    // (支委会下午开的: held earlier today)
    // (站了两个小时, 送了绿豆汤: a service said by what was done)
    const served = kind === '志愿服务' && !future && !ev.planStrong && !/报名|接龙|招募|想去的|谁能|谁有空/.test(body) && (pastDated || /(?:站|送|发|巡|守|干|扫|帮|陪|值|当|做|包|装|搬|清|捡|种|劝|摆|献)(?:了|过)|(?:送|发)出去|\d+\s*(?:个|名|位)(?:党员)?志愿者|(?:转移|安置|送)到了|安顿好了|(?:巡|值|守)完/.test(body))
    const happened = ev.heldStrong || served || (ev.heldWeak && (pastDated || !!own || (ev.recent && !future && !ev.planWeak && /(?:开|讲|上|搞)的(?!话|时候|是不是)|主持的/.test(body)))) || structured || figures || agenda || heldHere
    if (!happened) return null
    if (!kind) {
      // a meeting of no named kind counts only with clear evidence; the bot asks what it was
      if (implied !== 'meeting' && !structured) return null
      if (NOT_PARTY_MEETING.test(body) && !PARTY.test(body)) return null
      if (!(ev.heldStrong || structured || figures)) return null
    }
  }

  let date: DateStr | null = own?.date ?? null
  if (date && date > today) date = null
  const unclear: Unclear[] = []
  if (!date) {
    // "刚刚散会", "上午开过了", "党小组会开好了": the meeting was today; with no time said at all
    // today is still the likeliest, but the reporter is asked to confirm
    date = today
    if (!ev.recent && !ev.heldStrong) unclear.push('date')
  }
  if (date < addDays(today, -400)) unclear.push('date')
  if (!kind) unclear.push('kind')
  // a title in 《》 is no one's name and keeps a name from its verb: "周立新以《…》为题，为支部党员讲授"
  // "@周立新 书记，…会议由您主持": 您 is the one addressed
  const addressed = /^\s*@([^\s@，,]{2,8})/.exec(body)?.[1]
  const you = addressed ? ctx.roster.find((m) => m.name === resolvePerson(addressed, roster)) : undefined
  const forPeople = (you ? body.replace(/您/g, you.name) : body).replace(/《[^《》]*》/g, '《》').replace(/为题[，,]/g, '为题')
  const people = peopleOf(forPeople, kind, fields, roster)
  // a 党小组会 reported by that group's own 党小组长, with nobody else said to chair it: they chaired it
  const self = ctx.roster.find((m) => m.name === ctx.reporter)
  if (kind === '党小组会' && !people.host && self?.role === '党小组长' && group && self.group === group) people.host = self.name
  // a 支委会 the 书记 reports having sat in ("我和雅琴、红梅三人参加"), nobody else said to chair it: the
  // 书记 convenes and chairs the 支委会
  if (kind === '支部委员会' && !people.host && self?.role === '书记' && /我(?!们)[^，。]{0,10}(?:参加|出席|参会|在)|(?:我和|我与|我同)/.test(body)) people.host = self.name
  // "我主持的", "由我主持", "本人主讲": the sender, by name
  if (self && !people.host && /(?:我|本人)(?!们)(?:来|亲自)?主持/.test(body)) people.host = self.name
  // a talk is led by who sought it: 书记下午专门找我聊了, 赵组长跟我谈话了 — the one named; 和小黄谈了一次心,
  // 我跟老王谈了 — the sender
  if (kind === '谈心谈话' && !people.host) {
    const toMe = TALK_TO_ME.exec(forPeople)
    const by = toMe ? mentions(toMe[1]!.replace(/^(?:今天|昨天|前天|上午|下午|中午|晚上|早上|刚才|刚刚|刚)+/, ''), roster)[0]?.name : undefined
    if (by) people.host = by
    else if (self && !toMe && SENDER_TALKED.test(forPeople)) people.host = self.name
  }
  // (…给大家讲了一次党课，…课件我发给雅琴: who is named after the lesson did not give it)
  const gave = /^(?:今天|昨天|上午|下午|晚上|刚才|刚刚)?[^，。,]{0,8}?(?:给|为|跟)[^，。,]{0,6}?(?:大家|同志们|组里|支部|小组|党员)[^，。,]{0,6}(?:讲|上)(?:了|的)/.exec(forPeople)
  if (self && kind === '党课' && !people.speaker && gave && !mentions(gave[0], roster).some((m) => m.name !== self.name)) people.speaker = self.name
  // 今天我领学的《…》: the sender led the study
  // (我领的学, 我领着大家学了…: the same, said the long way)
  if (self && !people.speaker && /(?:我|本人)(?!们)(?:来)?(?:领学|领的学|领读|(?:领着|带着)(?:大家|我们|同志们|大伙)?(?:一起)?(?:学|读))/.test(body)) people.speaker = self.name
  if (self && kind === '党课' && !people.speaker && /(?:我|本人)(?!们)(?:来|亲自)?(?:(?:给|为|向|跟)[^，。,]{0,8})?(?:主讲|讲授|宣讲|讲了|讲的|讲(?=[^，。,]{0,4}党课)|作了[^，。,]{0,8}辅导)/.test(body)) people.speaker = self.name
  // "会议由周立新主持，孙雅琴、李红梅参加": the one who chaired was there too
  let attendees = att.attendees
  // 和小刘谈心谈话, 刚跟吴芳谈完: a talk with one member is two people (分别和A、B谈了 is several talks)
  if (attendees === null && kind === '谈心谈话' && !/分别|逐一|挨个|[、]\s*(?:\S{1,4}同志)?(?:分别)?谈|[，,]\s*\S{1,4}同志(?:分别)?谈/.test(body) && /(?:和|与|跟|同|找)[^，。,、\n]{1,10}?(?:谈|聊)|(?:把我留下(?:来)?|(?:叫|约)我[^，。,\n]{0,6}[，,]?)(?:谈|聊)/.test(body)) attendees = 2
  // 跟老王、红梅在社区…, 轮到我和张工去值班, 我和红梅参加: the sender and those named with them
  const withMe = attendees === null && kind !== '谈心谈话' ? COMPANIONS.exec(forPeople) : null
  // (跟芳芳洋洋去: names run together, each a member's)
  const chunks = withMe ? withMe[1]!.split(/[、\s和及与]+/).filter(Boolean) : []
  const byChunk = chunks.map((c) => { const ms = mentions(c, roster); return ms.reduce((n, m) => n + m.end - m.index, 0) === c.length ? ms : [] })
  if (chunks.length && byChunk.every((ms) => ms.length)) {
    const names = new Set(byChunk.flat().map((m) => m.name))
    if (self) names.add(self.name)
    if (people.host && ctx.roster.some((m) => m.name === people.host)) names.add(people.host)
    attendees = names.size
  }
  if (att.named.length && people.host && !att.named.includes(people.host) && ctx.roster.some((m) => m.name === people.host)) attendees = att.named.length + 1
  const place = fields.place ?? PLACE.exec(body)?.[1] ?? null
  return {
    explicit: !!marker,
    unclear: [...new Set(unclear)],
    kind: kind ?? '其他',
    date,
    group: kind === '党小组会' || group ? group : null,
    topic: topicOf(body, fields.topic),
    place: place && place.length <= 30 ? place : null,
    host: people.host,
    speaker: people.speaker,
    recorder: people.recorder,
    expected: att.expected,
    attendees,
    absent: att.absent as Absence[],
    content: fields.content ?? (body || null),
  }
}
