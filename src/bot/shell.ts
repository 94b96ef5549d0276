// The Wechaty edge: turns puppet messages into MsgContext for the router, and OutMessages into
// room.say / contact.say. Rooms are keyed by topic and people by name, never by puppet ids alone:
// web-protocol puppets change ids at every login. Within one login ids are stable, so each roster
// member is bound to the first contact id seen speaking as them; a second id claiming the same member
// makes the identity disputed: neither account gets a secretary's powers or private messages, the
// secretaries are told once, and it is logged.
import { FileBox } from 'file-box'
import { types, type Wechaty } from 'wechaty'
import type { ContactInterface, MessageInterface, RoomInterface } from 'wechaty/impls'
import type { Branch, Member } from '../domain/types.js'
import { branchOn, displayName, hasHiddenCharacters, memberNamed, resolveMember, withoutPowers } from '../domain/roster.js'
import { dayOf } from '../domain/time.js'
import { normalize, stripQuote } from '../messages/text.js'
import { tell, type App, type MsgContext } from './app.js'
import type { OutMessage } from './outbox.js'
import { route, type Route } from './router.js'
import type { Tracker } from './tracker.js'

export interface ShellHooks {
  /** after a message was routed (or ignored): for tests and simulate */
  onRouted?: (msgId: string, handler: string | null) => void
}

export class Shell {
  private readonly roomByTopic = new Map<string, RoomInterface>()
  /** roster name -> the WeChat contact last seen speaking as that member */
  private readonly contactOf = new Map<string, ContactInterface>()
  private readonly inFlight = new Set<string>()
  private readonly branchByRoom = new Map<string, Branch>()
  /** branch:member -> the contact id that first spoke as that member in this login */
  private readonly boundId = new Map<string, string>()
  /** roster names claimed by two contact ids in this login: nothing private goes to them */
  private readonly disputed = new Set<string>()

  constructor(
    private readonly bot: Wechaty,
    private readonly app: App,
    private readonly routes: readonly Route[],
    private readonly hooks: ShellHooks = {},
    tracker?: Tracker,
  ) {
    for (const b of app.config.branches) for (const r of b.rooms) this.branchByRoom.set(r, b)
    bot.on('message', (m) => { void (tracker ? tracker.track(this.onMessage(m), 'message') : this.onMessage(m)) })
    bot.on('login', () => { this.roomByTopic.clear(); this.contactOf.clear(); this.boundId.clear(); this.disputed.clear() })
  }

  async onMessage(m: MessageInterface): Promise<void> {
    const id = m.id
    try {
      if (m.self() || this.inFlight.has(id) || this.app.seen.has(id)) return this.hooks.onRouted?.(id, null)
      this.inFlight.add(id)
      const ctx = await this.contextOf(m)
      const handled = ctx ? await route(this.routes, this.app, ctx) : null
      if (handled) await this.app.seen.mark(id, this.app.now())
      this.hooks.onRouted?.(id, handled)
    } catch (e) {
      this.app.log.error('处理消息时出错，已跳过这条消息', e)
      this.hooks.onRouted?.(id, null)
    } finally {
      this.inFlight.delete(id)
    }
  }

  private async contextOf(m: MessageInterface): Promise<MsgContext | null> {
    const room = m.room()
    const talker = m.talker()
    let branch: Branch | undefined
    let topic: string | null = null
    const rawName = talker.name() ?? ''
    const remark = (await talker.alias().catch(() => undefined)) ?? ''
    let names: string[]
    let member: Member | null = null
    if (room) {
      topic = await room.topic()
      branch = this.branchByRoom.get(topic)
      if (!branch) return null // not a group the bot serves
      this.roomByTopic.set(topic, room)
      const inGroup = (await room.alias(talker).catch(() => undefined)) ?? ''
      names = [inGroup, rawName, remark].filter(Boolean)
      // only those on the roster today are members: one who has left (or not yet joined) is a stranger
      member = resolveMember(branchOn(branch, dayOf(this.app.now())), names)
    } else {
      // private chat: only roster members; strangers get help only
      names = [rawName, remark].filter(Boolean)
      for (const b of this.app.config.branches) {
        member = resolveMember(branchOn(b, dayOf(this.app.now())), names)
        if (member) { branch = b; break }
      }
      if (!branch) branch = this.app.config.branches[0]!
    }
    const hiddenName = names.some(hasHiddenCharacters)
    // the name shown back is cleaned: hidden or control characters are never echoed
    const shown = displayName(names[0] ?? '') || displayName(rawName) || '朋友'
    let disputed = false
    let contactKey = shown
    if (member) {
      disputed = await this.bind(branch, member, talker, room ?? null)
      if (disputed) ({ branch, member } = withoutPowers(branch, member))
      else this.contactOf.set(member.name, talker)
    } else if (this.isRosterName(shown)) {
      // a stranger whose cleaned name is a member's: replies to them must never reach the member, nor theirs to them
      contactKey = `#${talker.id}`
    }
    if (!member) this.contactOf.set(contactKey, talker)
    const type = m.type()
    const kind: MsgContext['type'] = type === types.Message.Text ? 'text'
      : type === types.Message.Image ? 'image'
      : type === types.Message.Recalled ? 'recall' : 'other'
    const raw = m.text() ?? ''
    const text = kind === 'text' ? displayText(normalize(raw)) : raw
    const ctx: MsgContext = {
      msgId: m.id,
      at: m.date(),
      branch,
      room: topic,
      senderName: member?.name ?? shown,
      contactKey: member ? undefined : contactKey,
      member,
      text: kind === 'text' ? stripQuote(text) : text,
      raw: kind === 'text' ? stripQuote(raw) : raw,
      type: kind,
      toBot: room ? await m.mentionSelf().catch(() => false) : true,
      quote: kind === 'text' ? quoteOf(text) : null,
      hiddenName: hiddenName || contactKey !== shown,
      disputed,
    }
    if (kind === 'image') {
      // fetched once however many handlers look at it (the photo, then the screenshot)
      let file: Promise<{ name: string; data: Buffer }> | null = null
      ctx.image = () => {
        file ??= (async () => {
          const box = await m.toFileBox()
          return { name: box.name, data: await box.toBuffer() }
        })()
        file.catch(() => { file = null })
        return file
      }
    }
    return ctx
  }

  /** Another member of the group whose names resolve to the same roster member, if any. */
  private async otherClaimant(branch: Branch, member: Member, talker: ContactInterface, room: RoomInterface): Promise<string | undefined> {
    try {
      for (const c of await room.memberAll()) {
        if (c.id === talker.id || c.self()) continue
        const names = [(await room.alias(c).catch(() => undefined)) ?? '', c.name() ?? '', (await c.alias().catch(() => undefined)) ?? ''].filter(Boolean)
        if (resolveMember(branch, names)?.name === member.name) return c.id
      }
    } catch (e) {
      this.app.log.warn(`读取群成员列表失败，暂时无法核对同名账号：${(e as Error).message}`)
    }
    return undefined
  }

  private isRosterName(name: string): boolean {
    return this.app.config.branches.some((b) => memberNamed(b, name) !== null)
  }

  /**
   * Binds the member to this contact id for the login; true when the identity is disputed (another
   * id already spoke as them). The first dispute is logged and told to the secretaries, once.
   */
  private async bind(branch: Branch, member: Member, talker: ContactInterface, room: RoomInterface | null): Promise<boolean> {
    const key = `${branch.id}:${member.name}`
    let bound = this.boundId.get(key)
    if (bound === undefined) {
      this.boundId.set(key, talker.id)
      // the first to speak is not necessarily the member: another account in the group that shows the
      // same name is a second claim already
      if (room) bound = await this.otherClaimant(branch, member, talker, room)
    }
    if (this.disputed.has(member.name)) return true
    if (bound === undefined || bound === talker.id) return false
    this.disputed.add(member.name)
    this.contactOf.delete(member.name)
    this.app.log.warn(`本次登录中有两个不同的微信账号（${bound}、${talker.id}）都以「${member.name}」的身份发消息：暂停以其身份执行管理员指令和发送私信，已告知管理员`)
    const text = this.app.templates.render('identity-disputed', { name: member.name })
    for (const s of branchOn(branch, dayOf(this.app.now())).secretaries) if (!this.disputed.has(s)) tell(this.app, s, text, 'notice')
    return true
  }

  /** Deliver for the Outbox. */
  readonly deliver = async (msg: OutMessage): Promise<void> => {
    if (msg.to.room) {
      const room = await this.findRoom(msg.to.room)
      if (!room) throw new Error(`找不到群「${msg.to.room}」，请确认机器人在群里且群名与配置一致`)
      if (msg.file) return void (await room.say(FileBox.fromBase64(msg.file.data.toString("base64"), msg.file.name)))
      const mentions: ContactInterface[] = []
      for (const name of msg.mentions ?? []) {
        if (this.disputed.has(name)) continue // which of the two is unknown: mention neither
        const c = this.contactOf.get(name) ?? (await room.member(name).catch(() => undefined))
        if (c) mentions.push(c)
      }
      await room.say(msg.text ?? '', ...mentions)
    } else if (msg.to.contact) {
      if (this.disputed.has(msg.to.contact)) throw withheld(`两个微信账号都自称「${msg.to.contact}」，为防冒用，这条私信未发送`)
      const c = this.contactOf.get(msg.to.contact) ?? (await this.findContact(msg.to.contact))
      if (!c) throw new Error(`找不到联系人「${msg.to.contact}」，请确认已互为好友且花名册姓名或别名正确`)
      await c.say(msg.file ? FileBox.fromBase64(msg.file.data.toString("base64"), msg.file.name) : msg.text ?? '')
    }
  }

  private async findRoom(topic: string): Promise<RoomInterface | undefined> {
    const cached = this.roomByTopic.get(topic)
    if (cached) return cached
    const room = await this.bot.Room.find({ topic })
    if (room) this.roomByTopic.set(topic, room)
    return room
  }

  /**
   * The one contact with this member's name or alias; when two different contacts answer to it the
   * name is disputed and nothing private is sent (an impostor must not receive the secretary's files).
   */
  private async findContact(name: string): Promise<ContactInterface | undefined> {
    if (name.startsWith('#')) return undefined // a stranger's own key: only the contact seen speaking
    const found = new Map<string, ContactInterface>()
    for (const b of this.app.config.branches) {
      const m = b.members.find((x) => x.name === name)
      for (const n of m ? [m.name, ...m.aliases] : [name]) {
        for (const c of [...(await this.bot.Contact.findAll({ name: n })), ...(await this.bot.Contact.findAll({ alias: n }))]) {
          if (!c.self()) found.set(c.id, c)
        }
        if (found.size) break
      }
    }
    if (found.size > 1) {
      this.disputed.add(name)
      throw withheld(`有 ${found.size} 个微信联系人都叫「${name}」，无法确认是谁，这条私信未发送`)
    }
    return [...found.values()][0]
  }

  /** Group topics the bot serves that it can see now, and those it cannot. */
  async roomReport(): Promise<{ found: string[]; missing: string[] }> {
    const found: string[] = []
    const missing: string[] = []
    for (const topic of this.branchByRoom.keys()) ((await this.findRoom(topic)) ? found : missing).push(topic)
    return { found, missing }
  }
}

/** A send the shell refuses on purpose: the outbox drops it at once instead of retrying. */
function withheld(message: string): Error {
  return Object.assign(new Error(message), { permanent: true })
}

const HIDDEN_ALL = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF9-\uFFFB]/gu

/** Message text with every hidden format character removed (normalize() keeps a few bidi isolates). */
function displayText(s: string): string {
  return s.replace(HIDDEN_ALL, '')
}

/** The quoted message of a quoted reply: `「name：text」` then a dashed line. */
export function quoteOf(text: string): { name: string; text: string } | null {
  if (!text.startsWith('「')) return null
  const m = /^「([^：:」\n]{1,64})[：:]([\s\S]{0,4000}?)」[ \t]*\n[ \t]*(?:-[ \t]*){3,40}/.exec(text)
  return m ? { name: m[1]!.trim(), text: m[2]!.trim() } : null
}
