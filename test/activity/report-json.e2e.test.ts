// `zhibu-bot report --format json`: figures exactly as DESIGN.md defines them.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { simulate, runCli, EXAMPLE, ROOM } from '../helpers/sim.js'

test('report json: check-in figures, activity counts and obligations for a month', () => {
  const { data } = simulate([
    { at: '2026-11-02T08:00:00+08:00', room: ROOM, from: '王建国', text: '打卡 学习 30分钟' },
    { at: '2026-11-02T20:00:00+08:00', room: ROOM, from: '王建国', text: '打卡 学习 20分钟' }, // same day: one member-day
    { at: '2026-11-03T08:00:00+08:00', room: ROOM, from: '王建国', text: '打卡 学习 10分钟' },
    { at: '2026-11-03T08:10:00+08:00', room: ROOM, from: '刘洋', text: '打卡 学习 一小时' },
    { at: '2026-11-03T08:20:00+08:00', room: ROOM, from: '路人甲', text: '打卡 学习 一小时' }, // not on the roster
    { at: '2026-11-18T18:00:00+08:00', room: ROOM, from: '周立新', text: '#活动 11月18日下午 支委会 讨论发展党员工作 应到5人 实到5人' },
  ])
  const r = runCli(['report', '--config', EXAMPLE, '--data', data, '--branch', 'jiguan2', '--month', '2026-11', '--format', 'json'])
  assert.equal(r.status, 0, r.stderr)
  const j = JSON.parse(r.stdout)
  assert.deepEqual([j.branch, j.month, j.roster], ['jiguan2', '2026-11', 10])
  assert.deepEqual({ memberDays: j.checkins.memberDays, members: j.checkins.members, rate: j.checkins.rate, minutes: j.checkins.minutes },
    { memberDays: 3, members: 2, rate: 0.2, minutes: 120 })
  assert.deepEqual(j.checkins.byMember, [{ name: '王建国', days: 2, minutes: 60 }, { name: '刘洋', days: 1, minutes: 60 }])
  assert.equal(j.checkins.missing.length, 8)
  assert.deepEqual(j.activityCounts, { 支部委员会: 1 })
  const zwh = j.obligations.find((o: { kind: string }) => o.kind === '支部委员会')
  assert.deepEqual(zwh, { kind: '支部委员会', group: null, period: '2026-11', required: 1, held: 1, met: true, due: '2026-11-30' })
  assert.ok(j.obligations.some((o: { kind: string; group: string; met: boolean }) => o.kind === '党小组会' && o.group === '第二党小组' && !o.met))
})

// a month that is over (the text says what was missed only once a due date has passed)
test('report --format text prints the same summary the group receives; docx and xlsx are written', () => {
  const { data, sent } = simulate([
    { at: '2026-10-16T18:00:00+08:00', room: ROOM, from: '周立新', text: '#活动 10月16日下午 支委会 讨论发展党员工作 应到5人 实到5人' },
    { at: '2026-10-20T08:00:00+08:00', room: ROOM, from: '王建国', text: '打卡 学习《党章》 30分钟' },
  ], { until: '2026-11-01T09:10:00+08:00' })
  const r = runCli(['report', '--config', EXAMPLE, '--data', data, '--month', '2026-10', '--format', 'text'])
  assert.equal(r.status, 0, r.stderr)
  const posted = sent.filter((s) => s.to.room === ROOM && s.text && /工作小结|（二）|二、存在/.test(s.text)).map((s) => s.text).join('\n\n')
  // 下步打算 is written as of the day the summary is made (nothing already held or already past)
  const sansPlan = (t: string) => t.trim().replace(/三、下步打算[\s\S]*?(?=\n\n光荣榜|$)/, '三、下步打算')
  assert.equal(sansPlan(r.stdout), sansPlan(posted))
  for (const format of ['docx', 'xlsx']) {
    const out = `${data}/out.${format}`
    const w = runCli(['report', '--config', EXAMPLE, '--data', data, '--month', '2026-10', '--format', format, '--out', out])
    assert.equal(w.status, 0, w.stderr)
  }
})

test('quarterly and yearly summaries from the command line', () => {
  const { data } = simulate([
    { at: '2026-10-18T18:00:00+08:00', room: ROOM, from: '周立新', text: '#活动 10月18日下午 支委会 讨论第四季度工作 应到5人 实到5人' },
    { at: '2026-11-18T18:00:00+08:00', room: ROOM, from: '周立新', text: '#活动 11月18日下午 支委会 讨论发展党员工作 应到5人 实到5人' },
  ])
  const q = runCli(['report', '--config', EXAMPLE, '--data', data, '--quarter', '2026Q4', '--format', 'text'])
  assert.equal(q.status, 0, q.stderr)
  assert.match(q.stdout, /^机关第二党支部2026年第四季度工作小结/)
  assert.match(q.stdout, /支部委员会：10月18日召开，讨论第四季度工作.*；11月18日召开/)
  const y = runCli(['report', '--config', EXAMPLE, '--data', data, '--year', '2026', '--format', 'docx', '--out', `${data}/y.docx`])
  assert.equal(y.status, 0, y.stderr)
})
