/** Plain-text report for terminals and CI logs. */
import { formatBlastRadius } from '../rules/blast-radius.js'
import type { Decision } from '../rules/types.js'
import type { ActionCounts, Report, ReportedFinding } from './types.js'

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

/** Renders a report as plain text, with ANSI colours only when `color` is true. */
export function renderText(report: Report, options: { color: boolean }): string {
  const paint = painter(options.color)
  const lines = [verdictLine(report, paint)]
  if (report.findings.length > 0) lines.push('', ...findingLines(report.findings, paint))
  lines.push('', `Plan: ${formatActionCounts(report.counts.actions)}.`)
  lines.push(`Blast radius: ${printable(formatBlastRadius(report.blastRadius))}`)
  if (report.policy.source !== '(defaults)' || report.policy.environment !== undefined) {
    const env =
      report.policy.environment === undefined ? '' : `, environment ${report.policy.environment}`
    lines.push(`Policy: ${printable(report.policy.source + env)}`)
  }
  lines.push(`Fingerprint: ${printable(report.fingerprint)}`)
  return lines.join('\n') + '\n'
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

function verdictLine(report: Report, paint: Paint): string {
  const { style, text, rest } = verdict(report)
  const tail = rest.filter((part) => part !== '')
  return paint(style, text, true) + (tail.length > 0 ? ` (plus ${tail.join(', ')})` : '')
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
