// Proves that the bundled HCL path works without node_modules, as on a GitHub runner: copies
// dist/ to a fresh temp directory outside the repository (so no node_modules is reachable),
// then, in a child `node` with an empty NODE_PATH, loads dist/cli/backend.js and reads the
// backend fixtures through it. Prints one JSON object; exits 1 when a check fails.
// Usage: npm run build && node scripts/check-dist-hcl.mjs
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, parse, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)))
const DIST = join(ROOT, 'dist')
const FIXTURES = join(ROOT, 'fixtures', 'backends')
const CASES = ['no-backend', 's3-partial', 'azurerm', 'broken']

// Runs inside the temp copy. `globalThis.__parse_terraform_config_wasm__` is where hcl2json's
// Go program registers itself, so it tells whether the WASM was loaded.
const CHILD = `
import { fileURLToPath } from 'node:url'
import { readdir, readFile } from 'node:fs/promises'
const fs = {
  readdir: async (dir) => (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name),
  readFile: async (path) => readFile(path, 'utf8').catch((e) => (e.code === 'ENOENT' ? undefined : Promise.reject(e)))
}
const wasmLoaded = () => '__parse_terraform_config_wasm__' in globalThis
let resolvable
try {
  import.meta.resolve('@cdktn/hcl2json')
  resolvable = true
} catch {
  resolvable = false
}
const { loadBackends } = await import('./dist/cli/backend.js')
const out = { hcl2jsonResolvable: resolvable, cases: {} }
for (const name of process.argv.slice(2)) {
  const started = performance.now()
  try {
    const result = await loadBackends(fileURLToPath(new URL('./tf/' + name, import.meta.url)), fs)
    out.cases[name] = { ...result, wasmLoaded: wasmLoaded() }
  } catch (error) {
    out.cases[name] = { error: error.name + ': ' + error.message, wasmLoaded: wasmLoaded() }
  }
  out.cases[name].ms = Math.round(performance.now() - started)
}
process.stdout.write(JSON.stringify(out))
`

class CheckError extends Error {}

function fail(message) {
  throw new CheckError(message)
}

function hasNodeModulesAbove(dir) {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, 'node_modules'))) return true
    if (d === parse(d).root) return false
  }
}

const temp = mkdtempSync(join(tmpdir(), 'plan-gate-dist-'))
try {
  if (!existsSync(join(DIST, 'cli', 'backend.js')))
    fail('dist/cli/backend.js missing: npm run build')
  if ((temp + sep).startsWith(ROOT + sep)) fail(`${temp} is inside the repository`)
  if (hasNodeModulesAbove(temp)) fail(`a node_modules directory is reachable from ${temp}`)
  cpSync(DIST, join(temp, 'dist'), { recursive: true })
  for (const name of CASES)
    cpSync(join(FIXTURES, name), join(temp, 'tf', name), { recursive: true })
  writeFileSync(join(temp, 'child.mjs'), CHILD)

  const child = spawnSync(process.execPath, ['child.mjs', ...CASES], {
    cwd: temp,
    env: { PATH: process.env.PATH ?? '', NODE_PATH: '' },
    encoding: 'utf8',
    timeout: 60_000
  })
  if (child.status !== 0) fail(`child exited ${child.status}: ${child.stderr.trim()}`)
  const result = JSON.parse(child.stdout)
  const cli = join(DIST, 'cli')
  result.bytes = {
    'index.js': statSync(join(cli, 'index.js')).size,
    'hcl2json.js': statSync(join(cli, 'hcl2json.js')).size,
    'hcl2json.wasm.gz': statSync(join(cli, 'hcl2json.wasm.gz')).size
  }
  process.stdout.write(JSON.stringify(result, null, 2) + '\n')
} catch (error) {
  if (!(error instanceof CheckError)) throw error
  process.stderr.write(`check-dist-hcl: ${error.message}\n`)
  process.exitCode = 1
} finally {
  rmSync(temp, { recursive: true, force: true })
}
