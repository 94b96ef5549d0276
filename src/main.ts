// Entry of `npm start`: the live bot. Wires config, puppet, runtime and terminal status; nothing else.
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { chmodSync, existsSync } from 'node:fs'
import { now } from './clock.js'
import { ConfigError, loadConfig } from './config/load.js'
import { isoShanghai } from './domain/time.js'
import type { Config } from './domain/types.js'
import { createLogger, routeLibraryLogs, type Logger } from './log.js'
import { puppetServiceProblem, setAsideBrokenSession } from './startup-checks.js'
import { LockError } from './store/lock.js'

/** How the bot was started, so that advice names options the user can actually pass. */
export type StartedBy = 'npm start' | 'npx zhibu-bot start'

function plainPuppetError(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e)
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ENETUNREACH/.test(msg)) return `无法连接微信服务器，请检查网络（${msg}）`
  return msg
}

function protectSession(dataDir: string): void {
  const session = `${path.join(dataDir, 'wechat-session')}.memory-card.json`
  if (existsSync(session)) chmodSync(session, 0o600)
}

/** Crashes inside the Wechaty libraries, in words the installer can act on. */
export function plainFatal(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e)
  // grpc's resolver calls a listener method that no longer exists when the service cannot be found
  if (/listener\.onError is not a function/.test(msg)) return '找不到 puppet 服务（token 无效，或服务已停止、网络不通），机器人已退出；服务恢复后重新启动即可，记录不会丢失'
  return `机器人遇到意外错误已退出，记录不会丢失；重新启动即可（${msg}）`
}

export async function startLive(configFile: string, dataOverride?: string, startedBy: StartedBy = 'npm start'): Promise<number> {
  // the session file and data folder hold credentials and names: owner-only from the start
  process.umask(0o077)
  const log = createLogger(now)
  let stopRuntime: (() => Promise<void>) | null = null
  let dying = false
  process.on('uncaughtException', (e) => {
    if (dying) return
    dying = true
    log.error(plainFatal(e))
    if (process.env.ZHIBU_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`)
    setTimeout(() => process.exit(1), 10_000).unref() // saving must not hang the exit
    void (stopRuntime?.() ?? Promise.resolve()).catch(() => undefined).finally(() => process.exit(1))
  })
  process.on('unhandledRejection', (e) => log.error('后台任务出错，已跳过，机器人继续运行', e))
  let config
  try {
    config = loadConfig(configFile)
  } catch (e) {
    if (e instanceof ConfigError) {
      log.error(`配置文件有 ${e.problems.length} 处问题，机器人未启动（fix bot-config and start again）：\n${e.message}`)
      return 2
    }
    throw e
  }
  const dataDir = path.resolve(dataOverride ?? config.bot.dataDir)
  process.env.WECHATY_LOG ??= 'warn'
  if (config.bot.transport === 'wecom') return startWecomLive(config, configFile, dataDir, log)
  const puppetName = process.env.WECHATY_PUPPET || 'wechaty-puppet-wechat4u'
  log.info(`支部助手启动：配置 ${configFile}，${config.branches.length} 个支部，数据目录 ${dataDir}，微信接入方式 ${puppetName}`)

  const { log: wechatyLog } = await import('wechaty')
  routeLibraryLogs(wechatyLog, log, process.env.WECHATY_LOG)
  if (puppetName === 'wechaty-puppet-service') {
    const problem = await puppetServiceProblem(process.env)
    if (problem) { log.error(`${problem}。机器人未启动`); return 2 }
  }
  const { createRuntime } = await import('./runtime.js')
  let puppet: object
  try {
    const mod = await import(puppetName)
    const Puppet = mod.default ?? mod.PuppetWechat4u ?? mod.PuppetMock ?? Object.values(mod).find((v) => typeof v === 'function' && /^Puppet/.test((v as { name: string }).name))
    // the login session (*.memory-card.json) is a credential: kept in the owner-only data folder
    puppet = new (Puppet as new (o: object) => object)({})
  } catch (e) {
    log.error(`无法加载微信接入模块 ${puppetName}。如使用其他 puppet，请先 npm install ${puppetName}`, e)
    return 2
  }
  let rt
  try {
    rt = await createRuntime({ config, dataDir, puppet, log, now, sessionName: path.join(dataDir, 'wechat-session') })
  } catch (e) {
    if (e instanceof LockError) {
      const other = startedBy === 'npm start' ? '或用 npm start -- --data 其他文件夹 指定其他文件夹' : '或用 npx zhibu-bot start --data 其他文件夹 指定其他文件夹'
      log.error(e.message.replace('或用 --data 指定其他文件夹', other))
      return 3
    }
    throw e
  }
  stopRuntime = () => rt.stop()
  // after the lock: a second bot must not touch the session of the one running
  const aside = setAsideBrokenSession(`${path.join(dataDir, 'wechat-session')}.memory-card.json`, now())
  if (aside) log.warn(aside)
  const { wechaty, shell, scheduler } = rt
  let scheduled = false
  wechaty.on('scan', async (qrcode, status) => {
    if (!qrcode) return
    const qr = (await import('qrcode-terminal')).default
    log.info(`请用机器人的微信账号扫描下面的二维码登录（状态 ${status}）：`)
    qr.generate(qrcode, { small: true }, (s: string) => process.stderr.write(s + '\n'))
    log.info(`扫不出来时，可在浏览器打开：https://wechaty.js.org/qrcode/${encodeURIComponent(qrcode)}`)
  })
  wechaty.on('login', async (user) => {
    log.info(`已登录微信：${user.name()}`)
    protectSession(dataDir)
    const { found, missing } = await shell.roomReport()
    for (const t of found) log.info(`找到群：${t}`)
    for (const t of missing) log.warn(`没找到群「${t}」：请把机器人拉进群，并确认群名与配置完全一致（可在群里发一条消息让它出现）`)
    if (!scheduled) {
      scheduled = true
      await scheduler.start()
      for (const n of scheduler.nextRuns()) log.info(`定时任务「${n.job}」(${n.branch}) 下次运行：${n.next ? isoShanghai(n.next).slice(0, 16).replace('T', ' ') : '—'}`)
    }
  })
  wechaty.on('logout', (user, reason) => {
    log.warn(`微信已退出登录：${user?.name?.() ?? ''}${reason ? '（' + reason + '）' : ''}。机器人会重新显示二维码，请重新扫码；记录不会丢失。`)
  })
  // a network outage makes the puppet report the same error many times a second: say it once a minute
  const lastError = new Map<string, { at: number; repeats: number }>()
  wechaty.on('error', (e) => {
    const text = plainPuppetError(e)
    const seen = lastError.get(text)
    const t = now().getTime()
    if (seen && t - seen.at < 60_000) { seen.repeats++; return }
    const more = seen?.repeats ? `（上一分钟内又出现 ${seen.repeats} 次）` : ''
    lastError.set(text, { at: t, repeats: 0 })
    log.error(`微信连接出错，机器人会继续运行并自动重试${more}`, new Error(text))
  })

  const shutdown = async (sig: string) => {
    log.info(`收到 ${sig}，正在保存并退出…`)
    await rt.stop(5000) // a few seconds to send what is queued; the rest is sent after the next start
    await wechaty.stop().catch(() => undefined)
    process.exit(0)
  }
  // a second Ctrl-C while Wechaty writes its session used to leave it empty: ask for a third
  let signals = 0
  const onSignal = (sig: string) => {
    signals++
    if (signals === 1) void shutdown(sig)
    else if (signals === 2) log.warn('正在保存登录信息和记录，请稍候；确实要立即退出请再按一次 Ctrl-C')
    else process.exit(130)
  }
  process.on('SIGINT', () => onSignal('SIGINT'))
  process.on('SIGTERM', () => onSignal('SIGTERM'))
  try {
    await wechaty.start()
  } catch (e) {
    log.error('微信接入启动失败', e)
    await rt.stop()
    return 1
  }
  protectSession(dataDir)
  log.info('机器人已启动，等待登录…')
  return new Promise<number>(() => {}) // runs until a signal
}

/** `npm start` on 企业微信: the same runtime, a different puppet (src/puppet-wecom). */
async function startWecomLive(config: Config, configFile: string, dataDir: string, log: Logger): Promise<number> {
  log.info(`支部助手启动：配置 ${configFile}，${config.branches.length} 个支部，数据目录 ${dataDir}，接入方式 企业微信`)
  const { startWecom } = await import('./puppet-wecom/start.js')
  const bot = await startWecom({ config, dataDir, log, now, env: process.env, sessionName: path.join(dataDir, 'wechat-session') })
  if (typeof bot === 'number') return bot
  const shutdown = async (sig: string) => {
    log.info(`收到 ${sig}，正在保存并退出…`)
    await bot.stop()
    process.exit(0)
  }
  process.once('SIGINT', () => void shutdown('SIGINT'))
  process.once('SIGTERM', () => void shutdown('SIGTERM'))
  return bot.done
}

/** `npm start [FILE]`, `npm start -- --config FILE --data DIR`: the same choices as `zhibu-bot start`. */
export function npmStartArgs(argv: string[], env: Record<string, string | undefined>): { config: string; data?: string } | string {
  let config: string | undefined
  let data: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--config' || a === '--data') {
      const v = argv[++i]
      if (!v) return `${a} 后面要写${a === '--config' ? '配置文件' : '数据文件夹'}，例如 npm start -- ${a} ${a === '--config' ? 'bot-config/my-branch.yaml' : 'data'}`
      if (a === '--config') config = v
      else data = v
    } else if (a.startsWith('-')) {
      return `npm start 不认识选项 ${a}：可用 npm start -- --config 配置文件 --data 数据文件夹（unknown option）`
    } else config ??= a
  }
  return { config: config ?? env.ZHIBU_CONFIG ?? 'bot-config/example.yaml', data }
}

/** `npm start` (bin/start.js, or `tsx src/main.ts` directly): parse the arguments and run until a signal. */
export function runNpmStart(argv: string[]): void {
  const args = npmStartArgs(argv, process.env)
  if (typeof args === 'string') {
    process.stderr.write(args + '\n')
    process.exit(2)
  }
  startLive(args.config, args.data, 'npm start').then((code) => process.exit(code), (e) => {
    console.error('支部助手意外退出：', e instanceof Error ? e.message : e)
    process.exit(1)
  })
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) runNpmStart(process.argv.slice(2))
