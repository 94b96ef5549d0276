// The roster of bot-config/example.yaml, as the report parser sees it: the branch the corpus is written for.
import type { ReportContext } from '../../src/messages/activity.js'
import type { Role } from '../../src/domain/types.js'

const M: [string, Role, string, string[]][] = [
  ['周立新', '书记', '第一党小组', ['周书记', '立新']], ['孙雅琴', '组织委员', '第一党小组', ['雅琴']],
  ['李红梅', '宣传委员', '第二党小组', []], ['陈明', '党小组长', '第一党小组', ['陈明（一组）']],
  ['王建国', '党员', '第一党小组', []], ['刘洋', '党员', '第一党小组', []], ['赵静', '党小组长', '第二党小组', []],
  ['张伟', '党员', '第二党小组', []], ['黄磊', '党员', '第二党小组', []], ['吴芳', '党员', '第二党小组', []],
]

export function exampleContext(reporterGroup: string | null = null, officer = true): ReportContext {
  return {
    officer, reporterGroup, branch: '机关第二党支部',
    groups: ['第一党小组', '第二党小组'],
    roster: M.map(([name, role, group, aliases]) => ({ name, role, group, aliases })),
  }
}
