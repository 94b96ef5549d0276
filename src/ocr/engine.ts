// The OCR engine: tesseract.js with the Simplified Chinese model that ships inside
// @tesseract.js-data/chi_sim, so nothing is downloaded, at install or at run time. Loaded lazily:
// the bot pays for it (a worker thread holding ~340 MB) only once a screenshot arrives.
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

export interface OcrEngine {
  /** the image's text, one line per OCR line; a wide gap between words (a column) as a tab */
  recognize(image: Buffer): Promise<string>
  terminate(): Promise<void>
}

/**
 * Tesseract's TSV (one row per word, with its line and box) → text: one line per OCR line, words
 * further apart than the line's height in different columns (a tab). TSV rather than the block
 * tree: a short string crosses from the worker thread cheaply, the tree of every glyph does not.
 */
export function textOfTsv(tsv: string | null | undefined, fallback: string): string {
  if (!tsv) return fallback
  const lines = new Map<string, { x0: number; x1: number; h: number; text: string }[]>()
  for (const row of tsv.split('\n')) {
    const f = row.split('\t')
    if (f[0] !== '5' || f.length < 12) continue // level 5: a word
    const text = f.slice(11).join('\t').trim()
    if (!text) continue
    const [left, , width, height] = f.slice(6, 10).map(Number) as [number, number, number, number]
    const key = f.slice(1, 5).join('.') // page.block.paragraph.line
    let l = lines.get(key)
    if (!l) lines.set(key, (l = []))
    l.push({ x0: left, x1: left + width, h: height, text })
  }
  if (!lines.size) return fallback
  const out: string[] = []
  for (const words of lines.values()) {
    const h = Math.max(1, ...words.map((w) => w.h))
    out.push(words.map((w, i) => (i === 0 ? '' : w.x0 - words[i - 1]!.x1 > 0.9 * h ? '\t' : ' ') + w.text).join(''))
  }
  return out.join('\n')
}

export async function tesseractEngine(): Promise<OcrEngine> {
  const mod = await import('tesseract.js')
  const T = (mod as unknown as { default?: typeof mod }).default ?? mod
  const require = createRequire(import.meta.url)
  const data = require('@tesseract.js-data/chi_sim') as { langPath: string }
  const worker = await T.createWorker('chi_sim', T.OEM.LSTM_ONLY, {
    langPath: data.langPath, gzip: true, cacheMethod: 'none',
    workerPath: fileURLToPath(new URL('./worker.cjs', import.meta.url)),
  })
  return {
    async recognize(image) {
      const r = await worker.recognize(image, {}, { text: true, tsv: true, blocks: false })
      return textOfTsv(r.data.tsv, r.data.text)
    },
    async terminate() { await worker.terminate() },
  }
}
