// The pure rules of the 企业微信 edge: mention stripping, markdown, message splitting, config keys.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { ConfigError, parseConfig } from '../../src/config/load.js'
import { stripMention } from '../../src/messages/text.js'
import { directoryOf } from '../../src/puppet-wecom/directory.js'
import { groupText, splitBytes, toMarkdown, withMentions } from '../../src/puppet-wecom/text.js'

// (a colon or comma right after the mention belongs to it: `@支部助手：帮助`)
const noAt = fc.string({ maxLength: 60 }).filter((s) => !s.includes('@') && !/^\s*[:,，]/.test(s))

test('the bot mention goes wherever it stands; nothing else of the text changes', () => {
  fc.assert(fc.property(noAt, (t) => {
    const body = t.trim()
    assert.equal(stripMention(`@支部助手 ${t}`, ['支部助手']), body)
    assert.equal(stripMention(`@支部助手\u2005${t}`, ['支部助手']), body)
    // a message without any mention is left as it is
    assert.equal(stripMention(t, ['支部助手']), body)
  }))
  assert.equal(stripMention('打卡 学习党章 30分钟 @支部助手', ['支部助手']), '打卡 学习党章 30分钟')
  assert.equal(stripMention('@张三 @支部助手 打卡', ['支部助手']), '@张三 打卡')
  // the bot under another name in 企业微信, not configured: the leading mention is the bot's
  assert.equal(stripMention('@党建小助手 打卡 20分钟', ['支部助手']), '打卡 20分钟')
  assert.equal(stripMention('@党建小助手 打卡 20分钟', ['支部助手', '党建小助手']), '打卡 20分钟')
  // an address that contains the name is not a mention
  assert.equal(stripMention('发到 zb@支部助手.cn 了', ['支部助手']), '发到 zb@支部助手.cn 了')
  // hostile names cannot act as patterns
  assert.equal(stripMention('@a.b 打卡', ['a.*']), '打卡')
  assert.equal(stripMention('@a.* 打卡', ['a.*']), '打卡')
})

test('a group message: stripped for check-ins and reports, kept addressed for bare command words', () => {
  assert.equal(groupText('@支部助手 打卡 学习《党章》 30分钟', '支部助手', []), '打卡 学习《党章》 30分钟')
  assert.equal(groupText('@支部助手 #我的', '支部助手', []), '#我的')
  assert.equal(groupText('@支部助手 我的', '支部助手', []), '@支部助手 我的')
  assert.equal(groupText('@支部助手', '支部助手', []), '@支部助手')
  assert.equal(groupText('@党建助手 本月', '支部助手', ['党建助手']), '@支部助手 本月')
  assert.equal(groupText('@支部助手 #活动 11月18日 支委会', '支部助手', []), '#活动 11月18日 支委会')
})

test('markdown: headings of a summary in bold, the rest as written', () => {
  const summary = '机关第二党支部2026年11月工作小结\n\n一、主要工作情况\n\n（一）理论学习\n本月……\n\n二、存在的问题\n1. 无。'
  const md = toMarkdown(summary)
  assert.match(md, /^\*\*机关第二党支部2026年11月工作小结\*\*/)
  assert.match(md, /\n\*\*一、主要工作情况\*\*\n/)
  assert.match(md, /\n\*\*（一）理论学习\*\*\n本月……/)
  assert.match(md, /\n1\. 无。$/)
  // a short reply is not touched; a line that would become a heading is shown as written
  assert.equal(toMarkdown('王建国 已打卡：今日共 30 分钟'), '王建国 已打卡：今日共 30 分钟')
  assert.equal(toMarkdown('#我的 查看本月'), '#我的 查看本月')
  assert.notEqual(toMarkdown('# 标题'), '# 标题')
  assert.equal(withMentions('@王建国 请及时打卡', [{ name: '王建国', userid: 'wangjianguo' }]), '<@wangjianguo> 请及时打卡')
})

test('long messages are split at line ends, each part within the byte limit, nothing lost', () => {
  fc.assert(fc.property(fc.array(fc.string({ maxLength: 80 }), { maxLength: 40 }), fc.integer({ min: 40, max: 400 }), (ls, max) => {
    const text = ls.join('\n')
    const parts = splitBytes(text, max)
    for (const p of parts) assert.ok(Buffer.byteLength(p) <= max)
    // every character survives, in order
    assert.equal(parts.join('').replace(/\n/g, ''), text.replace(/\n/g, ''))
  }))
  assert.deepEqual(splitBytes('一\n二\n三', 7), ['一\n二', '三'])
})

const BASE = `
bot: { transport: wecom, outbox: { perMinute: 40 }, wecom: { perMinute: 12 } }
branches:
  - id: a
    name: 甲支部
    rooms: [甲群, 甲二群]
    wecom: { chats: [wrkA1, wrkA2] }
    members:
      - { name: 张三, wecom: zhangsan }
      - { name: 李四 }
`

test('config: 企业微信 keys, its lower send limit, chats paired with rooms', () => {
  const c = parseConfig(BASE)
  assert.equal(c.bot.transport, 'wecom')
  assert.equal(c.bot.outbox.perMinute, 12)
  assert.equal(c.branches[0]!.members[0]!.wecom, 'zhangsan')
  const d = directoryOf(c)
  assert.deepEqual(d.chats.get('wrkA2'), { branch: 'a', topic: '甲二群' })
  assert.equal(d.users.get('zhangsan'), '张三')
  // on WeChat the WeCom limit does not apply
  assert.equal(parseConfig(BASE.replace('transport: wecom', 'transport: wechat')).bot.outbox.perMinute, 40)
  assert.equal(parseConfig(BASE.replace(/^bot:.*$/m, '')).bot.transport, 'wechat')
})

test('config errors name the line: a userid or chat used twice, a malformed id, an unknown transport', () => {
  const problems = (yaml: string) => {
    try { parseConfig(yaml, 'bot.yaml'); return '' } catch (e) { assert.ok(e instanceof ConfigError); return e.message }
  }
  assert.match(problems(BASE.replace('{ name: 李四 }', '{ name: 李四, wecom: zhangsan }')), /bot\.yaml:10 .*members\[1\]\.wecom：企业微信 userid “zhangsan” 已属于/)
  assert.match(problems(BASE.replace('[wrkA1, wrkA2]', '[wrkA1, wrkA1]')), /wecom\.chats\[1\]：企业微信群 “wrkA1” 已属于/)
  assert.match(problems(BASE.replace('wecom: zhangsan', 'wecom: "zhang san"')), /bot\.yaml:9 .*wecom：企业微信 ID 只含/)
  assert.match(problems(BASE.replace('transport: wecom', 'transport: dingtalk')), /transport：接入方式应为 wechat/)
  assert.match(problems(BASE.replace('perMinute: 12', 'perMinute: 100')), /bot\.wecom\.perMinute/)
})
