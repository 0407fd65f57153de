/** `--quiet`: the verdict and the counts on one line, nothing about single findings. */
import type { Report } from './types.js'

const VERDICT: Readonly<Record<Report['decision'], string>> = {
  pass: 'PASS',
  'approval-required': 'APPROVAL REQUIRED',
  blocked: 'BLOCKED'
}

const COLOR: Readonly<Record<Report['decision'], string>> = {
  pass: '\u001b[32m',
  'approval-required': '\u001b[33m',
  blocked: '\u001b[31m'
}

export function renderQuiet(report: Report, options: { readonly color: boolean }): string {
  const { findings } = report.counts
  const verdict = VERDICT[report.decision]
  const head = options.color ? `${COLOR[report.decision]}${verdict}\u001b[0m` : verdict
  const plans = report.plans.length === 1 ? '1 plan' : `${report.plans.length} plans`
  return `${head}: ${findings.blocked} blocked, ${findings['approval-required']} approval required, ${findings.warn} ${findings.warn === 1 ? 'warning' : 'warnings'} (${plans})\n`
}
