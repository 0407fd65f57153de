/**
 * Issue 12 item 4: any create, update or delete of a resource that targets the configured
 * backend's storage is blocked, as for the bucket itself.
 */
import { describe, expect, test } from '@jest/globals'
import { matchBackend, type StateBackend } from '../../src/backend/backend.js'
import type { ResourceChange } from '../../src/plan/model.js'
import { changeFindings } from '../../src/rules/evaluate.js'
import { DEFAULT_CLASSIFY } from '../../src/rules/options.js'
import { makeChange } from '../helpers.js'

const S3: StateBackend = {
  kind: 's3',
  bucket: 'acme-tfstate',
  key: 'prod/terraform.tfstate',
  dynamodbTable: 'acme-tf-locks',
  source: 'backend "s3" in main.tf'
} as StateBackend
const GCS = { kind: 'gcs', bucket: 'acme-gcs-state', prefix: 'prod', source: 'x' } as StateBackend
const AZ = {
  kind: 'azurerm',
  storageAccount: 'acmestate',
  container: 'tfstate',
  key: 'prod.tfstate',
  source: 'x'
} as StateBackend

const options = (backend: StateBackend) => ({
  ...DEFAULT_CLASSIFY,
  backendEvidence: (change: ResourceChange) => matchBackend(change, [backend])
})

function ids(backend: StateBackend, change: Partial<ResourceChange>): string[] {
  return changeFindings(makeChange(change), options(backend)).map(
    (f) => `${f.ruleId} ${f.decision}`
  )
}

describe('sub-resources of the S3 backend bucket', () => {
  test.each([
    [
      'aws_s3_bucket_versioning',
      { bucket: 'acme-tfstate', versioning_configuration: [{ status: 'Suspended' }] }
    ],
    [
      'aws_s3_bucket_lifecycle_configuration',
      { bucket: 'acme-tfstate', rule: [{ id: 'x', status: 'Enabled' }] }
    ],
    ['aws_s3_bucket_policy', { bucket: 'acme-tfstate', policy: '{}' }],
    ['aws_s3_bucket_replication_configuration', { bucket: 'acme-tfstate', role: 'r' }],
    ['aws_s3_bucket_object_lock_configuration', { bucket: 'acme-tfstate' }],
    ['aws_s3_bucket_public_access_block', { bucket: 'acme-tfstate', block_public_acls: false }],
    ['aws_s3_bucket_notification', { bucket: 'acme-tfstate' }]
  ])('%s created on the state bucket is blocked', (type, after) => {
    expect(
      ids(S3, {
        type,
        address: `${type}.x`,
        actions: ['create'],
        action: 'create',
        before: null,
        after
      })
    ).toEqual(['PG-0012 blocked'])
  })

  test('updated and deleted too', () => {
    const v = { bucket: 'acme-tfstate' }
    expect(
      ids(S3, {
        type: 'aws_s3_bucket_policy',
        actions: ['update'],
        action: 'update',
        before: v,
        after: v
      })
    ).toEqual(['PG-0012 blocked'])
    expect(
      ids(S3, {
        type: 'aws_s3_bucket_policy',
        actions: ['delete'],
        action: 'delete',
        before: v,
        after: null
      })
    ).toEqual(['PG-0012 blocked'])
  })

  test('the same on another bucket is not the backend', () => {
    expect(
      ids(S3, {
        type: 'aws_s3_bucket_policy',
        actions: ['create'],
        action: 'create',
        before: null,
        after: { bucket: 'acme-logs' }
      })
    ).toEqual([])
  })

  test('the lock table, changed or deleted', () => {
    const t = { name: 'acme-tf-locks', hash_key: 'LockID' }
    expect(
      ids(S3, {
        type: 'aws_dynamodb_table',
        actions: ['update'],
        action: 'update',
        before: t,
        after: { ...t, ttl: [] }
      })
    ).toEqual(['PG-0012 blocked'])
  })
})

describe('GCS and Azure equivalents', () => {
  test('a GCS IAM binding or ACL on the backend bucket, created', () => {
    expect(
      ids(GCS, {
        type: 'google_storage_bucket_iam_member',
        actions: ['create'],
        action: 'create',
        before: null,
        after: { bucket: 'b/acme-gcs-state', role: 'roles/storage.admin' }
      })
    ).toEqual(['PG-0012 blocked'])
  })

  test('the azurerm backend container replaced, the state blob deleted', () => {
    expect(
      ids(AZ, {
        type: 'azurerm_storage_container',
        actions: ['delete', 'create'],
        action: 'replace',
        before: { name: 'tfstate', storage_account_name: 'acmestate' },
        after: { name: 'tfstate', storage_account_name: 'acmestate' }
      })
    ).toEqual(['PG-0012 blocked'])
  })
})
