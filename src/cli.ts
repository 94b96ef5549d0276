// `zhibu-bot <command>`: start | simulate | demo | report | export | check-config | backup | restore.
// Modules that import wechaty are loaded lazily: `simulate` must install its fake
// clock before they are first imported.
import { Command, InvalidArgumentError } from 'commander'
import { fileURLToPath } from 'node:url'
import path from 'node:path'
import { ConfigError, loadConfig } from './config/load.js'
import type { Config } from './domain/types.js'
import { rosterOn } from './domain/roster.js'
import { dayOf } from './domain/time.js'
import { now } from './clock.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

function fail(msg: string, code = 2): never {
  process.stderr.write(msg + '\n')
  process.exit(code)
}

function config(file: string): Config {
  try {
    return loadConfig(file)
  } catch (e) {
    if (e instanceof ConfigError) fail(`配置文件有 ${e.problems.length} 处问题（config has problems）：\n${e.message}`)
    throw e
  }
}

function isoDate(v: string): Date {
  const d = new Date(/[T ]\d{2}:\d{2}/.test(v) ? v : `${v}T00:00:00+08:00`)
  if (Number.isNaN(d.getTime())) throw new InvalidArgumentError(`无法识别的时间：${v}（use ISO-8601）`)
  return d
}

const program = new Command('zhibu-bot')
  .description('支部助手：党支部微信工作群的学习打卡、三会一课台账、提醒与月度小结')
  .showHelpAfterError()

program.command('start')
  .description('启动机器人（登录微信）')
  .option('--config <file>', '配置文件（默认取环境变量 ZHIBU_CONFIG，再默认 bot-config/example.yaml）')
  .option('--data <dir>', '数据目录（默认取配置中的 bot.dataDir）')
  .action(async (o) => {
    const { startLive } = await import('./main.js')
    // the same config as `npm start` would read: README's systemd unit sets ZHIBU_CONFIG
    process.exit(await startLive(o.config ?? process.env.ZHIBU_CONFIG ?? 'bot-config/example.yaml', o.data, 'npx zhibu-bot start'))
  })

program.command('check-config')
  .description('检查配置文件，列出所有问题')
  .argument('<file>', '配置文件')
  .action((file: string) => {
    const c = config(file)
    // today's roster; members who have left (or join later) are kept for the months they were on it
    const today = dayOf(now())
    const members = c.branches.reduce((n, b) => n + rosterOn(b, today).length, 0)
    const others = c.branches.reduce((n, b) => n + b.members.length, 0) - members
    const note = others ? `（另有 ${others} 人今天不在册：已转出或尚未转入，其在册期间的记录照常统计）` : ''
    process.stdout.write(`配置正确（OK）：${c.branches.length} 个支部，${members} 名党员${note}，群：${c.branches.flatMap((b) => b.rooms).join('、')}\n`)
  })

program.command('simulate')
  .description('在模拟时钟上运行机器人：输入对话记录，输出机器人发出的消息')
  .requiredOption('--config <file>', '配置文件')
  .requiredOption('--transcript <file>', '对话记录（每行一个 JSON）')
  .option('--until <iso>', '模拟到此时刻（默认最后一条消息后一分钟）', isoDate)
  .option('--from <iso>', '从此时刻开始（默认第一条消息的时间）', isoDate)
  .option('--data <dir>', '数据目录（默认新建临时目录）')
  .option('--pretty', '以便于阅读的格式输出')
  .option('--verbose', '同时输出机器人的运行日志')
  .action(async (o) => {
    const { simulate } = await import('./sim/simulate.js')
    const code = await simulate({ config: config(o.config), transcriptFile: o.transcript, until: o.until, from: o.from, dataDir: o.data, pretty: o.pretty, verbose: o.verbose })
    process.exit(code)
  })

program.command('demo')
  .description('模拟示例支部的一个月，打印机器人会说的话')
  .option('--data <dir>', '数据目录（默认新建临时目录）')
  .action(async (o) => {
    const { simulate } = await import('./sim/simulate.js')
    const cfg = config(path.join(ROOT, 'bot-config/example.yaml'))
    process.stdout.write(`示例：${cfg.branches[0]!.name}，对话记录 bot-config/demo-transcript.jsonl\n\n`)
    const code = await simulate({
      config: cfg, transcriptFile: path.join(ROOT, 'bot-config/demo-transcript.jsonl'),
      until: new Date('2026-12-01T10:00:00+08:00'), dataDir: o.data, pretty: true,
    })
    process.exit(code)
  })

program.command('export')
  .description('导出记录（json 或 xlsx）')
  .requiredOption('--config <file>', '配置文件')
  .requiredOption('--data <dir>', '数据目录')
  .option('--branch <id>', '支部 id（默认全部）')
  .option('--from <date>', '起始日期 YYYY-MM-DD')
  .option('--to <date>', '截止日期 YYYY-MM-DD')
  .option('--format <fmt>', 'json 或 xlsx', 'json')
  .option('--out <file>', '输出文件（默认标准输出；xlsx 默认 台账.xlsx）')
  .action(async (o) => {
    const { runExport } = await import('./report/commands.js')
    process.exit(await runExport(config(o.config), o))
  })

program.command('report')
  .description('生成月度（季度、年度）小结或台账')
  .requiredOption('--config <file>', '配置文件')
  .requiredOption('--data <dir>', '数据目录')
  .option('--branch <id>', '支部 id（只有一个支部时可省略）')
  .option('--month <YYYY-MM>', '月份')
  .option('--quarter <YYYYQn>', '季度，如 2026Q4')
  .option('--year <YYYY>', '年度')
  .option('--format <fmt>', 'text、json、docx 或 xlsx', 'text')
  .option('--out <file>', '输出文件')
  .action(async (o) => {
    const { runReport } = await import('./report/commands.js')
    process.exit(await runReport(config(o.config), o))
  })

program.command('backup')
  .description('备份数据目录（机器人运行时也可以）')
  .requiredOption('--data <dir>', '数据目录')
  .requiredOption('--out <file>', '备份文件，如 backup-2026-11-30.tar.gz')
  .option('--with-session', '同时备份微信登录信息（默认不含：它是登录凭据）')
  .action(async (o) => {
    const { backup } = await import('./store/backup.js')
    process.exit(await backup(o.data, o.out, { withSession: !!o.withSession }))
  })

program.command('restore')
  .description('从备份恢复数据目录（需先停止机器人）')
  .requiredOption('--data <dir>', '数据目录')
  .requiredOption('--from <file>', '备份文件')
  .action(async (o) => {
    const { restore } = await import('./store/backup.js')
    process.exit(await restore(o.from, o.data))
  })

program.parseAsync().catch((e) => fail(`出错了：${e instanceof Error ? e.message : e}`, 1))
