// Thousands of hostile messages through the real pipeline: no crash, no record from text that
// states nothing, and text from a message is never executed as a template.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { simulate, exportJson, ROOM, type Ev } from '../helpers/sim.js'

const MARKERS = /打|卡|学|习|活动|三会|台账|报告|补|接龙|预告|强国|积分|得分|召开|开展|举行|组织|会|党|[#＃@]/

test('2000 hostile messages: the bot keeps running and records nothing', () => {
  const texts = fc.sample(fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 120 }),
    fc.constantFrom('<?xml version="1.0"?><msg><appmsg type="57"><title>x</title></appmsg></msg>', '{{x}}{{{x}}}{{#x}}y{{/x}}{{>partial}}', '《《《', '》》》',
      '\u200b\u200c\u200d\u2060', '\u0000\u0007\u001b[31m', '[强][玫瑰]', '😀'.repeat(500), 'a'.repeat(100_000)),
  ), { numRuns: 2000, seed: 20261122 }).filter((t) => !MARKERS.test(t.normalize('NFKC')) && t.trim().length > 0)
  const events: Ev[] = texts.map((text, i) => ({
    at: new Date(Date.parse('2026-11-20T10:00:00+08:00') + i * 1000).toISOString(), room: ROOM, from: ['王建国', '周立新', '路人甲'][i % 3]!, text, id: `h${i}`,
  }))
  const { sent, data } = simulate(events)
  assert.ok(events.length > 1000)
  assert.equal(exportJson(data).length, 0)
  assert.equal(sent.length, 0)
})

test('template tags in a message are shown as text, never executed', () => {
  const { sent, data } = simulate([
    { at: '2026-11-18T18:00:00+08:00', room: ROOM, from: '周立新', text: '#活动 11月18日下午 支委会 议题：{{branch}}{{{title}}}{{#rows}}x{{/rows}} 应到5人 实到5人' },
  ])
  const reply = sent[0]!.text!
  assert.ok(reply.includes('{{branch}}{{{title}}}{{#rows}}x{{/rows}}'), reply)
  assert.equal(exportJson(data)[0]!.topic, '{{branch}}{{{title}}}{{#rows}}x{{/rows}}')
})
