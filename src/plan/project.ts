/**
 * Reading only what the rules need from a changed element. A delete of a whole environment is
 * mostly `before` values no rule looks at: instead of `JSON.parse` of the element and a walk
 * over every value, the kernel (`project` in wasm/scan.c) goes over the bytes once, copies the
 * top-level attributes the projection names (it matches the names itself) and reports the few
 * string leaves that may carry an id; only the copied attributes are parsed, in one JSON.parse.
 *
 * The change it gives stands for the one `fromShowJson` gives for the parsed element: the same
 * skeleton (with the same checks and errors), `before` / `after` / `after_unknown` /
 * `before_sensitive` / `after_sensitive` holding exactly the named attributes of the parsed
 * values, and `valueLeaves` holding every string leaf, not masked as sensitive, that the blast
 * radius walk (blast-radius.ts) would look at and that may carry an id. Whenever that cannot be
 * given with certainty (no kernel, escaped or repeated keys, a value that is not an object or
 * null, more leaves than the walk's budget, an element larger than the kernel's window, names
 * the kernel's table cannot hold) the answer is undefined and the caller parses the element
 * whole: that path stays the reference.
 */
import type { ChangeSummary } from './peek.js'
import { peekedValueSpans, VALUE_KEYS } from './peek.js'
import type { ResourceChange, ValueLeaf } from './model.js'
import { fromSummary, withValues } from './normalize.js'
import { kernel } from './wasm/index.js'

/** What to read from the values of a changed element. */
export interface Projection {
  /**
   * The top-level attributes of `before` / `after` (and of their masks) that the rules read for
   * a resource type.
   */
  attributes(type: string): ReadonlySet<string>
  /** Attribute names whose string values, at any depth, go into `valueLeaves`. */
  readonly leafNames: readonly string[]
  /** String values starting with one of these go into `valueLeaves` wherever they are. */
  readonly leafPrefixes: readonly string[]
  /** The blast radius walk's limits: depth of the values it visits, and leaves it visits. */
  readonly maxDepth: number
  readonly maxLeaves: number
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
const SLOTS = 5
// Slots of the kernel's answer (scan.c project): peek.ts VALUE_KEYS order.
const BEFORE = VALUE_KEYS.indexOf('before')
const AFTER = VALUE_KEYS.indexOf('after')
const AFTER_UNKNOWN = VALUE_KEYS.indexOf('after_unknown')
const BEFORE_SENSITIVE = VALUE_KEYS.indexOf('before_sensitive')
const AFTER_SENSITIVE = VALUE_KEYS.indexOf('after_sensitive')

/**
 * The projected change of the `resource_changes` element `bytes`, which peekChange has just
 * read (so it is valid JSON and UTF-8, and `summary` and peekedValueSpans() are its own); or
 * undefined: parse it whole. Throws what fromShowJson throws for a malformed skeleton.
 *
 * One kernel call (scan.c project) walks `before` and `after` for the blast radius and their
 * masks, and copies the members the projection names (for the masks also those under which a
 * candidate leaf lies) into one JSON array; one JSON.parse gives all five values.
 */
export function projectChange(
  bytes: Uint8Array,
  summary: ChangeSummary,
  projection: Projection,
  position: string
): ResourceChange | undefined {
  const k = kernel()
  if (k === undefined) return undefined
  if (!k.walkLists(projection.leafNames, projection.leafPrefixes)) return undefined
  const spans = k.projectSpans
  const peeked = peekedValueSpans()
  for (let k = 0; k < 2 * SLOTS; k++) spans[k] = peeked[k]!
  const skeleton = fromSummary(summary, position)
  const place = k.place(bytes)
  if (place === undefined) return undefined
  if (!k.keepNames(projection.attributes(skeleton.type))) return undefined
  const [which, o] = place
  if (!k.project(which, o, projection.maxDepth)) return undefined
  const out = k.walkOut
  if (out[BEFORE]! + out[AFTER]! > projection.maxLeaves) return undefined
  let values: unknown[]
  try {
    values = JSON.parse(k.projectText()) as unknown[]
  } catch {
    return undefined // never expected: the kernel copies members of checked JSON
  }
  const at = (slot: number): unknown => (spans[2 * slot]! < 0 ? undefined : values[slot])
  const beforeSensitive = at(BEFORE_SENSITIVE)
  const afterSensitive = at(AFTER_SENSITIVE)
  const b = k.bytesOf(which)
  const valueLeaves: ValueLeaf[] = []
  const w = leaves(b, out, 8, out[2]!, beforeSensitive, valueLeaves)
  leaves(b, out, w, out[3]!, afterSensitive, valueLeaves)
  return withValues(skeleton, {
    before: at(BEFORE),
    after: at(AFTER),
    afterUnknown: at(AFTER_UNKNOWN),
    beforeSensitive,
    afterSensitive,
    valueLeaves
  })
}

/**
 * Reads `count` string leaf records of project from out[w] (scan.c), adds to `into` those that
 * the sensitivity mask does not hide, as blast-radius.ts `walk` steps through it; returns the
 * index after the records.
 */
function leaves(
  b: Buffer,
  out: Int32Array,
  w: number,
  count: number,
  mask: unknown,
  into: ValueLeaf[]
): number {
  for (let r = 0; r < count; r++) {
    const s = out[w]!
    const e = out[w + 1]!
    const flags = out[w + 2]!
    const depth = out[w + 3]!
    const from = w + 4
    w = from + 3 * depth
    if (mask === true) continue
    let m = mask
    let hidden = false
    const path: (string | number)[] = depth === 1 ? ONE_STEP : []
    for (let p = from; p < w; p += 3) {
      const keyStart = out[p]!
      let step: string | number
      if (keyStart < 0) {
        step = out[p + 1]!
        m = Array.isArray(m) ? (m as unknown[])[step] : undefined
      } else {
        step = keyText(b, keyStart, out[p + 1]!, out[p + 2]!)
        m = isRecord(m) ? m[step] : undefined
      }
      if (m === true) {
        hidden = true
        break
      }
      if (depth === 1) path[0] = step
      else path.push(step)
    }
    if (hidden) continue
    const value =
      (flags & 1) !== 0
        ? (JSON.parse(b.toString('utf8', s, e)) as string)
        : (flags & 2) !== 0
          ? UTF8.decode(b.subarray(s + 1, e - 1))
          : ascii(b, s + 1, e - 1)
    into.push({ value, path: depth === 1 ? onePath(path[0]!) : path })
  }
  return w
}

// Most leaves are top-level attributes (`arn`, `id`, `region`): one frozen path per name, the
// step read into ONE_STEP first.
const ONE_STEP: (string | number)[] = []
const onePaths = new Map<string | number, readonly (string | number)[]>()

function onePath(step: string | number): readonly (string | number)[] {
  let path = onePaths.get(step)
  if (path === undefined) {
    path = Object.freeze([step])
    if (onePaths.size < KEYS_CACHED) onePaths.set(step, path)
  }
  return path
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

// Attribute names repeat across elements: one string per name, found by the kernel's hash.
const KEYS_CACHED = 1 << 14
const keys = new Map<number, string>()

/** A key's text: [start, end) unescaped, valid UTF-8, `hash` its hash (scan.c key_hash). */
function keyText(b: Buffer, start: number, end: number, hash: number): string {
  const hit = keys.get(hash)
  if (hit !== undefined && hit.length === end - start) {
    let same = true
    for (let k = 0; k < hit.length; k++) {
      if (hit.charCodeAt(k) !== b[start + k]) {
        same = false
        break
      }
    }
    if (same) return hit
  }
  const key = text(b, start, end)
  // ASCII only: then equal length and char codes mean equal bytes.
  if (keys.size < KEYS_CACHED && key.length === end - start) keys.set(hash, key)
  return key
}

type Latin1Slice = (this: Buffer, start: number, end: number) => string
const latin1Slice = (Buffer.prototype as unknown as { latin1Slice?: Latin1Slice }).latin1Slice

/** Text of [start, end): unescaped, valid UTF-8 (peekChange checked it). */
function text(b: Buffer, start: number, end: number): string {
  for (let k = start; k < end; k++) {
    if (b[k]! >= 0x80) return UTF8.decode(b.subarray(start, end))
  }
  return ascii(b, start, end)
}

/**
 * Text of [start, end), all ASCII: Latin-1 decoding gives the same, and the method itself skips
 * toString's checks.
 */
function ascii(b: Buffer, start: number, end: number): string {
  return latin1Slice === undefined
    ? b.toString('latin1', start, end)
    : latin1Slice.call(b, start, end)
}
