// simulate on a slow machine: what the bot says, and when (in simulated time), must not depend on
// how long the disk takes. ZHIBU_SIM_SLOW_FSYNC_MS makes every fsync take 300 ms of real time —
// far longer than the bot's handlers take to reach their next await — as under CPU and disk load.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { simulate, ROOM, type Ev } from '../helpers/sim.js'

// an evening of check-ins, each answered at once; then the morning of the 1st on its own data
const evening: Ev[] = [
  { at: '2026-11-30T20:03:17+08:00', room: ROOM, from: '王建国', text: '打卡 学习《党章》 30分钟' },
  { at: '2026-11-30T20:21:05+08:00', room: ROOM, from: '刘洋', text: '打卡 学习习近平新时代中国特色社会主义思想 45分钟' },
  { at: '2026-11-30T21:00:00+08:00', room: ROOM, from: '赵静', text: '今天学习了《党章》第一章，40分钟，打卡' },
  // the next event 20 minutes later: a reply that waited on the disk must not slip to its time
  { at: '2026-11-30T21:20:00+08:00', room: ROOM, from: '黄磊', text: '打卡 20分钟' },
  { at: '2026-11-30T21:20:30+08:00', room: ROOM, from: '周立新', text: '@支部助手 #月报' },
]
const eveningOpts = { until: '2026-11-30T21:40:00+08:00' }
const morning: Ev[] = [{ at: '2026-12-01T08:50:09+08:00', room: ROOM, from: '王建国', text: '打卡 学习《党章》 15分钟' }]
const morningOpts = { from: '2026-12-01T08:40:00+08:00', until: '2026-12-01T09:40:00+08:00' }

function slowly<T>(ms: number, f: () => T): T {
  process.env.ZHIBU_SIM_SLOW_FSYNC_MS = String(ms)
  try {
    return f()
  } finally {
    delete process.env.ZHIBU_SIM_SLOW_FSYNC_MS
  }
}

test('with every fsync taking 300 ms, each reply carries its message\'s time, to the second', () => {
  const { sent } = slowly(300, () => simulate(evening, eveningOpts))
  for (const ev of evening.slice(0, 4)) {
    const ack = sent.find((s) => s.text?.startsWith(`${ev.from} 已打卡`))
    assert.equal(ack?.at, ev.at, `${ev.from}'s check-in acknowledgement`)
  }
  const onDemand = sent.filter((s) => s.to.room && /2026年10月工作小结/.test(s.text ?? ''))
  // the group's copy is a durable notice: it leaves once on disk, a second or two after the request
  // (paced behind the Word file sent to the secretary), the same on a fast and on a slow disk
  assert.equal(onDemand.length, 1)
  assert.ok(onDemand[0]!.at >= '2026-11-30T21:20:30+08:00' && onDemand[0]!.at <= '2026-11-30T21:20:35+08:00', onDemand[0]!.at)
  assert.deepEqual(sent.filter((s) => s.at > '2026-11-30T21:21'), [])
  assert.deepEqual(sent, simulate(evening, eveningOpts).sent) // and exactly what a fast machine says
})

test('with every fsync taking 300 ms, the monthly summary goes out at 09:00 on the 1st', () => {
  const { sent } = slowly(300, () => simulate(morning, morningOpts))
  assert.equal(sent.find((s) => s.text?.startsWith('王建国 已打卡'))?.at, '2026-12-01T08:50:09+08:00')
  const summary = sent.filter((s) => /2026年11月工作小结/.test(s.text ?? ''))
  assert.deepEqual(summary.map((s) => [s.to.room, s.at.slice(0, 16)]), [[ROOM, '2026-12-01T09:00']])
  assert.ok(sent.some((s) => s.file === '2026-11学习打卡统计.png' && s.at.startsWith('2026-12-01T09:00')))
  // the whole 09:00 burst stays in its minute: nothing slipped to the next quarter-hour job
  assert.deepEqual(sent.filter((s) => s.at >= '2026-12-01T09:01'), [])
})
