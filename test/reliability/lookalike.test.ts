// Pure rules of who may act and how much, by the hundred: exact roster names, hidden characters,
// the same command answered once in a window, a day's ceiling.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { displayName, hasHiddenCharacters, nameKey, resolveMember } from '../../src/domain/roster.js'
import { judge, type ThrottleEntry } from '../../src/domain/throttle.js'
import { capToDay } from '../../src/domain/daily-cap.js'
import type { Branch, CheckinRecord, Member } from '../../src/domain/types.js'

const members: Member[] = [
  { name: '周立新', role: '书记', group: null, aliases: ['周书记', 'Zhou LX'] },
  { name: '孙雅琴', role: '组织委员', group: null, aliases: [] },
  { name: '王建国', role: '党员', group: null, aliases: [] },
]
const branch = { id: 'b', name: 'B', rooms: [], members, groups: [], secretaries: ['周立新', '孙雅琴'] } as unknown as Branch
const keys = new Set(members.flatMap((m) => [m.name, ...m.aliases]).map(nameKey))
const NAMES = members.flatMap((m) => [m.name, ...m.aliases])
const HIDDEN = ['\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u2060', '\ufeff', '\u00ad', '\u061c', '\u180e', '\u0007']
const cjk = fc.string({ unit: fc.constantFrom(...'周立新孙雅琴王建国小老一二书记的1a（）-_ '), minLength: 1, maxLength: 4 })

test('a roster name plus anything, before or after, is nobody unless it is exactly another roster name', () => {
  fc.assert(fc.property(fc.constantFrom(...NAMES), cjk, cjk, (n, pre, post) => {
    for (const candidate of [n + post, pre + n, pre + n + post]) {
      const m = resolveMember(branch, [candidate])
      if (!keys.has(nameKey(candidate))) assert.equal(m, null, candidate)
    }
  }), { numRuns: 500 })
})

test('a doubled character is nobody', () => {
  for (const n of NAMES) for (let i = 0; i < n.length; i++) {
    const doubled = n.slice(0, i + 1) + n.slice(i)
    if (!keys.has(nameKey(doubled))) assert.equal(resolveMember(branch, [doubled]), null, doubled)
  }
})

test('a hidden character anywhere makes a name nobody, even next to a clean roster name; shown without it', () => {
  fc.assert(fc.property(fc.constantFrom(...NAMES), fc.constantFrom(...HIDDEN), fc.nat(), (n, h, at) => {
    const i = at % (n.length + 1)
    const evil = n.slice(0, i) + h + n.slice(i)
    assert.ok(hasHiddenCharacters(evil))
    assert.equal(resolveMember(branch, [evil]), null)
    assert.equal(resolveMember(branch, [evil, n]), null, 'an account showing such a name is not trusted for its other names')
    assert.equal(displayName(evil), n.trim())
  }), { numRuns: 500 })
})

test('width and spacing variants of a name or alias are that member', () => {
  const wide = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
  fc.assert(fc.property(fc.constantFrom(...members), fc.boolean(), fc.array(fc.constantFrom(' ', '\u3000'), { maxLength: 3 }), (m, w, spaces) => {
    for (const n of [m.name, ...m.aliases]) {
      const v = spaces.join('') + (w ? wide(n) : n).split('').join(spaces[0] ?? '') + spaces.join('')
      assert.equal(resolveMember(branch, [v])?.name, m.name, JSON.stringify(v))
    }
  }), { numRuns: 200 })
})

test('names pointing at two different members are nobody', () => {
  assert.equal(resolveMember(branch, ['周立新', '王建国']), null)
  assert.equal(resolveMember(branch, ['周书记', '周立新'])?.name, '周立新')
})

test('the same command within the window: answered once, warned once, then silent', () => {
  fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 179_000 }), { minLength: 1, maxLength: 200 }), (gaps) => {
    const rules = { windowMs: 180_000 }
    let entry: ThrottleEntry | undefined
    let t = 1_000_000
    const verdicts: string[] = []
    for (const g of [0, ...gaps.sort((a, b) => a - b).map((x, i, a) => x - (a[i - 1] ?? 0))]) {
      t += g
      const r = judge(entry, t, rules)
      entry = r.entry
      verdicts.push(r.verdict)
    }
    const answers = verdicts.filter((v) => v === 'answer').length
    assert.equal(answers, 1, 'all within one window after the first')
    assert.ok(verdicts.filter((v) => v === 'warn').length <= 1)
  }), { numRuns: 300 })
})

test('no day holds more than the ceiling, whatever the check-ins claim', () => {
  const rec = (minutes: number | null, date = '2026-11-18'): CheckinRecord => ({ type: 'checkin', id: 'x', branch: 'b', msgId: 'm', at: '', text: '', member: '王建国', date, minutes, points: null, content: '', titles: [], backfill: false })
  fc.assert(fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 1440 })), { maxLength: 30 }), fc.array(fc.option(fc.integer({ min: 0, max: 1440 })), { maxLength: 30 }), (old, fresh) => {
    const existing = capToDay([], old.map((m) => rec(m)), 480).records
    const { records, clipped } = capToDay(existing, fresh.map((m) => rec(m)), 480)
    const total = [...existing, ...records].reduce((s, r) => s + (r.minutes ?? 0), 0)
    assert.ok(total <= 480)
    records.forEach((r, i) => assert.ok((r.minutes ?? 0) <= (fresh[i] ?? 0)))
    assert.equal(records.length, fresh.length, 'every check-in is kept')
    assert.equal(clipped, fresh.reduce<number>((s, m) => s + (m ?? 0), 0) - records.reduce((s, r) => s + (r.minutes ?? 0), 0))
  }), { numRuns: 300 })
})
