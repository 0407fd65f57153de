/**
 * PG-0013, and the catalog's data stores: a data store's delete needs approval (the type's own
 * rule), and is blocked when the catalog knows how a copy could survive and none does. Deposed
 * objects are leftovers of a replacement whose new object exists, so they never block on
 * survival.
 */
import { CATEGORIES } from '../../catalog/types.js'
import { typeRuleDefaults } from '../catalog-rules.js'
import { change, plan, RDS_FINAL_SNAPSHOT, RDS_NO_COPY } from '../examples.js'
import { isDestroy, reasonData, survivingCopy } from '../inspect.js'
import { changeBase, found, type GenericRule } from '../rule.js'
import type { FindingData } from '../types.js'

export const rule: GenericRule = {
  meta: {
    id: 'PG-0013',
    slug: 'no-copy-survives',
    title: 'Data store deleted and no copy survives',
    description:
      'The data store is deleted or replaced, and its settings show that no final snapshot, retained backup, soft delete or other copy will remain.',
    remediation:
      'Take or keep a backup first in a separate change (e.g. set skip_final_snapshot = false and a final_snapshot_identifier, apply, then delete), or add an exemption with a reason.',
    severity: 'critical',
    defaultDecision: 'blocked',
    examples: {
      bad: [{ plan: plan([change('aws_db_instance', 'orders', ['delete'], RDS_NO_COPY, null)]) }],
      good: [
        {
          plan: plan([change('aws_db_instance', 'orders', ['delete'], RDS_FINAL_SNAPSHOT, null)])
        }
      ]
    }
  },
  checkChange: ({ change, entry }) => {
    if (!isDestroy(change) || entry === undefined || !CATEGORIES[entry.category].guarded) {
      return undefined
    }
    const reason = reasonData(change)
    const categoryLabel = CATEGORIES[entry.category].label
    const survival =
      change.hasValues && change.deposed === undefined
        ? survivingCopy(entry, change.before)
        : undefined
    if (survival !== undefined && survival.copy === undefined) {
      return [
        found(rule.meta, {
          ...changeBase(change),
          category: entry.category,
          messageId: 'destroy-no-copy',
          data: { categoryLabel, missing: survival.options, catalogRule: entry.id, ...reason }
        })
      ]
    }
    const copy: FindingData = survival?.copy === undefined ? {} : { copy: survival.copy }
    const { severity, defaultDecision } = typeRuleDefaults(entry)
    return [
      {
        ...changeBase(change),
        ruleId: entry.id,
        category: entry.category,
        severity,
        decision: defaultDecision,
        messageId: 'destroy-data-store',
        data: { categoryLabel, ...copy, ...reason }
      }
    ]
  }
}
