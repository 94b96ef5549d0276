// Durations, 学习强国 points and Chinese numerals, as members type them on a phone.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { parseDuration } from '../../src/messages/duration.js'
import { parsePoints } from '../../src/messages/points.js'
import { parseNumber } from '../../src/messages/numerals.js'

describe('parseNumber: Chinese numerals', () => {
  const cases: [string, number | null][] = [
    ['一', 1], ['两', 2], ['俩', 2], ['十', 10], ['十五', 15], ['二十', 20], ['四十五', 45], ['九十', 90],
    ['一百', 100], ['一百二', 120], ['一百二十', 120], ['一百零五', 105], ['两千五', 2500], ['一千零十', 1010],
    ['廿', 20], ['廿五', 25], ['二零二六', 2026], ['零', 0], ['三万五千', 35000],
    ['12', 12], ['1.5', 1.5], ['', null], ['百', null], ['二三十', null], ['一二', null], ['十百', null], ['abc', null],
  ]
  for (const [s, n] of cases) test(`${s || '(empty)'} -> ${n}`, () => assert.equal(parseNumber(s), n))
})

describe('parseDuration: minutes as people write them', () => {
  const cases: [string, number][] = [
    ['30分钟', 30], ['30min', 30], ['25 min', 25], ['45 mins', 45], ['30 minutes', 30], ['20m', 20],
    ['1h', 60], ['2h', 120], ['1.5H', 90], ['2 hours', 120], ['1hr', 60],
    ['1.5小时', 90], ['0.5小时', 30], ['1小时20分钟', 80], ['1小时15分', 75], ['1小时 20分钟', 80], ['1h30m', 90], ['1h30', 90],
    ['1小时半', 90], ['1小时零五分', 65], ['1小时又20分钟', 80],
    ['半小时', 30], ['半个小时', 30], ['半个多小时', 30], ['一小时', 60], ['一个小时', 60], ['一个半小时', 90], ['1个半小时', 90],
    ['两小时', 120], ['俩小时', 120], ['两个钟头', 120], ['2个小时', 120], ['一个多小时', 60], ['一点五小时', 90],
    ['三刻钟', 45], ['一刻钟', 15], ['四十五分钟', 45], ['二十分钟', 20], ['一百二十分钟', 120], ['四十多分钟', 40], ['40多分钟', 40],
    ['90分', 90], ['学了90分', 90], ['时长40分钟', 40], ['学习时长：1小时', 60], ['用时：半个小时', 30], ['９０分钟', 90], ['３０ｍｉｎ', 30],
    ['一小时二十分钟', 80], ['24小时', 1440],
    // several figures add up; a stated total wins
    ['学习党章30分钟，看视频20分钟', 50], ['学习党章30分钟，看视频20分钟，共计50分钟', 50], ['上午20分钟 晚上半小时', 50],
    // dates, times and chapters beside a duration are not read
    ['11月20日 学习30分钟', 30], ['2026年11月20日学习党章40分钟', 40], ['第三章 30分钟', 30], ['9:30-10:00 学习 30分钟', 30],
    ['11.20 30分钟', 30], ['20号 学习1小时', 60],
    // a duration inside a title is the title's
    ['《半小时漫画党史》 20分钟', 20],
    // points next to minutes
    ['学习强国积分45分，学习30分钟', 30], ['学习强国 30分钟', 30], ['积分42 学习一小时', 60],
  ]
  for (const [t, m] of cases) test(`${t} -> ${m}`, () => assert.equal(parseDuration(t), m))
})

describe('parseDuration: what is not a duration', () => {
  const cases = [
    '', '好的', '第三章', '第二卷', '第十分册', '11月20日', '2026年', '9:30', '9点30分开始学习', '下午3点20分开会', '十分重要', '十分认真',
    '百分之九十', '三分之一', '积分42分', '得分42分', '学习强国 45分', '45分（学习强国）', '考试90分', '满分100分',
    '30小时', '48h', '0分钟', '12345分钟', '《一小时》', '学习《党章》第二卷', '二三十分钟', '分享', '部分',
  ]
  for (const t of cases) test(`${t || '(empty)'} -> null`, () => assert.equal(parseDuration(t), null))
})

describe('parsePoints: 学习强国 points', () => {
  const cases: [string, number | null][] = [
    ['积分42', 42], ['强国38', 38], ['今日积分 38 分', 38], ['得分42', 42], ['学习强国 45分', 45], ['学习强国积分：45', 45],
    ['学习强国积分:45', 45], ['学习强国今日积分45', 45], ['学习强国今天得了45分', 45], ['45分（学习强国）', 45], ['强国积分一百二', 120],
    ['积分 ４５', 45], ['学习强国学习30分钟 积分45', 45], ['总积分12345 今日积分45', 45], ['学习强国 积分 0', 0],
    // no cap: the platform's daily maximum changes
    ['学习强国今日积分 180', 180],
    // minutes, counts and other numbers are not points
    ['学习强国 30分钟', null], ['42分钟', null], ['积分三十分钟', null], ['学习强国 2h', null], ['积分第3名', null],
    ['强国有我 20', null], ['学习30分钟', null], ['45分', null], ['《强国38》', null], ['', null],
  ]
  for (const [t, p] of cases) test(`${t || '(empty)'} -> ${p}`, () => assert.equal(parsePoints(t), p))
})
