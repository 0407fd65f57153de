/**
 * Classification: normalized plan → findings, with the zero-config default decisions.
 * Pure: no I/O, no clock.
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
import { CATEGORIES, type Guard, type ResourceTypeEntry } from '../catalog/types.js'
import type { Plan, ResourceChange } from '../plan/model.js'
import { GENERIC } from './generic.js'
import type { Finding } from './types.js'
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

/** Actions that destroy the real object. */
export function isDestroy(change: ResourceChange): boolean {
  return change.action === 'delete' || change.action === 'replace'
}

/** Evaluates a whole plan. */
export function evaluate(plan: Plan): Finding[] {
  const findings: Finding[] = [...planFindings(plan)]
  for (const change of plan.changes) findings.push(...changeFindings(change))
  for (const change of plan.drift) findings.push(...driftFindings(change))
  for (const change of plan.deferred) findings.push(...unknownAction(change, 'deferred'))
  return findings
}

function planFindings(plan: Plan): Finding[] {
  const base = { address: '(plan)', source: 'plan' as const, severity: 'critical' as const }
  if (plan.errorDiagnostics > 0) {
    return [
      {
        ...base,
        ruleId: GENERIC.planErrored.id,
        decision: 'blocked',
        messageId: 'stream-error-diagnostics',
        data: { count: plan.errorDiagnostics }
      }
    ]
  }
  if (plan.errored) {
    return [
      {
        ...base,
        ruleId: GENERIC.planErrored.id,
        decision: 'blocked',
        messageId: 'plan-errored',
        data: {}
      }
    ]
  }
  return []
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

/** Findings for one planned change. */
export function changeFindings(change: ResourceChange): Finding[] {
  const base = {
    address: change.address,
    type: change.type,
    action: change.action,
    order: change.order,
    deposed: change.deposed,
    source: 'change' as const
  }
  if (change.action === 'unknown') return unknownAction(change, 'change')
  // Data sources never destroy anything; Terraform filters their deletes out of plans anyway.
  if (change.mode === 'data') return []
  const reason: Record<string, string> =
    change.reason === undefined ? {} : { reason: change.reason }
  if (change.replacePaths !== undefined && change.replacePaths.length > 0) {
    // Attribute names only (map keys could be data, so a path stops at its first name).
    const names = [...new Set(change.replacePaths.map((p) => String(p[0])))]
    reason['forcedBy'] = names.slice(0, 3).join(', ') + (names.length > 3 ? ', …' : '')
  }
  const hit = lookupType(change.type)
  if (isDestroy(change)) return [destroyFinding(change, hit?.entry, base, reason)]
  if (change.action === 'forget' || change.action === 'forget-replace') {
    const category = hit?.entry.category
    const guarded = category !== undefined && CATEGORIES[category].guarded
    if (!guarded && protectedTag(change.before) === undefined) return []
    const label = category === undefined ? 'protected resource' : CATEGORIES[category].label
    return [
      {
        ...base,
        ruleId: GENERIC.dataStoreForget.id,
        category,
        severity: 'medium',
        decision: 'warn',
        messageId: 'forget-data-store',
        data: { categoryLabel: label, ...reason }
      }
    ]
  }
  if (change.action === 'update' && hit?.entry.guards !== undefined) {
    return hit.entry.guards.flatMap((guard) => weakenings(change, hit.entry, guard, base))
  }
  return []
}

type Base = Pick<Finding, 'address' | 'type' | 'action' | 'order' | 'deposed' | 'source'>

function destroyFinding(
  change: ResourceChange,
  entry: ResourceTypeEntry | undefined,
  base: Base,
  reason: Record<string, string>
): Finding {
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
  if (entry !== undefined && CATEGORIES[entry.category].guarded) {
    return {
      ...base,
      ruleId: entry.id,
      category: entry.category,
      severity: 'high',
      decision: 'approval-required',
      messageId: 'destroy-data-store',
      data: { categoryLabel: CATEGORIES[entry.category].label, ...reason }
    }
  }
  const tag = protectedTag(change.before)
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
  return {
    ...base,
    ruleId: GENERIC.resourceDestroy.id,
    category: entry?.category,
    severity: 'low',
    decision: 'warn',
    messageId: 'destroy-resource',
    data: { type: change.type, ...reason }
  }
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
    if (typeof value === 'string' && hasStateMarker(value)) {
      return `its ${attribute} contains "${stateMarker(value)}"`
    }
  }
  if (hasStateMarker(change.name)) return `its resource name contains "${stateMarker(change.name)}"`
  return undefined
}

function hasStateMarker(text: string): boolean {
  return stateMarker(text) !== undefined
}

function stateMarker(text: string): string | undefined {
  const lower = text.toLowerCase()
  return STATE_NAME_MARKERS.find((marker) => lower.includes(marker))
}

/** The tag map and key that mark a value protected, or undefined. */
export function protectedTag(values: unknown): { map: string; key: string } | undefined {
  if (!isRecord(values)) return undefined
  const candidates: { map: string; tags: unknown }[] = TAG_MAPS.map((map) => ({
    map,
    tags: values[map]
  }))
  for (const block of TAG_BLOCKS) {
    const first = getAt(values, [block, 0])
    if (isRecord(first)) {
      for (const map of TAG_MAPS) candidates.push({ map: `${block}[0].${map}`, tags: first[map] })
    }
  }
  for (const { map, tags } of candidates) {
    if (!isRecord(tags)) continue
    for (const [key, value] of Object.entries(tags)) {
      if (key.toLowerCase() === PROTECTED_TAG_KEY && isYes(value)) return { map, key }
    }
  }
  return undefined
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

function isSafe(guard: Guard, value: unknown): boolean {
  if (value === undefined || value === null) return guard.absent === 'safe'
  const test = guard.test
  if (test.kind === 'equals') return test.safe.includes(value as Scalar)
  if (test.kind === 'min') return typeof value === 'number' && value >= test.min
  if (test.kind === 'non-empty') return (typeof value === 'string' || Array.isArray(value)) && value.length > 0
  return true
}

/** Weakening findings for one guard on an in-place update. */
function weakenings(
  change: ResourceChange,
  entry: ResourceTypeEntry,
  guard: Guard,
  base: Base
): Finding[] {
  const steps = parsePath(guard.path)
  return expand(steps, change.before, change.after).flatMap((path) => {
    const data = weakening(change, guard, path)
    if (data === undefined) return []
    return [
      {
        ...base,
        ruleId: guard.id,
        category: entry.category,
        severity: 'high' as const,
        decision: 'approval-required' as const,
        messageId: 'protection-weakened' as const,
        data: { attribute: formatPath(path), family: guard.family, ...data }
      }
    ]
  })
}

function weakening(
  change: ResourceChange,
  guard: Guard,
  path: (string | number)[]
): Record<string, Scalar> | undefined {
  const before = getAt(change.before, path)
  const after = getAt(change.after, path)
  const unknown = marked(change.afterUnknown, path)
  if (guard.test.kind === 'no-decrease') {
    const from = quantity(before)
    if (from === undefined) return undefined
    if (unknown) return { unknown: true }
    const to = quantity(after)
    if (to === undefined || to >= from) return undefined
    return shown(change, guard, path, before, after)
  }
  if (!isSafe(guard, before)) return undefined
  if (unknown) return { unknown: true }
  if (isSafe(guard, after)) return undefined
  return shown(change, guard, path, before, after)
}

/**
 * The before/after values a finding may print: booleans, numbers, and strings that are one of
 * the catalog's own safe values (anything else could be a secret). Nothing at all when either
 * side is marked sensitive.
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
  // Strings print only when they are the catalog's own values or a duration like "7d"/"P30D".
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
