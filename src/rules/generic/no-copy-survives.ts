/**
 * PG-0013, and the catalog's data stores: a data store's delete needs approval (the type's own
 * rule), and is blocked when the catalog knows how a copy could survive and none does. Deposed
 * objects are leftovers of a replacement whose new object exists, so they never block on
 * survival.
 */
import { CATEGORIES, type ResourceTypeEntry } from '../../catalog/types.js'
import { typeStamp } from '../catalog-rules.js'
import { change, plan, RDS_FINAL_SNAPSHOT, RDS_NO_COPY } from '../examples.js'
import { holdsData, isDestroy, survivingCopy, withReason } from '../inspect.js'
import { changeFinding, stampOf, type GenericRule } from '../rule.js'
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
    if (!isDestroy(change) || entry === undefined || !holdsData(entry, change)) {
      return undefined
    }
    // A deposed object (left by create_before_destroy) is a data store of its own: its settings
    // decide whether a copy survives, as for any other delete.
    const survival = change.hasValues ? survivingCopy(entry, change.before) : undefined
    if (survival !== undefined && survival.copy === undefined) {
      const data = withReason(noCopyData(entry, survival.options), change)
      const message = { category: entry.category, messageId: 'destroy-no-copy' as const, data }
      return [changeFinding(change, message, STAMP)]
    }
    const data = withReason(dataStoreData(entry, survival?.copy), change)
    const message = { category: entry.category, messageId: 'destroy-data-store' as const, data }
    return [changeFinding(change, message, typeStamp(entry))]
  }
}

const STAMP = stampOf(rule.meta)

// The data before any reason, worked out once per type (and surviving copy): a destroy plan
// deletes many resources of each type.
const noCopy = new WeakMap<ResourceTypeEntry, FindingData>()
const dataStore = new WeakMap<ResourceTypeEntry, Map<string | undefined, FindingData>>()

function noCopyData(entry: ResourceTypeEntry, missing: string): FindingData {
  let data = noCopy.get(entry)
  if (data === undefined) {
    const categoryLabel = CATEGORIES[entry.category].label
    data = Object.freeze({ categoryLabel, missing, catalogRule: entry.id })
    noCopy.set(entry, data)
  }
  return data
}

function dataStoreData(entry: ResourceTypeEntry, copy: string | undefined): FindingData {
  let byCopy = dataStore.get(entry)
  if (byCopy === undefined) dataStore.set(entry, (byCopy = new Map()))
  let data = byCopy.get(copy)
  if (data === undefined) {
    const categoryLabel = CATEGORIES[entry.category].label
    const made: FindingData = copy === undefined ? { categoryLabel } : { categoryLabel, copy }
    data = Object.freeze(made)
    byCopy.set(copy, data)
  }
  return data
}
