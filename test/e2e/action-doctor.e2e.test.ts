// End-to-end: the setup check (`doctor`) in every Action run and in the CLI, against the fake
// GitHub serving the rules endpoint, CODEOWNERS, the workflows and an environment (schema-checked).
import { afterEach, describe, expect, test } from '@jest/globals'
import { run as cli } from '../../src/cli.js'
import {
  baseState,
  HEAD1,
  leaks,
  PLANS,
  prEvent,
  runAction,
  statusesOf,
  TOKEN,
  type ActionRun
} from './action-harness.js'
import { startFakeGitHub, type FakeGitHub, type FakeState } from './fake-github.js'

let fake: FakeGitHub | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

function clean(gh: FakeGitHub, run: ActionRun): void {
  expect(gh.violations).toEqual([])
  expect(leaks(gh, run)).toEqual([])
}

/** A repository with every protection of docs/security.md. */
function protectedRepo(): FakeState {
  return {
    ...baseState(),
    rules: [
      {
        type: 'pull_request',
        parameters: {
          dismiss_stale_reviews_on_push: true,
          require_code_owner_review: true,
          require_last_push_approval: true,
          required_approving_review_count: 1,
          required_review_thread_resolution: false
        }
      },
      { type: 'non_fast_forward' },
      { type: 'deletion' },
      {
        type: 'required_status_checks',
        parameters: {
          strict_required_status_checks_policy: false,
          required_status_checks: [{ context: 'plan-gate', integration_id: 15368 }]
        }
      }
    ],
    files: {
      '.github/CODEOWNERS':
        '* @acme/dev\n/.plan-gate.* @acme/platform\n/.github/ @acme/platform\n/CODEOWNERS @acme/platform\n/docs/CODEOWNERS @acme/platform\n',
      '.github/workflows/plan-gate-pr.yml': 'steps:\n  - uses: plan-gate/plan-gate@v1\n',
      '.github/workflows/ci.yml': 'steps:\n  - run: npm test\n'
    },
    environments: {
      production: { reviewers: ['erin'], preventSelfReview: true, branches: 'protected' }
    }
  }
}

const pr = (gh: FakeGitHub, inputs: Record<string, string> = {}) =>
  runAction(gh, {
    event: 'pull_request',
    payload: prEvent(),
    inputs: { plan: PLANS.none, 'apply-environment': 'production', ...inputs }
  })

describe('the setup check in the Action', () => {
  test('a protected repository: every setting present in the job summary', async () => {
    const gh = (fake = await startFakeGitHub(protectedRepo()))
    const run = await pr(gh, { 'require-protections': 'true' })
    expect(run.code).toBe(0)
    expect(run.summary).toContain('### Setup check (`plan-gate doctor`)')
    expect(run.summary).toContain('| ✅ | required status check `plan-gate` | present |  |')
    expect(run.summary).not.toMatch(/\| (❌|❔) \|/)
    expect(statusesOf(gh, HEAD1).at(-1)?.[0]).toBe('success')
    clean(gh, run)
  })

  test('an unprotected repository: reported with fixes, the gate still decides alone', async () => {
    const gh = (fake = await startFakeGitHub(baseState()))
    const run = await pr(gh)
    expect(run.code).toBe(0)
    expect(run.summary).toContain(
      '| ❌ | no force pushes to main | missing | in a ruleset on main (Settings → Rules → Rulesets), enable "Block force pushes" |'
    )
    expect(run.summary).toContain('| ❌ | a CODEOWNERS file | missing |')
    expect(run.summary).toContain(
      '| ❌ | environment production: required reviewers | missing: no environment production |'
    )
    expect(statusesOf(gh, HEAD1).at(-1)?.[0]).toBe('success')
    clean(gh, run)
  })

  test.each([
    ['no rules', (s: FakeState) => void (s.rules = [])],
    ['no CODEOWNERS', (s: FakeState) => void delete s.files?.['.github/CODEOWNERS']],
    [
      'workflows not code-owned',
      (s: FakeState) =>
        void ((s.files ?? {})['.github/CODEOWNERS'] = '* @acme/dev\n/.github/workflows/\n')
    ],
    [
      'self-review allowed',
      (s: FakeState) => void ((s.environments ?? {})['production'] = { reviewers: ['erin'] })
    ],
    [
      'required check not pinned to an app',
      (s: FakeState) =>
        void (s.rules = (s.rules ?? []).map((r) =>
          r.type === 'required_status_checks'
            ? {
                ...r,
                parameters: {
                  strict_required_status_checks_policy: false,
                  required_status_checks: [{ context: 'plan-gate' }]
                }
              }
            : r
        ))
    ]
  ])('require-protections with %s → the gate fails, naming it', async (_name, weaken) => {
    const state = protectedRepo()
    weaken(state)
    const gh = (fake = await startFakeGitHub(state))
    const run = await pr(gh, { 'require-protections': 'true' })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('::error::plan-gate: require-protections:')
    expect(statusesOf(gh, HEAD1).at(-1)?.[0]).toBe('failure')
    expect(run.outputs['approved']).toBe('false')
    clean(gh, run)
  })

  test('require-protections when the rules cannot be read → fails (unreadable is not present)', async () => {
    const gh = (fake = await startFakeGitHub(protectedRepo()))
    gh.faults.push({ path: /\/rules\/branches\//, status: 403, times: 5 })
    const run = await pr(gh, { 'require-protections': 'true' })
    expect(run.code).toBe(1)
    expect(run.summary).toContain('| ❔ | changes to main only through pull requests | unreadable')
    clean(gh, run)
  })
})

describe('plan-gate doctor (CLI)', () => {
  const doctor = async (gh: FakeGitHub, args: string[], env: Record<string, string> = {}) => {
    let stdout = ''
    let stderr = ''
    const code = await cli(['doctor', ...args], {
      cwd: process.cwd(),
      env: { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: gh.url, ...env },
      stdin: (async function* () {})(),
      stdout: { write: (t: string) => ((stdout += t), true), isTTY: false },
      stderr: { write: (t: string) => ((stderr += t), true), isTTY: false }
    } as unknown as Parameters<typeof cli>[1])
    return { code, stdout, stderr }
  }

  test('every setting in place → exit 0', async () => {
    const gh = (fake = await startFakeGitHub(protectedRepo()))
    const out = await doctor(gh, ['--repo', 'acme/infra', '--environment', 'production'])
    expect(out.stdout).toContain('plan-gate doctor: acme/infra (main)')
    expect(out.stdout).toContain('Every setting is in place.')
    expect(out.code).toBe(0)
    expect(gh.violations).toEqual([])
    expect(gh.requests.every((r) => r.auth === `token ${TOKEN}`)).toBe(true)
  })

  test('a gap → exit 1 with the fix; bad input → exit 2 with one line', async () => {
    const gh = (fake = await startFakeGitHub(baseState()))
    const out = await doctor(gh, ['--repo', 'acme/infra'])
    expect(out.code).toBe(1)
    expect(out.stdout).toContain(
      'missing    a CODEOWNERS file\n           fix: add .github/CODEOWNERS on main'
    )
    expect(await doctor(gh, ['--repo', 'acme'])).toMatchObject({
      code: 2,
      stderr: 'plan-gate doctor: --repo must be owner/name\n'
    })
    expect(await doctor(gh, ['--repo', 'acme/infra'], { GITHUB_TOKEN: '' })).toMatchObject({
      code: 2,
      stderr: 'plan-gate doctor: set GITHUB_TOKEN (a token with read access to the repository)\n'
    })
    expect((await doctor(gh, ['--bogus'])).code).toBe(2)
    expect(gh.violations).toEqual([])
  })
})
