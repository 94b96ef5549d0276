// The Wechaty edge: turns puppet messages into MsgContext for the router, and OutMessages into
// room.say / contact.say. Rooms are keyed by topic and people by name, never by puppet ids alone:
// web-protocol puppets change ids at every login.
import { FileBox } from 'file-box'
import { types, type Wechaty } from 'wechaty'
import type { ContactInterface, MessageInterface, RoomInterface } from 'wechaty/impls'
import type { Branch, Member } from '../domain/types.js'
import { resolveMember } from '../domain/roster.js'
import { normalize, stripQuote } from '../messages/text.js'
import type { App, MsgContext } from './app.js'
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

  constructor(
    private readonly bot: Wechaty,
    private readonly app: App,
    private readonly routes: readonly Route[],
    private readonly hooks: ShellHooks = {},
    tracker?: Tracker,
  ) {
    for (const b of app.config.branches) for (const r of b.rooms) this.branchByRoom.set(r, b)
    bot.on('message', (m) => { void (tracker ? tracker.track(this.onMessage(m), 'message') : this.onMessage(m)) })
    bot.on('login', () => { this.roomByTopic.clear(); this.contactOf.clear() })
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
    let senderName = talker.name()
    let member: Member | null = null
    if (room) {
      topic = await room.topic()
      branch = this.branchByRoom.get(topic)
      if (!branch) return null // not a group the bot serves
      this.roomByTopic.set(topic, room)
      const inGroup = (await room.alias(talker).catch(() => undefined)) ?? ''
      const names = [inGroup, senderName, (await talker.alias().catch(() => undefined)) ?? ''].filter(Boolean)
      member = resolveMember(branch, names)
      if (inGroup) senderName = inGroup
    } else {
      // private chat: only roster members; strangers get help only
      for (const b of this.app.config.branches) {
        member = resolveMember(b, [senderName, (await talker.alias().catch(() => undefined)) ?? ''].filter(Boolean))
        if (member) { branch = b; break }
      }
      if (!branch) branch = this.app.config.branches[0]!
    }
    if (member) this.contactOf.set(member.name, talker)
    this.contactOf.set(senderName, talker)
    const type = m.type()
    const kind: MsgContext['type'] = type === types.Message.Text ? 'text'
      : type === types.Message.Image ? 'image'
      : type === types.Message.Recalled ? 'recall' : 'other'
    const raw = m.text() ?? ''
    const ctx: MsgContext = {
      msgId: m.id,
      at: m.date(),
      branch,
      room: topic,
      senderName: member?.name ?? senderName,
      member,
      text: kind === 'text' ? stripQuote(normalize(raw)) : raw,
      raw: kind === 'text' ? stripQuote(raw) : raw,
      type: kind,
      toBot: room ? await m.mentionSelf().catch(() => false) : true,
    }
    if (kind === 'image') {
      ctx.image = async () => {
        const box = await m.toFileBox()
        return { name: box.name, data: await box.toBuffer() }
      }
    }
    return ctx
  }

  /** Deliver for the Outbox. */
  readonly deliver = async (msg: OutMessage): Promise<void> => {
    if (msg.to.room) {
      const room = await this.findRoom(msg.to.room)
      if (!room) throw new Error(`找不到群「${msg.to.room}」，请确认机器人在群里且群名与配置一致`)
      if (msg.file) return void (await room.say(FileBox.fromBase64(msg.file.data.toString("base64"), msg.file.name)))
      const mentions: ContactInterface[] = []
      for (const name of msg.mentions ?? []) {
        const c = this.contactOf.get(name) ?? (await room.member(name).catch(() => undefined))
        if (c) mentions.push(c)
      }
      await room.say(msg.text ?? '', ...mentions)
    } else if (msg.to.contact) {
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

  private async findContact(name: string): Promise<ContactInterface | undefined> {
    for (const b of this.app.config.branches) {
      const m = b.members.find((x) => x.name === name)
      for (const n of m ? [m.name, ...m.aliases] : [name]) {
        const c = (await this.bot.Contact.find({ name: n })) ?? (await this.bot.Contact.find({ alias: n }))
        if (c) return c
      }
    }
    return (await this.bot.Contact.find({ name })) ?? undefined
  }

  /** Group topics the bot serves that it can see now, and those it cannot. */
  async roomReport(): Promise<{ found: string[]; missing: string[] }> {
    const found: string[] = []
    const missing: string[] = []
    for (const topic of this.branchByRoom.keys()) ((await this.findRoom(topic)) ? found : missing).push(topic)
    return { found, missing }
  }
}
