// Assembles the bot — store, templates, outbox, Wechaty shell, routes, scheduler — around a given
// puppet and clock. `npm start` passes wechat4u and the real clock; `simulate` passes
// wechaty-puppet-mock under fake timers. Everything else is the same code.
import { WechatyBuilder, type Wechaty } from 'wechaty'
import type { App } from './bot/app.js'
import { Outbox } from './bot/outbox.js'
import { ROUTES } from './bot/routes.js'
import { Shell, type ShellHooks } from './bot/shell.js'
import { Templates } from './bot/templates.js'
import { Tracker } from './bot/tracker.js'
import type { Config } from './domain/types.js'
import type { Logger } from './log.js'
import { JOBS } from './schedule/jobs.js'
import { Scheduler } from './schedule/scheduler.js'
import { removeStaleTemps } from './store/atomic.js'
import { lockDataDir } from './store/lock.js'
import { RecordStore } from './store/records.js'
import { SeenIndex } from './store/seen.js'
import { StateStore } from './store/state.js'

export interface RuntimeOptions {
  config: Config
  dataDir: string
  // the puppet instance (wechaty-puppet's Puppet); typed loosely to keep puppets interchangeable
  puppet: ConstructorParameters<typeof Object>[0]
  log: Logger
  now: () => Date
  hooks?: ShellHooks
  /** Wechaty's name: its login session is saved as <name>.memory-card.json */
  sessionName?: string
}

export interface Runtime {
  app: App
  wechaty: Wechaty
  shell: Shell
  scheduler: Scheduler
  tracker: Tracker
  /** waits for in-flight work, stops cron and outbox, flushes and unlocks */
  stop(): Promise<void>
}

export async function createRuntime(o: RuntimeOptions): Promise<Runtime> {
  const release = lockDataDir(o.dataDir)
  try {
    const stale = removeStaleTemps(o.dataDir)
    if (stale) o.log.info(`已清理上次意外中断留下的 ${stale} 个临时文件`)
    const onCorrupt = (file: string, movedTo: string, reason: string) =>
      o.log.error(`数据文件 ${file} 已损坏（${reason}），已移到 ${movedTo}，其余数据照常使用`)
    const store = new RecordStore(o.dataDir, onCorrupt)
    const seen = new SeenIndex(o.dataDir, o.config.bot.dedupeDays, o.now())
    const state = await StateStore.open(o.dataDir, onCorrupt)
    await store.warm(o.config.branches.map((b) => b.id), o.now())
    const templates = new Templates()
    const tracker = new Tracker()
    const wechaty = WechatyBuilder.build({ puppet: o.puppet as never, name: o.sessionName ?? 'zhibu-bot' })
    let shell: Shell | null = null
    const outbox = new Outbox((m) => tracker.track(shell!.deliver(m), 'send'), o.config.bot, o.now, (l) => o.log.warn(l))
    const app: App = { config: o.config, store, seen, state, templates, outbox, now: o.now, log: o.log, dataDir: o.dataDir }
    shell = new Shell(wechaty, app, ROUTES, o.hooks, tracker)
    const scheduler = new Scheduler(app, JOBS, (p, label) => tracker.track(p, label))
    return {
      app, wechaty, shell, scheduler, tracker,
      async stop() {
        await scheduler.stop()
        await tracker.idle()
        outbox.stop()
        await store.flush()
        await store.fold().catch((e) => o.log.warn(`整理数据文件未完成，下次启动会自动补上：${(e as Error).message}`))
        await state.flush()
        release()
      },
    }
  } catch (e) {
    release()
    throw e
  }
}
