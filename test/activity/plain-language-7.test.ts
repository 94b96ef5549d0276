// Meeting reports of the ninth set's classes (issue 12), built from parts: a kind with 结束 / done /
// 完成了 and no 了 (组织生活会结束, 学习会done✅), late reports opened by 补记 / 补报 (the backfill of a
// meeting, not a 补卡), who led it said of "那天", a day said only of what the meeting prepared for
// (为明天组织生活会做准备), a head-count "5/5到齐" that is no date, members called by their given name
// (红梅 for 李红梅), a quoted question above the reply, a lesson judged (今天的辅导太透彻了) — and what
// is none: another unit's news (该支部…), meetings that will end (支委会结束后…).
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { parseActivity } from '../../src/messages/activity.js'
import { parseBackfill } from '../../src/messages/checkin.js'
import { exampleContext } from '../helpers/branch-roster.js'

const NOW = new Date('2026-09-28T20:00:00+08:00')
const ctx = (from = '王建国', group: string | null = '第一党小组', officer = false) => ({ ...exampleContext(group, officer), reporter: from })
const read = (t: string, from?: string, group?: string | null, officer?: boolean) => parseActivity(t, NOW, ctx(from, group, officer))
const kind = fc.constantFrom<[string, string]>(['组织生活会', '组织生活会'], ['支委会', '支部委员会'], ['党课', '党课'], ['民主评议党员', '民主评议党员'], ['主题党日', '主题党日'], ['党员大会', '支部党员大会'])

describe('over, said without 了', () => {
  test('"X结束 / X done✅ / X今天完成了" reports X, today', () => {
    fc.assert(fc.property(kind, fc.constantFrom('结束', '结束✅', ' done✅', '今天完成了', '刚结束', '已结束'), fc.constantFrom('', ' 我被提了三条意见 哈哈', '，测评表都收回来了', ' 大家辛苦'), ([word, k], d, t) => {
      const text = `${word}${d}${t}`
      const r = read(text)
      assert.ok(r, text)
      assert.equal(r.kind, k, text)
      assert.equal(r.date, '2026-09-28', text)
    }), { numRuns: 200 })
  })

  test('what happens once it ends is not that it has', () => {
    fc.assert(fc.property(kind, fc.constantFrom('结束后请大家留一下', '结束以后合影', '结束时间待定', '要在周五前完成', '争取月底前完成'), ([word], tail) => {
      const text = `明天的${word}${tail}`
      assert.equal(read(text), null, text)
    }), { numRuns: 100 })
  })
})

describe('late reports: 补记 / 补报 a meeting', () => {
  const day = fc.constantFrom<[string, string]>(['上周一', '2026-09-21'], ['上周四', '2026-09-24'], ['9月24日', '2026-09-24'], ['25号', '2026-09-25'])
  test('"补记一下{day}的{kind}" is that meeting\'s report, not a 补卡', () => {
    fc.assert(fc.property(fc.constantFrom('补记一下', '补报', '补报一下', '补录'), day, kind, fc.constantFrom('', '情况', '，实到9人', '：周书记主持'), (cue, [d, date], [word, k], tail) => {
      const text = `${cue}${d}的${word}${tail}`
      assert.equal(parseBackfill(text, NOW), null, `no 补卡: ${text}`)
      const r = read(text, '孙雅琴', '第一党小组', true)
      assert.ok(r, text)
      assert.equal(r.kind, k, text)
      assert.equal(r.date, date, text)
    }), { numRuns: 200 })
  })

  test('a group\'s study reported late, and a head-count, are the meeting\'s too', () => {
    for (const t of ['补报：9月24日中午第一党小组利用午休学了廉洁自律规定，全组5人参加。过节忙忘了报', '上周五的集中学习我补报一下考勤哈 那天十个人都去了 一个没落']) {
      assert.equal(parseBackfill(t, NOW), null, t)
      assert.ok(read(t, '陈明', '第一党小组', true), t)
    }
    assert.equal(read('上周五的集中学习我补报一下考勤哈 那天十个人都去了 一个没落')?.attendees, 10)
  })

  test('one\'s own study after a meeting, with its time, stays a 补卡', () => {
    const b = parseBackfill('前天晚上组织生活会开完回家，又研读了两个小时四中全会《决定》辅导读本，当时太晚没发，补记一下。', NOW)
    assert.ok(b && 'checkin' in b)
    assert.equal(b.checkin.minutes, 120)
    const own = parseBackfill('补报27号的学习情况：读了组织生活会学习篇目三篇 四十分钟左右', NOW)
    assert.ok(own && 'checkin' in own && own.date === '2026-09-27')
  })
})

describe('who, when, how many', () => {
  test('"{day}{kind}那天是{who}主持，我做的记录"', () => {
    fc.assert(fc.property(fc.constantFrom('周三', '上周五', '25号'), kind, fc.constantFrom<[string, string]>(['周书记', '周立新'], ['雅琴', '孙雅琴'], ['陈组长', '陈明']), ([d], [word, k], [who, name]) => {
      const text = `中秋快乐！顺便补一句，${d}${word}那天是${who}主持，我做的记录`
      const r = read(text)
      assert.ok(r, text)
      assert.equal(r.kind, k, text)
      assert.equal(r.host, name, text)
    }), { numRuns: 100 })
  })

  test('the day of what it prepared for is not its day: "为明天组织生活会做准备"', () => {
    for (const t of ['下午开了个小组会 为明天组织生活会做准备', '今天下午赵静主持开了个小组会，为周五的组织生活会做准备，我们组五个人全来了']) {
      const r = read(t, '张伟', '第二党小组')
      assert.ok(r, t)
      assert.equal(r.kind, '党小组会', t)
      assert.equal(r.date, '2026-09-28', t)
    }
  })

  test('"5/5到齐" is a head-count, never May 5', () => {
    fc.assert(fc.property(fc.integer({ min: 3, max: 5 }), fc.constantFrom('到齐', '全到', '都到了'), (n, w) => {
      const text = `一组学习会done✅ ${n}/${n}${w} 组长yyds`
      const r = read(text, '陈明', '第一党小组', true)
      assert.ok(r, text)
      assert.equal(r.date, '2026-09-28', text)
      assert.equal(r.attendees, n, text)
    }), { numRuns: 30 })
  })

  test('a given name is the member: 红梅 for 李红梅; a common word is nobody', () => {
    assert.equal(read('今天红梅同志给大家讲了一堂微党课，讲得很生动')?.speaker, '李红梅')
    assert.equal(read('今天支委会开过了，红梅出差没参加，我和雅琴两个人把十月计划定了', '周立新', '第一党小组', true)?.attendees, 2)
    // 王建国's given name is a word: 建国七十七周年 names nobody
    const r = read('今天党课讲了建国以来的光辉历程，周书记主讲')
    assert.ok(r)
    assert.equal(r.speaker, '周立新')
  })

  test('the reply under a quoted question is read, not the question', () => {
    const r = read('「李红梅：周书记，昨天党课的课件能发我一份吗？公众号要用」\n- - - - - - - - - - - - - - -\n已发你邮箱。我昨天讲的那一课实到9人，张伟出差', '周立新', '第一党小组', true)
    assert.ok(r)
    assert.equal(r.kind, '党课')
    assert.equal(r.attendees, 9)
  })

  test('a lesson judged: "X教授今天的辅导太透彻了"', () => {
    for (const t of ['[图片]\n马振华教授今天的辅导太透彻了 全场都在记笔记✍️', '今天下午周书记的辅导讲得非常透彻，大家收获很大']) assert.ok(read(t), t)
  })
})

describe('another unit\'s news is no report', () => {
  test('"某县税务局党支部开展…该支部组织党员…"', () => {
    for (const t of [
      '【学习强国】某县税务局党支部开展“学条例、守纪律”主题党日活动\n9月15日，该支部组织党员赴廉政教育基地参观学习，并召开专题学习会……',
      '9月15日，该党支部召开专题组织生活会，全体党员参加',
      '某市财政局党支部近日开展主题党日活动，该支部党员走进社区',
    ]) assert.equal(read(t, '李红梅', '第二党小组', true), null, t)
  })
})
