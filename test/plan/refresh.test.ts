/**
 * The address of a `refresh_complete` message read from its bytes (plan/refresh.ts) against the
 * reference, the message parsed whole (the JSON array reader parses every message): the same
 * inventory for the real stream of a `plan -destroy` and for fuzzed refresh messages (repeated
 * and escaped keys, hooks and resources that are not objects, addresses that are not strings,
 * empty or escaped addresses, data sources inside modules, any whitespace), with and without
 * the kernel.
 *
 * FUZZ_RUNS (default 300) sets the number of cases; FUZZ_SEED replays one.
 */
import { afterEach, describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { readPlan } from '../../src/plan/read.js'
import { LineSplitter, type LineSkipper } from '../../src/plan/stream.js'
import { refreshAddress, UNSURE } from '../../src/plan/refresh.js'
import { kernel, useKernel } from '../../src/plan/wasm/index.js'
import { fixture } from '../helpers.js'

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 300)
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261203)

const LINES = readFileSync(fixture('real-tf', 'full-destroy', 'destroy.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line !== '')
// The version message first, the change_summary last: refresh messages go in between.
const HEAD = LINES.filter((line) => line.includes('"type":"version"'))
const TAIL = LINES.filter((line) => !line.includes('"type":"version"'))

/** The inventory read from the stream (peeked refresh lines) and from the same messages parsed. */
function both(refreshes: readonly string[]): [unknown, unknown] {
  const lines = [...HEAD, ...refreshes, ...TAIL]
  const stream = readPlan(Buffer.from(lines.join('\n')))
  const parsed = readPlan(Buffer.from(`[${lines.join(',')}]`))
  return [stream.inventory, parsed.inventory]
}

afterEach(() => {
  useKernel(true)
})

const at = (line: string) => {
  const b = Buffer.from(line)
  return refreshAddress(b, 0, b.length)
}

describe('refresh_complete: the address read from the bytes', () => {
  test('the real stream of a plan -destroy: every refresh counted, none parsed', () => {
    for (const kernel of [true, false]) {
      useKernel(kernel)
      const [stream, parsed] = both([])
      expect(stream).toEqual({ managed: 4, source: 'refresh' })
      expect(parsed).toEqual(stream)
    }
  })

  test('more refresh messages in one kernel window than it keeps addresses for at once (4096)', () => {
    const many = Array.from(
      { length: 5000 },
      (_, n) =>
        `{"@level":"info","@module":"terraform.ui","hook":{"resource":{"addr":"aws_s3_bucket.b${n}"}},"type":"refresh_complete"}`
    )
    expect(many.join('\n').length).toBeLessThan(1 << 20)
    // The kernel stops after 4096 addresses and leaves the next line to the JavaScript.
    const k = kernel()!
    const window = k.load(Buffer.from(`${many.join('\n')}\n`))
    const at = k.scanLines(k.offsetOf(window), 0, window.length)
    expect([k.out[2], k.refreshedSpans().length / 3, k.out[0]]).toEqual([4096, 4096, 1])
    expect(window.toString('latin1', at, at + 200)).toContain('"aws_s3_bucket.b4096"')
    for (const kernel of [true, false]) {
      useKernel(kernel)
      const [stream, parsed] = both(many)
      expect(stream).toEqual({ managed: 5004, source: 'refresh' })
      expect(parsed).toEqual(stream)
    }
  })

  test('the kernel says which line it stopped at is one to parse (no JavaScript peek of it)', () => {
    const k = kernel()!
    const refresh = `{"@level":"info","hook":{"resource":{"addr":"aws_s3_bucket.a"}},"type":"refresh_complete"}`
    const stop = (line: string): [number, number, number] => {
      const window = k.load(Buffer.from(`${refresh}\n${refresh}\n${line}\n${refresh}\n`))
      const at = k.scanLines(k.offsetOf(window), 0, window.length)
      expect(window.toString('utf8', at, at + Buffer.byteLength(line))).toBe(line)
      return [k.out[2]!, k.out[0]!, k.out[4]!]
    }
    // Whole ASCII objects whose type the readers parse: parse them straight away.
    for (const type of [
      'planned_change',
      'resource_drift',
      'diagnostic',
      'change_summary',
      'version'
    ])
      expect([
        type,
        stop(`{"@level":"info","type":"${type}","change":{"action":"delete"}}`)
      ]).toEqual([type, [2, 1, 1]])
    // Anything the kernel is unsure of stays with the JavaScript peek: an escaped type, a repeated
    // one, bytes past ASCII, broken JSON, a type that is not a string.
    for (const line of [
      '{"type":"planned_chang\\u0065"}',
      '{"type":"planned_change","type":"log"}',
      '{"type":"planned_change","@message":"naïve"}',
      '{"type":"planned_change",}',
      '{"type":7}'
    ])
      expect([line, stop(line)]).toEqual([line, [2, 1, 0]])
    // The window's last line, with no newline after it, is not stopped at.
    const window = k.load(Buffer.from(`${refresh}\n{"type":"planned_change"}`))
    k.scanLines(k.offsetOf(window), 0, window.length)
    expect([k.out[2], k.out[0], k.out[4]]).toEqual([1, 0, 0])
  })

  test('the splitter parses a line the skipper marks, without asking the raw-line shortcut', () => {
    const seen: string[] = []
    const raw: string[] = []
    // A skipper that handles nothing and marks every other line it stops at as one to parse.
    let calls = 0
    const skipper: LineSkipper = {
      lines: 0,
      parseNext: false,
      skip(_bytes, start) {
        this.parseNext = calls++ % 2 === 0
        return start
      }
    }
    const splitter = new LineSplitter(
      (line) => seen.push(line),
      (bytes, start, end) => {
        raw.push(Buffer.from(bytes.subarray(start, end)).toString())
        return false
      },
      skipper
    )
    splitter.push(Buffer.from('{"n":1}\n{"n":2}\n{"n":3}\n{"n":4}\n'))
    splitter.end()
    expect(seen).toEqual(['{"n":1}', '{"n":2}', '{"n":3}', '{"n":4}'])
    expect(raw).toEqual(['{"n":2}', '{"n":4}'])
  })

  test('what the message names, as the parsed message gives it', () => {
    const hook = (resource: string) =>
      `{"type":"refresh_complete","hook":{"resource":${resource},"action":"read"}}`
    expect(at(hook('{"addr":"aws_s3_bucket.a","module":""}'))).toBe('aws_s3_bucket.a')
    // The last of repeated keys, at every level.
    expect(at(hook('{"addr":"a.b","addr":"c.d"}'))).toBe('c.d')
    expect(at(`{"hook":{"resource":{"addr":"a.b"}},"hook":{"resource":{"addr":"e.f"}}}`)).toBe(
      'e.f'
    )
    expect(at(`{"hook":{"resource":{"addr":"a.b"},"resource":7}}`)).toBeNull()
    // Escapes in the address are decoded.
    expect(at(hook('{"addr":"module.m[\\"k\\"].a.b"}'))).toBe('module.m["k"].a.b')
    // Nothing to count.
    for (const none of ['{"addr":""}', '{"addr":1}', '{"addr":null}', '{}', '[]', 'null', '"x"']) {
      expect(at(hook(none))).toBeNull()
    }
    expect(at('{"type":"refresh_complete"}')).toBeNull()
    expect(at('{"hook":[]}')).toBeNull()
    // An escaped key would need decoding: the caller parses the line.
    expect(at(hook('{"\\u0061ddr":"a.b"}'))).toBe(UNSURE)
    expect(at(`{"h\\u006fok":{"resource":{"addr":"a.b"}}}`)).toBe(UNSURE)
  })

  test('fuzzed refresh messages: the same inventory as the parsed messages, with and without the kernel', () => {
    fc.assert(
      fc.property(fc.array(refreshLine, { maxLength: 12 }), fc.boolean(), (refreshes, kernel) => {
        useKernel(kernel)
        const [stream, parsed] = both(refreshes)
        expect(stream).toEqual(parsed)
      }),
      { numRuns: RUNS, seed: SEED }
    )
  })

  test('the fuzzer reaches inventories of every size and escaped keys', () => {
    const samples = fc.sample(fc.array(refreshLine, { maxLength: 12 }), {
      numRuns: 200,
      seed: SEED
    })
    const sizes = new Set(samples.map((lines) => both(lines)[1]).map((i) => JSON.stringify(i)))
    expect(sizes.size).toBeGreaterThanOrEqual(4)
    expect(samples.flat().some((line) => line.includes('\\u0061ddr'))).toBe(true)
  })
})

// ---- the fuzzer ----

const space = fc.constantFrom('', ' ', '\t')
const address = fc.constantFrom(
  '"aws_s3_bucket.a"',
  '"aws_s3_bucket.b"',
  '"module.m[0].aws_db_instance.c"',
  '"module.m[\\"x.data.y\\"].aws_s3_bucket.d"',
  '"data.aws_ami.e"',
  '"module.n.data.aws_iam_policy.f"',
  '"aws_s3_bucket.\\u0067"',
  // The same address escaped and not (counted once), one beyond ASCII, one beyond latin1.
  '"aws_s3_bucket.g"',
  '"aws_s3_bucket.\\u00e9"',
  '"aws_s3_bucket.\\u4e2d"',
  '""',
  '7',
  'null',
  '{}'
)
const addrKey = fc.constantFrom('"addr"', '"addr"', '"addr"', '"\\u0061ddr"', '"address"')
const resource = fc.oneof(
  {
    arbitrary: fc
      .array(
        fc.oneof(
          fc.tuple(addrKey, address),
          fc.tuple(
            fc.constantFrom('"module"', '"resource_key"'),
            fc.constantFrom('""', 'null', '[1,{"addr":"z.z"}]')
          )
        ),
        { maxLength: 3 }
      )
      .chain((entries) =>
        space.map((s) => `{${entries.map(([k, v]) => `${k}:${s}${v}`).join(`,${s}`)}}`)
      ),
    weight: 6
  },
  { arbitrary: fc.constantFrom('null', '[]', '"aws_s3_bucket.a"'), weight: 1 }
)
const hook = fc.oneof(
  {
    arbitrary: fc
      .array(
        fc.oneof(
          {
            arbitrary: fc.tuple(
              fc.constantFrom('"resource"', '"resource"', '"res\\u006furce"'),
              resource
            ),
            weight: 4
          },
          {
            arbitrary: fc.tuple(
              fc.constantFrom('"action"', '"id_key"'),
              fc.constantFrom('"read"', '1')
            ),
            weight: 1
          }
        ),
        { maxLength: 3 }
      )
      .map((entries) => `{${entries.map(([k, v]) => `${k}:${v}`).join(',')}}`),
    weight: 6
  },
  { arbitrary: fc.constantFrom('null', '[]', '7'), weight: 1 }
)
const refreshLine = fc
  .tuple(fc.array(hook, { minLength: 1, maxLength: 2 }), space)
  .map(
    ([hooks, s]) =>
      `{"@level":"info",${s}"@message":"x: Refresh complete","@module":"terraform.ui",${hooks.map((h) => `"hook":${s}${h}`).join(',')},"type":"refresh_complete"}`
  )
