// `zhibu-bot simulate`: the real bot — Wechaty with wechaty-puppet-mock, the same router, store,
// scheduler and templates as live — on a simulated clock. Fake timers are installed *before*
// wechaty and the puppet are imported (they are imported dynamically below).
import FakeTimers from '@sinonjs/fake-timers'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import fsp from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Config } from '../domain/types.js'
import { isoShanghai } from '../domain/time.js'
import { createLogger } from '../log.js'
import { now as clockNow } from '../clock.js'
import type { SentMessage } from '../bot/outbox.js'
import { parseTranscript, type SimEvent } from './transcript.js'
import { ocrBusy } from '../ocr/reader.js'
import { reportsLoading } from '../report/lazy.js'

export interface SimulateOptions {
  config: Config
  transcriptFile: string
  until?: Date
  from?: Date
  dataDir?: string
  pretty?: boolean
  out?: (line: string) => void
  err?: (line: string) => void
  /** log bot status lines (login, jobs) to err */
  verbose?: boolean
}

// a 1×1 PNG, standing in for photos sent in a transcript
const PIXEL = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='

// Real I/O the bot has asked libuv for and not yet got back (file system, DNS). While any is in
// flight the simulated moment is not over, however long the machine takes: the clock must wait.
const REAL_IO = /^(FSReq|FileHandle|CloseReq$|GetAddrInfo|GetNameInfo)/
// a screenshot being read (a worker thread) is real work too: the simulated moment waits for it
// … and so is a module still loading (Word, Excel on first use)
const realIoInFlight = () => ocrBusy() || reportsLoading() || process.getActiveResourcesInfo().some((r) => REAL_IO.test(r))

/** Tracked work, no real I/O, no timer due now: it waits on a future simulated timer (or forever). */
const STALL_ROUNDS = 200
const STALL_MS = 20
/** A moment whose real I/O takes longer than this is reported and left behind. */
const MAX_SETTLE_MS = 60_000
/** Rounds spent spinning before waiting for I/O in 1 ms sleeps (spinning is faster, sleeping kinder). */
const SPIN_ROUNDS = 2_000

/**
 * ZHIBU_SIM_SLOW_FSYNC_MS=300 makes every fsync take at least that long in real time (it keeps
 * fsyncing), as on a loaded machine, so tests can check that simulated times do not depend on it.
 */
async function slowFsync(ms: number, probe: string): Promise<() => void> {
  const fh = await fsp.open(probe, 'r')
  const proto = Object.getPrototypeOf(fh) as { sync(): Promise<void>; datasync(): Promise<void> }
  await fh.close()
  const { sync, datasync } = proto
  const slow = (f: () => Promise<void>) => async function (this: unknown) {
    const end = performance.now() + ms
    do await f.call(this); while (performance.now() < end)
  }
  proto.sync = slow(sync)
  proto.datasync = slow(datasync)
  return () => { proto.sync = sync; proto.datasync = datasync }
}

export function formatSent(m: SentMessage, pretty: boolean): string {
  const to = m.to.room ? { room: m.to.room } : { contact: m.to.contact }
  if (!pretty) {
    return JSON.stringify(m.file
      ? { at: isoShanghai(m.at), to, file: m.file.name }
      : { at: isoShanghai(m.at), to, text: m.text ?? '', ...(m.mentions?.length ? { mentions: m.mentions } : {}) })
  }
  const when = isoShanghai(m.at).slice(5, 16).replace('T', ' ')
  const where = m.to.room ? `群「${m.to.room}」` : `私信「${m.to.contact}」`
  const at = m.mentions?.length ? ` @${m.mentions.join(' @')}` : ''
  const body = m.file ? `[文件] ${m.file.name}` : (m.text ?? '')
  return `── ${when}  → ${where}${at}\n${body.split('\n').map((l) => '   ' + l).join('\n')}\n`
}

export async function simulate(o: SimulateOptions): Promise<number> {
  const out = o.out ?? ((l: string) => process.stdout.write(l + '\n'))
  const err = o.err ?? ((l: string) => process.stderr.write(l + '\n'))
  let text: string
  try {
    text = readFileSync(o.transcriptFile, 'utf8')
  } catch (e) {
    err(`无法读取对话记录文件 ${o.transcriptFile}（${(e as NodeJS.ErrnoException).code}）`)
    return 2
  }
  const { events, problems } = parseTranscript(text)
  for (const p of problems) err(`${o.transcriptFile}:${p.line}  已跳过：${p.message}`)
  const start = o.from ?? events[0]?.at ?? clockNow()
  const until = o.until ?? new Date((events.at(-1)?.at ?? start).getTime() + 60_000)
  const dataDir = o.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'zhibu-sim-'))
  if (!o.dataDir) err(`数据目录（临时，结束后删除；要保留请用 --data）：${dataDir}`)

  const slowMs = Number(process.env.ZHIBU_SIM_SLOW_FSYNC_MS ?? 0)
  const unslow = slowMs > 0 ? await slowFsync(slowMs, o.transcriptFile) : () => {}
  const realSetImmediate = globalThis.setImmediate
  const realSetTimeout = globalThis.setTimeout
  const clock = FakeTimers.install({
    now: start.getTime(),
    toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate'],
  })
  const yieldReal = () => new Promise<void>((r) => realSetImmediate(() => r()))
  const sleepReal = () => new Promise<void>((r) => realSetTimeout(() => r(), 1))
  try {
    process.env.WECHATY_LOG ??= 'silent'
    const { PuppetMock, mock } = await import('wechaty-puppet-mock')
    const { types } = await import('wechaty')
    const { FileBox } = await import('file-box')
    type FileBoxLike = ReturnType<typeof FileBox.fromBase64>
    const { createRuntime } = await import('../runtime.js')

    const now = clockNow
    const log = createLogger(now, err, !o.verbose)
    const routed = new Map<string, () => void>()
    const mocker = new mock.Mocker()
    const puppet = new PuppetMock({ mocker })
    const rt = await createRuntime({
      config: o.config, dataDir, puppet, log, now,
      hooks: { onRouted: (id) => { routed.get(id)?.(); routed.delete(id) } },
    }).catch((e) => { err(String((e as Error).message)); return null })
    if (!rt) return 2
    rt.app.outbox.on('sent', (m: SentMessage) => out(formatSent(m, !!o.pretty)))

    // fake-timers keeps its timers in a heap (v15) or a plain map (older): peek at the soonest
    const timers = clock as unknown as { timerHeap?: { peek(): { callAt: number } | undefined }; timers?: Map<number, { callAt: number }> | Record<string, { callAt: number }> }
    const nextTimerAt = () => {
      if (timers.timerHeap) return timers.timerHeap.peek()?.callAt ?? Infinity
      let m = Infinity
      const all = timers.timers instanceof Map ? [...timers.timers.values()] : Object.values(timers.timers ?? {})
      for (const t of all) if (t.callAt < m) m = t.callAt
      return m
    }
    /**
     * Lets the bot finish what the current simulated moment started, without moving the clock.
     * The moment is over when no tracked work (and no awaited `pending()`) is left for a few
     * rounds — timers and Wechaty hop through several promises before reaching the bot's code.
     * Work waiting on real I/O is waited for in real time, however slow the machine; work waiting
     * only on a later simulated timer (nothing real in flight, nothing due now) ends the moment, so
     * the clock can move on to that timer.
     */
    const settle = async (pending: () => boolean = () => false) => {
      const t0 = performance.now()
      let quiet = 0
      let stalledSince = -1
      let stalledRounds = 0
      for (let i = 0; quiet < 6; i++) {
        await clock.tickAsync(0)
        await (i < SPIN_ROUNDS || !realIoInFlight() ? yieldReal() : sleepReal())
        if (rt.tracker.count === 0 && !pending()) { quiet++; stalledSince = -1; continue }
        quiet = 0
        if (performance.now() - t0 > MAX_SETTLE_MS) {
          err(`（模拟）${isoShanghai(new Date(clock.now))} 的处理 ${MAX_SETTLE_MS / 1000} 秒仍未完成（${rt.tracker.labels.join('、') || '消息投递'}），模拟时钟继续前进，之后的时间可能不准`)
          return
        }
        const next = nextTimerAt()
        if (realIoInFlight() || next <= clock.now) { stalledSince = -1; continue }
        if (stalledSince < 0) { stalledSince = performance.now(); stalledRounds = 0 }
        stalledRounds++
        // a zero-delay timer set while the clock ticks is due 1 ms later (fake-timers): a hop, not
        // a wait (JSZip, inside exceljs and docx, hops like this) — move on at once
        if (next - clock.now <= 1 && stalledRounds >= 6) return
        if (stalledRounds >= STALL_ROUNDS && performance.now() - stalledSince >= STALL_MS) {
          if (o.verbose) err(`（模拟）等待模拟时钟的定时器：${rt.tracker.labels.join('、') || '消息投递'}，时钟前进`)
          return
        }
      }
    }
    /** Advances the clock to `t`, firing each timer on the way and settling after each. */
    const advanceTo = async (t: number) => {
      for (;;) {
        const next = nextTimerAt()
        if (next > t) break
        await clock.tickAsync(Math.max(0, next - clock.now))
        await settle()
      }
      if (t > clock.now) await clock.tickAsync(t - clock.now)
      await settle()
    }
    const startWechaty = rt.wechaty.start()
    while (!(await Promise.race([startWechaty.then(() => true), yieldReal().then(() => false as const)]))) {
      // Wechaty's start-up waits on its own timers; real I/O it waits for takes no simulated time
      await clock.tickAsync(realIoInFlight() ? 0 : 10)
    }
    const self = mocker.createContact({ name: o.config.bot.name })
    mocker.login(self)
    await clock.tickAsync(0)
    await settle()

    const rooms = new Map<string, InstanceType<typeof mocker.RoomMock>>()
    const contacts = new Map<string, InstanceType<typeof mocker.ContactMock>>()
    const contactOf = (name: string) => {
      let c = contacts.get(name)
      if (!c) { c = mocker.createContact({ name }); contacts.set(name, c) }
      return c
    }
    const roomOf = (topic: string) => {
      let r = rooms.get(topic)
      if (!r) { r = mocker.createRoom({ topic, memberIdList: [self.id] }); rooms.set(topic, r) }
      return r
    }
    for (const b of o.config.branches) for (const t of b.rooms) roomOf(t)
    for (const b of o.config.branches) for (const m of b.members) contactOf(m.name)

    await rt.scheduler.start()
    await settle()
    if (o.verbose) for (const n of rt.scheduler.nextRuns()) log.info(`定时任务 ${n.branch} ${n.job}：下次 ${n.next ? isoShanghai(n.next) : '—'}`)

    const deliver = async (ev: SimEvent) => {
      const talker = contactOf(ev.from)
      const payload: Record<string, unknown> = {
        id: ev.id, talkerId: talker.id, timestamp: ev.at.getTime(),
        type: ev.type === 'image' ? types.Message.Image : ev.type === 'recall' ? types.Message.Recalled : types.Message.Text,
        text: ev.text, mentionIdList: [],
      }
      if (ev.room) {
        const room = roomOf(ev.room)
        if (!room.payload.memberIdList.includes(talker.id)) room.payload.memberIdList.push(talker.id)
        payload.roomId = room.id
        if (ev.text.includes(`@${o.config.bot.name}`)) payload.mentionIdList = [self.id]
      } else {
        payload.listenerId = self.id
      }
      if (ev.type === 'image') {
        let picture: FileBoxLike | null = null
        if (ev.file) {
          try {
            picture = FileBox.fromBase64(readFileSync(path.resolve(path.dirname(o.transcriptFile), ev.file)).toString('base64'), path.basename(ev.file))
          } catch (e) {
            err(`${o.transcriptFile}:${ev.line}  图片 ${ev.file} 无法读取（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}），改用空白图片`)
          }
        }
        picture ??= FileBox.fromBase64(PIXEL, /\.(png|jpe?g)$/i.test(ev.text) ? ev.text : `${ev.id}.png`)
        mocker.cacheFileBoxPayload.set(ev.id, picture.toJSON())
      }
      let taken = false
      routed.set(ev.id, () => { taken = true })
      try {
        mocker.MessageMock.create(payload as never)
      } catch {
        // a redelivered id: the mock keeps one payload per id, as WeChat does
      }
      mocker.puppet.emit('message', { messageId: ev.id })
      // taken once routed (handled or ignored); a message Wechaty never hands over ends as a stall
      await settle(() => !taken)
      routed.delete(ev.id)
    }

    for (const ev of events) {
      if (ev.at.getTime() > until.getTime()) break
      await advanceTo(ev.at.getTime())
      await deliver(ev)
    }
    await advanceTo(until.getTime())
    await rt.stop()
    const stopping = rt.wechaty.stop().catch(() => undefined)
    for (let i = 0; i < 100; i++) {
      const ok = await Promise.race([stopping.then(() => true), yieldReal().then(() => false)])
      if (ok) break
      await clock.tickAsync(1000)
    }
    return 0
  } finally {
    clock.uninstall()
    // a folder made for this run only is not left behind in /tmp
    if (!o.dataDir) rmSync(dataDir, { recursive: true, force: true })
    unslow()
  }
}
