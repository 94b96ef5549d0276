// Screens drawn by the project (resvg + the bundled font), read the way the bot reads them (the
// OCR queue, a grey first look, a second look when unsettled) and by the screenshot reader: several
// layouts, light and dark, phone widths, noise; photos and documents give nothing. One worker for
// the whole file (each reading takes about a second).
import { after, test } from 'node:test'
import assert from 'node:assert/strict'
import { OcrReader } from '../../src/ocr/reader.js'
import { readScreen } from '../../src/ocr/screen.js'
import type { ScreenRead } from '../../src/messages/screenshot.js'
import { documentPage, figuresAbove, landscape, meetingPhoto, pointsPage, redHeaderPage, studyTimePage, todayCard } from './screens.js'

const reader = new OcrReader({ idleMs: 60_000, maxQueue: 10 })
after(() => reader.stop())

const read = async (png: Buffer): Promise<ScreenRead | null> => readScreen(reader, png)
const points = (n: number): ScreenRead => ({ kind: 'study', points: n, minutes: null })

test('the points page with its rows, light and dark, two widths: today\'s points, not the total', async () => {
  assert.deepEqual(await read(pointsPage({ today: 29 })), points(29))
  assert.deepEqual(await read(pointsPage({ today: 38, total: 40123, dark: true, width: 720 })), points(38))
})

test('a JPEG as WeChat recompresses it', async () => {
  assert.deepEqual(await read(pointsPage({ today: 33, width: 828, jpeg: 50 })), points(33))
  assert.deepEqual(await read(studyTimePage({ minutes: 62, jpeg: 40, noise: 200 })), { kind: 'study', points: null, minutes: 62 })
})

test('white text on a red header; figures above their labels', async () => {
  assert.deepEqual(await read(redHeaderPage({ today: 31, width: 1170 })), points(31))
  assert.deepEqual(await read(figuresAbove({ today: 41, dark: true })), points(41))
})

test('a simple 今日获得 card, light and dark, narrow and noisy', async () => {
  assert.deepEqual(await read(todayCard({ today: 52, width: 540 })), points(52))
  assert.deepEqual(await read(todayCard({ today: 47, dark: true, width: 828, noise: 400 })), points(47))
})

test('a study-time page gives minutes', async () => {
  assert.deepEqual(await read(studyTimePage({ minutes: 45, dark: true, width: 750, noise: 300 })), { kind: 'study', points: null, minutes: 45 })
})

test('a screen whose today figure disagrees with its rows is asked about, not guessed', async () => {
  assert.deepEqual(await read(pointsPage({ today: 12, label: 'today' })), { kind: 'unclear' })
})

test('a meeting photo, a landscape and a document page make no check-in', async () => {
  assert.deepEqual(await read(meetingPhoto()), { kind: 'other' })
  assert.deepEqual(await read(landscape()), { kind: 'other' })
  assert.deepEqual(await read(documentPage()), { kind: 'other' })
})

test('one worker for all of them, started on demand', () => {
  assert.equal(reader.starts, 1)
})
