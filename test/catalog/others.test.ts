import { describe, expect, test } from '@jest/globals'
import { PROVIDERS } from '../../src/catalog/index.js'
import {
  cloudflare,
  github,
  kubernetes,
  mongodbatlas,
  postgresql,
  snowflake,
  vault
} from '../../src/catalog/others.js'
import { CATEGORIES } from '../../src/catalog/types.js'
import type { ProviderCatalog, ResourceTypeEntry } from '../../src/catalog/types.js'
import { parsePath } from '../../src/rules/values.js'

const OTHERS: readonly ProviderCatalog[] = [
  kubernetes,
  mongodbatlas,
  github,
  postgresql,
  vault,
  cloudflare,
  snowflake
]

/** The registry without these catalogs, so the checks still hold once they are wired in. */
const REST = PROVIDERS.filter((p) => !OTHERS.includes(p))

const pad = (n: number): string => String(n).padStart(3, '0')

/** Every type name and alias of the given catalogs. */
function names(catalogs: readonly ProviderCatalog[]): string[] {
  return catalogs.flatMap((c) => c.types.flatMap((e) => [e.type, ...(e.aliases ?? [])]))
}

/** Looks a name up the way the registry does: by type or alias. */
function lookup(name: string): { provider: string; entry: ResourceTypeEntry } | undefined {
  for (const catalog of OTHERS) {
    const entry = catalog.types.find((e) => e.type === name || e.aliases?.includes(name))
    if (entry !== undefined) return { provider: catalog.provider, entry }
  }
  return undefined
}

describe.each(OTHERS.map((c) => [c.provider, c] as const))('%s catalog', (_name, catalog) => {
  test('entry ids are sequential from 001', () => {
    expect(catalog.types.map((e) => e.id)).toEqual(
      catalog.types.map((_, i) => `${catalog.prefix}-${pad(i + 1)}`)
    )
  })

  test('guard ids are sequential from W001 across the provider', () => {
    const ids = catalog.types.flatMap((e) => (e.guards ?? []).map((g) => g.id))
    expect(ids).toEqual(ids.map((_, i) => `${catalog.prefix}-W${pad(i + 1)}`))
  })

  test('type names and aliases belong to the provider', () => {
    for (const name of names([catalog])) expect(name).toMatch(new RegExp(`^${catalog.provider}_`))
  })

  test('categories are known and guard paths parse', () => {
    for (const entry of catalog.types) {
      expect(Object.keys(CATEGORIES)).toContain(entry.category)
      for (const guard of entry.guards ?? []) expect(() => parsePath(guard.path)).not.toThrow()
    }
  })
})

describe('other providers together', () => {
  test('every type name and alias is unique, also against the registry', () => {
    const ours = names(OTHERS)
    expect(new Set(ours).size).toBe(ours.length)
    const registered = new Set(names(REST))
    expect(ours.filter((n) => registered.has(n))).toEqual([])
  })

  test('providers and prefixes are unique, also against the registry', () => {
    const all = [...REST, ...OTHERS]
    expect(new Set(all.map((c) => c.provider)).size).toBe(all.length)
    expect(new Set(all.map((c) => c.prefix)).size).toBe(all.length)
  })

  test('there are at least 45 entries', () => {
    expect(OTHERS.reduce((n, c) => n + c.types.length, 0)).toBeGreaterThanOrEqual(45)
  })
})

describe('spot checks', () => {
  test.each([
    ['kubernetes_namespace', 'kubernetes', 'kubernetes_namespace_v1', 'k8s-cluster'],
    [
      'kubernetes_persistent_volume_claim',
      'kubernetes',
      'kubernetes_persistent_volume_claim_v1',
      'block-volume'
    ],
    ['kubernetes_secret', 'kubernetes', 'kubernetes_secret_v1', 'secret'],
    ['cloudflare_record', 'cloudflare', 'cloudflare_dns_record', 'dns-zone'],
    ['github_repository', 'github', 'github_repository', 'code-repository'],
    ['github_repository_ruleset', 'github', 'github_repository_ruleset', 'protection-control'],
    ['cloudflare_r2_bucket_lock', 'cloudflare', 'cloudflare_r2_bucket_lock', 'protection-control']
  ])('%s resolves to %s %s (%s)', (name, provider, type, category) => {
    const hit = lookup(name)
    expect(hit?.provider).toBe(provider)
    expect(hit?.entry.type).toBe(type)
    expect(hit?.entry.category).toBe(category)
  })

  test('kubernetes_manifest is not catalogued', () => {
    expect(lookup('kubernetes_manifest')).toBeUndefined()
  })

  test.each([
    ['github_repository', 'archive_on_destroy', 'deletion-protection', [true], undefined],
    [
      'mongodbatlas_advanced_cluster',
      'termination_protection_enabled',
      'deletion-protection',
      [true],
      undefined
    ],
    ['postgresql_schema', 'drop_cascade', 'force-destroy', [false], 'safe'],
    ['postgresql_role', 'skip_drop_role', 'deletion-protection', [true], undefined],
    ['vault_kv_secret_v2', 'delete_all_versions', 'force-destroy', [false], 'safe'],
    [
      'vault_transit_secret_backend_key',
      'deletion_allowed',
      'deletion-protection',
      [false],
      'safe'
    ],
    ['kubernetes_storage_class_v1', 'reclaim_policy', 'deletion-protection', ['Retain'], undefined],
    [
      'kubernetes_stateful_set_v1',
      'spec[0].persistent_volume_claim_retention_policy[0].when_deleted',
      'deletion-protection',
      ['Retain'],
      'safe'
    ]
  ])('%s guards %s', (type, path, family, safe, absent) => {
    const guard = lookup(type)?.entry.guards?.find((g) => g.path === path)
    expect(guard?.family).toBe(family)
    expect(guard?.test).toEqual({ kind: 'equals', safe })
    expect(guard?.absent).toBe(absent)
  })

  test.each([
    ['cloudflare_queue', 'settings.message_retention_period', { kind: 'no-decrease' }],
    ['snowflake_account', 'grace_period_in_days', { kind: 'no-decrease' }],
    ['snowflake_database', 'data_retention_time_in_days', { kind: 'min', min: 1 }]
  ])('%s tests %s', (type, path, expected) => {
    expect(lookup(type)?.entry.guards?.find((g) => g.path === path)?.test).toEqual(expected)
  })
})
