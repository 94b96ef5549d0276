// Meeting kinds and the words people use for them. When a text names several, a meeting kind
// (三会一课, 组织生活会, 民主评议) wins over an activity (学习, 志愿服务, 谈心), and among equals the one
// named first: "支委会研究党员大会筹备" is a 支委会, "主题党日 开展志愿服务" is a 主题党日.
import type { Kind } from './types.js'

export const KIND_ALIASES: readonly (readonly [Kind, readonly string[]])[] = [
  ['支部党员大会', ['支部党员大会', '全体党员大会', '全体党员会议', '全体党员会', '党员大会', '支部大会', '党员会议', '党员会']],
  ['支部委员会', ['支部委员会议', '支部委员会', '支委扩大会议', '支委扩大会', '支委会议', '支委会']],
  ['组织生活会', ['专题组织生活会', '组织生活会']],
  ['民主评议党员', ['民主评议党员', '民主评议', '党员互评', '互评']],
  ['党小组会', ['党小组会议', '党小组学习会', '党小组集中学习', '党小组会', '小组会议', '小组会', '小组学习会', '小组学习']],
  ['党课', ['专题党课', '微党课', '上党课', '讲党课', '党课']],
  ['主题党日', ['主题党日活动', '主题党日', '党日活动']],
  ['谈心谈话', ['谈心谈话', '谈心']],
  ['集中学习', ['集中学习', '专题学习', '理论学习', '集体学习', '读书班', '学习会']],
  ['志愿服务', ['志愿服务', '志愿活动']],
]

const ACTIVITY_TIER = new Set<Kind>(['谈心谈话', '集中学习', '志愿服务'])
/** Activities rather than meetings: they ride along with a meeting more often than they stand alone. */
export const ACTIVITY_KINDS: ReadonlySet<Kind> = ACTIVITY_TIER

// 青年理论学习小组: a standing body named after what it does, not a meeting of it
const namesAGroup = (text: string, i: number, w: string): boolean => /^小组/.test(text.slice(i + w.length, i + w.length + 3))

/** Every kind word in a text, in order; the longest word where two overlap (支部委员会 over 委员会). */
export function kindMentions(text: string): { kind: Kind; index: number; word: string }[] {
  const all: { kind: Kind; index: number; word: string }[] = []
  for (const [kind, words] of KIND_ALIASES) {
    for (const w of words) for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + w.length)) if (!namesAGroup(text, i, w)) all.push({ kind, index: i, word: w })
  }
  all.sort((a, b) => a.index - b.index || b.word.length - a.word.length)
  const out: typeof all = []
  for (const m of all) if (!out.length || m.index >= out.at(-1)!.index + out.at(-1)!.word.length) out.push(m)
  return out
}

/** The kind a text names and where, by tier then position; null when none is named. */
export function kindAt(text: string): { kind: Kind; index: number; word: string } | null {
  let best: { kind: Kind; index: number; word: string; tier: number } | null = null
  for (const [kind, words] of KIND_ALIASES) {
    const tier = ACTIVITY_TIER.has(kind) ? 1 : 0
    for (const w of words) {
      let index = text.indexOf(w)
      while (index >= 0 && namesAGroup(text, index, w)) index = text.indexOf(w, index + w.length)
      if (index < 0) continue
      if (!best || tier < best.tier || (tier === best.tier && index < best.index)) best = { kind, index, word: w, tier }
    }
  }
  return best && { kind: best.kind, index: best.index, word: best.word }
}

/** The kind a text reports; null when none is named. */
export function kindOf(text: string): Kind | null {
  return kindAt(text)?.kind ?? null
}

/** A kind named by a user in a command (#更正 类型 支委会): canonical word or alias. */
export function kindFromWord(word: string): Kind | null {
  const w = word.trim()
  for (const [kind, words] of KIND_ALIASES) if (kind === w || words.includes(w)) return kind
  return w === '其他' ? '其他' : null
}
