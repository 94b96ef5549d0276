// Talk about check-ins that is not one: a rule or a notice ("每位党员每天学习不少于30分钟", "积分达到30分才算"),
// saying one has not or will later ("没在群里打卡", "晚上学完就打卡", "明天再补吧", "不用补了"), and
// someone else's or everyone's figures ("张伟今天+27分，是全支部最高的").

const RULE = /自即日起|(?:从|自)(?:今天|今日|明天|本周|下周|本月|下月|即日|(?:\d{1,2}\s*月\s*)?\d{1,2}\s*[月日号])(?:开始|起)|月底统计|每位党员|各位党员|全体党员|每人每天|(?:每|一)天(?:学习)?(?:不少于|不低于|至少)|规矩|不少于\s*\d+\s*分钟|才算|达到[^，。]{0,10}才|须(?:在|于|每)|务必|要求(?:大家|各位|党员)/
// (还想着打卡，结果一沾枕头就睡着了: meant to, did not)
const NOT_DONE = /想着(?:要)?打卡[^。！!]{0,6}结果|没(?:在群里|有)?(?:打|打卡|补)(?!完|的)|还没(?:打|学|看(?!完)|读(?!完)|听(?!完)|开始|动)|不用(?:补|打)|不必(?:补|打)|(?:再|就|回头|晚点|待会|等会)(?:补|打)(?:卡)?(?:吧|了)?(?:[，。！!~～\s]|$)|学完(?:就|再)打|(?:明天|晚上|回头|下次)再补(?!点|些|一点|充)/
// a summary of everyone's figures: 人均学习时长28.5小时, 学习强国日均42分, 打卡率95%
// (【7月份学习强国统计】 1. 周立新 31天 月积分1302 …: a month's table)
// (统计表, 我统计了, 全勤, 补卡2次: a tally; 打卡照常, 截图也要存档: a rule)
const STATS = /人均|日均|平均(?:积分|学习|时长|得分)|(?:\d+|[一二三四五六七八九十]+)\s*人全部完成|打卡率|参与率|完成率|圆满收官|全支部共|共有\d+人打卡|\d+人(?:已)?打卡|统计表|统计了|我统计|全勤|补卡\s*\d+\s*次|统计\s*[】\]]|月(?:度)?积分|(?:\d+天\s*(?:月积分)?\s*\d{3,5}[\s\S]{0,30}){3}|打卡照常|照常打卡|截图[^，。]{0,4}存档/
// (历史最高, 个人最高: one's own best is no ranking)
const RANKING = /(?:全支部|全组|支部里|群里|大家里)?(?:(?<!历史|个人|我的|自己|新)最高|(?<!历史|个人)最多|第一名|排第|排名|榜首|倒数)/

/** "昨天没打卡，补24号的", "忘了打卡了 补一下": the miss is the reason for the 补卡 that follows it. */
// (周六的忘发了，补一下: not sent is missed too; 一直没补，补上：…)
// (上周五没打卡 其实学了的 … 现在补上: what was studied may come between; 忙忘了 补一下: 忘 alone)
export const MISSED_THEN_BACKFILL = /(?:(?:没|忘(?:了|记了?)?|漏|未)(?:能|来得及)?(?:打|打卡|打上|打成|发|发群里|补)(?:卡)?(?:了)?|忘(?:了|记了))(?=[\s，,。！!~～啊呀哈嘛]{0,4}补(?!完|的话|吗|不补)|[^。！!？?\n]{0,30}(?:现在|这就|马上|今天)?补(?:上|一下|下|个)(?!完|的话|吗))/

// praise of another's 打卡 (表扬一下雅琴, 给黄磊点个赞): one's own "给自己点个赞" is still a check-in
// (点赞刘洋！, 为雅琴点赞: the same)
const PRAISES_OTHER = /表扬(?:一下)?|给(?!自己)[^，。,\s]{1,6}点个?赞|为(?!自己)[^，。,\s]{1,6}点赞|点赞(?!自己)[\p{Script=Han}]{2,4}(?:同志)?[!！]|(?:向|跟)[^，。,\s]{1,6}学习/u
// 我之前看过, 看完借我呗, 我当年在部队天天学习: once before, or a request, is no study today
const NOT_TODAY = /(?:之前|以前|早就|早已|曾经|上学时)(?:就|也)?(?:看|学|读|听)过|(?:当年|那时候|那会儿|年轻时|小时候|当兵时|在部队时)[^，。,]{0,8}?(?:天天|每天)?(?:学|读|看|听)|借(?:给)?我(?:看看|看|呗|一下)?(?:[!！。~～]|$|呗)/
// 跑步40分钟，打卡: exercise, not study, when nothing studied is said
const EXERCISE = /跑步|健身|步数|万步|公里|km|游泳|骑行|骑车|瑜伽|跳绳|俯卧撑|仰卧起坐|平板支撑|撸铁|减肥|运动打卡|锻炼/i
const STUDY_SAID = /学|读|看|听|党|强国|积分|心得|笔记|讲话|条例|准则|思想/

export function notACheckin(plain: string): boolean {
  const said = plain.replace(MISSED_THEN_BACKFILL, '')
  return RULE.test(plain) || NOT_DONE.test(said) || RANKING.test(plain) || STATS.test(plain) || PRAISES_OTHER.test(plain) || NOT_TODAY.test(plain) || (EXERCISE.test(plain) && !STUDY_SAID.test(plain))
}
