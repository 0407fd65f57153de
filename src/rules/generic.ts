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
  },
  massDelete: {
    id: 'PG-0008',
    slug: 'mass-delete',
    title: 'Many resources deleted at once',
    description:
      'The plan deletes more resources than the configured threshold (count or share of the plan). Reviewers should see that before it happens.',
    severity: 'high',
    defaultDecision: 'approval-required'
  },
  fullDestroy: {
    id: 'PG-0009',
    slug: 'full-destroy',
    title: 'Every managed resource is deleted',
    description:
      'The plan destroys everything it manages, as `terraform destroy` does. Blocked unless the policy allows a full destroy for this plan (e.g. ephemeral previews).',
    severity: 'critical',
    defaultDecision: 'blocked'
  },
  freeze: {
    id: 'PG-0010',
    slug: 'change-freeze',
    title: 'Destructive change during a freeze window',
    description:
      'The policy declares a freeze window now; every destructive change is blocked until it ends.',
    severity: 'critical',
    defaultDecision: 'blocked'
  },
  environment: {
    id: 'PG-0011',
    slug: 'environment-guard',
    title: 'Plan touches an account, project, subscription or region outside its environment',
    description:
      'The policy says what this environment may touch. A plan that reaches further is how a "staging" task runs against production.',
    severity: 'critical',
    defaultDecision: 'blocked'
  },
  stateBackend: {
    id: 'PG-0012',
    slug: 'state-backend-change',
    title: 'The configured state backend is changed',
    description:
      'The bucket, lock table, storage account or container of the backend that holds this very state is changed or destroyed.',
    severity: 'critical',
    defaultDecision: 'blocked'
  },
  noCopySurvives: {
    id: 'PG-0013',
    slug: 'no-copy-survives',
    title: 'Data store deleted and no copy survives',
    description:
      'The data store is deleted or replaced, and its settings show that no final snapshot, retained backup, soft delete or other copy will remain.',
    severity: 'critical',
    defaultDecision: 'blocked'
  },
  exemptionExpired: {
    id: 'PG-0014',
    slug: 'exemption-expired',
    title: 'An exemption has expired',
    description:
      'An exemption in the policy file matched this plan but has expired, so it no longer applies.',
    severity: 'medium',
    defaultDecision: 'warn'
  },
  policyProtected: {
    id: 'PG-0015',
    slug: 'policy-protected-destroy',
    title: 'Resource protected by the policy file deleted or replaced',
    description:
      'The policy file protects this type or address, so deleting or replacing it needs a second approver.',
    severity: 'high',
    defaultDecision: 'approval-required'
  },
  streamNoValues: {
    id: 'PG-0016',
    slug: 'stream-without-values',
    title: 'Plan read from a stream without attribute values',
    description:
      'The JSON Lines stream has no attribute values, so tags, state-storage names, surviving copies and protection attributes cannot be checked. Gate on `terraform show -json` for full coverage.',
    severity: 'low',
    defaultDecision: 'warn'
  }
} as const satisfies Record<string, GenericRule>

/** Metadata of a generic rule, without remediation and examples (the registry adds them). */
export function genericMeta(rule: GenericRule): Omit<RuleMeta, 'remediation'> {
  return { ...rule, helpUri: `${DOCS_BASE}/${rule.id}.md` }
}
