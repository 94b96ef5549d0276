// Meeting reports written as a numbered list (issue 12): ①…②…, 1.…2.…, （一）…（二）…, 一、…二、… where
// one item reports a meeting held and another announces one to come. The held one is recorded, the
// one to come never; a list under a plan's header (下周工作安排：, 本周计划：) records nothing.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { parseActivities } from '../../src/messages/activity.js'
import { enumeratedItems } from '../../src/messages/items.js'
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
    assert.deepEqual(enumeratedItems('本周工作：①开了支委会；②下周党课'), ['本周工作： 开了支委会；', '本周工作： 下周党课'])
  })
})
