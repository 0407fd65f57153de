/**
 * Severity and default decision of the rules the catalog defines: one per resource type (its
 * delete or replacement) and one per guard (protection weakened). Written here once; the
 * registry's metadata and the findings both take them from here.
 */
import { CATEGORIES, type ResourceTypeEntry } from '../catalog/types.js'
import type { Stamp } from './rule.js'
import type { Decision, Severity } from './types.js'

export interface RuleDefaults {
  readonly severity: Severity
  readonly defaultDecision: Decision
}

const GUARDED: RuleDefaults = { severity: 'high', defaultDecision: 'approval-required' }
const UNGUARDED: RuleDefaults = { severity: 'low', defaultDecision: 'warn' }

/** A data store's delete needs approval; a type that holds no data of its own only warns. */
export function typeRuleDefaults(entry: ResourceTypeEntry): RuleDefaults {
  return CATEGORIES[entry.category].guarded ? GUARDED : UNGUARDED
}

const stamps = new WeakMap<ResourceTypeEntry, Stamp>()

/** The stamp of a type's own delete findings (its id, with the defaults above), made once. */
export function typeStamp(entry: ResourceTypeEntry): Stamp {
  let stamp = stamps.get(entry)
  if (stamp === undefined) {
    const { severity, defaultDecision } = typeRuleDefaults(entry)
    stamp = { ruleId: entry.id, severity, decision: defaultDecision }
    stamps.set(entry, stamp)
  }
  return stamp
}

/** Weakening a guard needs approval. */
export const GUARD_RULE_DEFAULTS: RuleDefaults = {
  severity: 'high',
  defaultDecision: 'approval-required'
}
