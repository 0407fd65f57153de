/**
 * Byte-level input normalization before any JSON is read: BOMs, UTF-16 (Windows PowerShell's
 * `>` writes UTF-16LE with a BOM) and the setup-terraform wrapper's `[command]` first line.
 * Everything is incremental so that the show-json scanner never needs the whole file.
 */

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

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b
  const out = new Uint8Array(a.length + b.length)
  out.set(a, 0)
  out.set(b, a.length)
  return out
}
