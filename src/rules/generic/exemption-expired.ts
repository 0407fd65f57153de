/**
 * PG-0014: an exemption matched the plan but has expired, so it no longer applies. The policy
 * step applies exemptions; this module words the warning.
 */
import { change, plan, RDS_FINAL_SNAPSHOT } from '../examples.js'
import { found, type GenericRule } from '../rule.js'
import type { Finding } from '../types.js'

const exemptUntil = (expires: string): string =>
  `version: 1\nexemptions:\n  - address: aws_db_instance.legacy\n    reason: decommissioning, OPS-123\n    expires: ${expires}\n`

export const rule: GenericRule = {
  meta: {
    id: 'PG-0014',
    slug: 'exemption-expired',
    title: 'An exemption has expired',
    description:
      'An exemption in the policy file matched this plan but has expired, so it no longer applies.',
    remediation: 'Renew the exemption with a new date and reason, or remove it.',
    severity: 'medium',
    defaultDecision: 'warn',
    examples: {
      bad: [
        {
          plan: plan([change('aws_db_instance', 'legacy', ['delete'], RDS_FINAL_SNAPSHOT, null)]),
          policy: exemptUntil('2026-01-31'),
          at: '2026-11-21T00:00:00Z'
        }
      ],
      good: [
        {
          plan: plan([change('aws_db_instance', 'legacy', ['delete'], RDS_FINAL_SNAPSHOT, null)]),
          policy: exemptUntil('2026-12-31'),
          at: '2026-11-21T00:00:00Z'
        }
      ]
    }
  }
}

/** The warning for an expired exemption: what it targeted, why, and when it expired. */
export function expiredFinding(exemption: {
  readonly target: string
  readonly why: string
  readonly expires: string
}): Finding {
  return found(rule.meta, {
    address: '(plan)',
    source: 'plan',
    messageId: 'exemption-expired',
    data: { target: exemption.target, why: exemption.why, expires: exemption.expires }
  })
}
