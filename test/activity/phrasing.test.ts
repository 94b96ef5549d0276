// Classes of report phrasing as properties (issue 12): two meetings in one message make two reports;
// a visitor described with their title is the speaker; "除我以外都到了" is everyone but one; a kind only
// passed on (传达支委会精神) is the subject matter; talk that only mentions a meeting is no report.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { parseActivities, parseActivity } from '../../src/messages/activity.js'
import { exampleContext } from '../helpers/branch-roster.js'

const EVENING = new Date('2026-11-26T20:30:00+08:00')
const KINDS = [['支委会', '支部委员会', 3], ['党员大会', '支部党员大会', 10], ['支部党员大会', '支部党员大会', 10], ['组织生活会', '组织生活会', 10], ['支部委员会', '支部委员会', 3]] as const

test('property: a message reporting two meetings gives one report each, the day said once serving both', () => {
  const pair = fc.tuple(fc.constantFrom(...KINDS), fc.constantFrom(...KINDS)).filter(([a, b]) => a[1] !== b[1])
  const day = fc.constantFrom(['今天', '2026-11-26'], ['昨天', '2026-11-25'], ['25号', '2026-11-25'], ['11月24日', '2026-11-24'])
  const first = fc.constantFrom((k: string, n: number) => `上午开了${k}（${n}人）`, (k: string, n: number) => `上午召开${k}，${n}人参加`, (k: string, n: number) => `上午${k}开完了，实到${n}人`)
  const second = fc.constantFrom((k: string, n: number) => `下午接着开了${k}，实到${n}人`, (k: string, n: number) => `会后又召开了${k}，${n}人参加`, (k: string, n: number) => `晚上${k}也开了，到了${n}个`)
  fc.assert(fc.property(pair, day, first, second, fc.integer({ min: 1, max: 3 }), ([a, b], [d, date], f, s, n1) => {
    const n2 = b[2] - 1
    const text = `${d}${f(a[0], n1)}；${s(b[0], n2)}`
    const ps = parseActivities(text, EVENING, exampleContext())
    assert.deepEqual(ps.map((p) => [p.kind, p.date, p.attendees]), [[a[1], date, n1], [b[1], date, n2]], text)
    assert.equal(parseActivity(text, EVENING, exampleContext())?.kind, a[1], text)
  }), { numRuns: 300 })
})

test('property: one meeting that names another as its business stays one report', () => {
  const business = fc.constantFrom('研究了党员大会的筹备工作', '传达学习了党员大会精神', '讨论了组织生活会方案', '部署召开党员大会')
  fc.assert(fc.property(business, fc.integer({ min: 2, max: 3 }), (b, n) => {
    const text = `今天下午召开支委会，${b}，${n}名委员参加`
    const ps = parseActivities(text, EVENING, exampleContext())
    assert.deepEqual(ps.map((p) => p.kind), ['支部委员会'], text)
  }), { numRuns: 100 })
})

test('property: a visitor described with their office is the speaker, by name alone', () => {
  const org = fc.constantFrom('市委党校', '区委组织部', '退休老党员', '区纪委', '大学马克思主义学院', '')
  const name = fc.constantFrom('张明华', '李晓燕', '陈国栋', '王刚', '刘志强', '杨帆')
  const title = fc.constantFrom('老师', '教授', '副部长', '同志', '主任', '书记')
  const shape = fc.constantFrom(
    (p: string) => `党课刚结束，${p}主讲，全体党员参加`, (p: string) => `今天下午请${p}讲了一课，大家深受教育`,
    (p: string) => `【党课】时间：11月26日14:30 主讲：${p} 参加人员：9人`, (p: string) => `今天邀请${p}为大家上了一堂党课`,
  )
  fc.assert(fc.property(org, name, title, shape, (o, n, t, make) => {
    const text = make(`${o}${n}${t}`)
    const p = parseActivity(text, EVENING, exampleContext())
    assert.ok(p, text)
    assert.equal(p.kind, '党课', text)
    assert.equal(p.speaker, n, text)
  }), { numRuns: 400 })
})

test('property: everyone but the sender (or those named) came', () => {
  const but = fc.constantFrom(['我', 1], ['刘洋', 1], ['刘洋、王建国', 2], ['我自己', 1])
  const rest = fc.constantFrom('都到了', '其他人都到了', '大家都来了', '其余都在')
  fc.assert(fc.property(but, rest, ([who, n], r) => {
    const text = `今天第一党小组会开完了，除${who}以外${r}`
    const p = parseActivity(text, EVENING, exampleContext('第一党小组'))
    assert.equal(p?.attendees, 5 - (n as number), text)
  }), { numRuns: 100 })
})

test('property: talk that only mentions a meeting is no report', () => {
  const kind = fc.constantFrom('党课', '支委会', '党员大会', '主题党日', '党小组会', '组织生活会', '集中学习')
  const remark = fc.constantFrom(
    (k: string) => `${k}那天我看了一部电影，很受触动`, (k: string) => `${k}上说的事情我回去想了想`, (k: string) => `${k}的材料我看了，第三页有个错别字`,
    (k: string) => `看了${k}的照片，拍得真不错`, (k: string) => `${k}拍的合影谁有原图`, (k: string) => `${k}的签到表我拿回办公室了`,
    (k: string) => `${k}的时候我手机静音了`, (k: string) => `我今天病假来不了了，${k}请帮我请个假`, (k: string) => `${k}那次我坐最后一排，没听清`,
  )
  fc.assert(fc.property(kind, remark, (k, r) => {
    const text = r(k)
    assert.equal(parseActivity(text, EVENING, exampleContext('第一党小组', false)), null, text)
  }), { numRuns: 300 })
})

test('property: meetings of work, school or family are not the branch’s', () => {
  const who = fc.constantFrom('部门', '科室', '项目组', '家长', '公司', '我们家', '业务', '年级')
  const what = fc.constantFrom('例会', '会', '会议', '周例会', '家庭会议')
  fc.assert(fc.property(who, what, (w, m) => {
    const text = `刚才开了个${w}${m}，领导又布置任务了`
    assert.equal(parseActivity(text, EVENING, exampleContext()), null, text)
  }), { numRuns: 100 })
})
