// `ZHIBU_CONFIG=… npm start` on `transport: wecom`, as the installer runs it: a child process against
// a local long-connection server. What the terminal says is what is checked.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { FakeWecom, until } from './server.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const MAIN = path.join(ROOT, 'src/main.ts')
const CHAT = 'wrkSFfCgAAchat01'
let server: FakeWecom

function configFile(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zhibu-wecom-start-'))
  const file = path.join(dir, 'bot.yaml')
  writeFileSync(file, `bot:
  transport: wecom
  dataDir: ${JSON.stringify(path.join(dir, 'data'))}
branches:
  - id: jiguan2
    name: 机关第二党支部
    rooms: [机关第二党支部工作群]
    wecom: { chats: [${CHAT}] }
    members:
      - { name: 周立新, role: 书记, wecom: zhoulixin }
      - { name: 王建国, wecom: wangjianguo }
`)
  return file
}

function start(env: Record<string, string | undefined>) {
  const clean = { ...process.env }
  delete clean.WECOM_BOT_ID
  delete clean.WECOM_BOT_SECRET
  delete clean.WECOM_WS_URL
  delete clean.ZHIBU_DEBUG
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], { cwd: ROOT, env: { ...clean, ZHIBU_CONFIG: configFile(), ...env } as NodeJS.ProcessEnv })
  const out = { stderr: '', stdout: '', code: null as number | null }
  child.stderr.on('data', (d) => { out.stderr += d })
  child.stdout.on('data', (d) => { out.stdout += d })
  const exited = new Promise<number>((r) => child.on('exit', (c) => { out.code = c; r(c ?? -1) }))
  return { child, out, exited }
}

const noStack = (s: string) => !/\n\s+at .+:\d+:\d+/.test(s) && !/Error:/.test(s)

before(async () => { server = await new FakeWecom().listen() })
after(async () => { await server.close() })

test('without credentials: says which are missing and exits non-zero, no stack trace', async () => {
  const { out, exited } = start({})
  const code = await exited
  assert.notEqual(code, 0)
  assert.match(out.stderr, /WECOM_BOT_ID、WECOM_BOT_SECRET/)
  assert.ok(noStack(out.stderr), out.stderr)
})

test('refused credentials: a plain Chinese error and a non-zero exit, no stack trace', async () => {
  const { out, exited } = start({ WECOM_BOT_ID: server.botId, WECOM_BOT_SECRET: 'wrong', WECOM_WS_URL: server.url })
  const code = await exited
  assert.notEqual(code, 0)
  assert.match(out.stderr, /企业微信拒绝了机器人的 BotID 或 Secret/)
  assert.ok(!out.stderr.includes('wrong'), 'the secret is not echoed')
  assert.ok(noStack(out.stderr), out.stderr)
})

test('accepted credentials: connects, says so, answers a group check-in, and stops on SIGTERM', async () => {
  const { child, out, exited } = start({ WECOM_BOT_ID: server.botId, WECOM_BOT_SECRET: server.secret, WECOM_WS_URL: server.url })
  try {
    await until('connected', () => out.stderr.includes('已连上企业微信'), 60_000)
    const n = server.sent.length
    server.push({ msgid: 'x1', userid: 'wangjianguo', chatid: CHAT, text: '@支部助手 打卡 学习党章 30分钟' })
    await until('acknowledged', () => server.sent.slice(n).find((s) => s.content?.includes('王建国 已打卡')))
    server.push({ msgid: 'x2', userid: 'wangjianguo', chatid: 'wrkUNKNOWN', text: '@支部助手 #我的' })
    await until('the unknown chat named', () => out.stderr.includes('wrkUNKNOWN'))
  } finally {
    child.kill('SIGTERM')
  }
  assert.equal(await exited, 0)
  assert.ok(!out.stderr.includes(server.secret))
  assert.ok(noStack(out.stderr), out.stderr)
})
