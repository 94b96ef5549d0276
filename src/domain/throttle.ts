// How often the bot answers the same thing. Hundreds of `#我的` in a few minutes must not become
// hundreds of replies: each one delays everyone else's acknowledgement behind WeChat's send limits.
// Pure: the caller keeps the entries and passes the time.

export interface ThrottleRules {
  /** the same command from the same person is answered at most once in this long */
  windowMs: number
}

/** What happened last for one (person, command). */
export interface ThrottleEntry {
  answeredAt: number
  /** when the person was last told that repeats are not answered */
  warnedAt: number | null
}

/** answer; warn: say once that repeats within the window are not answered; silent: nothing. */
export type Verdict = 'answer' | 'warn' | 'silent'

/** A warning is repeated at most this often, however long a flood lasts. */
const WARN_AGAIN_MS = 24 * 3600_000

export function judge(entry: ThrottleEntry | undefined, now: number, rules: ThrottleRules): { verdict: Verdict; entry: ThrottleEntry } {
  if (!entry || now - entry.answeredAt >= rules.windowMs || now < entry.answeredAt) {
    return { verdict: 'answer', entry: { answeredAt: now, warnedAt: entry?.warnedAt ?? null } }
  }
  if (entry.warnedAt === null || now - entry.warnedAt >= WARN_AGAIN_MS) return { verdict: 'warn', entry: { ...entry, warnedAt: now } }
  return { verdict: 'silent', entry }
}

/** Entries that no longer affect any verdict, so a long-running bot's memory stays bounded. */
export function expired(entry: ThrottleEntry, now: number, rules: ThrottleRules): boolean {
  return now - entry.answeredAt >= rules.windowMs && (entry.warnedAt === null || now - entry.warnedAt >= WARN_AGAIN_MS)
}

/** The key for "the same command": its word and its arguments, spacing ignored. */
export function commandKey(person: string, name: string, rest: string): string {
  return `${person}\u0000${name}\u0000${rest.replace(/\s+/g, ' ').trim()}`
}
