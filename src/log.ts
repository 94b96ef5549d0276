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

/** The part of brolog, Wechaty's logger, that decides where its lines go and how they are stamped. */
export interface LibraryLog {
  enableLogging(printer: (levelTitle: string, text?: string) => void): unknown
  timestamp(enable: boolean): unknown
  level(name?: string): unknown
}

/**
 * Wechaty, its puppets and memory-card print through brolog, stamped in the machine's time zone
 * (UTC on most servers): their lines go through our logger instead, in Beijing time like ours.
 * wechaty's `log` is one brolog; memory-card, wechaty-token and state-switch share brolog's global
 * instance, reached through the same class.
 */
export function routeLibraryLogs(wechatyLog: LibraryLog, logger: Logger, level: string): void {
  const global = (wechatyLog.constructor as { instance?: () => LibraryLog }).instance?.()
  for (const b of new Set([wechatyLog, global].filter((x): x is LibraryLog => !!x))) {
    b.timestamp(false)
    b.enableLogging((levelTitle, text) => {
      const line = `[Wechaty] ${(text ?? '').replace(/^(ERR|WARN|INFO|VERB|SILL) /, '')}`
      if (levelTitle === 'ERR') logger.error(line)
      else if (levelTitle === 'WARN') logger.warn(line)
      else logger.info(line)
    })
  }
  global?.level(level)
}
