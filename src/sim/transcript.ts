// The `simulate` transcript: one JSON object a line (DESIGN.md). Pure: text in, events and
// problems (with line numbers) out; a bad line is reported and skipped, the rest still runs.
export interface SimEvent {
  at: Date
  room: string | null
  from: string
  text: string
  id: string
  type: 'text' | 'image' | 'recall'
  /** an image event's picture, relative to the transcript's folder (DESIGN.md "Images in a transcript") */
  file?: string
  line: number
}

export interface TranscriptProblem { line: number; message: string }

export function parseTranscript(text: string): { events: SimEvent[]; problems: TranscriptProblem[] } {
  const events: SimEvent[] = []
  const problems: TranscriptProblem[] = []
  text.split('\n').forEach((raw, i) => {
    const line = i + 1
    if (!raw.trim()) return
    let o: Record<string, unknown>
    try {
      o = JSON.parse(raw)
    } catch (e) {
      problems.push({ line, message: `不是有效的 JSON（not valid JSON: ${(e as Error).message}）` })
      return
    }
    if (!o || typeof o !== 'object' || Array.isArray(o)) return void problems.push({ line, message: '应为一个 JSON 对象（expected an object）' })
    const missing = ['at', 'from', 'text'].filter((k) => typeof o[k] !== 'string')
    if (missing.length) return void problems.push({ line, message: `缺少或类型错误：${missing.join('、')}（missing or not a string）` })
    const at = new Date(o.at as string)
    if (Number.isNaN(at.getTime()) || !/[T ]\d{2}:\d{2}/.test(o.at as string)) {
      return void problems.push({ line, message: `时间“${o.at}”无法识别，应为 ISO-8601，如 2026-11-03T08:12:00+08:00（bad "at"）` })
    }
    const type = (o.type ?? 'text') as string
    if (!['text', 'image', 'recall'].includes(type)) return void problems.push({ line, message: `type 应为 text、image 或 recall（bad type "${type}"）` })
    if (o.room !== undefined && o.room !== null && typeof o.room !== 'string') return void problems.push({ line, message: 'room 应为文字（room must be a string）' })
    if (o.file !== undefined && (typeof o.file !== 'string' || !o.file.trim())) return void problems.push({ line, message: 'file 应为图片文件的路径（file must be a path）' })
    if (o.id !== undefined && typeof o.id !== 'string' && typeof o.id !== 'number') return void problems.push({ line, message: 'id 应为文字（id must be a string）' })
    events.push({
      at,
      room: (o.room as string | undefined) ?? null,
      from: o.from as string,
      text: o.text as string,
      id: o.id !== undefined ? String(o.id) : `line:${line}`,
      type: type as SimEvent['type'],
      ...(type === 'image' && typeof o.file === 'string' ? { file: o.file } : {}),
      line,
    })
  })
  // events are delivered in time order; equal times keep file order
  events.sort((a, b) => a.at.getTime() - b.at.getTime() || a.line - b.line)
  return { events, problems }
}
