/**
 * The address a `refresh_complete` message names (`hook.resource.addr`), read from its bytes
 * instead of `JSON.parse` of the whole line: a large stream is mostly refresh messages, and only
 * this one string of each counts (the state's inventory for the full-destroy rule).
 *
 * The line must be one peekMessageType (peek.ts) accepted: checked against the JSON grammar, all
 * ASCII, one object. The answer is the one `StreamCollector.refresh` reads from the parsed
 * message, repeated keys included (the last one wins, as in JSON.parse): the address, or null
 * when the message names none (no such member, or not an object or a string on the way). Any
 * key written with an escape, which would need decoding to compare, gives UNSURE: the caller
 * then parses the line.
 */
import { bytesEqual } from './bytes.js'
import { skipValue, ws } from './peek.js'
import { kernel } from './wasm/index.js'

export const UNSURE = Symbol('unsure')

const HOOK = bytesOf('hook')
const RESOURCE = bytesOf('resource')
const ADDR = bytesOf('addr')

function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text)
}

/** `hook.resource.addr` of the message at [start, end) of `b`; see above. */
export function refreshAddress(
  b: Uint8Array,
  start: number,
  end: number
): string | null | typeof UNSURE {
  const k = kernel()
  winOffset = k === undefined ? -1 : k.offsetOf(b)
  const hook = member(b, ws(b, start, end), end, HOOK)
  if (hook === UNSURE || hook < 0 || b[hook] !== 0x7b) return hook === UNSURE ? UNSURE : null
  const resource = member(b, hook, end, RESOURCE)
  if (resource === UNSURE || resource < 0 || b[resource] !== 0x7b) {
    return resource === UNSURE ? UNSURE : null
  }
  const addr = member(b, resource, end, ADDR)
  if (addr === UNSURE || addr < 0 || b[addr] !== 0x22) return addr === UNSURE ? UNSURE : null
  const close = skip(b, addr, end)
  if (close < 0) return UNSURE
  const text = stringAt(b, addr, close)
  return text === '' ? null : text
}

/**
 * Where the value of the last member `name` of the object starting at b[i] ('{') starts, or -1
 * when it has none; UNSURE when a key has an escape (or the bytes are not what the peek
 * promised).
 */
function member(b: Uint8Array, i: number, n: number, name: Uint8Array): number | typeof UNSURE {
  if (b[i] !== 0x7b) return UNSURE
  let found = -1
  i = ws(b, i + 1, n)
  if (b[i] === 0x7d) return -1
  for (;;) {
    if (b[i] !== 0x22) return UNSURE
    const keyEnd = skip(b, i, n)
    if (keyEnd < 0 || hasEscape(b, i, keyEnd)) return UNSURE
    const matches = bytesEqual(b, i + 1, keyEnd - 1, name)
    i = ws(b, keyEnd, n)
    if (b[i] !== 0x3a) return UNSURE
    const value = ws(b, i + 1, n)
    if (matches) found = value
    const after = skip(b, value, n)
    if (after < 0) return UNSURE
    i = ws(b, after, n)
    if (b[i] === 0x7d) return found
    if (b[i] !== 0x2c) return UNSURE
    i = ws(b, i + 1, n)
  }
}

/** The kernel's offset of the bytes being read (-1: not in its window, use JavaScript). */
let winOffset = -1

/** skipValue of peek.ts, in the kernel when the bytes are in its window. */
function skip(b: Uint8Array, i: number, n: number): number {
  return winOffset >= 0 ? kernel()!.skipValue(winOffset, i, n) : skipValue(b, i, n)
}

function hasEscape(b: Uint8Array, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (b[k] === 0x5c) return true
  return false
}

/** The text of the string literal b[from, to) (quotes included; ASCII, grammar checked). */
function stringAt(b: Uint8Array, from: number, to: number): string {
  const literal = Buffer.from(b.buffer, b.byteOffset + from, to - from)
  return literal.includes(0x5c)
    ? (JSON.parse(literal.toString('latin1')) as string)
    : literal.toString('latin1', 1, literal.length - 1)
}
