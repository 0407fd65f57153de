/**
 * Apply-time runs (`push` to the default branch, `merge_group`) re-verify against the apply-time
 * plan: its fingerprint must be the one recorded on the merged PR, and that PR's approvals must
 * satisfy the policy. A push must be the current tip of the default branch (or of an
 * `apply-branches` branch), and an approval is used up by the first apply-time pass: a commit
 * status `<context>/applied` on the pushed commit records it, and any such status refuses every
 * later pass (a forger who posts one can only cause a refusal). Other events only evaluate.
 */
import type { ApprovalResult } from '../policy/approvals.js'
import type { Report } from '../report/types.js'
import type { GateEvent } from './events.js'
import { error, refuse, type Decision, type Problem } from './gate-flow.js'
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
import { formMismatch, planSet } from './plan-set.js'
import { statusDescription, type GateState } from './state.js'
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
  let branch: string | undefined
  if (event.kind === 'push') {
    const bound = await bindToTip(ctx, event).catch((e: unknown): Binding => ({
      decision: error(describe(e))
    }))
    if ('decision' in bound) return finish(ctx, bound.decision, facts(report), undefined, [])
    branch = bound.branch
  }
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
        problem = read.rejected?.problem ?? applyProblem(state, pull, report, branch)
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
  let decision = decideFor(ctx, 'apply', report.decision, report.counts.findings, {
    approval,
    problem
  })
  // The approval is spent by this pass: recorded before the job may apply, checked first.
  if (event.kind === 'push' && decision.outcome === 'approved' && pull !== undefined)
    decision = await consume(ctx, sha, pull.number, report.fingerprint, decision).catch(
      (e: unknown) =>
        error(`the approval could not be recorded as used, so it cannot be used: ${describe(e)}`)
    )
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

type Binding = { readonly branch: string } | { readonly decision: Decision }

/**
 * A push applies only on the default branch (or a listed `apply-branches` branch), and only
 * its current tip: a re-run of an old run, or an old commit pushed again, is refused.
 */
async function bindToTip(ctx: RunContext, event: { sha: string; ref: string }): Promise<Binding> {
  const match = /^refs\/heads\/(.+)$/.exec(event.ref)
  const defaultBranch = await ctx.port.getDefaultBranch()
  const allowed = [defaultBranch, ...ctx.settings.applyBranches]
  const branch = match?.[1]
  if (branch === undefined || !allowed.includes(branch))
    return {
      decision: refuse(
        `A push to ${event.ref || 'an unknown ref'} does not apply: only ${allowed.map((b) => `refs/heads/${b}`).join(', ')} may (input \`apply-branches\`)`
      )
    }
  const tip = await ctx.port.getBranchTip(branch)
  if (tip !== event.sha)
    return {
      decision: refuse(
        `${short(event.sha)} is not the tip of ${branch} (now ${short(tip)}): only the newest commit applies, so an old run re-run or an old commit pushed again is refused`
      )
    }
  return { branch }
}

/** The context of the record that an approval was used. */
export function appliedContext(context: string): string {
  return `${context}/applied`
}

/**
 * Records that the approval of `pullNumber` for `fingerprint` was used at `sha`, refusing when
 * any record is there already (or another run's record came first).
 */
async function consume(
  ctx: RunContext,
  sha: string,
  pullNumber: number,
  fingerprint: string,
  approved: Decision
): Promise<Decision> {
  const context = appliedContext(ctx.settings.statusContext)
  const records = () =>
    ctx.port
      .listStatuses(sha)
      .then((list) => list.filter((s) => s.context === context).sort((a, b) => a.id - b.id || 0))
  const fresh = `Fresh approval: open a new PR (an empty commit will do) and get it approved`
  const earlier = await records()
  if (earlier.length > 0)
    return refuse(
      `The approval of PR #${pullNumber} was already used at ${short(sha)} (status \`${context}\`: "${earlier[0]?.description ?? ''}"): an approval applies once. ${fresh}`
    )
  const run = ctx.run === undefined ? 'this run' : `run ${ctx.run.id} attempt ${ctx.run.attempt}`
  const description = statusDescription(
    `Approval of PR #${pullNumber} used by ${run} for ${fingerprint.slice(0, 19)}…`
  )
  const url = ctx.targetUrl === undefined ? {} : { targetUrl: ctx.targetUrl }
  await ctx.port.createStatus(sha, { state: 'success', context, description, ...url })
  // Two runs racing past the first check: the oldest record wins, the other refuses.
  const first = (await records())[0]
  if (first?.description !== description)
    return refuse(
      `Another run used the approval of PR #${pullNumber} first ("${first?.description ?? 'no record'}"). ${fresh}`
    )
  return {
    ...approved,
    message: `${approved.message}; the approval of PR #${pullNumber} is now used (status \`${context}\` on ${short(sha)})`
  }
}

function facts(report: Report) {
  return {
    verdict: report.decision,
    fingerprint: report.fingerprint,
    counts: report.counts.findings
  }
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
  report: Report,
  branch: string | undefined
): Problem | undefined {
  const fingerprint = report.fingerprint
  if (branch !== undefined && pull.baseRef !== branch)
    return {
      kind: 'blocked',
      reason: `PR #${pull.number} was merged into ${pull.baseRef}, not ${branch}: its approvals do not apply here`
    }
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
  if (state.conflict !== undefined)
    return {
      kind: 'error',
      reason: `PR #${pull.number}'s state records two plan sets under one status context (${state.plans.map((p) => p.file).join(', ')} and ${state.conflict.join(', ')}): give each its own \`status-context\` and re-run the PR`
    }
  const forms = formMismatch(state.plans, planSet(report), pull.number)
  if (forms !== undefined) return { kind: 'blocked', reason: forms }
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
