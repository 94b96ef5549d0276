// Commands: `#` or `＃`, or after @-mentioning the bot. Hashtags for posts are not commands.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Command } from '../../src/messages/command.js'
import { COMMAND_TABLE, helpText, parseCommand } from '../../src/bot/command-table.js'
import type { App, MsgContext } from '../../src/bot/app.js'
import { loadConfig } from '../../src/config/load.js'
import { Templates } from '../../src/templates.js'
import { EXAMPLE } from '../helpers/sim.js'

const cmd = (name: Command['name'], args: string[] = [], rest = args.join(' ')): Command => ({ name, args, rest })

describe('parseCommand: commands', () => {
  const cases: [string, Command][] = [
    ['#帮助', cmd('帮助')], ['#help', cmd('帮助')], ['#HELP', cmd('帮助')], ['#?', cmd('帮助')], ['＃？', cmd('帮助')], ['#菜单', cmd('帮助')],
    ['#我的', cmd('我的')], ['＃我的', cmd('我的')], ['# 我的', cmd('我的')], ['#我的？', cmd('我的')], ['#我的。', cmd('我的')], ['#我的#', cmd('我的')],
    ['#我的打卡', cmd('我的')],
    ['#本月', cmd('本月')], ['#排行', cmd('排行')], ['#排行榜', cmd('排行')],
    ['#未打卡', cmd('未打卡')], ['#未打卡 本月', cmd('未打卡', ['本月'])], ['#未打卡名单', cmd('未打卡')],
    ['#台账', cmd('台账')], ['#台账 2026-11', cmd('台账', ['2026-11'])], ['#台账2026Q4', cmd('台账', ['2026Q4'])],
    ['#台账 2026', cmd('台账', ['2026'])], ['#台账 11月', cmd('台账', ['11月'])], ['＃台账　２０２６－１１', cmd('台账', ['2026-11'])],
    ['#月报', cmd('月报')], ['#月报 2026-10', cmd('月报', ['2026-10'])], ['#月报10月', cmd('月报', ['10月'])],
    ['#提醒', cmd('提醒')], ['#提醒 暂停 7天', cmd('提醒', ['暂停', '7天'])], ['#提醒暂停7天', cmd('提醒', ['暂停', '7天'], '暂停7天')],
    ['#提醒 暂停7天', cmd('提醒', ['暂停', '7天'], '暂停7天')], ['#提醒 恢复', cmd('提醒', ['恢复'])],
    ['#进度', cmd('进度')],
    ['#更正 地点 三楼会议室', cmd('更正', ['地点', '三楼会议室'])], ['#更正 人数:12', cmd('更正', ['人数', '12'], '人数:12')],
    ['#更正 人数：12', cmd('更正', ['人数', '12'], '人数:12')], ['#更正 时间 14:30', cmd('更正', ['时间', '14:30'])],
    ['#撤销活动', cmd('撤销活动')], ['#撤销打卡', cmd('撤销打卡')], ['#撤销', cmd('撤销打卡')],
    ['撤销打卡', cmd('撤销打卡')], ['撤销打卡。', cmd('撤销打卡')],
    ['#预告 支委会 11月25日14:30 三楼会议室', cmd('预告', ['支委会', '11月25日14:30', '三楼会议室'])],
    ['#未识别', cmd('未识别')],
    // @-mentions: WeChat puts U+2005 after the name
    ['@支部助手 帮助', cmd('帮助')], ['@支部助手\u2005排行', cmd('排行')], ['@支部助手', cmd('帮助')], ['@支部助手：我的', cmd('我的')],
    ['@支部助手 #我的', cmd('我的')], ['帮助 @支部助手', cmd('帮助')], ['@支部助手\u2005台账 2026-11', cmd('台账', ['2026-11'])],
    ['@支部助手 你好', cmd('unknown', [], '你好')], ['@支部助手 #xyz', cmd('unknown', [], 'xyz')],
    // a quoted reply: only the reply is read
    ['「张三：#我的」\n- - - - - - - - - - - - - - -\n#本月', cmd('本月')],
    // zero-width characters from copy and paste
    ['#\u200b我的', cmd('我的')],
  ]
  for (const [t, c] of cases) test(JSON.stringify(t), () => assert.deepEqual(parseCommand(t), c))

  test('another bot name', () => {
    assert.deepEqual(parseCommand('@党建小助手 我的', '党建小助手'), cmd('我的'))
    assert.equal(parseCommand('@支部助手 我的', '党建小助手'), null)
  })
})

describe('parseCommand: not commands', () => {
  const cases = [
    // hashtags for posts
    '#打卡', '#打卡 学习', '#活动 支委会', '#三会一课', '#接龙', '#学习打卡#', '#补卡 昨天 学习',
    // other hashtags people use
    '#话题', '#我的家乡#', '#本月最佳', '#帮助他人',
    // plain words without # or @
    '我的', '帮助', '本月', '排行', '好的', '', '   ', '#',
    // posts addressed to the bot are left to their parsers
    '@支部助手 打卡 学习党章 30分钟', '@支部助手 补卡 昨天 学习', '@支部助手 今天下午召开支委会，研究发展党员工作',
    '@支部助手 #打卡了吗', '@支部助手 这个月的学习情况怎么样啊我想看一下',
    // someone else mentioned
    '@张三 帮助', '@支部助手小号 帮助',
  ]
  for (const t of cases) test(JSON.stringify(t), () => assert.equal(parseCommand(t), null))
})

describe('the command table', () => {
  test('every name and alias of every row is that row\'s command', () => {
    for (const row of COMMAND_TABLE) {
      for (const word of [row.name, ...row.aliases]) assert.equal(parseCommand(`#${word}`)?.name, row.name, word)
    }
  })
  test('#帮助 lists every row that has a help line, the secretaries\' lines only to secretaries', () => {
    const branch = loadConfig(EXAMPLE).branches[0]!
    const app = { templates: new Templates(), config: { bot: { name: '支部助手' } } } as unknown as App
    const secretary = branch.members.find((m) => branch.secretaries.includes(m.name))!
    const plain = branch.members.find((m) => !branch.secretaries.includes(m.name) && m.role === '党员')!
    const ctx = (member: typeof secretary) => ({ branch: { ...branch, checkin: { ...branch.checkin, leaderboard: true } }, member }) as unknown as MsgContext
    const forSecretary = helpText(app, ctx(secretary))
    const forMember = helpText(app, ctx(plain))
    for (const row of COMMAND_TABLE) {
      if (!row.help) continue
      const line = 'admin' in row.help ? row.help.admin : row.help.text
      assert.ok(forSecretary.includes(line), line)
      assert.equal(forMember.includes(line), !('admin' in row.help), line)
    }
  })
})
