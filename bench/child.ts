// One measured bot process of the benchmark. Run by bench/run.ts, once over the empty data folder
// and once over the full history, so that start-up and resident memory are the process's own.
//   tsx bench/child.ts startup|run|footprint CONFIG.yaml DATA_DIR
// prints one JSON line of figures. `footprint` sends the same messages as `run` without the bare
// Wechaty bot inside the process, so its resident memory is the bot's own. The bot is loaded from
// dist/ (the compiled JavaScript that `npm start` runs) when BENCH_FROM=dist.
import { performance } from 'node:perf_hooks'
import { BENCH_NOW } from './now.js'
import { idleRssMB, rssMB as rssNow } from './idle.js'

const [mode, configFile, dataDir] = process.argv.slice(2) as [string, string, string]
process.env.WECHATY_LOG ??= 'silent'

const t0 = Date.now()
const now = () => new Date(BENCH_NOW.getTime() + (Date.now() - t0))

const base = process.env.BENCH_FROM === 'dist' ? '../dist/' : '../src/'
const { WechatyBuilder, types } = await import('wechaty')
const { PuppetMock, mock } = await import('wechaty-puppet-mock')
const { loadConfig } = await import(`${base}config/load.js`) as typeof import('../src/config/load.js')
const { createLogger } = await import(`${base}log.js`) as typeof import('../src/log.js')
const { createRuntime } = await import(`${base}runtime.js`) as typeof import('../src/runtime.js')
const quiet = createLogger(now, () => {}, true)

type Mocker = InstanceType<typeof mock.Mocker>

const config = loadConfig(configFile)
const routed = new Map<string, () => void>()
let routedCount = 0
const mocker: Mocker = new mock.Mocker()
const rt = await createRuntime({
  config, dataDir, puppet: new PuppetMock({ mocker }), log: quiet, now,
  hooks: { onRouted: (id) => { routedCount++; routed.get(id)?.(); routed.delete(id) } },
})
await rt.wechaty.start()
const self = mocker.createContact({ name: config.bot.name })
mocker.login(self)
await new Promise<void>((r) => rt.wechaty.once('login', () => r()))
/** Each branch's group and its members, in a puppet-mock world whose bot is `selfId`. */
function populate(m: Mocker, selfId: string) {
  return config.branches.map((b) => {
    const members = b.members.map((x) => m.createContact({ name: x.name }))
    return { room: m.createRoom({ topic: b.rooms[0]!, memberIdList: [selfId, ...members.map((c) => c.id)] }), members }
  })
}
type Rooms = ReturnType<typeof populate>
const rooms = populate(mocker, self.id)

await rt.scheduler.start()
const startupMs = performance.now()

if (mode === 'startup') {
  process.stdout.write(JSON.stringify({ startupMs }) + '\n')
  await rt.stop()
  process.exit(0)
}

// ------------------------------------------------------------------ the message stream
let seq = 0
const TEXTS = ['打卡 学习党章 30分钟', '学习强国 今日积分45分', '已学习《习近平谈治国理政》第四卷，40分钟', '打卡：观看党史教育片一小时']
function nextMessage(m: Mocker, r: Rooms[number], memberIndex: number): string {
  const id = `bench-${process.pid}-${seq++}`
  const talker = r.members[memberIndex % r.members.length]!
  m.MessageMock.create({
    id, talkerId: talker.id, roomId: r.room.id, timestamp: now().getTime(), type: types.Message.Text,
    text: TEXTS[seq % TEXTS.length]!, mentionIdList: [],
  } as never)
  return id
}

/** Per-message handling, one at a time: message in → parsed → stored durably → ack queued. */
async function latencies(n: number): Promise<number[]> {
  const out: number[] = []
  for (let i = 0; i < n; i++) {
    const r = rooms[i % rooms.length]!
    const id = nextMessage(mocker, r, Math.floor(i / rooms.length))
    const done = new Promise<void>((res) => routed.set(id, res))
    const t = performance.now()
    mocker.puppet.emit('message', { messageId: id })
    await done
    out.push(performance.now() - t)
  }
  return out
}

/** Messages per second when `n` arrive at once; `handled` counts what the bot has taken so far. */
async function throughput(m: Mocker, rs: Rooms, handled: () => number, n: number): Promise<number> {
  const start = handled()
  const ids: string[] = []
  for (let i = 0; i < n; i++) ids.push(nextMessage(m, rs[i % rs.length]!, i))
  const t = performance.now()
  for (const id of ids) m.puppet.emit('message', { messageId: id })
  while (handled() - start < n) await new Promise((r) => setImmediate(r))
  return n / ((performance.now() - t) / 1000)
}

// a bare Wechaty bot with a no-op handler, on the same kind of stream (not in `footprint`)
const withBare = mode !== 'footprint'
const bareMocker: Mocker = new mock.Mocker()
const bare = WechatyBuilder.build({ puppet: new PuppetMock({ mocker: bareMocker }) as never, name: 'bench-bare' })
let bareCount = 0
bare.on('message', () => { bareCount++ })
let bareRooms: Rooms = []
if (withBare) {
  await bare.start()
  const bareSelf = bareMocker.createContact({ name: 'bare' })
  bareMocker.login(bareSelf)
  await new Promise<void>((r) => bare.once('login', () => r()))
  bareRooms = populate(bareMocker, bareSelf.id)
}
const botThroughput = (n: number) => throughput(mocker, rooms, () => routedCount, n)
const bareThroughput = (n: number) => (withBare ? throughput(bareMocker, bareRooms, () => bareCount, n) : Promise.resolve(0))

const N_LAT = Number(process.env.BENCH_LATENCY_MESSAGES ?? 2000)
const N_TP = Number(process.env.BENCH_BURST ?? 400)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)

await latencies(40) // warm-up: JIT, first sends
const lat = await latencies(N_LAT)
const botRates: number[] = []
const bareRates: number[] = []
await bareThroughput(100)
for (let i = 0; i < ROUNDS; i++) {
  bareRates.push(await bareThroughput(N_TP))
  botRates.push(await botThroughput(N_TP))
}
await rt.tracker.idle()
global.gc?.()
const rssMB = rssNow()
const heapMB = process.memoryUsage().heapUsed / 2 ** 20
// footprint: also what the bot holds once the group has gone quiet (bench/idle.ts)
const idleMB = mode === 'footprint' ? await idleRssMB() : undefined

const sorted = lat.slice().sort((a, b) => a - b)
const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!
const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
process.stdout.write(JSON.stringify({
  startupMs, p50Ms: q(0.5), p99Ms: q(0.99), botRate: median(botRates), bareRate: median(bareRates), rssMB, heapMB, idleRssMB: idleMB,
  seenSize: rt.app.seen.size, worst: sorted.slice(-12).map((x) => Math.round(x * 10) / 10),
}) + '\n')
await rt.stop()
if (withBare) await bare.stop().catch(() => undefined)
process.exit(0)
