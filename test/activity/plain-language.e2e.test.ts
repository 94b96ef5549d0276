// Plain-language reports end to end through simulate: recorded as the branch wrote them, a member's
// report told to the secretaries, an unclear one asked about and completed by a short answer, a
// second report of the same meeting merged, and notices, questions and chatter left alone.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { simulate, exportJson, ROOM } from '../helpers/sim.js'

test('plain reports become records; the rest of the talk does not', () => {
  const { sent, data } = simulate([
    { at: '2026-11-20T09:00:00+08:00', room: ROOM, from: '周立新', text: '@所有人 今天下午3点开支委会，请委员们准时参加', id: 'n1' },
    { at: '2026-11-20T16:10:00+08:00', room: ROOM, from: '周立新', text: '支委会刚刚散会，三个委员都到了，会议由书记周立新主持', id: 'a1' },
    { at: '2026-11-20T16:12:00+08:00', room: ROOM, from: '李红梅', text: '发几张今天支委会的照片，地点：三楼会议室', id: 'a2' },
    { at: '2026-11-20T20:50:00+08:00', room: ROOM, from: '黄磊', text: '我们小组晚上碰了个头，学了条例，都到了', id: 'a3' },
    { at: '2026-11-20T21:00:00+08:00', room: ROOM, from: '吴芳', text: '党小组会什么时候开？', id: 'q1' },
    { at: '2026-11-20T21:05:00+08:00', room: ROOM, from: '赵静', text: '今天的会已经结束，应到5人，实到5人', id: 'a4' },
    { at: '2026-11-20T21:06:00+08:00', room: ROOM, from: '赵静', text: '党课', id: 'a5' },
    { at: '2026-11-21T09:00:00+08:00', room: ROOM, from: '孙雅琴', text: '【集中学习】\n时间：11月20日晚7点\n地点：党员活动室\n主持人：孙雅琴 记录人：刘洋\n应到10人，实到9人，1人（张伟）公差\n内容：学习《党员教育管理工作条例》', id: 'a6' },
    { at: '2026-11-21T10:00:00+08:00', room: ROOM, from: '周立新', text: '后天上午开党员大会，请安排好工作', id: 'n2' },
    { at: '2026-11-21T10:30:00+08:00', room: ROOM, from: '刘洋', text: '党课那天我把笔记本落在会议室了', id: 'x1' },
    { at: '2026-11-21T11:00:00+08:00', room: ROOM, from: '孙雅琴', text: '#未识别', id: 'c1' },
  ])
  const acts = exportJson(data).filter((r) => r.type === 'activity')
  const by = (k: string) => acts.filter((a) => a.kind === k)
  assert.equal(acts.length, 4, JSON.stringify(acts.map((a) => [a.kind, a.date, a.reporter])))
  const zwh = by('支部委员会')[0]!
  assert.deepEqual([zwh.date, zwh.attendees, zwh.host, zwh.place], ['2026-11-20', 3, '周立新', '三楼会议室'])
  const xz = by('党小组会')[0]!
  assert.deepEqual([xz.date, xz.group, xz.attendees, xz.reporter], ['2026-11-20', '第二党小组', 5, '黄磊'])
  // the unclear report was asked about, and "党课" made it a 党课
  assert.ok(sent.some((s) => s.to.contact === '赵静' && /请问这是什么会/.test(s.text ?? '')))
  assert.equal(by('党课').length, 1)
  assert.equal(by('其他').length, 0)
  const jx = by('集中学习')[0]!
  assert.deepEqual([jx.date, jx.host, jx.recorder, jx.expected, jx.attendees], ['2026-11-20', '孙雅琴', '刘洋', 10, 9])
  assert.deepEqual(jx.absent, [{ name: '张伟', reason: '公差' }])
  // the text is kept exactly as sent, full-width punctuation and all
  assert.ok(acts.some((a) => a.text === '【集中学习】\n时间：11月20日晚7点\n地点：党员活动室\n主持人：孙雅琴 记录人：刘洋\n应到10人，实到9人，1人（张伟）公差\n内容：学习《党员教育管理工作条例》'))
  // a member's report: the secretaries are told privately
  for (const s of ['周立新', '孙雅琴']) assert.ok(sent.some((m) => m.to.contact === s && /黄磊在群里报告了一次党小组会/.test(m.text ?? '')), s)
  // #未识别 shows the secretary the talk that made no record, but not the notices and questions
  const unknown = sent.find((m) => /像是打卡或会议报告/.test(m.text ?? ''))?.text ?? ''
  assert.match(unknown, /刘洋：党课那天我把笔记本落在会议室了/)
  assert.doesNotMatch(unknown, /什么时候开|安排好工作/)
  // the second report of the 支委会 completed the first instead of doubling it
  assert.ok(sent.some((m) => /已经报告过，已合并为一条记录，并补充了：地点/.test(m.text ?? '')))
})

test('photos sent before the words of a report go to that record; photos with no report are not kept', () => {
  const { sent, data } = simulate([
    { at: '2026-11-20T20:30:00+08:00', room: ROOM, from: '吴芳', text: 'a.jpg', id: 'p1', type: 'image' },
    { at: '2026-11-20T20:30:30+08:00', room: ROOM, from: '吴芳', text: 'b.jpg', id: 'p2', type: 'image' },
    { at: '2026-11-20T20:31:00+08:00', room: ROOM, from: '吴芳', text: '今晚第二党小组会的照片，5个人都到了', id: 'c1' },
    { at: '2026-11-20T20:40:00+08:00', room: ROOM, from: '张伟', text: 'cat.jpg', id: 'p3', type: 'image' },
    { at: '2026-11-20T21:00:00+08:00', room: ROOM, from: '张伟', text: '晚安', id: 't1' },
  ])
  const acts = exportJson(data).filter((r) => r.type === 'activity')
  assert.equal(acts.length, 1)
  assert.deepEqual([acts[0]!.kind, acts[0]!.group, acts[0]!.attendees, (acts[0]!.photos as string[]).length], ['党小组会', '第二党小组', 5, 2])
  assert.ok(sent.some((s) => /照片2张/.test(s.text ?? '')))
})
