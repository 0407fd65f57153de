/**
 * What a policy is, and the zero-config policy: everything the gate needs at start-up. Parsing a
 * policy file (config.ts, with yaml and ajv) is loaded only when there is one.
 */
import { UserError } from '../common/errors.js'
import { DEFAULT_EXPIRY_FLOOR_DAYS } from '../rules/expiry.js'
import { DEFAULT_CLASSIFY } from '../rules/options.js'
import type { Decision } from '../rules/types.js'

/** A problem in the policy file, located as precisely as the file allows. */
export class ConfigError extends UserError {
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
    readonly column?: number
  ) {
    super(`${file}${line === undefined ? '' : `:${line}:${column ?? 1}`}: ${message}`)
  }
}

export interface Match {
  readonly rule?: string
  readonly category?: string
  readonly type?: string
  readonly address?: string
  readonly tag?: string
}

export interface RuleOverride {
  readonly match: Match
  readonly decision: Decision | 'off'
  readonly reason?: string
}

export interface Exemption {
  readonly address?: string
  readonly rule?: string
  readonly fingerprint?: string
  readonly reason: string
  /** As written, for reports. */
  readonly expires?: string
  /** Epoch milliseconds after which the exemption no longer applies. */
  readonly expiresAt?: number
}

export interface Environment {
  readonly plans?: readonly string[]
  readonly aws_accounts?: readonly string[]
  readonly gcp_projects?: readonly string[]
  readonly azure_subscriptions?: readonly string[]
  readonly regions?: readonly string[]
}

export interface Freeze {
  readonly from: string
  readonly to: string
  readonly fromAt: number
  readonly toAt: number
  readonly reason: string
}

export interface Policy {
  /** Where the policy came from (`(defaults)` when there is no file). */
  readonly source: string
  readonly rules: readonly RuleOverride[]
  readonly protect: {
    readonly types: readonly string[]
    readonly addresses: readonly string[]
    readonly tagKeys: readonly string[]
  }
  readonly exemptions: readonly Exemption[]
  readonly thresholds: {
    readonly backupRetentionFloor: number
    /** Expiry and retention shorter than this many days is a weakening. */
    readonly expiryFloorDays: number
    readonly massDeleteCount: number
    readonly massDeleteShare: number
    readonly allowFullDestroy: readonly string[]
  }
  readonly environments: Readonly<Record<string, Environment>>
  readonly freezes: readonly Freeze[]
  readonly approvals: {
    readonly count: number
    readonly approvers: readonly string[]
    readonly excludePusher: boolean
    readonly breakGlass: { readonly enabled: boolean; readonly allowed: readonly string[] }
    /** Accounts agents act as (logins or globs). */
    readonly agentAccounts: readonly string[]
    /** Co-authored-by trailer globs that mark agent commits; undefined = the defaults. */
    readonly agentIdentities?: readonly string[]
    /** Extra repository paths (globs) that count as the gate's own files. */
    readonly protectedPaths: readonly string[]
  }
}

/** The zero-config policy. */
export const DEFAULT_POLICY: Policy = {
  source: '(defaults)',
  rules: [],
  protect: { types: [], addresses: [], tagKeys: [] },
  exemptions: [],
  thresholds: {
    backupRetentionFloor: DEFAULT_CLASSIFY.backupRetentionFloor,
    expiryFloorDays: DEFAULT_EXPIRY_FLOOR_DAYS,
    massDeleteCount: 10,
    massDeleteShare: 0.5,
    allowFullDestroy: []
  },
  environments: {},
  freezes: [],
  approvals: {
    count: 2,
    approvers: [],
    excludePusher: true,
    breakGlass: { enabled: false, allowed: [] },
    agentAccounts: [],
    protectedPaths: []
  }
}
