// Check-ins (学习打卡) and 补卡, in the many ways members write them — and the many messages that
// mention checking in without being one.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { parseBackfill, parseCheckin } from '../../src/messages/checkin.js'
import { MAX_PARSE_LENGTH } from '../../src/messages/text.js'

describe('parseCheckin: check-ins', () => {
  // text, minutes, points
  const cases: [string, number | null, number | null][] = [
    ['打卡', null, null],
    ['#打卡', null, null],
    ['#打卡 ✅', null, null],
    ['打卡✅', null, null],
    ['打卡啦', null, null],
    ['打卡+1', null, null],
    ['已打卡👍', null, null],
    ['＃打卡 学习党章 ２０分钟', 20, null],
    ['【打卡】学习《党章》 30分钟', 30, null],
    ['【学习打卡】张三 学习《党章》 二十分钟', 20, null],
    ['学习打卡 半小时', 30, null],
    ['#学习打卡# 学习全会精神 1小时', 60, null],
    ['#打卡#学习党史', null, null],
    ['今日学习：《习近平谈治国理政》第四卷 45分钟', 45, null],
    ['今日学习 1h', 60, null],
    ['今日打卡：学习《论党的自我革命》 40min', 40, null],
    ['👍打卡 20min', 20, null],
    ['✅已打卡 学习《习近平谈治国理政》第四卷 45分钟', 45, null],
    ['已学习 二十大报告 一个半小时', 90, null],
    ['已学习 全会公报 三十分钟 打卡', 30, null],
    ['我已打卡，学习了党纪学习教育读本 40分钟', 40, null],
    ['我也打卡了 学习二十大报告 1h', 60, null],
    ['已完成今日学习打卡', null, null],
    ['完成学习打卡 学习时长 1.5h', 90, null],
    ['打卡 学习《请党放心，强国有我》 20分钟', 20, null],
    ['打卡 学习党章 30分钟 [强]', 30, null],
    ['打卡  学习  党章  三刻钟', 45, null],
    ['打卡 1小时15分 读《之江新语》', 75, null],
    ['打卡：观看《榜样9》 1小时15分', 75, null],
    ['打卡 0.5小时', 30, null],
    ['打卡 学习了一个多小时', 60, null],
    ['打卡。今天学习了党章第三章，用时半个小时。', 30, null],
    ['打卡:学习二十大报告,用时一个小时', 60, null],
    ['打卡 学习《党章》第一章到第三章 一个半小时', 90, null],
    ['打卡 ２０２６年１１月２０日 学习党章 30分钟', 30, null],
    // a clock range is how long (it was read as nothing before issue 12)
    ['打卡 11月20日 学习 9:30-10:30', 60, null],
    ['打卡 第三章 学习', null, null],
    ['打卡第30天 学习党章', null, null],
    ['打卡！学习党章', null, null],
    ['打卡\n学习内容：《党章》\n时长：30分钟', 30, null],
    ['今天学习了《党章》第三章，打卡', null, null],
    ['学习《中国共产党纪律处分条例》第二章 40分钟 #打卡', 40, null],
    ['学习不忘初心牢记使命主题教育材料 打卡', null, null],
    ['打卡 学习重要讲话精神 30分钟', 30, null],
    ['打卡 参加支部学习会', null, null],
    ['打卡 学习党章30分钟，明天继续', 30, null],
    ['打卡，今天学习了《习近平新时代中国特色社会主义思想学习纲要》第五章，约40分钟', 40, null],
    ['【打卡】11月20日 学习内容：党的二十届三中全会公报 学习时长：1小时', 60, null],
    ['今日学习：观看专题片《永远吹冲锋号》第一集 时长45分钟 ✅', 45, null],
    ['学习打卡\n1.学习党章\n2.观看视频\n共计1小时', 60, null],
    ['已学习《中国共产党章程》总纲，用时30分钟，打卡！', 30, null],
    ['🌹打卡🌹 学习党史 30分钟', 30, null],
    ['打卡 学习两个确立 30分钟', 30, null],
    ['打卡 学习“三个代表”重要思想 1小时', 60, null],
    ['打卡 学习党的十八大以来 1h', 60, null],
    ['今天学习了两个小时的党史，打卡', 120, null],
    ['今天的学习打卡完成了 党章 20分钟', 20, null],
    // a reminder to others after one's own check-in does not undo it
    ['打卡 学习党章30分钟，大家也记得打卡哦', 30, null],
    // addressed to the bot
    ['@支部助手\u2005打卡 学习党章 30分钟', 30, null],
    // 学习强国
    ['今日学习打卡 学习强国 积分45', null, 45],
    ['打卡 学习强国 积分42 学习时长1小时', 60, 42],
    ['打卡 学习强国今日积分52分', null, 52],
    ['打卡 学习强国 答题得分 40', null, 40],
    ['打卡 学习强国 38', null, 38],
    ['打卡：学习强国 38分 观看视频 20分钟', 20, 38],
    ['学习强国 45分', null, 45],
    ['今日学习强国积分45', null, 45],
    ['今天学习强国学习了1小时 积分38', 60, 38],
    // zero-width characters and full-width punctuation from phone keyboards
    ['打\u200b卡 学习党章 30分钟', 30, null],
    ['＃打卡\u3000学习党章\u3000３０ｍｉｎ', 30, null],
    // a quoted message is not the sender's: only the reply counts
    ['「李四：打卡 学习党章 2小时」\n- - - - - - - - - - - - - - -\n打卡 20分钟', 20, null],
  ]
  for (const [t, minutes, points] of cases) {
    test(JSON.stringify(t), () => {
      const r = parseCheckin(t)
      assert.ok(r, 'should be a check-in')
      assert.equal(r.minutes, minutes)
      assert.equal(r.points, points)
    })
  }
})

describe('parseCheckin: talk about checking in, and everything else', () => {
  const cases = [
    // reminders and exhortations
    '大家记得打卡', '请还没打卡的同志抓紧', '今天还没打卡的抓紧啊', '大家打卡', '快打卡', '一起打卡吧', '今天可以打卡了',
    '请大家今天务必完成学习打卡', '晚上八点前请完成打卡', '@张三 记得打卡', '@所有人 今天请大家完成学习打卡', '打卡打卡！大家别忘了',
    '【学习打卡】今日学习内容：《党章》第三章，请同志们认真学习', '打卡的同志请注意',
    // plans
    '我明天补打卡', '我晚上回去再打卡', '收到马上打卡', '我等会打卡', '我去打卡', '明早打卡', '回头打卡', '待会儿打卡',
    // questions
    '昨天忘记打卡了怎么办', '怎么打卡？', '打卡了吗', '打卡没', '今天打卡了没有', '谁还没打卡', '你打卡了吗', '打卡吗？', '打卡?',
    '今天学习了吗', '打卡要写时长吗', '有没有人知道打卡怎么弄', '昨天的打卡算不算', '打卡系统坏了吗', '学习强国今天积分多少了？',
    // negation and failure
    '我今天没打卡', '今天忘了打卡，明天一定补上', '今天没时间学习，不打卡了', '打卡失败了', '不用打卡了今天', '还有3人未打卡', '#未打卡',
    // format explanations and rules
    '打卡格式：打卡+内容+时长', '打卡+学习内容+时长', '打卡 内容 时长', '打卡 姓名 内容 时长', '打卡需要写学习内容',
    // the word as a noun
    '各位同志，本周打卡情况不错', '这个月打卡率不高啊', '今天打卡的人好多啊', '群里打卡的人越来越少了', '打卡时间截止到晚上十点',
    '网红打卡地', '已有15人打卡', '今日学习任务：学习党章第三章',
    // remarks and reports about checking in
    '今天的打卡就到这里，明天继续', '打卡这件事大家要重视', '我觉得打卡太形式主义了', '打卡真累', '打卡很有意义', '打卡是每个党员的义务',
    '这次打卡活动要求每人每天学习30分钟', '打卡天数统计：张三10天 李四8天', '11月打卡情况通报：全支部共30人，已打卡25人', '已打卡的请接龙',
    '我是第5个打卡的', '通知：请各党小组于本周五前完成学习打卡统计', '学习强国每天积分要达到30分',
    // chatter, stickers, announcements
    '好的', '收到', '[强]', '[玫瑰][玫瑰]', '👍👍👍', '明天上午九点开党员大会', '下午三点 党员大会 请准时参加',
    '学习强国上有篇文章不错', '学习强国上有篇文章不错，30分钟就能看完',
    // other parsers' messages
    '补卡 11月20日 学习 30分钟', '#补卡 昨天 学习', '撤销打卡', '#接龙\n学习打卡\n\n1. 张三 打卡',
    // app messages
    '<?xml version="1.0"?><msg><appmsg type="5"><title>打卡</title></appmsg></msg>', '<msg><appmsg>学习打卡 30分钟</appmsg></msg>',
    // a marker inside a title only
    '推荐阅读《打卡中国》',
    // the quote is someone else's check-in
    '「李四：打卡 学习党章 2小时」\n- - - - - - - - - - - - - - -\n好的',
    '',
  ]
  for (const t of cases) test(JSON.stringify(t), () => assert.equal(parseCheckin(t), null))

  test('a message over the parse limit is not read', () => {
    assert.equal(parseCheckin('打卡 ' + '学'.repeat(MAX_PARSE_LENGTH)), null)
  })
})

describe('parseCheckin: content and titles', () => {
  test('the marker is removed, titles stay in the content', () => {
    const r = parseCheckin('#打卡 学习《习近平著作选读》第二卷 30分钟')!
    assert.equal(r.content, '学习《习近平著作选读》第二卷 30分钟')
    assert.deepEqual(r.titles, ['习近平著作选读'])
  })
  test('several titles, in order, without repeats', () => {
    const r = parseCheckin('打卡 学习《党章》和《准则》，复习《党章》 1小时')!
    assert.deepEqual(r.titles, ['党章', '准则'])
  })
  test('a marker-like word inside a title is not cut from it', () => {
    const r = parseCheckin('打卡 观看《打卡中国》 40分钟')!
    assert.equal(r.content, '观看《打卡中国》 40分钟')
    assert.deepEqual(r.titles, ['打卡中国'])
  })
  test('emoji, stickers, mentions and edge punctuation are not content', () => {
    assert.equal(parseCheckin('@支部助手 打卡✅：学习党章 30分钟[强]。')!.content, '学习党章 30分钟')
    assert.equal(parseCheckin('打卡')!.content, '')
    assert.equal(parseCheckin('我已打卡，学习了党纪学习教育读本 40分钟')!.content, '学习了党纪学习教育读本 40分钟')
  })
  test('an unbalanced 《 is kept as text', () => {
    const r = parseCheckin('打卡 学习《党章 30分钟')!
    assert.equal(r.minutes, 30)
    assert.deepEqual(r.titles, [])
  })
})

describe('parseBackfill: 补卡 for a past day, in Shanghai', () => {
  // 01:00 on Nov 22 in Shanghai is still Nov 21 in UTC
  const now = new Date('2026-11-22T01:00:00+08:00')
  const dateOf = (t: string, at = now) => {
    const r = parseBackfill(t, at)
    return r && 'date' in r ? r.date : r
  }
  const cases: [string, string][] = [
    ['补卡 11月20日 学习《党章》 30分钟', '2026-11-20'],
    ['补卡 昨天 学习 20分钟', '2026-11-21'],
    ['补卡 昨日 学习', '2026-11-21'],
    ['补打卡 前天 学习', '2026-11-20'],
    ['补卡 大前天 学习', '2026-11-19'],
    ['补卡 今天 学习', '2026-11-22'],
    ['补卡 11.19 学习 20分钟', '2026-11-19'],
    ['补卡 11-19 学习', '2026-11-19'],
    ['补卡 19号 学习', '2026-11-19'],
    ['补卡：二十号 学习党章', '2026-11-20'],
    ['补卡 十一月二十日 学习', '2026-11-20'],
    ['补卡 2026-11-20 学习《党章》 半小时', '2026-11-20'],
    ['补卡 2026年11月18日 学习', '2026-11-18'],
    ['#补卡 周五 学习 1小时', '2026-11-20'],
    ['补卡 上周三 学习', '2026-11-11'],
    ['【补卡】11月21日 打卡 学习党章 1h', '2026-11-21'],
    ['＃补卡　１１月２０日　学习', '2026-11-20'],
    // a month-day later than today is last year's; a day of month later than today is last month's
    ['补卡 12月30日 学习', '2025-12-30'],
    ['补卡 25号 学习', '2026-10-25'],
    // the date may come after the content
    ['补卡 学习《党章》 30分钟 11月20日', '2026-11-20'],
  ]
  for (const [t, d] of cases) test(`${t} -> ${d}`, () => assert.equal(dateOf(t), d))

  test('the check-in part: minutes, content without the date, titles', () => {
    const r = parseBackfill('补卡 11月20日 学习《党章》 30分钟', now)
    assert.ok(r && 'checkin' in r)
    assert.deepEqual(r.checkin, { minutes: 30, points: null, content: '学习《党章》 30分钟', titles: ['党章'] })
    const p = parseBackfill('补卡 昨天 学习强国 积分40', now)
    assert.ok(p && 'checkin' in p)
    assert.equal(p.checkin.points, 40)
  })
  test('a day of month before 1月 in January is last year', () => {
    assert.equal(dateOf('补卡 12月31日 学习', new Date('2027-01-02T09:00:00+08:00')), '2026-12-31')
    assert.equal(dateOf('补卡 31号 学习', new Date('2027-01-02T09:00:00+08:00')), '2026-12-31')
    assert.equal(dateOf('补卡 昨天 学习', new Date('2027-01-01T07:00:00+08:00')), '2026-12-31')
  })
  test('no date, or an impossible one: no-date', () => {
    for (const t of ['补卡 学习 30分钟', '补卡', '补卡 2月30日 学习', '补打卡 学习《党章》']) assert.deepEqual(parseBackfill(t, now), { error: 'no-date' }, t)
  })
  test('a question about 补卡 gets no-date, so the member is shown how', () => {
    assert.deepEqual(parseBackfill('补卡怎么补？', now), { error: 'no-date' })
    assert.deepEqual(parseBackfill('补卡可以补前天的吗', now), { error: 'no-date' })
  })
  test('not a 补卡: chatter, notices, plain check-ins', () => {
    for (const t of ['我明天补打卡', '打卡 学习 30分钟', '补卡的同志请注意格式', '好的', '', '<msg>补卡 昨天</msg>']) assert.equal(parseBackfill(t, now), null, t)
  })
})
