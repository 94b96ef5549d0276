// The layer rules of eslint.config.js must fire: a pure module that reads the disk or the wall
// clock, or report/ reaching up into bot/, fails `npm run lint` (and so CI).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ESLint } from 'eslint'

const root = fileURLToPath(new URL('../../', import.meta.url))
const eslint = new ESLint({ cwd: root })

async function rulesFired(code: string, file: string): Promise<string[]> {
  const [res] = await eslint.lintText(code, { filePath: path.join(root, file) })
  return res!.messages.map((m) => m.ruleId ?? m.message)
}

test('domain/ may not read the file system', async () => {
  assert.deepEqual(await rulesFired("import fs from 'node:fs'\nexport const x = fs\n", 'src/domain/planted.ts'), ['no-restricted-imports'])
  assert.deepEqual(await rulesFired("import { readFileSync } from 'fs'\nexport const x = readFileSync\n", 'src/messages/planted.ts'), ['no-restricted-imports'])
})

test('domain/ may not read the wall clock; clock.ts may', async () => {
  assert.deepEqual(await rulesFired('export const t = Date.now()\n', 'src/domain/planted.ts'), ['no-restricted-syntax'])
  assert.deepEqual(await rulesFired('export const t = new Date()\n', 'src/report/planted.ts'), ['no-restricted-syntax'])
  assert.deepEqual(await rulesFired("export const t = new Date('2026-11-01')\n", 'src/domain/planted.ts'), [])
  assert.deepEqual(await rulesFired('export const t = () => new Date(Date.now())\n', 'src/clock.ts'), [])
})

test('report/ may not import bot/, and imports run down the layers', async () => {
  const fired = await rulesFired("import type { App } from '../bot/app.js'\nexport type X = App\n", 'src/report/planted.ts')
  assert.ok(fired.includes('no-restricted-imports'), fired.join())
  assert.ok((await rulesFired("import { RecordStore } from '../store/records.js'\nexport const x = RecordStore\n", 'src/domain/planted.ts')).includes('import-x/no-restricted-paths'))
})
