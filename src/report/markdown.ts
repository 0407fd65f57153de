/** Markdown report for pull-request comments and GitHub job summaries. */
import { formatBlastRadius } from '../rules/blast-radius.js'
import type { Decision, Verdict } from '../rules/types.js'
import {
  type FindingGroup,
  findingsPerPlan,
  groupFindings,
  shortenAddress,
  shortenMiddle
} from './group.js'
import {
  formatActionCounts,
  formatCategoryCounts,
  formatFindingCounts,
  plural,
  printable
} from './text.js'
import type { PlanInfo, PlanSummary, Report, ReportedFinding } from './types.js'

/** Default size budget; GitHub rejects comments over 65,536 characters. */
export const DEFAULT_MARKDOWN_MAX_LENGTH = 60000

const HEADINGS: Readonly<Record<Verdict, { readonly emoji: string; readonly label: string }>> = {
  blocked: { emoji: '⛔', label: 'blocked' },
  'approval-required': { emoji: '⚠️', label: 'approval required' },
  pass: { emoji: '✅', label: 'pass' }
}

const DECISION_CELLS: Readonly<Record<Decision, string>> = {
  blocked: '⛔ Blocked',
  'approval-required': '⚠️ Needs approval',
  warn: 'ℹ️ Warning'
}

const TOOL_NAMES: Readonly<Record<PlanInfo['tool'], string>> = {
  terraform: 'Terraform',
  opentofu: 'OpenTofu',
  unknown: 'unknown tool'
}

const TABLE_HEAD = '| Decision | Resource | Why |\n| --- | --- | --- |'
const WARN_TABLE_HEAD = '| Resource | Why |\n| --- | --- |'

/** Addresses longer than this are shortened in the middle in table cells (full in the details). */
export const MARKDOWN_ADDRESS_WIDTH = 44

/** Rows shown in a findings table before the rest go into a collapsed section. */
export const MARKDOWN_VISIBLE_ROWS = 25

/** Address-list lengths tried, longest first, until the comment fits its size budget. */
const ADDRESS_LIMITS = [Infinity, 200, 50, 10, 0]

/** How many approving reviews the policy wants, and how many counted so far (Action only). */
export interface ApprovalCount {
  readonly required: number
  readonly counted?: number
}

export interface MarkdownOptions {
  /** The size budget in characters. */
  readonly maxLength?: number
  /** The heading's name (the status context). */
  readonly title?: string
  /** The approvals the policy requires, for the explanation; from the report when absent. */
  readonly approvals?: ApprovalCount
}

/** One row of a findings table, pre-rendered, with its collapsible address list. */
interface Row {
  readonly decision: Decision
  readonly findings: number
  readonly text: string
  /** The row's addresses in full (at most `limit` of them), or '' when the row shows them. */
  readonly details: (limit: number) => string
}

/** The pieces of the comment; rows are pre-rendered so fitting only joins strings. */
interface Parts {
  readonly head: string
  readonly rows: readonly Row[]
  readonly meta: string
  readonly footer: string
}

/** Renders a report as GitHub-flavoured Markdown that never exceeds `maxLength` characters. */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const maxLength = Math.max(0, options.maxLength ?? DEFAULT_MARKDOWN_MAX_LENGTH)
  return fit(parts(report, options), maxLength)
}

/** Escapes text for Markdown: special characters get a backslash, control characters show. */
export function escapeMarkdown(text: string): string {
  return printable(text).replace(/[\\`*_[\]<>|#~&]/g, '\\$&')
}

/** A code span that survives backticks, pipes (in tables) and newlines in `text`. */
export function codeSpan(text: string, inTable: boolean): string {
  const body = inTable ? printable(text).replace(/\|/g, '\\|') : printable(text)
  if (body === '') return ''
  const longest = (body.match(/`+/g) ?? []).reduce((max, run) => Math.max(max, run.length), 0)
  const fence = '`'.repeat(longest + 1)
  const pad = /^[` ]|[` ]$/.test(body) ? ' ' : ''
  return `${fence}${pad}${body}${pad}${fence}`
}

/**
 * "Needs 2 approving reviews: a second approver besides the usual one", worded for the count
 * the policy requires; `where` goes after the count ("Needs 2 approving reviews on commit …").
 */
export function approvalsNeeded(required: number, where = ''): string {
  const count = `Needs ${plural(required, 'approving review')}${where}`
  return required === 2 ? `${count}: a second approver besides the usual one` : count
}

function parts(report: Report, options: MarkdownOptions): Parts {
  const title = options.title ?? 'plan-gate'
  const approvals =
    options.approvals ??
    (report.approval?.required === undefined
      ? undefined
      : {
          required: report.approval.required,
          counted: report.approval.approvers.length + (report.approval.breakGlass ? 1 : 0)
        })
  const head = [
    heading(report.decision, title),
    explanation(report, approvals),
    ...summary(report),
    `**Blast radius:** ${escapeMarkdown(formatBlastRadius(report.blastRadius))}`
  ]
  return {
    head: head.join('\n\n'),
    rows: groupFindings(report.findings).map(row),
    meta: metadata(report),
    footer: `Fingerprint: ${codeSpan(report.fingerprint, false)}`
  }
}

/** Counts by decision and category, and one line per plan when there are several. */
function summary(report: Report): string[] {
  if (report.findings.length === 0) return []
  const lines = [
    `**Findings:** ${formatFindingCounts(report.counts.findings)}. ` +
      `**By category:** ${escapeMarkdown(formatCategoryCounts(report.findings))}.`
  ]
  if (report.plans.length > 1) {
    const per = findingsPerPlan(report)
    const rows = report.plans.map((plan) => {
      const findings = per.get(plan.file) ?? []
      const categories = findings.length > 0 ? escapeMarkdown(formatCategoryCounts(findings)) : '—'
      return `| ${codeSpan(shortenMiddle(plan.file, MARKDOWN_ADDRESS_WIDTH), true)} | ${HEADINGS[plan.decision].emoji} ${HEADINGS[plan.decision].label} | ${formatFindingCounts(plan.counts.findings)} | ${categories} |`
    })
    lines.push(
      ['| Plan | Verdict | Findings | By category |', '| --- | --- | --- | --- |', ...rows].join(
        '\n'
      )
    )
  }
  return lines
}

function fit(p: Parts, maxLength: number): string {
  for (const limit of ADDRESS_LIMITS) {
    const all = assemble(p, p.rows.length, limit, true)
    if (all.length <= maxLength) return all
  }
  let low = 0
  let high = p.rows.length - 1
  while (low < high) {
    const mid = Math.ceil((low + high) / 2)
    if (assemble(p, mid, 0, true).length <= maxLength) low = mid
    else high = mid - 1
  }
  for (const candidate of [assemble(p, low, 0, true), assemble(p, 0, 0, false)]) {
    if (candidate.length <= maxLength) return candidate
  }
  return cut(`${p.head}\n`, maxLength)
}

function assemble(p: Parts, shown: number, limit: number, withMeta: boolean): string {
  const rows = p.rows.slice(0, shown)
  const main = rows.filter((r) => r.decision !== 'warn')
  const warns = rows.filter((r) => r.decision === 'warn')
  const totalWarns = p.rows.filter((r) => r.decision === 'warn')
  const sections = [p.head]
  if (main.length > 0) sections.push(...table(TABLE_HEAD, main, limit))
  if (warns.length > 0) sections.push(warningDetails(warns, totalWarns, limit))
  if (shown < p.rows.length) sections.push(omitted(p.rows.slice(shown)))
  if (withMeta) sections.push(p.meta)
  sections.push(p.footer)
  return sections.join('\n\n') + '\n'
}

/** A findings table (the first rows visible, the rest collapsed), then the address lists. */
function table(head: string, rows: readonly Row[], limit: number): string[] {
  const visible = rows.slice(0, MARKDOWN_VISIBLE_ROWS)
  const rest = rows.slice(MARKDOWN_VISIBLE_ROWS)
  const sections = [[head, ...visible.map((r) => r.text)].join('\n')]
  if (rest.length > 0) {
    const count = rest.reduce((n, r) => n + r.findings, 0)
    sections.push(
      `<details>\n<summary>${plural(rest.length, 'more row')} (${plural(count, 'finding')})</summary>\n\n${[head, ...rest.map((r) => r.text)].join('\n')}\n\n</details>`
    )
  }
  // Every address list in one collapsed section, so a table of grouped rows stays short.
  const listed = rows.filter((r) => r.details(0) !== '')
  if (listed.length > 0) {
    const count = listed.reduce((n, r) => n + r.findings, 0)
    const lists = listed.map((r) => r.details(limit)).join('\n\n')
    sections.push(
      `<details>\n<summary>Addresses (${plural(count, 'finding')}, in full)</summary>\n\n${lists}\n\n</details>`
    )
  }
  return sections
}

function cut(text: string, maxLength: number): string {
  const slice = text.slice(0, maxLength)
  return /[\uD800-\uDBFF]$/.test(slice) ? slice.slice(0, -1) : slice
}

function heading(decision: Verdict, title: string): string {
  const { emoji, label } = HEADINGS[decision]
  return `## ${emoji} ${escapeMarkdown(title)}: ${label}`
}

function explanation(report: Report, approvals: ApprovalCount | undefined): string {
  const { blocked, warn } = report.counts.findings
  const approval = report.counts.findings['approval-required']
  switch (report.decision) {
    case 'blocked':
      return (
        `This plan is blocked: ${plural(blocked, 'finding', 'findings')} cannot be approved; ` +
        'change the configuration or the plan and run it again.' +
        (approval > 0
          ? ` ${plural(approval, 'more finding needs', 'more findings need')} a second approver.`
          : '')
      )
    case 'approval-required': {
      const needed =
        approvals === undefined
          ? 'Needs a second approver besides the usual one before apply'
          : approvalsNeeded(approvals.required, ' before apply')
      const sofar =
        approvals?.counted === undefined
          ? ''
          : ` So far: ${Math.min(approvals.counted, approvals.required)} of ${approvals.required}.`
      return `${needed}. ${plural(approval, 'finding needs', 'findings need')} approval.${sofar}`
    }
    case 'pass':
      return (
        'No destructive changes need approval.' +
        (warn > 0 ? ` ${plural(warn, 'warning is', 'warnings are')} listed for information.` : '')
      )
  }
}

function row(group: FindingGroup): Row {
  const first = group.findings[0]
  const n = group.findings.length
  const typeName = group.type ?? first.ruleId
  const shortened = n === 1 && [...first.address].length > MARKDOWN_ADDRESS_WIDTH
  const resource =
    n === 1
      ? resourceCell(first)
      : `**${n}** × ${codeSpan(shortenMiddle(typeName, MARKDOWN_ADDRESS_WIDTH), true)}`
  const cells = [resource, escapeMarkdown(group.reason)]
  const text =
    group.decision === 'warn'
      ? `| ${cells.join(' | ')} |`
      : `| ${DECISION_CELLS[group.decision]} | ${cells.join(' | ')} |`
  const details = (limit: number): string => {
    if (n === 1 && !shortened) return ''
    const label = n === 1 ? 'Full address' : `${n} × ${codeSpan(typeName, false)}`
    const about = escapeMarkdown(shortenMiddle(group.reason, 80))
    const listed = group.findings.slice(0, limit)
    const items = listed.map((f) => `- ${fullLabel(f)}`)
    const more = n - listed.length
    if (more > 0) items.push(`- … and ${more} more (every one is in the JSON report)`)
    return `**${label}** — ${about}\n\n${items.join('\n')}`
  }
  return { decision: group.decision, findings: n, text, details }
}

function resourceCell(finding: ReportedFinding): string {
  const label =
    finding.plan === undefined ? '' : `${escapeMarkdown(shortenMiddle(finding.plan, 24))}: `
  const deposed =
    finding.deposed === undefined ? '' : ` (deposed ${codeSpan(finding.deposed, true)})`
  return `${label}${codeSpan(shortenAddress(finding.address, MARKDOWN_ADDRESS_WIDTH), true)}${deposed}`
}

/** The full label of one finding, for address lists. */
function fullLabel(finding: ReportedFinding): string {
  const label = finding.plan === undefined ? '' : `${escapeMarkdown(finding.plan)}: `
  const deposed =
    finding.deposed === undefined ? '' : ` (deposed object ${codeSpan(finding.deposed, false)})`
  return `${label}${codeSpan(finding.address, false)}${deposed}`
}

function warningDetails(rows: readonly Row[], all: readonly Row[], limit: number): string {
  const total = all.reduce((n, r) => n + r.findings, 0)
  const count = rows.reduce((n, r) => n + r.findings, 0)
  const shown = count < total ? ` (${count} shown)` : ''
  const summaryText = `${plural(total, 'warning')}${shown}: no approval needed`
  return `<details>\n<summary>${summaryText}</summary>\n\n${table(WARN_TABLE_HEAD, rows, limit).join('\n\n')}\n\n</details>`
}

function omitted(rows: readonly Row[]): string {
  const count = (decision: Decision): number =>
    rows.filter((r) => r.decision === decision).reduce((n, r) => n + r.findings, 0)
  const total = rows.reduce((n, r) => n + r.findings, 0)
  const parts = [
    count('blocked') > 0 ? `${count('blocked')} blocked` : '',
    count('approval-required') > 0 ? `${count('approval-required')} needing approval` : '',
    count('warn') > 0 ? plural(count('warn'), 'warning') : ''
  ]
  return (
    `**${plural(total, 'more finding', 'more findings')} not shown** ` +
    `(${parts.filter((part) => part !== '').join(', ')}) to stay within the size limit. ` +
    'The full report is in the job summary and the JSON report.'
  )
}

function metadata(report: Report): string {
  const findings = report.counts.findings
  const items = [
    ...(report.plans.length === 1 && report.plans[0] !== undefined
      ? planItems(report.plans[0])
      : report.plans.map((plan) => `${codeSpan(plan.file, false)}: ${planLine(plan)}`)),
    `Changes: ${formatActionCounts(report.counts.actions)}`,
    `Findings: ${findings.blocked} blocked, ${findings['approval-required']} needing approval, ` +
      plural(findings.warn, 'warning'),
    `Policy: ${codeSpan(report.policy.source, false)}` +
      (report.policy.environment === undefined
        ? ''
        : `, environment ${codeSpan(report.policy.environment, false)}`),
    `Checked by: ${escapeMarkdown(joined(report.tool.name, report.tool.version))}`
  ]
  const list = items.filter((item) => item !== '').map((item) => `- ${item}`)
  const summary = report.plans.length === 1 ? 'Plan details' : `${report.plans.length} plans`
  return `<details>\n<summary>${summary}</summary>\n\n${list.join('\n')}\n\n</details>`
}

function planItems(plan: PlanSummary): string[] {
  return [
    `Plan file: ${codeSpan(plan.file, false)}`,
    `Format: ${escapeMarkdown(joined(plan.format, plan.formatVersion))}`,
    `Produced by: ${escapeMarkdown(joined(TOOL_NAMES[plan.tool], plan.toolVersion))}`,
    plan.operation === undefined ? '' : `Operation: ${escapeMarkdown(plan.operation)}`,
    `Errored: ${yesNo(plan.errored)}`,
    plan.applyable === undefined ? '' : `Applyable: ${yesNo(plan.applyable)}`,
    plan.complete === undefined ? '' : `Complete: ${yesNo(plan.complete)}`,
    `Attribute values: ${plan.hasValues ? 'available' : 'not available (addresses and actions only)'}`
  ]
}

/** One line per plan when there are several: verdict, changes, fingerprint. */
function planLine(plan: PlanSummary): string {
  const verdict = { pass: 'pass', 'approval-required': 'approval required', blocked: 'blocked' }[
    plan.decision
  ]
  return `${verdict}; ${formatActionCounts(plan.counts.actions)}; ${escapeMarkdown(joined(plan.format, plan.formatVersion))}; fingerprint ${codeSpan(plan.fingerprint, false)}`
}

function joined(name: string, version: string | undefined): string {
  return version === undefined ? name : `${name} ${version}`
}

function yesNo(value: boolean): string {
  return value ? 'yes' : 'no'
}
