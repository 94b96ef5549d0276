import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseDuration, parsePoints } from '../../src/messages/duration.js'
import { entriesFor, parseBackfill, parseCheckin, parseSolitaire } from '../../src/messages/checkin.js'
import { parseCommand } from '../../src/bot/command-table.js'

test('durations as people write them', () => {
  const cases: [string, number | null][] = [
    ['30分钟', 30], ['30min', 30], ['25 min', 25], ['1h', 60], ['2h', 120], ['1.5小时', 90], ['0.5小时', 30],
    ['1小时20分钟', 80], ['1小时15分', 75], ['半小时', 30], ['半个小时', 30], ['一小时', 60], ['一个小时', 60],
    ['一个半小时', 90], ['两小时', 120], ['三刻钟', 45], ['四十五分钟', 45], ['二十分钟', 20], ['时长40分钟', 40],
    ['学习时长：1小时', 60], ['９０分钟', 90], ['2个小时', 120], ['一百二十分钟', 120],
    ['第三章', null], ['11月20日', null], ['9:30开会', null], ['十分重要', null], ['积分42分', null], ['30小时', null],
    ['学习《党章》第二卷', null], ['百分之九十', null],
  ]
  for (const [t, m] of cases) assert.equal(parseDuration(t), m, t)
})

test('学习强国 points, never confused with minutes', () => {
  const cases: [string, number | null][] = [
    ['积分42', 42], ['强国38', 38], ['今日积分 38 分', 38], ['得分42', 42], ['学习强国 45分', 45], ['学习强国积分：45', 45],
    ['学习强国 30分钟', null], ['学习30分钟', null], ['42分钟', null],
  ]
  for (const [t, p] of cases) assert.equal(parsePoints(t), p, t)
})

test('check-ins in the many ways members write them', () => {
  const yes: [string, number | null][] = [
    ['打卡', null], ['#打卡', null], ['＃打卡 学习党章 ２０分钟', 20], ['【打卡】学习《党章》 30分钟', 30], ['学习打卡 半小时', 30],
    ['#学习打卡# 学习全会精神 1小时', 60], ['今日学习：《习近平谈治国理政》第四卷 45分钟', 45], ['👍打卡 20min', 20],
    ['打卡✅', null], ['已学习 二十大报告 一个半小时', 90], ['我已打卡，学习了党纪学习教育读本 40分钟', 40],
    ['打卡 学习《请党放心，强国有我》 20分钟', 20],
  ]
  for (const [t, m] of yes) {
    const r = parseCheckin(t)
    assert.ok(r, t)
    assert.equal(r!.minutes, m, t)
  }
})

test('messages about checking in are not check-ins', () => {
  for (const t of [
    '大家记得打卡', '请还没打卡的同志抓紧', '我明天补打卡', '昨天忘记打卡了怎么办', '打卡格式：打卡+内容+时长', '收到马上打卡',
    '打卡了吗', '怎么打卡？', '今天还没打卡的抓紧啊', '我晚上回去再打卡', '各位同志，本周打卡情况不错', '我今天没打卡',
    '好的', '[强]', '[玫瑰][玫瑰]', '明天上午九点开党员大会', '<?xml version="1.0"?><msg><appmsg>打卡</appmsg></msg>',
    '补卡 11月20日 学习 30分钟', '撤销打卡', '#接龙 打卡\n\n1. 张三 打卡',
  ]) assert.equal(parseCheckin(t), null, t)
})

test('titles and content are kept', () => {
  const r = parseCheckin('#打卡 学习《习近平著作选读》第二卷 30分钟')!
  assert.deepEqual(r.titles, ['习近平著作选读'])
  assert.match(r.content, /《习近平著作选读》第二卷/)
})

test('补卡 credits a past day relative to the message, in Shanghai', () => {
  const now = new Date('2026-11-22T01:00:00+08:00') // still Nov 21 in UTC
  const d = (t: string) => { const r = parseBackfill(t, now); return r && 'date' in r ? r.date : r }
  assert.equal(d('补卡 11月20日 学习《党章》 30分钟'), '2026-11-20')
  assert.equal(d('补卡 昨天 学习 20分钟'), '2026-11-21')
  assert.equal(d('补打卡 前天 学习'), '2026-11-20')
  assert.equal(d('补卡 11.19 学习 20分钟'), '2026-11-19')
  assert.equal(d('补卡 19号 学习'), '2026-11-19')
  assert.equal(d('补卡 12月30日 学习'), '2025-12-30')
  assert.deepEqual(parseBackfill('补卡 学习 30分钟', now), { error: 'no-date' })
  assert.equal(parseBackfill('我明天补打卡', now), null)
  const r = parseBackfill('补卡 11月20日 学习《党章》 30分钟', now)
  assert.ok(r && 'checkin' in r && r.checkin.minutes === 30 && r.checkin.titles[0] === '党章')
})

test('接龙: entries parsed, only the sender’s own lines picked', () => {
  const s = parseSolitaire('#接龙 11月学习打卡\n请大家接龙\n\n1. 王建国 学习党章 30分钟\n2、张伟 学习公报 一小时\n3．黄磊学习条例20分钟')!
  assert.equal(s.topic, '11月学习打卡')
  assert.equal(s.entries.length, 3)
  assert.deepEqual(entriesFor(s, ['张伟']).map((e) => e.minutes), [60])
  assert.deepEqual(entriesFor(s, ['黄磊']).map((e) => e.minutes), [20])
  assert.deepEqual(entriesFor(s, ['刘洋']), [])
  assert.equal(parseSolitaire('#接龙\n\n没有编号的行'), null)
})

test('commands: # or ＃ or @bot; report hashtags are not commands', () => {
  assert.equal(parseCommand('#我的')?.name, '我的')
  assert.equal(parseCommand('＃本月')?.name, '本月')
  assert.equal(parseCommand('@支部助手\u2005排行')?.name, '排行')
  assert.deepEqual(parseCommand('#台账 2026-11')?.args, ['2026-11'])
  assert.deepEqual(parseCommand('#台账2026Q4')?.args, ['2026Q4'])
  assert.equal(parseCommand('撤销打卡')?.name, '撤销打卡')
  for (const t of ['#打卡 学习', '#活动 支委会', '#接龙', '#学习打卡#', '#话题']) assert.equal(parseCommand(t), null, t)
  assert.equal(parseCommand('@支部助手 你好')?.name, 'unknown')
})
