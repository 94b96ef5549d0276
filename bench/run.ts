// `npm run bench`: how the bot's costs hold up against a long history. It generates its own
// history (20 branches × 60 members × 3 years of daily check-ins and monthly meetings, ≈1.3 million
// records) in a temporary folder and prints each figure as a ratio taken in the same run, so the
// machine's speed cancels out. It never fails on timing; `--json FILE` writes the figures.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { Templates } from '../src/templates.js'
import { buildSummary } from '../src/report/post.js'
import { RecordStore } from '../src/store/records.js'
import { BENCH_NOW, benchConfig, writeHistory, writeState } from './history.js'
import { ocrBench } from './ocr.js'

const HERE = path.dirname(fileURLToPath(import.meta.url))
const args = process.argv.slice(2)
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined
const keep = args.includes('--keep')
const BRANCHES = Number(process.env.BENCH_BRANCHES ?? 20)
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 60)
const YEARS = Number(process.env.BENCH_YEARS ?? 3)

const say = (s: string) => process.stderr.write(s + '\n')
const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const day = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
const started = performance.now()

const root = mkdtempSync(path.join(os.tmpdir(), 'zhibu-bench-'))
say(`基准测试目录：${root}`)
try {
  // ------------------------------------------------------------------ history
  const today = day(BENCH_NOW)
  const yesterday = day(new Date(BENCH_NOW.getTime() - 86400_000))
  const first = `${Number(today.slice(0, 4)) - YEARS}${today.slice(4)}`
  const { yaml, list } = benchConfig(BRANCHES, MEMBERS)
  const configFile = path.join(root, 'bench.yaml')
  writeFileSync(configFile, yaml)
  const full = path.join(root, 'full')
  const empty = path.join(root, 'empty')
  mkdirSync(empty)
  let t = performance.now()
  const records = writeHistory(full, list, first, yesterday)
  writeState(full, list, BENCH_NOW, today)
  // a real bot's history is long since on disk: do not time fsyncs queued behind the generator's writes
  spawnSync('sync')
  say(`已生成历史数据：${BRANCHES} 个支部 × ${MEMBERS} 人 × ${YEARS} 年，共 ${records.toLocaleString()} 条记录（${((performance.now() - t) / 1000).toFixed(1)} 秒）`)

  // ------------------------------------------------------------------ monthly report, 200 members
  const big = benchConfig(1, 200, 'big')
  const bigDir = path.join(root, 'big')
  writeHistory(bigDir, big.list, `${today.slice(0, 4)}-01-01`, yesterday)
  const month = day(new Date(BENCH_NOW.getTime() - 31 * 86400_000)).slice(0, 7)
  const monthFile = path.join(bigDir, big.list[0]!.id, `${month}.json`)
  const reportMs: number[] = []
  const parseMs: number[] = []
  const templates = new Templates()
  for (let i = 0; i < 7; i++) {
    t = performance.now()
    JSON.parse(readFileSync(monthFile, 'utf8'))
    parseMs.push(performance.now() - t)
    t = performance.now()
    const store = new RecordStore(bigDir) // cold, as on the 1st of the month
    await buildSummary({ store, templates, now: () => BENCH_NOW }, big.config.branches[0]!, month)
    reportMs.push(performance.now() - t)
  }
  say(`月度小结（200 人支部，${month}）：${median(reportMs).toFixed(1)} ms；读取并解析该月数据文件：${median(parseMs).toFixed(1)} ms`)

  // ------------------------------------------------------------------ bot processes
  // the bot as users run it: the compiled JavaScript in dist/ (`npm install` builds it)
  if (!existsSync(path.join(HERE, '..', 'dist', 'runtime.js'))) throw new Error('找不到 dist/：请先运行 npm install（或 npm run build）')
  const spawnChild = (file: string, argv: string[]) => spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(HERE, file), ...argv], {
    encoding: 'utf8', env: { ...process.env, WECHATY_LOG: 'silent', BENCH_FROM: 'dist' }, maxBuffer: 16 << 20,
  })
  const child = (mode: string, data: string) => {
    const r = spawnChild('child.ts', [mode, configFile, data])
    const line = r.stdout.trim().split('\n').pop() ?? ''
    if (r.status !== 0 || !line.startsWith('{')) throw new Error(`bench child (${mode}, ${path.basename(data)}) failed:\n${r.stderr}`)
    return JSON.parse(line) as Record<string, number>
  }
  const startEmpty: number[] = []
  const startFull: number[] = []
  for (let i = 0; i < 3; i++) {
    startEmpty.push(child('startup', empty).startupMs!)
    startFull.push(child('startup', full).startupMs!)
  }
  say(`启动到就绪：空数据 ${median(startEmpty).toFixed(0)} ms，完整历史 ${median(startFull).toFixed(0)} ms`)
  // two rounds each, alternating, so that a slow moment of the disk does not land on one side only
  const runs = { empty: [] as Record<string, number>[], full: [] as Record<string, number>[] }
  for (let i = 0; i < 2; i++) {
    const fresh = path.join(root, `empty-${i}`) // each run starts from a really empty folder
    mkdirSync(fresh)
    runs.empty.push(child('run', fresh))
    runs.full.push(child('run', full))
  }
  // yardsticks in their own processes, the same launcher (node --import tsx) and the same messages
  const roomsFile = path.join(root, 'rooms.json')
  writeFileSync(roomsFile, JSON.stringify(list.map((b) => ({ topic: b.room, members: b.members }))))
  const yard = (mode: string, ...more: string[]) => {
    const r = spawnChild('bare.ts', [mode, roomsFile, ...more])
    const line = r.stdout.trim().split('\n').pop() ?? ''
    if (r.status !== 0 || !line.startsWith('{')) throw new Error(`bench ${mode} failed:\n${r.stderr}`)
    return JSON.parse(line) as Record<string, number>
  }
  const bareRuns: Record<string, number>[] = []
  const footRuns: Record<string, number>[] = []
  for (let i = 0; i < 3; i++) {
    bareRuns.push(yard('bare'))
    footRuns.push(child('footprint', full))
  }
  const naive = yard('naive', full)
  // idle: once each process has gone quiet (bench/idle.ts); busy: right after the last message
  const bareRss = median(bareRuns.map((r) => r.idleRssMB!))
  const botRss = median(footRuns.map((r) => r.idleRssMB!))
  const bareBusy = median(bareRuns.map((r) => r.rssMB!))
  const botBusy = median(footRuns.map((r) => r.rssMB!))
  const bareStart = median(bareRuns.map((r) => r.startupMs!))
  say(`裸 Wechaty：静置后内存 ${bareRss.toFixed(0)} MB（刚处理完 ${bareBusy.toFixed(0)} MB），启动 ${bareStart.toFixed(0)} ms，${median(bareRuns.map((r) => r.rate!)).toFixed(0)} 条/秒；本机器人（完整历史，单独进程）静置后 ${botRss.toFixed(0)} MB（刚处理完 ${botBusy.toFixed(0)} MB）；朴素 lowdb 机器人 ${naive.rate!.toFixed(1)} 条/秒`)
  const mean = (rs: Record<string, number>[]) => Object.fromEntries(Object.keys(rs[0]!).filter((k) => typeof rs[0]![k] === 'number').map((k) => [k, rs.reduce((a, r) => a + r[k]!, 0) / rs.length]))
  const e = mean(runs.empty)
  say(`空数据：p50 ${e.p50Ms!.toFixed(2)} ms，p99 ${e.p99Ms!.toFixed(2)} ms，${e.botRate!.toFixed(0)} 条/秒（裸 Wechaty ${e.bareRate!.toFixed(0)} 条/秒），内存 ${e.rssMB!.toFixed(0)} MB`)
  const f = mean(runs.full)
  say(`完整历史：p50 ${f.p50Ms!.toFixed(2)} ms，p99 ${f.p99Ms!.toFixed(2)} ms，${f.botRate!.toFixed(0)} 条/秒（裸 Wechaty ${f.bareRate!.toFixed(0)} 条/秒），内存 ${f.rssMB!.toFixed(0)} MB`)

  const ocr = ocrBench(path.join(root, 'ocr')) // issue 18: text while screenshots are read
  const result = {
    records,
    ocrTextP99Ratio: ocr.ocrTextP99Ratio,
    handlingP50Ratio: f.p50Ms! / e.p50Ms!,
    handlingP99Ratio: f.p99Ms! / e.p99Ms!,
    throughputRatio: f.botRate! / f.bareRate!,
    reportRatio: median(reportMs) / median(parseMs),
    rssDeltaMB: f.rssMB! - e.rssMB!,
    startupRatio: median(startFull) / median(startEmpty),
    rssVsBareRatio: botRss / bareRss,
    // information only: the same, measured right after the last message, before V8 returns memory
    rssBusyVsBareRatio: botBusy / bareBusy,
    startupVsBareRatio: median(startFull) / bareStart,
    // information only: what storing and parsing cost, against doing nothing and against a naive bot
    throughputVsBareRatio: f.botRate! / median(bareRuns.map((r) => r.rate!)),
    throughputVsNaiveLowdbRatio: f.botRate! / naive.rate!,
    absolute: {
      bare: { rssMB: bareRss, startupMs: bareStart, messagesPerSecond: median(bareRuns.map((r) => r.rate!)) },
      botFootprintRssMB: botRss,
      busyRssMB: { bare: bareBusy, bot: botBusy },
      naiveLowdbMessagesPerSecond: naive.rate,
      handlingP50Ms: { empty: e.p50Ms, full: f.p50Ms },
      handlingP99Ms: { empty: e.p99Ms, full: f.p99Ms },
      messagesPerSecond: { bot: f.botRate, bareWechaty: f.bareRate, botEmpty: e.botRate, bareWechatyEmpty: e.bareRate },
      reportMs: median(reportMs), parseMonthFileMs: median(parseMs),
      rssMB: { empty: e.rssMB, full: f.rssMB },
      startupMs: { empty: median(startEmpty), full: median(startFull) },
    },
    seconds: (performance.now() - started) / 1000,
  }
  const rows: [string, string, string, number, string, boolean][] = [
    ['处理一条消息 p50（完整历史 ÷ 空）', `${e.p50Ms!.toFixed(2)} ms`, `${f.p50Ms!.toFixed(2)} ms`, result.handlingP50Ratio, '≤ 1.2', result.handlingP50Ratio <= 1.2],
    ['处理一条消息 p99（完整历史 ÷ 空）', `${e.p99Ms!.toFixed(2)} ms`, `${f.p99Ms!.toFixed(2)} ms`, result.handlingP99Ratio, '≤ 1.2', result.handlingP99Ratio <= 1.2],
    ['吞吐（本机器人 ÷ 裸 Wechaty）', `${f.bareRate!.toFixed(0)} 条/秒`, `${f.botRate!.toFixed(0)} 条/秒`, result.throughputRatio, '仅供参考', true],
    ['吞吐（本机器人 ÷ 朴素 lowdb 机器人）', `${naive.rate!.toFixed(1)} 条/秒`, `${f.botRate!.toFixed(0)} 条/秒`, result.throughputVsNaiveLowdbRatio, '仅供参考', true],
    ['200 人月度小结 ÷ 解析该月文件', `${median(parseMs).toFixed(1)} ms`, `${median(reportMs).toFixed(1)} ms`, result.reportRatio, '≤ 3', result.reportRatio <= 3],
    ['常驻内存（完整历史 − 空）', `${e.rssMB!.toFixed(0)} MB`, `${f.rssMB!.toFixed(0)} MB`, result.rssDeltaMB, '≤ 50 MB', result.rssDeltaMB <= 50],
    ['常驻内存，静置后（本机器人完整历史 ÷ 裸 Wechaty）', `${bareRss.toFixed(0)} MB`, `${botRss.toFixed(0)} MB`, result.rssVsBareRatio, '≤ 1.3', result.rssVsBareRatio <= 1.3],
    ['常驻内存，刚处理完消息时（本机器人 ÷ 裸 Wechaty）', `${bareBusy.toFixed(0)} MB`, `${botBusy.toFixed(0)} MB`, result.rssBusyVsBareRatio, '仅供参考', true],
    ['启动到就绪（本机器人完整历史 ÷ 裸 Wechaty）', `${bareStart.toFixed(0)} ms`, `${median(startFull).toFixed(0)} ms`, result.startupVsBareRatio, '≤ 1.5', result.startupVsBareRatio <= 1.5],
    ['处理一条消息 p99（识别截图时 ÷ 无截图）', `${ocr.absolute.p99Ms.idle.toFixed(2)} ms`, `${ocr.absolute.p99Ms.reading.toFixed(2)} ms`, ocr.ocrTextP99Ratio, '≤ 1.5', ocr.ocrTextP99Ratio <= 1.5],
    ['启动到就绪（完整历史 ÷ 空）', `${median(startEmpty).toFixed(0)} ms`, `${median(startFull).toFixed(0)} ms`, result.startupRatio, '≤ 1.5', result.startupRatio <= 1.5],
  ]
  const out = [
    '',
    `| 指标 | 基准 | 实测 | 比值 | 目标 | |`,
    `|---|---|---|---|---|---|`,
    ...rows.map(([name, a, b, r, target, ok]) => `| ${name} | ${a} | ${b} | ${r.toFixed(2)} | ${target} | ${ok ? '✓' : '✗'} |`),
    '',
    `${records.toLocaleString()} 条历史记录；用时 ${result.seconds.toFixed(0)} 秒；Node ${process.version}，${os.cpus().length} 核`,
  ]
  process.stdout.write(out.join('\n') + '\n')
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify(result, null, 2) + '\n')
} finally {
  if (!keep) rmSync(root, { recursive: true, force: true })
}
