// Meeting reports written as a numbered list (issue 12): ①…②…, 1.…2.…, （一）…（二）…, 一、…二、… where
// one item reports a meeting held and another announces one to come. The held one is recorded, the
// one to come never; a list under a plan's header (下周工作安排：, 本周计划：) records nothing.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { parseActivities } from '../../src/messages/activity.js'
import { enumeratedItems, itemText } from '../../src/messages/items.js'
import { exampleContext } from '../helpers/branch-roster.js'

// a Thursday
const NOW = new Date('2026-11-19T18:00:00+08:00')
const ctx = { ...exampleContext('第一党小组', true), reporter: '孙雅琴' }
const read = (t: string) => parseActivities(t, NOW, ctx)

const numbering = fc.constantFrom<[string, string, string]>(['①', '②', '③'], ['1.', '2.', '3.'], ['1、', '2、', '3、'], ['（1）', '（2）', '（3）'], ['(1)', '(2)', '(3)'], ['一、', '二、', '三、'], ['（一）', '（二）', '（三）'])
// ① and （1） may follow the last word straight; 1. and 一、 follow a break, as people write them
const sep = fc.constantFrom('；', '\n', ' ', '。')
const glued = (a: string, s: string) => (/^[①-⑳（(]/.test(a) && s === ' ' ? '' : s)
const head = fc.constantFrom('', '本周支部工作：', '近期情况汇报一下：', '各位，', '【工作动态】\n')
const held = fc.constantFrom<[string, string, string]>(
  ['周二下午召开了支委会，研究发展党员工作，5名委员全部参加', '支部委员会', '2026-11-17'],
  ['11月16日第一党小组开了党小组会，学习条例，5人全到', '党小组会', '2026-11-16'],
  ['昨天上午周书记给大家讲了一堂党课，实到9人', '党课', '2026-11-18'],
  ['上周五组织党员到社区开展了志愿服务，来了8个人', '志愿服务', '2026-11-13'],
  ['本周一支部党员大会已召开，表决通过了1名预备党员转正', '支部党员大会', '2026-11-16'],
)
const coming = fc.constantFrom(
  '下周四下午开党员大会，请大家提前安排好工作',
  '11月26日拟开展主题党日活动，地点另行通知',
  '月底前各党小组要召开一次组织生活会',
  '下周二党课，请准时参加',
  '周六上午计划组织志愿服务，请报名',
)

describe('a numbered list: the item held is recorded, the item to come is not', () => {
  test('held then coming, in any numbering', () => {
    fc.assert(fc.property(head, numbering, sep, held, coming, (h, [a, b], s, [item, kind, date], next) => {
      const text = `${h}${a}${item}${glued(b, s)}${b}${next}。`
      const rs = read(text)
      assert.equal(rs.length, 1, text)
      assert.equal(rs[0]!.kind, kind, text)
      assert.equal(rs[0]!.date, date, text)
    }), { numRuns: 300 })
  })

  test('coming then held', () => {
    fc.assert(fc.property(numbering, sep, held, coming, ([a, b], s, [item, kind, date], next) => {
      const text = `${a}${next}${glued(b, s)}${b}${item}。`
      const rs = read(text)
      assert.equal(rs.length, 1, text)
      assert.equal(rs[0]!.kind, kind, text)
      assert.equal(rs[0]!.date, date, text)
    }), { numRuns: 200 })
  })

  test('a list of plans only, or under a plan\'s header, records nothing', () => {
    const planHead = fc.constantFrom('下周工作安排：', '本周安排：', '近期计划：', '工作计划：', '会议安排：', '')
    const plain = fc.constantFrom('周二召开支委会', '周四开党员大会', '周五上午党课', '下周三开展主题党日', '月底召开组织生活会')
    fc.assert(fc.property(planHead, numbering, sep, plain, plain, (h, [a, b], s, x, y) => {
      const text = `${h}${a}${x}${glued(b, s)}${b}${y}`
      if (!h && !/下周|月底/.test(text)) return // a bare past weekday with 召开 may be a report
      assert.deepEqual(read(text), [], text)
    }), { numRuns: 300 })
  })
})

describe('what is no list', () => {
  test('dates, durations and head-counts are not item numbers', () => {
    for (const t of ['11.16开了支委会', '1.5小时的党课', '应到10人，实到9人', '3、4号两天', '第1、2党小组']) {
      const items = enumeratedItems(t)
      assert.ok(!items || items.length < 2 || !/^\d/.test(t), `${t} → ${JSON.stringify(items)}`)
    }
    assert.equal(enumeratedItems('1.周二召开支委会 3.周四党课'), null) // a gap: 1 then 3
  })

  test('the items keep the words before the list', () => {
    assert.deepEqual(enumeratedItems('本周工作：①开了支委会；②下周党课')?.map(itemText), ['本周工作： 开了支委会；', '本周工作： 下周党课'])
  })
})

// The tenth set's classes (set h, November): a meeting said held in its own sentence, then business
// of another kind; a kind only referred to (组织生活会前, 主题党日的方案, 小组会上提的); a day gone by
// named before the kind; members' own accounts; visitors named before their titles; head-counts.
const TUE = new Date('2026-11-24T18:00:00+08:00') // a Tuesday
const readAt = (t: string, from = '孙雅琴', now = TUE) => {
  const m = exampleContext().roster.find((r) => r.name === from)!
  return parseActivities(t, now, { ...exampleContext(m.group ?? null, true), reporter: from })
}

describe('a meeting held in its own sentence, then other business', () => {
  const heldSentence = fc.constantFrom<[string, string, string]>(
    ['支委会刚散', '支部委员会', '2026-11-24'],
    ['今天下午的集中学习结束啦～周书记主持', '集中学习', '2026-11-24'],
    ['今天下午的组织生活会开得很实在', '组织生活会', '2026-11-24'],
    ['今天的主题党日，大家辛苦了', '主题党日', '2026-11-24'],
    ['11月20日上午召开支委会，专题研究发展党员工作', '支部委员会', '2026-11-20'],
    ['昨晚党小组会开完了，5人全到', '党小组会', '2026-11-23'],
    ['今天上午召开党员大会，表决通过了1名预备党员转正', '支部党员大会', '2026-11-24'],
  )
  const then = fc.constantFrom(
    '定了三件事：年度述职报告12月10日前交；党费核算由雅琴牵头。',
    '请大家把心得在下周三前交红梅。',
    '明天上午的志愿服务，报了名的同志别忘了。',
    '下一步要把整改落到实处，本周五（27日）前报雅琴。',
    '大会拟于12月2日召开，请各位提前安排。',
    '@张伟 回来记得补学哈',
    '下周四继续，请准时参加。',
  )
  test('is recorded, on its own day', () => {
    fc.assert(fc.property(heldSentence, fc.constantFrom('。', '！', '\n'), then, ([h, kind, date], end, t) => {
      const text = `${h}${end}${t}`
      const rs = readAt(text, '周立新')
      assert.ok(rs.length >= 1, text)
      assert.equal(rs[0]!.kind, kind, text)
      assert.equal(rs[0]!.date, date, text)
    }), { numRuns: 300 })
  })

  test('a sentence that only announces or asks stays no report', () => {
    fc.assert(fc.property(fc.constantFrom('明天下午开支委会', '下周二党课', '周四下午开党员大会', '本周五主题党日'), fc.constantFrom('。', '！', '\n'), then, (h, end, t) => {
      const text = `${h}${end}${t}`
      assert.deepEqual(readAt(text, '周立新'), [], text)
    }), { numRuns: 200 })
    for (const t of ['上午党员大会 九点 通报评议结果 都来啊', '今天下午的主题党日两点楼下集合，坐大巴去烈士陵园，大家别迟到']) {
      assert.deepEqual(readAt(t, '周立新', new Date('2026-11-24T08:00:00+08:00')), [], t)
    }
  })
})

describe('a kind only referred to is not the meeting', () => {
  test('before / after another: 组织生活会前谈话, 组织生活会后接着进行了民主评议', () => {
    const talk = fc.constantFrom('下午跟刘洋同志谈了一次心', '周二上午我分别和吴芳、黄磊同志谈了话', '今天找张伟谈了谈')
    fc.assert(fc.property(talk, fc.constantFrom('，主要是组织生活会前征求意见', '。组织生活会前支委要和每位同志谈一轮', '，为组织生活会召开前的谈心谈话'), (a, b) => {
      const text = `${a}${b}。`
      const rs = readAt(text)
      assert.equal(rs[0]?.kind, '谈心谈话', text)
    }), { numRuns: 60 })
    const r = readAt('昨天组织生活会后接着进行了民主评议党员，全支部10名党员全部参评。')
    assert.equal(r.find((x) => x.kind === '民主评议党员')?.date, '2026-11-23')
  })

  test('what was decided or said there: 主题党日的方案, 组织生活会上提的意见', () => {
    const r1 = readAt('刚刚支委碰了个头，把28号主题党日的方案定下来了：上午去纪念馆，8:30集合。', '李红梅')
    assert.equal(r1[0]?.kind, '支部委员会')
    assert.equal(r1[0]?.date, '2026-11-24')
    const r2 = readAt('今晚第一党小组开了个短会，党小组长陈明主持，就一个议题：对照组织生活会上提的意见逐条认领整改。五个人都在', '刘洋', new Date('2026-11-24T21:40:00+08:00'))
    assert.equal(r2[0]?.kind, '党小组会')
    assert.equal(r2[0]?.host, '陈明')
    assert.equal(r2[0]?.attendees, 5)
    const r3 = readAt('11.3晚 第二党小组线上会（腾讯会议）\n参会：5/5 ✅\n议题：传达下午支委会精神；讨论主题党日分工\n主持：赵静\n20:40结束', '赵静', new Date('2026-11-03T21:00:00+08:00'))
    assert.equal(r3[0]?.kind, '党小组会')
    assert.equal(r3[0]?.attendees, 5)
  })

  test('a record headed by its kind keeps it: 【支委会纪要】', () => {
    const r = readAt('【支委会纪要】11.19 周四 16:00 书记办公室\n到会：周立新 孙雅琴 李红梅（3人）\n议题：组织生活会准备情况；对照检查材料审核')
    assert.equal(r[0]?.kind, '支部委员会')
    assert.equal(r[0]?.date, '2026-11-19')
  })
})

describe('a day gone by, then the kind: 昨天下午主题党日，…', () => {
  const kinds = fc.constantFrom<[string, string]>(['主题党日', '主题党日'], ['党课', '党课'], ['支委会', '支部委员会'], ['民主评议', '民主评议党员'])
  test('is that meeting, told by whoever was there', () => {
    fc.assert(fc.property(fc.constantFrom<[string, string]>(['昨天下午', '2026-11-23'], ['上周五', '2026-11-20'], ['11月19日', '2026-11-19'], ['前天的', '2026-11-22']), kinds,
      fc.constantFrom('，支部给过政治生日的同志送了贺卡', '，讲到江姐那段好几个人眼圈都红了', '，我给自己评的合格', '，书记点名表扬了我们组'), fc.constantFrom('刘洋', '黄磊', '陈明'), ([d, date], [w, kind], tail, from) => {
        const text = `${d}${w}${tail}😭`
        const rs = readAt(text, from)
        assert.equal(rs[0]?.kind, kind, text)
        assert.equal(rs[0]?.date, date, text)
      }), { numRuns: 200 })
  })
  test('one\'s own absence from it, or today\'s, says nothing', () => {
    fc.assert(fc.property(fc.constantFrom('今天的', '今儿', '明天', '昨天的'), kinds, fc.constantFrom('我就不去了哈，家里有点事', '俺请假 家里老人看病', '我请过假了', '去不了了'), (d, [w], tail) => {
      const text = `${d}${w}${tail}`
      assert.deepEqual(readAt(text, '刘洋', new Date('2026-11-24T08:00:00+08:00')), [], text)
    }), { numRuns: 150 })
  })
})

describe('members\' own accounts, visitors, head-counts', () => {
  test('参加了支部组织的…, 跟着支部去了纪念馆', () => {
    assert.equal(readAt('上午去幸福里社区参加了支部组织的志愿服务，帮老人测血压，累并快乐着😄', '黄磊')[0]?.kind, '志愿服务')
    for (const t of ['今天跟着支部去了市革命历史纪念馆🇨🇳 重温入党誓词那一下真的挺激动的', '今天和大家一起参观了烈士纪念馆，重温入党誓词', '上午支部组织我们到党性教育基地参观学习了'])
      assert.equal(readAt(t, '吴芳')[0]?.kind, '主题党日', t)
    assert.equal(readAt('这周一下午支部集中学习了机关党委转发的典型问题通报，雅琴姐领学，大家讨论得挺热烈', '刘洋')[0]?.kind, '集中学习')
  })

  test('a visitor named before the title and where they came: 马振华副书记来支部宣讲', () => {
    fc.assert(fc.property(fc.constantFrom('机关党委马振华副书记', '市委党校林晓东教授', '区委宣传部何丽娟部长', '退休老干部钱国平同志'), fc.constantFrom('来支部宣讲', '给支部作了专题辅导', '来给我们讲了一堂课', '为全体党员作了专题辅导'), (who, verb) => {
      const text = `昨天下午${who}${verb}，讲得挺透。`
      const want = /马振华|林晓东|何丽娟|钱国平/.exec(who)![0]
      assert.equal(readAt(text, '张伟')[0]?.speaker, want, text)
    }), { numRuns: 80 })
    assert.equal(readAt('昨晚书记那堂党课，我回家又翻了翻笔记。讲了快一个半小时，一点没觉得长。', '吴芳')[0]?.speaker, '周立新')
  })

  test('how long the lesson went is the lesson\'s, not one\'s study', () => {
    fc.assert(fc.property(fc.constantFrom('讲了快一个半小时', '讲了差不多两个小时', '讲了整整一个小时', '讲了快两个钟头'), (d) => {
      const text = `昨晚书记那堂党课，${d}，一点没觉得长。`
      assert.equal(readAt(text, '吴芳')[0]?.kind, '党课', text)
    }))
  })

  test('head-counts: 到会：A、B；C请假, 到会有表决权的党员10人, 参会：5/5', () => {
    const r = readAt('【第二党小组小组会】\n⏰11月6日 12:10-12:50\n👥到会：赵静、李红梅、张伟、吴芳；黄磊请假（陪孩子看病）', '赵静')
    assert.equal(r[0]?.attendees, 4)
    assert.equal(r[0]?.expected, 5)
    assert.equal(readAt('今天下午支部召开党员大会，到会有表决权的党员10人，经无记名投票，全票通过。', '周立新')[0]?.attendees, 10)
  })
})
