// Where the bot addresses a member by name it says "X同志", as branches address each other.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { Templates } from '../../src/templates.js'
import { ROOT } from '../helpers/sim.js'

const dir = path.join(ROOT, 'templates')
// these state a fact under the name ("王建国 已打卡：…"), the way a tally reads; they greet no one
const STATEMENTS = new Set(['checkin-ack', 'backfill-ok'])

test('every template that opens with a member\'s name greets them as "X同志"', () => {
  const t = new Templates()
  const greeting = readdirSync(dir).filter((f) => f.endsWith('.mustache')).map((f) => f.slice(0, -9))
    .filter((n) => readFileSync(path.join(dir, `${n}.mustache`), 'utf8').startsWith('{{name}}') && !STATEMENTS.has(n))
  assert.ok(greeting.length >= 20, String(greeting.length))
  for (const n of greeting) {
    const text = t.render(n, { name: '刘洋', kind: '支委会', date: '11月18日', command: '月报', title: 't', label: 'l', limit: 3, field: '地点', error: 'e', reporter: '周立新', botName: '支部助手', month: 11, days: 1, minutes: 1, until: '12月1日' })
    assert.match(text, /^刘洋同志，/, `${n}: ${text.slice(0, 30)}`)
    assert.doesNotMatch(text, /同志同志|同志，，/, n)
  }
})
