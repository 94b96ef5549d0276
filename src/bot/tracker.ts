// Counts the bot's in-flight work (message handlers, scheduled jobs, sends), so `simulate` can let
// each simulated moment finish before the clock moves on, and shutdown can wait for it.
export class Tracker {
  private n = 0
  private waiters: (() => void)[] = []

  track<T>(p: Promise<T>): Promise<T> {
    this.n++
    return p.finally(() => {
      if (--this.n === 0) {
        const w = this.waiters
        this.waiters = []
        w.forEach((f) => f())
      }
    })
  }

  get count(): number {
    return this.n
  }

  idle(): Promise<void> {
    return this.n === 0 ? Promise.resolve() : new Promise((r) => this.waiters.push(r))
  }
}
