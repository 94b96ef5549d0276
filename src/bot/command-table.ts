// Every chat command, one row each: its words, who may use it, what answers it and its line in
// #帮助. The router parses a message once against these rows; `command` below answers it.
// Adding a command: a row here, its handler, its template and its test (docs/ARCHITECTURE.md).
import { commandParser, type Command, type CommandWord } from '../messages/command.js'
import { isOfficer, isSecretary } from '../domain/roster.js'
import type { Branch } from '../domain/types.js'
import { reply, type App, type MsgContext } from './app.js'
import { branchMonth, leaderboard, mine, missing, unknownSenders } from './handlers/commands.js'
import { correct, ledger, monthSummary, progress, reminders, undoActivity } from './handlers/activity.js'
import { announce } from './handlers/announcement.js'
import { undoCheckin } from './handlers/checkin.js'

/** anyone: also people not on the roster; member: on the roster; officer: 支委 and 党小组长; secretary: 书记 and 管理员 */
export type Who = 'anyone' | 'member' | 'officer' | 'secretary'

export type CommandHandler = (app: App, ctx: MsgContext, cmd: Command) => Promise<void> | void

export interface HelpLine {
  /** the 【heading】 the line is listed under; lines of one heading are joined */
  topic: string
  text: string
  /** listed only where this holds (排行 only where the branch has a leaderboard) */
  shown?: (branch: Branch) => boolean
}

export interface CommandSpec extends CommandWord {
  who: Who
  handle: CommandHandler
  /** its line in #帮助; `admin` lines are shown to secretaries only */
  help?: HelpLine | { admin: string }
  /** also answers requests to the bot that no row knows ("@支部助手 你好") */
  fallback?: boolean
}

// in the order #帮助 lists them
export const COMMAND_TABLE: readonly CommandSpec[] = [
  {
    name: '帮助', aliases: ['help', '?', '菜单', '功能', '说明', '使用说明', '指令', '命令'], onMention: true, fallback: true,
    who: 'anyone', handle: (app, ctx) => reply(app, ctx, helpText(app, ctx)),
  },
  {
    name: '撤销打卡', aliases: ['撤销', '撤回打卡', '删除打卡', '取消打卡'], bare: true,
    who: 'member', handle: undoCheckin, help: { topic: '撤销', text: '撤销打卡：撤回今天最近一次打卡' },
  },
  {
    name: '我的', aliases: ['我的打卡', '个人', '我的情况', '我的学时'],
    who: 'member', handle: mine, help: { topic: '查询', text: '#我的 本月个人情况' },
  },
  {
    name: '本月', aliases: ['本月情况', '本月打卡', '统计'],
    who: 'member', handle: branchMonth, help: { topic: '查询', text: '#本月 支部本月情况' },
  },
  {
    name: '排行', aliases: ['排行榜', '排名'],
    who: 'member', handle: leaderboard, help: { topic: '查询', text: '#排行 打卡排行', shown: (b) => b.checkin.leaderboard },
  },
  {
    name: '进度', aliases: [],
    who: 'member', handle: progress, help: { topic: '查询', text: '#进度 “三会一课”完成情况' },
  },
  {
    name: '更正', aliases: ['修改', '更改', '修正'], glued: /./,
    who: 'member', handle: correct, help: { topic: '更正活动', text: '#更正 地点 三楼会议室' },
  },
  {
    name: '撤销活动', aliases: ['撤回活动', '删除活动'],
    who: 'member', handle: undoActivity, help: { topic: '更正活动', text: '#撤销活动' },
  },
  {
    name: '预告', aliases: ['会议预告'], glued: /./,
    who: 'officer', handle: announce, help: { topic: '预告会议', text: '#预告 支委会 11月25日14:30 三楼会议室（支委、党小组长；前一天和开会前一小时提醒）' },
  },
  {
    name: '台账', aliases: [], glued: /^(?:\d|[一二三四五六七八九十]|本|上|今|去|第)/,
    who: 'secretary', handle: (app, ctx, cmd) => ledger(app, ctx, cmd.args[0]), help: { admin: '#台账 2026-11（另私发 Excel）' },
  },
  {
    name: '未打卡', aliases: ['没打卡', '未打卡名单'], glued: /^(?:本月|今天|今日)/,
    who: 'secretary', handle: missing, help: { admin: '#未打卡' },
  },
  {
    name: '未识别', aliases: ['陌生人', '未识别名单'],
    who: 'secretary', handle: unknownSenders, help: { admin: '#未识别' },
  },
  {
    // anyone on the roster may see the status; pausing and resuming is checked by the handler
    name: '提醒', aliases: ['提醒设置'], glued: /^(?:暂停|恢复|开启|关闭|打开|状态)/, verbs: /^(暂停|恢复|开启|关闭|打开|状态)(.+)$/,
    who: 'member', handle: (app, ctx, cmd) => reminders(app, ctx, cmd.args), help: { admin: '#提醒 暂停 7天 / #提醒 恢复' },
  },
  {
    name: '月报', aliases: ['月度小结', '小结', '工作小结'], glued: /^(?:\d|[一二三四五六七八九十]|本|上)/,
    who: 'secretary', handle: (app, ctx, cmd) => monthSummary(app, ctx, cmd.args[0]), help: { admin: '#月报 2026-10' },
  },
]

const BY_NAME = new Map(COMMAND_TABLE.map((c) => [c.name, c]))
const FALLBACK = COMMAND_TABLE.find((c) => c.fallback)

/** The command in a message, or null (`botName` recognises @-mentions). */
export const parseCommand = commandParser(COMMAND_TABLE)

/** The row that answers a parsed command: an unknown request gets the fallback (help). */
export function specOf(cmd: Command): CommandSpec | undefined {
  return cmd.name === 'unknown' ? FALLBACK : BY_NAME.get(cmd.name)
}

/** The route for commands: checks who may use it, then hands the message to the row's handler. */
export async function command(app: App, ctx: MsgContext): Promise<boolean> {
  const cmd = ctx.type === 'text' ? ctx.command : null
  const spec = cmd ? specOf(cmd) : undefined
  if (!cmd || !spec) return false
  // an unknown request is answered only when the bot was really mentioned, not just named in the text
  if (cmd.name === 'unknown' && !ctx.toBot) return false
  // someone not on the roster changes nothing and is told nothing (the stranger route answers privately)
  if (spec.who !== 'anyone' && !ctx.member) return true
  if (ctx.member && spec.who === 'secretary' && !isSecretary(ctx.branch, ctx.member)) {
    reply(app, ctx, app.templates.render('not-allowed', { name: ctx.member.name, command: spec.name }))
    return true
  }
  if (ctx.member && spec.who === 'officer' && !isOfficer(ctx.branch, ctx.member)) {
    reply(app, ctx, app.templates.render('not-allowed-officer', { name: ctx.member.name, command: spec.name }))
    return true
  }
  await spec.handle(app, ctx, cmd)
  return true
}

/** #帮助, listed from the table: a heading per topic, the secretaries' lines only to secretaries. */
export function helpText(app: App, ctx: MsgContext): string {
  const topics: { topic: string; lines: string[] }[] = []
  const admin: string[] = []
  for (const c of COMMAND_TABLE) {
    const h = c.help
    if (!h) continue
    if ('admin' in h) { admin.push(h.admin); continue }
    if (h.shown && !h.shown(ctx.branch)) continue
    const t = topics.find((x) => x.topic === h.topic) ?? topics[topics.push({ topic: h.topic, lines: [] }) - 1]!
    t.lines.push(h.text)
  }
  return app.templates.render('help', {
    name: ctx.member?.name ?? '',
    botName: app.config.bot.name,
    backfillDays: ctx.branch.checkin.backfillDays,
    topics: topics.map((t) => ({ topic: t.topic, lines: t.lines.join('；') })),
    secretary: isSecretary(ctx.branch, ctx.member),
    admin: admin.join('；'),
  })
}
