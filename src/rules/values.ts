/**
 * Reading attribute values and their unknown/sensitive masks by path. Values read here are
 * used for decisions; only `printable` values ever reach a finding's data.
 */
import { isRecord } from '../common/record.js'

/** One step of a guard path: a name, an index, or `*` for every element. */
export type Step = string | number | '*'

const parsed = new Map<string, readonly Step[]>()

/** Parses `a[0].b[*].c` into steps (once per path: the catalog's paths are read per change). */
export function parsePath(path: string): readonly Step[] {
  let steps = parsed.get(path)
  if (steps === undefined) {
    steps = parseSteps(path)
    if (parsed.size < 10_000) parsed.set(path, steps)
  }
  return steps
}

function parseSteps(path: string): Step[] {
  const steps: Step[] = []
  for (const part of path.split('.')) {
    const match = /^([^[\]]+)((?:\[(?:\d+|\*)\])*)$/.exec(part)
    if (match === null || match[1] === undefined) throw new Error(`bad catalog path "${path}"`)
    steps.push(match[1])
    for (const index of (match[2] ?? '').matchAll(/\[(\d+|\*)\]/g)) {
      steps.push(index[1] === '*' ? '*' : Number(index[1]))
    }
  }
  return steps
}

/** A concrete path (no `*`) rendered back to `a[0].b`. */
export function formatPath(steps: readonly (string | number)[]): string {
  return steps.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('')
}

function child(value: unknown, step: string | number): unknown {
  if (typeof step === 'number') return Array.isArray(value) ? value[step] : undefined
  if (isRecord(value)) return value[step]
  return undefined
}

/** Follows a concrete path. */
export function getAt(value: unknown, steps: readonly (string | number)[]): unknown {
  let current = value
  for (const step of steps) current = child(current, step)
  return current
}

/**
 * Expands `*` steps against the values given (the union of their list lengths), so a guard on
 * `replica[*].x` is checked for every replica present before or after.
 */
export function expand(steps: readonly Step[], ...roots: unknown[]): (string | number)[][] {
  let paths: (string | number)[][] = [[]]
  for (const step of steps) {
    if (step !== '*') {
      paths = paths.map((p) => [...p, step])
      continue
    }
    paths = paths.flatMap((p) => {
      const length = Math.max(0, ...roots.map((r) => arrayLength(getAt(r, p))))
      return Array.from({ length }, (_, i) => [...p, i])
    })
  }
  return paths
}

function arrayLength(value: unknown): number {
  return Array.isArray(value) ? value.length : 0
}

/**
 * True when a mask (`after_unknown`, `*_sensitive`) marks the path or any ancestor. Masks are
 * `true` at marked leaves and `true` for a wholly marked value.
 */
export function marked(mask: unknown, steps: readonly (string | number)[]): boolean {
  let current = mask
  if (current === true) return true
  for (const step of steps) {
    current = child(current, step)
    if (current === true) return true
    if (current === undefined || current === null || current === false) return false
  }
  return false
}

/** True when any leaf under the path is marked (a sensitive map hides a tag value, say). */
export function markedAnywhere(mask: unknown, steps: readonly (string | number)[]): boolean {
  if (marked(mask, steps)) return true
  return containsTrue(getAt(mask, steps))
}

/** Iterative: a mask nested 100,000 levels deep (JSON.parse takes it) must not overflow the stack. */
function containsTrue(mask: unknown): boolean {
  const pending: unknown[] = [mask]
  while (pending.length > 0) {
    const value = pending.pop()
    if (value === true) return true
    if (typeof value !== 'object' || value === null) continue
    for (const child of Array.isArray(value) ? value : Object.values(value)) pending.push(child)
  }
  return false
}

const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86400 }

/**
 * A number, or a duration string as providers write them (`"2592000s"`, `"7d"`, ISO-8601
 * `"P7D"`, `"PT0S"`) in seconds; undefined for anything else.
 */
export function quantity(value: unknown): number | undefined {
  if (typeof value === 'number') return value
  if (typeof value !== 'string') return undefined
  const simple = /^(\d+(?:\.\d+)?)([smhd])$/.exec(value)
  if (simple) return Number(simple[1]) * (UNIT_SECONDS[simple[2] as string] ?? 1)
  const iso =
    /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(
      value
    )
  if (iso === null || value === 'P' || value.endsWith('T')) return undefined
  const [, y, mo, w, d, h, mi, s] = iso.map((part) => Number(part ?? 0))
  return (
    (y ?? 0) * 31536000 +
    (mo ?? 0) * 2592000 +
    (w ?? 0) * 604800 +
    (d ?? 0) * 86400 +
    (h ?? 0) * 3600 +
    (mi ?? 0) * 60 +
    (s ?? 0)
  )
}
