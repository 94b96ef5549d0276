// Meeting reports of the classes of sets q and r (issue 12, stop 28: September–October and July–August
// 2027, the first typed fast by younger members, the second by officers in 公文 style): who sought a talk
// leads it (书记找我聊了…, 和小黄谈了一次心); a turn of flood duty or a volunteer's post; head-counts said
// in passing (四个人在, 到4人, 和小刘两个人); minutes headed by their meeting; the days a meeting decided
// on; pet names (芳芳, 磊子, 张工, 李姐); 今晚 sent after midnight. And what stays none: a leave asked
// for, a complaint put as a question, a meeting proposed, a task set for the week.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { parseActivities } from '../../src/messages/activity.js'
import { resolvePerson, mentions } from '../../src/messages/people.js'
import { exampleContext } from '../helpers/branch-roster.js'

const NOW = new Date('2027-08-18T21:00:00+08:00') // a Wednesday
const read = (t: string, from = '孙雅琴', now = NOW) => {
  const m = exampleContext().roster.find((r) => r.name === from)!
  return parseActivities(t, now, { ...exampleContext(m.group ?? null, m.role !== '党员'), reporter: from })
}
const SEP = fc.constantFrom('，', ' ', '  ', '。')
const join = (parts: string[], seps: string[]) => parts.reduce((t, p, i) => (i ? t + seps[(i - 1) % seps.length] + p : p), '')

describe('a talk is led by who sought it', () => {
  test('someone sought the sender out: that one leads it, two people', () => {
    fc.assert(fc.property(
      fc.constantFrom<[string, string]>(['书记', '周立新'], ['周书记', '周立新'], ['静姐', '赵静'], ['赵组长', '赵静'], ['雅琴', '孙雅琴'], ['明哥', '陈明']),
      fc.constantFrom('下午', '今天', '刚才', '上午', ''), fc.constantFrom('专门', '', '特意'), fc.constantFrom('找我', '跟我', '和我'),
      fc.constantFrom('聊了四十多分钟', '谈了一次心', '谈话了', '聊了半小时', '谈了谈心'),
      fc.constantFrom('问了我最近的打算', '说组织生活会上要认真查摆问题', '感觉被关心到了', '提了不少中肯的意见'), SEP,
      ([who, name], when, how, to, did, what, sep) => {
        const text = `${when}${who}${how}${to}${did}${sep}${what}`
        const r = read(text, '吴芳')[0]
        assert.equal(r?.kind, '谈心谈话', text)
        assert.equal(r?.host, name, text)
        assert.equal(r?.attendees, 2, text)
      }), { numRuns: 200 })
  })
  test('the sender sought someone out: the sender leads it', () => {
    fc.assert(fc.property(fc.constantFrom('今天下午', '中午', '上午', '今天上午'), fc.constantFrom('和', '跟', '找'),
      fc.constantFrom('小黄', '老王', '芳芳', '磊子', '张工'), fc.constantFrom('谈了一次心', '谈了谈心', '谈了话', '聊了一个多小时'),
      fc.constantFrom('聊了他最近的工作情况', '他对支部工作提了三条建议', '主要听听他的想法'), SEP,
      (when, w, who, did, what, sep) => {
        const text = `${when}${w}${who}${did}${sep}${what}`
        const r = read(text, '陈明')[0]
        assert.equal(r?.kind, '谈心谈话', text)
        assert.equal(r?.host, '陈明', text)
      }), { numRuns: 150 })
  })
  test('a talk record by its labels: 谈话人 leads, 谈话对象 makes two', () => {
    const r = read('谈心谈话记录\n时间：8月4日下午 地点：组织委员办公室\n谈话人：孙雅琴 谈话对象：刘洋\n主要内容：了解刘洋同志近期思想和工作状态。')[0]
    assert.equal(r?.host, '孙雅琴')
    assert.equal(r?.attendees, 2)
    assert.equal(r?.date, '2027-08-04')
  })
})

describe('a turn of duty, a volunteer\'s post', () => {
  test('flood duty done is a 志愿服务', () => {
    fc.assert(fc.property(
      fc.constantFrom('昨晚防汛值班交班了', '刚下堤', '今天轮到我和小刘去河堤防汛点值班', '防汛值守点守到十二点'),
      fc.constantFrom('巡了三趟堤', '一切正常', '帮社区把两户老人转移到了安置点', '水位还算平稳'), fc.constantFrom('收工', '收工睡觉', '都安顿好了'), fc.array(SEP, { minLength: 2, maxLength: 2 }),
      (a, b, c, seps) => {
        const text = join([a, b, c], seps)
        assert.equal(read(text, '黄磊')[0]?.kind, '志愿服务', text)
      }), { numRuns: 120 })
  })
  test('a volunteer\'s post, or cool drinks taken out, is a 志愿服务 — a group that went out too', () => {
    for (const text of ['今天下午跟张工 小刘去十字路口做文明交通志愿者 站了两个小时', '上周五早上去实验小学门口站护学岗 7点站到8点', '高温送清凉，今天下午在十字路口给环卫工人送了绿豆汤',
      '今早我们第一党小组四个人到滨河社区防汛值守点送了西瓜和藿香正气水。书记在市里开会没来。']) {
      assert.equal(read(text, '刘洋')[0]?.kind, '志愿服务', text)
    }
  })
  test('a duty still to come, or a call for volunteers, is none', () => {
    for (const text of ['明天防汛值班轮到谁？', '防汛值班排班表发群里了，大家看一下', '下周六护学岗志愿者报名，谁有空？']) assert.equal(read(text, '刘洋').length, 0, text)
  })
})

describe('head-counts said in passing', () => {
  test('四个人在, 到4人, 一共5位同志, 5名党员逐一…', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 5 }), fc.constantFrom('个人在', '人到了', '位同志'), SEP, (n, unit, sep) => {
      const count = unit === '位同志' ? `一共${n}位同志` : unit === '人到了' ? `到${n}人` : `${'零一二三四五'[n]}个人在`
      const text = `第一党小组会开完了${sep}${count}${sep}学了两篇文章`
      const r = read(text, '陈明')[0]
      assert.equal(r?.kind, '党小组会', text)
      assert.equal(r?.attendees, n, text)
    }), { numRuns: 100 })
    assert.equal(read('补报：昨晚第二党小组开了小组组织生活会，赵静主持，5名党员逐一对照检查，互相提了批评意见')[0]?.attendees, 5)
  })
  test('the sender and one other on duty are two', () => {
    for (const text of ['今天轮到我和小刘去河堤防汛点值班，下午两点到六点，巡了三趟堤，收工。', '昨晚防汛值班交班了，我跟明哥从八点守到十二点。', '刚下堤，今晚和小刘两个人，十点到十二点，一切正常']) {
      assert.equal(read(text, '黄磊')[0]?.attendees, 2, text)
    }
  })
})

describe('days', () => {
  test('minutes headed by their meeting are one record, of the day the heading names', () => {
    const r = read('上周五支委会纪要：\n一、读书班分三天，每天下午2:30开始；\n二、世界读书日主题党日由宣传委员牵头组织；\n三、组织生活会对照检查材料8月25日前交支部。', '李红梅')
    assert.equal(r.length, 1)
    assert.equal(r[0]?.kind, '支部委员会')
    assert.equal(r[0]?.date, '2027-08-13')
  })
  test('the days a held meeting decided on are not its own', () => {
    fc.assert(fc.property(fc.constantFrom('支委会刚开完', '今天下午开了支委会', '支委会下午开的'), fc.constantFrom('三个人', '三个委员都在', '书记主持'),
      fc.constantFrom('定了读书班25号到27号', '把走访方案定下来了：29号下午走访武警中队，30号上午看望退役军人家庭', '定了下周三开党员大会'), SEP,
      (held, who, decided, sep) => {
        const text = `${held}${sep}${who}${sep}${decided}`
        const r = read(text, '李红梅')[0]
        assert.equal(r?.kind, '支部委员会', text)
        assert.equal(r?.date, '2027-08-18', text)
      }), { numRuns: 100 })
  })
  test('今晚 sent after midnight is the evening just gone', () => {
    const r = read('刚下堤，今晚和小刘两个人，十点到十二点，一切正常，收工睡觉', '黄磊', new Date('2027-08-09T00:20:00+08:00'))[0]
    assert.equal(r?.date, '2027-08-08')
    assert.equal(read('今晚七点开的党小组会，5个人都到了', '陈明', new Date('2027-08-09T21:20:00+08:00'))[0]?.date, '2027-08-09')
  })
})

describe('kinds', () => {
  test('互评 is 民主评议; 组会 with its 组长 a 党小组会; a speech at the 大会 studied is no 大会', () => {
    assert.equal(read('我们组的互评昨天下午也弄完了，五个人，每人都说了优点和不足', '赵静')[0]?.kind, '民主评议党员')
    assert.equal(read('刚开完组会赵组长主持的学了全会公报第一部分', '黄磊')[0]?.kind, '党小组会')
    assert.equal(read('第一党小组今晚开了个短会，我主持的，学习书记昨天大会上的讲话精神。5个人都到了', '陈明')[0]?.kind, '党小组会')
  })
  test('a reply that says when and how many held the meeting its quote names', () => {
    const r = read('「孙雅琴：两个组的党小组组织生活会开了的报一下哈」\n- - - - - - - - - - - - - - -\n补报🙏 周三晚上我们组开的 静姐主持 4个人参加 张工在外地培训请假了', '吴芳', new Date('2027-10-28T10:00:00+08:00'))[0]
    assert.equal(r?.kind, '组织生活会')
    assert.equal(r?.date, '2027-10-27')
    assert.equal(r?.attendees, 4)
    assert.equal(r?.host, '赵静')
  })
})

describe('what stays none', () => {
  test('a leave asked for, a complaint put as a question, a meeting proposed, a task set', () => {
    fc.assert(fc.property(fc.constantFrom('集中学习', '党小组会', '党课', '支委会'), fc.constantFrom('今天上午的', '下午的', '明天的', ''),
      fc.constantFrom((k: string, w: string) => `书记，${w}${k}我请个假，防汛指挥部通知我过去值守`, (k: string, w: string) => `周书记，我今天发烧了，${w}${k}请个假。`,
        (k: string) => `为啥${k}老放周四下午啊 周四下午是我们处最忙的时候😭`, (k: string) => `节后第一天我们开个${k}，研究重阳节走访的事。`),
      (kind, when, say) => {
        const text = say(kind, when)
        assert.equal(read(text, '刘洋').length, 0, text)
      }), { numRuns: 120 })
    for (const text of ['组织生活会前，支委要和每位党员开展谈心谈话，这周内完成。我这边先找小吴、老王、明哥。', '国庆值班表已经发了。节后第一天我们开个支委会，研究重阳节走访的事。']) {
      assert.equal(read(text, '周立新', new Date('2027-09-30T18:00:00+08:00')).length, 0, text)
    }
  })
  test('a family (军人家庭) is no other body', () => {
    assert.equal(read('今天下午开了支委会，三个委员都在，定了30号上午看望两户退役军人家庭', '周立新')[0]?.kind, '支部委员会')
  })
})

describe('pet names', () => {
  const roster = exampleContext().roster
  test('a doubled given name, 子, and surname with 姐 / 哥 / 工 name their one member', () => {
    for (const [w, n] of [['芳芳', '吴芳'], ['洋洋', '刘洋'], ['磊子', '黄磊'], ['张工', '张伟'], ['李姐', '李红梅'], ['孙姐', '孙雅琴'], ['王哥', '王建国']] as const) {
      assert.equal(resolvePerson(w, roster), n, w)
    }
  })
  test('… but not inside a word of its own', () => {
    for (const t of ['大家喜气洋洋过中秋', '他主张工作要细', '明明说好的', '静静地听']) assert.deepEqual(mentions(t, roster), [], t)
  })
})
