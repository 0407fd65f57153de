/**
 * The peek (src/plan/peek.ts) may only ever say "valid JSON, and here is what JSON.parse would
 * give for these keys"; anything else must send the caller to the JSON.parse path. Checked on
 * every element of the real plans, on crafted elements, on every corruption of a no-op element,
 * and through the scanner and reader, where a skipped element must fail exactly like a parsed one.
 */
import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { PlanInputError } from '../../src/plan/errors.js'
import {
  OUT_OF_BYTES,
  PEEK_FIELDS,
  peekChange,
  peekedChange,
  peekedValueSpans,
  peekMessage,
  SLOW,
  skipValue,
  VALUE_KEYS,
  type ChangeSummary
} from '../../src/plan/peek.js'
import { PlanReader, readPlan } from '../../src/plan/read.js'
import { PlanSyntaxError, ShowJsonScanner, type Section } from '../../src/plan/scan.js'
import { FIXTURES, HAS_REAL, realFiles } from '../helpers.js'

const encoder = new TextEncoder()
const bytesOf = (text: string): Uint8Array => encoder.encode(text)

/** JSON.parse of UTF-8 bytes as the scanner's slow path does it; undefined when invalid. */
function parseStrict(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown
  } catch {
    return undefined
  }
}

/** What the summary must be for a parsed element. */
function summaryOf(element: Record<string, unknown>): ChangeSummary {
  const change = element['change'] as Record<string, unknown>
  const fields = Object.fromEntries(PEEK_FIELDS.map((k) => [k, element[k]]))
  const importing = change['importing'] !== undefined && change['importing'] !== null
  const replacePaths = change['replace_paths']
  return { fields, actions: change['actions'], importing, replacePaths } as ChangeSummary
}

/** peekChange on the whole text: the summary, or SLOW / OUT_OF_BYTES. */
function peek(text: string): ChangeSummary | number {
  const bytes = bytesOf(text)
  const end = peekChange(bytes, 0, bytes.length)
  if (end < 0) return end
  expect(end).toBe(bytes.length)
  return peekedChange()
}

/** Peeks every section element while the scanner parses it too; pairs them up. */
function peekAll(bytes: Uint8Array, size: number) {
  let pending: ChangeSummary | undefined
  const pairs: Array<[ChangeSummary, unknown]> = []
  let parsed = 0
  const scanner = new ShowJsonScanner(
    (section, element) => {
      if (section !== 'deferred_changes') parsed++
      if (pending !== undefined) pairs.push([pending, element])
      pending = undefined
    },
    {
      peek: (_section, summary) => {
        pending = summary
        return 'parse'
      }
    }
  )
  for (let i = 0; i < bytes.length; i += size) scanner.push(bytes.subarray(i, i + size))
  scanner.end()
  return { pairs, parsed }
}

/** Show-json plans among the repo's and the real fixtures (UTF-8 ones; UTF-16 is transcoded). */
function showJsonFixtures(): string[] {
  const own = ['examples', 'plans'].flatMap((dir) =>
    readdirSync(join(FIXTURES, dir)).map((n) => join(FIXTURES, dir, n))
  )
  return [...own, ...realFiles()].filter((f) => {
    if (!f.endsWith('.json')) return false
    const bytes = readFileSync(f)
    if (bytes[0] === 0xff || bytes[0] === 0xfe) return false
    try {
      const doc: unknown = JSON.parse(bytes.toString('utf8'))
      return doc !== null && typeof doc === 'object' && 'resource_changes' in doc
    } catch {
      return false
    }
  })
}

const fixtures = showJsonFixtures()
const label = (f: string): string => relative(join(FIXTURES, '..', '..'), f)

describe('the summary equals JSON.parse on every fixture element', () => {
  // The repo's own plans are always there; the real corpus only beside a developer's clone.
  const withReal = (name: string, fn: () => void): void =>
    HAS_REAL
      ? test(name, fn)
      : test.skip(`${name} (skipped: ../shared/fixtures/real is absent)`, fn)

  test('there are fixtures', () => {
    expect(fixtures.filter((f) => f.startsWith(FIXTURES)).length).toBeGreaterThanOrEqual(5)
  })

  withReal('the real corpus is there', () => {
    expect(fixtures.length).toBeGreaterThan(20)
  })

  test.each(fixtures.map((f) => [label(f), f]))('%s', (_name, file) => {
    const bytes = readFileSync(file)
    const whole = peekAll(bytes, Infinity).pairs.length
    for (const size of [Infinity, 4096, 7, 1]) {
      const { pairs } = peekAll(bytes, size)
      // Elements cut by chunk edges are peeked once whole: the same ones at every size.
      expect(pairs.length).toBe(whole)
      for (const [summary, element] of pairs) {
        expect(summary).toEqual(summaryOf(element as Record<string, unknown>))
        for (const k of PEEK_FIELDS) {
          // toEqual treats -0 and 0 alike, and undefined like absent: be exact.
          expect(Object.is(summary.fields[k], (element as Record<string, unknown>)[k])).toBe(true)
        }
      }
    }
  })

  withReal('most real elements are peeked, not sent to the slow path', () => {
    let elements = 0
    let peeked = 0
    for (const file of fixtures) {
      const { pairs, parsed } = peekAll(readFileSync(file), Infinity)
      elements += parsed
      peeked += pairs.length
    }
    expect(elements).toBeGreaterThan(100)
    expect(peeked / elements).toBeGreaterThan(0.8)
  })

  test('chunk edges change nothing: the same summaries at every chunk size', () => {
    const bytes = readFileSync(join(FIXTURES, 'plans', 'kinds.json'))
    const whole = peekAll(bytes, Infinity).pairs.map(([s]) => s)
    expect(whole.length).toBeGreaterThan(3)
    for (const size of [1, 2, 3, 5, 64, 1000]) {
      expect(peekAll(bytes, size).pairs.map(([s]) => s)).toEqual(whole)
    }
  })
})

const NOOP = {
  address: 'module.m["é 😀"].aws_s3_bucket.b[0]',
  module_address: 'module.m["é 😀"]',
  mode: 'managed',
  type: 'aws_s3_bucket',
  name: 'b',
  index: 0,
  provider_name: 'registry.terraform.io/hashicorp/aws',
  change: {
    actions: ['no-op'],
    before: { bucket: 'b', tags: { Name: 'x "y" \\ z\n', n: -1.5e10 }, list: [true, false, null] },
    after: { bucket: 'b', tags: { Name: 'x "y" \\ z\n', n: -1.5e10 }, list: [true, false, null] },
    after_unknown: {},
    before_sensitive: {},
    after_sensitive: {}
  }
}

describe('peekChange', () => {
  test.each([
    ['Terraform order', NOOP],
    ['keys in reverse order', Object.fromEntries(Object.entries(NOOP).reverse())],
    ['no optional keys', { type: 'null_resource', name: 'n', change: { actions: ['read'] } }],
    [
      'every field kind',
      {
        change: { importing: { id: 'x' }, actions: ['create', 'delete'], generated_config: 'x' },
        index: 'a "key"',
        deposed: '00000001',
        previous_address: 'aws_s3_bucket.old',
        action_reason: 'replace_because_tainted',
        address: 'aws_s3_bucket.new',
        mode: 'data',
        type: 't',
        name: 'new'
      }
    ],
    [
      'importing null',
      { address: 'a.b', type: 'a', change: { actions: ['no-op'], importing: null } }
    ],
    [
      'a negative index',
      { address: 'a.b[-3]', type: 'a', index: -3, change: { actions: ['no-op'] } }
    ],
    [
      'a big index',
      { address: 'a.b', type: 'a', index: 12345678901, change: { actions: ['no-op'] } }
    ],
    ['a float index', { address: 'a.b', type: 'a', index: 1.5e-3, change: { actions: ['x'] } }],
    ['odd scalars', { address: 'a.b', type: true, name: null, mode: 5, change: { actions: [] } }],
    ['empty actions', { address: 'a.b', change: { actions: [] } }],
    ['unknown actions', { address: 'a.b', change: { actions: ['no-op', 'no-op'] } }]
  ])('%s: the same as JSON.parse', (_name, element) => {
    for (const text of [JSON.stringify(element), JSON.stringify(element, null, 2)]) {
      expect(peek(text)).toEqual(summaryOf(element as Record<string, unknown>))
    }
  })

  test('escapes in values are decoded as JSON.parse decodes them', () => {
    const text =
      '{"address":"a\\u002eb\\"\\\\\\/\\n","type":"t","change":{"actions":["no\\u002dop"]}}'
    expect(peek(text)).toEqual(summaryOf(JSON.parse(text) as Record<string, unknown>))
  })

  test.each([
    ['an escaped key', '{"addr\\u0065ss":"x","change":{"actions":["no-op"]}}'],
    ['an escaped key in change', '{"change":{"act\\u0069ons":["no-op"]}}'],
    ['a repeated field', '{"address":"a","address":"b","change":{"actions":["no-op"]}}'],
    ['a repeated change', '{"change":{"actions":["no-op"]},"change":{"actions":["delete"]}}'],
    ['repeated actions', '{"change":{"actions":["no-op"],"actions":["delete"]}}'],
    ['repeated importing', '{"change":{"actions":["no-op"],"importing":{},"importing":null}}'],
    [
      'repeated replace_paths',
      '{"change":{"actions":["no-op"],"replace_paths":[["a"]],"replace_paths":[]}}'
    ],
    ['a repeated before', '{"change":{"actions":["delete"],"before":{},"before":null}}'],
    ['a container field', '{"address":["a"],"change":{"actions":["no-op"]}}'],
    ['non-string actions', '{"change":{"actions":["no-op",1]}}'],
    ['actions not a list', '{"change":{"actions":"no-op"}}'],
    ['non-ASCII actions', '{"change":{"actions":["nö-op"]}}'],
    ['change not an object', '{"change":["no-op"]}'],
    ['no change', '{"address":"a"}'],
    ['no actions', '{"change":{}}'],
    ['an empty object', '{}'],
    ['not an object', '["a"]'],
    ['too deep', `{"change":{"actions":["no-op"],"before":${'['.repeat(600)}${']'.repeat(600)}}}`]
  ])('%s: the slow path decides', (_name, text) => {
    expect(peek(text)).toBe(SLOW)
    JSON.parse(text) // still valid JSON: SLOW is about certainty, not validity
  })

  test('replace_paths is read, and where the values are is recorded', () => {
    const text =
      '{"change":{"actions":["delete","create"],"before":{"a":1},"after":null,"replace_paths":[["a"],["b",0]]}}'
    const summary = peek(text)
    expect(summary).toEqual(expect.objectContaining({ replacePaths: [['a'], ['b', 0]] }))
    const spans = peekedValueSpans()
    const bytes = bytesOf(text)
    const at = (k: number): string =>
      spans[2 * k]! < 0
        ? '(absent)'
        : Buffer.from(bytes.subarray(spans[2 * k]!, spans[2 * k + 1]!)).toString()
    expect(VALUE_KEYS.map((_, k) => at(k))).toEqual([
      '{"a":1}',
      'null',
      '(absent)',
      '(absent)',
      '(absent)',
      '[["a"],["b",0]]'
    ])
  })

  test('every prefix of an element is OUT_OF_BYTES, never a summary', () => {
    const bytes = bytesOf(JSON.stringify(NOOP))
    for (let k = 0; k < bytes.length; k++) {
      expect(peekChange(bytes, 0, k)).toBe(OUT_OF_BYTES)
    }
  })

  test('neighbours whose fields have the same length but other text are read as they are', () => {
    const element = (type: string, provider: string, reason: string) => ({
      address: `${type}.x`,
      mode: 'managed',
      type,
      name: 'x',
      provider_name: provider,
      change: { actions: ['delete'], before: null, after: null },
      action_reason: reason
    })
    const sequence = [
      element(
        'aws_s3_bucket',
        'registry.terraform.io/hashicorp/aws',
        'delete_because_no_resource_config'
      ),
      element(
        'aws_s3_bucket',
        'registry.terraform.io/hashicorp/aws',
        'delete_because_no_resource_config'
      ),
      element(
        'aws_s3_bucke1',
        'registry.terraform.io/hashicorp/awz',
        'delete_because_no_resource_confiG'
      ),
      element(
        'aws_s3_bucket',
        'registry.terraform.io/hashicorp/aws',
        'delete_because_no_resource_config'
      ),
      // Non-ASCII text of as many bytes as an ASCII neighbour has characters, and back.
      element(
        'aws_s3_buck\u00e9',
        'registry.terraform.io/hashicorp/aws',
        'delete_because_no_resource_config'
      ),
      element(
        'aws_s3_bucket',
        'registry.terraform.io/hashicorp/aws',
        'delete_because_no_resource_config'
      ),
      element(
        'aws_s3_bucket',
        'registry.terraform.io/hashicorp/aw\u00e9',
        'delete_because_no_resource_config'
      )
    ]
    for (const e of sequence) {
      const summary = peek(JSON.stringify(e))
      expect(summary).toEqual(summaryOf(e))
    }
  })

  test('every one-byte corruption of a no-op element is caught or harmless', () => {
    const text = JSON.stringify(NOOP)
    const bytes = bytesOf(text)
    const bad = [0x00, 0x0a, 0x1f, 0x20, 0x22, 0x2c, 0x2d, 0x2e, 0x30, 0x31, 0x3a, 0x45, 0x5b]
    bad.push(0x5c, 0x5d, 0x65, 0x6e, 0x75, 0x7b, 0x7d, 0x80, 0xc3, 0xf0, 0xff)
    let caught = 0
    for (let at = 0; at < bytes.length; at++) {
      for (const b of bad) {
        if (bytes[at] === b) continue
        const mutated = Uint8Array.from(bytes)
        mutated[at] = b
        const end = peekChange(mutated, 0, mutated.length)
        if (end >= 0) {
          // Accepted: then those bytes are valid JSON and the summary is JSON.parse's.
          const parsed = parseStrict(mutated.subarray(0, end))
          expect(parsed).toBeDefined()
          expect(peekedChange()).toEqual(summaryOf(parsed as Record<string, unknown>))
        } else caught++
      }
    }
    expect(caught).toBeGreaterThan(bytes.length * 10)
  })

  test('accepts exactly what JSON.parse accepts (random JSON, random corruption)', () => {
    fc.assert(
      fc.property(fc.json({ depthSize: 'medium' }), fc.nat(), fc.nat(255), (json, where, byte) => {
        const text = `{"change":{"actions":["no-op"],"before":${json}}}`
        const bytes = bytesOf(text)
        expect(peekChange(bytes, 0, bytes.length)).toBe(bytes.length)
        expect(skipValue(bytesOf(json), 0, bytesOf(json).length)).toBe(bytesOf(json).length)
        const mutated = Uint8Array.from(bytes)
        mutated[where % mutated.length] = byte
        const end = peekChange(mutated, 0, mutated.length)
        if (end >= 0) expect(parseStrict(mutated.subarray(0, end))).toBeDefined()
      }),
      { numRuns: 500, seed: 20261121 }
    )
  })
})

describe('peekMessage', () => {
  const line = (text: string) => {
    const bytes = bytesOf(text)
    return peekMessage(bytes, 0, bytes.length)
  }

  test('reads type, @level and @module of a refresh message', () => {
    const text =
      '{"@level":"info","@message":"a: Refreshing state... [id=x]","@module":"terraform.ui",' +
      '"@timestamp":"2026-01-01T00:00:00Z","hook":{"resource":{"addr":"a","resource_key":0},' +
      '"id_key":"id","id_value":"x"},"type":"refresh_start"}'
    expect(line(text)).toEqual({ type: 'refresh_start', level: 'info', module: 'terraform.ui' })
    expect(line(` \t${text}\r `)).toEqual(line(text))
  })

  test('non-string @level and @module count as absent', () => {
    expect(line('{"type":"x","@level":1,"@module":{"a":[]}}')).toEqual({
      type: 'x',
      level: undefined,
      module: undefined
    })
    expect(line('{"type":"e\\u0078"}')).toEqual({ type: 'ex', level: undefined, module: undefined })
  })

  test('only top-level keys count, and nothing carries over from the line before', () => {
    expect(line('{"@level":"error","@module":"tofu.ui","type":"a"}')).toEqual({
      type: 'a',
      level: 'error',
      module: 'tofu.ui'
    })
    expect(line('{"hook":{"type":"x","@level":"error"},"type":"y"}')).toEqual({
      type: 'y',
      level: undefined,
      module: undefined
    })
    expect(line('{"a":[{"type":"x"}],"b":-0.5e+3,"c":[true,false,null,{}],"type":"z"}')).toEqual({
      type: 'z',
      level: undefined,
      module: undefined
    })
  })

  test.each([
    ['only a nested type', '{"hook":{"type":"x"}}'],
    ['a repeated module', '{"type":"a","@module":"x","@module":"y"}'],
    ['a bad number', '{"type":"a","n":01}'],
    ['a bad escape', '{"type":"a\\x"}'],
    ['a raw tab in a string', '{"type":"a\tb"}'],
    ['no type', '{"@level":"info"}'],
    ['a non-string type', '{"type":1}'],
    ['a repeated type', '{"type":"a","type":"b"}'],
    ['a repeated level', '{"type":"a","@level":"info","@level":"error"}'],
    ['an escaped key', '{"typ\\u0065":"a"}'],
    ['non-ASCII', '{"type":"a","@message":"é"}'],
    ['two objects', '{"type":"a"}{"type":"b"}'],
    ['trailing text', '{"type":"a"} x'],
    ['a vertical tab around it', '\u000b{"type":"a"}'],
    ['not an object', '["type"]'],
    ['invalid JSON', '{"type":"a",}'],
    ['truncated', '{"type":"a"'],
    ['empty', '']
  ])('%s: undefined (the slow path decides)', (_name, text) => {
    expect(line(text)).toBeUndefined()
  })
})

describe('UI message logs', () => {
  const REFRESH =
    '{"@level":"info","@message":"aws_db_instance.orders: Refreshing state... [id=db-1]",' +
    '"@module":"terraform.ui","@timestamp":"2026-11-20T10:00:00.000000Z","hook":{"resource":' +
    '{"addr":"aws_db_instance.orders","module":"","resource_key":null},"id_key":"id",' +
    '"id_value":"db-1"},"type":"refresh_start"}'

  test('every one-byte corruption of a refresh line is caught or harmless', () => {
    const bytes = bytesOf(REFRESH)
    const bad = [0x00, 0x09, 0x0b, 0x22, 0x2c, 0x30, 0x3a, 0x5c, 0x5d, 0x7b, 0x7d, 0x78, 0xc3]
    let caught = 0
    for (let at = 0; at < bytes.length; at++) {
      for (const b of bad) {
        if (bytes[at] === b) continue
        const mutated = Uint8Array.from(bytes)
        mutated[at] = b
        const header = peekMessage(mutated, 0, mutated.length)
        if (header === undefined) {
          caught++
          continue
        }
        const parsed = parseStrict(mutated) as Record<string, unknown>
        expect(parsed).toBeDefined()
        const text = (v: unknown) => (typeof v === 'string' ? v : undefined)
        expect(header).toEqual({
          type: parsed['type'],
          level: text(parsed['@level']),
          module: text(parsed['@module'])
        })
      }
    }
    expect(caught).toBeGreaterThan(bytes.length * 5)
  })

  /** JSON Lines fixtures that read cleanly, repo and real. */
  const logs = [
    ...readdirSync(join(FIXTURES, 'streams')).map((n) => join(FIXTURES, 'streams', n)),
    ...realFiles().filter((f) => /\.(log|jsonlog|jsonl)$/.test(f))
  ].filter((f) => {
    try {
      return readPlan(readFileSync(f), { format: 'jsonl' }).source.format === 'jsonl'
    } catch {
      return false
    }
  })

  test.each(logs.map((f) => [label(f), f]))(
    '%s: the same plan as its messages read as a JSON array (no peek)',
    (_name, file) => {
      const bytes = readFileSync(file)
      const lines = bytes
        .toString('utf8')
        .split('\n')
        .map((l) => l.replace(/\r$/, ''))
        .filter((l) => l.trim() !== '' && !l.startsWith('::') && !l.startsWith('%0A'))
      const array = readPlan(Buffer.from(`[${lines.join(',\n')}]`), { format: 'json-array' })
      for (const size of [1, 7, 1 << 20]) {
        const reader = new PlanReader({ format: 'jsonl' })
        for (let i = 0; i < bytes.length; i += size) reader.push(bytes.subarray(i, i + size))
        const { source, ...plan } = reader.end()
        const { source: arraySource, ...want } = array
        expect(plan).toEqual(want)
        expect({ ...source, format: 'json-array' }).toEqual(arraySource)
      }
    }
  )
})

/** A plan whose resource_changes are all no-ops (so every element is skipped). */
function noopPlan(): string {
  const elements = [0, 1, 2].map((i) => ({ ...NOOP, address: `a.b[${i}]`, index: i }))
  return JSON.stringify({
    format_version: '1.2',
    planned_values: { root_module: {} },
    resource_changes: elements,
    errored: false
  })
}

function scanError(bytes: Uint8Array, size: number, skip: boolean): PlanSyntaxError | undefined {
  const scanner = new ShowJsonScanner(() => undefined, {
    peek: skip ? () => 'skip' : undefined
  })
  try {
    for (let i = 0; i < bytes.length; i += size) scanner.push(bytes.subarray(i, i + size))
    scanner.end()
  } catch (e) {
    if (e instanceof PlanSyntaxError) return e
    throw e
  }
  return undefined
}

describe('skipped elements fail exactly like parsed ones', () => {
  const text = noopPlan()
  const bytes = bytesOf(text)
  const first = text.indexOf('"resource_changes":[') + 20
  const last = text.indexOf('],"errored"')

  test('the plan is skipped whole when valid', () => {
    const skipped: Array<[Section, ChangeSummary]> = []
    const scanner = new ShowJsonScanner(() => undefined, {
      peek: () => 'skip',
      onSkipped: (s, summary) => skipped.push([s, summary])
    })
    scanner.push(bytes)
    expect(scanner.end().counts.resource_changes).toBe(3)
    expect(skipped.map(([, s]) => s.fields.address)).toEqual(['a.b[0]', 'a.b[1]', 'a.b[2]'])
  })

  test('every corruption inside the elements: the same error, skipped or parsed', () => {
    const bad = [0x00, 0x09, 0x22, 0x2c, 0x30, 0x3a, 0x5c, 0x5d, 0x7d, 0x78, 0xff]
    let errors = 0
    for (let at = first; at < last; at += 3) {
      for (const b of bad) {
        if (bytes[at] === b) continue
        const mutated = Uint8Array.from(bytes)
        mutated[at] = b
        for (const size of [Infinity, 7]) {
          const parsed = scanError(mutated, size, false)
          const skipped = scanError(mutated, size, true)
          expect(skipped?.message).toBe(parsed?.message)
          expect(skipped?.offset).toBe(parsed?.offset)
          if (parsed !== undefined) errors++
        }
      }
    }
    expect(errors).toBeGreaterThan(500)
  })

  test('every truncation inside the elements fails', () => {
    for (let k = first; k < last; k += 5) {
      const cut = bytes.subarray(0, k)
      expect(scanError(cut, Infinity, true)?.message).toBe(scanError(cut, Infinity, false)?.message)
      expect(scanError(cut, Infinity, true)).toBeDefined()
    }
  })

  test('through the reader: invalid UTF-8 in a no-op element is an input error', () => {
    const at = text.indexOf('é')
    const mutated = Uint8Array.from(bytes)
    mutated[at + 1] = 0x41 // a lead byte followed by ASCII
    const read = (unchangedValues: boolean) => {
      try {
        readPlan(mutated, { retain: (c) => c, unchangedValues })
      } catch (e) {
        return e
      }
      return undefined
    }
    expect(read(false)).toBeInstanceOf(PlanInputError)
    expect((read(false) as Error).message).toBe((read(true) as Error).message)
  })
})

describe('the reader with unchangedValues: false', () => {
  test('gives the plain reader’s plan, without the values of unchanged changes', () => {
    for (const file of fixtures) {
      const bytes = readFileSync(file)
      const plain = readPlan(bytes)
      for (const size of [4096, 1 << 20]) {
        const reader = new PlanReader({ retain: (c) => c, unchangedValues: false })
        for (let i = 0; i < bytes.length; i += size) reader.push(bytes.subarray(i, i + size))
        const fast = reader.end()
        // The default retain drops exactly the values the fast path never parses.
        expect(fast.tally).toEqual(plain.tally)
        expect(fast.changes.map(strip)).toEqual(plain.changes.map(strip))
        for (const change of fast.changes) {
          if (change.action === 'no-op' || change.action === 'read') {
            expect(change.before).toBeUndefined()
          }
        }
      }
    }
  })
})

function strip(change: object): object {
  const {
    before: _b,
    after: _a,
    afterUnknown: _u,
    beforeSensitive: _bs,
    afterSensitive: _as,
    ...rest
  } = change as Record<string, unknown>
  return rest
}
