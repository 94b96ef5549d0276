// The Word file, read back as a secretary's Word would: an official-document title (larger, bold,
// centred, 方正小标宋 with 黑体 as the fallback), black headings, a 仿宋 body at 三号, page numbers,
// the chart as a real embedded picture, and the ledger with 记录人.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync, spawnSync } from 'node:child_process'
import { writeFileSync, existsSync } from 'node:fs'
import path from 'node:path'
import JSZip from 'jszip'
import { loadConfig } from '../../src/config/load.js'
import { summaryModel } from '../../src/report/model.js'
import { summaryDocx } from '../../src/report/summary-docx.js'
import { Templates } from '../../src/templates.js'
import type { ActivityRecord, CheckinRecord } from '../../src/domain/types.js'
import { EXAMPLE, tmpDir } from '../helpers/sim.js'

const branch = loadConfig(EXAMPLE).branches[0]!
const a: ActivityRecord = {
  type: 'activity', id: 'a', branch: 'jiguan2', msgId: 'm', at: '2026-11-18T20:00:00+08:00', text: '', reporter: '周立新', kind: '支部委员会', date: '2026-11-18', group: null,
  topic: '讨论发展党员工作', place: null, host: '周立新', speaker: null, recorder: null, expected: 5, attendees: 4, absent: [{ name: '刘洋', reason: '出差' }], content: null, photos: [],
}
const b: ActivityRecord = { ...a, id: 'b', kind: '党课', date: '2026-11-25', topic: '学习(党章)', text: '#活动 11月25日 党课 学习（党章） 记录人孙雅琴', recorder: '孙雅琴', speaker: '周立新', absent: [] }
const ci = (member: string, date: string): CheckinRecord => ({ type: 'checkin', id: member + date, branch: 'jiguan2', msgId: 'm', at: `${date}T08:00:00+08:00`, text: '', member, date, minutes: 30, points: null, content: '', titles: [], backfill: false })

async function build() {
  const model = summaryModel({ branch, month: '2026-11', checkins: [ci('王建国', '2026-11-03'), ci('刘洋', '2026-11-03')], activities: [a, b], announcements: [] })
  const text = new Templates().render('monthly-summary', model)
  const buf = await summaryDocx(model, text, [a, b])
  const zip = await JSZip.loadAsync(buf)
  const part = (name: string) => zip.file(name)?.async('string') ?? Promise.resolve('')
  return { buf, zip, doc: await part('word/document.xml'), styles: await part('word/styles.xml'), fonts: await part('word/fontTable.xml'), rels: await part('word/_rels/document.xml.rels'), zipFiles: Object.keys(zip.files), part }
}

const paragraphs = (xml: string) => xml.match(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g) ?? []
const textOf = (p: string) => (p.match(/<w:t[^>]*>([^<]*)<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')).join('')
const sizeOf = (p: string) => Number(/<w:sz w:val="(\d+)"/.exec(p)?.[1] ?? 0)
const eastAsia = (p: string) => /w:eastAsia="([^"]+)"/.exec(p)?.[1]
const style = (styles: string, id: string) => new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? ''

test('the summary .docx carries the title, the sections, the figures and the ledger', async () => {
  const { doc, buf } = await build()
  for (const s of ['机关第二党支部2026年11月工作小结', '一、主要工作情况', '二、存在的问题', '附表二：本月台账', '讨论发展党员工作', '刘洋（出差）']) assert.ok(doc.includes(s), s)
  const dir = tmpDir()
  const file = path.join(dir, 'summary.docx')
  writeFileSync(file, buf)
  // converted to PDF where LibreOffice is installed, to be looked at
  const office = spawnSync('sh', ['-c', 'command -v libreoffice || command -v soffice'], { encoding: 'utf8' }).stdout.trim()
  if (office) {
    execFileSync(office, ['--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'ignore', timeout: 120_000 })
    assert.ok(existsSync(path.join(dir, 'summary.pdf')))
  }
})

test('the title is an official document title: larger, bold, centred, 方正小标宋 falling back to 黑体', async () => {
  const { doc, styles, fonts } = await build()
  const ps = paragraphs(doc)
  const title = ps.find((p) => textOf(p) === '机关第二党支部2026年11月工作小结')!
  assert.ok(title, 'title paragraph')
  assert.match(title, /<w:jc w:val="center"\/>/)
  assert.match(title, /<w:b\/>/)
  const body = ps.find((p) => textOf(p).startsWith('支部委员会：11月18日召开'))!
  assert.ok(sizeOf(title) >= 40 && sizeOf(title) > sizeOf(body), `title ${sizeOf(title)} vs body ${sizeOf(body)}`) // 二号 22pt
  assert.equal(eastAsia(title), '方正小标宋简体')
  // where 方正小标宋 is not installed Word takes the font table's alternative: 黑体, on every Chinese Windows
  assert.match(fonts, /<w:font w:name="方正小标宋简体"><w:altName w:val="黑体"\/>/)
  // the style says the same, for editors that follow styles rather than runs
  assert.match(style(styles, 'Title'), /<w:sz w:val="44"\/>/)
})

test('headings are black (not the library blue); the body is 仿宋 at 三号', async () => {
  const { doc, styles, fonts } = await build()
  for (const id of ['Title', 'Heading1', 'Heading2', 'Heading3', 'Heading4', 'Heading5', 'Heading6']) {
    const s = style(styles, id)
    for (const c of s.match(/w:color w:val="([0-9A-Fa-f]{6})"/g) ?? []) assert.match(c, /000000/, `${id}: ${c}`)
    assert.ok(!/themeColor/.test(s), id)
  }
  const ps = paragraphs(doc)
  const h1 = ps.find((p) => textOf(p) === '一、主要工作情况')!
  const h2 = ps.find((p) => textOf(p) === '（一）理论学习')!
  assert.equal(eastAsia(h1), '黑体')
  assert.equal(eastAsia(h2), '楷体')
  for (const h of [h1, h2]) assert.match(h, /w:color w:val="000000"/)
  const body = ps.find((p) => textOf(p).startsWith('支部委员会：11月18日召开'))!
  assert.equal(eastAsia(body), '仿宋')
  assert.equal(sizeOf(body), 32) // 16pt: readable, as 公文 正文
  assert.match(fonts, /<w:font w:name="仿宋"><w:altName w:val="宋体"\/>/)
})

test('every page is numbered in the footer', async () => {
  const { rels, part } = await build()
  const footer = /Target="(footer\d+\.xml)"/.exec(rels)?.[1]
  assert.ok(footer, 'a footer part')
  const xml = await part(`word/${footer}`)
  assert.match(xml, /<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>|w:instr="\s*PAGE/)
})

test('the chart is embedded as a picture, not linked', async () => {
  const { doc, rels, zip } = await build()
  const media = Object.keys(zip.files).filter((f) => /^word\/media\/.+\.png$/.test(f))
  assert.equal(media.length, 1)
  const png = await zip.file(media[0]!)!.async('nodebuffer')
  assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47])
  assert.equal(png.readUInt32BE(16), 960)
  const rid = /<a:blip r:embed="(rId\d+)"/.exec(doc)?.[1]
  assert.ok(rid, 'a picture in the body')
  assert.match(rels, new RegExp(`Id="${rid}"[^>]*Target="${media[0]!.slice('word/'.length)}"`))
  assert.doesNotMatch(rels, /TargetMode="External"/)
  assert.match(doc, /descr="机关第二党支部2026年11月学习打卡"/)
})

test('the ledger table has 记录人: as reported, else the reporter, marked so', async () => {
  const { doc } = await build()
  const rows = (doc.match(/<w:tr>[\s\S]*?<\/w:tr>|<w:tr [\s\S]*?<\/w:tr>/g) ?? []).map((r) => (r.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map(textOf))
  const header = rows.find((r) => r.includes('记录人'))!
  assert.ok(header, 'a 记录人 column')
  const col = header.indexOf('记录人')
  const r1 = rows.find((r) => r[0] === '2026-11-18')!
  const r2 = rows.find((r) => r[0] === '2026-11-25')!
  assert.equal(r1[col], '周立新（报告人）')
  assert.equal(r2[col], '孙雅琴')
  assert.equal(r2[header.indexOf('议题')], '学习（党章）') // the sender's own brackets
})
