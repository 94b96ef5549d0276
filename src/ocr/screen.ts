// One screenshot, read: OCR of the picture as sent, then the pure reader; when that cannot settle it,
// a second look at a grey copy (src/ocr/prepare.ts: tesseract thresholds colour channels apart and
// loses white text on a coloured bar). Most screens need no copy, so most cost one reading only.
// Both readings wait in the same queue as every other screenshot.
import { readStudyScreen, readTwoLooks, worthSecondLook, type ScreenRead } from '../messages/screenshot.js'
import { greyImage, imageSize } from './prepare.js'
import type { OcrReader } from './reader.js'

/** Smaller than any phone screen (a sticker, an icon): not worth starting the worker for. */
const MIN_SIDE = 200

/** The screen's reading, or null when the queue is full. */
export async function readScreen(reader: OcrReader, image: Buffer): Promise<ScreenRead | null> {
  const size = imageSize(image)
  if (size && (size.width < MIN_SIDE || size.height < MIN_SIDE)) return { kind: 'other' }
  const first = reader.read(image)
  if (!first) return null
  const text = await first
  const r = readStudyScreen(text)
  if (!worthSecondLook(text, r)) return r
  let grey: Buffer | null = null
  const again = reader.read(async () => (grey = await greyImage(image)) ?? image)
  if (!again) return r
  const second = await again
  if (!grey) return r // not decodable: the same picture again would read the same
  return readTwoLooks(text, second)
}
