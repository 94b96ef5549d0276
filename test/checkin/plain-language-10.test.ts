// Check-ins of sets o and p (issue 12, stop 27): the day's 学习强国 points said with a word between the
// app and the figure (强国只学了二十分, 强国也拿了四十, 学习强国学了45分) — while minutes stay minutes.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { parseBackfill, parseCheckin } from '../../src/messages/checkin.js'

const NOW = new Date('2027-05-12T22:15:00+08:00')
const D = '零一二三四五六七八九'
const cnOf = (n: number) => (n < 20 ? '十' : D[Math.floor(n / 10)]! + '十') + (n % 10 ? D[n % 10]! : '')

test('强国 + 只/也/又 学了/拿了 + the figure: that day\'s points', () => {
  fc.assert(fc.property(fc.constantFrom('今天强国', '学习强国', '今天学习强国', '强国'), fc.constantFrom('只学了', '也拿了', '学了', '又拿了', '也学了'), fc.integer({ min: 15, max: 60 }),
    fc.constantFrom('分', ''), fc.constantFrom('', ' 太忙了', '，看了劳动节先进事迹的视频'), fc.boolean(),
    (app, verb, n, unit, tail, cn) => {
      const figure = cn ? cnOf(n) : String(n)
      const text = `${app}${verb}${figure}${unit}${tail}`
      const r = parseCheckin(text, NOW)
      assert.equal(r?.points, n, text)
    }), { numRuns: 200 })
})

test('… and a duration after the same words stays minutes', () => {
  for (const [text, min] of [['强国学了45分钟', 45], ['今天强国又学了半小时', 30], ['学习强国也学了一个小时', 60]] as const) {
    const r = parseCheckin(text, NOW)
    assert.equal(r?.minutes, min, text)
    assert.equal(r?.points, null, text)
  }
})

const backfill = (t: string, now = NOW) => { const b = parseBackfill(t, now); return b && 'checkin' in b ? b : null }

test('an earlier day\'s study, sent late with no 补 said, is that day\'s', () => {
  fc.assert(fc.property(fc.constantFrom<[string, string]>(['前天', '2027-05-10'], ['昨天', '2027-05-11'], ['11号', '2027-05-11'], ['上周五', '2027-05-07']),
    fc.constantFrom('的忘了报', '的忘发了😅', '去闺女家了 没顾上报', '的忘了发了', '没来得及发'), fc.constantFrom('学了半个小时', '强国也拿了四十', '读了四十分钟党章'), fc.constantFrom(' ', '，', ' 那天'),
    ([day, date], why, what, sep) => {
      const text = `${day}${why}${sep}${what}`
      assert.equal(backfill(text)?.date, date, text)
    }), { numRuns: 150 })
  assert.equal(backfill('16号那天的补一下 学了一个小时 强国35', new Date('2027-04-18T22:30:00+08:00'))?.date, '2027-04-16')
})

test('… but forgot and promised for later is nothing yet; a group\'s week is no one\'s check-in', () => {
  for (const text of ['昨晚看着看着睡着了忘发，今晚一起发', '昨天的忘发了，明天再补']) {
    assert.equal(backfill(text), null, text)
    assert.equal(parseCheckin(text, NOW), null, text)
  }
  assert.equal(parseCheckin('第二党小组本周学习情况：5人全部完成，平均积分43分。', NOW), null)
})
