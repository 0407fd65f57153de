import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { readPlan } from '../../src/plan/read.js'
import { decide } from '../../src/policy/decide.js'
import { evaluate } from '../../src/rules/evaluate.js'
import { formatMessage } from '../../src/rules/messages.js'
import type { Finding } from '../../src/rules/types.js'
import { fixture, makeChange, makePlan, readFixture } from '../helpers.js'

/** `address ruleId decision messageId` per finding, sorted: what tests assert on. */
function summary(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.address} ${f.ruleId} ${f.decision} ${f.messageId}`).sort()
}

const change = makeChange
const planOf = makePlan

describe('zero-config defaults on the example plan', () => {
  const findings = evaluate(readFixture('examples', 'destroy-prod-db.json'))

  test('findings', () => {
    expect(summary(findings)).toEqual([
      'aws_db_instance.orders PG-AWS-001 approval-required destroy-data-store',
      'aws_rds_cluster.ledger PG-AWS-W005 approval-required protection-weakened',
      'aws_rds_cluster.ledger PG-AWS-W008 approval-required protection-weakened',
      'module.workers.aws_instance.batch[1] PG-AWS-070 warn destroy-resource'
    ])
    expect(decide(findings)).toBe('approval-required')
  })

  test('reasons a person understands, with harmless values only', () => {
    const reasons = findings.map(formatMessage)
    expect(reasons).toContain(
      'Replaces (destroys first, then creates) a database (a changed attribute forces replacement: availability_zone); kept: a final snapshot'
    )
    expect(reasons).toContain('Weakens deletion protection: deletion_protection true → false')
    expect(reasons).toContain('Weakens backup retention: backup_retention_period 14 → 0')
    expect(reasons).toContain('Deletes aws_instance (count was lowered)')
  })
})

describe('every kind', () => {
  const findings = evaluate(readFixture('plans', 'kinds.json'))

  test('destroys need approval, forgets of data stores warn, the rest is silent', () => {
    expect(summary(findings)).toEqual([
      'aws_db_instance.a PG-AWS-001 approval-required destroy-data-store',
      'aws_db_instance.b PG-AWS-001 approval-required destroy-data-store',
      'aws_db_instance.c PG-AWS-001 approval-required destroy-data-store',
      'aws_dynamodb_table.sessions PG-0006 warn forget-data-store',
      'aws_ebs_volume.scratch PG-0013 blocked destroy-no-copy',
      'aws_efs_file_system.shared PG-0006 warn forget-data-store',
      'aws_kms_key.old PG-0006 warn forget-data-store',
      'aws_sns_topic.alerts PG-0007 warn drift-delete'
    ])
  })

  test('deposed objects and replace order are described', () => {
    const reason = (address: string): string =>
      formatMessage(findings.find((f) => f.address === address) as Finding)
    expect(reason('aws_db_instance.c')).toMatch(/^Deletes a deposed object/)
    expect(reason('aws_db_instance.b')).toMatch(/^Replaces \(creates the new one, then destroys\)/)
    expect(reason('aws_db_instance.a')).toContain('replacement was requested with -replace')
  })

  test.each(['create', 'read', 'update', 'no-op'] as const)(
    '%s of a data store has no finding',
    (action) => {
      expect(
        evaluate(planOf([change({ type: 'aws_db_instance', action, actions: [action] })]))
      ).toEqual([])
    }
  )

  test('move and import have no finding', () => {
    const moved = change({
      type: 'aws_db_instance',
      action: 'no-op',
      moved: true,
      previousAddress: 'a.b'
    })
    const imported = change({ type: 'aws_db_instance', action: 'no-op', importing: true })
    expect(evaluate(planOf([moved, imported]))).toEqual([])
  })

  test('a no-op with a delete_because_* reason has no finding', () => {
    const noop = change({
      type: 'aws_db_instance',
      action: 'no-op',
      reason: 'delete_because_no_resource_config'
    })
    expect(evaluate(planOf([noop]))).toEqual([])
  })

  test('data sources never count as destroys', () => {
    const data = change({ type: 'aws_db_instance', mode: 'data', action: 'delete' })
    expect(evaluate(planOf([data]))).toEqual([])
  })

  test('forget of something that is not a data store is silent', () => {
    expect(
      evaluate(planOf([change({ type: 'aws_iam_role', action: 'forget', actions: ['forget'] })]))
    ).toEqual([])
  })

  test('aliases resolve to their catalog entry', () => {
    const findings = evaluate(planOf([change({ type: 'aws_alb', address: 'aws_alb.x' })]))
    expect(findings[0]?.ruleId).toBe(evaluate(planOf([change({ type: 'aws_lb' })]))[0]?.ruleId)
  })

  test('a db-member delete is only a warning', () => {
    const findings = evaluate(planOf([change({ type: 'aws_rds_cluster_instance' })]))
    expect(findings.map((f) => f.decision)).toEqual(['warn'])
  })
})

describe('fail closed', () => {
  test('an unknown action is blocked, wherever it appears', () => {
    const unknown = change({ action: 'unknown', actions: ['obliterate'] })
    expect(decide(evaluate(planOf([unknown])))).toBe('blocked')
    expect(decide(evaluate(planOf([], { drift: [unknown] })))).toBe('blocked')
    expect(decide(evaluate(planOf([], { deferred: [unknown] })))).toBe('blocked')
    expect(formatMessage(evaluate(planOf([unknown]))[0] as Finding)).toContain('[obliterate]')
  })

  test('unknown action words are not echoed when they look like data', () => {
    const unknown = change({ action: 'unknown', actions: ['delete', 'AKIA-SECRET-123'] })
    expect(formatMessage(evaluate(planOf([unknown]))[0] as Finding)).toContain('[delete, ?]')
  })

  test('an errored plan is blocked', () => {
    expect(summary(evaluate(readFixture('plans', 'errored.json')))).toEqual([
      '(plan) PG-0001 blocked plan-errored'
    ])
  })

  test('a stream with error diagnostics is blocked', () => {
    const plan = readPlan(readFileSync(fixture('streams', 'errored.jsonl')))
    expect(summary(evaluate(plan))).toEqual(['(plan) PG-0001 blocked stream-error-diagnostics'])
  })
})

describe('state storage', () => {
  test('buckets and lock tables are blocked', () => {
    const findings = evaluate(readFixture('plans', 'state-storage.json'))
    expect(summary(findings)).toEqual([
      'aws_dynamodb_table.locks PG-0003 blocked destroy-state-storage',
      'aws_s3_bucket.state PG-0003 blocked destroy-state-storage',
      'google_storage_bucket.bootstrap PG-0003 blocked destroy-state-storage'
    ])
    const reasons = findings.map(formatMessage).join('\n')
    expect(reasons).toContain('its bucket contains "tfstate"')
    expect(reasons).toContain('hash_key "LockID"')
    // The evidence names the marker, not the bucket's full name.
    expect(reasons).not.toContain('acme-prod-tfstate')
  })

  test('a stream names state storage by its resource name', () => {
    const plan = readPlan(readFileSync(fixture('streams', 'terraform-plan.jsonl')))
    const findings = evaluate(plan)
    expect(findings.find((f) => f.address === 'aws_s3_bucket.tfstate')?.decision).toBe('blocked')
    expect(decide(findings)).toBe('blocked')
  })

  test('an ordinary bucket is a data store, not state storage', () => {
    const bucket = change({
      type: 'aws_s3_bucket',
      address: 'aws_s3_bucket.x',
      name: 'x',
      before: { bucket: 'acme-assets' }
    })
    expect(evaluate(planOf([bucket]))[0]?.decision).toBe('approval-required')
  })
})

describe('protected by tag or label', () => {
  test('any type, any tag map, any case; false-y values do not count', () => {
    expect(summary(evaluate(readFixture('plans', 'tagged.json')))).toEqual([
      'aws_iam_role.deployer PG-0004 approval-required destroy-tagged',
      'aws_instance.bastion PG-0004 approval-required destroy-tagged',
      'aws_lambda_function.fn PG-0005 warn destroy-resource',
      'google_compute_firewall.t PG-0005 warn destroy-resource',
      'google_compute_instance.vm PG-0004 approval-required destroy-tagged'
    ])
  })

  test.each([
    ['tags', { tags: { PROTECTED: 'TRUE' } }],
    ['tags_all', { tags_all: { protected: 'yes' } }],
    ['labels', { labels: { protected: '1' } }],
    ['effective_labels', { effective_labels: { protected: 'true' } }],
    ['terraform_labels', { terraform_labels: { protected: 'true' } }],
    ['user_labels in settings', { settings: [{ user_labels: { protected: 'true' } }] }],
    ['resource_labels', { resource_labels: { Protected: 'Yes' } }],
    ['kubernetes metadata labels', { metadata: [{ labels: { protected: 'true' } }] }]
  ])('%s', (_name, before) => {
    expect(evaluate(planOf([change({ before })]))[0]?.ruleId).toBe('PG-0004')
  })

  test.each([
    { tags: { protected: 'no' } },
    { tags: { protected: '' } },
    { tags: null },
    { name: 'protected' }
  ])('not protected: %j', (before) => {
    expect(evaluate(planOf([change({ before })]))[0]?.ruleId).toBe('PG-0005')
  })
})

describe('protection weakened on update', () => {
  const findings = evaluate(readFixture('plans', 'weakened.json'))
  const reasons = findings.map((f) => `${f.address}: ${formatMessage(f)}`)

  test('families across AWS and Google', () => {
    expect(reasons).toEqual(
      expect.arrayContaining([
        'aws_db_instance.orders: Weakens deletion protection: deletion_protection true → false',
        'aws_db_instance.orders: Weakens final snapshot on delete: skip_final_snapshot false → true',
        'aws_db_instance.orders: Weakens backup retention: backup_retention_period 7 → 0',
        'aws_dynamodb_table.users: Weakens deletion protection: deletion_protection_enabled true → false',
        'aws_dynamodb_table.users: Weakens point-in-time recovery: point_in_time_recovery[0].enabled true → false',
        'aws_s3_bucket.data: Weakens force destroy (contents deleted with it): force_destroy false → true',
        'google_sql_database_instance.main: Weakens deletion protection: deletion_protection true → false',
        'google_sql_database_instance.main: Weakens point-in-time recovery: settings[0].backup_configuration[0].point_in_time_recovery_enabled true → false'
      ])
    )
  })

  test('unknown at plan time counts as not safe and says so', () => {
    expect(reasons).toContain(
      'aws_rds_cluster.unknown: deletion_protection becomes unknown until apply, which counts as not safe: deletion protection may be weakened'
    )
  })

  test('sensitive values are not shown', () => {
    expect(reasons).toContain(
      'aws_rds_cluster.secretive: Weakens deletion protection: deletion_protection an unsafe value (values are sensitive and not shown)'
    )
  })

  test('a sensitive mask nested 100,000 levels deep is read without overflowing (fuzz)', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}true${']'.repeat(100_000)}`) as unknown
    const cluster = change({
      type: 'aws_rds_cluster',
      action: 'update',
      actions: ['update'],
      before: { deletion_protection: true },
      after: { deletion_protection: false },
      beforeSensitive: { deletion_protection: deep },
      afterSensitive: {}
    })
    expect(evaluate(planOf([cluster])).map(formatMessage)).toEqual([
      'Weakens deletion protection: deletion_protection an unsafe value (values are sensitive and not shown)'
    ])
  })

  test('strengthening is silent', () => {
    expect(findings.some((f) => f.address === 'aws_rds_cluster.safe')).toBe(false)
  })

  test('every weakening needs approval', () => {
    expect(new Set(findings.map((f) => f.decision))).toEqual(new Set(['approval-required']))
  })

  test('durations count as numbers for no-decrease guards', () => {
    const key = change({
      type: 'aws_kms_key',
      action: 'update',
      actions: ['update'],
      before: { deletion_window_in_days: 30 },
      after: { deletion_window_in_days: 7 }
    })
    expect(evaluate(planOf([key])).map(formatMessage)).toEqual([
      'Weakens key deletion window: deletion_window_in_days 30 → 7'
    ])
  })
})
