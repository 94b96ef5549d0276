// End to end on 企业微信: the real bot (Wechaty + the WeCom puppet + the official SDK) against a local
// server that speaks the long-connection frames. The bot's clock is shifted to the dates the test
// needs; sockets and timers are real.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import JSZip from 'jszip'
import { parseConfig } from '../../src/config/load.js'
import { createLogger } from '../../src/log.js'
import { startWecom, type WecomBot } from '../../src/puppet-wecom/start.js'
import { FakeWecom, until, type Sent } from './server.js'

const CHAT = 'wrkSFfCgAAchat01'
const YAML = `
bot:
  transport: wecom
branches:
  - id: jiguan2
    name: 机关第二党支部
    rooms: [机关第二党支部工作群]
    wecom: { chats: [${CHAT}] }
    members:
      - { name: 周立新, role: 书记, group: 第一党小组, wecom: zhoulixin }
      - { name: 孙雅琴, role: 组织委员, group: 第一党小组, wecom: sunyaqin }
      - { name: 陈明, role: 党小组长, group: 第一党小组, wecom: chenming }
      - { name: 王建国, group: 第一党小组, wecom: wangjianguo }
      - { name: 刘洋, group: 第一党小组 }
`
const config = parseConfig(YAML, 'wecom.yaml')
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'zhibu-wecom-'))
let server: FakeWecom
const lines: string[] = []

/** A clock that reads `iso` now and runs on in real time. */
function clockAt(iso: string): () => Date {
  const offset = Date.parse(iso) - Date.now()
  return () => new Date(Date.now() + offset)
}

async function start(iso: string): Promise<WecomBot> {
  const now = clockAt(iso)
  const log = createLogger(now, (l) => lines.push(l))
  const env = { WECOM_BOT_ID: server.botId, WECOM_BOT_SECRET: server.secret, WECOM_WS_URL: server.url }
  const bot = await startWecom({ config, dataDir, log, now, env, reconnectInterval: 50, sessionName: path.join(dataDir, 'session') })
  assert.notEqual(typeof bot, 'number', lines.join('\n'))
  const logins = server.logins.length
  await until('the bot subscribes', () => server.logins.length > logins)
  await until('the bot is ready', () => lines.some((l) => l.includes('已连上企业微信')))
  return bot as WecomBot
}

/** Everything the bot is doing has finished: handlers, scheduled jobs and the outbox queue. */
async function settle(bot: WecomBot): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await bot.rt.tracker.idle()
    await bot.rt.app.outbox.idle()
    await new Promise((r) => setTimeout(r, 100))
  }
}

const sentSince = (n: number): Sent[] => server.sent.slice(n)
const texts = (s: Sent[]) => s.map((x) => x.content ?? '')

before(async () => { server = await new FakeWecom().listen() })
after(async () => { await server.close() })

let bot: WecomBot

test('subscribes with the credentials from the environment', async () => {
  bot = await start('2026-11-18T17:55:00+08:00')
  const sub = server.logins.at(-1)!
  assert.equal(sub.body.bot_id, 'bot-test')
  assert.equal(sub.body.secret, 'secret-test')
  // the secret is never written to the terminal
  assert.ok(!lines.some((l) => l.includes('secret-test')))
  // the roster member without a userid is named, so the installer can bind him
  assert.ok(lines.some((l) => l.includes('没有填写企业微信 userid') && l.includes('刘洋')))
})

test('a group check-in with the @-mention is recorded once, even when the msgid is delivered again', async () => {
  const n = server.sent.length
  server.push({ msgid: 'm1', userid: 'wangjianguo', chatid: CHAT, text: '@支部助手 打卡 学习《党章》第三章 30分钟' })
  await until('an acknowledgement', () => sentSince(n).find((s) => s.content?.includes('王建国 已打卡')))
  server.push({ msgid: 'm1', userid: 'wangjianguo', chatid: CHAT, text: '@支部助手 打卡 学习《党章》第三章 30分钟' })
  await settle(bot)
  const acks = sentSince(n).filter((s) => s.content?.includes('已打卡'))
  assert.equal(acks.length, 1)
  // a passive reply to the member's own message, in the group it came from
  assert.equal(acks[0]!.chatid, CHAT)
  const recs = (await bot.rt.app.store.monthView('jiguan2', '2026-11', 'checkin')).filter((r) => r.type === 'checkin')
  assert.equal(recs.length, 1)
  assert.equal(recs[0]!.member, '王建国')
  assert.equal((recs[0] as { minutes: number }).minutes, 30)
  // the mention is stripped before parsing: the content is what was studied
  assert.doesNotMatch((recs[0] as { content: string }).content, /支部助手/)
})

test('#我的 and a bare command word said to the bot are answered as in WeChat', async () => {
  const n = server.sent.length
  server.push({ msgid: 'm2', userid: 'wangjianguo', chatid: CHAT, text: '@支部助手 #我的' })
  await until('#我的 answered', () => sentSince(n).find((s) => s.content?.includes('王建国同志，您11月的学习情况')))
  const k = server.sent.length
  // the same command again within minutes is answered once (issue 13): another member asks the bare word
  server.push({ msgid: 'm3', userid: 'chenming', chatid: CHAT, text: '@支部助手 我的' })
  await until('我的 answered', () => sentSince(k).find((s) => s.content?.includes('陈明同志，您11月的学习情况')))
})

test('an unbound userid is told once how to get bound; an unknown group is logged once with its id', async () => {
  const n = server.sent.length
  server.push({ msgid: 's1', userid: 'lisi', chatid: CHAT, text: '@支部助手 打卡 学习 20分钟' })
  await until('the stranger answered', () => sentSince(n).find((s) => s.content?.includes('lisi')))
  server.push({ msgid: 's2', userid: 'lisi', text: '#帮助' })
  // a stranger who writes privately first is answered in that private chat
  server.push({ msgid: 's3', userid: 'wangwu', text: '你好' })
  await until('the private stranger answered', () => sentSince(n).find((s) => s.chatid === 'wangwu' && s.content?.includes('wecom: wangwu')))
  server.push({ msgid: 'u1', userid: 'wangjianguo', chatid: 'wrkOTHERchat', text: '@支部助手 打卡 10分钟' })
  server.push({ msgid: 'u2', userid: 'wangjianguo', chatid: 'wrkOTHERchat', text: '@支部助手 打卡 10分钟' })
  await until('the unknown chat logged', () => lines.find((l) => l.includes('wrkOTHERchat')))
  await settle(bot)
  const told = sentSince(n).filter((s) => s.content?.includes('lisi'))
  assert.equal(told.length, 1)
  assert.match(told[0]!.content!, /wecom: lisi/)
  assert.equal(lines.filter((l) => l.includes('wrkOTHERchat')).length, 1)
  // nothing was recorded for either
  const recs = (await bot.rt.app.store.monthView('jiguan2', '2026-11', 'checkin')).filter((r) => r.type === 'checkin')
  assert.equal(recs.length, 1)
  assert.ok(!sentSince(n).some((s) => s.chatid === 'wrkOTHERchat'))
})

test('a meeting report in the group, then the meeting photo in a private chat (downloaded and decrypted)', async () => {
  const n = server.sent.length
  server.push({ msgid: 'r1', userid: 'zhoulixin', chatid: CHAT, text: '@支部助手 #活动 11月18日下午 支委会 讨论发展党员工作 应到5人 刘洋出差请假 主持人：周立新' })
  await until('the report recorded', () => sentSince(n).find((s) => /支部委员会/.test(s.content ?? '')))
  const photo = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'binary'), Buffer.alloc(300, 7)])
  server.push({ msgid: 'p1', userid: 'zhoulixin', image: server.serveEncrypted('p1', photo) })
  await until('the photo attached', () => sentSince(n).find((s) => s.content?.includes('照片已附到')))
  // the photo reply goes to the secretary's private chat (chatid = his userid)
  assert.equal(sentSince(n).find((s) => s.content?.includes('照片已附到'))!.chatid, 'zhoulixin')
  const dir = path.join(dataDir, 'jiguan2', 'photos', '2026-11')
  const saved = readdirSync(dir)
  assert.equal(saved.length, 1)
  assert.deepEqual(readFileSync(path.join(dir, saved[0]!)), photo)
})

test('a secretary asks for the ledger: the Excel file goes out by media upload, then send', async () => {
  const n = server.sent.length
  server.push({ msgid: 'l1', userid: 'zhoulixin', text: '#台账' })
  const file = await until('the ledger file', () => sentSince(n).find((s) => s.msgtype === 'file'))
  assert.equal(file.chatid, 'zhoulixin')
  assert.match(file.media!.name, /台账.*\.xlsx$/)
  // a real workbook arrived, chunk by chunk
  const zip = await JSZip.loadAsync(file.media!.data)
  assert.ok(zip.file('xl/workbook.xml'))
})

test('after a dropped connection the bot reconnects and handles the next message', async () => {
  const logins = server.logins.length
  server.drop()
  await until('a new subscribe', () => server.logins.length > logins)
  await until('connected again', () => server.connected === 1 && lines.some((l) => l.includes('已重新连上企业微信')))
  assert.ok(lines.some((l) => l.includes('连接断开')))
  const n = server.sent.length
  server.push({ msgid: 'm4', userid: 'zhoulixin', chatid: CHAT, text: '@支部助手 打卡 学习党史 40分钟' })
  const checkins = async () => (await bot.rt.app.store.monthView('jiguan2', '2026-11', 'checkin')).filter((r) => r.type === 'checkin')
  await until('recorded after reconnect', async () => (await checkins()).some((r) => r.member === '周立新' && r.msgId === 'm4'))
  // (the check-in's acknowledgement waits for the group's merge window: ask in private)
  server.push({ msgid: 'm5', userid: 'zhoulixin', text: '#我的' })
  await until('answered after reconnect', () => sentSince(n).find((s) => s.content?.includes('周立新同志，您11月的学习情况：打卡 1 天，共 40 分钟')))
  await bot.stop()
})

test('after a restart the same msgid is still a redelivery; a scheduled deadline reminder goes out', async () => {
  // 11-27 (Fri) is the last workday before the 1-day reminder for November's 主题党日 and 党小组会
  bot = await start('2026-11-27T09:30:00+08:00')
  const n = server.sent.length
  server.push({ msgid: 'm1', userid: 'wangjianguo', chatid: CHAT, text: '@支部助手 打卡 学习《党章》第三章 30分钟' })
  await settle(bot)
  const recs = (await bot.rt.app.store.monthView('jiguan2', '2026-11', 'checkin')).filter((r) => r.type === 'checkin')
  assert.equal(recs.length, 2)
  assert.ok(!sentSince(n).some((s) => s.content?.includes('王建国 已打卡')))
  const reminders = sentSince(n).filter((s) => /主题党日|党小组会/.test(s.content ?? ''))
  assert.ok(reminders.some((s) => s.chatid === CHAT && s.via === 'send'), texts(sentSince(n)).join('\n---\n'))
  // each responsible person is also told privately, by userid
  assert.ok(reminders.some((s) => ['zhoulixin', 'sunyaqin', 'chenming'].includes(s.chatid!)), texts(reminders).join('\n---\n'))
  // the group reminder @-mentions the responsible people by userid
  assert.ok(reminders.some((s) => /<@(zhoulixin|sunyaqin|chenming)>/.test(s.content ?? '')))
  await bot.stop()
})

test('on the 1st the monthly summary goes out as markdown, with the chart and the Word file; the outbox limits hold', async () => {
  bot = await start('2026-12-01T09:30:00+08:00')
  const n = server.sent.length
  const chart = await until('the chart', () => sentSince(n).find((s) => s.msgtype === 'image'))
  const docx = await until('the Word files', () => sentSince(n).filter((s) => s.msgtype === 'file' && /\.docx$/.test(s.media!.name)).length >= 2 && sentSince(n).filter((s) => s.msgtype === 'file'))
  await settle(bot)
  const out = sentSince(n)
  const summary = out.find((s) => s.content?.includes('一、主要工作情况'))!
  assert.ok(summary, texts(out).join('\n---\n'))
  assert.equal(summary.chatid, CHAT)
  assert.equal(summary.msgtype, 'markdown')
  assert.match(summary.content!, /\*\*一、主要工作情况\*\*/)
  assert.match(summary.content!, /王建国|周立新|学习打卡/)
  assert.equal(chart.chatid, CHAT)
  assert.ok(chart.media!.data.subarray(0, 8).equals(Buffer.from('\x89PNG\r\n\x1a\n', 'binary')))
  // the Word file to each secretary privately
  assert.deepEqual(docx.map((d) => d.chatid).sort(), ['sunyaqin', 'zhoulixin'])
  assert.ok((await JSZip.loadAsync(docx[0]!.media!.data)).file('word/document.xml'))
  // at least 1 s between any two sends, 3 s within a chat
  for (let i = 1; i < out.length; i++) assert.ok(out[i]!.at - out[i - 1]!.at >= 900, `gap ${out[i]!.at - out[i - 1]!.at} ms`)
  const chat = out.filter((s) => s.chatid === CHAT)
  for (let i = 1; i < chat.length; i++) assert.ok(chat[i]!.at - chat[i - 1]!.at >= 2900)
  await bot.stop()
})

test('pushed off by another program with the same bot: says so plainly and stops, without reconnecting', async () => {
  bot = await start('2026-12-02T10:00:00+08:00')
  const logins = server.logins.length
  server.kick()
  assert.equal(await bot.done, 3)
  assert.ok(lines.some((l) => l.includes('挤下线')))
  await new Promise((r) => setTimeout(r, 300))
  assert.equal(server.logins.length, logins)
})

test('no WeCom credentials: a plain message naming what is missing, and no start', async () => {
  const msgs: string[] = []
  const log = createLogger(() => new Date(), (l) => msgs.push(l))
  const code = await startWecom({ config, dataDir, log, now: () => new Date(), env: {} })
  assert.equal(code, 2)
  assert.match(msgs.join('\n'), /WECOM_BOT_ID、WECOM_BOT_SECRET/)
})
