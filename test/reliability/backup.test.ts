// zhibu-bot backup / restore: a consistent archive while the bot's data is in use, and back again.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { simulate, exportJson, runCli, tmpDir, ROOM } from '../helpers/sim.js'

test('backup then restore gives back the same records; restore refuses while the folder is locked', () => {
  const { data } = simulate([
    { at: '2026-11-03T08:00:00+08:00', room: ROOM, from: '王建国', text: '打卡 学习《党章》 30分钟' },
    { at: '2026-11-18T18:00:00+08:00', room: ROOM, from: '周立新', text: '#活动 11月18日下午 支委会 讨论发展党员工作 应到5人 实到5人' },
  ])
  const before = exportJson(data)
  const archive = path.join(tmpDir(), 'backup.tar.gz')
  const b = runCli(['backup', '--data', data, '--out', archive])
  assert.equal(b.status, 0, b.stderr)
  const target = path.join(tmpDir(), 'restored')
  const r = runCli(['restore', '--data', target, '--from', archive])
  assert.equal(r.status, 0, r.stderr)
  assert.deepEqual(exportJson(target), before)
  // a running bot holds the lock: restore must not pull the data from under it
  writeFileSync(path.join(target, '.lock'), JSON.stringify({ pid: process.pid, host: os.hostname(), startedAt: 'now', command: 'zhibu-bot start' }))
  const refused = runCli(['restore', '--data', target, '--from', archive])
  assert.notEqual(refused.status, 0)
  assert.match(refused.stderr, new RegExp(String(process.pid)))
  assert.ok(readFileSync(path.join(target, '.lock'), 'utf8').includes(String(process.pid)))
})

