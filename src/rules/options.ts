/**
 * What classification takes from the configuration, once and up front: the rules never read
 * the policy themselves, and the policy never calls back into the rules.
 */
import type { ResourceChange } from '../plan/model.js'

export interface ClassifyOptions {
  /** Resource type globs to protect like catalog data stores (PG-0015). */
  readonly protectTypes: readonly string[]
  /** Resource address globs to protect (PG-0015). */
  readonly protectAddresses: readonly string[]
  /** Extra tag/label keys that mark a resource protected, besides `protected` (PG-0004). */
  readonly tagKeys: readonly string[]
  /** Backup retention below this is a weakening (for retention guards with a minimum). */
  readonly backupRetentionFloor: number
  /** Evidence that a change touches the configured state backend, or undefined (PG-0012). */
  readonly backendEvidence?: (change: ResourceChange) => string | undefined
  /**
   * How many deletes are too many (PG-0008, PG-0009). Without it (classifying a plan with no
   * policy at all, as unit tests do) those two rules do not run; the gate always passes it.
   */
  readonly volume?: VolumeThresholds
}

export interface VolumeThresholds {
  /** More deletes than this need approval (PG-0008). */
  readonly massDeleteCount: number
  /** A larger share of the plan deleted needs approval (PG-0008, show-json only). */
  readonly massDeleteShare: number
  /** Whether this plan may delete everything it manages (PG-0009). */
  readonly allowFullDestroy: boolean
}

/** Classification with no configuration: the zero-config policy's values. */
export const DEFAULT_CLASSIFY: ClassifyOptions = {
  protectTypes: [],
  protectAddresses: [],
  tagKeys: [],
  backupRetentionFloor: 1
}
