// The first hour of an installer: a wrong --data, a login cut short by Ctrl-C, a puppet service that
// is not there, a second bot on the same folder, ZHIBU_CONFIG with `npx zhibu-bot start`. Each ends
// in one plain Chinese line (Beijing time, no stack trace) and an honest exit code.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { routeLibraryLogs, createLogger } from '../../src/log.js'
import { npmStartArgs } from '../../src/main.js'
import { EXAMPLE, ROOT, runCli, tmpDir } from '../helpers/sim.js'

const MAIN = path.join(ROOT, 'src/main.ts')
const CLI = path.join(ROOT, 'src/cli.ts')
// resolved here: the bot runs in a folder of its own, where `--import tsx` would not be found
const TSX = import.meta.resolve('tsx')
const STACK = /^\s+at .+[:(]\d+|listener\.onError|Error: |node:internal/m

interface Bot { child: ChildProcess; stderr: () => string; exited: Promise<number | null> }

/** `npm start` (or `npx zhibu-bot start`) as a child process in `cwd`, Wechaty's mock puppet by default. */
function startBot(args: string[], cwd: string, env: Record<string, string> = {}, entry = MAIN): Bot {
  const child = spawn(process.execPath, ['--import', TSX, entry, ...args], {
    cwd, env: { ...process.env, WECHATY_PUPPET: 'wechaty-puppet-mock', TZ: 'UTC', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  })
  let err = ''
  child.stderr!.setEncoding('utf8').on('data', (c: string) => { err += c })
  child.stdout!.resume()
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, stderr: () => err, exited }
}

async function until(bot: Bot, re: RegExp): Promise<void> {
  while (!re.test(bot.stderr())) {
    const code = await Promise.race([bot.exited, new Promise<'wait'>((r) => setTimeout(() => r('wait'), 100))])
    if (code !== 'wait') assert.fail(`bot exited ${code} before ${re}:\n${bot.stderr()}`)
  }
}

async function stop(bot: Bot): Promise<number | null> {
  bot.child.kill('SIGINT')
  return bot.exited
}

/** Every line is stamped by the bot's logger in Beijing time — Wechaty's own lines too. */
function assertBeijingLines(stderr: string): void {
  for (const line of stderr.split('\n').filter(Boolean)) {
    const m = /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)  /.exec(line)
    assert.ok(m, `unstamped line: ${line}`)
    // the machine runs in UTC here: a UTC stamp read as Beijing time would be eight hours off
    const t = new Date(`${m[1]!.replace(' ', 'T')}+08:00`).getTime()
    assert.ok(Math.abs(t - Date.now()) < 3600_000, `not Beijing time: ${line}`)
  }
}

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo
      s.close(() => resolve(port))
    })
  })
}

test('report and export with a missing, empty or wrong data folder: a Chinese error and a non-zero exit', () => {
  const empty = tmpDir()
  const other = tmpDir()
  mkdirSync(path.join(other, 'photos'))
  const file = path.join(tmpDir(), 'not-a-folder')
  writeFileSync(file, 'x')
  const cases: [string, RegExp][] = [
    [path.join(empty, 'does-not-exist'), /找不到数据文件夹 .*does-not-exist/],
    [empty, /数据文件夹 .* 是空的/],
    [other, /没有机器人的数据/],
    [file, /不是文件夹/],
  ]
  for (const [ci, [dir, re]] of cases.entries()) {
    // each command on the missing folder; the other folders through one command each
    const all = [
      ['report', '--config', EXAMPLE, '--data', dir, '--month', '2026-11', '--format', 'json'],
      ['export', '--config', EXAMPLE, '--data', dir, '--format', 'json'],
      ['report', '--config', EXAMPLE, '--data', dir, '--month', '2026-11'],
    ]
    for (const args of ci === 0 ? all : [all[ci % all.length]!]) {
      const r = runCli(args)
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`)
      assert.equal(r.stdout, '', 'no empty month is printed')
      assert.match(r.stderr, re)
      assert.match(r.stderr, /请用 --data 指定机器人的数据文件夹|是不是 --data/)
      assert.doesNotMatch(r.stderr, /参与率/)
      assert.doesNotMatch(r.stderr, STACK)
    }
  }
  const parent = tmpDir()
  mkdirSync(path.join(parent, 'data', '_state'), { recursive: true })
  const up = runCli(['export', '--config', EXAMPLE, '--data', parent, '--format', 'json'])
  assert.equal(up.status, 2)
  assert.ok(up.stderr.includes(`是不是 --data ${path.join(parent, 'data')}？`), up.stderr)
  const rel = runCli(['report', '--config', EXAMPLE, '--data', 'no-such-data-folder', '--month', '2026-11'])
  assert.match(rel.stderr, new RegExp(`no-such-data-folder（即 .*${path.sep}no-such-data-folder）`), 'a relative path is shown resolved')
})

test('npm start after a Ctrl-C left a 0-byte session: one plain line, the file set aside, Beijing time throughout', async () => {
  const dir = tmpDir()
  const data = path.join(dir, 'data')
  mkdirSync(data)
  writeFileSync(path.join(data, 'wechat-session.memory-card.json'), '')
  const bot = startBot([EXAMPLE, '--data', data], dir)
  await until(bot, /机器人已启动，等待登录/)
  assert.equal(await stop(bot), 0)
  const err = bot.stderr()
  assert.match(err, /上次登录信息文件是空的（可能是首次登录时被中断），已删除，请重新扫码登录/)
  assert.doesNotMatch(err, /MemoryCard|load\(\) exception|SyntaxError/)
  assert.doesNotMatch(err, STACK)
  assert.ok(!existsSync(path.join(data, 'wechat-session.memory-card.json')))
  assertBeijingLines(err)
})

test('a damaged session file is set aside, owner-only, and the bot starts', async () => {
  const dir = tmpDir()
  const data = path.join(dir, 'data')
  mkdirSync(data)
  writeFileSync(path.join(data, 'wechat-session.memory-card.json'), '{"\u0000cut off', { mode: 0o644 })
  const bot = startBot(['--config', EXAMPLE, '--data', data], dir)
  await until(bot, /机器人已启动，等待登录/)
  assert.equal(await stop(bot), 0)
  assert.match(bot.stderr(), /上次登录信息文件已损坏，已移到 .*damaged-\d{8}-\d{6}，请重新扫码登录/)
  const aside = readdirSync(data).find((f) => f.includes('.damaged-'))
  assert.ok(aside)
  assert.equal(statSync(path.join(data, aside)).mode & 0o777, 0o600)
  assert.doesNotMatch(bot.stderr(), /MemoryCard|SyntaxError/)
})

test('a second bot on the same folder is told what to do in the words of how it was started', async () => {
  const dir = tmpDir()
  const data = path.join(dir, 'data')
  const first = startBot([EXAMPLE, '--data', data], dir)
  await until(first, /机器人已启动，等待登录/)
  try {
    const npm = startBot([EXAMPLE, '--data', data], dir)
    assert.equal(await npm.exited, 3)
    assert.match(npm.stderr(), /正被另一个机器人进程使用.*请先停止它，或用 npm start -- --data 其他文件夹 指定其他文件夹/)
    const npx = startBot(['start', '--config', EXAMPLE, '--data', data], dir, {}, CLI)
    assert.equal(await npx.exited, 3)
    assert.match(npx.stderr(), /请先停止它，或用 npx zhibu-bot start --data 其他文件夹 指定其他文件夹/)
    for (const b of [npm, npx]) assert.doesNotMatch(b.stderr(), STACK)
  } finally {
    await stop(first)
  }
})

test('wechaty-puppet-service without a reachable service: a Chinese reason and a clean exit, no stack trace', async () => {
  const dir = tmpDir()
  const port = await closedPort()
  const cases: [Record<string, string>, RegExp][] = [
    [{}, /需要服务商提供的 token：请设置环境变量 WECHATY_PUPPET_SERVICE_TOKEN/],
    [{ WECHATY_PUPPET_SERVICE_TOKEN: 'abc' }, /TOKEN 的格式不对/],
    [{ WECHATY_PUPPET_SERVICE_TOKEN: 'insecure_abc', WECHATY_PUPPET_SERVICE_ENDPOINT: `127.0.0.1:${port}` }, new RegExp(`无法连接 puppet 服务 127\\.0\\.0\\.1:${port}（对方拒绝连接`)],
    [{ WECHATY_PUPPET_SERVICE_TOKEN: 'puppet_x_abc', WECHATY_PUPPET_SERVICE_AUTHORITY: `127.0.0.1:${port}` }, /无法连接 token 查询服务 127\.0\.0\.1/],
  ]
  for (const [env, re] of cases) {
    const bot = startBot([EXAMPLE, '--data', path.join(dir, 'data')], dir, { WECHATY_PUPPET: 'wechaty-puppet-service', WECHATY_PUPPET_SERVICE_TOKEN: '', ...env })
    assert.equal(await bot.exited, 2, bot.stderr())
    assert.match(bot.stderr(), re)
    assert.match(bot.stderr(), /机器人未启动/)
    assert.doesNotMatch(bot.stderr(), STACK)
    assertBeijingLines(bot.stderr())
  }
})

test('npm start and zhibu-bot start read ZHIBU_CONFIG; a syntax slip stops them with the line, in Chinese', async () => {
  const dir = tmpDir()
  const cfg = path.join(dir, 'my-branch.yaml')
  writeFileSync(cfg, 'bot:\n\tdedupeDays: 3\nbranches: []\n')
  for (const [entry, args] of [[MAIN, []], [CLI, ['start']]] as const) {
    const bot = startBot([...args], dir, { ZHIBU_CONFIG: cfg }, entry)
    assert.equal(await bot.exited, 2, bot.stderr())
    assert.ok(bot.stderr().includes(`${cfg}:2  第2行用了 Tab 键缩进，请改用空格`), bot.stderr())
    assert.doesNotMatch(bot.stderr(), STACK)
  }
})

test('npm start arguments: a file, --config, --data, ZHIBU_CONFIG; anything else is explained', () => {
  assert.deepEqual(npmStartArgs([], {}), { config: 'bot-config/example.yaml', data: undefined })
  assert.deepEqual(npmStartArgs([], { ZHIBU_CONFIG: 'a.yaml' }), { config: 'a.yaml', data: undefined })
  assert.deepEqual(npmStartArgs(['b.yaml'], { ZHIBU_CONFIG: 'a.yaml' }), { config: 'b.yaml', data: undefined })
  assert.deepEqual(npmStartArgs(['--config', 'c.yaml', '--data', 'd'], {}), { config: 'c.yaml', data: 'd' })
  assert.match(npmStartArgs(['--data'], {}) as string, /--data 后面要写数据文件夹/)
  assert.match(npmStartArgs(['--verbose'], {}) as string, /npm start 不认识选项 --verbose/)
})

test('Wechaty\'s and memory-card\'s log lines go through the bot\'s logger, stamped in Beijing time', async () => {
  const { log } = await import('wechaty')
  const lines: string[] = []
  const at = new Date('2026-11-30T18:30:00Z') // 02:30 on 1 December in Beijing
  routeLibraryLogs(log, createLogger(() => at, (l) => lines.push(l)), 'warn')
  log.warn('PuppetService', 'reconnecting %s', 'now')
  const global = (log.constructor as unknown as { instance(): { error(p: string, m: string): void; info(p: string, m: string): void } }).instance()
  global.error('MemoryCard', 'load() exception')
  global.info('StateSwitch', 'below the level: not shown')
  assert.deepEqual(lines, [
    '2026-12-01 02:30:00  ⚠ [Wechaty] PuppetService reconnecting now',
    '2026-12-01 02:30:00  ✖ [Wechaty] MemoryCard load() exception',
  ])
})

test('a crash inside the puppet libraries is told in Chinese: the grpc resolver bug names the puppet service', async () => {
  const { plainFatal } = await import('../../src/main.js')
  assert.match(plainFatal(new TypeError('this.listener.onError is not a function')), /^找不到 puppet 服务（token 无效，或服务已停止、网络不通），机器人已退出/)
  assert.match(plainFatal(new Error('boom')), /^机器人遇到意外错误已退出，记录不会丢失；重新启动即可（boom）$/)
})
