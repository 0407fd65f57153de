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
  return [...findings].sort(
    (a, b) =>
      DECISION_RANK[b.decision] - DECISION_RANK[a.decision] ||
      SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
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
