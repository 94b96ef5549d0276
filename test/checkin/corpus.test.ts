// The shared corpus: each sample message with its expected reading.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { parseCheckin } from '../../src/messages/checkin.js'

const corpus = readFileSync(new URL('../../../shared/corpus/checkin-messages.jsonl', import.meta.url), 'utf8')
  .split('\n').filter(Boolean).map((l) => JSON.parse(l) as { text: string; checkin: boolean; minutes?: number; points?: number })

for (const c of corpus) {
  test(`corpus: ${c.text}`, () => {
    const r = parseCheckin(c.text)
    assert.equal(!!r, c.checkin)
    if (c.minutes !== undefined) assert.equal(r?.minutes, c.minutes)
    if (c.points !== undefined) assert.equal(r?.points, c.points)
  })
}
