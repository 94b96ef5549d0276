// Check-ins of sets o and p (issue 12, stop 27): the day's 学习强国 points said with a word between the
// app and the figure (强国只学了二十分, 强国也拿了四十, 学习强国学了45分) — while minutes stay minutes.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { parseCheckin } from '../../src/messages/checkin.js'

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
