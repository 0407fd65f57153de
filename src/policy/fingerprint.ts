/**
 * The fingerprint of a plan's destructive subset. Approvals bind to it: a new push that changes
 * what gets destroyed (or which protection is weakened) changes the fingerprint, and a push
 * that only changes harmless things does not.
 */
import { createHash } from 'node:crypto'
import type { Plan, ResourceChange } from '../plan/model.js'
import type { Finding } from '../rules/types.js'

/** Actions whose presence is part of the fingerprint. */
const FINGERPRINTED = new Set(['delete', 'replace', 'forget', 'forget-replace', 'unknown'])

/** One line per destructive change or gating finding, independent of input key order. */
export function fingerprintLines(plan: Plan, findings: readonly Finding[]): string[] {
  const lines = new Set<string>()
  for (const change of plan.changes) {
    if (change.mode === 'data' && change.action !== 'unknown') continue
    if (FINGERPRINTED.has(change.action)) lines.add(changeLine(change))
  }
  for (const finding of findings) {
    // Weakened protection on an update is destructive in intent; include which guard.
    if (finding.messageId === 'protection-weakened') {
      lines.add(
        ['weaken', finding.address, finding.ruleId, String(finding.data['attribute'] ?? '')].join(
          '\t'
        )
      )
    }
  }
  if (plan.errored) lines.add('errored')
  return [...lines].sort()
}

function changeLine(change: ResourceChange): string {
  return [
    change.address,
    change.deposed ?? '',
    change.action,
    change.order ?? '',
    change.reason ?? ''
  ].join('\t')
}

/** `sha256:<hex>` over the sorted lines. */
export function fingerprint(lines: readonly string[]): string {
  return hashLines('plan-gate fingerprint v1', lines)
}

/** `sha256:<hex>` over a header line and the given lines, each ending in a newline. */
export function hashLines(header: string, lines: readonly string[]): string {
  const hash = createHash('sha256')
  hash.update(`${header}\n`)
  for (const line of lines) hash.update(`${line}\n`)
  return `sha256:${hash.digest('hex')}`
}
