/**
 * Apply-time runs (`push` to the default branch, `merge_group`) re-verify against the apply-time
 * plan: its fingerprint must be the one recorded on the merged PR, and that PR's approvals must
 * satisfy the policy. Other events only evaluate.
 */
import type { ApprovalResult } from '../policy/approvals.js'
import type { Report } from '../report/types.js'
import type { GateEvent } from './events.js'
import type { Problem } from './gate-flow.js'
import type { PullRequest } from './port.js'
import {
  decideFor,
  describe,
  finish,
  publish,
  short,
  type RunContext,
  type RunResult
} from './run.js'
import type { GateState } from './state.js'
import { readSticky } from './trusted-state.js'
import { verifyApprovals } from './verify.js'

type ApplyEvent = Extract<GateEvent, { kind: 'push' | 'merge_group' }>

const LOOKUP_ATTEMPTS = 5

/**
 * `push` and `merge_group`: the apply-time plan must be the one approved on its PR. `amend`
 * adds the PR's change findings (policy and gate files) to the plan's report, so the
 * fingerprint compared is the one the PR's approvals were given for.
 */
export async function runApply(
  ctx: RunContext,
  event: ApplyEvent,
  planReport: Report,
  amend: (pull: PullRequest) => Promise<Report> = async () => planReport
): Promise<RunResult> {
  let report = planReport
  const sha = event.kind === 'push' ? event.sha : event.headSha
  let approval: ApprovalResult | undefined
  let problem: Problem | undefined
  let pull: PullRequest | undefined
  let since: string | undefined
  if (report.decision === 'approval-required') {
    try {
      pull =
        event.kind === 'merge_group'
          ? await ctx.port.getPull(event.pullNumber)
          : await findMergedPull(ctx, sha)
      if (pull === undefined) {
        problem = {
          kind: 'blocked',
          reason: `Direct push with destructive changes: no merged pull request introduced ${short(sha)}, so nobody approved this plan`
        }
      } else {
        report = await amend(pull)
        const comments = await ctx.port.listComments(pull.number)
        const read = await readSticky(ctx, comments)
        const state = read.rejected === undefined ? read.sticky?.parsed.state : undefined
        problem = read.rejected?.problem ?? applyProblem(state, pull, report.fingerprint)
        since = state?.firstSeen
        if (problem === undefined && state !== undefined)
          approval = await verifyApprovals(ctx.port, {
            pull,
            fingerprint: report.fingerprint,
            since: state.firstSeen,
            policy: ctx.policy,
            breakGlass: ctx.breakGlass,
            comments
          })
      }
    } catch (e) {
      problem = { kind: 'error', reason: describe(e) }
    }
  }
  const decision = decideFor(ctx, 'apply', report.decision, report.counts.findings, {
    approval,
    problem
  })
  const result = {
    verdict: report.decision,
    fingerprint: report.fingerprint,
    counts: report.counts.findings,
    approval,
    pullNumber: pull?.number,
    headSha: pull?.headSha,
    since
  }
  // A push gates the job that applies; a merge queue waits for the status on its head.
  if (event.kind === 'push') return finish(ctx, decision, result, undefined, [])
  return publish(ctx, { decision, readOnly: undefined, sha, result })
}

/** Any other event: evaluate only; approvals need a pull request event. */
export function runEvaluate(ctx: RunContext, report: Report, eventName: string): RunResult {
  const problem: Problem | undefined =
    report.decision === 'approval-required'
      ? { kind: 'waiting', reason: `approval required; ${eventName} runs cannot verify approvals` }
      : undefined
  const decision = decideFor(ctx, 'evaluate', report.decision, report.counts.findings, { problem })
  const result = {
    verdict: report.decision,
    fingerprint: report.fingerprint,
    counts: report.counts.findings
  }
  return finish(ctx, decision, result, undefined, [])
}

/** The PR that merged `sha`, asking again while GitHub's commit → PR index catches up. */
async function findMergedPull(ctx: RunContext, sha: string): Promise<PullRequest | undefined> {
  for (let attempt = 0; attempt < LOOKUP_ATTEMPTS; attempt++) {
    if (attempt > 0) await ctx.sleep(ctx.retryDelayMs * 2 ** (attempt - 1))
    const pulls = await ctx.port.listPullsForCommit(sha)
    const merged = pulls.filter((p) => p.mergedAt !== null)
    const found =
      merged.find((p) => p.mergeCommitSha === sha) ?? merged.find((p) => p.headSha === sha)
    if (found !== undefined) return ctx.port.getPull(found.number)
    // Once GitHub lists pull requests for the commit, asking again will not add the merged one.
    if (pulls.length > 0) return undefined
  }
  return undefined
}

function applyProblem(
  state: GateState | undefined,
  pull: PullRequest,
  fingerprint: string
): Problem | undefined {
  if (state === undefined)
    return {
      kind: 'error',
      reason: `PR #${pull.number} has no plan-gate state, so its approvals cannot be bound to this plan`
    }
  if (state.failed === true)
    return {
      kind: 'error',
      reason: `the plan of PR #${pull.number} could not be evaluated at ${short(state.headSha)}, so nothing was approved`
    }
  if (state.fingerprint !== fingerprint)
    return {
      kind: 'blocked',
      reason: `Not the plan approved on PR #${pull.number}: the apply-time fingerprint ${fingerprint} differs from the approved ${state.fingerprint}; re-plan in a new PR`
    }
  if (state.headSha !== pull.headSha)
    return {
      kind: 'blocked',
      reason: `PR #${pull.number} was merged at ${short(pull.headSha)}, but its plan was last evaluated for ${short(state.headSha)}`
    }
  return undefined
}
