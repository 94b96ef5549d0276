// One screenshot, read: OCR of the picture in grey (src/ocr/prepare.ts), then the pure reader; when
// that cannot settle it, a second look at the picture as sent (its colours threshold differently).
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
  let grey: Buffer | null = null
  const first = reader.read(async () => (grey = await greyImage(image)) ?? image)
  if (!first) return null
  const text = await first
  const r = readStudyScreen(text)
  if (!grey || !worthSecondLook(text, r)) return r
  const again = reader.read(image)
  return again ? readTwoLooks(text, await again) : r
}
