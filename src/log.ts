// Plain, timestamped status lines for the person who runs the bot: no stack traces for anything a
// user can cause. Set ZHIBU_DEBUG=1 to see stacks of unexpected errors.
import { isoShanghai } from './domain/time.js'

export interface Logger {
  info(msg: string): void
  warn(msg: string): void
  error(msg: string, err?: unknown): void
}

export function createLogger(now: () => Date, write: (line: string) => void = (l) => process.stderr.write(l + '\n'), quiet = false): Logger {
  const stamp = () => isoShanghai(now()).slice(0, 19).replace('T', ' ')
  return {
    info: (m) => { if (!quiet) write(`${stamp()}  ${m}`) },
    warn: (m) => write(`${stamp()}  ⚠ ${m}`),
    error: (m, err) => {
      const detail = err instanceof Error ? `：${err.message}` : err ? `：${String(err)}` : ''
      write(`${stamp()}  ✖ ${m}${detail}`)
      if (process.env.ZHIBU_DEBUG && err instanceof Error && err.stack) write(err.stack)
    },
  }
}
