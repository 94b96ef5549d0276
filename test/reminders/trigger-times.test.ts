// The live trigger (croner) and the catch-up after downtime (instantsBetween) must agree on when a
// job is due: a reminder armed for 07:30 Shanghai that fired at 07:30 UTC, or on the wrong day of a
// month, would be missed by both. Checked under machine time zones far from Shanghai.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { instantsBetween, trigger, type When } from '../../src/schedule/scheduler.js'

const hhmm = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`)
const when: fc.Arbitrary<When> = fc.oneof(
  hhmm.map((daily) => ({ daily })),
  fc.tuple(fc.integer({ min: 1, max: 28 }), hhmm).map(([day, time]) => ({ monthly: { day, time } })),
)
const from = fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })

for (const zone of ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Shanghai']) {
  test(`the armed trigger's next run is the first due instant the catch-up sees (machine TZ ${zone})`, () => {
    const saved = process.env.TZ
    process.env.TZ = zone
    try {
      fc.assert(fc.property(when, from, (w, f) => {
        const want = instantsBetween(w, f, new Date(f.getTime() + 40 * 86400_000))[0]
        const got = trigger(w).nextRun(f)
        assert.equal(got?.toISOString(), want?.toISOString(), JSON.stringify(w))
      }), { numRuns: 400 })
    } finally {
      if (saved === undefined) delete process.env.TZ
      else process.env.TZ = saved
    }
  })
}

test('an every-N-minutes job runs on the wall-clock beat', () => {
  const next = trigger({ every: 15 }).nextRun(new Date('2026-11-03T01:07:30Z'))
  assert.equal(next?.toISOString(), '2026-11-03T01:15:00.000Z')
})
