// Floods and impossible days, tried as a prankster would: hundreds of #我的 in minutes, hundreds of
// check-ins in a minute, a stranger repeating #活动, one member firing every command at once, 24-hour
// check-ins. Through `zhibu-bot simulate`; what is asserted is what a member would see in the group.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { simulate, exportJson, runCli, ROOM, tmpDir, EXAMPLE, type Ev, type Sent } from '../helpers/sim.js'

const at = (hhmm: string, s = 0) => `2026-11-18T${hhmm}:${String(s).padStart(2, '0')}+08:00`
const within = (sent: Sent[], from: string, to: string) => sent.filter((m) => m.at >= from && m.at < to)

test('floods get a handful of replies, never a long one, and do not hold up anyone else', () => {
  const ev: Ev[] = []
  // 10:00–10:05 — 300 × #我的 from one member; 刘洋 checks in in the middle of it
  for (let i = 0; i < 300; i++) ev.push({ at: at(`10:0${Math.floor(i / 60)}`, i % 60), room: ROOM, from: '王建国', text: '#我的', id: `mine${i}` })
  ev.push({ at: at('10:02', 30), room: ROOM, from: '刘洋', text: '打卡 学习党章 30分钟', id: 'liu' })
  // 11:00 — 300 check-ins in one minute from three members, each claiming a whole day
  for (let i = 0; i < 300; i++) ev.push({ at: at('11:00', Math.floor(i / 5)), room: ROOM, from: ['张伟', '黄磊', '吴芳'][i % 3]!, text: `打卡 学习《党章》第${i}章 24小时`, id: `ck${i}` })
  // 12:00 — a stranger repeats #活动 twenty times, in the group and in private
  for (let i = 0; i < 20; i++) ev.push({ at: at('12:00', i * 2), room: ROOM, from: '路人甲', text: '#活动 11月18日 支委会 应到5人 实到5人', id: `st${i}` })
  for (let i = 0; i < 20; i++) ev.push({ at: at('12:01', i * 2), from: '路人甲', text: '你好', id: `sp${i}` })
  // 13:00 — one member fires every command twenty times in the same minute; 赵静 checks in meanwhile
  const cmds = ['#我的', '#本月', '#排行', '#进度', '#提醒', '#帮助', '#未打卡', '#台账', '#月报', '#撤销打卡', '#更正 地点 家', '#撤销活动']
  for (let r = 0; r < 20; r++) cmds.forEach((c, j) => ev.push({ at: at('13:00', (r * 3 + j) % 60), room: ROOM, from: '刘洋', text: c, id: `mx${r}-${j}` }))
  ev.push({ at: at('13:00', 30), room: ROOM, from: '赵静', text: '打卡 学习党章 20分钟', id: 'zhao' })
  // 14:00 — 400 strangers with different names each check in; then a secretary asks who they were
  for (let i = 0; i < 400; i++) ev.push({ at: at(`14:0${Math.floor(i / 60)}`, i % 60), room: ROOM, from: `访客${i}号`, text: '打卡 30分钟', id: `v${i}` })
  ev.push({ at: at('15:00'), room: ROOM, from: '孙雅琴', text: '#未识别', id: 'unk' })
  const { sent, data } = simulate(ev, { until: '2026-11-18T16:00:00+08:00' })

  for (const m of sent) assert.ok((m.text ?? '').length <= 1000, `a ${m.text!.length}-character message: ${m.text!.slice(0, 80)}…`)

  const mine = within(sent, at('10:00'), at('10:10')).filter((m) => m.mentions?.includes('王建国'))
  assert.ok(mine.length >= 2 && mine.length <= 4, `300 × #我的 in 5 minutes → ${mine.length} replies`)
  assert.equal(mine.filter((m) => /只回复一次/.test(m.text ?? '')).length, 1, 'told once why repeats go unanswered')
  const liu = sent.find((m) => m.at >= at('10:02', 30) && /刘洋 已打卡/.test(m.text ?? ''))
  assert.ok(liu && Date.parse(liu.at) - Date.parse(at('10:02', 30)) <= 60_000, `another member's ack is not held up: ${liu?.at}`)

  const acks = within(sent, at('11:00'), at('11:30'))
  assert.ok(acks.length <= 3, `300 check-ins → ${acks.length} merged replies`)
  for (const name of ['张伟', '黄磊', '吴芳']) assert.ok(acks.some((m) => (m.text ?? '').includes(name)), `${name} is acknowledged`)
  for (const m of acks) assert.ok((m.text!.match(/已打卡/g) ?? []).length <= 3, 'one line per member, the day so far — a count, not a list')

  const stranger = within(sent, at('12:00'), at('12:30'))
  assert.equal(stranger.length, 1, `a stranger's 40 messages get ${stranger.length} replies`)

  const mixed = within(sent, at('13:00'), at('13:30'))
  const zhao = mixed.find((m) => /赵静 已打卡/.test(m.text ?? ''))
  assert.ok(zhao && Date.parse(zhao.at) - Date.parse(at('13:00', 30)) <= 60_000, `赵静's ack is not held up behind 240 commands: ${zhao?.at}`)
  assert.ok(mixed.filter((m) => m.mentions?.includes('刘洋')).length <= 12, `240 commands from one member → ${mixed.length} replies`)

  const visitors = within(sent, at('14:00'), at('14:59'))
  assert.ok(visitors.length <= 400, 'each stranger at most once')
  const unknownList = within(sent, at('15:00'), at('16:00'))
  assert.ok(unknownList.length >= 1, '#未识别 is answered, in parts under the limit')

  // no day holds more than its ceiling (8 hours by default)
  const byDay = new Map<string, number>()
  for (const r of exportJson(data).filter((r) => r.type === 'checkin')) {
    const k = `${r.member} ${r.date}`
    byDay.set(k, (byDay.get(k) ?? 0) + ((r.minutes as number | null) ?? 0))
  }
  for (const [k, m] of byDay) assert.ok(m <= 480, `${k}: ${m} minutes in one day`)
  assert.equal(byDay.get('张伟 2026-11-18'), 480)
})

test('a day holds no more than its ceiling: 24-hour check-ins, a 补卡 on a full day, a branch ceiling of 2 hours', () => {
  const dir = tmpDir('zhibu-cap-')
  const cfg = path.join(dir, 'c.yaml')
  writeFileSync(cfg, `branches:\n  - id: b1\n    name: 一支部\n    rooms: [${ROOM}]\n    members: [{ name: 周立新, role: 书记 }, { name: 王建国 }]\n    checkin: { dailyHoursCap: 2 }\n`)
  const { sent, data } = simulate([
    { at: '2026-11-17T09:00:00+08:00', room: ROOM, from: '王建国', text: '打卡 学习党章 90分钟' },
    { at: '2026-11-18T09:00:00+08:00', room: ROOM, from: '王建国', text: '打卡 学习党章 24小时' },
    { at: '2026-11-18T10:00:00+08:00', room: ROOM, from: '王建国', text: '打卡 学习党史 24小时' },
    { at: '2026-11-18T11:00:00+08:00', room: ROOM, from: '王建国', text: '打卡 学习条例 24小时' },
    { at: '2026-11-18T12:00:00+08:00', room: ROOM, from: '王建国', text: '补卡 11月17日 学习党章 2小时' },
  ], { config: cfg })
  const recs = exportJson(data, [], cfg).filter((r) => r.type === 'checkin')
  assert.equal(recs.length, 5, 'every check-in is kept')
  const day = (d: string) => recs.filter((r) => r.date === d).reduce((s, r) => s + ((r.minutes as number) ?? 0), 0)
  assert.equal(day('2026-11-18'), 120)
  assert.equal(day('2026-11-17'), 120)
  assert.ok(sent.some((m) => /上限/.test(m.text ?? '')), 'the member is told the day is full')
  const r = runCli(['report', '--config', cfg, '--data', data, '--branch', 'b1', '--month', '2026-11', '--format', 'json'])
  assert.equal(r.status, 0, r.stderr)
  assert.equal(JSON.parse(r.stdout).checkins.minutes, 240, 'the month holds two full days, not 73 hours')
})

test('the default ceiling is 8 hours and is documented in example.yaml', () => {
  const { data } = simulate([1, 2, 3].map((i) => ({ at: `2026-11-18T0${i + 6}:00:00+08:00`, room: ROOM, from: '刘洋', text: `打卡 第${i}天 学习一整天 24小时` })))
  assert.equal(exportJson(data).reduce((s, r) => s + ((r.minutes as number) ?? 0), 0), 480)
  const r = runCli(['check-config', EXAMPLE])
  assert.equal(r.status, 0, r.stderr)
})
