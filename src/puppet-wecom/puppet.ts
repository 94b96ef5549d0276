// A Wechaty puppet for 企业微信's 智能机器人, over the official SDK's WebSocket long connection
// (@wecom/aibot-node-sdk): the SDK authenticates (aibot_subscribe), keeps the heartbeat (ping) and
// reconnects; this class turns its callbacks (aibot_msg_callback) into Wechaty messages and Wechaty's
// say() into replies (aibot_respond_msg) or proactive sends (aibot_send_msg, media after upload).
// Everything above it — shell, router, outbox, scheduler — is the same code as for WeChat.
import { WSClient, type WsFrame, type BaseMessage, type WeComMediaType } from '@wecom/aibot-node-sdk'
import { FileBox, type FileBoxInterface } from 'file-box'
import * as PUPPET from 'wechaty-puppet'
import type { Config } from '../domain/types.js'
import { now } from '../clock.js'
import { directoryOf, type Directory } from './directory.js'
import { groupText, splitBytes, toMarkdown, withMentions } from './text.js'

export interface WecomHooks {
  /** the server accepted the credentials; first: for the first time since start */
  authenticated?(first: boolean): void
  /** the server refused the credentials (errmsg as sent) */
  refused?(reason: string, everAuthenticated: boolean): void
  disconnected?(reason: string): void
  /** the server could not be reached (network, address) */
  unreachable?(reason: string): void
  /** another program connected with the same bot; the server closed this connection for good */
  kicked?(): void
  /** a message from a group chat no branch lists in wecom.chats */
  unknownChat?(chatid: string): void
  /** a message from a userid no roster binds; topic: the group it came from, or null for a private chat */
  stranger?(s: { userid: string; topic: string | null; branch: string | null }): void
}

export interface PuppetWecomOptions {
  botId: string
  secret: string
  /** WECOM_WS_URL: a private deployment, or a local server in tests; default the SDK's own */
  wsUrl?: string
  config: Config
  now: () => Date
  hooks?: WecomHooks
  /** base of the SDK's exponential reconnect back-off (ms) */
  reconnectInterval?: number
  /** SDK log lines (English, for debugging); dropped by default */
  sdkLog?: (level: string, line: string) => void
}

const SELF = 'wecom-bot'
const roomId = (chatid: string) => `chat:${chatid}`
const userId = (userid: string) => `user:${userid}`
// payloads kept for Wechaty's look-ups and for downloading images; older ones are dropped
const MAX_CACHED = 2000

interface Incoming {
  payload: PUPPET.payloads.Message
  /** the encrypted media of an image message */
  media?: { url: string; aeskey?: string }
}

export class PuppetWecom extends PUPPET.Puppet {
  private client: WSClient | null = null
  private readonly dir: Directory
  private readonly messages = new Map<string, Incoming>()
  /** userids seen speaking who are not on any roster: contacts too, so the bot can answer them */
  private readonly seenUsers = new Set<string>()
  /** the latest unanswered message frame per conversation, for a passive reply */
  private readonly replyable = new Map<string, { frame: WsFrame; at: number }>()
  private everAuthenticated = false
  private streamSeq = 0

  constructor(private readonly o: PuppetWecomOptions) {
    super()
    this.dir = directoryOf(o.config)
  }

  override name(): string { return 'puppet-wecom' }

  override async onStart(): Promise<void> {
    const sdkLog = this.o.sdkLog ?? (() => {})
    const client = new WSClient({
      botId: this.o.botId,
      secret: this.o.secret,
      ...(this.o.wsUrl ? { wsUrl: this.o.wsUrl } : {}),
      // a bot runs for months: never give up reconnecting; a refused secret is handled in refused()
      maxReconnectAttempts: -1,
      maxAuthFailureAttempts: -1,
      reconnectInterval: this.o.reconnectInterval ?? 1000,
      logger: {
        debug: (m: string) => sdkLog('debug', m),
        info: (m: string) => sdkLog('info', m),
        warn: (m: string, ...a: unknown[]) => sdkLog('warn', [m, ...a].join(' ')),
        error: (m: string, ...a: unknown[]) => sdkLog('error', [m, ...a].join(' ')),
      },
    })
    this.client = client
    client.on('authenticated', () => {
      const first = !this.everAuthenticated
      this.everAuthenticated = true
      if (!this.isLoggedIn) this.login(SELF)
      this.o.hooks?.authenticated?.(first)
    })
    client.on('disconnected', (reason) => this.o.hooks?.disconnected?.(reason))
    client.on('error', (e) => {
      const refused = /^Authentication failed: (.*)$/.exec(e.message)
      if (refused) return this.o.hooks?.refused?.(refused[1]!, this.everAuthenticated)
      this.o.hooks?.unreachable?.(e.message)
    })
    client.on('event.disconnected_event', () => this.o.hooks?.kicked?.())
    client.on('message', (frame) => { this.onFrame(frame) })
    client.connect()
  }

  override async onStop(): Promise<void> {
    const c = this.client
    this.client = null
    if (c?.isConnected || c) c.disconnect()
  }

  private get sdk(): WSClient {
    if (!this.client) throw new Error('企业微信连接未建立')
    return this.client
  }

  // ------------------------------------------------------------------ incoming

  private onFrame(frame: WsFrame<BaseMessage>): void {
    const body = frame.body
    if (!body?.msgid || !body.from?.userid) return
    const userid = body.from.userid
    const group = body.chattype === 'group'
    let chat = null
    if (group) {
      chat = body.chatid ? this.dir.chats.get(body.chatid) : undefined
      if (!chat) return void this.o.hooks?.unknownChat?.(body.chatid ?? '(无 chatid)')
    }
    const conversation = group ? roomId(body.chatid!) : userId(userid)
    this.replyable.set(conversation, { frame, at: this.o.now().getTime() })
    if (!this.dir.users.has(userid)) {
      this.seenUsers.add(userid)
      return void this.o.hooks?.stranger?.({ userid, topic: chat?.topic ?? null, branch: chat?.branch ?? null })
    }
    const base = {
      talkerId: userId(userid),
      timestamp: this.o.now().getTime(),
      ...(group ? { roomId: roomId(body.chatid!), mentionIdList: [SELF] } : { listenerId: SELF }),
    }
    const text = (raw: string) => (group ? groupText(raw, this.o.config.bot.name, this.o.config.bot.wecom?.mentionNames ?? []) : raw)
    const T = PUPPET.types.Message
    const emit = (id: string, p: { type: PUPPET.types.Message; text: string; filename?: string }, media?: Incoming['media']) => {
      this.messages.set(id, { payload: { id, ...base, ...p } as PUPPET.payloads.Message, ...(media ? { media } : {}) })
      while (this.messages.size > MAX_CACHED) this.messages.delete(this.messages.keys().next().value!)
      this.emit('message', { messageId: id })
    }
    switch (body.msgtype) {
      case 'text': return emit(body.msgid, { type: T.Text, text: text(body.text?.content ?? '') })
      // 企业微信 transcribes voice: a spoken check-in is read as if typed
      case 'voice': return emit(body.msgid, { type: T.Text, text: text(body.voice?.content ?? '') })
      case 'image': return emit(body.msgid, { type: T.Image, text: '', filename: `${body.msgid}.jpg` }, body.image)
      case 'mixed': {
        // text and pictures in one message: the text first, then each picture, as WeChat would deliver them
        const items: { msgtype: string; text?: { content: string }; image?: { url: string; aeskey?: string } }[] = body.mixed?.msg_item ?? []
        const words = items.filter((i) => i.msgtype === 'text').map((i) => i.text?.content ?? '').join('\n').trim()
        if (words) emit(`${body.msgid}#text`, { type: T.Text, text: text(words) })
        items.filter((i) => i.msgtype === 'image' && i.image).forEach((i, n) =>
          emit(n ? `${body.msgid}#${n + 1}` : body.msgid, { type: T.Image, text: '', filename: `${body.msgid}-${n + 1}.jpg` }, i.image))
        return
      }
      case 'file': return emit(body.msgid, { type: T.Attachment, text: '' })
      default: return emit(body.msgid, { type: T.Unknown, text: '' })
    }
  }

  override async messageRawPayload(id: string): Promise<PUPPET.payloads.Message> {
    const m = this.messages.get(id)
    if (!m) throw new Error(`message ${id} is no longer cached`)
    return m.payload
  }

  override async messageRawPayloadParser(p: PUPPET.payloads.Message): Promise<PUPPET.payloads.Message> { return p }

  override async messageFile(id: string): Promise<FileBoxInterface> {
    const media = this.messages.get(id)?.media
    if (!media) throw new Error('这条消息没有可下载的图片')
    // the image is encrypted (AES-256-CBC with the message's aeskey); the SDK downloads and decrypts it
    const { buffer, filename } = await this.sdk.downloadFile(media.url, media.aeskey)
    return FileBox.fromBuffer(buffer, filename || this.messages.get(id)!.payload.filename || `${id}.jpg`)
  }

  override async messageImage(id: string): Promise<FileBoxInterface> { return this.messageFile(id) }

  override async messageRecall(): Promise<boolean> { return false }

  // ------------------------------------------------------------------ contacts and rooms

  private nameOf(contactId: string): string {
    if (contactId === SELF) return this.o.config.bot.name
    const userid = contactId.replace(/^user:/, '')
    // an unbound userid is known by the userid itself, which is what the secretary needs to bind it
    return this.dir.users.get(userid) ?? userid
  }

  override async contactRawPayload(id: string): Promise<PUPPET.payloads.Contact> {
    return {
      id, name: this.nameOf(id), avatar: '', phone: [], friend: true,
      gender: PUPPET.types.ContactGender.Unknown, type: PUPPET.types.Contact.Individual,
    }
  }

  override async contactRawPayloadParser(p: PUPPET.payloads.Contact): Promise<PUPPET.payloads.Contact> { return p }

  override async contactList(): Promise<string[]> {
    return [SELF, ...[...this.dir.users.keys(), ...this.seenUsers].map(userId)]
  }

  override async contactAlias(contactId: string): Promise<string>
  override async contactAlias(contactId: string, alias: string | null): Promise<void>
  override async contactAlias(_id: string, alias?: string | null): Promise<string | void> {
    if (alias === undefined) return ''
  }

  override async roomRawPayload(id: string): Promise<PUPPET.payloads.Room> {
    const chatid = id.replace(/^chat:/, '')
    const chat = this.dir.chats.get(chatid)
    if (!chat) throw new Error(`企业微信群 ${chatid} 不在配置中`)
    const branch = this.o.config.branches.find((b) => b.id === chat.branch)!
    return {
      id, topic: chat.topic, adminIdList: [],
      memberIdList: branch.members.filter((m) => m.wecom).map((m) => userId(m.wecom!)),
    }
  }

  override async roomRawPayloadParser(p: PUPPET.payloads.Room): Promise<PUPPET.payloads.Room> { return p }

  override async roomList(): Promise<string[]> { return [...this.dir.chats.keys()].map(roomId) }

  override async roomMemberList(id: string): Promise<string[]> { return (await this.roomRawPayload(id)).memberIdList }

  override async roomMemberRawPayload(_roomId: string, contactId: string): Promise<PUPPET.payloads.RoomMember> {
    return { id: contactId, name: this.nameOf(contactId), avatar: '', roomAlias: '' }
  }

  override async roomMemberRawPayloadParser(p: PUPPET.payloads.RoomMember): Promise<PUPPET.payloads.RoomMember> { return p }

  override async roomTopic(roomId: string): Promise<string>
  override async roomTopic(roomId: string, topic: string): Promise<void>
  override async roomTopic(id: string, topic?: string): Promise<string | void> {
    if (topic === undefined) return (await this.roomRawPayload(id)).topic
  }

  // ------------------------------------------------------------------ outgoing

  /** chatid for aibot_send_msg: a group's chatid, or the userid of a private chat */
  private chatOf(conversationId: string): string {
    if (conversationId.startsWith('chat:')) return conversationId.slice(5)
    if (conversationId.startsWith('user:')) return conversationId.slice(5)
    throw new Error(`无法发送到 ${conversationId}`)
  }

  /** The member's message this send may answer passively, once, within the reply window. */
  private takeReplyable(conversationId: string): WsFrame | null {
    const r = this.replyable.get(conversationId)
    const windowMs = (this.o.config.bot.wecom?.replyWindowSeconds ?? 0) * 1000
    if (!r || this.o.now().getTime() - r.at > windowMs) return null
    this.replyable.delete(conversationId)
    return r.frame
  }

  override async messageSendText(conversationId: string, text: string, mentionIdList?: string[]): Promise<void> {
    const chatid = this.chatOf(conversationId)
    const mentions = (mentionIdList ?? []).filter((id) => id.startsWith('user:')).map((id) => ({ name: this.nameOf(id), userid: id.slice(5) }))
    const content = withMentions(toMarkdown(text), mentions)
    const max = this.o.config.bot.wecom?.markdownMaxBytes ?? 4000
    for (const part of splitBytes(content, max)) {
      const frame = this.takeReplyable(conversationId)
      if (frame) {
        try {
          await this.sdk.replyStream(frame, `zhibu-${now().getTime()}-${++this.streamSeq}`, part, true)
          continue
        } catch {
          // the passive reply window may have closed on the server's side: send proactively instead
        }
      }
      await sent(this.sdk.sendMessage(chatid, { msgtype: 'markdown', markdown: { content: part } }))
    }
  }

  override async messageSendFile(conversationId: string, file: FileBoxInterface): Promise<void> {
    const chatid = this.chatOf(conversationId)
    const data = await file.toBuffer()
    const type: WeComMediaType = /\.(png|jpe?g|gif)$/i.test(file.name) ? 'image' : 'file'
    const media = await sent(this.sdk.uploadMedia(data, { type, filename: file.name }))
    await sent(this.sdk.sendMediaMessage(chatid, type, media.media_id))
  }
}

/** The SDK rejects with the server's reply frame, not an Error: one plain error for the outbox's log. */
async function sent<T>(p: Promise<T>): Promise<T> {
  try {
    return await p
  } catch (e) {
    if (e instanceof Error) throw e
    const f = e as { errcode?: number; errmsg?: string }
    throw new Error(`企业微信拒绝了这条消息：${f.errmsg ?? '未知原因'}（errcode ${f.errcode ?? '?'}）`)
  }
}
