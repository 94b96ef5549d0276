// The scheduler at the edge: each job fires at its Shanghai wall-clock time; jobs missed while the bot
// was down run once on start-up (their own logic decides whether it is still worth sending).
// One timer for all branches and jobs, armed for the soonest due instant as the catch-up computes it
// (instantsBetween, Shanghai's fixed UTC+8). A cron library would load Intl's zone data (~9 MB) and
// poll (croner: every 30 s per trigger, slow under simulate's fake clock) — issue 19.
import type { App } from '../bot/app.js'
import type { Branch } from '../domain/types.js'
import { addDays, dayOf, instantAt, isoShanghai } from '../domain/time.js'

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

/**
 * The first scheduled instant of a When after `after`: `every` jobs on the wall-clock beat (a minute
 * of the hour that is a multiple of N, as in cron), the others as the catch-up sees them.
 */
export function nextInstant(w: When, after: Date): Date | null {
  if ('every' in w) {
    const minute = 60_000
    let t = Math.floor(after.getTime() / minute) * minute + minute
    for (let i = 0; i < 61; i++, t += minute) if (new Date(t).getUTCMinutes() % w.every === 0) return new Date(t)
    return null
  }
  return instantsBetween(w, after, new Date(after.getTime() + 32 * 86400_000))[0] ?? null
}

/** The timer looks again at least this often, so a suspended machine or a clock set right is caught up within the hour. */
const LOOK_AGAIN_MS = 3600_000

interface Due { w: When; runs: { job: Job; branch: Branch }[]; next: Date | null }

export class Scheduler {
  private due: Due[] = []
  private timer: ReturnType<typeof setTimeout> | null = null
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

  /** Runs what was missed since the bot last ran, then arms the timer. */
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
    // one entry per distinct time, shared by every branch and job due then
    const byTime = new Map<string, Due>()
    for (const branch of this.app.config.branches) for (const job of this.jobs) for (const w of job.when(branch)) {
      const key = JSON.stringify(w)
      if (!byTime.has(key)) byTime.set(key, { w, runs: [], next: null })
      byTime.get(key)!.runs.push({ job, branch })
    }
    this.due = [...byTime.values()]
    for (const d of this.due) d.next = nextInstant(d.w, now)
    this.arm()
  }

  private arm(): void {
    if (this.stopped || !this.due.length) return
    const now = this.app.now().getTime()
    const soonest = Math.min(...this.due.map((d) => d.next?.getTime() ?? Infinity))
    this.timer = setTimeout(() => this.fire(), Math.max(0, Math.min(LOOK_AGAIN_MS, soonest - now)))
  }

  private fire(): void {
    this.timer = null
    if (this.stopped) return
    const now = this.app.now()
    for (const d of this.due) {
      if (!d.next || d.next > now) continue
      for (const { job, branch } of d.runs) {
        void this.track((async () => {
          const at = this.app.now()
          await this.runSafe(job, branch, at, false)
          await this.app.state.setLastTick(at.getTime())
        })(), `job:${job.name}`)
      }
      d.next = nextInstant(d.w, now)
    }
    this.arm()
  }

  /** For the start-up status: each job's next run. */
  nextRuns(): { job: string; branch: string; next: Date | null }[] {
    return this.due.flatMap((d) => d.runs.map(({ job, branch }) => ({ job: job.name, branch: branch.id, next: d.next })))
  }

  async stop(): Promise<void> {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.due = []
  }
}
