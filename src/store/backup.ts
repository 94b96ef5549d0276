// `zhibu-bot backup` / `restore`. Every data file is replaced by atomic rename, so reading each
// file whole while the bot runs gives a consistent copy of it; the archive is written atomically.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as tar from 'tar'
import { lockDataDir, LockError } from './lock.js'

export async function backup(dataDir: string, out: string): Promise<number> {
  if (!existsSync(dataDir)) {
    process.stderr.write(`数据目录 ${dataDir} 不存在（no such data folder）\n`)
    return 2
  }
  const files = listFiles(dataDir).filter((f) => !f.endsWith('.tmp') && path.basename(f) !== '.lock')
  const tmp = `${out}.partial`
  await tar.create({ gzip: true, file: tmp, cwd: dataDir, portable: true }, files)
  renameSync(tmp, out)
  process.stdout.write(`已备份 ${files.length} 个文件到 ${out}\n`)
  return 0
}

export async function restore(archive: string, dataDir: string): Promise<number> {
  if (!existsSync(archive)) {
    process.stderr.write(`备份文件 ${archive} 不存在（no such archive）\n`)
    return 2
  }
  let release: () => void
  try {
    release = lockDataDir(dataDir) // refuses while the bot runs on this folder
  } catch (e) {
    if (e instanceof LockError) { process.stderr.write(e.message + '\n'); return 3 }
    throw e
  }
  try {
    // unpack beside, then swap, so a failed restore leaves the old data as it was
    const staging = mkdtempSync(path.join(path.dirname(path.resolve(dataDir)), '.restore-'))
    await tar.extract({ file: archive, cwd: staging, strict: true })
    const keep = `${path.resolve(dataDir)}.before-restore-${Date.now()}`
    const parked: string[] = []
    for (const name of readdirSync(dataDir)) {
      if (name === '.lock') continue
      parked.push(name)
    }
    if (parked.length) {
      mkdirSync(keep, { recursive: true, mode: 0o700 })
      for (const name of parked) renameSync(path.join(dataDir, name), path.join(keep, name))
    }
    for (const name of readdirSync(staging)) renameSync(path.join(staging, name), path.join(dataDir, name))
    rmSync(staging, { recursive: true, force: true })
    process.stdout.write(`已从 ${archive} 恢复到 ${dataDir}${parked.length ? `；原有数据已移到 ${keep}` : ''}\n`)
    return 0
  } finally {
    release()
  }
}

function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = []
  for (const e of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = path.join(prefix, e.name)
    if (e.isDirectory()) out.push(...listFiles(dir, rel))
    else if (e.isFile()) out.push(rel)
  }
  return out
}
