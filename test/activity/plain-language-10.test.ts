// Meeting reports of the twelfth set's classes (issue 12, set j: March–April, 学雷锋, 清明): the kind's
// own clause says it was held (支委会开完了👌 …雅琴明天整理好发群里); 学雷锋✅, 捡垃圾, 清明祭扫 and
// photo captions (图为…, 图1 …) as what they are; 老王 / 小刘 by the surname; the phone's slips
// (组织生或会, 之委会); 商量…怎么搞 asks nothing; 推迟了…补开了 and 提前到今天下午开了 were held; 请假 is
// no request; a festival day said of 学雷锋纪念日; and what is none: a template 格式（参考）.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { parseActivities } from '../../src/messages/activity.js'
import { exampleContext } from '../helpers/branch-roster.js'

const NOW = new Date('2026-04-16T20:00:00+08:00') // a Thursday
const read = (t: string, from = '周立新', now = NOW) => {
  const m = exampleContext().roster.find((r) => r.name === from)!
  return parseActivities(t, now, { ...exampleContext(m.group ?? null, m.role !== '党员'), reporter: from })
}

describe('held, said in the kind\'s own clause', () => {
  test('"X开完了👌 …明天…" is X, today', () => {
    fc.assert(fc.property(fc.constantFrom<[string, string]>(['支委会', '支部委员会'], ['第二党小组会', '党小组会'], ['党员大会', '支部党员大会']), fc.constantFrom('开完了👌', '开完了', '结束了✅', '刚散'),
      fc.constantFrom(' 方案都定了，雅琴明天整理好发群里', '，纪要明天发', '，下周再碰一次', '，商量了读书月怎么搞'), ([w, kind], done, rest) => {
        const text = `${w}${done}${rest}`
        const r = read(text)[0]
        assert.equal(r?.kind, kind, text)
        assert.equal(r?.date, '2026-04-16', text)
      }), { numRuns: 150 })
  })
  test('put off, then held: 推迟了…补开了, 提前到今天下午开了', () => {
    assert.equal(read('原定周三的小组会因为迎检推迟了，今天上午补开了。除了小刘在区里开会，其他4人都到了', '陈明')[0]?.kind, '党小组会')
    const r = read('各位支委：原定周六（18号）的之委会，因为周六安排了党课，已经提前到今天下午开了，议题不变。')[0]
    assert.equal(r?.kind, '支部委员会')
    assert.equal(r?.date, '2026-04-16')
  })
})

describe('what they did, by its look', () => {
  test('学雷锋✅, 捡垃圾, 清明祭扫, captions', () => {
    for (const [t, kind] of [['3.5学雷锋✅ 8个人干了3个多小时，辛苦各位🙏', '志愿服务'], ['上午和黄磊、吴芳跟着社区去护城河边捡垃圾，4个人捡了十几袋', '志愿服务'],
      ['清明祭扫回来了，除老王外全到，在烈士纪念碑前重温了入党誓词', '主题党日'], ['现场照片几张📷\n图1 全体党员向烈士纪念碑敬献花篮\n图2 周书记领誓，重温入党誓词', '主题党日'],
      ['图为2025年度组织生活会现场，周书记代表支委班子作对照检查发言', '组织生活会'], ['昨天的组织生或会说实话比往年辣，陈组长当面点我材料拖沓', '组织生活会'], ['昨天大会全票通过郑浩入党了，恭喜恭喜🎉', '支部党员大会']] as const) {
      assert.equal(read(t, '张伟')[0]?.kind, kind, t)
    }
    assert.equal(read('3.5学雷锋✅ 8个人干了3个多小时', '周立新', new Date('2026-03-05T18:00:00+08:00'))[0]?.attendees, 8)
  })
  test('老王, 小刘: the member with that surname; 请假 is no request', () => {
    assert.equal(read('清明祭扫回来了，除老王外全到，老王家里有事提前请了假', '周立新', new Date('2026-04-04T16:00:00+08:00'))[0]?.attendees, 9)
    const r = read('周二下午的集中学习我来补个记录：学习《条例》有关章节，孙委员领学，实到8人（小刘、吴芳请假），记录我已经交给雅琴了', '王建国')[0]
    assert.equal(r?.kind, '集中学习')
    assert.equal(r?.attendees, 8)
  })
  test('a visitor 老同志, and one come to 给支部讲', () => {
    assert.equal(read('昨天下午钱振华老同志讲的那堂党课我是真有感触', '王建国')[0]?.speaker, '钱振华')
    assert.equal(read('今天请到了退休老党员钱振华同志给支部讲“我的入党故事”，应到10人，实到9人', '李红梅')[0]?.kind, '党课')
  })
})

describe('what is none', () => {
  test('a template, a festival\'s activity that is to come', () => {
    assert.deepEqual(read('对照检查材料格式（参考）：\n一、学习贯彻情况\n二、存在问题\n三、整改措施\n3000字左右，周一下班前发我邮箱', '孙雅琴'), [])
  })
})
