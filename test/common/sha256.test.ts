/**
 * src/common/sha256.ts: the WebAssembly SHA-256 that hashes a run's first bytes, and node:crypto
 * that takes over on volume, give the same digests: the FIPS 180-4 vectors, and random text with
 * any UTF-16 units (lone surrogates too), at every length around the block boundaries.
 */
import { afterEach, describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  resetSha256ForTests,
  sha256Hex,
  sha256HexOfLines,
  sha256Loaded,
  WASM_BUDGET
} from '../../src/common/sha256.js'
import { SOURCE_SHA256, WASM_BASE64 } from '../../src/common/sha256-wasm.js'
import { ROOT } from '../helpers.js'

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 300)

const nodeHex = (text: string): string => createHash('sha256').update(text).digest('hex')
const nodeLines = (header: string, lines: readonly string[]): string => {
  const hash = createHash('sha256').update(`${header}\n`)
  for (const line of lines) hash.update(`${line}\n`)
  return hash.digest('hex')
}

/** Any UTF-16 code units, lone surrogates included. */
const anyText = (maxLength: number) =>
  fc.string({
    unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)),
    maxLength
  })

/** Only the WebAssembly hash (a budget no test exhausts). */
const wasmOnly = () => resetSha256ForTests(Number.MAX_SAFE_INTEGER)

afterEach(() => resetSha256ForTests())

describe('the WebAssembly SHA-256', () => {
  test('was built from the sha256.c in the tree (SOURCE_SHA256)', () => {
    const source = readFileSync(join(ROOT, 'src', 'common', 'sha256.c'))
    expect(createHash('sha256').update(source).digest('hex')).toBe(SOURCE_SHA256)
    expect(
      WebAssembly.Module.imports(new WebAssembly.Module(Buffer.from(WASM_BASE64, 'base64')))
    ).toEqual([])
  })

  test('FIPS 180-4 vectors', () => {
    wasmOnly()
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
    )
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'
    )
    // All of it in WebAssembly: node:crypto was never needed.
    expect(sha256Loaded()).toEqual({ wasm: true, node: false })
    // A megabyte in a thousand updates.
    expect(sha256HexOfLines('a'.repeat(999), Array<string>(999).fill('a'.repeat(999)))).toBe(
      nodeLines('a'.repeat(999), Array<string>(999).fill('a'.repeat(999)))
    )
  })

  test('every length from 0 to 300 bytes (padding across the block boundary)', () => {
    wasmOnly()
    for (let n = 0; n <= 300; n++) {
      const text = 'x'.repeat(n)
      expect(sha256Hex(text)).toBe(nodeHex(text))
    }
  })

  test('random text, any UTF-16 units: the same digest as node:crypto', () => {
    wasmOnly()
    fc.assert(
      fc.property(anyText(400), (text) => sha256Hex(text) === nodeHex(text)),
      { numRuns: RUNS }
    )
  })

  test('random lines: the same digest as node:crypto updates line by line', () => {
    wasmOnly()
    fc.assert(
      fc.property(anyText(40), fc.array(anyText(120), { maxLength: 30 }), (header, lines) => {
        return sha256HexOfLines(header, lines) === nodeLines(header, lines)
      }),
      { numRuns: RUNS }
    )
  })

  test('a text longer than its buffer goes to node:crypto, with the same digest', () => {
    wasmOnly()
    const long = '€'.repeat(40_000)
    expect(sha256Hex(long)).toBe(nodeHex(long))
    expect(sha256HexOfLines('h', ['a', long, 'b'])).toBe(nodeLines('h', ['a', long, 'b']))
  })
})

describe('budget and fallback', () => {
  test('the same digests before, across and after the switch to node:crypto', () => {
    resetSha256ForTests(2000)
    const texts = Array.from(
      { length: 60 },
      (_, i) => `aws_s3_bucket.b${i}\tdelete\t${'ü'.repeat(i)}`
    )
    expect(texts.map((t) => sha256Hex(t))).toEqual(texts.map(nodeHex))
    expect(sha256HexOfLines('plan-gate fingerprint v2', texts)).toBe(
      nodeLines('plan-gate fingerprint v2', texts)
    )
  })

  test('a whole run in WebAssembly and a whole run in node:crypto agree', () => {
    const texts = ['', 'abc', '\ud800', 'a\udc00b', '😀', 'x'.repeat(64), 'y'.repeat(1000)]
    wasmOnly()
    const wasm = [...texts.map((t) => sha256Hex(t)), sha256HexOfLines('h', texts)]
    resetSha256ForTests(0)
    const node = [...texts.map((t) => sha256Hex(t)), sha256HexOfLines('h', texts)]
    expect(wasm).toEqual(node)
    expect(node[0]).toBe(nodeHex(''))
  })

  test('without WebAssembly (--jitless) node:crypto does it all', () => {
    resetSha256ForTests(WASM_BUDGET, true)
    expect(sha256Hex('abc')).toBe(nodeHex('abc'))
    expect(sha256HexOfLines('h', ['a', 'b'])).toBe(nodeLines('h', ['a', 'b']))
    expect(sha256Loaded()).toEqual({ wasm: false, node: true })
  })
})

describe('lines in pieces', () => {
  test('many lines in node:crypto (fed in 64 KiB pieces): the same digest as line by line', () => {
    resetSha256ForTests(0)
    const lines = Array.from(
      { length: 5000 },
      (_, k) => `aws_s3_bucket.b${k}\tdelete\t€${'x'.repeat(k % 97)}`
    )
    expect(lines.join('\n').length).toBeGreaterThan(3 * 65536)
    expect(sha256HexOfLines('plan-gate fingerprint v2', lines)).toBe(
      nodeLines('plan-gate fingerprint v2', lines)
    )
    fc.assert(
      fc.property(fc.array(anyText(3000), { maxLength: 80 }), (many) => {
        return sha256HexOfLines('h', many) === nodeLines('h', many)
      }),
      { numRuns: 30 }
    )
  })
})
