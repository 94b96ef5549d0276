// Assembles the bot — store, templates, outbox, Wechaty shell, routes, scheduler — around a given
// puppet and clock. `npm start` passes wechat4u and the real clock; `simulate` passes
// wechaty-puppet-mock under fake timers. Everything else is the same code.
import path from 'node:path'
import { WechatyBuilder, type Wechaty } from 'wechaty'
import type { App } from './bot/app.js'
import { Outbox } from './bot/outbox.js'
import { ROUTES } from './bot/routes.js'
import { stopScreenshots } from './bot/handlers/screenshot.js'
import { Shell, type ShellHooks } from './bot/shell.js'
import { Templates } from './templates.js'
import { Tracker } from './bot/tracker.js'
import type { Config } from './domain/types.js'
import { branchOn } from './domain/roster.js'
import { dayOf } from './domain/time.js'
import type { Logger } from './log.js'
import { JOBS } from './schedule/jobs.js'
import { Scheduler } from './schedule/scheduler.js'
import { removeStaleTemps } from './store/atomic.js'
import { lockDataDir } from './store/lock.js'
import { canonicalFromConfig, RecordStore } from './store/records.js'
import { SeenIndex } from './store/seen.js'
import { StateStore } from './store/state.js'

export interface RuntimeOptions {
  config: Config
  dataDir: string
  // the puppet instance (a wechaty-puppet Puppet); each puppet package bundles its own copy of
  // wechaty-puppet's types, so this says only "an object" and Wechaty checks it at start
  puppet: object
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
  /** waits for in-flight work, lets the outbox send for up to drainMs, stops cron and outbox, flushes and unlocks */
  stop(drainMs?: number): Promise<void>
}

export async function createRuntime(o: RuntimeOptions): Promise<Runtime> {
  const release = lockDataDir(o.dataDir)
  try {
    const stale = removeStaleTemps(o.dataDir)
    if (stale) o.log.info(`已清理上次意外中断留下的 ${stale} 个临时文件`)
    // a damaged data file is said loudly: in the log, and to the branch's secretaries
    let tellSecretaries: ((file: string, keptAs: string, reason: string) => void) | null = null
    const early: [string, string, string][] = []
    const onCorrupt = (file: string, keptAs: string, reason: string) => {
      o.log.error(`数据文件 ${file} 已损坏（${reason}），损坏的原件保留为 ${keptAs}，其余数据照常使用`)
      if (tellSecretaries) tellSecretaries(file, keptAs, reason)
      else early.push([file, keptAs, reason])
    }
    const store = new RecordStore(o.dataDir, onCorrupt, { canonical: canonicalFromConfig(o.config.branches) })
    for (const stray of store.strayBranchFolders(o.config.branches.map((b) => b.id))) {
      o.log.warn(`数据目录里的 ${stray}/ 不是配置中任何支部的 id，其中的记录不会被读到。若支部 id 改过，请把配置的 id 改回 ${stray}，或停止机器人后把文件夹改名为新 id。`)
    }
    const seen = new SeenIndex(o.dataDir, o.config.bot.dedupeDays, o.now())
    const state = await StateStore.open(o.dataDir, onCorrupt)
    await store.warm(o.config.branches.map((b) => b.id), o.now())
    const templates = new Templates()
    const tracker = new Tracker()
    const wechaty = WechatyBuilder.build({ puppet: o.puppet as never, name: o.sessionName ?? 'zhibu-bot' })
    let shell: Shell | null = null
    const outbox = new Outbox((m) => tracker.track(shell!.deliver(m), 'send'), o.config.bot, o.now, (l) => o.log.warn(l), (p) => tracker.track(p, 'send'))
    // scheduled notices survive a stop or a crash: they go out after the next login
    outbox.persistTo(path.join(o.dataDir, '_state', 'outbox.jsonl'))
    const app: App = { config: o.config, store, seen, state, templates, outbox, now: o.now, log: o.log, dataDir: o.dataDir, track: (p, l) => tracker.track(p, l) }
    tellSecretaries = (file, keptAs, reason) => {
      const rel = path.relative(o.dataDir, file)
      const branch = o.config.branches.find((b) => rel.startsWith(b.id + path.sep)) ?? (o.config.branches.length === 1 ? o.config.branches[0] : undefined)
      const m = /(\d{4})-(\d{2})\./.exec(path.basename(file))
      const view = { branch: branch?.name ?? '支部', file: rel, kept: path.relative(o.dataDir, keptAs), reason, month: m ? `${m[1]}年${Number(m[2])}月` : null }
      for (const s of branch ? branchOn(branch, dayOf(o.now())).secretaries : []) outbox.enqueue({ to: { contact: s }, text: templates.render('data-damaged', view), kind: 'notice' })
    }
    for (const e of early.splice(0)) tellSecretaries(...e)
    const branchIds = o.config.branches.map((b) => b.id)
    tracker.track(store.warmLastMonth(branchIds, o.now()).catch((e) => o.log.warn(`读取上月打卡日期未完成，用到时再读：${(e as Error).message}`)), 'warm')
    shell = new Shell(wechaty, app, ROUTES, o.hooks, tracker)
    const scheduler = new Scheduler(app, JOBS, (p, label) => tracker.track(p, label))
    return {
      app, wechaty, shell, scheduler, tracker,
      async stop(drainMs = 0) {
        await scheduler.stop()
        await tracker.idle()
        await stopScreenshots(app)
        // what does not go out now stays in the durable queue for the next start
        await outbox.drain(drainMs)
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
