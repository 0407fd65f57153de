/**
 * Severity and default decision of the rules the catalog defines: one per resource type (its
 * delete or replacement) and one per guard (protection weakened). Written here once; the
 * registry's metadata and the findings both take them from here.
 */
import { CATEGORIES, type ResourceTypeEntry } from '../catalog/types.js'
import type { Decision, Severity } from './types.js'

export interface RuleDefaults {
  readonly severity: Severity
  readonly defaultDecision: Decision
}

/** A data store's delete needs approval; a type that holds no data of its own only warns. */
export function typeRuleDefaults(entry: ResourceTypeEntry): RuleDefaults {
  return CATEGORIES[entry.category].guarded
    ? { severity: 'high', defaultDecision: 'approval-required' }
    : { severity: 'low', defaultDecision: 'warn' }
}

/** Weakening a guard needs approval. */
export const GUARD_RULE_DEFAULTS: RuleDefaults = {
  severity: 'high',
  defaultDecision: 'approval-required'
}
