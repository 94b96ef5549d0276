// 接龙: the list is reposted by every participant; each line is read, the sender's own are picked.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { entriesFor, entryContent, parseSolitaire, type Solitaire } from '../../src/messages/solitaire.js'
import { parseCheckin } from '../../src/messages/checkin.js'

const chain = [
  '#接龙',
  '11月学习打卡',
  '要求：',
  '1. 写明学习内容',
  '2. 写明时长',
  '',
  '例 张三 学习党章 30分钟',
  '1. 王建国 学习党章 30分钟',
  '2、张伟 学习公报 一小时',
  '3．黄磊学习条例20分钟',
  '４. 刘洋：学习强国 积分45',
  '5) 周书记 观看《榜样》 1h',
  '6. 张三丰学习 20分钟',
  '7.',
].join('\n')

describe('parseSolitaire', () => {
  const s = parseSolitaire(chain)!

  test('topic is the first line after #接龙', () => assert.equal(s.topic, '11月学习打卡'))
  test('entries are the numbered lines after the blank line, not the numbered requirements', () => {
    assert.deepEqual(s.entries.map((e) => e.n), [1, 2, 3, 4, 5, 6])
  })
  test('name is the first token; content and figures follow it', () => {
    assert.deepEqual(
      s.entries.map((e) => [e.name, e.content, e.minutes, e.points]),
      [
        ['王建国', '学习党章 30分钟', 30, null],
        ['张伟', '学习公报 一小时', 60, null],
        ['', '黄磊学习条例20分钟', 20, null],
        ['刘洋', '学习强国 积分45', null, 45],
        ['周书记', '观看《榜样》 1h', 60, null],
        ['', '张三丰学习 20分钟', 20, null],
      ],
    )
  })
  test('topic on the #接龙 line itself', () => {
    assert.equal(parseSolitaire('#接龙 本周学习打卡\n\n1. 张三 学习 30分钟')!.topic, '本周学习打卡')
  })
  test('a missing blank line is tolerated', () => {
    const t = parseSolitaire('#接龙 学习打卡\n1. 张三 学习 30分钟\n2. 李四 学习 20分钟')!
    assert.deepEqual(t.entries.map((e) => e.name), ['张三', '李四'])
    const u = parseSolitaire('#接龙\n学习打卡\n1. 张三 学习 30分钟')!
    assert.equal(u.topic, '学习打卡')
    assert.equal(u.entries.length, 1)
  })
  test('full-width ＃, digits and separators', () => {
    const t = parseSolitaire('＃接龙\n学习\n\n１．张三　学习党章　３０分钟\n２、李四 学习 二十分钟')!
    assert.deepEqual(t.entries.map((e) => [e.n, e.name, e.minutes]), [[1, '张三', 30], [2, '李四', 20]])
  })
  test('a decimal is not a line number', () => {
    const t = parseSolitaire('#接龙\n学习\n\n1. 张三 学习 1.5小时')!
    assert.equal(t.entries[0]!.minutes, 90)
  })
  test('CRLF line ends', () => {
    assert.equal(parseSolitaire('#接龙\r\n学习\r\n\r\n1. 张三 学习 30分钟\r\n2. 李四 学习 20分钟')!.entries.length, 2)
  })
  test('a name line with nothing else is an entry without figures', () => {
    const t = parseSolitaire('#接龙\n学习\n\n1. 张三')!
    assert.deepEqual(t.entries.map((e) => [e.name, e.content, e.minutes]), [['', '张三', null]])
  })
  test('not a 接龙, or one with no numbered line', () => {
    for (const t of ['', '接龙', '打卡 学习 30分钟', '大家 #接龙 一下', '#接龙', '#接龙\n\n没有编号的行', '#接龙\n学习\n\n7.\n8、']) {
      assert.equal(parseSolitaire(t), null, JSON.stringify(t))
    }
  })
  test('garbled blocks do not throw', () => {
    for (const t of ['#接龙\n\n1.\n2. \n3', '#接龙\n《《《\n\n1. 》》》', '#接龙\n\n999. x\n1000. y', '#接龙\n\n1. \u0000\u200b', '#接龙' + '\n'.repeat(5000) + '1. 张三']) {
      assert.doesNotThrow(() => parseSolitaire(t))
    }
  })
  test('a 接龙 is never a plain check-in', () => assert.equal(parseCheckin(chain), null))
})

describe('entriesFor: the sender’s own lines', () => {
  const s: Solitaire = parseSolitaire(chain)!
  const own = (names: string[]) => entriesFor(s, names).map((e) => e.n)

  test('by roster name', () => assert.deepEqual(own(['张伟']), [2]))
  test('by alias, among several names', () => assert.deepEqual(own(['周立新', '周书记']), [5]))
  test('a name glued to its content', () => assert.deepEqual(own(['黄磊']), [3]))
  test('张三 is not 张三丰, and 张三丰 is found', () => {
    assert.deepEqual(own(['张三']), [])
    assert.deepEqual(own(['张三丰']), [6])
  })
  test('nobody else’s line', () => assert.deepEqual(own(['刘洋']), [4]))
  test('someone not in the list, or no names at all', () => {
    assert.deepEqual(own(['陈明']), [])
    assert.deepEqual(own([]), [])
    assert.deepEqual(own(['', '  ']), [])
  })
  test('the same person twice in one list: both lines', () => {
    const t = parseSolitaire('#接龙\n学习\n\n1. 张三 上午 学习 20分钟\n2. 李四 学习\n3. 张三 晚上 学习 30分钟')!
    assert.deepEqual(entriesFor(t, ['张三']).map((e) => e.minutes), [20, 30])
  })
  test('张三同志, 张三（第一党小组）, 张三🌸 are 张三', () => {
    const t = parseSolitaire('#接龙\n学习\n\n1. 张三同志 学习 20分钟\n2. 张三（第一党小组） 学习 30分钟\n3. 张三🌸 学习 40分钟\n4. 张三丰 学习 50分钟')!
    assert.deepEqual(entriesFor(t, ['张三']).map((e) => e.minutes), [20, 30, 40])
  })
  test('entryContent drops the name however it was written', () => {
    const [glued] = entriesFor(s, ['黄磊'])
    assert.equal(entryContent(glued!, '黄磊'), '学习条例20分钟')
    const [spaced] = entriesFor(s, ['张伟'])
    assert.equal(entryContent(spaced!, '张伟'), '学习公报 一小时')
  })
})
