import { describe, test, expect } from '@jest/globals'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PlanSyntaxError, ShowJsonScanner, type Section } from '../../src/plan/scan.js'

const REAL = new URL('../../../shared/fixtures/real/', import.meta.url)
const SECTIONS: readonly string[] = ['resource_changes', 'resource_drift', 'deferred_changes']
const CHUNK_SIZES = [1, 2, 3, 7, 64, 4096, Infinity]
const encoder = new TextEncoder()

const bytesOf = (input: string | Uint8Array): Uint8Array =>
  typeof input === 'string' ? encoder.encode(input) : input

/** Scans `input` in chunks of `size` bytes and collects everything the scanner reports. */
function run(input: string | Uint8Array, size = Infinity, capture?: string[]) {
  const bytes = bytesOf(input)
  const elements: Array<[Section, unknown]> = []
  const scanner = new ShowJsonScanner((s, e) => elements.push([s, e]), { capture })
  for (let i = 0; i < bytes.length; i += size) scanner.push(bytes.subarray(i, i + size))
  const result = scanner.end()
  return { result, elements, captured: scanner.captured }
}

/** What the scanner should report, derived from a whole-document JSON.parse. */
function expected(text: string) {
  const whole = JSON.parse(text) as Record<string, unknown>
  const elements: Array<[Section, unknown]> = []
  const scalars: Record<string, unknown> = {}
  const containers: Record<string, string> = {}
  for (const [key, value] of Object.entries(whole)) {
    if (value !== null && typeof value === 'object') {
      containers[key] = Array.isArray(value) ? 'array' : 'object'
    } else scalars[key] = value
    if (SECTIONS.includes(key) && Array.isArray(value)) {
      for (const e of value) elements.push([key as Section, e])
    }
  }
  return { keys: Object.keys(whole), scalars, containers, elements }
}

function expectEquivalent(text: string, got: ReturnType<typeof run>): void {
  const want = expected(text)
  expect(got.elements).toEqual(want.elements)
  expect(got.result.keys).toEqual(want.keys)
  expect(got.result.scalars).toEqual(want.scalars)
  expect(got.result.containers).toEqual(want.containers)
  for (const s of SECTIONS) {
    expect(got.result.counts[s as Section]).toBe(want.elements.filter(([k]) => k === s).length)
  }
}

function failure(input: string | Uint8Array, size = Infinity): PlanSyntaxError {
  try {
    run(input, size)
  } catch (e) {
    if (e instanceof PlanSyntaxError) return e
    throw e
  }
  throw new Error('expected a PlanSyntaxError')
}

/** Show-json files among the real fixtures that are UTF-8 (the caller transcodes UTF-16). */
function realPlans(): string[] {
  const root = fileURLToPath(REAL)
  const plans: string[] = []
  for (const rel of readdirSync(root, { recursive: true, encoding: 'utf8' }).sort()) {
    if (!rel.endsWith('.json')) continue
    const bytes = readFileSync(join(root, rel))
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
      continue
    }
    try {
      const doc: unknown = JSON.parse(bytes.toString('utf8'))
      if (doc !== null && typeof doc === 'object' && 'resource_changes' in doc) plans.push(rel)
    } catch {
      // JSON Lines streams and other non-JSON files are not show-json plans.
    }
  }
  return plans
}

const hasReal = existsSync(REAL)
const plans = hasReal ? realPlans() : []

;(hasReal ? describe : describe.skip)('equivalence with real plans', () => {
  test('finds show-json fixtures', () => {
    expect(plans.length).toBeGreaterThan(20)
  })

  test.each(plans.length > 0 ? plans : ['(none)'])('%s', (rel) => {
    const bytes = readFileSync(join(fileURLToPath(REAL), rel))
    const text = bytes.toString('utf8')
    for (const size of CHUNK_SIZES) {
      const got = run(bytes, size)
      expectEquivalent(text, got)
      expect(got.result.bytes).toBe(bytes.length)
      expect(got.result.trailer).toBe('')
    }
  })
})

// Escapes, multi-byte UTF-8, numbers and literals both at the top level and inside elements.
const EDGES =
  '{"format_version":"1.2","s":"a\\"b\\\\c\\/\\u00e9\\n\\t","u":"é 日本 😀","n":-1.5e+10,' +
  '"z":0,"f":0.25,"t":true,"F":false,"N":null,"planned_values":{"x":["\\u00e9\\\\",-0.5E-3,' +
  'true,false,null,{"y":"😀\\""}]},"resource_changes":[{"address":"x\\"]}","v":[-1.5e+10,true,' +
  'false,null,"日本😀\\\\"]},"é😀",-0.0e-0,true,null,[],"\\\\"],"configuration":{"k":"\\u00e9"},' +
  '"errored":false}'

describe('chunk boundaries', () => {
  test.each([1, 2, 3, 4, 5, 6, 7, 8, 13, 64, Infinity])('chunks of %s bytes', (size) => {
    expectEquivalent(EDGES, run(EDGES, size))
  })

  test('every split point into two chunks', () => {
    const bytes = bytesOf(EDGES)
    for (let k = 0; k <= bytes.length; k++) {
      const elements: unknown[] = []
      const scanner = new ShowJsonScanner((_s, e) => elements.push(e))
      scanner.push(bytes.subarray(0, k))
      scanner.push(bytes.subarray(k))
      expect(scanner.end().scalars).toEqual(expected(EDGES).scalars)
      expect(elements).toEqual(expected(EDGES).elements.map(([, e]) => e))
    }
  })

  test('copies partial records, so callers may reuse their buffer', () => {
    const bytes = bytesOf('{"resource_changes":[{"a":"abcdef"}],"x":"12345678"}')
    const buffer = new Uint8Array(8)
    const elements: unknown[] = []
    const scanner = new ShowJsonScanner((_s, e) => elements.push(e))
    for (let i = 0; i < bytes.length; i += 8) {
      const piece = bytes.subarray(i, i + 8)
      buffer.fill(0x41)
      buffer.set(piece)
      scanner.push(buffer.subarray(0, piece.length))
    }
    expect(elements).toEqual([{ a: 'abcdef' }])
    expect(scanner.end().scalars).toEqual({ x: '12345678' })
  })
})

const PLAN = {
  format_version: '1.2',
  terraform_version: '1.9.5',
  variables: { region: { value: 'eu-west-1' } },
  planned_values: {
    root_module: { resources: [{ address: 'aws_s3_bucket.b', values: { n: -1.5e10, t: null } }] }
  },
  resource_drift: [],
  resource_changes: [
    {
      address: 'aws_s3_bucket.b',
      change: {
        actions: ['delete'],
        before: { note: 'é 日本 😀 "q" \\ \n', size: 0.5 },
        after: null
      }
    },
    {
      address: 'aws_db_instance.db',
      change: { actions: ['delete', 'create'], before: { port: 5432 }, after: { port: 5433 } }
    }
  ],
  prior_state: { format_version: '1.0', values: { root_module: { resources: [] } } },
  configuration: {
    root_module: { resources: [{ address: 'aws_s3_bucket.b', expressions: { force: true } }] }
  },
  timestamp: '2024-01-01T00:00:00Z',
  applyable: true,
  complete: true,
  errored: false
}

describe('layouts', () => {
  const { errored, complete, ...rest } = PLAN
  test.each([
    ['minified', JSON.stringify(PLAN)],
    ['pretty-printed', JSON.stringify(PLAN, null, 2)],
    ['tabs and CRLF', JSON.stringify(PLAN, null, '\t').replace(/\n/g, '\r\n')],
    ['leading whitespace', '\n \t' + JSON.stringify(PLAN)],
    ['flags first', JSON.stringify({ errored, complete, ...rest })]
  ])('%s', (_name, text) => {
    for (const size of [1, 5, Infinity]) expectEquivalent(text, run(text, size))
  })

  test('keys that only look like sections below the top level are not streamed', () => {
    const text = JSON.stringify({
      configuration: { resource_changes: [{ a: 1 }], resource_drift: [2] },
      planned_values: { root_module: { deferred_changes: [3] } },
      resource_changes: [{ change: { resource_drift: [4], resource_changes: [5] } }]
    })
    const got = run(text, 3)
    expect(got.elements).toEqual([
      ['resource_changes', { change: { resource_drift: [4], resource_changes: [5] } }]
    ])
  })

  test('streams all three sections in document order', () => {
    const text =
      '{"deferred_changes":[{"reason":"unknown"}],"resource_changes":[1,{"a":2}],' +
      '"resource_drift":[[3]]}'
    const got = run(text, 2)
    expect(got.elements).toEqual([
      ['deferred_changes', { reason: 'unknown' }],
      ['resource_changes', 1],
      ['resource_changes', { a: 2 }],
      ['resource_drift', [3]]
    ])
    expect(got.result.counts).toEqual({
      resource_changes: 2,
      resource_drift: 1,
      deferred_changes: 1
    })
  })

  test('empty and missing sections', () => {
    const got = run('{"format_version":"1.2","resource_drift":[],"errored":false}')
    expect(got.elements).toEqual([])
    expect(got.result.containers).toEqual({ resource_drift: 'array' })
    expect(got.result.counts).toEqual({
      resource_changes: 0,
      resource_drift: 0,
      deferred_changes: 0
    })
  })

  test('sections that are not arrays are reported, not streamed', () => {
    const got = run('{"resource_changes":{"a":[1]},"resource_drift":null,"deferred_changes":"x"}')
    expect(got.elements).toEqual([])
    expect(got.result.containers).toEqual({ resource_changes: 'object' })
    expect(got.result.scalars).toEqual({ resource_drift: null, deferred_changes: 'x' })
  })

  test.each([1, 2, Infinity])('captures named values whole (chunks of %s)', (size) => {
    const text = JSON.stringify(PLAN, null, 1)
    const got = run(text, size, ['configuration', 'terraform_version', 'absent'])
    expect(got.captured).toEqual({
      configuration: PLAN.configuration,
      terraform_version: '1.9.5'
    })
    expect(got.result.containers.configuration).toBe('object')
  })

  test.each([1, 2, 5, Infinity])(
    'captures one child of a top-level object (chunks of %s)',
    (size) => {
      const config = {
        provider_config: { aws: { name: 'aws', expressions: { region: { constant_value: 'x' } } } },
        root_module: { resources: [{ a: [1, { b: 'c' }] }], provider_config: 'nested: not this' }
      }
      for (const configuration of [config, { ...config, provider_config: 'last wins' }]) {
        const text = JSON.stringify({ ...PLAN, configuration }, null, 1)
        const got = run(text, size, ['configuration.provider_config', 'absent.child'])
        expect(got.captured).toEqual({
          'configuration.provider_config': configuration.provider_config
        })
        expectEquivalent(text, got)
      }
      // Repeated keys: the last one, as JSON.parse of the whole object would give.
      const twice = '{"configuration":{"provider_config":1,"x":[{}],"provider_config":{"a":2}}}'
      expect(run(twice, size, ['configuration.provider_config']).captured).toEqual({
        'configuration.provider_config': { a: 2 }
      })
      // Not an object: nothing to capture, nothing read.
      const list = '{"configuration":[{"provider_config":1}]}'
      expect(run(list, size, ['configuration.provider_config']).captured).toEqual({})
      const broken = '{"configuration":{"provider_config":{"a":[1}}}'
      expect(failure(broken, size).message).toBe(failure(broken).message)
    }
  )

  test.each([
    ['a wrapper trailer', '{"a":1}\n::debug::x\n', '::debug::x'],
    ['nothing after the object', '{"a":1}\r\n\t ', ''],
    ['a second object', '{"a":1} {"b":', '{"b":']
  ])('trailer: %s', (_name, text, trailer) => {
    for (const size of [1, Infinity]) {
      const got = run(text, size)
      expect(got.result.trailer).toBe(trailer)
      expect(got.result.bytes).toBe(bytesOf(text).length)
    }
  })

  test('stores at most 64 KiB of trailer but counts every byte', () => {
    const text = '{}\n' + 'x'.repeat(100_000)
    const got = run(text, 4096)
    expect(got.result.trailer).toBe('x'.repeat(65536))
    expect(got.result.bytes).toBe(100_003)
  })
})

describe('fails closed', () => {
  test('every truncation of a small plan throws at the end of input', () => {
    const bytes = bytesOf(JSON.stringify(PLAN, null, 1))
    expect(bytes.length).toBeGreaterThan(900)
    for (let k = 0; k < bytes.length; k++) {
      const err = failure(bytes.subarray(0, k))
      expect(err.offset).toBe(k)
    }
    expect(failure(bytes.subarray(0, 700), 1).message).toMatch(
      /(end of input|unterminated string) inside \w+/
    )
  })

  test.each([
    ['flipped brace', '{"planned_values":{"a":{"b":1{}}', /unexpected character '\{'/],
    ['unterminated string', '{"planned_values":{"a":"abc}}', /unterminated string/],
    ['bad escape', '{"planned_values":{"a":"\\x"}}', /invalid escape/],
    ['bad unicode escape', '{"a":"\\u12G4"}', /invalid \\u escape/],
    ['raw newline in a string', '{"planned_values":{"a":"x\ny"}}', /raw control character/],
    ['raw tab in a key', '{"a\tb":1}', /raw control character/],
    ['trailing comma in an object', '{"planned_values":{"a":1,}}', /unexpected character '\}'/],
    ['trailing comma in an array', '{"planned_values":[1,]}', /unexpected character '\]'/],
    ['trailing comma at the top', '{"a":1,}', /unexpected character '\}'/],
    ['missing comma', '{"planned_values":[1 2]}', /unexpected character '2'/],
    ['missing comma between keys', '{"a":1 "b":2}', /unexpected character '"'/],
    ['missing colon', '{"a" 1}', /unexpected character '1'/],
    ['missing value', '{"a":}', /unexpected character '\}'/],
    ['unquoted key', '{"planned_values":{a:1}}', /unexpected character 'a'/],
    ['tru', '{"planned_values":[tru]}', /unexpected character '\]'/],
    ['nul at the end of input', '{"a":nul', /end of input/],
    ['leading zero', '{"planned_values":[01]}', /leading zero/],
    ['1.', '{"planned_values":[1.]}', /invalid number/],
    ['lone minus', '{"planned_values":[-]}', /invalid number/],
    ['1e', '{"planned_values":[1e]}', /invalid number/],
    ['plus sign', '{"planned_values":[+1]}', /unexpected character '\+'/],
    ['bare fraction', '{"planned_values":[.5]}', /unexpected character '\.'/],
    ['hex number', '{"a":0x1}', /unexpected character 'x'/],
    ['top-level array', '[{"a":1}]', /expected a JSON object at the top level/],
    ['top-level string', ' "x"', /expected a JSON object at the top level/],
    ['empty input', '', /empty input/],
    ['whitespace-only input', ' \n\t\r ', /empty input/],
    ['duplicate top-level key', '{"x":1,"planned_values":{},"x":2}', /duplicate top-level key "x"/],
    ['garbage in a skipped section', '{"planned_values": {"a": nope}}', /unexpected character 'o'/],
    ['mismatched brackets', '{"planned_values":[}]}', /unexpected character '\}'/],
    ['close at the top', '}', /unexpected character '\}'/],
    ['garbage in an element', '{"resource_changes":[{"a":nope}]}', /unexpected character 'o'/],
    ['mismatch in an element', '{"resource_changes":[{"a":[1}]}', /unexpected character '\}'/],
    ['raw newline in an element', '{"resource_changes":[{"a":"x\ny"}]}', /raw control character/],
    ['truncated element', '{"resource_changes":[{"a":"x"}', /end of input inside resource_changes/],
    ['unterminated element', '{"resource_changes":[{"a":"x', /unterminated string/],
    ['junk between elements', '{"resource_changes":[{"a":1}x]}', /unexpected character 'x'/],
    ['invalid UTF-8 in an element', '{"resource_changes":["\xff"]}', /invalid UTF-8/]
  ])('%s', (_name, text, message) => {
    const input = text.includes('\xff') ? Uint8Array.from(text, (c) => c.charCodeAt(0)) : text
    const whole = failure(input)
    expect(whole.message).toMatch(message)
    const bytewise = failure(input, 1)
    expect(bytewise.message).toBe(whole.message)
    expect(bytewise.offset).toBe(whole.offset)
  })

  test.each([
    ['{"a":tru}', 8],
    ['{"planned_values":{"a":"x\ny"}}', 25],
    ['{"resource_changes":[{"ok":1},{"a":[1}]}', 37],
    ['{"resource_changes":[{"a":"x\ny"}]}', 28]
  ])('reports the byte offset: %j', (text, offset) => {
    const err = failure(text)
    expect(err.offset).toBe(offset)
    expect(err.message).toContain(`at byte ${offset}`)
  })

  // Sections nobody reads go through a fast path within a chunk (skipUnread) and the token
  // state machine across chunk edges: both must agree with each other and with JSON.parse.
  test('every one-byte corruption: the same error at every chunk size, as JSON.parse decides', () => {
    // Minified: JSON.stringify(PLAN, null, 1) goes through the same code with more whitespace.
    for (const text of [JSON.stringify(PLAN)]) {
      const bytes = bytesOf(text)
      const bad = [0x00, 0x0a, 0x22, 0x2c, 0x2e, 0x30, 0x3a, 0x5c, 0x5d, 0x65, 0x74, 0x7d]
      let errors = 0
      for (let at = 0; at < bytes.length; at++) {
        for (const b of bad) {
          if (bytes[at] === b) continue
          const mutated = Uint8Array.from(bytes)
          mutated[at] = b
          let valid = true
          try {
            JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(mutated))
          } catch {
            valid = false
          }
          let trailer = ''
          const errs = [Infinity, 3].map((size) => {
            try {
              trailer = run(mutated, size).result.trailer
              return undefined
            } catch (e) {
              if (e instanceof PlanSyntaxError) return `${e.offset}: ${e.message}`
              throw e
            }
          })
          expect(errs[1]).toBe(errs[0])
          // Beyond JSON: the top level must be an object without repeated keys, and text after
          // it is the caller's to judge (the trailer).
          if (errs[0] === undefined && trailer === '') expect(valid).toBe(true)
          else if (errs[0] !== undefined && !/duplicate top-level key|top level/.test(errs[0])) {
            expect(valid).toBe(false)
          }
          if (errs[0] !== undefined) errors++
        }
      }
      expect(errors).toBeGreaterThan(bytes.length * 5)
    }
  })

  test.each([64, 65, 200, 5000])('nesting %i deep in a skipped section', (depth) => {
    const nested = '['.repeat(depth) + '{"a":[1,"x",true]}' + ']'.repeat(depth)
    const text = `{"planned_values":${nested},"resource_changes":[],"errored":false}`
    for (const size of [Infinity, 100, 1]) expectEquivalent(text, run(text, size))
    const broken = text.replace('"x"', '"x" 2')
    for (const size of [Infinity, 100, 1]) {
      expect(failure(broken, size).message).toBe(failure(broken).message)
    }
  })

  test('never echoes plan content in messages', () => {
    const cases = [
      '{"variables":{"pw":{"value":"hunter2"}},"planned_values":{"x":"hunter2" oops}}',
      '{"resource_changes":[{"secret":"hunter2",}]}',
      '{"resource_changes":[{"secret":"hunter2"',
      '{"Hunter2 pw":1,"Hunter2 pw":2}'
    ]
    for (const text of cases) {
      const err = failure(text)
      expect(err.message).not.toMatch(/hunter|secret|oops|\bpw\b/i)
    }
  })
})
