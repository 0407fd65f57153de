/** What survives a delete: the `survives` lists of the catalog stay well formed and deliberate. */
import { describe, expect, test } from '@jest/globals'
import { allEntries, lookupType } from '../../src/catalog/index.js'
import type { Category, ResourceTypeEntry, Survival } from '../../src/catalog/types.js'
import { parsePath } from '../../src/rules/values.js'

const withSurvives = allEntries().filter(
  (hit): hit is { provider: string; entry: ResourceTypeEntry & { survives: Survival[] } } =>
    hit.entry.survives !== undefined
)

const conditions = withSurvives.flatMap(({ entry }) =>
  entry.survives.flatMap((alt) => alt.when.map((cond) => ({ entry, alt, cond })))
)

/** Categories whose delete loses nothing by itself, or that hold no data of their own. */
const NO_SURVIVES: readonly Category[] = ['db-member', 'protection-control', 'compute-protect']

describe('survives lists', () => {
  test('there are some, in every big provider', () => {
    const providers = new Set(withSurvives.map((hit) => hit.provider))
    for (const provider of ['aws', 'google', 'azurerm']) expect(providers).toContain(provider)
    expect(withSurvives.length).toBeGreaterThanOrEqual(50)
  })

  test('every condition path parses', () => {
    for (const { cond } of conditions) expect(() => parsePath(cond.path)).not.toThrow()
  })

  test('every condition test is well formed and reads `before` alone', () => {
    // `no-decrease` compares before with after, which a delete does not have
    const beforeAfter = conditions.filter(({ cond }) => cond.test.kind === 'no-decrease')
    expect(beforeAfter.map(({ entry, cond }) => `${entry.type} ${cond.path}`)).toEqual([])
    for (const { cond } of conditions) {
      if (cond.test.kind === 'equals') expect(cond.test.safe.length).toBeGreaterThan(0)
      if (cond.test.kind === 'min') expect(Number.isFinite(cond.test.min)).toBe(true)
      expect([undefined, 'safe', 'unsafe']).toContain(cond.absent)
    }
  })

  test('every alternative names a short copy and at least one condition', () => {
    // an empty list would block every delete of the type
    const empty = withSurvives.filter(({ entry }) => entry.survives.length === 0)
    expect(empty.map(({ entry }) => entry.type)).toEqual([])
    for (const { entry } of withSurvives) {
      for (const alt of entry.survives) {
        expect(alt.copy.trim().length).toBeGreaterThan(0)
        expect(alt.copy.length).toBeLessThan(120)
        expect(alt.copy).toBe(alt.copy.trim())
        expect(alt.copy).not.toMatch(/\.$/)
        expect(alt.when.length).toBeGreaterThan(0)
      }
    }
  })

  test('the copies of one type differ', () => {
    for (const { entry } of withSurvives) {
      const copies = entry.survives.map((alt) => alt.copy)
      expect(new Set(copies).size).toBe(copies.length)
    }
  })

  test('members, protection controls and protected compute have none', () => {
    const wrong = withSurvives.filter(({ entry }) => NO_SURVIVES.includes(entry.category))
    expect(wrong.map(({ entry }) => entry.type)).toEqual([])
  })

  test('snapshot and backup types have none (unknown: approval, not a block)', () => {
    const wrong = withSurvives.filter(({ entry }) => entry.category === 'snapshot-backup')
    expect(wrong.map(({ entry }) => entry.type)).toEqual([])
  })

  test('a condition on a guarded path reads an absent value the way the guard does', () => {
    const differ = conditions.filter(({ entry, cond }) => {
      const guard = entry.guards?.find(
        (g) => g.path === cond.path && JSON.stringify(g.test) === JSON.stringify(cond.test)
      )
      return guard !== undefined && (guard.absent ?? 'unsafe') !== (cond.absent ?? 'unsafe')
    })
    expect(differ.map(({ entry, cond }) => `${entry.type} ${cond.path}`)).toEqual([])
  })
})

describe('spot checks', () => {
  const survivesOf = (type: string): readonly Survival[] | undefined =>
    lookupType(type)?.entry.survives

  test.each([
    ['aws_db_instance', 3, 'retained automated backups'],
    ['aws_rds_cluster', 2, 'a final snapshot'],
    ['aws_docdb_cluster', 1, 'a final snapshot'],
    ['aws_memorydb_cluster', 1, 'a final snapshot'],
    ['aws_fsx_lustre_file_system', 1, 'a final backup'],
    ['aws_ebs_volume', 1, 'a final snapshot'],
    [
      'aws_s3_bucket',
      1,
      'the objects (a bucket that is not empty cannot be deleted without force_destroy)'
    ],
    ['aws_kms_key', 1, 'the key, recoverable during its deletion window'],
    ['aws_secretsmanager_secret', 1, 'the secret, recoverable during its recovery window'],
    [
      'aws_cloudwatch_log_group',
      1,
      'the log group and its events (skip_destroy only removes it from state)'
    ],
    ['google_sql_database_instance', 3, 'backups kept after delete'],
    ['google_storage_bucket', 3, 'soft-deleted objects'],
    ['google_compute_disk', 2, 'a snapshot taken before destroy'],
    [
      'google_secret_manager_secret',
      1,
      'the resource, left in place (deletion_policy ABANDON only removes it from state)'
    ],
    ['azurerm_key_vault', 1, 'the vault, soft-deleted; purge protection keeps it recoverable'],
    ['mongodbatlas_advanced_cluster', 1, 'backup snapshots kept after delete'],
    ['github_repository', 1, 'the repository, archived instead of deleted'],
    [
      'vault_kv_secret_v2',
      1,
      'the versions (only the latest is soft-deleted, and it can be undeleted)'
    ],
    [
      'kubernetes_stateful_set',
      1,
      'the persistent volume claims (retention policy Retain on delete)'
    ]
  ] as const)('%s: %i alternative(s), incl. "%s"', (type, count, copy) => {
    const survives = survivesOf(type)
    expect(survives?.length).toBe(count)
    expect(survives?.map((alt) => alt.copy)).toContain(copy)
  })

  test('a final snapshot needs the flag and a name; retained backups need a retention period', () => {
    const [snapshot, backups] = survivesOf('aws_db_instance') ?? []
    expect(snapshot?.when).toEqual([
      { path: 'skip_final_snapshot', test: { kind: 'equals', safe: [false] }, absent: 'safe' },
      { path: 'final_snapshot_identifier', test: { kind: 'non-empty' } }
    ])
    expect(backups?.when).toEqual([
      { path: 'delete_automated_backups', test: { kind: 'equals', safe: [false] } },
      { path: 'backup_retention_period', test: { kind: 'min', min: 1 } }
    ])
  })

  test('FSx for Lustre defaults to skipping the final backup, so absent does not count', () => {
    const [backup] = survivesOf('aws_fsx_lustre_file_system') ?? []
    expect(backup?.when).toEqual([
      { path: 'skip_final_backup', test: { kind: 'equals', safe: [false] } }
    ])
  })

  test('Secrets Manager: 0 deletes at once, an unset window is the 30-day default', () => {
    const [window] = survivesOf('aws_secretsmanager_secret') ?? []
    expect(window?.when).toEqual([
      { path: 'recovery_window_in_days', test: { kind: 'min', min: 7 }, absent: 'safe' }
    ])
  })

  test.each([
    'aws_db_snapshot',
    'aws_ebs_snapshot',
    'aws_fsx_backup',
    'google_compute_snapshot',
    'azurerm_snapshot',
    'aws_rds_cluster_instance',
    'aws_s3_bucket_versioning',
    'aws_instance',
    'aws_elasticache_cluster',
    'aws_dynamodb_table',
    'azurerm_storage_account',
    'postgresql_database'
  ])('%s is left unknown', (type) => {
    expect(lookupType(type)).toBeDefined()
    expect(survivesOf(type)).toBeUndefined()
  })
})
