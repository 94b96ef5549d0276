// Properties over random and hostile text: no parser throws, nothing without a check-in marker
// becomes a check-in, durations read back exactly, and time per call stays bounded (no
// catastrophic backtracking on 100 KB messages).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { parseBackfill, parseCheckin } from '../../src/messages/checkin.js'
import { parseDuration } from '../../src/messages/duration.js'
import { parsePoints } from '../../src/messages/points.js'
import { parseNumber } from '../../src/messages/numerals.js'
import { entriesFor, parseSolitaire } from '../../src/messages/solitaire.js'
import { parseCommand } from '../../src/bot/command-table.js'
import { normalize } from '../../src/messages/text.js'

const now = new Date('2026-11-22T10:00:00+08:00')

// pieces of real messages, and the characters phones and WeChat put in them
const fragment = fc.constantFrom(
  '打', '卡', '学', '习', '强', '国', '完', '积分', '得分', '45', '30分钟', '一小时', '半', '三刻钟', '分', '今日', '今天', '已', '补', '撤销',
  '接龙', '#', '＃', '【', '】', '《', '》', '?', '？', '吗', '请', '大家', '明天', '没', '格式', '+', '✅', '👍', '🇨🇳', '[强]', '[玫瑰]',
  '\u200b', '\u200d', '\u2005', '\ufeff', '\u0000', '\u0007', '\u001b[31m', '\n', '\r\n', ' ', '\u3000', '1.', '2、', '11月20日', '9:30',
  '<msg>', '<?xml version="1.0"?>', '<appmsg type="5">', '</msg>', '{{x}}', '{{{x}}}', '{{#a}}', '{{/a}}', '@支部助手', '@', '「', '」', '- - - -',
)
const composed = fc.array(fragment, { maxLength: 60 }).map((a) => a.join(''))
const emojiRun = fc.array(fc.constantFrom('😀', '👍', '✅', '🙏', '🇨🇳', '👨‍👩‍👧', '❤️', '[强]'), { maxLength: 300 }).map((a) => a.join(''))
const xmlLike = fc.string({ maxLength: 80 }).map((s) => `<?xml version="1.0"?><msg><appmsg type="5"><title>打卡 ${s}</title><des>30分钟</des></appmsg></msg>`)
const unbalanced = fc.array(fc.constantFrom('《', '》', '《《', '》》', '打卡', '30分钟', 'x'), { maxLength: 80 }).map((a) => a.join(''))
const hostile = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  composed,
  emojiRun,
  xmlLike,
  unbalanced,
)

function everyParser(t: string): void {
  parseCheckin(t)
  parseBackfill(t, now)
  parseDuration(t)
  parsePoints(t)
  parseNumber(t)
  parseCommand(t)
  parseCommand(t, '')
  const s = parseSolitaire(t)
  if (s) entriesFor(s, ['张三', t.slice(0, 4)])
}

test('no input makes any parser throw', () => {
  fc.assert(fc.property(hostile, (t) => { everyParser(t) }), { numRuns: 1500 })
  fc.assert(fc.property(hostile, (t) => { everyParser(`打卡 ${t}`); everyParser(`补卡 ${t}`); everyParser(`#接龙\n${t}\n\n1. ${t}`); everyParser(`#${t}`) }), { numRuns: 300 })
})

// what a check-in needs: 打卡, 学习 (今日学习, 已学习), 学完, 学习强国/强国/积分/+N分 with points,
// or a study verb said plainly (学了, 读了, 看完, 听了 …: 今天读了《条例》，25分钟), or a 《title》
// with a duration (《条例》第五章 25分钟)
const MARKER = /打卡|学习|学完|强国|积分|[学读看听阅+《]/g

/** The text as the parser will see it, with every marker taken out (removal can make new ones). */
function withoutMarkers(t: string): string {
  let s = normalize(t)
  while (MARKER.test(s)) s = s.replace(MARKER, '')
  return s
}

test('text without a check-in marker is never a check-in', () => {
  fc.assert(fc.property(hostile.map(withoutMarkers), (t) => parseCheckin(t) === null), { numRuns: 2000 })
})

test('parseDuration reads N分钟 as N, for every N from 1 to 600', () => {
  for (let n = 1; n <= 600; n++) {
    assert.equal(parseDuration(`${n}分钟`), n)
    assert.equal(parseDuration(`${n} min`), n)
  }
  fc.assert(fc.property(fc.integer({ min: 1, max: 600 }), (n) => {
    const wide = String(n).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
    return parseDuration(`${wide}分钟`) === n
  }), { numRuns: 200 })
})

// content that states nothing else: no digits, numerals or units, so the only figure is the suffix
const DURATION_CHARS = new RegExp('[\\d零〇一二两俩三四五六七八九十百千万廿卅半刻分时钟点hHmM]')
test('"打卡 <arbitrary content> N分钟": whenever it is a check-in, it has N minutes', () => {
  const content = fc.oneof(fc.string({ maxLength: 30 }), composed, fc.string({ unit: 'grapheme', maxLength: 30 }))
    .filter((s) => !DURATION_CHARS.test(normalize(s)))
  fc.assert(fc.property(content, fc.integer({ min: 1, max: 600 }), (c, n) => {
    const r = parseCheckin(`打卡 ${c} ${n}分钟`)
    return r === null || r.minutes === n
  }), { numRuns: 1000 })
})

test('"打卡 <study content> N分钟" is a check-in of N minutes, whatever the titles hold', () => {
  const title = fc.string({ maxLength: 30 }).map((s) => `《${s.replace(/[《》\r\n]/g, '')}》`)
  const word = fc.oneof(fc.constantFrom('学习', '党章', '总纲', '二十大报告', '观看', '纪录片', '心得体会', '第', '章', 'abc', ' ', '，', '、', '✅', '👍', '[强]'), title)
  const content = fc.array(word, { maxLength: 8 }).map((a) => a.join(''))
  fc.assert(fc.property(content, fc.integer({ min: 1, max: 600 }), (c, n) => {
    const r = parseCheckin(`打卡 ${c} ${n}分钟`)
    assert.ok(r, `打卡 ${c} ${n}分钟`)
    assert.equal(r.minutes, n)
  }), { numRuns: 1000 })
})

test('commands need # or ＃ or a mention (撤销打卡 aside)', () => {
  const plain = fc.string({ maxLength: 40 }).filter((s) => {
    const t = normalize(s).trim()
    return !/^[#@「]/.test(t) && !/@/.test(t) && !t.startsWith('撤销打卡')
  })
  fc.assert(fc.property(plain, (t) => parseCommand(t) === null), { numRuns: 500 })
})

test('time per call stays bounded on 100 KB and adversarial messages', () => {
  const big = fc.oneof(
    fc.constantFrom('1', ' ', '打卡', '没打卡', '请', '积分', '强国,', '1小时 ', '分', '一', '《', '\n', '1. 张三 学习 30分钟\n', '👍', '\u200b')
      .chain((unit) => fc.integer({ min: 20_000, max: 100_000 }).map((len) => unit.repeat(Math.ceil(len / unit.length)))),
    fc.string({ minLength: 50_000, maxLength: 100_000 }),
  )
  let worst = 0
  fc.assert(fc.property(big, (t) => {
    for (const input of [t, `打卡 ${t.slice(0, 3900)}`, `补卡 昨天 ${t.slice(0, 3900)}`, `#接龙\n学习\n\n${t}`]) {
      const t0 = performance.now()
      everyParser(input)
      worst = Math.max(worst, performance.now() - t0)
    }
  }), { numRuns: 40 })
  assert.ok(worst < 250, `slowest call took ${worst.toFixed(1)} ms`)
})
