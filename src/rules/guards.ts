/**
 * The catalog's guards: an in-place update that weakens a protection (deletion protection off,
 * retention cut, versioning suspended …) is a finding of that guard's rule.
 */
import type { Guard, ResourceTypeEntry } from '../catalog/types.js'
import type { ResourceChange } from '../plan/model.js'
import { GUARD_RULE_DEFAULTS } from './catalog-rules.js'
import { isSafe, type Scalar } from './inspect.js'
import type { ClassifyOptions } from './options.js'
import { changeBase } from './rule.js'
import type { Finding, FindingData } from './types.js'
import { expand, formatPath, getAt, marked, markedAnywhere, parsePath, quantity } from './values.js'

/** Weakening findings of an update, over every guard of its type. */
export function guardFindings(
  change: ResourceChange,
  entry: ResourceTypeEntry,
  options: ClassifyOptions
): Finding[] {
  return (entry.guards ?? []).flatMap((guard) => weakenings(change, entry, guard, options))
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
  options: ClassifyOptions
): Finding[] {
  const guard = effectiveGuard(catalogGuard, options)
  const steps = parsePath(guard.path)
  return expand(steps, change.before, change.after).flatMap((path) => {
    const data = weakening(change, guard, path)
    if (data === undefined) return []
    const floor: FindingData =
      guard.test.kind === 'min' && guard !== catalogGuard ? { floor: guard.test.min } : {}
    return [
      {
        ...changeBase(change),
        ruleId: guard.id,
        category: entry.category,
        severity: GUARD_RULE_DEFAULTS.severity,
        decision: GUARD_RULE_DEFAULTS.defaultDecision,
        messageId: 'protection-weakened' as const,
        data: { attribute: formatPath(path), family: guard.family, ...floor, ...data }
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
