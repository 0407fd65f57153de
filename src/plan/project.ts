/**
 * Reading only what the rules need from a changed element. A delete of a whole environment is
 * mostly `before` values no rule looks at: instead of `JSON.parse` of the element and a walk
 * over every value, the kernel (`walk` in wasm/scan.c) goes over the bytes once and reports the
 * top-level attributes and the few string leaves that may carry an id; only the attributes the
 * projection names are parsed.
 *
 * The change it gives stands for the one `fromShowJson` gives for the parsed element: the same
 * skeleton (with the same checks and errors), `before` / `after` / `after_unknown` /
 * `before_sensitive` / `after_sensitive` holding exactly the named attributes of the parsed
 * values, and `valueLeaves` holding every string leaf, not masked as sensitive, that the blast
 * radius walk (blast-radius.ts) would look at and that may carry an id. Whenever that cannot be
 * given with certainty (no kernel, escaped or repeated keys, a value that is not an object or
 * null, more leaves than the walk's budget, an element larger than the kernel's window) the
 * answer is undefined and the caller parses the element whole: that path stays the reference.
 */
import type { ChangeSummary } from './peek.js'
import { peekedValueSpans, VALUE_KEYS } from './peek.js'
import type { ResourceChange, ValueLeaf } from './model.js'
import { fromSummary, withValues } from './normalize.js'
import { kernel, type Kernel } from './wasm/index.js'

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
const BEFORE = VALUE_KEYS.indexOf('before')
const AFTER = VALUE_KEYS.indexOf('after')
const AFTER_UNKNOWN = VALUE_KEYS.indexOf('after_unknown')
const BEFORE_SENSITIVE = VALUE_KEYS.indexOf('before_sensitive')
const AFTER_SENSITIVE = VALUE_KEYS.indexOf('after_sensitive')

/** One side's walk: the named attributes, parsed, and its candidate string leaves. */
interface Side {
  readonly value: unknown
  readonly leaves: number
  /** Candidate string leaves, before the mask is applied. */
  readonly strings: ValueLeaf[]
  /** Top-level attributes under which a candidate leaf lies. */
  readonly tops: Set<string>
}

const NONE: Side = { value: undefined, leaves: 1, strings: [], tops: new Set() }
const NULL_SIDE: Side = { value: null, leaves: 1, strings: [], tops: new Set() }

/**
 * The projected change of the `resource_changes` element `bytes`, which peekChange has just
 * read (so it is valid JSON and UTF-8, and `summary` and peekedValueSpans() are its own); or
 * undefined: parse it whole. Throws what fromShowJson throws for a malformed skeleton.
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
  spans.set(peekedValueSpans())
  const skeleton = fromSummary(summary, position)
  const place = k.place(bytes)
  if (place === undefined) return undefined
  const [which, o] = place
  const names = projection.attributes(skeleton.type)
  const before = side(k, which, o, spans, BEFORE, names, projection)
  if (before === undefined) return undefined
  const after = side(k, which, o, spans, AFTER, names, projection)
  if (after === undefined) return undefined
  if (before.leaves + after.leaves > projection.maxLeaves) return undefined
  const beforeSensitive = mask(k, which, o, spans, BEFORE_SENSITIVE, names, before.tops)
  const afterSensitive = mask(k, which, o, spans, AFTER_SENSITIVE, names, after.tops)
  const afterUnknown = mask(k, which, o, spans, AFTER_UNKNOWN, names, undefined)
  if (beforeSensitive === FAILED || afterSensitive === FAILED || afterUnknown === FAILED) {
    return undefined
  }
  const valueLeaves = [
    ...unmasked(before.strings, beforeSensitive),
    ...unmasked(after.strings, afterSensitive)
  ]
  return withValues(skeleton, {
    before: before.value,
    after: after.value,
    afterUnknown,
    beforeSensitive,
    afterSensitive,
    valueLeaves
  })
}

/** Walks `before` or `after`; undefined: not projectable. */
function side(
  k: Kernel,
  which: number,
  o: number,
  spans: Int32Array,
  slot: number,
  names: ReadonlySet<string>,
  projection: Projection
): Side | undefined {
  const start = spans[2 * slot]!
  if (start < 0) return NONE
  const end = spans[2 * slot + 1]!
  const b = k.bytesOf(which)
  const first = b[o + start]
  if (first === 0x6e) return NULL_SIDE
  if (first !== 0x7b) return undefined
  if (k.walk(which, o + start, o + end, true, projection.maxDepth) !== o + end) return undefined
  const out = k.walkOut
  const leaves = out[0]!
  const used = out[3]!
  const members: number[] = []
  const strings: ValueLeaf[] = []
  const tops = new Set<string>()
  for (let w = 4; w < used;) {
    if (out[w] === 1) {
      if (names.has(keyText(b, out[w + 1]!, out[w + 2]!, out[w + 3]!))) {
        members.push(out[w + 1]! - 1, out[w + 5]!)
      }
      w += 6
      continue
    }
    const s = out[w + 1]!
    const e = out[w + 2]!
    const escaped = out[w + 3] === 1
    const depth = out[w + 4]!
    w += 5
    const path: (string | number)[] = []
    for (let l = 0; l < depth; l++, w += 3) {
      const keyStart = out[w]!
      path.push(keyStart < 0 ? out[w + 1]! : keyText(b, keyStart, out[w + 1]!, out[w + 2]!))
    }
    const leaf = escaped ? (parse(b, s, e) as string) : text(b, s + 1, e - 1)
    strings.push({ value: leaf, path })
    tops.add(path[0] as string)
  }
  return { value: gather(b, members), leaves, strings, tops }
}

const FAILED = Symbol('failed')
/** The value spans of the element being projected (peekedValueSpans is reused by the next peek). */
const spans = new Int32Array(VALUE_KEYS.length * 2)

/**
 * A mask (`after_unknown`, `*_sensitive`): an object keeps the named attributes and those under
 * which a candidate leaf lies (`tops`); anything else is parsed whole (it is `true`, `false`,
 * `{}` or small).
 */
function mask(
  k: Kernel,
  which: number,
  o: number,
  spans: Int32Array,
  slot: number,
  names: ReadonlySet<string>,
  tops: ReadonlySet<string> | undefined
): unknown {
  const start = spans[2 * slot]!
  if (start < 0) return undefined
  const end = spans[2 * slot + 1]!
  const b = k.bytesOf(which)
  if (b[o + start] !== 0x7b) return parse(b, o + start, o + end)
  if (k.walk(which, o + start, o + end, false, 0) !== o + end) return FAILED
  const out = k.walkOut
  const used = out[3]!
  const members: number[] = []
  for (let w = 4; w < used; w += 6) {
    const key = keyText(b, out[w + 1]!, out[w + 2]!, out[w + 3]!)
    if (names.has(key) || tops?.has(key) === true) members.push(out[w + 1]! - 1, out[w + 5]!)
  }
  return gather(b, members)
}

let scratch = Buffer.allocUnsafe(1 << 16)

/**
 * One object of the members [start, end) of `b` (each `"key": value`, keys unique): copied
 * side by side and given to JSON.parse at once, so it gets what JSON.parse of the whole value
 * gives for those keys, `__proto__` included.
 */
function gather(b: Buffer, members: readonly number[]): Record<string, unknown> {
  if (members.length === 0) return {}
  let size = 1
  for (let m = 0; m < members.length; m += 2) size += members[m + 1]! - members[m]! + 1
  if (size > scratch.length) scratch = Buffer.allocUnsafe(Math.max(size, 2 * scratch.length))
  let at = 0
  for (let m = 0; m < members.length; m += 2) {
    scratch[at++] = m === 0 ? 0x7b : 0x2c
    at += b.copy(scratch, at, members[m]!, members[m + 1]!)
  }
  scratch[at++] = 0x7d
  return JSON.parse(scratch.toString('utf8', 0, at)) as Record<string, unknown>
}

/** The leaves the sensitivity mask does not hide, as blast-radius.ts `walk` steps through it. */
function unmasked(leaves: readonly ValueLeaf[], mask: unknown): ValueLeaf[] {
  if (leaves.length === 0 || mask === true) return []
  return leaves.filter((leaf) => {
    let m = mask
    for (const step of leaf.path) {
      if (typeof step === 'number') m = Array.isArray(m) ? (m as unknown[])[step] : undefined
      else m = isRecord(m) ? m[step] : undefined
      if (m === true) return false
    }
    return true
  })
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function parse(b: Buffer, start: number, end: number): unknown {
  return JSON.parse(b.toString('utf8', start, end))
}

// Attribute names repeat across elements: one string per name, found by the kernel's hash.
const KEYS_CACHED = 1 << 14
const keys = new Map<number, string>()

/** A key's text: [start, end) unescaped, valid UTF-8, `hash` its FNV-1a (scan.c key_hash). */
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

/** Text of [start, end): unescaped, valid UTF-8 (peekChange checked it). */
function text(b: Buffer, start: number, end: number): string {
  for (let k = start; k < end; k++) {
    if (b[k]! >= 0x80) return UTF8.decode(b.subarray(start, end))
  }
  return b.toString('latin1', start, end)
}
