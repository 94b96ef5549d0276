// Who may do what: every command × role, through simulate. Secretaries (书记, 副书记, 组织委员 by
// default) may see the ledger, post summaries, pause reminders; officers may announce meetings;
// everyone on the roster may ask for figures; non-roster senders and other groups change nothing.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { simulate, exportJson, ROOM, type Ev } from '../helpers/sim.js'

type Who = 'secretary' | 'officer' | 'member' | 'stranger'
const PEOPLE: Record<Who, string> = { secretary: '孙雅琴', officer: '李红梅', member: '王建国', stranger: '路人甲' }
const REFUSED = /只有支部管理员|请由支部委员或党小组长/

// command -> the roles allowed to use it
const TABLE: [string, Who[]][] = [
  ['#帮助', ['secretary', 'officer', 'member']],
  ['#我的', ['secretary', 'officer', 'member']],
  ['#本月', ['secretary', 'officer', 'member']],
  ['#排行', ['secretary', 'officer', 'member']],
  ['#进度', ['secretary', 'officer', 'member']],
  ['#提醒', ['secretary', 'officer', 'member']],
  ['#未打卡', ['secretary']],
  ['#未识别', ['secretary']],
  ['#台账 2026-11', ['secretary']],
  ['#月报 2026-10', ['secretary']],
  ['#提醒 暂停 3天', ['secretary']],
  ['#提醒 恢复', ['secretary']],
  ['#预告 支委会 11月25日14:30 三楼会议室', ['secretary', 'officer']],
]

for (const who of Object.keys(PEOPLE) as Who[]) {
  test(`commands × role: ${who}`, () => {
    const name = PEOPLE[who]
    const events: Ev[] = TABLE.map(([text], i) => ({ at: `2026-11-20T10:${String(i * 2).padStart(2, '0')}:00+08:00`, room: ROOM, from: name, text, id: `${who}${i}` }))
    const { sent, data } = simulate(events, { until: '2026-11-20T11:00:00+08:00' })
    TABLE.forEach(([text, allowed], i) => {
      const minute = `2026-11-20T10:${String(i * 2).padStart(2, '0')}`
      const replies = sent.filter((s) => s.at.startsWith(minute) && s.to.room === ROOM)
      // someone not on the roster gets help (how to be added), nothing else
      if (who === 'stranger') return assert.equal(replies.length, text === '#帮助' ? 1 : 0, `${text}: a stranger changes nothing`)
      assert.ok(replies.length >= 1, `${text}: answered`)
      assert.equal(REFUSED.test(replies[0]!.text ?? ''), !allowed.includes(who), `${text} by ${who}`)
    })
    // only the secretary's and officer's announcements are in the records; strangers leave nothing
    const records = exportJson(data)
    assert.equal(records.filter((r) => r.type === 'announcement').length, who === 'secretary' || who === 'officer' ? 1 : 0)
    if (who === 'stranger') assert.equal(records.length, 0)
  })
}

test('a member can correct or withdraw only their own record', () => {
  const { sent, data } = simulate([
    { at: '2026-11-18T18:00:00+08:00', room: ROOM, from: '周立新', text: '#活动 11月18日下午 支委会 讨论发展党员工作 应到5人 实到5人' },
    { at: '2026-11-18T18:05:00+08:00', room: ROOM, from: '王建国', text: '#更正 地点 我家' },
    { at: '2026-11-18T18:06:00+08:00', room: ROOM, from: '王建国', text: '#撤销活动' },
  ])
  const acts = exportJson(data).filter((r) => r.type === 'activity')
  assert.equal(acts.length, 1)
  assert.equal(acts[0]!.place, null)
  assert.equal(sent.filter((s) => /没有找到您最近报告的活动记录/.test(s.text ?? '')).length, 2)
})

test('messages in groups the bot does not serve change nothing', () => {
  const { sent, data } = simulate([
    { at: '2026-11-18T18:00:00+08:00', room: '家庭群', from: '周立新', text: '#活动 11月18日下午 支委会 应到5人 实到5人' },
    { at: '2026-11-18T18:01:00+08:00', room: '家庭群', from: '王建国', text: '打卡 30分钟' },
  ])
  assert.equal(sent.length, 0)
  assert.equal(exportJson(data).length, 0)
})
