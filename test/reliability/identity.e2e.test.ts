// Who is who, tried as an impostor would: names that contain a roster name, doubled characters,
// prefixes, width variants, hidden (zero-width / bidi) characters — through simulate — and, with real
// Wechaty + wechaty-puppet-mock, two contacts with the same display name, checked by contact id.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { simulate, exportJson, ROOM, tmpDir, type Ev } from '../helpers/sim.js'

const HIDDEN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF]/u

// each tries to act as 周立新 (书记) or 王建国 (党员)
const LOOKALIKES = [
  '周立新1', '周立新周立新', '周周立新', '周立立新', '小周立新', '老周立新', '周立新（书记）', '周立新的手机', '周立',
  '周立新\u200b', '\u200d周立新', '周\u200c立新', '\u202e新立周', '周立新\u2066', '\ufeff周立新', '周立新\u00ad', '周\u180e立新',
  '王建国2', '王建国王建国', '王王建国', '小王建国', '王建国\u200b', '\u202d王建国',
]

test('look-alike names act on nothing: no withdrawal, no correction, no check-in, no pause, no ledger', () => {
  const events: Ev[] = [{ at: '2026-11-18T18:00:00+08:00', room: ROOM, from: '周立新', text: '#活动 11月18日下午 支委会 讨论发展党员工作 应到5人 实到5人', id: 'real' }]
  LOOKALIKES.forEach((from, i) => {
    const at = (s: number) => `2026-11-18T19:${String(i * 2).padStart(2, '0')}:${String(s).padStart(2, '0')}+08:00`
    events.push(
      { at: at(0), room: ROOM, from, text: '#撤销活动', id: `u${i}` },
      { at: at(5), room: ROOM, from, text: '#更正 地点 我家', id: `c${i}` },
      { at: at(10), room: ROOM, from, text: '打卡 学习党章 30分钟', id: `k${i}` },
      { at: at(15), room: ROOM, from, text: '#提醒 暂停 30天', id: `p${i}` },
      { at: at(20), room: ROOM, from, text: '#台账 2026-11', id: `l${i}` },
      { at: at(25), from, text: '#台账 2026-11', id: `pl${i}` },
    )
  })
  events.push({ at: '2026-11-18T21:00:00+08:00', room: ROOM, from: '王建国', text: '#提醒', id: 'status' })
  const { sent, data } = simulate(events, { until: '2026-11-18T21:10:00+08:00' })
  const recs = exportJson(data)
  const acts = recs.filter((r) => r.type === 'activity')
  assert.equal(acts.length, 1, 'the secretary’s record is still there')
  assert.equal(acts[0]!.place, null, 'and uncorrected')
  assert.equal(recs.filter((r) => r.type === 'checkin').length, 0, 'no look-alike check-in is credited to anyone')
  assert.ok(!sent.some((s) => s.file), 'no ledger file to anyone')
  const status = sent.find((s) => s.at >= '2026-11-18T21:00' && s.to.room === ROOM)
  assert.ok(status && !/已暂停/.test(status.text ?? ''), `reminders are not paused: ${status?.text}`)
  for (const s of sent) assert.doesNotMatch(s.text ?? '', HIDDEN, `no hidden characters echoed: ${JSON.stringify(s.text)}`)
  for (const s of sent) for (const m of s.mentions ?? []) assert.doesNotMatch(m, HIDDEN)
  for (const s of sent) assert.ok(!s.to.contact || !HIDDEN.test(s.to.contact))
  // strangers are told once each (by the check-in), not once per message
  const told = sent.filter((s) => /不在.*花名册/.test(s.text ?? ''))
  assert.ok(told.length <= LOOKALIKES.length, `${told.length} replies to ${LOOKALIKES.length} strangers`)
})

test('names that equal a roster name after width and spacing are that member; an alias is too', () => {
  const cfg = path.join(tmpDir('zhibu-ident-'), 'c.yaml')
  // a Latin-lettered alias, written full-width by one phone and with spaces by another
  const yaml = `branches:\n  - { id: b1, name: 一支部, rooms: [${ROOM}], members: [{ name: 周立新, role: 书记, aliases: [Zhou LX] }, { name: 王建国 }] }\n`
  writeFileSync(cfg, yaml)
  const { data } = simulate([
    { at: '2026-11-18T09:00:00+08:00', room: ROOM, from: 'ＺｈｏｕＬＸ', text: '打卡 学习党章 30分钟' },
    { at: '2026-11-18T09:01:00+08:00', room: ROOM, from: '王 建 国', text: '打卡 学习党章 20分钟' },
  ], { config: cfg })
  const byMember = exportJson(data, [], cfg).map((r) => r.member).sort()
  assert.deepEqual(byMember, ['周立新', '王建国'])
})

test('two WeChat names resolving to the same member in one login: neither gets the secretary’s powers', () => {
  // "周 立新" normalises to 周立新: a second account speaking as the secretary disputes the identity
  const { sent } = simulate([
    { at: '2026-11-18T09:00:00+08:00', room: ROOM, from: '周立新', text: '打卡 学习党章 30分钟' },
    { at: '2026-11-18T09:05:00+08:00', room: ROOM, from: '周 立新', text: '#台账 2026-11' },
    { at: '2026-11-18T09:10:00+08:00', room: ROOM, from: '周立新', text: '#台账 2026-11' },
    { at: '2026-11-18T09:15:00+08:00', room: ROOM, from: '周 立新', text: '#未打卡' },
  ], { until: '2026-11-18T09:30:00+08:00' })
  assert.ok(!sent.some((s) => s.file), 'no ledger file while the identity is disputed')
  const warnings = sent.filter((s) => /两个不同的微信账号/.test(s.text ?? ''))
  assert.equal(warnings.length, 1, 'the other secretary is told once')
  assert.equal(warnings[0]!.to.contact, '孙雅琴')
})

// --- real Wechaty + wechaty-puppet-mock: same display name, different contact ids -----------------

interface Delivery { to: string; text?: string; file?: string }

async function withBot(run: (h: {
  mocker: import('wechaty-puppet-mock').mock.Mocker
  room: { id: string }
  say: (from: { id: string }, text: string, room?: boolean) => Promise<void>
  sent: Delivery[]
  app: import('../../src/bot/app.js').App
  settle: () => Promise<void>
}) => Promise<void>): Promise<void> {
  const { PuppetMock, mock } = await import('wechaty-puppet-mock')
  const { createRuntime } = await import('../../src/runtime.js')
  const { parseConfig } = await import('../../src/config/load.js')
  const { createLogger } = await import('../../src/log.js')
  const dataDir = path.join(tmpDir('zhibu-dup-'), 'data')
  const config = parseConfig(`branches:\n  - { id: b1, name: 一支部, rooms: [一支部群], members: [{ name: 张三, role: 书记 }, { name: 李四, role: 组织委员 }, { name: 王五 }] }\n`)
  const mocker = new mock.Mocker()
  const puppet = new PuppetMock({ mocker })
  const sent: Delivery[] = []
  // every delivery, by the contact id (or room id) it went to
  const p = puppet as unknown as Record<string, (id: string, x: unknown) => Promise<void>>
  const sendText = p.messageSendText!.bind(puppet)
  const sendFile = p.messageSendFile!.bind(puppet)
  p.messageSendText = async (id, text) => { sent.push({ to: id, text: String(text) }); return sendText(id, text) }
  p.messageSendFile = async (id, file) => { sent.push({ to: id, file: (file as { name: string }).name }); return sendFile(id, file) }
  let routed = 0
  // the bot's clock reads 10:00 in Shanghai whenever the test runs, so no notice waits for quiet hours to end
  const shift = Date.now() - Date.parse('2026-11-18T10:00:00+08:00')
  const now = () => new Date(Date.now() - shift)
  const rt = await createRuntime({ config, dataDir, puppet, log: createLogger(now, () => {}, true), now, hooks: { onRouted: () => { routed++ } } })
  await rt.wechaty.start()
  const self = mocker.createContact({ name: '支部助手' })
  mocker.login(self)
  const room = mocker.createRoom({ topic: '一支部群', memberIdList: [self.id] })
  const settle = async () => { await rt.tracker.idle(); await rt.app.outbox.idle(); await rt.tracker.idle() }
  const say = async (from: { id: string }, text: string, inRoom = true) => {
    if (!room.payload.memberIdList.includes(from.id)) room.payload.memberIdList.push(from.id)
    const before = routed
    const c = mocker.ContactMock.load(from.id)
    c.say(text).to(inRoom ? room : self)
    for (let i = 0; i < 500 && routed === before; i++) await new Promise((r) => setTimeout(r, 10))
    await settle()
  }
  try {
    await run({ mocker, room, say, sent, app: rt.app, settle })
  } finally {
    await rt.stop()
    await rt.wechaty.stop().catch(() => undefined)
  }
}

test('puppet-mock: an impostor with the secretary’s display name gets neither the ledger file nor reminders', { timeout: 120_000 }, async () => {
  await withBot(async ({ mocker, say, sent, app, settle }) => {
    const real = mocker.createContact({ name: '张三' })
    const fake = mocker.createContact({ name: '张三' })
    const lisi = mocker.createContact({ name: '李四' })
    assert.notEqual(real.id, fake.id)
    await say(lisi, '打卡 学习党章 30分钟')
    await say(real, '#台账 2026-11')
    assert.ok(sent.some((d) => d.to === real.id && d.file), 'before any impostor, the secretary gets the ledger')
    const before = sent.length
    await say(fake, '#台账 2026-11')
    await say(fake, '#台账 2026-11', false)
    await say(real, '#台账 2026-10')
    // a deadline reminder for 张三, as the scheduler sends it
    app.outbox.enqueue({ to: { contact: '张三' }, text: '三会一课提醒', kind: 'notice' })
    await settle()
    const after = sent.slice(before)
    assert.ok(!after.some((d) => d.to === fake.id), `nothing private reaches the impostor: ${JSON.stringify(after)}`)
    assert.ok(!after.some((d) => d.file), 'no ledger file to either while disputed')
    assert.ok(!after.some((d) => d.to === real.id && /三会一课提醒/.test(d.text ?? '')), 'the reminder is withheld, not guessed')
    const told = after.filter((d) => d.to === lisi.id && /两个不同的微信账号/.test(d.text ?? ''))
    assert.equal(told.length, 1, 'the other secretary is told once')
  })
})

test('puppet-mock: impostor first, secretary second — the same: neither acts as the secretary', { timeout: 120_000 }, async () => {
  await withBot(async ({ mocker, say, sent }) => {
    const zhang = mocker.createContact({ name: '张三' })
    const fake = mocker.createContact({ name: '李四' })
    const real = mocker.createContact({ name: '李四' })
    await say(fake, '#台账 2026-11')
    // the real 李四 was not in the group yet: a lone claimant cannot be told apart
    assert.ok(sent.some((d) => d.to === fake.id && d.file), 'documented limit: the first and only claimant is believed')
    const before = sent.length
    await say(real, '#台账 2026-11')
    await say(fake, '#台账 2026-11', false)
    const after = sent.slice(before)
    assert.ok(!after.some((d) => d.file), 'no file once a second id claims the name')
    assert.ok(!after.some((d) => d.to === fake.id), 'the impostor gets nothing private')
    assert.equal(after.filter((d) => d.to === zhang.id && /两个不同的微信账号/.test(d.text ?? '')).length, 1, 'the other secretary is told once')
  })
})

test('puppet-mock: an impostor already in the group makes even the first claim disputed', { timeout: 120_000 }, async () => {
  await withBot(async ({ mocker, room, say, sent }) => {
    mocker.createContact({ name: '李四' })
    const fake = mocker.createContact({ name: '张三' })
    const real = mocker.createContact({ name: '张三' })
    // both accounts sit in the group; only the impostor speaks
    ;(room as unknown as { payload: { memberIdList: string[] } }).payload.memberIdList.push(real.id)
    await say(fake, '#台账 2026-11')
    assert.ok(!sent.some((d) => d.file), 'no ledger file: two accounts in the group show the secretary’s name')
    assert.ok(!sent.some((d) => d.to === fake.id))
  })
})

test('puppet-mock: two contacts named like a secretary who has not spoken — reminders go to neither', { timeout: 120_000 }, async () => {
  await withBot(async ({ mocker, sent, app, settle }) => {
    const a = mocker.createContact({ name: '张三' })
    const b = mocker.createContact({ name: '张三' })
    app.outbox.enqueue({ to: { contact: '张三' }, text: '三会一课提醒', kind: 'notice' })
    await settle()
    assert.ok(!sent.some((d) => d.to === a.id || d.to === b.id))
  })
})
