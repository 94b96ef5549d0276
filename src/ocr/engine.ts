// The OCR engine: tesseract.js with the Simplified Chinese model that ships inside
// @tesseract.js-data/chi_sim, so nothing is downloaded, at install or at run time. Loaded lazily:
// the bot pays for it (a worker thread holding ~340 MB) only once a screenshot arrives.
import { createRequire } from 'node:module'

export interface OcrEngine {
  /** the image's text, one line per OCR line; a wide gap between words (a column) as a tab */
  recognize(image: Buffer): Promise<string>
  terminate(): Promise<void>
}

interface Word { text: string; bbox: { x0: number; y0: number; x1: number; y1: number } }
interface Line { words: Word[]; bbox: { y0: number; y1: number } }
interface Block { paragraphs: { lines: Line[] }[] }

/** Lines of words → text; words further apart than a line's height are in different columns. */
export function textOfBlocks(blocks: readonly Block[] | null | undefined, fallback: string): string {
  if (!blocks?.length) return fallback
  const out: string[] = []
  for (const b of blocks) for (const p of b.paragraphs) for (const l of p.lines) {
    const h = Math.max(1, l.bbox.y1 - l.bbox.y0)
    let s = ''
    l.words.forEach((w, i) => {
      const prev = l.words[i - 1]
      if (prev) s += w.bbox.x0 - prev.bbox.x1 > 0.9 * h ? '\t' : ' '
      s += w.text
    })
    out.push(s)
  }
  return out.join('\n')
}

export async function tesseractEngine(): Promise<OcrEngine> {
  const mod = await import('tesseract.js')
  const T = (mod as unknown as { default?: typeof mod }).default ?? mod
  const require = createRequire(import.meta.url)
  const data = require('@tesseract.js-data/chi_sim') as { langPath: string }
  const worker = await T.createWorker('chi_sim', T.OEM.LSTM_ONLY, { langPath: data.langPath, gzip: true, cacheMethod: 'none' })
  return {
    async recognize(image) {
      const r = await worker.recognize(image, {}, { text: true, blocks: true })
      return textOfBlocks(r.data.blocks as unknown as Block[] | null, r.data.text)
    },
    async terminate() { await worker.terminate() },
  }
}
