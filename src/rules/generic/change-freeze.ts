/**
 * PG-0010: during a freeze window, any destructive change (or weakened protection) blocks the
 * plan. The policy step knows whether a freeze is on; this module says what it catches.
 */
import type { Plan } from '../../plan/model.js'
import { many, plan } from '../examples.js'
import { isDestroy, managed } from '../inspect.js'
import { found, type GenericRule } from '../rule.js'
import type { Finding } from '../types.js'

const FREEZE =
  'version: 1\nfreezes:\n  - from: 2026-12-20\n    to: 2027-01-04\n    reason: end-of-year freeze\n'

export const rule: GenericRule = {
  meta: {
    id: 'PG-0010',
    slug: 'change-freeze',
    title: 'Destructive change during a freeze window',
    description:
      'The policy declares a freeze window now; every destructive change is blocked until it ends.',
    remediation: 'Wait until the freeze ends, or get an exception recorded in the policy.',
    severity: 'critical',
    defaultDecision: 'blocked',
    examples: {
      bad: [{ plan: plan(many(1, ['delete'])), policy: FREEZE, at: '2026-12-24T12:00:00Z' }],
      good: [{ plan: plan(many(1, ['delete'])), policy: FREEZE, at: '2027-01-05T12:00:00Z' }]
    }
  }
}

/** The finding for a freeze that is on now, given the plan's classified findings. */
export function freezeFindings(
  plan: Plan,
  classified: readonly Finding[],
  freeze: { readonly to: string; readonly reason: string }
): Finding[] {
  const destructive = new Set(
    managed(plan)
      .filter((c) => isDestroy(c) || c.action === 'forget' || c.action === 'forget-replace')
      .map((c) => c.address)
  )
  for (const f of classified) if (f.messageId === 'protection-weakened') destructive.add(f.address)
  if (destructive.size === 0) return []
  return [
    found(rule.meta, {
      address: '(plan)',
      source: 'plan',
      messageId: 'freeze',
      data: { until: freeze.to, why: freeze.reason, count: destructive.size }
    })
  ]
}
