// The Excel ledger read back as a secretary opens it: photos under names that say which meeting
// they belong to, in a folder beside the workbook and embedded in a 照片 sheet (never the bot's
// internal paths); 议题 and 内容 with the sender's own punctuation; 记录人 filled.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { runCli, simulate, tmpDir, EXAMPLE, ROOM } from '../helpers/sim.js'
import { originalSpan } from '../../src/report/original.js'
import { normalize } from '../../src/messages/text.js'
import { imageSize } from '../../src/report/xlsx.js'
import fc from 'fast-check'

const REPORT = '#活动 11月18日下午 支委会，议题：讨论发展党员工作（第一批），会议决定：同意3名同志列为发展对象；应到5人 实到5人'

async function exported() {
  const { data } = simulate([
    { at: '2026-11-18T18:00:00+08:00', room: ROOM, from: '周立新', text: REPORT, id: 'r1' },
    { at: '2026-11-18T18:01:00+08:00', room: ROOM, from: '周立新', text: '', type: 'image', id: 'p1' },
    { at: '2026-11-18T18:01:30+08:00', room: ROOM, from: '周立新', text: '', type: 'image', id: 'p2' },
  ])
  const dir = tmpDir()
  const out = path.join(dir, '台账.xlsx')
  const r = runCli(['export', '--config', EXAMPLE, '--data', data, '--format', 'xlsx', '--out', out])
  assert.equal(r.status, 0, r.stderr)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer)
  const ws = wb.getWorksheet('支部委员会')!
  const header = (ws.getRow(1).values as unknown[]).map(String)
  const cell = (name: string) => ws.getRow(2).getCell(header.indexOf(name)).value
  return { wb, ws, cell, dir, out, stderr: r.stderr }
}

test('photos are listed by names a secretary can find next to the workbook, and embedded', async () => {
  const { wb, cell, dir } = await exported()
  const names = String(cell('照片')).split('\n')
  assert.deepEqual(names, ['2026-11-18支部委员会-1.png', '2026-11-18支部委员会-2.png'])
  for (const n of names) assert.doesNotMatch(n, /photos|jiguan2|[\\/]/)
  const folder = path.join(dir, '台账-照片')
  assert.deepEqual(readdirSync(folder).sort(), names)
  const sheet = wb.getWorksheet('照片')!
  assert.ok(sheet, 'a 照片 sheet')
  assert.equal(sheet.getRow(2).getCell(1).value, names[0])
  assert.equal(sheet.getImages().length, 2) // the pictures themselves, as thumbnails
})

test('议题 and 内容 keep the punctuation as sent; 记录人 is filled', async () => {
  const { cell } = await exported()
  const content = String(cell('内容'))
  assert.match(content, /支委会，议题：讨论发展党员工作（第一批），会议决定：同意3名同志列为发展对象；/)
  assert.doesNotMatch(content, /[,:()]/)
  assert.ok(REPORT.includes(content) || content.length > 10)
  const topic = cell('议题')
  if (topic !== null) assert.ok(REPORT.includes(String(topic)), `议题 ${topic}`)
  assert.equal(cell('记录人'), '周立新（报告人）')
})

test('a meeting without photos has an empty 照片 cell and no folder', async () => {
  const { data } = simulate([{ at: '2026-11-18T18:00:00+08:00', room: ROOM, from: '周立新', text: '#活动 11月18日下午 支委会 讨论发展党员工作 应到5人 实到5人' }])
  const out = path.join(tmpDir(), 'x.xlsx')
  assert.equal(runCli(['export', '--config', EXAMPLE, '--data', data, '--format', 'xlsx', '--out', out]).status, 0)
  assert.ok(!existsSync(path.join(path.dirname(out), 'x-照片')))
})

test('originalSpan: the sent text behind a normalised field, for any text', () => {
  fc.assert(fc.property(fc.string(), fc.nat(), fc.nat(), (s, i, j) => {
    const sent = s.replace(/,/g, '，').replace(/\(/g, '（')
    const norm = normalize(sent)
    const [a, b] = [i % (norm.length + 1), j % (norm.length + 1)].sort((x, y) => x - y)
    const field = norm.slice(a!, b!)
    const back = originalSpan(sent, field)!
    assert.equal(normalize(back), field)
  }))
  assert.equal(originalSpan('讨论（第一批），通过', '讨论(第一批),通过'), '讨论（第一批），通过')
  assert.equal(originalSpan('', 'x'), 'x')
  assert.equal(originalSpan('abc', null), null)
})

test('imageSize reads PNG, GIF and JPEG headers and gives up on anything else', () => {
  const png = Buffer.alloc(33); png.writeUInt32BE(0x89504e47, 0); png.writeUInt32BE(640, 16); png.writeUInt32BE(480, 20)
  assert.deepEqual(imageSize(png), { width: 640, height: 480 })
  const jpg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 17, 8, 0x01, 0xe0, 0x02, 0x80, 3, 0, 0, 0, 0, 0, 0])
  assert.deepEqual(imageSize(jpg), { width: 640, height: 480 })
  fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (b) => { imageSize(Buffer.from(b)) }))
})
