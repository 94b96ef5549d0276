// The last messages that sounded like study or meeting talk but made no record, so a secretary can
// find what the bot missed (#未识别). Kept in memory only, a few per branch, cut short: they are
// members' words the bot did not understand, and are never written to disk.
import { kindOf } from '../domain/kinds.js'
import { isoShanghai } from '../domain/time.js'
import { evidenceOf } from '../messages/report-evidence.js'
import type { App, MsgContext } from './app.js'

const KEEP = 10
const missed = new Map<string, { at: string; name: string; text: string }[]>()

/** Talk about study or meetings: a meeting kind, or words of studying with a quantity. */
export function soundsLikeRecord(text: string): boolean {
  if (text.length < 6 || text.length > 600 || /^[#＃]/.test(text)) return false
  // notices and questions were understood: they are simply not records
  const ev = evidenceOf(text)
  if (ev.planStrong || ev.question || ev.negated || ev.forwarded) return false
  return !!kindOf(text) || /打卡|补卡|学习强国|积分/.test(text) || (/学习|学了|读了|看了|听了|观看|研读/.test(text) && /\d|[一二三四五六七八九十两半]\s*(?:个)?(?:小时|分钟|钟头)/.test(text))
}

export function noteMissed(_app: App, ctx: MsgContext): boolean {
  if (ctx.type !== 'text' || !ctx.member || !soundsLikeRecord(ctx.text)) return false
  const list = missed.get(ctx.branch.id) ?? []
  list.push({ at: isoShanghai(ctx.at).slice(5, 16).replace('T', ' '), name: ctx.member.name, text: ctx.text.length > 50 ? `${ctx.text.slice(0, 50)}…` : ctx.text })
  if (list.length > KEEP) list.shift()
  missed.set(ctx.branch.id, list)
  return false
}

export function missedOf(branch: string): readonly { at: string; name: string; text: string }[] {
  return missed.get(branch) ?? []
}
