// Meeting reports of the thirteenth and fourteenth sets' classes (issue 12, sets k and l: August–
// September, December–January): 领学 names the study's speaker; a field value with a title (主讲人：支部
// 书记 周立新); visitors by how they are called (钱德福老爷子, 郑德厚同志的党课, 来给咱们上的那堂党课);
// counts of the members who went (支部8名党员到…, 全体在职党员9人走进…, 5个人到了4个, 参加的有…和我);
// talks said briefly (刚跟刘洋谈完, 跟黄磊谈了一次); 全体党员会; a member's moment at that day's meeting
// (今天组织生活会上被点名了, 今天党员大会举手表决的时候…); memorial days as dates (毛主席诞辰纪念日,
// 元旦前一天, 烈士纪念日); a question in a sentence of its own. And what stays none: 下午就组织生活会了,
// another body's meeting, one's own absence (请了病假).
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { parseActivities } from '../../src/messages/activity.js'
import { exampleContext } from '../helpers/branch-roster.js'

const NOW = new Date('2026-12-28T20:00:00+08:00') // a Monday
const read = (t: string, from = '周立新', now = NOW) => {
  const m = exampleContext().roster.find((r) => r.name === from)!
  return parseActivities(t, now, { ...exampleContext(m.group ?? null, m.role !== '党员'), reporter: from })
}
const ROSTER = new Set(exampleContext().roster.map((m) => m.name))

describe('who led it, who gave it', () => {
  test('"{who}领学" is the study\'s speaker, a roster name', () => {
    fc.assert(fc.property(fc.constantFrom<[string, string]>(['周书记', '周立新'], ['李委员', '李红梅'], ['红梅委员', '李红梅'], ['支部书记周立新同志', '周立新'], ['孙委员', '孙雅琴']),
      fc.constantFrom('今天下午集中学习，学的中央经济工作会议精神，', '今天上午的集中学习我来报一下：学的是上级文件精神，', '【集中学习简报】12月3日下午，支部开展专题集中学习。'), fc.constantFrom('领学的', '领学', '领学了宪法序言'),
      ([who, name], lead, verb) => {
        const text = `${lead}${who}${verb}，实到8人`
        const r = read(text, '赵静')[0]
        assert.equal(r?.kind, '集中学习', text)
        assert.equal(r?.speaker, name, text)
        assert.ok(r?.host === null || ROSTER.has(r.host), text)
      }), { numRuns: 150 })
  })
  test('the sender who led it, or gave the lesson', () => {
    assert.equal(read('中午的集中学习结束了，今天我领学的《支部工作条例（试行）》第四章，周书记和静姐又补充了不少', '刘洋')[0]?.speaker, '刘洋')
    assert.equal(read('今天下午给大家讲了一次党课，题目《从防汛一线看共产党员的担当》，讲得有点超时了，课件我发给雅琴存档')[0]?.speaker, '周立新')
  })
  test('a labelled value with its title', () => {
    for (const [v, name] of [['支部书记 周立新', '周立新'], ['市委党校 何建平 教授', '何建平'], ['宣传委员 李红梅', '李红梅']]) {
      const text = `专题党课情况记录\n时间：12月10日下午2:30\n主讲人：${v}\n主持人：孙雅琴\n应到10人，实到9人`
      assert.equal(read(text, '孙雅琴')[0]?.speaker, name, text)
    }
  })
  test('visitors by how they are called', () => {
    fc.assert(fc.property(fc.constantFrom('钱德福', '郑德厚', '何建平'), fc.constantFrom<(n: string) => string>(
      (n) => `今天请来了91岁的退休老党员${n}老爷子给我们讲党课，讲他当年在部队的经历`,
      (n) => `今天听了老党员${n}同志的党课，八十多岁的人了站着讲了一个钟头`,
      (n) => `前天下午市委党校${n}教授来给咱们上的那堂党课真是解渴`), (n, f) => {
      const text = f(n)
      const r = read(text, '王建国')[0]
      assert.equal(r?.kind, '党课', text)
      assert.equal(r?.speaker, n, text)
    }), { numRuns: 60 })
  })
  test('a lesson someone gave keeps its length: 是黄磊讲的，15分钟', () => {
    const r = read('今天的微党课是黄磊讲的，15分钟，题目叫《小事里见党性》', '吴芳')[0]
    assert.equal(r?.kind, '党课')
    assert.equal(r?.speaker, '黄磊')
  })
})

describe('who came', () => {
  test('the members who went, counted', () => {
    fc.assert(fc.property(fc.integer({ min: 3, max: 10 }), fc.constantFrom<(n: number) => string>(
      (n) => `今天上午支部${n}名党员到区光荣院看望了几位老兵，开展主题党日活动`,
      (n) => `12月19日，支部开展主题党日活动，全体在职党员${n}人走进市档案馆参观`,
      (n) => `今天上午，支部全体${n}名党员来到市烈士陵园开展主题党日活动`,
      (n) => `志愿服务今天上午做完了：支部${n}名党员跟社区网格员一起给老人送了月饼`,
      (n) => `今天上午的志愿服务，周书记带领王建国、刘洋等${n}名党员赶赴阳光社区，帮着清理楼道小广告`), (n, f) => {
      const text = f(n)
      assert.equal(read(text, '李红梅')[0]?.attendees, n, text)
    }), { numRuns: 120 })
  })
  test('"{n}个人到了{m}个" is m; a spoken list counts its names', () => {
    assert.equal(read('一组今天下午开了党小组会，5个人到了4个，小刘在外面跑项目请假了', '陈明')[0]?.attendees, 4)
    assert.equal(read('教师节这天的主题党日很有意义💐 下午我们到阳光社区给孩子们讲红色故事。参加的有周书记、雅琴、老王、小刘、静姐、张伟、吴芳和我。', '李红梅', new Date('2026-09-10T20:00:00+08:00'))[0]?.attendees, 8)
    assert.equal(read('今天上午支部志愿服务在幸福里社区开展。参加党员：周立新、孙雅琴、王建国、陈明、李红梅、吴芳。', '孙雅琴')[0]?.attendees, 6)
  })
})

describe('kinds said briefly, and a member\'s moment at the meeting', () => {
  test('talks: 刚跟X谈完, 跟X谈了一次, X找我谈心', () => {
    for (const [t, from] of [['刚跟刘洋谈完，聊了半个多钟头，主要是他岗位调整以后的一些想法', '周立新'], ['节前跟黄磊谈了一次，他父亲住院刚做完手术，支部能帮的尽量帮', '孙雅琴'],
      ['今天下午赵组长找我谈心，聊了我今年的工作还有明年的打算，说得挺在理', '黄磊'], ['下午按计划跟小刘做了次谈心谈话，他家老人最近住院。书记，我觉得可以考虑把他列进送温暖名单，您看呢？', '陈明']] as const) {
      const r = read(t, from)[0]
      assert.equal(r?.kind, '谈心谈话', t)
      assert.equal(r?.date, '2026-12-28', t)
    }
  })
  test('全体党员会, 提前过了主题党日, 当了志愿者, 小组会上午开完了', () => {
    for (const [t, kind] of [['全体党员会散了，主要就是布置年终总结和述职的事', '支部党员大会'], ['明天是毛主席诞辰133周年，今天下午咱们提前过了主题党日，去市革命纪念馆参观了生平事迹展', '主题党日'],
      ['上午和张伟、黄磊在社区图书角当了一上午志愿者，整理图书、陪小朋友读绘本', '志愿服务'], ['一组年前最后一次小组会上午开完了，陈组长把大家的学习笔记都翻了一遍', '党小组会'],
      ['12.12那天上午跟咱支布几个同志去幸福里社区帮着清理楼道小广告，干了两个多钟头', '志愿服务'], ['新年第一课！今天下午周书记讲的，主题是《开局之年 担当作为》', '党课'], ['【图】民主评议党员现场，大家正在认真填写民主测评表', '民主评议党员']] as const) {
      assert.equal(read(t, '王建国')[0]?.kind, kind, t)
    }
  })
  test('a moment at that day\'s meeting', () => {
    fc.assert(fc.property(fc.constantFrom<[string, string]>(['组织生活会', '组织生活会'], ['党员大会', '支部党员大会'], ['支委会', '支部委员会']), fc.constantFrom<[string, string]>(['今天', '2026-12-28'], ['昨天', '2026-12-27']),
      fc.constantFrom('上被静姐点名了 哈哈 说我学习光刷分不走心', '上老王给我提的那条意见我想了一晚上', '举手表决的时候，突然想起我当年也是这么被通过的'), ([w, kind], [day, date], rest) => {
        const text = `${day}${w}${rest}`
        const r = read(text, '张伟')[0]
        assert.equal(r?.kind, kind, text)
        assert.equal(r?.date, date, text)
      }), { numRuns: 120 })
  })
  test('memorial days date what was done', () => {
    assert.equal(read('毛主席诞辰纪念日，上午和张伟、黄磊在社区图书角当了一上午志愿者', '吴芳')[0]?.date, '2026-12-26')
    assert.equal(read('补发一下元旦前一天主题党日的照片和小结：当天上午在党员活动室集体重温入党誓词', '李红梅', new Date('2027-01-04T09:30:00+08:00'))[0]?.date, '2026-12-31')
    assert.equal(read('烈士纪念日那天上午，支部全体党员到烈士陵园敬献花篮，重温入党誓词', '李红梅', new Date('2026-10-02T09:00:00+08:00'))[0]?.date, '2026-09-30')
  })
})

describe('a 简讯, a list under its opening line, a reply to the notice', () => {
  test('a 简讯 of a 防汛 shift, an account of one', () => {
    const r = read('【简讯】党员冲在防汛一线\n8月7日下午，机关第二党支部迅速响应，支部书记周立新带领5名党员赶赴联系点阳光社区，协助社区疏通低洼路段排水口12处，装运沙袋200余袋。', '李红梅', new Date('2026-08-07T18:05:00+08:00'))[0]
    assert.equal(r?.kind, '志愿服务')
    assert.equal(r?.date, '2026-08-07')
    assert.equal(read('昨晚跟老王他们在阳光社区那边装沙袋 一直干到快11点，腰都直不起来了😂', '刘洋', new Date('2026-08-08T09:00:00+08:00'))[0]?.kind, '志愿服务')
  })
  test('the kind the opening line implies, not one its list names', () => {
    fc.assert(fc.property(fc.constantFrom('我们三个委员碰头定的整改清单如下，请各位认领：', '三个支委碰了下头，定的分工如下：'), fc.constantFrom('谈心谈话不经常', '集中学习流于形式', '志愿服务太少'), (opening, item) => {
      const text = `昨天下午${opening}\n1.${item}→建立轮值制（孙雅琴，9月底）\n2.联系群众不够→每月一次社区服务（李红梅，长期）`
      assert.equal(read(text, '李红梅')[0]?.kind, '支部委员会', text)
    }), { numRuns: 20 })
  })
  test('a reply that says held, of the meeting its quote names', () => {
    const r = read('「周立新：下午4点支委会，议题：讨论确定林子涵同志为发展对象」\n- - - - - - - -\n已开完，3名支委全到，一致同意确定林子涵同志为发展对象', '孙雅琴')[0]
    assert.equal(r?.kind, '支部委员会')
    assert.equal(r?.attendees, 3)
    assert.deepEqual(read('「周立新：下午4点支委会，请准时参加」\n- - - - - - - -\n收到，准时到', '孙雅琴'), [])
  })
  test('a goal named is not the meeting: 下一步重点是加强理论学习', () => {
    assert.equal(read('今天上午和入党积极分子马晓婷同志谈了一次话，孙委员一起参加。下一步重点是加强理论学习。')[0]?.kind, '谈心谈话')
  })
})

describe('what stays none', () => {
  test('a meeting to come this afternoon; one\'s own absence; another body\'s', () => {
    const noon = new Date('2027-01-12T12:00:00+08:00')
    fc.assert(fc.property(fc.constantFrom('下午就', '晚上就', '明天就'), fc.constantFrom('组织生活会了', '支委会了', '党课了', '主题党日了'), fc.constantFrom('，感觉要被批评哭', '，紧张', '😰', ''), (when, w, rest) => {
      const text = `紧张😰${when}${w}${rest}`
      assert.deepEqual(read(text, '刘洋', noon), [], text)
    }), { numRuns: 100 })
    assert.deepEqual(read('今天48分，领学备课顺带把第四章又看了一遍', '赵静'), [])
    for (const t of ['昨天组织生活会请了病假，不好意思。谁能给我讲讲会议精神？大家给我提的意见我也想听听', '社区钱书记说他们社区党委今天上午开了党员大会，想跟咱们支部下个月搞个联建活动，书记您看看？',
      '在第十三个国家公祭日到来之际，请各党小组组织党员观看纪录片', '上次组织生活会提的问题整改得怎么样了？']) assert.deepEqual(read(t, '吴芳'), [], t)
  })
})

// sets m and n (October, February–March)
describe('sets m and n', () => {
  test('a 简讯 that names the office that came to guide; 公众号 as the sender\'s own work', () => {
    const r = read('【简讯】2月19日下午，机关第二党支部召开2026年度民主评议党员大会。会议由支部书记周立新主持，机关党委组织科派员指导。全体党员逐一进行个人自评。', '李红梅', new Date('2027-02-19T18:00:00+08:00'))[0]
    assert.equal(r?.date, '2027-02-19')
    assert.equal(r?.host, '周立新')
    assert.equal(read('支委会刚开完，一季度小结过了一遍，明天党员大会上通报。另外我这边公众号3月还差一篇稿子，谁有植树的感想发我一下🙏', '李红梅', new Date('2027-03-24T18:00:00+08:00'))[0]?.kind, '支部委员会')
  })
  test('a record whose 结论 schedules the next meeting is still this one', () => {
    const r = read('支委会记录（3月22日）\n主持：周立新　参加：周立新、孙雅琴、李红梅\n议题：审查刘洋同志预备党员转正材料\n结论：材料齐全，同意提交支部党员大会讨论，拟定3月25日召开。', '孙雅琴', new Date('2027-03-22T18:00:00+08:00'))[0]
    assert.equal(r?.kind, '支部委员会')
    assert.equal(r?.date, '2027-03-22')
  })
  test('one\'s turn at the meeting, one\'s criticism there', () => {
    fc.assert(fc.property(fc.constantFrom<[string, string, string]>(['集中学习', '集中学习', '轮到我领学，提前准备了两天，结果讲到一半投影仪罢工了🙃'], ['小组会', '党小组会', '上被同志们当面批评了，说我积分老是倒数😂 虚心接受'],
      ['组织生活会', '组织生活会', '上被同志们当面批评了，说我积分老是倒数😂 虚心接受'], ['小组会', '党小组会', '轮到我发言，紧张得把稿子念串行了🤣']), fc.constantFrom('上午', '今天', '昨天下午'), ([w, kind, rest], day) => {
        const text = `${day}${w}${rest}`
        assert.equal(read(text, '刘洋')[0]?.kind, kind, text)
      }), { numRuns: 60 })
  })
  test('none: a finding about the records, an earlier meeting referred to, a dread', () => {
    for (const t of ['巡察组反馈：我们支部有3次党小组会记录没写应到实到人数，党课记录缺授课提纲，请相关同志本周内补齐。', '上次组织生活会提的那12条问题，整改台账我做了个表，各位认领一下自己那条，3月底前把整改进展填上。',
      '开会我不怕，就怕开完会写心得体会😂 一写就是两千字，比开会累多了', '上回支委会定的事，大家抓紧落实']) assert.deepEqual(read(t, '孙雅琴'), [], t)
  })
})

describe('sets m and n: what they did, and who was there', () => {
  test('talks, 评议 by its forms, a visitor come to speak, a day\'s work done', () => {
    for (const [t, kind] of [['今天周书记找我谈了次心，说我快退休了也别松劲', '谈心谈话'], ['刚跟吴芳谈完，她最近家里老人住院，谈心谈话记录我晚上补到本子上。', '谈心谈话'],
      ['评议票刚唱完，当场封存了。正式结果雅琴明天发，辛苦大家👏', '民主评议党员'], ['今天下午请老党员钱德顺同志来讲“我的入党故事”，八十八岁的人了站着讲了四十分钟', '党课'],
      ['📸3月主题党日·植树节｜9名党员在滨河郊野公园种下侧柏20棵', '主题党日'], ['今天上午在社区给老人量血压、修小家电，学雷锋日圆满收工', '志愿服务'],
      ['今天早上跟着静姐去路口当了两个小时文明交通劝导员，风挺大，不过挺有意义😊', '志愿服务']] as const) {
      assert.equal(read(t, '王建国')[0]?.kind, kind, t)
    }
  })
  test('head-counts by the forms, the signatures, the committee, those away', () => {
    for (const [t, n, from] of [['开完了，签到表10个人签了9个，静姐的请假条我附后面了\n「周立新：下午2:30支部党员大会，四楼活动室，带笔记本」', 9, '孙雅琴'], ['组织生活会后接着搞了民主评议，测评表10份全部收回，优秀7、合格3', 10, '孙雅琴'],
      ['支委三个人中午碰了一下，同意杨帆同志列为发展对象', 3, '孙雅琴'], ['10月24日上午，支部开展消防安全志愿服务活动。8名党员志愿者分成两组深入居民楼栋排查隐患', 8, '李红梅'],
      ['今天下午给大家讲的四季度党课，课件我传群文件了，没来的两位同志抽空看一下', 8, '周立新'], ['10.19周一下午集中学习签到：周立新 孙雅琴 陈明 王建国 刘洋 李红梅 赵静 黄磊 吴芳，张伟请假。领学：周书记。', 9, '陈明'],
      ['今天上午和小刘谈心谈话，聊了聊培养联系人工作，四十来分钟', 2, '孙雅琴']] as const) {
      assert.equal(read(t, from, new Date('2026-10-29T20:00:00+08:00'))[0]?.attendees, n, t)
    }
    assert.equal(read('今天下午跟黄磊、吴芳分别谈了谈，一人半小时左右', '周立新')[0]?.attendees ?? null, null)
  })
})
