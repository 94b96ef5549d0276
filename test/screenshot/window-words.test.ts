// The 识别截图 window as the member reads it, for any configured askMinutes.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { windowView } from '../../src/bot/handlers/screenshot.js'
import { Templates } from '../../src/templates.js'

const t = new Templates()
const say = (m: number) => t.render('screenshot-none', { name: '王建国', ...windowView(m) })

test('the window is worded as a person would say it', () => {
  assert.match(say(30), /^王建国同志，最近半小时内没有收到您的截图/)
  assert.match(say(60), /最近1小时内/)
  assert.match(say(120), /最近2小时内/)
  assert.match(say(45), /最近45分钟内/)
  assert.match(say(90), /最近90分钟内/)
  for (const m of [1, 5, 30, 45, 60, 90, 180, 1440]) assert.doesNotMatch(say(m), /最近内|\{\{/)
})
