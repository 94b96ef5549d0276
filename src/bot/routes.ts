// What the bot understands, in the order it is tried. Each handler is small and named for the
// message kind it takes; the first one that handles a message wins.
import type { Route } from './router.js'
import { stranger } from './handlers/help.js'
import { backfill, checkin, recall, solitaire } from './handlers/checkin.js'
import { photo, report, reportAnswer } from './handlers/activity.js'
import { screenshot, screenshotAsk } from './handlers/screenshot.js'
import { command } from './command-table.js'
import { noteMissed } from './missed.js'

export const ROUTES: readonly Route[] = [
  { name: 'recall', handle: recall },
  { name: 'stranger', handle: stranger },
  // every #command, by the rows of command-table.ts
  { name: 'command', handle: command },
  { name: 'screenshot-ask', handle: screenshotAsk },
  { name: 'report-answer', handle: reportAnswer },
  { name: 'photo', handle: photo },
  // after the photo: a meeting photo after a report goes to that record first
  { name: 'screenshot', handle: screenshot },
  { name: 'backfill', handle: backfill },
  { name: 'solitaire', handle: solitaire },
  { name: 'report', handle: report },
  { name: 'checkin', handle: checkin },
  // last: handles nothing, remembers talk that made no record (#未识别)
  { name: 'missed', handle: noteMissed },
]
