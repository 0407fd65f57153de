/** The verdict: the strongest finding decides; warnings alone pass. */
import { DECISION_RANK, SEVERITY_RANK, type Finding, type Verdict } from '../rules/types.js'

/** `pass` when only warnings remain; otherwise the strongest decision. */
export function decide(findings: readonly Finding[]): Verdict {
  let verdict: Verdict = 'pass'
  for (const finding of findings) {
    if (finding.decision === 'blocked') return 'blocked'
    if (finding.decision === 'approval-required') verdict = 'approval-required'
  }
  return verdict
}

/** Most dangerous first: decision, severity, then plan, address and rule for a stable order. */
export function sortFindings<T extends Finding>(findings: readonly T[]): T[] {
  // The same order as sorting by byDanger: each finding put in its (decision, severity) group,
  // in input order, and each group sorted by the rest (Array.prototype.sort is stable).
  const groups: T[][] = Array.from({ length: GROUPS }, () => [])
  for (const finding of findings) {
    const group = groups[groupOf(finding)]
    if (group === undefined) return [...findings].sort(byDanger)
    group.push(finding)
  }
  const sorted: T[] = []
  for (const group of groups) {
    if (group.length > 1) group.sort(byPlace)
    for (const finding of group) sorted.push(finding)
  }
  return sorted
}

const GROUPS = 12

/** 0 for blocked and critical … 11 for warn and low; undefined for what is neither. */
function groupOf(finding: Finding): number {
  return (2 - DECISION_RANK[finding.decision]) * 4 + (3 - SEVERITY_RANK[finding.severity])
}

/** The order of sortFindings, as one comparison: its reference. */
export function byDanger(a: Finding, b: Finding): number {
  return (
    DECISION_RANK[b.decision] - DECISION_RANK[a.decision] ||
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    byPlace(a, b)
  )
}

/** Within a decision and severity: plan, address, deposed key, rule and attribute. */
function byPlace(a: Finding, b: Finding): number {
  return (
    compare(a.plan ?? '', b.plan ?? '') ||
    compare(a.address, b.address) ||
    compare(a.deposed ?? '', b.deposed ?? '') ||
    compare(a.ruleId, b.ruleId) ||
    compare(String(a.data['attribute'] ?? ''), String(b.data['attribute'] ?? ''))
  )
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
