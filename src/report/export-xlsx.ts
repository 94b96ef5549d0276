// `zhibu-bot export --format xlsx`: the same workbook as #台账, for a date range, per branch. The
// meetings' photos are embedded and also copied into a folder beside the workbook, under the names
// the workbook shows (机关第二党支部-台账-照片/2026-11-18支部委员会-1.jpg).
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Config, LedgerRecord } from '../domain/types.js'
import { isActivity, isCheckin, recordDay } from '../domain/records.js'
import { dayOf } from '../domain/time.js'
import { now } from '../clock.js'
import type { ExportOptions } from './cli-io.js'
import { insideData, ledgerXlsx, photoNames } from './xlsx.js'

export async function exportXlsx(config: Config, records: LedgerRecord[], o: ExportOptions): Promise<number> {
  const branches = config.branches.filter((b) => !o.branch || b.id === o.branch)
  for (const branch of branches) {
    const mine = records.filter((r) => r.branch === branch.id)
    const days = mine.map(recordDay).sort()
    const from = o.from ?? days[0] ?? dayOf(now())
    const to = o.to ?? days.at(-1) ?? from
    const activities = mine.filter(isActivity)
    const buf = await ledgerXlsx({ branch, from, to, activities, checkins: mine.filter(isCheckin), photoDir: o.data })
    const out = o.out && branches.length === 1 ? o.out : `${o.out ? o.out.replace(/\.xlsx$/, '') + '-' : ''}${branch.id}-台账.xlsx`
    writeFileSync(out, buf)
    process.stderr.write(`已写出 ${out}\n`)
    const names = photoNames(activities)
    if (names.size) {
      const dir = photoFolder(out)
      mkdirSync(dir, { recursive: true })
      let copied = 0
      for (const [rel, name] of names) {
        const src = path.join(o.data, rel)
        if (insideData(rel) && existsSync(src)) { copyFileSync(src, path.join(dir, name)); copied++ }
      }
      process.stderr.write(`已复制 ${copied} 张会议照片到 ${dir}${copied < names.size ? `（${names.size - copied} 张在数据目录中找不到）` : ''}\n`)
    }
  }
  return 0
}

/** The folder of photos beside a workbook: 台账.xlsx -> 台账-照片/ */
export function photoFolder(workbook: string): string {
  return workbook.replace(/\.xlsx$/i, '') + '-照片'
}
