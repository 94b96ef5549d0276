// Fault injection for the durable outbox's windows a SIGKILL rarely hits (issue 14, part B).
// The promise: after a kill and a restart, at most the notice that was being sent goes out again.
// A kill is simulated by copying the queue file at a chosen instant (what the disk holds then) and
// starting a new Outbox over the copy (with the job queued again if it was not yet marked sent).
// Both tests fail on the code before the fix: notices left before their "add" was on disk and the
// next one left before the last "done" was (a kill in a burst repeated the whole burst: the job ran
// again and nothing on disk said what had gone out), and a notice split into pieces (over MAX_TEXT)
// was never marked done, so every restart sent it again.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync as readRaw, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { MAX_TEXT, Outbox, type OutMessage } from '../../src/bot/outbox.js'
import type { BotSettings } from '../../src/domain/types.js'

const settings: BotSettings = {
  name: '支部助手', quietHours: { start: '22:00', end: '08:00' },
  outbox: { minGapMs: 0, sameChatGapMs: 0, perMinute: 1000, mergeWindowMs: 0 }, dedupeDays: 3, dataDir: 'data',
}
const now = () => new Date('2026-12-01T09:00:00+08:00')
const notice = (i: number, extra: Partial<OutMessage> = {}): OutMessage => ({ to: { contact: `书记${i}` }, text: `通知 ${i}`, kind: 'notice', key: `k${i}`, ...extra })
/** the queue file as on disk now ('' before it exists: nothing is durable yet) */
const readFileSync = (f: string, _enc: 'utf8'): string => { try { return readRaw(f, 'utf8') } catch { return '' } }
const tmpFile = () => path.join(mkdtempSync(path.join(os.tmpdir(), 'zhibu-outbox-kill-')), 'outbox.jsonl')

/** What a new Outbox over this queue file sends: the restored notices, and `rerun` queued again. */
async function restartOver(text: string, rerun: OutMessage[] = []): Promise<string[]> {
  const file = tmpFile()
  writeFileSync(file, text)
  const got: string[] = []
  const box = new Outbox(async (m) => { got.push(m.key ?? '') }, settings, now)
  box.persistTo(file)
  for (const m of rerun) box.enqueue(m)
  box.resume()
  await box.idle()
  await box.drain(0)
  return got
}
const restoredFrom = (text: string) => restartOver(text)

test('killed while sending the 6th of a burst: after the restart only the 6th goes out again', { timeout: 10_000 }, async () => {
  const file = tmpFile()
  let atKill: string | null = null
  let markedSent = false
  let release!: () => void
  const hang = new Promise<void>((r) => { release = r })
  const box = new Outbox(async (m) => {
    if (m.key === 'k6') { atKill = readFileSync(file, 'utf8'); await hang }
  }, settings, now)
  box.persistTo(file)
  // as the scheduler's sendOnce does: queue, wait until on disk, then mark the job sent
  const burst = Array.from({ length: 6 }, (_, i) => notice(i + 1))
  for (const m of burst) box.enqueue(m)
  void box.persisted().then(() => { markedSent = true })
  while (atKill === null) await new Promise((r) => setTimeout(r, 5))
  // after the kill the job runs again unless it was marked sent; the dedupe keys refuse what is done
  const again = await restartOver(atKill, markedSent ? [] : burst)
  assert.deepEqual(again, ['k6'], 'notices 1–5 went out before the kill and are not sent again')
  release()
  await box.idle()
  await box.drain(0)
  assert.deepEqual(await restoredFrom(readFileSync(file, 'utf8')), [])
})

test('a notice longer than one message goes out in pieces, once, and is not sent again after a restart', { timeout: 10_000 }, async () => {
  const file = tmpFile()
  const long = Array.from({ length: 60 }, (_, i) => `第${i + 1}条：${'学习贯彻党的二十大精神'.repeat(4)}`).join('\n')
  assert.ok(long.length > 2 * MAX_TEXT)
  const sent: string[] = []
  let atSecond: string | null = null
  const box = new Outbox(async (m) => {
    if (sent.length === 1) atSecond = readFileSync(file, 'utf8')
    sent.push(m.text!)
  }, settings, now)
  box.persistTo(file)
  box.enqueue(notice(1, { text: long, to: { room: '机关第二党支部工作群' } }))
  box.enqueue(notice(1, { text: long, to: { room: '机关第二党支部工作群' } })) // a job that ran again
  await box.idle()
  await box.drain(0)
  assert.ok(sent.length >= 3 && sent.every((t) => t.length <= MAX_TEXT))
  assert.equal(sent.join('\n'), long, 'the pieces, in order, are the whole notice, once')
  assert.deepEqual(await restoredFrom(readFileSync(file, 'utf8')), [], 'a stop after it went out leaves nothing to resend')
  // killed after the first piece: only the pieces not yet sent go out again
  const again = await restoredFrom(atSecond!)
  assert.ok(again.length === sent.length - 1, `pieces 2.. are resent, not piece 1: ${again.join(',')}`)
})
