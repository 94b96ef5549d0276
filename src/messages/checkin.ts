// 学习打卡: is this message a member stating that they studied?
//
// A check-in states something done: a marker (打卡, 【打卡】, 今日学习, 已学习 …) with content, a
// duration or points — or the marker alone. People also *talk about* checking in: they remind
// (大家记得打卡), ask (打卡了吗), plan (我晚上回去再打卡), admit (我今天没打卡), explain the format
// (打卡格式：打卡+内容+时长) or use the word as a noun (打卡情况不错). So each marker is read in its
// sentence: what stands before it (who, when, whether) and what directly follows it (a question
// particle, a noun it modifies) decide whether it is a statement or talk. Members also state their
// study without any marker (今天读了《条例》第五章，25分钟): a study verb said done, with a figure,
// a title or what was studied, read with the same cues. Dates come from dates.ts, the one grammar.
import { MISSED_THEN_BACKFILL, notACheckin } from './not-checkin.js'
import type { DateStr } from '../domain/types.js'
import { kindMentions } from '../domain/kinds.js'
import { clockOf, dayOf, minutesOf } from '../domain/time.js'
import { datePhrases, type DatePhrase } from './dates.js'
import { clockRanges, parseDuration, withoutTitles } from './duration.js'
import { parsePoints, SECTION_SCORES, studyShorthand } from './points.js'
import { commonSpeech, MAX_PARSE_LENGTH, normalize, stripQuote } from './text.js'

export { entriesFor, entryContent, parseSolitaire, type Solitaire, type SolitaireEntry } from './solitaire.js'

export interface CheckinParse {
  minutes: number | null
  points: number | null
  /** the message without its marker: what was studied, titles in 《》 kept */
  content: string
  /** the 《…》 titles, in order */
  titles: string[]
}

// ------------------------------------------------------------------ markers

const STRONG_MARKER = /(?:已经?)?完成了?(?:今日|今天|当日)的? ?学习任务(?!后|以后|之后|再|就)|(?:今日|今天|当日)的? ?学习任务(?:已经?|都)?(?:完成|做完|搞定)|【 ?(?:学习)?打卡 ?】|# ?(?:学习)?打卡 ?#?|学习打卡|打卡|打(?:个|了个|一下|下) ?卡|(?:我的)?(?:今日|今天|当日) ?学习情况 ?:|(?:今日|当日) ?学习(?!强国)|今天 ?学习(?=了|:| ?打卡)|已经? ?(?:完成 ?)?学习(?!强国)|完成(?:今日|今天|当日)? ?学习(?!任务|强国|的)|已学完/g
// 学习强国 says what was studied, 积分+33 / 今天+27分 what it earned: alone, they mark a check-in
// only with the points they report
// (今天45分 opening the message, 文章12分+视频12分: the app's score said bare is the same)
const WEAK_MARKER = new RegExp(`学习强国|强国|积分|\\+ ?\\d{1,3} ?分(?!钟)|^(?:今日|今天|当日)(?=[！!~～,，。:：、 ]{0,3}\\d{1,3} ?分(?![钟之]))|${SECTION_SCORES.source}`, 'g')
// (打个卡, 打一下卡: the same act, said casually)
// the same markers as phrases to cut from the content, with the words that ride along (我已…打卡了)
const MARKER_PHRASE = /(?:我的)?(?:今日|今天|当日) ?学习情况 ?:|(?:(?:我|本人|也|又|今天|今日|今晚|当日|已经|已|完成|就|算是|算) ?){0,4}(?:【 ?(?:学习)?打卡 ?】|# ?(?:学习)?打卡 ?#?|学习打卡|打卡|打(?:个|了个|一下|下) ?卡)(?:了|啦|完毕|成功|完成)?(?: ?吧)?|(?:我|本人)?(?:(?:今日|当日|今天|已经|已|完成) ?){1,3}学习(?!强国)了?|已学完/g

// Messages that belong to another parser: 补卡 (backfill), 撤销打卡 (undo), 接龙 (solitaire).
const OTHER_KIND = /^(?:[#【\[] ?)?(?:补 ?(?:打 ?)?卡|(?:撤销|撤回|取消|删除) ?打卡|接龙)/
const APP_MESSAGE = /^\s*<(?:\?xml|msg|appmsg)|<appmsg[\s>]/i
const MENTIONS = /^(?:@[^\s@]{1,40}[\s\u2005]+)+/
const DECORATION = /[\p{Extended_Pictographic}\u{FE0F}\u{200D}\u{20E3}\u{1F3FB}-\u{1F3FF}\u{1F1E6}-\u{1F1FF}]|\[[^\[\]\n]{1,8}\]/gu

// ------------------------------------------------------------------ cues of talk, not statement

// How far a cue is looked for around a marker: a sentence about checking in is short, and the bound
// keeps a 4000-character message of markers linear.
const REACH = 120
// a real check-in has a marker or two; more than this is noise, and not read further
const MAX_MARKERS = 16

const SENTENCE_END = /[。！!？?；;\n~～]/
const CLAUSE_END = /[。！!？?；;\n~～，,、:：]/

// questions: a question mark, a final particle, or a question word
// (俺记着呢, 好着呢: 着呢 affirms)
const ENDS_AS_QUESTION = /(?:吗|么|(?<!着)呢|吧|没有?|不|否|与否)[啊呀哈嘛]{0,4}[ 。.!！~～]*$/
const ASKS = /多久|多长时间|怎么|怎样|如何|咋|为啥|为什么|是否|能否|可否|有没有|是不是|要不要|能不能|可不可以|需不需要|用不用|算不算|行不行|哪里|哪儿|在哪|谁|(?<![那这前后头好近])几(?:点|号|时|天|次)|多少|啥/
const Y_PARTICLE = /^ ?了? ?(?:吗|么|没|呢|吧|不|否|没有|与否|了没)/
// telling others to check in; 请 as a request, not in 申请, 邀请, 请示, 请假, 请个假
// 勿忘, 莫忘 as a reminder; 勿忘国耻, 勿忘初心 are slogans
const FORGET_NOT = '(?:勿|莫)忘(?!国耻|初心|历史|先烈|英烈|来路|过去)'
const REQUEST = '(?<![申邀聘提恳敬宴约报回])请(?![示求假教柬愿]|(?:个|了|一天|半天|几天|两天)假)'
const EXHORT_NEAR = new RegExp(`记得|记着|抓紧|赶紧|赶快|尽快|务必|必须|别忘|不要忘|${FORGET_NOT}|提醒|督促|按时|及时|催|${REQUEST}|大家|各位|同志们|全体|所有人|你们|诸位`)
const EXHORT_ADJACENT = /(?:要|得|该|应|应该|应当|需要|须|可以|快|快点|快些|快来|都|一起|算|才算)$/
// plans: the check-in has not happened yet
const PLAN_NEAR = /明天|明早|明日|明晚|后天|下周|下次|待会|等会|一会儿?|回头|回去|稍后|晚点|晚些|改天|准备|打算|计划|马上|立刻|立即|这就|等下|等一下|以后|之后/
// an intent governs the verb of its own clause: 准备晚上打卡 is a plan, but 学了两小时，主要是准备
// 组织生活会的发言材料，顺便打卡 prepared something else — unless the intent reaches a study verb (打算先学完)
// (a day word that modifies a noun is no time of the act: 为了准备明天的支委会 … 顺便打个卡)
const LATER = /(?:明天|明早|明日|明晚|后天|下周|下次)(?!的)|待会|等会|一会儿?|回头|回去|稍后|晚点|晚些|改天|等下|等一下|以后|之后/
// (工作计划, 整改计划: a plan as a thing read, not one's intent)
const INTENT = /准备|打算|(?<!工作|整改|学习|年度|个人)计划|马上|立刻|立即|这就/
const INTENT_REACHES = /(?:准备|打算|计划)(?:先|再|去|要|好好)?(?:学|看|读|听|背|抄|打卡|把)/
// promises are plans too: 晚上保证打卡, 一定打卡, 我会打卡的
const PLAN_ADJACENT = /(?:再|补|要|将|想|去|会去|会|保证|肯定|一定|争取|尽量|必须|得)$/
// negation governs the marker: 还没打卡, 忘记打卡, 没来得及打卡, 不用打卡
const NEGATION_ADJACENT = /(?:没|未|忘|漏|不|别|莫|无需|免)(?:有|记|了|能|用|必|要|需|来得及|及时|按时|去)?$/
// (差点忘了: nearly forgot, so did it)
const NEGATION_NEAR = /(?<!差点|差点儿|差一点|险些|几乎)(?:忘记|忘了)|漏了|没能|未能|来不及|不会用|不懂|不知道|不清楚|不会弄/
const FAILED = /^ ?(?:失败|不了|不成功|没成功|未成功|不上|没上)/
// the marker as a noun or modifier: 打卡情况, 打卡的同志, 打卡格式, 网红打卡地, 今日学习任务
const MODIFIES = /^(?:的|情况|率|全勤|满勤|人数|名单|统计|记录|功能|时间|要求|规则|格式|方式|方法|活动|任务|制度|机器人|助手|群|次数|天数|数据|表|通知|截止|点|地|机|软件|小程序|提醒|工作|链接|二维码|入口|页面|系统|排名|排行|榜|进度|汇总|安排|计划|提示|材料|资料|重点|篇目|推荐)/
// the marker as the topic of a remark: 打卡真累, 打卡是党员的义务, 打卡这件事…, 已打卡25人
const TOPIC_AFTER = /^(?:好(?![了啦的])|麻烦|累|烦|难|太|很|真|挺|蛮|非常|比较|有点|有些|特别|越来越|也太|就是|是|算是|还是|这件事|这事|这个|这种|\d+ ?(?:人|位|名))/
// "today's check-in …": a noun, unless that check-in is said to be done
const POSSESSED = /的$/
const DONE_AFTER = /^ ?(?:已经?)?(?:完成|搞定|完毕|成功)/
// an opinion about checking in, not a check-in
const OPINION = /觉得|认为|感觉|以为|建议|希望|担心/
// a rule about checking in: 打卡需要写时长, 打卡时注明…, 打卡前先学习
const RULE_AFTER = /^(?:需要|需|要|得|应该|应|必须|须|可以|能|只能|不能|不用|时|前|后|之前|之后)/
// how to check in: never a check-in itself
const FORMAT = /格式|模板|示例|样例|范例|例如|比如|例[:：]|如下|参照|(?<!对|按)照着/
// 要是 as "if", not inside 主要是, 只要是, 需要是
const CONDITIONAL = /如果|(?<![主需只重总还就不])要是|假如|假设|万一|的话/
// counting others: 已有15人打卡, 12名同志已打卡
const COUNTS_OTHERS = /(?:\d+|[一二两三四五六七八九十]{1,3}) ?(?:人|位|名)(?:同志|党员)?(?:已经?|均|都)? ?$/
// message-wide: an exhortation to others anywhere is a notice, not a check-in; so are the steps of
// a forwarded instruction (登录学习强国，点击打卡) …
const NOTICE = new RegExp(`${REQUEST}|记得|务必|抓紧|赶紧|别忘|不要忘|${FORGET_NOT}|督促|截止|之前完成|前完成|通报|登录|登陆|点击|扫码|步骤|第[一二三四五1-5]步|操作流程|操作方法`)
const NOTICE_ALL = new RegExp(NOTICE.source, 'g')
// … unless the sender says they did it too: 大家也记得打卡
const ME_TOO = /也|我已|本人已/

interface Span { index: number; length: number }

function markersIn(plain: string, re: RegExp): Span[] {
  const out: Span[] = []
  for (const m of plain.matchAll(re)) {
    out.push({ index: m.index, length: m[0].length })
    if (out.length === MAX_MARKERS) break
  }
  return out
}

/** Start of the unit (sentence or clause) containing position i. */
function unitStart(plain: string, i: number, boundary: RegExp): number {
  const stop = Math.max(0, i - REACH)
  for (let k = i - 1; k >= stop; k--) if (boundary.test(plain[k]!)) return k + 1
  return stop
}

/** End of the sentence from position i, its terminator included. */
function sentenceEnd(plain: string, i: number): number {
  const stop = Math.min(plain.length, i + REACH)
  for (let k = i; k < stop; k++) if (SENTENCE_END.test(plain[k]!)) return k + 1
  return stop
}

/** A marker's surroundings, within its sentence. */
interface Around {
  sentence: string
  /** from the start of the sentence to the marker */
  before: string
  /** from the start of the clause to the marker: what governs it (还没, 记得, 再 …) */
  near: string
  /** the few characters right after the marker: a particle, a noun it modifies */
  after: string
}

function around(plain: string, m: Span): Around {
  const end = m.index + m.length
  const sStart = unitStart(plain, m.index, SENTENCE_END)
  const sEnd = sentenceEnd(plain, end)
  return {
    sentence: plain.slice(sStart, sEnd),
    before: plain.slice(sStart, m.index),
    near: plain.slice(unitStart(plain, m.index, CLAUSE_END), m.index).trimEnd(),
    after: plain.slice(end, Math.min(sEnd, end + 8)),
  }
}

const asks = (a: Around) =>
  /[?？]/.test(a.sentence) || ENDS_AS_QUESTION.test(a.sentence.replace(/[。！!；;\n~～]+$/, '').trimEnd()) ||
  ASKS.test(a.before) || ASKS.test(a.after) || Y_PARTICLE.test(a.after)
// someone else did it: 他今天打卡了, 老王已经学完了, 有人还没看, 我爸今天学了一小时, 我家那位拿了50分
const OTHERS = /(?<!其)他|她|人家|别人|有人|好多人|很多人|不少人|个别|(?<![和跟与陪带同给]|[和跟与陪带同给]我|[哄送接陪带管]完|照顾完?)(?:孩子|儿子|女儿|老公|爱人|老婆|媳妇|丈夫|妻子|(?:我|俺)?(?:爸|妈)|爸爸|妈妈|父亲|母亲|老爸|老妈|老伴|家那位|家属|同事|朋友|领导|同学)(?!一起)|\p{Script=Han}同志(?!们)|(?<!\p{Script=Han})[老小][张王李赵刘陈杨黄周吴徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤]/u
// praise is about someone else's study: 真厉害, 值得学习, 向他学习
const PRAISE = /厉害|真棒|好样的|佩服|值得学习|向.{1,6}学习|榜样学习/
// a group's figures, not one member's: 二组今天学习情况：…
// (一组今天已打卡：…, 一组本周打卡我统计了：…)
const GROUP_SUBJECT = /(?:[一二三四五六七八九十\d]组|党小组|小组|全组|本组|我组|我们组|咱们组|支部|全支部|大家)的?\s?(?:今天|今日|本周|这周|本月|这个月|截至今天|截至目前)?(?:已|的)?\s?$/
const tellsOthers = (a: Around) => EXHORT_NEAR.test(a.near) || EXHORT_ADJACENT.test(a.near) || COUNTS_OTHERS.test(a.near) || OTHERS.test(a.near) || GROUP_SUBJECT.test(a.near)
// (明天讲党课，今晚又备了课，顺便把…读了: a day of doing said after the plan's day governs what follows it)
const LATER_ALL = new RegExp(LATER.source, 'g')
const laterGoverns = (before: string) => { const l = [...before.matchAll(LATER_ALL)].at(-1); return !!l && !/今晚|今天|今日|今早|刚才?|刚刚/.test(before.slice(l.index + l[0].length)) }
const notYet = (a: Around) => laterGoverns(a.before) || INTENT.test(a.near) || INTENT_REACHES.test(a.before) || PLAN_ADJACENT.test(a.near) || CONDITIONAL.test(a.before) || CONDITIONAL.test(a.after)
const negated = (a: Around) => NEGATION_ADJACENT.test(a.near) || NEGATION_NEAR.test(a.before) || FAILED.test(a.after)
// checking in as an aim, not an act: 不要只为打卡而打卡, 为了打卡而学习
const PURPOSE = /(?:为了?|只为|只是为了?|而)$/
const aboutCheckingIn = (a: Around) =>
  MODIFIES.test(a.after) || TOPIC_AFTER.test(a.after) || OPINION.test(a.before) ||
  (POSSESSED.test(a.near) && !DONE_AFTER.test(a.after)) || RULE_AFTER.test(a.after) || FORMAT.test(a.before) || FORMAT.test(a.after) ||
  /\+$/.test(a.near) || /^ ?\+(?!\d)/.test(a.after) || // 打卡+内容+时长, but 打卡+1 is "me too"
  PURPOSE.test(a.near) || /^ ?而/.test(a.after)

// 打卡 of another kind: a gym, a sight, a queue, the office clock (健身房打卡第30天, 网红店打卡成功)
const OTHER_CHECKIN = /(?:拍照|拍个照|留影|合影|自拍|门口|健身|跑步|运动|锻炼|减肥|早起|背单词|英语|单词|网红|景点|景区|餐厅|饭店|咖啡|奶茶|美食|探店|旅游|考勤|上班|下班|钉钉|门禁|步数|喝水|早睡)(?:房|店|馆|地|点|机)? ?$/
// 食堂打卡 红烧肉, 公园打卡: a place checked in at; a check-in only with something studied (图书馆打卡 学了2小时)
const PLACE_BEFORE = /\p{Script=Han}(?:堂|店|馆|园|场|厅|楼|站|街|山|湖|寺|桥|村|岛|城|院|区|馆里|园里|湖边|河边|江边|海边|边|畔|门口)(?:去)?\s?(?:打了个|打个|打了)?\s?$/u
const STUDIED_WORD = /学|读|看|听|强国|积分|党|课|答题|视频|文章|精神|思想|理论|条例|章程/
// the check-in as a thing spoken of: 那条打卡发错了, 上一条打卡撤回了
const THAT_ONE = /(?:那条|这条|上条|上一条|刚才那条|那个|这个|那次|这次|那一条)$/
// a resolution or a rule: 我争取每天打卡, 要求每天打卡
// (每日答题, 每周答题: sections of 学习强国, not a schedule)
// (对照组织生活会的要求，把党章通读了一遍: studying up to a standard is no rule of how much)
const SCHEDULE_NEAR = /每天|每日(?!答题|一练|一题)|天天|每周(?!答题|一答)|至少|不少于|争取|力争|(?<!(?:对照|按照|根据|结合|落实)[^，,。]{0,12})要求|规定/

// 看了一集《觉醒年代》，算学习打卡吧 / 就算打卡了: the sender counts their own study (a rule says 才算 or
// 也算 to others, a question asks 算打卡吗？). Read without the 算 and the softening 吧.
// 也算 counts one's own only after one's study was said done (看完了…，也算打个卡), not as a rule (看视频也算打卡).
const SELF_COUNT_NEAR = /(?<!才)(?:就|那就|也|都)?算(?:是)?$/
const SOFTENER = /^ ?(?:了 ?(?:吧|啦|咯|哈)?|吧|啦|咯|哈)/
function selfCounted(a: Around): Around {
  if (!SELF_COUNT_NEAR.test(a.near) || /[?？]|吗|么/.test(a.sentence)) return a
  const general = /(?:也|都)算(?:是)?$/.test(a.near)
  if (!(SOFTENER.test(a.after) && !general) && !/[了完过]/.test(a.before.slice(0, a.before.length - a.near.length))) return a
  const soft = SOFTENER.exec(a.after)?.[0] ?? ''
  return { ...a, near: a.near.replace(SELF_COUNT_NEAR, ''), after: a.after.slice(soft.length), sentence: a.sentence.replace(/吧([^吧]*)$/, '$1') }
}

/** Is this marker occurrence someone stating a check-in, rather than talk about checking in? */
function isStatement(plain: string, m: Span): boolean {
  const a = selfCounted(around(plain, m))
  if (/卡/.test(plain.slice(m.index, m.index + m.length)) && (OTHER_CHECKIN.test(a.near) || THAT_ONE.test(a.near))) return false
  return !(asks(a) || tellsOthers(a) || notYet(a) || negated(a) || aboutCheckingIn(a) || SCHEDULE_NEAR.test(a.near))
}

const STUDY_TALK = /打卡|补卡|学习|学|读|看|听|强国|积分|时长|分钟|小时/
/** A notice to the group (请大家…, 记得…) unless the sender includes themselves (大家也记得打卡). */
function isNotice(plain: string): boolean {
  if (FORMAT.test(plain)) return true
  let seen = 0
  for (const m of plain.matchAll(NOTICE_ALL)) {
    const clause = plain.slice(unitStart(plain, m.index, CLAUSE_END), sentenceEnd(plain, m.index))
    // a notice in a sentence of its own about something else (…。顺便说下，组织生活会的材料请大家周一前交)
    // leaves the sender's check-in before it standing
    const sentence = plain.slice(unitStart(plain, m.index, SENTENCE_END), sentenceEnd(plain, m.index))
    // (one that names no matter of its own — 打卡打卡！大家别忘了 — means the check-in)
    if (unitStart(plain, m.index, SENTENCE_END) > 0 && !STUDY_TALK.test(sentence) && sentence.length - m[0].length >= 10) continue
    if (!ME_TOO.test(clause)) return true
    if (++seen === MAX_MARKERS) break
  }
  return false
}

/** Placeholders of a format explanation: 打卡 内容 时长 / 打卡 姓名 xx. */
function onlyPlaceholders(content: string): boolean {
  const words = content.split(/[\s+、，,:：\-—|/（）()]+/).filter(Boolean)
  return words.length > 0 && words.every((w) => /^(?:学习)?(?:内容|时长|时间)$|^(?:姓名|名字|书名|篇目)$|^[x×X*…]+$|^\.+$/.test(w))
}

// ------------------------------------------------------------------ content

const TITLE = /《([^《》\n]{1,80})》/g

/** The 《…》 titles, trimmed and without repeats. */
export function titlesOf(text: string): string[] {
  return [...new Set([...text.matchAll(TITLE)].map((m) => m[1]!.trim()).filter(Boolean))]
}

/** Applies `fn` to the text outside 《titles》 only: a title is quoted as written. */
function outsideTitles(text: string, fn: (s: string) => string): string {
  let out = ''
  let last = 0
  for (const m of text.matchAll(TITLE)) {
    out += fn(text.slice(last, m.index)) + m[0]
    last = m.index + m[0].length
  }
  return out + fn(text.slice(last))
}

/** What was studied: the text without markers, mentions, emoji, stickers and edge punctuation. */
function contentOf(text: string): string {
  return outsideTitles(text.replace(MENTIONS, ''), (s) => s.replace(MARKER_PHRASE, ' ').replace(DECORATION, ' '))
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/^[\s:：,，。.、;；!！\-—~～|]+|[\s:：,，。.、;；!！\-—~～|]+$/g, '')
}

function figures(text: string): CheckinParse {
  // 学强53pts is read as 学习强国53分; the content keeps the member's words
  const read = studyShorthand(text)
  return { minutes: parseDuration(read), points: parsePoints(read), content: contentOf(text), titles: titlesOf(text) }
}

/**
 * A quoted reply without its quote. stripQuote is tried only where a quote can be (a message that
 * starts with 「, within the parse limit): its separator search is quadratic on long blank runs.
 */
export function unquoted(text: string): string {
  return text.startsWith('「') && text.length <= MAX_PARSE_LENGTH ? stripQuote(text) : text
}

/** Normalised text, quote stripped; null for what is never parsed (too long, app messages). */
function prepare(input: string): string | null {
  if (!input || input.length > MAX_PARSE_LENGTH || APP_MESSAGE.test(input)) return null
  // 俺 = 我, 打咔 (a slip of the keyboard) = 打卡: read as the common forms, the record keeps the words
  // (…，作为今天的打卡 / 算今天的打卡了: the check-in said of what came before)
  // (Day11 ✅ …: a streak's day, ticked, is a check-in)
  return commonSpeech(unquoted(normalize(input)).replace(/打咔/g, '打卡').replace(/^\s*(?:day|第)\s*\d{1,3}\s*(?:天)?\s*[✅✔☑√]/i, '打卡 ')).replace(/(?:就)?(?:(?:作为|算作|算是|当作|当做)(?:今天|今日|今晚|本日)?|(?<![不没能也都才])算(?:今天|今日|今晚|本日))的?打卡(?:了|吧)?/g, '打卡').trim()
}

/** Text as the cue analysis sees it: no titles, no emoji or stickers, single spaces. */
// (今天主题党日就当学习了😄 晚上又补看了半小时…: an emoji and a space between two sentences end the first)
const EMOJI_BREAK = /(?<=\p{Script=Han})(?:[\p{Extended_Pictographic}\u{FE0F}\u{200D}\u{1F3FB}-\u{1F3FF}]|\[[^\[\]\n]{1,8}\])+[ \t]+(?=\p{Script=Han})/gu
function plainOf(text: string): string {
  return studyShorthand(withoutTitles(text.replace(MENTIONS, ''))).replace(EMOJI_BREAK, '。').replace(DECORATION, ' ').replace(/[^\S\n]+/g, ' ').trim()
}

// ------------------------------------------------------------------ 打卡

// ------------------------------------------------------------------ studying, said plainly

// 今天读了《条例》第五章，25分钟 / 刚看完专题片《榜样9》 / 学习强国学了半小时: a check-in without
// the word. The verb must say it is done (了, 完, 过, 刚, 已) or open the message with a figure,
// and something must say it was study: a duration, points, a 《title》 or what is studied.
// (刷了会强国: what members call going through the app)
const STUDY = /(?<pre>刚刚|刚才|刚|已经|已)?(?<verb>学习|自学|研读|精读|通读|阅读|诵读|观看|收看|聆听|收听|重温|温习|背诵|抄写|刷(?=了?(?:会儿?|一会儿?|一下)?(?:学习)?强国)|过(?=了一遍|了一下|了两遍)|学|读|看|听)(?<asp>完了|完毕|完|了|过)?/g
// the verb inside another word: 学生, 学会, 学习强国 (the app, not the act), 看看, 听说, 读书会
const NOT_VERB_AFTER = /^(?:雷锋|生|校|院|会|员|历|者|科|术|位|期|费|年|问|强国|委|分|到|见|法|来|待|望|着|起|上去|吧|啊|一下群|说|取|书会|懂|不)/
const NOT_VERB_BEFORE = /(?:好|难|小|大|同|中|开|文|化|哲|数|医|留|放|教|科|升|入|(?<!反)复|(?<!午)休|转|退|奖|助|打|导)$/
const STUDY_OBJECT = /党章|党纪|党规|条例|准则|讲话|报告|精神|著作|选读|文选|论述|原文|专题片|纪录片|视频|党课|党史|新思想|理论|文件|公报|决定|决议|第.{1,3}[章节卷篇讲课集]|文章|读本|学习强国|强国|心得|笔记|全会|二十大|语录|金句|宪法|党建|书籍|一书|一文/
// a meeting, not one member's study: the report handler's, never a check-in
// (宣讲视频, 辅导读本: material one studies alone)
const MEETING = /集中学习|组织(?:大家|全体|党员|学习)|带领|主持|召开|开会|会议室|参会|与会|出席|列席|全体党员|[应实]到|支委会|党员大会|党小组会|主题党日|宣讲(?!视频|材料|稿|音频|提纲|片)|辅导(?!读本|材料|教材|用书|视频)|领学|座谈|研讨|三会一课/
// (… or opening the sentence: 明天集中学习，今晚先把…看了)
const LATER_CLAUSE = /(?:(?<=[，,；;])|^)\s*(?:稍后|回头|之后|然后|下次|明天|后天|下周|晚些|届时|到时)[^，,。；;\n]*/g
// a meeting as what the study was for or about, not where it happened: 准备周三领学用, 复习昨天集中学习的内容,
// 看组织生活会的有关要求, 把组织生活会上大家提的意见整理了一遍, 领学备课
// (…，备下周的宪法宣讲: preparing for it)
const PURPOSE_CLAUSE = /(?<=[，,；;])\s*(?:准备|为了?|以便|好在|用于|备(?=下周|明天|后天|周[一二三四五六日天]|下次|月底|年底))[^，,。；;\n]*/g
const MEETING_AS_OBJECT = new RegExp(`(?:复习|对照|准备|为|给|温习|回顾|整理)[^，,。；;\\n]{0,8}?(?:${MEETING.source})|(?:${MEETING.source})(?:之外|以外)|(?:昨天|前天|上次|上周|上回|那天)[^，,。；;\\n]{0,4}?(?:${MEETING.source})|(?:${MEETING.source})(?:的(?:有关|相关)?(?:内容|要求|精神|材料|发言|意见|笔记|资料|问题|准备)|上[^，,。；;\\n]{0,6}?(?:提|说|讲)的|用|备课)`, 'g')
// a rule or a schedule: 每天学习30分钟, 至少学习半小时
// (看…的有关要求, 写了整改计划: the requirements read, a plan written — nouns, no rule of one's own)
const SCHEDULE = /每天|每日(?!答题|一练|一题)|每周(?!答题|一答)|每月|每晚|每早|天天|至少|不少于|不低于|不得少于|规定|(?<!(?:对照|按照|根据|结合|落实|看|读|学)[^，,。]{0,12})(?<!有关|相关)要求|(?<!发展|奋斗|工作|年度|总体|主要)目标|力争|争取|(?<!整改|工作|学习|年度|个人)计划|安排/
// what could be done, not what was: 30分钟就能看完
const POTENTIAL = /(?:能|可以|可|得以|才能)$/
// a verb said done in a clause with its own day (…，今晚重温了一遍): what an earlier clause plans is other business
// (… and 补看了 was made up, done: no 补 still to come)
const DONE_CLAUSE_DAY = /今晚|今天|今日|今早|早上|上午|下午|晚上|刚才?|刚刚|已经/
// a plain statement is short: a forwarded article full of 学习 is not someone's check-in
const MAX_PLAIN_STATEMENT = 160
// what may open a message before its verb: a day, a part of it, a mention
// (the clock range it took may come first: 早上6:30-7:10学习《论党的建设》)
const OPENING = /^(?:(?:我|本人)?(?:今天|今日|今晚|今早|今晨|昨晚|刚刚|刚才|刚|已经|已|上午|下午|晚上|中午|早上|早晨|清晨|晨起|晨间?|早起后?|睡前|晚饭后|午饭后|午休时?)[ ,，]?|[\d:.\-—~～到至点半分 ])*$/

// a speech is content, not a meeting: 在座谈会上的讲话, 在全国宣传思想工作会议上的重要讲话
// (… and what a meeting asked: 对照党小组会上提出的要求)
const SPEECH = /[^，,。；;\n]{0,24}(?:会|会议|班|典礼)上的(?:重要)?(?:讲话|发言|报告|致辞|指示)|[^，,。；;\n]{0,16}(?:会|会议)上(?:提出|提|讲|说|布置|部署|强调)的(?:要求|意见|任务)/g
// 学习时间：19:30-20:30，内容：党章总纲 — the labels of a check-in form
// (今日学习情况：… is the heading of one member's report of the day)
// (晨学：5:50—6:40…, 周六学习：上午9:00-9:50…: a study labelled as the message opens)
const LABELLED = /(?:学习)?内容 ?[:：]|(?:学习)?篇目 ?[:：]|^(?:我的)?(?:今日|今天|当日|本日)?学习情况 ?[:：]|^(?:今日|今天|当日|本日|周[一二三四五六日天]|早上|晚上|今晚)?(?:在家|在单位|在办公室|在路上|在车上)?(?:学习|晨学|晨读|早学|夜学|夜读|晚学|自学) ?[:：]/

// 《条例》第五章 25分钟: what and how long, no verb at all — short, and nothing around it that talks
const BARE_STATEMENT = 60
const DESCRIBES = /排名|排行|统计|名单|情况|推荐|建议|值得|可以看|全片|片长|全长|每集|本期|共\d+集|一集|大约需要|需要|要求|应该|大概要/
function bareStatement(plain: string, parse: CheckinParse): boolean {
  if (plain.length > BARE_STATEMENT || parse.minutes === null || !(parse.titles.length > 0 || STUDY_OBJECT.test(plain))) return false
  return !(/[?？]/.test(plain) || ASKS.test(plain) || ENDS_AS_QUESTION.test(plain) || PLAN_NEAR.test(plain) || SCHEDULE.test(plain) || CONDITIONAL.test(plain) ||
    EXHORT_NEAR.test(plain) || OTHERS.test(plain) || NEGATION_NEAR.test(plain) || /没|未|不/.test(plain) || DESCRIBES.test(plain) || PRAISE.test(plain))
}

// 假期最后一天，今天的学习已完成: the day's study said done, on its own
const STUDY_DONE = /^(?:[^，,。？?]{0,10}[，,]\s*)?(?:今天|今日|今儿)的?(?:学习|强国)(?:任务)?(?:已经?|都)?(?:完成|搞定|学完)(?:了|啦|咯)?[。!！~～✅✔👌\s]*$/
// 学了一个多小时就算七十分钟吧: the 吧 softens the figure credited, it asks nothing
const SOFT_CREDIT = /(?:就|那就)?算[^，,。？?]{1,10}吧(?=[。!！~～]*$)/
const softCredit = (a: Around): Around => (SOFT_CREDIT.test(a.sentence) ? { ...a, sentence: a.sentence.replace(/吧(?=[。!！~～]*$)/, '') } : a)

function studied(plain: string, parse: CheckinParse): boolean {
  if (plain.length > MAX_PLAIN_STATEMENT) return false
  // a meeting in the study's own sentence makes it the meeting's; one in a later sentence is other
  // business (今天学习50分钟…。另外明天支委会材料我晚点发群里)
  // … and one in a clause of what comes later (有几点体会，稍后在小组会上交流) is too
  // (集中学习完回家又把条例看了一遍: one's own study after the meeting)
  const meeting = (t: string) => MEETING.test(t.replace(SPEECH, ' ').replace(LATER_CLAUSE, ' ').replace(PURPOSE_CLAUSE, ' ').replace(MEETING_AS_OBJECT, ' ').replace(/[^，,。；;\n]{0,8}(?:完|结束|散会)(?:后|以后|之后)?(?:回家|回来|到家)(?:后)?(?:又|再)?/g, ' '))
  if (!meeting(plain) && bareStatement(plain, parse)) return true
  if (STUDY_DONE.test(plain)) return true
  const evidence = parse.minutes !== null || parse.points !== null || parse.titles.length > 0
  if (parse.minutes !== null && !meeting(plain) && LABELLED.test(plain) && !PLAN_NEAR.test(plain) && !SCHEDULE.test(plain) && !ASKS.test(plain) && !/[?？]/.test(plain)) return true
  let seen = 0
  for (const m of plain.matchAll(STUDY)) {
    if (++seen > MAX_MARKERS) break
    const g = m.groups!
    const end = m.index + m[0].length
    // (把宪法全文过了一遍: 过 and 刷 make no compound with what is before them)
    if (NOT_VERB_AFTER.test(plain.slice(m.index + (g.pre?.length ?? 0) + g.verb!.length)) || (g.verb !== '过' && g.verb !== '刷' && NOT_VERB_BEFORE.test(plain.slice(0, m.index)))) continue
    const a = softCredit(around(plain, { index: m.index, length: m[0].length }))
    if (meeting(a.sentence)) continue
    const opens = OPENING.test(a.before.trim()) && unitStart(plain, m.index, SENTENCE_END) === 0
    // 学习《党章》第三章 opening a short message is a statement too; 学习贯彻… headlines have no title
    const done = !!g.asp || !!g.pre || (opens && (parse.minutes !== null || (parse.titles.length > 0 && plain.length <= BARE_STATEMENT)))
    if (!done) continue
    // what was studied comes after the verb: 这个专题片我看过了 is a remark, 看了专题片 a statement
    if (!(evidence || STUDY_OBJECT.test(plain.slice(end, sentenceEnd(plain, end))))) continue
    if (SCHEDULE.test(a.sentence) || POTENTIAL.test(a.near) || PRAISE.test(a.sentence) || asks(a) || (g.asp ? EXHORT_NEAR.test(a.near) || COUNTS_OTHERS.test(a.near) || OTHERS.test(a.near) : tellsOthers(a)) || notYet(g.asp ? { ...a, before: DONE_CLAUSE_DAY.test(a.near) ? a.near : a.before, near: a.near.replace(/补$/, '') } : a) || negated(a) || aboutCheckingIn({ ...a, after: plain.slice(end, end + 8) })) continue
    return true
  }
  return false
}

// ------------------------------------------------------------------ 打卡

// a range that ends this long after the message is still to come: 今晚7点半到8点半学习《条例》 sent at 10:00
const RANGE_SLACK = 30
const ANOTHER_DAY = /昨|前天|前日|补|上周|上星期|\d{1,2} ?月 ?\d{1,2}|\d{1,2}[./]\d{1,2}/

// 孙雅琴今天学了两个小时, 王建国刚看完…，让我帮他说一声: another member is the one who studied
const SUBJECT_NEXT = /^(?:同志|书记|组长|委员|姐|哥|老师)?(?:今天|今日|昨天|昨晚|刚才|刚刚|刚|也|都|已经|已|又|早上|上午|中午|下午|晚上|今早|今晚|一早|在|把|学|读|看|听|完成|打卡|做|背|抄)/

// 同志们好！/ 大家早上好。/ 各位早: a greeting opening the message addresses no one about studying
const GREETING = /^(?:(?:同志们|大家|各位(?:同志|领导)?|老师们)\s*)?(?:早上好|上午好|中午好|下午好|晚上好|早安|你们好|好|早)[!！,，。~～\s]+(?=\S)/

/** Whether the message's subject is one of `others` (other members' names): their study, not the sender's. */
export function aboutSomeoneElse(text: string, others: readonly string[]): boolean {
  const start = text.replace(/^\s*(?:@\S+\s+)*/, '')
  return others.some((n) => n.length >= 2 && start.startsWith(n) && SUBJECT_NEXT.test(start.slice(n.length)))
}

/**
 * A check-in stated in the message, or null when the message is anything else. With `now` (the
 * message's time), a clock range that has not ended yet is a schedule, not a check-in.
 */
export function parseCheckin(input: string, now?: Date, others: readonly string[] = []): CheckinParse | null {
  const text = prepare(input)?.replace(GREETING, '')
  if (!text || OTHER_KIND.test(text.replace(MENTIONS, ''))) return null
  if (aboutSomeoneElse(text, others)) return null
  const plain = plainOf(text)
  const strong = markersIn(plain, STRONG_MARKER)
  // with 打卡 said, a range under way is being checked in (打卡 7:10-8:00 … sent at 7:25); only one not
  // yet begun is a plan
  const clock = now ? minutesOf(clockOf(now)) : 0
  const ahead = (r: { start: number; end: number }) => (strong.length ? r.start > clock : r.end > clock + RANGE_SLACK)
  if (now && !ANOTHER_DAY.test(text) && clockRanges(text).some(ahead)) return null
  const weak = markersIn(plain, WEAK_MARKER)
  if (isNotice(plain) || notACheckin(plain)) return null
  const parse = figures(text)
  if (strong.length && strong.every((m) => PLACE_BEFORE.test(plain.slice(0, m.index))) && parse.minutes === null && parse.points === null && !parse.titles.length && !STUDIED_WORD.test(parse.content)) return null
  if (!strong.length && !weak.length) return studied(plain, parse) ? parse : null
  if (onlyPlaceholders(parse.content)) return null
  const stated = strong.some((m) => isStatement(plain, m)) || (parse.points !== null && weak.some((m) => isStatement(plain, m)))
  // a marker only talked about (我不会用打卡) does not hide a plain statement beside it
  return stated || (!strong.length && studied(plain, parse)) ? parse : null
}

// ------------------------------------------------------------------ 补卡

// 补卡 at the start: the long-standing form, `补卡 11月20日 学习《党章》 30分钟`
const BACKFILL = /^(?:[#【] ?)?补 ?(?:打 ?)?卡 ?(?:】|#)? ?[:：,，]? ?/
// … or anywhere in the sentence: 补一下上周五的卡, 昨天的卡补上, 11月6日的打卡补一下, 帮我把3号的卡补了,
// 补记11月2日, 补打卡 前天 … . These name the act itself (a question about one is shown how).
const BACKFILL_CUE = /补 ?(?:个 ?|一下 ?|下 ?|上 ?)?(?:打 ?)?卡|补(?:记|录|登|签|报)|补[^，,。；;！!？?\n卡]{0,14}?的(?:打 ?)?卡|(?:打 ?)?卡[^，,。；;！!？?\n补]{0,4}?补|的(?:学习|记录)[^，,。；;！!？?\n补]{0,3}?补/
// what only a meeting has: a 党小组, a head-count, those who attended
const GROUP_MET = /党小组|全组\s*(?:\d|[一二三四五六七八九十])|[应实]到|到会|全体党员|(?:\d+|[一二三四五六七八九十]+)\s*(?:人|名|位)(?:党员|同志)?(?:参加|出席|参会)|考勤/
// 补 straight before a day also names the act: 补昨天的, 补一下前天
const BEFORE_DAY = /^(?:一下|一个|一|下|个|上|打|打一下)? ?[:：,，]? ?$/
// (把上周四（22号）的补上: the day restated in brackets)
const AFTER_DAY = /^ ?(?:那天|当天|那一天)?(?:[(（][^()（）]{1,8})?[)）]? ?(?:的 ?)?(?:卡 ?)?$/
// 算昨天的, 算作4号, 记到11月3日: crediting a day named right after
const CREDIT = /(?<![打计就])(?:算|记|计)(?:作|成|到|在|为|是)? ?/g
function creditCue(plain: string, now: Date): RegExpExecArray | null {
  for (const m of plain.matchAll(CREDIT)) {
    const d = datePhrases(plain.slice(m.index + m[0].length), now, 'past', 1)[0]
    if (d && d.index === 0 && /^ ?(?:的|吧|,|，|$)/.test(plain.slice(m.index + m[0].length + d.dateLength))) return m as RegExpExecArray
  }
  return null
}
const NOT_STUDIED = /(?:忘(?:了|记了?)|没(?:有)?|未|没顾上|没来得及)(?:学|学习|看|读)(?!完|了|过|的)/
const LATER_SEND = /一起(?:发|补|报)|(?:今晚|明天|回头|待会儿?|一会儿?|晚点|等会儿?)(?:再|一起)?(?:发|补|报)/
// (昨儿个忘了说, 2月2号的漏了, 一直没发上去, 发不出去: not sent)
const FORGOT = /忘(?:了|记了?)?(?:报|发|打卡|说)(?:了)?|没顾上(?:报|发|打卡)|没来得及(?:报|发|打卡)|漏(?:了|掉了|报了|发了)|没发(?:上去|出去|成)|发不出去|没发上/
const FORGOT_STUDIED = /学|读|看|听|强国|积分|\d\s*分/
// 补发8月19号的：… / 补发一下昨天的打卡: a day's check-in sent late (not 补发昨天的照片)
const SENT_LATE = /补发(?:一下|下)?\s?$/
const LATE_ONE = /^ ?的 ?(?:打卡|学习|卡)?\s?(?:[:：，,]|$)/
// 你…补卡: said to another member (你好 and 谢谢你 are courtesies)
const ADDRESSED = /(?<!谢谢|谢)你(?!好|们好)/
// 我要补一下…: a request now, not a promise; only these make it one
// (学习回来补报, 忙完补: once back, once done — later)
const BACKFILL_PLAN = /(?:再|将|去|会去|会|保证|肯定|一定|争取|尽量|晚点|回头|回来|回去|回家|到家|有空|空了|忙完)(?:把|给)?$/
// a bare 补上 / 补一下 counts only when the message also says which 卡: 昨天忘了打卡，现在补上：…
// (一直没补，补上：…: the 补 said not done is passed over for the one done)
const BACKFILL_WEAK = /(?<![弥候增填没未不别])补(?![充贴助课选齐发缴交考票办学习足])/
const MENTIONS_CARD = /卡/
// what the cue and its glue leave in the content: 帮我把…的卡补了
const BACKFILL_WORDS = /(?:帮我|给我|麻烦)把?|把|补发(?: ?一下|下)?|(?:补 ?(?:个|一下|下|上|了)? ?(?:打 ?)?卡|补(?:记|录|登|签|报)(?: ?一下)?|的(?:打 ?)?卡|(?:打 ?)?卡 ?(?:要|给|来)?补(?:上|一下|下|个)?了?|(?:现在|今天)?补(?:上|一下|一个|一|下|个)?了?(?=[ :：，,。]|$))/g

// 补一下周五的 is 补一下 + 周五, not 下周五: the 下 is blanked (the same length, so positions hold)
// (补一个3月28号的: 一个 is blanked to 一 too, so 个 does not hide the date)
const apartFromWeek = (s: string): string => s.replace(/(补一?)下(?= ?(?:周|星期|礼拜))/g, '$1 ').replace(/(补一)个(?= ?\d)/g, '$1 ')

export type BackfillParse = { date: DateStr; checkin: CheckinParse } | { error: 'no-date' } | { error: 'future'; date: DateStr }

/**
 * A 补卡: the day to credit (relative to `now`, in Shanghai; never a future one) and the check-in.
 * `补卡 11月20日 学习《党章》 30分钟`, or 补卡 said anywhere: 补一下上周五的卡, 昨天的卡补上：…
 * A question about 补卡 gets `no-date`, so the member is shown how to write one. null when the
 * message is no 补卡 (or only promises one: 明天补卡, 回头补上周五的卡).
 */
export function parseBackfill(input: string, now: Date): BackfillParse | null {
  const text = prepare(input)
  if (!text) return null
  // 昨天没打卡 补24号: the miss only says why; blanked (same length) so it is not read as a negation
  const unmentioned = text.replace(MENTIONS, '')
  // 昨天过节忘了学 今天补上哈: study not done, to be made up — a promise, unless what was studied is said
  if (NOT_STUDIED.test(unmentioned)) {
    const f = figures(text)
    if (f.minutes === null && f.points === null && !f.titles.length) return null
  }
  const bare = unmentioned.replace(MISSED_THEN_BACKFILL, (m) => ' '.repeat(m.length))
  const head = BACKFILL.exec(bare)
  if (head) return headBackfill(bare.slice(head[0].length), now)
  // the miss blanked out said which 卡 the bare 补一下 after it makes up
  return spokenBackfill(bare, now, bare !== unmentioned)
}

function headBackfill(rest: string, now: Date): BackfillParse | null {
  const plain = plainOf(rest)
  // 补卡的同志请… is a notice about backfilling
  if (/^的/.test(plain) || isNotice(plain) || notACheckin(plain)) return null
  if (/[?？]/.test(plain) || ASKS.test(plain) || ENDS_AS_QUESTION.test(plain)) return { error: 'no-date' }
  return credited(rest, now, null) ?? { error: 'no-date' }
}

function spokenBackfill(text: string, now: Date, missed = false): BackfillParse | null {
  const plain = apartFromWeek(plainOf(text))
  if (plain.length > MAX_PLAIN_STATEMENT) return null
  let strong = BACKFILL_CUE.exec(plain)
  const weak = strong ? null : BACKFILL_WEAK.exec(plain)
  if (weak) {
    const next = datePhrases(plain.slice(weak.index + 1), now, 'past', 1)[0]
    if (next && BEFORE_DAY.test(plain.slice(weak.index + 1, weak.index + 1 + next.index))) strong = weak
    // … and straight after one: 11.12补 学习45分钟, 16号的补一下
    const prev = datePhrases(plain.slice(0, weak.index), now, 'past').at(-1)
    if (prev && AFTER_DAY.test(plain.slice(prev.index + prev.dateLength, weak.index))) strong = weak
  }
  // 补发8月19号的：… — the day's check-in sent late
  if (!strong) {
    const late = datePhrases(plain, now, 'past').find((d) => SENT_LATE.test(plain.slice(0, d.index)) && LATE_ONE.test(plain.slice(d.index + d.dateLength)))
    if (late) strong = SENT_LATE.exec(plain.slice(0, late.index))
  }
  // 前天的忘了报, 昨天的忘发了, 没顾上报: an earlier day's study sent late, with no 补 said
  const forgot = strong ? null : FORGOT.exec(plain)
  if (forgot) {
    // (昨天忘记打卡了 alone says what was missed, not what was studied)
    const studiedSaid = FORGOT_STUDIED.test(plain.replace(forgot[0], ''))
    // (…忘发，今晚一起发: a promise to send it, unless what was studied is said now)
    const own = LATER_SEND.test(plain.slice(forgot.index)) ? figures(text) : null
    const later = !!own && own.minutes === null && own.points === null
    const today = dayOf(now)
    if (studiedSaid && !later && datePhrases(plain, now, 'past').some((d) => d.date < today)) strong = forgot
  }
  // 刚学完，算昨天的吧 / 记到4号: the sender credits another day than the message's
  const credit = strong || weak ? null : creditCue(plain, now)
  const cue = strong ?? credit ?? (weak && (missed || MENTIONS_CARD.test(plain)) ? weak : null)
  if (!cue) return null
  if (isNotice(plain) || notACheckin(plain)) return null
  // 补记一下上周一的支委会, 补报上周四支部党课情况: a late report of a meeting, not a 补卡 — unless 打卡
  // is said or one's own time or points are (…开完回家，又研读了两个小时…，补记一下)
  if (/^补(?:记|报|录)/.test(cue[0]) && !/打卡|补卡|打(?:个|了个|一下|下)卡/.test(plain) && (kindMentions(plain).length || GROUP_MET.test(plain))) {
    const own = figures(text)
    if (own.minutes === null && own.points === null) return null
  }
  const a = around(plain, { index: cue.index, length: cue[0].length })
  const cueAfter = plain.slice(cue.index + cue[0].length, cue.index + cue[0].length + 8)
  // 明天补卡, 回头补一下上周五的卡, 我会补上的: a promise; 补不了, 没补上: nothing done
  // 昨晚没来得及 补16日…: a space ends what the negation governed; 没补上 is adjacent
  const adjacent = !/\s$/.test(plain.slice(0, cue.index))
  // 忙着准备支委会材料: getting something ready is no promise of the 补卡
  const before = a.before.replace(/准备[^，,。；;\n]{1,12}?(?=没|未|忘|[，,。；;\n])/g, (m) => (PLAN_NEAR.test(m.slice(2)) ? m : ' '))
  if (PLAN_NEAR.test(before) || CONDITIONAL.test(a.sentence) || BACKFILL_PLAN.test(a.near) || (adjacent && NEGATION_ADJACENT.test(a.near)) || FAILED.test(cueAfter) || /^ ?(?:不|没)/.test(cueAfter) || EXHORT_NEAR.test(a.near) || OTHERS.test(a.near) || /[^\s]同志$|他$|她$/.test(a.near) || ADDRESSED.test(a.before)) return null
  if (/[?？]/.test(plain) || ASKS.test(plain) || ENDS_AS_QUESTION.test(plain)) return strong ? { error: 'no-date' } : null
  // 补卡次数太多了, 补卡的规则: talk about backfilling
  if (!/^ ?(?:前天|前日|后天)/.test(cueAfter) && (MODIFIES.test(cueAfter) || TOPIC_AFTER.test(cueAfter) || RULE_AFTER.test(cueAfter))) return null
  const found = credited(text, now, cue[0])
  if (found) return found
  return strong ? { error: 'no-date' } : null
}

/**
 * The day a 补卡 credits, and what was studied. Of several dates, the one that owns the 卡 (上周五的卡)
 * wins; one that only says when the 补 happens (今天补上昨天的) gives way to another.
 */
function credited(rest: string, now: Date, cue: string | null): BackfillParse | null {
  // titles masked, not removed: the positions must stay those of `rest`; 补(一)下周三的卡 is
  // 补一下 + 周三, not 下周三
  const t = apartFromWeek(rest.replace(TITLE, (m) => '·'.repeat(m.length)))
  // 上周四（22号）: the day restated in brackets is the one meant
  const said = datePhrases(t, now, 'past')
  const all = said.filter((p, i) => !(said[i + 1] && /^\s*[(（]\s*$/.test(t.slice(p.index + p.dateLength, said[i + 1]!.index))))
  if (!all.length) return null
  const follows = (p: DatePhrase, re: RegExp) => re.test(t.slice(p.index + p.dateLength, p.index + p.dateLength + 8))
  // 补16号的, 补一下昨天: the day named right after 补 is the one credited, whatever came before
  const named = all.find((p) => /补 ?(?:记|录|报)? ?(?:一下|上|个)? ?[:：]? ?$/.test(t.slice(Math.max(0, p.index - 5), p.index)))
  const owner = named ?? all.find((p) => follows(p, /^ ?(?:的 ?)?(?:打 ?)?卡|^ ?(?:的 ?)?(?:学习|打卡)/))
  const others = all.filter((p) => !follows(p, /^ ?(?:再|来|就|又)?补/))
  const p = owner ?? others[0] ?? all[0]!
  const today = dayOf(now)
  if (p.date > today) return { error: 'future', date: p.date }
  let body = `${rest.slice(0, p.index)} ${rest.slice(p.index + p.dateLength)}`
  if (cue !== null) body = body.replace(BACKFILL_WORDS, ' ')
  // (补发8月19号的：… leaves 的 where the day was)
  body = body.replace(/^[\s:：,，]*的(?=[\s:：,，])/, ' ')
  // the dates that only said when (今天补上): not content
  for (const q of all) if (q !== p) body = body.replace(t.slice(q.index, q.index + q.dateLength), ' ')
  return { date: p.date, checkin: figures(body) }
}
