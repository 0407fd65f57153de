/**
 * A destroy plan's findings share their data records (withReason) and their reasons
 * (formatMessage remembers them per frozen record, message id and verb). The reference of each
 * is the plain computation: these tests compare them on generated findings and changes.
 */
import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { reasonData, withReason } from '../../src/rules/inspect.js'
import { composeMessage, formatMessage, MESSAGE_IDS } from '../../src/rules/messages.js'
import type { Finding, FindingData } from '../../src/rules/types.js'
import { makeChange } from '../helpers.js'

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 300)

/** Every key a template reads, with values that change the text. */
const VALUES: Readonly<Record<string, readonly (string | number | boolean)[]>> = {
  type: ['aws_instance', 'aws_s3_bucket'],
  categoryLabel: ['database', 'object storage', 'inventory'],
  reason: ['delete_because_no_resource_config', 'replace_because_tainted', 'made-up'],
  forcedBy: ['engine', 'name, size'],
  copy: ['a final snapshot'],
  renameTo: ['aws_instance.new'],
  evidence: ['its bucket contains "tfstate"'],
  tagMap: ['tags'],
  tagKey: ['protected'],
  missing: ['final snapshot'],
  pattern: ['aws_db_*'],
  attribute: ['deletion_protection'],
  family: ['deletion-protection', 'ttl'],
  from: [true, 7],
  to: [false, 0],
  fromText: ['on'],
  toText: ['off', ''],
  unknown: [true, false],
  sensitive: [true],
  floorDays: [7],
  count: [3, 17204],
  countedFrom: ['all 3 managed resource(s) in prior_state'],
  total: [10],
  threshold: ['10 resources'],
  actions: ['["delete","create"]']
}

const record = fc
  .subarray(Object.keys(VALUES), { maxLength: 5 })
  .chain((keys) =>
    fc.tuple(...keys.map((k) => fc.constantFrom(...(VALUES[k] ?? [])).map((v) => [k, v] as const)))
  )
  .map((entries) => Object.fromEntries(entries) as FindingData)

describe('formatMessage remembers reasons', () => {
  test('for every finding, the text composeMessage makes, whatever came before', () => {
    // A few frozen records shared by many findings (as the rules make them), some not frozen.
    const finding = (records: readonly FindingData[]) =>
      fc.record(
        {
          ruleId: fc.constant('PG-0005'),
          address: fc.constant('a.b'),
          severity: fc.constant('low' as const),
          decision: fc.constantFrom('warn' as const, 'blocked' as const),
          source: fc.constant('change' as const),
          // Mostly two ids, so that findings meet a reason remembered for another.
          messageId: fc.oneof(
            {
              weight: 3,
              arbitrary: fc.constantFrom('destroy-resource' as const, 'full-destroy' as const)
            },
            { weight: 1, arbitrary: fc.constantFrom(...MESSAGE_IDS) }
          ),
          data: fc.oneof(fc.constantFrom(...records), record),
          action: fc.constantFrom('delete' as const, 'replace' as const, 'forget' as const),
          order: fc.constantFrom('delete-first' as const, 'create-first' as const, undefined),
          deposed: fc.constantFrom(undefined, '0001'),
          exemption: fc.oneof(
            { weight: 5, arbitrary: fc.constant(undefined) },
            { weight: 1, arbitrary: fc.constant({ reason: 'INC-1', expires: '2027-01-01' }) }
          ),
          override: fc.oneof(
            { weight: 5, arbitrary: fc.constant(undefined) },
            { weight: 1, arbitrary: fc.constant({ from: 'warn' as const, reason: 'raised' }) }
          )
        },
        {
          requiredKeys: ['ruleId', 'address', 'severity', 'decision', 'source', 'messageId', 'data']
        }
      ) as fc.Arbitrary<Finding>
    fc.assert(
      fc.property(
        fc
          .array(record, { minLength: 1, maxLength: 4 })
          .map((rs) => rs.map((r) => Object.freeze({ ...r })))
          .chain((records) => fc.array(finding(records), { maxLength: 60 })),
        (findings) => {
          for (const f of findings) expect(formatMessage(f)).toBe(composeMessage(f))
        }
      ),
      { numRuns: RUNS }
    )
  })

  test('the same string for findings that differ only where the reason does not', () => {
    const data = Object.freeze({ type: 'aws_instance', reason: 'replace_because_tainted' })
    const base: Finding = {
      ruleId: 'PG-0005',
      address: 'aws_instance.a',
      severity: 'low',
      decision: 'warn',
      source: 'change',
      messageId: 'destroy-resource',
      action: 'replace',
      order: 'create-first',
      data
    }
    const first = formatMessage(base)
    expect(formatMessage({ ...base, address: 'aws_instance.b' })).toBe(first)
    expect(formatMessage({ ...base, order: 'delete-first' })).toBe(
      'Replaces (destroys first, then creates) aws_instance (the object is tainted)'
    )
    expect(formatMessage({ ...base, order: undefined })).toBe(
      'Replaces aws_instance (the object is tainted)'
    )
    expect(formatMessage({ ...base, action: 'delete', order: undefined })).toBe(
      'Deletes aws_instance (the object is tainted)'
    )
    expect(formatMessage({ ...base, deposed: '01' })).toMatch(/^Deletes a deposed object/)
  })

  test('a record that is not frozen is read afresh each time', () => {
    const data: Record<string, string> = { type: 'aws_instance' }
    const f: Finding = {
      ruleId: 'PG-0005',
      address: 'aws_instance.a',
      severity: 'low',
      decision: 'warn',
      source: 'change',
      messageId: 'destroy-resource',
      action: 'delete',
      data
    }
    expect(formatMessage(f)).toBe('Deletes aws_instance')
    data['type'] = 'aws_s3_bucket'
    expect(formatMessage(f)).toBe('Deletes aws_s3_bucket')
  })
})

describe('withReason shares records', () => {
  const DATA = [
    Object.freeze({ type: 'aws_instance' }),
    Object.freeze({ categoryLabel: 'database' })
  ]

  test('the same content as the plain copy, one frozen record per data record and reason', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            data: fc.constantFrom(...DATA),
            reason: fc.constantFrom(undefined, 'delete_because_no_resource_config', 'x'),
            forced: fc.constantFrom(undefined, [], [['engine']], [['a'], ['b'], ['c'], ['d']])
          }),
          { maxLength: 30 }
        ),
        (cases) => {
          for (const c of cases) {
            const change = makeChange({
              ...(c.reason === undefined ? {} : { reason: c.reason }),
              ...(c.forced === undefined ? {} : { replacePaths: c.forced })
            })
            const got = withReason(c.data, change)
            expect(got).toEqual({ ...c.data, ...reasonData(change) })
            expect(Object.keys(got)).toEqual(Object.keys({ ...c.data, ...reasonData(change) }))
            const forced = c.forced !== undefined && c.forced.length > 0
            if (!forced && c.reason !== undefined) {
              expect(Object.isFrozen(got)).toBe(true)
              expect(withReason(c.data, change)).toBe(got)
            }
          }
        }
      ),
      { numRuns: RUNS }
    )
  })

  test('a plan that makes up many reasons gets copies of its own, still right', () => {
    const data = Object.freeze({ type: 'aws_s3_bucket' })
    for (let i = 0; i < 200; i++) {
      const change = makeChange({ reason: `reason-${i}` })
      expect(withReason(data, change)).toEqual({ type: 'aws_s3_bucket', reason: `reason-${i}` })
    }
  })

  test('a record that is not frozen is copied, never shared', () => {
    const data = { type: 'aws_instance' }
    const change = makeChange({ reason: 'delete_because_no_resource_config' })
    expect(withReason(data, change)).not.toBe(withReason(data, change))
  })
})
