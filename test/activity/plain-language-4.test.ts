// Meeting reports of the sixth set's classes (issue 12), each built from parts: a remark that only
// sounds like a plan (迟到了一会儿, 笔记记得很认真), 党棵 for 党课, "X同志正在讲", "一共4个人", the one absence
// said before the name (唯一没来的黄磊), 大家都去了 — and what is no report: a tally of meetings
// (这个月开了五六次会了, 本月共召开会议12次), 开会开得…, 宣讲视频 watched alone.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { parseActivity } from '../../src/messages/activity.js'
import { exampleContext } from '../helpers/branch-roster.js'

const NOW = new Date('2026-11-20T20:00:00+08:00')
const ctx = (from = '王建国', group: string | null = '第一党小组') => ({ ...exampleContext(group, false), reporter: from })
const read = (t: string, from?: string) => parseActivity(t, NOW, ctx(from))

const kindWord = fc.constantFrom<[string, string]>(['主题党日', '主题党日'], ['党课', '党课'], ['集中学习', '集中学习'], ['党员大会', '支部党员大会'])
const when = fc.constantFrom('今天下午的', '今天上午的', '今天的', '今晚的')

describe('said in passing, not planned', () => {
  test('"迟到了一会儿", "聊了一会儿", "笔记记得很认真" leave a report a report', () => {
    fc.assert(fc.property(when, kindWord, fc.constantFrom('去了烈士陵园', '学习了新党章', '开得很成功'), fc.constantFrom('大家都去了', '全员参加', '大家都来了'),
      fc.constantFrom('就我迟到了一会儿😂', '会后又聊了一会儿', '大家笔记记得很认真📒', '结束后等了一会儿才散'), (w, [word, kind], what, all, tail) => {
        const text = `${w}${word}${what}，${all}，${tail}`
        const r = read(text)
        assert.ok(r, text)
        assert.equal(r.kind, kind, text)
        assert.equal(r.date, '2026-11-20', text)
        assert.equal(r.attendees, 10, text)
      }), { numRuns: 150 })
  })

  test('a real reminder still makes a notice: 记得 / 待会 / 一会儿 said ahead', () => {
    for (const t of ['今天下午的党课大家记得参加', '待会儿开党小组会，大家到三楼', '一会儿主题党日集合，别迟到']) assert.equal(read(t), null, t)
  })
})

describe('who and how many', () => {
  test('党棵 is 党课, "X是讲的 / X同志正在讲" its speaker', () => {
    fc.assert(fc.property(fc.constantFrom('党棵', '党颗', '党课'), fc.constantFrom<[string, string]>(['吴芳', '吴芳'], ['孙雅琴', '孙雅琴'], ['陈明', '陈明']), fc.integer({ min: 5, max: 10 }),
      (word, [name, roster], n) => {
        for (const text of [`今天的${word}是${name}讲的，一共来了${n}位`, `[图片] ${word}进行中｜${name}同志正在讲《党员如何守住纪律底线》，${n}人参加`]) {
          const r = read(text)
          assert.ok(r, text)
          assert.equal(r.kind, '党课', text)
          assert.equal(r.speaker, roster, text)
          assert.equal(r.attendees, n, text)
        }
      }))
  })

  test('"一共N个人" is the head-count of the meeting', () => {
    fc.assert(fc.property(fc.constantFrom('一组今晚线上开了个党小组会（腾讯会议），陈组长主持', '支委会开完了', '今天上午党小组会开好了'), fc.constantFrom('一共', '总共', '总共来了', '合计'),
      fc.integer({ min: 2, max: 5 }), fc.constantFrom('个人', '人', '位', '名'), (head, total, n, unit) => {
        const text = `${head}，${total}${n}${unit}`
        const r = read(text, '陈明')
        assert.ok(r, text)
        assert.equal(r.attendees, n, text)
      }))
  })

  test('the one absence said before the name: the rest of the branch was there', () => {
    fc.assert(fc.property(fc.constantFrom('唯一没来的', '没来的', '请假的', '缺席的'), fc.constantFrom('黄磊', '刘洋', '吴芳'), fc.constantFrom('今天上午的党员大会就到这', '党员大会开完了'),
      (lead, name, head) => {
        const text = `会开完了，谢谢各位！${head}，请${lead}${name}同志回来找我补学会议精神。`
        const r = read(text, '周立新')
        assert.ok(r, text)
        assert.equal(r.kind, '支部党员大会', text)
        assert.deepEqual([r.expected, r.attendees], [10, 9], text)
        assert.deepEqual(r.absent.map((a) => a.name), [name], text)
      }))
  })
})

describe('no report', () => {
  test('a tally of meetings over a period is a remark, however it is counted', () => {
    fc.assert(fc.property(fc.constantFrom('这个月', '本月', '今年', '这周', '最近'), fc.constantFrom('开了五六次会了', '开了好几次会', '开了三次会了', '共召开各类会议12次', '召开支委会4次'),
      fc.constantFrom('，业务都快顾不上了……', '，感谢大家支持！', '，党员平均参会率92%', '。'), (period, tally, tail) => {
        const text = `${period}${tally}${tail}`
        assert.equal(read(text, '周立新'), null, text)
      }))
  })

  test('"开了一次党小组会" is still one meeting', () => {
    const r = read('今天开了一次党小组会，5人参加', '陈明')
    assert.ok(r)
    assert.equal(r.kind, '党小组会')
  })

  test('开会开得… is a joke about meetings; 会开得很成功 is a report', () => {
    for (const t of ['开会开得我都会背入党誓词了😂', '开会开得头都大了', '这礼拜开会开得腰疼']) assert.equal(read(t), null, t)
    const r = read('支委会开得很成功，三个人都到了', '周立新')
    assert.ok(r)
    assert.equal(r.kind, '支部委员会')
  })

  test('a 宣讲视频 or 辅导读本 studied alone is the member\'s study, not a 党课', () => {
    fc.assert(fc.property(fc.constantFrom('中午学了会儿 12:05-12:35 看的', '刚才看了', '晚上自学了'), fc.constantFrom('四中全会精神宣讲视频', '宣讲材料', '辅导读本第三章', '宣讲提纲'), (lead, what) => {
      const text = `${lead}${what}`
      assert.equal(read(text), null, text)
    }))
  })
})
