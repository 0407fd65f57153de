/**
 * The managed resources of `prior_state`, counted while it streams past (plan/inventory.ts and
 * the scanner's walk) against the reference, `countManaged` of the parsed `prior_state.values`:
 * on every repo fixture, every real plan (../shared/fixtures/real, when present) and fuzzed
 * states (repeated and escaped keys, data sources, deposed objects, values that are not
 * objects, decoys inside resource values, any whitespace), each cut into random chunks.
 *
 * FUZZ_RUNS (default 300) sets the number of cases; FUZZ_SEED replays one.
 */
import { afterEach, describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { countManaged, readPlan } from '../../src/plan/read.js'
import { ShowJsonScanner } from '../../src/plan/scan.js'
import { kernel, useKernel } from '../../src/plan/wasm/index.js'
import { FIXTURES, HAS_REAL, realFiles } from '../helpers.js'

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 300)
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261203)

/** The reference: the state parsed whole. */
function reference(text: string): number | undefined {
  const plan = JSON.parse(text) as Record<string, unknown>
  const state = plan['prior_state']
  const isObject = typeof state === 'object' && state !== null && !Array.isArray(state)
  return countManaged(isObject ? (state as Record<string, unknown>)['values'] : undefined)
}

/** The streamed count, the bytes pushed in pieces cut at `cuts` (fractions of the length). */
function streamed(bytes: Uint8Array, cuts: readonly number[] = []): number | undefined {
  const scanner = new ShowJsonScanner(() => undefined, { inventory: true })
  const at = [...new Set(cuts.map((f) => Math.floor(f * bytes.length)))].sort((a, b) => a - b)
  let from = 0
  for (const to of [...at, bytes.length]) {
    scanner.push(bytes.subarray(from, to))
    from = to
  }
  scanner.end()
  return scanner.managedInState()
}

function showJsonFiles(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...showJsonFiles(path))
    else if (name.endsWith('.json')) out.push(path)
  }
  return out
}

/** A show-json document: its top level is an object JSON.parse takes. */
function isPlan(text: string): boolean {
  try {
    const value = JSON.parse(text) as unknown
    return typeof value === 'object' && value !== null && !Array.isArray(value)
  } catch {
    return false
  }
}

afterEach(() => {
  useKernel(true)
})

describe('prior_state counted while streaming', () => {
  test('the kernel is loaded, so that its state_resource path runs at all', () => {
    expect(kernel()).toBeDefined()
  })

  test('every repo fixture: the count countManaged gives for the parsed state', () => {
    let counted = 0
    for (const file of showJsonFiles(FIXTURES)) {
      const bytes = readFileSync(file)
      const text = bytes.toString('utf8')
      if (!isPlan(text)) continue
      const want = reference(text)
      expect({ file, count: streamed(bytes, [0.31, 0.5, 0.77]) }).toEqual({ file, count: want })
      useKernel(false)
      expect({ file, count: streamed(bytes, [0.5]) }).toEqual({ file, count: want })
      useKernel(true)
      if (want !== undefined) counted++
    }
    // Not vacuous: the fixtures include plans with a state.
    expect(counted).toBeGreaterThan(5)
  })

  const real = HAS_REAL ? test : test.skip
  real(`every real plan${HAS_REAL ? '' : ' (skipped: ../shared/fixtures/real is absent)'}`, () => {
    let counted = 0
    for (const file of realFiles()) {
      const bytes = readFileSync(file)
      const text = bytes.toString('utf8')
      if (!isPlan(text)) continue
      const want = reference(text)
      expect({ file, count: streamed(bytes, [0.2, 0.6]) }).toEqual({ file, count: want })
      if (want !== undefined) counted++
    }
    expect(counted).toBeGreaterThan(10)
  })

  test('readPlan reports it as the inventory of a plan -destroy', () => {
    const text = document({
      values: obj([['"root_module"', module([resource('"managed"'), resource('"data"')], [])]])
    })
    expect(readPlan(Buffer.from(text)).inventory).toEqual({ managed: 1, source: 'prior_state' })
  })

  test('fuzzed states, cut anywhere, with and without the kernel: the same count as the parsed state', () => {
    fc.assert(
      fc.property(
        planText,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true })),
        fc.boolean(),
        (text, cuts, withKernel) => {
          useKernel(withKernel)
          const bytes = Buffer.from(text)
          expect(streamed(bytes, cuts)).toBe(reference(text))
        }
      ),
      { numRuns: RUNS, seed: SEED }
    )
  })

  test('the fuzzer reaches every kind of state it is meant to', () => {
    const samples = fc.sample(planText, { numRuns: 400, seed: SEED }).map(reference)
    expect(samples.some((n) => n === undefined)).toBe(true)
    expect(samples.some((n) => n === 0)).toBe(true)
    expect(samples.some((n) => n !== undefined && n >= 3)).toBe(true)
  })

  test('repeated keys: the last one wins, as in JSON.parse', () => {
    const twice = module([resource('"managed"'), resource('"managed"')], [])
    const cases: [string, number | undefined][] = [
      // A later `resources` replaces an earlier one.
      [
        obj([
          ['"resources"', arr([resource('"managed"')])],
          ['"resources"', '7']
        ]),
        0
      ],
      // A later `mode` decides; an escaped key is the same key.
      [
        module(
          [
            obj([
              ['"mode"', '"managed"'],
              ['"m\\u006fde"', '"data"']
            ])
          ],
          []
        ),
        0
      ],
      [
        module(
          [
            obj([
              ['"mode"', '"data"'],
              ['"mode"', '"man\\u0061ged"']
            ])
          ],
          []
        ),
        1
      ],
      // A deposed object is not counted, whatever its key's value.
      [
        module(
          [
            obj([
              ['"mode"', '"managed"'],
              ['"deposed_key"', 'null']
            ])
          ],
          []
        ),
        0
      ],
      // A later `child_modules` replaces an earlier one.
      [
        obj([
          ['"child_modules"', arr([twice])],
          ['"child_modules"', arr([])]
        ]),
        0
      ],
      [obj([['"child_modules"', arr([twice, twice])]]), 4]
    ]
    for (const [root, want] of cases) {
      const text = document({ values: obj([['"root_module"', root]]) })
      expect({ root, count: streamed(Buffer.from(text)) }).toEqual({ root, count: want })
      expect(reference(text)).toBe(want)
    }
    // A later `root_module` or `values` that is not an object: nothing to count.
    const root = module([resource('"managed"')], [])
    const later = document({
      values: obj([
        ['"root_module"', root],
        ['"root_module"', '[]']
      ])
    })
    expect(streamed(Buffer.from(later))).toBeUndefined()
    const values = obj([
      ['"values"', obj([['"root_module"', root]])],
      ['"values"', 'null']
    ])
    expect(streamed(Buffer.from(`{"prior_state":${values}}`))).toBeUndefined()
  })

  test('decoys inside a resource’s values are not resources', () => {
    const decoy = obj([
      ['"mode"', '"managed"'],
      ['"resources"', arr([resource('"managed"')])],
      ['"child_modules"', arr([module([resource('"managed"')], [])])]
    ])
    const inner = obj([
      ['"mode"', '"managed"'],
      ['"values"', decoy],
      ['"sensitive_values"', decoy]
    ])
    const text = document({ values: obj([['"root_module"', module([inner], [])]]) })
    expect(streamed(Buffer.from(text))).toBe(1)
    expect(reference(text)).toBe(1)
  })

  test('a malformed state is still an error, wherever the walk is, with and without the kernel', () => {
    for (const bad of [
      '{"prior_state":{"values":{"root_module":{"resources":[{"mode":"managed" "x":1}]}}}}',
      '{"prior_state":{"values":{"root_module":{"resources":[{"mode":"managed","values":{"a":01}}]}}}}',
      '{"prior_state":{"values":{"root_module":{"resources":[{"mode":"man\\qaged"}]}}}}',
      '{"prior_state":{"values":{"root_module":{"resources":[{"mode":"managed",}]}}}}',
      '{"prior_state":{"values":{"root_module":{"resources":[{"mode":"managed"]}}}}',
      '{"prior_state":{"values":{"root_module":{"resources":[{"mode":managed}]}}}}',
      '{"prior_state":{"values":{"root_module":{"child_modules":[{"resources":[}]}}}}'
    ]) {
      for (const withKernel of [true, false]) {
        useKernel(withKernel)
        expect(() => streamed(Buffer.from(bad))).toThrow(/at byte \d+/)
      }
    }
  })
})

// ---- the fuzzer: JSON text built by hand, so that keys can repeat and be escaped ----

function obj(entries: readonly (readonly [string, string])[], space = ''): string {
  return `{${space}${entries.map(([k, v]) => `${k}:${space}${v}`).join(`,${space}`)}${space}}`
}

function arr(items: readonly string[], space = ''): string {
  return `[${space}${items.join(`,${space}`)}${space}]`
}

function resource(mode: string): string {
  return obj([
    ['"address"', '"aws_s3_bucket.x"'],
    ['"mode"', mode],
    ['"values"', obj([['"bucket"', '"x"']])]
  ])
}

function module(resources: readonly string[], children: readonly string[]): string {
  return obj([
    ['"resources"', arr(resources)],
    ['"child_modules"', arr(children)]
  ])
}

function document(state: { values: string }): string {
  return obj([
    ['"format_version"', '"1.2"'],
    [
      '"prior_state"',
      obj([
        ['"format_version"', '"1.0"'],
        ['"values"', state.values]
      ])
    ]
  ])
}

const space = fc.constantFrom('', ' ', '\n  ')
const scalar = fc.constantFrom('null', '1', 'true', '"x"', '[]', '{}', '"a\\"b"')
/** A key, often one the walk reads, sometimes escaped. */
const keyOf = (name: string, escaped: string) => fc.constantFrom(`"${name}"`, escaped)

const mode = fc.oneof(
  { arbitrary: fc.constant('"managed"'), weight: 6 },
  {
    arbitrary: fc.constantFrom('"data"', '"man\\u0061ged"', '"Managed"', 'null', '1', '{}'),
    weight: 3
  }
)
const junk = fc.constantFrom(
  '{"mode":"managed","resources":[{"mode":"managed"}]}',
  '{"child_modules":[{"resources":[{"mode":"managed"}]}]}',
  '["managed",{"mode":"managed"}]',
  '"\\"mode\\":\\"managed\\""',
  '{}'
)

const plainResource = fc.tuple(mode, junk, space).map(([m, values, s]) =>
  obj(
    [
      ['"address"', '"aws_db_instance.x"'],
      ['"mode"', m],
      ['"values"', values]
    ],
    s
  )
)

const resourceText = fc.oneof(
  { arbitrary: plainResource, weight: 3 },
  {
    arbitrary: fc
      .tuple(
        fc.array(
          fc.oneof(
            fc.tuple(keyOf('mode', '"mo\\u0064e"'), mode),
            fc.tuple(
              keyOf('deposed_key', '"deposed\\u005fkey"'),
              fc.constantFrom('"00000001"', 'null')
            ),
            fc.tuple(fc.constantFrom('"values"', '"sensitive_values"', '"depends_on"'), junk),
            fc.tuple(fc.constantFrom('"address"', '"type"', '"name"'), scalar)
          ),
          { maxLength: 5 }
        ),
        space
      )
      .map(([entries, s]) => obj(entries, s)),
    weight: 2
  }
)

const moduleText: fc.Arbitrary<string> = fc.letrec<{ module: string }>((tie) => ({
  module: fc
    .tuple(
      fc.array(
        fc.oneof(
          {
            arbitrary: fc.tuple(
              keyOf('resources', '"resourc\\u0065s"'),
              fc.oneof(
                {
                  arbitrary: fc
                    .array(
                      fc.oneof(
                        { arbitrary: resourceText, weight: 4 },
                        { arbitrary: scalar, weight: 1 }
                      ),
                      { maxLength: 6 }
                    )
                    .map((a) => arr(a)),
                  weight: 4
                },
                { arbitrary: scalar, weight: 1 }
              )
            ),
            weight: 4
          },
          {
            arbitrary: fc.tuple(
              keyOf('child_modules', '"child\\u005fmodules"'),
              fc.oneof(
                {
                  arbitrary: fc
                    .array(fc.oneof(tie('module'), scalar), { maxLength: 3 })
                    .map((a) => arr(a)),
                  weight: 4
                },
                { arbitrary: scalar, weight: 1 }
              )
            ),
            weight: 2
          },
          { arbitrary: fc.tuple(fc.constantFrom('"address"'), scalar), weight: 1 }
        ),
        { minLength: 1, maxLength: 3, depthIdentifier: 'module' }
      ),
      space
    )
    .map(([entries, s]) => obj(entries, s))
})).module

const valuesText = fc
  .array(
    fc.oneof(
      { arbitrary: fc.tuple(keyOf('root_module', '"root\\u005fmodule"'), moduleText), weight: 4 },
      { arbitrary: fc.tuple(fc.constantFrom('"root_module"', '"outputs"'), scalar), weight: 1 }
    ),
    { minLength: 1, maxLength: 2 }
  )
  .map((entries) => obj(entries))

const planText = fc
  .tuple(
    fc.oneof(
      {
        arbitrary: fc
          .array(fc.tuple(keyOf('values', '"v\\u0061lues"'), valuesText), {
            minLength: 1,
            maxLength: 2
          })
          .map((e) => obj(e)),
        weight: 6
      },
      { arbitrary: fc.tuple(fc.constantFrom('"values"'), scalar).map((e) => obj([e])), weight: 1 },
      { arbitrary: scalar, weight: 1 }
    ),
    fc.boolean()
  )
  .map(([state, first]) =>
    obj(
      first
        ? [
            ['"prior_state"', state],
            ['"planned_values"', '{"root_module":{"resources":[{"mode":"managed"}]}}']
          ]
        : [
            ['"format_version"', '"1.2"'],
            ['"resource_changes"', '[]'],
            ['"prior_state"', state]
          ]
    )
  )
