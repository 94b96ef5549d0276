// The sample messages with their expected readings: ../shared/corpus when the project sits beside
// it, else the copy in test/fixtures/corpus (so a clone anywhere still runs every test).
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export function corpusText(name: string): string {
  const shared = fileURLToPath(new URL(`../../../shared/corpus/${name}`, import.meta.url))
  const copy = fileURLToPath(new URL(`../fixtures/corpus/${name}`, import.meta.url))
  return readFileSync(existsSync(shared) ? shared : copy, 'utf8')
}
