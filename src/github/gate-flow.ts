/**
 * What the gate concludes for one run, as a pure function of the plan verdict, the approvals and
 * the settings: the commit status to post, whether the job fails and the one-line message.
 * Anything unknown or unverifiable ends in `pending`, `blocked` or `error`, never in a pass.
 */
import type { ApprovalResult } from '../policy/approvals.js'
import { plural } from '../report/text.js'
import type { FindingCounts } from '../report/types.js'
import type { Verdict } from '../rules/types.js'
import type { OnApprovalRequired } from './inputs.js'
import type { StatusState } from './port.js'
import { statusDescription, type GateOutcome } from './state.js'

/** `pull-request` and `review` may wait for approvals; `apply` and `evaluate` cannot. */
export type Mode = 'pull-request' | 'review' | 'apply' | 'evaluate'

/**
 * Why approvals were not (or could not be) counted: `waiting` keeps the gate pending (the head
 * moved, a fork run), `blocked` refuses (direct push, another plan), `error` could not verify.
 */
export interface Problem {
  readonly kind: 'waiting' | 'blocked' | 'error'
  readonly reason: string
}

export interface FlowInput {
  readonly mode: Mode
  /** The plan verdict; undefined when it is not known (no gate state). */
  readonly verdict?: Verdict
  readonly counts?: FindingCounts
  readonly approval?: ApprovalResult
  readonly problem?: Problem
  /** Configured approvers (logins, org/team), for "needs … from" texts. */
  readonly approvers?: readonly string[]
  readonly onApprovalRequired: OnApprovalRequired
  readonly failJobWhilePending: boolean
}

export interface Decision {
  readonly outcome: GateOutcome
  readonly status: { readonly state: StatusState; readonly description: string }
  readonly jobFails: boolean
  /** One line for the job log, or for `setFailed` when the job fails. */
  readonly message: string
}

/** Decides the run. */
export function decide(input: FlowInput): Decision {
  const { problem, verdict } = input
  if (problem?.kind === 'waiting') return pending(input, problem.reason, 'pending')
  if (verdict === undefined)
    return error(problem?.reason ?? 'the plan verdict is not known; the pull_request run sets it')
  if (verdict === 'blocked') {
    const n = input.counts?.blocked ?? 0
    return outcome(
      'blocked',
      'failure',
      `Blocked: ${plural(n, 'finding')} cannot be approved`,
      true
    )
  }
  if (verdict === 'pass') {
    const warn = input.counts?.warn ?? 0
    const suffix = warn > 0 ? ` (${plural(warn, 'warning')})` : ''
    return outcome('pass', 'success', `No destructive changes need approval${suffix}`, false)
  }
  if (problem?.kind === 'blocked') return outcome('blocked', 'failure', problem.reason, true)
  if (problem?.kind === 'error') return error(problem.reason)
  const approval = input.approval
  if (approval === undefined) return error('approvals were not checked')
  if (approval.error !== undefined) return error(approval.error)
  if (approval.approved) return outcome('approved', 'success', approvedText(approval), false)
  const needs = needsText(approval, input.approvers ?? [])
  if (input.mode === 'apply' || input.mode === 'evaluate')
    return outcome('pending', 'failure', `Not approved: ${needs}`, true)
  if (input.onApprovalRequired === 'fail')
    return outcome('pending', 'failure', `Approval required: ${needs}`, true)
  return pending(input, needs, 'pending')
}

/** The decision once writes are impossible (fork PR, 403): only a plain pass lets the job pass. */
export function withoutWrites(decision: Decision, reason: string): Decision {
  const jobFails = decision.jobFails || decision.outcome !== 'pass'
  return { ...decision, jobFails, message: `${decision.message} (${reason})` }
}

/** The decision when the run must not pass whatever the plan says (replay, wrong branch). */
export function refuse(reason: string): Decision {
  return outcome('blocked', 'failure', reason, true)
}

/** The decision when plan-gate itself failed: an error status and a failed job. */
export function error(reason: string): Decision {
  return {
    outcome: 'error',
    status: { state: 'error', description: statusDescription(`Cannot verify: ${reason}`) },
    jobFails: true,
    message: `plan-gate could not verify the gate: ${reason}`
  }
}

/** The decision when the plan itself could not be read or evaluated. */
export function evaluationError(reason: string): Decision {
  return {
    outcome: 'error',
    status: {
      state: 'error',
      description: statusDescription(`Cannot evaluate the plan: ${reason}`)
    },
    jobFails: true,
    message: `plan-gate could not evaluate the plan: ${reason}`
  }
}

function pending(input: FlowInput, text: string, state: StatusState): Decision {
  // Only a PR can wait for reviews; an apply or a plain evaluation that waits has failed.
  const cannotWait = input.mode === 'apply' || input.mode === 'evaluate'
  return outcome('pending', state, capitalize(text), cannotWait || input.failJobWhilePending)
}

function outcome(
  result: GateOutcome,
  state: StatusState,
  text: string,
  jobFails: boolean
): Decision {
  return {
    outcome: result,
    status: { state, description: statusDescription(text) },
    jobFails,
    message: `plan-gate: ${text}`
  }
}

function approvedText(approval: ApprovalResult): string {
  const people = approval.approvers.join(', ')
  const glass = approval.breakGlass === undefined ? '' : `break-glass by ${approval.breakGlass.by}`
  return `Approved by ${[people, glass].filter((p) => p !== '').join(' + ')}`
}

function needsText(approval: ApprovalResult, approvers: readonly string[]): string {
  const counted = approval.approvers.length + (approval.breakGlass === undefined ? 0 : 1)
  const missing = Math.max(0, approval.required - counted)
  const parts: string[] = []
  if (approval.changesRequestedBy.length > 0)
    parts.push(`changes requested by ${approval.changesRequestedBy.join(', ')}`)
  if (missing > 0) {
    const who = approvers.length > 0 ? approvers.join(', ') : 'reviewers with write access'
    const more = plural(missing, 'more approving review', 'more approving reviews')
    parts.push(`needs ${more} (${counted} of ${approval.required} so far) from ${who}`)
  }
  const text = parts.join('; ') || 'not approved'
  return approval.authorIsAgent ? `${text} (agent-touched: 2 humans needed)` : text
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
