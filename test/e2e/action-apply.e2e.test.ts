// End-to-end: the bundled action at apply time (push to the default branch, merge_group) and the
// break-glass path, against the fake GitHub API (`npm run build` first).
import { afterEach, describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import {
  addReview,
  BASE,
  baseState,
  DESTROY_DB_FP,
  GROUP_HEAD,
  HEAD1,
  HEAD2,
  leaks,
  MERGED,
  now,
  payload,
  PLANS,
  runAction,
  startWithComment,
  stateOf,
  statusesOf,
  gateComments,
  gateRequests,
  type ActionRun
} from './action-harness.js'
import { startFakeGitHub, type FakeGitHub } from './fake-github.js'

let fake: FakeGitHub | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

function clean(gh: FakeGitHub, run: ActionRun): void {
  expect(gh.violations).toEqual([])
  expect(leaks(gh, run)).toEqual([])
}

/** PR #7 evaluated with `plan`, approved by `approvers`, then merged as MERGED. */
async function mergedPr(plan = PLANS.destroyDb, approvers = ['bob', 'carol']): Promise<FakeGitHub> {
  const gh = (fake = await startWithComment(plan))
  for (const login of approvers) addReview(gh, login, 'APPROVED')
  const pull = gh.state.pulls[7]
  if (pull === undefined) throw new Error('no PR #7')
  Object.assign(pull, { state: 'closed', merged_at: now(), merge_commit_sha: MERGED })
  // GitHub's commit → PR index lags a merge: the first lookups come back empty.
  gh.state.commitPulls[MERGED] = { numbers: [7], emptyTimes: 2 }
  return gh
}

const push = (gh: FakeGitHub, plan: string, extra: Partial<Parameters<typeof runAction>[1]> = {}) =>
  runAction(gh, { event: 'push', payload: payload('push'), inputs: { plan }, ...extra })

/** Descriptions of the `plan-gate/applied` records on the merge commit. */
const appliedOf = (gh: FakeGitHub, sha = MERGED) =>
  (gh.state.statuses[sha] ?? [])
    .filter((s) => s.context === 'plan-gate/applied')
    .map((s) => s.description)

const lookups = (gh: FakeGitHub) =>
  gh.requests.filter((r) => r.operationId === 'repos/list-pull-requests-associated-with-commit')

describe('push to the default branch', () => {
  test('apply with a matching fingerprint → success', async () => {
    const gh = await mergedPr()
    const before = gh.requests.length
    const run = await push(gh, PLANS.destroyDb)
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({
      decision: 'approval-required',
      fingerprint: DESTROY_DB_FP,
      approved: 'true',
      approvers: 'bob,carol',
      status: 'success'
    })
    expect(lookups(gh).map((r) => r.path)).toEqual(
      Array(3).fill(`/repos/acme/infra/commits/${MERGED}/pulls`)
    )
    // The only write: the record that this approval is now used, on the applied commit
    // (GraphQL only reads the comment's edit history).
    expect(
      gh.requests
        .slice(before)
        .filter((r) => r.method !== 'GET' && r.operationId !== 'graphql')
        .map((r) => [r.method, r.path, (r.body as { context?: string }).context])
    ).toEqual([['POST', `/repos/acme/infra/statuses/${MERGED}`, 'plan-gate/applied']])
    expect(appliedOf(gh)).toEqual([
      'Approval of PR #7 used by run 4242 attempt 1 for sha256:9538126af9d2…'
    ])
    expect(run.stdout).toContain('the approval of PR #7 is now used (status `plan-gate/applied`')
    const report = JSON.parse(readFileSync(run.outputs['report-path'] ?? '', 'utf8'))
    expect(report.approval).toMatchObject({
      outcome: 'approved',
      pullRequest: 7,
      headSha: HEAD1,
      approvers: ['bob', 'carol']
    })
    clean(gh, run)
  })

  test('apply with a changed fingerprint → failure', async () => {
    const gh = await mergedPr()
    const run = await push(gh, PLANS.weakened)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      `::error::plan-gate: Not the plan approved on PR #7: the apply-time fingerprint sha256:c33a22617c413284b95b8fc30a0bc50bfbb1e4f8da98121e6412624141697dd9 differs from the approved ${DESTROY_DB_FP}; re-plan in a new PR`
    )
    expect(run.outputs).toMatchObject({ approved: 'false', status: 'failure' })
    clean(gh, run)
  })

  test('apply without enough approvals → failure', async () => {
    const gh = await mergedPr(PLANS.destroyDb, ['bob'])
    const run = await push(gh, PLANS.destroyDb)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      '::error::plan-gate: Not approved: needs 1 more approving review (1 of 2 so far) from reviewers with write access'
    )
    clean(gh, run)
  })

  test('a direct push with destructive changes → blocked', async () => {
    const gh = (fake = await startFakeGitHub(baseState()))
    const run = await push(gh, PLANS.destroyDb)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      '::error::plan-gate: Direct push with destructive changes: no merged pull request introduced c4e2a1f'
    )
    // Asked again with backoff while GitHub's index might lag, then gave up.
    expect(lookups(gh)).toHaveLength(5)
    expect(run.outputs).toMatchObject({ approved: 'false', status: 'failure' })
    clean(gh, run)
  })

  test('a direct push without destructive changes → success: only the tip is checked', async () => {
    const gh = (fake = await startFakeGitHub(baseState()))
    const run = await push(gh, PLANS.none)
    expect(run.code).toBe(0)
    expect(gateRequests(gh).map((r) => r.operationId)).toEqual(['git/get-ref'])
    // The default branch is read once, for the setup check and the binding both.
    expect(gh.requests.filter((r) => r.operationId === 'repos/get')).toHaveLength(1)
    expect(appliedOf(gh)).toEqual([])
    // Besides the tip, only the setup check's reads and the policy files before and after the
    // push (the contents API, also a setup operation) are requested.
    clean(gh, run)
  })

  test('a blocked plan stays blocked at apply time', async () => {
    const gh = await mergedPr()
    const run = await push(gh, PLANS.stateStorage)
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ decision: 'blocked', approved: 'false' })
    expect(lookups(gh)).toEqual([])
    clean(gh, run)
  })
})

describe('apply binds to the tip of the default branch, once', () => {
  const OLD = 'ab'.repeat(20)
  const pushAt = (sha: string, ref = 'refs/heads/main') => ({
    ...payload('push'),
    after: sha,
    ref
  })
  const FRESH = 'Fresh approval: open a new PR (an empty commit will do) and get it approved'

  test('a second apply of the same approval → refused, with how to get a fresh one', async () => {
    const gh = await mergedPr()
    const first = await push(gh, PLANS.destroyDb)
    expect(first.code).toBe(0)
    // The same run re-run (attempt 2) while the commit is still the tip.
    const again = await push(gh, PLANS.destroyDb, { env: { GITHUB_RUN_ATTEMPT: '2' } })
    expect(again.code).toBe(1)
    expect(again.stdout).toContain(
      `::error::plan-gate: The approval of PR #7 was already used at c4e2a1f (status \`plan-gate/applied\`: "Approval of PR #7 used by run 4242 attempt 1 for sha256:9538126af9d2…"): an approval applies once. ${FRESH}`
    )
    expect(again.outputs).toMatchObject({ approved: 'false', status: 'failure' })
    // Nothing new was recorded by the refused run.
    expect(appliedOf(gh)).toHaveLength(1)
    clean(gh, again)
  })

  test('a re-run of an old apply run after the resource came back → refused (not the tip)', async () => {
    const gh = await mergedPr()
    expect((await push(gh, PLANS.destroyDb)).code).toBe(0)
    // Later PRs moved main on; the database was re-created; the old run is re-run.
    gh.state.branches['main'] = HEAD2
    const rerun = await push(gh, PLANS.destroyDb, { env: { GITHUB_RUN_ATTEMPT: '2' } })
    expect(rerun.code).toBe(1)
    expect(rerun.stdout).toContain(
      '::error::plan-gate: c4e2a1f is not the tip of main (now 5b2d4c6): only the newest commit applies, so an old run re-run or an old commit pushed again is refused'
    )
    expect(rerun.outputs).toMatchObject({ approved: 'false', status: 'failure' })
    clean(gh, rerun)
  })

  test('a push of an old SHA → refused before any approval is looked at', async () => {
    const gh = await mergedPr()
    gh.state.commitPulls[OLD] = { numbers: [7] }
    const run = await runAction(gh, {
      event: 'push',
      payload: pushAt(OLD),
      inputs: { plan: PLANS.destroyDb },
      env: { GITHUB_SHA: OLD }
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('::error::plan-gate: abababa is not the tip of main (now c4e2a1f)')
    expect(lookups(gh)).toEqual([])
    clean(gh, run)
  })

  test('a force-push that makes an applied commit the tip again → refused by its record', async () => {
    const gh = await mergedPr()
    expect((await push(gh, PLANS.destroyDb)).code).toBe(0)
    gh.state.branches['main'] = HEAD2
    gh.state.branches['main'] = MERGED
    const run = await push(gh, PLANS.destroyDb, { env: { GITHUB_RUN_ID: '4300' } })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('an approval applies once')
    clean(gh, run)
  })

  test('a push on another branch with the merged SHA → refused', async () => {
    const gh = await mergedPr()
    gh.state.branches['evil'] = MERGED
    const run = await runAction(gh, {
      event: 'push',
      payload: pushAt(MERGED, 'refs/heads/evil'),
      inputs: { plan: PLANS.destroyDb },
      env: { GITHUB_REF: 'refs/heads/evil' }
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      '::error::plan-gate: A push to refs/heads/evil does not apply: only refs/heads/main may (input `apply-branches`)'
    )
    expect(run.outputs).toMatchObject({ approved: 'false' })
    expect(appliedOf(gh)).toEqual([])
    clean(gh, run)
  })

  test('a tag push → refused', async () => {
    const gh = await mergedPr()
    const run = await runAction(gh, {
      event: 'push',
      payload: pushAt(MERGED, 'refs/tags/v1'),
      inputs: { plan: PLANS.none }
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('A push to refs/tags/v1 does not apply')
    clean(gh, run)
  })

  test('a branch listed in apply-branches applies when its PR was merged into it', async () => {
    const gh = await mergedPr()
    Object.assign(gh.state.pulls[7]?.base ?? {}, { ref: 'release' })
    gh.state.branches['release'] = MERGED
    const run = await runAction(gh, {
      event: 'push',
      payload: pushAt(MERGED, 'refs/heads/release'),
      inputs: { plan: PLANS.destroyDb, 'apply-branches': 'release' }
    })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ approved: 'true' })
    clean(gh, run)
  })

  test('a PR merged into another branch does not approve the apply of this one', async () => {
    const gh = await mergedPr()
    gh.state.branches['release'] = MERGED
    const run = await runAction(gh, {
      event: 'push',
      payload: pushAt(MERGED, 'refs/heads/release'),
      inputs: { plan: PLANS.destroyDb, 'apply-branches': 'release' }
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('PR #7 was merged into main, not release')
    clean(gh, run)
  })

  test('a forged `plan-gate/applied` status can only refuse', async () => {
    const gh = await mergedPr()
    ;(gh.state.statuses[MERGED] ??= []).push({
      state: 'failure',
      context: 'plan-gate/applied',
      description: 'nothing to see',
      created_at: now()
    })
    const run = await push(gh, PLANS.destroyDb)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('an approval applies once')
    clean(gh, run)
  })

  test('the record cannot be written (no statuses: write) → error, never approved', async () => {
    const gh = await mergedPr()
    gh.faults.push({ method: 'POST', path: /\/statuses\//, status: 403, times: 1 })
    const run = await push(gh, PLANS.destroyDb)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      'the approval could not be recorded as used, so it cannot be used: could not create the commit status: GitHub answered 403: grant `statuses: write`'
    )
    expect(run.outputs).toMatchObject({ approved: 'false', status: 'error' })
    clean(gh, run)
  })

  test('the branch tip cannot be read → error', async () => {
    const gh = await mergedPr()
    delete gh.state.branches['main']
    const run = await push(gh, PLANS.none)
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ approved: 'false', status: 'error' })
    clean(gh, run)
  })
})

describe('merge_group', () => {
  const group = (gh: FakeGitHub, plan: string) =>
    runAction(gh, { event: 'merge_group', payload: payload('merge_group'), inputs: { plan } })

  test('the PR number comes from the queue branch; the status goes on the group head', async () => {
    const gh = await mergedPr()
    Object.assign(gh.state.pulls[7] ?? {}, {
      state: 'open',
      merged_at: null,
      merge_commit_sha: null
    })
    const run = await group(gh, PLANS.destroyDb)
    expect(run.code).toBe(0)
    expect(statusesOf(gh, GROUP_HEAD)).toEqual([['success', 'Approved by bob, carol']])
    expect(gh.requests.some((r) => r.path === '/repos/acme/infra/pulls/7')).toBe(true)
    clean(gh, run)
  })

  test('not approved → a failure status, so the queue drops the group', async () => {
    const gh = await mergedPr(PLANS.destroyDb, [])
    const run = await group(gh, PLANS.destroyDb)
    expect(run.code).toBe(1)
    expect(statusesOf(gh, GROUP_HEAD)).toEqual([
      [
        'failure',
        'Not approved: needs 2 more approving reviews (0 of 2 so far) from reviewers with write access'
      ]
    ])
    clean(gh, run)
  })
})

describe('break-glass', () => {
  const POLICY = 'approvals:\n  break_glass:\n    enabled: true\n    allowed: [carol, erin]\n'
  const comment = (gh: FakeGitHub, id: number, login: string, body: string) =>
    (gh.state.comments[7] ??= []).push({
      id,
      user: { login, type: 'User' },
      body,
      created_at: now(),
      updated_at: now()
    })

  test('an allowed break-glass counts once, for its fingerprint only, and is recorded', async () => {
    const files = {}
    const gh = (fake = await startWithComment(PLANS.destroyDb, {
      contents: { [BASE]: { '.plan-gate.yml': POLICY } }
    }))
    addReview(gh, 'bob', 'APPROVED')
    // Ignored: another fingerprint, a user not allowed, and a quoted command.
    comment(gh, 2001, 'carol', `/plan-gate break-glass sha256:${'0'.repeat(64)} outage`)
    comment(gh, 2002, 'bob', `/plan-gate break-glass ${DESTROY_DB_FP} I am not allowed`)
    comment(gh, 2003, 'erin', `\`\`\`\n/plan-gate break-glass ${DESTROY_DB_FP} docs\n\`\`\``)
    const review = () =>
      runAction(gh, {
        event: 'pull_request_review',
        payload: payload('pull_request_review.submitted'),
        files
      })
    const pending = await review()
    expect(statusesOf(gh, HEAD1).at(-1)?.[0]).toBe('pending')
    clean(gh, pending)

    comment(gh, 2004, 'carol', `/plan-gate break-glass ${DESTROY_DB_FP} INC-4711: restore <now>`)
    comment(gh, 2005, 'erin', `/plan-gate break-glass ${DESTROY_DB_FP} a second one`)
    // The comment itself triggers the re-count (issue_comment), as a review would.
    const run = await runAction(gh, {
      event: 'issue_comment',
      payload: payload('issue_comment.created'),
      files
    })
    expect(run.code).toBe(0)
    expect(statusesOf(gh, HEAD1).at(-1)).toEqual([
      'success',
      'Approved by bob + break-glass by carol'
    ])
    expect(run.summary).toContain('**Break-glass** by carol (comment 2004')
    expect(run.summary).toContain('Reason: INC-4711: restore \\<now\\>')
    expect(stateOf(gateComments(gh)[0] ?? '')).toMatchObject({
      decision: 'approved',
      breakGlassUsed: [2004]
    })

    // At apply time the same record is re-derived and lands in the JSON report.
    Object.assign(gh.state.pulls[7] ?? {}, {
      state: 'closed',
      merged_at: now(),
      merge_commit_sha: MERGED
    })
    gh.state.commitPulls[MERGED] = { numbers: [7] }
    const apply = await runAction(gh, {
      event: 'push',
      payload: payload('push'),
      files,
      inputs: { plan: PLANS.destroyDb }
    })
    expect(apply.code).toBe(0)
    const report = JSON.parse(readFileSync(apply.outputs['report-path'] ?? '', 'utf8'))
    expect(report.approval.breakGlass).toMatchObject({
      by: 'carol',
      commentId: 2004,
      fingerprint: DESTROY_DB_FP,
      reason: 'INC-4711: restore <now>'
    })
    clean(gh, apply)
  })

  test('off by default: the same comment counts for nothing', async () => {
    const gh = (fake = await startWithComment(PLANS.destroyDb))
    addReview(gh, 'bob', 'APPROVED')
    comment(gh, 2004, 'carol', `/plan-gate break-glass ${DESTROY_DB_FP} INC-4711`)
    const run = await runAction(gh, {
      event: 'pull_request_review',
      payload: payload('pull_request_review.submitted')
    })
    expect(statusesOf(gh, HEAD1).at(-1)?.[0]).toBe('pending')
    expect(run.summary).not.toContain('Break-glass')
    clean(gh, run)
  })
})
