// Meeting kinds and the words people use for them. When a text names several, the more specific
// "三会一课" kind wins: a 主题党日 that was a volunteer service is recorded as 主题党日.
import type { Kind } from './types.js'

export const KIND_ALIASES: readonly (readonly [Kind, readonly string[]])[] = [
  ['支部党员大会', ['支部党员大会', '全体党员大会', '全体党员会议', '党员大会', '支部大会']],
  ['支部委员会', ['支部委员会议', '支部委员会', '支委扩大会', '支委会议', '支委会']],
  ['组织生活会', ['专题组织生活会', '组织生活会']],
  ['民主评议党员', ['民主评议党员', '民主评议']],
  ['党小组会', ['党小组会议', '党小组学习会', '党小组会', '小组会']],
  ['党课', ['专题党课', '微党课', '上党课', '讲党课', '党课']],
  ['主题党日', ['主题党日活动', '主题党日', '党日活动']],
  ['谈心谈话', ['谈心谈话', '谈心']],
  ['集中学习', ['集中学习', '专题学习', '理论学习']],
  ['志愿服务', ['志愿服务', '志愿活动']],
]

/** The kind a text reports, by precedence of the table above; null when none is named. */
export function kindOf(text: string): Kind | null {
  for (const [kind, words] of KIND_ALIASES) if (words.some((w) => text.includes(w))) return kind
  return null
}

/** A kind named by a user in a command (#更正 类型 支委会): canonical word or alias. */
export function kindFromWord(word: string): Kind | null {
  const w = word.trim()
  for (const [kind, words] of KIND_ALIASES) if (kind === w || words.includes(w)) return kind
  return w === '其他' ? '其他' : null
}
