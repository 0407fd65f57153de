import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { isUtf8 } from 'node:buffer'
import { EncodingError, firstInvalidUtf8, Utf8Check } from '../../src/plan/decode.js'
import { readPlan } from '../../src/plan/read.js'

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 300)

/** Feeds `bytes` to a Utf8Check cut at `cuts`; the error message, or undefined when valid. */
function check(bytes: Uint8Array, cuts: number[]): string | undefined {
  const utf8 = new Utf8Check()
  const edges = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b)
  let at = 0
  try {
    for (const edge of [...edges, bytes.length]) {
      utf8.push(bytes.subarray(at, edge))
      at = edge
    }
    utf8.end()
    return undefined
  } catch (error) {
    expect(error).toBeInstanceOf(EncodingError)
    return (error as Error).message
  }
}

const SAMPLES: [string, number[]][] = [
  ['ASCII', [0x61, 0x62]],
  ['é', [0xc3, 0xa9]],
  ['€', [0xe2, 0x82, 0xac]],
  ['𝄞', [0xf0, 0x9d, 0x84, 0x9e]],
  ['a lone continuation byte', [0x80]],
  ['0xff', [0xff]],
  ['an overlong slash', [0xc0, 0xaf]],
  ['an overlong 3-byte form', [0xe0, 0x80, 0xaf]],
  ['a surrogate', [0xed, 0xa0, 0x80]],
  ['beyond U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
  ['a cut 3-byte sequence', [0xe2, 0x82]],
  ['a cut 4-byte sequence then ASCII', [0xf0, 0x9d, 0x84, 0x61]]
]

describe('Utf8Check', () => {
  test.each(SAMPLES)('%s: agrees with isUtf8 however it is cut', (_name, sample) => {
    const bytes = Uint8Array.from([0x7b, ...sample, 0x7d])
    const valid = isUtf8(bytes)
    for (let a = 0; a <= bytes.length; a++) {
      for (let b = a; b <= bytes.length; b++) {
        const message = check(bytes, [a, b])
        if (valid) expect(message).toBeUndefined()
        else expect(message).toBe(`invalid UTF-8 at byte ${firstInvalidUtf8(bytes)}`)
      }
    }
  })

  test('any bytes, any chunking: valid exactly when isUtf8 says so, at the first bad byte', () => {
    const byte = fc.oneof(
      fc.integer({ min: 0x20, max: 0x7e }),
      fc.integer({ min: 0x80, max: 0xff }),
      fc.constantFrom(0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9d, 0x84, 0x9e, 0xed, 0xa0)
    )
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(byte, { maxLength: 40 }).map((a) => Uint8Array.from(a)),
          fc.string({ unit: 'grapheme', maxLength: 20 }).map((s) => new TextEncoder().encode(s))
        ),
        fc.array(fc.nat(), { maxLength: 6 }),
        (bytes, cuts) => {
          const message = check(bytes, cuts)
          if (isUtf8(bytes)) expect(message).toBeUndefined()
          else expect(message).toBe(`invalid UTF-8 at byte ${firstInvalidUtf8(bytes)}`)
        }
      ),
      { numRuns: RUNS }
    )
  })

  test('firstInvalidUtf8 agrees with isUtf8', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 32 }), (bytes) => {
        expect(firstInvalidUtf8(bytes) === bytes.length).toBe(isUtf8(bytes))
      }),
      { numRuns: RUNS }
    )
  })
})

describe('show-json: invalid UTF-8 where nothing is parsed', () => {
  const plan = (planned: string): Buffer =>
    Buffer.concat([
      Buffer.from(
        '{"format_version":"1.2","planned_values":{"root_module":{"resources":[{"values":{"name":"'
      ),
      Buffer.from(planned, 'latin1'),
      Buffer.from('"}}]}},"resource_changes":[]}')
    ])

  test('valid multi-byte text in planned_values is read', () => {
    expect(readPlan(Buffer.from(plan('x').toString().replace('"x"', '"café €"'))).changes).toEqual(
      []
    )
  })

  test.each([
    ['0xff', '\xff'],
    ['a lone continuation byte', '\x80'],
    ['an overlong form', '\xc0\xaf'],
    ['a surrogate', '\xed\xa0\x80'],
    ['a cut sequence', '\xe2\x82']
  ])('%s in planned_values is an input error naming the byte', (_name, bad) => {
    const bytes = plan(bad)
    const at = firstInvalidUtf8(bytes)
    expect(at).toBeLessThan(bytes.length)
    expect(() => readPlan(bytes)).toThrow(`invalid UTF-8 at byte ${at}`)
  })
})
