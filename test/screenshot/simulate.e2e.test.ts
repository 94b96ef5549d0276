// `simulate` with screenshots beside text check-ins: the text is acknowledged on time while images
// are read; a points page and a study-time page become check-ins, a meeting photo after a report
// goes to that record, a photo of something else gets nothing, an unreadable screen a polite question.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { EXAMPLE, ROOM, runCli, tmpDir, type Sent } from '../helpers/sim.js'
import { meetingPhoto, pointsPage, studyTimePage } from './screens.js'

test('screenshots and text check-ins in one morning', () => {
  const dir = tmpDir('zhibu-shots-')
  mkdirSync(path.join(dir, 'shots'))
  writeFileSync(path.join(dir, 'shots', 'points.png'), pointsPage({ today: 29 }))
  writeFileSync(path.join(dir, 'shots', 'study.png'), studyTimePage({ minutes: 45 }))
  writeFileSync(path.join(dir, 'shots', 'meeting.png'), meetingPhoto())
  writeFileSync(path.join(dir, 'shots', 'bad.png'), pointsPage({ today: 12, label: 'today' }))
  const day = '2026-11-17T'
  const ev = (t: string, from: string, o: object) => JSON.stringify({ at: `${day}${t}+08:00`, room: ROOM, from, ...o })
  const lines = [
    ev('10:00:00', '王建国', { type: 'image', text: '', file: 'shots/points.png', id: 'img1' }),
    ev('10:00:05', '刘洋', { text: '打卡 学习党章 30分钟', id: 't1' }),
    ev('10:00:10', '张伟', { type: 'image', text: '', file: 'shots/meeting.png', id: 'img2' }),
    ev('10:00:20', '黄磊', { text: '打卡 学习强国 40分', id: 't2' }),
    ev('10:01:00', '吴芳', { type: 'image', text: '', file: 'shots/study.png', id: 'img3' }),
    ev('10:05:00', '周立新', { text: '支委会刚刚散会，三个委员都到了', id: 't3' }),
    ev('10:06:00', '周立新', { type: 'image', text: '', file: 'shots/meeting.png', id: 'img4' }),
    ev('10:10:00', '赵静', { type: 'image', text: '', file: 'shots/bad.png', id: 'img5' }),
  ]
  const file = path.join(dir, 'transcript.jsonl')
  writeFileSync(file, lines.join('\n') + '\n')
  const data = path.join(dir, 'data')
  const r = runCli(['simulate', '--config', EXAMPLE, '--transcript', file, '--data', data])
  assert.equal(r.status, 0, r.stderr)
  const sent: Sent[] = r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l))
  const said = (who: string) => sent.filter((m) => m.text?.includes(who))
  const secondsAfter = (m: Sent, t: string) => (Date.parse(m.at) - Date.parse(`${day}${t}+08:00`)) / 1000

  // text check-ins are acknowledged within the outbox's merge window, screenshots or not
  for (const [who, t] of [['刘洋', '10:00:05'], ['黄磊', '10:00:20']] as const) {
    const ack = said(`${who} 已打卡`)[0]
    assert.ok(ack, `no ack for ${who}: ${r.stdout}`)
    assert.ok(secondsAfter(ack, t) <= 75, `${who} acked at ${ack.at}`)
  }
  assert.match(said('王建国 已打卡')[0]?.text ?? '', /强国积分 29/)
  assert.match(said('吴芳 已打卡')[0]?.text ?? '', /45 分钟/)
  assert.equal(said('张伟').length, 0, 'a photo of a meeting room gets no reply')
  assert.ok(sent.some((m) => /照片已附到.*支部委员会/.test(m.text ?? '')), 'the photo after the report goes to that record')
  assert.match(said('赵静')[0]?.text ?? '', /没能看清.*文字打卡/)

  const ex = runCli(['export', '--config', EXAMPLE, '--data', data, '--format', 'json'])
  const recs = JSON.parse(ex.stdout) as Record<string, unknown>[]
  const checkins = recs.filter((x) => x.type === 'checkin')
  const of = (m: string) => checkins.filter((x) => x.member === m)
  assert.equal(of('王建国')[0]?.points, 29)
  assert.equal(of('吴芳')[0]?.minutes, 45)
  assert.equal(of('刘洋')[0]?.minutes, 30)
  assert.equal(of('黄磊')[0]?.points, 40)
  assert.equal(of('张伟').length, 0)
  assert.equal(of('赵静').length, 0)
  // not kept unless the branch asks: only the numbers
  assert.throws(() => statSync(path.join(data, 'jiguan2', 'screenshots')))
})
