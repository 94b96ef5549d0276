// A stop that lands while the scheduler is still starting (catching up, saving its tick) must leave
// nothing armed: an armed timer keeps the process alive after the bot said it stopped.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { App } from '../../src/bot/app.js'
import type { Branch } from '../../src/domain/types.js'
import { Scheduler, type Job } from '../../src/schedule/scheduler.js'

function fakeApp(lastTick: number | null, onTick: () => Promise<void>): App {
  return {
    config: { branches: [{ id: 'b1', name: '第一党支部' } as Branch] },
    outbox: { resume() {} },
    now: () => new Date('2026-12-03T10:00:00+08:00'),
    state: { data: { lastTick }, setLastTick: onTick },
    log: { info() {}, warn() {}, error() {} },
  } as unknown as App
}

const daily = (name: string, ran: string[], wait?: Promise<void>): Job => ({
  name,
  when: () => [{ daily: '09:00' }],
  async run(_app, _b, at) { ran.push(`${name} ${at.toISOString()}`); await wait },
})

test('stopped while saving the first tick: no timer is armed', async () => {
  let release!: () => void
  const gate = new Promise<void>((r) => { release = r })
  const s = new Scheduler(fakeApp(null, () => gate), [daily('提醒', [])], (p) => p)
  const starting = s.start()
  await s.stop()
  release()
  await starting
  const armed = s.nextRuns()
  await s.stop() // a failing case must not hang the run
  assert.deepEqual(armed, [])
})

test('stopped during the catch-up: the rest is not run and nothing is armed', async () => {
  const ran: string[] = []
  let release!: () => void
  const gate = new Promise<void>((r) => { release = r })
  // down for three days: three 09:00 runs were missed
  const s = new Scheduler(fakeApp(Date.parse('2026-11-30T10:00:00+08:00'), async () => {}), [daily('提醒', ran, gate)], (p) => p)
  const starting = s.start()
  await new Promise((r) => setImmediate(r))
  await s.stop()
  release()
  await starting
  const armed = s.nextRuns()
  await s.stop()
  assert.equal(ran.length, 1)
  assert.deepEqual(armed, [])
})

test('not stopped: every job is armed after the catch-up', async () => {
  const ran: string[] = []
  const s = new Scheduler(fakeApp(Date.parse('2026-11-30T10:00:00+08:00'), async () => {}), [daily('提醒', ran)], (p) => p)
  await s.start()
  assert.equal(ran.length, 3)
  assert.equal(s.nextRuns().length, 1)
  await s.stop()
  assert.deepEqual(s.nextRuns(), [])
})
