/**
 * The repository's own GitHub workflows: actionlint passes on them (and fails on a bad one, so the
 * check can fail), and the properties a release of a security tool depends on hold: least
 * privilege, no credentials left in checkouts that run code, releases only from `vX.Y.Z` tags
 * with provenance, the Action tested through `uses: ./`.
 */
import { describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { ROOT } from '../helpers.js'

const LINT = join(ROOT, 'scripts', 'lint-workflows.mjs')
const DIR = join(ROOT, '.github', 'workflows')

interface Step {
  uses?: string
  run?: string
  with?: Record<string, unknown>
  env?: Record<string, string>
  if?: string
}
interface Job {
  permissions?: Record<string, string>
  steps: Step[]
  needs?: string | string[]
  'timeout-minutes'?: number
  environment?: string
}
interface Workflow {
  on: Record<string, unknown>
  permissions?: Record<string, string>
  jobs: Record<string, Job>
}

function workflow(name: string): Workflow {
  return parse(readFileSync(join(DIR, name), 'utf8')) as Workflow
}

function lint(...files: string[]) {
  return spawnSync(process.execPath, [LINT, ...files], { cwd: ROOT, encoding: 'utf8' })
}

describe('actionlint (npm run lint:workflows)', () => {
  test('the workflows and the example workflows pass', () => {
    const result = lint()
    expect(result.stdout).toMatch(/no problems/)
    expect(result.status).toBe(0)
  })

  test('a workflow that interpolates untrusted input into a script fails', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-gate-actionlint-'))
    try {
      const bad = join(dir, 'bad.yml')
      writeFileSync(
        bad,
        [
          'on: pull_request',
          'jobs:',
          '  a:',
          '    runs-on: ubuntu-24.04',
          '    steps:',
          '      - run: echo "${{ github.event.pull_request.title }}"',
          ''
        ].join('\n')
      )
      const result = lint(bad)
      expect(result.stdout).toMatch(/bad\.yml:6:\d+: .*potentially untrusted/)
      expect(result.status).toBe(1)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('workflow properties', () => {
  const names = readdirSync(DIR).filter((n) => /\.ya?ml$/.test(n))

  test.each(names)('%s: read-only by default, every job bounded in time', (name) => {
    const wf = workflow(name)
    expect(wf.permissions).toEqual({ contents: 'read' })
    expect(Object.keys(wf.on)).not.toContain('pull_request_target')
    for (const job of Object.values(wf.jobs)) expect(job['timeout-minutes']).toBeGreaterThan(0)
  })

  test('CI: npm ci, the tests, the dist check and the Action through uses: ./', () => {
    const wf = workflow('ci.yml')
    const runs = (job: string) => (wf.jobs[job]?.steps ?? []).map((s) => s.run ?? '').join('\n')
    expect(runs('test')).toMatch(/npm ci/)
    expect(runs('test')).toMatch(/npm test/)
    expect(runs('check-dist')).toMatch(/npm run build[\s\S]*git status --porcelain -- dist/)
    const self = wf.jobs['action'] as Job
    expect(self.steps.filter((s) => s.uses === './').length).toBeGreaterThanOrEqual(1)
    expect(self.steps.find((s) => s.uses === './')?.with?.['plan']).toMatch(/^fixtures\//)
    // Checkouts that run code keep no token in .git/config.
    for (const job of Object.values(wf.jobs))
      for (const step of job.steps.filter((s) => s.uses?.startsWith('actions/checkout@')))
        expect(step.with?.['persist-credentials']).toBe(false)
  })

  test('release: vX.Y.Z tags only; checks, then npm with provenance, then the major tag', () => {
    const wf = workflow('release.yml')
    expect(wf.on).toEqual({ push: { tags: ['v[0-9]+.[0-9]+.[0-9]+'] } })
    const { verify, npm, release } = wf.jobs as Record<string, Job>
    const runs = (job: Job | undefined) => (job?.steps ?? []).map((s) => s.run ?? '').join('\n')
    expect(runs(verify)).toMatch(/merge-base --is-ancestor "\$GITHUB_SHA" origin\/main/)
    expect(runs(verify)).toMatch(/npm test/)
    expect(runs(verify)).toMatch(/git status --porcelain -- dist/)
    expect(npm?.needs).toBe('verify')
    expect(npm?.permissions).toEqual({ contents: 'read', 'id-token': 'write' })
    expect(runs(npm)).toMatch(/npm publish --provenance --access public --ignore-scripts/)
    expect(runs(npm)).not.toMatch(/npm (ci|install)/)
    expect(release?.needs).toBe('npm')
    expect(release?.permissions).toEqual({ contents: 'write' })
    expect(runs(release)).toMatch(/git push --force origin "refs\/tags\/\$major"/)
    // Only the job that pushes the tag may write; nothing else gets contents: write.
    expect(verify?.permissions).toBeUndefined()
  })
})
