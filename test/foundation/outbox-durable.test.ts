// The durable outbox: notices survive a stop, go out after the restart at least once, and a dedupe
// key keeps a notice queued again (a job re-run after a crash) from going out twice.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Outbox, type OutMessage } from '../../src/bot/outbox.js'
import type { BotSettings } from '../../src/domain/types.js'

const settings: BotSettings = {
  name: '支部助手', quietHours: { start: '22:00', end: '08:00' },
  outbox: { minGapMs: 0, sameChatGapMs: 0, perMinute: 1000, mergeWindowMs: 0 }, dedupeDays: 3, dataDir: 'data',
}
const now = () => new Date('2026-12-01T09:00:00+08:00')
const notice = (i: number, extra: Partial<OutMessage> = {}): OutMessage => ({ to: { contact: `书记${i}` }, text: `通知 ${i}`, kind: 'notice', ...extra })

test('notices not delivered before a stop go out after the restart; each key once', async () => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'zhibu-outbox-')), 'outbox.jsonl')
  // first life: the network is down, nothing leaves
  const dead = new Outbox(() => new Promise(() => {}), settings, now)
  dead.persistTo(file)
  dead.enqueue(notice(1, { key: 'k1' }))
  dead.enqueue(notice(2, { key: 'k2', file: { name: '小结.docx', data: Buffer.from([0, 1, 2, 255]) } }))
  dead.enqueue(notice(1, { key: 'k1' })) // queued again by a job that ran again: refused
  await dead.persisted()
  dead.stop()
  assert.equal(readFileSync(file, 'utf8').split('\n').filter((l) => l.includes('"add"')).length, 2)
  // second life: they go out, files byte for byte
  const got: OutMessage[] = []
  const box = new Outbox(async (m) => { got.push(m) }, settings, now)
  assert.equal(box.persistTo(file), 2)
  box.enqueue(notice(1, { key: 'k1' })) // the job re-runs on start-up: still refused
  box.resume()
  await box.idle()
  await box.drain(0)
  assert.deepEqual(got.map((m) => m.text), ['通知 1', '通知 2'])
  assert.deepEqual([...got[1]!.file!.data], [0, 1, 2, 255])
  // third life: nothing left, and the keys lately sent are still refused
  const sent: OutMessage[] = []
  const third = new Outbox(async (m) => { sent.push(m) }, settings, now)
  assert.equal(third.persistTo(file), 0)
  third.resume()
  third.enqueue(notice(1, { key: 'k1' }))
  third.enqueue(notice(3, { key: 'k3' }))
  await third.idle()
  assert.deepEqual(sent.map((m) => m.text), ['通知 3'])
})

test('drain lets the queue send for a while on stop, and returns when it is empty', async () => {
  const got: string[] = []
  const box = new Outbox(async (m) => { await new Promise((r) => setTimeout(r, 20)); got.push(m.text!) }, settings, now)
  for (let i = 0; i < 5; i++) box.enqueue({ to: { contact: `p${i}` }, text: `r${i}`, kind: 'reply' })
  await box.drain(5000)
  assert.equal(got.length, 5)
  // and gives up after its time when sending hangs
  const stuck = new Outbox(() => new Promise(() => {}), settings, now)
  stuck.enqueue(notice(9))
  const t = Date.now()
  await stuck.drain(300)
  assert.ok(Date.now() - t < 3000)
  stuck.stop()
})
