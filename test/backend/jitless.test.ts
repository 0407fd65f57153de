/**
 * Where WebAssembly is unavailable (`node --jitless`, the README's fallback), backend detection
 * falls back to what `terraform init` recorded, or stops with one line; it never crashes.
 */
import { afterEach, describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { BackendConfigError } from '../../src/backend/backend.js'
import { INIT_STATE, loadBackends, webAssemblyAvailable } from '../../src/backend/load.js'
import { fixture, nodeFs, ROOT } from '../helpers.js'

describe('backend detection without WebAssembly (simulated)', () => {
  const saved = globalThis.WebAssembly
  const hide = (): void => {
    Reflect.deleteProperty(globalThis, 'WebAssembly')
  }
  afterEach(() => {
    ;(globalThis as { WebAssembly?: unknown }).WebAssembly = saved
  })

  test('the check sees WebAssembly come and go', () => {
    expect(webAssemblyAvailable()).toBe(true)
    hide()
    expect(webAssemblyAvailable()).toBe(false)
  })

  test('an initialized directory falls back to the backend terraform init recorded', async () => {
    hide()
    const loaded = await loadBackends(fixture('backends', 's3-partial'), nodeFs)
    expect(loaded.sources).toEqual([INIT_STATE])
    expect(loaded.backends).toMatchObject([
      { kind: 's3', bucket: 'acme-shared-tfstate', dynamodbTable: 'acme-shared-tf-locks' }
    ])
  })

  test('a backend block with nothing initialized is one clear line, not a crash', async () => {
    hide()
    const load = loadBackends(fixture('backends', 's3-interpolated'), nodeFs)
    await expect(load).rejects.toBeInstanceOf(BackendConfigError)
    await expect(load).rejects.toThrow(
      /s3-interpolated\/backend\.tf: reading its backend block needs WebAssembly, which this Node\.js does not provide \(--jitless\): run `terraform init` there first/
    )
  })

  test('JSON syntax and files without a backend need no parser', async () => {
    hide()
    expect((await loadBackends(fixture('backends', 'tf-json'), nodeFs)).backends).toHaveLength(1)
    expect((await loadBackends(fixture('backends', 'no-backend'), nodeFs)).backends).toEqual([])
  })
})

// The bundle as users run it; `npm run build` refreshes dist/ from src/.
const BUNDLE = join(ROOT, 'dist', 'cli', 'index.js')
const bundled = existsSync(BUNDLE) ? describe : describe.skip
if (!existsSync(BUNDLE))
  console.warn('jitless: bundle tests skipped: dist/cli/index.js is not built')

bundled('node --jitless dist/cli/index.js', () => {
  const plan = fixture('examples', 'destroy-prod-db.json')
  // Node itself warns that --jitless turns WebAssembly off; the rest is plan-gate's.
  const run = (dir: string): { status: number | null; stderr: string } => {
    const child = spawnSync(process.execPath, ['--jitless', BUNDLE, plan, '--terraform-dir', dir], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { PATH: process.env['PATH'] }
    })
    const stderr = child.stderr
      .split('\n')
      .filter((line) => !line.startsWith('Warning: disabling flag --expose_wasm'))
      .join('\n')
    return { status: child.status, stderr }
  }

  test('a .tf file naming a backend, not initialized: exit 2 with one line', () => {
    const child = run(fixture('backends', 's3-interpolated'))
    expect(child.status).toBe(2)
    expect(child.stderr).not.toMatch(/ReferenceError|\n\s+at /)
    expect(child.stderr.trim().split('\n')).toHaveLength(1)
    expect(child.stderr).toMatch(/needs WebAssembly/)
  })

  test('an initialized directory is gated as usual', () => {
    const child = run(fixture('backends', 's3-partial'))
    expect(child.stderr).toBe('')
    expect(child.status).toBe(1)
  })
})
