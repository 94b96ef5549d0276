// Meeting reports as branches write them, without #活动: the project's own corpus of plain-language
// reports and tempting non-reports, and properties over generated phrasings.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { parseActivity } from '../../src/messages/activity.js'
import { corpusText } from '../helpers/corpus.js'
import { exampleContext } from '../helpers/branch-roster.js'

const ROSTER = exampleContext().roster.map((m) => m.name)
const rows = corpusText('activity-plain.jsonl').split('\n').filter(Boolean).map((l) => JSON.parse(l))

for (const c of rows) {
  test(`${c.report ? 'report' : 'not a report'}: ${c.text.replace(/\n/g, '⏎').slice(0, 40)}`, () => {
    const p = parseActivity(c.text, new Date(c.sent), exampleContext(c.reporter_group ?? null))
    if (!c.report) return assert.equal(p, null, 'recorded a meeting that was not reported')
    assert.ok(p, 'a report was not recognised')
    for (const k of ['kind', 'date', 'group', 'attendees', 'expected', 'host', 'speaker', 'place'] as const) {
      if (c[k] !== undefined) assert.equal(p[k], c[k], k)
    }
    if (c.absent) assert.deepEqual(p.absent.map((a) => a.name), c.absent)
  })
}

const NOW = new Date('2026-11-20T10:00:00+08:00') // a Friday morning
const KIND_WORDS = ['支委会', '支部委员会', '党员大会', '支部党员大会', '党小组会', '第一党小组会', '党课', '专题党课', '主题党日活动', '组织生活会', '集中学习', '民主评议党员']
const FUTURE = ['明天', '明天上午', '后天下午', '下周一', '下周三下午3点', '11月25日', '11月28日14:30', '12月2日', '本周日', '今天下午', '今晚7点', '今天下午3点', '下个月初']
const NOTICE_TAIL = ['', '，请准时参加', '，请大家安排好工作', '，地点三楼会议室', '，请各位委员预留时间', '，届时请带好笔记本', '，不要迟到', '召开，请相互转告']
const NOTICE_HEAD = ['', '通知：', '@所有人 ', '【会议通知】', '各位同志，', '提醒一下，']

test('a notice of a future meeting is never a report', () => {
  fc.assert(fc.property(fc.constantFrom(...NOTICE_HEAD), fc.constantFrom(...FUTURE), fc.constantFrom('召开', '开', '举行', '组织', '开展', ''), fc.constantFrom(...KIND_WORDS), fc.constantFrom(...NOTICE_TAIL),
    (head, when, verb, kind, tail) => {
      const text = `${head}${when}${verb}${kind}${tail}`
      assert.equal(parseActivity(text, NOW, exampleContext()), null, text)
    }), { numRuns: 600 })
})

test('a structured notice with labelled fields and a future date is never a report', () => {
  fc.assert(fc.property(fc.constantFrom(...KIND_WORDS), fc.constantFrom('11月25日下午3点', '明天上午9:00', '下周二', '11月30日'), fc.constantFrom('三楼会议室', '党员活动室'), fc.constantFrom('全体党员', '全体支委', '第一党小组全体党员'),
    (kind, when, place, who) => {
      const text = `【${kind}】\n时间：${when}\n地点：${place}\n参加人员：${who}\n议题：学习贯彻全会精神`
      assert.equal(parseActivity(text, NOW, exampleContext()), null, text)
    }), { numRuns: 200 })
})

test('a question, a negation or a reminder about a meeting is never a report', () => {
  const forms = [
    (k: string) => `这个月的${k}开了吗？`, (k: string) => `${k}什么时候开`, (k: string) => `请问${k}几点开始`, (k: string) => `${k}有没有开`,
    (k: string) => `上次的${k}是谁主持的`, (k: string) => `本月${k}还没开`, (k: string) => `今天的${k}取消了`, (k: string) => `${k}推迟到下周`,
    (k: string) => `${k}改期了，另行通知`, (k: string) => `请各党小组抓紧召开${k}`, (k: string) => `提醒：本季度${k}尚未召开`, (k: string) => `${k}的材料发群里了吗`,
    (k: string) => `市委昨天召开了${k}`, (k: string) => `转发：局党委召开${k} https://mp.weixin.qq.com/s/abc`, (k: string) => `${k}要开好，大家重视`,
  ]
  fc.assert(fc.property(fc.constantFrom(...forms), fc.constantFrom(...KIND_WORDS), (f, k) => {
    const text = f(k)
    assert.equal(parseActivity(text, NOW, exampleContext()), null, text)
  }), { numRuns: 600 })
})

const EVENING = new Date('2026-11-20T21:00:00+08:00')
const PAST = [['今天下午', '2026-11-20'], ['昨天', '2026-11-19'], ['前天晚上', '2026-11-18'], ['11月18日', '2026-11-18'], ['本周二', '2026-11-17'], ['上周五', '2026-11-13'], ['11.16', '2026-11-16'], ['', '2026-11-20']] as const
const DONE = ['召开了{k}', '{k}开完了', '{k}已经结束', '{k}顺利召开', '开了{k}', '{k}开好了', '组织召开{k}', '{k}圆满结束', '{k}刚刚散会']
const KINDS: [string, string][] = [['支委会', '支部委员会'], ['党员大会', '支部党员大会'], ['支部委员会会议', '支部委员会'], ['党课', '党课'], ['主题党日活动', '主题党日'], ['组织生活会', '组织生活会']]
const COUNTS: [string, number][] = [['实到8人', 8], ['到会党员8名', 8], ['与会同志8人', 8], ['来了8个人', 8], ['8名党员参加', 8], ['参会人数：8人', 8], ['应到10人，实到8人', 8], ['应到10人，缺席2人', 8]]

test('a report in plain words is recognised with its kind, date and attendance, for any phrasing', () => {
  fc.assert(fc.property(fc.constantFrom(...PAST), fc.constantFrom(...DONE), fc.constantFrom(...KINDS), fc.constantFrom(...COUNTS), fc.boolean(),
    ([when, date], done, [word, kind], [count, n], countFirst) => {
      const core = `${when}${done.replace('{k}', word)}`
      const text = countFirst ? `${core}，${count}` : `${core}，${count}，会议研究了年底工作`
      const p = parseActivity(text, EVENING, exampleContext())
      assert.ok(p, text)
      assert.equal(p.kind, kind, text)
      assert.equal(p.date, date, text)
      assert.equal(p.attendees, n, text)
    }), { numRuns: 500 })
})

const TITLES = ['', '书记', '副书记', '组织委员', '党小组长', '支部书记', '']
const SUFFIX = ['', '同志']
test('the people of a report are stored as roster names, never with their titles', () => {
  const members = exampleContext().roster
  fc.assert(fc.property(fc.constantFrom(...members), fc.constantFrom(...TITLES), fc.constantFrom(...SUFFIX), fc.constantFrom('host', 'speaker'), fc.boolean(),
    (m, title, suffix, role, useAlias) => {
      const written = useAlias && m.aliases?.[0] && !/（/.test(m.aliases[0]) ? m.aliases[0] : `${title}${m.name}${suffix}`
      const text = role === 'host'
        ? `今天下午召开支委会，会议由${written}主持，实到3人`
        : `今天下午${written}给大家讲了一堂党课，到会9人`
      const p = parseActivity(text, EVENING, exampleContext())
      assert.ok(p, text)
      const got = role === 'host' ? p.host : p.speaker
      assert.equal(got, m.name, text)
      assert.ok(ROSTER.includes(got!))
    }), { numRuns: 400 })
})

test('several labels on one line each keep their value', () => {
  const p = parseActivity('支委会 11月19日 主持人：周立新 记录人：孙雅琴 地点：三楼会议室 应到3人 实到3人', EVENING, exampleContext())!
  assert.deepEqual([p.host, p.recorder, p.place, p.attendees], ['周立新', '孙雅琴', '三楼会议室', 3])
})

test('an unclear report is still recorded, and says what to ask', () => {
  const p = parseActivity('今天的会已经结束，应到10人，实到9人', EVENING, exampleContext())!
  assert.equal(p.kind, '其他')
  assert.deepEqual(p.unclear, ['kind'])
  const q = parseActivity('召开支委会，研究发展党员工作', EVENING, exampleContext())!
  assert.equal(q.kind, '支部委员会')
  assert.ok(q.unclear.includes('date'))
})
