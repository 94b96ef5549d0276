// Classes of phrasing first seen in a third unseen set (its lines are not copied here): dreams and
// suppositions, another branch's meeting, trouble with the system, a checklist of meetings with ✅,
// hand-in deadlines after a report, 组会, head-counts said as 参评/到课/N个人一起/缺N人, speakers thanked
// or invited, 您 for the one addressed, and the 书记 who sat in a 支委会. Variants written fresh.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { parseActivities, parseActivity, type ReportContext } from '../../src/messages/activity.js'
import { exampleContext } from '../helpers/branch-roster.js'

const NOW = new Date('2026-11-27T20:00:00+08:00') // a Friday evening
const ctx = (reporter: string | null = '孙雅琴', group: string | null = '第一党小组'): ReportContext => ({ ...exampleContext(group, true), reporter })
const parse = (t: string, c = ctx()) => parseActivity(t, NOW, c)
const ROSTER = new Set(exampleContext().roster.map((m) => m.name))

const REPORTS = [
  '今天下午开了支委会，研究了发展党员工作',
  '第一党小组昨天开了党小组会，学习了条例，6人参加',
  '今天的党课开完了，周书记讲的廉政教育',
  '主题党日活动圆满结束，全体党员参加',
  '昨天召开支部党员大会，实到9人',
  '组织生活会开好了，大家都作了发言',
]

test('a dream or a supposition is never a report, whatever meeting it names', () => {
  const unreal = ['昨天梦见', '昨晚做梦', '做梦都梦到', '梦里', '假如', '假设', '万一', '我梦到']
  fc.assert(fc.property(fc.constantFrom(...unreal), fc.constantFrom(...REPORTS), fc.constantFrom('', '😂', '，吓醒了', '哈哈', '，怎么办'), (u, r, tail) => {
    const t = `${u}${r}${tail}`
    assert.equal(parse(t), null, t)
  }), { numRuns: 200 })
})

test('another branch named as holding the meeting is not ours; our own name, or a joint meeting, is', () => {
  const others = ['机关第一党支部', '机关第三党支部', '财务科党支部第一', '后勤第二党支部', '教工第五党支部', '离退休第一党支部']
  fc.assert(fc.property(fc.constantFrom(...others.filter((o) => /第[一二三四五六七八九十]党支部$/.test(o))), fc.constantFrom('今天开展了主题党日活动', '昨天召开了支部党员大会', '开了组织生活会，实到12人', '组织了集中学习'), fc.constantFrom('', '，值得我们学习借鉴👍', '，大家看看', '，发来几张照片'),
    (o, what, tail) => {
      const t = `${o}${what}${tail}`
      assert.equal(parse(t), null, t)
    }), { numRuns: 100 })
  for (const t of ['机关第二党支部今天开展了主题党日活动，全体党员参加', '今天我们支部和机关第一党支部一起开展了主题党日活动', '跟机关第一党支部联合开了组织生活会，我们支部到了9人']) {
    assert.ok(parse(t), t)
  }
  for (const t of ['【转】机关第一党支部召开支部党员大会', '[转] 后勤党支部开展主题党日活动，参观了纪念馆', '转：某某支部今天开展了党课学习']) assert.equal(parse(t), null, t)
})

test('trouble with the system or the photos is a complaint, not a report — unless it carries the figures', () => {
  const trouble = ['照片系统上传不了', '一直提示格式错误', '图片传不上去', '系统登不上', '一上传就报错', '填报页面打不开', '提示上传失败']
  fc.assert(fc.property(fc.constantFrom('@孙雅琴 ', '雅琴，', '', '请问'), fc.constantFrom('第二党小组会的', '昨天支委会的', '党课的', '主题党日的'), fc.constantFrom(...trouble),
    (to, what, tr) => {
      const t = `${to}${what}${tr}`
      assert.equal(parse(t), null, t)
    }), { numRuns: 120 })
  const withFigures = parse('昨天下午开了支委会，实到5人，照片系统上传不了，稍后补')
  assert.equal(withFigures?.kind, '支部委员会')
  assert.equal(withFigures?.attendees, 5)
})

test('a checklist of meetings with ✅ records each meeting, and a hand-in deadline after it is no notice', () => {
  const lists = [
    ['本周工作小结：\n- 11.23 支委会 ✅\n- 11.26 主题党日 ✅（孙雅琴主持，全体参加）\n请大家把心得体会周一前交给我', [['支部委员会', '2026-11-23'], ['主题党日', '2026-11-26']]],
    ['这周三会一课情况：\n1. 11月24日 党小组会 ✔\n2. 11月25日 党课 ✔ 周书记主讲\n心得下周三前发我', [['党小组会', '2026-11-24'], ['党课', '2026-11-25']]],
    ['11.20 支部党员大会 √\n11.25 组织生活会 √', [['支部党员大会', '2026-11-20'], ['组织生活会', '2026-11-25']]],
  ] as const
  for (const [t, want] of lists) {
    const got = parseActivities(t, NOW, ctx())
    assert.deepEqual(got.map((r) => [r.kind, r.date]), want, t)
  }
  assert.equal(parseActivities('本周工作小结：\n- 11.23 支委会 ✅\n- 11.26 主题党日 ✅（孙雅琴主持，全体参加）', NOW, ctx())[1]?.host, '孙雅琴')
  // a hand-in deadline after a report keeps the report
  for (const t of ['今天下午开了党小组会，学习了条例。请大家周一前把心得体会交给我', '党课开完了，请各位周五前上传学习笔记', '昨天支委会开过了，会议记录明天发群里']) assert.ok(parse(t), t)
  // … and a notice with a hand-in is still a notice
  for (const t of ['下周一下午召开支部党员大会，请大家周五前把心得体会交给我', '请大家周一前交心得体会，周二开组织生活会', '明天上午开党小组会，材料今晚发我']) assert.equal(parse(t), null, t)
})

test('组会 in a 党小组\'s message is its 党小组会; 党组会 or 班组会 is not', () => {
  for (const t of ['第二党小组今天开了组会，5个人都到了', '📝第一党小组11.26组会纪要\n主持人：陈明\n参加人员：周立新、孙雅琴、陈明、王建国、刘洋', '我们小组昨天组会开完了，学了党章', '一组今天组会，大伙儿都来了']) {
    assert.equal(parse(t, ctx('陈明'))?.kind, '党小组会', t)
  }
  assert.equal(parse('第一党小组11.26组会纪要\n主持人：陈明\n参加人员：周立新、孙雅琴、陈明、王建国、刘洋', ctx('陈明'))?.attendees, 5)
  for (const t of ['局党组会今天开了', '车间班组会开完了', '课题组会开到九点']) assert.notEqual(parse(t)?.kind, '党小组会', t)
})

test('head-counts: 全部参评, 到课, N个人一起, 应到N人缺M人, N人都到了', () => {
  const cases: [string, number][] = [
    ['今天民主评议党员已完成，10名党员全部参评', 10],
    ['昨天民主评议开完了，9名党员都参评了', 9],
    ['昨天周书记党课已开展，到课9人', 9],
    ['党课讲完了，听课8人', 8],
    ['今天支委会开了2个小时，三个人一起把年底计划过了一遍', 3],
    ['今天集中学习开完了，我们支部应到10人，缺2人', 8],
    ['党员大会开完了，应到10人，少了1人', 9],
    ['第二党小组今天开了组会，5个人都到了👍', 5],
    ['今天主题党日，参训党员9人', 9],
  ]
  for (const [t, n] of cases) assert.equal(parse(t, ctx('赵静', '第二党小组'))?.attendees, n, t)
})

test('speakers thanked, invited or owning the 党课 are named, visitors without their title', () => {
  const cases: [string, string][] = [
    ['🎉党课圆满结束！感谢区委党校李志刚老师的精彩讲授，全体党员参加～', '李志刚'],
    ['今天党课开完了，感谢市委党校王慧敏教授的生动授课', '王慧敏'],
    ['今晚的党课请的是区纪委的陈国栋同志讲警示教育，听完后背发凉😱', '陈国栋'],
    ['昨天的党课请的是老党员郑德明同志讲入党故事，很感人', '郑德明'],
    ['昨天周书记党课已开展，到课9人', '周立新'],
    ['今天上午孙雅琴同志讲了专题党课，大家收获很大', '孙雅琴'],
    ['党课结束了，感谢周书记的精彩讲授', '周立新'],
  ]
  for (const [t, who] of cases) {
    const p = parse(t)
    assert.equal(p?.kind, '党课', t)
    assert.equal(p?.speaker, who, t)
  }
})

test('您 is the one the message is addressed to; the 书记 who sat in a 支委会 chaired it', () => {
  const addressed: [string, string][] = [
    ['@周立新 书记，今天的民主评议党员会议记录已整理好发您邮箱。会议由您主持，实到9人，吴芳请假。', '周立新'],
    ['@陈明 组长，昨天的党小组会由您主持，记录我整理好了', '陈明'],
    ['@孙雅琴 今天支委会是您主持的，纪要我放共享盘了', '孙雅琴'],
  ]
  for (const [t, who] of addressed) assert.equal(parse(t, ctx('李红梅', '第二党小组'))?.host, who, t)
  for (const t of ['今天召开支部委员会，我和雅琴、红梅三人参加，研究了12月份工作安排。', '支委会开完了，我跟孙雅琴、李红梅都在，定了年底计划', '今天下午支委会，我和两位委员参加，研究了发展对象']) {
    const p = parse(t, ctx('周立新'))
    assert.equal(p?.kind, '支部委员会', t)
    assert.equal(p?.host, '周立新', t)
  }
  // a member who is not the 书记 saying the same is not the chair
  assert.equal(parse('今天召开支部委员会，我和雅琴、红梅三人参加', ctx('李红梅', '第二党小组'))?.host ?? null, null)
})

test('speaking at a meeting says it took place: 会上发言, 会上汇报', () => {
  for (const t of ['今天党小组会上发言有点紧张😅 还好陈组长帮我圆回来了', '昨天支委会上汇报了发展党员的情况', '组织生活会上表态发言，脸都红了']) assert.ok(parse(t, ctx('刘洋')), t)
  // a reference to what was said at one stays a reference
  assert.equal(parse('支委会上说的那件事后来怎么样了？', ctx('刘洋')), null)
})

test('property: whatever the class, a stored host or speaker is a roster name or a visitor\'s bare name', () => {
  const made = ['感谢{v}的精彩讲授', '请的是{v}讲廉政教育', '由{v}主持', '{v}的党课']
  const who = ['区委党校李志刚老师', '周书记', '市纪委的陈国栋同志', '孙雅琴同志', '陈组长', '退休老党员郑德明同志', '组织委员孙雅琴']
  fc.assert(fc.property(fc.constantFrom(...made), fc.constantFrom(...who), (m, v) => {
    const p = parse(`昨天党课开完了，${m.replace('{v}', v)}`)
    for (const n of [p?.host, p?.speaker]) {
      if (!n) continue
      assert.ok(ROSTER.has(n) || /^[\p{Script=Han}]{2,3}$/u.test(n), `${n} in ${m}/${v}`)
      assert.doesNotMatch(n, /书记|组长|老师|同志|委员|党校|纪委/)
    }
  }), { numRuns: 150 })
})

test('what a meeting asked for may suppose things: "会议要求，万一…" stays a report', () => {
  for (const t of ['今天下午开了支委会，会议要求，万一遇到突发情况要及时报告', '党员大会开完了，实到9人。会上强调，如果发现问题要第一时间上报', '昨天党小组会开了，会议指出假如学习流于形式就达不到效果']) assert.ok(parse(t), t)
  for (const t of ['要是明天支委会开不成怎么办', '如果下周开党员大会，我可能去不了', '假如今天开了组织生活会，我肯定紧张']) assert.equal(parse(t), null, t)
})
