/**
 * PG-0005: any other resource deleted or replaced, shown as a warning. Catalog types that hold
 * no data of their own (cluster members, protected compute) keep their own rule id, so a policy
 * can raise them, but only warn by default.
 */
import type { ResourceTypeEntry } from '../../catalog/types.js'
import { typeStamp } from '../catalog-rules.js'
import { change, plan } from '../examples.js'
import { holdsData, isDestroy, withReason } from '../inspect.js'
import { changeFinding, stampOf, type GenericRule, type Stamp } from '../rule.js'
import type { FindingData } from '../types.js'

export const rule: GenericRule = {
  meta: {
    id: 'PG-0005',
    slug: 'resource-destroy',
    title: 'Resource deleted or replaced',
    description:
      'A resource that is not a known data store is deleted or replaced. Shown as a warning so that reviewers see every destroy.',
    remediation: 'Check that the delete is intended.',
    severity: 'low',
    defaultDecision: 'warn',
    examples: {
      bad: [{ plan: plan([change('null_resource', 'x', ['delete'], {}, null)]) }],
      good: [{ plan: plan([change('null_resource', 'x', ['create'], null, {})]) }]
    }
  },
  checkChange: ({ change, entry }) => {
    if (!isDestroy(change)) return undefined
    const message = {
      category: entry?.category,
      messageId: 'destroy-resource' as const,
      data: withReason(typeData(change.type), change)
    }
    if (entry === undefined) return [changeFinding(change, message, STAMP)]
    // A catalog type that holds no data here (a release of a stateless chart) only warns.
    return [
      changeFinding(change, message, holdsData(entry, change) ? typeStamp(entry) : quiet(entry))
    ]
  }
}

const STAMP = stampOf(rule.meta)

// Worked out once per type: most changes of a destroy plan end up here.
const dataByType = new Map<string, FindingData>()
const quietStamps = new WeakMap<ResourceTypeEntry, Stamp>()

/** The data of a type's findings, before any reason. */
function typeData(type: string): FindingData {
  let data = dataByType.get(type)
  if (data === undefined) {
    data = Object.freeze({ type })
    if (dataByType.size < 10_000) dataByType.set(type, data)
  }
  return data
}

/** A catalog type's own rule, but only a warning. */
function quiet(entry: ResourceTypeEntry): Stamp {
  let stamp = quietStamps.get(entry)
  if (stamp === undefined) {
    stamp = { ruleId: entry.id, severity: 'low', decision: 'warn' }
    quietStamps.set(entry, stamp)
  }
  return stamp
}
