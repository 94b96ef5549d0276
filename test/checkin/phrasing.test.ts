// The classes the independent sets still missed (issue 12), as properties over many phrasings: a
// remark around one's own check-in (主要是准备组织生活会的材料，顺便打卡 / 算学习打卡吧 / 打个卡) keeps it a
// check-in of its duration; N分 after a verb of gaining (得了, 拿了, 获得) is points and never minutes;
// the same words in a promise, a question, a rule or about someone else are never a check-in.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { parseCheckin } from '../../src/messages/checkin.js'
import { parseDuration } from '../../src/messages/duration.js'
import { parsePoints } from '../../src/messages/points.js'

const NOW = new Date('2026-11-25T22:10:00+08:00')
const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']
const cn = (n: number) => (n < 10 ? CN[n]! : `${n >= 20 ? CN[Math.floor(n / 10)] : ''}十${n % 10 ? CN[n % 10] : ''}`)

/** A duration of n minutes, as members write it. */
const duration = fc.integer({ min: 5, max: 150 }).chain((n) => {
  const forms = [`${n}分钟`, `${n}min`, `${cn(Math.min(n, 99))}分钟`.replace(/^.*$/, (f) => (n < 100 ? f : `${n}分钟`)), `用时${n}分钟`, `大概${n}分钟`, `${n}分钟左右`]
  if (n % 60 === 0) forms.push(`${n / 60}小时`, `${cn(n / 60)}个小时`, `${n / 60}个钟头`)
  if (n === 30) forms.push('半小时', '半个小时')
  if (n === 90) forms.push('一个半小时', '1.5小时')
  if (n > 60 && n % 60 !== 0) forms.push(`${Math.floor(n / 60)}小时${n % 60}分钟`)
  return fc.tuple(fc.constant(n), fc.constantFrom(...forms))
})
const studied = fc.constantFrom('学了', '读了', '看了', '学习了', '看完了', '读完', '听了', '重温了', '研读了')
const object = fc.constantFrom('《条例》第四章', '党章', '《榜样9》', '专题片《榜样9》', '二十大报告', '全会公报', '《习近平著作选读》两篇', '总书记重要讲话')
const when = fc.constantFrom('', '今天', '晚上', '今晚', '刚', '中午', '下班后')
// what members say around their own check-in: the purpose, the company, a shrug
const lead = fc.constantFrom('', '为了准备明天的支委会，', '主要是为组织生活会做准备，', '陪孩子写完作业，', '和爱人一起')
const tail = fc.constantFrom('，顺便打卡', '，顺便打个卡', '，打卡', '，算学习打卡吧', '，算是打卡吧', '，就算打卡了', '，也算打个卡', ' 打卡', '，主要是准备组织生活会的发言材料，顺便打卡')

test('property: a remark around one’s own check-in keeps it a check-in of its duration', () => {
  fc.assert(fc.property(lead, when, studied, object, duration, tail, (l, w, v, o, [n, d], t) => {
    const text = `${l}${w}${v}${o}，${d}${t}`
    const r = parseCheckin(text, NOW)
    assert.ok(r, text)
    assert.equal(r.minutes, n, text)
  }), { numRuns: 1500 })
})

const gain = fc.constantFrom('得了', '拿了', '获得', '获得了', '挣了', '拿到了', '学习强国得了', '强国今天获得', '今天得了')
const points = fc.integer({ min: 1, max: 60 }).chain((p) => fc.tuple(fc.constant(p), fc.constantFrom(String(p), cn(p))))

test('property: N分 after 得了 / 拿了 / 获得 is points, never minutes, before or after the duration', () => {
  fc.assert(fc.property(when, studied, duration, gain, points, fc.boolean(), (w, v, [n, d], g, [p, ps], first) => {
    const study = `${w}${v}${d}`
    const score = `${g}${ps}分`
    const text = first ? `${score}，${study}` : `${study}，${score}`
    assert.equal(parseDuration(text), n, text)
    assert.equal(parsePoints(text), p, text)
    const r = parseCheckin(text, NOW)
    assert.ok(r, text)
    assert.deepEqual([r.minutes, r.points], [n, p], text)
  }), { numRuns: 1500 })
})

test('property: the same words in a promise, a question, a rule or about someone else are no check-in', () => {
  const core = fc.tuple(studied, object, duration).map(([v, o, [, d]]) => `${v}${o}${d}`)
  const wrap = fc.constantFrom(
    (c: string) => `${c}，算打卡吗？`, (c: string) => `${c}也算打卡吗`, (c: string) => `这样${c}算不算打卡`,
    (c: string) => `我准备晚上学一会再打卡`, (c: string) => `要是有空就打卡`, (c: string) => `看视频也算打卡`,
    (c: string) => `老王${c}，真厉害`, (c: string) => `他今天${c}，还得了45分`, (c: string) => `${c}，得了40分算高吗？`,
    (c: string) => `明天再打卡吧，今天${c.slice(0, 2)}不了`, (c: string) => `大家${c}也算打卡`, (c: string) => `请大家${c}后打卡`,
  )
  fc.assert(fc.property(core, wrap, (c, w) => {
    const text = w(c)
    assert.equal(parseCheckin(text, NOW), null, text)
  }), { numRuns: 800 })
})

test('property: 补 straight after a date, 补 before one after a space-ended excuse, and 算<day>的 credit that day', async () => {
  const { parseBackfill } = await import('../../src/messages/checkin.js')
  const now = new Date('2026-11-13T08:45:00+08:00')
  const day = fc.constantFrom(['11.12', '2026-11-12'], ['11月11日', '2026-11-11'], ['10号', '2026-11-10'], ['昨天', '2026-11-12'], ['前天', '2026-11-11'])
  const shape = fc.constantFrom(
    (d: string, m: string) => `${d}补 学习${m}`, (d: string, m: string) => `${d}的补一下：读《条例》${m}`,
    (d: string, m: string) => `打卡 昨晚没来得及 补${d}学习${m}`, (d: string, m: string) => `刚学完，算${d}的吧，学习${m}`,
    (d: string, m: string) => `那天忘了打，补一下：${d} 学习${m}`,
  )
  fc.assert(fc.property(day, shape, fc.integer({ min: 10, max: 90 }), ([d, date], make, n) => {
    const text = make(d, `${n}分钟`)
    const r = parseBackfill(text, now)
    assert.ok(r && 'date' in r && !('error' in r), `${text}: ${JSON.stringify(r)}`)
    assert.equal(r.date, date, text)
    assert.equal(r.checkin.minutes, n, text)
  }), { numRuns: 400 })
})
