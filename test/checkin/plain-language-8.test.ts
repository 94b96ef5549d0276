// Check-ins of the tenth set's classes (issue 12, set h): studying up to a standard (对照…的要求) is no
// rule of how much; 补打 before the day (补打上周五的：…); a clock range with the verb inside it
// (从九点读到九点半). And what stays none: a real rule (要求每天学习半小时), 补打 promised.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { parseBackfill, parseCheckin } from '../../src/messages/checkin.js'

const NOW = new Date('2026-11-24T21:40:00+08:00') // a Tuesday
const read = (t: string) => parseCheckin(t, NOW)
const backfill = (t: string) => { const b = parseBackfill(t, NOW); return b && 'checkin' in b ? b : null }

describe('对照…的要求 is what one studied by', () => {
  test('"今天对照{X}的要求，{studied}" is a check-in with its time', () => {
    fc.assert(fc.property(fc.constantFrom('组织生活会', '支部', '党小组会上提出', '上级'), fc.constantFrom('对照', '按照', '根据', '结合'),
      fc.constantFrom<[string, number]>(['把党章从头到尾通读了一遍，用了一个半钟头', 90], ['学习了《条例》第三章，40分钟', 40], ['读了准则原文，半小时', 30]), (x, verb, [s, n]) => {
        const text = `今天${verb}${x}的要求，${s}`
        assert.equal(read(text)?.minutes, n, text)
      }), { numRuns: 100 })
  })
  test('a rule of how much stays none', () => {
    for (const t of ['要求每天学习半小时', '支部要求大家每天学习强国不少于30分钟', '按要求每人至少学习40分钟']) assert.equal(read(t), null, t)
  })
})

describe('补打 before the day', () => {
  test('"补打{day}的：…" credits that day', () => {
    fc.assert(fc.property(fc.constantFrom<[string, string]>(['上周五', '2026-11-20'], ['昨天', '2026-11-23'], ['前天', '2026-11-22'], ['22号', '2026-11-22']), fc.constantFrom('补打', '补打一下'), fc.constantFrom('的：', '的 ', '：'),
      fc.constantFrom('读了《论党的自我革命》两篇，大概40分钟', '学习强国看了半小时视频'), ([d, date], cue, glue, s) => {
        const text = `${cue}${d}${glue}${s}`
        assert.equal(backfill(text)?.date, date, text)
      }), { numRuns: 100 })
  })
  test('a 补打 promised is none', () => {
    for (const t of ['明天补打昨天的', '回头补打上周五的卡']) assert.equal(backfill(t), null, t)
  })
})

describe('a clock range with the verb inside', () => {
  test('"从{a}{verb}到{b}" is the minutes between', () => {
    fc.assert(fc.property(fc.constantFrom<[string, string, number]>(['九点', '九点半', 30], ['8点', '9点', 60], ['七点一刻', '八点', 45], ['20:10', '20:50', 40]), fc.constantFrom('读', '学', '看', '学习'), fc.constantFrom('', '从'), ([a, b, n], v, from) => {
      const text = `今天读了党章里关于党员义务那部分，${from}${a}${v}到${b}`
      assert.equal(read(text)?.minutes, n, text)
    }), { numRuns: 100 })
  })
})

// set i (stop 25, June–July): 认真的学了 (的 for 地), 今个儿学的是…, …，作为今天的打卡 — and what is
// none: praise of another's 打卡 (点赞刘洋！), exercise checked in (跑步40分钟，打卡).
describe('set i: the phone\'s and the dialect\'s ways of saying it', () => {
  const at = new Date('2026-07-05T22:50:00+08:00')
  test('认真的学了, 今个儿学的是, 作为今天的打卡', () => {
    fc.assert(fc.property(fc.constantFrom('认真的', '仔细的', '好好的', '认真地', ''), fc.constantFrom('学了', '看了', '读了'), fc.constantFrom('一篇关于基层党建的评论文章', '《条例》的解读视频', '党章总纲'), fc.constantFrom('', '，挺有启发', '，作为今天的打卡', '，算今天的打卡了'), (how, verb, what, tail) => {
      const text = `午休时间${how}${verb}${what}${tail}`
      assert.ok(parseCheckin(text, at), text)
    }), { numRuns: 200 })
    assert.ok(parseCheckin('今个儿学的是党章里关于党员义务那八条，念叨了好几遍，记住了', at))
  })
  test('praise of another, and exercise, are none', () => {
    for (const t of ['点赞刘洋！连续30天打卡，全支部第一个全勤🎉', '为雅琴点赞，天天打卡', '今天跑步40分钟，5公里，打卡😂', '健身打卡 一小时', '今日步数2万步 打卡']) assert.equal(parseCheckin(t, at), null, t)
    assert.ok(parseCheckin('跑完步听了半小时学习强国的音频，打卡', at))
  })
})

// set j (stop 25, March–April): Day11 ✅ …; one's own study after the meeting (集中学习完回家又…) —
// and what is none: 学雷锋 (no 学 of study), 我之前看过, 看完借我呗.
describe('set j: streaks, after the meeting, and what is no study today', () => {
  const at = new Date('2026-04-24T21:00:00+08:00')
  test('Day N ✅ and study after a meeting are check-ins with their time', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 120 }), fc.constantFrom('✅', '√', '✔'), fc.constantFrom<[string, number]>(['两会代表通道实录 45min', 45], ['条例第三章 半小时', 30]), (n, tick, [s, m]) => {
      const text = `Day${n} ${tick} ${s}`
      assert.equal(parseCheckin(text, at)?.minutes, m, text)
    }), { numRuns: 60 })
    for (const w of ['集中学习', '党课', '支委会']) assert.equal(parseCheckin(`${w}完回家又把纪律处分条例看了一遍，四十分钟`, at)?.minutes, 40, w)
  })
  test('none', () => {
    for (const t of ['今天学雷锋站了一上午，三个多小时，腿都站麻了', '纪录片《山河岁月》我之前看过，每集二十来分钟，五一假期可以看看', '王哥你那本《平凡的世界》看完借我呗', '这本书我以前读过，推荐大家看看']) assert.equal(parseCheckin(t, at), null, t)
  })
})
