/**
 * Property: whatever the fixtures are mutated into, the CLI ends in a verdict (exit 0/1 with a
 * JSON report) or in exit 2 with one `plan-gate: ` line; never a crash, a hang, a stack trace or
 * an internal error, and never `pass` when the mutation put an unknown action into the plan.
 *
 * `npm test` runs FUZZ_RUNS (default 300) cases; `npm run fuzz` runs 10,000. Replay a failure
 * with the seed (and path) fast-check prints: `FUZZ_SEED=… FUZZ_PATH=… npm run fuzz`.
 */
import { afterAll, describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { appendFileSync } from 'node:fs'
import { run, type CliIO } from '../../src/cli.js'
import { cli, PLANTED_SECRET, ROOT, type CliResult } from '../helpers.js'
import { loadCorpus, mutatedArb, type Mutated } from './mutations.js'

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 300)
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261121)
const PATH = process.env['FUZZ_PATH']
/** A file that gets each case before it runs: after a hang or a crash, its last line is the case. */
const TRACE = process.env['FUZZ_TRACE']
/** A case slower than this is a hang (the CLI streams; no input here needs seconds). */
const HANG_MS = 10_000

const corpus = loadCorpus()
const outcomes = new Map<string, number>()
const byKind = new Map<string, Map<string, number>>()
let elapsed = 0
let slowest = { ms: 0, what: '' }

function count(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1)
}

/** Runs the CLI on the case's bytes: one stdin chunk through `cli()`, or many through `run()`. */
async function runCase(m: Mutated): Promise<CliResult> {
  const argv = ['-', '--format', 'json']
  if (m.chunk === 0) return cli(argv, { stdin: m.bytes })
  let stdout = ''
  let stderr = ''
  const { bytes, chunk } = m
  const io: CliIO = {
    cwd: ROOT,
    stdin: (async function* () {
      for (let at = 0; at < bytes.length; at += chunk) yield bytes.subarray(at, at + chunk)
    })(),
    stdout: { write: (t: string) => (stdout += t), isTTY: false },
    stderr: { write: (t: string) => (stderr += t) },
    env: { PATH: process.env['PATH'] }
  }
  const code = await run(argv, io)
  return { code, stdout, stderr }
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | 'hang'> {
  let timer: NodeJS.Timeout | undefined
  const hang = new Promise<'hang'>((resolve) => {
    timer = setTimeout(() => resolve('hang'), ms)
  })
  try {
    return await Promise.race([promise, hang])
  } finally {
    clearTimeout(timer)
  }
}

/** Checks one case; throws with the mutation's description on any violation. */
async function check(m: Mutated): Promise<void> {
  if (TRACE !== undefined) appendFileSync(TRACE, `${m.description}\n`)
  const started = performance.now()
  let result: CliResult | 'hang'
  try {
    result = await withTimeout(runCase(m), HANG_MS)
  } catch (error) {
    // run() must never throw.
    throw new Error(`crash: ${String(error)}\n  case: ${m.description}`)
  }
  const ms = performance.now() - started
  elapsed += ms
  if (ms > slowest.ms) slowest = { ms, what: m.description }
  const fail = (why: string, r?: CliResult): never => {
    const output = r === undefined ? '' : `\n  exit ${r.code}, stderr: ${r.stderr.slice(0, 300)}`
    throw new Error(`${why}\n  case: ${m.description}${output}`)
  }
  if (result === 'hang') return fail(`hang: no result after ${HANG_MS} ms`)
  // A synchronous loop cannot be interrupted in-process; a super-linear one shows up here.
  if (ms > HANG_MS) fail(`hang: took ${Math.round(ms)} ms`)
  const r = result
  if (![0, 1, 2].includes(r.code)) fail(`exit code ${r.code}`, r)
  if (/\n\s+at /.test(r.stderr) || /\n\s+at /.test(r.stdout)) fail('a stack trace', r)
  if (r.stderr.includes('internal error')) fail('an internal error (an unexpected exception)', r)
  if ((r.stdout + r.stderr).includes(PLANTED_SECRET)) fail('the planted secret was printed', r)
  let outcome: string
  if (r.code === 2) {
    if (r.stdout !== '') fail('exit 2 with output on stdout', r)
    if (!/^plan-gate: [^\n]*\n$/.test(r.stderr)) fail('exit 2 without exactly one line', r)
    if (r.stderr.length > 1000) fail(`an error line of ${r.stderr.length} characters`, r)
    outcome = 'exit 2'
  } else {
    let report: { decision?: unknown }
    try {
      report = JSON.parse(r.stdout) as { decision?: unknown }
    } catch {
      return fail('exit 0/1 without a JSON report', r)
    }
    const decision = report.decision
    if (decision !== 'pass' && decision !== 'approval-required' && decision !== 'blocked')
      fail(`no decision in the report (${String(decision)})`, r)
    if ((r.code === 0) !== (decision === 'pass')) fail(`exit ${r.code} with ${decision}`, r)
    if (m.unknownAction && decision === 'pass') fail('pass although an action is unknown', r)
    outcome = decision as string
  }
  count(outcomes, outcome)
  for (const kind of m.kinds.length === 0 ? ['unchanged'] : m.kinds) {
    const map = byKind.get(kind) ?? new Map<string, number>()
    count(map, outcome)
    byKind.set(kind, map)
  }
}

describe('fuzz: mutated fixtures', () => {
  test('the corpus has a site for every structural mutation', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(13)
    expect(corpus.some((s) => s.kind === 'show-json' && s.actionSites.length > 0)).toBe(true)
    expect(corpus.some((s) => s.kind === 'jsonl' && s.actionSites.length > 0)).toBe(true)
    expect(corpus.some((s) => s.memberSites.length > 0)).toBe(true)
    expect(corpus.some((s) => s.stringSites.length > 0)).toBe(true)
  })

  test(
    `${RUNS} cases end in a verdict or one error line, never pass on an unknown action`,
    async () => {
      process.stdout.write(
        `fuzz: ${RUNS} cases over ${corpus.length} seeds, seed ${SEED}` +
          ` (replay: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS})\n`
      )
      await fc.assert(fc.asyncProperty(mutatedArb(corpus), check), {
        numRuns: RUNS,
        seed: SEED,
        path: PATH,
        endOnFailure: true
      })
    },
    60_000 + RUNS * 1_000
  )
})

afterAll(() => {
  const total = [...outcomes.values()].reduce((a, b) => a + b, 0)
  if (total === 0) return
  const line = (map: Map<string, number>): string =>
    ['pass', 'approval-required', 'blocked', 'exit 2']
      .map((k) => `${k} ${map.get(k) ?? 0}`)
      .join(', ')
  const kinds = [...byKind.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, map]) => `  ${kind.padEnd(10)} ${line(map)}`)
  process.stdout.write(
    [
      `fuzz: ${total} cases in ${(elapsed / 1000).toFixed(1)} s: ${line(outcomes)}`,
      ...kinds,
      `fuzz: slowest case ${Math.round(slowest.ms)} ms: ${slowest.what}`,
      ''
    ].join('\n')
  )
})
