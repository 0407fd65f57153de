/**
 * Peeks into one JSON value held in contiguous bytes: a full grammar check (the same JSON that
 * `JSON.parse` accepts) that extracts only a handful of scalars on the way. About 90% of a
 * mature plan's `resource_changes` are no-ops whose values no rule reads, and most lines of a
 * `terraform plan -json` log are refresh messages; peeking costs a fraction of `JSON.parse` and
 * builds no garbage.
 *
 * A peek never guesses. Whenever the bytes are invalid, or hold anything the peek does not
 * model exactly (escaped or repeated keys, odd value types, nesting beyond its stack), it
 * answers SLOW and the caller takes the ordinary `JSON.parse` path, which then either
 * succeeds or reports the precise error. So a peek can only ever say "valid, and here is what
 * JSON.parse would give for these keys".
 */
import { isAscii, isUtf8 } from 'node:buffer'
import { ESCAPE, HEX } from './bytes.js'
import { kernel, type Kernel } from './wasm/index.js'

/** Not peeked: invalid, or outside what the peek models. Take the JSON.parse path. */
export const SLOW = -1
/** The value does not end within the bytes given (it continues in the next chunk). */
export const OUT_OF_BYTES = -2

type Scalar = string | number | boolean | null

/** What a peek found in one `resource_changes` element, exactly as `JSON.parse` would give it. */
export interface ChangeSummary {
  /** The element's keys among PEEK_FIELDS: their (scalar) values, undefined when absent. */
  readonly fields: Readonly<Record<PeekField, Scalar | undefined>>
  /** `change.actions`: a list of strings. */
  readonly actions: readonly string[]
  /** `change.importing` is present and not null. */
  readonly importing: boolean
  /** `change.replace_paths`, parsed, when present. */
  readonly replacePaths?: unknown
}

/** The element keys a change's skeleton is built from (normalize.ts `fromShowJson`). */
export const PEEK_FIELDS = [
  'address',
  'module_address',
  'mode',
  'type',
  'name',
  'index',
  'provider_name',
  'deposed',
  'previous_address',
  'action_reason'
] as const

export type PeekField = (typeof PEEK_FIELDS)[number]

/** What a peek found in one UI message (a line of `terraform plan -json`). */
export interface MessageSummary {
  readonly type: string
  /** `@level` and `@module` when they are strings. */
  readonly level?: string
  readonly module?: string
}

const encoder = new TextEncoder()
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

// Stack of open containers for skipValue; deeper values take the slow path.
const MAX_DEPTH = 512
const OBJECT = 1
const ARRAY = 2
const stack = new Uint8Array(MAX_DEPTH)

/** Set by skipString: the string just skipped held a backslash escape. */
let escaped = false

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09

/** The index of the first byte at or after i that is not JSON whitespace (n at most). */
export function ws(b: Uint8Array, i: number, n: number): number {
  while (i < n) {
    const c = b[i]!
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break
    i++
  }
  return i
}

/** Skips a string body (i is just past the opening quote); returns the index after the close. */
export function skipString(b: Uint8Array, i: number, n: number): number {
  escaped = false
  for (;;) {
    let c = 0
    while (i < n) {
      c = b[i]!
      if (c === 0x22 || c === 0x5c || c < 0x20) break
      i++
    }
    if (i >= n) return OUT_OF_BYTES
    if (c === 0x22) return i + 1
    if (c !== 0x5c) return SLOW // raw control character
    escaped = true
    if (i + 1 >= n) return OUT_OF_BYTES
    const e = b[i + 1]!
    if (e === 0x75) {
      if (i + 6 > n) return OUT_OF_BYTES
      if (!HEX[b[i + 2]!] || !HEX[b[i + 3]!] || !HEX[b[i + 4]!] || !HEX[b[i + 5]!]) return SLOW
      i += 6
    } else if (ESCAPE[e] === 1) i += 2
    else return SLOW
  }
}

/** Skips a number starting at i; the caller checks what follows it. */
export function skipNumber(b: Uint8Array, i: number, n: number): number {
  if (b[i] === 0x2d) i++
  if (i >= n) return OUT_OF_BYTES
  let c = b[i]!
  if (c === 0x30) i++
  else if (c >= 0x31 && c <= 0x39) {
    i++
    while (i < n && (c = b[i]!) >= 0x30 && c <= 0x39) i++
  } else return SLOW
  if (i < n && b[i] === 0x2e) {
    i++
    const from = i
    while (i < n && (c = b[i]!) >= 0x30 && c <= 0x39) i++
    if (i === from) return i >= n ? OUT_OF_BYTES : SLOW
  }
  if (i < n && (b[i] === 0x65 || b[i] === 0x45)) {
    i++
    if (i < n && (b[i] === 0x2b || b[i] === 0x2d)) i++
    const from = i
    while (i < n && (c = b[i]!) >= 0x30 && c <= 0x39) i++
    if (i === from) return i >= n ? OUT_OF_BYTES : SLOW
  }
  return i
}

export const TRUE = encoder.encode('true')
export const FALSE = encoder.encode('false')
export const NULL = encoder.encode('null')

/** Skips `true`, `false` or `null` (`word`), whose first byte the caller has checked. */
export function skipLiteral(b: Uint8Array, i: number, n: number, word: Uint8Array): number {
  for (let k = 1; k < word.length; k++) {
    if (i + k >= n) return OUT_OF_BYTES
    if (b[i + k] !== word[k]) return SLOW
  }
  return i + word.length
}

/** Skips a scalar (string, number, literal) starting at i; SLOW for a container. */
function skipScalar(b: Uint8Array, i: number, n: number): number {
  const c = b[i]!
  if (c === 0x22) return skipString(b, i + 1, n)
  if (c === 0x74) return skipLiteral(b, i, n, TRUE)
  if (c === 0x66) return skipLiteral(b, i, n, FALSE)
  if (c === 0x6e) return skipLiteral(b, i, n, NULL)
  if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return skipNumber(b, i, n)
  return SLOW
}

/** Skips `"key" :` plus the whitespace after it, i at the opening quote. */
function skipKey(b: Uint8Array, i: number, n: number): number {
  if (b[i] !== 0x22) return SLOW
  i = skipString(b, i + 1, n)
  if (i < 0) return i
  i = ws(b, i, n)
  if (i >= n) return OUT_OF_BYTES
  if (b[i] !== 0x3a) return SLOW
  i = ws(b, i + 1, n)
  return i >= n ? OUT_OF_BYTES : i
}

/**
 * Checks one JSON value starting at i (no leading whitespace) against the full grammar and
 * returns the index just after it, SLOW or OUT_OF_BYTES. UTF-8 is not checked here.
 */
export function skipValue(b: Uint8Array, i: number, n: number): number {
  let depth = 0
  for (;;) {
    // A value starts at i.
    if (i >= n) return OUT_OF_BYTES
    const c = b[i]!
    if (c === 0x22) {
      i = skipString(b, i + 1, n)
      if (i < 0) return i
    } else if (c === 0x7b || c === 0x5b) {
      if (depth === MAX_DEPTH) return SLOW
      i = ws(b, i + 1, n)
      if (i >= n) return OUT_OF_BYTES
      if (b[i] === c + 2)
        i++ // `{}` or `[]`
      else {
        stack[depth++] = c === 0x7b ? OBJECT : ARRAY
        if (c === 0x7b) {
          i = skipKey(b, i, n)
          if (i < 0) return i
        }
        continue
      }
    } else {
      i = skipScalar(b, i, n)
      if (i < 0) return i
    }
    // After a value: a comma (then the next value) or closing brackets.
    for (;;) {
      if (depth === 0) return i
      i = ws(b, i, n)
      if (i >= n) return OUT_OF_BYTES
      const d = b[i]!
      const kind = stack[depth - 1]
      if (d === 0x2c) {
        i = ws(b, i + 1, n)
        if (i >= n) return OUT_OF_BYTES
        if (kind === OBJECT) {
          i = skipKey(b, i, n)
          if (i < 0) return i
        }
        break
      }
      if (d !== (kind === OBJECT ? 0x7d : 0x5d)) return SLOW
      depth--
      i++
    }
  }
}

// The kernel and where the bytes of the current peekChange start in its window (-1: elsewhere).
let win: Kernel | undefined
let winOffset = -1

/** skipValue, in the kernel when the bytes are in its window. */
function skipAny(b: Uint8Array, i: number, n: number): number {
  return winOffset >= 0 ? win!.skipValue(winOffset, i, n) : skipValue(b, i, n)
}

/**
 * The value of a scalar token [start, end) in bytes known to be valid UTF-8. `unique`: a string
 * that seldom repeats (an address), not worth interning.
 */
function scalarAt(
  b: Uint8Array,
  start: number,
  end: number,
  hasEscape: boolean,
  unique = false
): Scalar {
  const c = b[start]
  if (c === 0x22) {
    if (hasEscape) return JSON.parse(UTF8.decode(b.subarray(start, end))) as string
    return textAt(b, start + 1, end - 1, unique)
  }
  if (c === 0x74) return true
  if (c === 0x66) return false
  if (c === 0x6e) return null
  if (end - start <= 9) {
    // Small integers (count indexes) without making a string first.
    let k = c === 0x2d ? start + 1 : start
    let value = 0
    for (; k < end; k++) {
      const d = b[k]! - 0x30
      if (d < 0 || d > 9) break
      value = value * 10 + d
    }
    if (k === end && end > start + (c === 0x2d ? 1 : 0)) return c === 0x2d ? -value : value
  }
  return Number(textAt(b, start, end))
}

const latin1Slice = (Buffer.prototype as unknown as { latin1Slice?: unknown }).latin1Slice

/** Text of [start, end) in bytes known to be valid UTF-8. */
function textAt(b: Uint8Array, start: number, end: number, unique = false): string {
  if (end - start <= INTERN_LENGTH && !unique) return internedAt(b, start, end)
  for (let k = start; k < end; k++) {
    if (b[k]! >= 0x80) return UTF8.decode(b.subarray(start, end))
  }
  return asciiAt(b, start, end)
}

let lastBytes: Uint8Array | undefined
let lastIsBuffer = false

function asciiAt(b: Uint8Array, start: number, end: number): string {
  if (b !== lastBytes) {
    lastBytes = b
    lastIsBuffer = b instanceof Buffer && typeof latin1Slice === 'function'
  }
  // Latin-1 decoding is the same as UTF-8 for ASCII, and much cheaper for short strings.
  if (lastIsBuffer) return (latin1Slice as (s: number, e: number) => string).call(b, start, end)
  // apply() passes every byte as an argument: a long string would overflow the stack.
  if (end - start > 4096) return UTF8.decode(b.subarray(start, end))
  return String.fromCharCode.apply(null, b.subarray(start, end) as unknown as number[])
}

// Short strings repeat (types, providers, message types and levels): one copy of each.
const INTERN_LENGTH = 64
const INTERN_SIZE = 4096
const interned = new Map<number, string>()

function internedAt(b: Uint8Array, start: number, end: number): string {
  let hash = end - start
  let high = 0
  for (let k = start; k < end; k++) {
    const c = b[k]!
    high |= c
    hash = (Math.imul(hash, 31) + c) | 0
  }
  if (high >= 0x80) return UTF8.decode(b.subarray(start, end))
  const hit = interned.get(hash)
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
  const text = asciiAt(b, start, end)
  if (interned.size < INTERN_SIZE) interned.set(hash, text)
  return text
}

/** Whether the key [start, end) (without quotes) is `word`. */
function keyIs(b: Uint8Array, start: number, end: number, word: Uint8Array): boolean {
  if (end - start !== word.length) return false
  for (let k = 0; k < word.length; k++) if (b[start + k] !== word[k]) return false
  return true
}

const FIELD_BYTES = PEEK_FIELDS.map((f) => encoder.encode(f))
const CHANGE = encoder.encode('change')
const ACTIONS = encoder.encode('actions')
const IMPORTING = encoder.encode('importing')
const IS_CHANGE = FIELD_BYTES.length

// Candidate keys by length, as indexes into FIELD_BYTES (IS_CHANGE for `change`).
const BY_LENGTH: number[][] = []
for (const [f, word] of [...FIELD_BYTES, CHANGE].entries()) {
  ;(BY_LENGTH[word.length] ??= []).push(f)
}

/** Index into PEEK_FIELDS of the key [start, end), IS_CHANGE for `change`, or -1. */
function fieldOf(b: Uint8Array, start: number, end: number): number {
  const candidates = BY_LENGTH[end - start]
  if (candidates === undefined) return -1
  for (const f of candidates) {
    if (keyIs(b, start, end, f === IS_CHANGE ? CHANGE : FIELD_BYTES[f]!)) return f
  }
  return -1
}

/** Result slot of the last successful peekChange. */
let summary: ChangeSummary | undefined
// Where each field's value token is: start, end, and 1 when the string has escapes.
const spans = new Int32Array(FIELD_BYTES.length * 3)

/**
 * Peeks at a `resource_changes` element: the object starting at `start` (its `{`). Returns the
 * index just after it (then `peekedChange()` holds the summary), SLOW or OUT_OF_BYTES.
 */
export function peekChange(b: Uint8Array, start: number, n: number): number {
  summary = undefined
  if (b[start] !== 0x7b) return SLOW
  valueBase = start
  win = kernel()
  winOffset = win === undefined ? -1 : win.offsetOf(b)
  if (winOffset >= 0) {
    // The same loops in the kernel; where it stops, the JavaScript peeks and has the last word.
    const end = win!.peekChange(winOffset, start, n)
    if (end >= 0) return peekedInKernel(b, start, end)
  }
  let actions: string[] | undefined
  let importing = false
  let seen = 0
  let i = ws(b, start + 1, n)
  if (i >= n) return OUT_OF_BYTES
  if (b[i] === 0x7d) return SLOW // `{}`: let fromShowJson report it
  for (;;) {
    if (b[i] !== 0x22) return SLOW
    const keyStart = i + 1
    i = skipString(b, keyStart, n)
    if (i < 0) return i
    if (escaped) return SLOW
    const keyEnd = i - 1
    i = ws(b, i, n)
    if (i >= n) return OUT_OF_BYTES
    if (b[i] !== 0x3a) return SLOW
    i = ws(b, i + 1, n)
    if (i >= n) return OUT_OF_BYTES
    const f = fieldOf(b, keyStart, keyEnd)
    if (f >= 0 && f !== IS_CHANGE) {
      if ((seen & (1 << f)) !== 0) return SLOW // a repeated key: JSON.parse keeps the last
      seen |= 1 << f
      spans[3 * f] = i
      i = skipScalar(b, i, n)
      if (i < 0) return i
      spans[3 * f + 1] = i
      spans[3 * f + 2] = escaped ? 1 : 0
    } else if (f === IS_CHANGE) {
      if (actions !== undefined || b[i] !== 0x7b) return SLOW
      i = peekChangeBody(b, i, n)
      if (i < 0) return i
      actions = bodyActions
      importing = bodyImporting
    } else {
      i = skipAny(b, i, n)
      if (i < 0) return i
    }
    i = ws(b, i, n)
    if (i >= n) return OUT_OF_BYTES
    const c = b[i++]
    if (c === 0x7d) break
    if (c !== 0x2c) return SLOW
    i = ws(b, i, n)
    if (i >= n) return OUT_OF_BYTES
  }
  if (actions === undefined) return SLOW
  return summarize(b, start, i, seen, actions, importing)
}

/** What the kernel's peek_change found in the element [start, end): as the loop above makes it. */
function peekedInKernel(b: Uint8Array, start: number, end: number): number {
  const out = win!.peekOut
  const o = winOffset
  const seen = out[44]!
  for (let f = 0; f < FIELD_BYTES.length; f++) {
    if ((seen & (1 << f)) === 0) continue
    spans[3 * f] = out[3 * f]! - o
    spans[3 * f + 1] = out[3 * f + 1]! - o
    spans[3 * f + 2] = out[3 * f + 2]!
  }
  for (let k = 0; k < valueSpans.length; k++) valueSpans[k] = out[30 + k]!
  const actions: string[] = []
  for (let a = 0, count = out[43]!; a < count; a++) {
    const p = 45 + 3 * a
    actions.push(scalarAt(b, out[p]! - o, out[p + 1]! - o, out[p + 2] === 1) as string)
  }
  return summarize(b, start, end, seen, actions, out[42] === 1)
}

/**
 * The summary of the element [start, i) whose keys peekChange has read (`seen`: the fields
 * found, their spans in `spans`, the values' in `valueSpans`), once it is known to be UTF-8.
 */
function summarize(
  b: Uint8Array,
  start: number,
  i: number,
  seen: number,
  actions: string[],
  importing: boolean
): number {
  if (!isAscii(b.subarray(start, i)) && !isUtf8(b.subarray(start, i))) return SLOW
  const paths = valueSpans[2 * REPLACE_PATHS_SLOT]!
  const replacePaths =
    paths < 0
      ? undefined
      : (JSON.parse(
          UTF8.decode(b.subarray(start + paths, start + valueSpans[2 * REPLACE_PATHS_SLOT + 1]!))
        ) as unknown)
  summary = {
    fields: {
      address: fieldAt(b, seen, 0),
      module_address: fieldAt(b, seen, 1),
      mode: fieldAt(b, seen, 2),
      type: fieldAt(b, seen, 3),
      name: fieldAt(b, seen, 4),
      index: fieldAt(b, seen, 5),
      provider_name: fieldAt(b, seen, 6),
      deposed: fieldAt(b, seen, 7),
      previous_address: fieldAt(b, seen, 8),
      action_reason: fieldAt(b, seen, 9)
    },
    actions,
    importing,
    replacePaths
  }
  return i
}

/** PEEK_FIELDS that differ from element to element: `address`, `previous_address`. */
const UNIQUE = (1 << 0) | (1 << 8)

function fieldAt(b: Uint8Array, seen: number, f: number): Scalar | undefined {
  if ((seen & (1 << f)) === 0) return undefined
  const start = spans[3 * f]!
  const end = spans[3 * f + 1]!
  const escaped = spans[3 * f + 2] === 1
  if ((UNIQUE & (1 << f)) !== 0) return scalarAt(b, start, end, escaped, true)
  // Neighbouring elements mostly share their mode, type, provider and reason: the last text of
  // the field, when the bytes are its bytes, is taken without interning again.
  const plain = !escaped && b[start] === 0x22
  const last = lastText[f]
  if (plain && last !== undefined && sameText(b, start + 1, end - 1, last)) return last
  const value = scalarAt(b, start, end, escaped)
  // ASCII only (as many characters as bytes): then equal char codes mean equal bytes.
  if (plain && typeof value === 'string' && value.length === end - start - 2) lastText[f] = value
  return value
}

/** The last string each field had (ASCII, unescaped), by index into PEEK_FIELDS. */
const lastText: (string | undefined)[] = PEEK_FIELDS.map(() => undefined)

/** Whether the bytes [start, end) are the ASCII `text`. */
function sameText(b: Uint8Array, start: number, end: number, text: string): boolean {
  if (end - start !== text.length) return false
  for (let k = 0; k < text.length; k++) if (b[start + k] !== text.charCodeAt(k)) return false
  return true
}

/** The summary found by the last successful peekChange. */
export function peekedChange(): ChangeSummary {
  if (summary === undefined) throw new Error('no successful peekChange')
  return summary
}

let bodyActions: string[] | undefined
let bodyImporting = false

/** The values of `change` whose spans peekChange records, in VALUE_SPANS order. */
export const VALUE_KEYS = [
  'before',
  'after',
  'after_unknown',
  'before_sensitive',
  'after_sensitive',
  'replace_paths'
] as const
const VALUE_BYTES = VALUE_KEYS.map((k) => encoder.encode(k))
const REPLACE_PATHS_SLOT = VALUE_KEYS.indexOf('replace_paths')
/** [start, end) of each VALUE_KEYS value of the last peekChange's element, relative to its `{`; -1: absent. */
const valueSpans = new Int32Array(VALUE_KEYS.length * 2)
let valueBase = 0

/**
 * Where the last successful peekChange found `change.before`, `after`, their masks and
 * `replace_paths`: [start, end) pairs in VALUE_KEYS order, relative to the element's `{`, -1
 * when absent. Valid until the next peekChange.
 */
export function peekedValueSpans(): Int32Array {
  return valueSpans
}

/** Index into VALUE_KEYS of the key [start, end), or -1. */
function valueKeyOf(b: Uint8Array, start: number, end: number): number {
  for (let k = 0; k < VALUE_BYTES.length; k++) if (keyIs(b, start, end, VALUE_BYTES[k]!)) return k
  return -1
}

/** The `change` object at i: `actions` (strings only), `importing`, and the value spans. */
function peekChangeBody(b: Uint8Array, i: number, n: number): number {
  bodyActions = undefined
  bodyImporting = false
  valueSpans.fill(-1)
  let actions: string[] | undefined
  let importing: boolean | undefined
  i = ws(b, i + 1, n)
  if (i >= n) return OUT_OF_BYTES
  if (b[i] === 0x7d) return SLOW
  for (;;) {
    if (b[i] !== 0x22) return SLOW
    const keyStart = i + 1
    i = skipString(b, keyStart, n)
    if (i < 0) return i
    if (escaped) return SLOW
    const keyEnd = i - 1
    i = ws(b, i, n)
    if (i >= n) return OUT_OF_BYTES
    if (b[i] !== 0x3a) return SLOW
    i = ws(b, i + 1, n)
    if (i >= n) return OUT_OF_BYTES
    if (keyIs(b, keyStart, keyEnd, ACTIONS)) {
      if (actions !== undefined || b[i] !== 0x5b) return SLOW
      actions = []
      i = ws(b, i + 1, n)
      if (i >= n) return OUT_OF_BYTES
      if (b[i] === 0x5d) i++
      else {
        for (;;) {
          if (b[i] !== 0x22) return SLOW
          const s = i
          i = skipString(b, i + 1, n)
          if (i < 0) return i
          for (let k = s; k < i; k++) if (b[k]! >= 0x80) return SLOW // never a known action
          actions.push(scalarAt(b, s, i, escaped) as string)
          i = ws(b, i, n)
          if (i >= n) return OUT_OF_BYTES
          const c = b[i++]
          if (c === 0x5d) break
          if (c !== 0x2c) return SLOW
          i = ws(b, i, n)
          if (i >= n) return OUT_OF_BYTES
        }
      }
    } else if (keyIs(b, keyStart, keyEnd, IMPORTING)) {
      if (importing !== undefined) return SLOW
      importing = !(b[i] === 0x6e && skipLiteral(b, i, n, NULL) > 0)
      i = skipAny(b, i, n)
      if (i < 0) return i
    } else {
      const v = valueKeyOf(b, keyStart, keyEnd)
      if (v >= 0) {
        if (valueSpans[2 * v]! >= 0) return SLOW // repeated: JSON.parse keeps the last
        valueSpans[2 * v] = i - valueBase
      }
      i = skipAny(b, i, n)
      if (i < 0) return i
      if (v >= 0) valueSpans[2 * v + 1] = i - valueBase
    }
    i = ws(b, i, n)
    if (i >= n) return OUT_OF_BYTES
    const c = b[i++]
    if (c === 0x7d) break
    if (c !== 0x2c) return SLOW
    i = ws(b, i, n)
    if (i >= n) return OUT_OF_BYTES
  }
  if (actions === undefined) return SLOW
  bodyActions = actions
  bodyImporting = importing ?? false
  return i
}

const TYPE = encoder.encode('type')
const LEVEL = encoder.encode('@level')
const MODULE = encoder.encode('@module')

// Where peekMessage found each header value: start, end, 1 if escaped; start -1: not a string.
const header = new Int32Array(9)
// Which of them the last accepted line had (bits 2, 4, 8).
let headerSeen = 0

/**
 * Peeks at one whole line of a UI message log, [start, end) without the newline: one JSON
 * object with only JSON whitespace around it, ASCII only (`knownAscii`: the caller checked).
 * Returns the summary or undefined (take the slow path).
 */
export function peekMessage(
  b: Uint8Array,
  start: number,
  end: number,
  knownAscii = false
): MessageSummary | undefined {
  const type = peekMessageType(b, start, end, knownAscii)
  if (type === undefined) return undefined
  return { type, level: peekedHeader(b, 'level'), module: peekedHeader(b, 'module') }
}

/** peekMessage's `type` alone; then peekedHeader gives the rest (the same bytes, until the next peek). */
export function peekMessageType(
  b: Uint8Array,
  start: number,
  end: number,
  knownAscii = false
): string | undefined {
  // One loop with everything inlined, unlike skipValue: log lines are short and made of small
  // tokens, and a CLI run is over before helper calls would be optimized.
  headerSeen = 0
  if (!knownAscii && !isAscii(b.subarray(start, end))) return undefined
  const n = end
  let i = start
  while (i < n && isSpace(b[i]!)) i++
  if (i >= n || b[i] !== 0x7b) return undefined
  let depth = 0
  let state = 0 // 0: a value, 1: a key, 2: after a value
  let slot = 0 // the top-level key just read: 1 type, 2 @level, 3 @module
  let seen = 0
  for (;;) {
    if (state === 2 && depth === 0) break
    if (i >= n) return undefined
    let c = b[i]!
    if (c <= 0x20) {
      // One comparison for the usual case; the rest is whitespace or invalid.
      if (!isSpace(c)) return undefined
      i++
      continue
    }
    if (state === 2) {
      const object = stack[depth - 1] === OBJECT
      if (c === 0x2c) state = object ? 1 : 0
      else if (c === (object ? 0x7d : 0x5d)) depth--
      else return undefined
      i++
      continue
    }
    if (c === 0x22) {
      const from = i++
      let escapes = false
      for (;;) {
        while (i < n) {
          c = b[i]!
          if (c === 0x22 || c === 0x5c || c < 0x20) break
          i++
        }
        if (i >= n || c !== 0x5c) break
        escapes = true
        const e = b[i + 1]
        if (e === 0x75) {
          if (i + 6 > n) return undefined
          if (!HEX[b[i + 2]!] || !HEX[b[i + 3]!] || !HEX[b[i + 4]!] || !HEX[b[i + 5]!]) {
            return undefined
          }
          i += 6
        } else if (e !== undefined && ESCAPE[e] === 1 && i + 1 < n) i += 2
        else return undefined
      }
      if (i >= n || c !== 0x22) return undefined // cut, or a raw control character
      i++
      if (state === 1) {
        slot = 0
        if (depth === 1) {
          if (escapes) return undefined // an escaped key might be one of ours
          const k0 = from + 1
          const k1 = i - 1
          if (keyIs(b, k0, k1, TYPE)) slot = 1
          else if (keyIs(b, k0, k1, LEVEL)) slot = 2
          else if (keyIs(b, k0, k1, MODULE)) slot = 3
          if (slot !== 0) {
            if ((seen & (1 << slot)) !== 0) return undefined // repeated: JSON.parse keeps the last
            seen |= 1 << slot
          }
        }
        while (i < n && isSpace(b[i]!)) i++
        if (i >= n || b[i] !== 0x3a) return undefined
        i++
        state = 0
      } else {
        if (slot !== 0) {
          header[3 * slot - 3] = from
          header[3 * slot - 2] = i
          header[3 * slot - 1] = escapes ? 1 : 0
          slot = 0
        }
        state = 2
      }
      continue
    }
    if (state === 1 || slot === 1) return undefined // a key, or `type`, must be a string
    if (slot !== 0) {
      header[3 * slot - 3] = -1 // a @level or @module that is not a string counts as absent
      slot = 0
    }
    if (c === 0x7b || c === 0x5b) {
      if (depth === MAX_DEPTH) return undefined
      const object = c === 0x7b
      i++
      while (i < n && isSpace(b[i]!)) i++
      if (i < n && b[i] === (object ? 0x7d : 0x5d)) {
        i++
        state = 2
      } else {
        stack[depth++] = object ? OBJECT : ARRAY
        state = object ? 1 : 0
      }
      continue
    }
    if (c === 0x74 || c === 0x66 || c === 0x6e) {
      const word = c === 0x74 ? TRUE : c === 0x66 ? FALSE : NULL
      if (i + word.length > n) return undefined
      for (let k = 1; k < word.length; k++) if (b[i + k] !== word[k]) return undefined
      i += word.length
      state = 2
      continue
    }
    if (c === 0x2d) c = i + 1 < n ? b[++i]! : 0
    if (c === 0x30) i++
    else if (c >= 0x31 && c <= 0x39) {
      i++
      while (i < n && (c = b[i]!) >= 0x30 && c <= 0x39) i++
    } else return undefined
    if (i < n && b[i] === 0x2e) {
      const from = ++i
      while (i < n && (c = b[i]!) >= 0x30 && c <= 0x39) i++
      if (i === from) return undefined
    }
    if (i < n && (b[i] === 0x65 || b[i] === 0x45)) {
      i++
      if (i < n && (b[i] === 0x2b || b[i] === 0x2d)) i++
      const from = i
      while (i < n && (c = b[i]!) >= 0x30 && c <= 0x39) i++
      if (i === from) return undefined
    }
    state = 2
  }
  while (i < n && isSpace(b[i]!)) i++
  if (i !== n || (seen & 2) === 0) return undefined
  headerSeen = seen
  return headerText(b, 1)
}

/** `@level` or `@module` of the line peekMessageType just accepted, if a string. */
export function peekedHeader(b: Uint8Array, key: 'level' | 'module'): string | undefined {
  const slot = key === 'level' ? 2 : 3
  return (headerSeen & (1 << slot)) === 0 ? undefined : headerText(b, slot)
}

function headerText(b: Uint8Array, slot: number): string | undefined {
  const from = header[3 * slot - 3]!
  if (from < 0) return undefined
  return scalarAt(b, from, header[3 * slot - 2]!, header[3 * slot - 1] === 1) as string
}
