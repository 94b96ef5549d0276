// Counts the bot's in-flight work (message handlers, scheduled jobs, sends), so `simulate` can let
// each simulated moment finish before the clock moves on, and shutdown can wait for it. Each piece
// of work carries a label ("message", "send", "job:<name>") so a stall can say what is waiting.
export class Tracker {
  private readonly inFlight = new Map<number, string>()
  private seq = 0
  private waiters: (() => void)[] = []

  track<T>(p: Promise<T>, label = 'work'): Promise<T> {
    const id = ++this.seq
    this.inFlight.set(id, label)
    return p.finally(() => {
      this.inFlight.delete(id)
      if (this.inFlight.size === 0) {
        const w = this.waiters
        this.waiters = []
        w.forEach((f) => f())
      }
    })
  }

  get count(): number {
    return this.inFlight.size
  }

  /** Labels of the work in flight, oldest first. */
  get labels(): string[] {
    return [...this.inFlight.values()]
  }

  idle(): Promise<void> {
    return this.inFlight.size === 0 ? Promise.resolve() : new Promise((r) => this.waiters.push(r))
  }
}
