/**
 * The real hashicorp/aws provider judges the catalog: every AWS catalog type, and every attribute
 * path a guard or survival rule names, must exist in `terraform providers schema -json` of the
 * provider in the filesystem mirror. It also lists AWS resource types that look like they hold
 * data but are not in the catalog, for review (not a failure).
 *
 * Skipped, with the reason, where terraform or the mirror is absent. Never downloads anything.
 */
import { beforeAll, describe, expect, test } from '@jest/globals'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { allEntries } from '../../src/catalog/index.js'
import { STATE_STORAGE_NAMES } from '../../src/catalog/generic.js'
import { parsePath, type Step } from '../../src/rules/values.js'
import {
  awsMirrorMissing,
  mirroredAwsVersion,
  terraformEnv,
  terraformOk,
  writeCliConfig
} from '../tools/terraform.js'
import { NEWER_THAN_MIRROR, UNCATALOGUED_REVIEWED, looksDataBearing } from './aws-schema-data.js'

const missing = awsMirrorMissing()
const suite = missing === undefined ? describe : describe.skip
if (missing !== undefined) {
  // jest has no skip reason; say it where CI logs show it
  console.warn(`aws-schema: skipped: ${missing}`)
}

interface SchemaBlock {
  readonly attributes?: Record<string, SchemaAttribute>
  readonly block_types?: Record<string, { nesting_mode: string; block: SchemaBlock }>
}
interface SchemaAttribute {
  readonly type?: unknown
  readonly nested_type?: { attributes: Record<string, SchemaAttribute>; nesting_mode: string }
}
interface ProviderSchema {
  readonly resource_schemas: Record<string, { block: SchemaBlock }>
}

/** Reads the schema through the mirror, cached per provider version between runs. */
async function awsSchema(): Promise<ProviderSchema> {
  const version = mirroredAwsVersion() as string
  const cacheDir = join(tmpdir(), 'plan-gate-test-cache')
  const cache = join(cacheDir, `aws-${version}-schema.json`)
  if (!existsSync(cache)) {
    const dir = join(tmpdir(), `plan-gate-aws-schema-${process.pid}`)
    mkdirSync(dir, { recursive: true })
    writeFileSync(
      join(dir, 'main.tf'),
      `terraform {\n  required_providers {\n    aws = { source = "hashicorp/aws", version = "${version}" }\n  }\n}\n`
    )
    const env = terraformEnv(writeCliConfig(dir))
    await terraformOk(['init', '-input=false', '-no-color', '-backend=false'], dir, env)
    const json = await terraformOk(['providers', 'schema', '-json'], dir, env)
    mkdirSync(cacheDir, { recursive: true })
    writeFileSync(`${cache}.${process.pid}`, json)
    renameSync(`${cache}.${process.pid}`, cache)
  }
  const all = JSON.parse(readFileSync(cache, 'utf8')) as {
    provider_schemas: Record<string, ProviderSchema>
  }
  const aws = all.provider_schemas['registry.terraform.io/hashicorp/aws']
  if (aws === undefined) throw new Error('the schema has no registry.terraform.io/hashicorp/aws')
  return aws
}

type Node =
  | { kind: 'block'; block: SchemaBlock }
  | { kind: 'collection'; element: Node }
  | { kind: 'map'; element: Node }
  | { kind: 'object'; attributes: Record<string, Node> }
  | { kind: 'primitive' }

function fromType(type: unknown): Node {
  if (Array.isArray(type)) {
    const [kind, inner] = type as [string, unknown]
    if (kind === 'list' || kind === 'set') return { kind: 'collection', element: fromType(inner) }
    if (kind === 'map') return { kind: 'map', element: fromType(inner) }
    if (kind === 'object') {
      const attributes: Record<string, Node> = {}
      for (const [k, v] of Object.entries(inner as Record<string, unknown>)) {
        attributes[k] = fromType(v)
      }
      return { kind: 'object', attributes }
    }
  }
  return { kind: 'primitive' }
}

function fromAttribute(attribute: SchemaAttribute): Node {
  if (attribute.nested_type !== undefined) {
    const block: Node = {
      kind: 'block',
      block: { attributes: attribute.nested_type.attributes }
    }
    const mode = attribute.nested_type.nesting_mode
    if (mode === 'single') return block
    if (mode === 'map') return { kind: 'map', element: block }
    return { kind: 'collection', element: block }
  }
  return fromType(attribute.type)
}

/** The node a name step leads to, or undefined when the schema has no such name. */
function named(node: Node, name: string): Node | undefined {
  if (node.kind === 'map') return node.element
  if (node.kind === 'object') return node.attributes[name]
  if (node.kind !== 'block') return undefined
  const attribute = node.block.attributes?.[name]
  if (attribute !== undefined) return fromAttribute(attribute)
  const nested = node.block.block_types?.[name]
  if (nested === undefined) return undefined
  const block: Node = { kind: 'block', block: nested.block }
  if (nested.nesting_mode === 'single' || nested.nesting_mode === 'group') return block
  if (nested.nesting_mode === 'map') return { kind: 'map', element: block }
  return { kind: 'collection', element: block }
}

/** Why `path` does not exist in `block`, or undefined when it does. */
export function pathProblem(block: SchemaBlock, steps: readonly Step[]): string | undefined {
  let node: Node = { kind: 'block', block }
  const seen: string[] = []
  for (const step of steps) {
    if (typeof step === 'string' && step !== '*') {
      if (node.kind === 'collection') {
        return `"${seen.join('.')}" is a list or set; the path must index it ([0] or [*])`
      }
      const next = named(node, step)
      if (next === undefined)
        return `no attribute or block "${step}" at "${seen.join('.') || '(top)'}"`
      node = next
    } else {
      if (node.kind !== 'collection') {
        return `"${seen.join('.')}" is not a list or set, but the path indexes it`
      }
      node = node.element
    }
    seen.push(String(step))
  }
  if (node.kind === 'collection' && steps.length > 0) {
    return `"${seen.join('.')}" is a list or set; the path must index it ([0] or [*])`
  }
  return undefined
}

interface CatalogPath {
  readonly type: string
  readonly path: string
  readonly where: string
}

function catalogPaths(): CatalogPath[] {
  const paths: CatalogPath[] = []
  for (const { provider, entry } of allEntries()) {
    if (provider !== 'aws') continue
    for (const guard of entry.guards ?? []) {
      paths.push({ type: entry.type, path: guard.path, where: `guard ${guard.id}` })
      if (guard.where !== undefined) {
        paths.push({ type: entry.type, path: guard.where.path, where: `guard ${guard.id} (where)` })
      }
    }
    for (const survival of entry.survives ?? []) {
      for (const condition of survival.when) {
        paths.push({ type: entry.type, path: condition.path, where: `survival "${survival.copy}"` })
      }
    }
    for (const condition of entry.holdsDataWhen ?? []) {
      paths.push({ type: entry.type, path: condition.path, where: 'holds data when' })
    }
    for (const alias of entry.aliases ?? []) {
      paths.push({ type: alias, path: '', where: `alias of ${entry.type}` })
    }
  }
  for (const [type, attributes] of Object.entries(STATE_STORAGE_NAMES)) {
    if (!type.startsWith('aws_')) continue
    for (const path of attributes) paths.push({ type, path, where: 'state storage name' })
  }
  return paths
}

suite(`the catalog against the real hashicorp/aws ${mirroredAwsVersion() ?? ''} schema`, () => {
  let schema: ProviderSchema
  beforeAll(async () => {
    schema = await awsSchema()
  }, 180_000)

  test('every AWS catalog type exists in the provider (or is known to be newer)', () => {
    const types = allEntries()
      .filter((hit) => hit.provider === 'aws')
      .flatMap((hit) => [hit.entry.type, ...(hit.entry.aliases ?? [])])
    expect(types.length).toBeGreaterThan(100)
    const absent = types.filter(
      (t) => schema.resource_schemas[t] === undefined && NEWER_THAN_MIRROR[t] === undefined
    )
    expect(absent).toEqual([])
    console.info(`aws-schema: ${types.length} AWS catalog types checked`)
  })

  test('every attribute path a guard, survival rule or state-storage check names exists', () => {
    const problems: string[] = []
    let checked = 0
    let newer = 0
    for (const { type, path, where } of catalogPaths()) {
      if (path === '') continue
      const resource = schema.resource_schemas[type]
      const note = NEWER_THAN_MIRROR[type] ?? NEWER_THAN_MIRROR[`${type}.${path}`]
      if (note !== undefined) {
        newer++
        continue
      }
      if (resource === undefined) {
        problems.push(`${type} (${where}): no such resource type`)
        continue
      }
      checked++
      const problem = pathProblem(resource.block, parsePath(path))
      if (problem !== undefined) problems.push(`${type}.${path} (${where}): ${problem}`)
    }
    console.info(
      `aws-schema: ${checked} catalog attribute paths checked against the schema, ${newer} skipped as newer than the mirror`
    )
    expect(problems).toEqual([])
  })

  test('entries marked newer than the mirror really are absent from it (the list stays honest)', () => {
    const stale = Object.keys(NEWER_THAN_MIRROR).filter((key) => {
      const [type, ...rest] = key.split('.')
      const resource = schema.resource_schemas[type as string]
      if (resource === undefined) return false
      if (rest.length === 0) return true
      return pathProblem(resource.block, parsePath(rest.join('.'))) === undefined
    })
    expect(stale).toEqual([])
  })

  test('lists AWS data-bearing types the catalog lacks, for review', () => {
    const known = new Set(
      allEntries()
        .filter((hit) => hit.provider === 'aws')
        .flatMap((hit) => [hit.entry.type, ...(hit.entry.aliases ?? [])])
    )
    const candidates = Object.entries(schema.resource_schemas)
      .filter(([type]) => !known.has(type) && !UNCATALOGUED_REVIEWED.has(type))
      .filter(([type, { block }]) => looksDataBearing(type, Object.keys(block.attributes ?? {})))
      .map(([type]) => type)
      .sort()
    const report = process.env['PLAN_GATE_UNCATALOGUED_OUT']
    if (report !== undefined) writeFileSync(report, candidates.join('\n') + '\n')
    console.info(
      `aws-schema: ${candidates.length} AWS types look data-bearing but are not in the catalog (review):\n  ${candidates.join('\n  ')}`
    )
    // A listing, not a verdict; but the heuristic must see the catalog's own core types, or
    // the list would be empty for the wrong reason.
    for (const type of [
      'aws_db_instance',
      'aws_s3_bucket',
      'aws_dynamodb_table',
      'aws_efs_file_system'
    ]) {
      const attributes = Object.keys(schema.resource_schemas[type]?.block.attributes ?? {})
      expect([type, looksDataBearing(type, attributes)]).toEqual([type, true])
    }
  })
})

describe('the schema path checker', () => {
  test('the path checker itself finds wrong names, missing indexes and indexes on scalars', () => {
    const block: SchemaBlock = {
      attributes: { enabled: { type: 'bool' }, tags: { type: ['map', 'string'] } },
      block_types: {
        rule: {
          nesting_mode: 'list',
          block: { attributes: { days: { type: 'number' } } }
        }
      }
    }
    expect(pathProblem(block, parsePath('enabled'))).toBeUndefined()
    expect(pathProblem(block, parsePath('rule[0].days'))).toBeUndefined()
    expect(pathProblem(block, parsePath('rule[*].days'))).toBeUndefined()
    expect(pathProblem(block, parsePath('tags.anything'))).toBeUndefined()
    expect(pathProblem(block, parsePath('enable'))).toMatch(/no attribute/)
    expect(pathProblem(block, parsePath('rule.days'))).toMatch(/not a list|must index/)
    expect(pathProblem(block, parsePath('enabled[0]'))).toMatch(/not a list/)
    expect(pathProblem(block, parsePath('rule[0].day'))).toMatch(/no attribute or block "day"/)
  })
})
