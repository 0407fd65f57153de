/** The report: the one object every renderer (text, markdown, json, sarif) takes. */
import type { InputFormat } from '../plan/model.js'
import type { BlastRadius } from '../rules/blast-radius.js'
import type { Finding, Verdict } from '../rules/types.js'

/** A finding as reports show it: the finding plus its human reason. */
export interface ReportedFinding extends Finding {
  /** One sentence a person understands, built from `messageId` and `data`. */
  readonly reason: string
}

/** Facts about the evaluated plan; never attribute values. */
export interface PlanInfo {
  /** The file as the user named it (`-` for stdin). */
  readonly file: string
  readonly format: InputFormat
  readonly formatVersion?: string
  readonly tool: 'terraform' | 'opentofu' | 'unknown'
  readonly toolVersion?: string
  readonly errored: boolean
  readonly applyable?: boolean
  readonly complete?: boolean
  readonly operation?: 'plan' | 'apply' | 'destroy'
  /** Whether before/after values were available (false for the JSON Lines stream). */
  readonly hasValues: boolean
}

/** Counts of planned changes by action; moves and imports are counted besides their action. */
export interface ActionCounts {
  readonly create: number
  readonly read: number
  readonly update: number
  readonly 'no-op': number
  readonly delete: number
  readonly replace: number
  readonly forget: number
  readonly 'forget-replace': number
  readonly unknown: number
  readonly move: number
  readonly import: number
  readonly drift: number
}

/** Counts of findings per decision. */
export interface FindingCounts {
  readonly blocked: number
  readonly 'approval-required': number
  readonly warn: number
}

/** One evaluated plan of a report (a report covers one or more plans). */
export interface PlanSummary extends PlanInfo {
  /** This plan's own verdict. */
  readonly decision: Verdict
  /** This plan's fingerprint. */
  readonly fingerprint: string
  readonly counts: { readonly actions: ActionCounts; readonly findings: FindingCounts }
}

/** How the GitHub Action judged approvals for the report's plans (absent from CLI reports). */
export interface ApprovalRecord {
  /** The gate: `pass` (nothing to approve), `approved`, `pending`, `blocked` or `error`. */
  readonly outcome: 'pass' | 'approved' | 'pending' | 'blocked' | 'error'
  /** The commit status state this run posted (or would have posted). */
  readonly status: 'success' | 'pending' | 'failure' | 'error'
  /** The status description (at most 140 characters). */
  readonly description: string
  /** Approvals required, when approvals were counted. */
  readonly required?: number
  /** Logins whose approvals counted. */
  readonly approvers: readonly string[]
  /** Logins whose change requests stand. */
  readonly changesRequestedBy: readonly string[]
  /** The pull request whose approvals were counted. */
  readonly pullRequest?: number
  /** The commit the approvals had to be given on. */
  readonly headSha?: string
  /** When the fingerprint was first seen on the PR; earlier approvals did not count. */
  readonly fingerprintSince?: string
  /** A break-glass comment that stood in for one approval. */
  readonly breakGlass?: {
    readonly fingerprint: string
    readonly reason: string
    readonly by: string
    readonly commentId: number
    readonly at: string
  }
}

export interface Report {
  /** Version of this JSON shape; bumped only on incompatible changes. */
  readonly schemaVersion: 1
  readonly tool: { readonly name: 'plan-gate'; readonly version: string }
  /** The combined verdict: the strongest of every plan's. */
  readonly decision: Verdict
  /**
   * `sha256:<hex>` of the destructive subset; approvals bind to it. With one plan it is that
   * plan's fingerprint; with several, a hash of each plan's file and fingerprint.
   */
  readonly fingerprint: string
  /** Every plan evaluated, in the order given. */
  readonly plans: readonly PlanSummary[]
  /** Sums over every plan. */
  readonly counts: {
    readonly actions: ActionCounts
    readonly findings: FindingCounts
  }
  /** Accounts, projects, subscriptions and regions the plans touch (union). */
  readonly blastRadius: BlastRadius
  /** Which policy was applied. */
  readonly policy: {
    /** The policy file, or `(defaults)`. */
    readonly source: string
    /** The selected environment, when the policy declares environments. */
    readonly environment?: string
  }
  /** Most dangerous first: decision, then severity, then plan and address. */
  readonly findings: readonly ReportedFinding[]
  /** Set by the GitHub Action: how approvals were judged. */
  readonly approval?: ApprovalRecord
}
