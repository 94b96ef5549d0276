// Meeting reports of the eleventh set's classes (issue 12, set i: June–July, 七一): members' own
// accounts — 昨天的集中学习我签到了, 上周五去纪念馆那趟主题党日, 1号大会上宣誓的时候, 去社区搞志愿服务了,
// 跟王建国同志聊了一个多小时 (谈心), 昨天会上大家互相开展批评和自我批评 (组织生活会); how long a
// meeting went (整了两个多小时); 赶在30号前完成 and 周五前提 are no plans; a line of names is who
// came; who gave it (给咱讲的, 请的是…同志, 来给我们上的党课, 在二组给大家讲了一课) — and what is
// none: a kind only compared with (比开党小组会还累), another unit heard of (听隔壁三支部说他们…),
// a duty (党员义务) that is no service.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { parseActivities } from '../../src/messages/activity.js'
import { exampleContext } from '../helpers/branch-roster.js'

const NOW = new Date('2026-07-03T20:00:00+08:00') // a Friday
const read = (t: string, from = '刘洋', now = NOW) => {
  const m = exampleContext().roster.find((r) => r.name === from)!
  return parseActivities(t, now, { ...exampleContext(m.group ?? null, m.role !== '党员'), reporter: from })
}

describe('members\' own accounts', () => {
  test('one\'s attendance at a meeting named, with who led it and how long', () => {
    fc.assert(fc.property(fc.constantFrom<[string, string]>(['昨天下午', '2026-07-02'], ['周三晚上', '2026-07-01'], ['前天', '2026-07-01']),
      fc.constantFrom<[string, string]>(['集中学习', '集中学习'], ['党课', '党课'], ['党小组会', '党小组会']), fc.constantFrom('我签到了哈', '我也去了', '我参加了'),
      fc.constantFrom('，孙委员主持，大家轮流领读，大概一个半小时', '，整了两个多小时，空调还坏了😂', '，周书记带领大家学了条例'), ([d, date], [w, kind], me, rest) => {
        const text = `${d}的${w}${me}${rest}`
        const r = read(text)[0]
        assert.equal(r?.kind, kind, text)
        assert.equal(r?.date, date, text)
      }), { numRuns: 200 })
  })

  test('that one, of that day: 上周五去纪念馆那趟主题党日，…', () => {
    for (const [t, kind, date] of [['上周五去纪念馆那趟主题党日，回来一直没顾上说，讲解员讲的太震撼了', '主题党日', '2026-06-26'], ['1号大会上宣誓的时候举着拳头胳膊都酸了哈哈', '支部党员大会', '2026-07-01'],
      ['上午跟支部几个同志去幸福里社区搞志愿服务了，帮老人家查查空调线路', '志愿服务', '2026-07-03'], ['建党节那天下午周书记给咱讲的那个专题党课讲的真好啊', '党课', '2026-07-01']] as const) {
      const r = read(t)[0]
      assert.equal(r?.kind, kind, t)
      assert.equal(r?.date, date, t)
    }
    assert.equal(read('建党节那天下午周书记给咱讲的那个专题党课讲的真好啊')[0]?.speaker, '周立新')
  })

  test('a talk heart to heart, and a meeting of criticism, by what they do', () => {
    fc.assert(fc.property(fc.constantFrom('跟王建国同志聊了一个多小时', '和吴芳同志聊了聊', '找刘洋谈了一次心'), fc.constantFrom('，他对工作有些想法', '，也谈了对支部的建议，挺实在的'), (a, b) => {
      assert.equal(read(`今天${a}${b}。`, '周立新')[0]?.kind, '谈心谈话', a + b)
    }), { numRuns: 30 })
    for (const t of ['昨天会上大家互相开展批评和自我批评，给我提的三条都记下了', '昨晚大家逐一对照检查，红红脸出出汗，开得挺好']) assert.equal(read(t, '王建国')[0]?.kind, '组织生活会', t)
  })
})

describe('done in time, and asked of afterwards, are no plans', () => {
  test('赶在30号前完成, 有意见周五前提', () => {
    const r = read('二季度党课今天下午补上了，我讲的《坚守初心 担当作为》，总算赶在30号前完成😅 课件发群里了，没来的同志自己看一下。', '周立新', new Date('2026-06-29T21:30:00+08:00'))[0]
    assert.equal(r?.kind, '党课')
    assert.equal(r?.date, '2026-06-29')
    const s = read('下半年工作计划支委会上过了，红梅出差线上参加的。计划稿在附件，大家有意见周五前提。', '周立新', new Date('2026-07-28T16:45:00+08:00'))[0]
    assert.equal(s?.kind, '支部委员会')
    assert.equal(s?.date, '2026-07-28')
  })
  test('a meeting set for a day to come stays a plan', () => {
    for (const t of ['第一党小组本月第二次小组会初步定在周五晚7点半，大家看看时间行不行？不行私聊我', '支委会暂定在下周二下午']) assert.deepEqual(read(t, '陈明'), [], t)
  })
})

describe('who came and who gave it', () => {
  test('a line of nothing but names', () => {
    fc.assert(fc.property(fc.shuffledSubarray(['李红梅', '张伟', '黄磊', '吴芳'], { minLength: 2 }).map((ns) => ['赵静', ...ns]), fc.constantFrom(' ', '、', '，'), fc.constantFrom('👥', '参会：', ''), (names, sep, lead) => {
      const text = `今日集中学习（第二党小组）：\n⏰14:30-16:00\n${lead}${names.join(sep)}\n📖学习《条例》第二部分，每人谈体会`
      assert.equal(read(text, '赵静', new Date('2026-07-03T18:00:00+08:00'))[0]?.attendees, names.length, text)
    }), { numRuns: 100 })
    assert.equal(read('刚开了个短会，三个支委碰了下活动方案，基本定了', '李红梅')[0]?.attendees, 3)
  })
  test('a visitor invited, or come to give it; oneself, with no one else named', () => {
    assert.equal(read('前天那堂党课请的是退休老党员钱福生同志，八十多了，讲他年轻时候入党那些事')[0]?.speaker, '钱福生')
    assert.equal(read('今天上午党校的马晓东老师来给我们上的党课挺接地气，收获不小')[0]?.speaker, '马晓东')
    assert.equal(read('今天在二组给大家讲了一课，题目是《从党史中汲取奋进力量》，四十来分钟', '赵静')[0]?.speaker, '赵静')
  })
})

describe('what is none', () => {
  test('a kind only compared with, another unit heard of, a duty', () => {
    for (const t of ['娃班里开家长会，开了俩小时🥵 比开党小组会还累 哈哈', '加班到十点，比上党课还累', '听隔壁三支部说他们昨天支委会开到晚上八点多，太拼了', '今天学了党章里关于党员义务那八条，念叨了好几遍'])
      assert.deepEqual(read(t, '吴芳'), [], t)
  })
})
