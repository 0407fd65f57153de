/**
 * Stateful workloads: Helm releases of stateful charts, stateful sets with volume claim
 * templates, persistent volumes whose reclaim policy is Delete.
 */
import { describe, expect, test } from '@jest/globals'
import { lookupType } from '../../src/catalog/index.js'
import { chartName, STATEFUL_CHARTS } from '../../src/catalog/workloads.js'
import { readPlan } from '../../src/plan/read.js'
import { evaluate } from '../../src/rules/evaluate.js'

function showJson(changes: Record<string, unknown>[]): Buffer {
  return Buffer.from(
    JSON.stringify({
      format_version: '1.2',
      terraform_version: '1.11.4',
      resource_changes: [
        {
          address: 'kubernetes_namespace_v1.keep',
          mode: 'managed',
          type: 'kubernetes_namespace_v1',
          name: 'keep',
          provider_name: 'registry.terraform.io/hashicorp/kubernetes',
          change: { actions: ['no-op'], before: {}, after: {} }
        },
        ...changes
      ]
    })
  )
}

function release(chart: string, actions: string[], repository?: string): Record<string, unknown> {
  const before = {
    name: 'orders-db',
    namespace: 'data',
    chart,
    repository: repository ?? null,
    version: '15.5.0',
    atomic: false,
    metadata: [{ chart, name: 'orders-db', namespace: 'data', revision: 3 }]
  }
  return {
    address: 'helm_release.db',
    mode: 'managed',
    type: 'helm_release',
    name: 'db',
    provider_name: 'registry.terraform.io/hashicorp/helm',
    change: {
      actions,
      before,
      after: actions.includes('create') ? { ...before, version: '16.0.0' } : null,
      after_unknown: {}
    },
    ...(actions.length === 2 ? { action_reason: 'replace_because_cannot_update' } : {})
  }
}

const findings = (changes: Record<string, unknown>[]): string[] =>
  evaluate(readPlan(showJson(changes))).map((f) => `${f.address} ${f.ruleId} ${f.decision}`)

describe('helm_release of a stateful chart', () => {
  test.each([
    ['postgresql', 'oci://registry-1.docker.io/bitnamicharts'],
    ['bitnami/mysql', undefined],
    ['https://charts.bitnami.com/bitnami/redis-18.1.0.tgz', undefined],
    ['oci://registry-1.docker.io/bitnamicharts/kafka', undefined],
    ['mongodb', 'https://charts.bitnami.com/bitnami'],
    ['elasticsearch', 'https://helm.elastic.co']
  ])('deleting %s needs approval as a stateful workload', (chart, repository) => {
    expect(findings([release(chart, ['delete'], repository)])).toEqual([
      'helm_release.db PG-HELM-001 approval-required'
    ])
    const [finding] = evaluate(readPlan(showJson([release(chart, ['delete'], repository)])))
    expect(finding?.category).toBe('stateful-workload')
  })

  test('a replace of a stateful release needs approval too', () => {
    expect(findings([release('postgresql-ha', ['delete', 'create'])])).toEqual([
      'helm_release.db PG-HELM-001 approval-required'
    ])
  })

  test('a release of a stateless chart is only a warning', () => {
    expect(findings([release('ingress-nginx', ['delete'])])).toEqual([
      'helm_release.db PG-HELM-001 warn'
    ])
  })

  test('read from the stream (no chart to read), every release delete counts as stateful', () => {
    const stream = [
      {
        '@level': 'info',
        '@message': 'Terraform 1.11.4',
        type: 'version',
        terraform: '1.11.4',
        ui: '1.2'
      },
      {
        '@level': 'info',
        '@message': 'helm_release.db: Plan to delete',
        type: 'planned_change',
        change: {
          resource: {
            addr: 'helm_release.db',
            module: '',
            resource: 'helm_release.db',
            resource_type: 'helm_release',
            resource_name: 'db',
            resource_key: null,
            implied_provider: 'helm'
          },
          action: 'delete'
        }
      },
      {
        '@level': 'info',
        '@message': 'Plan: 0 to add, 0 to change, 1 to destroy.',
        type: 'change_summary',
        changes: { add: 0, change: 0, import: 0, remove: 1, operation: 'plan' }
      }
    ]
      .map((m) => JSON.stringify(m))
      .join('\n')
    const ids = evaluate(readPlan(Buffer.from(stream))).map((f) => `${f.ruleId} ${f.decision}`)
    expect(ids).toContain('PG-HELM-001 approval-required')
  })

  test('chart references name their chart whatever the repository, URL or version', () => {
    expect(chartName('postgresql')).toBe('postgresql')
    expect(chartName('bitnami/PostgreSQL')).toBe('postgresql')
    expect(chartName('oci://registry-1.docker.io/bitnamicharts/postgresql')).toBe('postgresql')
    expect(chartName('https://example.com/charts/postgresql-15.5.0.tgz')).toBe('postgresql')
    expect(chartName('https://example.com/charts/postgresql-15.5.0.tgz?token=x#y')).toBe(
      'postgresql'
    )
    expect(chartName('./charts/redis/')).toBe('redis')
    expect(chartName('oci://ghcr.io/acme/kafka:1.2.3')).toBe('kafka')
    expect(chartName('postgresql-ha')).toBe('postgresql-ha')
  })

  test('an attacker cannot hide a stateful chart behind case, a version or a URL', () => {
    for (const chart of ['PostgreSQL', 'postgresql-12.1.2', 'HTTPS://X/Y/postgresql-1.0.0.TGZ']) {
      expect(findings([release(chart, ['delete'])])).toEqual([
        'helm_release.db PG-HELM-001 approval-required'
      ])
    }
  })

  test('the chart list covers what the issue names', () => {
    for (const name of [
      'postgresql',
      'mysql',
      'mariadb',
      'mongodb',
      'redis',
      'kafka',
      'elasticsearch',
      'opensearch',
      'cassandra',
      'rabbitmq',
      'minio',
      'etcd',
      'zookeeper',
      'clickhouse',
      'cockroachdb'
    ]) {
      expect(STATEFUL_CHARTS).toContain(name)
    }
    expect(new Set(STATEFUL_CHARTS).size).toBe(STATEFUL_CHARTS.length)
    expect(lookupType('helm_release')?.entry.id).toBe('PG-HELM-001')
  })
})

describe('Kubernetes stateful sets and persistent volumes', () => {
  const statefulSet = (templates: unknown[], actions = ['delete']): Record<string, unknown> => ({
    address: 'kubernetes_stateful_set_v1.db',
    mode: 'managed',
    type: 'kubernetes_stateful_set_v1',
    name: 'db',
    provider_name: 'registry.terraform.io/hashicorp/kubernetes',
    change: {
      actions,
      before: {
        metadata: [{ name: 'db', namespace: 'data' }],
        spec: [
          {
            replicas: '3',
            service_name: 'db',
            persistent_volume_claim_retention_policy: [],
            volume_claim_template: templates
          }
        ]
      },
      after: null
    }
  })
  const template = {
    metadata: [{ name: 'data' }],
    spec: [{ access_modes: ['ReadWriteOnce'], resources: [{ requests: { storage: '20Gi' } }] }]
  }

  test('with volume claim templates, its delete is a data-store delete', () => {
    expect(findings([statefulSet([template])])).toEqual([
      'kubernetes_stateful_set_v1.db PG-K8S-005 approval-required'
    ])
  })

  test('without volume claim templates, only a warning', () => {
    expect(findings([statefulSet([])])).toEqual(['kubernetes_stateful_set_v1.db PG-K8S-005 warn'])
  })

  test('the old type name behaves the same', () => {
    const old = { ...statefulSet([template]), type: 'kubernetes_stateful_set' }
    expect(findings([{ ...old, address: 'kubernetes_stateful_set.db' }])).toEqual([
      'kubernetes_stateful_set.db PG-K8S-005 approval-required'
    ])
  })

  const volume = (policy: string): Record<string, unknown> => ({
    address: 'kubernetes_persistent_volume_v1.data',
    mode: 'managed',
    type: 'kubernetes_persistent_volume_v1',
    name: 'data',
    provider_name: 'registry.terraform.io/hashicorp/kubernetes',
    change: {
      actions: ['delete'],
      before: {
        metadata: [{ name: 'data' }],
        spec: [{ capacity: { storage: '20Gi' }, persistent_volume_reclaim_policy: policy }]
      },
      after: null
    }
  })

  test('a persistent volume with reclaim policy Delete: blocked, no copy survives', () => {
    expect(findings([volume('Delete')])).toEqual([
      'kubernetes_persistent_volume_v1.data PG-0013 blocked'
    ])
  })

  test('with Retain the backing volume survives: approval', () => {
    expect(findings([volume('Retain')])).toEqual([
      'kubernetes_persistent_volume_v1.data PG-K8S-003 approval-required'
    ])
  })
})
