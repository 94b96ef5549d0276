// Meeting reports of the seventh set's classes (issue 12), each built from parts: done said with
// 搞定 / 搞完 / 上完 / 评完 (perfective: 争取把支委会搞定 is a plan), a group that "也开了" or "开完了" with no
// 会 after it, a 签到表 beside a head-count — and what is no report: things put 桌上了, plans to get a
// meeting 搞定.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { parseActivity } from '../../src/messages/activity.js'
import { exampleContext } from '../helpers/branch-roster.js'

const NOW = new Date('2026-11-20T20:00:00+08:00')
const ctx = (from = '王建国', group: string | null = '第一党小组') => ({ ...exampleContext(group, false), reporter: from })
const read = (t: string, from?: string, group?: string | null) => parseActivity(t, NOW, ctx(from, group))

const kindWord = fc.constantFrom<[string, string]>(['党课', '党课'], ['支委会', '支部委员会'], ['主题党日', '主题党日'], ['民主评议党员', '民主评议党员'], ['党员大会', '支部党员大会'], ['组织生活会', '组织生活会'])
const when = fc.constantFrom('', '今天', '今天下午', '上午', '刚才')
const done = fc.constantFrom('搞定了', '搞定✔️', '搞完了', '搞完啦', '弄完了', '已经搞定', '终于搞完了', '都搞定了✅')
const tail = fc.constantFrom('', '，辛苦大家', '，签到表我收了', ' 照片晚点发', '👏👏', '，9个人')

describe('done, said colloquially', () => {
  test('"X搞定了 / 搞完了 / 弄完了" is a report of X, today', () => {
    fc.assert(fc.property(when, kindWord, done, tail, (w, [word, kind], d, t) => {
      const text = `${w}${word}${d}${t}`
      const r = read(text)
      assert.ok(r, text)
      assert.equal(r.kind, kind, text)
      assert.equal(r.date, '2026-11-20', text)
      if (t.includes('9个人')) assert.equal(r.attendees, 9, text)
    }), { numRuns: 200 })
  })

  test('a 党课 that "上完了" was given', () => {
    fc.assert(fc.property(when, fc.constantFrom('的党课', '党课', '的专题党课'), fc.constantFrom('上完了', '已经上完了', '上完啦'), tail, (w, word, d, t) => {
      const text = `${w}${word}${d}${t}`
      const r = read(text)
      assert.ok(r, text)
      assert.equal(r.kind, '党课', text)
    }), { numRuns: 100 })
  })

  test('getting a meeting 搞定 is a plan until it is done: 争取 / 下周 / 这周 / 明天 … 把X搞定', () => {
    fc.assert(fc.property(fc.constantFrom('争取', '下周', '这周争取', '明天', '月底前', '尽快', '得'), kindWord, fc.constantFrom('搞定', '搞完', '弄完'), fc.constantFrom('', '。', '，大家配合一下'), (lead, [word], d, t) => {
      const text = `${lead}把${word}${d}${t}`
      assert.equal(read(text), null, text)
    }), { numRuns: 200 })
  })

  test('what was put 桌上了 or 搞定 of a meeting\'s material is no report', () => {
    for (const t of ['支委会要用的材料我已经打印好了，放书记桌上了', '党课的课件搞定了吗', '支委会的材料我放你桌上了', '党员大会的票箱搬到楼上了']) assert.equal(read(t), null, t)
  })
})

describe('a group that met, said without 会', () => {
  const groupRef = fc.constantFrom<[string, string | null]>(['我们组', null], ['第二党小组', '第二党小组'], ['二组', '第二党小组'], ['我们小组', null], ['一组', '第一党小组'])
  test('"我们组今天开完了 / 二组也开了 / 第二党小组的会开好了" is a 党小组会 of that group', () => {
    fc.assert(fc.property(groupRef, fc.constantFrom('今天下午开完了', '今天也开了', '中午开过了', '的会开完了', '刚开好了'), fc.constantFrom('', '，赵组长主持的', ' 地点在我办公室', '，4个人参加'), ([g, group], d, t) => {
      const text = `${g}${d}${t}`
      const r = read(text, '张伟', '第二党小组')
      assert.ok(r, text)
      assert.equal(r.kind, '党小组会', text)
      assert.equal(r.group, group ?? '第二党小组', text)
      if (t.includes('赵组长')) assert.equal(r.host, '赵静', text)
      if (t.includes('4个人')) assert.equal(r.attendees, 4, text)
    }), { numRuns: 200 })
  })

  test('a group that will meet, or asks, is not one', () => {
    for (const t of ['我们组打算下周开', '二组下周也开', '我们组今天开了吗', '一组什么时候开？']) assert.equal(read(t, '张伟', '第二党小组'), null, t)
  })
})

describe('the kind told by who attended', () => {
  test('a 会议记录 of no named kind whose 出席 are exactly the 支委 is a 支委会; with others too it stays to be asked', () => {
    const committee = ['周立新', '孙雅琴', '李红梅']
    fc.assert(fc.property(fc.shuffledSubarray(committee, { minLength: 3, maxLength: 3 }), fc.constantFrom('、', ' ', '，'), fc.constantFrom('会议记录：', '【会议记录】', '记录一下：'), (names, sep, head) => {
      const text = `${head}\n时间：2026年11月11日15:00-16:30\n地点：三楼小会议室\n出席：${names.join(sep)}\n主持：周立新\n议题：讨论确定发展对象人选`
      const r = read(text, '孙雅琴', '第一党小组')
      assert.ok(r, text)
      assert.equal(r.kind, '支部委员会', text)
      assert.equal(r.attendees, 3, text)
      assert.equal(r.date, '2026-11-11', text)
      const more = read(text.replace(`出席：${names.join(sep)}`, `出席：${[...names, '王建国'].join(sep)}`), '孙雅琴', '第一党小组')
      assert.ok(more)
      assert.notEqual(more.kind, '支部委员会', text)
    }), { numRuns: 60 })
  })
})
