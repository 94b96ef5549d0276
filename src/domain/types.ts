// Shared shapes of the domain. Pure types and constants: no I/O, no third-party runtime imports.

/** Roles a roster member can hold (DESIGN.md "Configuration"). */
export const ROLES = ['书记', '副书记', '组织委员', '宣传委员', '纪检委员', '党小组长', '党员'] as const
export type Role = (typeof ROLES)[number]

/** Canonical meeting / activity kinds; records and reports use exactly these words. */
export const KINDS = [
  '支部党员大会', '支部委员会', '党小组会', '党课', '主题党日', '组织生活会',
  '民主评议党员', '谈心谈话', '集中学习', '志愿服务', '其他',
] as const
export type Kind = (typeof KINDS)[number]

export type PeriodUnit = 'month' | 'quarter' | 'year'

/** 'YYYY-MM-DD', always a calendar day in Asia/Shanghai. */
export type DateStr = string

export interface Member {
  name: string
  role: Role
  group: string | null
  aliases: string[]
  /** 企业微信 userid (transport wecom) */
  wecom?: string
  /** first day on this branch's roster (入册/转入), inclusive; absent = always */
  joined?: DateStr
  /** last day on this branch's roster (转出), inclusive; absent = still on it */
  left?: DateStr
}

export interface PartyGroup {
  name: string
  leader: string | null
}

export interface ObligationRule {
  kind: Kind
  count: number
  period: PeriodUnit
  scope: 'branch' | 'group'
  /** role names or member names responsible; empty = defaults (secretaries; + 党小组长 for group scope) */
  responsible: string[]
  enabled: boolean
}

export interface ReminderSettings {
  enabled: boolean
  /** days before the due date */
  offsets: number[]
  time: string // 'HH:mm'
  mentionInGroup: boolean
  privateMessage: boolean
  quarterPlan: boolean
}

export interface CheckinSettings {
  ack: 'reply' | 'digest' | 'silent'
  digestTimes: string[] // 'HH:mm'
  backfillDays: number
  leaderboard: boolean
  yearlyHoursTarget: number
  /** minutes that make one 学时 */
  minutesPerStudyHour: number
  /** a day's credited study stops here (hours; default 8) */
  dailyHoursCap?: number
  nudge: { enabled: boolean; time: string; names: boolean }
  /** screenshots read for check-ins (optional so hand-built configs keep working: SCREENSHOT_DEFAULTS) */
  screenshots?: { enabled: boolean; keep: boolean; readsPerDay?: number; askMinutes?: number }
}

export interface SummarySettings {
  enabled: boolean
  day: number // day of month
  time: string // 'HH:mm'
  participationThreshold: number // 0..1
  nameMissingMembers: boolean
  honorRoll: boolean
  honorRollSize: number
  chart: boolean
  docx: boolean
}

/** How meeting reports in plain words are handled (bot-config: branches[].reports). */
export interface ReportSettings {
  /** where the bot asks about an unclear report: the group, or the reporter privately */
  ask: 'group' | 'private'
  /** a report by an ordinary member is also told to the secretaries */
  tellSecretaries: boolean
  /** how long a short answer ("支委会", "昨天") still completes the record */
  answerMinutes: number
}

export interface Branch {
  id: string
  name: string
  rooms: string[]
  members: Member[]
  groups: PartyGroup[]
  /** names of members who are secretaries (书记, 副书记, 组织委员 unless configured) */
  secretaries: string[]
  obligations: ObligationRule[]
  reminders: ReminderSettings
  checkin: CheckinSettings
  summary: SummarySettings
  reports: ReportSettings
  /** 企业微信 group chat ids of this branch (transport wecom) */
  wecom?: { chats: string[] }
}

export interface BotSettings {
  /** the bot's own display name, used to recognise @-mentions */
  name: string
  quietHours: { start: string; end: string } // 'HH:mm'
  outbox: { minGapMs: number; sameChatGapMs: number; perMinute: number; mergeWindowMs: number }
  /** flood limits (optional so hand-built configs in tests keep working) */
  limits?: { sameCommandMinutes: number; queuePerMember: number }
  dedupeDays: number
  /** the screenshot OCR worker (optional: 3 idle minutes, 30 waiting) */
  ocr?: { idleMinutes: number; maxQueue: number }
  dataDir: string
  /** wechat: a Wechaty puppet (WECHATY_PUPPET); wecom: 企业微信 智能机器人 */
  transport?: 'wechat' | 'wecom'
  wecom?: WecomSettings
}

export interface WecomSettings {
  /** sends a minute 企业微信 accepts from one bot (outbox.perMinute is lowered to it) */
  perMinute: number
  /** longest markdown message; longer texts are split at line ends */
  markdownMaxBytes: number
  /** a reply within this many seconds of the member's message is a passive reply to it (aibot_respond_msg) */
  replyWindowSeconds: number
  /** the bot's names in 企业微信 when they differ from bot.name (for stripping @-mentions) */
  mentionNames: string[]
}

export interface Config {
  bot: BotSettings
  branches: Branch[]
}

// ---------------------------------------------------------------- records

interface RecordBase {
  /** unique record id */
  id: string
  branch: string
  /** message id that produced this record (for dedupe and recall) */
  msgId: string
  /** when the message was received, ISO-8601 with +08:00 */
  at: string
  /** source text of the message (privacy: only recognised records are stored) */
  text: string
}

/** 学习打卡 check-in: one record per message (a member-day may have several). */
export interface CheckinRecord extends RecordBase {
  type: 'checkin'
  member: string
  date: DateStr
  minutes: number | null
  points: number | null
  content: string
  titles: string[]
  backfill: boolean
  /** set when credited from a 接龙 chain: the chain's topic line */
  chain?: string | null
  /** set when read from a screenshot; `evidence` is the kept image (beside the data), if kept */
  screenshot?: { evidence: string | null }
}

export interface Absence { name: string; reason: string | null }

/** 台账 ledger record of a meeting or activity. */
export interface ActivityRecord extends RecordBase {
  type: 'activity'
  reporter: string
  kind: Kind
  date: DateStr | null
  group: string | null
  topic: string | null
  place: string | null
  host: string | null
  speaker: string | null
  recorder: string | null
  expected: number | null
  attendees: number | null
  absent: Absence[]
  content: string | null
  photos: string[]
}

/** #预告: an announced meeting. */
export interface AnnouncementRecord extends RecordBase {
  type: 'announcement'
  announcer: string
  kind: Kind
  date: DateStr
  time: string | null // 'HH:mm'
  place: string | null
  group: string | null
}

export type LedgerRecord = CheckinRecord | ActivityRecord | AnnouncementRecord

/** Where an obligation stands at a moment (see domain/obligations.ts). */
export interface ObligationStatus {
  kind: Kind
  /** 党小组 for group-scoped obligations, else null */
  group: string | null
  /** '2026-11' | '2026-Q4' | '2026' */
  period: string
  periodStart: DateStr
  /** last day of the period */
  due: DateStr
  required: number
  held: number
  met: boolean
  /** roster names of the people responsible */
  responsible: string[]
}

/** What a branch gets for screenshots when its config says nothing: the schema's defaults too. */
export const SCREENSHOT_DEFAULTS = { enabled: true, keep: false, readsPerDay: 4, askMinutes: 30 } as const
