// Runs `zhibu-bot simulate` as a user would (a child process) and returns what the bot sent.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const EXAMPLE = path.join(ROOT, 'bot-config/example.yaml')
const CLI = path.join(ROOT, 'src/cli.ts')

export interface Sent { at: string; to: { room?: string; contact?: string }; text?: string; file?: string; mentions?: string[] }
export type Ev = { at: string; from: string; text: string; room?: string; id?: string; type?: string }

export function tmpDir(prefix = 'zhibu-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix))
}

export function runCli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 << 20 })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** Writes the events as a transcript and simulates them; returns the sent messages. */
export function simulate(events: (Ev | string)[], opts: { config?: string; data?: string; until?: string; from?: string } = {}) {
  const dir = tmpDir('zhibu-sim-test-')
  const file = path.join(dir, 'transcript.jsonl')
  writeFileSync(file, events.map((e) => (typeof e === 'string' ? e : JSON.stringify(e))).join('\n') + '\n')
  const data = opts.data ?? path.join(dir, 'data')
  const args = ['simulate', '--config', opts.config ?? EXAMPLE, '--transcript', file, '--data', data]
  if (opts.until) args.push('--until', opts.until)
  if (opts.from) args.push('--from', opts.from)
  const r = runCli(args)
  if (r.status !== 0) throw new Error(`simulate exited ${r.status}: ${r.stderr}`)
  const sent: Sent[] = r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l))
  return { sent, stderr: r.stderr, data }
}

export function exportJson(data: string, extra: string[] = [], config = EXAMPLE): Record<string, unknown>[] {
  const r = runCli(['export', '--config', config, '--data', data, '--format', 'json', ...extra])
  if (r.status !== 0) throw new Error(`export exited ${r.status}: ${r.stderr}`)
  return JSON.parse(r.stdout)
}

export const ROOM = '机关第二党支部工作群'
