// `zhibu-bot export` and `zhibu-bot report`: the ledger and summaries from the command line.
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import type { Config, LedgerRecord } from '../domain/types.js'
import { recordDay } from '../domain/records.js'
import { DamagedDataError } from '../store/json-file.js'
import { RecordStore } from '../store/records.js'
import { exportRecord, readOnlyStore, writeOutput, type ExportOptions, type ReportOptions } from './cli-io.js'

/**
 * Runs a read-only command; a damaged data file makes it fail with what to do, never print a
 * short ledger. Files the bot already repaired (a damaged original kept beside) are named on stderr.
 */
export async function guardDamaged(config: Config, data: string, branch: string | undefined, run: () => Promise<number>): Promise<number> {
  for (const b of config.branches) {
    if (branch && b.id !== branch) continue
    let names: string[] = []
    try { names = readdirSync(path.join(data, b.id)) } catch { continue }
    for (const n of names.filter((x) => x.includes('.damaged-')).sort()) {
      process.stderr.write(`注意：${path.join(data, b.id, n)} 是一个曾经损坏的数据文件的原件；机器人已挽回能读出的记录，对应月份的数字可能不全。(a damaged original is kept here)\n`)
    }
  }
  for (const stray of new RecordStore(data, undefined, { readOnly: true }).strayBranchFolders(config.branches.map((b) => b.id))) {
    process.stderr.write(`注意：数据目录里的 ${stray}/ 不是配置中任何支部的 id，其中的记录不会出现在结果里。若支部 id 改过，请把配置的 id 改回 ${stray}，或把文件夹改名为新 id。(data folder ${stray} matches no branch id)\n`)
  }
  try {
    return await run()
  } catch (e) {
    if (e instanceof DamagedDataError) {
      process.stderr.write(e.message + '\n')
      return 4
    }
    throw e
  }
}

export async function collect(config: Config, store: RecordStore, o: { branch?: string; from?: string; to?: string }): Promise<LedgerRecord[]> {
  const out: LedgerRecord[] = []
  for (const b of config.branches) {
    if (o.branch && b.id !== o.branch) continue
    for (const m of await store.monthsOnDisk(b.id)) {
      if (o.from && m < o.from.slice(0, 7)) continue
      if (o.to && m > o.to.slice(0, 7)) continue
      for (const r of await store.month(b.id, m)) {
        const d = recordDay(r)
        if ((o.from && d < o.from) || (o.to && d > o.to)) continue
        out.push(r)
      }
    }
  }
  return out.sort((a, b) => recordDay(a).localeCompare(recordDay(b)) || a.at.localeCompare(b.at))
}

/**
 * A report of a folder that is not the bot's data folder would be an empty month that looks real
 * ("参与率0.0%"): a mistyped --data is an error. The bot's folder has _state/ from its first start.
 */
export function dataDirProblem(config: Config, dir: string): string | null {
  const abs = path.resolve(dir)
  const shown = abs === dir ? dir : `${dir}（即 ${abs}）`
  const where = `请用 --data 指定机器人的数据文件夹：配置中 bot.dataDir 的位置（现为“${config.bot.dataDir}”，相对于启动机器人时所在的目录）`
  let names: string[]
  try {
    if (!statSync(abs).isDirectory()) return `--data ${shown} 不是文件夹。${where}。(not a folder)`
    names = readdirSync(abs)
  } catch {
    return `找不到数据文件夹 ${shown}。${where}。(data folder not found)`
  }
  if (!names.includes('_state') && !config.branches.some((b) => names.includes(b.id))) {
    const what = names.length ? `没有机器人的数据（既没有 _state，也没有支部 ${config.branches.map((b) => b.id).join('、')} 的记录）` : '是空的'
    // `--data .` from the project folder: the data folder is one level down
    const inside = names.find((n) => existsSync(path.join(abs, n, '_state')))
    const hint = inside ? `。是不是 --data ${path.join(dir, inside)}？` : `。${where}`
    return `数据文件夹 ${shown} ${what}${hint}。(no bot data in this folder)`
  }
  return null
}

export async function runExport(config: Config, o: ExportOptions): Promise<number> {
  const bad = dataDirProblem(config, o.data)
  if (bad) {
    process.stderr.write(bad + '\n')
    return 2
  }
  if (o.branch && !config.branches.some((b) => b.id === o.branch)) {
    process.stderr.write(`配置中没有支部 ${o.branch}（unknown branch）\n`)
    return 2
  }
  if (!['json', 'xlsx'].includes(o.format)) {
    process.stderr.write(`不支持的格式 ${o.format}，可选 json、xlsx\n`)
    return 2
  }
  return guardDamaged(config, o.data, o.branch, async () => {
    const records = await collect(config, readOnlyStore(o.data, config), o)
    if (o.format === 'json') {
      await writeOutput(JSON.stringify(records.map(exportRecord), null, 1) + '\n', o.out)
      return 0
    }
    const { exportXlsx } = await import('./export-xlsx.js')
    return exportXlsx(config, records, o)
  })
}

export async function runReport(config: Config, o: ReportOptions): Promise<number> {
  const bad = dataDirProblem(config, o.data)
  if (bad) {
    process.stderr.write(bad + '\n')
    return 2
  }
  const { report } = await import('./report-command.js')
  return guardDamaged(config, o.data, o.branch, () => report(config, o))
}
