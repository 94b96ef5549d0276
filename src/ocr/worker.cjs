// The OCR worker thread's script: tesseract.js's own, run at a lower scheduling priority (this
// thread only, on Linux), so that on a small machine the bot's thread — text check-ins, replies —
// goes first and a screenshot waits instead.
'use strict'
try {
  const tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop())
  if (tid > 0) require('node:os').setPriority(tid, 15)
} catch {
  // not Linux, or not allowed: the same reading, at the usual priority
}
require('tesseract.js/src/worker-script/node/index.js')
