// Crashes: `zhibu-bot simulate` is killed (SIGKILL) at random moments, 50 times, over one data
// folder, and restarted on the same transcript each time — so every message before the crash comes
// again, as WeChat redelivers after a reconnect, and the simulated clock replays the same days.
// After each crash: every data file parses, no record is duplicated, every check-in the bot
// acknowledged (in any run so far) is in the records. Over all runs: no reminder, notice or summary
// went out twice, and no check-in was acknowledged twice. A last run to completion leaves exactly
// one check-in per check-in message of the transcript, the same records as a bot that never crashed.
//
// The kill moments come from a seeded PRNG; the seed is printed. To reproduce a failure:
//   CRASH_SEED=<seed> node --import tsx --test test/reliability/crash.e2e.test.ts
// CRASH_RUNS=<n> runs fewer crashes (quicker, for a local check).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { EXAMPLE, ROOM, ROOT, exportJson, tmpDir, type Ev, type Sent } from '../helpers/sim.js'

const CLI = path.join(ROOT, 'src/cli.ts')
const RUNS = Number(process.env.CRASH_RUNS ?? 50)
const SEED = Number(process.env.CRASH_SEED ?? (Date.now() % 2 ** 31))

function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

// ------------------------------------------------------------------ the transcript

const CHECKERS = ['王建国', '刘洋', '张伟', '黄磊', '吴芳', '李红梅', '陈明', '赵静']
const STUDY = [
  '打卡 学习党章 30分钟', '打卡 学习《中国共产党章程》 40分钟', '打卡 学习《条例》第三章 25分钟', '打卡 观看专题片 1小时',
  '打卡 研读理论文章 半小时', '打卡 学习强国 阅读文章 20分钟', '打卡 学习《党员教育管理工作条例》 45分钟', '打卡 学习党史 50分钟',
  '【打卡】学习二十大报告 35分钟', '打卡 学习党章第一章 15分钟',
]
const at = (day: string, minute: number) => new Date(Date.parse(`${day}T00:00:00+08:00`) + minute * 60_000).toISOString()

/**
 * 29 Oct – 2 Nov 2026: daily check-ins 08:30–20:00 (sometimes two a day), two announced meetings
 * (day-before and hour-before reminders, a follow-up for the unreported one), two meeting reports,
 * a 接龙, redelivered messages (minutes to four days later: after the 3-day dedupe window); on the
 * 30th the month's last deadline reminders, on 1 Nov the October summary, on 2 Nov overdue notices.
 */
function transcript(): { events: Ev[]; checkinIds: Set<string> } {
  const rnd = prng(20261029)
  const events: Ev[] = []
  let n = 0
  for (const day of ['2026-10-29', '2026-10-30', '2026-10-31', '2026-11-01', '2026-11-02']) {
    const last = day === '2026-11-02' ? 10 * 60 : 20 * 60
    for (const from of CHECKERS) {
      if (rnd() < 0.2) continue
      const times = rnd() < 0.15 ? 2 : 1
      for (let k = 0; k < times; k++) {
        const m = 8 * 60 + 30 + Math.floor(rnd() * (last - 8 * 60 - 30))
        events.push({ at: at(day, m + rnd()), room: ROOM, from, text: STUDY[Math.floor(rnd() * STUDY.length)]!, id: `c${++n}` })
      }
    }
  }
  const checkinIds = new Set(events.map((e) => e.id!))
  events.push(
    { at: '2026-10-29T08:40:00+08:00', room: ROOM, from: '周立新', text: '#预告 支委会 10月30日14:30 三楼会议室', id: 'a1' },
    { at: '2026-10-29T10:00:00+08:00', room: ROOM, from: '陈明', text: '#预告 第一党小组 党小组会 10月31日晚上7点 会议室', id: 'a2' },
    { at: '2026-10-29T21:00:00+08:00', room: ROOM, from: '赵静', text: '今晚第二党小组召开了党小组会，学习《条例》，全体党员参加', id: 'm1' },
    { at: '2026-10-30T18:00:00+08:00', room: ROOM, from: '周立新', text: '#活动 10月30日下午 支委会 讨论发展党员工作 应到5人 实到5人', id: 'm2' },
    { at: '2026-10-31T10:00:00+08:00', room: ROOM, from: '王建国', text: '#接龙 10月31日学习\n\n1. 王建国 学习党章 30分钟', id: 'j1' },
    { at: '2026-10-31T10:20:00+08:00', room: ROOM, from: '刘洋', text: '#接龙 10月31日学习\n\n1. 王建国 学习党章 30分钟\n2. 刘洋 学习《条例》 20分钟', id: 'j2' },
  )
  checkinIds.add('j1').add('j2')
  // redeliveries: the same id again, later
  const originals = events.filter((e) => e.id!.startsWith('c'))
  for (const [i, delay] of [[0, 5], [3, 120], [7, 24 * 60], [1, 4 * 24 * 60], [12, 30], [20, 3 * 24 * 60]] as const) {
    const e = originals[i]!
    const later = Date.parse(e.at) + delay * 60_000
    if (later < Date.parse('2026-11-02T10:00:00+08:00')) events.push({ ...e, at: new Date(later).toISOString() })
  }
  events.push({ ...events.find((e) => e.id === 'm2')!, at: '2026-10-31T08:30:00+08:00' })
  events.push({ ...events.find((e) => e.id === 'j2')!, at: '2026-10-31T11:20:00+08:00' })
  events.push({ at: '2026-11-02T10:30:00+08:00', room: ROOM, from: '王建国', text: '好的', id: 'end' })
  events.sort((a, b) => a.at.localeCompare(b.at))
  return { events, checkinIds }
}

// ------------------------------------------------------------------ running and killing the bot

interface Run { sent: Sent[]; ms: number; code: number | null; signal: string | null; stderr: string; firstOutMs: number | null; torn: number }

function run(transcriptFile: string, data: string, killAfterMs: number | null): Promise<Run> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now()
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'simulate', '--config', EXAMPLE, '--transcript', transcriptFile, '--data', data], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    let firstOutMs: number | null = null
    child.stdout.setEncoding('utf8').on('data', (s: string) => { firstOutMs ??= performance.now() - t0; out += s })
    child.stderr.setEncoding('utf8').on('data', (s: string) => { err += s })
    const kill = killAfterMs === null ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs)
    const guard = setTimeout(() => child.kill('SIGKILL'), 180_000) // a hung bot fails the test, never hangs it
    child.on('error', reject)
    child.on('close', (code, signal) => {
      if (kill) clearTimeout(kill)
      clearTimeout(guard)
      const lines = out.split('\n')
      const fragment = lines.pop() // a line the kill cut short: not counted as sent
      resolve({ sent: lines.filter(Boolean).map((l) => JSON.parse(l) as Sent), ms: performance.now() - t0, code, signal, stderr: err, firstOutMs, torn: fragment ? 1 : 0 })
    })
  })
}

// ------------------------------------------------------------------ reading the data folder as it is on disk

interface Rec { id: string; type: string; msgId: string; member?: string; date?: string | null; minutes?: number | null; [k: string]: unknown }
interface DataState { records: (Rec & { file: string })[]; problems: string[]; tmpFiles: string[]; tornJournalLines: number }

function walk(dir: string, rel = ''): string[] {
  const out: string[] = []
  if (!rel && !existsSync(dir)) return out // killed before the bot made its folder
  for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = path.join(rel, e.name)
    if (e.isDirectory()) out.push(...walk(dir, r))
    else out.push(r)
  }
  return out
}

/** What the records are, read the way the store reads them: a month's JSON file, then its journal replayed. */
function readData(dir: string): DataState {
  const problems: string[] = []
  const tmpFiles: string[] = []
  let tornJournalLines = 0
  const parts = new Map<string, { json: string | null; journal: string | null }>()
  for (const rel of walk(dir)) {
    const name = path.basename(rel)
    if (name.includes('.corrupt-')) problems.push(`${rel}: a data file was found unreadable and moved aside by the bot`)
    if (name.endsWith('.tmp')) { tmpFiles.push(rel); continue }
    if (name.endsWith('.json')) {
      try { JSON.parse(readFileSync(path.join(dir, rel), 'utf8')) } catch (e) { problems.push(`${rel} does not parse: ${(e as Error).message}`); continue }
    }
    if (name.endsWith('.jsonl')) {
      const text = readFileSync(path.join(dir, rel), 'utf8')
      const lines = text.split('\n')
      if (lines.pop()) tornJournalLines++ // an append the kill cut: the store cuts it on start, by design
      lines.forEach((l, i) => { if (l) try { JSON.parse(l) } catch { problems.push(`${rel}:${i + 1} does not parse`) } })
    }
    const m = /^(.+\/\d{4}-\d{2}(?:\.ledger)?\.json)(\.journal\.jsonl)?$/.exec(rel)
    if (m) {
      const p = parts.get(m[1]!) ?? { json: null, journal: null }
      if (m[2]) p.journal = rel
      else p.json = rel
      parts.set(m[1]!, p)
    }
  }
  const records: (Rec & { file: string })[] = []
  for (const [file, p] of parts) {
    const byId = new Map<string, Rec>()
    if (p.json) {
      try {
        const raw = (JSON.parse(readFileSync(path.join(dir, p.json), 'utf8')) as { records: Rec[] }).records
        for (const r of raw) {
          if (byId.has(r.id)) problems.push(`${p.json}: record ${r.id} is in the file twice`)
          byId.set(r.id, r)
        }
      } catch { /* reported above */ }
    }
    if (p.journal) {
      const lines = readFileSync(path.join(dir, p.journal), 'utf8').split('\n')
      lines.pop()
      for (const l of lines) {
        if (!l) continue
        try {
          const op = JSON.parse(l) as { put: Rec } | { del: string }
          if ('put' in op) byId.set(op.put.id, op.put)
          else byId.delete(op.del)
        } catch { /* reported above */ }
      }
    }
    for (const r of byId.values()) records.push({ ...r, file })
  }
  const seenId = new Map<string, string>()
  const seenMsg = new Map<string, string>()
  for (const r of records) {
    if (seenId.has(r.id)) problems.push(`record ${r.id} is both in ${seenId.get(r.id)} and in ${r.file}`)
    seenId.set(r.id, r.file)
    // one message makes one record of a kind (a 接龙's further lines get msgId#1, #2 …)
    const k = `${r.type} ${r.msgId}`
    if (seenMsg.has(k)) problems.push(`message ${r.msgId} made two ${r.type} records (${seenMsg.get(k)}, ${r.file}): a member would be credited twice`)
    seenMsg.set(k, r.file)
  }
  return { records, problems, tmpFiles, tornJournalLines }
}

// ------------------------------------------------------------------ what the bot said

const ACK_LINE = /^(\S+) 已打卡：今日(?:共 (\d+) 分钟|已记上)/
const isAck = (s: Sent) => !!s.text && s.text.split('\n').every((l) => ACK_LINE.test(l))
const isReply = (s: Sent) => !!s.text && /^(?:已记入台账|已登记会议预告)/.test(s.text)
const chat = (s: Sent) => (s.to.room ? `群「${s.to.room}」` : `私信「${s.to.contact}」`)
/** A scheduled message: to one chat, on one (simulated) day, with one heading — sent once at most. */
const noticeKey = (s: Sent) => `${chat(s)} ${s.at.slice(0, 10)} ${s.file ? `[文件] ${s.file}` : s.text!.split('\n')[0]}`

interface Ack { member: string; date: string; minutes: number | null; line: string }
const acksOf = (sent: Sent[]): Ack[] => sent.filter(isAck).flatMap((s) => s.text!.split('\n').map((line) => {
  const m = ACK_LINE.exec(line)!
  return { member: m[1]!, date: s.at.slice(0, 10), minutes: m[2] ? Number(m[2]) : null, line }
}))

function ackProblems(acks: Ack[], records: Rec[]): string[] {
  const out: string[] = []
  for (const a of acks) {
    const mine = records.filter((r) => r.type === 'checkin' && r.member === a.member && r.date === a.date)
    if (!mine.length) out.push(`${a.member} was told「${a.line}」on ${a.date}, but no check-in of theirs that day is in the records`)
    else if (a.minutes !== null && mine.reduce((n, r) => n + (r.minutes ?? 0), 0) < a.minutes) {
      out.push(`${a.member} was told「${a.line}」on ${a.date}, but the records of that day add up to fewer minutes`)
    }
  }
  return out
}

const checkinKey = (r: Rec) => `${r.member} ${r.date} ${r.minutes} ${String(r.msgId)}`

test(`crashes: SIGKILL at random moments, ${RUNS} times over one data folder, loses no acknowledged check-in and repeats nothing`, async (t) => {
  const work = tmpDir('zhibu-crash-')
  try {
    const { events, checkinIds } = transcript()
    const file = path.join(work, 'transcript.jsonl')
    writeFileSync(file, events.map((e) => JSON.stringify(e)).join('\n') + '\n')
    t.diagnostic(`seed ${SEED} (CRASH_SEED=${SEED} reproduces the kill moments); ${events.length} messages, ${checkinIds.size} check-in messages`)

    // a bot that never crashes: the reference, and how long a run takes on this machine
    const base = await run(file, path.join(work, 'reference'), null)
    assert.equal(base.code, 0, `simulate without crashes failed: ${base.stderr}`)
    const reference = readData(path.join(work, 'reference'))
    assert.deepEqual(reference.problems, [], 'the data folder of a bot that never crashed is sound')
    const baseNotices = base.sent.filter((s) => !isAck(s) && !isReply(s)).map(noticeKey)
    assert.equal(new Set(baseNotices).size, baseNotices.length, `without crashes each notice is sent once a day: ${baseNotices.join('\n')}`)
    assert.ok(baseNotices.some((k) => k.includes('三会一课”提醒')) && baseNotices.some((k) => k.includes('2026年10月工作小结')) && baseNotices.some((k) => k.includes('会议提醒')),
      `the transcript makes the bot send deadline reminders, meeting reminders and the October summary:\n${baseNotices.join('\n')}`)
    const startup = base.firstOutMs ?? base.ms / 2
    t.diagnostic(`an uninterrupted run takes ${Math.round(base.ms)} ms, of which ${Math.round(startup)} ms start-up; it sent ${base.sent.length} messages`)

    // kill moments: a fifth during start-up (loading the store, taking the lock), the rest spread
    // over the whole run in increasing order, so that each run gets a little further into messages
    // never processed before and is killed while it writes them. A run replays what earlier runs
    // processed faster than they did: the length of a whole run is re-measured whenever one finishes.
    const rnd = prng(SEED)
    const early = Math.round(RUNS / 5)
    const late = Array.from({ length: RUNS - early }, () => rnd()).sort((a, b) => a - b)
    const slots = Array.from({ length: RUNS }, (_, i) => i < early)
    for (let i = slots.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [slots[i], slots[j]] = [slots[j]!, slots[i]!] }
    const plan = slots.map((isEarly) => (isEarly ? { early: true, f: rnd() } : { early: false, f: late.shift()! }))
    let whole = base.ms

    const data = path.join(work, 'data')
    const acks: Ack[] = []
    const notices = new Map<string, number>()
    const ackLines = new Map<string, number>()
    const count = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1)
    const note = (all: Sent[]) => {
      for (const s of all) {
        if (isReply(s)) continue
        if (!isAck(s)) { count(notices, noticeKey(s)); continue }
        for (const a of acksOf([s])) { acks.push(a); count(ackLines, `${a.date} ${a.line}`) }
      }
    }
    // notices are at-least-once (README): the one a killed run was sending may not be marked done on
    // disk yet, and may go out once more after the restart. Only that one: a notice leaves after its
    // "add" is on disk, and the next after the last one's "done" is (test/foundation/outbox-kill-window)
    const mayRepeat = new Map<string, number>()
    let killed = 0
    let completed = 0
    let torn = 0
    let tornJournal = 0
    let tmp: string[] = []
    let spent = 0
    for (const [i, { early, f }] of plan.entries()) {
      const delay = Math.round(early ? f * startup : startup + f * Math.max(500, whole - startup))
      const r = await run(file, data, delay)
      spent += r.ms
      const where = `crash ${i + 1}/${RUNS} after ${delay} ms (seed ${SEED})`
      if (r.signal === 'SIGKILL') {
        killed++
        const lastNotice = r.sent.filter((x) => !isReply(x) && !isAck(x)).at(-1)
        if (lastNotice) count(mayRepeat, noticeKey(lastNotice))
      } else {
        assert.equal(r.code, 0, `${where}: the bot exited with ${r.code} before it was killed — a crash on restart? ${r.stderr.slice(-2000)}`)
        completed++
        whole = r.ms
      }
      torn += r.torn
      note(r.sent)
      const d = readData(data)
      tornJournal += d.tornJournalLines
      tmp = d.tmpFiles
      assert.deepEqual(d.problems, [], `${where}: the data folder ${data} is damaged`)
      assert.deepEqual(ackProblems(acks, d.records), [], `${where}: a check-in the bot acknowledged is not in the records`)
      const repeated = [...notices].filter(([k, n]) => n > 1 + (mayRepeat.get(k) ?? 0)).map(([k, n]) => `${n}× ${k}`)
      assert.deepEqual(repeated, [], `${where}: a reminder, notice or summary went out more than once`)
      const reAcked = [...ackLines].filter(([, n]) => n > 1).map(([k, n]) => `${n}× ${k}`)
      assert.deepEqual(reAcked, [], `${where}: a check-in was acknowledged twice`)
    }
    t.diagnostic(`${RUNS} crash runs took ${Math.round(spent / 1000)} s (${Math.round(spent / RUNS)} ms each on average); ${killed} killed, ${completed} finished before their kill moment; ` +
      `${acks.length} check-ins acknowledged, ${[...notices.keys()].length} notices sent; ${torn} stdout lines cut by a kill, ${tornJournal} torn journal tails seen, ${tmp.length} temp files left behind by kills${tmp.length ? ` (${tmp.join(', ')})` : ''}`)

    // one more run, to the end: exactly one check-in per check-in message, the same as without crashes
    const last = await run(file, data, null)
    assert.equal(last.code, 0, `the run after the crashes failed: ${last.stderr}`)
    note(last.sent)
    const final = readData(data)
    assert.deepEqual(final.problems, [], `after the last run the data folder is damaged`)
    assert.deepEqual(final.tmpFiles, [], 'temp files a kill left behind are cleared at the next start')
    assert.deepEqual(ackProblems(acks, final.records), [], 'after the last run a check-in the bot acknowledged is not in the records')
    assert.deepEqual([...notices].filter(([k, n]) => n > 1 + (mayRepeat.get(k) ?? 0)).map(([k, n]) => `${n}× ${k}`), [], 'no reminder, notice or summary went out twice, but the one a kill interrupted')
    const checkins = final.records.filter((r) => r.type === 'checkin')
    assert.deepEqual(checkins.map((r) => r.msgId).sort(), [...checkinIds].sort(), 'exactly one check-in record per check-in message of the transcript')
    assert.deepEqual(checkins.map(checkinKey).sort(), reference.records.filter((r) => r.type === 'checkin').map(checkinKey).sort(), 'the same check-ins as a bot that never crashed')
    const ledger = (rs: Rec[]) => rs.filter((r) => r.type !== 'checkin').map((r) => `${r.type} ${r.msgId} ${r.date}`).sort()
    assert.deepEqual(ledger(final.records), ledger(reference.records), 'the same meetings and announcements in the ledger as a bot that never crashed')
    // everything the crashing bot sent on its own is something the bot that never crashed sends too
    const unexpected = [...notices.keys()].filter((k) => !baseNotices.includes(k))
    assert.deepEqual(unexpected, [], 'notices that a bot without crashes would not have sent')
    // at most once: a notice marked sent and then killed before it went out is not sent again
    const lost = baseNotices.filter((k) => !notices.has(k))
    t.diagnostic(`${lost.length} of ${baseNotices.length} notices never went out (marked sent, then the bot was killed before sending)${lost.length ? ': ' + lost.map((k) => k.slice(0, 70)).join(' | ') : ''}`)
    // the bot's own reading of the folder agrees with ours
    assert.equal(exportJson(data).length, final.records.length, '`zhibu-bot export` lists every record in the data folder, once')
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
})
