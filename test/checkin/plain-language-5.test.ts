// Check-ins of the seventh set's classes (issue 12), built from parts: a bare N分 right after 打卡 or
// 今天 is that day's points (never minutes, never added to 学习时长), a bare +N is a gain but 打卡+1 a
// count, "今日学习任务已完成" is a check-in, 忘记打卡了 补一下 a 补卡 — and what is not the sender's: another
// member's study ("孙雅琴今天学了两个小时"), a place checked in at with nothing studied (食堂打卡 红烧肉).
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { parseBackfill, parseCheckin } from '../../src/messages/checkin.js'
import { exampleContext } from '../helpers/branch-roster.js'

const NOW = new Date('2026-11-20T21:30:00+08:00')
const ROSTER = exampleContext().roster
const othersThan = (me: string) => ROSTER.filter((m) => m.name !== me).flatMap((m) => [m.name, ...(m.aliases ?? [])])
const read = (t: string, me = '王建国') => parseCheckin(t, NOW, othersThan(me))

const points = fc.integer({ min: 2, max: 99 })
const sep = fc.constantFrom('', ' ', '！', '～', '，', '：', '✅ ')

describe('points in shorthand', () => {
  test('"打卡{sep}N分" and "今天N分" are the day\'s points, not minutes', () => {
    fc.assert(fc.property(fc.constantFrom('打卡', '打卡打卡', '今日打卡', '打卡 今天', '打卡 今日'), sep, points, (lead, s, n) => {
      const text = `${lead}${s}${n}分`
      const p = read(text)
      assert.ok(p, text)
      assert.equal(p.points, n, text)
      assert.equal(p.minutes, null, text)
    }), { numRuns: 200 })
  })

  test('beside a 学习时长, the bare 分 stays points and the time stays the time', () => {
    fc.assert(fc.property(points, fc.integer({ min: 5, max: 180 }), fc.constantFrom('学习时长', '时长', '学了'), (n, m, word) => {
      const text = `打卡 今天${n}分 ${word}${m}分钟`
      const p = read(text)
      assert.ok(p, text)
      assert.equal(p.points, n, text)
      assert.equal(p.minutes, m, text)
    }), { numRuns: 150 })
  })

  test('a bare +N is the day\'s gain; 打卡+1 / 接龙 +1 is a count', () => {
    fc.assert(fc.property(fc.constantFrom('今日已学 ', '打卡～今天', '积分', '学习强国 ', '今天学了 '), points, (lead, n) => {
      const text = `${lead}+${n}`
      const p = read(text)
      assert.ok(p, text)
      assert.equal(p.points, n, text)
    }), { numRuns: 150 })
    for (const t of ['打卡+1', '打卡 +1']) assert.equal(read(t)?.points ?? null, null, t)
  })

  test('a time still to come is no reason to doubt one done: "学了20分钟 积分+15 晚上再补点"', () => {
    fc.assert(fc.property(fc.integer({ min: 5, max: 90 }), points, fc.constantFrom('晚上再补点', '晚上再补一点', '回头再补些'), (m, n, later) => {
      const text = `早上在地铁上学了${m}分钟 积分+${n} ${later}`
      const p = read(text)
      assert.ok(p, text)
      assert.equal(p.minutes, m, text)
      assert.equal(p.points, n, text)
    }), { numRuns: 100 })
  })
})

describe('done, without figures', () => {
  test('"完成今日学习任务" / "今天的学习任务都完成了" is a check-in', () => {
    for (const t of ['完成今日学习任务', '今日学习任务已完成', '今天的学习任务都完成了✅', '已完成今天的学习任务']) assert.ok(read(t), t)
  })
  test('… but asked, or asked of others, or a step, it is not', () => {
    for (const t of ['请大家完成今日学习任务', '完成今日学习任务了吗', '完成今日学习任务后记得打卡']) assert.equal(read(t), null, t)
  })
})

describe('not the sender\'s study', () => {
  test('another member named as the one who studied is their study, not the sender\'s', () => {
    const other = fc.constantFrom(...ROSTER.map((m) => m.name).filter((n) => n !== '王建国'))
    fc.assert(fc.property(other, fc.constantFrom('今天学了两个小时', '刚看完《榜样》', '今天也打卡了，学了40分钟', '已经学了一个多小时'), fc.constantFrom('', ' 太卷了👍', '，他手机没电让我帮他说一声'), (name, what, tail) => {
      const text = `${name}${what}${tail}`
      assert.equal(read(text, '王建国'), null, text)
    }), { numRuns: 150 })
  })
  test('the sender\'s own name in front is still their check-in', () => {
    for (const t of ['王建国今天学了两个小时', '王建国 打卡 学习党章30分钟']) assert.ok(read(t, '王建国'), t)
  })
  test('a place checked in at, with nothing studied, is no check-in; with study it is', () => {
    for (const t of ['中午食堂打卡 红烧肉🤤', '公园打卡🌸', '网红店打卡成功', '商场打卡']) assert.equal(read(t), null, t)
    for (const t of ['图书馆打卡 学了两小时', '办公室打卡 学习党章30分钟']) assert.ok(read(t), t)
  })
})

describe('补卡 after a miss', () => {
  test('"N号…忘记打卡了 补一下 …" credits day N', () => {
    fc.assert(fc.property(fc.integer({ min: 13, max: 19 }), fc.constantFrom(' ', '，'), fc.constantFrom('+33', '学了三十分钟', '看了半小时新闻联播'), (day, s, what) => {
      const text = `${day}号那天学了${s}忘记打卡了${s}补一下${s}${what}`
      const b = parseBackfill(text, NOW)
      assert.ok(b && 'date' in b && !('error' in b), text)
      assert.equal((b as { date: string }).date, `2026-11-${day}`, text)
    }), { numRuns: 100 })
  })
})
