/**
 * A reader that closes the pipe early (`plan-gate rules | head -3`): the built CLI stops quietly
 * with its usual exit code; no "write EPIPE", no stack trace. Spawns dist/cli/index.js (run
 * `npm run build` first) with standard output piped into a reader that takes one chunk and
 * closes. The outputs here are larger than a pipe's buffer (64 KiB), so the CLI is still writing
 * when the reader goes.
 */
import { describe, expect, test } from '@jest/globals'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { requireFreshDist } from '../dist.js'
import { ROOT } from '../helpers.js'

const CLI = join(ROOT, 'dist', 'cli', 'index.js')

interface Closed {
  code: number | null
  signal: NodeJS.Signals | null
  stderr: string
  read: number
}

/** Runs the CLI, reads its first chunk of output, closes the pipe and waits for the exit. */
function headOne(args: string[]): Promise<Closed> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: ROOT,
      env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stderr = ''
    let read = 0
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (t: string) => (stderr += t))
    child.stdout.once('data', (chunk: Buffer) => {
      read = chunk.length
      child.stdout.destroy() // what `head` does once it has its lines
    })
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({ code, signal, stderr, read }))
  })
}

/** A plan deleting `n` databases: several hundred KiB of report. */
function bigPlan(n: number): string {
  const changes = Array.from({ length: n }, (_, i) => ({
    address: `aws_db_instance.db_${i}_${'x'.repeat(60)}`,
    mode: 'managed',
    type: 'aws_db_instance',
    name: `db_${i}`,
    provider_name: 'registry.terraform.io/hashicorp/aws',
    change: {
      actions: ['delete'],
      before: { identifier: `db-${i}`, deletion_protection: false },
      after: null
    }
  }))
  return JSON.stringify({
    format_version: '1.2',
    terraform_version: '1.11.0',
    resource_changes: changes,
    errored: false
  })
}

describe('a closed pipe (EPIPE)', () => {
  requireFreshDist('cli')

  test('plan-gate rules | head: exit 0, nothing on stderr', async () => {
    const result = await headOne(['rules'])
    expect(result.read).toBeGreaterThan(0)
    expect(result.stderr).toBe('')
    expect(result).toMatchObject({ code: 0, signal: null })
  })

  test('rules --format json | head: the same', async () => {
    const result = await headOne(['rules', '--format', 'json'])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
  })

  test('a large report into a closed pipe keeps the gate exit code (1), quietly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-gate-epipe-'))
    try {
      const plan = join(dir, 'big.json')
      writeFileSync(plan, bigPlan(1500))
      for (const format of ['text', 'json']) {
        const result = await headOne([plan, '--format', format])
        expect(result.stderr).toBe('')
        expect(result).toMatchObject({ code: 1, signal: null })
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
