// The shared corpus: each sample message with its expected reading.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseCheckin } from '../../src/messages/checkin.js'
import { corpusText } from '../helpers/corpus.js'

const corpus = corpusText('checkin-messages.jsonl')
  .split('\n').filter(Boolean).map((l) => JSON.parse(l) as { text: string; checkin: boolean; minutes?: number; points?: number })

for (const c of corpus) {
  test(`corpus: ${c.text}`, () => {
    const r = parseCheckin(c.text)
    assert.equal(!!r, c.checkin)
    if (c.minutes !== undefined) assert.equal(r?.minutes, c.minutes)
    if (c.points !== undefined) assert.equal(r?.points, c.points)
  })
}
