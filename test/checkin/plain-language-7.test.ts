// Check-ins of the ninth set's classes (issue 12), built from parts: 补一下周五的 (补一下 + 周五, not
// 下周五), a miss with the study between it and the 补 (上周五没打卡 其实学了的 … 现在补上), 忙忘了 补一下,
// "那几天" that asks nothing, one's own best (历史最高) that is no ranking — and what is none: a rule
// from today on, praise of someone else's 打卡, a place 打了个卡, a 补 promised with 把.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { parseBackfill, parseCheckin } from '../../src/messages/checkin.js'
import { exampleContext } from '../helpers/branch-roster.js'

const NOW = new Date('2026-09-14T21:30:00+08:00') // a Monday
const ROSTER = exampleContext().roster
const othersThan = (me: string) => ROSTER.filter((m) => m.name !== me).flatMap((m) => [m.name, ...(m.aliases ?? [])])
const read = (t: string, me = '王建国') => parseCheckin(t, NOW, othersThan(me))
const backfill = (t: string) => { const b = parseBackfill(t, NOW); return b && 'checkin' in b ? b : null }
const study = fc.constantFrom<[string, number]>(['学了条例第四章，四十分钟', 40], ['看了半小时的强国视频', 30], ['读了党章总纲 25分钟', 25])

describe('补卡 said around the day', () => {
  test('"补一下{weekday}的：…" credits last week\'s day, not next week\'s', () => {
    const days: [string, string][] = [['周五', '2026-09-11'], ['周三', '2026-09-09'], ['星期四', '2026-09-10'], ['周一', '2026-09-14']]
    fc.assert(fc.property(fc.constantFrom(...days), fc.constantFrom('补一下', '补下', '补一'), fc.constantFrom('的：那天', '的 ', '：'), study, fc.constantFrom('', '，当时在高铁上没网发不出去'), ([d, date], cue, glue, [s, n], tail) => {
      const text = `${cue}${d}${glue}${s}${tail}`
      const b = backfill(text)
      assert.ok(b, text)
      assert.equal(b.date, date, text)
      assert.equal(b.checkin.minutes, n, text)
    }), { numRuns: 200 })
  })

  test('a miss, the study, then 补: "上周五没打卡 其实学了的 就是… 现在补上"', () => {
    fc.assert(fc.property(fc.constantFrom<[string, string]>(['上周五', '2026-09-11'], ['前天', '2026-09-12'], ['昨天', '2026-09-13']), fc.constantFrom('没打卡', '忘了打卡', '漏打卡了', '忙忘了'), study, fc.constantFrom('现在补上', '补一下', '现在补一下'), ([d, date], miss, [s, n], cue) => {
      const text = `${d}${miss} 其实学了的 就是${s} ${cue}`
      const b = backfill(text)
      assert.ok(b, text)
      assert.equal(b.date, date, text)
      assert.equal(b.checkin.minutes, n, text)
    }), { numRuns: 150 })
    const b = backfill('昨天过节忙忘了 补一下 过节那天学了二十五分钟')
    assert.ok(b)
    assert.equal(b.date, '2026-09-13')
  })

  test('"那几天 / 这几天" asks nothing', () => {
    const b = backfill('出差那几天没顾上报，10号晚上在酒店学过条例第五章，半小时，补记一下')
    assert.ok(b)
    assert.equal(b.date, '2026-09-10')
    assert.equal(b.checkin.minutes, 30)
    assert.deepEqual(parseBackfill('补卡能补几天的？', NOW), { error: 'no-date' })
  })

  test('a 补 promised is none: "晚上一定把卡补齐", "回头给卡补上"', () => {
    for (const t of ['今天最后一天了 晚上一定把卡补齐', '回头把上周的卡补上', '明天一定把卡补了']) {
      assert.equal(backfill(t), null, t)
      assert.equal(read(t), null, t)
    }
  })
})

describe('points and what is no check-in', () => {
  test('one\'s own best is no ranking: "强国今天N分 历史最高🎉"', () => {
    fc.assert(fc.property(fc.integer({ min: 10, max: 80 }), fc.constantFrom('历史最高🎉', '个人最高', '创新高了'), (n, tail) => {
      const text = `强国今天${n}分 ${tail}`
      assert.equal(read(text)?.points, n, text)
    }), { numRuns: 60 })
    assert.equal(read('张伟今天52分，全支部最高'), null)
  })

  test('a rule from today on, praise, a place 打了个卡', () => {
    for (const t of [
      '各位同志，9月份学习打卡从今天开始，每天学完在群里报一下时长和积分，月底统计',
      '自10月1日起学习打卡改到小程序里',
      '表扬一下雅琴，连续三天第一个打卡👍',
      '给黄磊点个赞，天天第一个打卡',
      '周末去西湖边打了个卡📷 人山人海',
      '国庆去天安门广场打了个卡',
    ]) assert.equal(read(t, '周立新'), null, t)
  })
})
