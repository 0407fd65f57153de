/**
 * The shape of the catalog: resource types that hold data, and the attributes that protect
 * them. The catalog is data; `src/rules/` turns it into findings.
 */

/** What kind of thing a resource type is. The table below says which categories hold data. */
export type Category =
  | 'database'
  | 'database-cluster'
  | 'db-member'
  | 'snapshot-backup'
  | 'backup-vault'
  | 'state-storage'
  | 'object-storage'
  | 'block-volume'
  | 'file-system'
  | 'encryption-key'
  | 'secret'
  | 'dns-zone'
  | 'identity-store'
  | 'search'
  | 'cache'
  | 'stream-queue'
  | 'log-storage'
  | 'container-registry'
  | 'code-repository'
  | 'data-warehouse'
  | 'compute-protect'
  | 'k8s-cluster'
  | 'account-org'
  | 'protection-control'
  | 'stateful-workload'

export interface CategoryInfo {
  /** Human label, e.g. "database". */
  readonly label: string
  /**
   * True when deleting an object of this category loses data or protection, so a delete or
   * replace needs approval by default. False for members whose data lives elsewhere
   * (`db-member`) and for compute that merely has a deletion guard (`compute-protect`).
   */
  readonly guarded: boolean
}

export const CATEGORIES: Readonly<Record<Category, CategoryInfo>> = {
  database: { label: 'database', guarded: true },
  'database-cluster': { label: 'database cluster', guarded: true },
  'db-member': { label: 'database cluster member', guarded: false },
  'snapshot-backup': { label: 'snapshot or backup', guarded: true },
  'backup-vault': { label: 'backup vault or policy', guarded: true },
  'state-storage': { label: 'Terraform state storage', guarded: true },
  'object-storage': { label: 'object storage', guarded: true },
  'block-volume': { label: 'block volume', guarded: true },
  'file-system': { label: 'file system', guarded: true },
  'encryption-key': { label: 'encryption key', guarded: true },
  secret: { label: 'secret', guarded: true },
  'dns-zone': { label: 'DNS zone', guarded: true },
  'identity-store': { label: 'identity store', guarded: true },
  search: { label: 'search index', guarded: true },
  cache: { label: 'cache', guarded: true },
  'stream-queue': { label: 'stream or queue', guarded: true },
  'log-storage': { label: 'log storage', guarded: true },
  'container-registry': { label: 'container registry', guarded: true },
  'code-repository': { label: 'code repository', guarded: true },
  'data-warehouse': { label: 'data warehouse', guarded: true },
  'compute-protect': { label: 'protected compute', guarded: false },
  'k8s-cluster': { label: 'Kubernetes cluster or namespace', guarded: true },
  'account-org': { label: 'account, project or subscription', guarded: true },
  'protection-control': { label: 'protection control', guarded: true },
  'stateful-workload': { label: 'stateful workload', guarded: true }
}

/** Families of protection attributes; used in messages, docs and (later) config overrides. */
export type GuardFamily =
  | 'deletion-protection'
  | 'final-snapshot'
  | 'backup-retention'
  | 'point-in-time-recovery'
  | 'force-destroy'
  | 'versioning'
  | 'object-lock'
  | 'soft-delete'
  | 'key-deletion-window'
  | 'secret-recovery-window'
  | 'retain-backups'
  | 'termination-protection'
  | 'key-disabled'
  | 'data-expiry'
  | 'ttl'
  | 'retention'
  | 'lock-retention'

export type Scalar = boolean | string | number

/**
 * How to tell whether a protection attribute's value is safe.
 * - `equals`: safe when the value is one of `safe`.
 * - `min`: safe when the value is a number ≥ `min`.
 * - `no-decrease`: any decrease is a weakening (e.g. a KMS deletion window shortened).
 * - `non-empty`: safe when the value is a non-empty string or list (e.g. a snapshot name).
 * - `expiry`: a duration after which data is deleted (lifecycle expiry, retention, TTL).
 *   Unsafe when the new value is shorter than before (set where there was none counts as
 *   shorter when `absent` is `safe`, i.e. unset means kept for ever) and below the floor:
 *   `floorDays`, else the policy's `thresholds.expiry_floor_days`. `unit` says how numbers are
 *   read (`duration`: provider strings such as `"86400s"` or `"P7D"`); `date`/`epoch-ms` are
 *   points in time, unsafe when set or moved earlier, whatever the floor. `unlimited` lists
 *   values that mean "never" (CloudWatch's 0).
 * - `chart`: holds when the value names a Helm chart in `names`, whatever the repository, OCI
 *   registry, URL or version around it (`bitnami/postgresql`, `oci://…/postgresql`,
 *   `https://…/postgresql-15.5.0.tgz`).
 */
export type GuardTest =
  | { readonly kind: 'equals'; readonly safe: readonly Scalar[] }
  | { readonly kind: 'min'; readonly min: number }
  | { readonly kind: 'no-decrease' }
  | { readonly kind: 'non-empty' }
  | { readonly kind: 'chart'; readonly names: readonly string[] }
  | {
      readonly kind: 'expiry'
      readonly unit: 'days' | 'hours' | 'seconds' | 'ms' | 'duration' | 'date' | 'epoch-ms'
      readonly floorDays?: number
      readonly unlimited?: readonly number[]
    }

/** A protection attribute of a resource type. */
export interface Guard {
  /** Stable rule id, e.g. `PG-AWS-W001`. Never reused, never renumbered. */
  readonly id: string
  /**
   * Path inside `change.before` / `change.after`: dot-separated names, `[0]` for a list
   * element, `[*]` for every element, e.g. `point_in_time_recovery[0].enabled`.
   */
  readonly path: string
  readonly family: GuardFamily
  readonly test: GuardTest
  /**
   * What an absent or null value means. Default `unsafe` (e.g. `deletion_protection` unset is
   * off). Use `safe` where the provider default is protective.
   */
  readonly absent?: 'safe' | 'unsafe'
  /**
   * Also checked when the resource is created: creating it changes data that already exists
   * (a lifecycle configuration expiring a bucket's objects, a management policy).
   */
  readonly onCreate?: boolean
  /**
   * The guard applies only where this holds on the new value, e.g. only to enabled lifecycle
   * rules. A `[*]` in both paths means the same element.
   */
  readonly where?: Condition
}

/** One condition on a resource's `before` value. */
export interface Condition {
  readonly path: string
  readonly test: GuardTest
  /** What an absent or null value means; default `unsafe`. */
  readonly absent?: 'safe' | 'unsafe'
}

/**
 * One way a copy of the data survives deleting the resource, read from its `before`. Every
 * condition must hold, e.g. a final snapshot needs `skip_final_snapshot = false` and a
 * `final_snapshot_identifier`.
 */
export interface Survival {
  /** What survives, for people: "a final snapshot", "retained automated backups". */
  readonly copy: string
  readonly when: readonly Condition[]
}

/** One resource type in the catalog. */
export interface ResourceTypeEntry {
  /** Stable rule id for deleting or replacing this type, e.g. `PG-AWS-001`. Never reused. */
  readonly id: string
  /** Terraform resource type, e.g. `aws_db_instance`. */
  readonly type: string
  /** Older or alternative type names that mean the same thing (`aws_alb` for `aws_lb`). */
  readonly aliases?: readonly string[]
  readonly category: Category
  readonly guards?: readonly Guard[]
  /**
   * Ways a copy survives a delete. When the list is given and none holds, deleting or replacing
   * the resource loses the data for good, and the default decision is `blocked`. Absent: unknown.
   */
  readonly survives?: readonly Survival[]
  /**
   * When given, the type holds data only when every condition holds on `before` (a
   * `helm_release` of a known stateful chart, a stateful set with volume claim templates).
   * Otherwise its delete is a warning under the entry's id. Without values (a plan read from
   * the stream) the conditions cannot be read, and the type counts as holding data.
   */
  readonly holdsDataWhen?: readonly Condition[]
}

export interface ProviderCatalog {
  /** Short provider name as in `provider_name`, e.g. `aws`, `google`, `azurerm`. */
  readonly provider: string
  /** Id prefix used by every entry, e.g. `PG-AWS`. */
  readonly prefix: string
  readonly types: readonly ResourceTypeEntry[]
}
