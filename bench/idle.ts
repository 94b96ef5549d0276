// Resident memory once a process has gone quiet. Right after a burst of messages V8 still holds the
// young generation the burst grew into; a few seconds of quiet later its memory reducer returns
// it, on the bare bot and on this bot alike. A bot in a branch's group spends nearly all its time
// quiet, so that is the figure a small machine feels. Both sides are measured the same way: a full
// collection every STEP_MS; after MIN_MS (the reducer works in steps some seconds apart, and a
// process can sit on a plateau for ten seconds before its next step), until three readings in a
// row agree within 1 MB, or MAX_MS has passed.
const STEP_MS = 5000
const MIN_MS = 60_000
const MAX_MS = 150_000

export const rssMB = (): number => process.memoryUsage().rss / 2 ** 20

export async function idleRssMB(): Promise<number> {
  const readings: number[] = []
  for (let waited = 0; waited <= MAX_MS; waited += STEP_MS) {
    global.gc?.()
    readings.push(rssMB())
    const last = readings.slice(-3)
    if (waited >= MIN_MS && Math.max(...last) - Math.min(...last) < 1) break
    await new Promise((r) => setTimeout(r, STEP_MS))
  }
  return readings[readings.length - 1]!
}
