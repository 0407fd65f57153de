/** Plain-text report for terminals and CI logs. */
import { formatBlastRadius } from '../rules/blast-radius.js'
import type { Decision } from '../rules/types.js'
import { countByCategory, findingsPerPlan, groupFindings, wrap } from './group.js'
import type { ActionCounts, FindingCounts, Report, ReportedFinding } from './types.js'

type Style = 'red' | 'yellow' | 'green' | 'dim'

/** SGR parameters of the raw ANSI escapes used when colour is on. */
const SGR: Readonly<Record<Style, string>> = { red: '31', yellow: '33', green: '32', dim: '2' }

const DECISION_STYLE: Readonly<Record<Decision, Style>> = {
  blocked: 'red',
  'approval-required': 'yellow',
  warn: 'dim'
}

const TAGS: Readonly<Record<Decision, string>> = {
  blocked: 'BLOCKED',
  'approval-required': 'APPROVAL',
  warn: 'WARN'
}

const TAG_WIDTH = 8
const MAX_ADDRESS_WIDTH = 60

/** Phrase per action count, in the order the summary prints them; `null` is never printed. */
const ACTION_PHRASES: Readonly<Record<keyof ActionCounts, string | null>> = {
  create: 'to add',
  update: 'to change',
  delete: 'to destroy',
  replace: 'to replace',
  forget: 'to forget',
  'forget-replace': 'to forget and re-create',
  move: 'to move',
  import: 'to import',
  read: 'to read',
  unknown: 'with an unknown action',
  drift: 'drifted',
  'no-op': null
}

type Paint = (style: Style, text: string, bold?: boolean) => string

/** Options of the text renderer. */
export interface TextOptions {
  /** ANSI colours. */
  readonly color: boolean
  /** One line per finding instead of grouped rows. */
  readonly verbose?: boolean
  /** Columns to wrap prose at (the terminal's width); DEFAULT_TEXT_WIDTH when absent. */
  readonly width?: number
}

/** The width text output wraps at when the terminal's is unknown (a pipe, a CI log). */
export const DEFAULT_TEXT_WIDTH = 100

/** Addresses listed under a grouped row before "… and N more". */
export const TEXT_GROUP_ADDRESSES = 5

/** Renders a report as plain text, with ANSI colours only when `color` is true. */
export function renderText(report: Report, options: TextOptions): string {
  const paint = painter(options.color)
  const width = Math.max(40, Math.floor(options.width ?? DEFAULT_TEXT_WIDTH))
  const lines = verdictLines(report, paint, width)
  if (report.findings.length > 0) {
    lines.push('', ...summaryLines(report, width))
    lines.push(
      '',
      ...(options.verbose === true
        ? findingLines(report.findings, paint)
        : groupLines(report.findings, paint, width))
    )
  }
  lines.push('', ...wrap(`Plan: ${formatActionCounts(report.counts.actions)}.`, width, '', '  '))
  lines.push(
    ...wrap(`Blast radius: ${printable(formatBlastRadius(report.blastRadius))}`, width, '', '  ')
  )
  if (report.policy.source !== '(defaults)' || report.policy.environment !== undefined) {
    const env =
      report.policy.environment === undefined ? '' : `, environment ${report.policy.environment}`
    lines.push(`Policy: ${printable(report.policy.source + env)}`)
  }
  lines.push(`Fingerprint: ${printable(report.fingerprint)}`)
  return lines.join('\n') + '\n'
}

/** "2 blocked, 1 needing approval, 3 warnings" for the non-zero counts. */
export function formatFindingCounts(counts: FindingCounts): string {
  const parts = [
    counts.blocked > 0 ? `${counts.blocked} blocked` : '',
    counts['approval-required'] > 0 ? `${counts['approval-required']} needing approval` : '',
    counts.warn > 0 ? plural(counts.warn, 'warning') : ''
  ].filter((part) => part !== '')
  return parts.length > 0 ? parts.join(', ') : 'none'
}

/** "database 120, object storage 2" */
export function formatCategoryCounts(findings: readonly ReportedFinding[]): string {
  return countByCategory(findings)
    .map(({ label, count }) => `${label} ${count}`)
    .join(', ')
}

function summaryLines(report: Report, width: number): string[] {
  const lines = [
    ...wrap(`Findings: ${formatFindingCounts(report.counts.findings)}`, width, '', '  '),
    ...wrap(`By category: ${formatCategoryCounts(report.findings)}`, width, '', '  ')
  ]
  if (report.plans.length > 1) {
    lines.push('Per plan:')
    const per = findingsPerPlan(report)
    for (const plan of report.plans) {
      const findings = per.get(plan.file) ?? []
      const text = `${printable(plan.file)}: ${VERDICT_WORDS[plan.decision]}; ${formatFindingCounts(plan.counts.findings)}${findings.length > 0 ? ` (${formatCategoryCounts(findings)})` : ''}`
      lines.push(...wrap(text, width, '  ', '      '))
    }
  }
  return lines
}

const VERDICT_WORDS: Readonly<Record<Report['decision'], string>> = {
  blocked: 'blocked',
  'approval-required': 'approval required',
  pass: 'pass'
}

/** Grouped rows: one per set of identical findings, prose wrapped with a hanging indent. */
function groupLines(findings: readonly ReportedFinding[], paint: Paint, width: number): string[] {
  const lines: string[] = []
  const hang = ' '.repeat(2 + TAG_WIDTH + 2)
  for (const group of groupFindings(findings)) {
    const tag = TAGS[group.decision].padEnd(TAG_WIDTH)
    const reason = printable(group.reason)
    const paintTag = (line: string): string =>
      line.startsWith(`  ${tag}`)
        ? `  ${paint(DECISION_STYLE[group.decision], tag)}${line.slice(2 + TAG_WIDTH)}`
        : line
    if (group.findings.length === 1) {
      const label = printable(objectLabel(group.findings[0]))
      const oneLine = `  ${tag}  ${label}  ${reason}`
      if ([...oneLine].length <= width) {
        lines.push(paintTag(oneLine))
      } else {
        // The address stays whole on its own line, so it can be copied; the prose wraps below.
        lines.push(paintTag(`  ${tag}  ${label}`), ...wrap(reason, width, hang, hang))
      }
      continue
    }
    const head = `${group.findings.length} × ${reason}`
    lines.push(...wrap(head, width, `  ${tag}  `, hang).map(paintTag))
    const shown = group.findings.slice(0, TEXT_GROUP_ADDRESSES)
    for (const finding of shown) lines.push(`${hang}  ${printable(objectLabel(finding))}`)
    const more = group.findings.length - shown.length
    if (more > 0) lines.push(`${hang}  … and ${more} more (--verbose lists every finding)`)
  }
  return lines
}

/** "2 to add, 1 to change, 3 to destroy" for the non-zero counts, or "no changes". */
export function formatActionCounts(counts: ActionCounts): string {
  const parts: string[] = []
  for (const [key, phrase] of Object.entries(ACTION_PHRASES)) {
    const n = counts[key as keyof ActionCounts]
    if (phrase !== null && n > 0) parts.push(`${n} ${phrase}`)
  }
  return parts.length > 0 ? parts.join(', ') : 'no changes'
}

/** `1 warning`, `2 warnings`. */
export function plural(n: number, one: string, many: string = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

/** Shows control and bidi characters as `\n`, `\u001b`…, so no input can drive a terminal. */
export function printable(text: string): string {
  let out = ''
  for (const ch of text) out += isUnsafe(ch.codePointAt(0) ?? 0) ? escapeChar(ch) : ch
  return out
}

/** How a finding names its object: plan label, address, deposed key. */
export function objectLabel(finding: ReportedFinding): string {
  const label = finding.plan === undefined ? '' : `[${finding.plan}] `
  const deposed = finding.deposed === undefined ? '' : ` (deposed object ${finding.deposed})`
  return `${label}${finding.address}${deposed}`
}

function isUnsafe(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  )
}

function escapeChar(ch: string): string {
  if (ch === '\n') return '\\n'
  if (ch === '\r') return '\\r'
  if (ch === '\t') return '\\t'
  return `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`
}

function painter(color: boolean): Paint {
  if (!color) return (_style, text) => text
  return (style, text, bold = false) => `\u001b[${bold ? '1;' : ''}${SGR[style]}m${text}\u001b[0m`
}

function verdictLines(report: Report, paint: Paint, width: number): string[] {
  const { style, text, rest } = verdict(report)
  const tail = rest.filter((part) => part !== '')
  const plain = text + (tail.length > 0 ? ` (plus ${tail.join(', ')})` : '')
  if ([...plain].length <= width) {
    return [paint(style, text, true) + plain.slice(text.length)]
  }
  return wrap(plain, width, '', '  ').map((line) => paint(style, line, true))
}

function verdict(report: Report): { style: Style; text: string; rest: string[] } {
  const { blocked, warn } = report.counts.findings
  const approval = report.counts.findings['approval-required']
  switch (report.decision) {
    case 'blocked':
      return {
        style: 'red',
        text: `✖ BLOCKED — ${plural(blocked, 'finding blocks', 'findings block')} this plan`,
        rest: [approval > 0 ? `${approval} needing approval` : '', warnings(warn)]
      }
    case 'approval-required':
      return {
        style: 'yellow',
        text: `⚠ APPROVAL REQUIRED — ${plural(approval, 'finding needs', 'findings need')} a second approver`,
        rest: [warnings(warn)]
      }
    case 'pass':
      return {
        style: 'green',
        text: '✔ PASS — no destructive changes need approval',
        rest: [warnings(warn)]
      }
  }
}

function warnings(n: number): string {
  return n > 0 ? plural(n, 'warning') : ''
}

function findingLines(findings: readonly ReportedFinding[], paint: Paint): string[] {
  const labels = findings.map((finding) => printable(objectLabel(finding)))
  const longest = labels.reduce((max, label) => Math.max(max, displayWidth(label)), 0)
  const width = Math.min(MAX_ADDRESS_WIDTH, longest)
  return findings.map((finding, i) => {
    const tag = paint(DECISION_STYLE[finding.decision], TAGS[finding.decision].padEnd(TAG_WIDTH))
    const label = padTo(labels[i] ?? '', width)
    return `  ${tag}  ${label}  ${printable(finding.reason)}`.trimEnd()
  })
}

function displayWidth(text: string): number {
  return [...text].length
}

function padTo(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)))
}
