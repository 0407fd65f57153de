/**
 * The fingerprint's ordering rule: it depends on what is destroyed and weakened, never on the
 * order in which the plan lists resources, keys or findings. Approvals bind to it, so an order
 * that leaked in would let one push invalidate (or two plans share) an approval by accident.
 */
import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { readPlan } from '../../src/plan/read.js'
import { fingerprint, fingerprintLines } from '../../src/policy/fingerprint.js'
import { defaultContext, gate } from '../../src/pipeline/gate.js'
import { fixture } from '../helpers.js'

type Json = Record<string, unknown>

const docs = ['examples/destroy-prod-db.json', 'plans/kinds.json', 'plans/weakened.json'].map(
  (name) => JSON.parse(readFileSync(fixture(...name.split('/')), 'utf8')) as Json
)

function gated(doc: unknown) {
  const plan = readPlan(Buffer.from(JSON.stringify(doc)))
  return { plan, result: gate(plan, defaultContext('p', 0)) }
}

function withChanges(doc: Json, changes: unknown[]): Json {
  return { ...doc, resource_changes: changes }
}

describe('the fingerprint ignores order', () => {
  test.each(docs.map((doc, i) => [i, doc] as const))(
    'plan %i: any permutation of resource_changes gives the same fingerprint',
    (_i, doc) => {
      const changes = doc['resource_changes'] as unknown[]
      const expected = gated(doc).result.fingerprint
      fc.assert(
        fc.property(fc.shuffledSubarray(changes, { minLength: changes.length }), (shuffled) => {
          expect(gated(withChanges(doc, shuffled)).result.fingerprint).toBe(expected)
        }),
        { numRuns: 25 }
      )
    }
  )

  test('the lines are sorted and unique, whatever order the findings come in', () => {
    const { plan, result } = gated(docs[0])
    const lines = fingerprintLines(plan, result.findings)
    expect(lines).toEqual([...new Set(lines)].sort())
    const reversed = fingerprintLines(plan, [...result.findings].reverse())
    expect(reversed).toEqual(lines)
    const doubled = fingerprintLines(plan, [...result.findings, ...result.findings])
    expect(doubled).toEqual(lines)
    expect(fingerprint(reversed)).toBe(result.fingerprint)
  })

  test('but not the order of the lines it hashes: sorting is what makes it order-free', () => {
    const { plan, result } = gated(docs[0])
    const lines = fingerprintLines(plan, result.findings)
    expect(lines.length).toBeGreaterThan(1)
    expect(fingerprint([...lines].reverse())).not.toBe(fingerprint(lines))
  })

  test('two plans with the same destructive changes in another order share a fingerprint; a different set does not', () => {
    const doc = docs[0] as Json
    const changes = doc['resource_changes'] as Json[]
    const a = gated(withChanges(doc, changes)).result.fingerprint
    const b = gated(withChanges(doc, [...changes].reverse())).result.fingerprint
    const fewer = gated(
      withChanges(
        doc,
        changes.filter((c) => !JSON.stringify(c['change']).includes('"delete"'))
      )
    ).result.fingerprint
    expect(b).toBe(a)
    expect(fewer).not.toBe(a)
  })
})
