#!/usr/bin/env node
// `npx zhibu-bot …`: runs the compiled JavaScript in dist/ (built by `npm install` through `prepare`),
// so a start does not spend seconds compiling TypeScript.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const cli = new URL('../dist/cli.js', import.meta.url)
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write('找不到编译好的程序（dist/cli.js）：请在项目文件夹里先运行 npm install（或 npm run build），再重试\n')
  process.exit(2)
}
await import(cli.href)
