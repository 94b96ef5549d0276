// One bot per data folder: two writers would overwrite each other's months.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ensureDir } from './atomic.js'
import { now } from '../clock.js'

export class LockError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'LockError'
  }
}

interface LockInfo { pid: number; host: string; startedAt: string; command: string; procStart?: number | null }

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** When a process started (ms since 1970), from /proc; null where there is no /proc. */
export function processStart(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const ticks = Number(fields[19]) // field 22, starttime, in clock ticks (USER_HZ = 100 on Linux)
    const btime = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1])
    return Number.isFinite(ticks) && Number.isFinite(btime) ? btime * 1000 + ticks * 10 : null
  } catch {
    return null
  }
}

function commandLine(pid: number): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean)
  } catch {
    return null
  }
}

/**
 * Whether the live process `pid` can be the bot that wrote the lock, or only a process that was
 * given the same PID after that bot died (PIDs are reused, after a reboot at once). Without /proc
 * nothing can be told: the lock is respected.
 */
function sameHolder(held: Partial<LockInfo>, pid: number): boolean {
  const started = processStart(pid)
  const argv = commandLine(pid)
  if (started === null || !argv) return true
  const SLACK = 2000
  if (typeof held.procStart === 'number') {
    if (Math.abs(started - held.procStart) > SLACK) return false
  } else {
    // an older lock: its holder cannot have started after writing it (startedAt is the real clock
    // there; simulate's locks carry procStart, as its Date is simulated)
    const lockedAt = Date.parse(held.startedAt ?? '')
    if (Number.isFinite(lockedAt) && started > lockedAt + SLACK) return false
  }
  // the bot runs under node; and a lock names the script it ran
  if (argv.length && !/node|tsx|bun/i.test(path.basename(argv[0]!))) return false
  const script = held.command?.split(' ')[0]
  if (script && path.isAbsolute(script) && !argv.some((a) => a === script || a.endsWith(path.basename(script)))) return false
  return true
}

/** Takes the lock or throws LockError naming the process that holds it. Returns a release function. */
export function lockDataDir(dataDir: string): () => void {
  ensureDir(dataDir)
  const file = path.join(dataDir, '.lock')
  const info: LockInfo = { pid: process.pid, host: os.hostname(), startedAt: now().toISOString(), command: process.argv.slice(1).join(' '), procStart: processStart(process.pid) }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600)
      writeSync(fd, JSON.stringify(info))
      closeSync(fd)
      let released = false
      const release = () => {
        if (released) return
        released = true
        rmSync(file, { force: true })
      }
      process.once('exit', release)
      return release
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
        let held: Partial<LockInfo> = {}
        try { held = JSON.parse(readFileSync(file, 'utf8')) } catch { /* torn lock file: treat as stale */ }
        const sameHost = !held.host || held.host === os.hostname()
        if (held.pid && sameHost && held.pid !== process.pid && alive(held.pid) && sameHolder(held, held.pid)) {
          throw new LockError(
            `数据文件夹 ${dataDir} 正被另一个机器人进程使用（PID ${held.pid}，启动于 ${held.startedAt}：${held.command ?? ''}）。` +
            `请先停止它，或用 --data 指定其他文件夹。(data folder locked by pid ${held.pid})`)
        }
        if (held.pid && !sameHost) {
          throw new LockError(`数据文件夹 ${dataDir} 被另一台机器 ${held.host} 上的进程 ${held.pid} 锁定；确认它已停止后删除 ${file}。(locked by ${held.host})`)
        }
        rmSync(file, { force: true }) // stale: its process is gone, or its PID now belongs to another
        continue
      }
      if ((e as NodeJS.ErrnoException).code === 'EACCES' || (e as NodeJS.ErrnoException).code === 'EROFS') {
        throw new LockError(`数据文件夹 ${dataDir} 不可写（${(e as NodeJS.ErrnoException).code}）。请检查权限或磁盘。(data folder is not writable)`)
      }
      throw e
    }
  }
  throw new LockError(`无法锁定数据文件夹 ${dataDir}`)
}
