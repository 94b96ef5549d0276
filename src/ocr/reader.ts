// Screenshots wait in a queue of their own, read one at a time by one OCR worker that is started
// when the first one arrives and stopped after a few idle minutes (its memory returns). Text
// handling never waits for it: the worker is a separate thread, and nothing here is awaited by the
// router. Bounded: past `maxQueue` waiting images, new ones are not read.
import { tesseractEngine, type OcrEngine } from './engine.js'

let inFlight = 0
/** Whether any reader is reading or has images waiting (simulate waits for it as for real I/O). */
export const ocrBusy = (): boolean => inFlight > 0

export interface ReaderOptions {
  idleMs: number
  maxQueue: number
  engine?: () => Promise<OcrEngine>
  onError?: (e: unknown) => void
}

export class OcrReader {
  private engine: Promise<OcrEngine> | null = null
  private chain: Promise<unknown> = Promise.resolve()
  private waiting = 0
  private idle: ReturnType<typeof setTimeout> | null = null
  /** how many times a worker was started (tests and bench look) */
  starts = 0

  constructor(private readonly o: ReaderOptions) {}

  get queued(): number { return this.waiting }
  get full(): boolean { return this.waiting >= this.o.maxQueue }
  get running(): boolean { return this.engine !== null }

  /**
   * The image's text, or null when the queue is full. Rejects when OCR fails. `image` may be a step
   * that makes the picture (the grey copy): it runs in turn, inside the queue, so a burst of
   * screenshots never fills libuv's thread pool (which the bot's file writes share) with renders.
   */
  read(image: Buffer | (() => Promise<Buffer>)): Promise<string> | null {
    if (this.waiting >= this.o.maxQueue) return null
    this.waiting++
    inFlight++
    if (this.idle) { clearTimeout(this.idle); this.idle = null }
    const job = this.chain.then(async () => {
      const picture = typeof image === 'function' ? await image() : image
      const engine = await this.start()
      return engine.recognize(picture)
    })
    this.chain = job.catch(() => undefined).finally(() => {
      this.waiting--
      inFlight--
      if (this.waiting === 0) this.armIdle()
    })
    return job
  }

  private start(): Promise<OcrEngine> {
    if (!this.engine) {
      this.starts++
      this.engine = (this.o.engine ?? tesseractEngine)()
      this.engine.catch(() => { this.engine = null }) // a failed start is tried again next time
    }
    return this.engine
  }

  private armIdle(): void {
    if (this.idle) clearTimeout(this.idle)
    this.idle = setTimeout(() => { this.idle = null; void this.stopEngine() }, this.o.idleMs)
    this.idle.unref?.()
  }

  private async stopEngine(): Promise<void> {
    const e = this.engine
    this.engine = null
    if (e) await e.then((x) => x.terminate()).catch((err) => this.o.onError?.(err))
  }

  /** Waits for the queue, then stops the worker. */
  async stop(): Promise<void> {
    if (this.idle) { clearTimeout(this.idle); this.idle = null }
    await this.chain
    await this.stopEngine()
  }
}
