// The transcript's image events: {"type":"image","file":"shots/a.png"} (DESIGN.md "Images in a transcript").
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseTranscript } from '../../src/sim/transcript.js'

test('an image event keeps its file; a bad file is reported, the rest still runs', () => {
  const { events, problems } = parseTranscript([
    '{"at":"2026-11-17T10:00:00+08:00","room":"群","from":"王建国","type":"image","text":"","file":"shots/a.png"}',
    '{"at":"2026-11-17T10:01:00+08:00","room":"群","from":"王建国","type":"image","text":""}',
    '{"at":"2026-11-17T10:02:00+08:00","room":"群","from":"王建国","type":"image","text":"","file":3}',
    '{"at":"2026-11-17T10:03:00+08:00","room":"群","from":"王建国","text":"打卡 30分钟","file":"ignored.png"}',
  ].join('\n'))
  assert.deepEqual(events.map((e) => e.file), ['shots/a.png', undefined, undefined])
  assert.deepEqual(problems.map((p) => p.line), [3])
})
