// What the bot sends, as plain data: handlers, jobs and report/ build these; bot/outbox.ts delivers them.
export interface Target { room?: string; contact?: string }

export interface OutFile { name: string; data: Buffer }

export interface OutMessage {
  to: Target
  text?: string
  file?: OutFile
  /** roster/WeChat names to @-mention (rooms only) */
  mentions?: string[]
  /**
   * ack: check-in acknowledgement, mergeable; reply: a direct answer to a member (allowed in quiet
   * hours); notice: scheduled or unsolicited (deferred out of quiet hours)
   */
  kind: 'ack' | 'reply' | 'notice'
  /** dedupe key of a notice (durable queue): one key goes out once */
  key?: string
  /** who caused it (branch:member): acks merge per person, and one person's queue is capped */
  from?: string
  /** for acks: the line that stands for acks left out of a merge, with {count} for how many */
  overflow?: string
}
