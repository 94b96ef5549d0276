// Photos held for a report that may follow belong to one running bot: two bots in one process
// (tests, simulate, bench) never hand each other's members' photos over.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { App, MsgContext } from '../../src/bot/app.js'
import { holdPhoto, takeHeldPhotos, unholdPhoto } from '../../src/bot/photo-hold.js'

const ctx = (at: string) => ({ at: new Date(at), branch: { id: 'b1' }, member: { name: '王建国' } }) as unknown as MsgContext
const file = (s: string) => async () => ({ name: `${s}.jpg`, data: Buffer.from(s) })

test('a photo held by one bot is not taken by another, and is taken once', async () => {
  const a = {} as App
  const b = {} as App
  await holdPhoto(a, ctx('2026-11-17T10:00:00+08:00'), 600_000, file('a'))
  assert.deepEqual(takeHeldPhotos(b, ctx('2026-11-17T10:01:00+08:00'), 600_000), [])
  assert.deepEqual(takeHeldPhotos(a, ctx('2026-11-17T10:01:00+08:00'), 600_000).map((f) => f.name), ['a.jpg'])
  assert.deepEqual(takeHeldPhotos(a, ctx('2026-11-17T10:02:00+08:00'), 600_000), [])
})

test('past the window, or let go as a study screen, a held photo is no report\'s', async () => {
  const a = {} as App
  await holdPhoto(a, ctx('2026-11-17T10:00:00+08:00'), 600_000, file('old'))
  assert.deepEqual(takeHeldPhotos(a, ctx('2026-11-17T10:20:00+08:00'), 600_000), [])
  await holdPhoto(a, ctx('2026-11-17T11:00:00+08:00'), 600_000, file('screen'))
  unholdPhoto(a, ctx('2026-11-17T11:00:00+08:00'))
  assert.deepEqual(takeHeldPhotos(a, ctx('2026-11-17T11:01:00+08:00'), 600_000), [])
})
