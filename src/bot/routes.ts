// What the bot understands, in the order it is tried. Each handler is small and named for the
// message kind it takes; the first one that handles a message wins.
import type { Route } from './router.js'
import { help, stranger } from './handlers/help.js'

export const ROUTES: readonly Route[] = [
  { name: 'stranger', handle: stranger },
  { name: 'help', handle: help },
]
