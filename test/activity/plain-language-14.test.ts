// Meeting reports of the classes of sets s and t (issue 12, stop 28: January–February 2028 in northern
// speech, November 2027 typed by office workers): 俺/咱/今儿/昨儿个/唠; a day taken back and restated
// (周四 不对 是周五); lunar days (腊月二十, 初二); service by its acts (摆摊宣传, 值了半天班, 献血); a kind
// only decided on or said of someone; 补一下…的情况; 共N人, 全体党员在…, 一个不差. And what stays none:
// photos asked of everyone, a month of many meetings, a plan with 提前把….
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { parseActivities } from '../../src/messages/activity.js'
import { datePhrases } from '../../src/messages/dates.js'
import { exampleContext } from '../helpers/branch-roster.js'

const NOW = new Date('2028-01-21T20:00:00+08:00') // a Friday
const read = (t: string, from = '孙雅琴', now = NOW) => {
  const m = exampleContext().roster.find((r) => r.name === from)!
  return parseActivities(t, now, { ...exampleContext(m.group ?? null, m.role !== '党员'), reporter: from })
}
const day = (t: string, now = NOW) => datePhrases(t, now)[0]?.date ?? null

describe('northern speech', () => {
  test('俺们一组开了个小组会, 书记找俺谈了, 李姐找我唠了唠: read as the common forms', () => {
    fc.assert(fc.property(fc.constantFrom('俺们组', '俺们一组', '咱们组'), fc.constantFrom('今儿', '今儿个', '昨儿个', '昨儿'), fc.constantFrom('开了个小组会', '碰了个头'), fc.constantFrom('学了条例', '唠了唠年终总结'),
      (who, when, met, what) => {
        const text = `${when}${who}${met}，${what}`
        const r = read(text, '陈明')[0]
        assert.equal(r?.kind, '党小组会', text)
        assert.equal(r?.date, /昨/.test(when) ? '2028-01-20' : '2028-01-21', text)
      }), { numRuns: 60 })
    for (const [text, host] of [['书记今天下午找俺谈了，半个多小时，给俺提了三条：一是小组会别光念文件，二是多带带年轻同志', '周立新'], ['今儿下午李姐找我唠了唠，谈心谈话嘛，说我表现不错', '李红梅'], ['昨天学习完赵组长把俺留下谈了谈心，唠到快六点', '赵静']] as const) {
      const r = read(text, '黄磊')[0]
      assert.equal(r?.kind, '谈心谈话', text)
      assert.equal(r?.host, host, text)
    }
  })
})

describe('days', () => {
  test('a day taken back and restated is the one restated', () => {
    fc.assert(fc.property(fc.constantFrom<[string, string, string]>(['周四', '周五', '2028-01-21'], ['周二', '周三', '2028-01-19'], ['18号', '19号', '2028-01-19'], ['周一', '周二', '2028-01-18']),
      fc.constantFrom('不对', '哦不', '哦不对', '说错了'), fc.constantFrom(' ', '，', ''), fc.constantFrom('是', ''),
      ([wrong, right, d], back, sep, is) => {
        const text = `二组${wrong}${sep}${back}${sep}${is}${right}下午开的小组会，除了张工其他人都到了`
        assert.equal(read(text, '赵静')[0]?.date, d, text)
      }), { numRuns: 120 })
  })
  test('lunar days: 腊月二十, 正月初二, 初二 alone in the new year\'s weeks — but not 初二学生', () => {
    assert.equal(day('腊月二十那天去火车站干春运志愿者'), '2028-01-16')
    assert.equal(day('补报：腊月十九 哦不 腊月二十那天，我跟张工去火车站'), '2028-01-16')
    assert.equal(day('正月初二跟着社区值班', new Date('2028-02-01T10:00:00+08:00')), '2028-01-27')
    assert.equal(day('初二跟着社区在小区值了半天班', new Date('2028-02-01T10:00:00+08:00')), '2028-01-27')
    assert.equal(day('我家孩子初二学生', new Date('2028-02-01T10:00:00+08:00')), null)
    assert.equal(day('初二跟着社区在小区值了半天班', new Date('2028-06-01T10:00:00+08:00')), null)
  })
  test('节后第一天: the first workday after a long holiday, by the official calendar or, for years it has no data for, an approximation', () => {
    for (const [at, d] of [['2026-10-12', '2026-10-08'], ['2027-10-12', '2027-10-08'], ['2027-05-10', '2027-05-06'], ['2028-02-07', '2028-02-02']] as const) {
      assert.equal(day('补一下节后第一天的支委会', new Date(`${at}T09:00:00+08:00`)), d, at)
    }
    // a weekend is no holiday: a plain Monday is not 节后
    assert.equal(day('节后第一天', new Date('2027-11-15T09:00:00+08:00')), null)
  })
  test('补一下周三…: 一下 and 周三, not 下周三', () => {
    assert.equal(day('补一下周三民主评议我们组的情况'), '2028-01-19')
    assert.equal(day('下周三开支委会'), '2028-01-26')
  })
})

describe('service by its acts', () => {
  test('an act of service at a place, said as done or as a caption, is a 志愿服务', () => {
    fc.assert(fc.property(
      fc.constantFrom('支部６个志愿者在小区门口摆摊宣传', '上午在社区消防宣传点值了3小时班', '周六俺跟洋洋、张工去血站献了个血', '中午在单位大厅摆了宪法知识有奖问答台，送出去三十多个笔记本', '初二跟着社区在小区值了半天班，劝放烟花爆竹的'),
      fc.constantFrom('', ' [图片]', '😂', '，辛苦大家'), (act, tail) => {
        const text = `${act}${tail}`
        assert.equal(read(text, '刘洋', new Date('2028-02-01T20:00:00+08:00'))[0]?.kind, '志愿服务', text)
      }), { numRuns: 60 })
  })
  test('… but a sign-up for one is none', () => {
    for (const text of ['志愿服务报名：周六去敬老院，想去的接龙\n1. 张伟\n2. 黄磊', '下周六献血志愿者招募，谁有空报个名']) assert.equal(read(text, '刘洋').length, 0, text)
  })
})

describe('kinds and counts', () => {
  test('a kind only decided on, or said of someone, is not the meeting', () => {
    assert.equal(read('中午几个支委碰了一下，定了明天主题党日去市红色教育基地，雅琴负责联系车', '周立新')[0]?.kind, '支部委员会')
    assert.equal(read('今天下午的会上同志们给我提了两条批评意见，说我学习不够主动、志愿活动参加少，虚心接受', '黄磊')[0]?.kind, '组织生活会')
    assert.equal(read('下午评议投票那会儿紧张坏了，好在全员到场，一个不少，总算整完了', '吴芳')[0]?.kind, '民主评议党员')
  })
  test('补一下…的情况 reports what it names', () => {
    const r = read('补一下周三民主评议我们组的情况：互评环节大家都挺坦诚，测评表已经交给组织委员了', '赵静')[0]
    assert.equal(r?.kind, '民主评议党员')
    assert.equal(r?.date, '2028-01-19')
  })
  test('共N人, 全体党员在…, 一个不差', () => {
    assert.equal(read('消防检查志愿服务结束✅ 今天跑了光明小区3-8栋，参加的有我、老王、张工、小黄，共4人', '吴芳')[0]?.attendees, 4)
    assert.equal(read('今天上午9点，支部全体党员在4F会议室面向党旗进行宪法宣誓，书记领誓', '李红梅')[0]?.attendees, 10)
    assert.equal(read('今天咱支部主题党日去了烈士陵园，献花、重温入党誓词，书记领誓，十个人一个不差', '李红梅')[0]?.attendees, 10)
    assert.equal(read('下午和老王代表支部去看望了退休老党员陈大爷，送了米面油', '刘洋')[0]?.attendees, 2)
  })
})

describe('what stays none', () => {
  test('photos asked of everyone, a month of many meetings, a plan with 提前把…', () => {
    for (const text of ['今天主题党日的照片大家发到群相册里吧，红梅要写稿子📷', '这个月的会比较多，大家辛苦了。年底了，会议记录、学习笔记都要整理好，上面要检查。',
      '各位元旦快乐！节后上班第一周事儿多：周三下午开支委会，雅琴、红梅提前把组织生活会方案初稿整出来']) {
      assert.equal(read(text, '周立新').length, 0, text)
    }
  })
})

describe('Cantonese as typed in a Mandarin group', () => {
  test('去咗, 喺, 佢, 倾咗, 揾我, 齐晒: read as 去了, 在, 他, 聊了, 找我, 都到齐', () => {
    const at = new Date('2028-03-20T20:00:00+08:00')
    assert.equal(read('今日下午支委会研究咗吴芳同志转正嘅事，三个支委都喺度', '周立新', at)[0]?.kind, '支部委员会')
    const talk = read('今日上午书记揾我倾咗半个钟，主要问下我最近工作压力同屋企情况', '黄磊', at)[0]
    assert.equal(talk?.kind, '谈心谈话')
    assert.equal(talk?.host, '周立新')
    const day = read('今日上午去咗烈士陵园献花、默哀、重温入党誓词，支部10个人齐晒', '李红梅', at)[0]
    assert.equal(day?.kind, '主题党日')
    assert.equal(day?.attendees, 10)
    // 企业, 同志, 关系 keep their Mandarin sense
    assert.equal(read('今日下午同志们去企业参观学习，明天再开支委会', '周立新', at)[0]?.kind ?? null, null)
  })
})
