// Checks `npm start` makes before handing over to Wechaty, for mistakes and accidents a user can
// cause and the libraries answer with stack traces: a login session cut short, a puppet service
// that cannot be reached. Each returns one plain Chinese sentence, or null.
import { chmodSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs'
import https from 'node:https'
import net from 'node:net'
import { isoShanghai } from './domain/time.js'

/**
 * A Ctrl-C while Wechaty writes its first session leaves an empty or cut-off
 * `*.memory-card.json`; memory-card then logs an English parse error at every start. An empty one
 * holds nothing and is removed; a damaged one is set aside (it may hold part of a credential, so it
 * stays in the owner-only data folder). The next start shows a new QR code.
 */
export function setAsideBrokenSession(sessionFile: string, now: Date): string | null {
  let text: string
  try {
    if (!statSync(sessionFile).isFile()) return null
    text = readFileSync(sessionFile, 'utf8')
  } catch {
    return null // no session yet: a first login
  }
  if (text.trim() === '') {
    rmSync(sessionFile, { force: true })
    return `上次登录信息文件是空的（可能是首次登录时被中断），已删除，请重新扫码登录（empty login session removed）`
  }
  try {
    const v: unknown = JSON.parse(text)
    if (v && typeof v === 'object' && !Array.isArray(v)) return null
  } catch { /* damaged: set aside below */ }
  const aside = `${sessionFile}.damaged-${isoShanghai(now).slice(0, 19).replace(/[-:]/g, '').replace('T', '-')}`
  renameSync(sessionFile, aside)
  chmodSync(aside, 0o600)
  return `上次登录信息文件已损坏，已移到 ${aside}，请重新扫码登录（damaged login session set aside）`
}

type Env = Record<string, string | undefined>

const NET_WORDS: Record<string, string> = {
  ENOTFOUND: '找不到这个地址',
  EAI_AGAIN: '域名解析失败，可能没有联网',
  ECONNREFUSED: '对方拒绝连接，服务可能没有运行',
  ETIMEDOUT: '连接超时',
  TIMEOUT: '连接超时',
  ECONNRESET: '连接被断开',
  ENETUNREACH: '网络不通',
  EHOSTUNREACH: '网络不通',
}

function netWords(code: string): string {
  return `${NET_WORDS[code] ?? '连接失败'}，${code}`
}

function tcpReach(host: string, port: number, timeoutMs: number): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port })
    const done = (code: string | null) => { socket.destroy(); resolve(code) }
    socket.setTimeout(timeoutMs, () => done('TIMEOUT'))
    socket.once('connect', () => done(null))
    socket.once('error', (e: NodeJS.ErrnoException) => done(e.code ?? 'ERROR'))
  })
}

/** GET https://<authority>/v0/hosties/<token>: Wechaty's token discovery, as wechaty-token does it. */
function discover(authority: string, token: string, timeoutMs: number): Promise<{ host: string; port: number } | { notFound: true } | { code: string }> {
  return new Promise((resolve) => {
    const req = https.get(`https://${authority}/v0/hosties/${encodeURIComponent(token)}`, { timeout: timeoutMs }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => { body += c })
      res.on('end', () => {
        if (!/^2/.test(String(res.statusCode))) return resolve({ notFound: true })
        try {
          const v = JSON.parse(body) as { host?: string; port?: number }
          resolve(v.host && v.port ? { host: v.host, port: Number(v.port) } : { notFound: true })
        } catch {
          resolve({ notFound: true })
        }
      })
    })
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })))
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ code: e.code ?? 'ERROR' }))
  })
}

/** `host:port`, `grpc://host:port` or `dns:///host:port` as gRPC takes them. */
function hostPort(endpoint: string): { host: string; port: number } | null {
  const m = /^(?:[a-z]+:\/{0,3})?\[?([^\]/]+?)\]?:(\d{1,5})\/?$/i.exec(endpoint.trim())
  return m ? { host: m[1]!, port: Number(m[2]) } : null
}

/**
 * wechaty-puppet-service needs a token and a reachable service; without one it prints stack
 * traces and crashes inside grpc (`this.listener.onError is not a function`). Asked first, here.
 */
export async function puppetServiceProblem(env: Env, timeoutMs = 10_000): Promise<string | null> {
  const token = env.WECHATY_PUPPET_SERVICE_TOKEN || env.WECHATY_PUPPET_HOSTIE_TOKEN
  const endpoint = env.WECHATY_PUPPET_SERVICE_ENDPOINT || env.WECHATY_PUPPET_HOSTIE_ENDPOINT
  const authority = env.WECHATY_PUPPET_SERVICE_AUTHORITY || 'api.chatie.io'
  if (!token) {
    return '使用 wechaty-puppet-service 需要服务商提供的 token：请设置环境变量 WECHATY_PUPPET_SERVICE_TOKEN 后再启动（WECHATY_PUPPET_SERVICE_TOKEN is not set）'
  }
  // the part before the last "_" names the service (TLS SNI); the library refuses a token without it
  if (!(token.lastIndexOf('_') > 0) && !env.WECHATY_PUPPET_SERVICE_TLS_SERVER_NAME) {
    return 'WECHATY_PUPPET_SERVICE_TOKEN 的格式不对：应以服务商的前缀开头，例如 puppet_padlocal_xxxx；自己搭建、不加密的服务请在 token 前加 insecure_（token needs an SNI prefix）'
  }
  let target: { host: string; port: number }
  if (endpoint) {
    const hp = hostPort(endpoint)
    if (!hp) return `WECHATY_PUPPET_SERVICE_ENDPOINT 的格式应为 主机:端口，例如 192.168.1.10:8788，现为“${endpoint}”（expected host:port）`
    target = hp
  } else {
    const found = await discover(authority, token, timeoutMs)
    if ('code' in found) {
      return `无法连接 token 查询服务 ${authority}（${netWords(found.code)}）：请检查网络；也可以用 WECHATY_PUPPET_SERVICE_ENDPOINT=主机:端口 直接指定 puppet 服务的地址（token discovery unreachable）`
    }
    if ('notFound' in found) {
      return `在 ${authority} 上查不到这个 token 对应的 puppet 服务：请确认 WECHATY_PUPPET_SERVICE_TOKEN 填写正确、服务商的服务正在运行（token not found）`
    }
    target = found
  }
  const code = await tcpReach(target.host, target.port, timeoutMs)
  if (code) {
    return `无法连接 puppet 服务 ${target.host}:${target.port}（${netWords(code)}）：请确认服务已经启动、地址和端口正确、网络可用（puppet service unreachable）`
  }
  return null
}
