// Meeting reports of the classes of sets o and p (issue 12, stop 27: May–June and April 2027, the second
// terse and dictated): an office named alone is its one holder (书记主持, 书记讲的); 小组学习, 读书班,
// 学习会, 党员会; a group that studied (一组今天学…); 谈了次心; service named by what was done and where;
// who took the members through the reading (带着学, 领着读); a 主讲人 only for a lesson or a study; a
// festival just ahead that a held meeting took as its theme; head-counts with one missing. And what
// stays none or someone else's: 党委书记, 李晓燕书记, 隔壁机关第一支部.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { parseActivities } from '../../src/messages/activity.js'
import { exampleContext } from '../helpers/branch-roster.js'

const NOW = new Date('2027-04-14T18:00:00+08:00') // a Wednesday
const read = (t: string, from = '孙雅琴', now = NOW) => {
  const m = exampleContext().roster.find((r) => r.name === from)!
  return parseActivities(t, now, { ...exampleContext(m.group ?? null, m.role !== '党员'), reporter: from })
}
const SEP = fc.constantFrom(' ', '，', '  ', '。')
const join = (parts: string[], seps: string[]) => parts.reduce((t, p, i) => (i ? t + seps[(i - 1) % seps.length] + p : p), '')

describe('an office named alone', () => {
  test('书记 alone is the branch\'s 书记, chairing or giving the lesson', () => {
    fc.assert(fc.property(
      fc.constantFrom<[string, string]>(['今天下午民主评议党员', '民主评议党员'], ['下午支委会', '支部委员会'], ['[图片] 前天下午的党员大会照片补发一下', '支部党员大会'], ['昨天的组织生活会开得很实在', '组织生活会']),
      fc.constantFrom('书记主持', '书记主持的', '是书记主持的', '由书记主持'), fc.constantFrom('全到了', '十个人都在', '10人参加'), fc.array(SEP, { minLength: 2, maxLength: 2 }),
      ([lead, kind], who, count, seps) => {
        const text = join([lead, who, count], seps)
        const r = read(text)[0]
        assert.equal(r?.kind, kind, text)
        assert.equal(r?.host, '周立新', text)
      }), { numRuns: 120 })
  })
  test('书记讲的, 书记领学: the lesson\'s or the study\'s speaker', () => {
    for (const text of ['今天下午的党课书记讲的总体国家安全观 全到了', '读书班第二天 书记领学 全到了', '今天读书班下午那个就是书记领着学第二专题然后讨论了一下']) {
      assert.equal(read(text)[0]?.speaker, '周立新', text)
    }
  })
  test('another office, or a title before a name, is not the branch\'s 书记', () => {
    fc.assert(fc.property(fc.constantFrom('机关党委书记', '区委书记', '副书记', '市委党校李晓燕书记', '马书记', '村书记'), fc.constantFrom('主讲', '讲的', '来讲'), (who, verb) => {
      const text = `今天下午党课，${who}${verb}，实到9人`
      const r = read(text)[0]
      assert.notEqual(r?.speaker, '周立新', text)
      assert.notEqual(r?.host, '周立新', text)
    }), { numRuns: 60 })
    assert.equal(read('今天党课，支部书记王建国主讲，实到9人')[0]?.speaker, '王建国')
  })
})

describe('colloquial kinds', () => {
  test('a group that studied held its 党小组会', () => {
    fc.assert(fc.property(fc.constantFrom('一组', '二组', '我们组'), fc.constantFrom('今天下午小组学习', '今天学', '下午学的', '今天学了'), fc.constantFrom('国家安全法', '二十大报告第一部分', '《支部工作条例》'),
      fc.constantFrom('5个人都在', '全组都在', '缺了老王 其他都在', '到了4个'), fc.array(SEP, { minLength: 2, maxLength: 2 }),
      (group, verb, what, count, seps) => {
        const text = join([`${group}${verb}${what}`, count], seps)
        const r = read(text, '陈明')[0]
        assert.equal(r?.kind, '党小组会', text)
        assert.equal(r?.date, '2027-04-14', text)
      }), { numRuns: 120 })
  })
  test('读书班, 学习会 are a 集中学习; 党员会 a 党员大会; 谈了次心 a talk', () => {
    assert.equal(read('读书班第一天 红梅带着学的《专题摘编》第一专题 八个人')[0]?.kind, '集中学习')
    assert.equal(read('今天上午学习会红梅领的学 学的总书记关于安全生产的重要论述')[0]?.kind, '集中学习')
    assert.equal(read('那个今天下午的党员会我参加了 就是书记讲了读书班的事', '王建国')[0]?.kind, '支部党员大会')
    assert.equal(read('昨天去小刘家坐了坐 顺便谈了次心 主要聊了聊他近期思想和工作情况', '周立新')[0]?.kind, '谈心谈话')
  })
  test('who took the members through the reading chaired and led it; a 党员大会 has no 主讲人', () => {
    const r = read('二组下午小组学习 磊子领着读的《国家安全法》 黄磊领着读的 全组都在', '赵静')[0]
    assert.equal(r?.speaker, '黄磊')
    const s = read('读书班第一天 红梅带着学的《专题摘编》第一专题 八个人')[0]
    assert.equal(s?.speaker, '李红梅')
    assert.equal(s?.host, '李红梅')
    assert.equal(read('那个今天下午的党员会我参加了 就是书记讲了读书班的事', '王建国')[0]?.speaker, null)
  })
})

describe('service named by what was done', () => {
  test('a service act, a place, done: a 志愿服务', () => {
    fc.assert(fc.property(
      fc.constantFrom('上午在幸福里社区门口发国家安全宣传单 发了两百多份', '上午给社区书屋送了四十多本书', '清明前一天我跟芳芳去了趟烈士陵园 帮着扫了扫墓区的落叶', '今天上午我们一组去了四个人 到滨河公园补种树 然后又浇了一遍水',
        '下午跟老王去社区把楼道里的小广告铲干净了', '上午在人民广场摆摊，我们支部负责发燃气安全手册，一上午发了三百来本', '下班后跟社区网格员去河边巡了一圈，插了警示牌'),
      fc.constantFrom('', '[图片] ', '[图片][图片] '), fc.constantFrom('', ' 累但挺开心', '，挺开心的😄'),
      (body, photo, tail) => {
        const text = `${photo}${body}${tail}`
        assert.equal(read(text, '吴芳')[0]?.kind, '志愿服务', text)
      }), { numRuns: 100 })
  })
  test('the same acts planned are no report', () => {
    for (const text of ['明天上午去社区发宣传单，大家9点楼下集合', '周六准备去滨河公园补种树，请报名', '下周给社区书屋送书，有旧书的同志请带来']) {
      assert.deepEqual(read(text), [], text)
    }
  })
})

describe('days and heads', () => {
  test('a festival just ahead that a held meeting took as its theme is not its day', () => {
    const text = '【简报】机关第二党支部开展“清明祭英烈”主题党日活动\n4月2日上午，支部组织党员赴市烈士陵园开展“清明祭英烈 奋进新征程”主题党日活动。活动由支部书记周立新同志主持，应到党员10名，实到9名。'
    const r = read(text, '李红梅', new Date('2027-04-02T16:48:00+08:00'))[0]
    assert.equal(r?.date, '2027-04-02')
    assert.equal(r?.attendees, 9)
  })
  test('one missing, said before or after the count', () => {
    assert.equal(read('一组今天学国家安全法 缺了老王 其他都在', '陈明')[0]?.attendees, 4)
    assert.equal(read('补报一下 上周四一组开的小组会 忘发了 交流读书班笔记 缺了小刘 4个人', '陈明')[0]?.attendees, 4)
    assert.equal(read('今天中午临时开了个党员大会 大家基本都到了 就缺了黄磊', '刘洋')[0]?.attendees, 9)
    assert.equal(read('那个今天上午支委碰头会开了 就是书记红梅我三个人')[0]?.attendees, 3)
  })
  test('another branch next door is not ours', () => {
    assert.deepEqual(read('隔壁机关第一支部昨天也上了党课 听说请的党校老师 咱们下回也可以请一个', '张伟'), [])
  })
})

describe('set o: who, how many, and what kind', () => {
  test('a given name and 姐 or 哥 is that member; the sender who led the study or gave the lesson', () => {
    fc.assert(fc.property(fc.constantFrom<[string, string]>(['静姐', '赵静'], ['明哥', '陈明'], ['红梅姐', '李红梅'], ['雅琴姐', '孙雅琴']), fc.constantFrom('讲的', '讲的那堂', '给我们讲的'),
      ([who, name], verb) => {
        const text = `今天上午的党课${who}${verb}“从身边的安全事故看责任担当”，讲得特别细`
        assert.equal(read(text, '刘洋')[0]?.speaker, name, text)
      }), { numRuns: 40 })
    assert.equal(read('第二党小组今天下午集中学习了第四卷有关章节，我领的学，大家每人谈了一点体会', '赵静')[0]?.speaker, '赵静')
    assert.equal(read('今天下午的集中学习，除了小吴都到了。我领着大家学了条例第六章', '李红梅')[0]?.speaker, '李红梅')
    assert.equal(read('今天下午给大家讲的这次党课，主题是“弘扬劳模精神”，课件我放群文件了', '周立新')[0]?.speaker, '周立新')
  })
  test('我们仨, 一共九个人在线', () => {
    assert.equal(read('今天下午支委会，书记主持，我们仨研究了七一表彰名单')[0]?.attendees, 3)
    assert.equal(read('今晚支部线上学习会，雅琴领学的党纪学习教育材料，腾讯会议上一共九个人在线', '张伟')[0]?.attendees, 9)
  })
  test('a meeting named as where a talk will be passed on, or a group named for study, is not the kind', () => {
    assert.equal(read('这一周和各位支委都谈了一轮心，今天下午最后跟红梅谈完。我整理一下在下次支委会上通报', '周立新')[0]?.kind, '谈心谈话')
    assert.equal(read('今天下午书记找我谈了会儿，问了问我最近工作和家里的情况，还让我多往青年理论学习小组那块使使劲', '刘洋')[0]?.kind, '谈心谈话')
  })
  test('an oath under the flag at a memorial hall, someone speaking at that day\'s lesson', () => {
    assert.equal(read('[图片]\n今天下午去了革命纪念馆，在党旗下又宣了一次誓，第二次宣誓还是很激动', '刘洋')[0]?.kind, '主题党日')
    assert.equal(read('今天党课上明哥讲他当年驻村扶贫的经历，讲到老人拉着他手不让走的时候，自己都哽咽了', '吴芳')[0]?.kind, '党课')
  })
})
