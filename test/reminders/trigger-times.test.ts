// The scheduler's timer and the catch-up after downtime (instantsBetween) must agree on when a job is
// due: a reminder armed for 07:30 Shanghai that fired at 07:30 UTC, or on the wrong day of a month,
// would be missed by both. Driven through the real Scheduler on a fake clock, under machine time
// zones far from Shanghai.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import FakeTimers from '@sinonjs/fake-timers'
import type { App } from '../../src/bot/app.js'
import type { Branch } from '../../src/domain/types.js'
import { instantsBetween, nextInstant, Scheduler, type Job, type When } from '../../src/schedule/scheduler.js'

const hhmm = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`)
const when: fc.Arbitrary<When> = fc.oneof(
  hhmm.map((daily) => ({ daily })),
  fc.tuple(fc.integer({ min: 1, max: 28 }), hhmm).map(([day, time]) => ({ monthly: { day, time } })),
)
const start = fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })

function app(): App {
  return {
    config: { branches: [{ id: 'b1', name: '第一党支部' } as Branch, { id: 'b2', name: '第二党支部' } as Branch] },
    outbox: { resume() {} },
    now: () => new Date(),
    state: { data: { lastTick: null }, setLastTick: async () => {} },
    log: { info() {}, warn() {}, error() {} },
  } as unknown as App
}

for (const zone of ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Shanghai']) {
  test(`over 40 days, each job fires once at each instant the catch-up sees, for every branch (machine TZ ${zone})`, async () => {
    const saved = process.env.TZ
    process.env.TZ = zone
    try {
      await fc.assert(fc.asyncProperty(fc.array(when, { minLength: 1, maxLength: 3 }), start, async (ws, from) => {
        const clock = FakeTimers.install({ now: from, toFake: ['Date', 'setTimeout', 'clearTimeout'] })
        const fired: string[] = []
        try {
          const jobs: Job[] = ws.map((w, i) => ({ name: `j${i}`, when: () => [w], async run(_a, b, at) { fired.push(`${b.id} j${i} ${at.toISOString()}`) } }))
          const s = new Scheduler(app(), jobs, (p) => p)
          await s.start()
          await clock.tickAsync(40 * 86400_000)
          await s.stop()
        } finally {
          clock.uninstall()
        }
        const to = new Date(from.getTime() + 40 * 86400_000)
        const want = ['b1', 'b2'].flatMap((b) => ws.flatMap((w, i) => instantsBetween(w, from, to).map((at) => `${b} j${i} ${at.toISOString()}`)))
        assert.deepEqual(fired.slice().sort(), want.sort())
      }), { numRuns: 40 })
    } finally {
      if (saved === undefined) delete process.env.TZ
      else process.env.TZ = saved
    }
  })
}

test('an every-N-minutes job runs on the wall-clock beat', () => {
  assert.equal(nextInstant({ every: 15 }, new Date('2026-11-03T01:07:30Z'))?.toISOString(), '2026-11-03T01:15:00.000Z')
  assert.equal(nextInstant({ every: 15 }, new Date('2026-11-03T01:45:00Z'))?.toISOString(), '2026-11-03T02:00:00.000Z')
})

test('a machine that slept through a job runs it within the hour after it wakes, once', async () => {
  const from = new Date('2026-12-03T06:00:00+08:00')
  const clock = FakeTimers.install({ now: from, toFake: ['Date', 'setTimeout', 'clearTimeout'] })
  const fired: string[] = []
  try {
    const job: Job = { name: '提醒', when: () => [{ daily: '09:00' }], async run(_a, b, at) { fired.push(`${b.id} ${at.toISOString()}`) } }
    const s = new Scheduler(app(), [job], (p) => p)
    await s.start()
    await clock.tickAsync(30 * 60_000)
    // suspended from 06:30 to 10:00: the clock moves on, no timer runs meanwhile
    clock.setSystemTime(new Date('2026-12-03T10:00:00+08:00'))
    await clock.tickAsync(3600_000)
    await s.stop()
  } finally {
    clock.uninstall()
  }
  assert.equal(fired.length, 2) // both branches, once each, late but the same day
  for (const f of fired) {
    const at = Date.parse(f.split(' ')[1]!)
    assert.ok(at >= Date.parse('2026-12-03T10:00:00+08:00') && at <= Date.parse('2026-12-03T11:00:00+08:00'), f)
  }
})

test('a clock set back after the timer is armed runs the job once, at its time', async () => {
  const clock = FakeTimers.install({ now: new Date('2026-12-03T08:00:00+08:00'), toFake: ['Date', 'setTimeout', 'clearTimeout'] })
  const fired: string[] = []
  try {
    const job: Job = { name: '提醒', when: () => [{ daily: '09:00' }], async run(_a, b, at) { fired.push(`${b.id} ${at.toISOString()}`) } }
    const s = new Scheduler(app(), [job], (p) => p)
    await s.start()
    clock.setSystemTime(new Date('2026-12-03T06:00:00+08:00')) // set right by two hours, backwards
    await clock.tickAsync(5 * 3600_000)
    await s.stop()
  } finally {
    clock.uninstall()
  }
  assert.deepEqual(fired.sort(), ['b1 2026-12-03T01:00:00.000Z', 'b2 2026-12-03T01:00:00.000Z'])
})
