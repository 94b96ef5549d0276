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
