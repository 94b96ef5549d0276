#!/usr/bin/env node
// `npm start`: the live bot from the compiled JavaScript in dist/ (built by `npm install`).
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const main = new URL('../dist/main.js', import.meta.url)
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write('找不到编译好的程序（dist/main.js）：请在项目文件夹里先运行 npm install（或 npm run build），再重试\n')
  process.exit(2)
}
const { runNpmStart } = await import(main.href)
await runNpmStart(process.argv.slice(2))
