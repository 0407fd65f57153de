/**
 * Reading only what the rules need from a changed element (plan/project.ts, kernel `walk`)
 * against the reference, the whole element parsed and walked:
 *
 * - on every repo fixture, every real plan (../shared/fixtures/real, when present), generated
 *   full-destroy and 70%-changed plans, and fuzzed elements (ids at any depth, escapes, repeated
 *   and escaped keys, sensitive masks, deep nesting, more leaves than the walk's budget, keys
 *   like `__proto__`): the same skeleton, the same named attributes of every value and mask,
 *   and the same facts for the gate — findings (with a tag override, protected types and a
 *   state backend), blast radius, tags and identity — or the same error;
 * - the projection's attribute list covers what the backend match reads.
 *
 * FUZZ_RUNS (default 300) sets the number of cases per property; FUZZ_SEED replays one.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { BACKEND_ATTRIBUTES, type StateBackend } from '../../src/backend/backend.js'
import { withoutValues, type Plan, type ResourceChange } from '../../src/plan/model.js'
import type { Projection } from '../../src/plan/project.js'
import { readPlan, type ReadOptions } from '../../src/plan/read.js'
import { kernel } from '../../src/plan/wasm/index.js'
import { DEFAULT_POLICY, type Policy } from '../../src/policy/config.js'
import { slimmer, type GateContext } from '../../src/pipeline/gate.js'
import { changeRadius } from '../../src/rules/blast-radius.js'
import { GATE_PROJECTION, neededAttributes } from '../../src/rules/needs.js'
import { FIXTURES, HAS_REAL, realFiles, ROOT } from '../helpers.js'

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 300)
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261203)

const policy: Policy = {
  ...DEFAULT_POLICY,
  rules: [{ match: { tag: 'team=data' }, decision: 'blocked' }],
  protect: { types: ['aws_iam_*'], addresses: ['module.*'], tagKeys: ['keep'] }
}
const backends: StateBackend[] = [
  { kind: 's3', bucket: 'tf-state-prod', key: 'env/prod.tfstate', source: 'main.tf' },
  { kind: 'gcs', bucket: 'tf-state-gcs', prefix: 'envs', source: 'main.tf' },
  {
    kind: 'azurerm',
    storageAccount: 'tfstate001',
    container: 'tfstate',
    key: 'prod.tfstate',
    source: 'main.tf'
  }
] as unknown as StateBackend[]
const context: GateContext = { policy, now: 0, planFile: 'plan.json', backends }
const facts = slimmer(context)

type Outcome = { readonly plan: Plan } | { readonly error: string }

function read(bytes: Uint8Array, options: ReadOptions): Outcome {
  try {
    return { plan: readPlan(bytes, { retain: (c) => c, ...options }) }
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) }
  }
}

const VALUE_FIELDS = [
  'before',
  'after',
  'afterUnknown',
  'beforeSensitive',
  'afterSensitive'
] as const

/** A value restricted to the attributes the projection names for the type. */
function named(value: unknown, names: ReadonlySet<string>): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) {
    // An own property, as JSON.parse makes it, even for `__proto__`.
    if (names.has(k)) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true })
  }
  return out
}

/** The value at `path` in `value` (own properties and list items only), or undefined. */
function at(value: unknown, path: readonly (string | number)[]): unknown {
  let v = value
  for (const step of path) {
    if (typeof step === 'number') v = Array.isArray(v) ? (v as unknown[])[step] : undefined
    else if (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.hasOwn(v, step)) {
      v = (v as Record<string, unknown>)[step]
    } else v = undefined
  }
  return v
}

interface Count {
  changes: number
  projected: number
}

/** Where the projected read differs from the reference, or undefined. */
function compare(bytes: Uint8Array, count: Count): string | undefined {
  const reference = read(bytes, {})
  const projected = read(bytes, { project: GATE_PROJECTION })
  if ('error' in reference || 'error' in projected) {
    const a = 'error' in reference ? reference.error : 'no error'
    const b = 'error' in projected ? projected.error : 'no error'
    return a === b ? undefined : `error: reference "${a}", projected "${b}"`
  }
  const a = reference.plan
  const b = projected.plan
  if (!isDeepStrictEqual(a.tally, b.tally)) return 'tally differs'
  if (a.changes.length !== b.changes.length) return 'change count differs'
  for (let i = 0; i < a.changes.length; i++) {
    const ref = a.changes[i] as ResourceChange
    const got = b.changes[i] as ResourceChange
    count.changes++
    if (got.valueLeaves !== undefined) count.projected++
    if (!isDeepStrictEqual(withoutValues(ref), withoutValues(got))) {
      return `${ref.address}: skeleton differs`
    }
    const names = neededAttributes(ref.type)
    for (const field of VALUE_FIELDS) {
      if (!isDeepStrictEqual(named(ref[field], names), named(got[field], names))) {
        return `${ref.address}: ${field} differs`
      }
    }
    for (const leaf of got.valueLeaves ?? []) {
      // Each leaf is the string at its path in the whole `before` or `after`.
      if (at(ref.before, leaf.path) !== leaf.value && at(ref.after, leaf.path) !== leaf.value) {
        return `${ref.address}: leaf ${JSON.stringify(leaf)} is not in the values`
      }
    }
    if (!isDeepStrictEqual(changeRadius(ref), changeRadius(got))) {
      return `${ref.address}: blast radius differs: ${JSON.stringify(changeRadius(ref))} vs ${JSON.stringify(changeRadius(got))}`
    }
    const x = facts(ref, 'change')
    const y = facts(got, 'change')
    if (!isDeepStrictEqual(x, y)) {
      return `${ref.address}: gate facts differ: ${JSON.stringify(x?.facts)} vs ${JSON.stringify(y?.facts)}`
    }
  }
  if (!isDeepStrictEqual(a.drift, b.drift)) return 'drift differs'
  if (!isDeepStrictEqual(a.deferred, b.deferred)) return 'deferred differs'
  return undefined
}

function showJsonFiles(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (name.endsWith('.json')) out.push(path)
    }
  }
  walk(dir)
  return out
}

test('the kernel is loaded, so that the projected path runs at all', () => {
  expect(kernel()).toBeDefined()
})

test('the projection names every attribute the backend match reads', () => {
  const source = readFileSync(join(ROOT, 'src/backend/backend.ts'), 'utf8')
  const read = [...source.matchAll(/str\(side, '([a-z_]+)'\)/g)].map((m) => m[1])
  expect(read.length).toBeGreaterThan(0)
  for (const name of read) expect(BACKEND_ATTRIBUTES).toContain(name)
  for (const name of BACKEND_ATTRIBUTES) expect(neededAttributes('x_y').has(name)).toBe(true)
})

test('every repo fixture reads the same with and without the projection', () => {
  const count = { changes: 0, projected: 0 }
  const files = showJsonFiles(FIXTURES)
  for (const file of files) {
    const problem = compare(readFileSync(file), count)
    if (problem !== undefined) throw new Error(`${file}: ${problem}`)
  }
  console.log(
    `project: ${files.length} repo fixtures, ${count.changes} changes, ${count.projected} projected`
  )
  expect(count.projected).toBeGreaterThan(30)
})

const describeReal = HAS_REAL ? describe : describe.skip
describeReal('real plans (../shared/fixtures/real)', () => {
  test('every real plan reads the same with and without the projection', () => {
    const count = { changes: 0, projected: 0 }
    const files = realFiles().filter((f) => /\.json$/.test(f))
    for (const file of files) {
      const problem = compare(readFileSync(file), count)
      if (problem !== undefined) throw new Error(`${file}: ${problem}`)
    }
    console.log(
      `project: ${files.length} real files, ${count.changes} changes, ${count.projected} projected`
    )
    expect(count.projected).toBeGreaterThan(0)
  })
})
if (!HAS_REAL) test.skip('real plans: ../shared/fixtures/real is absent', () => undefined)

describe('generated plans', () => {
  let dir = ''
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'plan-gate-project-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  for (const mix of ['destroy', 'changed', 'mature'] as const) {
    test(`a ${mix} plan reads the same with and without the projection`, async () => {
      const gen = (await import(join(ROOT, 'scripts/gen-plan.mjs'))) as {
        generatePlan: (path: string, o: object) => Promise<unknown>
      }
      const path = join(dir, `${mix}.json`)
      await gen.generatePlan(path, { targetBytes: 3e6, mix, seed: 7 })
      const count = { changes: 0, projected: 0 }
      const problem = compare(readFileSync(path), count)
      expect(problem).toBeUndefined()
      expect(count.projected).toBeGreaterThan(count.changes / 2)
    })
  }
})

// ---------------------------------------------------------------------------------------------
// Fuzzed elements

const idStrings = fc.constantFrom(
  'arn:aws:s3:::bucket-1',
  'arn:aws:iam::123456789012:role/x',
  'arn:aws:rds:eu-west-1:210987654321:db:main',
  'arn:aws-us-gov:ec2:us-gov-west-1:111122223333:instance/i-1',
  'arn:aws:iam::aws:policy/x',
  'arn:aws:s3:::b\u00fccket-\u4e2d',
  '/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/r\u00e9',
  'eu-w\u00e9st-1',
  '/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg',
  '/subscriptions/NOT-A-GUID/x',
  'https://www.googleapis.com/compute/v1/projects/my-project-1/zones/europe-west1-b',
  'https://example.com/projects/other-project/x',
  'projects/my-project-2/locations/x',
  'eu-west-1',
  'eu-west-1a',
  'europe-west1',
  'europe-west1-b',
  'westeurope',
  'West Europe',
  '123456789012',
  'my-gcp-project',
  '0B1F6471-1BF0-4DDA-AEC3-111122223333',
  '/',
  'plain',
  ''
)
const keys = fc.oneof(
  fc.constantFrom(
    'id',
    'arn',
    'name',
    'region',
    'zone',
    'zones',
    'location',
    'project',
    'project_id',
    'account_id',
    'owner_id',
    'subscription_id',
    'availability_zone',
    'availability_zones',
    'self_link',
    'node_locations',
    'tags',
    'tags_all',
    'labels',
    'metadata',
    'settings',
    'environment',
    'bucket',
    'hash_key',
    'deletion_protection',
    'skip_final_snapshot',
    'final_snapshot_identifier',
    'backup_retention_period',
    'protected',
    '__proto__',
    'constructor',
    '0',
    '10',
    'a\u00e9'
  ),
  fc.string({ maxLength: 6 })
)
const scalar = fc.oneof(
  { weight: 4, arbitrary: idStrings },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null, 0, 7, 35, -1.5, 'true', 'LockID') }
)
const { value: jsonValue } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: scalar },
    { weight: 1, arbitrary: fc.array(tie('value'), { maxLength: 4 }) },
    { weight: 2, arbitrary: fc.dictionary(keys, tie('value'), { maxKeys: 5 }) }
  )
}))
const maskValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(true),
  fc.constant(false),
  fc.constant({}),
  fc.dictionary(keys, fc.oneof(fc.constant(true), fc.constant(false), fc.constant([true, false])), {
    maxKeys: 4
  })
)
const types = fc.constantFrom(
  'aws_db_instance',
  'aws_s3_bucket',
  'aws_dynamodb_table',
  'aws_iam_role',
  'google_sql_database_instance',
  'google_storage_bucket',
  'azurerm_storage_account',
  'azurerm_storage_container',
  'x_thing'
)
const actions = fc.constantFrom(
  ['delete'],
  ['delete', 'create'],
  ['create', 'delete'],
  ['update'],
  ['create'],
  ['forget'],
  ['no-op'],
  ['bogus']
)

/** Text edits that a serializer would never produce but JSON allows. */
const textEdits = fc.constantFrom(
  'none',
  'escape-key',
  'escape-value',
  'escape-prefix',
  'repeat-key',
  'deep',
  'many-leaves',
  'pretty',
  'unicode'
)

function editText(json: string, edit: string): string {
  switch (edit) {
    case 'escape-key':
      return json.replace('"region"', '"regi\\u006fn"').replace('"tags"', '"t\\u0061gs"')
    case 'escape-value':
      return json.replace('"arn:', '"\\u0061rn:').replace('"eu-west-1"', '"eu-west-\\u0031"')
    case 'escape-prefix':
      // Escapes inside a prefix (a candidate, the kernel cannot tell), after one, and in text
      // that starts with no prefix at all (a policy document: no candidate, and nothing the
      // blast radius reads).
      return json
        .replace('"arn:', '"ar\\u006e:')
        .replace(
          '"before":{"',
          '"before":{"policy":"{\\"Resource\\":\\"arn:aws:s3:::b\\"}",' +
            '"link":"https:\\/\\/www.googleapis.com\\/compute\\/v1\\/projects\\/p-9\\/zones\\/z",' +
            '"sub":"\\/subscriptions\\/00000000-0000-0000-0000-000000000001\\/x",' +
            '"late":"arn:aws:s3:eu-west-\\u0033:123456789012:x","'
        )
    case 'repeat-key':
      return json.replace(/\{"([^"]+)":/, '{"$1":"arn:aws:iam::999999999999:role/r","$1":')
    case 'deep':
      return json.replace(
        /\{"/,
        '{"region":[[[[[[[[["eu-north-1"]]]]]]]]],"zone":[[[[[[["eu-south-1a"]]]]]]],"'
      )
    case 'many-leaves':
      return json.replace(/\{"/, `{"id":[${Array(2100).fill('"us-east-1"').join(',')}],"`)
    case 'pretty':
      return JSON.stringify(JSON.parse(json), null, 2)
    case 'unicode':
      return json.replace(/"name":"/g, '"name":"\u00e9\u4e2d')
    default:
      return json
  }
}

const element = fc.record({
  type: types,
  actions,
  provider: fc.constantFrom(
    'registry.terraform.io/hashicorp/aws',
    'registry.terraform.io/hashicorp/google',
    'registry.terraform.io/hashicorp/azurerm',
    'registry.opentofu.org/hashicorp/aws'
  ),
  before: fc.oneof(fc.constant(null), fc.dictionary(keys, jsonValue, { maxKeys: 8 })),
  after: fc.oneof(fc.constant(null), fc.dictionary(keys, jsonValue, { maxKeys: 6 })),
  beforeSensitive: fc.option(maskValue, { nil: undefined }),
  afterSensitive: fc.option(maskValue, { nil: undefined }),
  afterUnknown: fc.option(maskValue, { nil: undefined }),
  replacePaths: fc.option(fc.constantFrom([['name']], [['a', 0]], 'bad'), { nil: undefined }),
  edit: textEdits
})

type Element = typeof element extends fc.Arbitrary<infer T> ? T : never

function planText(elements: Element[]): string {
  const changes = elements.map((e, i) => {
    const change: Record<string, unknown> = { actions: e.actions, before: e.before, after: e.after }
    if (e.afterUnknown !== undefined) change['after_unknown'] = e.afterUnknown
    if (e.beforeSensitive !== undefined) change['before_sensitive'] = e.beforeSensitive
    if (e.afterSensitive !== undefined) change['after_sensitive'] = e.afterSensitive
    if (e.replacePaths !== undefined) change['replace_paths'] = e.replacePaths
    const body = {
      address: `${e.type}.r${i}`,
      mode: 'managed',
      type: e.type,
      name: `r${i}`,
      provider_name: e.provider,
      change
    }
    return editText(JSON.stringify(body), e.edit)
  })
  return `{"format_version":"1.2","resource_changes":[${changes.join(',')}],"errored":false}`
}

test('fuzzed elements read the same with and without the projection', () => {
  const count = { changes: 0, projected: 0 }
  fc.assert(
    fc.property(fc.array(element, { minLength: 1, maxLength: 4 }), (elements) => {
      const text = planText(elements)
      const problem = compare(Buffer.from(text), count)
      if (problem !== undefined) throw new Error(`${problem}\n${text.slice(0, 2000)}`)
    }),
    { numRuns: RUNS, seed: SEED }
  )
  console.log(
    `project: ${RUNS} fuzzed plans, ${count.changes} changes, ${count.projected} projected`
  )
  expect(count.projected).toBeGreaterThan(count.changes / 4)
})

// ---------------------------------------------------------------------------------------------
// Projections other than the gate's: the kernel matches the names itself (scan.c project)

/** Names a projection may give: attribute-like, unusual, non-ASCII, and ones JSON must escape. */
const projectedNames = fc.subarray(
  [
    'id',
    'arn',
    'name',
    'region',
    'tags',
    'labels',
    'settings',
    'zones',
    'bucket',
    'protected',
    '__proto__',
    'constructor',
    '0',
    '10',
    '',
    'a\u00e9',
    'a"b',
    'line\nbreak',
    '\u4e2d'
  ],
  { minLength: 0 }
)
const leafNameLists = fc.subarray(['id', 'arn', 'region', 'zone', 'zones', 'project', 'name'], {
  minLength: 1
})

test('fuzzed projections keep exactly the named attributes of every value and mask', () => {
  let projected = 0
  let changes = 0
  fc.assert(
    fc.property(
      fc.array(element, { minLength: 1, maxLength: 3 }),
      projectedNames,
      leafNameLists,
      (elements, names, leafNames) => {
        const set = new Set(names)
        const projection: Projection = {
          attributes: () => set,
          leafNames,
          leafPrefixes: ['arn:', '/'],
          maxDepth: 8,
          maxLeaves: 2000
        }
        const text = planText(elements)
        const reference = read(Buffer.from(text), {})
        const got = read(Buffer.from(text), { project: projection })
        if ('error' in reference || 'error' in got) {
          expect('error' in got ? got.error : 'no error').toBe(
            'error' in reference ? reference.error : 'no error'
          )
          return
        }
        expect(got.plan.changes.length).toBe(reference.plan.changes.length)
        reference.plan.changes.forEach((ref, i) => {
          const change = got.plan.changes[i] as ResourceChange
          changes++
          if (change.valueLeaves !== undefined) projected++
          expect(withoutValues(change)).toEqual(withoutValues(ref))
          for (const field of VALUE_FIELDS) {
            const a = named(ref[field], set)
            const b = named(change[field], set)
            if (!isDeepStrictEqual(a, b)) {
              throw new Error(`${field} differs for ${JSON.stringify(names)}\n${text}`)
            }
            // Projected, `before` and `after` hold nothing else.
            const only = field === 'before' || field === 'after'
            if (only && change.valueLeaves !== undefined) expect(b).toStrictEqual(change[field])
          }
        })
      }
    ),
    { numRuns: RUNS, seed: SEED }
  )
  console.log(`project: ${RUNS} fuzzed projections, ${changes} changes, ${projected} projected`)
  expect(projected).toBeGreaterThan(changes / 4)
})

test('names the kernel cannot hold send elements to the reference path, and others still project', () => {
  const text = planText([
    {
      type: 'aws_s3_bucket',
      actions: ['delete'],
      provider: 'registry.terraform.io/hashicorp/aws',
      before: { bucket: 'b', arn: 'arn:aws:s3:::b', tags: { keep: 'yes' } },
      after: null,
      beforeSensitive: {},
      afterSensitive: false,
      afterUnknown: {},
      replacePaths: undefined,
      edit: 'none'
    }
  ])
  const bytes = Buffer.from(text)
  const reference = read(bytes, {})
  if ('error' in reference) throw new Error(reference.error)
  const projected = (names: ReadonlySet<string>): ResourceChange => {
    const outcome = read(bytes, {
      project: { ...GATE_PROJECTION, attributes: () => names }
    })
    if ('error' in outcome) throw new Error(outcome.error)
    return outcome.plan.changes[0] as ResourceChange
  }
  const whole = reference.plan.changes[0] as ResourceChange
  // A lone surrogate has no UTF-8 spelling; a name over 255 bytes does not fit the table.
  for (const odd of ['\ud800', 'x'.repeat(256)]) {
    const change = projected(new Set(['bucket', odd]))
    expect(change.valueLeaves).toBeUndefined()
    expect(change).toEqual(whole)
  }
  // More names than the table holds (scan.c NAMES): those sets are read whole...
  const many = new Set(Array.from({ length: 1100 }, (_, i) => `attribute_${i}`))
  const full = projected(many)
  expect(full.valueLeaves).toBeUndefined()
  expect(full).toEqual(whole)
  // ...while names registered before still project, and exactly.
  const few = projected(new Set(['bucket', 'tags']))
  expect(few.valueLeaves).toBeDefined()
  expect(few.before).toEqual({ bucket: 'b', tags: { keep: 'yes' } })
  expect(few.after).toBeNull()
})
