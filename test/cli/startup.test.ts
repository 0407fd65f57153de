/**
 * What a plain run of the built CLI (`plan-gate plan.json`) loads, since every run pays for it:
 * not the chunks of the other commands and formats (agent hook and exec, the .tf locator and its
 * tree-sitter, the policy parser, doctor's GitHub client, the HCL parser), and not the Node
 * built-ins it does not use (node:crypto with OpenSSL, child_process, fs/promises, WebCrypto).
 * A copy of dist/cli without those chunks must give the same report; the built-ins are read
 * from `process.moduleLoadList` at exit.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { requireFreshDist } from '../dist.js'
import { ROOT } from '../helpers.js'

const DIST = join(ROOT, 'dist', 'cli')
const PLAN = join(ROOT, 'fixtures', 'examples', 'destroy-prod-db.json')
/** Chunks and assets a plain run must not need. */
const NOT_LOADED = [
  'command.js',
  'shell-parser.js',
  'sources.js',
  'web-tree-sitter.wasm',
  'tree-sitter-terraform.wasm',
  'config.js',
  'doctor-cli.js',
  'hcl2json.js',
  'hcl2json.wasm.gz'
]
/** Built-in modules a plain run must not load. */
const NOT_BUILTIN = [
  'NativeModule crypto',
  'NativeModule internal/crypto/webcrypto',
  'NativeModule child_process',
  'NativeModule fs/promises',
  'NativeModule worker_threads'
]

if (!existsSync(join(DIST, 'index.js'))) {
  test.skip('skipped: dist/cli/index.js is not built (npm run build)', () => undefined)
} else {
  beforeAll(() => requireFreshDist('cli'))
  const dir = mkdtempSync(join(tmpdir(), 'plan-gate-startup-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  // No policy file above the working directory: the default policy, as most runs.
  const cwd = join(dir, 'work')
  const plain = join(dir, 'plain')
  const atExit = join(dir, 'at-exit.mjs')
  beforeAll(() => {
    cpSync(DIST, plain, { recursive: true })
    for (const name of NOT_LOADED) rmSync(join(plain, name))
    cpSync(PLAN, join(cwd, 'plan.json'), { recursive: true })
    writeFileSync(
      atExit,
      "process.on('exit', () => process.stderr.write(`LOADED ${JSON.stringify(process.moduleLoadList)}\\n`))\n"
    )
  })

  const run = (bin: string, args: readonly string[], node: readonly string[] = []) => {
    const r = spawnSync(process.execPath, [...node, join(bin, 'index.js'), ...args], {
      cwd,
      env: { PATH: process.env['PATH'], NO_COLOR: '1' },
      encoding: 'utf8',
      timeout: 60_000
    })
    return { code: r.status, stdout: r.stdout, stderr: r.stderr }
  }

  describe('a plain run of the built CLI', () => {
    test('the chunks it must not load are there to remove (their names did not change)', () => {
      for (const name of NOT_LOADED) expect(existsSync(join(DIST, name))).toBe(true)
    })

    test.each([['json'], ['text'], ['markdown']])(
      'without the other chunks: the same %s report, exit code and stderr',
      (format) => {
        const full = run(DIST, ['plan.json', '--format', format])
        expect(full.code).toBe(1)
        expect(full.stdout).toContain('aws_db_instance')
        expect(run(plain, ['plan.json', '--format', format])).toEqual(full)
      }
    )

    test('a plan on standard input (made on first use) gives the same report', () => {
      const file = run(DIST, ['plan.json', '--format', 'json'])
      const r = spawnSync(process.execPath, [join(plain, 'index.js'), '-', '--format', 'json'], {
        cwd,
        env: { PATH: process.env['PATH'], NO_COLOR: '1' },
        input: readFileSync(join(cwd, 'plan.json')),
        encoding: 'utf8',
        timeout: 60_000
      })
      expect(r.status).toBe(1)
      expect(r.stderr).toBe('')
      expect(r.stdout).toBe(file.stdout.replaceAll('"plan.json"', '"-"'))
    })

    test('--version and --help without them too', () => {
      expect(run(plain, ['--version'])).toEqual(run(DIST, ['--version']))
      expect(run(plain, ['--help'])).toEqual(run(DIST, ['--help']))
    })

    test('a format that needs a missing chunk fails closed: exit 2, one line, no stack', () => {
      // Shows that the copy really lacks the locator's chunk, and what a broken install says.
      const r = run(plain, ['plan.json', '--format', 'sarif'])
      expect(r.code).toBe(2)
      expect(r.stdout).toBe('')
      expect(r.stderr).toMatch(/^plan-gate: .*sources\.js.*\n$/)
      expect(run(DIST, ['plan.json', '--format', 'sarif']).code).toBe(1)
    })

    test('loads neither node:crypto, child_process, fs/promises nor worker_threads', () => {
      const loaded = (args: readonly string[], node: readonly string[] = []): string[] => {
        const r = run(DIST, args, ['--import', atExit, ...node])
        const line = r.stderr.split('\n').find((l) => l.startsWith('LOADED '))
        if (line === undefined) throw new Error(`no module list: ${r.stderr}`)
        return JSON.parse(line.slice('LOADED '.length)) as string[]
      }
      const modules = loaded(['plan.json', '--format', 'json'])
      expect(modules).toContain('NativeModule fs')
      for (const name of NOT_BUILTIN) expect(modules).not.toContain(name)
      // The list does show them when they are loaded: the hook runs (and loads) the agent chunk.
      const hook = loaded(['exec', '--', 'true'])
      expect(hook).toContain('NativeModule child_process')
      expect(hook).toContain('NativeModule crypto')
    })
  })
}
