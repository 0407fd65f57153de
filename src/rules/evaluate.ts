/**
 * Classification: normalized plan → findings with their default decisions. Pure: no I/O, no
 * clock. Policy-wide rules (thresholds, freezes, environments, overrides) live in policy/gate.
 */
import {
  LOCK_TABLE_HASH_KEY,
  PROTECTED_TAG_KEY,
  PROTECTED_TAG_VALUES,
  STATE_NAME_MARKERS,
  STATE_STORAGE_NAMES,
  TAG_BLOCKS,
  TAG_MAPS
} from '../catalog/generic.js'
import { lookupType } from '../catalog/index.js'
import { chartName } from '../catalog/workloads.js'
import {
  CATEGORIES,
  type Condition,
  type Guard,
  type GuardTest,
  type ResourceTypeEntry
} from '../catalog/types.js'
import type { Plan, ResourceChange } from '../plan/model.js'
import { matchGlob, NAME } from '../policy/glob.js'
import { DEFAULT_EXPIRY_FLOOR_DAYS, expiryCut } from './expiry.js'
import { GENERIC } from './generic.js'
import type { Finding, FindingData } from './types.js'
import {
  expand,
  formatPath,
  getAt,
  isRecord,
  marked,
  markedAnywhere,
  parsePath,
  quantity
} from './values.js'

/** What the policy adds to classification. */
export interface ClassifyOptions {
  /** Resource type globs to protect like catalog data stores. */
  readonly protectTypes: readonly string[]
  /** Resource address globs to protect. */
  readonly protectAddresses: readonly string[]
  /** Extra tag/label keys that mark a resource protected (besides `protected`). */
  readonly tagKeys: readonly string[]
  /** Backup retention below this is a weakening (for retention guards with a minimum). */
  readonly backupRetentionFloor: number
  /** Expiry and retention shorter than this many days is a weakening (unless a guard sets its own). */
  readonly expiryFloorDays?: number
  /** Evidence that a change touches the configured state backend, or undefined. */
  readonly backendEvidence?: (change: ResourceChange) => string | undefined
}

export const DEFAULT_CLASSIFY: ClassifyOptions = {
  protectTypes: [],
  protectAddresses: [],
  tagKeys: [],
  backupRetentionFloor: 1,
  expiryFloorDays: DEFAULT_EXPIRY_FLOOR_DAYS
}

/** Actions that destroy the real object. */
export function isDestroy(change: ResourceChange): boolean {
  return change.action === 'delete' || change.action === 'replace'
}

/** Evaluates a whole plan. */
export function evaluate(plan: Plan, options: ClassifyOptions = DEFAULT_CLASSIFY): Finding[] {
  const findings: Finding[] = [...planFindings(plan)]
  for (const change of plan.changes) {
    findings.push(...(change.facts?.findings ?? changeFindings(change, options)))
  }
  for (const change of plan.drift) findings.push(...driftFindings(change))
  for (const change of plan.deferred) findings.push(...unknownAction(change, 'deferred'))
  return addRenameHints(plan, findings)
}

function planFindings(plan: Plan): Finding[] {
  const base = { address: '(plan)', source: 'plan' as const }
  const findings: Finding[] = []
  if (plan.errorDiagnostics > 0 || plan.errored) {
    findings.push({
      ...base,
      ruleId: GENERIC.planErrored.id,
      severity: 'critical',
      decision: 'blocked',
      messageId: plan.errorDiagnostics > 0 ? 'stream-error-diagnostics' : 'plan-errored',
      data: plan.errorDiagnostics > 0 ? { count: plan.errorDiagnostics } : {}
    })
  }
  const destroys = plan.changes.filter((c) => c.mode === 'managed' && isDestroy(c)).length
  if (plan.source.format !== 'show-json' && destroys > 0) {
    findings.push({
      ...base,
      ruleId: GENERIC.streamNoValues.id,
      severity: 'low',
      decision: 'warn',
      messageId: 'stream-no-values',
      data: { count: destroys }
    })
  }
  return findings
}

/** An action plan-gate does not know fails closed wherever it appears. */
function unknownAction(change: ResourceChange, source: Finding['source']): Finding[] {
  if (change.action !== 'unknown') return []
  return [
    {
      ruleId: GENERIC.unknownAction.id,
      address: change.address,
      type: change.type,
      action: change.action,
      source,
      severity: 'critical',
      decision: 'blocked',
      messageId: 'unknown-action',
      data: { actions: safeActions(change.actions) }
    }
  ]
}

/** A delete found by refresh happened outside Terraform: worth seeing, never a planned delete. */
function driftFindings(change: ResourceChange): Finding[] {
  if (change.action === 'unknown') return unknownAction(change, 'drift')
  if (change.mode === 'data' || change.action !== 'delete') return []
  return [
    {
      ruleId: GENERIC.driftDelete.id,
      address: change.address,
      type: change.type,
      action: change.action,
      source: 'drift',
      severity: 'low',
      decision: 'warn',
      messageId: 'drift-delete',
      data: {}
    }
  ]
}

type Base = Pick<Finding, 'address' | 'type' | 'action' | 'order' | 'deposed' | 'source'>

/** Findings for one planned change. */
export function changeFindings(
  change: ResourceChange,
  options: ClassifyOptions = DEFAULT_CLASSIFY
): Finding[] {
  if (change.action === 'unknown') return unknownAction(change, 'change')
  // Data sources never destroy anything; Terraform filters their deletes out of plans anyway.
  if (change.mode === 'data') return []
  const base: Base = {
    address: change.address,
    type: change.type,
    action: change.action,
    order: change.order,
    deposed: change.deposed,
    source: 'change'
  }
  const backend = options.backendEvidence?.(change)
  if (backend !== undefined && change.action !== 'no-op' && change.action !== 'create') {
    return [
      {
        ...base,
        ruleId: GENERIC.stateBackend.id,
        category: 'state-storage',
        severity: 'critical',
        decision: 'blocked',
        messageId: isDestroy(change) ? 'destroy-state-backend' : 'change-state-backend',
        data: { evidence: backend, ...reasonData(change) }
      }
    ]
  }
  const entry = lookupType(change.type)?.entry
  if (isDestroy(change)) return [destroyFinding(change, entry, base, options)]
  if (change.action === 'forget' || change.action === 'forget-replace') {
    return forgetFindings(change, entry, base, options)
  }
  if (change.action === 'update' && entry?.guards !== undefined) {
    return entry.guards.flatMap((guard) => weakenings(change, entry, guard, base, options))
  }
  // Creating some resources changes data that already exists (a lifecycle rule on a bucket).
  if (change.action === 'create' && entry?.guards !== undefined) {
    return entry.guards
      .filter((guard) => guard.onCreate === true)
      .flatMap((guard) => weakenings(change, entry, guard, base, options))
  }
  return []
}

/** `reason` and, for replacements, the attribute names that forced them. */
function reasonData(change: ResourceChange): Record<string, string> {
  const data: Record<string, string> = change.reason === undefined ? {} : { reason: change.reason }
  if (change.replacePaths !== undefined && change.replacePaths.length > 0) {
    // Attribute names only (map keys could be data, so a path stops at its first name).
    const names = [...new Set(change.replacePaths.map((p) => String(p[0])))]
    data['forcedBy'] = names.slice(0, 3).join(', ') + (names.length > 3 ? ', …' : '')
  }
  return data
}

function forgetFindings(
  change: ResourceChange,
  entry: ResourceTypeEntry | undefined,
  base: Base,
  options: ClassifyOptions
): Finding[] {
  const guarded = entry !== undefined && holdsData(entry, change)
  if (!guarded && protectedTag(change.before, options.tagKeys) === undefined) return []
  const label = entry === undefined ? 'protected resource' : CATEGORIES[entry.category].label
  return [
    {
      ...base,
      ruleId: GENERIC.dataStoreForget.id,
      category: entry?.category,
      severity: 'medium',
      decision: 'warn',
      messageId: 'forget-data-store',
      data: { categoryLabel: label, ...reasonData(change) }
    }
  ]
}

function destroyFinding(
  change: ResourceChange,
  entry: ResourceTypeEntry | undefined,
  base: Base,
  options: ClassifyOptions
): Finding {
  const reason = reasonData(change)
  const evidence = stateStorageEvidence(change)
  if (evidence !== undefined) {
    return {
      ...base,
      ruleId: GENERIC.stateStorage.id,
      category: 'state-storage',
      severity: 'critical',
      decision: 'blocked',
      messageId: 'destroy-state-storage',
      data: { evidence, ...reason }
    }
  }
  if (entry !== undefined && holdsData(entry, change)) {
    return dataStoreFinding(change, entry, base, reason)
  }
  const tag = protectedTag(change.before, options.tagKeys)
  if (tag !== undefined) {
    return {
      ...base,
      ruleId: GENERIC.taggedDestroy.id,
      category: entry?.category,
      severity: 'high',
      decision: 'approval-required',
      messageId: 'destroy-tagged',
      data: { tagMap: tag.map, tagKey: tag.key, ...reason }
    }
  }
  const byPolicy = options.protectTypes.find((g) => matchGlob(g, change.type, NAME))
  const byAddress = options.protectAddresses.find((g) => matchGlob(g, change.address, NAME))
  if (byPolicy !== undefined || byAddress !== undefined) {
    return {
      ...base,
      ruleId: GENERIC.policyProtected.id,
      category: entry?.category,
      severity: 'high',
      decision: 'approval-required',
      messageId: 'destroy-policy-protected',
      data: { pattern: (byPolicy ?? byAddress) as string, ...reason }
    }
  }
  // Catalog types that hold no data of their own (cluster members, protected compute) keep
  // their own rule id, so a policy can raise them, but only warn by default.
  return {
    ...base,
    ruleId: entry?.id ?? GENERIC.resourceDestroy.id,
    category: entry?.category,
    severity: 'low',
    decision: 'warn',
    messageId: 'destroy-resource',
    data: { type: change.type, ...reason }
  }
}

/**
 * A data store's delete: approval by default, blocked when the catalog knows how a copy could
 * survive and none does. Deposed objects are leftovers of a replacement whose new object
 * exists, so they never block on survival.
 */
function dataStoreFinding(
  change: ResourceChange,
  entry: ResourceTypeEntry,
  base: Base,
  reason: Record<string, string>
): Finding {
  const categoryLabel = CATEGORIES[entry.category].label
  const survival =
    change.hasValues && change.deposed === undefined
      ? survivingCopy(entry, change.before)
      : undefined
  if (survival !== undefined && survival.copy === undefined) {
    return {
      ...base,
      ruleId: GENERIC.noCopySurvives.id,
      category: entry.category,
      severity: 'critical',
      decision: 'blocked',
      messageId: 'destroy-no-copy',
      data: { categoryLabel, missing: survival.options, catalogRule: entry.id, ...reason }
    }
  }
  const copy: FindingData = survival?.copy === undefined ? {} : { copy: survival.copy }
  return {
    ...base,
    ruleId: entry.id,
    category: entry.category,
    severity: 'high',
    decision: 'approval-required',
    messageId: 'destroy-data-store',
    data: { categoryLabel, ...copy, ...reason }
  }
}

/**
 * Whether a catalog type holds data in this change: its category does, and the entry's own
 * conditions hold on `before` (always assumed without values, as in the stream).
 */
function holdsData(entry: ResourceTypeEntry, change: ResourceChange): boolean {
  if (!CATEGORIES[entry.category].guarded) return false
  if (entry.holdsDataWhen === undefined || !change.hasValues) return true
  return entry.holdsDataWhen.every((c) => holds(c, change.before))
}

/** Which copy survives per the catalog (`copy` undefined: none), or undefined when unknown. */
function survivingCopy(
  entry: ResourceTypeEntry,
  before: unknown
): { copy?: string; options: string } | undefined {
  if (entry.survives === undefined || entry.survives.length === 0) return undefined
  const options = entry.survives.map((s) => s.copy).join('; or ')
  const found = entry.survives.find((s) => s.when.every((c) => holds(c, before)))
  return { copy: found?.copy, options }
}

function holds(condition: Condition, before: unknown): boolean {
  return expand(parsePath(condition.path), before).some((path) =>
    isSafe(condition.test, condition.absent, getAt(before, path))
  )
}

/** Why this resource looks like Terraform state storage, or undefined. Names no value. */
export function stateStorageEvidence(change: ResourceChange): string | undefined {
  const before = change.before
  if (
    change.type === 'aws_dynamodb_table' &&
    isRecord(before) &&
    before['hash_key'] === LOCK_TABLE_HASH_KEY
  ) {
    return `DynamoDB table with hash_key "${LOCK_TABLE_HASH_KEY}", the S3 backend's lock table`
  }
  const attributes = STATE_STORAGE_NAMES[change.type]
  if (attributes === undefined) return undefined
  for (const attribute of attributes) {
    const value = isRecord(before) ? before[attribute] : undefined
    const marker = typeof value === 'string' ? stateMarker(value) : undefined
    if (marker !== undefined) return `its ${attribute} contains "${marker}"`
  }
  const marker = stateMarker(change.name)
  return marker === undefined ? undefined : `its resource name contains "${marker}"`
}

function stateMarker(text: string): string | undefined {
  const lower = text.toLowerCase()
  return STATE_NAME_MARKERS.find((marker) => lower.includes(marker))
}

/** The tag map and key that mark a value protected, or undefined. */
export function protectedTag(
  values: unknown,
  extraKeys: readonly string[] = []
): { map: string; key: string } | undefined {
  if (!isRecord(values)) return undefined
  const keys = new Set([PROTECTED_TAG_KEY, ...extraKeys.map((k) => k.toLowerCase())])
  for (const { map, tags } of tagMaps(values)) {
    for (const [key, value] of Object.entries(tags)) {
      if (keys.has(key.toLowerCase()) && isYes(value)) return { map, key }
    }
  }
  return undefined
}

/** Every tag/label map of a value, with where it was found. */
export function tagMaps(values: unknown): { map: string; tags: Record<string, unknown> }[] {
  if (!isRecord(values)) return []
  const found: { map: string; tags: Record<string, unknown> }[] = []
  for (const map of TAG_MAPS) {
    const tags = values[map]
    if (isRecord(tags)) found.push({ map, tags })
  }
  for (const block of TAG_BLOCKS) {
    const first = getAt(values, [block, 0])
    if (!isRecord(first)) continue
    for (const map of TAG_MAPS) {
      const tags = first[map]
      if (isRecord(tags)) found.push({ map: `${block}[0].${map}`, tags })
    }
  }
  return found
}

function isYes(value: unknown): boolean {
  if (value === true || value === 1) return true
  return (
    typeof value === 'string' &&
    (PROTECTED_TAG_VALUES as readonly string[]).includes(value.trim().toLowerCase())
  )
}

/** Unknown action arrays are echoed, but only as short identifier-like words. */
function safeActions(actions: readonly string[]): string {
  const words = actions.map((a) => (/^[a-z][a-z_-]{0,23}$/.test(a) ? a : '?'))
  return `[${words.join(', ')}]`
}

type Scalar = string | number | boolean

function isSafe(test: GuardTest, absent: 'safe' | 'unsafe' | undefined, value: unknown): boolean {
  if (value === undefined || value === null) return absent === 'safe'
  if (test.kind === 'equals') return test.safe.includes(value as Scalar)
  if (test.kind === 'min') return typeof value === 'number' && value >= test.min
  if (test.kind === 'non-empty') {
    return (typeof value === 'string' || Array.isArray(value)) && value.length > 0
  }
  if (test.kind === 'chart')
    return typeof value === 'string' && test.names.includes(chartName(value))
  return true
}

/** The guard as the policy sees it: retention minimums rise to the configured floor. */
function effectiveGuard(guard: Guard, options: ClassifyOptions): Guard {
  if (guard.family !== 'backup-retention' || guard.test.kind !== 'min') return guard
  if (options.backupRetentionFloor <= guard.test.min) return guard
  return { ...guard, test: { kind: 'min', min: options.backupRetentionFloor } }
}

/** Weakening findings for one guard on an in-place update. */
function weakenings(
  change: ResourceChange,
  entry: ResourceTypeEntry,
  catalogGuard: Guard,
  base: Base,
  options: ClassifyOptions
): Finding[] {
  const guard = effectiveGuard(catalogGuard, options)
  const steps = parsePath(guard.path)
  return expand(steps, change.before, change.after).flatMap((path) => {
    if (guard.where !== undefined && !whereHolds(guard.where, path, change.after)) return []
    const data = weakening(change, guard, path, options)
    if (data === undefined) return []
    const floor: FindingData =
      guard.test.kind === 'min' && guard !== catalogGuard ? { floor: guard.test.min } : {}
    return [
      {
        ...base,
        ruleId: guard.id,
        category: entry.category,
        severity: 'high' as const,
        decision: 'approval-required' as const,
        messageId: 'protection-weakened' as const,
        data: { attribute: formatPath(path), family: guard.family, ...floor, ...data }
      }
    ]
  })
}

/**
 * Whether a guard's `where` holds for the element its concrete path is in: each `[*]` of the
 * condition takes the index at the same place in the guard's path. A value not known yet holds
 * (fail closed).
 */
function whereHolds(where: Condition, path: readonly (string | number)[], after: unknown): boolean {
  const steps = parsePath(where.path).map((step, i) =>
    step === '*' && typeof path[i] === 'number' ? (path[i] as number) : step
  )
  return expand(steps, after).some((concrete) => {
    const value = getAt(after, concrete)
    return value === undefined || isSafe(where.test, where.absent, value)
  })
}

function weakening(
  change: ResourceChange,
  guard: Guard,
  path: (string | number)[],
  options: ClassifyOptions
): Record<string, Scalar> | undefined {
  const before = getAt(change.before, path)
  const after = getAt(change.after, path)
  const unknown = marked(change.afterUnknown, path)
  if (guard.test.kind === 'expiry') {
    if (unknown) return { unknown: true }
    const floor = options.expiryFloorDays ?? DEFAULT_EXPIRY_FLOOR_DAYS
    const cut = expiryCut(guard.test, guard.absent, before, after, floor)
    if (cut === undefined) return undefined
    const data = shown(change, guard, path, before, after)
    if (data['sensitive'] === true) return data
    const timed = guard.test.unit === 'date' || guard.test.unit === 'epoch-ms'
    return {
      ...data,
      ...(before === undefined || before === null ? { fromText: 'unset' } : {}),
      ...(timed && data['to'] === undefined ? { toText: 'an earlier date' } : {}),
      ...(cut.floorDays === undefined ? {} : { floorDays: cut.floorDays })
    }
  }
  if (guard.test.kind === 'no-decrease') {
    const from = quantity(before)
    if (from === undefined) return undefined
    if (unknown) return { unknown: true }
    const to = quantity(after)
    if (to === undefined || to >= from) return undefined
    return shown(change, guard, path, before, after)
  }
  if (!isSafe(guard.test, guard.absent, before)) return undefined
  if (unknown) return { unknown: true }
  if (isSafe(guard.test, guard.absent, after)) return undefined
  return shown(change, guard, path, before, after)
}

/**
 * The before/after values a finding may print: booleans, numbers, and strings that are one of
 * the catalog's own safe values or a duration (anything else could be a secret). Nothing at all
 * when either side is marked sensitive.
 */
function shown(
  change: ResourceChange,
  guard: Guard,
  path: (string | number)[],
  before: unknown,
  after: unknown
): Record<string, Scalar> {
  if (markedAnywhere(change.beforeSensitive, path) || markedAnywhere(change.afterSensitive, path)) {
    return { sensitive: true }
  }
  const safeList: readonly Scalar[] = guard.test.kind === 'equals' ? guard.test.safe : []
  const printable = (v: unknown): v is Scalar =>
    typeof v === 'boolean' ||
    typeof v === 'number' ||
    (typeof v === 'string' && (safeList.includes(v) || quantity(v) !== undefined))
  const data: Record<string, Scalar> = {}
  if (printable(before)) data['from'] = before
  if (printable(after)) data['to'] = after
  else if (after === null || after === undefined) data['toText'] = 'unset'
  else if (safeList.length > 0) data['toText'] = `a value other than ${safeList.join(' or ')}`
  else data['toText'] = 'a lower value'
  return data
}

/** Attributes that usually carry a resource's real-world name. */
const IDENTITY_ATTRIBUTES = [
  'name',
  'bucket',
  'identifier',
  'cluster_identifier',
  'function_name',
  'table_name',
  'domain_name',
  'repository_name',
  'topic_name',
  'queue_name'
]

/**
 * A delete and a create of the same type with the same identity (same name attribute, or the
 * same resource name under another module) look like a rename that lacks a `moved` block. The
 * finding keeps its decision and gains a hint.
 */
function addRenameHints(plan: Plan, findings: Finding[]): Finding[] {
  // Creates by type, each with its identity worked out once: every delete is checked against
  // every create of its type, which on a large plan is millions of pairs.
  const creates = new Map<string, { change: ResourceChange; identity: Record<string, string> }[]>()
  for (const change of plan.changes) {
    if (change.action !== 'create' || change.mode !== 'managed') continue
    let list = creates.get(change.type)
    if (list === undefined) creates.set(change.type, (list = []))
    list.push({ change, identity: identityOf(change) })
  }
  if (creates.size === 0) return findings
  const deletes = new Map(
    plan.changes
      .filter((c) => c.action === 'delete' && c.deposed === undefined)
      .map((c) => [c.address, c])
  )
  return findings.map((finding) => {
    const deleted = finding.source === 'change' ? deletes.get(finding.address) : undefined
    if (deleted === undefined) return finding
    const before = identityOf(deleted)
    const target = creates
      .get(deleted.type)
      ?.find((c) => sameIdentity(deleted, before, c.change, c.identity))?.change
    return target === undefined
      ? finding
      : { ...finding, data: { ...finding.data, renameTo: target.address } }
  })
}

/** Identifying attributes of what a delete removes or a create makes (strings only). */
export function identityOf(change: ResourceChange): Record<string, string> {
  if (change.facts !== undefined) return { ...change.facts.identity }
  const values = change.action === 'create' ? change.after : change.before
  const identity: Record<string, string> = {}
  if (!change.hasValues || !isRecord(values)) return identity
  for (const key of IDENTITY_ATTRIBUTES) {
    const value = values[key]
    if (typeof value === 'string' && value !== '') identity[key] = value
  }
  return identity
}

function sameIdentity(
  deleted: ResourceChange,
  before: Readonly<Record<string, string>>,
  created: ResourceChange,
  after: Readonly<Record<string, string>>
): boolean {
  if (IDENTITY_ATTRIBUTES.some((key) => before[key] !== undefined && before[key] === after[key])) {
    return true
  }
  return (
    deleted.name === created.name &&
    deleted.index === created.index &&
    deleted.moduleAddress !== created.moduleAddress
  )
}
