/**
 * Markdown for the approval section (sticky comment and job summary) and for the job summary as
 * a whole. Pure. It shows logins, review states, commit SHAs and times, never plan values; the
 * report itself comes from the report renderers.
 */
import type { ApprovalResult } from '../policy/approvals.js'
import { approvalsNeeded, codeSpan, escapeMarkdown } from '../report/markdown.js'
import type { Decision } from './gate-flow.js'
import type { GateOutcome } from './state.js'

export interface ApprovalView {
  readonly context: string
  readonly decision: Decision
  readonly approval?: ApprovalResult
  readonly headSha?: string
  /** When the fingerprint was first seen; approvals before it do not count. */
  readonly since?: string
  /** Why the status was not posted, when it was not. */
  readonly notPosted?: string
}

const ICONS: Readonly<Record<GateOutcome, string>> = {
  pass: '✅',
  approved: '✅',
  pending: '⏳',
  blocked: '⛔',
  error: '❌'
}

const LABELS: Readonly<Record<GateOutcome, string>> = {
  pass: 'nothing to approve',
  approved: 'approved',
  pending: 'waiting for approval',
  blocked: 'blocked',
  error: 'could not verify'
}

/** Reviewer rows shown at most; the rest are counted. */
const MAX_REVIEWERS = 30

/** The approval section: outcome, status, the rule, each reviewer and any break-glass. */
export function renderApprovalSection(view: ApprovalView): string {
  const { decision, approval } = view
  const lines = [`### ${ICONS[decision.outcome]} Approval: ${LABELS[decision.outcome]}`, '']
  const status = `${decision.status.state} — ${escapeMarkdown(decision.status.description)}`
  lines.push(
    view.notPosted === undefined
      ? `**Status ${codeSpan(view.context, false)}:** ${status}`
      : `**Status ${codeSpan(view.context, false)}** (not posted: ${escapeMarkdown(view.notPosted)}): ${status}`
  )
  if (approval !== undefined) lines.push('', ...approvalDetails(view, approval))
  return lines.join('\n') + '\n'
}

function approvalDetails(view: ApprovalView, approval: ApprovalResult): string[] {
  const lines: string[] = []
  const on = view.headSha === undefined ? '' : ` on commit ${codeSpan(view.headSha, false)}`
  const after = view.since === undefined ? '' : ` after ${escapeMarkdown(view.since)}`
  const counted = approval.approvers.length + (approval.breakGlass === undefined ? 0 : 1)
  lines.push(
    `${approvalsNeeded(approval.required, `${on}${after}`)}, ` +
      'by people with write access other than the author and bots' +
      (approval.authorIsAgent ? ' (agent-touched, so at least 2 humans)' : '') +
      `. So far: ${Math.min(counted, approval.required)} of ${approval.required}.`
  )
  if (approval.agentReasons !== undefined && approval.agentReasons.length > 0)
    lines.push('', `Agent-touched: ${escapeMarkdown(approval.agentReasons.join('; '))}.`)
  if (approval.reviewers.length > 0) {
    lines.push('', '| Reviewer | Latest review | Counts |', '| --- | --- | --- |')
    for (const r of approval.reviewers.slice(0, MAX_REVIEWERS)) {
      const state = r.state.toLowerCase().replace('_', ' ')
      const counts = r.counted ? 'yes' : `no: ${escapeMarkdown(r.why)}`
      lines.push(`| ${escapeMarkdown(r.login)} | ${state} | ${counts} |`)
    }
    const more = approval.reviewers.length - MAX_REVIEWERS
    if (more > 0) lines.push('', `${more} more reviewers not shown.`)
  }
  const glass = approval.breakGlass
  if (glass !== undefined) {
    lines.push(
      '',
      `**Break-glass** by ${escapeMarkdown(glass.by)} (comment ${glass.commentId}, ${escapeMarkdown(glass.at)}) ` +
        `for ${codeSpan(glass.fingerprint, false)} counts as one approval. Reason: ${escapeMarkdown(glass.reason)}`
    )
  }
  return lines
}

/** The job summary: the report (or what stands in for it), the approval section and notes. */
export function renderSummary(parts: {
  readonly report: string
  readonly approvals?: string
  readonly notes: readonly string[]
}): string {
  const sections = [parts.report.replace(/\n+$/, '')]
  if (parts.approvals !== undefined) sections.push(parts.approvals.replace(/\n+$/, ''))
  if (parts.notes.length > 0)
    sections.push(parts.notes.map((note) => `- ${escapeMarkdown(note)}`).join('\n'))
  return sections.join('\n\n') + '\n'
}

/** The heading that stands in for a report when the plan could not be evaluated. */
export function renderFailure(title: string, message: string): string {
  return `## ❌ ${escapeMarkdown(title)}: could not evaluate\n\n${escapeMarkdown(message)}\n`
}
