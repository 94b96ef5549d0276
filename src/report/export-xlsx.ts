// `zhibu-bot export --format xlsx` (the ledger workbook lands with the ledger issue).
import type { Config, LedgerRecord } from '../domain/types.js'
import type { ExportOptions } from './commands.js'

export async function exportXlsx(_config: Config, _records: LedgerRecord[], _o: ExportOptions): Promise<number> {
  process.stderr.write('xlsx 导出尚未实现（not implemented yet）\n')
  return 2
}
