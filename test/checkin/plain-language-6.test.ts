// Check-ins of the eighth set's classes (issue 12), built from parts: 补报 as a 补卡 (补报一下：9号…,
// 补报27号的学习情况, 昨儿强国30分 补报), the hour written 时 (八时至九时半, 六时四十分至七时十分), an older
// member's greeting before the study (同志们好！今晨学习…), study early in the day (今日晨学…), a child
// looked after (哄完孩子睡觉学了…), a meeting only in a later clause (稍后在小组会上交流), getting a
// meeting's material ready before a 补卡 — and what is none: a photo 打卡 at a memorial, a group's
// 打卡全勤, a 补报 promised for when one is back.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { parseBackfill, parseCheckin } from '../../src/messages/checkin.js'
import { parseDuration } from '../../src/messages/duration.js'
import { exampleContext } from '../helpers/branch-roster.js'

const NOW = new Date('2026-10-20T21:30:00+08:00')
const ROSTER = exampleContext().roster
const othersThan = (me: string) => ROSTER.filter((m) => m.name !== me).flatMap((m) => [m.name, ...(m.aliases ?? [])])
const read = (t: string, me = '王建国') => parseCheckin(t, NOW, othersThan(me))
const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二']

describe('补报 is a 补卡', () => {
  const day = fc.integer({ min: 1, max: 19 })
  test('"补报{N}号的学习情况：…" and "补报一下：{N}号…" credit day N', () => {
    fc.assert(fc.property(day, fc.constantFrom('补报{d}号的学习情况：', '补报一下：{d}号', '昨晚太困直接睡了，补报一下：{d}号晚上', '补报 {d}号 '), fc.constantFrom('读了党章总纲，三十分钟', '学习《条例》第三章 40分钟', '看了四中全会公报解读，半小时'), (d, lead, what) => {
      const text = lead.replace('{d}', String(d)) + what
      const b = parseBackfill(text, NOW)
      assert.ok(b && 'date' in b && 'checkin' in b, text)
      assert.equal(b.date, `2026-10-${String(d).padStart(2, '0')}`, text)
    }), { numRuns: 150 })
  })

  test('"昨儿强国30分 补报": yesterday, with its points', () => {
    const b = parseBackfill('昨儿强国30分 补报', NOW)
    assert.ok(b && 'checkin' in b)
    assert.equal(b.date, '2026-10-19')
    assert.equal(b.checkin.points, 30)
  })

  test('a 补报 promised for later is none: 出差回来补报, 忙完补报, 明天补报', () => {
    for (const t of ['各位早上好，今日要出差，学习回来补报。', '今天太忙，忙完补报', '明天补报昨天的学习', '到家补报一下']) {
      const b = parseBackfill(t, NOW)
      assert.ok(!b || !('checkin' in b), t)
      assert.equal(read(t), null, t)
    }
  })

  test('getting a meeting\'s material ready is the reason, not a plan: "忙着准备支委会材料没顾上发，补一下：19号…"', () => {
    fc.assert(fc.property(fc.constantFrom('支委会材料', '党课课件', '年终总结', '汇报材料'), fc.constantFrom('没顾上发', '没来得及发', '忘了发'), (what, miss) => {
      const text = `昨天忙着准备${what}${miss}，补一下：19号学了四十分钟四中全会公报`
      const b = parseBackfill(text, NOW)
      assert.ok(b && 'checkin' in b, text)
      assert.equal(b.date, '2026-10-19', text)
      assert.equal(b.checkin.minutes, 40, text)
    }), { numRuns: 30 })
  })
})

describe('the hour written 时', () => {
  test('"{h}时至{h2}时{m}分" is the minutes between, as "h:mm-h2:mm" is', () => {
    fc.assert(fc.property(fc.integer({ min: 5, max: 10 }), fc.integer({ min: 1, max: 2 }), fc.constantFrom(0, 10, 20, 30, 40), fc.boolean(), (h, dh, m, cn) => {
      const end = m === 30 && cn ? `${CN[h + dh]}时半` : `${cn ? CN[h + dh] : h + dh}时${m ? `${cn ? (m === 10 ? '十' : CN[m / 10] + '十') : m}分` : ''}`
      const text = `学习《条例》，${cn ? CN[h] : h}时至${end}`
      assert.equal(parseDuration(text), dh * 60 + m, text)
    }), { numRuns: 200 })
  })

  test('八小时 and 时间 are no clock', () => {
    for (const t of ['学习时间三十分钟', '今天学了一小时', '连续学了八小时太累']) assert.notEqual(parseDuration(t), 0, t)
    assert.equal(parseDuration('学习时间三十分钟'), 30)
  })
})

describe('study said by older members, early, around the family', () => {
  const greeting = fc.constantFrom('同志们好！', '大家早上好。', '各位早，', '早上好。', '同志们早！', '')
  const when = fc.constantFrom('今晨', '今日晨', '晨起', '今早', '早起后', '睡前')
  const verb = fc.constantFrom('学习', '学', '研读', '读')
  const what = fc.constantFrom('《习近平新时代中国特色社会主义思想学习纲要》第十章', '《中国共产党纪律处分条例》第十一章', '《党章》总纲')
  const time = fc.constantFrom<[string, number]>(['，计三十分钟。', 30], ['，约四十分钟。', 40], ['，六时四十分至七时十分，计三十分钟。', 30], ['，二十五分钟', 25])
  test('"{greeting}{when}{verb}《…》…，{time}" is the sender\'s check-in', () => {
    fc.assert(fc.property(greeting, when, verb, what, time, fc.constantFrom('', '有几点体会，稍后在小组会上交流。', '有体会回头在组里分享。'), (g, w, v, x, [t, n], tail) => {
      const text = `${g}${w}${v}${x}${t}${tail}`
      const p = read(text)
      assert.ok(p, text)
      assert.equal(p.minutes, n, text)
    }), { numRuns: 300 })
  })

  test('a greeting with a reminder is still a reminder', () => {
    for (const t of ['同志们好！今晨请大家学习《纲要》第十章，三十分钟', '大家早上好。记得今天学习《条例》四十分钟', '各位早，今日学习任务：《党章》总纲，不少于三十分钟']) assert.equal(read(t, '周立新'), null, t)
  })

  test('the child one looked after is not the one who studied', () => {
    fc.assert(fc.property(fc.constantFrom('哄完孩子睡觉', '送完孩子', '接完孩子回来', '照顾孩子睡下后'), fc.constantFrom('学了四十分钟条例', '读了四十分钟党章'), fc.constantFrom('', '还做了强国的每日答题今天一共得了三十三分'), (a, b, c) => {
      const text = `今天晚上${a}${b}${c}`
      const p = read(text)
      assert.ok(p, text)
      assert.equal(p.minutes, 40, text)
      if (c) assert.equal(p.points, 33, text)
    }), { numRuns: 40 })
    assert.equal(read('孩子今天学了四十分钟党章'), null)
  })
})

describe('打卡 that is no study check-in', () => {
  test('a photo 打卡 at a place, a group\'s 打卡全勤', () => {
    for (const t of ['纪念馆门口拍照打卡📸 发几张给大家', '烈士陵园合影打卡', '本月第二党小组学习打卡全勤，感谢大家配合👏', '第一党小组这周打卡满勤']) assert.equal(read(t, '赵静'), null, t)
  })
})
