/**
 * The WebAssembly kernel of the plan readers (src/plan/wasm) against its JavaScript twins, which
 * stay the reference and the fallback:
 *
 * - the embedded module is built from the scan.c in the tree (and, with the same clang, rebuilds
 *   to the same bytes);
 * - the kernel loads in this Node, so that every comparison below runs both paths;
 * - kernel skip_value answers what peek.ts skipValue answers, on random and mutated JSON;
 * - kernel peek_change, where it answers, finds what peek.ts peekChange finds (the end, the
 *   summary, the value spans), on crafted elements, every one-byte edit of them and every cut;
 * - the show-json and JSON Lines readers give deep-equal plans, or the same error message, with
 *   the kernel on and off: on every fixture, on mutated fixtures, on generated plans and on
 *   megabyte inputs cut into chunks of every size (1 byte to more than the kernel's window);
 * - the built CLI under `node --jitless` (no WebAssembly at all) prints what it prints with it.
 *
 * FUZZ_RUNS (default 300) sets the number of cases per property; FUZZ_SEED replays one.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import type { Plan } from '../../src/plan/model.js'
import {
  OUT_OF_BYTES,
  peekChange,
  peekedChange,
  peekedValueSpans,
  SLOW,
  skipValue
} from '../../src/plan/peek.js'
import { PlanReader, readPlan, type ReadInfo, type ReadOptions } from '../../src/plan/read.js'
import { onlyHeaderRead } from '../../src/plan/stream.js'
import { Kernel, kernel, useKernel } from '../../src/plan/wasm/index.js'
import { COMPILER, SOURCE_SHA256, WASM_BASE64 } from '../../src/plan/wasm/scan-wasm.js'
import { byteOpArb, applyBytes, loadCorpus, type ByteOp, type Seed } from '../fuzz/mutations.js'
import { fixture, HAS_REAL, ROOT } from '../helpers.js'
import { requireFreshDist } from '../dist.js'

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 300)
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261122)
const MiB = 1 << 20
/** The kernel's window; every input below that is larger crosses it. */
const CAPACITY = kernel()?.capacity ?? MiB
/** A bound on pushes per read: after it, the rest goes in one chunk. */
const MAX_PUSHES = 20_000

afterEach(() => {
  // A failed test must not leave the kernel off for the next one.
  useKernel(true)
})

function theKernel(): Kernel {
  const k = kernel()
  if (k === undefined) throw new Error('the WebAssembly kernel did not load')
  return k
}

// ---------------------------------------------------------------------------------------------
// Kernel on and off

type Outcome<T> = { readonly ok: T } | { readonly error: string }

function attempt<T>(fn: () => T): Outcome<T> {
  try {
    return { ok: fn() }
  } catch (error) {
    return { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }
  }
}

function withKernel<T>(on: boolean, fn: () => T): T {
  const was = useKernel(on)
  try {
    return fn()
  } finally {
    useKernel(was)
  }
}

const show = (value: unknown): string => {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 300 ? `${text.slice(0, 300)}…` : text
}

/** Where two values first differ, readably; undefined when they are deep-equal. */
function firstDifference(a: unknown, b: unknown, path = ''): string | undefined {
  if (isDeepStrictEqual(a, b)) return undefined
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const inner = firstDifference(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        `${path}.${key}`
      )
      if (inner !== undefined) return inner
    }
  }
  return `${path === '' ? '(the outcome)' : path}: kernel on ${show(a)}, kernel off ${show(b)}`
}

/** Runs `read` with the kernel on and then off: deep-equal results or the same error. */
function parity<T>(what: string, read: () => T): Outcome<T> {
  const on = withKernel(true, () => attempt(read))
  const off = withKernel(false, () => attempt(read))
  const difference = firstDifference(on, off)
  if (difference !== undefined) {
    throw new Error(`kernel on and off disagree on ${what}\n  ${difference}`)
  }
  return on
}

/** Reads `bytes` through PlanReader, pushed in chunks of `sizes` (cycled); [] = one push. */
function readChunks(
  bytes: Uint8Array,
  sizes: readonly number[],
  options?: ReadOptions
): { plan: Plan; info: ReadInfo | undefined } {
  const reader = new PlanReader(options)
  let at = 0
  for (let k = 0; at < bytes.length; k++) {
    const size =
      sizes.length === 0 || k >= MAX_PUSHES ? bytes.length - at : sizes[k % sizes.length]!
    reader.push(bytes.subarray(at, at + size))
    at += size
  }
  return { plan: reader.end(), info: reader.readInfo }
}

const describeSizes = (sizes: readonly number[]): string =>
  sizes.length === 0
    ? 'one chunk'
    : `chunks of ${sizes.slice(0, 6).join(', ')}${sizes.length > 6 ? ', …' : ''}`

/** A small deterministic generator (mulberry32), for chunkings that differ per input. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Chunk sizes mixing 1–7 bytes, ordinary sizes, large ones and the kernel's window ± a few. */
function mixedSizes(seed: number, count = 64): number[] {
  const r = random(seed)
  return Array.from({ length: count }, () => {
    const x = r()
    if (x < 0.35) return 1 + Math.floor(r() * 7)
    if (x < 0.7) return 8 + Math.floor(r() * 4089)
    if (x < 0.9) return 4097 + Math.floor(r() * 200_000)
    return CAPACITY - 3 + Math.floor(r() * 7)
  })
}

const hashOf = (text: string): number => {
  let h = 0
  for (let k = 0; k < text.length; k++) h = (Math.imul(h, 31) + text.charCodeAt(k)) | 0
  return h
}

const chunkSizesArb: fc.Arbitrary<number[]> = fc.oneof(
  fc.constant<number[]>([]),
  fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 4 }),
  fc.array(fc.integer({ min: 8, max: 700 }), { minLength: 1, maxLength: 4 }),
  fc.constant<number[]>([CAPACITY + 1]),
  fc.nat().map((seed) => mixedSizes(seed, 16))
)

// Calls into the kernel, counted: the comparisons must really have gone through it.
const calls = { skipValue: 0, skipUnread: 0, scanLines: 0, lines: 0, peekChange: 0 }

function instrument(k: Kernel): void {
  const proto = Kernel.prototype
  k.skipValue = (o, i, n) => {
    calls.skipValue++
    return proto.skipValue.call(k, o, i, n)
  }
  k.peekChange = (o, start, n) => {
    calls.peekChange++
    return proto.peekChange.call(k, o, start, n)
  }
  k.skipUnread = (o, i, n, depth, state, floor) => {
    calls.skipUnread++
    return proto.skipUnread.call(k, o, i, n, depth, state, floor)
  }
  k.scanLines = (o, i, n) => {
    calls.scanLines++
    const at = proto.scanLines.call(k, o, i, n)
    calls.lines += k.out[2]!
    return at
  }
}

function resetCalls(): void {
  calls.skipValue = calls.skipUnread = calls.scanLines = calls.lines = calls.peekChange = 0
}

beforeAll(() => {
  const k = kernel()
  if (k !== undefined) instrument(k)
})

afterAll(() => {
  const k = kernel()
  if (k === undefined) return
  for (const name of ['skipValue', 'skipUnread', 'scanLines', 'peekChange'])
    Reflect.deleteProperty(k, name)
})

// ---------------------------------------------------------------------------------------------
// Byte edits

/** Bytes that matter to a JSON reader, for edits. */
const INTERESTING = [
  0x22, 0x5c, 0x7b, 0x7d, 0x5b, 0x5d, 0x2c, 0x3a, 0x00, 0x01, 0x1f, 0x0a, 0x0d, 0x09, 0x20, 0x2f,
  0x75, 0x30, 0x31, 0x39, 0x2d, 0x2b, 0x2e, 0x65, 0x45, 0x74, 0x66, 0x6e, 0x7f, 0x80, 0xbf, 0xc3,
  0xe2, 0xed, 0xff
]
const byteArb = fc.oneof(fc.constantFrom(...INTERESTING), fc.nat(255))

interface Edit {
  readonly kind: 'set' | 'insert' | 'delete' | 'truncate'
  /** Position (wraps around the length or the region). */
  readonly at: number
  readonly byte: number
  /** Which region (for edits aimed at a kind of section). */
  readonly region: number
}

const editArb: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom(
    'set' as const,
    'set' as const,
    'insert' as const,
    'delete' as const,
    'truncate' as const
  ),
  at: fc.nat(),
  byte: byteArb,
  region: fc.nat()
})

/** Applies `edit` at position `at` (clamped); returns the bytes and what was done. */
function applyEdit(b: Buffer, at: number, edit: Edit): { bytes: Buffer; step: string } {
  const p = Math.min(at, b.length)
  const hex = `0x${edit.byte.toString(16).padStart(2, '0')}`
  switch (edit.kind) {
    case 'set': {
      if (p >= b.length) return { bytes: b, step: 'set past the end' }
      const out = Buffer.from(b)
      out[p] = edit.byte
      return { bytes: out, step: `byte ${p} := ${hex}` }
    }
    case 'insert':
      return {
        bytes: Buffer.concat([b.subarray(0, p), Buffer.from([edit.byte]), b.subarray(p)]),
        step: `inserted ${hex} at ${p}`
      }
    case 'delete':
      return {
        bytes: Buffer.concat([b.subarray(0, p), b.subarray(p + 1)]),
        step: `deleted byte ${p}`
      }
    case 'truncate':
      return { bytes: b.subarray(0, p), step: `truncated at ${p}` }
  }
}

interface Region {
  readonly start: number
  readonly end: number
}

/** Applies edits, each at a position inside one of `regions` (the whole input when none). */
function applyEdits(
  b: Buffer,
  edits: readonly Edit[],
  regions: readonly Region[]
): { bytes: Buffer; steps: string[] } {
  const steps: string[] = []
  for (const edit of edits) {
    const region = regions.length === 0 ? undefined : regions[edit.region % regions.length]
    const start = region?.start ?? 0
    const span = Math.max(1, (region?.end ?? b.length) - start)
    const applied = applyEdit(b, start + (edit.at % span), edit)
    b = applied.bytes
    steps.push(applied.step)
  }
  return { bytes: b, steps }
}

// ---------------------------------------------------------------------------------------------
// Generated JSON, with whitespace between any two tokens

const wsArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  {
    weight: 1,
    arbitrary: fc.string({
      unit: fc.constantFrom(' ', '\t', '\n', '\r'),
      minLength: 1,
      maxLength: 3
    })
  }
)

/** A JSON string literal of `s`; characters whose `mask` bit is set are written as escapes. */
function literal(s: string, mask: number): string {
  let out = '"'
  let j = 0
  for (const ch of s) {
    const escape = ((mask >>> (j % 32)) & 1) === 1
    j++
    if (!escape) out += JSON.stringify(ch).slice(1, -1)
    else if (ch === '/') out += '\\/'
    else {
      for (let u = 0; u < ch.length; u++) {
        const hex = ch.charCodeAt(u).toString(16).padStart(4, '0')
        out += `\\u${j % 2 === 0 ? hex : hex.toUpperCase()}`
      }
    }
  }
  return `${out}"`
}

const stringArb = fc
  .tuple(
    fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.string({
        unit: fc.constantFrom(
          'a',
          'é',
          '😀',
          '"',
          '\\',
          '/',
          '\n',
          '\u0001',
          '\u001f',
          '\u007f',
          'abcdefghijklmnop'
        ),
        maxLength: 12
      })
    ),
    fc.oneof(fc.constant(0), fc.nat())
  )
  .map(([s, mask]) => literal(s, mask))

const numberArb = fc.oneof(
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => JSON.stringify(d)),
  fc.constantFrom(
    '0',
    '-0',
    '1E5',
    '1e+5',
    '-0.0e-0',
    '123.456E-7',
    '1.0',
    '9007199254740993',
    '1e400'
  )
)

const scalarArb = fc.oneof(numberArb, stringArb, fc.constantFrom('true', 'false', 'null'))

const { value: generatedJson } = fc.letrec<{ value: string; array: string; object: string }>(
  (tie) => ({
    value: fc.oneof({ depthSize: 'small', maxDepth: 6 }, scalarArb, tie('array'), tie('object')),
    array: fc
      .tuple(wsArb, fc.array(fc.tuple(wsArb, tie('value'), wsArb), { maxLength: 5 }))
      .map(([w, items]) =>
        items.length === 0 ? `[${w}]` : `[${items.map(([a, v, b]) => a + v + b).join(',')}]`
      ),
    object: fc
      .tuple(
        wsArb,
        fc.array(fc.tuple(wsArb, stringArb, wsArb, wsArb, tie('value'), wsArb), { maxLength: 5 })
      )
      .map(([w, members]) =>
        members.length === 0
          ? `{${w}}`
          : `{${members.map(([a, k, b, c, v, d]) => `${a}${k}${b}:${c}${v}${d}`).join(',')}}`
      )
  })
)

/** Any JSON value, as text without leading or trailing whitespace. */
const jsonTextArb = fc.oneof(
  { weight: 3, arbitrary: generatedJson },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.jsonValue({ maxDepth: 5 }), fc.constantFrom(undefined, 1, 2, '\t'))
      .map(([v, indent]) => JSON.stringify(v, null, indent))
  }
)

// ---------------------------------------------------------------------------------------------

describe('the embedded module', () => {
  test('was built from the scan.c in the tree (SOURCE_SHA256)', () => {
    const source = readFileSync(join(ROOT, 'src', 'plan', 'wasm', 'scan.c'))
    const digest = createHash('sha256').update(source).digest('hex')
    if (digest !== SOURCE_SHA256) {
      throw new Error(
        `src/plan/wasm/scan.c (sha256 ${digest}) is not what scan-wasm.ts was built from ` +
          `(${SOURCE_SHA256}): run \`npm run build:wasm\``
      )
    }
  })

  // Reproducing the bytes takes the very clang that built them; any other one is skipped.
  const clang = process.env['CLANG'] ?? 'clang'
  const probe = spawnSync(clang, ['--version'], { encoding: 'utf8' })
  const version =
    probe.status === 0 ? (probe.stdout.split('\n')[0] ?? '').trim().replace(/[\\']/g, '') : ''
  // clang links wasm32 with wasm-ld (Debian: the lld package).
  const linker = spawnSync('wasm-ld', ['--version'], { encoding: 'utf8' })
  const why =
    probe.status !== 0
      ? `${clang} is not available (${probe.error?.message ?? `exit ${probe.status}`})`
      : version !== COMPILER
        ? `${clang} is "${version}", the module was built by "${COMPILER}"`
        : linker.status !== 0
          ? 'wasm-ld is not available (Debian: apt-get install lld)'
          : undefined
  if (why !== undefined) {
    process.stdout.write(`wasm.test: skipping the rebuild check: ${why}\n`)
    test.skip(`rebuilds to the same bytes (skipped: ${why})`, () => undefined)
  } else {
    test(`rebuilds to the same bytes with ${COMPILER} (build-wasm --check)`, () => {
      const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-wasm.mjs'), '--check'], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 60_000
      })
      if (r.status !== 0) {
        throw new Error(`build-wasm --check exited ${r.status}: ${r.stderr}${r.stdout}`)
      }
    })
  }

  test('exports what index.ts expects', () => {
    const module = new WebAssembly.Module(Buffer.from(WASM_BASE64, 'base64'))
    expect(
      WebAssembly.Module.exports(module)
        .map((e) => `${e.kind} ${e.name}`)
        .sort()
    ).toEqual([
      'function add_name',
      'function buffer',
      'function capacity',
      'function name_input',
      'function peek_change',
      'function peek_out',
      'function project',
      'function project_names',
      'function project_spans',
      'function project_text',
      'function radius_names',
      'function refresh_out',
      'function result',
      'function scan_lines',
      'function side',
      'function skip_unread',
      'function skip_value',
      'function stack',
      'function state_resource',
      'function walk_out',
      'function walk_tables',
      'memory memory'
    ])
    expect(WebAssembly.Module.imports(module)).toEqual([])
  })
})

describe('the kernel', () => {
  test('loads in this Node (WebAssembly is available), so both paths are compared', () => {
    expect(typeof WebAssembly).toBe('object')
    const k = kernel()
    expect(k).toBeInstanceOf(Kernel)
    expect(k?.capacity).toBe(MiB)
  })

  test('useKernel turns it off and on again', () => {
    const k = theKernel()
    expect(useKernel(false)).toBe(true)
    expect(kernel()).toBeUndefined()
    expect(useKernel(false)).toBe(false)
    expect(useKernel(true)).toBe(false)
    expect(kernel()).toBe(k)
    expect(useKernel(true)).toBe(true)
  })

  test('load copies into the window; offsetOf finds views of it and nothing else', () => {
    const k = theKernel()
    const bytes = Buffer.from('{"a":[1,2,3]}  ')
    const view = k.load(bytes)
    expect(Buffer.compare(view, bytes)).toBe(0)
    expect(k.offsetOf(view)).toBe(0)
    expect(k.offsetOf(view.subarray(5))).toBe(5)
    expect(k.offsetOf(bytes)).toBe(-1)
    expect(k.skipValue(0, 0, view.length)).toBe(13)
    expect(k.skipValue(5, 0, 7)).toBe(7)
    expect(() => k.load(new Uint8Array(k.capacity + 1))).toThrow(RangeError)
    expect(k.load(new Uint8Array(k.capacity)).length).toBe(k.capacity)
  })
})

// ---------------------------------------------------------------------------------------------

/**
 * `bytes` staged in the kernel's window at offset `pad`, with `poison` bytes after them (an
 * over-read would see those): skipValue through the kernel, for any [i, n).
 */
function staged(bytes: Uint8Array, pad: number, poison: number): (i: number, n: number) => number {
  const k = theKernel()
  const stage = new Uint8Array(pad + bytes.length + 48)
  stage.fill(0x5b, 0, pad)
  stage.set(bytes, pad)
  stage.fill(poison, pad + bytes.length)
  const view = k.load(stage).subarray(pad, pad + bytes.length)
  const o = k.offsetOf(view)
  if (o !== pad) throw new Error(`offsetOf gave ${o}, not ${pad}`)
  return (i, n) => k.skipValue(o, i, n)
}

const latin = (b: Uint8Array): string => Buffer.from(b).toString('latin1')

/** Kernel skipValue equals JS skipValue for [i, n) of `bytes`; the answer. */
function expectSkipParity(bytes: Uint8Array, i: number, n: number, pad = 0, poison = 0x31): number {
  const js = skipValue(bytes, i, n)
  const wasm = staged(bytes, pad, poison)(i, n)
  if (wasm !== js) {
    throw new Error(
      `skip_value ${wasm} but skipValue ${js} for i=${i} n=${n} pad=${pad} of ${JSON.stringify(latin(bytes))}`
    )
  }
  return js
}

describe('skip_value ↔ peek.ts skipValue', () => {
  const bytesOf = (text: string): Buffer => Buffer.from(text, 'latin1')

  test('strings around the 16-byte blocks: every length, stop sequence, position and cut', () => {
    const stops = [
      '"',
      '\\',
      '\\n',
      '\\"',
      '\\u00e9',
      '\\uD83D',
      '\\u00g9',
      '\\u12',
      '\\x',
      '\x00',
      '\x1f',
      '\x7f',
      '\x80',
      '\xff',
      '\xc3\xa9',
      ' '
    ]
    let compared = 0
    for (let length = 0; length <= 40; length++) {
      for (let at = 0; at <= length; at++) {
        for (const stop of stops) {
          const text = `"${'a'.repeat(at)}${stop}${'b'.repeat(length - at)}"`
          const bytes = bytesOf(`${text},1`)
          const pad = (length * 7 + at) % 16
          const wasm = staged(bytes, pad, 0x61)
          for (let n = 0; n <= bytes.length; n++) {
            const js = skipValue(bytes, 0, n)
            if (wasm(0, n) !== js) {
              throw new Error(
                `skip_value ${wasm(0, n)} but skipValue ${js} for n=${n} of ${JSON.stringify(latin(bytes))}`
              )
            }
            compared++
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(400_000)
  })

  const CRAFTED = [
    '{"a" : [1, -0.5e+10, 0, -0, 1E5, 2e-0, true, false, null, "x\\u00e9\\n\\"y\\/", {}, [ ], { "k" : { } }], "a long key of more than sixteen bytes \\\\": {"k":"v"}}',
    '[[[[{"a":[{"b":[]}]}]]], "z"]',
    '"a string of exactly thirty-two!!"',
    '-123.456e-789',
    '[true,false,null]',
    '{"\xc3\xa9\xf0\x9f\x98\x80":"\xe6\x97\xa5","\\ud83d\\ude00":"\\uD83D\\uDE00"}',
    '{\r\n\t"k"\t:\r\n[\n1\n,\n2\n]\r\n}'
  ]

  test('every one-byte edit of crafted values, at every cut', () => {
    let slow = 0
    let ok = 0
    for (const text of CRAFTED) {
      const original = bytesOf(text)
      expect(expectSkipParity(original, 0, original.length)).toBe(original.length)
      for (let n = 0; n <= original.length; n++) expectSkipParity(original, 0, n, n % 16)
      for (let at = 0; at < original.length; at++) {
        for (const byte of INTERESTING) {
          for (const kind of ['set', 'insert'] as const) {
            const { bytes } = applyEdit(original, at, { kind, at, byte, region: 0 })
            const r = expectSkipParity(bytes, 0, bytes.length, at % 16, byte)
            expectSkipParity(bytes, 0, Math.min(bytes.length, at + 1))
            if (r === SLOW) slow++
            else if (r >= 0) ok++
          }
        }
        const { bytes } = applyEdit(original, at, { kind: 'delete', at, byte: 0, region: 0 })
        expectSkipParity(bytes, 0, bytes.length)
      }
    }
    // Both answers occur: the edits reach the grammar, not only the ends.
    expect(slow).toBeGreaterThan(1000)
    expect(ok).toBeGreaterThan(1000)
  })

  test('nesting around the 512-level stack, with every inner value and cut', () => {
    const inners = ['0', '[]', '{}', '"s"', '[0]', '{"a":1}', '[[]]', '{"a":{}}']
    const answers = new Set<number>()
    for (let depth = 505; depth <= 515; depth++) {
      for (const opener of ['[', '{"k":', '[ ', '{ "k" : ']) {
        const closer = opener.startsWith('[') ? ']' : '}'
        for (const inner of inners) {
          const bytes = bytesOf(opener.repeat(depth) + inner + closer.repeat(depth))
          const r = expectSkipParity(bytes, 0, bytes.length, depth % 16)
          answers.add(r === bytes.length ? 0 : r)
          answers.add(expectSkipParity(bytes, 0, bytes.length - 1))
          answers.add(expectSkipParity(bytes, 0, Math.floor(bytes.length / 2)))
        }
      }
    }
    // Accepted below the limit, SLOW beyond it, OUT_OF_BYTES when cut.
    expect([...answers].sort()).toEqual([OUT_OF_BYTES, SLOW, 0].sort())
  })

  test(`random and mutated JSON, from any start, to any end (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(
        jsonTextArb,
        fc.option(
          fc.record({
            depth: fc.integer({ min: 505, max: 515 }),
            opener: fc.constantFrom('[', '{"k":', '[\n', '{ "k" :')
          }),
          { freq: 5 }
        ),
        fc.array(editArb, { maxLength: 3 }),
        fc.uint8Array({ maxLength: 12 }),
        fc.uint8Array({ maxLength: 12 }),
        fc.option(fc.nat(), { freq: 3 }),
        fc.nat(31),
        fc.constantFrom(0x31, 0x22, 0x5d, 0x7d, 0x2c, 0x20, 0x5c, 0x65),
        (json, nest, edits, prefix, suffix, cut, pad, poison) => {
          let text = json
          if (nest !== null) {
            const closer = nest.opener.startsWith('[') ? ']' : '}'
            text = nest.opener.repeat(nest.depth) + json + closer.repeat(nest.depth)
          }
          const value = Buffer.from(text)
          if (nest === null) {
            // The generator makes JSON: the reference accepts it whole.
            expect(skipValue(value, 0, value.length)).toBe(value.length)
          }
          const { bytes: mutated } = applyEdits(value, edits, [])
          const bytes = Buffer.concat([prefix, mutated, suffix])
          const i = prefix.length
          const n = cut === null ? bytes.length : i + (cut % (bytes.length - i + 1))
          expectSkipParity(bytes, i, n, pad, poison)
          expectSkipParity(bytes, i, bytes.length, pad, poison)
          expectSkipParity(mutated, 0, mutated.length, 0, poison)
        }
      ),
      { numRuns: RUNS, seed: SEED }
    )
  })
})

// ---------------------------------------------------------------------------------------------

const corpus = loadCorpus()

/** Top-level show-json keys whose values go through skip_unread. */
const UNREAD = new Set([
  'planned_values',
  'prior_state',
  'configuration',
  'variables',
  'output_changes',
  'relevant_attributes',
  'checks'
])
const VALUE_KEYS = new Set([
  'before',
  'after',
  'after_unknown',
  'before_sensitive',
  'after_sensitive'
])

/** Lines [start, end) of `bytes`, without the newline. */
function lineRanges(bytes: Uint8Array): Region[] {
  const out: Region[] = []
  let start = 0
  while (start < bytes.length) {
    const nl = bytes.indexOf(0x0a, start)
    const end = nl < 0 ? bytes.length : nl
    out.push({ start, end })
    start = end + 1
  }
  return out
}

/**
 * Where the kernel does the work in a seed: show-json sections nobody reads and the values of
 * resource changes (skip_unread, skip_value); header-only lines of a stream (scan_lines).
 */
function kernelRegions(seed: Seed): Region[] {
  if (seed.kind === 'show-json') {
    return seed.sites.filter(
      (s) =>
        (s.path.length === 1 && UNREAD.has(String(s.path[0]))) ||
        (s.path.length === 4 &&
          s.path[0] === 'resource_changes' &&
          s.path[2] === 'change' &&
          VALUE_KEYS.has(String(s.path[3])))
    )
  }
  if (seed.kind === 'jsonl') {
    return lineRanges(seed.bytes).filter(({ start, end }) => {
      try {
        const message = JSON.parse(seed.bytes.toString('utf8', start, end)) as { type?: unknown }
        return typeof message.type === 'string' && onlyHeaderRead(message.type)
      } catch {
        return false
      }
    })
  }
  return []
}

const regions = corpus.map(kernelRegions)

describe('whole readers, kernel on and off: fixtures', () => {
  beforeAll(resetCalls)

  test('the corpus has show-json plans and JSON Lines streams, with kernel regions', () => {
    expect(corpus.filter((s) => s.kind === 'show-json').length).toBeGreaterThanOrEqual(
      HAS_REAL ? 40 : 5
    )
    expect(corpus.filter((s) => s.kind === 'jsonl').length).toBeGreaterThanOrEqual(HAS_REAL ? 8 : 3)
    expect(regions.filter((r) => r.length > 0).length).toBeGreaterThanOrEqual(HAS_REAL ? 40 : 6)
    if (!HAS_REAL) process.stdout.write('wasm.test: ../shared/fixtures/real is absent\n')
  })

  test.each(corpus.map((seed, k) => [seed.name, k] as const))('%s', (name, k) => {
    const bytes = corpus[k]!.bytes
    parity(`${name} (readPlan)`, () => readPlan(bytes))
    parity(`${name} (readPlan, unchangedValues)`, () => readPlan(bytes, { unchangedValues: true }))
    const sizes = mixedSizes(hashOf(name))
    parity(`${name} (${describeSizes(sizes)})`, () => readChunks(bytes, sizes))
    if (bytes.length <= 32 * 1024) {
      const tiny = [1 + (k % 7)]
      parity(`${name} (${describeSizes(tiny)})`, () => readChunks(bytes, tiny))
    }
  })

  test('the fixtures went through all four kernel functions', () => {
    expect(calls.skipUnread).toBeGreaterThan(100)
    // Elements are peeked (and their values skipped) in peek_change; skip_value is what peek.ts
    // calls where peek_change stops.
    expect(calls.peekChange).toBeGreaterThan(100)
    expect(calls.skipValue + calls.peekChange).toBeGreaterThan(100)
    expect(calls.skipValue).toBeGreaterThan(0)
    expect(calls.scanLines).toBeGreaterThan(0)
    expect(calls.lines).toBeGreaterThan(0)
  })
})

/**
 * A show-json plan of two kernel windows and more, from the change kinds of kinds.json: the
 * first window edge falls in planned_values (skip_unread), the second in resource_changes.
 */
function bigShowJson(pretty: boolean): Buffer {
  const base = JSON.parse(readFileSync(fixture('plans', 'kinds.json'), 'utf8')) as Record<
    string,
    unknown
  >
  const elements = base['resource_changes'] as Record<string, unknown>[]
  const changes: Record<string, unknown>[] = []
  const resources: Record<string, unknown>[] = []
  let size = 0
  for (let k = 0; size < 0.9 * MiB; k++) {
    for (const element of elements) {
      const address = `${String(element['address'])}[${k}]`
      const copy = { ...element, address, index: k }
      changes.push(copy)
      const values = {
        note: `naïve "quoted" \\ 😀 ${'x'.repeat(500)} ${k}`,
        tags: { n: k, f: -1.5e-7, on: k % 2 === 0, x: null, list: [[], {}, [{ a: '' }]] }
      }
      resources.push({ address, mode: element['mode'], type: element['type'], values })
      size += JSON.stringify(copy).length
    }
  }
  const plan = {
    ...base,
    planned_values: { root_module: { resources } },
    resource_changes: changes,
    prior_state: {
      format_version: '1.0',
      values: { root_module: { resources: resources.slice(0, 99) } }
    }
  }
  return Buffer.from(JSON.stringify(plan, null, pretty ? 1 : undefined))
}

/** A JSON Lines stream of more than a kernel window, mostly refresh messages. */
function bigStream(): Buffer {
  const lines = [VERSION]
  let updates = 0
  for (let n = 0; lines.length < 7000; n++) {
    lines.push(
      refresh(
        n,
        n % 97 === 0 ? 'error' : 'info',
        n % 2 === 0 ? 'refresh_start' : 'refresh_complete'
      )
    )
    if (n % 500 === 0) lines.push(plannedChange(`aws_instance.big${n}`, 'update'))
    if (n % 500 === 0) updates++
  }
  lines.push(summary(0, updates, 0))
  return Buffer.from(`${lines.join('\n')}\n`)
}

describe('whole readers, kernel on and off: more than the kernel window', () => {
  const cases = [
    ['show-json, compact', () => bigShowJson(false)],
    ['show-json, indented', () => bigShowJson(true)],
    ['JSON Lines', bigStream]
  ] as const

  test.each(cases)('%s, in chunks of every size', (name, make) => {
    const bytes = make()
    expect(bytes.length).toBeGreaterThan(CAPACITY + CAPACITY / 4)
    resetCalls()
    const off = withKernel(false, () => readPlan(bytes))
    expect(calls).toEqual({ skipValue: 0, skipUnread: 0, scanLines: 0, lines: 0, peekChange: 0 })
    expect(off.changes.length).toBeGreaterThan(name === 'JSON Lines' ? 10 : 1000)
    const chunkings: number[][] = [
      [],
      [CAPACITY + 1],
      [CAPACITY - 1],
      [65_536],
      mixedSizes(hashOf(name))
    ]
    for (const sizes of chunkings) {
      parity(`${name}, ${bytes.length} bytes in ${describeSizes(sizes)}`, () =>
        readChunks(bytes, sizes)
      )
    }
    if (name === 'JSON Lines') expect(calls.lines).toBeGreaterThan(6000)
    else expect(calls.skipUnread + calls.skipValue + calls.peekChange).toBeGreaterThan(1000)
  })

  test.each(cases)('%s, cut or corrupted at the window edges', (name, make) => {
    const original = make()
    let failures = 0
    for (const at of [CAPACITY - 1, CAPACITY, CAPACITY + 5, 2 * CAPACITY - 2]) {
      if (at >= original.length) continue
      // One push: the windows are [0, CAPACITY), [CAPACITY, 2 CAPACITY) …
      for (const edit of [
        { kind: 'truncate', byte: 0 },
        { kind: 'set', byte: 0x22 },
        { kind: 'insert', byte: 0x5c },
        { kind: 'insert', byte: 0x7d }
      ] as const) {
        const { bytes, step } = applyEdit(original, at, { ...edit, at, region: 0 })
        const r = parity(`${name}, ${step}`, () => readPlan(bytes))
        if ('error' in r) failures++
      }
    }
    expect(failures).toBeGreaterThan(6)
  })
})

describe('whole readers, kernel on and off: mutations', () => {
  // Every byte where the kernel works, replaced by each byte a JSON reader cares about.
  const EDIT_BYTES = [0x22, 0x5c, 0x7b, 0x7d, 0x5b, 0x5d, 0x2c, 0x3a, 0x30, 0x20, 0x00]

  test('every one-byte edit of a small plan, where skip_unread and skip_value work', () => {
    const text =
      '{"format_version":"1.2","planned_values":{"r":[{"k":"v\\u00e9","n":-0.5E-2,"l":[[],{},true]}]},' +
      '"resource_changes":[{"address":"a.b","type":"a","name":"b","change":{"actions":["no-op"],' +
      '"before":{"s":"x\\"y","n":[1e+3,0,false,null],"o":{}}}}],' +
      '"configuration":{"provider_config":{},"root_module":{"x":{"c":[1]}}},"errored":false}'
    const original = Buffer.from(text)
    const from = text.indexOf('"planned_values"') + 17
    const to = text.lastIndexOf(',"errored"')
    let failures = 0
    for (let at = from; at < to; at++) {
      for (const byte of EDIT_BYTES) {
        if (original[at] === byte) continue
        const { bytes, step } = applyEdit(original, at, { kind: 'set', at, byte, region: 0 })
        const r = parity(`the small plan, ${step}`, () => readPlan(bytes))
        if ('error' in r) failures++
      }
    }
    expect(failures).toBeGreaterThan((to - from) * 5)
  })

  test('every one-byte edit of a header-only line amid others', () => {
    const line =
      '{"@level":"error","@message":"m","hook":{"a":[1,-2.5e3,true,null,"s\\"t"],"b":{}},"type":"refresh_start"}'
    const before = `${VERSION}\n${refresh(1)}\n`
    const original = Buffer.from(`${before}${line}\n${refresh(2)}\n${summary(0, 0, 0)}\n`)
    let failures = 0
    for (let at = before.length; at < before.length + line.length; at++) {
      for (const byte of [...EDIT_BYTES, 0x0a, 0x0d]) {
        if (original[at] === byte) continue
        const { bytes, step } = applyEdit(original, at, { kind: 'set', at, byte, region: 0 })
        const r = parity(`the small stream, ${step}`, () => readPlan(bytes))
        if ('error' in r) failures++
      }
    }
    expect(failures).toBeGreaterThan(line.length * 3)
  })

  const seeds = corpus.flatMap((seed, k) =>
    seed.kind === 'show-json' || seed.kind === 'jsonl' ? [k] : []
  )

  test(`mutated fixtures, edits aimed where the kernel works (${RUNS} cases)`, () => {
    let errors = 0
    fc.assert(
      fc.property(
        fc.constantFrom(...seeds),
        fc.array(editArb, { minLength: 1, maxLength: 3 }),
        fc.option(byteOpArb, { freq: 4 }),
        chunkSizesArb,
        (k, edits, op: ByteOp | null, sizes) => {
          const seed = corpus[k]!
          const edited = applyEdits(seed.bytes, edits, regions[k]!)
          let bytes = edited.bytes
          const steps = [...edited.steps]
          if (op !== null) {
            const applied = applyBytes(bytes, op)
            bytes = applied.bytes
            steps.push(applied.step)
          }
          const what = `${seed.name}: ${steps.join('; ')}, ${describeSizes(sizes)}`
          const r = parity(what, () => readChunks(bytes, sizes))
          if ('error' in r) errors++
        }
      ),
      { numRuns: RUNS, seed: SEED }
    )
    expect(errors).toBeGreaterThan(RUNS / 10)
  })

  test(`generated plans: random JSON where skip_unread and skip_value work (${RUNS} cases)`, () => {
    let errors = 0
    fc.assert(
      fc.property(
        fc.array(jsonTextArb, { minLength: 5, maxLength: 5 }),
        fc.array(editArb, { maxLength: 2 }),
        fc.boolean(),
        chunkSizesArb,
        (values, edits, unchangedValues, sizes) => {
          const [planned, prior, root, before, after] = values as [
            string,
            string,
            string,
            string,
            string
          ]
          const spans: Region[] = []
          let text = ''
          const put = (part: string, aimed = false): void => {
            if (aimed)
              spans.push({ start: Buffer.byteLength(text), end: Buffer.byteLength(text + part) })
            text += part
          }
          put('{"format_version":"1.2","planned_values":')
          put(planned, true)
          put(',"resource_changes":[{"address":"a.b","mode":"managed","type":"a","name":"b",')
          put('"provider_name":"registry.terraform.io/hashicorp/a","change":{"actions":["no-op"],')
          put('"before":')
          put(before, true)
          put(',"after":')
          put(after, true)
          put('}}],"prior_state":')
          put(prior, true)
          put(',"configuration":{"provider_config":{"a":{"name":"a"}},"root_module":')
          put(root, true)
          put('},"errored":false}')
          const { bytes, steps } = applyEdits(Buffer.from(text), edits, spans)
          const what = `${JSON.stringify(text).slice(0, 2000)} with ${steps.join('; ') || 'no edit'}, ${describeSizes(sizes)}`
          const r = parity(what, () => readChunks(bytes, sizes, { unchangedValues }))
          if ('error' in r) errors++
          else if (edits.length === 0) expect(r.ok.plan.changes.length).toBe(1)
        }
      ),
      { numRuns: RUNS, seed: SEED }
    )
    expect(errors).toBeGreaterThan(0)
  })

  test.each([63, 64, 65, 511, 512, 513, 65_535, 65_536, 65_537, 70_000])(
    'nesting %i deep where the kernel skips, balanced or not',
    (depth) => {
      for (const balanced of [true, false]) {
        const nested =
          '['.repeat(depth) + '{"a":[1,"x",true]}' + ']'.repeat(balanced ? depth : depth - 1)
        for (const text of [
          `{"format_version":"1.2","planned_values":${nested},"resource_changes":[]}`,
          `{"format_version":"1.2","configuration":{"root_module":${nested}},"resource_changes":[]}`,
          `{"format_version":"1.2","resource_changes":[{"address":"a.b","type":"a","name":"b","change":{"actions":["no-op"],"before":${nested}}}]}`
        ]) {
          const bytes = Buffer.from(text)
          for (const sizes of depth < 1000 ? [[], [4093], [7]] : [[], [4093]]) {
            parity(`${text.slice(0, 60)}… (depth ${depth}, ${describeSizes(sizes)})`, () =>
              readChunks(bytes, sizes)
            )
          }
        }
      }
    }
  )
})

// ---------------------------------------------------------------------------------------------
// JSON Lines

const TS = '"@timestamp":"2026-11-20T10:00:00.000000Z"'
const VERSION = `{"@level":"info","@message":"Terraform 1.9.8","@module":"terraform.ui",${TS},"terraform":"1.9.8","ui":"1.2","type":"version"}`

function resource(addr: string): string {
  return `"resource":{"addr":"${addr}","module":"","resource":"${addr}","implied_provider":"aws","resource_type":"aws_instance","resource_name":"x","resource_key":null}`
}

function refresh(n: number, level = 'info', type = 'refresh_start'): string {
  const addr = `aws_instance.r${n}`
  return `{"@level":"${level}","@message":"${addr}: Refreshing state... [id=i-${n}]","@module":"terraform.ui",${TS},"hook":{${resource(addr)},"id_key":"id","id_value":"i-${n}"},"type":"${type}"}`
}

function plannedChange(addr: string, action: string): string {
  return `{"@level":"info","@message":"${addr}: Plan to ${action}","@module":"terraform.ui",${TS},"change":{${resource(addr)},"action":"${action}"},"type":"planned_change"}`
}

function summary(add: number, change: number, remove: number): string {
  return `{"@level":"info","@message":"Plan: ${add} to add, ${change} to change, ${remove} to destroy.","@module":"terraform.ui",${TS},"changes":{"add":${add},"change":${change},"import":0,"remove":${remove},"operation":"plan"},"type":"change_summary"}`
}

const nest = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth)

/** Header-only lines (and lines that only look like them) that the kernel must get right. */
const TRICKY: readonly string[] = [
  `{"@level":"error","@message":"boom","@module":"terraform.ui",${TS},"type":"apply_errored"}`,
  refresh(1, 'error'),
  '{"@level":"error","typ\\u0065":"refresh_start"}',
  '{"@l\\u0065vel":"error","type":"refresh_start"}',
  '{"@level":"\\u0065rror","type":"refresh_start"}',
  '{"@level":"error","type":"refresh_st\\u0061rt"}',
  `{"@level":"info","change":{${resource('aws_s3_bucket.escaped')},"action":"create"},"type":"planned_ch\\u0061nge"}`,
  `{"type":"refresh_start","@level":"error","type":"planned_change","change":{${resource('aws_instance.repeated')},"action":"delete"}}`,
  '{"type":"planned_change","type":"refresh_start","@level":"error"}',
  `{"type":"refresh_start","@level":"error","typ\\u0065":"planned_change","change":{${resource('aws_instance.escaped_key')},"action":"delete"}}`,
  '{"@level":"error","type":"refresh_start","@l\\u0065vel":"info"}',
  '{"@level":"error","@level":"info","type":"refresh_start"}',
  '{"@level":"error","type":"refresh_start","@level":null}',
  '{"@level":"error","@level":{"x":1},"type":"refresh_start"}',
  '{"type":"refresh_start","hook":{"@level":"error","type":"planned_change"}}',
  '{"@level":"info","type":"refresh_start","@level":"error"}',
  '{"@level":["error"],"type":"refresh_complete"}',
  '{"@level":null,"type":"refresh_complete","x":{"@level":"error","type":"planned_change"}}',
  '{"@level":"error","@message":"Rafraîchissement… 日本語 😀","type":"refresh_start"}',
  '{"@level":"info","@message":"naïve","type":"refresh_start"}',
  '  {"type" : "refresh_start" ,"@level" :"error" }  \t',
  '{"type":"","@level":"error"}',
  '{"@level":"error","@message":"\\ud83d\\ude00 \\ud800 \\"q\\" \\\\ \\/ \\b\\f\\n\\r\\t","type":"refresh_start"}',
  `{"@level":"error","hook":${nest(510)},"type":"refresh_start"}`,
  `{"@level":"error","hook":${nest(511)},"type":"refresh_start"}`,
  `{"@level":"error","hook":${nest(512)},"type":"refresh_start"}`,
  `{"@level":"error","hook":{"a":${nest(511)}},"type":"refresh_start"}`,
  '{"@level":"error","n":[-0,1.5e-3,2E+8,0.0,true,false,null,{},[],""],"type":"refresh_start"}',
  '{"@level":"error","@message":"Error: x","@module":"terraform.ui","diagnostic":{"severity":"error","summary":"x","detail":""},"type":"diagnostic"}',
  '{"@level":"warn","diagnostic":{"severity":"error","summary":"y"},"type":"diagnostic"}',
  '{"@level":"error","type":"change_summary_x"}',
  '{"@level":"error","@module":"tofu.ui","type":"log"}',
  '',
  '   ',
  '\t',
  '\r'
]

/** Lines every reader must reject, with the message it must give (N: the line number). */
const BAD: readonly (readonly [string | Buffer, RegExp])[] = [
  ['{"type":"refresh_start","@level":"error"', /^line N is not valid JSON/],
  ['{"type":"refresh_start"} x', /^line N is not valid JSON/],
  ['{"type":"refresh_start",}', /^line N is not valid JSON/],
  ['{"type":"refresh_start"}{"type":"log"}', /^line N is not valid JSON/],
  ['{"@message":"a\u0001b","type":"refresh_start"}', /^line N is not valid JSON/],
  [`{"hook":${'['.repeat(513)},"type":"refresh_start"}`, /^line N is not valid JSON/],
  ['{"type":1,"@level":"error"}', /^line N has no "type"/],
  ['{"hook":{"type":"log"},"@level":"error"}', /^line N has no "type"/],
  ['["refresh_start"]', /^line N is not a JSON object/],
  [
    Buffer.concat([
      Buffer.from('{"@level":"error","@message":"'),
      Buffer.from([0xff]),
      Buffer.from('","type":"refresh_start"}')
    ]),
    /^line N is not valid UTF-8/
  ]
]

type Line = string | Buffer

/** The stream: lines before the tool is known, the version, refreshes, TRICKY, the summary. */
function trickyLines(long = false): Line[] {
  const refreshes = (from: number, count: number): string[] =>
    Array.from({ length: count }, (_, n) =>
      refresh(
        from + n,
        (from + n) % 13 === 0 ? 'error' : 'info',
        n % 2 === 0 ? 'refresh_start' : 'refresh_complete'
      )
    )
  const lines: Line[] = [
    '{"@level":"info","@message":"hello","@module":"other.ui","type":"log"}',
    '{"@level":"error","@message":"before the version","type":"log"}',
    VERSION,
    ...refreshes(0, 40)
  ]
  for (const [k, line] of TRICKY.entries()) {
    lines.push(line, ...refreshes(100 + 3 * k, k % 3))
  }
  if (long) {
    lines.push(
      `{"@level":"error","@message":"${'a'.repeat(CAPACITY + 100)}","type":"refresh_start"}`,
      ...refreshes(500, 5),
      `{"@level":"info","@message":"${'é'.repeat(CAPACITY / 2 + 50)}","type":"refresh_start"}`,
      ...refreshes(600, 5)
    )
  }
  lines.push(summary(1, 0, 2), '::debug::Terraform exited with code 0.')
  return lines
}

function joinLines(lines: readonly Line[], newline: (k: number) => string): Buffer {
  return Buffer.concat(lines.flatMap((line, k) => [Buffer.from(line), Buffer.from(newline(k))]))
}

const NEWLINES: readonly (readonly [string, (k: number) => string])[] = [
  ['LF', () => '\n'],
  ['CRLF', () => '\r\n'],
  ['mixed', (k) => (k % 3 === 0 ? '\r\n' : '\n')]
]

/** Errors `add` counts, from whole JSON.parse of each line: what both paths must find. */
function referenceErrors(lines: readonly Line[]): number {
  let errors = 0
  for (const line of lines) {
    const text = line.toString().replace(/\r$/, '')
    if (text.trim() === '' || text.startsWith('::')) continue
    const message = JSON.parse(text) as Record<string, unknown>
    const type = message['type'] as string
    const diagnostic = message['diagnostic'] as Record<string, unknown> | undefined
    if (type === 'diagnostic') {
      if (message['@level'] === 'error' || diagnostic?.['severity'] === 'error') errors++
    } else if (onlyHeaderRead(type) && message['@level'] === 'error') errors++
  }
  return errors
}

describe('JSON Lines: header-only lines, kernel on and off', () => {
  const lines = trickyLines()
  const expectedErrors = referenceErrors(lines)

  test('the reference sees the tricky lines as a reader must', () => {
    expect(expectedErrors).toBeGreaterThan(20)
  })

  test.each(NEWLINES)('%s line endings, in chunks of every size', (name, newline) => {
    const bytes = joinLines(lines, newline)
    resetCalls()
    const chunkings = [[], [1], [2], [3], [5], [7], [16], [64], [4096], mixedSizes(hashOf(name))]
    for (const sizes of chunkings) {
      const r = parity(`the tricky stream, ${name}, ${describeSizes(sizes)}`, () =>
        readChunks(bytes, sizes)
      )
      if ('error' in r) throw new Error(`the tricky stream failed: ${r.error}`)
      const plan = r.ok.plan
      expect(plan.errored).toBe(true)
      expect(plan.errorDiagnostics).toBe(expectedErrors)
      expect(plan.source.tool).toBe('terraform')
      expect(plan.changes.map((c) => `${c.address} ${c.action}`).sort()).toEqual([
        'aws_instance.escaped_key delete',
        'aws_instance.repeated delete',
        'aws_s3_bucket.escaped create'
      ])
    }
    expect(calls.lines).toBeGreaterThan(100)
  })

  test('a line longer than the kernel window, ASCII or not', () => {
    const long = trickyLines(true)
    const bytes = joinLines(long, (k) => (k % 2 === 0 ? '\n' : '\r\n'))
    expect(bytes.length).toBeGreaterThan(2 * CAPACITY)
    const chunkings = [[], [4093], [65_536], [CAPACITY - 1], [CAPACITY + 1], mixedSizes(99)]
    for (const sizes of chunkings) {
      const r = parity(`the stream with long lines, ${describeSizes(sizes)}`, () =>
        readChunks(bytes, sizes)
      )
      if ('error' in r) throw new Error(`the stream with long lines failed: ${r.error}`)
      expect(r.ok.plan.errorDiagnostics).toBe(referenceErrors(long))
    }
  })

  test.each(BAD.map(([line, message], k) => [k, line, message] as const))(
    'bad line %i: the same error, with the right line number, at any position',
    (_k, bad, message) => {
      const at = [1, 3, 25, 43, 60, lines.length - 2]
      for (const position of at) {
        const withBad = [...lines.slice(0, position), bad, ...lines.slice(position)]
        for (const [name, newline] of NEWLINES.slice(0, 2)) {
          const bytes = joinLines(withBad, newline)
          for (const sizes of [[], [7], [4096], mixedSizes(position)]) {
            const r = parity(`line ${position + 1} bad, ${name}, ${describeSizes(sizes)}`, () =>
              readChunks(bytes, sizes)
            )
            const want = new RegExp(
              message.source.replace('N', String(position + 1)).replace('^', '^PlanInputError: ')
            )
            expect('error' in r ? r.error : 'read without an error').toMatch(want)
          }
        }
      }
    }
  )

  test(`random streams of these lines, edited and chunked (${RUNS} cases)`, () => {
    const pool: readonly Line[] = [
      ...TRICKY,
      ...BAD.map(([line]) => line),
      refresh(7),
      refresh(8, 'error'),
      plannedChange('aws_instance.p', 'delete'),
      summary(0, 0, 1),
      VERSION
    ]
    const starts = [VERSION, '{"@level":"info","@message":"hi","@module":"other.ui","type":"log"}']
    let errors = 0
    let reads = 0
    fc.assert(
      fc.property(
        fc.nat(starts.length - 1),
        fc.array(fc.nat(pool.length - 1), { maxLength: 30 }),
        fc.constantFrom(...NEWLINES.map(([name]) => name)),
        fc.array(editArb, { maxLength: 2 }),
        fc.boolean(),
        chunkSizesArb,
        (start, picks, newlineName, edits, ending, sizes) => {
          const chosen: Line[] = [starts[start]!, ...picks.map((p) => pool[p]!)]
          if (ending) chosen.push(summary(0, 0, 0))
          const newline = NEWLINES.find(([name]) => name === newlineName)![1]
          const text = joinLines(chosen, newline)
          const { bytes, steps } = applyEdits(text, edits, lineRanges(text))
          const what = `lines ${JSON.stringify([start, ...picks])} (${newlineName}), ${steps.join('; ') || 'no edit'}, ${describeSizes(sizes)}`
          const r = parity(what, () => readChunks(bytes, sizes))
          if ('error' in r) errors++
          else reads++
        }
      ),
      { numRuns: RUNS, seed: SEED }
    )
    expect(errors).toBeGreaterThan(0)
    expect(reads).toBeGreaterThan(0)
  })
})

// ---------------------------------------------------------------------------------------------

describe('node --jitless: the JavaScript fallback end to end', () => {
  beforeAll(() => requireFreshDist('cli'))
  const cliPath = join(ROOT, 'dist', 'cli', 'index.js')
  const env = { ...process.env }
  delete env['NODE_OPTIONS']
  const node = (args: readonly string[]) =>
    spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env, timeout: 60_000 })

  test('there is no WebAssembly under --jitless', () => {
    const r = node(['--jitless', '-e', 'process.stdout.write(typeof WebAssembly)'])
    expect(r.stdout).toBe('undefined')
  })

  test.each(['fixtures/examples/destroy-prod-db.json', 'fixtures/streams/terraform-plan.jsonl'])(
    'dist/cli on %s: the same report and exit code',
    (file) => {
      expect(existsSync(cliPath)).toBe(true)
      const args = [cliPath, file, '--format', 'json']
      const normal = node(args)
      const jitless = node(['--jitless', ...args])
      expect(normal.error).toBeUndefined()
      expect(jitless.error).toBeUndefined()
      expect([0, 1]).toContain(normal.status)
      expect((JSON.parse(normal.stdout) as { decision?: unknown }).decision).toBeDefined()
      expect({ status: jitless.status, stdout: jitless.stdout }).toEqual({
        status: normal.status,
        stdout: normal.stdout
      })
    }
  )
})

// ---------------------------------------------------------------------------------------------

describe('peek_change ↔ peek.ts peekChange', () => {
  const ELEMENTS = [
    '{"address":"module.a[\\"k\\"].aws_db_instance.db[0]","module_address":"module.a[\\"k\\"]","mode":"managed","type":"aws_db_instance","name":"db","index":0,"provider_name":"registry.terraform.io/hashicorp/aws","change":{"actions":["delete","create"],"before":{"id":"x","tags":{"a":"b"}},"after":{"id":"y"},"after_unknown":{"arn":true},"before_sensitive":{},"after_sensitive":false,"replace_paths":[["id"],["tags","a"]],"importing":{"id":"x"}},"action_reason":"replace_because_cannot_update"}',
    '{"address":"aws_s3_bucket.b","previous_address":"aws_s3_bucket.a","type":"aws_s3_bucket","deposed":"00000001","index":"k\\u00e9","change":{"actions":["no-op"],"importing":null,"before":null,"after":null},"extra":[1,{"k":[true,false,null,-1.5e3]}]}',
    '{\r\n "type" : "x_y" ,\n\t"address": "x_y.z",\n "change" : { "actions" : [ ] , "after" : { } }\n}',
    `{"address":"a.b","type":"a","change":{"actions":[${Array(17).fill('"delete"').join(',')}]}}`,
    '{"address":"a.b","type":"a","name":["not","a","scalar"],"change":{"actions":["update"]}}',
    '{"address":"a.b","type":"a","change":{"actions":["upd\\u0061te"],"before":{},"before":{}}}',
    '{"address":"a.b","type":"a","type":"b","change":{"actions":["delete"]}}',
    '{"address":"a.b","type":"a","change":{"actions":["delete"],"importing":null,"importing":{}}}',
    '{"address":"a.b","type":"a","change":{"actions":["delete"]},"change":{"actions":["create"]}}',
    '{"address":"\xc3\xa9.b","type":"a","change":{"actions":["read"]}}'
  ].map((text) => Buffer.from(text, 'latin1'))

  let kernelAnswered = 0

  /** peekChange of [0, n) of `bytes` in the window at `pad`, with the kernel and without. */
  function expectPeekParity(bytes: Buffer, n: number, pad: number): number {
    const k = theKernel()
    const stage = Buffer.alloc(pad + bytes.length + 48, 0x7d)
    bytes.copy(stage, pad)
    const view = k.load(stage).subarray(pad, pad + bytes.length)
    const o = k.offsetOf(view)
    if (k.peekChange(o, 0, n) >= 0) kernelAnswered++
    const found = (): unknown => {
      const end = peekChange(view, 0, n)
      if (end < 0) return end
      return { end, summary: peekedChange(), spans: [...peekedValueSpans()] }
    }
    const withKernel = found()
    useKernel(false)
    const without = found()
    useKernel(true)
    if (!isDeepStrictEqual(withKernel, without)) {
      throw new Error(
        `peekChange ${JSON.stringify(withKernel)} with the kernel, ${JSON.stringify(without)} without, for n=${n} of ${JSON.stringify(latin(bytes))}`
      )
    }
    return typeof without === 'number' ? without : n
  }

  test('crafted elements at every cut', () => {
    kernelAnswered = 0
    let peeked = 0
    for (const bytes of ELEMENTS) {
      for (let n = 0; n <= bytes.length; n++) {
        if (expectPeekParity(bytes, n, n % 16) >= 0) peeked++
      }
    }
    expect(peeked).toBeGreaterThanOrEqual(4)
    expect(kernelAnswered).toBeGreaterThanOrEqual(3)
  })

  test('every one-byte edit of crafted elements', () => {
    kernelAnswered = 0
    for (const original of ELEMENTS) {
      for (let at = 0; at < original.length; at++) {
        for (const byte of INTERESTING) {
          for (const kind of ['set', 'insert'] as const) {
            const { bytes } = applyEdit(original, at, { kind, at, byte, region: 0 })
            expectPeekParity(bytes, bytes.length, at % 16)
          }
        }
      }
    }
    expect(kernelAnswered).toBeGreaterThan(1000)
  })
})
