// Faults a SIGKILL rarely hits, injected directly: the window between a message's effect and its
// seen-mark (reproduced by losing the seen index, which is what a kill in that window leaves behind),
// damaged data files, a damaged scheduler state, a stale lock whose PID was reused. Each case goes
// through the CLI, as the installer would meet it, and asserts what a secretary would check.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { EXAMPLE, ROOM, ROOT, exportJson, runCli, simulate, tmpDir, type Ev } from '../helpers/sim.js'

const loseSeen = (data: string) => rmSync(path.join(data, '_state', 'seen'), { recursive: true, force: true })
const ev = (at: string, from: string, text: string, id: string, extra: Partial<Ev> = {}): Ev => ({ at: `2026-11-${at}+08:00`, room: ROOM, from, text, id, ...extra })

test('撤销打卡 redelivered after a crash removes nothing more, and the undone check-in does not come back', () => {
  const data = path.join(tmpDir(), 'data')
  simulate([
    ev('18T09:00:00', '王建国', '打卡 学习党章 30分钟', 'c1'),
    ev('18T10:00:00', '王建国', '打卡 学习党史 20分钟', 'c2'),
    ev('18T11:00:00', '王建国', '撤销打卡', 'u1'),
  ], { data })
  assert.deepEqual(exportJson(data).filter((r) => r.type === 'checkin').map((r) => r.text), ['打卡 学习党章 30分钟'])
  // killed before the seen-mark: WeChat delivers the undo again, and the undone check-in too
  loseSeen(data)
  simulate([ev('18T11:05:00', '王建国', '撤销打卡', 'u1'), ev('18T11:06:00', '王建国', '打卡 学习党史 20分钟', 'c2')], { data })
  assert.deepEqual(exportJson(data).filter((r) => r.type === 'checkin').map((r) => r.text), ['打卡 学习党章 30分钟'], 'the acknowledged check-in survives')
})

test('#撤销活动 redelivered removes nothing more; a photo redelivered is attached once', () => {
  const data = path.join(tmpDir(), 'data')
  const events = [
    ev('18T18:00:00', '周立新', '#活动 11月18日下午 支委会 讨论发展党员工作 应到5人 实到5人', 'r1'),
    ev('20T18:00:00', '周立新', '#活动 11月20日 党课 学习党章 应到8人 实到8人', 'r2'),
    ev('20T18:03:00', '周立新', '', 'p1', { type: 'image' }),
    ev('20T18:30:00', '周立新', '#撤销活动', 'u2'),
    ev('20T19:00:00', '周立新', '#活动 11月20日 党课 学习党章 应到8人 实到7人', 'r3'),
    ev('20T19:02:00', '周立新', '', 'p2', { type: 'image' }),
  ]
  simulate(events, { data })
  const before = exportJson(data).filter((r) => r.type === 'activity')
  assert.deepEqual(before.map((r) => [r.kind, (r.photos as string[]).length]), [['支部委员会', 0], ['党课', 1]])
  loseSeen(data)
  simulate([
    ev('20T19:05:00', '周立新', '#撤销活动', 'u2'),
    ev('20T19:06:00', '周立新', '', 'p2', { type: 'image' }),
    ev('20T19:07:00', '周立新', '', 'p2', { type: 'image' }),
  ], { data })
  const after = exportJson(data).filter((r) => r.type === 'activity')
  assert.deepEqual(after.map((r) => [r.kind, r.attendees, (r.photos as string[]).length]), [['支部委员会', 5, 0], ['党课', 7, 1]])
  // and a whole replay of the day changes nothing
  loseSeen(data)
  simulate(events, { data })
  assert.deepEqual(exportJson(data).filter((r) => r.type === 'activity').map((r) => [r.kind, r.attendees, (r.photos as string[]).length]), [['支部委员会', 5, 0], ['党课', 7, 1]])
})

// ------------------------------------------------------------------ damaged files

const MEETINGS = [
  ev('05T18:00:00', '周立新', '#活动 11月5日下午 支委会 讨论发展党员工作 应到5人 实到5人', 'r1'),
  ev('12T18:00:00', '周立新', '#活动 11月12日 党课 学习党章 应到8人 实到8人', 'r2'),
  ev('18T19:00:00', '陈明', '#活动 第一党小组 党小组会 11月18日 学习条例 应到5人 实到5人', 'r3'),
  ev('20T19:00:00', '周立新', '#活动 11月20日 主题党日 志愿服务 参加8人', 'r4'),
]
const CHECKINS = ['王建国', '刘洋', '张伟', '黄磊', '吴芳', '李红梅', '陈明', '赵静'].flatMap((from, i) =>
  [3, 4, 5, 6, 9, 10].map((d) => ev(`${String(d).padStart(2, '0')}T0${8 + (i % 2)}:${String(10 + i).padStart(2, '0')}:00`, from, `打卡 学习党章 ${20 + i}分钟`, `c${from}${d}`)))
const LATER = [ev('25T10:00:00', '王建国', '打卡 学习党史 30分钟', 'later1')]

function listing(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const n of readdirSync(dir)) out[n] = readFileSync(path.join(dir, n)).toString('base64')
  return out
}

test('a ledger file missing its last bytes: export and report refuse (exit non-zero, data untouched); the bot salvages the rest, keeps the original and tells the secretaries', () => {
  const data = path.join(tmpDir(), 'data')
  simulate([...CHECKINS, ...MEETINGS], { data })
  const ledger = path.join(data, 'jiguan2', '2026-11.ledger.json')
  const whole = readFileSync(ledger, 'utf8')
  writeFileSync(ledger, whole.slice(0, -10))
  const folder = path.join(data, 'jiguan2')
  const before = listing(folder)
  const ex = runCli(['export', '--config', EXAMPLE, '--data', data, '--format', 'json'])
  assert.notEqual(ex.status, 0, 'export must not pretend the ledger is complete')
  assert.equal(ex.stdout, '')
  assert.match(ex.stderr, /2026-11\.ledger\.json 已损坏/)
  const rep = runCli(['report', '--config', EXAMPLE, '--data', data, '--branch', 'jiguan2', '--month', '2026-11', '--format', 'json'])
  assert.notEqual(rep.status, 0)
  assert.match(rep.stderr, /已损坏/)
  assert.deepEqual(listing(folder), before, 'a read-only command moves, renames and rewrites nothing')

  const { sent } = simulate(LATER, { data })
  const told = sent.filter((s) => s.to.contact === '周立新' && /已损坏/.test(s.text ?? ''))
  assert.equal(told.length, 1, 'the secretary is told once')
  const kept = readdirSync(folder).filter((n) => n.startsWith('2026-11.ledger.json.damaged-'))
  assert.equal(kept.length, 1, 'the damaged original is kept beside')
  assert.equal(readFileSync(path.join(folder, kept[0]!), 'utf8'), whole.slice(0, -10))
  const acts = exportJson(data).filter((r) => r.type === 'activity')
  assert.deepEqual(acts.map((r) => r.kind), ['支部委员会', '党课', '党小组会'], 'every complete record is salvaged')
  // and the next start does not report it again
  const again = simulate([ev('26T10:00:00', '王建国', '打卡 学习党史 30分钟', 'later2')], { data })
  assert.equal(again.sent.filter((s) => /已损坏/.test(s.text ?? '')).length, 0)
})

test('a month of check-ins cut in half: the first half is salvaged, not the whole month moved aside', () => {
  const data = path.join(tmpDir(), 'data')
  simulate([...CHECKINS, ...MEETINGS], { data })
  const file = path.join(data, 'jiguan2', '2026-11.json')
  const whole = readFileSync(file, 'utf8')
  const total = (JSON.parse(whole) as { records: unknown[] }).records.length
  writeFileSync(file, whole.slice(0, Math.floor(whole.length / 2)))
  const rep = runCli(['report', '--config', EXAMPLE, '--data', data, '--branch', 'jiguan2', '--month', '2026-11', '--format', 'text'])
  assert.notEqual(rep.status, 0, 'no summary from half a month')
  assert.doesNotMatch(rep.stdout, /参与率/)
  simulate(LATER, { data })
  const n = exportJson(data).filter((r) => r.type === 'checkin' && r.date !== '2026-11-25').length
  assert.ok(n >= total / 2 - 2 && n < total, `about half of ${total} check-ins salvaged (got ${n})`)
  assert.ok(readdirSync(path.dirname(file)).some((x) => x.startsWith('2026-11.json.damaged-')))
})

test('a bad line in the middle of a journal is kept beside, never dropped at the fold', () => {
  const data = path.join(tmpDir(), 'data')
  simulate(MEETINGS, { data })
  const file = path.join(data, 'jiguan2', '2026-11.ledger.json')
  const recs = (JSON.parse(readFileSync(file, 'utf8')) as { records: { id: string }[] }).records
  // the same records as journal lines (as a bot killed before its fold leaves them), one damaged
  writeFileSync(file, JSON.stringify({ records: [] }))
  const lines = recs.map((r) => JSON.stringify({ put: r }))
  const damaged = lines[1]!.slice(0, 40) + '\u0000\u0000garbage' + lines[1]!.slice(60)
  writeFileSync(`${file}.journal.jsonl`, [lines[0], damaged, lines[2], lines[3]].join('\n') + '\n')
  const ex = runCli(['export', '--config', EXAMPLE, '--data', data, '--format', 'json'])
  assert.notEqual(ex.status, 0)
  assert.match(ex.stderr, /journal\.jsonl 已损坏/)
  simulate(LATER, { data }) // starts, folds the journal on stop
  assert.deepEqual(exportJson(data).filter((r) => r.type === 'activity').map((r) => r.kind), ['支部委员会', '党小组会', '主题党日'])
  const kept = readdirSync(path.dirname(file)).filter((n) => n.startsWith('2026-11.ledger.json.journal.jsonl.damaged-'))
  assert.equal(kept.length, 1)
  assert.ok(readFileSync(path.join(path.dirname(file), kept[0]!), 'utf8').includes(damaged), 'the unreadable line survives, for a person to read')
})

// ------------------------------------------------------------------ damaged scheduler state

test('a damaged _state/state.json: a replay over the same folder repeats no notice and keeps the pause', () => {
  const data = path.join(tmpDir(), 'data')
  const events = [
    ev('16T10:00:00', '王建国', '打卡 学习党章 30分钟', 's1'),
    ev('20T09:30:00', '周立新', '#提醒 暂停 10天', 's2'),
    ev('30T10:00:00', '王建国', '打卡 学习党章 30分钟', 's3'),
  ]
  const until = '2026-12-02T12:00:00+08:00'
  const first = simulate(events, { data, until })
  const notices = first.sent.filter((s) => s.file || /工作小结|截止|未完成/.test(s.text ?? ''))
  assert.ok(notices.length >= 3, 'the 1st brings the summary, its files and overdue notices')
  assert.equal(first.sent.filter((s) => /还有 \d+ 天|明天截止/.test(s.text ?? '') && s.at < '2026-11-30').length, 0, 'paused: no reminder from 20 to 29 Nov')
  const state = path.join(data, '_state', 'state.json')
  writeFileSync(state, readFileSync(state, 'utf8').slice(0, 25))
  // restarted on the same transcript: the simulated clock replays the same days and jobs
  const again = simulate(events, { data, until })
  // (the #提醒 暂停 itself is older than the dedupe window by then: it is answered again, and
  // that answer is the only thing said)
  const repeated = again.sent.filter((s) => !/已暂停/.test(s.text ?? '') && !/已损坏/.test(s.text ?? ''))
  assert.deepEqual(repeated.map((s) => `${s.at} ${s.text ?? s.file}`.slice(0, 60)), [], 'no notice sent twice, no reminder while paused')
})

test('a damaged _state/state.json does not forget a #提醒 暂停', () => {
  const data = path.join(tmpDir(), 'data')
  simulate([ev('20T09:30:00', '周立新', '#提醒 暂停 10天', 'p1')], { data, until: '2026-11-20T12:00:00+08:00' })
  writeFileSync(path.join(data, '_state', 'state.json'), '{"sent":{"a":1},"paused":{"jigu')
  const { sent } = simulate([ev('21T10:00:00', '王建国', '打卡 学习党章 30分钟', 'q1')], { data, until: '2026-11-28T12:00:00+08:00' })
  assert.deepEqual(sent.filter((s) => /截止/.test(s.text ?? '')).map((s) => s.at), [], 'still paused until 29 Nov')
})

// ------------------------------------------------------------------ the durable outbox

test('stopped at 09:00:01 on the 1st: the summary files still queued go out after the restart, once', () => {
  const data = path.join(tmpDir(), 'data')
  const first = simulate([ev('30T10:00:00', '王建国', '打卡 学习党章 30分钟', 'o1')], { data, until: '2026-12-01T09:00:01+08:00' })
  const summary = (s: { text?: string; file?: string }) => /2026年11月工作小结|2026-11学习打卡统计/.test(s.text ?? s.file ?? '')
  const before = first.sent.filter(summary)
  // the 1st's notices leave one a second, the overdue reminders and the summary in whichever order
  // their jobs finished: at 09:00:01 the summary is queued on disk, none or some of it sent
  assert.ok(before.length < 4, `stopped before the summary was all sent (${before.length} of 4 sent)`)
  const second = simulate([{ at: '2026-12-01T09:10:00+08:00', room: ROOM, from: '刘洋', text: '打卡 学习党史 20分钟', id: 'o2' }], { data, until: '2026-12-01T09:20:00+08:00' })
  const after = second.sent.filter(summary)
  const all = [...before, ...after].map((s) => `${JSON.stringify(s.to)} ${s.file ?? s.text!.split('\n')[0]}`)
  assert.deepEqual([...all].sort(), [
    '{"contact":"周立新"} 机关第二党支部2026年11月工作小结.docx',
    '{"contact":"孙雅琴"} 机关第二党支部2026年11月工作小结.docx',
    '{"room":"机关第二党支部工作群"} 2026-11学习打卡统计.png',
    '{"room":"机关第二党支部工作群"} 机关第二党支部2026年11月工作小结',
  ], 'each part of the summary exactly once over the two runs')
})

// ------------------------------------------------------------------ a stale lock with a reused PID

test('a lock whose PID now belongs to another live process does not block the start', { skip: process.platform !== 'linux' ? 'needs /proc' : false }, async () => {
  const { spawn } = await import('node:child_process')
  const os = await import('node:os')
  const { lockDataDir, LockError } = await import('../../src/store/lock.js')
  const data = path.join(tmpDir(), 'data')
  simulate([ev('18T09:00:00', '王建国', '打卡 学习党章 30分钟', 'l1')], { data })
  const lock = path.join(data, '.lock')
  // the bot that wrote these locks died; its PID went to a shell's sleep, or to a later node program
  const sleep = spawn('sleep', ['30'])
  const node = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'])
  try {
    await new Promise((r) => setTimeout(r, 200))
    for (const [pid, lockInfo] of [
      [sleep.pid, { startedAt: new Date().toISOString(), command: 'zhibu-bot start' }],
      [node.pid, { startedAt: new Date(Date.now() - 3600_000).toISOString(), command: '/opt/zhibu-bot/src/main.ts' }],
      [node.pid, { startedAt: new Date().toISOString(), command: '/opt/zhibu-bot/src/main.ts' }],
      [node.pid, { startedAt: new Date().toISOString(), command: 'x', procStart: Date.now() - 86400_000 }],
    ] as const) {
      writeFileSync(lock, JSON.stringify({ pid, host: os.hostname(), ...lockInfo }))
      const { sent } = simulate([ev('18T10:00:00', '刘洋', `打卡 学习党史 ${pid}`, `l-${pid}-${Math.random()}`)], { data })
      assert.ok(sent.some((s) => /刘洋 已打卡/.test(s.text ?? '')), `started despite the lock of ${JSON.stringify(lockInfo)}`)
    }
    // the real thing is still refused: a live bot holding the folder
    writeFileSync(lock, JSON.stringify({ pid: node.pid, host: os.hostname(), startedAt: new Date().toISOString(), command: 'zhibu-bot start' }))
    assert.throws(() => lockDataDir(data), LockError)
  } finally {
    sleep.kill('SIGKILL')
    node.kill('SIGKILL')
  }
})

// ------------------------------------------------------------------ backups while the bot writes

test('backups taken while records are written all succeed, are owner-only, hold every acknowledged record and no login session', async () => {
  const { spawn } = await import('node:child_process')
  const { statSync, existsSync } = await import('node:fs')
  const tar = await import('tar')
  const data = path.join(tmpDir(), 'data')
  simulate([ev('18T09:00:00', '王建国', '打卡 学习党章 30分钟', 'b0')], { data })
  writeFileSync(path.join(data, 'wechat-session.memory-card.json'), '{"secret":"login"}')
  const acked = path.join(path.dirname(data), 'acked')
  // a writer as busy as a bot: adds, journal appends and folds (every 15 lines), acknowledging each
  const writer = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `
    import { RecordStore } from ${JSON.stringify(path.join(ROOT, 'src/store/records.ts'))}
    import { writeFileSync } from 'node:fs'
    const s = new RecordStore(${JSON.stringify(data)}, () => {}, { compactAfter: 15 })
    for (let i = 0; ; i++) {
      const day = '2026-11-' + String(1 + (i % 28)).padStart(2, '0')
      await s.add({ type: 'checkin', id: 'w' + i, branch: 'jiguan2', msgId: 'w' + i, at: day + 'T08:00:00+08:00', text: '打卡 学习 ' + i, member: '刘洋', date: day, minutes: 10, points: null, content: '', titles: [], backfill: false })
      writeFileSync(${JSON.stringify(acked)}, String(i + 1))
    }`], { stdio: 'ignore' })
  try {
    while (!existsSync(acked)) await new Promise((r) => setTimeout(r, 50))
    for (let k = 0; k < 6; k++) {
      const before = Number(readFileSync(acked, 'utf8') || 0)
      const archive = path.join(tmpDir(), `b${k}.tar.gz`)
      const b = runCli(['backup', '--data', data, '--out', archive])
      assert.equal(b.status, 0, b.stderr)
      assert.equal(statSync(archive).mode & 0o077, 0, 'owner-only archive')
      assert.ok(!existsSync(`${archive}.partial`))
      const names: string[] = []
      await tar.t({ file: archive, onReadEntry: (e) => { names.push(e.path) } })
      assert.ok(!names.some((n) => n.includes('memory-card')), 'no login session in the archive')
      const target = path.join(tmpDir(), 'restored')
      assert.equal(runCli(['restore', '--data', target, '--from', archive]).status, 0)
      const ids = new Set(exportJson(target).map((r) => String(r.text)))
      for (let i = 0; i < before; i++) assert.ok(ids.has(`打卡 学习 ${i}`), `backup ${k}: check-in ${i} acknowledged before the backup is in it`)
    }
  } finally {
    writer.kill('SIGKILL')
  }
  const withSession = path.join(tmpDir(), 'full.tar.gz')
  assert.equal(runCli(['backup', '--data', data, '--out', withSession, '--with-session']).status, 0)
  const names: string[] = []
  await tar.t({ file: withSession, onReadEntry: (e) => { names.push(e.path) } })
  assert.ok(names.some((n) => n.includes('memory-card')))
})

// ------------------------------------------------------------------ output through a pipe

test('export through a slow pipe is complete', async () => {
  const { spawnSync } = await import('node:child_process')
  const { writeMonthSnapshot } = await import('../../src/store/records.js')
  const data = path.join(tmpDir(), 'data')
  const recs = Array.from({ length: 3000 }, (_, i) => {
    const date = `2026-11-${String(1 + (i % 28)).padStart(2, '0')}`
    return { type: 'checkin' as const, id: `p${i}`, branch: 'jiguan2', msgId: `p${i}`, at: `${date}T08:00:00+08:00`, text: `打卡 学习《中国共产党章程》第${i}次 30分钟`, member: '刘洋', date, minutes: 30, points: null, content: '学习', titles: [], backfill: false }
  })
  writeMonthSnapshot(data, 'jiguan2', '2026-11', recs)
  const cli = path.join(ROOT, 'src/cli.ts')
  const out = path.join(tmpDir(), 'out.json')
  // the reader starts late: the pipe is full long before the exporter is done
  const r = spawnSync('sh', ['-c', `"${process.execPath}" --import tsx "${cli}" export --config "${EXAMPLE}" --data "${data}" --format json | (sleep 1; cat > "${out}")`], { encoding: 'utf8' })
  assert.equal(r.status, 0, r.stderr)
  const got = JSON.parse(readFileSync(out, 'utf8')) as unknown[]
  assert.equal(got.length, 3000)
})

// ------------------------------------------------------------------ config changes

test('a member renamed in the roster (old name kept as an alias) keeps their old check-ins; a renamed branch id is reported', () => {
  const data = path.join(tmpDir(), 'data')
  simulate(['03', '04', '05'].map((d) => ev(`${d}T09:00:00`, '王建国', '打卡 学习党章 30分钟', `rn${d}`)), { data })
  const dir = tmpDir()
  const renamed = path.join(dir, 'renamed.yaml')
  const yaml = readFileSync(EXAMPLE, 'utf8')
  assert.match(yaml, /- \{ name: 王建国, group: 第一党小组 \}/)
  writeFileSync(renamed, yaml.replace('- { name: 王建国, group: 第一党小组 }', '- { name: 王建军, group: 第一党小组, aliases: [王建国] }'))
  const rep = runCli(['report', '--config', renamed, '--data', data, '--branch', 'jiguan2', '--month', '2026-11', '--format', 'json'])
  assert.equal(rep.status, 0, rep.stderr)
  const j = JSON.parse(rep.stdout) as { checkins: { byMember: { name: string; days: number }[]; missing: string[] } }
  assert.equal(j.checkins.byMember.find((m) => m.name === '王建军')?.days, 3)
  assert.ok(!j.checkins.missing.includes('王建军'))
  // the bot too: a check-in under the new name counts as the 4th day of the month
  const { sent } = simulate([ev('06T09:00:00', '王建军', '打卡 学习党章 30分钟', 'rn06')], { data, config: renamed })
  assert.ok(sent.some((s) => /王建军 已打卡.*本月第 4 天/.test(s.text ?? '')), JSON.stringify(sent))

  const movedId = path.join(dir, 'moved.yaml')
  writeFileSync(movedId, yaml.replace(/id: jiguan2/, 'id: jg2'))
  const r2 = runCli(['export', '--config', movedId, '--data', data, '--format', 'json'])
  assert.match(r2.stderr, /jiguan2\/ 不是配置中任何支部的 id/)
  const started = simulate([ev('07T09:00:00', '刘洋', '打卡 学习党章 30分钟', 'rn07')], { data, config: movedId })
  assert.match(started.stderr, /jiguan2\/ 不是配置中任何支部的 id/)
})

// ------------------------------------------------------------------ late corrections

test('a 补卡 for a month whose summary is posted is told to the secretaries, once', () => {
  const data = path.join(tmpDir(), 'data')
  const { sent } = simulate([
    ev('27T09:00:00', '王建国', '打卡 学习党章 30分钟', 'lc1'),
    ev('30T09:00:00', '刘洋', '打卡 学习党章 30分钟', 'lc2'),
    { at: '2026-12-02T10:00:00+08:00', room: ROOM, from: '王建国', text: '补卡 11月30日 学习党史 40分钟', id: 'lc3' },
  ], { data, until: '2026-12-04T20:00:00+08:00' })
  const summary = sent.find((s) => /2026年11月工作小结/.test(s.text ?? ''))!
  const posted = Number(/累计打卡(\d+)人次/.exec(summary.text!)?.[1])
  assert.equal(posted, 2)
  const told = sent.filter((s) => /台账变动提示/.test(s.text ?? ''))
  assert.deepEqual(told.map((s) => s.to.contact).sort(), ['周立新', '孙雅琴'], 'each secretary once, not every day')
  assert.match(told[0]!.text!, /小结中为 2 人次，现为 3 人次/)
})
