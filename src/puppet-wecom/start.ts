// `npm start` on `bot.transport: wecom`: credentials from the environment, the 企业微信 puppet under the
// same runtime as WeChat, and plain status lines for the installer (connected, refused, dropped).
import type { Config } from '../domain/types.js'
import { now } from '../clock.js'
import { isoShanghai } from '../domain/time.js'
import type { Logger } from '../log.js'
import { createRuntime, type Runtime } from '../runtime.js'
import { LockError } from '../store/lock.js'
import { unboundMembers } from './directory.js'
import { PuppetWecom, type WecomHooks } from './puppet.js'

export interface WecomStartOptions {
  config: Config
  dataDir: string
  log: Logger
  now: () => Date
  env: NodeJS.ProcessEnv
  sessionName?: string
  /** for tests: a faster reconnect back-off (ms) */
  reconnectInterval?: number
}

export interface WecomBot {
  rt: Runtime
  puppet: PuppetWecom
  /** resolves with the exit code when the bot cannot go on (credentials refused, pushed off by another program) */
  done: Promise<number>
  stop(): Promise<void>
}

/** Starts the bot on 企业微信, or returns the exit code when it cannot start. */
export async function startWecom(o: WecomStartOptions): Promise<WecomBot | number> {
  const { log } = o
  const botId = o.env.WECOM_BOT_ID?.trim() ?? ''
  const secret = o.env.WECOM_BOT_SECRET?.trim() ?? ''
  const missing = [!botId && 'WECOM_BOT_ID', !secret && 'WECOM_BOT_SECRET'].filter(Boolean)
  if (missing.length) {
    log.error(`配置为企业微信接入（bot.transport: wecom），但没有设置环境变量 ${missing.join('、')}，机器人未启动。` +
      '请在企业微信管理后台“智能机器人”的详情页找到 BotID 和 Secret，启动前设置：WECOM_BOT_ID=… WECOM_BOT_SECRET=… npm start' +
      '（the bot id and secret come from the environment, never from bot-config）')
    return 2
  }
  const wsUrl = o.env.WECOM_WS_URL?.trim() || undefined
  const hooks: WecomHooks = {}
  const puppet = new PuppetWecom({
    botId, secret, config: o.config, now: o.now, hooks,
    ...(wsUrl ? { wsUrl } : {}),
    ...(o.reconnectInterval ? { reconnectInterval: o.reconnectInterval } : {}),
    // the SDK's own English log lines, for whoever debugs the connection
    ...(o.env.ZHIBU_DEBUG ? { sdkLog: (level: string, line: string) => process.stderr.write(`[wecom sdk ${level}] ${line}\n`) } : {}),
  })
  let rt: Runtime
  try {
    rt = await createRuntime({ config: o.config, dataDir: o.dataDir, puppet, log, now: o.now, ...(o.sessionName ? { sessionName: o.sessionName } : {}) })
  } catch (e) {
    if (e instanceof LockError) { log.error(e.message); return 3 }
    throw e
  }
  const { app, wechaty, scheduler } = rt

  const unbound = unboundMembers(o.config)
  if (unbound.length) log.warn(`花名册中 ${unbound.length} 人没有填写企业微信 userid（wecom:）：${unbound.join('、')}。机器人认不出他们发的消息，也无法私信提醒他们。`)
  for (const b of o.config.branches) {
    const chats = b.wecom?.chats.length ?? 0
    if (!chats) log.warn(`支部「${b.name}」没有填写企业微信群（wecom: { chats: [...] }）：把机器人拉进群并在群里 @ 它发一条消息，日志里会显示该群的 chatid。`)
    // chats[i] is the group rooms[i]; a topic without a chat id cannot receive the summary or reminders
    else if (b.rooms.length > chats) log.warn(`支部「${b.name}」的群 ${b.rooms.slice(chats).map((r) => `「${r}」`).join('')} 没有对应的企业微信 chatid（wecom.chats 按顺序对应 rooms），发往这些群的消息会失败。`)
  }

  let finish: (code: number) => void = () => {}
  const done = new Promise<number>((r) => { finish = r })
  let stopped = false
  const stop = async () => {
    if (stopped) return
    stopped = true
    await rt.stop()
    await wechaty.stop().catch(() => undefined)
  }
  const fatal = (code: number) => { void stop().then(() => finish(code)) }

  let scheduled = false
  // up: authenticated on the current connection; a connection that never got that far is not "dropped"
  let up = false
  hooks.authenticated = (first) => {
    if (first) log.info(`已连上企业微信，机器人「${o.config.bot.name}」已就绪${wsUrl ? `（服务器 ${wsUrl}）` : ''}`)
    else log.info('已重新连上企业微信，继续工作')
    up = true
    if (scheduled) return
    scheduled = true
    void rt.tracker.track((async () => {
      await scheduler.start()
      for (const n of scheduler.nextRuns()) log.info(`定时任务「${n.job}」(${n.branch}) 下次运行：${n.next ? isoShanghai(n.next).slice(0, 16).replace('T', ' ') : '—'}`)
    })())
  }
  hooks.refused = (reason, ever) => {
    if (ever) return log.warn(`企业微信暂时拒绝了机器人重新登录（${reason}），会自动重试`)
    log.error(`企业微信拒绝了机器人的 BotID 或 Secret（${reason}），机器人未启动。` +
      '请到企业微信管理后台“智能机器人”的详情页核对 BotID 和 Secret（Secret 重置后旧的立即失效），改好 WECOM_BOT_ID、WECOM_BOT_SECRET 后重新启动。')
    fatal(2)
  }
  hooks.disconnected = (reason) => {
    if (stopped || !up) return
    up = false
    log.warn(`与企业微信的连接断开（${reason}），正在自动重连；记录不会丢失`)
  }
  // a network outage makes the SDK report the same error at every retry: say it once a minute
  let lastUnreachable = -Infinity
  hooks.unreachable = (reason) => {
    const t = now().getTime()
    if (t - lastUnreachable < 60_000) return
    lastUnreachable = t
    log.error(`无法连接企业微信服务器${wsUrl ? ` ${wsUrl}` : ''}，请检查网络；机器人会继续自动重试（${reason}）`)
  }
  hooks.kicked = () => {
    log.error('另一个程序用同一个机器人（同一 BotID）连上了企业微信，本程序已被挤下线并退出。请确认只在一台电脑上运行支部助手。')
    fatal(3)
  }
  const unknownChats = new Set<string>()
  hooks.unknownChat = (chatid) => {
    if (unknownChats.has(chatid)) return
    unknownChats.add(chatid)
    log.warn(`收到企业微信群 ${chatid} 的消息，但没有哪个支部的 wecom.chats 包含它，已忽略。` +
      `如果这是支部的工作群，请把 ${chatid} 填进 bot-config 中该支部的 wecom: { chats: [${chatid}] }，然后重启机器人。`)
  }
  hooks.stranger = ({ userid, topic, branch }) => void rt.tracker.track((async () => {
    // answered once, durably: the state file remembers every stranger, and #未识别 lists them for the secretary
    const b = branch ?? o.config.branches[0]!.id
    const key = `企业微信 ${userid}`
    const first = !(app.state.data.unknown[b] ?? {})[key]
    await app.state.noteUnknown(b, key)
    if (!first) return
    log.info(`企业微信用户 ${userid} 不在花名册中（未填 wecom: ${userid}），已告诉对方如何登记`)
    const text = app.templates.render('wecom-stranger', { botName: o.config.bot.name, userid })
    app.outbox.enqueue(topic ? { to: { room: topic }, text, kind: 'reply' } : { to: { contact: userid }, text, kind: 'reply' })
  })().catch((e) => log.error('回复未登记的企业微信用户时出错', e)))

  log.info(`正在连接企业微信${wsUrl ? `（${wsUrl}）` : ''}…`)
  try {
    await wechaty.start()
  } catch (e) {
    log.error('企业微信接入启动失败', e)
    await stop()
    return 1
  }
  return { rt, puppet, done, stop }
}
