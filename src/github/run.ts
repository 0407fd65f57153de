/**
 * What every kind of run shares: its context, its result, and how results are published (the
 * sticky comment, then the commit status). Talks to GitHub only through the port.
 */
import { internalError } from '../common/errors.js'
import type { ApprovalPolicy, ApprovalResult } from '../policy/approvals.js'
import { renderMarkdown } from '../report/markdown.js'
import type { FindingCounts, Report } from '../report/types.js'
import type { Verdict } from '../rules/types.js'
import {
  decide,
  error,
  refuse,
  withoutWrites,
  type Decision,
  type Mode,
  type Problem
} from './gate-flow.js'
import type { Settings } from './inputs.js'
import { GitHubError, isForbidden, type GitHubPort } from './port.js'
import { renderApprovalSection } from './render.js'
import type { CompactFacts, GateState } from './state.js'

export interface RunContext {
  readonly port: GitHubPort
  readonly settings: Settings
  readonly policy: ApprovalPolicy
  readonly breakGlass: { readonly enabled: boolean; readonly allowed: readonly string[] }
  /** `owner/repo` of the workflow's repository. */
  readonly repository: string
  readonly now: () => Date
  readonly sleep: (ms: number) => Promise<void>
  /** First delay of the commit → PR lookup backoff. */
  readonly retryDelayMs: number
  readonly targetUrl?: string
  /** `GITHUB_RUN_ID` and `GITHUB_RUN_ATTEMPT`, named in the apply record. */
  readonly run?: { readonly id: string; readonly attempt: string }
  /** Set when `require-protections` found a protection missing: nothing passes. */
  readonly setupProblem?: string
  readonly warn: (message: string) => void
}

export interface RunResult {
  readonly decision: Decision
  readonly verdict?: Verdict
  readonly fingerprint?: string
  readonly counts?: FindingCounts
  readonly approval?: ApprovalResult
  readonly pullNumber?: number
  readonly headSha?: string
  readonly since?: string
  /** The report as the PR comment holds it (review runs have no plan of their own). */
  readonly reportMarkdown?: string
  readonly approvalSection: string
  readonly notes: readonly string[]
}

/** A fork PR run: GitHub hands it a read-only token. */
export const FORK =
  'fork PR: the token is read-only, so no status or comment was posted and approvals cannot be recorded'

/** `decide` with the run's settings. */
export function decideFor(
  ctx: RunContext,
  mode: Mode,
  verdict: Verdict | undefined,
  counts: FindingCounts | undefined,
  rest: { approval?: ApprovalResult; problem?: Problem }
): Decision {
  if (ctx.setupProblem !== undefined) return refuse(ctx.setupProblem)
  return decide({
    mode,
    verdict,
    counts,
    ...rest,
    approvers: ctx.policy.approvers,
    onApprovalRequired: ctx.settings.onApprovalRequired,
    failJobWhilePending: ctx.settings.failJobWhilePending
  })
}

/** A result before publishing. */
export type Facts = Omit<RunResult, 'decision' | 'approvalSection' | 'notes'>

/** Writes the comment, then the status; a 403 turns the run read-only, never into a pass. */
export async function publish(
  ctx: RunContext,
  target: {
    decision: Decision
    readOnly: string | undefined
    pullNumber?: number
    comment?: { id?: number; body: string }
    sha: string
    result: Facts
  }
): Promise<RunResult> {
  const notes: string[] = []
  let readOnly = target.readOnly
  let decision = target.decision
  const { port } = ctx
  if (readOnly === undefined && target.comment !== undefined && target.pullNumber !== undefined) {
    try {
      const { id, body } = target.comment
      if (id === undefined) await port.createComment(target.pullNumber, body)
      else await port.updateComment(id, body)
    } catch (e) {
      if (isForbidden(e)) readOnly = describe(e)
      else notes.push(`the PR comment was not updated: ${describe(e)}`)
    }
  }
  if (readOnly === undefined) {
    try {
      const { state, description } = decision.status
      const url = ctx.targetUrl === undefined ? {} : { targetUrl: ctx.targetUrl }
      await port.createStatus(target.sha, {
        state,
        description,
        context: ctx.settings.statusContext,
        ...url
      })
    } catch (e) {
      if (isForbidden(e)) readOnly = describe(e)
      else decision = error(`the commit status was not posted: ${describe(e)}`)
    }
  }
  if (readOnly !== undefined) decision = withoutWrites(decision, readOnly)
  return finish(ctx, decision, target.result, readOnly, notes)
}

/** The result: warnings logged, the approval section rendered for the summary. */
export function finish(
  ctx: RunContext,
  decision: Decision,
  result: Facts,
  notPosted: string | undefined,
  notes: string[]
): RunResult {
  for (const note of notes) ctx.warn(note)
  if (notPosted !== undefined) ctx.warn(notPosted)
  const approvalSection = renderApprovalSection({
    context: ctx.settings.statusContext,
    decision,
    approval: result.approval,
    headSha: result.headSha,
    since: result.since,
    notPosted
  })
  return {
    ...result,
    decision,
    approvalSection,
    notes: notPosted === undefined ? notes : [...notes, notPosted]
  }
}

/** The report section when the input `comment` is false. */
export const COMMENT_OFF =
  'plan-gate keeps its gate state in this comment; the report is in the job summary (input `comment: false`).\n'

/** The markdown report within `max` characters, or undefined for the compact table. */
export function fitReport(report: Report, max: number, title: string): string | undefined {
  const markdown = renderMarkdown(report, { maxLength: max, title })
  // Without the fingerprint footer only a cut heading was left: use the compact table.
  return markdown.includes('Fingerprint: ') ? markdown : undefined
}

/** `text` when it fits, else undefined. */
export function fitText(text: string, max: number): string | undefined {
  return text.length <= max ? text : undefined
}

/** What the compact fallback of the comment shows. */
export function compactFacts(
  ctx: RunContext,
  verdict: Verdict,
  counts: FindingCounts,
  fingerprint: string
): CompactFacts {
  return {
    title: ctx.settings.statusContext,
    verdict,
    counts,
    fingerprint,
    reason:
      'The full report does not fit in a comment: it is in the job summary and the JSON report of the workflow run.'
  }
}

/** The break-glass comment ids recorded in the state, with the one that counted now. */
export function used(state: GateState, approval: ApprovalResult | undefined): number[] {
  const id = approval?.breakGlass?.commentId
  return id === undefined || state.breakGlassUsed.includes(id)
    ? [...state.breakGlassUsed]
    : [...state.breakGlassUsed, id]
}

/** One line about a failure; GitHub errors already say what to do. */
export function describe(e: unknown): string {
  if (e instanceof GitHubError) return e.message
  return internalError(e)
}

/** A short SHA for messages. */
export function short(sha: string): string {
  return sha.slice(0, 7)
}
