import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { chmodSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync, existsSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { RecordStore } from '../../src/store/records.js'
import { DamagedDataError, salvageMonth } from '../../src/store/json-file.js'
import { SeenIndex } from '../../src/store/seen.js'
import { lockDataDir, LockError } from '../../src/store/lock.js'
import type { CheckinRecord } from '../../src/domain/types.js'

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'zhibu-store-'))
const rec = (i: number, date = '2026-11-03', branch = 'b1'): CheckinRecord => ({
  type: 'checkin', id: `r${i}`, branch, msgId: `m${i}`, at: `${date}T08:00:00+08:00`, text: '打卡', member: '张三',
  date, minutes: 30, points: null, content: '', titles: [], backfill: false,
})

test('records go to one file per branch per month, on disk, owner-only', async () => {
  const dir = tmp()
  const s = new RecordStore(dir)
  await Promise.all([s.add(rec(1)), s.add(rec(2, '2026-10-31')), s.add(rec(3, '2026-11-04', 'b2'))])
  // durable at once in the month's journal; folded into plain JSON when the bot stops
  assert.equal(JSON.parse(readFileSync(path.join(dir, 'b1', '2026-11.json.journal.jsonl'), 'utf8')).put.id, 'r1')
  await s.fold()
  const nov = JSON.parse(readFileSync(path.join(dir, 'b1', '2026-11.json'), 'utf8'))
  assert.deepEqual(nov.records.map((r: CheckinRecord) => r.id), ['r1'])
  assert.ok(existsSync(path.join(dir, 'b1', '2026-10.json')))
  assert.ok(existsSync(path.join(dir, 'b2', '2026-11.json')))
  assert.equal(statSync(path.join(dir, 'b1', '2026-11.json')).mode & 0o077, 0)
  assert.equal(statSync(dir).mode & 0o077, 0)
  // a fresh store reads it back (not memory: NODE_ENV=test must not switch lowdb to memory)
  const again = new RecordStore(dir)
  assert.equal((await again.month('b1', '2026-11')).length, 1)
  assert.deepEqual(await again.monthsOnDisk('b1'), ['2026-10', '2026-11'])
})

test('a burst of adds shares writes (group commit) and keeps every record', async () => {
  const dir = tmp()
  const s = new RecordStore(dir)
  await Promise.all(Array.from({ length: 200 }, (_, i) => s.add(rec(i))))
  const again = new RecordStore(dir)
  assert.equal((await again.month('b1', '2026-11')).length, 200)
})

test('a corrupt month file: its damaged original is kept beside, what is complete salvaged, and the rest keeps working', async () => {
  const dir = tmp()
  const s = new RecordStore(dir)
  await s.add(rec(1, '2026-10-03'))
  const damaged = '{"records":[{"type":"chec'
  writeFileSync(path.join(dir, 'b1', '2026-11.json'), damaged)
  const logged: string[] = []
  const s2 = new RecordStore(dir, (file, kept) => logged.push(`${file} -> ${kept}`))
  assert.deepEqual(await s2.month('b1', '2026-11'), [])
  assert.equal(logged.length, 1)
  const kept = readdirSync(path.join(dir, 'b1')).filter((f) => f.startsWith('2026-11.json.damaged-'))
  assert.equal(kept.length, 1)
  assert.equal(readFileSync(path.join(dir, 'b1', kept[0]!), 'utf8'), damaged)
  assert.equal((await s2.month('b1', '2026-10')).length, 1)
  await s2.add(rec(2))
  assert.equal((await new RecordStore(dir).month('b1', '2026-11')).length, 1)
})

test('salvage: a month file cut anywhere gives back every record that was complete before the cut', async () => {
  const recs = Array.from({ length: 12 }, (_, i) => ({ ...rec(i), text: `打卡 {"type":"x"} 第${i}条 "引号" \\ ]}` }))
  const whole = JSON.stringify({ records: recs, applied: ['u1', 'u2'] })
  await fc.assert(fc.property(fc.integer({ min: 0, max: whole.length - 1 }), (cut) => {
    const got = salvageMonth(whole.slice(0, cut)).data.records.map((r) => r.id)
    const complete = recs.filter((r) => whole.indexOf(JSON.stringify(r)) + JSON.stringify(r).length <= cut).map((r) => r.id)
    assert.deepEqual(got, complete)
  }))
  // damage in the middle loses only the record it hits
  const mid = whole.indexOf('"id":"r5"')
  const hit = salvageMonth(whole.slice(0, mid) + '\u0000\u0000' + whole.slice(mid + 2))
  assert.deepEqual(hit.data.records.map((r) => r.id), recs.map((r) => r.id).filter((id) => id !== 'r5'))
  assert.equal(hit.lost, 1)
})

test('a read-only store never repairs, moves or truncates a file: it refuses with the file named', async () => {
  const dir = tmp()
  const s = new RecordStore(dir)
  await s.add(rec(1))
  await s.add(rec(2))
  const j = path.join(dir, 'b1', '2026-11.json.journal.jsonl')
  const torn = readFileSync(j, 'utf8') + '{"put":{"ty'
  writeFileSync(j, torn)
  // a torn last line (never acknowledged) is no damage: ignored, and left as it is
  assert.equal((await new RecordStore(dir, undefined, { readOnly: true }).month('b1', '2026-11')).length, 2)
  assert.equal(readFileSync(j, 'utf8'), torn)
  writeFileSync(j, torn.replace('"r1"', '"r1').replace('{"put":{"ty', ''))
  await assert.rejects(new RecordStore(dir, undefined, { readOnly: true }).month('b1', '2026-11'), (e: Error) => e instanceof DamagedDataError && /journal\.jsonl 已损坏/.test(e.message))
  assert.deepEqual(readdirSync(path.join(dir, 'b1')).sort(), ['2026-11.json.journal.jsonl'])
})

test('an undo carrying its message id is one durable step: replayed, it removes nothing more', async () => {
  const dir = tmp()
  const s = new RecordStore(dir)
  for (const i of [1, 2, 3]) await s.add(rec(i))
  assert.equal(await s.remove(rec(3), { byMsg: 'undo1' }), true)
  // the same undo again (a redelivery that found another record to remove), even after a restart
  const s2 = new RecordStore(dir)
  assert.equal(await s2.remove(rec(2), { byMsg: 'undo1' }), false)
  await s2.fold()
  const s3 = new RecordStore(dir)
  assert.equal(await s3.remove(rec(1), { byMsg: 'undo1' }), false)
  assert.deepEqual((await s3.month('b1', '2026-11')).map((r) => r.id), ['r1', 'r2'])
  // the undone record's own message is still known: redelivered, it does not come back
  assert.equal(await s3.hasMessage('b1', '2026-11', 'checkin', 'm3'), true)
  // a photo attached by message p1: attached once
  const withPhoto = { ...rec(1), text: 'x' }
  assert.equal(await s3.update(rec(1), withPhoto, { byMsg: 'p1' }), true)
  assert.equal(await s3.update(withPhoto, { ...withPhoto, text: 'xx' }, { byMsg: 'p1' }), false)
  assert.equal((await new RecordStore(dir).month('b1', '2026-11')).find((r) => r.id === 'r1')!.text, 'x')
})

test('a read-only data folder makes the write fail loudly and keeps nothing in memory', { skip: process.getuid?.() === 0 ? 'root ignores permissions' : false }, async () => {
  const dir = tmp()
  const s = new RecordStore(dir)
  await s.add(rec(1))
  chmodSync(path.join(dir, 'b1'), 0o500)
  await assert.rejects(s.add(rec(2)))
  assert.equal((await s.month('b1', '2026-11')).length, 1)
  chmodSync(path.join(dir, 'b1'), 0o700)
})

test('a failed write rejects and rolls back (simulated full disk)', async () => {
  const dir = tmp()
  const s = new RecordStore(dir)
  await s.add(rec(1))
  // replace the month file's folder by a file: every write to it now fails, as on a full disk
  const { rmSync } = await import('node:fs')
  rmSync(path.join(dir, 'b1'), { recursive: true })
  writeFileSync(path.join(dir, 'b1'), 'not a folder')
  await assert.rejects(s.add(rec(2)))
  assert.deepEqual((await s.month('b1', '2026-11')).map((r) => r.id), ['r1'])
})

test('a second bot on the same data folder is refused, naming the holder', async () => {
  const dir = tmp()
  const child = spawn(process.execPath, ['-e', `setTimeout(()=>{}, 20000)`])
  writeFileSync(path.join(dir, '.lock'), JSON.stringify({ pid: child.pid, host: os.hostname(), startedAt: 'x', command: 'zhibu-bot start' }))
  try {
    assert.throws(() => lockDataDir(dir), (e: unknown) => e instanceof LockError && e.message.includes(String(child.pid)))
  } finally {
    child.kill('SIGKILL')
  }
  await new Promise((r) => child.once('exit', r))
  const release = lockDataDir(dir) // stale lock of a dead process is taken over
  release()
})

test('the seen index survives a restart and forgets old days', () => {
  const dir = tmp()
  const now = new Date('2026-11-03T08:00:00+08:00')
  const a = new SeenIndex(dir, 3, now)
  return a.mark('m1', now).then(async () => {
    assert.ok(new SeenIndex(dir, 3, now).has('m1'))
    assert.ok(!new SeenIndex(dir, 3, new Date('2026-11-10T08:00:00+08:00')).has('m1'))
  })
})

test('SIGKILL mid-write, many times: every file parses and every acknowledged record is there', async () => {
  const dir = tmp()
  const writer = fileURLToPath(new URL('../fixtures/writer.ts', import.meta.url))
  const acked = new Set<string>()
  for (let round = 0; round < 25; round++) {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, dir, `k${round}`], { stdio: ['ignore', 'pipe', 'inherit'] })
    let buf = ''
    const started = new Promise<void>((r) => child.stdout.once('data', () => r()))
    child.stdout.on('data', (d) => { buf += d })
    await started
    await new Promise((r) => setTimeout(r, 20 + Math.random() * 150))
    child.kill('SIGKILL')
    await new Promise((r) => child.once('exit', r))
    for (const id of buf.split('\n').slice(0, -1)) acked.add(id)
  }
  const ids = new Set<string>()
  const store = new RecordStore(dir)
  for (const b of ['a', 'b']) {
    for (const f of readdirSync(path.join(dir, b))) {
      const text = readFileSync(path.join(dir, b, f), 'utf8')
      if (/^\d{4}-\d{2}\.json$/.test(f)) JSON.parse(text) // must parse
      // journal: every line parses but a torn last one (a write the kill cut, never acknowledged)
      if (f.endsWith('.journal.jsonl')) text.split('\n').slice(0, -2).forEach((l) => l && JSON.parse(l))
    }
    for (const m of await store.monthsOnDisk(b)) for (const r of await store.month(b, m)) {
      assert.ok(!ids.has(r.id), `duplicate ${r.id}`)
      ids.add(r.id)
    }
  }
  assert.ok(acked.size > 25)
  for (const id of acked) assert.ok(ids.has(id), `acknowledged ${id} lost`)
})
