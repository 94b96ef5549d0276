// `zhibu-bot backup` / `restore`. A backup taken while the bot writes is a consistent snapshot:
// each file is copied whole into a private staging folder (a file replaced or removed meanwhile is
// simply read as it is now, or skipped), a month's journal before its JSON file — the fold writes
// the JSON file first and empties the journal after, so the pair read in that order holds every
// record. The archive is owner-only, written atomically, and leaves no `.partial` behind. The WeChat
// login session is a credential: left out unless asked for (--with-session).
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as tar from 'tar'
import { now } from '../clock.js'
import { isMissing } from './json-file.js'
import { lockDataDir, LockError } from './lock.js'

const isSession = (rel: string) => /\.memory-card\.json$/.test(rel)

/** Journals first, then the files they fold into: see the comment at the top. */
function snapshotOrder(files: string[]): string[] {
  return [...files].sort((a, b) => Number(!a.endsWith('.journal.jsonl')) - Number(!b.endsWith('.journal.jsonl')) || a.localeCompare(b))
}

export async function backup(dataDir: string, out: string, o: { withSession?: boolean } = {}): Promise<number> {
  if (!existsSync(dataDir)) {
    process.stderr.write(`数据目录 ${dataDir} 不存在（no such data folder）\n`)
    return 2
  }
  const files = listFiles(dataDir).filter((f) => !f.endsWith('.tmp') && path.basename(f) !== '.lock' && !path.basename(f).startsWith('.') && (o.withSession || !isSession(f)))
  const staging = mkdtempSync(path.join(os.tmpdir(), 'zhibu-backup-'))
  const tmp = `${out}.partial`
  try {
    const taken: string[] = []
    for (const rel of snapshotOrder(files)) {
      let data: Buffer
      try { data = readFileSync(path.join(dataDir, rel)) } catch (e) { if (isMissing(e)) continue; throw e }
      mkdirSync(path.dirname(path.join(staging, rel)), { recursive: true, mode: 0o700 })
      writeFileSync(path.join(staging, rel), data, { mode: 0o600 })
      taken.push(rel)
    }
    taken.sort()
    await tar.create({ gzip: true, file: tmp, cwd: staging, portable: true }, taken)
    chmodSync(tmp, 0o600)
    renameSync(tmp, out)
    const skipped = files.filter(isSession).length && !o.withSession ? '（未包含微信登录信息；需要时加 --with-session）' : ''
    process.stdout.write(`已备份 ${taken.length} 个文件到 ${out}${skipped}\n`)
    return 0
  } finally {
    rmSync(tmp, { force: true })
    rmSync(staging, { recursive: true, force: true })
  }
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
    const found = readdirSync(staging, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith('_'))
      .map((e) => `${e.name}（${new Set(readdirSync(path.join(staging, e.name)).filter((n) => /^\d{4}-\d{2}\./.test(n)).map((n) => n.slice(0, 7))).size} 个月）`)
    process.stdout.write(`备份中的支部数据：${found.join('、') || '无'}\n`)
    const keep = `${path.resolve(dataDir)}.before-restore-${now().getTime()}`
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
