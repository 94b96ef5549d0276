// Our own phrasings of the classes in issue 12 (test/fixtures/corpus/checkin-plain.jsonl): check-ins
// said plainly, tempting messages that are not check-ins, and 补卡 said anywhere, with the day it
// credits. Written fresh, not copied from any set the bot is judged on.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseBackfill, parseCheckin } from '../../src/messages/checkin.js'
import { corpusText } from '../helpers/corpus.js'

interface Sample { text: string; checkin?: boolean; minutes?: number | null; points?: number | null; now?: string; backfill?: string }

const corpus: Sample[] = corpusText('checkin-plain.jsonl').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Sample)
const NOW = new Date('2026-11-12T20:00:00+08:00')

test('the corpus has every class', () => {
  assert.ok(corpus.filter((c) => c.checkin === true).length >= 40)
  assert.ok(corpus.filter((c) => c.checkin === false).length >= 50)
  assert.ok(corpus.filter((c) => c.backfill).length >= 20)
})

for (const [i, c] of corpus.entries()) {
  test(`plain line ${i + 1}: ${c.text}`, () => {
    if (c.backfill) {
      const r = parseBackfill(c.text, new Date(c.now!))
      assert.ok(r && 'date' in r && !('error' in r), JSON.stringify(r))
      assert.equal(r.date, c.backfill)
      return
    }
    const r = parseCheckin(c.text)
    assert.equal(r !== null, c.checkin, c.checkin ? 'should be a check-in' : 'should not be a check-in')
    if (!c.checkin) {
      const b = parseBackfill(c.text, NOW)
      assert.ok(!(b && 'date' in b && !('error' in b)), `not a 补卡 either: ${JSON.stringify(b)}`)
    }
    if (c.minutes !== undefined) assert.equal(r?.minutes ?? null, c.minutes)
    if (c.points !== undefined) assert.equal(r?.points ?? null, c.points)
  })
}
