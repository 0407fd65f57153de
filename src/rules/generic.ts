/** Rules that do not depend on a resource type. Ids are stable and never reused. */
import type { Decision, RuleMeta, Severity } from './types.js'

export const DOCS_BASE = 'https://github.com/plan-gate/plan-gate/blob/main/docs/rules'

interface GenericRule {
  readonly id: string
  readonly slug: string
  readonly title: string
  readonly description: string
  readonly severity: Severity
  readonly defaultDecision: Decision
}

/** The generic rules, keyed by a short internal name. */
export const GENERIC = {
  planErrored: {
    id: 'PG-0001',
    slug: 'plan-errored',
    title: 'Plan reported errors',
    description:
      'Terraform saved the plan despite errors (errored: true, or error diagnostics in the stream). Such a plan is incomplete and must not be applied.',
    severity: 'critical',
    defaultDecision: 'blocked'
  },
  unknownAction: {
    id: 'PG-0002',
    slug: 'unknown-action',
    title: 'Unknown change action',
    description:
      'The plan contains an action plan-gate does not know. It cannot tell whether the object is destroyed, so it fails closed.',
    severity: 'critical',
    defaultDecision: 'blocked'
  },
  stateStorage: {
    id: 'PG-0003',
    slug: 'state-storage-destroy',
    title: 'Terraform state storage deleted or replaced',
    description:
      'A bucket, container or DynamoDB lock table that holds Terraform state or locks is deleted or replaced. Every state it holds, and locking for every workspace, would be lost.',
    severity: 'critical',
    defaultDecision: 'blocked'
  },
  taggedDestroy: {
    id: 'PG-0004',
    slug: 'protected-tag-destroy',
    title: 'Resource tagged protected deleted or replaced',
    description:
      'The resource carries a tag or label `protected` = true/yes/1, so whatever its type, deleting or replacing it needs a second approver.',
    severity: 'high',
    defaultDecision: 'approval-required'
  },
  resourceDestroy: {
    id: 'PG-0005',
    slug: 'resource-destroy',
    title: 'Resource deleted or replaced',
    description:
      'A resource that is not a known data store is deleted or replaced. Shown as a warning so that reviewers see every destroy.',
    severity: 'low',
    defaultDecision: 'warn'
  },
  dataStoreForget: {
    id: 'PG-0006',
    slug: 'data-store-forget',
    title: 'Data store removed from state (forget)',
    description:
      'The object is not destroyed, but Terraform stops managing it: its protections are no longer enforced by code review.',
    severity: 'medium',
    defaultDecision: 'warn'
  },
  driftDelete: {
    id: 'PG-0007',
    slug: 'drift-delete',
    title: 'Resource deleted outside Terraform',
    description:
      'Refresh found that the object no longer exists. This already happened outside Terraform; it is not a planned delete.',
    severity: 'low',
    defaultDecision: 'warn'
  }
} as const satisfies Record<string, GenericRule>

/** Metadata of a generic rule. */
export function genericMeta(rule: GenericRule): RuleMeta {
  return { ...rule, helpUri: `${DOCS_BASE}/${rule.id}.md` }
}
