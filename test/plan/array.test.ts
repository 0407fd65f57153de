import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { PlanInputError } from '../../src/plan/errors.js'
import { PlanReader, readPlan } from '../../src/plan/read.js'
import { ArrayElements } from '../../src/plan/stream.js'
import { fixture } from '../helpers.js'

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 300)
const encoder = new TextEncoder()
const decoder = new TextDecoder()

/** The elements ArrayElements finds, each JSON.parsed, or 'error'; `cuts` split the bytes. */
function streamed(bytes: Uint8Array, cuts: number[]): unknown[] | 'error' {
  const out: unknown[] = []
  const elements = new ArrayElements(
    (element, index) => {
      expect(index).toBe(out.length)
      out.push(JSON.parse(decoder.decode(element)))
    },
    'invalid',
    'not an array'
  )
  const edges = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b)
  try {
    let at = 0
    for (const edge of [...edges, bytes.length]) {
      elements.push(bytes.subarray(at, edge))
      at = edge
    }
    expect(elements.end()).toBe(out.length)
    return out
  } catch (error) {
    if (error instanceof PlanInputError || error instanceof SyntaxError) return 'error'
    throw error
  }
}

/** What JSON.parse of the whole text says: its elements when it is an array, else 'error'. */
function whole(bytes: Uint8Array): unknown[] | 'error' {
  try {
    const value: unknown = JSON.parse(decoder.decode(bytes))
    return Array.isArray(value) ? value : 'error'
  } catch {
    return 'error'
  }
}

const space = fc.constantFrom('', ' ', '\n', '\r\n', '\t', '  ')
/** A JSON array of arbitrary values with arbitrary whitespace between the tokens it controls. */
const arrayText = fc
  .tuple(fc.array(fc.tuple(fc.jsonValue(), space, space), { maxLength: 8 }), space, space)
  .map(
    ([items, before, after]) =>
      `${before}[${items.map(([v, a, b]) => `${a}${JSON.stringify(v)}${b}`).join(',')}]${after}`
  )

describe('ArrayElements', () => {
  test(`splits any array, however it is chunked, as JSON.parse would (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(arrayText, fc.array(fc.nat(), { maxLength: 8 }), (text, cuts) => {
        const bytes = encoder.encode(text)
        expect(streamed(bytes, cuts)).toEqual(whole(bytes))
      }),
      { numRuns: RUNS }
    )
  })

  test(`agrees with JSON.parse on edited arrays: the same elements, or both reject (${RUNS} cases)`, () => {
    const edit = fc.tuple(
      fc.nat(),
      fc.constantFrom(...'[]{},:"\\ 0-1.eEtfn'.split('').map((c) => c.charCodeAt(0)), 0x0a, 0x00),
      fc.constantFrom('replace', 'insert', 'delete', 'truncate')
    )
    fc.assert(
      fc.property(
        arrayText,
        fc.array(edit, { minLength: 1, maxLength: 3 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (text, edits, cuts) => {
          let bytes = [...encoder.encode(text)]
          for (const [at, byte, how] of edits) {
            const k = at % (bytes.length + 1)
            if (how === 'replace' && k < bytes.length) bytes[k] = byte
            else if (how === 'insert') bytes.splice(k, 0, byte)
            else if (how === 'delete') bytes.splice(k, 1)
            else bytes = bytes.slice(0, k)
          }
          const edited = Uint8Array.from(bytes)
          expect(streamed(edited, cuts)).toEqual(whole(edited))
        }
      ),
      { numRuns: RUNS }
    )
  })

  test.each([
    ['empty input', '', 'not an array'],
    ['an object', '{"type":"version"}', 'not an array'],
    ['no closing bracket', '[{"a":1}', 'invalid'],
    ['a number cut at the end', '[1', 'invalid'],
    ['a trailing comma', '[1,]', 'invalid'],
    ['a leading comma', '[,1]', 'invalid'],
    ['two arrays', '[1][2]', 'invalid'],
    ['text after the array', '[1] x', 'invalid'],
    ['a missing comma', '[{"a":1} {"b":2}]', 'invalid']
  ])('%s: %j is rejected with the right message', (_name, text, message) => {
    const elements = new ArrayElements(
      (bytes) => {
        JSON.parse(decoder.decode(bytes))
      },
      'invalid',
      'not an array'
    )
    expect(() => {
      elements.push(encoder.encode(text))
      elements.end()
    }).toThrow(message === 'invalid' ? /^invalid$|JSON/ : /^not an array$/)
  })

  test('keeps at most the element in progress: earlier chunks are not retained', () => {
    const seen: number[] = []
    const elements = new ArrayElements((bytes) => seen.push(bytes.length), 'invalid', 'no')
    const element = `{"type":"refresh_start","pad":"${'x'.repeat(1000)}"}`
    const chunk = encoder.encode(`${element},`)
    elements.push(encoder.encode('['))
    for (let k = 0; k < 1000; k++) {
      elements.push(chunk)
      // Every element ends in the chunk it started in: nothing is carried.
      expect((elements as unknown as { pieces: Uint8Array[] }).pieces).toHaveLength(0)
    }
    elements.push(encoder.encode(`${element}]`))
    expect(elements.end()).toBe(1001)
    expect(new Set(seen)).toEqual(new Set([element.length]))
  })
})

describe('the JSON array reader', () => {
  const lines = readFileSync(fixture('streams', 'terraform-plan.jsonl'), 'utf8').trim().split('\n')
  const text = `[\n${lines.join(',\n')}\n]\n`

  test('in chunks of every size from 1 to 64 bytes: the same plan as read whole', () => {
    const once = readPlan(Buffer.from(text))
    expect(once.source.format).toBe('json-array')
    for (let size = 1; size <= 64; size++) {
      const reader = new PlanReader()
      const bytes = Buffer.from(text)
      for (let at = 0; at < bytes.length; at += size) reader.push(bytes.subarray(at, at + size))
      expect(reader.end()).toEqual(once)
    }
  })

  test('the same changes as the JSON Lines it was made from', () => {
    const jsonl = readPlan(Buffer.from(lines.join('\n')))
    const array = readPlan(Buffer.from(text))
    expect(array.changes).toEqual(jsonl.changes)
    expect(array.tally).toEqual(jsonl.tally)
  })

  test.each([
    ['truncated', text.slice(0, Math.floor(text.length / 2))],
    ['a broken message', text.replace('"type":"planned_change"', '"type":"planned_change"}')],
    ['trailing text', `${text}x`]
  ])('%s: an input error, never a plan', (_name, bad) => {
    expect(() => readPlan(Buffer.from(bad), { format: 'json-array' })).toThrow(
      'the JSON array of UI messages is not valid JSON (truncated or corrupt)'
    )
  })

  test('an object where the array should be', () => {
    expect(() => readPlan(Buffer.from(lines[0]!), { format: 'json-array' })).toThrow(
      'expected a JSON array of UI messages'
    )
  })
})
