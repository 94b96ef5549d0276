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

describe('the sixth set\'s classes', () => {
  test('xxqg is 学习强国; the figure a few words after it is points, never minutes', () => {
    fc.assert(fc.property(fc.constantFrom('今日xxqg', 'XXQG', '学习强国', '强国', '学习强国昨天的分数忘截图了 今天早上'), fc.constantFrom('已完成，', '只刷到', '已经', ' ', '拿了'),
      fc.integer({ min: 5, max: 70 }), fc.constantFrom('✅', ' 打卡', ' 明天继续努力', ''), (app, gap, n, tail) => {
        const text = `打卡 ${app}${gap}${n}分${tail}`
        const got = checkin(text)
        assert.ok(got, text)
        assert.equal(got.points, n, text)
        assert.equal(got.minutes, null, text)
      }), { numRuns: 300 })
  })

  test('a rule about the points is still no check-in', () => {
    for (const t of ['学习强国每天积分要达到30分', '学习强国至少要拿到40分才算', '强国积分的目标是每天50分']) assert.equal(checkin(t), null, t)
  })

  test('another kind of 打卡 — a gym, a sight, the office clock, that message — is no study', () => {
    fc.assert(fc.property(fc.constantFrom('健身房', '网红店', '景点', '跑步', '早起', '上班', '下班', '钉钉', '奶茶店'), fc.constantFrom('打卡第30天💪', '打卡成功🍜 排了一个小时队', '打卡', '打卡了'), (what, rest) => {
      const text = `${what}${rest}`
      assert.equal(checkin(text), null, text)
    }))
    for (const t of ['刚才那条打卡发错了，撤回了，等会重新发', '上一条打卡时间写错了', '这条打卡不算']) assert.equal(checkin(t), null, t)
    // … while study after work is study
    const got = checkin('下班后学了5分钟，得了1分')
    assert.ok(got)
    assert.deepEqual([got.minutes, got.points], [5, 1])
  })

  test('everyone\'s figures in a summary are no one\'s check-in', () => {
    fc.assert(fc.property(fc.constantFrom('11月学习打卡圆满收官：', '本周打卡统计：', '上个月：'), fc.constantFrom('人均学习时长28.5小时', '学习强国日均42分', '打卡率95%', '共有9人打卡', '参与率100%'), (head, figure) => {
      const text = `${head}${figure}，谢谢大家！`
      assert.equal(checkin(text), null, text)
    }))
  })

  test('宣讲视频 and 辅导读本 are what one studies, not a meeting', () => {
    fc.assert(fc.property(fc.constantFrom('中午学了会儿 12:05-12:35 看的', '上午学了1个半小时', '晚上看了40分钟'), fc.constantFrom('四中全会精神宣讲视频', '四中全会辅导读本', '宣讲材料', '辅导视频'), (lead, what) => {
      const text = `${lead}${what}`
      const got = checkin(text)
      assert.ok(got, text)
      assert.ok(got.minutes && got.minutes >= 30, text)
    }))
  })

  test('the figure credited (按一小时算, 就算七十分钟吧) wins over the one it rounds', () => {
    fc.assert(fc.property(fc.constantFrom('学了一个多钟头', '学了一个多小时', '看了快一个小时'), fc.constantFrom<[string, number]>([' 按一小时算', 60], ['就算七十分钟吧', 70], ['，按50分钟算', 50], ['，记作45分钟', 45]),
      (did, [credit, n]) => {
        const text = `今天${did}${credit}`
        const got = checkin(text)
        assert.ok(got, text)
        assert.equal(got.minutes, n, text)
      }))
  })
})
