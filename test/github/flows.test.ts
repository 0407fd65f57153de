/** The runs (pull request, review, apply) over an in-memory port: calls, writes, fail-closed paths. */
import { describe, expect, test } from '@jest/globals'
import { runApply } from '../../src/github/apply.js'
import { GitHubError } from '../../src/github/port.js'
import { planSet } from '../../src/github/plan-set.js'
import { runPullRequest, runReview } from '../../src/github/pull-request.js'
import type { RunContext } from '../../src/github/run.js'
import { buildComment, parseComment, type GateState } from '../../src/github/state.js'
import { verifyApprovals } from '../../src/github/verify.js'
import type { Review } from '../../src/policy/approvals.js'
import { APPROVAL_REPORT } from '../report/sample-reports.js'
import { fakePort, forbidden, pull, SHA, type FakePort } from './fake-port.js'

const OTHER = 'beef'.padEnd(40, '0')
const MERGE = 'feed'.padEnd(40, '0')
const SINCE = '2026-11-21T12:00:00Z'
const AFTER = '2026-11-21T13:00:00Z'
const FP = APPROVAL_REPORT.fingerprint

function ctx(port: FakePort, over: Partial<RunContext> = {}) {
  const warnings: string[] = []
  const sleeps: number[] = []
  const context: RunContext = {
    port,
    settings: {
      plans: ['plan.json'],
      token: 't',
      onApprovalRequired: 'require-approval',
      failJobWhilePending: false,
      comment: true,
      statusContext: 'plan-gate',
      applyBranches: [],
      requireProtections: false,
      gateAccount: 'github-actions[bot]'
    },
    policy: { requiredApprovals: 2, approvers: [], excludePusher: true },
    breakGlass: { enabled: false, allowed: [] },
    repository: 'acme/infra',
    now: () => new Date(SINCE),
    sleep: async (ms) => void sleeps.push(ms),
    retryDelayMs: 100,
    warn: (m) => void warnings.push(m),
    ...over
  }
  return { context, warnings, sleeps }
}

let id = 1
function review(login: string, state = 'APPROVED', commitId = SHA, type = 'User'): Review {
  return { id: id++, user: { login, type }, state, commitId, submittedAt: AFTER }
}

function stateComment(over: Partial<GateState> = {}) {
  const state: GateState = {
    v: 2,
    fingerprint: FP,
    decision: 'pending',
    planDecision: 'approval-required',
    headSha: SHA,
    firstSeen: SINCE,
    counts: APPROVAL_REPORT.counts.findings,
    breakGlassUsed: [],
    plans: planSet(APPROVAL_REPORT),
    ...over
  }
  const body = buildComment({
    context: 'plan-gate',
    report: () => '## report\n',
    approvals: 'approvals\n',
    state,
    compact: { title: 'plan-gate', reason: 'r' }
  })
  return {
    id: 42,
    user: { login: 'github-actions[bot]', type: 'Bot' },
    body,
    createdAt: '',
    nodeId: 'IC_42'
  }
}

const PR_EVENT = {
  kind: 'pull_request' as const,
  action: 'opened',
  pull: {
    number: 7,
    headSha: SHA,
    headRef: 'move-db',
    headRepo: 'acme/infra',
    author: { login: 'alice' }
  },
  sender: 'alice'
}
const REVIEW_EVENT = { kind: 'review' as const, action: 'submitted', pull: { number: 7 } }

describe('verifyApprovals', () => {
  const input = {
    pull: { number: 7, author: { login: 'alice' }, headSha: SHA },
    fingerprint: FP,
    since: SINCE,
    policy: { requiredApprovals: 2, excludePusher: true },
    breakGlass: { enabled: false, allowed: [] },
    comments: []
  }

  test('looks up permissions for people only, never for the author or bots', async () => {
    const port = fakePort({
      reviews: [
        review('alice'),
        review('renovate[bot]', 'APPROVED', SHA, 'Bot'),
        review('bob'),
        review('ghost404'),
        review('carol', 'COMMENTED')
      ],
      permissions: { bob: 'write' }
    })
    const result = await verifyApprovals(port, input)
    expect(port.calls).toEqual([
      'listPullCommits',
      'listReviews',
      'getPermission bob',
      'getPermission ghost404'
    ])
    expect(result.approvers).toEqual(['bob'])
    expect(result.reviewers.find((r) => r.login === 'ghost404')?.why).toBe(
      'lacks write permission (permission unknown)'
    )
  })

  test('team approvers: membership per reviewer; an unreadable org fails closed', async () => {
    const reviews = [review('bob'), review('carol')]
    const permissions = { bob: 'write' as const, carol: 'write' as const }
    const policy = { ...input.policy, approvers: ['@acme/DBA'] }
    const ok = fakePort({ reviews, permissions, teams: { 'acme/dba': ['bob', 'carol'] } })
    expect((await verifyApprovals(ok, { ...input, policy })).approved).toBe(true)
    expect(ok.calls.filter((c) => c.startsWith('isTeamMember'))).toEqual([
      'isTeamMember acme/dba bob',
      'isTeamMember acme/dba carol'
    ])
    const denied = fakePort({ reviews, permissions, teams: 'forbidden' })
    const result = await verifyApprovals(denied, { ...input, policy })
    expect(result.approved).toBe(false)
    expect(result.error).toMatch(/cannot read org teams/)
  })

  test('break-glass: only when enabled, for an allowed user and this fingerprint', async () => {
    const comments = [
      {
        id: 9,
        user: { login: 'carol' },
        // No push is on record for the head, so the break-glass names it.
        body: `/plan-gate break-glass ${FP} outage on ${SHA}`,
        createdAt: 't',
        updatedAt: 't'
      }
    ]
    const port = fakePort({ reviews: [review('bob')], permissions: { bob: 'write' } })
    const off = await verifyApprovals(port, { ...input, comments })
    expect(off.approved).toBe(false)
    const on = await verifyApprovals(port, {
      ...input,
      comments,
      breakGlass: { enabled: true, allowed: ['carol'] }
    })
    expect(on).toMatchObject({ approved: true, breakGlass: { by: 'carol', commentId: 9 } })
  })

  test('a failed lookup throws: it is never read as "no approvals needed"', async () => {
    const port = fakePort({ reviews: [review('bob')] })
    port.state.failures.getPermission = new GitHubError('unavailable', 'x', 'GitHub answered 500')
    await expect(verifyApprovals(port, input)).rejects.toThrow('GitHub answered 500')
  })
})

describe('runPullRequest', () => {
  test('creates the comment, then posts the status on the head', async () => {
    const port = fakePort()
    // The pusher comes from GitHub's activity log, never from the event or the comment.
    port.state.pushes = [
      { before: '0'.repeat(40), after: SHA, actor: { login: 'alice' }, at: SINCE, type: 'push' }
    ]
    const { context } = ctx(port)
    const result = await runPullRequest(context, PR_EVENT, APPROVAL_REPORT)
    expect(port.calls).toEqual([
      'listComments',
      'listPushes',
      'listPullCommits',
      'listReviews',
      'createComment',
      'createStatus c0ffee0'
    ])
    expect(result.decision.status.state).toBe('pending')
    const state = parseComment(port.state.comments[0]?.body ?? '', 'plan-gate')?.state
    expect(state).toMatchObject({ firstSeen: SINCE, pusher: 'alice', headSha: SHA })
  })

  test('a failed evaluation of the head starts no plan-set clash: the re-run owns the state', async () => {
    const failed = stateComment({
      fingerprint: `sha256:${'e'.repeat(64)}`,
      decision: 'error',
      planDecision: 'blocked',
      plans: [],
      failed: true
    })
    const port = fakePort({ comments: [failed] })
    const result = await runPullRequest(ctx(port).context, PR_EVENT, APPROVAL_REPORT)
    expect(result.decision.outcome).not.toBe('error')
    const state = parseComment(port.state.comments[0]?.body ?? '', 'plan-gate')?.state
    expect(state?.plans).toEqual(planSet(APPROVAL_REPORT))
    expect(state?.failed).toBeUndefined()
    expect(state?.conflict).toBeUndefined()
  })

  test('another plan set of the same head (not failed) is still a clash: an error', async () => {
    const other = stateComment({
      plans: [{ file: 'other/plan.json', form: 'show-json', fingerprint: FP }]
    })
    const port = fakePort({ comments: [other] })
    const result = await runPullRequest(ctx(port).context, PR_EVENT, APPROVAL_REPORT)
    expect(result.decision.outcome).toBe('error')
    const state = parseComment(port.state.comments[0]?.body ?? '', 'plan-gate')?.state
    expect(state?.conflict).toEqual(planSet(APPROVAL_REPORT).map((p) => p.file))
  })

  test('a failed comment update is a warning; the status is still posted', async () => {
    const port = fakePort({ comments: [stateComment()] })
    port.state.failures.updateComment = new GitHubError('unavailable', 'x', 'GitHub answered 502')
    const { context, warnings } = ctx(port)
    const result = await runPullRequest(context, PR_EVENT, APPROVAL_REPORT)
    expect(port.calls.at(-1)).toBe('createStatus c0ffee0')
    expect(warnings).toEqual(['the PR comment was not updated: GitHub answered 502'])
    expect(result.decision.jobFails).toBe(false)
  })

  test('a status that cannot be posted fails the job', async () => {
    const port = fakePort()
    port.state.failures.createStatus = new GitHubError('unavailable', 'x', 'GitHub answered 500')
    const result = await runPullRequest(ctx(port).context, PR_EVENT, APPROVAL_REPORT)
    expect(result.decision).toMatchObject({ outcome: 'error', jobFails: true })
  })

  test('comments unreadable → no comment written (no duplicates), error status', async () => {
    const port = fakePort()
    port.state.failures.listComments = new GitHubError('unavailable', 'x', 'down')
    const result = await runPullRequest(ctx(port).context, PR_EVENT, APPROVAL_REPORT)
    expect(port.calls).toEqual(['listComments', 'createStatus c0ffee0'])
    expect(port.state.statuses[0]?.status.state).toBe('error')
    expect(result.decision.jobFails).toBe(true)
  })

  test('a 403 on the comment stops all writes and never passes', async () => {
    const port = fakePort({
      reviews: [review('bob'), review('carol')],
      permissions: { bob: 'write', carol: 'write' },
      comments: [stateComment()]
    })
    port.state.failures.updateComment = forbidden('update the PR comment')
    const { context, warnings } = ctx(port)
    const result = await runPullRequest(context, PR_EVENT, APPROVAL_REPORT)
    expect(result.decision).toMatchObject({ outcome: 'approved', jobFails: true })
    expect(port.calls).not.toContain('createStatus c0ffee0')
    expect(warnings).toEqual(['could not update the PR comment: GitHub answered 403'])
  })
})

describe('runReview', () => {
  test('the PR cannot be read after a comment event → no head, nothing posted', async () => {
    const port = fakePort()
    port.state.failures.getPull = new GitHubError('unavailable', 'x', 'down')
    const result = await runReview(ctx(port).context, REVIEW_EVENT)
    expect(port.calls).toEqual(['getPull 7'])
    expect(result.decision).toMatchObject({ outcome: 'error', jobFails: true })
  })

  test('no state → error status on the current head, no comment write', async () => {
    const port = fakePort({ reviews: [review('bob'), review('carol')] })
    const result = await runReview(ctx(port).context, REVIEW_EVENT)
    expect(port.calls).toEqual(['getPull 7', 'listComments', 'createStatus c0ffee0'])
    expect(result.decision.outcome).toBe('error')
  })

  test('the head moved → pending on the new head, the comment left alone', async () => {
    const port = fakePort({ pulls: { 7: pull({ headSha: OTHER }) }, comments: [stateComment()] })
    const result = await runReview(ctx(port).context, REVIEW_EVENT)
    expect(port.calls).toEqual([
      'getPull 7',
      'listComments',
      'getCommentHistory IC_42',
      'createStatus beef000'
    ])
    expect(result.decision.status).toEqual({
      state: 'pending',
      description:
        'The plan was evaluated for c0ffee0 but the head is now beef000: the pull_request run must re-evaluate it'
    })
  })

  test('a fork PR: reads only, and the job fails unless nothing needs approval', async () => {
    const port = fakePort({
      pulls: { 7: pull({ headRepo: 'mallory/infra' }) },
      comments: [stateComment()]
    })
    const result = await runReview(ctx(port).context, REVIEW_EVENT)
    expect(port.calls.filter((c) => /^(create|update)/.test(c))).toEqual([])
    expect(result.decision.jobFails).toBe(true)
  })
})

describe('runApply', () => {
  const applyPort = (over: Parameters<typeof fakePort>[0] = {}) =>
    fakePort({ tips: { main: MERGE }, ...over })
  const PUSH = { kind: 'push' as const, sha: MERGE, ref: 'refs/heads/main' }
  const merged = pull({ mergedAt: AFTER, mergeCommitSha: MERGE })

  test('asks again with backoff while the commit → PR index lags', async () => {
    const port = applyPort({
      pulls: { 7: merged },
      commitPulls: [[], [], [merged]],
      comments: [stateComment()],
      reviews: [review('bob'), review('carol')],
      permissions: { bob: 'write', carol: 'admin' }
    })
    const { context, sleeps } = ctx(port)
    const result = await runApply(context, PUSH, APPROVAL_REPORT)
    expect(sleeps).toEqual([100, 200])
    expect(result.decision).toMatchObject({ outcome: 'approved', jobFails: false })
    // The only write: the record that the approval is used, read back before passing.
    expect(port.calls.filter((c) => /^(create|update)/.test(c))).toEqual(['createStatus feed000'])
    expect(port.state.statuses.map((s) => s.status.context)).toEqual(['plan-gate/applied'])
    expect(port.calls.filter((c) => c.startsWith('listStatuses'))).toHaveLength(2)
  })

  const approvedPort = () =>
    applyPort({
      pulls: { 7: merged },
      commitPulls: [[merged]],
      comments: [stateComment()],
      reviews: [review('bob'), review('carol')],
      permissions: { bob: 'write', carol: 'admin' }
    })

  test('two runs racing past the first check: the older record wins, this run refuses', async () => {
    const port = approvedPort()
    const create = port.createStatus
    port.createStatus = async (sha, status) => {
      // Another run's record lands just before this one's.
      port.state.statuses.push({ sha, status: { ...status, description: 'run 1 was first' } })
      return create(sha, status)
    }
    const result = await runApply(ctx(port).context, PUSH, APPROVAL_REPORT)
    expect(result.decision).toMatchObject({ outcome: 'blocked', jobFails: true })
    expect(result.decision.message).toContain(
      'Another run used the approval of PR #7 first ("run 1 was first")'
    )
  })

  test('the records cannot be listed → error, never approved', async () => {
    const port = approvedPort()
    port.state.failures.listStatuses = forbidden('list the commit statuses')
    const result = await runApply(ctx(port).context, PUSH, APPROVAL_REPORT)
    expect(result.decision).toMatchObject({ outcome: 'error', jobFails: true })
    expect(port.state.statuses).toEqual([])
  })

  test('the default branch cannot be read → error before anything else', async () => {
    const port = approvedPort()
    port.state.failures.getDefaultBranch = forbidden('read the repository')
    const result = await runApply(ctx(port).context, PUSH, APPROVAL_REPORT)
    expect(result.decision).toMatchObject({ outcome: 'error', jobFails: true })
    expect(port.calls).toEqual(['getDefaultBranch'])
  })

  test('no PR after every attempt → blocked as a direct push', async () => {
    const port = applyPort()
    const { context, sleeps } = ctx(port)
    const result = await runApply(context, PUSH, APPROVAL_REPORT)
    expect(sleeps).toEqual([100, 200, 400, 800])
    expect(result.decision).toMatchObject({ outcome: 'blocked', jobFails: true })
    expect(result.decision.message).toMatch(/Direct push with destructive changes/)
  })

  test('open PRs only (not merged) → blocked at once, no waiting', async () => {
    const port = applyPort({ commitPulls: [[pull()]] })
    const { context, sleeps } = ctx(port)
    const result = await runApply(context, PUSH, APPROVAL_REPORT)
    expect(sleeps).toEqual([])
    expect(result.decision.outcome).toBe('blocked')
  })

  test('the PR merged a head its plan was never evaluated for → blocked', async () => {
    const port = applyPort({
      pulls: { 7: { ...merged, headSha: OTHER } },
      commitPulls: [[merged]],
      comments: [stateComment()]
    })
    const result = await runApply(ctx(port).context, PUSH, APPROVAL_REPORT)
    expect(result.decision.status.description).toBe(
      'PR #7 was merged at beef000, but its plan was last evaluated for c0ffee0'
    )
  })

  test('the PR has no state → error, not a pass', async () => {
    const port = applyPort({ pulls: { 7: merged }, commitPulls: [[merged]] })
    const result = await runApply(ctx(port).context, PUSH, APPROVAL_REPORT)
    expect(result.decision).toMatchObject({ outcome: 'error', jobFails: true })
  })
})
