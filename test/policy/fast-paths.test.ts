/**
 * The policy step's bulk paths against their plain references: sortFindings (groups by
 * decision and severity) against one sort by byDanger, and the fingerprint's lines, object
 * hashes and line hashing against the way they were computed before (a Set of lines, every
 * object attribute looked up, one hash update per line). Approvals bind to the fingerprint: not
 * one bit of it may change.
 */
import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import * as crypto from 'node:crypto'
import type { ChangeFacts, Plan, ResourceChange } from '../../src/plan/model.js'
import { byDanger, sortFindings } from '../../src/policy/decide.js'
import {
  fingerprint,
  fingerprinted,
  fingerprintLines,
  hashLines,
  objectIdentity
} from '../../src/policy/fingerprint.js'
import { changeRadius } from '../../src/rules/blast-radius.js'
import { OBJECT_ATTRIBUTES } from '../../src/rules/needs.js'
import type { Finding } from '../../src/rules/types.js'
import { makeChange, makePlan } from '../helpers.js'

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 200)

describe('sortFindings', () => {
  const finding = fc.record({
    ruleId: fc.constantFrom('PG-0005', 'PG-AWS-018', 'PG-0013'),
    address: fc.constantFrom('a', 'a.b', 'a.b[0]', 'b', 'a\u0000', ''),
    severity: fc.oneof(
      { weight: 20, arbitrary: fc.constantFrom('low', 'medium', 'high', 'critical') },
      { weight: 1, arbitrary: fc.constantFrom('bogus', 'toString') }
    ),
    decision: fc.oneof(
      { weight: 20, arbitrary: fc.constantFrom('warn', 'approval-required', 'blocked') },
      { weight: 1, arbitrary: fc.constant('maybe') }
    ),
    messageId: fc.constant('destroy-resource'),
    source: fc.constant('change'),
    plan: fc.constantFrom(undefined, 'p1', 'p2'),
    deposed: fc.constantFrom(undefined, '01'),
    data: fc.constantFrom({}, { attribute: 'x' }, { attribute: 'y' }, { attribute: 1 }),
    id: fc.nat()
  }) as unknown as fc.Arbitrary<Finding>

  test('the same order as one stable sort by byDanger, unknown decisions included', () => {
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 80 }), (findings) => {
        const got = sortFindings(findings)
        const want = [...findings].sort(byDanger)
        expect(got.length).toBe(want.length)
        got.forEach((f, i) => expect(f).toBe(want[i]))
      }),
      { numRuns: RUNS }
    )
  })

  test('does not touch its input', () => {
    const findings = [
      { decision: 'warn', severity: 'low', address: 'b' },
      { decision: 'blocked', severity: 'low', address: 'a' }
    ] as Finding[]
    const copy = [...findings]
    expect(sortFindings(findings).map((f) => f.address)).toEqual(['a', 'b'])
    expect(findings).toEqual(copy)
  })
})

// ---- the fingerprint's references: the code as it was before the bulk paths ----

function refShort(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex').slice(0, 32)
}

function refObjectIdentity(change: ResourceChange, radius: ChangeFacts['radius']): string {
  const values = change.action === 'create' ? change.after : change.before
  const parts: string[] = []
  if (change.hasValues && typeof values === 'object' && values !== null) {
    const record = values as Record<string, unknown>
    for (const key of OBJECT_ATTRIBUTES) {
      const value = record[key]
      if (typeof value === 'string' || typeof value === 'number') parts.push(`${key}=${value}`)
    }
  }
  for (const a of radius.awsAccounts) parts.push(`aws=${a}`)
  for (const p of radius.gcpProjects) parts.push(`gcp=${p}`)
  for (const s of radius.azureSubscriptions) parts.push(`azure=${s}`)
  for (const r of radius.regions) parts.push(`region=${r}`)
  return refShort(parts.join('\n'))
}

function refLines(plan: Plan, findings: readonly Finding[]): string[] {
  const lines = new Set<string>()
  for (const change of plan.changes) {
    if (!fingerprinted(change)) continue
    const { name, fqn, alias } = change.provider
    const configs = (plan.providerConfigs ?? [])
      .filter((p) => p.name === name && (p.alias ?? '') === (alias ?? ''))
      .map((p) => `${p.key}=${JSON.stringify(p.constants)}`)
      .sort()
    const provider = [fqn ?? name, alias ?? '', ...configs].join('\n')
    const object = refShort(`${refObjectIdentity(change, changeRadius(change))}\n${provider}`)
    const what = `${change.address}\t${change.deposed ?? ''}\t${change.action}`
    lines.add(`${what}\t${change.order ?? ''}\t${change.reason ?? ''}\tobject:${object}`)
  }
  for (const f of findings) {
    if (f.messageId !== 'protection-weakened') continue
    const d = f.data
    const to =
      d['to'] !== undefined
        ? `value=${String(d['to'])}`
        : d['unknown'] === true
          ? 'unknown'
          : d['sensitive'] === true
            ? 'sensitive'
            : `text=${String(d['toText'] ?? '')}`
    lines.add(
      ['weaken', f.address, f.ruleId, String(d['attribute'] ?? ''), `to:${refShort(to)}`].join('\t')
    )
  }
  if (plan.errored) lines.add('errored')
  return [...lines].sort()
}

function refHashLines(header: string, lines: readonly string[]): string {
  const hash = crypto.createHash('sha256')
  hash.update(`${header}\n`)
  for (const line of lines) hash.update(`${line}\n`)
  return `sha256:${hash.digest('hex')}`
}

// Values in any key order, some attributes missing, some not strings, one without a prototype.
const attributeValue = fc.oneof(
  fc.constantFrom('i-0abc', 'arn:aws:s3:::b', 'eu-west-1', '123456789012', ''),
  fc.integer(),
  fc.constantFrom(null, true, { nested: 1 }, ['x'])
)

const values = fc
  .tuple(
    fc.dictionary(
      fc.oneof(fc.constantFrom(...OBJECT_ATTRIBUTES), fc.constantFrom('tags', 'size', '__proto__')),
      attributeValue,
      { maxKeys: 8 }
    ),
    fc.boolean()
  )
  .map(([record, bare]) => (bare ? Object.assign(Object.create(null) as object, record) : record))

const change = fc
  .record({
    address: fc.constantFrom('aws_s3_bucket.a', 'aws_s3_bucket.a[0]', 'module.m.x.y', 'a\u0001b'),
    action: fc.constantFrom(
      'delete',
      'replace',
      'forget',
      'forget-replace',
      'create',
      'update',
      'unknown',
      'no-op',
      'read'
    ),
    mode: fc.constantFrom('managed', 'managed', 'data'),
    deposed: fc.constantFrom(undefined, '01'),
    reason: fc.constantFrom(undefined, 'delete_because_no_resource_config'),
    order: fc.constantFrom(undefined, 'delete-first'),
    provider: fc.constantFrom(
      { name: 'aws', fqn: 'registry.terraform.io/hashicorp/aws' },
      { name: 'aws', fqn: 'registry.terraform.io/hashicorp/aws', alias: 'east' },
      { name: 'google' }
    ),
    before: values,
    after: values,
    hasValues: fc.boolean()
  })
  .map((c) => {
    const { deposed, reason, order, ...rest } = c
    return makeChange({
      ...(rest as Partial<ResourceChange>),
      ...(deposed === undefined ? {} : { deposed }),
      ...(reason === undefined ? {} : { reason }),
      ...(order === undefined ? {} : { order: order as ResourceChange['order'] })
    })
  })

const weakened = fc.record({
  ruleId: fc.constant('PG-AWS-W001'),
  address: fc.constantFrom('aws_db_instance.a', 'aws_db_instance.b'),
  severity: fc.constant('high'),
  decision: fc.constant('approval-required'),
  source: fc.constant('change'),
  messageId: fc.constantFrom('protection-weakened', 'destroy-resource'),
  data: fc.constantFrom(
    { attribute: 'deletion_protection', to: false },
    { attribute: 'deletion_protection', unknown: true },
    { attribute: 'backup_retention_period', toText: 'short' }
  )
}) as unknown as fc.Arbitrary<Finding>

describe('the fingerprint', () => {
  test('objectIdentity: the same hash as looking up every attribute', () => {
    fc.assert(
      fc.property(change, (c) => {
        const radius = changeRadius(c)
        expect(objectIdentity(c, radius)).toBe(refObjectIdentity(c, radius))
      }),
      { numRuns: RUNS * 2 }
    )
  })

  test('fingerprintLines: the same lines as a sorted set, runs of one provider or not', () => {
    fc.assert(
      fc.property(
        fc.array(change, { maxLength: 30 }),
        fc.array(weakened, { maxLength: 4 }),
        fc.boolean(),
        fc.constantFrom(
          undefined,
          [{ key: 'aws', name: 'aws', constants: { region: 'eu-west-1' } }],
          [
            { key: 'aws', name: 'aws', constants: {} },
            { key: 'aws.east', name: 'aws', alias: 'east', constants: { region: 'us-east-1' } }
          ]
        ),
        (changes, findings, errored, providerConfigs) => {
          // Duplicates: the same change twice gives one line.
          const plan = makePlan([...changes, ...changes.slice(0, 3)], {
            errored,
            ...(providerConfigs === undefined ? {} : { providerConfigs })
          })
          const lines = fingerprintLines(plan, [...findings, ...findings])
          expect(lines).toEqual(refLines(plan, findings))
          expect(fingerprint(lines)).toBe(refHashLines('plan-gate fingerprint v2', lines))
        }
      ),
      { numRuns: RUNS }
    )
  })

  test('hashLines: the same digest as one update per line, across pieces and characters', () => {
    const line = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom('\ud800', '\udc00', 'é', '😀', ''),
      fc.nat(70_000).map((n) => 'x'.repeat(n))
    )
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        expect(hashLines('header', lines)).toBe(refHashLines('header', lines))
      }),
      { numRuns: RUNS }
    )
    // A surrogate pair cut by a piece boundary would hash differently: lines end in newlines.
    const many = Array.from(
      { length: 5000 },
      (_, i) => (i % 2 ? '\ud83d' : '\ude00') + 'y'.repeat(i % 50)
    )
    expect(hashLines('h', many)).toBe(refHashLines('h', many))
  })
})
