// Plain-language check-ins end to end, through `zhibu-bot simulate` and `zhibu-bot export`: the
// records made, the day each credits, and the message kept exactly as sent.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { simulate, exportJson, ROOM } from '../helpers/sim.js'

test('plain check-ins, 补卡 said anywhere and tempting chatter give exactly the expected records', () => {
  const at = (hm: string) => `2026-11-12T${hm}:00+08:00`
  const raw = '今天读了《条例》第五章，２５分钟！'
  const { sent, data } = simulate([
    { at: at('07:30'), room: ROOM, from: '王建国', text: raw, id: 'a1' },
    { at: at('08:00'), room: ROOM, from: '刘洋', text: '补一下周二的卡，学习党章40分钟', id: 'a2' },
    { at: at('08:10'), room: ROOM, from: '张伟', text: '昨天的卡补上：21:00—21:40 看《榜样9》', id: 'a3' },
    { at: at('08:20'), room: ROOM, from: '黄磊', text: '晚上保证打卡', id: 'a4' },
    { at: at('08:21'), room: ROOM, from: '黄磊', text: '今天要打卡吗？', id: 'a5' },
    { at: at('08:22'), room: ROOM, from: '周立新', text: '请各位党员每天登录学习强国打卡', id: 'a6' },
    { at: at('08:30'), room: ROOM, from: '黄磊', text: '补卡 11月14日 学习党章', id: 'a7' },
  ], { until: at('09:00') })
  const recs = exportJson(data).filter((r) => r.type === 'checkin')
  const got = recs.map((r) => [r.member, r.date, r.minutes])
  assert.deepEqual(got.sort(), [['刘洋', '2026-11-10', 40], ['张伟', '2026-11-11', 40], ['王建国', '2026-11-12', 25]].sort())
  // the 原文 is the message as sent: full-width figures and punctuation untouched
  assert.equal(recs.find((r) => r.member === '王建国')!.text, raw)
  // a 补卡 for a day still to come is told so, and makes no record
  assert.ok(sent.some((s) => /11月14日 还没到/.test(s.text ?? '')), JSON.stringify(sent.map((s) => s.text)))
})
