import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { rmSync } from 'node:fs'
import { hclBlockParser, sourceLocator } from '../../src/io/sources.js'
import { scanBlocks, type HclBlockParser } from '../../src/locate/hcl.js'
import {
  createLocator,
  moduleSourcesFromConfiguration,
  parseAddress,
  type Locate
} from '../../src/locate/locate.js'
import { LOCAL_LAYOUT, REMOTE_LAYOUT, writeLayout } from './layouts.js'

let treeSitter: HclBlockParser

beforeAll(async () => {
  treeSitter = await hclBlockParser((message) => {
    throw new Error(message)
  })
})

const files = (layout: Readonly<Record<string, string>>): Map<string, string> =>
  new Map(Object.entries(layout).filter(([path]) => path.endsWith('.tf')))

describe('parseAddress', () => {
  test.each([
    ['aws_db_instance.main', [], 'managed', 'aws_db_instance', 'main'],
    ['data.aws_caller_identity.me', [], 'data', 'aws_caller_identity', 'me'],
    [
      'module.tenants["a.b]\\"c"].module.database.aws_rds_cluster_instance.replica[0]',
      ['tenants', 'database'],
      'managed',
      'aws_rds_cluster_instance',
      'replica'
    ],
    ['module.m[3].data.x.y["k"]', ['m'], 'data', 'x', 'y']
  ])('%s', (address, modules, mode, type, name) => {
    expect(parseAddress(address)).toEqual({ modules, mode, type, name })
  })

  test.each(['', '(plan)', 'aws_db_instance', 'module.m', 'a.b["unclosed', 'a.b.c'])(
    'rejects %j',
    (address) => {
      expect(parseAddress(address)).toBeUndefined()
    }
  )
})

describe.each([
  ['tree-sitter', (): HclBlockParser => treeSitter],
  ['the line scanner (no WebAssembly)', (): HclBlockParser => scanBlocks]
])('createLocator with %s', (_name, parser) => {
  const local = (): Locate =>
    createLocator({ rootDir: 'infra/prod', files: files(LOCAL_LAYOUT), parse: parser() })

  test('finds a root resource block, not a decoy in a string or another directory', () => {
    expect(local()({ address: 'aws_db_instance.main' })).toEqual({
      file: 'infra/prod/main.tf',
      line: 6,
      column: 1,
      endLine: 9,
      kind: 'resource'
    })
    expect(local()({ address: 'data.aws_caller_identity.me' })).toMatchObject({
      file: 'infra/prod/data.tf',
      line: 1
    })
  })

  test('skips blocks in comments and heredocs', () => {
    expect(local()({ address: 'aws_s3_bucket.logs' })).toMatchObject({ line: 7, endLine: 12 })
    expect(local()({ address: 'aws_s3_bucket.commented' })).toBeUndefined()
    expect(local()({ address: 'aws_s3_bucket.in_heredoc' })).toBeUndefined()
  })

  test('follows local module sources, nested, whatever the instance keys', () => {
    expect(local()({ address: 'module.tenants["a"].aws_db_instance.this' })).toEqual({
      file: 'infra/modules/tenant/main.tf',
      line: 3,
      column: 1,
      endLine: 5,
      kind: 'resource'
    })
    expect(
      local()({
        address: 'module.tenants["b"].module.database.aws_rds_cluster_instance.replica[1]'
      })
    ).toMatchObject({ file: 'infra/modules/tenant/database/cluster.tf', line: 4 })
  })

  test('a removed block points at the innermost module call left, or nowhere', () => {
    expect(local()({ address: 'module.tenants["a"].aws_s3_bucket.gone' })).toMatchObject({
      file: 'infra/prod/main.tf',
      line: 11,
      kind: 'module-call'
    })
    expect(local()({ address: 'aws_s3_bucket.gone' })).toBeUndefined()
    expect(local()({ address: 'module.gone.aws_s3_bucket.x' })).toBeUndefined()
  })

  test('a resource in a remote module points at the module block that calls it', () => {
    const locate = createLocator({
      rootDir: '',
      files: files(REMOTE_LAYOUT),
      modulesJson: REMOTE_LAYOUT['.terraform/modules/modules.json'],
      parse: parser()
    })
    expect(locate({ address: 'module.rds.module.db_instance.aws_db_instance.this[0]' })).toEqual({
      file: 'main.tf',
      line: 1,
      column: 1,
      endLine: 4,
      kind: 'module-call'
    })
    expect(locate({ address: 'module.local.aws_s3_bucket.b' })).toMatchObject({
      file: 'modules/local/main.tf',
      line: 1,
      kind: 'resource'
    })
  })

  test('modules.json directories are relative to the root module', () => {
    const locate = createLocator({
      rootDir: 'infra/prod',
      files: files(LOCAL_LAYOUT),
      modulesJson: JSON.stringify({
        Modules: [
          { Key: '', Source: '', Dir: '.' },
          { Key: 'tenants', Source: '../modules/tenant', Dir: '../modules/tenant' },
          { Key: 'tenants.database', Source: './database', Dir: '../modules/tenant/database' }
        ]
      }),
      parse: parser()
    })
    expect(
      locate({ address: 'module.tenants["a"].module.database.aws_rds_cluster_instance.replica[0]' })
    ).toMatchObject({ file: 'infra/modules/tenant/database/cluster.tf', line: 4 })
  })

  test('without modules.json, a registry source is remote too', () => {
    const locate = createLocator({ rootDir: '', files: files(REMOTE_LAYOUT), parse: parser() })
    expect(locate({ address: 'module.rds.aws_db_instance.this' })).toMatchObject({
      file: 'main.tf',
      kind: 'module-call'
    })
  })

  test('a module source that climbs out of the repository is not followed', () => {
    const locate = createLocator({
      rootDir: '',
      files: new Map([
        ['main.tf', 'module "up" {\n  source = "../../etc"\n}\n'],
        ['etc/main.tf', 'resource "x" "y" {}\n']
      ]),
      parse: parser()
    })
    expect(locate({ address: 'module.up.x.y' })).toMatchObject({ file: 'main.tf', line: 1 })
  })

  test('an absolute directory in modules.json is not followed', () => {
    const locate = createLocator({
      rootDir: '',
      files: new Map([
        ['main.tf', 'module "m" {\n  source = "./m"\n}\n'],
        ['etc/main.tf', 'resource "x" "y" {}\n']
      ]),
      modulesJson: JSON.stringify({ Modules: [{ Key: 'm', Dir: '/etc' }] }),
      parse: parser()
    })
    expect(locate({ address: 'module.m.x.y' })).toMatchObject({
      file: 'main.tf',
      kind: 'module-call'
    })
  })

  test('bad HCL gives no location rather than an error', () => {
    const locate = createLocator({
      rootDir: '',
      files: new Map([['main.tf', 'resource "a" {{{{ "b" \n}}}\n\u0000']]),
      parse: parser()
    })
    expect(() => locate({ address: 'a.b' })).not.toThrow()
  })
})

describe('moduleSourcesFromConfiguration', () => {
  test('reads module_calls recursively from a plan configuration', () => {
    const configuration = {
      root_module: {
        module_calls: {
          tenants: {
            source: '../modules/tenant',
            module: { module_calls: { database: { source: './database', module: {} } } }
          },
          rds: { source: 'terraform-aws-modules/rds/aws' }
        }
      }
    }
    expect([...moduleSourcesFromConfiguration(configuration)]).toEqual([
      ['tenants', '../modules/tenant'],
      ['tenants.database', './database'],
      ['rds', 'terraform-aws-modules/rds/aws']
    ])
    expect(moduleSourcesFromConfiguration(null).size).toBe(0)
  })

  test('configuration sources are used when the blocks have no literal source', () => {
    const locate = createLocator({
      rootDir: '',
      files: new Map([
        ['main.tf', 'module "m" {\n  source = local.where\n}\n'],
        ['mods/m/main.tf', '\nresource "a" "b" {}\n']
      ]),
      moduleSources: new Map([['m', './mods/m']]),
      parse: treeSitter
    })
    expect(locate({ address: 'module.m.a.b' })).toMatchObject({ file: 'mods/m/main.tf', line: 2 })
  })
})

describe('sourceLocator (reads the files)', () => {
  const roots: string[] = []
  afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })))

  test('reads the root module and the local modules it calls', async () => {
    const root = writeLayout(LOCAL_LAYOUT)
    roots.push(root)
    const locate = await sourceLocator(root, `${root}/infra/prod`)
    expect(
      locate?.({ address: 'module.tenants["a"].module.database.aws_rds_cluster.this' })
    ).toEqual({
      file: 'infra/modules/tenant/database/cluster.tf',
      line: 1,
      column: 1,
      endLine: 1,
      kind: 'resource'
    })
  })

  test('uses modules.json and never points into .terraform', async () => {
    const root = writeLayout(REMOTE_LAYOUT)
    roots.push(root)
    const locate = await sourceLocator(root, '.')
    expect(locate?.({ address: 'module.rds.aws_db_instance.this' })).toMatchObject({
      file: 'main.tf',
      kind: 'module-call'
    })
    expect(locate?.({ address: 'module.local.aws_s3_bucket.b' })).toMatchObject({
      file: 'modules/local/main.tf'
    })
  })

  test('a configuration directory outside the repository gets no locator', async () => {
    const root = writeLayout(REMOTE_LAYOUT)
    roots.push(root)
    expect(await sourceLocator(`${root}/modules`, root)).toBeUndefined()
  })
})
