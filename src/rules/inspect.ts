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
import type { Condition, GuardTest, ResourceTypeEntry } from '../catalog/types.js'
import { isRecord } from '../common/record.js'
import type { Plan, ResourceChange } from '../plan/model.js'
import { expand, getAt, parsePath } from './values.js'

/** Actions that destroy the real object. */
export function isDestroy(change: ResourceChange): boolean {
  return change.action === 'delete' || change.action === 'replace'
}

/** Managed changes of real objects (deposed leftovers aside). */
export function managed(plan: Plan): ResourceChange[] {
  return plan.changes.filter((c) => c.mode === 'managed' && c.deposed === undefined)
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
  return true
}

/** Which copy survives per the catalog (`copy` undefined: none), or undefined when unknown. */
export function survivingCopy(
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
  return managed(plan).filter(isDestroy).length
}

/**
 * Whether the plan deletes everything it manages. A stream lists only changes, so "everything"
 * is only knowable from a -destroy operation there.
 */
export function destroysEverything(plan: Plan, deleted: number): boolean {
  return (
    plan.operation === 'destroy' ||
    (plan.source.format === 'show-json' && deleted === plan.tally.managed)
  )
}
