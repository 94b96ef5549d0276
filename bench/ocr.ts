// Text handling while screenshots are being read (issue 18): p99 of per-message handling (message
// in → parsed → stored → ack queued) while the OCR worker reads a steady stream of screenshots,
// divided by the same p99 with no screenshot in sight. Target ≤ 1.5: OCR runs in its own worker
// thread and queue, and the router never awaits it.
//   import { ocrBench } from './ocr.js'; await ocrBench(dir)   — runs the measurement in a child process
//   tsx bench/ocr.ts                                           — prints the figures
//   tsx bench/ocr.ts child DATA_DIR                            — the child itself (one JSON line)
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'

const HERE = fileURLToPath(import.meta.url)

export interface OcrBench {
  ocrTextP99Ratio: number
  absolute: { p99Ms: { idle: number; reading: number }; p50Ms: { idle: number; reading: number }; screenshotsRead: number; secondsPerScreenshot: number }
}

/** Runs the measurement in a fresh process (its memory and the worker thread are its own). */
export function ocrBench(dir: string): OcrBench {
  mkdirSync(dir, { recursive: true })
  const r = spawnSync(process.execPath, ['--import', 'tsx', HERE, 'child', dir], {
    encoding: 'utf8', env: { ...process.env, WECHATY_LOG: 'silent' }, maxBuffer: 16 << 20,
  })
  const line = r.stdout.trim().split('\n').pop() ?? ''
  if (r.status !== 0 || !line.startsWith('{')) throw new Error(`bench ocr child failed:\n${r.stderr}`)
  return JSON.parse(line) as OcrBench
}

async function child(dataDir: string): Promise<OcrBench> {
  process.env.WECHATY_LOG ??= 'silent'
  const { benchConfig } = await import('./history.js')
  const { createLogger } = await import('../src/log.js')
  const { PuppetMock, mock } = await import('wechaty-puppet-mock')
  const { types } = await import('wechaty')
  const { FileBox } = await import('file-box')
  const { createRuntime } = await import('../src/runtime.js')
  const { readerOf } = await import('../src/bot/handlers/screenshot.js')
  const { pointsPage } = await import('../test/screenshot/screens.js')

  const { config, list } = benchConfig(1, 200, 'ocr')
  const now = () => new Date()
  const routed = new Map<string, () => void>()
  const mocker = new mock.Mocker()
  const rt = await createRuntime({
    config, dataDir, puppet: new PuppetMock({ mocker }), log: createLogger(now, () => {}, true), now,
    hooks: { onRouted: (id) => { routed.get(id)?.(); routed.delete(id) } },
  })
  await rt.wechaty.start()
  const self = mocker.createContact({ name: config.bot.name })
  mocker.login(self)
  await new Promise<void>((r) => rt.wechaty.once('login', () => r()))
  const members = list[0]!.members.map((name) => mocker.createContact({ name }))
  const room = mocker.createRoom({ topic: list[0]!.room, memberIdList: [self.id, ...members.map((c) => c.id)] })

  let seq = 0
  const TEXTS = ['打卡 学习党章 30分钟', '学习强国 今日积分45分', '已学习《习近平谈治国理政》第四卷，40分钟', '打卡：观看党史教育片一小时']
  const emit = (talker: number, type: 'text' | 'image'): string => {
    const id = `ocr-${seq++}`
    const payload = {
      id, talkerId: members[talker % members.length]!.id, roomId: room.id, timestamp: Date.now(),
      type: type === 'image' ? types.Message.Image : types.Message.Text, text: type === 'image' ? '' : TEXTS[seq % TEXTS.length]!, mentionIdList: [],
    }
    if (type === 'image') mocker.cacheFileBoxPayload.set(id, FileBox.fromBase64(shots[seq % shots.length]!.toString('base64'), 'shot.png').toJSON())
    mocker.MessageMock.create(payload as never)
    mocker.puppet.emit('message', { messageId: id })
    return id
  }
  const shots = [pointsPage({ today: 29 }), pointsPage({ today: 41, dark: true, width: 720 }), pointsPage({ today: 33, width: 828 })]
  // texts come from the first 100 members, screenshots from the other 100 (one screenshot each a day)
  let nextShooter = 100
  const reader = readerOf(rt.app)
  // an image reaches the reader's queue a few hops after it is emitted: count it as waiting meanwhile
  let emitted = 0
  const keepBusy = () => {
    while (reader.queued + emitted < 2 && nextShooter < 200) {
      emitted++
      routed.set(emit(nextShooter++, 'image'), () => { emitted-- })
    }
  }
  const latencies = async (n: number, busy: boolean): Promise<number[]> => {
    const out: number[] = []
    for (let i = 0; i < n; i++) {
      if (busy) keepBusy()
      const t = performance.now()
      const done = new Promise<void>((r) => routed.set(`ocr-${seq}`, r))
      emit(i % 100, 'text')
      await done
      out.push(performance.now() - t)
      // members write a few a second, not a burst: give the worker's messages their turn
      await new Promise((r) => setTimeout(r, 5))
    }
    return out
  }
  const q = (xs: number[], p: number) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!
  // short alternating blocks, so that a busy moment of a shared machine lands on both sides alike
  const N = Number(process.env.BENCH_OCR_MESSAGES ?? 480)
  const ROUNDS = 8
  await latencies(40, false) // warm-up
  // start the worker before measuring: a screenshot's first reading loads the model
  keepBusy()
  while (reader.starts === 0 || !reader.running) await new Promise((r) => setTimeout(r, 10))
  const idle: number[] = []
  const reading: number[] = []
  const t0 = performance.now()
  const first = nextShooter
  for (let round = 0; round < ROUNDS; round++) {
    while (reader.queued + emitted > 0) await new Promise((r) => setTimeout(r, 20))
    idle.push(...(await latencies(N / ROUNDS, false)))
    reading.push(...(await latencies(N / ROUNDS, true)))
  }
  await rt.tracker.idle()
  const read = nextShooter - first
  const secondsPerScreenshot = (performance.now() - t0) / 1000 / Math.max(1, read)
  await rt.stop()
  await rt.wechaty.stop().catch(() => undefined)
  return {
    ocrTextP99Ratio: q(reading, 0.99) / q(idle, 0.99),
    absolute: { p99Ms: { idle: q(idle, 0.99), reading: q(reading, 0.99) }, p50Ms: { idle: q(idle, 0.5), reading: q(reading, 0.5) }, screenshotsRead: read, secondsPerScreenshot },
  }
}

if (process.argv[1] === HERE) {
  const [mode, dir] = process.argv.slice(2)
  if (mode === 'child') {
    process.stdout.write(JSON.stringify(await child(dir!)) + '\n')
    process.exit(0)
  }
  const root = mkdtempSync(path.join(os.tmpdir(), 'zhibu-bench-ocr-'))
  try {
    const r = ocrBench(root)
    process.stdout.write(`处理一条消息 p99（识别截图时 ÷ 无截图）：${r.absolute.p99Ms.idle.toFixed(2)} ms → ${r.absolute.p99Ms.reading.toFixed(2)} ms，比值 ${r.ocrTextP99Ratio.toFixed(2)}（目标 ≤ 1.5）；识别 ${r.absolute.screenshotsRead} 张\n`)
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}
