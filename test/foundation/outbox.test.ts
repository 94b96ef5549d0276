import { test } from 'node:test'
import assert from 'node:assert/strict'
import FakeTimers from '@sinonjs/fake-timers'
import { Outbox, type OutMessage, type SentMessage } from '../../src/bot/outbox.js'
import type { BotSettings } from '../../src/domain/types.js'

const settings: BotSettings = {
  name: '支部助手', quietHours: { start: '22:00', end: '08:00' },
  outbox: { minGapMs: 1000, sameChatGapMs: 3000, perMinute: 40, mergeWindowMs: 60_000 }, dedupeDays: 3, dataDir: 'data',
}

function setup(start: string, fail = 0) {
  const clock = FakeTimers.withGlobal(globalThis).install({ now: new Date(start).getTime(), toFake: ['Date', 'setTimeout', 'clearTimeout'] })
  const sent: SentMessage[] = []
  let failures = fail
  const box = new Outbox(async () => { if (failures-- > 0) throw new Error('network') }, settings, () => new Date(Date.now()))
  box.on('sent', (m) => sent.push(m))
  return { clock, box, sent }
}

test('never more than 40 sends in any minute, 1 s apart, 3 s within a chat', async () => {
  const { clock, box, sent } = setup('2026-11-03T10:00:00+08:00')
  try {
    for (let i = 0; i < 120; i++) box.enqueue({ to: { contact: `p${i % 60}` }, text: `x${i}`, kind: 'reply' })
    await clock.tickAsync(10 * 60_000)
    assert.equal(sent.length, 120)
    const t = sent.map((s) => s.at.getTime())
    for (let i = 0; i < t.length; i++) assert.ok(t.filter((x) => x >= t[i]! && x < t[i]! + 60_000).length <= 40)
    for (let i = 1; i < t.length; i++) assert.ok(t[i]! - t[i - 1]! >= 1000)
    // order kept within a chat
    const p0 = sent.filter((s) => s.to.contact === 'p0').map((s) => s.text)
    assert.deepEqual(p0, ['x0', 'x60'])
  } finally { clock.uninstall() }
})

test('queued acknowledgements to one group merge into one message per minute', async () => {
  const { clock, box, sent } = setup('2026-11-03T10:00:00+08:00')
  try {
    const ack = (t: string): OutMessage => ({ to: { room: 'g' }, text: t, kind: 'ack' })
    box.enqueue(ack('A 已打卡'))
    await clock.tickAsync(100)
    box.enqueue(ack('B 已打卡'))
    box.enqueue(ack('C 已打卡'))
    await clock.tickAsync(120_000)
    assert.deepEqual(sent.map((s) => s.text), ['A 已打卡', 'B 已打卡\nC 已打卡'])
    assert.ok(sent[1]!.at.getTime() - sent[0]!.at.getTime() >= 60_000)
  } finally { clock.uninstall() }
})

test('notices wait for the end of quiet hours; direct answers do not', async () => {
  const { clock, box, sent } = setup('2026-11-03T23:00:00+08:00')
  try {
    box.enqueue({ to: { room: 'g' }, text: 'notice', kind: 'notice' })
    box.enqueue({ to: { contact: 'p' }, text: 'answer', kind: 'reply' })
    await clock.tickAsync(10 * 3600_000)
    assert.equal(sent[0]!.text, 'answer')
    assert.equal(sent[1]!.text, 'notice')
    assert.equal(sent[1]!.at.toISOString(), new Date('2026-11-04T08:00:00+08:00').toISOString())
  } finally { clock.uninstall() }
})

test('a failed send is retried with back-off', async () => {
  const { clock, box, sent } = setup('2026-11-03T10:00:00+08:00', 2)
  try {
    box.enqueue({ to: { room: 'g' }, text: 'hello', kind: 'reply' })
    await clock.tickAsync(60_000)
    assert.equal(sent.length, 1)
    assert.ok(sent[0]!.at.getTime() - new Date('2026-11-03T10:00:00+08:00').getTime() >= 7000)
  } finally { clock.uninstall() }
})
