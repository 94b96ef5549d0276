// The chart renders its Chinese labels with the bundled font, on any machine.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { FONT_FILE, monthChartPng, monthChartSvg, renderSvg } from '../../src/report/month-chart.js'
import { checkinFigures } from '../../src/domain/checkin-stats.js'
import { loadConfig } from '../../src/config/load.js'
import { EXAMPLE } from '../helpers/sim.js'

const label = (text: string) => renderSvg(`<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"><rect width="100%" height="100%" fill="#fff"/><text x="10" y="40" font-size="32">${text}</text></svg>`, 200)

test('the CJK font ships with the npm dependencies', () => {
  assert.ok(existsSync(FONT_FILE), FONT_FILE)
})

test('Chinese labels render as real glyphs, not boxes', () => {
  const blank = label('')
  const a = label('学习打卡')
  const b = label('支部委员')
  const c = label('学习打卡')
  assert.notDeepEqual(a, blank) // ink was drawn
  assert.notDeepEqual(a, b) // different characters, different pixels: not the same missing-glyph box
  assert.deepEqual(a, c)
})

test('the month chart is a PNG of a sensible size', () => {
  const b = loadConfig(EXAMPLE).branches[0]!
  const f = checkinFigures(b, [{ type: 'checkin', id: '1', branch: 'jiguan2', msgId: 'm', at: '', text: '', member: '王建国', date: '2026-11-03', minutes: 30, points: null, content: '', titles: [], backfill: false }], '2026-11-01', '2026-11-30')
  const png = monthChartPng('机关第二党支部2026年11月学习打卡', f)
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  assert.equal(png.readUInt32BE(16), 960) // width from the IHDR chunk
  assert.ok(png.length > 5000)
})

const ci = (member: string, date: string) => ({ type: 'checkin' as const, id: member + date, branch: 'jiguan2', msgId: 'm', at: '', text: '', member, date, minutes: 30, points: null, content: '', titles: [], backfill: false })

test('the daily panel has an axis with numbers: 0 up to the roster', () => {
  const b = loadConfig(EXAMPLE).branches[0]!
  const f = checkinFigures(b, [ci('王建国', '2026-11-03'), ci('刘洋', '2026-11-03')], '2026-11-01', '2026-11-30')
  const svg = monthChartSvg('t', f)
  const ticks = [...svg.matchAll(/<text class="ytick"[^>]*>(\d+)<\/text>/g)].map((m) => Number(m[1]))
  assert.ok(ticks.length >= 3, String(ticks))
  assert.equal(ticks[0], 0)
  assert.equal(ticks.at(-1), b.members.length) // 10 members: 0, 2, 4 … 10
  assert.ok(ticks.every((t, i) => i === 0 || t > ticks[i - 1]!))
})

test('members with no check-in: named where the branch names them, else counted', () => {
  const b = loadConfig(EXAMPLE).branches[0]!
  const f = checkinFigures(b, [ci('王建国', '2026-11-03')], '2026-11-01', '2026-11-30')
  const others = b.members.map((m) => m.name).filter((n) => n !== '王建国')
  const named = monthChartSvg('t', f, { nameMissing: true })
  for (const n of others) assert.ok(named.includes(`>${n}</text>`), n)
  assert.equal([...named.matchAll(/class="missing"/g)].length, others.length)
  const counted = monthChartSvg('t', f, { nameMissing: false })
  for (const n of others) assert.ok(!counted.includes(n), n)
  assert.match(counted, new RegExp(`另有${others.length}名党员本月未打卡`))
  // a quarter's chart says 本季度
  assert.match(monthChartSvg('t', f, { periodWord: '本季度' }), /本季度未打卡/)
  // names are escaped: a roster name cannot break the picture
  const png = monthChartPng('<&>', { ...f, missing: ['<b>&'] }, { nameMissing: true })
  assert.ok(png.length > 5000)
})
