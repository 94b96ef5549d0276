// A local stand-in for 企业微信's long-connection server (wss://openws.work.weixin.qq.com), speaking
// the frames the official SDK speaks: aibot_subscribe (checked against the expected credentials),
// ping, aibot_msg_callback pushed by the test, aibot_respond_msg / aibot_send_msg acknowledged and
// recorded, the three-step media upload, and encrypted media downloads over HTTP.
import { createCipheriv, randomBytes } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'

export interface Frame { cmd?: string; headers: { req_id: string }; body?: any; errcode?: number; errmsg?: string }
export interface Received extends Frame { at: number; conn: number }
/** A message the bot sent, as a member would see it; at: when its first frame arrived */
export interface Sent { at: number; via: 'respond' | 'send'; chatid: string | null; replyTo: string | null; msgtype: string; content?: string; media?: { name: string; data: Buffer } }

export class FakeWecom {
  readonly frames: Received[] = []
  readonly sent: Sent[] = []
  private readonly http: Server
  private readonly wss: WebSocketServer
  private readonly sockets = new Set<WebSocket>()
  private readonly uploads = new Map<string, { name: string; chunks: Buffer[]; at: number }>()
  private readonly media = new Map<string, { name: string; data: Buffer; at: number }>()
  private readonly files = new Map<string, Buffer>()
  /** req_id of each pushed callback -> the chat it came from */
  private readonly callbacks = new Map<string, string>()
  private conns = 0
  private seq = 0
  port = 0

  constructor(readonly botId = 'bot-test', readonly secret = 'secret-test') {
    this.http = createServer((req, res) => {
      const data = this.files.get(req.url ?? '')
      if (!data) { res.writeHead(404); res.end(); return }
      res.writeHead(200, { 'content-type': 'application/octet-stream' })
      res.end(data)
    })
    this.wss = new WebSocketServer({ server: this.http })
    this.wss.on('connection', (ws) => this.onConnection(ws))
  }

  async listen(): Promise<this> {
    await new Promise<void>((r) => this.http.listen(0, '127.0.0.1', r))
    this.port = (this.http.address() as AddressInfo).port
    return this
  }

  get url(): string { return `ws://127.0.0.1:${this.port}` }

  /** subscribe frames that were accepted, in order */
  get logins(): Received[] {
    return this.frames.filter((f) => f.cmd === 'aibot_subscribe' && f.body?.bot_id === this.botId && f.body?.secret === this.secret)
  }

  private onConnection(ws: WebSocket): void {
    const conn = ++this.conns
    let authed = false
    this.sockets.add(ws)
    ws.on('close', () => this.sockets.delete(ws))
    ws.on('message', (raw) => {
      const f = JSON.parse(raw.toString()) as Frame
      this.frames.push({ ...f, at: Date.now(), conn })
      const ack = (extra: object = {}) => ws.send(JSON.stringify({ headers: { req_id: f.headers.req_id }, errcode: 0, errmsg: 'ok', ...extra }))
      switch (f.cmd) {
        case 'aibot_subscribe':
          authed = f.body?.bot_id === this.botId && f.body?.secret === this.secret
          if (authed) return ack()
          return ws.send(JSON.stringify({ headers: { req_id: f.headers.req_id }, errcode: 40001, errmsg: 'invalid bot_id or secret' }))
        case 'ping': return ack()
      }
      if (!authed) return ws.close()
      switch (f.cmd) {
        case 'aibot_respond_msg':
          this.record('respond', this.callbacks.get(f.headers.req_id) ?? null, f.headers.req_id, f.body)
          return ack()
        case 'aibot_send_msg':
          this.record('send', f.body?.chatid ?? null, null, f.body)
          return ack()
        case 'aibot_upload_media_init': {
          const id = `up${++this.seq}`
          this.uploads.set(id, { name: f.body.filename, chunks: [], at: Date.now() })
          return ack({ body: { upload_id: id } })
        }
        case 'aibot_upload_media_chunk':
          this.uploads.get(f.body.upload_id)!.chunks[f.body.chunk_index] = Buffer.from(f.body.base64_data, 'base64')
          return ack()
        case 'aibot_upload_media_finish': {
          const up = this.uploads.get(f.body.upload_id)!
          const mediaId = `media${++this.seq}`
          this.media.set(mediaId, { name: up.name, data: Buffer.concat(up.chunks), at: up.at })
          return ack({ body: { media_id: mediaId, type: 'file', created_at: String(Date.now()) } })
        }
        default: return ack()
      }
    })
  }

  private record(via: Sent['via'], chatid: string | null, replyTo: string | null, body: any): void {
    const msgtype = body?.msgtype ?? '?'
    const content = body?.stream?.content ?? body?.markdown?.content
    const mediaId = body?.[msgtype]?.media_id
    const media = mediaId ? this.media.get(mediaId) : undefined
    // a file is sent when its upload begins: that is when the bot's outbox let it go
    this.sent.push({ at: media?.at ?? Date.now(), via, chatid, replyTo, msgtype, ...(content !== undefined ? { content } : {}), ...(media ? { media: { name: media.name, data: media.data } } : {}) })
  }

  /** Pushes a member's message (aibot_msg_callback) to every connected bot. */
  push(body: { msgid: string; userid: string; chatid?: string; text?: string; image?: { url: string; aeskey: string }; msgtype?: string }): string {
    const reqId = `cb_${++this.seq}`
    const { userid, text, image, ...rest } = body
    const chattype = body.chatid ? 'group' : 'single'
    this.callbacks.set(reqId, body.chatid ?? userid)
    const frame = {
      cmd: 'aibot_msg_callback', headers: { req_id: reqId },
      body: {
        aibotid: this.botId, chattype, from: { userid }, create_time: Math.floor(Date.now() / 1000),
        msgtype: rest.msgtype ?? (image ? 'image' : 'text'),
        ...(text !== undefined ? { text: { content: text } } : {}), ...(image ? { image } : {}), ...rest,
      },
    }
    for (const ws of this.sockets) ws.send(JSON.stringify(frame))
    return reqId
  }

  /** Serves a file encrypted as 企业微信 serves media: AES-256-CBC, key and IV from the aeskey, PKCS#7 to 32 bytes. */
  serveEncrypted(name: string, data: Buffer): { url: string; aeskey: string } {
    const key = randomBytes(32)
    const pad = 32 - (data.length % 32)
    const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16))
    cipher.setAutoPadding(false)
    this.files.set(`/media/${name}`, Buffer.concat([cipher.update(Buffer.concat([data, Buffer.alloc(pad, pad)])), cipher.final()]))
    return { url: `http://127.0.0.1:${this.port}/media/${name}`, aeskey: key.toString('base64') }
  }

  /** Tells the bot another program connected with the same bot id (disconnected_event), then closes. */
  kick(): void {
    const frame = { cmd: 'aibot_event_callback', headers: { req_id: `ev_${++this.seq}` }, body: { msgid: `ev${this.seq}`, aibotid: this.botId, msgtype: 'event', from: { userid: '' }, create_time: 0, event: { eventtype: 'disconnected_event' } } }
    for (const ws of this.sockets) ws.send(JSON.stringify(frame))
  }

  /** Drops every connection, as a network outage would. */
  drop(): void {
    for (const ws of this.sockets) ws.terminate()
  }

  get connected(): number { return this.sockets.size }

  async close(): Promise<void> {
    this.drop()
    await new Promise<void>((r) => this.wss.close(() => r()))
    await new Promise<void>((r) => this.http.close(() => r()))
  }
}

/** Polls until the condition holds (the bot works on real sockets and timers). */
export async function until<T>(what: string, f: () => T | undefined | null | false | Promise<T | undefined | null | false>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms
  for (;;) {
    const v = await f()
    if (v) return v
    if (Date.now() > end) throw new Error(`timed out waiting for: ${what}`)
    await new Promise((r) => setTimeout(r, 25))
  }
}
