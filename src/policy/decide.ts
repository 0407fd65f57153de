/** The verdict: the strongest finding decides; warnings alone pass. */
import { DECISION_RANK, SEVERITY_RANK, type Finding, type Verdict } from '../rules/types.js'

/** `pass` when only warnings remain; otherwise the strongest decision. */
export function decide(findings: readonly Finding[]): Verdict {
  let verdict: Verdict = 'pass'
  for (let i = 0; i < findings.length; i++) {
    const decision = (findings[i] as Finding).decision
    if (decision === 'blocked') return 'blocked'
    if (decision === 'approval-required') verdict = 'approval-required'
  }
  return verdict
}

/** Most dangerous first: decision, severity, then plan, address and rule for a stable order. */
export function sortFindings<T extends Finding>(findings: readonly T[]): T[] {
  // The same order as sorting by byDanger: each finding put in its (decision, severity) group,
  // in input order, and each group sorted by the rest (Array.prototype.sort is stable).
  // Indexed loops: this runs once per report, mostly before V8 optimises it.
  const groups: T[][] = Array.from({ length: GROUPS }, () => [])
  for (let i = 0; i < findings.length; i++) {
    const finding = findings[i] as T
    // 0 for blocked and critical … 11 for warn and low; undefined for what is neither.
    const at = (2 - DECISION_RANK[finding.decision]) * 4 + (3 - SEVERITY_RANK[finding.severity])
    const group = groups[at]
    if (group === undefined) return [...findings].sort(byDanger)
    group.push(finding)
  }
  const sorted: T[] = []
  for (const group of groups) {
    if (group.length > 1) group.sort(byPlace)
    for (let i = 0; i < group.length; i++) sorted.push(group[i] as T)
  }
  return sorted
}

const GROUPS = 12

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
