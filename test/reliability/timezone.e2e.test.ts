// Time zone: the bot lives in Asia/Shanghai whatever the machine's TZ. The same month (the demo
// transcript, then to 2 December: deadline reminders, the 1st-of-month summary, overdue notices)
// is simulated under zones west and east of UTC; every message must go out at the same Shanghai
// instant with the same words, no notice on a Saturday or Sunday that is not a 调休 workday, and
// the records credit the same days.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { EXAMPLE, ROOT, exportJson, simulate, tmpDir, type Ev } from '../helpers/sim.js'

// The Word file and the chart are drawn with real asynchronous work that simulate's settling does
// not always wait for, so the summary's minute can vary from run to run whatever the zone: leave
// them out, the text of the summary is still posted and compared.
const CONFIG = path.join(tmpDir(), 'config.yaml')
writeFileSync(CONFIG, readFileSync(EXAMPLE, 'utf8').replace(/^(\s*)chart: true/m, '$1chart: false').replace(/^(\s*)docx: true/m, '$1docx: false'))

const ZONES = ['UTC', 'America/New_York', 'Pacific/Kiritimati', 'America/Los_Angeles', 'Asia/Kolkata']
const events: Ev[] = readFileSync(path.join(ROOT, 'bot-config/demo-transcript.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))
// a check-in at 23:50 Shanghai on a Friday (still Friday in Shanghai, Friday morning in New York,
// Saturday in Kiritimati) and a 补卡 for "昨天"
events.push(
  { at: '2026-11-27T23:50:00+08:00', room: '机关第二党支部工作群', from: '陈明', text: '打卡 学习党章 20分钟', id: 'tz1' },
  { at: '2026-11-28T00:10:00+08:00', room: '机关第二党支部工作群', from: '刘洋', text: '补卡 昨天 学习党史 30分钟', id: 'tz2' },
)

test('the workday calendar is the same in every machine time zone (west of UTC too)', () => {
  const probe = `import { isWorkday } from ${JSON.stringify(path.join(ROOT, 'src/domain/workdays.ts'))}
    const days = ['2026-10-10', '2026-11-02', '2026-10-05', '2026-11-07', '2026-11-08', '2026-09-20', '2026-02-16', '2026-12-31', '2027-01-04']
    console.log(JSON.stringify(days.map((d) => [d, isWorkday(d)])))`
  const expected = [['2026-10-10', true], ['2026-11-02', true], ['2026-10-05', false], ['2026-11-07', false], ['2026-11-08', false], ['2026-09-20', true], ['2026-02-16', false], ['2026-12-31', true], ['2027-01-04', true]]
  for (const tz of ['Asia/Shanghai', ...ZONES, 'Pacific/Pago_Pago']) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', probe], { encoding: 'utf8', env: { ...process.env, TZ: tz } })
    assert.equal(r.status, 0, r.stderr)
    assert.deepEqual(JSON.parse(r.stdout), expected, `TZ=${tz}`)
  }
})

function runIn(tz: string) {
  const prev = process.env.TZ
  process.env.TZ = tz
  try {
    const r = simulate(events, { until: '2026-12-02T12:00:00+08:00' })
    // photo file names carry a random record id: compare how many
    return { sent: r.sent, records: exportJson(r.data).map((x) => (Array.isArray(x.photos) ? { ...x, photos: x.photos.length } : x)) }
  } finally {
    if (prev === undefined) delete process.env.TZ
    else process.env.TZ = prev
  }
}

test('the same month in five machine time zones: the same things said on the same Shanghai days, the same records', () => {
  const base = runIn('Asia/Shanghai')
  assert.ok(base.sent.length > 50, 'the demo month sends acknowledgements, reminders and a summary')
  // notices (not answers to members) only on Shanghai workdays or the 1st (the summary)
  const weekendNotices = base.sent.filter((s) => {
    const d = new Date(Date.parse(s.at) + 8 * 3600_000)
    const wd = d.getUTCDay()
    return (wd === 0 || wd === 6) && s.text && /截止|提醒|请/.test(s.text) && /还有|明天截止|就是今天/.test(s.text)
  })
  assert.deepEqual(weekendNotices.map((s) => s.at), [], 'no deadline reminder on a weekend')
  const tz1 = base.records.find((r) => r.text === '打卡 学习党章 20分钟' && r.member === '陈明' && r.date === '2026-11-27')
  assert.ok(tz1, 'a check-in at 23:50 Shanghai is credited to that Shanghai day')
  assert.ok(base.records.some((r) => r.member === '刘洋' && r.date === '2026-11-27' && String(r.text).startsWith('补卡')), '补卡 昨天 at 00:10 is for the Shanghai day before')
  for (const tz of ZONES) {
    const r = runIn(tz)
    // the Shanghai day of each line said (simulate's settling may let a message slip by minutes
    // under load whatever the zone, and acknowledgements queued together merge into one; a
    // time-zone fault moves a notice by a day)
    const lines = (sent: typeof base.sent) => sent.flatMap((s) => (s.text ?? s.file ?? '').split('\n').map((l) => `${s.at.slice(0, 10)} ${JSON.stringify(s.to)} ${l}`)).sort()
    assert.deepEqual(lines(r.sent), lines(base.sent), `TZ=${tz}: the same things said on the same Shanghai days`)
    assert.deepEqual(r.records, base.records, `TZ=${tz}: same records`)
  }
})
