/**
 * What the rules read from a change: whether it destroys, its tags, its identity, why it is
 * replaced, whether it looks like state storage. Pure; shared by the rule modules.
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
import {
  CATEGORIES,
  type Condition,
  type GuardTest,
  type ResourceTypeEntry
} from '../catalog/types.js'
import { chartName } from '../catalog/workloads.js'
import { isRecord, own } from '../common/record.js'
import type { Plan, ResourceChange } from '../plan/model.js'
import type { FindingData } from './types.js'
import { expand, getAt, parsePath } from './values.js'

/** Actions that destroy the real object. */
export function isDestroy(change: ResourceChange): boolean {
  return change.action === 'delete' || change.action === 'replace'
}

/** Managed changes of real objects (deposed leftovers aside). */
export function managed(plan: Plan): ResourceChange[] {
  return plan.changes.filter(isManaged)
}

/** `reason` and, for replacements, the attribute names that forced them. */
export function reasonData(change: ResourceChange): Record<string, string> {
  const data: Record<string, string> = change.reason === undefined ? {} : { reason: change.reason }
  if (change.replacePaths !== undefined && change.replacePaths.length > 0) {
    // Attribute names only (map keys could be data, so a path stops at its first name).
    const names = [...new Set(change.replacePaths.map((p) => String(p[0])))]
    data['forcedBy'] = names.slice(0, 3).join(', ') + (names.length > 3 ? ', …' : '')
  }
  return data
}

/**
 * `{ ...data, ...reasonData(change) }`, or `data` itself when the change gives no reason: the
 * data of a type's findings is then one object for all of them (findings' data is never
 * changed, only copied). With a reason alone (no forcing attributes), one frozen object per
 * data record and reason: a destroy plan gives thousands of changes the same few reasons, and
 * their reasons (formatMessage) are then made once too.
 */
export function withReason(data: FindingData, change: ResourceChange): FindingData {
  const forced = change.replacePaths !== undefined && change.replacePaths.length > 0
  if (change.reason === undefined && !forced) return data
  if (forced || !Object.isFrozen(data)) return { ...data, ...reasonData(change) }
  let byReason = withReasons.get(data)
  if (byReason === undefined) withReasons.set(data, (byReason = new Map()))
  let made = byReason.get(change.reason)
  if (made === undefined) {
    made = { ...data, ...reasonData(change) }
    // Terraform has a dozen reasons; a plan that makes up more gets copies of its own.
    if (byReason.size >= REASONS_PER_RECORD) return made
    byReason.set(change.reason, (made = Object.freeze(made)))
  }
  return made
}

const withReasons = new WeakMap<FindingData, Map<string | undefined, FindingData>>()
const REASONS_PER_RECORD = 64

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
  const attributes = own(STATE_STORAGE_NAMES, change.type)
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
  extraKeys: readonly string[] = NO_KEYS
): { map: string; key: string } | undefined {
  if (!isRecord(values)) return undefined
  // The maps in tagMaps() order, read in place: this runs for every destroy of a plan.
  const keys = protectedKeys(extraKeys)
  for (const map of TAG_MAPS) {
    const key = protectedKey(values[map], keys)
    if (key !== undefined) return { map, key }
  }
  for (const block of TAG_BLOCKS) {
    const list = values[block]
    const first: unknown = Array.isArray(list) ? list[0] : undefined
    if (!isRecord(first)) continue
    for (const map of TAG_MAPS) {
      const key = protectedKey(first[map], keys)
      if (key !== undefined) return { map: `${block}[0].${map}`, key }
    }
  }
  return undefined
}

const NO_KEYS: readonly string[] = []
const keySets = new WeakMap<readonly string[], ReadonlySet<string>>()

/** The lower-case tag keys that mark a resource protected, worked out once per key list. */
function protectedKeys(extraKeys: readonly string[]): ReadonlySet<string> {
  let keys = keySets.get(extraKeys)
  if (keys === undefined) {
    keys = new Set([PROTECTED_TAG_KEY, ...extraKeys.map((k) => k.toLowerCase())])
    keySets.set(extraKeys, keys)
  }
  return keys
}

/** The first key of a tag map that marks it protected, or undefined. */
function protectedKey(tags: unknown, keys: ReadonlySet<string>): string | undefined {
  if (!isRecord(tags)) return undefined
  for (const key of Object.keys(tags)) {
    if (keys.has(lowerCase(key)) && isYes(tags[key])) return key
  }
  return undefined
}

// Tag keys repeat from resource to resource: each lowered once.
const lowered = new Map<string, string>()

function lowerCase(key: string): string {
  let lower = lowered.get(key)
  if (lower === undefined) {
    lower = key.toLowerCase()
    if (lowered.size < 4096) lowered.set(key, lower)
  }
  return lower
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

/**
 * A tag value as text. Tag values are strings; a map or list in their place is not converted
 * with String(), which would call the plan's own `toString` key (`{"toString":1}` throws).
 */
export function tagText(value: unknown): string {
  return typeof value === 'object' && value !== null
    ? Object.prototype.toString.call(value)
    : String(value)
}

function isYes(value: unknown): boolean {
  if (value === true || value === 1) return true
  return (
    typeof value === 'string' &&
    (PROTECTED_TAG_VALUES as readonly string[]).includes(value.trim().toLowerCase())
  )
}

export type Scalar = string | number | boolean

/** Whether a value passes a catalog test (absent values per `absent`). */
export function isSafe(
  test: GuardTest,
  absent: 'safe' | 'unsafe' | undefined,
  value: unknown
): boolean {
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

/**
 * Whether a catalog type holds data in this change: its category does, and the entry's own
 * conditions hold on `before` (always assumed without values, as in the stream).
 */
export function holdsData(entry: ResourceTypeEntry, change: ResourceChange): boolean {
  if (!CATEGORIES[entry.category].guarded) return false
  if (entry.holdsDataWhen === undefined || !change.hasValues) return true
  return entry.holdsDataWhen.every((c) => holds(c, change.before))
}

/** Which copy survives per the catalog (`copy` undefined: none), or undefined when unknown. */
export function survivingCopy(
  entry: ResourceTypeEntry,
  before: unknown
): { copy?: string; options: string } | undefined {
  if (entry.survives === undefined || entry.survives.length === 0) return undefined
  const options = copyOptions(entry.survives)
  const found = entry.survives.find((s) => s.when.every((c) => holds(c, before)))
  return { copy: found?.copy, options }
}

const optionTexts = new WeakMap<NonNullable<ResourceTypeEntry['survives']>, string>()

/** The copies a type's delete may leave, as one text: the same for every change of the type. */
function copyOptions(survives: NonNullable<ResourceTypeEntry['survives']>): string {
  let text = optionTexts.get(survives)
  if (text === undefined) {
    text = survives.map((s) => s.copy).join('; or ')
    optionTexts.set(survives, text)
  }
  return text
}

export function holds(condition: Condition, before: unknown): boolean {
  const steps = parsePath(condition.path)
  // Most catalog paths name one attribute or block, without `[*]`: nothing to expand.
  if (!steps.includes('*')) {
    return isSafe(
      condition.test,
      condition.absent,
      getAt(before, steps as readonly (string | number)[])
    )
  }
  return expand(steps, before).some((path) =>
    isSafe(condition.test, condition.absent, getAt(before, path))
  )
}

/** Attributes that usually carry a resource's real-world name. */
export const IDENTITY_ATTRIBUTES = [
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

/** Managed resources deleted or replaced by the plan. */
export function deletedCount(plan: Plan): number {
  return countManaged(plan.changes, 'replace')
}

/** What managed() keeps. */
function isManaged(change: ResourceChange): boolean {
  return change.mode === 'managed' && change.deposed === undefined
}

/**
 * Managed changes (as managed() keeps them) that delete, or also replace: counted in one
 * indexed loop, conditions written out. Plan-wide rules run once per plan, so this loop mostly
 * runs before V8 optimises it, where an iterator or a call per change costs several times more.
 */
function countManaged(changes: readonly ResourceChange[], also: 'replace' | undefined): number {
  let count = 0
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i] as ResourceChange
    if (c.mode !== 'managed' || c.deposed !== undefined) continue
    if (c.action === 'delete' || (also !== undefined && c.action === also)) count++
  }
  return count
}

/**
 * Whether the plan destroys everything that exists before it, and how that was counted: every
 * managed resource instance in the state is deleted (a replace keeps its resource, so it never
 * counts). The state is `prior_state` (show-json) or the objects the stream's refresh messages
 * name; without either, a complete show-json plan's `resource_changes` (which list unchanged
 * resources too), and for a stream without refresh messages (`-refresh=false`) only a
 * change_summary that says `destroy`. A targeted plan without `prior_state` cannot tell.
 */
export function fullDestroy(plan: Plan): { count: number; countedFrom: string } | undefined {
  const deleted = countManaged(plan.changes, undefined)
  if (deleted === 0) return undefined
  // More deletes than objects in state is no real state (a hand-made plan): count otherwise.
  const inventory =
    plan.inventory !== undefined && plan.inventory.managed >= deleted ? plan.inventory : undefined
  if (inventory !== undefined) {
    if (deleted < inventory.managed) return undefined
    return {
      count: inventory.managed,
      countedFrom:
        inventory.source === 'prior_state'
          ? `all ${inventory.managed} managed resource(s) in prior_state`
          : `all ${inventory.managed} managed object(s) the plan refreshed`
    }
  }
  if (plan.source.format === 'show-json') {
    const existing = plan.tally.managed - plan.tally.actions.create
    if (plan.complete === false || deleted < existing) return undefined
    return {
      count: existing,
      countedFrom: `all ${existing} existing resource(s) in resource_changes (no prior_state)`
    }
  }
  if (plan.operation === 'destroy') {
    return { count: deleted, countedFrom: 'the change_summary says destroy' }
  }
  return undefined
}

/** Whether the plan deletes everything that exists before it (see fullDestroy). */
export function destroysEverything(plan: Plan): boolean {
  return fullDestroy(plan) !== undefined
}
