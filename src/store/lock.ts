// One bot per data folder: two writers would overwrite each other's months.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ensureDir } from './atomic.js'

export class LockError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'LockError'
  }
}

interface LockInfo { pid: number; host: string; startedAt: string; command: string }

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Takes the lock or throws LockError naming the process that holds it. Returns a release function. */
export function lockDataDir(dataDir: string): () => void {
  ensureDir(dataDir)
  const file = path.join(dataDir, '.lock')
  const info: LockInfo = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString(), command: process.argv.slice(1).join(' ') }
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
        if (held.pid && sameHost && held.pid !== process.pid && alive(held.pid)) {
          throw new LockError(
            `数据文件夹 ${dataDir} 正被另一个机器人进程使用（PID ${held.pid}，启动于 ${held.startedAt}：${held.command ?? ''}）。` +
            `请先停止它，或用 --data 指定其他文件夹。(data folder locked by pid ${held.pid})`)
        }
        if (held.pid && !sameHost) {
          throw new LockError(`数据文件夹 ${dataDir} 被另一台机器 ${held.host} 上的进程 ${held.pid} 锁定；确认它已停止后删除 ${file}。(locked by ${held.host})`)
        }
        rmSync(file, { force: true }) // stale: its process is gone
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
