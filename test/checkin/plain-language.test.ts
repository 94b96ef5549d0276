// Check-ins as members really write them (issue 12): 补卡 said anywhere, clock ranges, a total with
// its parts, points in shorthand, studying stated without 打卡 — and the tempting messages that are
// none of these. Properties build many phrasings of each class from parts, so what is tested is the
// class, not a list of sentences.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { parseBackfill, parseCheckin } from '../../src/messages/checkin.js'
import { datePhrases, parseDatePhrase } from '../../src/messages/dates.js'
import { parseDuration } from '../../src/messages/duration.js'
import { parsePoints } from '../../src/messages/points.js'
import { addDays, dayOf, weekday } from '../../src/domain/time.js'

const NOW = new Date('2026-11-12T20:30:00+08:00') // a Thursday
const TODAY = dayOf(NOW)
const dateOf = (t: string, now = NOW) => { const r = parseBackfill(t, now); return r && 'date' in r && !('error' in r) ? r.date : r }

const CN_DIGIT = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']
/** 25 -> 二十五, 10 -> 十, 105 -> 一百零五 (as members type them). */
function cn(n: number): string {
  if (n < 10) return CN_DIGIT[n]!
  if (n < 20) return '十' + (n % 10 ? CN_DIGIT[n % 10] : '')
  if (n < 100) return CN_DIGIT[Math.floor(n / 10)] + '十' + (n % 10 ? CN_DIGIT[n % 10] : '')
  const rest = n % 100
  return CN_DIGIT[Math.floor(n / 100)] + '百' + (rest === 0 ? '' : rest < 10 ? '零' + CN_DIGIT[rest] : cn(rest).replace(/^十/, '一十'))
}
/** Minutes written the ways people write them. */
const spoken = (n: number): fc.Arbitrary<string> => {
  const forms = [`${n}分钟`, `${n}min`, `${cn(n)}分钟`]
  if (n % 60 === 0) forms.push(`${n / 60}小时`, `${cn(n / 60)}个小时`)
  if (n === 30) forms.push('半小时', '半个小时')
  if (n === 90) forms.push('一个半小时', '1.5小时')
  if (n > 60 && n % 60 !== 0 && n < 180) forms.push(`${Math.floor(n / 60)}小时${n % 60}分钟`)
  return fc.constantFrom(...forms)
}
const studyContent = fc.constantFrom('学习《中国共产党章程》第三章', '学习党章', '读《习近平著作选读》第二卷', '看专题片《榜样9》', '学习二十届四中全会精神',
  '学习《中国共产党纪律处分条例》', '学习强国 观看视频', '读原文《论党的自我革命》', '学习总书记重要讲话', '听微党课')

describe('one date grammar', () => {
  const now = new Date('2026-11-22T10:00:00+08:00') // a Sunday
  const cases: [string, string | null][] = [
    ['上周五', '2026-11-13'], ['上个星期五', '2026-11-13'], ['本周五', '2026-11-20'], ['周五', '2026-11-20'], ['上上周一', '2026-11-02'],
    ['3号', '2026-11-03'], ['25号', '2026-10-25'], ['本月6日', '2026-11-06'], ['这个月6号', '2026-11-06'], ['上个月28号', '2026-10-28'], ['上月3日', '2026-10-03'],
    ['11/6', '2026-11-06'], ['11.6', '2026-11-06'], ['11-6', '2026-11-06'], ['2026/11/6', '2026-11-06'], ['2026.11.06', '2026-11-06'],
    ['十一月六日', '2026-11-06'], ['11月6', '2026-11-06'], ['昨儿', '2026-11-21'], ['大前天', '2026-11-19'],
    ['前几天', null], ['这两天', null], ['上周', null], ['3号楼', null], ['5号线', null], ['每周三次', null], ['1.5小时', null], ['30-40分钟', null],
    ['8:00-8:45', null], ['三日内', null], ['第3号文件', null], ['一月一次', null], ['2月30日', null],
  ]
  for (const [t, d] of cases) test(`${t} -> ${d}`, () => assert.equal(parseDatePhrase(t, now, 'past')?.date ?? null, d))

  test('the future reading, for announcements', () => {
    const f = (t: string) => parseDatePhrase(t, now, 'future')?.date
    assert.equal(f('3号'), '2026-12-03')
    assert.equal(f('25号'), '2026-11-25')
    assert.equal(f('周三'), '2026-11-25')
    assert.equal(f('下周三下午3点'), '2026-11-25')
    assert.equal(parseDatePhrase('下周三下午3点', now, 'future')?.time, '15:00')
  })

  test('an invalid first date does not hide a valid one after it', () => {
    assert.equal(parseDatePhrase('2月30日说错了，是11月20日', now)?.date, '2026-11-20')
  })

  test('dateLength covers the date only; length takes the time of day with it', () => {
    const p = parseDatePhrase('昨天8:00-8:45', now)!
    assert.equal(p.dateLength, 2)
    assert.equal(p.time, '08:00')
  })

  test('property: 本月/上月 N日, M月D日, M/D and N号 name the day they say, whatever today is', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 27 }), (start, back) => {
      const today = addDays('2026-01-01', start)
      const now = new Date(`${today}T21:00:00+08:00`)
      const day = addDays(today, -back)
      const [y, m, d] = day.split('-').map(Number) as [number, number, number]
      assert.equal(parseDatePhrase(`${m}月${d}日`, now)?.date, day)
      assert.equal(parseDatePhrase(`${m}/${d}`, now)?.date, day)
      assert.equal(parseDatePhrase(`${y}年${m}月${d}日`, now)?.date, day)
      if (day.slice(0, 7) === today.slice(0, 7)) {
        assert.equal(parseDatePhrase(`${d}号`, now)?.date, day)
        assert.equal(parseDatePhrase(`本月${d}日`, now)?.date, day)
      }
    }), { numRuns: 300 })
  })
})

describe('补卡 anywhere in the sentence', () => {
  const cases: [string, string][] = [
    ['补一下上周五的卡', '2026-11-06'],
    ['昨天的卡补上：学习《党章》第三章 30分钟', '2026-11-11'],
    ['11月6日的打卡补一下', '2026-11-06'],
    ['补记11月2日 学习二十大报告 40分钟', '2026-11-02'],
    ['补打卡 前天 学习《条例》 30分钟', '2026-11-10'],
    ['帮我把3号的卡补了，学习党章半小时', '2026-11-03'],
    ['今天补一下昨天的卡 看《榜样9》40分钟', '2026-11-11'],
    ['昨天忘了打卡，现在补上：学习党章 7:10到8:00', '2026-11-11'],
    ['麻烦补下周一的打卡，学习总书记讲话一小时', '2026-11-09'],
    ['@支部助手 补卡 11/9 学习党章', '2026-11-09'],
    ['本月8号的卡补一下，当天学了一小时', '2026-11-08'],
    ['我补个卡，11月10日学习《条例》20分钟', '2026-11-10'],
    ['前天学习强国积分40，补个卡', '2026-11-10'],
  ]
  for (const [t, d] of cases) test(`${t} -> ${d}`, () => assert.equal(dateOf(t), d))

  test('what was studied survives, without the 补卡 words', () => {
    const r = parseBackfill('帮我把3号的卡补了，学习《党章》半小时', NOW)
    assert.ok(r && 'checkin' in r)
    assert.equal(r.checkin.minutes, 30)
    assert.deepEqual(r.checkin.titles, ['党章'])
    assert.doesNotMatch(r.checkin.content, /补|3号|的卡/)
  })

  test('a clock range in a 补卡 is its duration, not the date’s time', () => {
    const r = parseBackfill('补卡 昨天 7:10到8:00 学习党章', NOW)
    assert.ok(r && 'checkin' in r)
    assert.equal(r.checkin.minutes, 50)
  })

  test('never a future date', () => {
    assert.deepEqual(parseBackfill('补卡 11月14日 学习', NOW), { error: 'future', date: '2026-11-14' })
    const r = parseBackfill('把明天的卡补了', NOW)
    assert.ok(r === null || ('error' in r && r.error === 'future'), JSON.stringify(r))
  })

  test('promises, questions, notices and others’ 补卡 are not 补卡', () => {
    for (const t of ['回头补', '明天补卡', '我晚点补上周五的卡', '回头补一下昨天的卡', '等会再补昨天的卡', '我会补上昨天的卡的', '昨天的卡补不了',
      '没补上昨天的卡', '请大家及时补卡', '没打卡的同志抓紧补卡', '张三同志补了昨天的卡', '他补了昨天的卡', '补充一下：昨天的会议改到今天',
      '补贴已发放', '好的', '打卡 学习党章 30分钟', '今天补学了党章']) {
      const r = parseBackfill(t, NOW)
      assert.ok(r === null || ('error' in r && r.error === 'no-date'), `${t}: ${JSON.stringify(r)}`)
      assert.ok(!(r && 'date' in r), t)
    }
  })

  test('a question about one is shown how, not recorded', () => {
    assert.deepEqual(parseBackfill('昨天的卡能补吗？', NOW), { error: 'no-date' })
    assert.deepEqual(parseBackfill('补卡怎么补？', NOW), { error: 'no-date' })
  })

  test('property: the credited day is the day written, in any phrasing, never after today', () => {
    const phrasing = fc.integer({ min: 1, max: 6 }).chain((back) => {
      const day = addDays(TODAY, -back)
      const [, m, d] = day.split('-').map(Number) as [number, number, number]
      const forms = [`${m}月${d}日`, `${m}月${d}号`, `${m}.${d}`, `${m}/${d}`, `${d}号`, `本月${d}日`, `${cn(m)}月${cn(d)}日`]
      if (back === 1) forms.push('昨天', '昨日')
      if (back === 2) forms.push('前天')
      if (back === 3) forms.push('大前天')
      const wd = weekday(day)
      const wdName = ['', '一', '二', '三', '四', '五', '六', '日'][wd]
      forms.push(wd < weekday(TODAY) ? `周${wdName}` : `上周${wdName}`)
      return fc.tuple(fc.constant(day), fc.constantFrom(...forms))
    })
    const shape = fc.constantFrom(
      (d: string, c: string) => `补卡 ${d} ${c}`,
      (d: string, c: string) => `补打卡：${d} ${c}`,
      (d: string, c: string) => `补一下${d}的卡，${c}`,
      (d: string, c: string) => `${d}的卡补上：${c}`,
      (d: string, c: string) => `${d}的打卡补一下 ${c}`,
      (d: string, c: string) => `帮我把${d}的卡补了，${c}`,
      (d: string, c: string) => `补记${d} ${c}`,
      (d: string, c: string) => `${d}忘记打卡了，补上：${c}`,
      (d: string, c: string) => `今天补一下${d}的卡 ${c}`,
    )
    fc.assert(fc.property(phrasing, shape, studyContent, fc.integer({ min: 5, max: 150 }).chain(spoken), ([day, phrase], make, content, dur) => {
      const text = make(phrase, `${content} ${dur}`)
      const r = parseBackfill(text, NOW)
      assert.ok(r && 'date' in r && !('error' in r), `${text}: ${JSON.stringify(r)}`)
      assert.equal(r.date, day, text)
      assert.ok(r.date <= TODAY)
    }), { numRuns: 600 })
  })
})

describe('a clock range is a duration', () => {
  const cases: [string, number][] = [
    ['7:10到8:00', 50], ['21:00—21:40', 40], ['21:00——21:40', 40], ['晚上8点到9点半', 90], ['8:00-8:45', 45], ['19:30～20:10', 40],
    ['下午2点至4点', 120], ['8点到9点', 60], ['7点半至8点一刻', 45], ['12:30-1:10', 40], ['早上6:50-7:30', 40], ['20：00－20：30', 30],
    ['学习时间：19:30-20:30 学习党章', 60], ['8:00-8:45 学习 45分钟', 45], ['7:10到8:00看视频，晚上又读了半小时原文', 80],
  ]
  for (const [t, m] of cases) test(`${t} -> ${m}`, () => assert.equal(parseDuration(t), m))
  test('a date, a time of day alone and chapters are not ranges', () => {
    for (const t of ['11.28', '11.28-11.30', '晚上8点学习', '9:30', '第1-3章', '11月28日 8:00']) assert.equal(parseDuration(t), null, t)
    assert.equal(parseDuration('晚上8点学习党章30分钟'), 30)
  })
  test('property: any range within a day reads as its length', () => {
    fc.assert(fc.property(fc.integer({ min: 5 * 60, max: 21 * 60 }), fc.integer({ min: 5, max: 150 }), fc.constantFrom('到', '至', '-', '—', '~', '～', '——'),
      fc.constantFrom('打卡 ', '', '今天'), studyContent, (start, len, sep, lead, content) => {
        const end = start + len
        if (end >= 24 * 60) return
        const hm = (x: number) => `${Math.floor(x / 60)}:${String(x % 60).padStart(2, '0')}`
        const text = `${lead}${hm(start)}${sep}${hm(end)} ${content}`
        assert.equal(parseDuration(text), len, text)
      }), { numRuns: 500 })
  })
})

describe('a total followed by its parts', () => {
  const cases: [string, number][] = [
    ['一共一个半小时（看视频半小时、读原文一小时）', 90], ['学习1.5小时（视频30分钟，原文1小时）', 90], ['学习1小时，其中视频40分钟，原文20分钟', 60],
    ['看视频半小时、读原文一小时，一共一个半小时', 90], ['看视频20分钟，读原文40分钟', 60], ['视频30分钟 原文1小时 1.5小时', 90],
    ['今天学习一个小时(看视频20分钟 读原文40分钟)', 60],
  ]
  for (const [t, m] of cases) test(`${t} -> ${m}`, () => assert.equal(parseDuration(t), m))
  test('property: parts are summed, a total wins over them, however they are placed', () => {
    fc.assert(fc.property(fc.integer({ min: 5, max: 90 }), fc.integer({ min: 5, max: 90 }), fc.constantFrom(0, 1, 2, 3), (a, b, shape) => {
      const total = a + b
      const text = [
        `一共${total}分钟（看视频${a}分钟、读原文${b}分钟）`,
        `看视频${a}分钟，读原文${b}分钟，共计${total}分钟`,
        `学习${total}分钟，其中视频${a}分钟，原文${b}分钟`,
        `看视频${a}分钟，读原文${b}分钟`,
      ][shape]!
      assert.equal(parseDuration(text), total, text)
    }), { numRuns: 400 })
  })
})

describe('points in shorthand', () => {
  const cases: [string, number][] = [['积分+33', 33], ['今天+27分', 27], ['学习强国 今日52分', 52], ['强国+40', 40], ['学习强国积分+45，学习30分钟', 45]]
  for (const [t, p] of cases) {
    test(`${t} -> ${p} points, and a check-in`, () => {
      assert.equal(parsePoints(t), p)
      assert.equal(parseCheckin(t)?.points, p)
    })
  }
  test('the shorthand is not minutes; 打卡+1 is no points', () => {
    assert.equal(parseDuration('今天+27分'), null)
    assert.equal(parsePoints('打卡+1'), null)
    assert.equal(parseCheckin('学习强国+35分 学习30分钟')?.minutes, 30)
  })
})

describe('studying stated without 打卡', () => {
  const cases: [string, number | null][] = [
    ['今天读了《条例》第五章，25分钟', 25], ['刚看完专题片《榜样9》，40分钟', 40], ['学习强国学了半小时', 30], ['今晚学习了《党章》总纲 半小时', 30],
    ['看了《榜样9》，很受教育', null], ['晚上读完了《论党的自我革命》第二章', null], ['刚刚听了一堂微党课，20分钟', 20], ['学习党章30分钟', 30],
    ['重温了入党誓词，学习党章第一章 半小时', 30], ['今天在学习强国上看了两个视频，共40分钟', 40], ['阅读《习近平著作选读》第一卷 7:10到8:00', 50],
    ['已学完二十届四中全会公报 一个小时', 60], ['中午抽空学了条例第三章，半个多小时', 30],
  ]
  for (const [t, m] of cases) {
    test(`${t} is a check-in of ${m}`, () => {
      const r = parseCheckin(t)
      assert.ok(r, t)
      assert.equal(r.minutes, m)
    })
  }
  test('property: <when> <verb>了 <content> <duration> is a check-in of that duration', () => {
    const when = fc.constantFrom('', '今天', '今晚', '刚', '刚刚', '上午', '晚上', '我今天', '中午')
    const verb = fc.constantFrom('学习了', '读了', '看了', '看完', '读完了', '学了', '观看了', '收看了', '听了', '研读了', '重温了')
    const object = fc.constantFrom('《中国共产党章程》第三章', '党章', '《榜样9》', '专题片《榜样9》', '二十大报告', '《条例》第五章', '总书记重要讲话', '学习强国上的视频')
    const sep = fc.constantFrom(' ', '，', '，用时', '，时长', ' 共')
    fc.assert(fc.property(when, verb, object, sep, fc.integer({ min: 5, max: 150 }).chain((n) => fc.tuple(fc.constant(n), spoken(n))), (w, v, o, s, [n, d]) => {
      const text = `${w}${v}${o}${s}${d}`
      const r = parseCheckin(text)
      assert.ok(r, text)
      assert.equal(r.minutes, n, text)
    }), { numRuns: 800 })
  })
})

describe('tempting messages that are not check-ins', () => {
  const no = [
    // promises
    '晚上保证打卡', '今天肯定打', '回头补', '今晚一定打卡', '我会打卡的', '等会儿学完再打卡', '晚上回去学习半小时', '明天学习《条例》第五章',
    '准备今晚看《榜样9》', '我争取每天打卡', '下班后学习党章',
    // forwarded instructions
    '请各位党员每天登录学习强国打卡', '操作步骤：1.登录学习强国 2.点击打卡 3.截图发群里', '登录学习强国APP，进入“学习”页面后点击打卡',
    '各位党员：请于每天22点前完成学习打卡，学习时长不少于30分钟',
    // questions
    '今天要打卡吗？', '学了多久算一次？', '看视频算不算打卡', '学习强国积分多少算达标？', '读了半小时能打卡吗', '打卡要写时长吗',
    '今天学了吗？', '你们学习强国都学了多久',
    // reminders to others
    '还没打卡的抓紧', '大家记得打卡哦', '还有5位同志没打卡', '@张三 你今天还没打卡', '没学习的同志抓紧时间',
    // meetings and notices
    '明天下午3点在三楼会议室集中学习《条例》，请准时参加', '今天上午支部组织集中学习了《条例》，1小时', '周五下午开党员大会，学习全会精神',
    '本周三晚上党小组会，学习《党章》第三章',
    // others' study
    '老王今天学了两小时，真厉害', '他已经看完《榜样9》了', '张三同志学习了党章30分钟', '有人看了《榜样9》吗',
    // schedules and rules
    '每天学习30分钟', '每天坚持学习半小时', '要求每人每天学习不少于30分钟', '本月学习计划：每周读一章《条例》', '学习时长至少20分钟',
    // negative
    '今天没学', '今天没来得及学习', '昨天忘记打卡了', '还没看完《榜样9》', '今天太忙了没学习',
    // chatter
    '好的', '收到', '[强][强]', '学习了', '谢谢书记', '这篇文章值得一读', '看看大家的学习情况', '30分钟就能看完',
  ]
  for (const t of no) test(`${t}: not a check-in`, () => assert.equal(parseCheckin(t), null))
  test('nor a 补卡', () => {
    for (const t of no) {
      const r = parseBackfill(t, NOW)
      assert.ok(!(r && 'date' in r && !('error' in r)), `${t}: ${JSON.stringify(r)}`)
    }
  })
  test('property: a promise, a question or a reminder around a check-in is never a check-in', () => {
    const core = fc.tuple(studyContent, fc.integer({ min: 5, max: 120 }).chain(spoken)).map(([c, d]) => `${c} ${d}`)
    const wrap = fc.constantFrom(
      (c: string) => `晚上保证打卡：${c}`, (c: string) => `明天再打卡 ${c}`, (c: string) => `${c}，这样打卡可以吗？`,
      (c: string) => `请大家打卡，例如：打卡 ${c}`, (c: string) => `还没打卡的同志抓紧，${c}`, (c: string) => `打卡格式：打卡 ${c}`,
      (c: string) => `每天${c}`, (c: string) => `回头打卡 ${c}`, (c: string) => `我明天打算${c}`, (c: string) => `${c}算打卡吗`,
    )
    fc.assert(fc.property(core, wrap, (c, w) => {
      const t = w(c)
      assert.equal(parseCheckin(t), null, t)
    }), { numRuns: 500 })
  })
})

describe('dates in a check-in are never read as anything else', () => {
  test('datePhrases lists each date once, in order', () => {
    assert.deepEqual(datePhrases('昨天的卡今天补上', NOW).map((p) => p.date), ['2026-11-11', '2026-11-12'])
  })
})

describe('numbers that name no day', () => {
  const now = new Date('2026-11-22T10:00:00+08:00')
  for (const t of ['中发〔2024〕3号文件', '国办发[2025]12号', '近30日学习情况', '第2号', '3号楼会议室', '请于5日内完成', '每月15日前', '2号线'])
    test(`${t}: no date`, () => assert.equal(parseDatePhrase(t, now)?.date ?? null, null))
})

test('property: whatever day a 补卡 names, it never credits one after today', () => {
  const dayWord = fc.constantFrom('明天', '后天', '下周一', '下周五', '12月30日', '11月30日', '30号', '1号', '昨天', '前天', '周日', '上周六', '本月1日', '11/25', '今天')
  const shape = fc.constantFrom((d: string) => `补卡 ${d} 学习党章30分钟`, (d: string) => `补一下${d}的卡`, (d: string) => `${d}的卡补上：学习党章`, (d: string) => `补记${d} 学习`)
  fc.assert(fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 23 }), dayWord, shape, (start, hour, d, make) => {
    const today = addDays('2026-01-01', start)
    const now = new Date(`${today}T${String(hour).padStart(2, '0')}:30:00+08:00`)
    const r = parseBackfill(make(d), now)
    if (r && 'date' in r && !('error' in r)) assert.ok(r.date <= today, `${make(d)} on ${today}: ${r.date}`)
  }), { numRuns: 800 })
})

test('a clock range still to come is a schedule, not a check-in (with the message time)', () => {
  const at = (hm: string) => new Date(`2026-11-12T${hm}:00+08:00`)
  assert.equal(parseCheckin('今晚7点半到8点半学习《条例》', at('10:00')), null)
  assert.equal(parseCheckin('今晚7点半到8点半学习《条例》', at('20:35'))?.minutes, 60)
  assert.equal(parseCheckin('打卡 19:30-20:30 学习党章', at('12:00')), null)
  assert.equal(parseCheckin('打卡 7:10到8:00 学习党章', at('08:05'))?.minutes, 50)
  assert.equal(parseCheckin('昨天19:30-20:30学习了党章', at('08:05'))?.minutes, 60)
})
