// Generates the benchmark's config and history: branches × members × years of daily check-ins and
// monthly meetings, written in the store's own on-disk layout, as a bot that ran that long would
// have left them.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { stringify } from 'yaml'
import { parseConfig } from '../src/config/load.js'
import { addDays, isoShanghai } from '../src/domain/time.js'
import type { ActivityRecord, CheckinRecord, Config, LedgerRecord } from '../src/domain/types.js'
import { writeMonthSnapshot } from '../src/store/records.js'

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国文斌宁浩凯亮飞波鑫琳晶燕雪梅海峰东林云欣怡佳婷'

export function memberName(branch: number, i: number): string {
  const n = branch * 1000 + i
  return SURNAMES[n % SURNAMES.length]! + GIVEN[Math.floor(n / SURNAMES.length) % GIVEN.length]! + GIVEN[(n * 7 + branch) % GIVEN.length]!
}

export interface BenchBranch { id: string; room: string; members: string[] }

/** A config of `branches` branches with `members` members each (3 党小组 per branch). */
export function benchConfig(branches: number, members: number, idPrefix = 'b'): { config: Config; yaml: string; list: BenchBranch[] } {
  const list: BenchBranch[] = []
  const raw = {
    bot: { name: '支部助手' },
    branches: Array.from({ length: branches }, (_, b) => {
      const names = uniqueNames(b, members)
      const id = `${idPrefix}${String(b + 1).padStart(2, '0')}`
      const room = `第${b + 1}党支部工作群（${idPrefix}）`
      list.push({ id, room, members: names })
      const groups = ['第一党小组', '第二党小组', '第三党小组']
      return {
        id, name: `第${b + 1}党支部`, rooms: [room],
        members: names.map((name, i) => ({
          name, group: groups[i % 3],
          role: i === 0 ? '书记' : i === 1 ? '组织委员' : i < 5 ? '党小组长' : '党员',
        })),
        groups: groups.map((g, gi) => ({ name: g, leader: names[gi + 2] })),
        summary: { chart: false, docx: false },
      }
    }),
  }
  const yaml = stringify(raw)
  return { config: parseConfig(yaml, 'bench.yaml'), yaml, list }
}

function uniqueNames(b: number, n: number): string[] {
  const out = new Set<string>()
  for (let i = 0; out.size < n; i++) out.add(memberName(b, i))
  return [...out]
}

const TOPICS = ['学习党章', '学习《习近平新时代中国特色社会主义思想学习纲要》', '学习强国每日答题', '观看党史教育片', '学习二十届三中全会精神', '阅读《习近平谈治国理政》第四卷']

/** Writes daily check-ins for every member and monthly meetings from `from` to `to` (inclusive). */
export function writeHistory(dataDir: string, list: BenchBranch[], from: string, to: string): number {
  let count = 0
  for (const b of list) {
    let month = ''
    let recs: LedgerRecord[] = []
    const flush = () => {
      if (month) writeMonthSnapshot(dataDir, b.id, month, recs)
      count += recs.length
      recs = []
    }
    let seq = 0
    for (let day = from; day <= to; day = addDays(day, 1)) {
      if (day.slice(0, 7) !== month) { flush(); month = day.slice(0, 7) }
      b.members.forEach((m, i) => {
        const minutes = 20 + ((i * 7 + seq) % 5) * 10
        const text = `打卡 ${TOPICS[(i + seq) % TOPICS.length]} ${minutes}分钟`
        const at = isoShanghai(new Date(`${day}T${String(8 + (i % 12)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00+08:00`))
        const rec: CheckinRecord = {
          type: 'checkin', id: `${b.id}-c${seq}-${i}`, branch: b.id, msgId: `h-${b.id}-${day}-${i}`, at, text,
          member: m, date: day, minutes, points: null, content: text.slice(3), titles: [], backfill: false,
        }
        recs.push(rec)
      })
      const dom = Number(day.slice(8))
      if (dom === 10 || dom === 20 || dom === 25) recs.push(...meetings(b, day, dom, seq))
      seq++
    }
    flush()
  }
  return count
}

function meetings(b: BenchBranch, day: string, dom: number, seq: number): ActivityRecord[] {
  const month = Number(day.slice(5, 7))
  const kinds: [ActivityRecord['kind'], string | null][] = dom === 10 ? [['支部委员会', null], ['主题党日', null]]
    : dom === 20 ? [['党小组会', '第一党小组'], ['党小组会', '第二党小组'], ['党小组会', '第三党小组']]
    : month % 3 === 0 ? [['支部党员大会', null], ['党课', null]] : []
  return kinds.map(([kind, group], k) => {
    const text = `${day} ${group ?? ''}${kind}，主题：学习贯彻党的二十届三中全会精神，应到${b.members.length}人，实到${b.members.length - 2}人`
    return {
      type: 'activity', id: `${b.id}-a${seq}-${k}`, branch: b.id, msgId: `h-${b.id}-${day}-a${k}`, at: isoShanghai(new Date(`${day}T18:00:00+08:00`)), text,
      reporter: b.members[0]!, kind, date: day, group, topic: '学习贯彻党的二十届三中全会精神', place: '党员活动室', host: b.members[0]!,
      speaker: kind === '党课' ? b.members[0]! : null, recorder: b.members[1]!, expected: b.members.length, attendees: b.members.length - 2,
      absent: [{ name: b.members[5]!, reason: '出差' }, { name: b.members[6]!, reason: '病假' }], content: null, photos: [],
    }
  })
}

/** The state a running bot leaves: it was last alive a minute ago; recent message ids are known. */
export function writeState(dataDir: string, list: BenchBranch[], now: Date, today: string): void {
  const dir = path.join(dataDir, '_state')
  mkdirSync(path.join(dir, 'seen'), { recursive: true })
  writeFileSync(path.join(dir, 'state.json'), JSON.stringify({ sent: {}, lastTick: now.getTime() - 60_000, paused: {}, unknown: {} }))
  for (let k = 1; k <= 3; k++) {
    const day = addDays(today, -k)
    writeFileSync(path.join(dir, 'seen', `${day}.log`), list.flatMap((b) => b.members.map((_, i) => `h-${b.id}-${day}-${i}`)).join('\n') + '\n')
  }
}

/** The benchmark's "now": history runs up to the day before. */
export { BENCH_NOW } from './now.js'
