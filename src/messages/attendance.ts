// Attendance as branches write it: "应到7人，实到6人，1人（刘洋）公差", "到会党员9名", "与会同志10人",
// "来了7个人", "党员全部到齐", "全员参加" (the roster, or the 党小组's members), "缺席2人",
// "刘洋休假", "张三因病请假", "参加人员：A、B、C".
import type { Absence } from '../domain/types.js'
import { CN_NUM, parseNumber } from './numerals.js'
import { mentions, resolvePerson, type RosterEntry } from './people.js'

const N = `(\\d{1,4}|${CN_NUM}{1,4})`
const UNIT = '(?:人|名|位|个人|个|同志)'
const WHO = '(?:党员|同志|人员|成员|支委|委员|组员|人)?'

// "支委会开了，3人", "（赵静主持，5人）", a line "5个人": a bare head-count
const BARE_COUNT = new RegExp(`(?:^|[，,。\\s(（:：])${N}\\s*(?:个人|人|名党员|名|位)(?=$|[，,。;；\\s)）!！~～👌])`, 'gm')

/** One word that says why someone was away. */
export const REASON = '(?:因公出差|出差|病假|事假|公差|休假|年假|产假|婚假|丧假|探亲|外出|培训|学习|值班|住院|因公|因病|因事|有事|生病|身体不适|身体原因|工作原因|下乡|驻村|借调|在外|开会|出国|陪护|请假|轮休|调休|出访|执勤|加班)'

const EXPECTED = [
  new RegExp(`应(?:到|出席|参会|参加)(?:会)?${WHO}(?:人数)?\\s*[:：]?\\s*${N}\\s*${UNIT}?`),
  new RegExp(`(?:支部|小组|全支部|全组)?(?:现)?共有${WHO}${N}\\s*${UNIT}`),
  new RegExp(`有表决权(?:的)?${WHO}${N}\\s*${UNIT}`),
  new RegExp(`(?<![\\d/.\\-])(?<!\\d\\s?:)\\d{1,3}\\s*/\\s*(\\d{1,3})(?![\\d/.\\-:]|\\s*[日号])`),
]
const ATTENDEES = [
  new RegExp(`实(?:到|际到会|际出席|际参加|际参会|到会)(?:会)?${WHO}(?:人数)?\\s*[:：]?\\s*${N}\\s*${UNIT}?`),
  new RegExp(`(?<![应实])(?:到会|到课|到场|听课|与会|出席|参会|参加|参与|参学|参训|参评)(?:会议|活动|学习)?(?:有表决权的?|正式)?(?:的)?${WHO}(?:人数)?(?:有|为|共|共计|合计|一共|总共)?\\s*[:：]?\\s*${N}\\s*${UNIT}`),
  // (5个人到了4个: of five, four came)
  new RegExp(`(?:共|共计|合计|总共|一共)?\\s*${N}\\s*${UNIT}${WHO}(?:同志)?(?:参加|参会|出席|到会|与会|参与|到场|到了(?!\\s*${N}))`),
  new RegExp(`(?:在线|线上|参学|参训)${WHO}\\s*${N}\\s*${UNIT}`),
  // "5/5": present of expected, as a tally
  new RegExp(`(?<![\\d/.\\-])(?<!\\d\\s?:)(\\d{1,3})\\s*/\\s*\\d{1,3}(?![\\d/.\\-:]|\\s*[日号])`),
  new RegExp(`(?:来了|到了|到场|去了)\\s*${N}\\s*${UNIT}(?!\\s*(?:没|不))`),
  new RegExp(`${N}\\s*(?:个)?人(?:开的|开了|一起开|参加的|到的|去的|来的|去了|在场|一起(?!去吃|吃|聚餐))`),
  new RegExp(`${N}\\s*(?:个|名|位)?(?:人|委员|支委|党员|同志|组员)?\\s*(?:都|全|均|全部|全都)(?:到了|来了|去了|在|到齐|参加|出席|到会|参会|参评|参与|参学|参训|听课|到|来)`),
  new RegExp(`(?:参加|出席|到会)(?:人数)?\\s*[:：]\\s*${N}(?!\\s*[月日号])`),
  // 我们三个, 来了4个, 全组五个人: spoken counts with no 人 or no verb
  // (我们仨研究了…: 仨 reads as 三个 by then)
  new RegExp(`(?:我们|咱们|大家|我)\\s*${N}\\s*(?:个|位)(?:人)?(?=$|[\\s，,。!！~～]|研究|商量|讨论|碰|一起|把|都在|在|以|作为|去|到|一共|共|都|每人|轮流)`),
  new RegExp(`(?:来了|到了|去了)\\s*${N}\\s*(?:个|位)(?!小时|多|半|钟|月|星期|礼拜|地方|\\s*(?:没|不))`),
  new RegExp(`(?:全组|全支部)\\s*${N}\\s*${UNIT}(?=$|[\\s，,。])`),
  // 一共4个人, 总共来了9位: a total said of those there (共有 is the size of the branch, above)
  new RegExp(`(?:一共|总共|共计|合计)(?:来了|到了|去了|是)?\\s*${N}\\s*${UNIT}(?:同志|党员)?(?=$|[\\s，,。!！~～)）]|在线|参加|到场)`),
  // 参加的有我、老王、张工、小黄，共4人
  new RegExp(`(?:^|[，,。\\s])共\\s*${N}\\s*(?:人|名|位)(?=$|[，,。\\s!！~～)）])`),
  // 四个人在，小黄没来; 第一党小组会开完了，到4人; 今晚和小刘两个人: spoken counts of those there
  new RegExp(`(?:^|[，,。\\s])${N}\\s*(?:个)?人在(?=$|[，,。\\s!！~～])`),
  new RegExp(`(?:^|[，,。\\s])(?:实)?到\\s*${N}\\s*(?:人|名|位)(?=$|[，,。\\s!！~～])`),
  new RegExp(`(?:和|跟|与)[^，,。\\s\\d]{1,4}?(?<![一二三四五六七八九十两])${N}\\s*个人(?=$|[，,。\\s!！~～])`),
  // 就我们三个值班的在: those there, counted by one of them
  new RegExp(`(?:我们|咱们)\\s*${N}\\s*(?:个|位)(?:人)?[^，,。\\s]{0,4}?在(?=$|[，,。\\s!！~～])`),
  // 支部６个志愿者在小区门口…; 我、磊子、芳芳三个人
  new RegExp(`${N}\\s*(?:个|名|位)(?:党员)?志愿者`),
  new RegExp(`[、，,]\\s*[^，,。\\s\\d、]{1,4}?(?<![一二三四五六七八九十两])${N}\\s*个人(?=$|[，,。\\s!！~～])`),
  // 5名党员逐一对照检查: the members who each spoke were there
  new RegExp(`${N}\\s*(?:名|位)\\s*(?:党员|同志)(?=\\s*(?:逐一|依次|轮流|分别|先后|逐个|挨个|人人|每人))`),
  // 10个人全签了, 10个人每人推荐一本书, 三个人把材料过了一遍
  new RegExp(`${N}\\s*个人(?=全签|都签|每人|各|把|一起|逐|干了|忙了)`),
  // 三个支委碰了下: the committee that met
  new RegExp(`${N}\\s*(?:个|名|位)(?:支委|委员)(?=碰|开|在|聚|商量|一起|都)`),
  // 全组5人到齐, 9名党员已到齐, 三位支委一个不缺
  new RegExp(`${N}\\s*${UNIT}${WHO}\\s*(?:已|均|已经)?(?:到齐|齐了|全到)`),
  new RegExp(`${N}\\s*(?:个|名|位)?(?:人|委员|支委|党员|同志|组员)\\s*(?:都|全)?(?:一个|一人|一位)(?:都)?(?:不|没)(?:缺|少|落)`),
  // 王建国、刘洋等5名党员突击队员赶赴…: the names and the rest, counted
  // (签到表10个人签了9个, 测评表10份全部收回: those who signed, the forms handed back)
  new RegExp(`签了\\s*${N}\\s*(?:个|人|位|名)`),
  new RegExp(`(?:测评表|测评票|评议票)[^，。,]{0,4}?${N}\\s*份|(?:收回|回收)(?:测评表|测评票|评议票)\\s*${N}\\s*份`),
  // 支委三个人中午碰了一下: the committee, counted after its name
  new RegExp(`(?:支委|委员)\\s*${N}\\s*(?:个人|个|人|位)(?=碰|开|在|聚|商量|一起|都|中午|上午|下午|晚上)`),
  // 8名党员志愿者分成两组…
  new RegExp(`${N}\\s*名\\s*党员(?:志愿者|突击队员)(?=\\s*(?:分成|分为|深入|走进|来到|赶赴|前往|参加|冒雨|一起))`),
  new RegExp(`等\\s*${N}\\s*(?:名|位|个)\\s*(?:在职)?(?:党员|同志|人)`),
  // 支部8名党员到区光荣院…, 全体在职党员9人走进…, 支部6名党员跟社区网格员一起…: the members who went
  new RegExp(`(?:支部|全体|在职|本支部|我支部)\\s*(?:全体)?\\s*(?:在职)?\\s*(?:${N}\\s*(?:名|位)\\s*(?:在职)?(?:党员|同志)|(?:在职)?(?:党员|同志)\\s*${N}\\s*(?:人|名))(?:突击队员|志愿者|代表)?(?=\\s*(?:到|走进|来到|赶赴|前往|跟|和|与|在|参加|集中|一起|冒雨|深入|赴|奔赴|分成|分为|分(?:两|三|四|\\d)(?:个)?组|走访|参观|观看|走上|来|去))`),
]
const ABSENT_COUNT = [
  // 没来的两位同志: those away, counted after 的
  new RegExp(`(?:没来|没到|缺席|请假|未到)的\\s*${N}\\s*${UNIT}`),
  new RegExp(`(?:缺席|请假|未到|未参加|缺勤|没来|缺了|缺|少了|少)\\s*[:：]?\\s*${N}\\s*${UNIT}`),
  new RegExp(`${N}\\s*${UNIT}${WHO}\\s*(?:[（(][^）)]{1,20}[）)])?\\s*(?:因[^，。,；;\\n]{0,8})?(?:缺席|请假|未到|未参加|没来|${REASON})`),
]
// 除我以外都到了, 除了刘洋其他人都在: everyone but these
const EXCEPT = /除(?:了)?\s*([^，,。；;\s]{1,12}?)\s*(?:以外|之外|外)?\s*[，,]?\s*(?:其他人|其他|其余|别的|大家)?(?:同志|党员|人|的人)?(?:都|全|均)/
// (支部全体党员在4F会议室…宣誓, 十个人一个不差, 一个没落: the whole branch)
const EVERYONE = /(?:支部)?全体党员(?=在|到|参加|一起|集中|面向|进行|来到|走进)|一个(?:没|不)(?:落|差|少|缺)|(?<![没不未])全到(?!了没|了吗|没)|(?:都|全都|全部)(?:到了|来了|在场|在)(?![^，。]{0,3}(?:群|线))|(?:带领|组织|召集)全体(?:党员|同志)|全员(?:参加|参会|出席|到会|到齐|参与)|(?:全部|全都|都|均|悉数)(?:到齐|到会|参加|出席|参会|到场|来了)|全体(?:党员|同志)?(?:均|都)?到场|全体(?:党员|同志)?都(?:去了|来了|到了|在)|全体(?:党员|同志|支委|委员|成员|组员)?(?:均|都)?(?:参加|出席|参会|到会|到齐|参与)|(?:大家|同志们|党员们)(?:都|全|全都)(?:去了|来了|到了|到齐了|参加了)|无(?:人)?缺席|无人请假|一个不少|一个没少|一个(?:都)?不缺|一个(?:都)?没缺|全体(?:党员|同志)(?:一起|一同|集体)?(?:赴|前往|来到|走进|走访|到)|全体党员(?:逐一|依次|一一)|满员|全组(?:同志|党员|组员|成员)?(?:均|都)?(?:参加|出席|参会|到会|到齐|参与|到了|来了)/

function first(text: string, res: readonly RegExp[]): { n: number; index: number } | null {
  for (const re of res) {
    const m = re.exec(text)
    if (m) {
      // (a pattern with two places for the figure fills one of them)
      const n = parseNumber(m.slice(1).find((g) => g !== undefined) ?? '')
      if (n !== null && Number.isInteger(n) && n >= 0 && n <= 2000) return { n, index: m.index }
    }
  }
  return null
}

function splitNames(list: string): string[] {
  return list.split(/[、,，;；\s和及与]+/).map((p) => p.trim()).filter(Boolean)
}

/** Absent members: a labelled list, "X（病假）", "1人（X）公差", "X休假", "X同志因病请假". */
function absences(text: string, labelled: string | null, roster: readonly RosterEntry[]): Absence[] {
  const out = new Map<string, string | null>()
  const put = (raw: string, reason: string | null) => {
    const name = resolvePerson(raw, roster)
    if (name && !out.has(name)) out.set(name, reason)
    else if (name && reason && !out.get(name)) out.set(name, reason)
  }
  if (labelled && !/^(?:无|没有|0人|零人|全到)/.test(labelled)) {
    for (const part of splitNames(labelled.replace(/^\s*\d+\s*人\s*/, ''))) {
      const m = /^([^（(]+?)\s*(?:[（(]([^）)]*)[）)])?\s*$/.exec(part)
      if (!m) continue
      const reason = m[2]?.trim() || new RegExp(`${REASON}$`).exec(m[1]!)?.[0] || null
      put(m[1]!.replace(new RegExp(`(?:因)?${REASON}$`), ''), reason)
    }
  }
  // "1人（刘洋）公差", "2人（刘洋、张三）请假"
  for (const m of text.matchAll(new RegExp(`${N}\\s*${UNIT}\\s*[（(]([^）)]{1,30})[）)]\\s*(?:因)?(${REASON}|缺席|未到|未参加)?`, 'g'))) {
    for (const p of splitNames(m[2]!)) {
      const r = new RegExp(`^(.+?)(?:因)?(${REASON})$`).exec(p)
      put(r ? r[1]! : p, r?.[2] ?? (m[3] && !/缺席|未到|未参加/.test(m[3]) ? m[3] : null))
    }
  }
  // roster names followed by a reason or an absence word
  const ms = mentions(text, roster)
  for (let i = 0; i < ms.length; i++) {
    // a run of names sharing one reason: "刘洋、张伟出差"
    let j = i
    while (j + 1 < ms.length && /^\s*[、和及与,，]\s*$/.test(text.slice(ms[j]!.end, ms[j + 1]!.index))) j++
    const after = text.slice(ms[j]!.end, ms[j]!.end + 16).split('\n')[0]!
    const ABS = '((?:没|未)(?:参加|到会|参会|出席|来|到)|请假|缺席|缺会)'
    // 刘洋（病假）, 张伟家里有事没来, 黄磊去区里开会了没来: a reason, a place gone to, or both
    const m = new RegExp(`^\\s*(?:同志|书记|委员|组长)?\\s*(?:[（(]([^）)]{1,8})[）)]\\s*${ABS}?|(?:因|(?:在|去|到|回|赴)[^，。,；;、\\n]{1,6}?)?\\s*(?:家里|家中|临时|突然|单位)?(?:(${REASON})\\s*了?\\s*${ABS}?|${ABS}))(?![:：])`).exec(after)
    // 唯一没来的黄磊, 请假的刘洋: the absence said before the name
    if (!m && /(?:没来|没到|未到|缺席|请假|没参加|未参加)的\s*$/.test(text.slice(Math.max(0, ms[i]!.index - 8), ms[i]!.index))) { put(ms[i]!.name, null); continue }
    // 缺了老王, 就缺芳芳, 少了小刘: the one missing, said before the name
    if (!m && /(?:缺了|就缺|只缺|少了|就少)\s*$/.test(text.slice(Math.max(0, ms[i]!.index - 4), ms[i]!.index))) { put(ms[i]!.name, null); continue }
    if (!m) continue
    const absWord = m[2] ?? m[4] ?? m[5] ?? null
    const paren = m[1] && new RegExp(`^${REASON}$`).test(m[1]) ? m[1] : null
    const reason = m[3] ?? paren ?? (m[1] && absWord ? m[1] : null)
    if (!absWord && !reason) continue
    // "刘洋学习…" or "刘洋开会" are not absences unless said so: only the clear reasons stand alone
    if (!absWord && !/出差|病假|事假|公差|休假|年假|产假|婚假|丧假|探亲|住院|因公|因病|因事|生病|身体|下乡|驻村|借调|出国|陪护|请假|轮休|调休|出访|外出/.test(reason ?? '')) continue
    for (let k = i; k <= j; k++) put(ms[k]!.name, reason ?? (absWord === '请假' ? '请假' : null))
    i = j
  }
  if (!out.size) {
    // names not on the roster: two or three Han characters before the reason
    for (const m of text.matchAll(new RegExp(`(?<![\\p{Script=Han}])([\\p{Script=Han}]{2,3}?)(?:同志)?(?:因)?(${REASON})?(请假|缺席)`, 'gu'))) {
      if (/人|员|志|均|全|无|已|有|个|名|位|党|因|假/.test(m[1]!)) continue
      put(m[1]!, m[2] ?? (m[3] === '请假' ? '请假' : null))
    }
  }
  return [...out].map(([name, reason]) => ({ name, reason }))
}

export interface Attendance {
  expected: number | null; attendees: number | null; absent: Absence[]; everyone: boolean
  /** the roster names the count was made from ("A、B参加"), when it was */
  named: string[]
}

/**
 * `scopeSize`: who "全员" means here (the roster, the 党小组, the 支委), null when unknown.
 * `fields`: labelled values already read (应到/实到/参加人员/缺席).
 */
export function attendanceOf(text: string, roster: readonly RosterEntry[], scopeSize: number | null,
  fields: { expected?: string; attendees?: string; attendeesList?: string; absent?: string } = {}): Attendance {
  const num = (v: string | undefined) => (v ? first(v, [new RegExp(`^\\s*${N}`)])?.n ?? null : null)
  let expected = num(fields.expected) ?? first(text, EXPECTED)?.n ?? null
  let attendees = num(fields.attendees) ?? first(text, ATTENDEES)?.n ?? null
  // "支委会开了，3人", "（赵静主持，5人）", a line "5个人": a bare head-count in a report
  // (缺了小刘 4个人: the count after an absence is of those there; 缺席 2人 is of those away)
  if (attendees === null) {
    for (const m of text.matchAll(BARE_COUNT)) {
      if (/缺|请假|未到|没来|少了?\s*$/.test(text.slice(Math.max(0, m.index - 4), m.index + 1))) continue
      attendees = parseNumber(m[1]!)
      break
    }
  }
  const absent = absences(text, fields.absent ?? null, roster)
  const absentCount = first(text, ABSENT_COUNT)?.n ?? (absent.length || null)
  const everyone = EVERYONE.test(text) || /^(?:全体|全员|全部)/.test(fields.attendeesList ?? '')
  let listed: string[] = []
  if (attendees === null && fields.attendeesList && !everyone) {
    const n = first(fields.attendeesList, [new RegExp(`${N}\\s*${UNIT}`)])?.n
    if (n !== undefined) attendees = n
    else {
      // 到会：赵静、李红梅；黄磊请假: the list ends where its clause does
      // (签到：A B C，张伟请假: the one away is cut off the list)
      const names = splitNames(fields.attendeesList.split(/[;；。]/)[0]!.replace(/[（(][^）)]*[）)]/g, '').replace(/等.*$/, '').replace(/[，,][^，,]*(?:请假|缺席|未到|没来|出差|休假|病假)[^，,]*$/, ''))
      const people = names.map((p) => resolvePerson(p, roster))
      if (names.length && people.every(Boolean)) { attendees = names.length; listed = [...new Set(people as string[])] }
    }
  }
  const except = EXCEPT.exec(text)
  const exceptCount = except ? (/^(?:我|本人|我自己)$/.test(except[1]!) ? 1 : splitNames(except[1]!).length) : null
  if (everyone && exceptCount !== null && attendees === null && scopeSize !== null && exceptCount < scopeSize) {
    expected ??= scopeSize
    attendees = expected - exceptCount
  }
  if (everyone) {
    // "缺席2人，其余同志均参加": everyone else came
    expected ??= absentCount !== null && attendees === null ? scopeSize : attendees ?? scopeSize
    // (大家基本都到了 就缺了磊子: everyone but the one named)
    attendees ??= expected !== null && absentCount !== null && (/其余|其他|其它|其他人|余下/.test(text) || absent.length > 0) ? expected - absentCount : expected
  }
  let named: string[] = listed
  // 参加的有周书记、雅琴、老王、小刘、静姐、张伟、吴芳和我: a spoken list, each a short name
  if (attendees === null && !everyone) {
    const spoken = /(?:参加|参会|出席|到会|去)(?:了)?的(?:同志|党员|人)?(?:有|是)\s*[:：]?\s*([^。；;\n！!]+)/.exec(text)
    const names = spoken ? splitNames(spoken[1]!.replace(/等.*$/, '').replace(/[（(][^）)]*[）)]/g, '')) : []
    if (names.length >= 2 && names.every((n) => n.length <= 5 && !/\d/.test(n))) attendees = names.length
  }
  // 👥李红梅 赵静 张伟 黄磊 吴芳: a line of nothing but members' names is who came
  if (attendees === null && !everyone) {
    for (const line of text.split('\n')) {
      const words = line.replace(/^[^\p{Script=Han}]+/u, '').split(/[\s、，,;；]+/).filter(Boolean)
      if (words.length < 3) continue
      const people = words.map((w) => resolvePerson(w, roster))
      if (people.every(Boolean)) { named = [...new Set(people as string[])]; attendees = named.length; break }
    }
  }
  if (attendees === null) {
    // "黄磊、吴芳、张伟参加了", "周立新和孙雅琴参加": a run of names that took part
    const ms = mentions(text, roster)
    for (let i = 0; i < ms.length && attendees === null; i++) {
      let j = i
      while (j + 1 < ms.length && /^\s*[、和及与,，]\s*$/.test(text.slice(ms[j]!.end, ms[j + 1]!.index))) j++
      if (j > i && /^\s*(?:等)?(?:同志|党员)?(?:都|均|一起)?(?:参加|出席|到会|参会|到场|参与)/.test(text.slice(ms[j]!.end, ms[j]!.end + 10))) {
        named = [...new Set(ms.slice(i, j + 1).map((x) => x.name))]
        attendees = named.length
      }
      i = j
    }
  }
  // absences said of a meeting of known size: "缺席2人", "刘洋休假，其他人都到了"
  if (expected === null && attendees === null && (absentCount ?? 0) > 0 && scopeSize !== null && absentCount! < scopeSize) expected = scopeSize
  if (expected !== null && attendees === null && absentCount !== null && absentCount <= expected) attendees = expected - absentCount
  if (expected === null && attendees !== null && absentCount !== null) expected = attendees + absentCount
  return { expected, attendees, absent, everyone, named }
}
