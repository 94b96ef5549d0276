// Faults a SIGKILL rarely hits, injected directly: the window between a message's effect and its
// seen-mark (reproduced by losing the seen index, which is what a kill in that window leaves behind),
// damaged data files, a damaged scheduler state, a stale lock whose PID was reused. Each case goes
// through the CLI, as the installer would meet it, and asserts what a secretary would check.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { rmSync } from 'node:fs'
import path from 'node:path'
import { ROOM, exportJson, simulate, tmpDir, type Ev } from '../helpers/sim.js'

const loseSeen = (data: string) => rmSync(path.join(data, '_state', 'seen'), { recursive: true, force: true })
const ev = (at: string, from: string, text: string, id: string, extra: Partial<Ev> = {}): Ev => ({ at: `2026-11-${at}+08:00`, room: ROOM, from, text, id, ...extra })

test('撤销打卡 redelivered after a crash removes nothing more, and the undone check-in does not come back', () => {
  const data = path.join(tmpDir(), 'data')
  simulate([
    ev('18T09:00:00', '王建国', '打卡 学习党章 30分钟', 'c1'),
    ev('18T10:00:00', '王建国', '打卡 学习党史 20分钟', 'c2'),
    ev('18T11:00:00', '王建国', '撤销打卡', 'u1'),
  ], { data })
  assert.deepEqual(exportJson(data).filter((r) => r.type === 'checkin').map((r) => r.text), ['打卡 学习党章 30分钟'])
  // killed before the seen-mark: WeChat delivers the undo again, and the undone check-in too
  loseSeen(data)
  simulate([ev('18T11:05:00', '王建国', '撤销打卡', 'u1'), ev('18T11:06:00', '王建国', '打卡 学习党史 20分钟', 'c2')], { data })
  assert.deepEqual(exportJson(data).filter((r) => r.type === 'checkin').map((r) => r.text), ['打卡 学习党章 30分钟'], 'the acknowledged check-in survives')
})

test('#撤销活动 redelivered removes nothing more; a photo redelivered is attached once', () => {
  const data = path.join(tmpDir(), 'data')
  const events = [
    ev('18T18:00:00', '周立新', '#活动 11月18日下午 支委会 讨论发展党员工作 应到5人 实到5人', 'r1'),
    ev('20T18:00:00', '周立新', '#活动 11月20日 党课 学习党章 应到8人 实到8人', 'r2'),
    ev('20T18:03:00', '周立新', '', 'p1', { type: 'image' }),
    ev('20T18:30:00', '周立新', '#撤销活动', 'u2'),
    ev('20T19:00:00', '周立新', '#活动 11月20日 党课 学习党章 应到8人 实到7人', 'r3'),
    ev('20T19:02:00', '周立新', '', 'p2', { type: 'image' }),
  ]
  simulate(events, { data })
  const before = exportJson(data).filter((r) => r.type === 'activity')
  assert.deepEqual(before.map((r) => [r.kind, (r.photos as string[]).length]), [['支部委员会', 0], ['党课', 1]])
  loseSeen(data)
  simulate([
    ev('20T19:05:00', '周立新', '#撤销活动', 'u2'),
    ev('20T19:06:00', '周立新', '', 'p2', { type: 'image' }),
    ev('20T19:07:00', '周立新', '', 'p2', { type: 'image' }),
  ], { data })
  const after = exportJson(data).filter((r) => r.type === 'activity')
  assert.deepEqual(after.map((r) => [r.kind, r.attendees, (r.photos as string[]).length]), [['支部委员会', 5, 0], ['党课', 7, 1]])
  // and a whole replay of the day changes nothing
  loseSeen(data)
  simulate(events, { data })
  assert.deepEqual(exportJson(data).filter((r) => r.type === 'activity').map((r) => [r.kind, r.attendees, (r.photos as string[]).length]), [['支部委员会', 5, 0], ['党课', 7, 1]])
})
