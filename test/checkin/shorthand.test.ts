// Check-ins in the members' shorthand (issue 12, the fifth set's classes): 学强 for 学习强国 and pts for
// its 分, a clock range with ~, a "今日学习情况：" heading over a numbered list and its 合计, "…，已完成"
// after the study, 差点忘了 — and the talk that only looks like a check-in: 为打卡而打卡, a teasing
// question to another member about their 补卡. Each class is built from parts, so what holds is the
// class, not a sentence.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { parseBackfill, parseCheckin } from '../../src/messages/checkin.js'

const NOW = new Date('2026-11-20T22:30:00+08:00')
const checkin = (t: string) => parseCheckin(t, NOW)

const marker = fc.constantFrom('打卡', '打卡✅', '✅打卡', '已学✅', '今天学完了，', '冲！', '')
const minutesForm = fc.constantFrom<[string, number]>(['30min', 30], ['45分钟', 45], ['时长一个小时', 60], ['学习时长五十分钟', 50], ['1h20min', 80], ['学习三刻钟', 45], ['时长 40min', 40])
const pointsWord = fc.constantFrom('分', 'pts', 'pt', 'points', ' 分', '分满啦')
const appWord = fc.constantFrom('学强', '学强今日', '学强 今日 ', '今天学强', '学强国', '学强积分')
const sep = fc.constantFrom(' ', '，', '\n', '，')

describe('学强 is 学习强国, pts its 分', () => {
  test('the points are read as points, and never added to the minutes', () => {
    fc.assert(fc.property(marker, appWord, fc.integer({ min: 10, max: 70 }), pointsWord, sep, minutesForm, fc.boolean(),
      (m, app, n, unit, s, [dur, mins], pointsFirst) => {
        const pts = `${app}${n}${unit}`
        const text = pointsFirst ? `${m} ${pts}${s}${dur}` : `${m} ${dur}${s}${pts}`
        const got = checkin(text)
        assert.ok(got, text)
        assert.equal(got.points, n, text)
        assert.equal(got.minutes, mins, text)
        // the record keeps the member's words
        assert.match(got.content, /学强/, text)
      }), { numRuns: 300 })
  })

  test('学强 in a person\'s name is the person: 王学强 earns no points and is no app', () => {
    fc.assert(fc.property(fc.constantFrom('王', '李', '张', '刘', '陈', '赵'), fc.integer({ min: 10, max: 90 }), (surname, n) => {
      const text = `打卡 和${surname}学强一起学习${n}分钟`
      const got = checkin(text)
      assert.ok(got, text)
      assert.equal(got.points, null, text)
      assert.equal(got.minutes, n, text)
      assert.match(got.content, new RegExp(`${surname}学强`), text)
    }))
  })
})

describe('a clock range, whatever the tilde', () => {
  test('20:30~21:30 学强 每日答题 打卡 is the hour of the range (每日答题 is a section, not a schedule)', () => {
    fc.assert(fc.property(fc.integer({ min: 6, max: 20 }), fc.constantFrom(15, 30, 40, 60), fc.constantFrom('~', '～', '-', '—', '到'),
      fc.constantFrom('学强 每日答题+专题', '学习强国 每日答题', '学强 每周答题', '看《榜样9》', '读党章'), fc.constantFrom('打卡✅', '打卡', '已学✅'),
      (h, len, tilde, what, mark) => {
        const end = h * 60 + 10 + len
        const text = `${h}:10${tilde}${Math.floor(end / 60)}:${String(end % 60).padStart(2, '0')} ${what} ${mark}`
        const got = checkin(text)
        assert.ok(got, text)
        assert.equal(got.minutes, len, text)
      }), { numRuns: 200 })
  })
})

describe('a day\'s report under a heading', () => {
  const heading = fc.constantFrom('今日学习情况：', '今天学习情况：', '我的今日学习情况：', '今日学习情况:')
  const part = fc.constantFrom<[string, number]>(['学强 专题学习 25min', 25], ['读《习近平谈治国理政》第五卷 35min', 35], ['看《榜样9》20分钟', 20], ['学习党章总纲 15分钟', 15], ['学强 每日答题 10min', 10])

  test('a numbered list and its 合计: the total, not the parts and the total added', () => {
    fc.assert(fc.property(heading, fc.uniqueArray(part, { minLength: 2, maxLength: 4, selector: (p) => p[0] }), fc.constantFrom('合计', '共计', '总计', '一共'), fc.constantFrom(' ✅', '', '，打卡'),
      (h, parts, total, tail) => {
        const sum = parts.reduce((s, p) => s + p[1], 0)
        const text = `${h}\n${parts.map((p, i) => `${i + 1}. ${p[0]}`).join('\n')}\n${total}${sum}分钟${tail}`
        const got = checkin(text)
        assert.ok(got, text)
        assert.equal(got.minutes, sum, text)
        assert.doesNotMatch(got.content, /学习情况/, text)
      }), { numRuns: 200 })
  })

  test('the heading over something not done is no check-in', () => {
    fc.assert(fc.property(heading, fc.constantFrom('还没开始，晚上再说', '还没学，明天补上', '还没看，今天太忙了'), (h, rest) => {
      assert.equal(checkin(`${h}${rest}`), null, `${h}${rest}`)
    }))
  })

  test('"…，已完成" after what was studied and how long is a check-in', () => {
    fc.assert(fc.property(fc.constantFrom('观看《榜样9》', '读了原文', '学习《条例》第五章', '看专题片'), minutesForm, fc.constantFrom('，已完成', ' 已完成✅', '，完成了', '，已完成。'),
      (what, [dur, mins], done) => {
        const text = `${what}${dur.startsWith('时长') || dur.startsWith('学习') ? '，' : '约'}${dur}${done}`
        const got = checkin(text)
        assert.ok(got, text)
        assert.equal(got.minutes, mins, text)
      }))
  })
})

describe('nearly forgot is done; forgot is not', () => {
  test('差点忘了 … 打卡 records; 忘了打卡 does not', () => {
    fc.assert(fc.property(fc.constantFrom('差点忘了', '差点儿忘了', '险些忘了', '差一点忘记'), minutesForm, (nearly, [dur, mins]) => {
      const text = `${nearly} 今天${dur} 打卡`
      const got = checkin(text)
      assert.ok(got, text)
      assert.equal(got.minutes, mins, text)
    }))
    for (const t of ['今天忘了打卡', '忘记打卡了，明天补', '昨天忘了打卡']) assert.equal(checkin(t), null, t)
  })
})

describe('talk that only looks like a check-in', () => {
  test('为打卡而打卡 is an exhortation about checking in, whoever says it', () => {
    fc.assert(fc.property(fc.constantFrom('大家学习要坚持，', '同志们，', '学习贵在坚持，', ''), fc.constantFrom('不要只为打卡而打卡', '不能为了打卡而打卡', '别只为打卡而学习', '不要为打卡而打卡'),
      fc.constantFrom('，要学深悟透。', '。', '，真正学进去', '！'), (a, b, c) => {
        const text = `${a}${b}${c}`
        assert.equal(checkin(text), null, text)
        assert.equal(parseBackfill(text, NOW), null, text)
      }))
  })

  test('a question to another member about their 补卡 is not the sender\'s 补卡, however it is laughed off', () => {
    fc.assert(fc.property(fc.constantFrom('@张伟 ', '@李红梅 ', ''), fc.constantFrom('你昨天不是说要补卡吗', '你前天的卡补了吗', '你不是要补一下上周五的卡吗'), fc.constantFrom('哈哈', '哈哈哈', '', '？', '😄', '呀'),
      (at, q, laugh) => {
        const text = `${at}${q}${laugh}`
        const got = parseBackfill(text, NOW)
        assert.ok(got === null || 'error' in got, `${text} → ${JSON.stringify(got)}`)
        assert.equal(checkin(text), null, text)
      }))
  })

  test('a greeting with 你 does not stop the sender\'s own 补卡', () => {
    const got = parseBackfill('你好，补一下昨天的卡：读党章30分钟', NOW)
    assert.ok(got && 'date' in got && !('error' in got))
    assert.equal(got.date, '2026-11-19')
  })
})
