// Screens drawn by the project (resvg + the bundled font), read by the real OCR engine and the
// screenshot reader: several layouts, light and dark, phone widths, noise; photos and documents
// give nothing. One worker for the whole file (each reading takes about a second).
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { tesseractEngine, type OcrEngine } from '../../src/ocr/engine.js'
import { readStudyScreen, type ScreenRead } from '../../src/messages/screenshot.js'
import { documentPage, meetingPhoto, pointsPage, studyTimePage, todayCard } from './screens.js'

let engine: OcrEngine
before(async () => { engine = await tesseractEngine() })
after(async () => { await engine.terminate() })

const read = async (png: Buffer): Promise<ScreenRead> => readStudyScreen(await engine.recognize(png))
/** Right, or a question: never a wrong number. */
const rightOrAsk = (r: ScreenRead, want: ScreenRead) => assert.ok(r.kind === 'unclear' || JSON.stringify(r) === JSON.stringify(want), JSON.stringify(r))

test('the points page with its rows, light and dark, two widths: today\'s points, not the total', async () => {
  assert.deepEqual(await read(pointsPage({ today: 29 })), { kind: 'study', points: 29, minutes: null })
  assert.deepEqual(await read(pointsPage({ today: 38, total: 40123, dark: true, width: 720 })), { kind: 'study', points: 38, minutes: null })
})

test('a simple 今日获得 card, light and dark', async () => {
  assert.deepEqual(await read(todayCard({ today: 52 })), { kind: 'study', points: 52, minutes: null })
  rightOrAsk(await read(todayCard({ today: 47, dark: true, width: 828 })), { kind: 'study', points: 47, minutes: null })
})

test('a study-time page gives minutes', async () => {
  assert.deepEqual(await read(studyTimePage({ minutes: 45, dark: true, width: 750 })), { kind: 'study', points: null, minutes: 45 })
})

test('a screen whose today line is damaged is asked about, not guessed', async () => {
  // 今日积分 below the sum of its own rows: a misread the cross-check catches
  assert.deepEqual(await read(pointsPage({ today: 12, label: 'today' })), { kind: 'unclear' })
})

test('a meeting photo and a document page make no check-in', async () => {
  assert.deepEqual(await read(meetingPhoto()), { kind: 'other' })
  assert.deepEqual(await read(documentPage()), { kind: 'other' })
})
