/**
 * The normalized change model. Every reader (show-json, JSON Lines stream, JSON array of
 * UI messages) produces a `Plan`; classification, policy and reports only ever see this.
 */

import type { Action, ActionOrder } from './actions.js'
import type { Finding } from '../rules/types.js'

export type { Action, ActionOrder } from './actions.js'

/** Every known `action_reason`, in show-json spelling (stream reasons are mapped to these). */
export const KNOWN_REASONS = [
  'replace_because_tainted',
  'replace_because_cannot_update',
  'replace_by_request',
  'replace_by_triggers',
  'delete_because_no_resource_config',
  'delete_because_wrong_repetition',
  'delete_because_count_index',
  'delete_because_each_key',
  'delete_because_no_module',
  'delete_because_no_move_target',
  'delete_because_enabled_false',
  'read_because_config_unknown',
  'read_because_dependency_pending',
  'read_because_check_nested',
  'forgot_because_lifecycle_destroy_in_config',
  'forgot_because_lifecycle_destroy_in_state'
] as const

export type KnownReason = (typeof KNOWN_REASONS)[number]

/** A path into a value: attribute names / map keys are strings, list indexes numbers. */
export type AttrPath = ReadonlyArray<string | number>

export interface ProviderRef {
  /** Short name: `aws`, `google`, `azurerm`, `null` (aliases and namespaces stripped). */
  readonly name: string
  /** Fully qualified name when the input has one, e.g. `registry.terraform.io/hashicorp/aws`. */
  readonly fqn?: string
  /** Provider alias when the input names one (0.12-style `null.aliased`). */
  readonly alias?: string
}

/** One resource instance change, from `resource_changes`, `resource_drift` or a stream message. */
export interface ResourceChange {
  readonly address: string
  /** Set when a `moved` block (or implicit move) changed the address. */
  readonly previousAddress?: string
  /** `module.a["x"].module.b`; absent in the root module. */
  readonly moduleAddress?: string
  readonly mode: 'managed' | 'data'
  readonly type: string
  readonly name: string
  readonly index?: string | number
  readonly provider: ProviderRef
  /** Deposed object key: this change is for an object left over from create_before_destroy. */
  readonly deposed?: string
  /** The raw `actions` array (show-json) or `[action]` (stream), kept for reports and fingerprint. */
  readonly actions: readonly string[]
  readonly action: Action
  readonly order?: ActionOrder
  /** True when the change also moves the object (`previous_address`). */
  readonly moved: boolean
  /** True when the change imports an existing object (`importing`, stream `import`). */
  readonly importing: boolean
  /** `action_reason` in show-json spelling; unknown values are kept verbatim. */
  readonly reason?: string
  /** Attribute paths that forced a replacement. */
  readonly replacePaths?: readonly AttrPath[]
  /** Whether before/after values were available (false for the JSON Lines stream). */
  readonly hasValues: boolean
  readonly before?: unknown
  readonly after?: unknown
  readonly afterUnknown?: unknown
  readonly beforeSensitive?: unknown
  readonly afterSensitive?: unknown
  /**
   * Set when the reader read only part of the values (project.ts): `before`, `after` and their
   * masks then hold only the attributes the rules read, and these are the string leaves of
   * `before` and `after` that may carry an id (not masked as sensitive), for the blast radius.
   */
  readonly valueLeaves?: readonly ValueLeaf[]
  /**
   * What the rules need from the values, computed while reading so that the values themselves
   * can be dropped (bounded memory on large plans). Absent: rules read the values directly.
   */
  readonly facts?: ChangeFacts
}

/** A string somewhere in a change's `before` or `after`, and where. */
export interface ValueLeaf {
  readonly value: string
  /** Attribute names / map keys (strings) and list indexes (numbers) from the top. */
  readonly path: readonly (string | number)[]
}

/** Facts about one change, computed from its values as it is read. */
export interface ChangeFacts {
  /** The change's own findings (not plan-wide ones). */
  readonly findings: readonly Finding[]
  /** Ids and regions it touches, for the blast radius. */
  readonly radius: {
    readonly awsAccounts: readonly string[]
    readonly gcpProjects: readonly string[]
    readonly azureSubscriptions: readonly string[]
    readonly regions: readonly string[]
  }
  /**
   * Its tag and label maps (before and after), values as strings, for `match: { tag }` policy
   * rules; empty when the policy has none.
   */
  readonly tags: readonly {
    readonly map: string
    readonly tags: Readonly<Record<string, string>>
  }[]
  /** Identifying attributes (name, bucket …) of what is deleted or created, for rename hints. */
  readonly identity: Readonly<Record<string, string>>
  /** A hash of the object's identity and location, for the fingerprint (fingerprint.ts objectDigest). */
  readonly object?: string
}

/** Counts over every change read, including those not kept. */
export interface Tally {
  readonly actions: Readonly<Record<Action, number>>
  readonly move: number
  readonly import: number
  /** Managed resource instances (deposed objects aside): the plan's size for share thresholds. */
  readonly managed: number
}

export type InputFormat = 'show-json' | 'jsonl' | 'json-array'

/** What produced the plan, as far as the input tells. */
export interface PlanSource {
  readonly format: InputFormat
  /** `format_version` for show-json, `ui` version for streams. */
  readonly formatVersion?: string
  readonly tool: 'terraform' | 'opentofu' | 'unknown'
  readonly toolVersion?: string
}

/**
 * A provider configuration block from `configuration.provider_config`: only literal
 * (`constant_value`) arguments are kept, e.g. `{ region: 'eu-west-1' }`.
 */
export interface ProviderConfig {
  /** The key in provider_config: `aws`, `aws.west`, `module.m:aws`. */
  readonly key: string
  /** Short provider name, e.g. `aws`. */
  readonly name: string
  readonly alias?: string
  readonly constants: Readonly<Record<string, unknown>>
}

/** A normalized plan. */
export interface Plan {
  readonly source: PlanSource
  /**
   * Planned changes (`resource_changes` / `planned_change`). A reader may leave out changes no
   * rule needs (no-op and read); `tally` counts them all.
   */
  readonly changes: readonly ResourceChange[]
  readonly tally: Tally
  /** Changes detected outside Terraform; never planned deletes. */
  readonly drift: readonly ResourceChange[]
  /** Changes deferred to a later run (Terraform 1.9+). */
  readonly deferred: readonly ResourceChange[]
  /** `errored: true`, or an error diagnostic in a stream. */
  readonly errored: boolean
  readonly applyable?: boolean
  /** `complete: false` when `-target` was used or something was deferred. */
  readonly complete?: boolean
  /** `plan -destroy` (stream `change_summary.operation`). */
  readonly operation?: 'plan' | 'apply' | 'destroy'
  /** Number of error diagnostics in a stream. */
  readonly errorDiagnostics: number
  /**
   * How many managed resource instances exist before the plan (deposed objects aside), and where
   * that was read: `prior_state` of show-json, or the objects a stream's refresh messages name
   * (left out of a targeted stream, whose refresh covers only the targets).
   */
  readonly inventory?: { readonly managed: number; readonly source: 'prior_state' | 'refresh' }
  /** Provider configurations (show-json only). */
  readonly providerConfigs?: readonly ProviderConfig[]
}

/** Where in the plan a change was found. */
export type ChangeSection = 'change' | 'drift' | 'deferred'

/**
 * Decides what to keep of each change as it is read: the change itself, a slimmer copy, or
 * nothing (undefined). Counts are taken before, so dropped changes still count.
 */
export type Retain = (change: ResourceChange, section: ChangeSection) => ResourceChange | undefined

/**
 * The change without its before/after values and their masks: a copy of its other fields, built
 * as one object literal (a rest copy costs a runtime call per change, and a large plan has many).
 */
export function withoutValues(change: ResourceChange): ResourceChange {
  // Every key of ResourceChange but the values, each required: a field added to the type and
  // not copied here fails to compile.
  const skeleton: {
    [
      K in Exclude<
        keyof ResourceChange,
        'before' | 'after' | 'afterUnknown' | 'beforeSensitive' | 'afterSensitive' | 'valueLeaves'
      >
    ]-?: ResourceChange[K]
  } = {
    address: change.address,
    previousAddress: change.previousAddress,
    moduleAddress: change.moduleAddress,
    mode: change.mode,
    type: change.type,
    name: change.name,
    index: change.index,
    provider: change.provider,
    deposed: change.deposed,
    actions: change.actions,
    action: change.action,
    order: change.order,
    moved: change.moved,
    importing: change.importing,
    reason: change.reason,
    replacePaths: change.replacePaths,
    hasValues: change.hasValues,
    facts: change.facts
  }
  return skeleton
}
