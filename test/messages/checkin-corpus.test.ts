// The shared corpus (../shared/corpus/checkin-messages.jsonl): each sample message with its expected
// reading. A sample, not the specification: the wider cases live in checkin.test.ts.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseCheckin } from '../../src/messages/checkin.js'
import { corpusText } from '../helpers/corpus.js'

interface Sample { text: string; checkin: boolean; minutes?: number | null; points?: number | null }

const corpus: Sample[] = corpusText('checkin-messages.jsonl')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Sample)

test('the corpus is there and not empty', () => assert.ok(corpus.length > 0))

for (const [i, c] of corpus.entries()) {
  test(`corpus line ${i + 1}: ${c.text}`, () => {
    const r = parseCheckin(c.text)
    assert.equal(r !== null, c.checkin, c.checkin ? 'should be a check-in' : 'should not be a check-in')
    if (c.minutes !== undefined) assert.equal(r?.minutes ?? null, c.minutes)
    if (c.points !== undefined) assert.equal(r?.points ?? null, c.points)
  })
}
