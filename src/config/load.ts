// YAML -> validated, typed Config. Every problem is reported at once with file, line, key and a
// plain explanation (Chinese first, English in brackets), so the IT member fixes them in one go.
import { readFileSync } from 'node:fs'
import { isMap, isSeq, type LineCounter, type parseDocument, type Node } from 'yaml'
import type { z } from 'zod'
import { configSchema, type RawConfig } from './schema.js'
import { readYaml } from './yaml-errors.js'
import { effectiveObligations } from '../domain/obligation-rules.js'
import type { Branch, Config, Member } from '../domain/types.js'

export interface ConfigProblem {
  file: string
  line: number | null
  key: string
  message: string
}

export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(problems.map(formatProblem).join('\n'))
    this.name = 'ConfigError'
  }
}

export function formatProblem(p: ConfigProblem): string {
  // a syntax problem names its line in the message itself, and belongs to no key
  const key = p.key ? `${p.key}：` : p.line ? '' : '(整个文件)：'
  return `${p.file}${p.line ? ':' + p.line : ''}  ${key}${p.message}`
}

type Path = (string | number)[]

function keyOf(p: Path): string {
  return p.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${k}` : k), '')
}

/** Line of the deepest YAML node that exists along the path. */
function lineOf(doc: ReturnType<typeof parseDocument>, lc: LineCounter, p: Path): number | null {
  let node: unknown = doc.contents
  let best: Node | null = (doc.contents as Node) ?? null
  for (const k of p) {
    if (isMap(node)) {
      const pair = node.items.find((it) => (it.key as { value?: unknown })?.value === k)
      if (!pair) break
      node = pair.value ?? pair.key
      best = ((pair.value as Node) ?? (pair.key as Node)) || best
    } else if (isSeq(node) && typeof k === 'number') {
      node = node.items[k]
      if (!node) break
      best = node as Node
    } else break
  }
  const off = best?.range?.[0]
  return off === undefined ? null : lc.linePos(off).line
}

function zodMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `不认识的配置项 ${issue.keys.join('、')}，请检查拼写（unknown key）`
    case 'invalid_type':
      if (issue.input === undefined) return '缺少必填项（required）'
      return `类型不对，应为 ${typeName(issue.expected)}（expected ${issue.expected}）`
    default:
      return issue.message
  }
}

function typeName(t: string): string {
  return ({ string: '文字', number: '数字', boolean: 'true 或 false', array: '列表', object: '键值对' } as Record<string, string>)[t] ?? t
}

/** Read, parse and validate one config file. Throws ConfigError listing every problem. */
export function loadConfig(file: string): Config {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (e) {
    throw new ConfigError([{ file, line: null, key: '', message: `无法读取配置文件（cannot read: ${(e as NodeJS.ErrnoException).code ?? e}）` }])
  }
  return parseConfig(text, file)
}

export function parseConfig(text: string, file = 'config.yaml'): Config {
  // syntax slips are explained in Chinese and repaired in a copy, so the schema still checks the rest
  const read = readYaml(text, (v) => configSchema.safeParse(v).error?.issues.length ?? 0)
  const { doc, lc } = read
  const syntax: ConfigProblem[] = read.problems.map((p) => ({ file, line: p.line, key: '', message: p.message }))
  if (read.broken) throw new ConfigError(syntax)
  const res = configSchema.safeParse(doc.toJS() ?? {})
  if (!res.success) {
    throw new ConfigError([...syntax, ...res.error.issues.map((i) => {
      const p = i.path as Path
      const full = i.code === 'unrecognized_keys' ? [...p, i.keys[0]!] : p
      return { file, line: lineOf(doc, lc, full), key: keyOf(p), message: zodMessage(i) }
    })])
  }
  const problems = crossCheck(res.data).map((c) => ({ file, line: lineOf(doc, lc, c.path), key: keyOf(c.path), message: c.message }))
  if (syntax.length || problems.length) throw new ConfigError([...syntax, ...problems])
  return toConfig(res.data)
}

/** Rules a schema cannot say: references between roster, groups and rooms. */
function crossCheck(raw: RawConfig): { path: Path; message: string }[] {
  const out: { path: Path; message: string }[] = []
  const ids = new Set<string>()
  const rooms = new Map<string, string>()
  // a 企业微信 userid or chat id names one person or one group: used twice, the bot could not tell whose it is
  const userids = new Map<string, string>()
  const chats = new Map<string, string>()
  raw.branches.forEach((b, bi) => {
    const at = (...p: Path): Path => ['branches', bi, ...p]
    if (ids.has(b.id)) out.push({ path: at('id'), message: `支部 id “${b.id}” 重复（duplicate branch id）` })
    ids.add(b.id)
    b.rooms.forEach((r, ri) => {
      if (rooms.has(r)) out.push({ path: at('rooms', ri), message: `群“${r}”已属于支部 ${rooms.get(r)}（room used twice）` })
      rooms.set(r, b.id)
    })
    const names = new Map<string, number>()
    b.members.forEach((m, mi) => {
      for (const n of [m.name, ...m.aliases]) {
        if (names.has(n) && names.get(n) !== mi) out.push({ path: at('members', mi), message: `姓名或别名“${n}”与其他成员重复，机器人将无法分辨（duplicate name/alias）` })
        names.set(n, mi)
      }
    })
    b.members.forEach((m, mi) => {
      if (m.joined && m.left && m.left < m.joined) out.push({ path: at('members', mi, 'left'), message: `转出日期 ${m.left} 早于入册日期 ${m.joined}（left before joined）` })
    })
    b.members.forEach((m, mi) => {
      if (!m.wecom) return
      if (userids.has(m.wecom)) out.push({ path: at('members', mi, 'wecom'), message: `企业微信 userid “${m.wecom}” 已属于 ${userids.get(m.wecom)}（userid used twice）` })
      userids.set(m.wecom, `${b.id} 的 ${m.name}`)
    })
    b.wecom?.chats.forEach((c, ci) => {
      if (chats.has(c)) out.push({ path: at('wecom', 'chats', ci), message: `企业微信群 “${c}” 已属于支部 ${chats.get(c)}（chat id used twice）` })
      chats.set(c, b.id)
    })
    const groupNames = new Set(b.groups.map((g) => g.name))
    b.members.forEach((m, mi) => {
      if (m.group && b.groups.length && !groupNames.has(m.group)) {
        out.push({ path: at('members', mi, 'group'), message: `党小组“${m.group}”未在 groups 中列出（unknown group）` })
      }
    })
    b.groups.forEach((g, gi) => {
      if (g.leader && !names.has(g.leader)) out.push({ path: at('groups', gi, 'leader'), message: `组长“${g.leader}”不在花名册中（leader not on the roster）` })
    })
    b.secretaries?.forEach((s, si) => {
      if (!names.has(s)) out.push({ path: at('secretaries', si), message: `“${s}”不在花名册中（not on the roster）` })
    })
  })
  return out
}

const SECRETARY_ROLES = new Set(['书记', '副书记', '组织委员'])

function toConfig(raw: RawConfig): Config {
  return {
    bot: {
      name: raw.bot.name,
      quietHours: raw.bot.quietHours,
      outbox: {
        minGapMs: raw.bot.outbox.minGapSeconds * 1000,
        sameChatGapMs: raw.bot.outbox.sameChatGapSeconds * 1000,
        // 企业微信 has its own, lower ceiling for a bot's sends
        perMinute: raw.bot.transport === 'wecom' ? Math.min(raw.bot.outbox.perMinute, raw.bot.wecom.perMinute) : raw.bot.outbox.perMinute,
        mergeWindowMs: raw.bot.outbox.mergeWindowSeconds * 1000,
      },
      limits: raw.bot.limits,
      dedupeDays: raw.bot.dedupeDays,
      ocr: raw.bot.ocr,
      // a relative dataDir is relative to the working directory, as users expect from `npm start`
      dataDir: raw.bot.dataDir,
      transport: raw.bot.transport,
      wecom: raw.bot.wecom,
    },
    branches: raw.branches.map((b): Branch => {
      const members: Member[] = b.members.map((m) => ({
        name: m.name, role: m.role, group: m.group, aliases: m.aliases,
        ...(m.wecom ? { wecom: m.wecom } : {}), ...(m.joined ? { joined: m.joined } : {}), ...(m.left ? { left: m.left } : {}),
      }))
      // groups may be implied by the roster only
      const groups = b.groups.length
        ? b.groups.map((g) => ({ name: g.name, leader: g.leader }))
        : [...new Set(members.map((m) => m.group).filter((g): g is string => !!g))].map((name) => ({
            name, leader: members.find((m) => m.group === name && m.role === '党小组长')?.name ?? null,
          }))
      return {
        id: b.id,
        name: b.name,
        rooms: b.rooms,
        members,
        groups,
        secretaries: b.secretaries ?? members.filter((m) => SECRETARY_ROLES.has(m.role)).map((m) => m.name),
        obligations: effectiveObligations(b.obligations),
        reminders: b.reminders,
        checkin: b.checkin,
        summary: b.summary,
        reports: b.reports,
        ...(b.wecom ? { wecom: { chats: b.wecom.chats } } : {}),
      }
    }),
  }
}
