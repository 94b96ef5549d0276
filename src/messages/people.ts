// People named in a report: "会议由副书记王建国主持", "党小组长陈明主持", "王建国同志主持会议", "主讲：周书记",
// "李华作专题辅导". A report stores roster names, never "副书记王建国": titles and 同志 are taken off and
// aliases (周书记) lead back to the member. Someone not on the roster (a visiting speaker) keeps the
// written name, without its title.

export interface RosterEntry { name: string; aliases?: readonly string[]; role?: string }

/** How a member is called by surname and office: 周书记, 孙委员, 陈组长. */
const OFFICE: Record<string, string[]> = {
  书记: ['书记'], 副书记: ['副书记', '书记'], 组织委员: ['委员', '组织委员'], 宣传委员: ['委员', '宣传委员'], 纪检委员: ['委员', '纪检委员'], 党小组长: ['组长', '小组长'],
}

/** Offices a branch has one of, so that the word alone names its holder. */
const ALONE = ['书记', '副书记', '组织委员', '宣传委员', '纪检委员']

/** Titles written before or after a name. Longest first, so 副书记 is not read as 书记. */
const TITLE = '(?:支部|党支部|党总支|本支部)?(?:副书记|书记|组织委员|宣传委员|纪检委员|青年委员|统战委员|支委|委员|党小组长|小组长|组长|党员|同志|老师|教授|主任|副主任|处长|副处长|科长|副科长|局长|副局长|所长|院长|校长|经理|副部长|部长|副校长|副院长|研究员|讲师|专家|老同志|老党员|老先生|老爷子)'
const LEAD = new RegExp(`^(?:${TITLE})+`)
const TAIL = new RegExp(`(?:${TITLE})+$`)
const HAN_NAME = /^[\p{Script=Han}·]{2,4}$/u
const IN_A_WORD = /气洋洋|洋洋(?:洒|自|得|大)|张工(?:作|程|艺|资|厂|人|具|期|序|地)|[主扩伸紧夸慌嚣]张工|王哥哥|李姐姐|芳芳草/
const COMMON_PET = /^(?:明明|刚刚|静静|天天|常常|好好|慢慢|默默|早早|久久|往往|偏偏|仅仅|悄悄|渐渐|红红|平平|多多|人人|个个|处处|样样|梅子|样子|日子|房子|孩子|桌子|本子|面子|法子|点子|国国|军子|华子)$/
const COMMON_WORD = /^(?:建国|国庆|建军|建党|建华|解放|和平|胜利|光明|振兴|文明|富强|民主|自由|平等|公正|法治|爱国|敬业|诚信|友善|国强|中华|红军|卫国|学习|春节|新年)$/

/** Every way the roster writes a member, longest first (so 王建国 wins over an alias 王建). */
export function rosterWords(roster: readonly RosterEntry[]): { word: string; name: string; office?: true; pet?: true }[] {
  const out: { word: string; name: string; office?: true; pet?: true }[] = []
  // 书记主持, 组织委员说: an office named alone is its one holder in the branch
  for (const role of ALONE) {
    const holders = roster.filter((m) => m.role === role)
    if (holders.length === 1) out.push({ word: role, name: holders[0]!.name, office: true })
  }
  const bySurname = new Map<string, number>()
  for (const m of roster) bySurname.set(m.name[0]!, (bySurname.get(m.name[0]!) ?? 0) + 1)
  for (const m of roster) {
    out.push({ word: m.name, name: m.name })
    for (const a of m.aliases ?? []) if (a.length >= 2) out.push({ word: a, name: m.name })
    // 红梅 for 李红梅: members call each other by the given name, when it is two characters or more,
    // no one else's, and not a common word (建国, 国庆 …)
    const given = m.name.slice(1)
    if (given.length >= 2 && HAN_NAME.test(given) && !COMMON_WORD.test(given) && roster.filter((o) => o.name.slice(1) === given || o.name === given).length === 1) out.push({ word: given, name: m.name })
    // 静姐, 明哥, 红梅姐: a given name and 姐 or 哥, when no one else has that given name
    if (given.length >= 1 && given.length <= 2 && roster.filter((o) => o.name.slice(1) === given).length === 1) for (const k of ['姐', '哥']) out.push({ word: given + k, name: m.name })
    // 芳芳, 洋洋: the last character of the given name doubled; 磊子: and 子 — each when no one else's
    // given name ends with it, and not a word of its own (明明, 静静, 梅子 …)
    const last = m.name.at(-1)!
    if (m.name.length >= 2 && roster.filter((o) => o.name.length >= 2 && o.name.at(-1) === last).length === 1) {
      for (const w of [last + last, last + '子']) if (!COMMON_PET.test(w)) out.push({ word: w, name: m.name, pet: true })
    }
    // 李姐, 孙姐, 王哥, 张工: the surname and how colleagues address each other, when no one else has it
    if (bySurname.get(m.name[0]!) === 1 && m.name.length >= 2) for (const k of ['姐', '哥', '工']) out.push({ word: m.name[0]! + k, name: m.name, pet: true })
    // a surname shared by two members names neither
    if (m.role && bySurname.get(m.name[0]!) === 1) for (const t of OFFICE[m.role] ?? []) out.push({ word: m.name[0]! + t, name: m.name })
    // 老王, 小刘: how members call each other by the surname, when no one else has it
    if (bySurname.get(m.name[0]!) === 1 && m.name.length >= 2) for (const p of ['老', '小']) out.push({ word: p + m.name[0]!, name: m.name })
  }
  return out.sort((a, b) => b.word.length - a.word.length)
}

/** The roster name for a written name ("副书记王建国", "王建国同志", "周书记"), or the bare written name. */
export function resolvePerson(raw: string, roster: readonly RosterEntry[]): string | null {
  // (今天红梅: a day said before the name is no part of it)
  const s = raw.replace(/[\s"“”'‘’「」]/g, '').replace(/[（(].*$/, '').replace(/^(?:今天|今日|昨天|上午|下午|晚上|刚才|刚刚)/, '')
  if (!s) return null
  const words = rosterWords(roster)
  const exact = words.find((w) => w.word === s)
  if (exact) return exact.name
  const bare = s.replace(LEAD, '').replace(TAIL, '')
  const byBare = words.find((w) => w.word === bare)
  if (byBare) return byBare.name
  // a roster name inside a short phrase: "支部书记王建国同志"
  const inside = words.find((w) => !w.office && !w.pet && w.word.length >= 2 && s.includes(w.word) && s.length <= w.word.length + 6)
  if (inside) return inside.name
  // a surname and a title is how a visiting speaker is named: "李教授"
  const lead = s.replace(LEAD, '')
  if (bare.length === 1 && /^[\p{Script=Han}](?:教授|老师|书记|主任|部长|处长|校长|局长|专家)$/u.test(lead)) return lead
  return HAN_NAME.test(bare) && !NOT_A_NAME.test(bare) ? bare : visitorName(s)
}

// the common surnames (not those that are as often a word: 党, 明, 和, 时 …): where a visitor's name
// starts inside "市委党校张明华老师", "退休老党员陈国栋同志"
export const SURNAME = /[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤欧常温康施牛樊葛邢易乔伍庞颜倪庄聂章鲁岳翟殷詹申耿兰焦俞左柳祝舒阮梅童凌毕季裴霍涂翁冉骆蓝辛靳管柴蒙鲍华喻祁蒲房滕屈饶牟艾尤阳穆农卓缪芦麦褚娄窦戚岑费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬边卞姬仇栾隋刁沙荣巫寇桑郎甄丛仲虞敖巩佘]/
// 今天书记主持, 听书记讲, 支部书记: the office alone. Any other character before it makes another
// office or another's (党委书记, 副书记, 马书记, 李晓燕书记)
const ALONE_AFTER = /(?:^|[^\p{Script=Han}]|[天午晚上下是由请让听跟和与同给向被把的了说在及等就也都还又叫找陪带课会]|支部)$/u

/**
 * A visitor's name inside a description, when the description ends in a title: 市委党校张明华老师 ->
 * 张明华, 区委组织部李晓燕副部长 -> 李晓燕, 退休老党员陈国栋同志 -> 陈国栋. null without a title.
 */
export function visitorName(phrase: string): string | null {
  const s = phrase.replace(/[\s"“”'‘’「」]/g, '')
  const bare = s.replace(TAIL, '')
  if (bare === s || bare.length < 2) return null
  for (const len of [3, 2]) {
    const tail = bare.slice(-len)
    if (tail.length === len && SURNAME.test(tail[0]!) && /^\p{Script=Han}+$/u.test(tail) && !NOT_A_NAME.test(tail)) return tail
  }
  // a surname and the title is how a visitor is often named: 市委党校李教授
  const title = s.slice(bare.length)
  return SURNAME.test(bare.at(-1)!) && /^(?:教授|老师|书记|主任|部长|副部长|处长|校长|局长|专家)$/.test(title) ? bare.at(-1)! + title : null
}

/** A visitor named after where they come from, with no title: 区委党校马丽华讲的, 请的老党员孙福生讲他当兵的事. */
export function fromSomewhereSpeaker(text: string): string | null {
  const m = new RegExp(`(?:党校|大学|学院|讲师团|宣讲团|老党员|老干部|退休干部|老同志)(?:的)?(${SURNAME.source}[\\p{Script=Han}]{1,2}?)(?:同志|老师|教授)?(?=讲(?!话)|主讲|来讲|宣讲)`, 'u').exec(text)
  return m && !NOT_A_NAME.test(m[1]!) ? m[1]! : null
}

/** Words that stand where a name would but are not one. */
export const NOT_A_NAME = /^(?:大家|全体|全员|我们|本人|自己|支部|党员|同志|会议|小组|支委|委员|各位|书记|组长|领导|主持|本次|此次|这次|一起|共同|集体|党小组|全体党员)$|[们的了吗呢吧啊员名位个次]|会议|学习|讨论|参加|出席|大家/

/**
 * Roster members (by any of their words) mentioned in the text, with positions, non-overlapping:
 * the longest word wins at a place.
 */
export function mentions(text: string, roster: readonly RosterEntry[]): { name: string; index: number; end: number }[] {
  const taken: boolean[] = []
  const out: { name: string; index: number; end: number; office?: true }[] = []
  for (const { word, name, office, pet } of rosterWords(roster)) {
    let from = 0
    for (;;) {
      const i = text.indexOf(word, from)
      if (i < 0) break
      from = i + 1
      let free = true
      for (let k = i; k < i + word.length; k++) if (taken[k]) { free = false; break }
      if (!free) continue
      // (喜气洋洋, 主张工作: a pet name inside a word is the word)
      if (pet && IN_A_WORD.test(text.slice(Math.max(0, i - 1), i + word.length + 1))) continue
      if (office && (!ALONE_AFTER.test(text.slice(Math.max(0, i - 2), i)) || /^(?:处|员)/.test(text.slice(i + word.length)))) continue
      for (let k = i; k < i + word.length; k++) taken[k] = true
      out.push(office ? { name, index: i, end: i + word.length, office } : { name, index: i, end: i + word.length })
    }
  }
  out.sort((a, b) => a.index - b.index)
  // 书记王建国: an office written before a name is that name's title
  return out.filter((m, k) => !(m.office && out[k + 1]?.index === m.end))
}
