/**
 * The shape of a generic rule module (src/rules/generic/<slug>.ts): its metadata, its examples
 * and its checks in one file. Severity and default decision are written once, in the metadata;
 * `found()` stamps them on every finding the rule makes.
 */
import type { Category, ResourceTypeEntry } from '../catalog/types.js'
import type { Plan, ResourceChange } from '../plan/model.js'
import type { ClassifyOptions } from './options.js'
import type { Decision, Finding, FindingData, MessageId, RuleMeta, Severity } from './types.js'

export const DOCS_BASE = 'https://github.com/plan-gate/plan-gate/blob/main/docs/rules'

/** A generic rule's metadata; the registry adds its `helpUri`. */
export type GenericMeta = Omit<RuleMeta, 'helpUri' | 'category' | 'aliases'>

/** A planned change as the change checks see it. */
export interface ChangeInput {
  readonly change: ResourceChange
  /** The change's catalog entry, when its type is in the catalog. */
  readonly entry?: ResourceTypeEntry
  readonly options: ClassifyOptions
}

/**
 * Checks return the rule's findings, or undefined when the change is not this rule's business:
 * for each change the checks run in the order of GENERIC_RULES and the first answer (even an
 * empty list) is the change's classification.
 */
export interface GenericRule {
  readonly meta: GenericMeta
  /** Plan-wide findings, from the plan alone (and the classify options). */
  readonly checkPlan?: (plan: Plan, options: ClassifyOptions) => readonly Finding[]
  /** A planned change (`resource_changes`, `planned_change`). */
  readonly checkChange?: (input: ChangeInput) => readonly Finding[] | undefined
  /** A change found by refresh (`resource_drift`). */
  readonly checkDrift?: (change: ResourceChange) => readonly Finding[] | undefined
  /** A change deferred to a later run. */
  readonly checkDeferred?: (change: ResourceChange) => readonly Finding[] | undefined
}

/** What a finding says besides its rule, severity and decision. */
export type FindingFields = Omit<Finding, 'ruleId' | 'severity' | 'decision'>

/** A finding of `meta`'s rule, with the rule's severity and default decision. */
export function found(meta: GenericMeta, fields: FindingFields): Finding {
  return { ...fields, ruleId: meta.id, severity: meta.severity, decision: meta.defaultDecision }
}

/** Where a planned change's findings point: its address, type, action and object. */
export function changeBase(change: ResourceChange, source: Finding['source'] = 'change') {
  return {
    address: change.address,
    type: change.type,
    action: change.action,
    order: change.order,
    deposed: change.deposed,
    source
  }
}

/** The rule a finding belongs to, and its severity and decision. */
export interface Stamp {
  readonly ruleId: string
  readonly severity: Severity
  readonly decision: Decision
}

/** The stamp of a generic rule's own findings, from its metadata. */
export function stampOf(meta: GenericMeta): Stamp {
  return { ruleId: meta.id, severity: meta.severity, decision: meta.defaultDecision }
}

/** What a finding about a planned change says. */
export interface ChangeMessage {
  readonly category: Category | undefined
  readonly messageId: MessageId
  readonly data: FindingData
}

/**
 * A finding about a planned change: the same object as
 * `found(meta, { ...changeBase(change), ...message })`, keys in the same order, built in one
 * step. A destroy plan makes one for nearly every change.
 */
export function changeFinding(
  change: ResourceChange,
  message: ChangeMessage,
  stamp: Stamp
): Finding {
  return {
    address: change.address,
    type: change.type,
    action: change.action,
    order: change.order,
    deposed: change.deposed,
    source: 'change',
    category: message.category,
    messageId: message.messageId,
    data: message.data,
    ruleId: stamp.ruleId,
    severity: stamp.severity,
    decision: stamp.decision
  }
}
