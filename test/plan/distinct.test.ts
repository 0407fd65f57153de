/**
 * DistinctStrings (src/plan/distinct.ts): the exact count of refreshed addresses a stream's
 * inventory is. It must count exactly what a Set of the strings counts: an undercount would make
 * a stream's deletes look like more of its state than they are, an overcount like less.
 */
import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { DistinctStrings, hashOf } from '../../src/plan/distinct.js'

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 300)
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261203)

const latin1 = (text: string) => Buffer.from(text, 'latin1')
const isLatin1 = (text: string) => [...text].every((c) => c.charCodeAt(0) <= 0xff)

describe('DistinctStrings', () => {
  test('counts what a Set counts, strings and bytes alike, on any seed', () => {
    // Few units, so that repeats are common; wide ones go to the Set beside the table.
    const unit = fc.constantFrom('a', 'b', '.', '"', '\u0000', '\u00e9', '\u00ff', '\u0100', '中')
    const text = fc.array(unit, { maxLength: 6 }).map((units) => units.join(''))
    fc.assert(
      fc.property(
        fc.array(fc.tuple(text, fc.boolean()), { maxLength: 300 }),
        fc.integer(),
        (entries, seed) => {
          const distinct = new DistinctStrings(seed)
          for (const [s, asBytes] of entries) {
            if (asBytes && isLatin1(s)) {
              // Bytes inside a larger buffer, as the kernel's window holds them.
              const b = Buffer.concat([latin1('xx'), latin1(s), latin1('yy')])
              distinct.addBytes(b, 2, 2 + s.length)
            } else distinct.add(s)
          }
          expect(distinct.size).toBe(new Set(entries.map(([s]) => s)).size)
        }
      ),
      { numRuns: RUNS, seed: SEED }
    )
  })

  test('two different keys with one hash are two entries', () => {
    // A birthday search for a 32-bit collision: found after about 160,000 keys for seed 1.
    const seed = 1
    const seen = new Map<number, string>()
    const bytes = new Uint8Array(16)
    let pair: [string, string] | undefined
    for (let i = 0; pair === undefined && i < 1_000_000; i++) {
      const key = `b${Math.imul(i, 0x9e3779b1) >>> 0}`
      for (let j = 0; j < key.length; j++) bytes[j] = key.charCodeAt(j)
      const h = hashOf(bytes, key.length, seed)
      const other = seen.get(h)
      if (other === undefined) seen.set(h, key)
      else pair = [other, key]
    }
    expect(pair).toBeDefined()
    const [a, b] = pair!
    expect(a).not.toBe(b)
    expect(hashOf(latin1(a), a.length, seed)).toBe(hashOf(latin1(b), b.length, seed))
    const distinct = new DistinctStrings(seed)
    for (const key of [a, b, a, b]) distinct.add(key)
    expect(distinct.size).toBe(2)
  })

  test('grows past its first table and buffer; long keys and the empty key', () => {
    const distinct = new DistinctStrings()
    for (let round = 0; round < 2; round++)
      for (let i = 0; i < 50_000; i++) distinct.add(`module.m["${i}"].aws_db_instance.d`)
    const long = 'x'.repeat(100_000)
    distinct.add(long)
    distinct.add(`${long}y`)
    distinct.add(long)
    distinct.add('')
    distinct.add('')
    expect(distinct.size).toBe(50_003)
  })

  test('the seed changes which keys share a slot, not the count', () => {
    const keys = Array.from({ length: 3000 }, (_, i) => `k${i % 1000}`)
    for (const seed of [0, 1, -1, 0x7fffffff]) {
      const distinct = new DistinctStrings(seed)
      for (const key of keys) distinct.add(key)
      expect(distinct.size).toBe(1000)
    }
    expect(hashOf(latin1('k1'), 2, 0)).not.toBe(hashOf(latin1('k1'), 2, 1))
  })
})
