// croner at the edge: each job fires at its Shanghai wall-clock time; jobs missed while the bot
// was down run once on start-up (their own logic decides whether it is still worth sending).
// Shanghai is a fixed UTC+8 (no DST since 1991), given to croner as an offset: a named time zone
// would load Intl's zone data, ~9 MB of resident memory on a small machine (issue 19).
import { Cron } from 'croner'
import type { App } from '../bot/app.js'
import type { Branch } from '../domain/types.js'
import { addDays, dayOf, instantAt, isoShanghai, SHANGHAI_OFFSET_MINUTES } from '../domain/time.js'

export type When = { daily: string } | { monthly: { day: number; time: string } } | { every: number /* minutes */ }

export interface Job {
  name: string
  /** when the job runs for a branch; [] = not for this branch */
  when(branch: Branch): When[]
  /** firedAt: the scheduled instant; catchUp: running late, on start-up */
  run(app: App, branch: Branch, firedAt: Date, catchUp: boolean): Promise<void>
}

/** How far back a restart looks for missed jobs. */
const CATCH_UP_DAYS = 35

export function cronOf(w: When): string {
  if ('daily' in w) { const [h, m] = w.daily.split(':'); return `${+m!} ${+h!} * * *` }
  if ('monthly' in w) { const [h, m] = w.monthly.time.split(':'); return `${+m!} ${+h!} ${w.monthly.day} * *` }
  return `*/${w.every} * * * *`
}

/** The live trigger of a When (unarmed without `fn`: only its next runs can be asked). */
export function trigger(w: When, fn?: () => void): Cron {
  const opts = { utcOffset: SHANGHAI_OFFSET_MINUTES }
  return fn ? new Cron(cronOf(w), opts, fn) : new Cron(cronOf(w), opts)
}

/** Scheduled instants of a When in (from, to]. `every` jobs are not caught up: they run on the next beat. */
export function instantsBetween(w: When, from: Date, to: Date): Date[] {
  if ('every' in w) return []
  const out: Date[] = []
  let day = dayOf(from)
  const last = dayOf(to)
  while (day <= last) {
    const hit = 'daily' in w ? instantAt(day, w.daily)
      : Number(day.slice(8)) === w.monthly.day ? instantAt(day, w.monthly.time) : null
    if (hit && hit > from && hit <= to) out.push(hit)
    day = addDays(day, 1)
  }
  return out
}

export class Scheduler {
  private tasks: { job: string; branch: string; task: Cron }[] = []
  // start() awaits the catch-up; a stop in the meantime must not be followed by armed tasks
  private stopped = false

  constructor(private readonly app: App, private readonly jobs: readonly Job[], private readonly track: <T>(p: Promise<T>, label?: string) => Promise<T>) {}

  private async runSafe(job: Job, branch: Branch, at: Date, catchUp: boolean): Promise<void> {
    try {
      await job.run(this.app, branch, at, catchUp)
    } catch (e) {
      this.app.log.error(`定时任务「${job.name}」（${branch.name}）出错`, e)
    }
  }

  /** Runs what was missed since the bot last ran, then arms the cron tasks. */
  async start(): Promise<void> {
    // notices a stopped bot left in its durable queue go first, before anything new
    this.app.outbox.resume()
    const now = this.app.now()
    const last = this.app.state.data.lastTick
    if (last !== null && last < now.getTime()) {
      const from = new Date(Math.max(last, now.getTime() - CATCH_UP_DAYS * 86400_000))
      const missed: { at: Date; job: Job; branch: Branch }[] = []
      for (const branch of this.app.config.branches) for (const job of this.jobs) for (const w of job.when(branch)) {
        for (const at of instantsBetween(w, from, now)) missed.push({ at, job, branch })
      }
      missed.sort((a, b) => a.at.getTime() - b.at.getTime())
      if (missed.length) this.app.log.info(`补做停机期间错过的定时任务 ${missed.length} 项（自 ${isoShanghai(from).slice(0, 16).replace('T', ' ')} 起）`)
      for (const m of missed) {
        if (this.stopped) return
        await this.track(this.runSafe(m.job, m.branch, m.at, true), `catch-up:${m.job.name}`)
      }
    }
    if (this.stopped) return
    await this.app.state.setLastTick(now.getTime())
    if (this.stopped) return
    // one trigger per distinct time, shared by every branch and job due then: a trigger costs
    // ~80 KB (croner's year table), and 20 branches × 5 jobs would otherwise hold a hundred
    const due = new Map<string, { w: When; runs: { job: Job; branch: Branch }[] }>()
    for (const branch of this.app.config.branches) for (const job of this.jobs) for (const w of job.when(branch)) {
      const key = cronOf(w)
      if (!due.has(key)) due.set(key, { w, runs: [] })
      due.get(key)!.runs.push({ job, branch })
    }
    for (const { w, runs } of due.values()) {
      const task = trigger(w, () => {
        for (const { job, branch } of runs) {
          void this.track((async () => {
            const at = this.app.now()
            await this.runSafe(job, branch, at, false)
            await this.app.state.setLastTick(at.getTime())
          })(), `job:${job.name}`)
        }
      })
      for (const { job, branch } of runs) this.tasks.push({ job: job.name, branch: branch.id, task })
    }
  }

  /** For the start-up status: each job's next run. */
  nextRuns(): { job: string; branch: string; next: Date | null }[] {
    return this.tasks.map((t) => ({ job: t.job, branch: t.branch, next: t.task.nextRun() }))
  }

  async stop(): Promise<void> {
    this.stopped = true
    for (const t of new Set(this.tasks.map((x) => x.task))) t.stop()
    this.tasks = []
  }
}
