// #月报 on request: the Word file (with the chart inside) and the chart go privately to the secretary
// who asked; the group gets only what the branch posts there (the text when summaries are posted,
// the chart when summary.chart is on), and never the Word file.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import JSZip from 'jszip'
import { loadConfig } from '../../src/config/load.js'
import { Templates } from '../../src/templates.js'
import type { App } from '../../src/bot/app.js'
import type { OutMessage } from '../../src/bot/outbox.js'
import type { ActivityRecord, Branch, LedgerRecord } from '../../src/domain/types.js'
import { summaryOnRequest } from '../../src/report/post.js'
import { RecordStore } from '../../src/store/records.js'
import { simulate, tmpDir, EXAMPLE, ROOM } from '../helpers/sim.js'

const base = loadConfig(EXAMPLE).branches[0]!
const meeting: ActivityRecord = {
  type: 'activity', id: 'a', branch: 'jiguan2', msgId: 'm', at: '2026-11-18T20:00:00+08:00', text: '', reporter: '周立新', kind: '支部委员会', date: '2026-11-18', group: null,
  topic: '讨论发展党员工作', place: null, host: '周立新', speaker: null, recorder: null, expected: 5, attendees: 5, absent: [], content: null, photos: [],
}

async function fakeApp(records: LedgerRecord[]) {
  const sent: OutMessage[] = []
  const store = new RecordStore(tmpDir())
  for (const r of records) await store.add(r)
  const app = {
    store,
    templates: new Templates(),
    now: () => new Date('2026-12-05T10:00:00+08:00'),
    outbox: { enqueue: (m: OutMessage) => { sent.push(m) } },
  } as unknown as App
  return { app, sent }
}
const withSummary = (s: Partial<Branch['summary']>): Branch => ({ ...base, summary: { ...base.summary, ...s } })
const files = (sent: OutMessage[], to: (m: OutMessage) => boolean) => sent.filter((m) => m.file && to(m)).map((m) => m.file!.name)

test('asked in the group: the files to the asker, the text and the chart to the group', async () => {
  const { app, sent } = await fakeApp([meeting])
  await summaryOnRequest(app, base, '2026-11', '孙雅琴', ROOM)
  const mine = (m: OutMessage) => m.to.contact === '孙雅琴'
  assert.deepEqual(files(sent, mine).sort(), ['2026-11学习打卡统计.png', '机关第二党支部2026年11月工作小结.docx'])
  assert.deepEqual(files(sent, (m) => m.to.room === ROOM), ['2026-11学习打卡统计.png'])
  assert.ok(sent.some((m) => m.to.room === ROOM && /2026年11月工作小结/.test(m.text ?? '')))
  assert.ok(!sent.some((m) => m.to.contact && m.to.contact !== '孙雅琴'), 'no one else')
  assert.ok(sent.some((m) => mine(m) && /孙雅琴同志，.*Word 版和学习打卡统计图已发给您/.test(m.text ?? '')))
  // the Word file the asker gets has the chart inside
  const docx = sent.find((m) => m.file?.name.endsWith('.docx'))!.file!.data
  const zip = await JSZip.loadAsync(docx)
  assert.ok(Object.keys(zip.files).some((f) => /^word\/media\/.+\.png$/.test(f)))
})

test('a branch that does not post summaries or charts: the group gets nothing, the asker everything', async () => {
  const { app, sent } = await fakeApp([meeting])
  await summaryOnRequest(app, withSummary({ enabled: false, chart: false }), '2026-11', '周立新', ROOM)
  assert.deepEqual(sent.filter((m) => m.to.room), [])
  assert.ok(sent.some((m) => m.to.contact === '周立新' && /2026年11月工作小结/.test(m.text ?? '')))
  assert.deepEqual(files(sent, (m) => m.to.contact === '周立新').length, 2)
})

test('text posted but no chart when summary.chart is off', async () => {
  const { app, sent } = await fakeApp([meeting])
  await summaryOnRequest(app, withSummary({ chart: false }), '2026-11', '周立新', ROOM)
  assert.deepEqual(files(sent, (m) => !!m.to.room), [])
  assert.ok(sent.some((m) => m.to.room === ROOM && /工作小结/.test(m.text ?? '')))
})

test('asked privately: everything private', async () => {
  const { app, sent } = await fakeApp([meeting])
  await summaryOnRequest(app, base, '2026-11', '周立新', null)
  assert.deepEqual(sent.filter((m) => m.to.room), [])
  assert.equal(files(sent, (m) => m.to.contact === '周立新').length, 2)
})

test('through the bot: #月报 in the group sends the Word file and the chart to the asker only', () => {
  const dir = tmpDir()
  const cfg = path.join(dir, 'config.yaml')
  // this branch posts nothing of its summaries to the group
  writeFileSync(cfg, readFileSync(EXAMPLE, 'utf8').replace(/enabled: true( +# 是否自动发布)/, 'enabled: false$1').replace(/chart: true/, 'chart: false'))
  const { sent } = simulate([
    { at: '2026-11-18T18:00:00+08:00', room: ROOM, from: '周立新', text: '#活动 11月18日下午 支委会 讨论发展党员工作 应到5人 实到5人' },
    { at: '2026-12-02T10:00:00+08:00', room: ROOM, from: '孙雅琴', text: '#月报' },
  ], { config: cfg, until: '2026-12-02T10:30:00+08:00' })
  const after = sent.filter((s) => s.at >= '2026-12-02T10:00')
  assert.ok(after.some((s) => s.to.contact === '孙雅琴' && s.file === '机关第二党支部2026年11月工作小结.docx'))
  assert.ok(after.some((s) => s.to.contact === '孙雅琴' && s.file === '2026-11学习打卡统计.png'))
  assert.deepEqual(after.filter((s) => s.to.room), [])
  assert.ok(!after.some((s) => s.to.contact && s.to.contact !== '孙雅琴'))
})
