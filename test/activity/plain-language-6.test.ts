// Meeting reports of the eighth set's classes (issue 12), each built from parts: a 党小组 that got
// together (凑了凑 / 凑一块儿 / 开了个线上短会 / 过了一遍), the day's meeting judged (今天的主题党日很有意义),
// study said over (集中学习完了), a reporter who was away (本人因出差未能到场), what a lesson taught
// (讲怎么当好…, not a question), absences said with a place gone to (黄磊去区里开会了没来), counts
// with 一个不缺 / 到场党员N名 / 到会的一共N位, 雅琴姐主持, a visitor who came to give a 党课 — and
// what is no report: asking leaders to hand in the records of meetings held.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { parseActivity } from '../../src/messages/activity.js'
import { exampleContext } from '../helpers/branch-roster.js'

const NOW = new Date('2026-10-20T20:00:00+08:00')
const ctx = (from = '王建国', group: string | null = '第一党小组', officer = false) => ({ ...exampleContext(group, officer), reporter: from })
const read = (t: string, from?: string, group?: string | null, officer?: boolean) => parseActivity(t, NOW, ctx(from, group, officer))

describe('a 党小组 that got together', () => {
  const who = fc.constantFrom<[string, string]>(['第一党小组', '第一党小组'], ['我们组', '第一党小组'], ['我们小组', '第一党小组'], ['第二党小组', '第二党小组'], ['组里', '第一党小组'])
  const met = fc.constantFrom('下班前凑了凑', '中午凑一块儿', '晚上凑到一起', '今天开了个短会', '在腾讯会议上开了个线上短会', '午休时间开了个小会', '今天聚在一起')
  const did = fc.constantFrom('，把条例第六章过了一遍', '，学了三篇文章', '，把节前的任务过了一遍', '，每个人都谈了谈认识')
  const absent = fc.constantFrom<[string, number | null]>(['', null], ['，刘洋出差', null], ['，王建国家里有事没来', 4], ['，王建国出差，其余4位都在', 4], ['，5人全在', 5])
  test('is that group\'s 党小组会, with the absent taken from its five', () => {
    fc.assert(fc.property(who, met, did, absent, ([w, group], m, d, [a, n]) => {
      const text = `${w}${m}${d}${a}`
      const r = read(text, '陈明', '第一党小组')
      assert.ok(r, text)
      assert.equal(r.kind, '党小组会', text)
      assert.equal(r.group, group, text)
      if (n !== null && group === '第一党小组') assert.equal(r.attendees, n, text)
    }), { numRuns: 300 })
  })

  test('a study the text gives to one 党小组 is its 党小组会, not a 集中学习', () => {
    for (const t of ['[图片]\n第二党小组学习现场，赵组长领学条例第六章', '第一党小组今天由陈组长领学了《条例》', '第二党小组集体学习了四中全会公报']) {
      const r = read(t, '赵静', '第二党小组')
      assert.ok(r, t)
      assert.equal(r.kind, '党小组会', t)
    }
  })

  test('what a group meeting prepared is not its kind: 布置组织生活会的准备工作', () => {
    for (const t of ['第一党小组今晚开了个短会，主要布置组织生活会的准备工作', '我们组中午开了个小会，筹备支部党员大会的材料']) {
      const r = read(t, '陈明', '第一党小组')
      assert.ok(r, t)
      assert.equal(r.kind, '党小组会', t)
    }
  })
})

describe('the day\'s meeting judged, study said over', () => {
  const kind = fc.constantFrom<[string, string]>(['主题党日', '主题党日'], ['党课', '党课'], ['组织生活会', '组织生活会'], ['支委会', '支部委员会'])
  const judged = fc.constantFrom('很有意义', '真挺受触动的', '非常有收获', '开得很扎实', '特别感人', '挺接地气')
  test('"今天的X很有意义" reports X, today', () => {
    fc.assert(fc.property(fc.constantFrom('', '纪念馆回来了，', '刚回到家，'), fc.constantFrom('今天的', '今天那个', '今天', '下午的'), kind, judged, fc.constantFrom('', '🇨🇳', '，大家辛苦'), (lead, day, [word, k], j, t) => {
      const text = `${lead}${day}${word}${j}${t}`
      const r = read(text)
      assert.ok(r, text)
      assert.equal(r.kind, k, text)
      assert.equal(r.date, '2026-10-20', text)
    }), { numRuns: 200 })
  })

  test('a meeting still to come, judged in advance, is no report', () => {
    for (const t of ['明天的主题党日很有意义，请大家准时参加', '下周的党课一定很精彩，请大家提前安排好工作', '周五的组织生活会很重要，请务必参加']) assert.equal(read(t), null, t)
  })

  test('"集中学习完了 / 活动已经完了" is a report', () => {
    for (const t of ['集中学习完了，签到表我收走了，到会的一共八位同志', '集中学习已经完了，大家辛苦', '主题党日活动完了，照片晚点发']) assert.ok(read(t, '孙雅琴', '第一党小组', true), t)
    assert.equal(read('集中学习完了，签到表我收走了，到会的一共八位同志', '孙雅琴', '第一党小组', true)!.attendees, 8)
  })
})

describe('someone away is no negation of the meeting', () => {
  test('"本人因出差未能到场 / 我没能参加" beside a meeting held reports it', () => {
    fc.assert(fc.property(fc.constantFrom('补记10月14日党课情况：周立新书记讲授专题党课', '10月14日周书记讲授了专题党课', '上周三支部召开了党员大会'), fc.constantFrom('，本人因出差未能到场', '，我因病没能参加', '，本人未能参会', '，王建国出差没能赶到'), fc.constantFrom('', '，已观看录像补学', '，收获很大。'), (a, b, c) => {
      const text = `${a}${b}${c}`
      assert.ok(read(text), text)
    }), { numRuns: 100 })
  })

  test('a meeting that 未能 take place is still none', () => {
    for (const t of ['原定今天的支委会未能召开', '党课没能如期举行，改到下周', '组织生活会未能按时开']) assert.equal(read(t), null, t)
  })
})

describe('who came and who led', () => {
  test('absent with a place gone to: "黄磊和吴芳去区里开会了没来，其他人都在"', () => {
    fc.assert(fc.property(fc.constantFrom('黄磊和吴芳', '黄磊、吴芳'), fc.constantFrom('去区里开会了没来', '到局里培训了没来', '在外地出差没来'), fc.constantFrom('其他人都在', '其余都到了', '其他同志都在'), (names, why, rest) => {
      const text = `今天的集中学习结束了，${names}${why}，${rest}`
      const r = read(text, '孙雅琴', '第一党小组', true)
      assert.ok(r, text)
      assert.equal(r.attendees, 8, text)
    }), { numRuns: 60 })
  })

  test('"除了出差的王建国，其他同志都在" is the roster less one', () => {
    for (const t of ['今天上午周书记的党课讲完了，全支部除了出差的王建国，其他同志都在', '党员大会开完了，除了刘洋其他党员都到了']) assert.equal(read(t, '孙雅琴', '第一党小组', true)?.attendees, 9, t)
  })

  test('counts: 到场党员9名, 三位支委一个不缺, 十位同志一个没缺, 全体党员赴…', () => {
    const cases: [string, number][] = [
      ['今天下午区纪委的王志刚同志来给我们上了一堂廉政党课，到场党员9名', 9],
      ['支委会散会，三位支委一个不缺', 3],
      ['今天的组织生活会开得很扎实，十位同志一个没缺', 10],
      ['[图片][图片]\n10月16日主题党日｜支部全体党员赴市革命烈士纪念馆，敬献花篮', 10],
      ['集中学习结束，到会的总共9位同志', 9],
    ]
    for (const [t, n] of cases) assert.equal(read(t, '孙雅琴', '第一党小组', true)?.attendees, n, t)
  })

  test('"书记让雅琴姐主持的": the host is 孙雅琴; a visitor who came to give a 党课 is its speaker', () => {
    assert.equal(read('刚刚集中学习结束了，今天书记让雅琴姐主持的，学了三篇文章')?.host, '孙雅琴')
    assert.equal(read('今天下午区纪委的王志刚同志来给我们上了一堂廉政党课，到场党员9名')?.speaker, '王志刚')
    assert.equal(read('今天下午我给支部同志们宣讲了四中全会公报，讲了一个来小时', '周立新', '第一党小组', true)?.speaker, '周立新')
  })

  test('what a lesson taught is no question: "讲怎么当好合格党员"', () => {
    for (const t of ['雅琴姐今天给我们讲了堂课，讲怎么当好新时代的合格党员', '今天周书记上了一堂党课，说如何做到学思用贯通']) {
      const r = read(t)
      assert.ok(r, t)
      assert.equal(r.kind, '党课', t)
    }
    assert.equal(read('今天的党课怎么没人通知？'), null)
  })
})

describe('asking for the records of meetings held is no report', () => {
  test('"本月开过的小组会记录请周五前报给我"', () => {
    fc.assert(fc.property(fc.constantFrom('各位党小组长，', '@所有人 ', ''), fc.constantFrom('本月开过的小组会', '上周开的支委会', '前几天开过的党课'), fc.constantFrom('记录请周五前报给我', '纪要请尽快发我', '照片麻烦今天交一下', '签到表请月底前报送'), (a, b, c) => {
      const text = `${a}${b}${c}`
      assert.equal(read(text, '孙雅琴', '第一党小组', true), null, text)
    }), { numRuns: 100 })
  })
})
