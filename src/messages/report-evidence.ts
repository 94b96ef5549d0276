// Is this message saying that a meeting took place? The words that show it happened (开完了, 散会,
// 召开了, 实到6人, labelled fields), and those that show it did not, or not yet, or not here: a
// notice (将于, 请准时参加), a question, a negation (没开, 推迟), a forwarded article or another
// body's meeting (市委召开…). Pure; the parser weighs these.
import { kindMentions } from '../domain/kinds.js'

/** Said only once a meeting has happened. */
const HELD_STRONG = new RegExp([
  '开(?:完了?|好了|过了|毕|了(?!吗|没|么))', '散会', '散了', '(?:刚刚?|已经?|才)散(?!步|心|开|落|发|装)', '(?:大家|各位|同志们)(?:都)?辛苦(?:了|啦)', '辛苦(?:大家|各位|同志们)(?:了|啦)', '(?:已经|已|刚刚|刚才|刚|顺利|圆满|胜利|如期|按时)(?:召开|开|结束|举行|开展|组织|完成|学习|进行)',
  '已于', '结束了', '(?:参加|参与)了(?!报名|接龙|登记)', '刚从[^，。,\\n]{1,10}回来', '(?:祭扫|参观|党日|活动|服务|学习|宣誓)(?:完)?(?:刚)?回来了', '(?:和|与|同|跟|找)[^，。,\\n]{1,8}(?:聊了|谈了)', '(?:补上|补开|补完|补齐)了', '上过了', '(?:装|巡|扛|搬|清理|打扫|值守|守|捡|种|栽|干|忙活)了(?!吗|没)', '(?:全票|一致|表决|审议)通过', '图为|如图|附图|图\\s*[1-9１-９]', '(?:学雷锋|志愿服务|党日|党课|大会|支委会|小组会)\\s*(?:✅|✔|☑|√|done|ok了?)', '(?:跟着|跟|随)(?:支部|大家|组织)(?:一起)?(?:去了|到了|参观了|来到|走进)', '走下来', '圆满完成', '顺利完成', '(?:召开|举行|开展|组织|举办|进行|学习|学|讲|宣讲|讲授|作|做|听|观看|看|参观|碰|聚|讨论|研究|传达|审议|通报|部署|重温|交流|评议|谈|了解|听取|慰问|走访|看望|表决|选举|缴纳|通过|开展过|开过)了', '听完', '讲完', '学完', '上了[^，。,\\n]{0,8}课',
  // done, said of the doing: 搞定了, 搞完了, 上完了, 评完了 — perfective, since 争取把支委会搞定 and
  // 下周把党课搞完 are plans (开完/讲完 后… are cut before this is asked)
  '(?:(?:已经?|都|刚|终于)(?:搞|弄|办|上|评|议)|(?:搞|弄|办|上|评|议|进行|组织|举行)(?=完(?:了|啦|咯|喽|毕|\\s*[✅✔☑√])))完', '(?:开|搞|弄|办)好了', '(?:已经?|都|刚|终于)?搞定(?=了|啦|咯|喽|\\s*[✅✔☑√])|(?:已经?|都|刚|终于)搞定', '完事了', '(?:会议|活动|党课|学习|议程)(?:已经|已)?完毕', '(?:和|与|同)[^，。,]{1,8}(?:谈心|谈话|谈了)', '开过(?:会)?',
  '(?:会|课|党日|评议|活动)\\s*(?:✅|✔|☑|√)', '实到', '(?:到会|到课|听课|参评)(?:党员|同志|人数)?\\s*\\d', '与会(?:党员|同志)', '全部到齐', '全员(?:参加|出席|到齐|参会)', '缺席\\s*\\d', '(?:会上|会议上|会中|会后)', '请的是', '感谢[^，。]{0,16}(?:讲授|授课|辅导|宣讲|讲解|分享)',
  '(?:大家|同志们|党员们)(?:纷纷|踊跃|积极)', '(?:我们|大家|全体党员|党员们|支部)(?:一起|一同|集体)?(?:去|到)[^，。,\\n]{1,14}了', '(?:照片|合影|现场图|剪影|掠影|花絮|图片)', '会议(?:要求|强调|指出|认为|决定|通过|传达|审议|研究|讨论|听取|总结|学习)', '(?<!开会|讲课|学习|上课)(?:开|组织|讲|学)得', '碰了个?头', '过了一遍', '凑了凑', '聚了聚', '合了个?影',
  // today's meeting judged as one judges what one has just been through: 今天的主题党日很有意义
  '(?:今天|今日|今晚|今早|上午|下午|晚上|刚才)(?:的|那个|这个|这次|那场|这场|去[^，。,\\n]{1,8}那个)?[^，。,\\n]{0,8}(?:党课|党日|支委会|党员大会|小组会|组织生活会|学习|评议|活动|辅导|讲座|宣讲|报告|讲课|会)[^，。,\\n]{0,6}(?:很|真|挺|非常|特别|十分|太|蛮|相当)[^，。,\\n]{0,3}(?:有意义|受触动|触动|受教育|有收获|收获|扎实|成功|圆满|精彩|感人|震撼|深刻|难忘|生动|接地气|透彻|到位|解渴|实在)',
  '(?:学习|活动|议程)(?:已经?|都)?完(?:了|啦|毕)',
  // 组织生活会结束 / 学习会done✅ / 民主评议党员今天完成了 / 那天是周书记主持，我做的记录
  '(?:会|课|党日|评议|党员|学习|活动)\\s*(?:结束|散场)(?!后|以后|之后|时|再|就|前)', '(?:会|课|党日|评议|党员|学习|活动)\\s*(?:done|DONE|Done|finished|over|OK|ok)', '(?<!要|将|需|需要|必须|争取|务必|尽快|才能|才)完成了', '(?:那天|当天|那次)(?:是|由)[^，。,\\n]{1,8}(?:主持|主讲|讲)', '我(?:做|作)的记录',
  // 补记一下上周一的支委会, 补报：…: a late report says the meeting is past
  '(?:^|[：:，,。\\s])补(?:记|报|录)(?:一下)?(?:[：:]|[^，。,\\n]{0,12}(?:会|课|党日|评议|活动|学习|情况|考勤))', '(?:上|讲|听)(?:了)?(?:一)?(?:堂|节|次)?党课了', '(?:全体|大家|全员|全组)(?:党员|同志)?都?(?:去|来|到)了',
].join('|'))

/** Usual in a report, but also in a notice: counts only with a past or present date. */
const HELD_WEAK = /(?:讲|上|开|搞)的(?!话|时候|是不是)|开到(?:\d{1,2}|[一二三四五六七八九十]{1,3})点|召开|举行|开展|组织|进行|举办|学习|讨论|研究|传达|审议|通报|宣讲|讲授|辅导|参加|出席|主持/

/** A notice or an instruction to hold one: never in a report of a meeting that happened. */
const PLAN_STRONG = new RegExp([
  '将于', '将在', '(?:初步|暂|暂时|就)?定在(?=[^，。]{0,8}(?:周|星期|\\d|下|明|后|[一二三四五六七八九十]+[日号]))', '将要', '将召开', '拟于', '拟在', '拟召开', '定于', '计划于', '计划在', '准备于', '准备在', '准备召开', '预计', '届时',
  '请(?!假|示|教)[^，。]{0,14}(?:参加|准时|出席|参会|到场|安排|提前|带好|携带|留出|预留|做好|准备|注意|按时|及时|报名)', '准时参加', '准时出席', '按时参加', '预告',
  '^\\s*(?:@\\S+\\s*)*通知', '通知[:：]', '特此通知', '会议通知', '安排如下', '(?:工作|会议|活动|近期|本周|下周|本月|下月|月度|周)?(?:安排|计划)\\s*[:：]', '即将', '马上(?:开|要|召开)', '(?<![了过])待会', '(?<![了过])等会', '(?<![了过])一会儿', '稍后(?!发|上传|补|公布|通知|反馈|告知|报送|整理)',
  '请(?:大家|各位|同志们|各党小组|各组|各小组|相关同志)[^。]{0,20}(?:发|交|报|提交|上传|填|准备|落实|完成)', '(?<!赶在|赶|抢在|[\\d一二三四五六七八九十])(?:周[一二三四五六日天]|[\\d一二三四五六七八九十]+[日号])前(?:发|交|报|提交|上传|完成|提|反馈)',
  '要开', '要召开', '需召开', '需要召开', '须召开', '应召开', '务必', '尽快', '抓紧', '别忘', '(?<!笔)记得(?![很真挺特非认清牢])', '(?:要求|安排|提醒)各', '各(?:党小组|小组|支部).{0,6}(?:要|需|请|应|于)',
].join('|'), 'm')
/** Plans, unless the message dates its meeting in the past ("11月18日召开支委会，部署下周工作"). */
const PLAN_WEAK = /下周|下个月|下月|计划|准备|打算|(?:月底|周末|本周|本月|年底)前|之前(?:召开|完成|开)|前完成/

const QUESTION = /[?？]|(?:吗|么|呢|没有|没|不)\s*[。!！~～]?\s*$|是否|有没有|开没开|开了没|什么时候|啥时候|几点|哪天|哪一天|在哪|(?<![讲说谈学教绍享解述论])(?:怎么|如何)|要不要|能不能|可不可以|(?<!不管|无论|不论)谁(?!都|也)/
/** Asking someone for a meeting's material is not reporting it. */
const REQUEST = /(?:请(?!假)|麻烦|谁有|谁能|帮忙|帮我|能否|发我|发给我).{0,14}(?:照片|图片|材料|课件|签到表|记录|纪要|名单)|(?:照片|图片|材料|课件|签到表|记录|纪要|名单|台账)[^。！!\n]{0,4}(?:请|麻烦)[^。！!\n]{0,10}(?:报|发|交|提交|上传|报送)|(?:照片|图片|材料|课件|签到表|记录|纪要)(?:发我|发给我|谁有|在哪)/
/** A form or an example to copy ("会议纪要模板：时间：____"), not a meeting. */
const TEMPLATE = /模板|范本|样例|示例|参考格式|格式\s*[（(]\s*参考\s*[）)]|[（(]参考[）)]\s*[:：]|填写格式|报告格式|格式如下|按.{0,6}格式|_{2,}|＿{2,}|某某/
// (… and the sender asking leave from it: 我今天病假来不了了，组织生活会请帮我请个假)
// A dream or a supposition of the sender's own (昨天梦见开组织生活会被点名了, 万一党员大会开不成) — read
// outside what a meeting asked for ("会议要求，万一遇到…要及时报告" is a report's content)
const UNREAL = /梦见|梦到|做梦|梦里|(?:^|[，,。！!？?\n])\s*(?:假如|假设|万一|要是|如果)/
// A tally of meetings over a period, not one meeting: 这个月开了五六次会了, 本月共召开各类会议12次,
// 平均参会率92% (一次 is one meeting: 今天开了一次党小组会)
const TALLY = /(?:开了|召开了?|举行了?|组织了?|开过)[^，。,\n]{0,8}?(?:(?<![\d一])(?:\d{2,3}|[2-9])|[两二三四五六七八九十几多]{1,3}|好几)\s*(?:次|场|回)(?:会|会议)?|会议[\d一二两三四五六七八九十几多]{1,3}次|平均(?:参会|出勤|到会)率/
export const MADE_UP = /补开了|补上了|补开完|(?:提前|改|挪|推)到[^，。,\n]{0,10}开(?:了|完)|已经开(?:了|完)/
const NEGATED = /(?:我|本人)[^，。]{0,8}(?:来不了|去不了|参加不了|不能参加|没法参加|无法参加)|(?:帮|给|替)我请(?:个)?假|没(?:有)?(?:开|召开|举行|组织|开展|来得及)|未(?:召开|开|举行|组织|开展|能(?!到场|参加|出席|参会|到会|赶到|赶上|前往|到))|还没|尚未|取消|推迟|延期|改期|暂停|暂缓|不开|开不了|没能(?!参加|到场|出席|参会|到会|赶到|赶上|去|到)|不用开|不必/
const FORWARDED = /【转】|\[转\]|^\s*转[:：]|https?:\/\/|www\.|阅读原文|来源[:：]|转自|转载|编辑[:：]|责编|记者|新华社|人民日报|人民网|央视|新闻联播|公众号|\[链接\]|【转发】|(?<!欢迎|请|帮忙|可以)转发(?!的|扩散)|据.{0,8}报道/
const ELSEWHERE = /(?:听|据)[^，。]{0,10}说(?:他们|人家)|隔壁(?:单位|部门|科室|处室|支部|[一二三四五六七八九十\d]支部)|他们(?:支部|单位|那边)|(?<!老)人家|别人家|别的支部|其他支部|兄弟支部|外单位|该(?:党)?支部|该单位|该局|某[县市区镇局][^，。]{0,8}(?:党支部|党委|党组)|(?<!选举|推选|推荐|选出)(?:参加|出席)(?:了)?(?:全市|全省|全区|全县|市里|区里|县里|省里|上级|市委|区委|县委|镇党委|党工委|集团|局里)[^，。]{0,14}(?:会|培训|活动)/
const OTHER_BODY = /(?:中共中央|中央|国务院|政治局|常委会|省委|市委|区委|县委|镇党委|局党委|机关党委|党委|党组|党工委|全国|全省|全市|全区|兄弟单位|其他支部|别的支部|隔壁)[^，。,\n]{0,10}(?:召开|举行|开展|开了|组织(?!部|员))/

/** Trouble with the system or the material ("照片上传不了", "一直提示格式错误"): a complaint, not a report. */
const TROUBLE = /(?:上传|传|提交|登录|登|打开|发送|导入|填报)不(?:了|上|进去)|(?:提示|显示|报)[^，。\n]{0,6}(?:错误|失败|异常)|报错|上传失败|登不上|闪退|打不开/

export interface Evidence {
  trouble: boolean
  heldStrong: boolean
  heldWeak: boolean
  planStrong: boolean
  planWeak: boolean
  question: boolean
  negated: boolean
  forwarded: boolean
  otherBody: boolean
  /** "刚刚", "刚才", a bare day part: the meeting was today */
  recent: boolean
}

/** Said once the meeting is over, of the meeting itself: a notice never says these. */
export const COMPLETED = /(?:会|课|党日|评议|活动)\s*(?:✅|✔|☑|√)|(?:讲|开|学|办|搞)的(?:党课|会|课|党员大会|支委会|党小组会)|开完|搞完|上完|弄完|评完|搞定|散会|散了|结束了|已结束|已经结束|圆满结束|顺利结束|已召开|已经召开|已开|开过|开好了|召开了|举行了|开展了|讲完了|已讲|讲了|学完了|顺利召开|圆满完成|实到|已于|刚刚|刚才/

const HAND_IN = /(?:心得|体会|笔记|感想|材料|照片|图片|总结|记录|纪要|签到表|测评表|课件)[^。！!\n]{0,12}(?:交|发|上传|报送|提交|报)|(?:交|发|上传|报送|提交)[^。！!\n]{0,10}(?:心得|体会|笔记|感想|材料|照片|图片|总结|记录|纪要|签到表|测评表)/
/**
 * The text without the sentences that only ask members to hand something in ("请大家把心得体会周一前
 * 交给我"): a deadline for that is no plan of a meeting. A sentence that also names a meeting stays.
 */
export function withoutHandIns(text: string): string {
  return text.split(/(?<=[。！!\n])/).map((s) => (HAND_IN.test(s) && !kindMentions(s).length ? ' '.repeat(s.length) : s)).join('')
}

export function evidenceOf(input: string): Evidence {
  // "讲完要交学习笔记", "开完后合影": what will happen once it is over is not that it is
  // (后背, 后悔 are words of their own: 听完后背发凉 says it is over)
  const text = input.replace(/(?:开|讲|学|听|搞|弄|办|上|评)完(?=要|后(?!背|悔|劲)|以后|之后|再|就要)/g, '〇〇')
  // a question only counts in the message's own sentences, not in a quoted 议题 ("讨论：如何…？")
  const own = text.replace(/《[^《》]*》|“[^“”]*”|"[^"]*"/g, '“”')
  // (还补选了一名支委？不对 是…: a question taken back at once asks nothing; 商量读书月怎么搞: what was talked over)
  const asked = own.replace(/(?:商量|讨论|研究|商议|研讨|交流)[^，。,？?\n]{0,12}?(?:怎么|如何)[^，。,？?\n]{0,6}/g, ' ')
  const sentences = asked.replace(/[?？]\s*(?:不对|哦不|噢不|不是不是|说错了)/g, '，').split(/(?<=[。！!\n])/)
  // what a meeting asked for next, or asks members to hand in after it, is not a plan for the meeting
  const followUps = withoutHandIns(text.replace(/(?:下步|下一步|会议|会上|会后)(?:要求|强调|指出|提出|部署|安排(?!\s*[:：])|明确|决定)[^。\n]*/g, ' '))
  const last = sentences.filter((s) => s.trim()).at(-1) ?? ''
  return {
    trouble: TROUBLE.test(text),
    heldStrong: HELD_STRONG.test(text),
    heldWeak: HELD_WEAK.test(text),
    planStrong: PLAN_STRONG.test(followUps),
    planWeak: PLAN_WEAK.test(followUps),
    question: QUESTION.test(last) || (asked.length < 40 && QUESTION.test(asked)),
    // (原定周三的小组会推迟了，今天上午补开了: put off, then held)
    negated: (NEGATED.test(text) && !MADE_UP.test(text)) || TALLY.test(text) || REQUEST.test(text) || TEMPLATE.test(text) || UNREAL.test(followUps),
    forwarded: FORWARDED.test(text),
    otherBody: (OTHER_BODY.test(text) || ELSEWHERE.test(text)) && !/我们支部|我支部|本支部|咱们支部|我们这边|我们小组|我们党小组|我部|我们也去了|我们去了/.test(text),
    recent: /刚刚|刚才|刚(?:开|散|结束)|(?:^|[^昨前明后])(?:上午|下午|中午|晚上|傍晚|早上|今早|今晚)/.test(text),
  }
}

// The meeting word only placing or qualifying something else — 党课那天我看了一部电影, 支委会上说的事情,
// 党员大会的材料我看了, 看了主题党日的照片 — says nothing about the meeting itself. A report links the
// word to its holding (开了支委会, 支委会开完了, 参加了党课), to its business (支委会上研究了…) or presents
// its photos (今天主题党日的照片, 发几张支委会的照片).
const HOLDING_BEFORE = /(?:开了?|开完|开过|召开了?|举行了?|举办了?|参加了?|出席了?|组织了?|主持了?|开展了?|上了|听了|讲了|进行了?|完成了?|搞了|是)(?:一次|一场|一个|个|次|场|堂|节)?(?:[\p{Script=Han}]{0,6}的)?\s*$/u
const BUSINESS = /^\s*(?:对(?=[^，。]{2})|表彰|颁发|宣誓|重温|举行了|进行了|发言|表态|汇报|作了?(?:发言|检查|表态)|研究|讨论|传达|学习|通过|决定|部署|审议|表决|选举|通报|听取|总结|强调|要求|指出|大家|周|孙|李|陈|王|刘|赵|张|黄|吴)/
const MENTION_ONLY_AFTER = /^(?:那天|那次|那回|当天|的时候|时候|时|期间|以后|之后|上|的)/
const CAPTION = /发|附|上传|分享|晒|几张|如下|现场|剪影|掠影|花絮/
const VIEWING = /看了|看到|翻了|翻到|找|存|保存|下载|谁有|拍得|拍的真/

export function mentionedOnly(text: string, mentions: readonly { index: number; word: string }[]): boolean {
  if (!mentions.length) return false
  return mentions.every(({ index, word }) => {
    const before = text.slice(Math.max(0, index - 12), index)
    const after = text.slice(index + word.length, index + word.length + 12)
    if (HOLDING_BEFORE.test(before)) return false
    const mod = MENTION_ONLY_AFTER.exec(after)
    if (!mod) return false
    // 民主评议那天是周书记主持: who led it says it took place
    if (/^(?:那天|那次|当天)(?:是|由)?[^，。,\n]{1,8}(?:主持|主讲|讲的)/.test(text.slice(index + word.length, index + word.length + 16))) return false
    if (mod[0] === '上' && /^上完/.test(after)) return false // 党课上完了: it was given, not a remark made at it
    if (mod[0] === '上' && BUSINESS.test(after.slice(1).replace(/^[,，]/, ''))) return false
    if (mod[0] === '的' && /^的\s*(?:照片|合影|图片|现场)/.test(after) && CAPTION.test(text) && !VIEWING.test(text)) return false
    return true
  })
}

/** A meeting of work, school or family, not of the branch: 部门例会, 家长会, 科室开了个会, 家庭会议. */
export const NOT_PARTY_MEETING = /(?:部门|科室|处室|科里|处里|业务|项目组?|班组|公司|单位|家庭|家里|我们家|家长|年级|班级|业主|同学|校友|周|晨|早|调度|办公|安全|生产|经营|销售|技术|行政|部务|局务|所务|院务|校务|教研|工作|领导班子|班子)(?:[^，。,\n党支]{0,4})?(?:例会|会议|开了个?会|开会|的会|会)|家长会|周会|晨会|早会|例会/
/** Words that make a meeting the branch's own, whatever else qualifies it. */
export const PARTY = /党|支部|支委|委员|书记|三会一课|组织生活/

/** Kinds a sentence implies by its verb when it names none. */
export function impliedKind(text: string): '党课' | '集中学习' | '党小组会' | '支部委员会' | '支部党员大会' | '志愿服务' | '谈心谈话' | '主题党日' | '组织生活会' | 'meeting' | 'other' | null {
  // 跟刘洋同志谈了一次心, 分别和吴芳、黄磊同志谈了话, 跟王建国同志聊了一个多小时
  if (/(?:和|与|同|跟|找)[^，。,\n]{1,14}?(?:谈了(?:一次|一回|个)?心|谈了(?:一次|个)?话|谈心|谈话|谈了谈|聊了(?:聊|一次|一会儿?|很久|(?:一|两|半|[\d])[^，。,\n]{0,4}(?:小时|钟头)))|谈了一次心/.test(text) && /同志|老|谈|心里话|想法|建议|思想|困难/.test(text)) return '谈心谈话'
  // 1号大会上宣誓: in a branch's own group 大会 is its 党员大会
  if (/(?:^|[\d号日天午晚的，。,\s])大会(?:上|开|结束|散|(?:全票|一致)?通过|表决)/.test(text)) return '支部党员大会'
  // 我们组今天开完了, 第二党小组也开了, 二组的会开好了: a group that met held its 党小组会
  if (/小组|我们组|本组|组里|组内|(?<![\d一二三四五六七八九十第])[一二三四五六七八九十]组(?!织|长|员|成|合|词|照|图|数)/.test(text) && /(?<![党班课题])组会|碰(?:了)?(?:个)?头|开(?:了|过)?(?:个|一个|次|一次)?[短小线上下临时简]{0,3}会|凑(?:了凑|一块|一起|到一[块起]|在一[块起]|了一下)|聚(?:了聚|在一[块起]|到一[块起])|过了一遍|开(?:完|好|过)|(?:也|都|已经|已|刚|就)开了|开了(?![^，。,\s]{0,4}(?:吗|没|么))(?=[啊呀啦哈咯]?(?:[，。,\s！!~～]|$))|学习会|(?:都|全|全部|已)?到齐|聚(?:了)?|学(?:了|习了)|讨论(?:了)?|交流(?:了)?/.test(text)) return '党小组会'
  if (/(?:给|为)(?:支部|大家|我们|全体党员|同志们|支部党员)讲(?!话|一下|讲|清楚|明白)|宣讲(?!视频|材料|稿|音频|提纲|片)|讲了一(?:堂|节|次|课)|(?:我|他|她)?讲的(?:那|这)(?:一)?(?:堂|节)?课|讲了(?:一)?(?:堂|节)?课|上了一(?:堂|节|次)[^，。]{0,8}课|作(?:了)?[^，。\n]{0,12}辅导|专题辅导|辅导报告|的辅导(?!材料|读本|教材|用书|视频|资料|班|老师)|授课|讲课|讲授/.test(text)) return '党课'
  if (/(?:带领|组织|带着|召集|领着)(?:大家|全体党员|全体同志|党员们?|同志们|支部党员)[^，。]{0,6}(?:学习|学|研读|领学|研学)|领学|集中学|一起学习了|共同学习了|集体学|组织学习/.test(text)) return '集中学习'
  if (/支委(?:们|成员|班子)?/.test(text) && /碰(?:了)?(?:个)?头|碰了(?:一)?下|开(?:了)?(?:个|一个)?[短小简]{0,2}会|碰头/.test(text)) return '支部委员会'
  if (/全体党员[^，。]{0,6}开(?:了)?(?:个)?会/.test(text)) return '支部党员大会'
  // 批评和自我批评, 对照检查, 红红脸出出汗: what only a 组织生活会 does
  if (/批评和自我批评|相互批评|互相批评|对照检查|查摆问题|红红脸|出出汗/.test(text)) return '组织生活会'
  // 跟着支部去了市革命历史纪念馆，重温入党誓词: the 主题党日's usual day out
  if (/(?:清明)?祭扫|敬献花篮|烈士纪念碑前|重温入党誓词/.test(text) && /图|照片|回来|了|全到|参加/.test(text)) return '主题党日'
  if ((/重温入党誓词/.test(text) || /(?:参观|瞻仰|走进|去了|来到|到了|到)[^，。,\n]{0,12}(?:纪念馆|烈士陵园|革命旧址|红色教育基地|党史馆|党性教育基地|教育基地|纪念碑|故居)|(?:纪念馆|烈士陵园|革命旧址|教育基地|党史馆|纪念碑|故居)[^，。,\n]{0,4}(?:参观|瞻仰|祭扫|学习)/.test(text)) && /支部|我们|大家|党员|跟着|一起|组织/.test(text) && /了|去|到/.test(text)) return '主题党日'
  if (/学雷锋|捡垃圾|敬老院|养老院|义诊|清理河道|护城河|植树/.test(text) && /了|去|✅|干|参加/.test(text)) return '志愿服务'
  // (党员义务 is a duty, not a service: 义务 counts only with the work it names)
  if (/(?:帮|帮助|帮扶|慰问|看望|义务(?=劳动|服务|献血|植树|清扫|打扫|巡逻|宣传|讲解|理发|诊)|清扫|打扫|捡拾|献血|捐款|捐赠|植树|巡逻|值守|垃圾分类|防汛|巡堤|抗洪|扛沙袋|装沙袋)/.test(text) && /党员|大家|我们|支部|带队|去了|参加|志愿|我和|和我/.test(text) && /了|去|参加|带队/.test(text)) return '志愿服务'
  if (/(?:支部|我们|咱们|组织|带领|带着|和)[^，。]{0,16}(?:搞了|开展了|组织了|举办了|参加了|举行了|开展|搞)[^，。]{0,20}(?:活动|仪式|竞赛|比赛|参观|培训|交流|联建|共建|签约|观影|展览|知识测试|答题)/.test(text)) return 'other'
  if (/会议|例会|(?:的|个|场|次)会|会(?:已经|已|刚|开|散)|开会|开过会/.test(text)) return 'meeting'
  if (/(?:支部|组织|带领|带着)(?:大家|党员|全体党员|同志们)?[^，。]{0,4}(?:参加|参观|观看|开展|举办)[^，。]{0,16}(?:竞赛|比赛|知识测试|答题|参观|观影|展览|培训|研学|活动|观看)/.test(text)) return 'other'
  return null
}
