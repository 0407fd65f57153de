/** Shared test helpers: fixture paths, an in-process CLI runner, the real-plan corpus. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { readdir as readdirAsync, readFile as readFileAsync } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { run, type CliIO } from '../src/cli.js'
import type { Plan, ResourceChange } from '../src/plan/model.js'
import { tallyOf } from '../src/plan/tally.js'
import { readPlan } from '../src/plan/read.js'

export const ROOT = fileURLToPath(new URL('..', import.meta.url))
export const FIXTURES = join(ROOT, 'fixtures')
/** The shared corpus of real plans; absent in a user's clone. */
export const REAL = join(ROOT, '..', 'shared', 'fixtures', 'real')
export const HAS_REAL = existsSync(REAL)

/** A planted secret in the repo's own fixtures; it must never appear in any output. */
export const PLANTED_SECRET = 'hunter2-S3CRET-do-not-print'

export function fixture(...parts: string[]): string {
  return join(FIXTURES, ...parts)
}

export function readFixture(...parts: string[]): Plan {
  return readPlan(readFileSync(fixture(...parts)))
}

export interface CliResult {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** Runs the CLI in-process with captured output. */
export async function cli(
  argv: readonly string[],
  options: {
    stdin?: Uint8Array | string
    env?: Record<string, string | undefined>
    tty?: boolean
    stderrTty?: boolean
    cwd?: string
  } = {}
): Promise<CliResult> {
  let stdout = ''
  let stderr = ''
  const input = options.stdin
  const io: CliIO = {
    cwd: options.cwd ?? ROOT,
    stdin: (async function* () {
      if (input !== undefined) yield typeof input === 'string' ? Buffer.from(input) : input
    })(),
    stdout: { write: (t: string) => (stdout += t), isTTY: options.tty ?? false },
    stderr: { write: (t: string) => (stderr += t), isTTY: options.stderrTty ?? false },
    env: options.env ?? { PATH: process.env['PATH'] }
  }
  const code = await run(argv, io)
  return { code, stdout, stderr }
}

/** Every file under the real corpus except its README. */
export function realFiles(): string[] {
  if (!HAS_REAL) return []
  const out: string[] = []
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (name !== 'SOURCES.md') out.push(path)
    }
  }
  walk(REAL)
  return out
}

/** The backend loader's file access, backed by node:fs (as src/cli.ts provides it). */
export const nodeFs = {
  readdir: async (dir: string): Promise<string[]> =>
    (await readdirAsync(dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name),
  readFile: async (path: string): Promise<string | undefined> => {
    try {
      return await readFileAsync(path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
      throw error
    }
  }
}

/** A resource change for unit tests: a managed delete of `x.y` unless overridden. */
export function makeChange(overrides: Partial<ResourceChange>): ResourceChange {
  return {
    address: 'x.y',
    mode: 'managed',
    type: 'x',
    name: 'y',
    provider: { name: 'x' },
    actions: ['delete'],
    action: 'delete',
    moved: false,
    importing: false,
    hasValues: true,
    ...overrides
  }
}

/** A show-json plan holding `changes`, for unit tests. */
export function makePlan(changes: ResourceChange[], extra: Partial<Plan> = {}): Plan {
  return {
    source: { format: 'show-json', formatVersion: '1.2', tool: 'terraform' },
    changes,
    tally: tallyOf(changes),
    drift: [],
    deferred: [],
    errored: false,
    errorDiagnostics: 0,
    ...extra
  }
}
