// Labelled fields of a structured report: "时间：11月18日下午", "主持人：A 记录人：B 地点：C" on one
// line, or one a line under a 【支委会】 header. A value runs to the next label, so several labels on
// one line each keep their own value.

export type Field =
  | 'date' | 'place' | 'topic' | 'host' | 'speaker' | 'recorder' | 'content'
  | 'absent' | 'attendeesList' | 'expected' | 'attendees' | 'kind' | 'group' | 'header'

const LABELS: Record<string, Field> = {}
const add = (f: Field, words: string[]) => { for (const w of words) LABELS[w] = f }
add('date', ['时间', '日期', '会议时间', '活动时间', '学习时间', '召开时间', '开会时间', '授课时间'])
add('place', ['地点', '会议地点', '活动地点', '学习地点', '地址', '会场'])
add('topic', ['议题', '会议议题', '主题', '会议主题', '活动主题', '学习主题', '党课主题', '题目', '课题', '专题'])
add('host', ['主持人', '主持', '会议主持', '主持者', '召集人', '带队', '带队人', '领队', '谈话人'])
add('speaker', ['主讲人', '主讲', '授课人', '授课', '宣讲人', '宣讲', '领学人', '领学', '辅导人', '讲课人', '报告人'])
add('recorder', ['记录人', '记录', '会议记录人', '记录员'])
add('content', ['内容', '会议内容', '活动内容', '学习内容', '主要内容', '决议', '会议决议', '形成决议', '议定事项', '会议议程', '议程', '情况'])
add('absent', ['缺席', '缺席人员', '请假', '请假人员', '未参加人员', '未到人员', '缺席情况'])
add('attendeesList', ['参加人员', '参会人员', '出席人员', '与会人员', '到会人员', '参加对象', '签到', '签到人员', '参加党员', '参会党员', '参加同志', '参加的有', '参加的同志', '出席', '参加', '参会', '到会', '列席人员', '人员', '谈话对象'])
add('expected', ['应到', '应到人数', '应到会', '应出席'])
add('attendees', ['人数', '实到', '实到人数', '实到会', '参会人数', '参加人数', '到会人数', '出席人数', '实际出席'])
add('kind', ['会议类型', '会议名称', '活动类型', '类型', '会议'])
add('group', ['党小组', '小组'])
// a block's own heading ("会议记录："), so that its text is not read as a 记录人
add('header', ['会议记录', '会议纪要', '活动记录', '学习记录', '记录如下'])

// (时 间：, 地  点：: a label spaced out to line up a form is the same label)
const spaced = (w: string) => [...w].join('[ \\t\\u3000]{0,2}')
const LABEL_RE = new RegExp(`(${Object.keys(LABELS).sort((a, b) => b.length - a.length).map(spaced).join('|')})\\s*[:：]`, 'gu')
// a line that starts with a label, even without a colon: "主持人 王建国"
const LINE_LABEL_RE = new RegExp(`^\\s*(?:[\\d一二三四五六七八九十]+[、.．]\\s*)?(${Object.keys(LABELS).filter((k) => k.length >= 2 && !['参加', '参会', '出席', '到会', '会议', '小组', '人员', '情况', '专题', '请假', '记录', '缺席', '主持', '宣讲', '授课', '领学'].includes(k)).sort((a, b) => b.length - a.length).join('|')})\\s+(?=\\S)`, 'gmu')

const WHERE_OR_TITLE = /(?:书记|委员|组长|小组长|党校|大学|学院|讲师团|宣讲团|党委|组织部|宣传部|纪委|部|局|处|办|中心|老党员|老干部)$/
const TITLE_AFTER = /^(?:教授|老师|同志|书记|主任|部长|副部长|处长|局长|校长|讲师|研究员)$/

/** Fields by label; the first occurrence of a field wins. `labels` counts the labels seen. */
export function labelledFields(text: string): { fields: Partial<Record<Field, string>>; labels: number } {
  const hits: { field: Field; start: number; valueStart: number }[] = []
  for (const m of text.matchAll(LABEL_RE)) hits.push({ field: LABELS[m[1]!.replace(/[ \t\u3000]/g, '')]!, start: m.index!, valueStart: m.index! + m[0].length })
  for (const m of text.matchAll(LINE_LABEL_RE)) {
    const start = m.index! + m[0].indexOf(m[1]!)
    if (!hits.some((h) => h.start === start)) hits.push({ field: LABELS[m[1]!]!, start, valueStart: m.index! + m[0].length })
  }
  hits.sort((a, b) => a.start - b.start)
  const fields: Partial<Record<Field, string>> = {}
  hits.forEach((h, i) => {
    const next = hits[i + 1]?.start ?? text.length
    let v = text.slice(h.valueStart, next)
    const nl = v.indexOf('\n')
    if (nl >= 0) v = v.slice(0, nl)
    // a value ends where an unlabelled element begins: "议题：研究工作 应到5人 实到5人"
    v = v.replace(/\s+(?:应到|实到|到会|参加|出席|缺席|请假|主持|主讲|记录|地点|时间)[\s\S]*$/, '')
    // a name or a room ends at a space: "地点：党建室 应到3人"
    if (h.field === 'place') v = v.trim().split(/\s+/)[0] ?? ''
    // … and a person's too, but a title or a place before it, or a title after, is part of it:
    // "主讲人：支部书记 周立新", "主讲：市委党校 何建平 教授"
    else if (['host', 'speaker', 'recorder'].includes(h.field)) {
      const t = v.trim().split(/\s+/)
      let who = t[0] ?? ''
      if (t[1] && WHERE_OR_TITLE.test(who)) who += t.splice(1, 1)[0]
      if (t[1] && TITLE_AFTER.test(t[1])) who += t[1]
      v = who
    }
    if (h.field !== 'content' && h.field !== 'attendeesList' && h.field !== 'absent' && h.field !== 'topic') v = v.split(/[，,。；;]/)[0]!
    else if (h.field === 'topic') v = v.split(/[。；;]/)[0]!
    v = v.replace(/^[\s，,。；;、]+|[\s，,。；;、]+$/g, '')
    // a blank in a form ("____", "XX") is no value
    if (/^[_＿\-—*×xX。.\s]*$/.test(v)) v = ''
    if (v && fields[h.field] === undefined) fields[h.field] = v
  })
  return { fields, labels: Object.keys(fields).length }
}
