/** `doctor`: each setting present, missing or unreadable, from facts and over the port. */
import { describe, expect, test } from '@jest/globals'
import { ownersOf, parseCodeowners } from '../../src/github/codeowners.js'
import {
  checkSetup,
  gatherSetup,
  renderSetupText,
  setupFailures,
  type SetupFacts
} from '../../src/github/doctor.js'
import type { BranchRule } from '../../src/github/port.js'
import { fakePort, forbidden } from './fake-port.js'

const GOOD_RULES: BranchRule[] = [
  {
    type: 'pull_request',
    parameters: {
      require_code_owner_review: true,
      require_last_push_approval: true,
      dismiss_stale_reviews_on_push: true,
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
]
const GOOD_OWNERS = [
  '* @acme/dev',
  '/.plan-gate.* @acme/platform',
  '/.github/ @acme/platform',
  '/CODEOWNERS @acme/platform',
  '/docs/CODEOWNERS @acme/platform'
].join('\n')

const facts = (over: Partial<SetupFacts> = {}): SetupFacts => ({
  branch: 'main',
  context: 'plan-gate',
  rules: GOOD_RULES,
  codeowners: { path: '.github/CODEOWNERS', text: GOOD_OWNERS },
  workflows: ['.github/workflows/plan-gate-apply.yml'],
  environment: {
    name: 'production',
    info: {
      name: 'production',
      rules: [
        { type: 'required_reviewers', preventSelfReview: true, reviewers: 2 },
        { type: 'branch_policy' }
      ],
      branchPolicy: { protectedBranches: true, custom: false }
    }
  },
  ...over
})

const statuses = (f: SetupFacts) => Object.fromEntries(checkSetup(f).map((c) => [c.id, c.status]))

describe('checkSetup', () => {
  test('a repository with every protection → every setting present', () => {
    const checks = checkSetup(facts())
    expect(setupFailures(checks)).toEqual([])
    expect(checks.map((c) => c.id)).toEqual([
      'pull-request',
      'code-owner-review',
      'last-push-approval',
      'dismiss-stale',
      'no-force-push',
      'no-deletion',
      'required-check',
      'required-check-app',
      'codeowners',
      'codeowners-gate-files',
      'codeowners-workflows',
      'environment-reviewers',
      'environment-self-review',
      'environment-branches'
    ])
  })

  test('no rules at all → each rule missing, with its one-line fix', () => {
    const checks = checkSetup(facts({ rules: [] }))
    const missing = setupFailures(checks)
    expect(missing.map((c) => c.id)).toEqual([
      'pull-request',
      'code-owner-review',
      'last-push-approval',
      'dismiss-stale',
      'no-force-push',
      'no-deletion',
      'required-check',
      'required-check-app'
    ])
    expect(missing[0]?.fix).toBe(
      'add a ruleset on main (Settings → Rules → Rulesets) with "Require a pull request before merging"'
    )
  })

  test.each([
    ['require_code_owner_review', 'code-owner-review'],
    ['require_last_push_approval', 'last-push-approval'],
    ['dismiss_stale_reviews_on_push', 'dismiss-stale']
  ])('a pull request rule without %s → %s missing, the rest present', (param, id) => {
    const rules = GOOD_RULES.map((r) =>
      r.type === 'pull_request' ? { ...r, parameters: { ...r.parameters, [param]: false } } : r
    )
    const s = statuses(facts({ rules }))
    expect(s[id]).toBe('missing')
    expect(Object.values(s).filter((v) => v !== 'present')).toHaveLength(1)
  })

  test('a required check under another name, or not pinned to an app', () => {
    const other = GOOD_RULES.map((r) =>
      r.type === 'required_status_checks'
        ? { ...r, parameters: { ...r.parameters, required_status_checks: [{ context: 'ci' }] } }
        : r
    )
    expect(statuses(facts({ rules: other }))).toMatchObject({
      'required-check': 'missing',
      'required-check-app': 'missing'
    })
    const unpinned = GOOD_RULES.map((r) =>
      r.type === 'required_status_checks'
        ? {
            ...r,
            parameters: { ...r.parameters, required_status_checks: [{ context: 'plan-gate' }] }
          }
        : r
    )
    expect(statuses(facts({ rules: unpinned }))).toMatchObject({
      'required-check': 'present',
      'required-check-app': 'missing'
    })
  })

  test('rules that cannot be read → unreadable, never present', () => {
    const s = statuses(facts({ rules: { unreadable: 'could not read the branch rules: 403' } }))
    expect(s['pull-request']).toBe('unreadable')
    expect(s['required-check-app']).toBe('unreadable')
  })

  test('no CODEOWNERS → the file and its coverage missing', () => {
    expect(statuses(facts({ codeowners: undefined }))).toMatchObject({
      codeowners: 'missing',
      'codeowners-gate-files': 'missing',
      'codeowners-workflows': 'missing'
    })
  })

  test('CODEOWNERS that leaves the gate files unowned names them', () => {
    const text = '* @acme/dev\n/.github/workflows/ \n'
    const checks = checkSetup(
      facts({ codeowners: { path: 'CODEOWNERS', text }, config: 'infra/gate.yml' })
    )
    const gate = checks.find((c) => c.id === 'codeowners-gate-files')
    // `*` owns everything, then the workflows line with no owners takes them back.
    expect(gate?.status).toBe('missing')
    expect(gate?.detail).toBe('not owned: .github/workflows/any.yml')
    expect(checks.find((c) => c.id === 'codeowners-workflows')?.status).toBe('missing')
  })

  test('the config input path must be owned too', () => {
    const text = '/.plan-gate.* @a\n/.github/ @a\n/CODEOWNERS @a\n/docs/CODEOWNERS @a\n'
    const checks = checkSetup(
      facts({ codeowners: { path: '.github/CODEOWNERS', text }, config: 'infra/gate.yml' })
    )
    expect(checks.find((c) => c.id === 'codeowners-gate-files')?.detail).toBe(
      'not owned: infra/gate.yml'
    )
  })

  test('an environment without reviewers, self-review or branch policy; a missing one', () => {
    const bare = facts({
      environment: {
        name: 'production',
        info: { name: 'production', rules: [], branchPolicy: null }
      }
    })
    expect(statuses(bare)).toMatchObject({
      'environment-reviewers': 'missing',
      'environment-self-review': 'missing',
      'environment-branches': 'missing'
    })
    const none = checkSetup(facts({ environment: { name: 'production', info: undefined } }))
    expect(none.find((c) => c.id === 'environment-reviewers')).toMatchObject({
      status: 'missing',
      detail: 'no environment production'
    })
    const unreadable = facts({ environment: { name: 'p', info: { unreadable: '403' } } })
    expect(statuses(unreadable)['environment-branches']).toBe('unreadable')
    expect(checkSetup(facts({ environment: undefined })).some((c) => c.id.startsWith('env'))).toBe(
      false
    )
  })

  test('the text report names each setting and its fix', () => {
    const text = renderSetupText(checkSetup(facts({ rules: [] })))
    expect(text).toContain(
      'missing    no force pushes to main\n           fix: in a ruleset on main'
    )
    expect(text).toContain('present    a CODEOWNERS file (.github/CODEOWNERS)')
  })
})

describe('CODEOWNERS patterns', () => {
  const lines = parseCodeowners(
    [
      '# comment',
      '*.tf @tf',
      '/.github/workflows/ @ci',
      'docs/* @docs',
      '**/logs @logs',
      'apps/ @apps',
      '/build/logs/ # no owners',
      '/.plan-gate.yml @platform # trailing comment'
    ].join('\n')
  )
  test.each([
    ['main.tf', ['@tf']],
    ['modules/db/main.tf', ['@tf']],
    ['.github/workflows/x.yml', ['@ci']],
    ['.github/actions/x/action.yml', []],
    ['docs/a.md', ['@docs']],
    ['docs/sub/a.md', []],
    ['deep/logs/x', ['@logs']],
    ['build/logs/x', []],
    ['src/apps/a.ts', ['@apps']],
    ['.plan-gate.yml', ['@platform']],
    ['x/.plan-gate.yml', []]
  ])('%s → %j', (path, owners) => {
    expect(ownersOf(lines, path)).toEqual(owners)
  })
})

describe('gatherSetup over the port', () => {
  test('reads rules, the first CODEOWNERS, the workflows that run plan-gate, the environment', async () => {
    const port = fakePort({
      rules: GOOD_RULES,
      repoFiles: {
        CODEOWNERS: '* @root',
        'docs/CODEOWNERS': '* @docs',
        '.github/workflows/gate.yml': 'uses: plan-gate/plan-gate@v1',
        '.github/workflows/ci.yml': 'run: npm test'
      }
    })
    const facts = await gatherSetup(port, { context: 'plan-gate', environment: 'production' })
    expect(facts).toMatchObject({
      branch: 'main',
      codeowners: { path: 'CODEOWNERS', text: '* @root' },
      workflows: ['.github/workflows/gate.yml'],
      environment: { name: 'production', info: undefined }
    })
  })

  test('a failed read is unreadable, and the other reads still happen', async () => {
    const port = fakePort()
    port.state.failures.getBranchRules = forbidden('read the branch rules')
    port.state.failures.readFile = forbidden('read a repository file')
    const facts = await gatherSetup(port, { context: 'plan-gate' })
    expect(facts.rules).toEqual({
      unreadable: 'could not read the branch rules: GitHub answered 403'
    })
    expect(facts.codeowners).toMatchObject({ unreadable: expect.any(String) })
    expect(port.calls).toContain('listDirectory .github/workflows')
  })
})
