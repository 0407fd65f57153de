// End-to-end: the bundled action (dist/action/index.js; `npm run build` first) on pull_request and
// pull_request_review events against the fake GitHub API. Every scenario ends with the contract
// check (no request or response outside the vendored OpenAPI subset) and a token leak check.
import { afterEach, describe, expect, test } from '@jest/globals'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PLANTED_SECRET } from '../helpers.js'
import {
  addReview,
  BASE,
  baseState,
  DESTROY_DB_FP,
  gateComments,
  gateRequests,
  HEAD1,
  HEAD2,
  leaks,
  PLANS,
  PR_MERGE_REF_SHA,
  prEvent,
  reviewEvent,
  runAction,
  pushHead,
  startWithComment,
  stateOf,
  statusesOf,
  type ActionRun
} from './action-harness.js'
import { LIMITS, startFakeGitHub, type FakeGitHub, type FakeState } from './fake-github.js'

let fake: FakeGitHub | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

async function start(patch: Partial<FakeState> = {}): Promise<FakeGitHub> {
  fake = await startFakeGitHub({ ...baseState(), ...patch })
  return fake
}

/** The checks every run must pass. */
function clean(gh: FakeGitHub, run: ActionRun): void {
  expect(gh.violations).toEqual([])
  expect(leaks(gh, run)).toEqual([])
  expect(run.stdout).toContain('::add-mask::')
  expect(run.stdout + run.summary + JSON.stringify(gh.state.comments)).not.toContain(PLANTED_SECRET)
  // Never on the merge commit GitHub checks out for PR events.
  expect(gh.state.statuses[PR_MERGE_REF_SHA]).toBeUndefined()
}

const pr = (gh: FakeGitHub, plan: string, extra: Parameters<typeof prEvent>[0] = {}, inputs = {}) =>
  runAction(gh, { event: 'pull_request', payload: prEvent(extra), inputs: { plan, ...inputs } })

const review = (
  gh: FakeGitHub,
  extra: Parameters<typeof reviewEvent>[0] = {},
  inputs = {},
  action = 'submitted'
) =>
  runAction(gh, {
    event: 'pull_request_review',
    payload: { ...reviewEvent(extra), action },
    inputs
  })

describe('pull_request', () => {
  test('no destructive change → success', async () => {
    const gh = await start()
    const run = await pr(gh, PLANS.none)
    expect(run.code).toBe(0)
    expect(statusesOf(gh, HEAD1)).toEqual([['success', 'No destructive changes need approval']])
    expect(gh.state.statuses[HEAD1]?.[0]).toMatchObject({
      context: 'plan-gate',
      target_url: 'https://github.com/acme/infra/actions/runs/4242'
    })
    const [comment] = gateComments(gh)
    expect(comment).toMatch(/^<!-- plan-gate:v1 plan%2Dgate -->\n## ✅ plan-gate: pass/)
    expect(stateOf(comment ?? '')).toMatchObject({ planDecision: 'pass', decision: 'pass' })
    expect(run.outputs).toMatchObject({
      decision: 'pass',
      approved: 'true',
      status: 'success',
      blocked: '0',
      'approval-required': '0'
    })
    expect(run.summary).toContain('## ✅ plan-gate: pass')
    // No approval needed: reviews are not even read.
    expect(gh.requests.map((r) => r.operationId)).not.toContain('pulls/list-reviews')
    clean(gh, run)
  })

  test('destructive → pending, with the state recorded in one sticky comment', async () => {
    const gh = await start()
    const run = await pr(gh, PLANS.destroyDb)
    expect(run.code).toBe(0)
    expect(statusesOf(gh, HEAD1)).toEqual([
      ['pending', 'Needs 2 more approving reviews (0 of 2 so far) from reviewers with write access']
    ])
    const comments = gateComments(gh)
    expect(comments).toHaveLength(1)
    const state = stateOf(comments[0] ?? '')
    expect(state).toMatchObject({
      v: 2,
      fingerprint: DESTROY_DB_FP,
      decision: 'pending',
      planDecision: 'approval-required',
      headSha: HEAD1,
      pusher: 'alice',
      counts: { blocked: 0, 'approval-required': 3, warn: 1 },
      breakGlassUsed: []
    })
    expect(Date.now() - Date.parse(String(state['firstSeen']))).toBeLessThan(60_000)
    expect(comments[0]).toContain('| ⚠️ Needs approval | `aws_db_instance.orders`')
    expect(run.outputs).toMatchObject({
      decision: 'approval-required',
      fingerprint: DESTROY_DB_FP,
      approved: 'false',
      approvers: '',
      status: 'pending',
      'approval-required': '3',
      warn: '1'
    })
    const report = JSON.parse(readFileSync(run.outputs['report-path'] ?? '', 'utf8'))
    expect(report).toMatchObject({
      decision: 'approval-required',
      fingerprint: DESTROY_DB_FP,
      approval: { outcome: 'pending', status: 'pending', required: 2, pullRequest: 7 }
    })
    expect(run.outputs['report-path']?.startsWith(run.runnerTemp)).toBe(true)
    clean(gh, run)

    // The second run updates the same comment and keeps when the fingerprint was first seen.
    const again = await pr(gh, PLANS.destroyDb, { action: 'reopened', sender: 'erin' })
    expect(gateComments(gh)).toHaveLength(1)
    expect(stateOf(gateComments(gh)[0] ?? '')).toMatchObject({
      firstSeen: state['firstSeen'],
      pusher: 'alice'
    })
    clean(gh, again)
  })
})

describe('pull_request_review: re-counted from the comment, without a plan', () => {
  /** PR #7 as a pull_request run left it for the destructive plan; reviews come next. */
  async function pendingPr(): Promise<FakeGitHub> {
    fake = await startWithComment(PLANS.destroyDb)
    return fake
  }

  test('the author approves → still pending', async () => {
    const gh = await pendingPr()
    addReview(gh, 'alice', 'APPROVED')
    addReview(gh, 'bob', 'APPROVED')
    const run = await review(gh, { by: 'alice' })
    expect(run.code).toBe(0)
    expect(statusesOf(gh, HEAD1).at(-1)).toEqual([
      'pending',
      'Needs 1 more approving review (1 of 2 so far) from reviewers with write access'
    ])
    const [comment] = gateComments(gh)
    expect(gateComments(gh)).toHaveLength(1)
    expect(comment).toContain('| alice | approved | no: is the PR author |')
    expect(comment).toContain('| bob | approved | yes |')
    // The report written by the PR run is kept.
    expect(comment).toContain('| ⚠️ Needs approval | `aws_db_instance.orders`')
    expect(run.outputs).toMatchObject({ approved: 'false', approvers: 'bob', status: 'pending' })
    expect(run.outputs['report-path']).toBeUndefined()
    // No plan was read: the summary carries the comment's report.
    expect(run.summary).toContain('`aws_db_instance.orders`')
    clean(gh, run)
  })

  test('a bot approves → still pending', async () => {
    const gh = await pendingPr()
    addReview(gh, 'renovate[bot]', 'APPROVED')
    addReview(gh, 'bob', 'APPROVED')
    const run = await review(gh, { by: 'renovate[bot]' })
    expect(statusesOf(gh, HEAD1).at(-1)?.[0]).toBe('pending')
    expect(gateComments(gh)[0]).toContain('| renovate\\[bot\\] | approved | no: is a bot |')
    // Bots are never looked up: their opinion cannot count anyway.
    expect(gh.requests.some((r) => r.path.includes('renovate'))).toBe(false)
    clean(gh, run)
  })

  test('two qualified humans approve on the head → success', async () => {
    const gh = await pendingPr()
    addReview(gh, 'dave', 'APPROVED') // read access only
    addReview(gh, 'bob', 'APPROVED')
    addReview(gh, 'carol', 'APPROVED')
    const run = await review(gh, { by: 'carol' })
    expect(run.code).toBe(0)
    expect(statusesOf(gh, HEAD1).at(-1)).toEqual(['success', 'Approved by bob, carol'])
    expect(run.outputs).toMatchObject({
      decision: 'approval-required',
      approved: 'true',
      approvers: 'bob,carol',
      status: 'success'
    })
    const comment = gateComments(gh)[0] ?? ''
    expect(stateOf(comment)).toMatchObject({ decision: 'approved', headSha: HEAD1 })
    expect(comment).toContain('| dave | approved | no: lacks write permission |')
    clean(gh, run)

    // A dismissal (GitHub turns the review itself into DISMISSED) takes the approval away.
    const carol = gh.state.reviews[7]?.find((r) => r.user?.login === 'carol')
    if (carol !== undefined) carol.state = 'DISMISSED'
    const dismissed = await review(gh, { by: 'carol', state: 'dismissed' }, {}, 'dismissed')
    expect(statusesOf(gh, HEAD1).at(-1)).toEqual([
      'pending',
      'Needs 1 more approving review (1 of 2 so far) from reviewers with write access'
    ])
    expect(dismissed.outputs).toMatchObject({ approved: 'false', approvers: 'bob' })
    clean(gh, dismissed)
  })

  test('a new push makes the approvals stale', async () => {
    const gh = await pendingPr()
    const firstSeen = stateOf(gateComments(gh)[0] ?? '')['firstSeen']
    addReview(gh, 'bob', 'APPROVED')
    addReview(gh, 'carol', 'APPROVED')
    clean(gh, await review(gh))
    expect(statusesOf(gh, HEAD1).at(-1)?.[0]).toBe('success')
    // erin pushes HEAD2; the plan (and its fingerprint) stays the same.
    ;(gh.state.pulls[7] as { head: { sha: string } }).head.sha = HEAD2
    pushHead(gh, HEAD2, 'erin')
    const run = await pr(gh, PLANS.destroyDb, {
      action: 'synchronize',
      head: HEAD2,
      sender: 'erin'
    })
    expect(statusesOf(gh, HEAD2)).toEqual([
      ['pending', 'Needs 2 more approving reviews (0 of 2 so far) from reviewers with write access']
    ])
    expect(stateOf(gateComments(gh)[0] ?? '')).toMatchObject({
      headSha: HEAD2,
      firstSeen,
      pusher: 'erin'
    })
    expect(gateComments(gh)[0]).toContain('| bob | approved | no: approved an older commit |')
    // The pusher's own approval does not count either (require_last_push_approval).
    addReview(gh, 'erin', 'APPROVED', HEAD2)
    addReview(gh, 'bob', 'APPROVED', HEAD2)
    const after = await review(gh, { by: 'erin', head: HEAD2 })
    expect(statusesOf(gh, HEAD2).at(-1)?.[1]).toBe(
      'Needs 1 more approving review (1 of 2 so far) from reviewers with write access'
    )
    expect(gateComments(gh)[0]).toContain('| erin | approved | no: pushed the head commit |')
    clean(gh, run)
    clean(gh, after)
  })

  test('a change request keeps it pending', async () => {
    const gh = await pendingPr()
    addReview(gh, 'bob', 'APPROVED')
    addReview(gh, 'carol', 'APPROVED')
    addReview(gh, 'erin', 'CHANGES_REQUESTED')
    const run = await review(gh, { by: 'erin', state: 'changes_requested' })
    expect(statusesOf(gh, HEAD1).at(-1)).toEqual(['pending', 'Changes requested by erin'])
    expect(run.outputs).toMatchObject({ approved: 'false', approvers: 'bob,carol' })
    clean(gh, run)
  })

  test('the head moved since the plan was evaluated → pending until it is re-evaluated', async () => {
    const gh = await pendingPr()
    ;(gh.state.pulls[7] as { head: { sha: string } }).head.sha = HEAD2
    addReview(gh, 'bob', 'APPROVED', HEAD2)
    addReview(gh, 'carol', 'APPROVED', HEAD2)
    const before = gh.requests.length
    const run = await review(gh, { head: HEAD1 })
    expect(run.code).toBe(0)
    expect(statusesOf(gh, HEAD2)).toEqual([
      [
        'pending',
        'The plan was evaluated for 3f1c9a7 but the head is now 5b2d4c6: the pull_request run must re-evaluate it'
      ]
    ])
    expect(run.outputs.approved).toBe('false')
    // The comment still describes HEAD1: a review run cannot re-plan.
    expect(stateOf(gateComments(gh)[0] ?? '')).toMatchObject({ headSha: HEAD1 })
    // The policy is read at the base commit (the contents API, also read by the setup check);
    // the comment's history is checked before its state.
    expect(
      gh.requests
        .slice(before)
        .filter((r) => r.operationId === 'repos/get-content' && r.query['ref'] === BASE)
    ).not.toHaveLength(0)
    expect(gateRequests(gh, before).map((r) => r.operationId)).toEqual([
      'pulls/get',
      'pulls/get',
      'issues/list-comments',
      'graphql',
      'repos/create-commit-status'
    ])
    clean(gh, run)
  })

  test('no gate state on the PR → error, whatever the reviews say', async () => {
    const gh = await start()
    // A person cannot stand in for plan-gate's comment by pasting its marker.
    gh.state.comments[7] = [
      {
        id: 500,
        user: { login: 'mallory', type: 'User' },
        body: '<!-- plan-gate:v1 plan%2Dgate -->\n<!-- plan-gate:approvals -->\n<!-- plan-gate-state {"v":1} -->',
        created_at: '2026-11-21T11:00:00Z',
        updated_at: '2026-11-21T11:00:00Z'
      }
    ]
    addReview(gh, 'bob', 'APPROVED')
    addReview(gh, 'carol', 'APPROVED')
    const run = await review(gh)
    expect(run.code).toBe(1)
    expect(statusesOf(gh, HEAD1)).toEqual([
      [
        'error',
        'Cannot verify: no plan-gate state on PR #7: the pull_request run must evaluate the plan first'
      ]
    ])
    expect(run.stdout).toContain('::error::plan-gate could not verify the gate: no plan-gate state')
    expect(gateComments(gh)).toEqual([])
    expect(run.outputs.approved).toBe('false')
    clean(gh, run)
  })
})

describe('read-only tokens and faults', () => {
  test('a fork → summary and outputs only, no write attempted', async () => {
    const gh = await start({ readOnlyToken: true })
    const run = await pr(gh, PLANS.destroyDb, { forkRepo: 'mallory/infra', sender: 'mallory' })
    expect(run.code).toBe(1)
    expect(gh.requests.filter((r) => r.method !== 'GET')).toEqual([])
    // Only reads: the setup check, the policy at the base commit and the PR's files.
    expect(new Set(gateRequests(gh).map((r) => r.operationId))).toEqual(
      new Set(['pulls/get', 'pulls/list-files'])
    )
    expect(run.stdout).toContain('::warning::fork PR: the token is read-only')
    expect(run.stdout).toContain('::error::plan-gate: Approval required, which a fork PR run')
    expect(run.summary).toContain('## ⚠️ plan-gate: approval required')
    expect(run.summary).toContain('(not posted: fork PR')
    expect(run.outputs).toMatchObject({ decision: 'approval-required', approved: 'false' })
    clean(gh, run)

    // Nothing destructive: the fork's job passes, still without writing.
    const pass = await pr(gh, PLANS.none, { forkRepo: null })
    expect(pass.code).toBe(0)
    expect(gh.requests.filter((r) => r.method !== 'GET')).toEqual([])
    expect(pass.outputs).toMatchObject({ decision: 'pass', approved: 'true' })
    clean(gh, pass)
  })

  test('403 on the status → actionable warning, never a pass', async () => {
    const gh = await start()
    gh.faults.push({ method: 'POST', path: /\/statuses\//, status: 403, times: 5 })
    addReview(gh, 'bob', 'APPROVED')
    const run = await pr(gh, PLANS.destroyDb)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      'could not create the commit status: GitHub answered 403: grant `statuses: write`'
    )
    expect(gh.state.statuses).toEqual({})
    expect(run.outputs.approved).toBe('false')
    expect(run.summary).toContain('(not posted: could not create the commit status')
    clean(gh, run)
  })

  test('403 on the comment → no status either, with the permission to grant', async () => {
    const gh = await start()
    gh.faults.push({ method: 'POST', path: /\/comments$/, status: 403, times: 1 })
    const run = await pr(gh, PLANS.destroyDb)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('grant `pull-requests: write`')
    expect(gh.requests.map((r) => r.operationId)).not.toContain('repos/create-commit-status')
    clean(gh, run)
  })

  test('429 and 500 are retried; the gate still decides', async () => {
    const gh = (fake = await startWithComment(PLANS.destroyDb))
    addReview(gh, 'bob', 'APPROVED')
    addReview(gh, 'carol', 'APPROVED')
    gh.faults.push({ path: /\/reviews$/, status: 429, times: 1 })
    gh.faults.push({ path: /\/permission$/, status: 500, times: 2 })
    gh.faults.push({ method: 'POST', path: /\/statuses\//, status: 502, times: 1 })
    const run = await review(gh)
    expect(run.code).toBe(0)
    expect(statusesOf(gh, HEAD1).at(-1)).toEqual(['success', 'Approved by bob, carol'])
    expect(gh.requests.filter((r) => r.status >= 429).map((r) => r.status)).toEqual([
      429, 500, 500, 502
    ])
    clean(gh, run)
  })

  test('a lasting 500 while reading reviews → error status and a failed job', async () => {
    const gh = await start()
    addReview(gh, 'bob', 'APPROVED')
    addReview(gh, 'carol', 'APPROVED')
    gh.faults.push({ path: /\/reviews$/, status: 500, times: 10 })
    const run = await pr(gh, PLANS.destroyDb)
    expect(run.code).toBe(1)
    // The id of the last (retried) reviews request, the one whose failure was reported.
    const id = gh.requests.map((r) => r.operationId).lastIndexOf('pulls/list-reviews') + 1
    expect(statusesOf(gh, HEAD1)).toEqual([
      [
        'error',
        `Cannot verify: could not list the reviews: GitHub answered 500 after retries; re-run the job later (request id FAKE:${id})`
      ]
    ])
    expect(run.stdout).toContain('::error::plan-gate could not verify the gate: could not list')
    expect(run.outputs).toMatchObject({ approved: 'false', status: 'error' })
    // The state is still recorded, so a later review run can count.
    expect(stateOf(gateComments(gh)[0] ?? '')).toMatchObject({ decision: 'error' })
    clean(gh, run)
  })
})

describe('settings', () => {
  test('on-approval-required: fail → failure status and a failed job', async () => {
    const gh = await start()
    const run = await pr(gh, PLANS.destroyDb, {}, { 'on-approval-required': 'fail' })
    expect(run.code).toBe(1)
    expect(statusesOf(gh, HEAD1)).toEqual([
      [
        'failure',
        'Approval required: needs 2 more approving reviews (0 of 2 so far) from reviewers with write access'
      ]
    ])
    clean(gh, run)
  })

  test('fail-job-while-pending → the job fails, the status stays pending', async () => {
    const gh = await start()
    const run = await pr(gh, PLANS.destroyDb, {}, { 'fail-job-while-pending': 'true' })
    expect(run.code).toBe(1)
    expect(statusesOf(gh, HEAD1).at(-1)?.[0]).toBe('pending')
    clean(gh, run)
  })

  test('approvers and required-approvals from inputs override the policy file', async () => {
    const policy = 'approvals:\n  count: 3\n  approvers: [dave]\n'
    const gh = await start({ contents: { [BASE]: { '.plan-gate.yml': policy } } })
    const files = {}
    const inputs = { 'required-approvals': '1', approvers: 'bob, carol' }
    const run = await runAction(gh, {
      event: 'pull_request',
      payload: prEvent(),
      files,
      inputs: { plan: PLANS.destroyDb, ...inputs }
    })
    expect(statusesOf(gh, HEAD1)).toEqual([
      ['pending', 'Needs 1 more approving review (0 of 1 so far) from bob, carol']
    ])
    clean(gh, run)
    addReview(gh, 'erin', 'APPROVED') // admin, but not listed
    addReview(gh, 'bob', 'APPROVED')
    const after = await runAction(gh, {
      event: 'pull_request_review',
      payload: reviewEvent(),
      files,
      inputs
    })
    expect(statusesOf(gh, HEAD1).at(-1)).toEqual(['success', 'Approved by bob'])
    expect(gateComments(gh)[0]).toContain('| erin | approved | no: is not in approvers |')
    clean(gh, after)
  })

  test('a bad input → one clear line listing the allowed values', async () => {
    const gh = await start()
    const run = await pr(gh, PLANS.destroyDb, {}, { 'on-approval-required': 'maybe' })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      '::error::plan-gate could not run: input `on-approval-required` must be one of require-approval, fail, not "maybe"'
    )
    expect(gh.requests).toEqual([])
    expect(run.summary).toContain('could not evaluate')
    clean(gh, run)
  })

  test('an unreadable plan → error status on the head and a failed job', async () => {
    const gh = await start()
    const run = await pr(gh, '/nonexistent/plan.json')
    expect(run.code).toBe(1)
    expect(statusesOf(gh, HEAD1)).toEqual([
      ['error', 'Cannot evaluate the plan: /nonexistent/plan.json: no such file']
    ])
    expect(run.stdout).toContain('::error::plan-gate could not evaluate the plan')
    clean(gh, run)
  })
})

/** A plan replacing `n` databases with long addresses: its report is far over 65,536 characters. */
function bigPlan(n: number): string {
  const changes = Array.from({ length: n }, (_, i) => {
    const name = `orders_replica_with_a_deliberately_long_resource_name_${String(i).padStart(4, '0')}`
    const address = `module.region_eu_west_1.module.tenant_${i}.aws_db_instance.${name}`
    const before = { identifier: name, deletion_protection: false, password: PLANTED_SECRET }
    return {
      address,
      module_address: `module.region_eu_west_1.module.tenant_${i}`,
      mode: 'managed',
      type: 'aws_db_instance',
      name,
      provider_name: 'registry.terraform.io/hashicorp/aws',
      change: {
        actions: ['delete', 'create'],
        before,
        after: { ...before, identifier: `${name}-b` },
        after_unknown: { id: true },
        before_sensitive: { password: true },
        after_sensitive: { password: true },
        replace_paths: [['identifier']]
      },
      action_reason: 'replace_because_cannot_update'
    }
  })
  const plan = {
    format_version: '1.2',
    terraform_version: '1.9.8',
    planned_values: { root_module: {} },
    resource_changes: changes,
    configuration: { root_module: {} }
  }
  const dir = mkdtempSync(join(tmpdir(), 'plan-gate-big-'))
  const file = join(dir, 'big-plan.json')
  writeFileSync(file, JSON.stringify(plan))
  return file
}

describe('size limits', () => {
  test('a report longer than 65,536 characters → the comment stays under the limit', async () => {
    const gh = await start()
    const run = await pr(gh, bigPlan(600))
    const [comment = ''] = gateComments(gh)
    expect([...comment].length).toBeLessThanOrEqual(LIMITS.commentBody)
    // Identical findings are one row; the address list is cut and says how many it leaves out.
    expect(comment).toMatch(/- … and \d+ more \(every one is in the JSON report\)/)
    expect(stateOf(comment)).toMatchObject({ headSha: HEAD1 })
    // The job summary carries the whole report.
    expect(run.summary.length).toBeGreaterThan(65_536)
    for (let i = 0; i < 600; i++) expect(run.summary).toContain(`tenant_${i}.aws_db_instance`)
    expect(comment).not.toContain('tenant_599.aws_db_instance')
    const [status] = gh.state.statuses[HEAD1] ?? []
    expect([...(status?.description ?? '')].length).toBeLessThanOrEqual(LIMITS.statusDescription)
    clean(gh, run)
  })
})
