// The scheduled jobs, assembled in one place.
import type { Job } from './scheduler.js'

const maintenance: Job = {
  name: '日常维护',
  when: () => [{ daily: '03:30' }],
  async run(app) {
    await app.seen.expire(app.now())
  },
}

export const JOBS: readonly Job[] = [maintenance]
