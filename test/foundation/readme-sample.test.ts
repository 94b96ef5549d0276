// README's sample conversation is what the bot really says: each member line is replayed through
// simulate (ten minutes apart, on 2026-11-20 from 16:00) and the bot's answers must read as shown.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { simulate, ROOT, ROOM } from '../helpers/sim.js'

interface Line { who: string; private: boolean; to: string | null; text: string }

function sample(): Line[] {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8')
  const block = /<!-- sample -->\s*```\n([\s\S]*?)```/.exec(readme)
  assert.ok(block, 'README has a sample block marked <!-- sample -->')
  const lines: Line[] = []
  for (const l of block[1]!.split('\n')) {
    if (!l.trim()) continue
    if (/^ {6}/.test(l) && lines.length) { lines.at(-1)!.text += `\n${l.slice(6)}`; continue }
    const m = /^([^：（]+)(?:（([^）]*)）)?：(.*)$/.exec(l)
    assert.ok(m, `README sample line not understood: ${l}`)
    lines.push({ who: m[1]!, private: /私信/.test(m[2] ?? ''), to: /私信(.+)/.exec(m[2] ?? '')?.[1] ?? null, text: m[3]! })
  }
  return lines
}

test("README's sample conversation is what the bot says", () => {
  const lines = sample()
  const events = lines.filter((l) => l.who !== '助手').map((l, i) => ({
    at: new Date(Date.parse('2026-11-20T16:00:00+08:00') + i * 10 * 60_000).toISOString().replace('Z', '+00:00'),
    from: l.who, text: l.text, id: `s${i}`, ...(l.private ? {} : { room: ROOM }),
  }))
  const { sent } = simulate(events)
  const said = lines.filter((l) => l.who === '助手').map((l) => ({ to: l.private ? `私信${l.to}` : '群', text: l.text }))
  const got = sent.filter((s) => s.text).map((s) => ({ to: s.to.room ? '群' : `私信${s.to.contact}`, text: s.text! }))
  const norm = (xs: { to: string; text: string }[]) => xs.map((x) => `${x.to}：${x.text}`).sort()
  assert.deepEqual(norm(got), norm(said))
})
