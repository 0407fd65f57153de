/** Findings: what the rules say about a plan. Prose lives in `messages.ts`, not here. */
import type { Category } from '../catalog/types.js'
import type { Action, ActionOrder } from '../plan/actions.js'

/** What a single finding asks for. */
export type Decision = 'warn' | 'approval-required' | 'blocked'

/** The overall verdict. `pass` means nothing stronger than a warning remains. */
export type Verdict = 'pass' | 'approval-required' | 'blocked'

export type Severity = 'low' | 'medium' | 'high' | 'critical'

/** Message ids; each has a template in `messages.ts`. */
export type MessageId =
  | 'plan-errored'
  | 'stream-error-diagnostics'
  | 'unknown-action'
  | 'destroy-state-storage'
  | 'destroy-data-store'
  | 'destroy-tagged'
  | 'destroy-resource'
  | 'forget-data-store'
  | 'protection-weakened'
  | 'drift-delete'
  | 'stream-no-values'
  | 'destroy-state-backend'
  | 'change-state-backend'
  | 'destroy-no-copy'
  | 'destroy-policy-protected'
  | 'mass-delete'
  | 'full-destroy'
  | 'freeze'
  | 'environment-outside'
  | 'environment-unselected'
  | 'exemption-expired'
  | 'policy-changed'
  | 'gate-files-changed'

/**
 * Data carried by a finding. Only names and provably harmless scalars (booleans, retention
 * numbers that are not marked sensitive) ever go in here: reports print it.
 */
export type FindingData = Readonly<Record<string, string | number | boolean>>

/** Where in the plan a finding comes from. */
export type FindingSource = 'change' | 'drift' | 'deferred' | 'plan'

export interface Finding {
  /** Stable rule id: a catalog id (`PG-AWS-001`, `PG-AWS-W001`) or a generic rule (`PG-0001`). */
  readonly ruleId: string
  /** Resource address, or `(plan)` for plan-level findings. */
  readonly address: string
  /** Resource type, when the finding is about a resource. */
  readonly type?: string
  readonly action?: Action
  readonly order?: ActionOrder
  readonly deposed?: string
  readonly category?: Category
  readonly severity: Severity
  readonly decision: Decision
  readonly messageId: MessageId
  readonly data: FindingData
  readonly source: FindingSource
  /** Label of the plan the finding belongs to, when several plans are evaluated together. */
  readonly plan?: string
  /** Set when a policy exemption lowered this finding to a warning. */
  readonly exemption?: { readonly reason: string; readonly expires?: string }
  /** Set when a policy rule changed the decision. */
  readonly override?: { readonly from: Decision; readonly reason?: string }
}

/** Strength order of decisions, weakest first. */
export const DECISION_RANK: Readonly<Record<Decision, number>> = {
  warn: 0,
  'approval-required': 1,
  blocked: 2
}

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = {
  low: 0,
  medium: 1,
  high: 2,
  critical: 3
}

/** Metadata of a rule, for docs, `explain` and SARIF. */
export interface RuleMeta {
  /** Stable id, e.g. `PG-0003` or `PG-AWS-001`. */
  readonly id: string
  /** Readable id, e.g. `aws-db-instance-destroy`. */
  readonly slug: string
  /** Former ids and slugs that still resolve to this rule (renames). */
  readonly aliases?: readonly string[]
  /** Short title, e.g. "RDS instance deleted or replaced". */
  readonly title: string
  /** Why it matters, one or two sentences. */
  readonly description: string
  readonly severity: Severity
  readonly defaultDecision: Decision
  /** What to do about a finding, one or two sentences. */
  readonly remediation: string
  /** Catalog category, for per-type rules. */
  readonly category?: Category
  /** Link to the rule's documentation page. */
  readonly helpUri: string
  /** Inputs that trigger the rule (`bad`) and similar ones that do not (`good`). */
  readonly examples?: {
    readonly bad: readonly RuleExample[]
    readonly good: readonly RuleExample[]
  }
}

/** A runnable example: a plan, and optionally a policy file and the time to judge it at. */
export interface RuleExample {
  /** A `terraform show -json` document, or JSON Lines text. */
  readonly plan: Readonly<Record<string, unknown>> | string
  /** `.plan-gate.yml` text. */
  readonly policy?: string
  /** Evaluate as if at this RFC 3339 time. */
  readonly at?: string
  /** Files of a Terraform working directory, for backend rules. */
  readonly files?: Readonly<Record<string, string>>
}
