// The Word file reads back with the title, the sections and the tables' values.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync, spawnSync } from 'node:child_process'
import { writeFileSync, existsSync } from 'node:fs'
import path from 'node:path'
import { loadConfig } from '../../src/config/load.js'
import { summaryModel } from '../../src/report/model.js'
import { summaryDocx } from '../../src/report/summary-docx.js'
import { Templates } from '../../src/bot/templates.js'
import type { ActivityRecord } from '../../src/domain/types.js'
import { EXAMPLE, tmpDir } from '../helpers/sim.js'

const branch = loadConfig(EXAMPLE).branches[0]!
const a: ActivityRecord = {
  type: 'activity', id: 'a', branch: 'jiguan2', msgId: 'm', at: '2026-11-18T20:00:00+08:00', text: '', reporter: '周立新', kind: '支部委员会', date: '2026-11-18', group: null,
  topic: '讨论发展党员工作', place: null, host: '周立新', speaker: null, recorder: null, expected: 5, attendees: 4, absent: [{ name: '刘洋', reason: '出差' }], content: null, photos: [],
}

async function documentXml(buf: Buffer): Promise<string> {
  // a .docx is a zip: read word/document.xml
  const { default: JSZip } = await import('jszip')
  const zip = await JSZip.loadAsync(buf)
  return zip.file('word/document.xml')!.async('string')
}

test('the summary .docx carries the title, the sections, the figures and the ledger', async () => {
  const model = summaryModel({ branch, month: '2026-11', checkins: [], activities: [a], announcements: [] })
  const text = new Templates().render('monthly-summary', model)
  const buf = await summaryDocx(model, text, [a])
  const xml = await documentXml(buf)
  for (const s of ['机关第二党支部2026年11月工作小结', '一、主要工作情况', '二、存在的问题', '附表二：本月台账', '讨论发展党员工作', '刘洋（出差）']) assert.ok(xml.includes(s), s)
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
