// Check-ins of the thirteenth and fourteenth sets' classes (issue 12, sets k and l: August–September,
// December–January): the app's score said bare (今天45分, 文章12分+视频12分+答题10分，一共34分); study
// whose object or purpose is a meeting (复习昨天集中学习的内容, 准备周三领学用, 看组织生活会的有关要求);
// a verb said done in a clause of its own day after a plan (明天要评议，今晚重温了…); 反复听了; a slogan
// (勿忘国耻) is no exhortation; 补发X号的：…, 周六的忘发了，补一下, 一直没补，补上：…, 补卡 9/28：…. And
// what stays none: a group's tally (二组今天学习情况：…), a meeting's own study, an hour of 45 minutes.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { parseBackfill, parseCheckin } from '../../src/messages/checkin.js'
import { parsePoints } from '../../src/messages/points.js'
import { parseDuration } from '../../src/messages/duration.js'

const NOW = new Date('2026-12-14T22:30:00+08:00') // a Monday
const read = (t: string, now = NOW) => parseCheckin(t, now)
const backfill = (t: string, now = NOW) => { const b = parseBackfill(t, now); return b && 'checkin' in b ? b : null }

describe('the app\'s score said bare', () => {
  test('"{今天|今日}{N}分{…}" is a check-in with N points, never minutes', () => {
    fc.assert(fc.property(fc.constantFrom('今天', '今日'), fc.integer({ min: 10, max: 80 }), fc.constantFrom('🎉', '', '，主要是视听学习和每日答题', '，顺带学了会儿', '，领学备课顺带把第四章又看了一遍', '！'), (day, n, rest) => {
      const text = `${day}${n}分${rest}`
      const r = read(text)
      assert.equal(r?.points, n, text)
      assert.equal(r?.minutes, null, text)
    }), { numRuns: 200 })
  })
  test('the sections and their sum are points', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 10 }), fc.constantFrom('，一共', '，共', ' 合计', ''), fc.constantFrom('今天', '打卡 ', ''),
      (a, b, c, sum, lead) => {
        const text = `${lead}文章${a}分+视频${b}分+答题${c}分${sum ? `${sum}${a + b + c}分` : ''}`
        assert.equal(parsePoints(text), a + b + c, text)
        assert.equal(parseDuration(text), null, text)
        if (lead) assert.equal(read(text)?.points, a + b + c, text)
      }), { numRuns: 200 })
  })
  test('minutes and questions stay what they are', () => {
    assert.equal(read('今天45分钟的会开得真累'), null)
    assert.equal(read('今天45分了吗'), null)
    assert.equal(read('今天学了45分钟')?.minutes, 45)
  })
})

describe('a meeting as what the study was about or for', () => {
  test('"{studied}，{about a meeting}" is one\'s own check-in', () => {
    fc.assert(fc.property(fc.constantFrom<[string, number]>(['早起学了半个钟头', 30], ['今晚学习一个钟头', 60], ['今天学了35分钟', 35], ['学习中央经济工作会议公报一个小时', 60], ['上午学了四十五分钟', 45]),
      fc.constantFrom('，复习昨天集中学习的内容', '，主要看组织生活会的有关要求', '，准备周三领学用', '，把组织生活会上大家提的意见对照着整理了一遍，写了整改计划', '，为明天的支委会做准备'), ([s, n], about) => {
        const text = `${s}${about}`
        assert.equal(read(text)?.minutes, n, text)
      }), { numRuns: 150 })
  })
  test('a plan in its own clause, then study done today', () => {
    for (const plan of ['明天要评议', '明天集中学习', '下周开组织生活会']) {
      const text = `${plan}，今晚重温了一遍党员义务和权利那章，40分钟左右`
      assert.equal(read(text)?.minutes, 40, text)
    }
  })
  test('an emoji and a space end a sentence: the meeting in the first is not the study in the second', () => {
    const r = read('今天主题党日就当学习了😄 晚上又补看了半小时档案馆推荐的党史资料', new Date('2026-08-19T21:55:00+08:00'))
    assert.equal(r?.minutes, 30)
  })
  test('反复听了 is a verb; 勿忘国耻 a slogan', () => {
    assert.equal(read('新年第一天，学习主席新年贺词，反复听了三遍，约半小时', new Date('2027-01-01T11:00:00+08:00'))?.minutes, 30)
    assert.equal(read('上午学了四十五分钟九一八历史资料，勿忘国耻')?.minutes, 45)
    assert.equal(read('大家勿忘打卡'), null)
  })
  test('the meeting\'s own study and a group\'s tally stay none', () => {
    for (const t of ['今天下午集中学习，学了两个小时', '今天的集中学习学了一个半小时，周书记领学', '下午组织大家学习了一个小时', '二组今天学习情况：红梅、张伟、吴芳已发，黄磊还没发', '支部今天学习情况：8人已打卡']) assert.equal(read(t), null, t)
  })
})

describe('补卡 said late', () => {
  const at = new Date('2026-12-27T21:40:00+08:00') // a Sunday
  test('"补发{day}的：…" credits that day', () => {
    fc.assert(fc.property(fc.constantFrom<[string, string]>(['12月19号', '2026-12-19'], ['昨天', '2026-12-26'], ['20号', '2026-12-20']), fc.constantFrom('补发', '补发一下'), fc.constantFrom('的：', '的，'),
      fc.constantFrom('晚上又学了25分钟，积分33', '学习强国41分'), ([d, date], cue, glue, s) => {
        const text = `${cue}${d}${glue}${s}`
        assert.equal(backfill(text, at)?.date, date, text)
      }), { numRuns: 100 })
    assert.equal(parseBackfill('补发一下昨天主题党日的照片', at), null)
  })
  test('not sent, then made up: 周六的忘发了，补一下 / 一直没补，补上：…', () => {
    for (const miss of ['周六的忘发了', '周六的没发', '周六忘了发了']) {
      const text = `${miss}，补一下：学习强国41分`
      assert.equal(backfill(text, at)?.date, '2026-12-26', text)
    }
    assert.equal(backfill('大前天的一直没补，补上：12月24日 学习《条例》第二章 一个半小时', at)?.checkin.minutes, 90)
    assert.equal(parseBackfill('一直没补', at), null)
  })
  test('补卡 m/d：… reads the day before its colon', () => {
    const b = backfill('补卡 12/25：听钱老讲完党课回家又看了四十分钟纪录片', at)
    assert.equal(b?.date, '2026-12-25')
    assert.equal(b?.checkin.minutes, 40)
  })
})

// sets m and n (October, February–March): a plan's day, then a day of doing; a meeting one studied
// beside; a plan or goal as a thing read; a group's tally; a rule that says 照常; meant to, did not
describe('sets m and n', () => {
  test('study beside a meeting, and a plan or goal read, are one\'s own check-in', () => {
    for (const [t, n, at] of [['明天讲党课，今晚又备了一个半小时课，顺便把两会几篇评论员文章读了', 90, '2027-03-16T21:35:00+08:00'], ['白天集中学习之外，晚上又把《求是》那篇文章重读了一遍，做了笔记，45分钟', 45, '2027-02-15T21:40:00+08:00'],
      ['早上7点到7点半，把支部今年的工作计划对照着《支部工作条例》又学了一遍', 30, '2027-02-24T07:40:00+08:00'], ['7:05-7:40 准备下午领学的内容，把报告里关于今年发展目标那部分又细读了一遍', 35, '2027-03-10T07:45:00+08:00']] as const) {
      assert.equal(read(t, new Date(at))?.minutes, n, t)
    }
    assert.equal(read('明天再学，今天先不学了'), null)
  })
  test('a group\'s tally, a rule kept as before, a check-in meant and missed: none', () => {
    fc.assert(fc.property(fc.constantFrom('一组', '二组', '第一党小组', '我们组'), fc.constantFrom('今天已打卡：陈组长。书记、老王和小刘还没发哈', '本周打卡我统计了：书记7天、雅琴7天、刘洋6天', '截至今天：吴芳、黄磊全勤，张伟补卡2次'), (g, rest) => {
      const text = `${g}${rest}`
      assert.equal(read(text), null, text)
      assert.equal(backfill(text), null, text)
    }), { numRuns: 40 })
    for (const t of ['各位，新一年学习打卡照常，每天晚上10点前在群里发，学习强国截图或者文字说明都行。', '春节期间学习不放假哈，群里打卡照常，过年在外的同志注意别断了😄', '月底了，10月份学习打卡和积分统计表我周一发群里，有出入的及时找我', '昨晚睡前还想着打卡，结果一沾枕头就睡着了，今天补']) {
      assert.equal(read(t), null, t)
      assert.equal(backfill(t), null, t)
    }
  })
  test('补一个<day>的, <weekday>（<day>）的补上', () => {
    assert.equal(backfill('补一个3月28号的：当天看了《复兴之路》纪录片一集，50分钟', new Date('2027-03-30T08:30:00+08:00'))?.date, '2027-03-28')
    const b = backfill('把上周四（22号）的补上，那天学了40分钟，忘发群里了', new Date('2026-10-25T10:00:00+08:00'))
    assert.equal(b?.date, '2026-10-22')
    assert.equal(b?.checkin.minutes, 40)
  })
})
