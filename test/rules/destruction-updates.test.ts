/**
 * Data destroyed through updates (issue 12 item 1): keys disabled or expiring, expiry rules,
 * TTL, retention cuts, lock shortening, BigQuery expirations. Each case is a realistic
 * `terraform show -json` change, read through the real reader.
 */
import { describe, expect, test } from '@jest/globals'
import { parsePolicy } from '../../src/policy/config.js'
import { gate } from '../../src/pipeline/gate.js'
import { readPlan } from '../../src/plan/read.js'
import { evaluate } from '../../src/rules/evaluate.js'
import { formatMessage } from '../../src/rules/messages.js'
import type { Finding } from '../../src/rules/types.js'

type Json = Record<string, unknown>

const PROVIDERS: Record<string, string> = {
  aws: 'registry.terraform.io/hashicorp/aws',
  google: 'registry.terraform.io/hashicorp/google',
  azurerm: 'registry.terraform.io/hashicorp/azurerm'
}

function rc(
  address: string,
  actions: string[],
  before: Json | null,
  after: Json | null,
  extra: Json = {}
): Json {
  const [type = '', name = ''] = address.split('.')
  return {
    address,
    mode: 'managed',
    type,
    name,
    provider_name: PROVIDERS[type.split('_')[0] ?? ''],
    change: {
      actions,
      before,
      after,
      after_unknown: extra['after_unknown'] ?? {},
      before_sensitive: false,
      after_sensitive: extra['after_sensitive'] ?? {}
    }
  }
}

function planOf(...changes: Json[]): Buffer {
  return Buffer.from(
    JSON.stringify({
      format_version: '1.2',
      terraform_version: '1.11.4',
      resource_changes: [
        rc('aws_vpc.main', ['no-op'], { cidr_block: '10.0.0.0/16' }, { cidr_block: '10.0.0.0/16' }),
        ...changes
      ]
    })
  )
}

const run = (...changes: Json[]): Finding[] => evaluate(readPlan(planOf(...changes)))
const ids = (...changes: Json[]): string[] =>
  run(...changes).map((f) => `${f.ruleId} ${f.decision}`)

describe('encryption keys disabled or expiring', () => {
  const key = {
    description: 'orders',
    is_enabled: true,
    deletion_window_in_days: 30,
    key_usage: 'ENCRYPT_DECRYPT'
  }

  test('aws_kms_key is_enabled true → false', () => {
    const [finding] = run(rc('aws_kms_key.orders', ['update'], key, { ...key, is_enabled: false }))
    expect(finding).toMatchObject({ ruleId: 'PG-AWS-W116', decision: 'approval-required' })
    expect(formatMessage(finding as Finding)).toBe(
      'Weakens key availability (data encrypted with it becomes unreadable): is_enabled true → false'
    )
    expect(ids(rc('aws_kms_key.orders', ['update'], { ...key, is_enabled: false }, key))).toEqual(
      []
    )
  })

  test('aws_kms_replica_key and aws_kms_external_key enabled → false', () => {
    expect(
      ids(rc('aws_kms_replica_key.r', ['update'], { enabled: true }, { enabled: false }))
    ).toEqual(['PG-AWS-W118 approval-required'])
    expect(
      ids(rc('aws_kms_external_key.e', ['update'], { enabled: true }, { enabled: false }))
    ).toEqual(['PG-AWS-W117 approval-required'])
  })

  test.each(['DISABLED', 'DESTROYED', 'DESTROY_SCHEDULED'])(
    'google_kms_crypto_key_version ENABLED → %s',
    (state) => {
      const version = {
        crypto_key: 'projects/p/locations/l/keyRings/r/cryptoKeys/k',
        state: 'ENABLED'
      }
      expect(
        ids(rc('google_kms_crypto_key_version.v', ['update'], version, { ...version, state }))
      ).toEqual(['PG-GCP-W151 approval-required'])
    }
  )

  test('azurerm_key_vault_key gets an expiration date, or an earlier one', () => {
    const k = { name: 'orders', key_type: 'RSA', key_size: 2048, expiration_date: null }
    const set = run(
      rc('azurerm_key_vault_key.k', ['update'], k, {
        ...k,
        expiration_date: '2026-12-31T00:00:00Z'
      })
    )
    expect(set.map((f) => f.ruleId)).toEqual(['PG-AZ-W046'])
    expect(formatMessage(set[0] as Finding)).toMatch(/expiration_date unset → an earlier date$/)
    const earlier = rc(
      'azurerm_key_vault_key.k',
      ['update'],
      { ...k, expiration_date: '2030-01-01T00:00:00Z' },
      { ...k, expiration_date: '2027-01-01T00:00:00Z' }
    )
    expect(ids(earlier)).toEqual(['PG-AZ-W046 approval-required'])
    const later = rc(
      'azurerm_key_vault_key.k',
      ['update'],
      { ...k, expiration_date: '2027-01-01T00:00:00Z' },
      { ...k, expiration_date: '2030-01-01T00:00:00Z' }
    )
    expect(ids(later)).toEqual([])
  })
})

describe('expiry rules on a data store', () => {
  const lifecycle = (days: number, status = 'Enabled'): Json => ({
    bucket: 'acme-backups',
    expected_bucket_owner: '',
    rule: [
      {
        id: 'expire',
        status,
        filter: [{ prefix: '' }],
        expiration: [{ days, date: null, expired_object_delete_marker: false }],
        noncurrent_version_expiration: [{ noncurrent_days: days, newer_noncurrent_versions: null }]
      }
    ]
  })

  test('a new S3 lifecycle configuration expiring objects after 1 day on the backups bucket', () => {
    const findings = run(
      rc('aws_s3_bucket_lifecycle_configuration.backups', ['create'], null, lifecycle(1))
    )
    expect(findings.map((f) => `${f.ruleId} ${f.decision}`)).toEqual([
      'PG-AWS-W119 approval-required',
      'PG-AWS-W120 approval-required'
    ])
    expect(formatMessage(findings[0] as Finding)).toBe(
      'Weakens data expiry (data is deleted when it runs out): rule[0].expiration[0].days unset → 1 (below the floor of 30 days)'
    )
  })

  test('a disabled rule, or expiry at or above the floor, is fine', () => {
    const disabled = lifecycle(1, 'Disabled')
    expect(ids(rc('aws_s3_bucket_lifecycle_configuration.b', ['create'], null, disabled))).toEqual(
      []
    )
    expect(
      ids(rc('aws_s3_bucket_lifecycle_configuration.b', ['create'], null, lifecycle(90)))
    ).toEqual([])
  })

  test('shortened below the floor, or shortened further while below it', () => {
    expect(
      ids(rc('aws_s3_bucket_lifecycle_configuration.b', ['update'], lifecycle(90), lifecycle(7)))
    ).toEqual(['PG-AWS-W119 approval-required', 'PG-AWS-W120 approval-required'])
    expect(
      ids(rc('aws_s3_bucket_lifecycle_configuration.b', ['update'], lifecycle(7), lifecycle(5)))
    ).toHaveLength(2)
    expect(
      ids(rc('aws_s3_bucket_lifecycle_configuration.b', ['update'], lifecycle(5), lifecycle(7)))
    ).toEqual([])
  })

  test('thresholds.expiry_floor_days moves the floor', () => {
    const policy = parsePolicy(
      'thresholds:\n  expiry_floor_days: 120\n',
      '.plan-gate.yml',
      () => true
    )
    const plan = readPlan(
      planOf(rc('aws_s3_bucket_lifecycle_configuration.b', ['create'], null, lifecycle(90)))
    )
    const result = gate(plan, { policy, now: 0, planFile: 'plan.json' })
    expect(result.findings.map((f) => f.ruleId)).toEqual(['PG-AWS-W119', 'PG-AWS-W120'])
    expect(result.findings[0]?.data['floorDays']).toBe(120)
  })

  test('an expiry that is unknown until apply fails closed', () => {
    const after = lifecycle(1)
    const rule = (after['rule'] as Json[])[0] as Json
    rule['expiration'] = [{ date: null, expired_object_delete_marker: false }]
    const change = rc('aws_s3_bucket_lifecycle_configuration.b', ['create'], null, after, {
      after_unknown: { rule: [{ expiration: [{ days: true }] }] }
    })
    expect(run(change).find((f) => f.ruleId === 'PG-AWS-W119')?.data['unknown']).toBe(true)
  })

  test('the inline lifecycle_rule of aws_s3_bucket', () => {
    const bucket = (days: number, enabled = true): Json => ({
      bucket: 'acme-backups',
      force_destroy: false,
      lifecycle_rule: [
        {
          id: 'x',
          enabled,
          expiration: [{ days, date: '', expired_object_delete_marker: false }],
          noncurrent_version_expiration: []
        }
      ]
    })
    expect(ids(rc('aws_s3_bucket.b', ['update'], bucket(0), bucket(3)))).toEqual([
      'PG-AWS-W121 approval-required'
    ])
    expect(ids(rc('aws_s3_bucket.b', ['update'], bucket(0, false), bucket(3, false)))).toEqual([])
  })

  test('GCS: a Delete rule with a short age is data expiry, SetStorageClass is not', () => {
    const gcs = (type: string, age?: number): Json => ({
      name: 'acme-backups',
      force_destroy: false,
      lifecycle_rule:
        age === undefined
          ? []
          : [
              {
                action: [{ type, storage_class: '' }],
                condition: [{ age, days_since_noncurrent_time: 0, with_state: 'ANY' }]
              }
            ]
    })
    expect(ids(rc('google_storage_bucket.b', ['update'], gcs('Delete'), gcs('Delete', 1)))).toEqual(
      ['PG-GCP-W152 approval-required']
    )
    expect(
      ids(
        rc('google_storage_bucket.b', ['update'], gcs('SetStorageClass'), gcs('SetStorageClass', 1))
      )
    ).toEqual([])
  })

  test('Azure: a new storage management policy deleting blobs after 1 day', () => {
    const policy = (days: number, enabled = true): Json => ({
      storage_account_id:
        '/subscriptions/s/resourceGroups/g/providers/Microsoft.Storage/storageAccounts/acme',
      rule: [
        {
          name: 'expire',
          enabled,
          filters: [{ blob_types: ['blockBlob'], prefix_match: [] }],
          actions: [
            {
              base_blob: [
                {
                  delete_after_days_since_modification_greater_than: days,
                  delete_after_days_since_creation_greater_than: -1,
                  delete_after_days_since_last_access_time_greater_than: -1,
                  tier_to_cool_after_days_since_modification_greater_than: 30
                }
              ],
              snapshot: [{ delete_after_days_since_creation_greater_than: -1 }],
              version: [{ delete_after_days_since_creation: days }]
            }
          ]
        }
      ]
    })
    expect(ids(rc('azurerm_storage_management_policy.p', ['create'], null, policy(1)))).toEqual([
      'PG-AZ-W050 approval-required',
      'PG-AZ-W054 approval-required'
    ])
    expect(
      ids(rc('azurerm_storage_management_policy.p', ['create'], null, policy(1, false)))
    ).toEqual([])
    expect(ids(rc('azurerm_storage_management_policy.p', ['create'], null, policy(-1)))).toEqual([])
  })
})

describe('TTL and retention', () => {
  test('DynamoDB TTL switched on for a ledger table', () => {
    const table = (enabled: boolean): Json => ({
      name: 'ledger',
      hash_key: 'id',
      deletion_protection_enabled: true,
      ttl: [{ attribute_name: enabled ? 'expires_at' : '', enabled }]
    })
    expect(ids(rc('aws_dynamodb_table.ledger', ['update'], table(false), table(true)))).toEqual([
      'PG-AWS-W123 approval-required'
    ])
  })

  test('Cosmos DB default_ttl switched on (-1 keeps items for ever)', () => {
    const c = (ttl: number | null): Json => ({ name: 'orders', default_ttl: ttl })
    expect(ids(rc('azurerm_cosmosdb_sql_container.c', ['update'], c(null), c(3600)))).toEqual([
      'PG-AZ-W049 approval-required'
    ])
    expect(ids(rc('azurerm_cosmosdb_sql_container.c', ['update'], c(-1), c(86400)))).toHaveLength(1)
    expect(ids(rc('azurerm_cosmosdb_sql_container.c', ['update'], c(null), c(-1)))).toEqual([])
  })

  test('CloudWatch log retention cut below the floor (0 means never expire)', () => {
    const g = (days: number): Json => ({
      name: 'audit',
      retention_in_days: days,
      skip_destroy: false
    })
    expect(ids(rc('aws_cloudwatch_log_group.audit', ['update'], g(0), g(1)))).toEqual([
      'PG-AWS-W124 approval-required'
    ])
    expect(ids(rc('aws_cloudwatch_log_group.audit', ['update'], g(365), g(14)))).toHaveLength(1)
    expect(ids(rc('aws_cloudwatch_log_group.audit', ['update'], g(365), g(90)))).toEqual([])
    expect(ids(rc('aws_cloudwatch_log_group.audit', ['update'], g(1), g(0)))).toEqual([])
  })

  test('Pub/Sub subscription retention 7 days → 10 minutes; topic retention removed', () => {
    const s = (r: string | null): Json => ({ name: 'orders', message_retention_duration: r })
    expect(ids(rc('google_pubsub_subscription.s', ['update'], s('604800s'), s('600s')))).toEqual([
      'PG-GCP-W156 approval-required'
    ])
    expect(ids(rc('google_pubsub_topic.t', ['update'], s('2678400s'), s(null)))).toEqual([
      'PG-GCP-W155 approval-required'
    ])
    expect(ids(rc('google_pubsub_topic.t', ['update'], s(null), s('86400s')))).toEqual([])
  })

  test('Event Hubs message retention cut', () => {
    const h = (days: number): Json => ({
      name: 'orders',
      partition_count: 4,
      message_retention: days
    })
    expect(ids(rc('azurerm_eventhub.h', ['update'], h(7), h(1)))).toEqual([
      'PG-AZ-W047 approval-required'
    ])
  })

  test('SQS and Kinesis retention cuts (existing guards)', () => {
    expect(
      ids(
        rc(
          'aws_sqs_queue.q',
          ['update'],
          { message_retention_seconds: 1209600 },
          { message_retention_seconds: 60 }
        )
      )
    ).toEqual(['PG-AWS-W104 approval-required'])
    expect(
      ids(
        rc('aws_kinesis_stream.s', ['update'], { retention_period: 168 }, { retention_period: 24 })
      )
    ).toEqual(['PG-AWS-W102 approval-required'])
  })
})

describe('backup retention and locks', () => {
  test('backup plan delete_after cut (AWS) and backup_retention_days cut (Google)', () => {
    const p = (days: number): Json => ({
      name: 'daily',
      rule: [
        {
          rule_name: 'daily',
          target_vault_name: 'main',
          lifecycle: [{ delete_after: days, cold_storage_after: 0 }]
        }
      ]
    })
    expect(ids(rc('aws_backup_plan.daily', ['update'], p(35), p(7)))).toEqual([
      'PG-AWS-W046 approval-required'
    ])
    const g = (days: number): Json => ({
      backup_plan_id: 'p',
      backup_rules: [{ rule_id: 'r', backup_retention_days: days }]
    })
    expect(ids(rc('google_backup_dr_backup_plan.p', ['update'], g(30), g(3)))).toEqual([
      'PG-GCP-W161 approval-required'
    ])
  })

  test('vault lock shortened, or removed', () => {
    const lock = (min: number): Json => ({
      backup_vault_name: 'main',
      min_retention_days: min,
      max_retention_days: 365,
      changeable_for_days: 3
    })
    expect(ids(rc('aws_backup_vault_lock_configuration.l', ['update'], lock(35), lock(1)))).toEqual(
      ['PG-AWS-W125 approval-required']
    )
    expect(ids(rc('aws_backup_vault_lock_configuration.l', ['delete'], lock(35), null))).toEqual([
      'PG-AWS-049 approval-required'
    ])
  })

  test('S3 object lock default retention shortened, or removed', () => {
    const ol = (days: number): Json => ({
      bucket: 'acme-backups',
      object_lock_enabled: 'Enabled',
      rule: [{ default_retention: [{ mode: 'COMPLIANCE', days, years: 0 }] }]
    })
    expect(ids(rc('aws_s3_bucket_object_lock_configuration.l', ['update'], ol(30), ol(1)))).toEqual(
      ['PG-AWS-W127 approval-required']
    )
    expect(ids(rc('aws_s3_bucket_object_lock_configuration.l', ['delete'], ol(30), null))).toEqual([
      'PG-AWS-056 approval-required'
    ])
  })
})

describe('BigQuery expirations', () => {
  test('dataset default table expiration set, then shortened', () => {
    const d = (ms: number | null): Json => ({
      dataset_id: 'orders',
      default_table_expiration_ms: ms,
      delete_contents_on_destroy: false
    })
    expect(ids(rc('google_bigquery_dataset.d', ['update'], d(null), d(3_600_000)))).toEqual([
      'PG-GCP-W157 approval-required'
    ])
    expect(
      ids(rc('google_bigquery_dataset.d', ['update'], d(7_776_000_000), d(86_400_000)))
    ).toHaveLength(1)
    expect(ids(rc('google_bigquery_dataset.d', ['update'], d(86_400_000), d(null)))).toEqual([])
  })

  test('table expiration_time set (a point in time), or moved earlier', () => {
    const t = (at: number | null): Json => ({
      table_id: 'events',
      deletion_protection: true,
      expiration_time: at
    })
    expect(ids(rc('google_bigquery_table.t', ['update'], t(null), t(1_900_000_000_000)))).toEqual([
      'PG-GCP-W159 approval-required'
    ])
    expect(
      ids(rc('google_bigquery_table.t', ['update'], t(1_900_000_000_000), t(1_800_000_000_000)))
    ).toHaveLength(1)
    expect(
      ids(rc('google_bigquery_table.t', ['update'], t(1_800_000_000_000), t(1_900_000_000_000)))
    ).toEqual([])
  })

  test('a sensitive expiry is reported without its values', () => {
    const d = (ms: number | null): Json => ({
      dataset_id: 'orders',
      default_table_expiration_ms: ms
    })
    const [finding] = run(
      rc('google_bigquery_dataset.d', ['update'], d(null), d(3_600_000), {
        after_sensitive: { default_table_expiration_ms: true }
      })
    )
    expect(finding?.data).toEqual({
      attribute: 'default_table_expiration_ms',
      family: 'data-expiry',
      sensitive: true
    })
  })
})
