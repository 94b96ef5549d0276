// The layers of docs/ARCHITECTURE.md, kept by a tool instead of by discipline. Only rules about
// structure are on: what may import what, where the wall clock may be read, no import circles.
// (Style is the compiler's and the reviewer's job; a rule here is one that protects the design.)
import tseslint from 'typescript-eslint'
import importX, { createNodeResolver } from 'eslint-plugin-import-x'

const IO = [
  { name: 'wechaty', message: 'messages/ and domain/ are pure: the shell talks to WeChat.' },
  { name: 'lowdb', message: 'messages/ and domain/ are pure: read records through the store.' },
  { name: 'file-box', message: 'messages/ and domain/ are pure: files are the shell\'s.' },
  { name: 'fs', message: 'messages/ and domain/ are pure: no file system.' },
  { name: 'node:fs', message: 'messages/ and domain/ are pure: no file system.' },
  { name: 'fs/promises', message: 'messages/ and domain/ are pure: no file system.' },
  { name: 'node:fs/promises', message: 'messages/ and domain/ are pure: no file system.' },
]

const CLOCK = [
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Read the time through src/clock.ts (or take `now` as a parameter).' },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Read the time through src/clock.ts (or take `now` as a parameter).' },
]

// Each layer may import only layers below it (lowest first). The shell (main, runtime, cli, sim,
// puppet-wecom) sits on top and may import anything.
const SHELL = ['./src/main.ts', './src/runtime.ts', './src/cli.ts', './src/startup-checks.ts', './src/sim', './src/puppet-wecom']
const LAYERS = [
  ['./src/domain'],
  ['./src/messages'],
  ['./src/store', './src/config', './src/templates.ts', './src/clock.ts', './src/log.ts'],
  ['./src/report'],
  ['./src/bot'],
  ['./src/schedule'],
]
const zones = LAYERS.flatMap((layer, i) => {
  const above = [...LAYERS.slice(i + 1).flat(), ...SHELL]
  // the members of the infrastructure layer are independent modules, not one package
  return layer.map((target) => ({ target, from: above, message: 'imports run down the layers (docs/ARCHITECTURE.md)' }))
})
// handlers are leaves: only the command table and the route list import them, and they share
// through domain/ (who may do what), report/ (views) or templates, never through each other
zones.push(
  { target: './src/bot/handlers', from: './src/bot/handlers', message: 'handlers do not import each other' },
  { target: './src/!(bot)/**', from: './src/bot/handlers', message: 'only the route list and the command table import handlers' },
  { target: './src/bot/!(routes|command-table).ts', from: './src/bot/handlers', message: 'only the route list and the command table import handlers' },
)

export default tseslint.config(
  { ignores: ['node_modules/**', 'test/**', 'bench/**', 'bin/**'] },
  {
    files: ['src/**/*.ts'],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaVersion: 2022, sourceType: 'module' } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      // `./x.js` in a specifier names `./x.ts` (NodeNext)
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'], extensionAlias: { '.js': ['.ts', '.js'] } })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones }],
      'no-restricted-syntax': ['error', ...CLOCK],
    },
  },
  {
    files: ['src/messages/**/*.ts', 'src/domain/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: IO }] },
  },
  {
    // handlers touch no file system: photos go through store.savePhoto, records through the store
    files: ['src/bot/handlers/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: IO.filter((p) => p.name.includes('fs')).map((p) => ({ ...p, message: 'handlers touch no file system: use the store.' })) }] },
  },
  {
    files: ['src/report/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/bot/*', '**/bot/**'], message: 'report/ is below bot/: take what it needs as a parameter.' }] }] },
  },
  {
    // the one place the wall clock is read
    files: ['src/clock.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
)
