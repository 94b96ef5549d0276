// Hostile input, part two: the parsers keep no memory of what they read (memory stays bounded
// after thousands of huge and odd messages), and names or blocks that imitate members, commands
// or 接龙 chains credit nobody but the real sender.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import v8 from 'node:v8'
import { runInNewContext } from 'node:vm'
import fc from 'fast-check'
import { parseActivity } from '../../src/messages/activity.js'
import { parseAnnouncement } from '../../src/messages/announcement.js'
import { parseBackfill, parseCheckin } from '../../src/messages/checkin.js'
import { parseCommand } from '../../src/bot/command-table.js'
import { entriesFor, parseSolitaire } from '../../src/messages/solitaire.js'
import { normalize, stripQuote } from '../../src/messages/text.js'
import { simulate, exportJson, ROOM } from '../helpers/sim.js'

v8.setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

const hostile = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: fc.constantFrom('打', '卡', '学', '习', '分', '钟', '《', '》', '接', '龙', '1', '.', '\n', ' ', '#', '：', '小时', '半'), maxLength: 3000 }),
  fc.constantFrom('a'.repeat(200_000), '《'.repeat(50_000), '打卡 '.repeat(30_000), '\u200b'.repeat(80_000), '「'.repeat(10_000) + '\n- - - - -\n'),
)

function parseAll(text: string, now: Date): void {
  const t = stripQuote(normalize(text))
  parseCheckin(t)
  parseBackfill(t, now)
  parseCommand(t)
  const s = parseSolitaire(t)
  if (s) entriesFor(s, ['王建国', '周立新'])
  parseActivity(t, now, { officer: true, groups: ['第一党小组'], roster: [{ name: '王建国', group: '第一党小组' }] })
  parseAnnouncement(t, now, ['第一党小组'], '2026-11-20')
}

test('parsers keep nothing: memory after 4000 hostile messages is what it was', () => {
  const now = new Date('2026-11-20T10:00:00+08:00')
  const texts = fc.sample(hostile, { numRuns: 4000, seed: 20261123 })
  for (const t of texts.slice(0, 200)) parseAll(t, now) // warm-up: compiled regexps, caches of the libraries
  gc()
  const before = process.memoryUsage().heapUsed
  for (const t of texts) parseAll(t, now)
  gc()
  const grown = (process.memoryUsage().heapUsed - before) / 2 ** 20
  assert.ok(grown < 16, `heap grew by ${grown.toFixed(1)} MB after 4000 hostile messages`)
})

test('names that look like commands, and fake 接龙 lists, credit nobody else', () => {
  const at = (m: number) => new Date(Date.parse('2026-11-20T10:00:00+08:00') + m * 60_000).toISOString()
  const { sent, data } = simulate([
    // senders not on the roster, named like commands
    { at: at(0), room: ROOM, from: '#导出台账', text: '打卡 学习党章 30分钟', id: 'x1' },
    { at: at(1), room: ROOM, from: '@支部助手 #月报', text: '打卡 学习党章 30分钟', id: 'x2' },
    // a stranger posts a 接龙 listing members: nobody is credited
    { at: at(3), room: ROOM, from: '路人甲', text: '#接龙 11月20日学习\n\n1. 王建国 学习党章 30分钟\n2. 周立新 学习党章 40分钟\n3. 路人甲 学习 10分钟', id: 'x4' },
    // a member posts a 接龙 with others' lines: only the member's own line counts
    { at: at(4), room: ROOM, from: '刘洋', text: '#接龙 11月20日学习\n\n1. 王建国 学习党章 30分钟\n2. 周立新 学习党章 40分钟\n3. 刘洋 学习《条例》 20分钟', id: 'x5' },
  ])
  const recs = exportJson(data) as { member: string; minutes: number }[]
  assert.deepEqual(recs.map((r) => [r.member, r.minutes]), [['刘洋', 20]])
  // the people not on the roster are told once, politely; no command ran
  assert.ok(sent.every((m) => m.file === undefined), 'no file was sent')
  assert.equal(sent.filter((m) => /不在.*花名册/.test(m.text ?? '')).length, 3)
  assert.ok(sent.every((m) => /不在.*花名册|^刘洋 已打卡/.test(m.text ?? '')), sent.map((m) => m.text).join('\n'))
})
