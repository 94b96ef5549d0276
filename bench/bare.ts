// The yardsticks of the benchmark, each in its own process, fed the same messages as the bot:
//   tsx bench/bare.ts bare  ROOMS.json        a bare Wechaty + wechaty-puppet-mock bot, no-op handler
//   tsx bench/bare.ts naive ROOMS.json DATA   a naive lowdb bot: the whole history in one JSON file,
//                                             rewritten on every message (what a user might write first)
// ROOMS.json is [{ topic, members: [name…] }…]. Prints one JSON line of figures.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { idleRssMB, rssMB } from './idle.js'

const [mode, roomsFile, dataDir] = process.argv.slice(2) as ['bare' | 'naive', string, string | undefined]
process.env.WECHATY_LOG ??= 'silent'
const spec = JSON.parse(readFileSync(roomsFile, 'utf8')) as { topic: string; members: string[] }[]

const { WechatyBuilder, types } = await import('wechaty')
const { PuppetMock, mock } = await import('wechaty-puppet-mock')
type Mocker = InstanceType<typeof mock.Mocker>

let handled = 0
let onMessage: (text: string, talker: string) => Promise<void> | void = () => {}
if (mode === 'naive') {
  // every record of every branch and month in one file, as lowdb's examples keep a whole database
  const { Low } = await import('lowdb')
  const { JSONFile } = await import('lowdb/node')
  const records: unknown[] = []
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name)
      if (e.isDirectory()) walk(p)
      else if (/^\d{4}-\d{2}.*\.json$/.test(e.name)) records.push(...(JSON.parse(readFileSync(p, 'utf8')).records ?? []))
    }
  }
  walk(dataDir!)
  const db = new Low(new JSONFile<{ records: unknown[] }>(path.join(dataDir!, '..', `naive-${process.pid}.json`)), { records })
  await db.write()
  onMessage = async (text, talker) => {
    db.data.records.push({ type: 'checkin', member: talker, text, at: new Date().toISOString() })
    await db.write()
  }
}

const mocker: Mocker = new mock.Mocker()
const bot = WechatyBuilder.build({ puppet: new PuppetMock({ mocker }) as never, name: `bench-${mode}` })
let chain = Promise.resolve()
bot.on('message', (m) => {
  // one at a time, as a bot that stores each message must
  chain = chain.then(() => onMessage(m.text(), m.talker().name())).then(() => { handled++ })
})
await bot.start()
const self = mocker.createContact({ name: 'bare' })
mocker.login(self)
await new Promise<void>((r) => bot.once('login', () => r()))
const rooms = spec.map((s) => {
  const members = s.members.map((name) => mocker.createContact({ name }))
  return { room: mocker.createRoom({ topic: s.topic, memberIdList: [self.id, ...members.map((c) => c.id)] }), members }
})
const startupMs = performance.now()

let seq = 0
const TEXTS = ['打卡 学习党章 30分钟', '学习强国 今日积分45分', '已学习《习近平谈治国理政》第四卷，40分钟', '打卡：观看党史教育片一小时']
function nextMessage(i: number): string {
  const r = rooms[i % rooms.length]!
  const id = `bench-${process.pid}-${seq++}`
  mocker.MessageMock.create({
    id, talkerId: r.members[Math.floor(i / rooms.length) % r.members.length]!.id, roomId: r.room.id,
    timestamp: Date.now(), type: types.Message.Text, text: TEXTS[seq % TEXTS.length]!, mentionIdList: [],
  } as never)
  return id
}
async function burst(n: number): Promise<number> {
  const start = handled
  const ids = Array.from({ length: n }, (_, i) => nextMessage(i))
  const t = performance.now()
  for (const id of ids) mocker.puppet.emit('message', { messageId: id })
  while (handled - start < n) await new Promise((r) => setImmediate(r))
  return n / ((performance.now() - t) / 1000)
}

// the same number of messages as bench/child.ts sends the bot (warm-up, latency run, bursts)
const N_LAT = Number(process.env.BENCH_LATENCY_MESSAGES ?? 2000)
const N_TP = Number(process.env.BENCH_BURST ?? 400)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)
const rates: number[] = []
if (mode === 'naive') {
  // each write is the whole history: a few messages are enough to see the rate
  rates.push(await burst(Number(process.env.BENCH_NAIVE_MESSAGES ?? 20)))
} else {
  // the warm-up and the latency run one message at a time, as bench/child.ts sends them to the bot:
  // a single burst of 2040 would leave the bare bot a high-water mark the bot never reaches
  for (let i = 0; i < 40 + N_LAT; i++) {
    const start = handled
    mocker.puppet.emit('message', { messageId: nextMessage(i) })
    while (handled === start) await new Promise((r) => setImmediate(r))
  }
  for (let i = 0; i < ROUNDS; i++) rates.push(await burst(N_TP))
}
global.gc?.()
const busyMB = rssMB()
const idleMB = mode === 'bare' ? await idleRssMB() : undefined
const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
process.stdout.write(JSON.stringify({ startupMs, rate: median(rates), rssMB: busyMB, idleRssMB: idleMB }) + '\n')
await bot.stop().catch(() => undefined)
process.exit(0)
