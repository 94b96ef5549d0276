// Every sentence the bot says lives in templates/*.mustache, editable by the branch.
// Values are plain text (no HTML escaping), and a rendered string is never rendered again,
// so text that came from a message can never act as a template.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import Mustache from 'mustache'

export const TEMPLATE_DIR = fileURLToPath(new URL('../templates/', import.meta.url))

Mustache.escape = (s: string) => s

export class Templates {
  private readonly sources = new Map<string, string>()

  constructor(dir = TEMPLATE_DIR) {
    for (const f of readdirSync(dir)) {
      if (f.endsWith('.mustache')) this.sources.set(f.slice(0, -'.mustache'.length), readFileSync(path.join(dir, f), 'utf8'))
    }
  }

  has(name: string): boolean {
    return this.sources.has(name)
  }

  source(name: string): string {
    const s = this.sources.get(name)
    if (s === undefined) throw new Error(`缺少模板 templates/${name}.mustache (missing template)`)
    return s
  }

  /** Renders a template; surrounding blank lines trimmed, runs of blank lines collapsed. */
  render(name: string, view: object): string {
    return Mustache.render(this.source(name), view, (partial) => this.sources.get(partial) ?? '')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  }
}
