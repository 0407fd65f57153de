/** PG-0009: a plan that deletes everything it manages, unless allowed for this plan. */
import { many, plan } from '../examples.js'
import { deletedCount, destroysEverything } from '../inspect.js'
import { found, type GenericRule } from '../rule.js'

export const rule: GenericRule = {
  meta: {
    id: 'PG-0009',
    slug: 'full-destroy',
    title: 'Every managed resource is deleted',
    description:
      'The plan destroys everything it manages, as `terraform destroy` does. Blocked unless the policy allows a full destroy for this plan (e.g. ephemeral previews).',
    remediation:
      'Destroy on purpose only: allow it for this plan with thresholds.allow_full_destroy (e.g. preview environments).',
    severity: 'critical',
    defaultDecision: 'blocked',
    examples: {
      bad: [{ plan: { format_version: '1.2', resource_changes: many(2, ['delete']) } }],
      good: [{ plan: plan(many(1, ['delete'])) }]
    }
  },
  checkPlan: (plan, { volume }) => {
    if (volume === undefined || volume.allowFullDestroy) return []
    const deleted = deletedCount(plan)
    if (deleted === 0 || !destroysEverything(plan, deleted)) return []
    return [
      found(rule.meta, {
        address: '(plan)',
        source: 'plan',
        messageId: 'full-destroy',
        data: { count: deleted }
      })
    ]
  }
}
