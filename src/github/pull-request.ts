/**
 * Pull request runs: `pull_request` evaluates the plan, counts approvals and records the gate
 * state in the sticky comment; `pull_request_review` re-counts from that state, without a plan.
 */
import type { ApprovalResult } from '../policy/approvals.js'
import { hashLines } from '../policy/fingerprint.js'
import type { Report } from '../report/types.js'
import { isFork, type GateEvent } from './events.js'
import { error, evaluationError, type Problem } from './gate-flow.js'
import { planSet, planSetConflict } from './plan-set.js'
import type { PullRequest } from './port.js'
import { renderApprovalSection, renderFailure } from './render.js'
import {
  COMMENT_OFF,
  compactFacts,
  decideFor,
  describe,
  finish,
  fitReport,
  fitText,
  FORK,
  publish,
  short,
  used,
  type RunContext,
  type RunResult
} from './run.js'
import { buildComment, isoSeconds, STATE_VERSION, type GateState } from './state.js'
import { readSticky, type Sticky } from './trusted-state.js'
import { verifyApprovals } from './verify.js'

type PullEvent = Extract<GateEvent, { kind: 'pull_request' }>
type ReviewEvent = Extract<GateEvent, { kind: 'review' }>

/** `pull_request`: evaluate, count approvals, record the state, post the status on the head. */
export async function runPullRequest(
  ctx: RunContext,
  event: PullEvent,
  report: Report
): Promise<RunResult> {
  const { pull } = event
  const readOnly = isFork(pull, ctx.repository) ? FORK : undefined
  let sticky: Sticky | undefined
  let since = isoSeconds(ctx.now())
  let approval: (ApprovalResult & { pusher?: string }) | undefined
  let problem: Problem | undefined
  let commentsRead = false
  let carried: readonly number[] = []
  const notes: string[] = []
  let conflict: string | undefined
  let trusted: GateState | undefined
  const plans = planSet(report)
  const run = ctx.run === undefined ? undefined : `${ctx.run.id}/${ctx.run.attempt}`
  try {
    const comments = readOnly === undefined ? await ctx.port.listComments(pull.number) : []
    commentsRead = readOnly === undefined
    const read = await readSticky(ctx, comments)
    // An edited comment is left as evidence; a new one holds the state from now on.
    sticky = read.sticky
    if (read.rejected?.kind === 'edited') notes.push(read.rejected.problem.reason)
    const previous = read.rejected === undefined ? sticky?.parsed.state : undefined
    trusted = previous
    // A failed evaluation names no plan set: the next run for the head starts it over.
    conflict = planSetConflict(
      previous?.failed === true ? undefined : previous,
      { plans, headSha: pull.headSha, fingerprint: report.fingerprint, run },
      ctx.settings.statusContext
    )
    const same =
      previous !== undefined &&
      previous.failed !== true &&
      previous.fingerprint === report.fingerprint
    if (same) since = previous.firstSeen
    carried = previous?.breakGlassUsed ?? []
    if (report.decision === 'approval-required') {
      if (readOnly !== undefined)
        problem = {
          kind: 'waiting',
          reason: 'approval required, which a fork PR run cannot verify'
        }
      else
        approval = await verifyApprovals(ctx.port, {
          pull: { ...pull, headRef: pull.headRef },
          fingerprint: report.fingerprint,
          since,
          policy: ctx.policy,
          breakGlass: ctx.breakGlass,
          comments,
          // A break-glass that counted for another head or plan never counts again.
          used: same && previous.headSha === pull.headSha ? [] : carried,
          ...(event.action === 'synchronize' && event.sender !== undefined
            ? { sender: event.sender }
            : {})
        })
    }
  } catch (e) {
    problem = { kind: 'error', reason: describe(e) }
  }
  const decision =
    conflict !== undefined
      ? error(conflict)
      : decideFor(ctx, 'pull-request', report.decision, report.counts.findings, {
          approval,
          problem
        })
  const view = { headSha: pull.headSha, since, approval }
  const glass = approval?.breakGlass?.commentId
  // A clash keeps the first plan set's state and records the other one's files: never a pass.
  const state: GateState =
    conflict !== undefined && trusted !== undefined
      ? {
          ...trusted,
          decision: 'error',
          conflict: trusted.conflict ?? plans.map((p) => p.file)
        }
      : {
          v: STATE_VERSION,
          fingerprint: report.fingerprint,
          decision: decision.outcome,
          planDecision: report.decision,
          headSha: pull.headSha,
          firstSeen: since,
          ...(approval?.pusher === undefined ? {} : { pusher: approval.pusher }),
          counts: report.counts.findings,
          breakGlassUsed:
            glass === undefined || carried.includes(glass) ? [...carried] : [...carried, glass],
          plans,
          ...(run === undefined ? {} : { run })
        }
  const compact = compactFacts(ctx, report.decision, report.counts.findings, report.fingerprint)
  const body = buildComment({
    context: ctx.settings.statusContext,
    report: ctx.settings.comment
      ? (max) => fitReport(report, max, ctx.settings.statusContext)
      : () => COMMENT_OFF,
    approvals: renderApprovalSection({ context: ctx.settings.statusContext, decision, ...view }),
    state,
    compact
  })
  const result = await publish(ctx, {
    decision,
    readOnly,
    pullNumber: pull.number,
    // Without the comment list plan-gate cannot tell which comment is its own: no comment then.
    comment: commentsRead ? { id: sticky?.id, body } : undefined,
    sha: pull.headSha,
    result: {
      verdict: report.decision,
      fingerprint: report.fingerprint,
      counts: report.counts.findings,
      pullNumber: pull.number,
      ...view
    }
  })
  for (const note of notes) ctx.warn(note)
  return notes.length === 0 ? result : { ...result, notes: [...result.notes, ...notes] }
}

/** `pull_request_review`: re-count approvals from the recorded state, without a plan. */
export async function runReview(ctx: RunContext, event: ReviewEvent): Promise<RunResult> {
  // The API's view, not the payload's: the head may have moved since the event.
  let head = event.pull.headSha
  let readOnly: string | undefined
  let sticky: Sticky | undefined
  let state: GateState | undefined
  let approval: ApprovalResult | undefined
  let problem: Problem | undefined
  try {
    const pull = await ctx.port.getPull(event.pull.number)
    head = pull.headSha
    if (isFork(pull, ctx.repository)) readOnly = FORK
    const comments = await ctx.port.listComments(pull.number)
    const read = await readSticky(ctx, comments)
    sticky = read.rejected === undefined ? read.sticky : undefined
    state = sticky?.parsed.state
    problem = read.rejected?.problem ?? stateProblem(state, pull)
    if (problem === undefined && state?.planDecision === 'approval-required')
      approval = await verifyApprovals(ctx.port, {
        pull,
        fingerprint: state.fingerprint,
        since: state.firstSeen,
        policy: ctx.policy,
        breakGlass: ctx.breakGlass,
        comments
      })
  } catch (e) {
    problem = { kind: 'error', reason: describe(e) }
  }
  // A failed evaluation has no verdict: the problem (an error) is all a recount can say.
  const verdict = state?.failed === true ? undefined : state?.planDecision
  const decision = decideFor(ctx, 'review', verdict, state?.counts, {
    approval,
    problem
  })
  const view = { headSha: head, since: state?.firstSeen, approval }
  const approvals = renderApprovalSection({
    context: ctx.settings.statusContext,
    decision,
    ...view
  })
  // Only a state that is still current is rewritten; anything else stays for the PR run.
  const current = sticky !== undefined && state !== undefined && problem === undefined
  const body =
    current && state !== undefined
      ? buildComment({
          context: ctx.settings.statusContext,
          report: (max) => fitText(sticky?.parsed.report ?? '', max),
          approvals,
          state: { ...state, decision: decision.outcome, breakGlassUsed: used(state, approval) },
          compact: compactFacts(ctx, state.planDecision, state.counts, state.fingerprint)
        })
      : undefined
  // Outputs describe the plan only while its state is for the current head.
  const fresh = state !== undefined && state.headSha === head ? state : undefined
  const facts = {
    verdict: fresh?.planDecision,
    fingerprint: fresh?.fingerprint,
    counts: fresh?.counts,
    pullNumber: event.pull.number,
    reportMarkdown: sticky?.parsed.report,
    ...view
  }
  // Without a known head (the PR could not be read after a comment event) there is nowhere to post.
  if (head === undefined) return finish(ctx, decision, facts, undefined, [])
  return publish(ctx, {
    decision,
    readOnly,
    pullNumber: event.pull.number,
    comment: body === undefined ? undefined : { id: sticky?.id, body },
    sha: head,
    result: facts
  })
}

/**
 * The plan could not be evaluated: an error status where the gate reports (PR head, merge queue
 * head) and, on a PR, a failed state for the head that no later recount can turn into a pass.
 */
export async function runFailure(
  ctx: RunContext,
  event: GateEvent,
  reason: string
): Promise<RunResult> {
  const decision = evaluationError(reason)
  if (event.kind === 'merge_group')
    return publish(ctx, { decision, readOnly: undefined, sha: event.headSha, result: {} })
  if (event.kind !== 'pull_request') return finish(ctx, decision, {}, undefined, [])
  const { pull } = event
  const readOnly = isFork(pull, ctx.repository) ? FORK : undefined
  let comment: { id?: number; body: string } | undefined
  if (readOnly === undefined) {
    try {
      const read = await readSticky(ctx, await ctx.port.listComments(pull.number))
      const previous = read.rejected === undefined ? read.sticky?.parsed.state : undefined
      const context = ctx.settings.statusContext
      const failure = renderFailure(context, reason)
      const state: GateState = {
        v: STATE_VERSION,
        fingerprint: hashLines('plan-gate evaluation failed', [pull.headSha]),
        decision: 'error',
        planDecision: 'blocked',
        headSha: pull.headSha,
        firstSeen: isoSeconds(ctx.now()),
        counts: { blocked: 0, 'approval-required': 0, warn: 0 },
        breakGlassUsed: [...(previous?.breakGlassUsed ?? [])],
        plans: [],
        failed: true
      }
      comment = {
        id: read.sticky?.id,
        body: buildComment({
          context,
          report: (max) => fitText(failure, max),
          approvals: renderApprovalSection({ context, decision, headSha: pull.headSha }),
          state,
          compact: { title: context, reason }
        })
      }
    } catch (e) {
      ctx.warn(`the PR comment was not updated: ${describe(e)}`)
    }
  }
  const result = { pullNumber: pull.number, headSha: pull.headSha }
  return publish(ctx, {
    decision,
    readOnly,
    pullNumber: pull.number,
    comment,
    sha: pull.headSha,
    result
  })
}

function stateProblem(state: GateState | undefined, pull: PullRequest): Problem | undefined {
  if (state === undefined)
    return {
      kind: 'error',
      reason: `no plan-gate state on PR #${pull.number}: the pull_request run must evaluate the plan first`
    }
  if (state.conflict !== undefined)
    return {
      kind: 'error',
      reason: `two plan sets share the status context (${state.plans.map((p) => p.file).join(', ')} and ${state.conflict.join(', ')}): give each plan set its own \`status-context\``
    }
  if (state.failed === true && state.headSha === pull.headSha)
    return {
      kind: 'error',
      reason: `the plan could not be evaluated for ${short(state.headSha)}: fix it and re-run the pull_request workflow`
    }
  if (state.headSha !== pull.headSha)
    return {
      kind: 'waiting',
      reason: `the plan was evaluated for ${short(state.headSha)} but the head is now ${short(pull.headSha)}: the pull_request run must re-evaluate it`
    }
  return undefined
}
