// The bot's memory for flood limits (the rules are pure, in domain/throttle.ts): what was answered to
// whom and when, which strangers were already answered, and one-at-a-time saving per member.
// Kept per App and in memory: a restart forgets it, which only means one more answer.
import { commandKey, expired, judge, type Verdict } from '../domain/throttle.js'
import { capToDay, dailyCapMinutes } from '../domain/daily-cap.js'
import type { CheckinRecord, LedgerRecord } from '../domain/types.js'
import { isCheckin } from '../domain/records.js'
import type { App } from './app.js'

// bounds on what a hostile flood of fresh names can make the bot remember
const MAX_ENTRIES = 20_000
const MAX_STRANGERS = 20_000

class Limits {
  readonly entries = new Map<string, ReturnType<typeof judge>['entry']>()
  readonly strangers = new Set<string>()
  private readonly chains = new Map<string, Promise<unknown>>()

  constructor(private readonly app: App) {}

  private get windowMs(): number {
    return (this.app.config.bot.limits?.sameCommandMinutes ?? 3) * 60_000
  }

  command(person: string, name: string, rest: string, now: number): Verdict {
    const rules = { windowMs: this.windowMs }
    if (rules.windowMs <= 0) return 'answer'
    const key = commandKey(person, name, rest)
    const { verdict, entry } = judge(this.entries.get(key), now, rules)
    this.entries.delete(key) // re-insert: the Map's order is then oldest first
    this.entries.set(key, entry)
    if (this.entries.size > MAX_ENTRIES) {
      for (const [k, e] of this.entries) {
        if (this.entries.size <= MAX_ENTRIES / 2) break
        if (expired(e, now, rules) || this.entries.size > MAX_ENTRIES) this.entries.delete(k)
      }
    }
    return verdict
  }

  /** True the first time a stranger is answered; afterwards false. */
  firstForStranger(key: string): boolean {
    if (this.strangers.has(key)) return false
    if (this.strangers.size >= MAX_STRANGERS) this.strangers.delete(this.strangers.values().next().value!)
    this.strangers.add(key)
    return true
  }

  /** Runs `fn` after every earlier `fn` with the same key: a member's check-ins are capped one at a time. */
  serial<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.chains.get(key) ?? Promise.resolve()
    const next = prev.then(fn, fn)
    const tail = next.catch(() => undefined)
    this.chains.set(key, tail)
    void tail.then(() => { if (this.chains.get(key) === tail) this.chains.delete(key) })
    return next
  }
}

const byApp = new WeakMap<App, Limits>()

export function limitsOf(app: App): Limits {
  let l = byApp.get(app)
  if (!l) { l = new Limits(app); byApp.set(app, l) }
  return l
}

/**
 * Saves records, with check-ins credited only up to the branch's daily ceiling (domain/daily-cap.ts).
 * One member's check-ins are capped and saved one at a time, so a burst cannot race past the ceiling.
 */
export async function saveWithinDailyCap(app: App, recs: LedgerRecord[]): Promise<void> {
  const checkins = recs.filter(isCheckin)
  if (!checkins.length) {
    for (const r of recs) await app.store.add(r)
    return
  }
  const first = checkins[0]!
  const branch = app.config.branches.find((b) => b.id === first.branch)
  const cap = dailyCapMinutes(branch?.checkin ?? {})
  await limitsOf(app).serial(`${first.branch}:${first.member}`, async () => {
    const existing: CheckinRecord[] = []
    for (const m of new Set(checkins.map((r) => r.date.slice(0, 7)))) {
      for (const r of await app.store.memberView(first.branch, m, first.member)) if (r.type === 'checkin') existing.push(r)
    }
    const { records } = capToDay(existing, checkins, cap)
    const capped = new Map(checkins.map((r, i) => [r, records[i]!]))
    for (const r of recs) await app.store.add(r.type === 'checkin' ? capped.get(r)! : r)
  })
}
