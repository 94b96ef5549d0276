// Property tests: random and hostile text never crashes the parsers, and never makes a check-in
// out of text without a check-in marker.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { parseBackfill, parseCheckin, parseSolitaire } from '../../src/messages/checkin.js'
import { parseDuration } from '../../src/messages/duration.js'
import { parseCommand } from '../../src/bot/command-table.js'

const now = new Date('2026-11-22T10:00:00+08:00')
const hostile = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom('<?xml version="1.0"?><msg><appmsg type="5"><title>打卡</title></appmsg></msg>', '{{x}}{{{x}}}{{#a}}{{/a}}', '《《《打卡', '》》》', '\u200b打\u200b卡\u200b', '\u0000\u0007\u001b[31m', '#接龙\n\n1.\n2. \n3'),
  fc.array(fc.constantFrom('😀', '👍', '✅', '[强]', '🇨🇳'), { maxLength: 200 }).map((a) => a.join('')),
)
// markers, and the study verbs said plainly (今天读了《条例》，25分钟) since issue 12
const MARKERS = /打|卡|学习|已学|今日|强国|积分|得分|[学读看听阅+《]|党章|条例|讲话|报告|视频|文章/

test('no input crashes any parser', () => {
  fc.assert(fc.property(hostile, (t) => {
    parseCheckin(t); parseBackfill(t, now); parseSolitaire(t); parseCommand(t); parseDuration(t)
  }), { numRuns: 3000 })
})

test('text without a check-in marker is never a check-in', () => {
  fc.assert(fc.property(hostile.filter((t) => !MARKERS.test(t.normalize('NFKC'))), (t) => parseCheckin(t) === null), { numRuns: 3000 })
})

test('"打卡 <content> N分钟" is read as N minutes', () => {
  const content = fc.string({ maxLength: 20 }).filter((s) => !/\d|[零〇一二两俩三四五六七八九十百千廿半]|分|时|h|m|刻|[?？吗请忘没未明再格式+]/i.test(s) && !/\n/.test(s))
  fc.assert(fc.property(content, fc.integer({ min: 1, max: 600 }), (c, n) => {
    const r = parseCheckin(`打卡 学习${c} ${n}分钟`)
    assert.ok(r)
    assert.equal(r.minutes, n)
  }), { numRuns: 1000 })
  for (let n = 1; n <= 600; n++) assert.equal(parseDuration(`${n}分钟`), n)
})

test('100 KB messages and long emoji runs are handled in bounded time', () => {
  const big = '打卡 学习'.repeat(20_000) + ' 30分钟'
  const t0 = performance.now()
  assert.equal(parseCheckin(big), null) // over the parse limit: never a check-in
  parseSolitaire('#接龙\n\n' + '1. 张三 学习 30分钟\n'.repeat(5000))
  parseDuration('1'.repeat(100_000) + '分')
  parseCheckin('打卡' + '👍'.repeat(1500))
  assert.ok(performance.now() - t0 < 2000)
})

test('quoted-reply stripping stays linear on long runs of blank lines', async () => {
  const { stripQuote } = await import('../../src/messages/text.js')
  const t0 = performance.now()
  stripQuote('\n'.repeat(100_000))
  stripQuote('「' + '\n'.repeat(100_000))
  stripQuote('「a」' + ' \n'.repeat(50_000))
  assert.ok(performance.now() - t0 < 500)
  assert.equal(stripQuote('「王建国：打卡 30分钟」\n- - - - - - - - - - - - - - -\n收到'), '收到')
})
