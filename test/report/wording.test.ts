// The summary's wording as a secretary reads it before handing it upward: 下步打算 plans only what
// is still to do, a quarter's plan speaks of its months plainly, every list item is a sentence
// ending in "。", and quotes inside quotes are 『』.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { loadConfig } from '../../src/config/load.js'
import { nestQuotes, summaryModel } from '../../src/report/model.js'
import { Templates } from '../../src/templates.js'
import type { ActivityRecord, AnnouncementRecord, Kind } from '../../src/domain/types.js'
import { simulate, EXAMPLE, ROOM } from '../helpers/sim.js'

const branch = loadConfig(EXAMPLE).branches[0]!
const act = (kind: Kind, date: string, o: Partial<ActivityRecord> = {}): ActivityRecord => ({
  type: 'activity', id: kind + date + (o.group ?? ''), branch: 'jiguan2', msgId: 'm', at: `${date}T20:00:00+08:00`, text: '', reporter: '周立新', kind, date, group: null,
  topic: '议题', place: null, host: null, speaker: null, recorder: null, expected: 5, attendees: 4, absent: [], content: null, photos: [], ...o,
})
const ann = (kind: Kind, date: string): AnnouncementRecord => ({ type: 'announcement', id: 'n' + date, branch: 'jiguan2', msgId: 'n', at: '2026-11-28T10:00:00+08:00', text: '', kind, date, time: '14:30', place: '三楼会议室', group: null, announcer: '周立新' } as AnnouncementRecord)
const render = (m: object) => new Templates().render('monthly-summary', m)
const section = (text: string, head: string) => text.split(head)[1]!.split(/\n[一二三四]、/)[0]!

test('下步打算 does not plan a meeting already held when the summary is asked for late', () => {
  // November's summary asked on 10 December: December's 支委会 was held on the 3rd, as announced
  const m = summaryModel({
    branch, month: '2026-11', today: '2026-12-10', checkins: [],
    activities: [act('支部委员会', '2026-11-18'), act('支部委员会', '2026-12-03'), act('党小组会', '2026-12-05', { group: '第一党小组' })],
    announcements: [ann('支部委员会', '2026-12-03'), ann('主题党日', '2026-12-20')],
  })
  const plans = m.plans.map((p) => p.text)
  assert.ok(!plans.some((p) => /支部委员会/.test(p)), plans.join(' | '))
  assert.ok(!plans.some((p) => /^第一党小组党小组会/.test(p)), plans.join(' | '))
  assert.ok(plans.some((p) => /^第二党小组党小组会/.test(p)), 'the other group still has to meet')
  assert.ok(plans.some((p) => /已预告：12月20日 14:30主题党日/.test(p)), 'an announced meeting still ahead stays')
  // and November's own record is still described as held
  assert.match(render(m), /支部委员会：11月18日召开/)
})

test('through the bot: #月报 on 10 December plans nothing already reported in December', () => {
  const { sent } = simulate([
    { at: '2026-11-18T18:00:00+08:00', room: ROOM, from: '周立新', text: '#活动 11月18日下午 支委会 讨论发展党员工作 应到5人 实到5人' },
    { at: '2026-12-03T18:00:00+08:00', room: ROOM, from: '周立新', text: '#活动 12月3日下午 支委会 研究年度考核工作 应到5人 实到5人' },
    { at: '2026-12-10T10:00:00+08:00', room: ROOM, from: '周立新', text: '#月报 2026-11' },
  ], { from: '2026-11-18T00:00:00+08:00', until: '2026-12-10T11:00:00+08:00' })
  const text = sent.filter((s) => s.at.startsWith('2026-12-10') && s.text).map((s) => s.text).join('\n')
  assert.match(text, /2026年11月工作小结/)
  const plan = section(text, '三、下步打算')
  assert.ok(plan.length > 0)
  assert.doesNotMatch(plan, /支部委员会/)
})

test('a quarter\'s plan speaks of the months ahead, not "每月应开1次，截止3月31日"', () => {
  const q = summaryModel({ branch, period: { key: '2026-Q4', label: '2026年第四季度', from: '2026-10-01', to: '2026-12-31' }, today: '2027-01-01', checkins: [], activities: [], announcements: [] })
  const plans = q.plans.map((p) => p.text)
  assert.ok(!plans.some((p) => /每月应开.*截止3月31日/.test(p)), plans.join(' | '))
  assert.ok(plans.includes('支部委员会：1月至3月每月召开1次'), plans.join(' | '))
  assert.ok(plans.some((p) => /^党课（每季度应开1次，截止3月31日）$/.test(p)), plans.join(' | '))
  // a yearly duty is not due in the first quarter: not planned yet
  assert.ok(!plans.some((p) => /组织生活会/.test(p)))
  // asked on 15 February with January's 支委会 held: only February and March remain
  const late = summaryModel({ branch, period: { key: '2026-Q4', label: '2026年第四季度', from: '2026-10-01', to: '2026-12-31' }, today: '2027-02-15', checkins: [], activities: [act('支部委员会', '2027-01-12')], announcements: [] })
  assert.ok(late.plans.some((p) => p.text === '支部委员会：2月至3月每月召开1次'), late.plans.map((p) => p.text).join(' | '))
})

test('every list item ends with "。", once', () => {
  const m = summaryModel({
    branch, month: '2026-11', today: '2026-12-01', checkins: [],
    activities: [act('支部委员会', '2026-11-04', { topic: '学习传达会议精神。' }), act('支部委员会', '2026-11-18', { topic: '讨论发展党员工作；' }), act('主题党日', '2026-11-20', { topic: '参观红色教育基地，' })],
    announcements: [ann('支部委员会', '2026-12-08')],
  })
  const text = render(m)
  assert.doesNotMatch(text, /[。；，,]{2}|；$/m)
  assert.match(text, /支部委员会：11月4日召开，学习传达会议精神，实到4人\/应到5人，出席率80\.0%；11月18日召开，讨论发展党员工作，实到4人\/应到5人，出席率80\.0%。/)
  for (const head of ['二、存在的问题', '三、下步打算']) {
    const items = section(text, head).split('\n').filter((l) => /^\d+\. /.test(l))
    assert.ok(items.length > 0, head)
    for (const l of items) assert.match(l, /[^。]。$/, l)
  }
  for (const l of section(text, '（三）主题党日及其他活动').split('\n').filter((x) => x.trim())) assert.match(l, /。$/, l)
})

test('quotes inside quotes are 『』', () => {
  assert.equal(nestQuotes('开展“我为群众办“实事”活动”'), '开展“我为群众办『实事』活动”')
  assert.equal(nestQuotes('学习“两会”精神', 1), '学习『两会』精神')
  assert.equal(nestQuotes('没有引号'), '没有引号')
  assert.equal(nestQuotes('落单的”引号'), '落单的”引号')
  const m = summaryModel({ branch, month: '2026-11', checkins: [], activities: [act('主题党日', '2026-11-20', { topic: '开展“我为群众办“实事”活动”' })], announcements: [] })
  assert.match(render(m), /开展“我为群众办『实事』活动”/)
})

test('the quarter\'s plan lists one item a line, each ending with "。"', () => {
  const text = new Templates().render('quarter-plan', { quarter: '2026年第四季度', quarterItems: [{ kind: '党课', required: 1 }], monthItems: [{ kind: '支部委员会', required: 1, group: null }, { kind: '党小组会', required: 1, group: '每个党小组' }], yearItems: { items: [{ kind: '组织生活会' }] } })
  const items = text.split('\n').filter((l) => l.startsWith('· '))
  assert.deepEqual(items, ['· 党课1次。', '· 支部委员会1次。', '· 每个党小组党小组会1次。', '· 组织生活会。'])
  assert.doesNotMatch(text, /；$/m)
  const empty = new Templates().render('quarter-plan', { quarter: 'Q', quarterItems: [], monthItems: [{ kind: '支部委员会', required: 1, group: null }], yearItems: null })
  assert.doesNotMatch(empty, /本季度应召开/)
})
