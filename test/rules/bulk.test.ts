/**
 * The per-change fast paths of classification (issue 13: per-finding work in bulk) agree with
 * the plain way of computing the same thing: star-less catalog paths read without expanding,
 * protected tags read in place, one scratch set for every change's blast radius, findings' data
 * shared per type, provider identities worked out once per plan, the one-shot hash.
 */
import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { allEntries, allGuards } from '../../src/catalog/index.js'
import { PROTECTED_TAG_VALUES, TAG_BLOCKS, TAG_MAPS } from '../../src/catalog/generic.js'
import type { Condition } from '../../src/catalog/types.js'
import type { ProviderConfig, ResourceChange, ValueLeaf } from '../../src/plan/model.js'
import { readPlan } from '../../src/plan/read.js'
import { defaultContext, gate, slimmer } from '../../src/pipeline/gate.js'
import { DEFAULT_POLICY } from '../../src/policy/defaults.js'
import { fingerprinted, fingerprintLines, objectIdentity } from '../../src/policy/fingerprint.js'
import { OBJECT_ATTRIBUTES } from '../../src/rules/needs.js'
import { changeRadius } from '../../src/rules/blast-radius.js'
import { changeFindings, DEFAULT_CLASSIFY, type ClassifyOptions } from '../../src/rules/evaluate.js'
import { holds, isSafe, protectedTag, reasonData, tagMaps } from '../../src/rules/inspect.js'
import { expand, getAt, parsePath } from '../../src/rules/values.js'
import { fixture, makeChange, makePlan } from '../helpers.js'

const RUNS = { numRuns: 300 }

/**
 * Every condition the catalog states (survival and holds-data), and its guards' paths read as
 * conditions: those have `[*]`.
 */
const CONDITIONS: readonly Condition[] = [
  ...allEntries().flatMap(({ entry }) => [
    ...(entry.survives ?? []).flatMap((s) => s.when),
    ...(entry.holdsDataWhen ?? [])
  ]),
  ...allGuards().map(({ guard }) => ({ path: guard.path, test: guard.test, absent: guard.absent }))
]

/** A value at a catalog path: the shape the path expects, or something else in its place. */
function valueAlong(steps: readonly (string | number)[]): fc.Arbitrary<unknown> {
  const leaf = fc.oneof(
    fc.boolean(),
    fc.integer({ min: -5, max: 40 }),
    fc.constantFrom('', 'x', 'true', 'false', 'Snapshot', 'retain', '7'),
    fc.constant(null),
    fc.constant(undefined),
    fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 })
  )
  const [step, ...rest] = steps
  if (step === undefined) return leaf
  const inner = valueAlong(rest)
  if (typeof step === 'number' || step === '*') {
    return fc.oneof(fc.array(inner, { maxLength: 3 }), leaf)
  }
  return fc.oneof(
    fc.record({ [step]: inner, other: leaf }, { requiredKeys: [] }),
    leaf.filter((v) => typeof v !== 'object' || v === null)
  )
}

function referenceHolds(condition: Condition, before: unknown): boolean {
  return expand(parsePath(condition.path), before).some((path) =>
    isSafe(condition.test, condition.absent, getAt(before, path))
  )
}

describe('catalog conditions', () => {
  test('the catalog has conditions with and without [*]', () => {
    expect(CONDITIONS.some((c) => c.path.includes('[*]'))).toBe(true)
    expect(CONDITIONS.some((c) => !c.path.includes('[*]'))).toBe(true)
  })

  test('holds() reads a path as expanding it would, for every catalog condition', () => {
    const cases = fc
      .constantFrom(...CONDITIONS)
      .chain((condition) => fc.tuple(fc.constant(condition), valueAlong(parsePath(condition.path))))
    fc.assert(
      fc.property(cases, ([condition, before]) => {
        expect(holds(condition, before)).toBe(referenceHolds(condition, before))
      }),
      RUNS
    )
  })
})

/** protectedTag() as it was: over the maps tagMaps() lists, with a key set made per call. */
function referenceTag(values: unknown, extraKeys: readonly string[] = []) {
  const keys = new Set(['protected', ...extraKeys.map((k) => k.toLowerCase())])
  for (const { map, tags } of tagMaps(values)) {
    for (const [key, value] of Object.entries(tags)) {
      const yes =
        value === true ||
        value === 1 ||
        (typeof value === 'string' &&
          (PROTECTED_TAG_VALUES as readonly string[]).includes(value.trim().toLowerCase()))
      if (keys.has(key.toLowerCase()) && yes) return { map, key }
    }
  }
  return undefined
}

describe('protected tags', () => {
  const tagValue = fc.constantFrom<unknown>(true, false, 1, 0, 'yes', ' TRUE ', 'no', '1', null, {})
  const tags = fc.dictionary(
    fc.constantFrom('Protected', 'protected', 'PROTECTED', 'owner', 'Keep', 'do-not-delete'),
    tagValue,
    { maxKeys: 4 }
  )
  const maps = fc.dictionary(fc.constantFrom(...TAG_MAPS, 'other'), fc.oneof(tags, tagValue), {
    maxKeys: 3
  })
  const values = fc.oneof(
    maps,
    fc
      .tuple(
        maps,
        fc.constantFrom(...TAG_BLOCKS),
        fc.array(fc.oneof(maps, tagValue), { maxLength: 2 })
      )
      .map(([top, block, list]) => ({ ...top, [block]: list })),
    tagValue
  )
  const extraKeys = fc.constantFrom<readonly string[]>([], ['Keep'], ['keep', 'DO-NOT-DELETE'])

  test('are read in place as over tagMaps(), with or without extra keys', () => {
    fc.assert(
      fc.property(values, extraKeys, (value, extra) => {
        expect(protectedTag(value, extra)).toEqual(referenceTag(value, extra))
        expect(protectedTag(value)).toEqual(referenceTag(value))
      }),
      RUNS
    )
  })

  test('extra keys are read from the list given, not from an earlier list', () => {
    const value = { tags: { Keep: 'yes' } }
    expect(protectedTag(value, ['keep'])).toEqual({ map: 'tags', key: 'Keep' })
    expect(protectedTag(value, ['other'])).toBeUndefined()
    expect(protectedTag(value, [])).toBeUndefined()
    expect(protectedTag(value, ['KEEP'])).toEqual({ map: 'tags', key: 'Keep' })
  })
})

describe('the blast radius of one change', () => {
  const ids = fc.constantFrom(
    'arn:aws:s3:::bucket',
    'arn:aws:ec2:eu-west-1:123456789012:instance/i-1',
    'arn:aws:iam::210987654321:role/x',
    'eu-west-1',
    'us-east-1c',
    '123456789012',
    '/subscriptions/0f0f0f0f-1111-2222-3333-444444444444/resourceGroups/g',
    'https://www.googleapis.com/compute/v1/projects/my-project-1/zones/europe-west1-b',
    'westeurope',
    'not an id'
  )
  const leaf: fc.Arbitrary<ValueLeaf> = fc.record({
    value: ids,
    path: fc.array(
      fc.oneof(
        fc.constantFrom('region', 'account_id', 'availability_zone', 'location', 'tags', 'arn'),
        fc.nat(2)
      ),
      { minLength: 1, maxLength: 3 }
    )
  })
  const change = fc
    .record({
      provider: fc.constantFrom('aws', 'google', 'azurerm', 'null'),
      leaves: fc.array(leaf, { maxLength: 6 })
    })
    .map(({ provider, leaves }) =>
      makeChange({ provider: { name: provider }, valueLeaves: leaves })
    )

  test('does not depend on the changes looked at before it', () => {
    fc.assert(
      fc.property(change, change, (a, b) => {
        const alone = changeRadius(a)
        changeRadius(b)
        expect(changeRadius(a)).toEqual(alone)
      }),
      RUNS
    )
  })

  test('lists are sorted and unique, and stay as they were when the next change is read', () => {
    fc.assert(
      fc.property(change, change, (a, b) => {
        const radius = changeRadius(a)
        const copy = structuredClone(radius)
        changeRadius(b)
        expect(radius).toEqual(copy)
        for (const list of Object.values(radius)) expect(list).toEqual([...new Set(list)].sort())
      }),
      RUNS
    )
  })
})

describe('findings made per type', () => {
  test("a change's reason never reaches another change's finding of the same type", () => {
    const forced = makeChange({
      address: 'aws_instance.a',
      type: 'aws_instance',
      action: 'replace',
      actions: ['delete', 'create'],
      reason: 'replace_because_cannot_update',
      replacePaths: [['ami']]
    })
    const plain = makeChange({ address: 'aws_instance.b', type: 'aws_instance' })
    const [first] = changeFindings(plain)
    const [withReason] = changeFindings(forced)
    const [second] = changeFindings(plain)
    expect(withReason?.data).toEqual({ type: 'aws_instance', ...reasonData(forced) })
    expect(first?.data).toEqual({ type: 'aws_instance' })
    expect(second?.data).toEqual({ type: 'aws_instance' })
    expect(Object.isFrozen(second?.data)).toBe(true)
  })

  test('data stores: the surviving copy and the reason are those of each change', () => {
    const db = (name: string, before: Record<string, unknown>, reason?: string) =>
      makeChange({
        address: `aws_db_instance.${name}`,
        type: 'aws_db_instance',
        provider: { name: 'aws' },
        before,
        reason
      })
    const kept = db('kept', { skip_final_snapshot: false, final_snapshot_identifier: 'final' })
    const lost = db('lost', { skip_final_snapshot: true }, 'delete_because_no_resource_config')
    const findings = [kept, lost, kept].map((c) => changeFindings(c)[0])
    expect(findings.map((f) => f?.messageId)).toEqual([
      'destroy-data-store',
      'destroy-no-copy',
      'destroy-data-store'
    ])
    expect(findings[0]?.data).toEqual(findings[2]?.data)
    expect(findings[0]?.data['copy']).toBeDefined()
    expect(findings[1]?.data['reason']).toBe('delete_because_no_resource_config')
    expect(findings[2]?.data['reason']).toBeUndefined()
  })
})

describe('the fingerprint', () => {
  const configs: ProviderConfig[] = [
    { key: 'aws', name: 'aws', constants: { region: 'eu-west-1' } },
    { key: 'aws.west', name: 'aws', alias: 'west', constants: { region: 'us-west-2' } },
    { key: 'google', name: 'google', constants: { project: 'p-one' } }
  ]
  const change = fc
    .record({
      n: fc.nat(50),
      name: fc.constantFrom('aws', 'google', 'null'),
      fqn: fc.constantFrom(undefined, 'registry.terraform.io/hashicorp/x', 'example.com/a/b'),
      alias: fc.constantFrom(undefined, 'west', 'east')
    })
    .map(({ n, name, fqn, alias }) =>
      makeChange({
        address: `x.y${n}`,
        provider: {
          name,
          ...(fqn === undefined ? {} : { fqn }),
          ...(alias === undefined ? {} : { alias })
        },
        before: { id: `i-${n}` }
      })
    )

  test("each change's line is the one it has in a plan of its own", () => {
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 8 }), (changes) => {
        const whole = fingerprintLines(makePlan(changes, { providerConfigs: configs }), [])
        for (const c of changes) {
          const [line] = fingerprintLines(makePlan([c], { providerConfigs: configs }), [])
          expect(whole).toContain(line)
        }
      }),
      { numRuns: 100 }
    )
  })

  test('the object hash is the first half of the SHA-256 of its parts', () => {
    const c: ResourceChange = makeChange({
      provider: { name: 'aws' },
      before: { id: 'i-1', arn: 'arn:aws:ec2:eu-west-1:123456789012:instance/i-1', zone: 3 }
    })
    const parts = OBJECT_ATTRIBUTES.flatMap((key) => {
      const value = (c.before as Record<string, unknown>)[key]
      return value === undefined ? [] : [`${key}=${String(value)}`]
    })
    const text = [...parts, 'aws=123456789012', 'region=eu-west-1'].join('\n')
    const expected = createHash('sha256').update(text).digest('hex').slice(0, 32)
    expect(objectIdentity(c)).toBe(expected)
  })

  test('of a fixed plan is pinned: approvals bind to its value', () => {
    const doc = readFileSync(fixture('examples', 'destroy-prod-db.json'))
    const result = gate(readPlan(doc), defaultContext('p', 0))
    expect(result.fingerprint).toBe(PINNED)
  })
})

describe('worked out once per plan or shared between changes', () => {
  test('protect.types: each plan (options) and type gets its own answer', () => {
    const role = makeChange({ address: 'acme_role.a', type: 'acme_role' })
    const object = makeChange({ address: 'acme_object.b', type: 'acme_object' })
    const roleOnly = { ...DEFAULT_CLASSIFY, protectTypes: ['acme_r*'] }
    const objectOnly = { ...DEFAULT_CLASSIFY, protectTypes: ['acme_o*'] }
    const ruleOf = (c: ResourceChange, o: ClassifyOptions) => changeFindings(c, o)[0]?.ruleId
    expect([ruleOf(role, roleOnly), ruleOf(object, roleOnly)]).toEqual(['PG-0015', 'PG-0005'])
    expect([ruleOf(role, objectOnly), ruleOf(object, objectOnly)]).toEqual(['PG-0005', 'PG-0015'])
    expect(ruleOf(role, roleOnly)).toBe('PG-0015')
    const byAddress = { ...DEFAULT_CLASSIFY, protectAddresses: ['acme_object.*'] }
    expect(changeFindings(object, byAddress)[0]?.data['pattern']).toBe('acme_object.*')
  })

  test('changes that name the same ids share one frozen radius; others do not', () => {
    const leaves = (region: string): ValueLeaf[] => [{ value: region, path: ['region'] }]
    const aws = (region: string) =>
      makeChange({ provider: { name: 'aws' }, valueLeaves: leaves(region) })
    const a = changeRadius(aws('eu-west-1'))
    const b = changeRadius(aws('eu-west-1'))
    const c = changeRadius(aws('us-east-1'))
    expect(b).toBe(a)
    expect(c.regions).toEqual(['us-east-1'])
    expect(Object.isFrozen(a) && Object.isFrozen(a.regions)).toBe(true)
  })

  const context = defaultContext('plan.json', 0)

  test('the slimmer hashes the object of exactly the changes the fingerprint has a line for', () => {
    const before = { id: 'i-1', arn: 'arn:aws:ec2:eu-west-1:123456789012:instance/i-1' }
    const kinds: Partial<ResourceChange>[] = [
      { action: 'delete', actions: ['delete'] },
      { action: 'replace', actions: ['delete', 'create'] },
      { action: 'forget', actions: ['forget'] },
      { action: 'update', actions: ['update'], after: before },
      { action: 'create', actions: ['create'], before: null, after: before },
      { mode: 'data', action: 'delete', actions: ['delete'] },
      { mode: 'data', action: 'unknown', actions: ['obliterate'] }
    ]
    for (const kind of kinds) {
      const whole = makeChange({ provider: { name: 'aws' }, before, ...kind })
      const slim = slimmer(context)(whole, 'change')
      expect(slim?.facts?.object?.slice(0, 32)).toBe(
        fingerprinted(whole) ? objectIdentity(whole) : undefined
      )
    }
    expect(kinds.map((k) => fingerprinted(makeChange(k)))).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      true
    ])
  })

  test('slim facts: empty findings and identities shared and frozen, lists as long as they are', () => {
    const slim = slimmer(context)
    const quiet = (name: string) =>
      slim(
        makeChange({
          address: `null_resource.${name}`,
          type: 'null_resource',
          action: 'update',
          actions: ['update']
        }),
        'change'
      )
    const a = quiet('a')?.facts
    const b = quiet('b')?.facts
    expect(a?.findings).toEqual([])
    expect(a?.identity).toEqual({})
    expect(b?.findings).toBe(a?.findings)
    expect(b?.identity).toBe(a?.identity)
    expect(Object.isFrozen(a?.findings) && Object.isFrozen(a?.identity)).toBe(true)
    // identityOf hands out copies, so the shared one is never written through.
    const db = (identifier: string) =>
      makeChange({
        address: `aws_db_instance.${identifier}`,
        type: 'aws_db_instance',
        before: { identifier }
      })
    const x = slim(db('x'), 'change')?.facts
    const y = slim(db('y'), 'change')?.facts
    expect(x?.identity).toEqual({ identifier: 'x' })
    expect(y?.identity).not.toBe(x?.identity)
    expect(x?.findings).toEqual(changeFindings(db('x')))
    expect(x?.findings.length).toBeGreaterThan(0)
    // The object hash is kept whole; the fingerprint takes its first half.
    expect(x?.object).toMatch(/^[0-9a-f]{64}$/)
    expect(objectIdentity(db('x'))).toBe(x?.object?.slice(0, 32))
  })

  test('tag maps are kept as text, a map of text as it is, `__proto__` as a key', () => {
    const tagged = {
      ...DEFAULT_POLICY,
      rules: [{ match: { tag: 'team' }, decision: 'blocked' as const }]
    }
    const tags = JSON.parse('{"team":"data","__proto__":"x"}') as Record<string, unknown>
    const labels = { n: 1, t: true, o: { a: 1 } }
    const whole = makeChange({ before: { tags, labels } })
    const slim = slimmer({ ...context, policy: tagged })(whole, 'change')
    expect(slim?.facts?.tags).toEqual([
      { map: 'tags', tags },
      { map: 'labels', tags: { n: '1', t: 'true', o: '[object Object]' } }
    ])
    const kept = slim?.facts?.tags[0]?.tags ?? {}
    expect(Object.keys(kept)).toEqual(['team', '__proto__'])
    expect(Object.getPrototypeOf(kept)).toBe(Object.prototype)
  })
})

/** The fingerprint of examples/destroy-prod-db.json, as main computed it before issue 13. */
const PINNED = 'sha256:9538126af9d23aa497d2c2b67d872292a0be6c4e095152acdac9ad2851f8c948'
