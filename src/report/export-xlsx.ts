// `zhibu-bot export --format xlsx`: the same workbook as #台账, for a date range, per branch.
import { writeFileSync } from 'node:fs'
import type { ActivityRecord, CheckinRecord, Config, LedgerRecord } from '../domain/types.js'
import { dayOf } from '../domain/time.js'
import type { ExportOptions } from './commands.js'
import { ledgerXlsx } from './xlsx.js'

export async function exportXlsx(config: Config, records: LedgerRecord[], o: ExportOptions): Promise<number> {
  const branches = config.branches.filter((b) => !o.branch || b.id === o.branch)
  for (const branch of branches) {
    const mine = records.filter((r) => r.branch === branch.id)
    const days = mine.map((r) => (r.type === 'checkin' ? r.date : r.date ?? dayOf(new Date(r.at)))).sort()
    const from = o.from ?? days[0] ?? dayOf(new Date())
    const to = o.to ?? days.at(-1) ?? from
    const buf = await ledgerXlsx({
      branch, from, to,
      activities: mine.filter((r): r is ActivityRecord => r.type === 'activity'),
      checkins: mine.filter((r): r is CheckinRecord => r.type === 'checkin'),
    })
    const out = o.out && branches.length === 1 ? o.out : `${o.out ? o.out.replace(/\.xlsx$/, '') + '-' : ''}${branch.id}-台账.xlsx`
    writeFileSync(out, buf)
    process.stderr.write(`已写出 ${out}\n`)
  }
  return 0
}
