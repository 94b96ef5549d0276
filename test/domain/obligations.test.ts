import { test } from 'node:test'
import assert from 'node:assert/strict'
import { fileURLToPath } from 'node:url'
import { loadConfig } from '../../src/config/load.js'
import { obligationsOn } from '../../src/domain/obligations.js'
import { parsePeriodArg, periodOf } from '../../src/domain/periods.js'
import type { ActivityRecord, Kind } from '../../src/domain/types.js'

const branch = loadConfig(fileURLToPath(new URL('../../bot-config/example.yaml', import.meta.url))).branches[0]!
const act = (kind: Kind, date: string, group: string | null = null): ActivityRecord => ({
  type: 'activity', id: `${kind}${date}`, branch: 'jiguan2', msgId: 'm', at: `${date}T20:00:00+08:00`, text: '', reporter: '周立新', kind, date, group,
  topic: 't', place: null, host: null, speaker: null, recorder: null, expected: null, attendees: 5, absent: [], content: null, photos: [],
})

test('periods around month, quarter and year ends', () => {
  assert.deepEqual(periodOf('2026-12-31', 'quarter'), { key: '2026-Q4', label: '2026年第四季度', from: '2026-10-01', to: '2026-12-31' })
  assert.equal(periodOf('2027-01-01', 'quarter').key, '2027-Q1')
  assert.equal(periodOf('2026-02-15', 'month').to, '2026-02-28')
  assert.equal(periodOf('2028-02-15', 'month').to, '2028-02-29')
  assert.equal(parsePeriodArg('2026Q4', '2026-11-22')!.from, '2026-10-01')
  assert.equal(parsePeriodArg('11月', '2026-01-05')!.key, '2025-11')
  assert.equal(parsePeriodArg('乱写', '2026-01-05'), null)
})

test('obligation status from the ledger: per 党小组, per period, with who is responsible', () => {
  const acts = [act('支部委员会', '2026-11-18'), act('党小组会', '2026-11-21', '第一党小组'), act('支部委员会', '2026-10-20'), act('党课', '2026-10-30')]
  const s = obligationsOn(branch, acts, '2026-11-30')
  const get = (k: Kind, g: string | null = null) => s.find((o) => o.kind === k && o.group === g)!
  assert.deepEqual([get('支部委员会').held, get('支部委员会').met, get('支部委员会').due], [1, true, '2026-11-30'])
  assert.equal(get('党小组会', '第一党小组').met, true)
  assert.equal(get('党小组会', '第二党小组').met, false)
  assert.deepEqual(get('党小组会', '第二党小组').responsible, ['赵静', '周立新', '孙雅琴'])
  assert.deepEqual([get('党课').period, get('党课').met], ['2026-Q4', true]) // held in October, same quarter
  assert.deepEqual([get('组织生活会').period, get('组织生活会').due], ['2026', '2026-12-31'])
  // a new month starts afresh
  assert.equal(obligationsOn(branch, acts, '2026-12-01').find((o) => o.kind === '支部委员会')!.held, 0)
})
