// `zhibu-bot simulate`: the real bot — Wechaty with wechaty-puppet-mock, the same router, store,
// scheduler and templates as live — on a simulated clock. Fake timers are installed *before*
// wechaty, the puppet and node-cron are imported (they are imported dynamically below).
import FakeTimers from '@sinonjs/fake-timers'
import { mkdtempSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Config } from '../domain/types.js'
import { isoShanghai } from '../domain/time.js'
import { createLogger } from '../log.js'
import type { SentMessage } from '../bot/outbox.js'
import { parseTranscript, type SimEvent } from './transcript.js'

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
  const start = o.from ?? events[0]?.at ?? new Date()
  const until = o.until ?? new Date((events.at(-1)?.at ?? start).getTime() + 60_000)
  const dataDir = o.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'zhibu-sim-'))
  if (!o.dataDir) err(`数据目录：${dataDir}`)

  const realSetImmediate = globalThis.setImmediate
  const clock = FakeTimers.install({
    now: start.getTime(),
    toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate'],
  })
  const yieldReal = () => new Promise<void>((r) => realSetImmediate(() => r()))
  try {
    process.env.WECHATY_LOG ??= 'silent'
    const { PuppetMock, mock } = await import('wechaty-puppet-mock')
    const { types } = await import('wechaty')
    const { FileBox } = await import('file-box')
    const { createRuntime } = await import('../runtime.js')

    const now = () => new Date(Date.now())
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

    /** Lets the bot finish what the current simulated moment started (real I/O included). */
    const settle = async () => {
      // node-cron and Wechaty hop through several promises before reaching the bot's code:
      // the moment is settled when nothing of the bot's has been in flight for a few rounds
      let quiet = 0
      let i = 0
      for (; i < 10_000 && quiet < 6; i++) {
        await clock.tickAsync(0)
        await yieldReal()
        quiet = rt.tracker.count === 0 ? quiet + 1 : 0
      }
      if (process.env.SIM_DEBUG) process.stderr.write(`settle ${i} ${rt.tracker.count}\n`)
    }
    // fake-timers keeps its timers in a heap (v15) or a plain map (older): peek at the soonest
    const timers = clock as unknown as { timerHeap?: { peek(): { callAt: number } | undefined }; timers?: Map<number, { callAt: number }> | Record<string, { callAt: number }> }
    const nextTimerAt = () => {
      if (timers.timerHeap) return timers.timerHeap.peek()?.callAt ?? Infinity
      let m = Infinity
      const all = timers.timers instanceof Map ? [...timers.timers.values()] : Object.values(timers.timers ?? {})
      for (const t of all) if (t.callAt < m) m = t.callAt
      return m
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
      await clock.tickAsync(10)
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
      if (ev.type === 'image') mocker.cacheFileBoxPayload.set(ev.id, FileBox.fromBase64(PIXEL, /\.(png|jpe?g)$/i.test(ev.text) ? ev.text : `${ev.id}.png`).toJSON())
      const done = new Promise<void>((r) => routed.set(ev.id, r))
      try {
        mocker.MessageMock.create(payload as never)
      } catch {
        // a redelivered id: the mock keeps one payload per id, as WeChat does
      }
      mocker.puppet.emit('message', { messageId: ev.id })
      // wait (in real time) for the bot to take the message; it never advances the simulated clock
      for (let i = 0; i < 5000; i++) {
        const ok = await Promise.race([done.then(() => true), yieldReal().then(() => false)])
        if (ok) break
        await clock.tickAsync(0)
      }
      routed.delete(ev.id)
      await settle()
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
  }
}
