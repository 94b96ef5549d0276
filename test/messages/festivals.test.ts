// Days named by a festival (issue 12): 七一当天, 建党节那天, 中秋那天上午, 端午前一天, 重阳节 — the same
// Shanghai day whatever the machine's TZ, the nearest one on the side asked for; and what names no one
// day (七一讲话, 七一前夕, 国庆期间, 八一路, 十五一).
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import fc from 'fast-check'
import { datePhrases } from '../../src/messages/dates.js'
import { parseActivity } from '../../src/messages/activity.js'
import { exampleContext } from '../helpers/branch-roster.js'

const NOW = new Date('2026-11-20T20:00:00+08:00')
const day = (t: string, now = NOW, prefer: 'past' | 'future' = 'past') => datePhrases(t, now, prefer)[0]?.date ?? null

// 2026: 春节 02-17, 元宵 03-03, 清明 04-05, 端午 06-19, 中秋 09-25, 重阳 10-18
const KNOWN: [string, string][] = [['七一', '2026-07-01'], ['建党节', '2026-07-01'], ['八一', '2026-08-01'], ['国庆节', '2026-10-01'], ['元旦', '2026-01-01'],
  ['五一', '2026-05-01'], ['春节', '2026-02-17'], ['除夕', '2026-02-16'], ['元宵节', '2026-03-03'], ['清明节', '2026-04-05'], ['端午', '2026-06-19'], ['中秋', '2026-09-25'], ['中秋节', '2026-09-25'], ['重阳节', '2026-10-18']]

describe('a festival names its day', () => {
  test('with 当天 / 那天 / 上午 after it, or nothing', () => {
    fc.assert(fc.property(fc.constantFrom(...KNOWN), fc.constantFrom('', '当天', '那天', '那天上午', '下午', '的时候'), fc.constantFrom('支部组织党员去社区开展了志愿服务', '开了党员大会'), ([w, d], after, rest) => {
      assert.equal(day(`${w}${after}${rest}`), d, `${w}${after}${rest}`)
    }), { numRuns: 200 })
  })
  test('the day before or after it', () => {
    assert.equal(day('端午前一天开了支委会'), '2026-06-18')
    assert.equal(day('七一后一天'), '2026-07-02')
    assert.equal(day('国庆节第二天'), '2026-10-02')
  })
  test('the nearest one: last year\'s before it comes round, next year\'s when announcing', () => {
    assert.equal(day('七一当天', new Date('2026-03-01T10:00:00+08:00')), '2025-07-01')
    assert.equal(day('七一当天开党员大会', new Date('2026-03-01T10:00:00+08:00'), 'future'), '2026-07-01')
    assert.equal(day('春节', new Date('2027-03-01T10:00:00+08:00')), '2027-02-06')
  })
  test('what names no one day', () => {
    for (const t of ['学习七一重要讲话精神', '七一讲话', '七一勋章获得者', '七一前夕', '国庆期间', '国庆长假', '春节前后', '八一路', '五一假期', '十五一个', '张国庆同志', '王建军', '第七一条']) assert.equal(day(t), null, t)
  })
  test('a report dated by a festival', () => {
    const r = parseActivity('中秋那天上午支部组织党员去社区开展志愿服务，来了8个人', new Date('2026-09-28T20:00:00+08:00'), exampleContext())
    assert.equal(r?.date, '2026-09-25')
    assert.equal(r?.attendees, 8)
  })
  test('the same day west of UTC and far east of it', () => {
    const script = "import('./src/messages/dates.ts').then(({ datePhrases }) => console.log(datePhrases('中秋 清明节 除夕 端午 重阳节 七一', new Date('2026-11-20T20:00:00+08:00')).map((d) => d.date).join(' ')))"
    const here = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8', env: { ...process.env, TZ: 'Asia/Shanghai' } }).trim()
    assert.equal(here, '2026-09-25 2026-04-05 2026-02-16 2026-06-19 2026-10-18 2026-07-01')
    for (const tz of ['America/New_York', 'Pacific/Honolulu', 'Pacific/Auckland', 'UTC']) {
      assert.equal(execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8', env: { ...process.env, TZ: tz } }).trim(), here, tz)
    }
  })
})
