/** Markdown report for pull-request comments and GitHub job summaries. */
import { formatBlastRadius } from '../rules/blast-radius.js'
import type { ActionOrder } from '../plan/model.js'
import type { Decision, Verdict } from '../rules/types.js'
import { formatActionCounts, plural, printable } from './text.js'
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

const ORDER_PHRASES: Readonly<Record<ActionOrder, string>> = {
  'delete-first': 'delete first',
  'create-first': 'create first',
  'create-then-forget': 'create, then forget',
  'forget-then-create': 'forget, then create',
  unspecified: ''
}

const TOOL_NAMES: Readonly<Record<PlanInfo['tool'], string>> = {
  terraform: 'Terraform',
  opentofu: 'OpenTofu',
  unknown: 'unknown tool'
}

const TABLE_HEAD = '| Decision | Resource | Action | Why |\n| --- | --- | --- | --- |'
const WARN_TABLE_HEAD = '| Resource | Action | Why |\n| --- | --- | --- |'

/** The pieces of the comment; rows are pre-rendered so fitting only joins strings. */
interface Parts {
  readonly head: string
  readonly rows: readonly { readonly decision: Decision; readonly text: string }[]
  readonly meta: string
  readonly footer: string
}

/** Renders a report as GitHub-flavoured Markdown that never exceeds `maxLength` characters. */
export function renderMarkdown(
  report: Report,
  options: { maxLength?: number; title?: string } = {}
): string {
  const maxLength = Math.max(0, options.maxLength ?? DEFAULT_MARKDOWN_MAX_LENGTH)
  return fit(parts(report, options.title ?? 'plan-gate'), maxLength)
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

function parts(report: Report, title: string): Parts {
  return {
    head: `${heading(report.decision, title)}\n\n${explanation(report)}\n\n**Blast radius:** ${escapeMarkdown(formatBlastRadius(report.blastRadius))}`,
    rows: report.findings.map((finding) => ({
      decision: finding.decision,
      text: finding.decision === 'warn' ? warnRow(finding) : row(finding)
    })),
    meta: metadata(report),
    footer: `Fingerprint: ${codeSpan(report.fingerprint, false)}`
  }
}

function fit(p: Parts, maxLength: number): string {
  const all = assemble(p, p.rows.length, true)
  if (all.length <= maxLength) return all
  let low = 0
  let high = p.rows.length - 1
  while (low < high) {
    const mid = Math.ceil((low + high) / 2)
    if (assemble(p, mid, true).length <= maxLength) low = mid
    else high = mid - 1
  }
  for (const candidate of [assemble(p, low, true), assemble(p, 0, false)]) {
    if (candidate.length <= maxLength) return candidate
  }
  return cut(`${p.head}\n`, maxLength)
}

function assemble(p: Parts, shown: number, withMeta: boolean): string {
  const rows = p.rows.slice(0, shown)
  const main = rows.filter((r) => r.decision !== 'warn').map((r) => r.text)
  const warns = rows.filter((r) => r.decision === 'warn').map((r) => r.text)
  const totalWarns = p.rows.filter((r) => r.decision === 'warn').length
  const sections = [p.head]
  if (main.length > 0) sections.push([TABLE_HEAD, ...main].join('\n'))
  if (warns.length > 0) sections.push(warningDetails(warns, totalWarns))
  if (shown < p.rows.length) sections.push(omitted(p.rows.slice(shown)))
  if (withMeta) sections.push(p.meta)
  sections.push(p.footer)
  return sections.join('\n\n') + '\n'
}

function cut(text: string, maxLength: number): string {
  const slice = text.slice(0, maxLength)
  return /[\uD800-\uDBFF]$/.test(slice) ? slice.slice(0, -1) : slice
}

function heading(decision: Verdict, title: string): string {
  const { emoji, label } = HEADINGS[decision]
  return `## ${emoji} ${escapeMarkdown(title)}: ${label}`
}

function explanation(report: Report): string {
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
    case 'approval-required':
      return (
        'A second reviewer must approve this pull request before apply: ' +
        `${plural(approval, 'finding needs', 'findings need')} approval.`
      )
    case 'pass':
      return (
        'No destructive changes need approval.' +
        (warn > 0 ? ` ${plural(warn, 'warning is', 'warnings are')} listed for information.` : '')
      )
  }
}

function row(finding: ReportedFinding): string {
  return `| ${DECISION_CELLS[finding.decision]} | ${cells(finding).join(' | ')} |`
}

function warnRow(finding: ReportedFinding): string {
  return `| ${cells(finding).join(' | ')} |`
}

function cells(finding: ReportedFinding): string[] {
  return [resourceCell(finding), actionCell(finding), escapeMarkdown(finding.reason)]
}

function resourceCell(finding: ReportedFinding): string {
  const label = finding.plan === undefined ? '' : `${escapeMarkdown(finding.plan)}: `
  const deposed =
    finding.deposed === undefined ? '' : ` (deposed object ${codeSpan(finding.deposed, true)})`
  return `${label}${codeSpan(finding.address, true)}${deposed}`
}

function actionCell(finding: ReportedFinding): string {
  if (finding.action === undefined) return '—'
  const order = finding.order === undefined ? '' : ORDER_PHRASES[finding.order]
  return escapeMarkdown(order === '' ? finding.action : `${finding.action} (${order})`)
}

function warningDetails(rows: readonly string[], total: number): string {
  const shown = rows.length < total ? ` (${rows.length} shown)` : ''
  const summary = `${plural(total, 'warning')}${shown}: no approval needed`
  return `<details>\n<summary>${summary}</summary>\n\n${[WARN_TABLE_HEAD, ...rows].join('\n')}\n\n</details>`
}

function omitted(rows: Parts['rows']): string {
  const count = (decision: Decision): number => rows.filter((r) => r.decision === decision).length
  const parts = [
    count('blocked') > 0 ? `${count('blocked')} blocked` : '',
    count('approval-required') > 0 ? `${count('approval-required')} needing approval` : '',
    count('warn') > 0 ? plural(count('warn'), 'warning') : ''
  ]
  return (
    `**${plural(rows.length, 'more finding', 'more findings')} not shown** ` +
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
