/**
 * Byte-level input normalization before any JSON is read: BOMs, UTF-16 (Windows PowerShell's
 * `>` writes UTF-16LE with a BOM) and the setup-terraform wrapper's `[command]` first line.
 * Everything is incremental so that the show-json scanner never needs the whole file.
 */

import { isUtf8 } from 'node:buffer'
import { TextDecoder } from 'node:util'

type Encoding = 'utf8' | 'utf16le' | 'utf16be'

/** Converts a byte stream in UTF-8 (with or without BOM) or UTF-16LE/BE to UTF-8 chunks. */
export class Utf8Normalizer {
  private encoding?: Encoding
  private head: Uint8Array = new Uint8Array(0)
  private decoder?: TextDecoder
  private readonly encoder = new TextEncoder()

  /** Which encoding was detected, once known. */
  get detected(): Encoding | undefined {
    return this.encoding
  }

  push(chunk: Uint8Array): Uint8Array[] {
    if (this.encoding === undefined) {
      this.head = concat(this.head, chunk)
      if (this.head.length < 4) return []
      return this.start(this.head)
    }
    return this.convert(chunk, false)
  }

  end(): Uint8Array[] {
    if (this.encoding === undefined) return this.head.length > 0 ? this.start(this.head, true) : []
    return this.convert(new Uint8Array(0), true)
  }

  private start(bytes: Uint8Array, final = false): Uint8Array[] {
    let body = bytes
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      this.encoding = 'utf8'
      body = bytes.subarray(3)
    } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
      this.encoding = 'utf16le'
      body = bytes.subarray(2)
    } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
      this.encoding = 'utf16be'
      body = bytes.subarray(2)
    } else if (bytes.length >= 2 && bytes[0] !== 0 && bytes[1] === 0) {
      // UTF-16 without a BOM: ASCII `{` or whitespace followed by a zero byte.
      this.encoding = 'utf16le'
    } else if (bytes.length >= 2 && bytes[0] === 0 && bytes[1] !== 0) {
      this.encoding = 'utf16be'
    } else {
      this.encoding = 'utf8'
    }
    if (this.encoding !== 'utf8') {
      this.decoder = new TextDecoder(this.encoding === 'utf16le' ? 'utf-16le' : 'utf-16be', {
        fatal: true
      })
    }
    this.head = new Uint8Array(0)
    return this.convert(body, final)
  }

  private convert(chunk: Uint8Array, final: boolean): Uint8Array[] {
    if (this.decoder === undefined) return chunk.length > 0 ? [chunk] : []
    let text: string
    try {
      text = this.decoder.decode(chunk, { stream: !final })
    } catch {
      throw new EncodingError(
        `invalid ${this.encoding === 'utf16le' ? 'UTF-16LE' : 'UTF-16BE'} text`
      )
    }
    return text.length > 0 ? [this.encoder.encode(text)] : []
  }
}

/** The input bytes are not valid text in the detected encoding. */
export class EncodingError extends Error {
  override readonly name = 'EncodingError'
}

const COMMAND_PREFIX = new TextEncoder().encode('[command]')

/**
 * Drops the `[command]…` first line that hashicorp/setup-terraform's wrapper prints before the
 * real output. Passes everything else through unchanged.
 */
export class WrapperStripper {
  private state: 'sniff' | 'skip-line' | 'pass' = 'sniff'
  private head: Uint8Array = new Uint8Array(0)
  /** True when a wrapper line was found and removed. */
  wrapped = false

  push(chunk: Uint8Array): Uint8Array[] {
    if (this.state === 'pass') return [chunk]
    if (this.state === 'skip-line') return this.skipLine(chunk)
    this.head = concat(this.head, chunk)
    const start = firstNonSpace(this.head)
    if (start < 0 || this.head.length - start < COMMAND_PREFIX.length) return []
    return this.decide(start)
  }

  end(): Uint8Array[] {
    if (this.state !== 'sniff') return []
    const rest = this.head
    this.state = 'pass'
    return rest.length > 0 ? [rest] : []
  }

  private decide(start: number): Uint8Array[] {
    const head = this.head
    this.head = new Uint8Array(0)
    const isCommand = COMMAND_PREFIX.every((byte, i) => head[start + i] === byte)
    if (!isCommand) {
      this.state = 'pass'
      return [head]
    }
    this.wrapped = true
    this.state = 'skip-line'
    return this.skipLine(head.subarray(start))
  }

  private skipLine(chunk: Uint8Array): Uint8Array[] {
    const newline = chunk.indexOf(0x0a)
    if (newline < 0) return []
    this.state = 'pass'
    const rest = chunk.subarray(newline + 1)
    return rest.length > 0 ? [rest] : []
  }
}

/**
 * True when text after the JSON document is only the wrapper's trailer: `::debug::…`,
 * `::set-output …` workflow commands, or `%0A`-escaped continuation lines.
 */
export function isWrapperTrailer(trailer: string): boolean {
  return trailer
    .split(/\r?\n/)
    .map((line) => line.trim())
    .every((line) => line === '' || line.startsWith('::') || line.startsWith('%0A'))
}

function firstNonSpace(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]
    if (b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09) return i
  }
  return -1
}

/** A new array: what it returns may be kept while the caller reuses `b`'s buffer. */
function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return new Uint8Array(b)
  const out = new Uint8Array(a.length + b.length)
  out.set(a, 0)
  out.set(b, a.length)
  return out
}

/** How many bytes the UTF-8 sequence led by `c` has (1 for ASCII and for bytes that lead none). */
function sequenceLength(c: number): number {
  if (c >= 0xc2 && c <= 0xdf) return 2
  if (c >= 0xe0 && c <= 0xef) return 3
  if (c >= 0xf0 && c <= 0xf4) return 4
  return 1
}

/** Where the first invalid UTF-8 sequence of `bytes` starts (bytes.length when there is none). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length
  let i = 0
  while (i < n) {
    const c = bytes[i]!
    if (c < 0x80) {
      i++
      continue
    }
    const length = sequenceLength(c)
    if (length === 1 || i + length > n) return i
    const c1 = bytes[i + 1]!
    // The second byte's range excludes overlong forms and surrogates (RFC 3629).
    const low = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80
    const high = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf
    if (c1 < low || c1 > high) return i
    for (let k = 2; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i
    i += length
  }
  return n
}

/**
 * Checks that a byte stream is UTF-8, one chunk at a time (a sequence may be cut by a chunk
 * edge), without holding more than the three bytes of a cut sequence. Throws EncodingError.
 */
export class Utf8Check {
  private carry: Uint8Array = new Uint8Array(0)
  private offset = 0

  push(chunk: Uint8Array): void {
    const n = chunk.length
    let start = 0
    if (this.carry.length > 0) {
      // Complete the sequence cut at the end of the last chunk.
      const want = sequenceLength(this.carry[0]!)
      const take = Math.min(want - this.carry.length, n)
      const joined = new Uint8Array(this.carry.length + take)
      joined.set(this.carry)
      joined.set(chunk.subarray(0, take), this.carry.length)
      if (joined.length < want) {
        this.carry = joined
        this.offset += n
        return
      }
      if (!isUtf8(joined)) throw this.invalid(this.offset - this.carry.length)
      this.carry = new Uint8Array(0)
      start = take
    }
    // A sequence cut by the end of this chunk waits for the next one.
    let cut = n
    for (let k = n - 1; k >= start && k >= n - 3; k--) {
      const c = chunk[k]!
      if (c < 0x80) break
      if (c >= 0xc0) {
        if (k + sequenceLength(c) > n) cut = k
        break
      }
    }
    if (!isUtf8(chunk.subarray(start, cut))) {
      throw this.invalid(this.offset + start + firstInvalidUtf8(chunk.subarray(start, cut)))
    }
    this.carry = cut < n ? new Uint8Array(chunk.subarray(cut)) : this.carry
    this.offset += n
  }

  /** The input ended: a sequence still cut is invalid. */
  end(): void {
    if (this.carry.length > 0) throw this.invalid(this.offset - this.carry.length)
  }

  private invalid(at: number): EncodingError {
    return new EncodingError(`invalid UTF-8 at byte ${at}`)
  }
}
