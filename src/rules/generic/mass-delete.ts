/** PG-0008: more deletes than the configured count or share of the plan need approval. */
import { many, plan } from '../examples.js'
import { deletedCount, destroysEverything } from '../inspect.js'
import { found, type GenericRule } from '../rule.js'

export const rule: GenericRule = {
  meta: {
    id: 'PG-0008',
    slug: 'mass-delete',
    title: 'Many resources deleted at once',
    description:
      'The plan deletes more resources than the configured threshold (count or share of the plan). Reviewers should see that before it happens.',
    remediation: 'Split the change, or have a second reviewer approve it.',
    severity: 'high',
    defaultDecision: 'approval-required',
    examples: {
      bad: [
        {
          plan: plan([
            ...many(11, ['delete']),
            ...many(20, ['no-op']).map((c, i) => ({ ...c, address: `null_resource.keep${i}` }))
          ])
        }
      ],
      good: [
        {
          plan: plan([
            ...many(3, ['delete']),
            ...many(20, ['no-op']).map((c, i) => ({ ...c, address: `null_resource.keep${i}` }))
          ])
        }
      ]
    }
  },
  checkPlan: (plan, { volume }) => {
    if (volume === undefined) return []
    const total = plan.tally.managed
    const deleted = deletedCount(plan)
    // Deleting everything is PG-0009's: blocked, or allowed for this plan.
    if (deleted === 0 || destroysEverything(plan, deleted)) return []
    const share = deleted / total
    const overCount = deleted > volume.massDeleteCount
    const overShare =
      plan.source.format === 'show-json' && total > 1 && share > volume.massDeleteShare
    if (!overCount && !overShare) return []
    const threshold = overCount
      ? `${volume.massDeleteCount} resources`
      : `${Math.round(volume.massDeleteShare * 100)}% of the plan`
    return [
      found(rule.meta, {
        address: '(plan)',
        source: 'plan',
        messageId: 'mass-delete',
        data: { count: deleted, total, threshold }
      })
    ]
  }
}
