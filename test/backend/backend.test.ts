import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import {
  BackendConfigError,
  backendFromInitState,
  backendsFromHcl,
  dedupeBackends,
  matchBackend,
  type StateBackend
} from '../../src/backend/backend.js'
import { INIT_STATE, loadBackends } from '../../src/backend/load.js'
import { fixture, nodeFs } from '../helpers.js'

const BOTH = `backend.tf, ${INIT_STATE}`

describe('loadBackends on real working directories', () => {
  test.each<[string, StateBackend[], string[]]>([
    [
      's3-dynamodb',
      [
        {
          kind: 's3',
          bucket: 'acme-prod-tfstate',
          dynamodbTable: 'acme-prod-tf-locks',
          key: 'network/terraform.tfstate',
          source: BOTH
        }
      ],
      ['backend.tf', INIT_STATE]
    ],
    [
      's3-lockfile',
      [{ kind: 's3', bucket: 'acme-staging-tfstate', key: 'apps/api.tfstate', source: BOTH }],
      ['backend.tf', INIT_STATE]
    ],
    [
      'gcs',
      [{ kind: 'gcs', bucket: 'acme-tf-state-eu', prefix: 'terraform/state', source: BOTH }],
      ['backend.tf', INIT_STATE]
    ],
    [
      'azurerm',
      [
        {
          kind: 'azurerm',
          storageAccount: 'acmetfstate01',
          container: 'tfstate',
          key: 'prod.terraform.tfstate',
          source: BOTH
        }
      ],
      ['backend.tf', INIT_STATE]
    ],
    [
      'cloud',
      [{ kind: 'other', type: 'cloud', source: `main.tf, ${INIT_STATE}` }],
      ['main.tf', INIT_STATE]
    ],
    [
      // `backend "s3" {}` in HCL; the values only exist in what `terraform init` recorded.
      's3-partial',
      [
        {
          kind: 's3',
          bucket: 'acme-shared-tfstate',
          dynamodbTable: 'acme-shared-tf-locks',
          key: 'payments/prod.tfstate',
          source: BOTH
        }
      ],
      ['backend.tf', INIT_STATE]
    ],
    [
      's3-interpolated',
      [{ kind: 's3', key: 'svc/terraform.tfstate', source: 'backend.tf' }],
      ['backend.tf']
    ],
    [
      'tf-json',
      [{ kind: 'gcs', bucket: 'acme-generated-tfstate', prefix: 'cdk', source: 'backend.tf.json' }],
      ['backend.tf.json']
    ],
    ['no-backend', [], []]
  ])('%s', async (name, backends, sources) => {
    const loaded = await loadBackends(fixture('backends', name), nodeFs)
    expect(loaded.backends).toStrictEqual(backends)
    expect(loaded.sources).toStrictEqual(sources)
  })

  test('a syntactically broken .tf file is one clear line naming the file', async () => {
    const load = loadBackends(fixture('backends', 'broken'), nodeFs)
    await expect(load).rejects.toBeInstanceOf(BackendConfigError)
    await expect(load).rejects.toThrow(
      /^main\.tf: could not parse HCL: Unclosed configuration block at line 2, column 16$/
    )
  })

  test('a missing directory is a BackendConfigError', async () => {
    await expect(loadBackends(fixture('backends', 'does-not-exist'), nodeFs)).rejects.toThrow(
      BackendConfigError
    )
  })
})

describe('backendFromInitState', () => {
  const read = (name: string): string => readFileSync(fixture('backends', name, INIT_STATE), 'utf8')

  test('reads backend.type and backend.config as Terraform writes them', () => {
    expect(backendFromInitState(read('azurerm'), 'x')).toStrictEqual({
      kind: 'azurerm',
      storageAccount: 'acmetfstate01',
      container: 'tfstate',
      key: 'prod.terraform.tfstate',
      source: 'x'
    })
    // Older Terraform versions also write serial, lineage and an empty `modules` list.
    expect(backendFromInitState(read('gcs'), 'x')).toMatchObject({ bucket: 'acme-tf-state-eu' })
    expect(backendFromInitState(read('cloud'), 'x')).toStrictEqual({
      kind: 'other',
      type: 'cloud',
      source: 'x'
    })
  })

  test('null config values stay undefined', () => {
    expect(backendFromInitState(read('s3-lockfile'), 'x')).not.toHaveProperty('dynamodbTable')
  })

  test('no backend (local state) is undefined, not an error', () => {
    expect(backendFromInitState('{"version":3,"terraform_version":"1.9.8"}', 'x')).toBeUndefined()
    expect(backendFromInitState('{"version":3,"backend":null}', 'x')).toBeUndefined()
  })

  test('unreadable files are BackendConfigErrors', () => {
    expect(() => backendFromInitState('{"version":3,', 'f')).toThrow('f: not valid JSON')
    expect(() => backendFromInitState('[]', 'f')).toThrow(BackendConfigError)
    expect(() => backendFromInitState('{"backend":{"config":{}}}', 'f')).toThrow('no "type"')
  })

  test('other backend types keep their name', () => {
    const text = '{"version":3,"backend":{"type":"consul","config":{"path":"tf"},"hash":1}}'
    expect(backendFromInitState(text, 'x')).toStrictEqual({
      kind: 'other',
      type: 'consul',
      source: 'x'
    })
  })
})

describe('backendsFromHcl', () => {
  test('hcl2json shape: terraform blocks are lists, backend is keyed by type', () => {
    const parsed = {
      terraform: [
        { required_version: '>= 1.6', backend: { s3: [{ bucket: 'b', key: 'k', encrypt: true }] } },
        { required_providers: [{ aws: { source: 'hashicorp/aws' } }] }
      ]
    }
    expect(backendsFromHcl(parsed, 'main.tf')).toStrictEqual([
      { kind: 's3', bucket: 'b', key: 'k', source: 'main.tf' }
    ])
  })

  test('JSON syntax may use bare objects', () => {
    const parsed = { terraform: { backend: { azurerm: { storage_account_name: 'sa' } } } }
    expect(backendsFromHcl(parsed, 'x.tf.json')).toStrictEqual([
      { kind: 'azurerm', storageAccount: 'sa', source: 'x.tf.json' }
    ])
  })

  test('templates and non-strings are left undefined', () => {
    const parsed = {
      terraform: [
        {
          backend: {
            s3: [{ bucket: '${var.b}', key: '%{if true}k%{endif}', dynamodb_table: 42 }]
          }
        }
      ]
    }
    expect(backendsFromHcl(parsed, 'f')).toStrictEqual([{ kind: 's3', source: 'f' }])
  })

  test('an empty backend block and a cloud block are still reported', () => {
    expect(backendsFromHcl({ terraform: [{ backend: { gcs: [{}] } }] }, 'f')).toStrictEqual([
      { kind: 'gcs', source: 'f' }
    ])
    expect(backendsFromHcl({ terraform: [{ cloud: [{ organization: 'o' }] }] }, 'f')).toEqual([
      { kind: 'other', type: 'cloud', source: 'f' }
    ])
  })

  test('anything else yields nothing', () => {
    expect(backendsFromHcl(null, 'f')).toStrictEqual([])
    expect(backendsFromHcl({ resource: [{}] }, 'f')).toStrictEqual([])
    expect(backendsFromHcl({ terraform: [{ backend: 'x' }] }, 'f')).toStrictEqual([])
  })
})

describe('dedupeBackends', () => {
  test('a partial HCL block merges with the initialized values', () => {
    expect(
      dedupeBackends([
        { kind: 's3', key: 'k', source: 'a.tf' },
        { kind: 's3', bucket: 'b', key: 'k', source: 'init' }
      ])
    ).toStrictEqual([{ kind: 's3', bucket: 'b', key: 'k', source: 'a.tf, init' }])
  })

  test('a changed but not re-initialized backend keeps both (the old one still holds state)', () => {
    const backends: StateBackend[] = [
      { kind: 's3', bucket: 'new', source: 'a.tf' },
      { kind: 's3', bucket: 'old', source: 'init' }
    ]
    expect(dedupeBackends(backends)).toStrictEqual(backends)
  })

  test('different kinds and other types stay apart', () => {
    const backends: StateBackend[] = [
      { kind: 'other', type: 'remote', source: 'a.tf' },
      { kind: 'other', type: 'cloud', source: 'init' },
      { kind: 'gcs', source: 'a.tf' }
    ]
    expect(dedupeBackends(backends)).toStrictEqual(backends)
  })
})

describe('matchBackend', () => {
  const s3: StateBackend = {
    kind: 's3',
    bucket: 'acme-prod-tfstate',
    dynamodbTable: 'acme-prod-tf-locks',
    key: 'network/terraform.tfstate',
    source: 'backend.tf'
  }
  const gcs: StateBackend = {
    kind: 'gcs',
    bucket: 'acme-tf-state-eu',
    prefix: 'terraform/state',
    source: 'backend.tf'
  }
  const azurerm: StateBackend = {
    kind: 'azurerm',
    storageAccount: 'acmetfstate01',
    container: 'tfstate',
    key: 'prod.terraform.tfstate',
    source: `backend.tf, ${INIT_STATE}`
  }
  const all = [s3, gcs, azurerm]

  const S3_BUCKET = 'the S3 backend bucket (backend "s3" in backend.tf)'
  const GCS_BUCKET = 'the GCS backend bucket (backend "gcs" in backend.tf)'
  const AZ = `backend "azurerm" in backend.tf, ${INIT_STATE}`
  const ARM_ACCOUNT =
    '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-tfstate/providers/Microsoft.Storage/storageAccounts/acmetfstate01'

  const deleted = (type: string, before: Record<string, unknown>) => ({ type, before, after: null })

  describe('S3', () => {
    test('the bucket itself', () => {
      expect(matchBackend(deleted('aws_s3_bucket', { bucket: 'acme-prod-tfstate' }), all)).toBe(
        S3_BUCKET
      )
    })

    test.each([
      'aws_s3_bucket_versioning',
      'aws_s3_bucket_policy',
      'aws_s3_bucket_public_access_block',
      'aws_s3_bucket_server_side_encryption_configuration',
      'aws_s3_bucket_lifecycle_configuration',
      'aws_s3_bucket_object_lock_configuration',
      'aws_s3_bucket_acl'
    ])('sub-resource %s, by its bucket attribute', (type) => {
      expect(matchBackend(deleted(type, { bucket: 'acme-prod-tfstate' }), all)).toBe(S3_BUCKET)
      expect(matchBackend(deleted(type, { bucket: 'acme-logs' }), all)).toBeUndefined()
    })

    test('a rename onto the backend bucket matches on `after` only', () => {
      const change = {
        type: 'aws_s3_bucket',
        before: { bucket: 'acme-old-name' },
        after: { bucket: 'acme-prod-tfstate' }
      }
      expect(matchBackend(change, all)).toBe(S3_BUCKET)
    })

    test('a create of the same name (e.g. after a forget) matches on `after`', () => {
      const change = { type: 'aws_s3_bucket', after: { bucket: 'acme-prod-tfstate' } }
      expect(matchBackend(change, all)).toBe(S3_BUCKET)
    })

    test('a non-matching bucket, and matching names on other attributes, do not match', () => {
      expect(matchBackend(deleted('aws_s3_bucket', { bucket: 'acme-data' }), all)).toBeUndefined()
      const logging = { bucket: 'acme-data', target_bucket: 'acme-prod-tfstate' }
      expect(matchBackend(deleted('aws_s3_bucket_logging', logging), all)).toBeUndefined()
      expect(matchBackend(deleted('aws_s3_bucket', { id: 'acme-prod-tfstate' }), all)).toBe(
        undefined
      )
    })

    test('objects: only the state object and its lock file', () => {
      const object = (key: string) =>
        matchBackend(deleted('aws_s3_object', { bucket: 'acme-prod-tfstate', key }), all)
      const evidence = 'the S3 backend state object (backend "s3" in backend.tf)'
      expect(object('network/terraform.tfstate')).toBe(evidence)
      expect(object('network/terraform.tfstate.tflock')).toBe(evidence)
      expect(object('env:/staging/network/terraform.tfstate')).toBe(evidence)
      expect(object('network/README.md')).toBeUndefined()
      expect(object('other/terraform.tfstate')).toBeUndefined()
      const legacy = { bucket: 'acme-prod-tfstate', key: 'network/terraform.tfstate' }
      expect(matchBackend(deleted('aws_s3_bucket_object', legacy), all)).toBe(evidence)
    })

    test('the DynamoDB lock table by name', () => {
      expect(matchBackend(deleted('aws_dynamodb_table', { name: 'acme-prod-tf-locks' }), all)).toBe(
        'the S3 backend DynamoDB lock table (backend "s3" in backend.tf)'
      )
      expect(matchBackend(deleted('aws_dynamodb_table', { name: 'orders' }), all)).toBeUndefined()
    })

    test('use_lockfile without a table: no DynamoDB table is the backend', () => {
      const lockfile: StateBackend = { kind: 's3', bucket: 'b', key: 'k', source: 'f' }
      const table = deleted('aws_dynamodb_table', { name: 'acme-prod-tf-locks' })
      expect(matchBackend(table, [lockfile])).toBeUndefined()
    })

    test('unknown (interpolated) values never match', () => {
      const partial: StateBackend = { kind: 's3', key: 'k', source: 'f' }
      const bucket = deleted('aws_s3_bucket', { bucket: 'acme-prod-tfstate' })
      expect(matchBackend(bucket, [partial])).toBeUndefined()
      expect(
        matchBackend(deleted('aws_s3_object', { bucket: 'x', key: 'k' }), [partial])
      ).toBeUndefined()
    })
  })

  describe('GCS', () => {
    test('the bucket by name', () => {
      expect(
        matchBackend(deleted('google_storage_bucket', { name: 'acme-tf-state-eu' }), all)
      ).toBe(GCS_BUCKET)
      expect(matchBackend(deleted('google_storage_bucket', { name: 'acme-assets' }), all)).toBe(
        undefined
      )
    })

    test('bucket sub-resources by their bucket attribute (IAM stores `b/<name>`)', () => {
      const iam = { bucket: 'b/acme-tf-state-eu', role: 'roles/storage.admin' }
      expect(matchBackend(deleted('google_storage_bucket_iam_member', iam), all)).toBe(GCS_BUCKET)
      const binding = { bucket: 'acme-tf-state-eu' }
      expect(matchBackend(deleted('google_storage_bucket_iam_binding', binding), all)).toBe(
        GCS_BUCKET
      )
      expect(matchBackend(deleted('google_storage_bucket_acl', binding), all)).toBe(GCS_BUCKET)
      const other = { bucket: 'b/acme-assets' }
      expect(matchBackend(deleted('google_storage_bucket_iam_policy', other), all)).toBeUndefined()
    })

    test('objects: only workspace states and locks under the prefix', () => {
      const object = (name: string) =>
        matchBackend(
          deleted('google_storage_bucket_object', { bucket: 'acme-tf-state-eu', name }),
          all
        )
      const evidence = 'the GCS backend state object (backend "gcs" in backend.tf)'
      expect(object('terraform/state/default.tfstate')).toBe(evidence)
      expect(object('terraform/state/staging.tflock')).toBe(evidence)
      expect(object('terraform/state/notes.txt')).toBeUndefined()
      expect(object('elsewhere/default.tfstate')).toBeUndefined()
      expect(object('terraform/state/nested/default.tfstate')).toBeUndefined()
    })

    test('the rename case: a bucket renamed to the backend bucket', () => {
      const change = {
        type: 'google_storage_bucket',
        before: { name: 'acme-tmp' },
        after: { name: 'acme-tf-state-eu' }
      }
      expect(matchBackend(change, all)).toBe(GCS_BUCKET)
    })
  })

  describe('azurerm', () => {
    test('the storage account by name', () => {
      expect(matchBackend(deleted('azurerm_storage_account', { name: 'acmetfstate01' }), all)).toBe(
        `the azurerm backend storage account (${AZ})`
      )
      expect(
        matchBackend(deleted('azurerm_storage_account', { name: 'acmedata01' }), all)
      ).toBeUndefined()
    })

    test('the container needs its name and its account (by name or by id)', () => {
      const evidence = `the azurerm backend container (${AZ})`
      const byName = { name: 'tfstate', storage_account_name: 'acmetfstate01' }
      expect(matchBackend(deleted('azurerm_storage_container', byName), all)).toBe(evidence)
      const byId = { name: 'tfstate', storage_account_id: ARM_ACCOUNT }
      expect(matchBackend(deleted('azurerm_storage_container', byId), all)).toBe(evidence)
      const elsewhere = { name: 'tfstate', storage_account_name: 'acmedata01' }
      expect(matchBackend(deleted('azurerm_storage_container', elsewhere), all)).toBeUndefined()
      const otherName = { name: 'logs', storage_account_name: 'acmetfstate01' }
      expect(matchBackend(deleted('azurerm_storage_container', otherName), all)).toBeUndefined()
    })

    test('the state blob, including workspace blobs', () => {
      const evidence = `the azurerm backend state blob (${AZ})`
      const blob = (name: string, where: Record<string, string>) =>
        matchBackend(deleted('azurerm_storage_blob', { name, ...where }), all)
      const names = { storage_account_name: 'acmetfstate01', storage_container_name: 'tfstate' }
      expect(blob('prod.terraform.tfstate', names)).toBe(evidence)
      expect(blob('prod.terraform.tfstateenv:staging', names)).toBe(evidence)
      expect(blob('other.tfstate', names)).toBeUndefined()
      const url = { storage_container_id: 'https://acmetfstate01.blob.core.windows.net/tfstate' }
      expect(blob('prod.terraform.tfstate', url)).toBe(evidence)
      const arm = {
        storage_container_id: `${ARM_ACCOUNT}/blobServices/default/containers/tfstate`
      }
      expect(blob('prod.terraform.tfstate', arm)).toBe(evidence)
    })
  })

  test('other backends and unrelated resources never match', () => {
    const cloud: StateBackend = { kind: 'other', type: 'cloud', source: 'main.tf' }
    expect(matchBackend(deleted('aws_s3_bucket', { bucket: 'acme-prod-tfstate' }), [cloud])).toBe(
      undefined
    )
    expect(matchBackend(deleted('aws_db_instance', { name: 'acme-prod-tfstate' }), all)).toBe(
      undefined
    )
    expect(matchBackend({ type: 'aws_s3_bucket' }, all)).toBeUndefined()
    expect(matchBackend({ type: 'aws_s3_bucket', before: null, after: 'x' }, all)).toBeUndefined()
    expect(matchBackend(deleted('aws_s3_bucket', { bucket: 'acme-prod-tfstate' }), [])).toBe(
      undefined
    )
  })
})
