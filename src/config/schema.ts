// The shape of bot-config/*.yaml. Every key but the minimum in DESIGN.md is optional with a
// default; bot-config/example.yaml documents each one in Chinese.
import { z } from 'zod'
import { KINDS, ROLES, SCREENSHOT_DEFAULTS } from '../domain/types.js'

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: '时间格式应为 HH:mm，例如 09:00（expected HH:mm）' })
const roleList = ROLES.join('、')
// 企业微信 userids and chat ids: letters, digits and a few signs, never spaces (they are copied from the admin console or the log)
const WECOM_ID = /^[A-Za-z0-9_@.\-]{1,128}$/
const WECOM_ID_MESSAGE = '企业微信 ID 只含字母、数字和 _ @ . -，请从管理后台或机器人日志中原样复制（invalid 企业微信 id）'

// a calendar day as YAML writes it: 2026-10-15 (unquoted, YAML reads it as a date) or "2026-10-15"
const DAY = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD，例如 2026-10-15（expected YYYY-MM-DD）' })
    .refine((s) => { const d = new Date(s + 'T00:00:00Z'); return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s }, { message: '没有这一天，请检查月份和日期（no such day）' }),
)

export const memberSchema = z.strictObject({
  name: z.string().trim().min(1, { message: '姓名不能为空（name is empty）' }),
  role: z.enum(ROLES, { message: `角色无效，可选：${roleList}（invalid role）` }).default('党员'),
  group: z.string().trim().min(1).nullable().default(null),
  aliases: z.array(z.string().trim().min(1)).default([]),
  // 企业微信 userid: the stable key of a member on transport wecom
  wecom: z.string().trim().regex(WECOM_ID, { message: WECOM_ID_MESSAGE }).optional(),
  // first and last day on this roster (转入 / 转出), both inclusive; absent: always / still here
  joined: DAY.optional(),
  left: DAY.optional(),
})

export const groupSchema = z.strictObject({
  name: z.string().trim().min(1),
  leader: z.string().trim().min(1).nullable().default(null),
})

const obligationOverride = z.strictObject({
  count: z.number().int().min(0).optional(),
  period: z.enum(['month', 'quarter', 'year'], { message: '周期应为 month、quarter 或 year（invalid period）' }).optional(),
  scope: z.enum(['branch', 'group'], { message: '范围应为 branch 或 group（invalid scope）' }).optional(),
  responsible: z.array(z.string()).optional(),
  enabled: z.boolean().optional(),
})

const remindersSchema = z.strictObject({
  enabled: z.boolean().default(true),
  offsets: z.array(z.number().int().min(0).max(60)).default([7, 3, 1]),
  time: HHMM.default('09:00'),
  mentionInGroup: z.boolean().default(true),
  privateMessage: z.boolean().default(true),
  quarterPlan: z.boolean().default(true),
})

const checkinSchema = z.strictObject({
  ack: z.enum(['reply', 'digest', 'silent'], { message: '确认方式应为 reply、digest 或 silent（invalid ack mode）' }).default('reply'),
  digestTimes: z.array(HHMM).default(['21:00']),
  backfillDays: z.number().int().min(0).max(31).default(3),
  leaderboard: z.boolean().default(true),
  yearlyHoursTarget: z.number().min(0).default(32),
  minutesPerStudyHour: z.number().int().min(1).max(120).default(45),
  dailyHoursCap: z.number().min(0.5, { message: '每日学时上限至少 0.5 小时（at least 0.5 h）' }).max(24, { message: '一天最多 24 小时（at most 24 h）' }).default(8),
  nudge: z.strictObject({
    enabled: z.boolean().default(false),
    time: HHMM.default('20:00'),
    names: z.boolean().default(false),
  }).prefault({}),
  // issue 18: 学习强国 / study-time screenshots read offline
  screenshots: z.strictObject({
    enabled: z.boolean().default(SCREENSHOT_DEFAULTS.enabled),
    keep: z.boolean().default(SCREENSHOT_DEFAULTS.keep),
    // images read per member and day, study or not: bounds what a stream of photos costs
    readsPerDay: z.number().int().min(1, { message: '每天至少识别 1 张（at least 1）' }).max(50, { message: '每天最多识别 50 张（at most 50）' }).default(SCREENSHOT_DEFAULTS.readsPerDay),
    // how long the last unread image waits for 「识别截图」
    askMinutes: z.number().int().min(1, { message: '至少 1 分钟（at least 1 minute）' }).max(24 * 60, { message: '最多 1440 分钟（at most 1440）' }).default(SCREENSHOT_DEFAULTS.askMinutes),
  }).prefault({}),
})

const summarySchema = z.strictObject({
  enabled: z.boolean().default(true),
  day: z.number().int().min(1).max(28).default(1),
  time: HHMM.default('09:00'),
  participationThreshold: z.number().min(0).max(1).default(0.8),
  nameMissingMembers: z.boolean().default(false),
  honorRoll: z.boolean().default(true),
  honorRollSize: z.number().int().min(1).max(20).default(5),
  chart: z.boolean().default(true),
  docx: z.boolean().default(true),
})

export const reportsSchema = z.strictObject({
  ask: z.enum(['group', 'private'], { message: 'ask 只能是 group 或 private（group | private）' }).default('private'),
  tellSecretaries: z.boolean().default(true),
  answerMinutes: z.number().int().min(1).max(24 * 60).default(30),
})

export const branchSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]+$/, { message: 'id 只能包含字母、数字、- 和 _（letters, digits, - and _ only）' }),
  name: z.string().trim().min(1),
  rooms: z.array(z.string().trim().min(1)).min(1, { message: '至少填写一个微信群名（at least one room topic）' }),
  members: z.array(memberSchema).min(1, { message: '花名册不能为空（the roster is empty）' }),
  groups: z.array(groupSchema).default([]),
  secretaries: z.array(z.string()).optional(),
  obligations: z.partialRecord(z.enum(KINDS, { message: `会议类型无效，可选：${KINDS.join('、')}（unknown kind）` }), obligationOverride).default({}),
  reminders: remindersSchema.prefault({}),
  checkin: checkinSchema.prefault({}),
  summary: summarySchema.prefault({}),
  reports: reportsSchema.prefault({}),
  wecom: z.strictObject({
    // 企业微信 group chat ids this branch owns; chats[i] is known by the topic rooms[i] (rooms[0] when rooms is shorter)
    chats: z.array(z.string().trim().regex(WECOM_ID, { message: WECOM_ID_MESSAGE })).default([]),
  }).optional(),
})

export const botSchema = z.strictObject({
  name: z.string().trim().min(1).default('支部助手'),
  quietHours: z.strictObject({ start: HHMM.default('22:00'), end: HHMM.default('08:00') }).prefault({}),
  outbox: z.strictObject({
    minGapSeconds: z.number().min(1, { message: '两条消息至少间隔 1 秒（WeChat limit: at least 1 s）' }).default(1),
    sameChatGapSeconds: z.number().min(3, { message: '同一会话至少间隔 3 秒（at least 3 s per chat）' }).default(3),
    perMinute: z.number().int().min(1).max(40, { message: '每分钟最多 40 条（at most 40 a minute）' }).default(40),
    mergeWindowSeconds: z.number().min(0).max(600).default(60),
  }).prefault({}),
  limits: z.strictObject({
    sameCommandMinutes: z.number().min(0).max(60).default(3),
    queuePerMember: z.number().int().min(1).max(20).default(3),
  }).prefault({}),
  dedupeDays: z.number().int().min(1).max(30).default(3),
  // the OCR worker for screenshots: stopped after this many idle minutes; at most maxQueue waiting
  ocr: z.strictObject({
    idleMinutes: z.number().min(0.5).max(120).default(3),
    maxQueue: z.number().int().min(1).max(500).default(30),
  }).prefault({}),
  dataDir: z.string().min(1).default('data'),
  transport: z.enum(['wechat', 'wecom'], { message: '接入方式应为 wechat（个人微信）或 wecom（企业微信）（invalid transport）' }).default('wechat'),
  // 企业微信's own limits, applied on top of outbox when transport is wecom
  wecom: z.strictObject({
    perMinute: z.number().int().min(1).max(40).default(20),
    markdownMaxBytes: z.number().int().min(500).max(20000).default(4000),
    replyWindowSeconds: z.number().int().min(0).max(600).default(300),
    mentionNames: z.array(z.string().trim().min(1)).default([]),
  }).prefault({}),
})

export const configSchema = z.strictObject({
  bot: botSchema.prefault({}),
  branches: z.array(branchSchema).min(1, { message: '至少配置一个支部（at least one branch）' }),
})

export type RawConfig = z.infer<typeof configSchema>
