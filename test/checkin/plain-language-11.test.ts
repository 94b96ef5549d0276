// Check-ins of sets q and r (issue 12, stop 28): a bare N分 beside a time said otherwise is the day's
// points (学习强国50分钟，43分; 6:30-7:20 强国晨读，38分); a study labelled as the message opens (晨学：…,
// 周六学习：…, 今天在家学习：…); 刷了会强国; 今天的学习已完成; a 补卡 of a holiday's Nth day. And what is
// none: study forgotten and promised (忘了学 今天补上), a month's table, memories of study long ago.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { parseBackfill, parseCheckin } from '../../src/messages/checkin.js'

const NOW = new Date('2027-10-12T21:30:00+08:00') // a Tuesday
const D = '零一二三四五六七八九'
const cnOf = (n: number) => (n < 20 ? '十' : D[Math.floor(n / 10)]! + '十') + (n % 10 ? D[n % 10]! : '')

test('a bare N分 after the time, in a 学习强国 message, is points; the time stays minutes', () => {
  fc.assert(fc.property(
    fc.constantFrom<[string, number]>(['50分钟', 50], ['半小时', 30], ['一个小时', 60], ['6:30-7:20', 50], ['20:00—20:45', 45], [`${cnOf(40)}分钟`, 40]),
    fc.constantFrom('学习强国', '强国', '在强国上看了专题', '学习强国晨读'), fc.integer({ min: 15, max: 60 }), fc.constantFrom('，', ' ', '、'), fc.boolean(),
    ([time, min], app, pts, sep, timeFirst) => {
      const text = timeFirst ? `${time} ${app}${sep}${pts}分` : `${app}${time}${sep}${pts}分`
      const r = parseCheckin(text, NOW)
      assert.equal(r?.minutes, min, text)
      assert.equal(r?.points, pts, text)
    }), { numRuns: 250 })
  const b = parseBackfill('补8月21日：学习强国50分钟，43分', new Date('2027-08-22T19:30:00+08:00'))
  assert.ok(b && 'checkin' in b)
  assert.equal(b.checkin.minutes, 50)
  assert.equal(b.checkin.points, 43)
})

test('… but without the app, or with the time alone, N分 stays minutes', () => {
  assert.equal(parseCheckin('读原文，20分', NOW)?.minutes, 20)
  assert.equal(parseCheckin('看了党史视频，40分', NOW)?.points ?? null, null)
})

test('a study labelled as the message opens is a check-in with its time', () => {
  fc.assert(fc.property(fc.constantFrom('晨学', '周二学习', '今天在家学习', '今日学习', '晚上自学', '夜读'),
    fc.constantFrom<[string, number]>(['5:50—6:40', 50], ['上午9:00-9:40，晚上8:00-8:20', 60], ['7:10到8:00', 50]), fc.constantFrom('', '，学习强国每日一练加专题文章', '，读《条例》第五章'),
    (label, [range, min], tail) => {
      const text = `${label}：${range}${tail}`
      const r = parseCheckin(text, NOW)
      assert.equal(r?.minutes, min, text)
    }), { numRuns: 120 })
})

test('刷了会强国, 午休 before it; 今天的学习已完成', () => {
  assert.equal(parseCheckin('午休刷了会强国 今天35分到手😂', NOW)?.points, 35)
  assert.equal(parseCheckin('刷了一会儿强国 今天28分', NOW)?.points, 28)
  for (const t of ['假期最后一天，今天的学习已完成。', '今天的学习任务完成了✅', '今日学习已完成']) assert.ok(parseCheckin(t, NOW), t)
  for (const t of ['今天的学习完成了吗？', '今天的学习还没完成']) assert.equal(parseCheckin(t, NOW), null, t)
})

test('a 补卡 of a holiday\'s Nth day', () => {
  for (const [t, d] of [['补卡补卡 国庆第三天的 那天在山里信号不好 学了20分钟没发出去', '2027-10-03'], ['补一下国庆假期第二天的卡：学了半小时', '2027-10-02'], ['补卡 春节第二天 学了30分钟', '2027-02-07']] as const) {
    const b = parseBackfill(t, NOW)
    assert.ok(b && 'date' in b, t)
    assert.equal(b.date, d, t)
  }
})

test('none: study forgotten and promised, a month\'s table, memories of long ago', () => {
  fc.assert(fc.property(fc.constantFrom('昨天过节', '前天', '周六', '昨天加班'), fc.constantFrom('忘了学', '没学', '没顾上学'), fc.constantFrom('今天补上哈', '今天补上', '今天一起补', '回头补上'),
    (day, miss, promise) => {
      const text = `${day}${miss} ${promise}`
      assert.equal(parseCheckin(text, NOW), null, text)
      assert.equal(parseBackfill(text, NOW), null, text)
    }), { numRuns: 60 })
  const table = '【9月份学习强国统计】\n1. 周立新 30天 月积分1302\n2. 赵静 30天 1288\n3. 吴芳 29天 1275\n4. 孙雅琴 28天 1260\n感谢大家坚持！'
  assert.equal(parseCheckin(table, NOW), null)
  for (const t of ['建军节快乐！我当年在部队天天学习，也没现在打卡这么勤快😂', '那时候上学天天读报纸']) assert.equal(parseCheckin(t, NOW), null, t)
  // … but forgetting to send what was studied is a 补卡 still
  const b = parseBackfill('昨天忘了发 学了40分钟 补上', NOW)
  assert.ok(b && 'checkin' in b)
  assert.equal(b.checkin.minutes, 40)
})

test('补卡 said as not sent (忘了说, 漏了, 没发上去, 发不出去), of a day named however — a lunar one too', () => {
  const cases: [string, string, string][] = [
    ['昨儿个忘了说，昨晚看了新闻联播和焦点访谈，一小时', '2028-01-09T10:30:00+08:00', '2028-01-08'],
    ['2月2号的漏了：那晚学了1h15min', '2028-02-03T08:30:00+08:00', '2028-02-02'],
    ['补一下礼拜四的，那天晚上学了四十分钟党章，俺记着呢', '2028-01-22T09:00:00+08:00', '2028-01-20'],
    ['初四（29号）晚上学了半个钟头，当时在姥姥家没网发不出去😅 补上', '2028-01-30T10:00:00+08:00', '2028-01-29'],
    ['补初一的：大年初一早上学了二十分钟', '2028-01-27T21:00:00+08:00', '2028-01-26'],
  ]
  for (const [t, at, d] of cases) {
    const b = parseBackfill(t, new Date(at))
    assert.ok(b && 'date' in b, t)
    assert.equal(b.date, d, t)
  }
  const b = parseBackfill('补15号：昨晚学习四十分钟，38分', new Date('2028-02-16T08:00:00+08:00'))
  assert.ok(b && 'checkin' in b)
  assert.equal(b.checkin.minutes, 40)
  assert.equal(b.checkin.points, 38)
})

test('把…过了一遍 is study; a purpose ahead (备下周的宣讲) is no plan of it', () => {
  assert.equal(parseCheckin('宪法宣传周，中午把宪法全文过了一遍，差不多1h', NOW)?.minutes, 60)
  assert.equal(parseCheckin('今天学了两个半小时，备下周的宪法宣讲', NOW)?.minutes, 150)
  for (const t of ['下周要把党章过一遍', '这个文件我过了一遍吗？']) assert.equal(parseCheckin(t, NOW), null, t)
})
