// `zhibu-bot report` (the summary model lands with the monthly-summary issue).
import type { Config } from '../domain/types.js'
import type { ReportOptions } from './commands.js'

export async function report(_config: Config, _o: ReportOptions): Promise<number> {
  process.stderr.write('report 命令尚未实现（not implemented yet）\n')
  return 2
}
