// The branch's choices for screenshots, through `simulate`: kept as owner-only evidence when asked,
// one read a day unless the member asks (识别截图), read in a private chat too, and not at all when
// turned off.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { EXAMPLE, ROOM, runCli, tmpDir, type Sent } from '../helpers/sim.js'
import { landscape, pointsPage, studyTimePage } from './screens.js'

function run(yaml: string, lines: object[]) {
  const dir = tmpDir('zhibu-shots-opt-')
  mkdirSync(path.join(dir, 'shots'))
  writeFileSync(path.join(dir, 'shots', 'points.png'), pointsPage({ today: 29 }))
  writeFileSync(path.join(dir, 'shots', 'study.png'), studyTimePage({ minutes: 45 }))
  writeFileSync(path.join(dir, 'shots', 'view.png'), landscape())
  const config = path.join(dir, 'bot.yaml')
  writeFileSync(config, yaml)
  const file = path.join(dir, 'transcript.jsonl')
  writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n')
  const data = path.join(dir, 'data')
  const r = runCli(['simulate', '--config', config, '--transcript', file, '--data', data])
  assert.equal(r.status, 0, r.stderr)
  const sent: Sent[] = r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l))
  const ex = runCli(['export', '--config', config, '--data', data, '--format', 'json'])
  return { sent, data, checkins: (JSON.parse(ex.stdout) as Record<string, unknown>[]).filter((x) => x.type === 'checkin') }
}

const at = (t: string) => `2026-11-17T${t}+08:00`
const example = readFileSync(EXAMPLE, 'utf8')

test('kept as evidence, one a day unless asked, private chats too', () => {
  const yaml = example.replace(/keep: false/, 'keep: true')
  assert.notEqual(yaml, example)
  const { sent, data, checkins } = run(yaml, [
    { at: at('10:00:00'), room: ROOM, from: '王建国', type: 'image', text: '', file: 'shots/points.png', id: 'a1' },
    { at: at('10:05:00'), room: ROOM, from: '王建国', type: 'image', text: '', file: 'shots/study.png', id: 'a2' },
    { at: at('10:07:00'), room: ROOM, from: '刘洋', type: 'image', text: '', file: 'shots/study.png', id: 'a3' },
    { at: at('10:20:00'), room: ROOM, from: '王建国', text: '识别截图', id: 'a4' },
    { at: at('10:30:00'), from: '张伟', type: 'image', text: '', file: 'shots/points.png', id: 'a5' },
  ])
  const wang = checkins.filter((c) => c.member === '王建国')
  assert.deepEqual(wang.map((c) => [c.points, c.minutes]), [[29, null], [null, 45]], 'the second one is read once asked')
  const acks = sent.filter((m) => m.text?.includes('王建国 已打卡'))
  assert.equal(acks.length, 2)
  assert.ok(Date.parse(acks[1]!.at) >= Date.parse(at('10:20:00')), 'not read before being asked')
  assert.deepEqual(checkins.filter((c) => c.member === '刘洋').map((c) => c.minutes), [45])
  // a private chat: read, and answered privately
  assert.deepEqual(checkins.filter((c) => c.member === '张伟').map((c) => c.points), [29])
  assert.ok(sent.some((m) => m.to.contact === '张伟' && /张伟 已打卡/.test(m.text ?? '')))
  // each kept beside the data, readable by the owner only
  const dir = path.join(data, 'jiguan2', 'screenshots', '2026-11')
  const files = readdirSync(dir)
  assert.equal(files.length, 4)
  for (const f of files) assert.equal(statSync(path.join(dir, f)).mode & 0o777, 0o600)
})

test('turned off: images are not read', () => {
  const yaml = example.replace(/enabled: true( +# 是否识别截图)/, 'enabled: false$1')
  assert.notEqual(yaml, example)
  const { sent, checkins } = run(yaml, [{ at: at('10:00:00'), room: ROOM, from: '王建国', type: 'image', text: '', file: 'shots/points.png', id: 'b1' }])
  assert.equal(checkins.length, 0)
  assert.equal(sent.length, 0)
})

test('the branch sets how long 识别截图 reaches back: past it, the member is told there is nothing to read', () => {
  const yaml = example.replace(/askMinutes: 30/, 'askMinutes: 10')
  assert.notEqual(yaml, example)
  const { sent, checkins } = run(yaml, [
    { at: at('10:00:00'), room: ROOM, from: '王建国', type: 'image', text: '', file: 'shots/points.png', id: 'c1' },
    { at: at('10:05:00'), room: ROOM, from: '王建国', type: 'image', text: '', file: 'shots/study.png', id: 'c2' },
    { at: at('10:20:00'), room: ROOM, from: '王建国', text: '识别截图', id: 'c3' },
  ])
  assert.deepEqual(checkins.map((c) => [c.points, c.minutes]), [[29, null]], 'the 10:05 image waited only ten minutes')
  const answer = sent.find((m) => Date.parse(m.at) >= Date.parse(at('10:20:00')))
  assert.ok(answer && /王建国同志，最近10分钟内没有收到/.test(answer.text ?? ''), JSON.stringify(sent))
})

test('readsPerDay: past the day\'s reads an image waits unread until the member asks; the branch sets how many', () => {
  // four photos that are no study screen use up the day's four reads; the points page after them waits
  const lines = [
    ...[1, 2, 3, 4].map((i) => ({ at: at(`09:0${i}:00`), room: ROOM, from: '王建国', type: 'image', text: '', file: 'shots/view.png', id: `v${i}` })),
    { at: at('09:10:00'), room: ROOM, from: '王建国', type: 'image', text: '', file: 'shots/points.png', id: 'p5' },
  ]
  const limited = run(example, lines)
  assert.deepEqual(limited.checkins, [], 'the fifth image of the day is not read')
  assert.ok(!limited.sent.some((m) => /王建国 已打卡/.test(m.text ?? '')))
  // … asked for, it is read
  const asked = run(example, [...lines, { at: at('09:15:00'), room: ROOM, from: '王建国', text: '识别截图', id: 'ask' }])
  assert.deepEqual(asked.checkins.map((c) => c.points), [29])
  // a branch that allows six reads a day has the fifth read without asking
  const yaml = example.replace(/readsPerDay: 4/, 'readsPerDay: 6')
  assert.notEqual(yaml, example)
  assert.deepEqual(run(yaml, lines).checkins.map((c) => c.points), [29])
  // the next day starts afresh
  const nextDay = run(example, [...lines, { at: '2026-11-18T09:00:00+08:00', room: ROOM, from: '王建国', type: 'image', text: '', file: 'shots/points.png', id: 'n1' }])
  assert.deepEqual(nextDay.checkins.map((c) => [c.date, c.points]), [['2026-11-18', 29]])
})
