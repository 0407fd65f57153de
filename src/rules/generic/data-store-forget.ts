/** PG-0006: a data store removed from state (forget): no longer protected by code review. */
import { CATEGORIES } from '../../catalog/types.js'
import { change, plan } from '../examples.js'
import { protectedTag, reasonData } from '../inspect.js'
import { changeBase, found, type GenericRule } from '../rule.js'

export const rule: GenericRule = {
  meta: {
    id: 'PG-0006',
    slug: 'data-store-forget',
    title: 'Data store removed from state (forget)',
    description:
      'The object is not destroyed, but Terraform stops managing it: its protections are no longer enforced by code review.',
    remediation:
      'Make sure someone owns the object after Terraform forgets it (another workspace, or an import elsewhere).',
    severity: 'medium',
    defaultDecision: 'warn',
    examples: {
      bad: [{ plan: plan([change('aws_db_instance', 'db', ['forget'], {}, null)]) }],
      good: [{ plan: plan([change('null_resource', 'x', ['forget'], {}, null)]) }]
    }
  },
  checkChange: ({ change, entry, options }) => {
    if (change.action !== 'forget' && change.action !== 'forget-replace') return undefined
    const guarded = entry !== undefined && CATEGORIES[entry.category].guarded
    if (!guarded && protectedTag(change.before, options.tagKeys) === undefined) return []
    const label = entry === undefined ? 'protected resource' : CATEGORIES[entry.category].label
    return [
      found(rule.meta, {
        ...changeBase(change),
        category: entry?.category,
        messageId: 'forget-data-store',
        data: { categoryLabel: label, ...reasonData(change) }
      })
    ]
  }
}
