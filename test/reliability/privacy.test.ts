// Privacy: the login session and the data folder are the owner's alone and never reach git.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { ROOT, tmpDir } from '../helpers/sim.js'

test('data folders and login sessions are git-ignored', () => {
  for (const f of ['data/jiguan2/2026-11.json', 'data/wechat-session.memory-card.json', 'zhibu-bot.memory-card.json']) {
    const r = spawnSync('git', ['check-ignore', '-q', f], { cwd: ROOT })
    assert.equal(r.status, 0, `${f} would be committed to git`)
  }
})

test('the session file and every data file are owner-only, as `npm start` creates them', async () => {
  const old = process.umask(0o077) // what src/main.ts sets before anything is written
  try {
    const { PuppetMock, mock } = await import('wechaty-puppet-mock')
    const { createRuntime } = await import('../../src/runtime.js')
    const { parseConfig } = await import('../../src/config/load.js')
    const { createLogger } = await import('../../src/log.js')
    const dataDir = path.join(tmpDir('zhibu-privacy-'), 'data')
    const config = parseConfig('branches:\n  - { id: b1, name: 一支部, rooms: [一支部群], members: [{ name: 张三, role: 书记 }] }\n')
    const mocker = new mock.Mocker()
    const rt = await createRuntime({ config, dataDir, puppet: new PuppetMock({ mocker }), log: createLogger(() => new Date(), () => {}, true), now: () => new Date(), sessionName: path.join(dataDir, 'wechat-session') })
    await rt.wechaty.start()
    mocker.login(mocker.createContact({ name: '支部助手' }))
    await rt.app.store.add({ type: 'checkin', id: 'r1', branch: 'b1', msgId: 'm1', at: '2026-11-20T10:00:00+08:00', text: '打卡', member: '张三', date: '2026-11-20', minutes: null, points: null, content: '', titles: [], backfill: false })
    // a puppet keeps its login in Wechaty's memory card, saved as <name>.memory-card.json
    const card = (rt.wechaty as unknown as { memory?: { set(k: string, v: unknown): Promise<void>; save(): Promise<void> } }).memory
    await card?.set('puppet', { session: 'secret' })
    await card?.save()
    await rt.stop()
    await rt.wechaty.stop()
    const files: string[] = []
    const walk = (d: string) => { for (const e of readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); files.push(p); if (e.isDirectory()) walk(p) } }
    walk(dataDir)
    assert.ok(files.some((f) => f.endsWith('wechat-session.memory-card.json')), 'the session is kept in the data folder')
    for (const f of [dataDir, ...files]) assert.equal(statSync(f).mode & 0o077, 0, `${path.relative(dataDir, f) || 'data'} is readable by others`)
  } finally {
    process.umask(old)
  }
})
