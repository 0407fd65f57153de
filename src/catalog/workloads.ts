/**
 * Stateful workloads: Helm charts that run a database, queue, search engine or other store
 * inside the cluster. Deleting or replacing their `helm_release` deletes the workload, and with
 * most charts its persistent volume claims or the data on them.
 */
import type { ProviderCatalog } from './types.js'

/**
 * Chart names (as published, without repository or version) of well-known stateful charts.
 * Matched against the chart's last path segment with any `.tgz` and version suffix removed.
 */
export const STATEFUL_CHARTS: readonly string[] = [
  // relational
  'postgresql',
  'postgresql-ha',
  'postgres',
  'postgres-operator',
  'cloudnative-pg',
  'timescaledb-single',
  'timescaledb-multinode',
  'mysql',
  'mysql-innodbcluster',
  'mariadb',
  'mariadb-galera',
  'percona-xtradb-cluster',
  'pxc-db',
  'psmdb-db',
  'cockroachdb',
  'yugabyte',
  'tidb-cluster',
  'vitess',
  // document, key-value, wide-column
  'mongodb',
  'mongodb-sharded',
  'couchdb',
  'couchbase-operator',
  'redis',
  'redis-cluster',
  'redis-ha',
  'valkey',
  'valkey-cluster',
  'keydb',
  'dragonfly',
  'cassandra',
  'k8ssandra-cluster',
  'scylla',
  'aerospike',
  'etcd',
  'zookeeper',
  'consul',
  'vault',
  'neo4j',
  'arangodb',
  // analytics, time series, search, vectors
  'clickhouse',
  'druid',
  'pinot',
  'influxdb',
  'influxdb2',
  'victoria-metrics-single',
  'victoria-metrics-cluster',
  'prometheus',
  'kube-prometheus-stack',
  'loki',
  'mimir-distributed',
  'elasticsearch',
  'eck-elasticsearch',
  'opensearch',
  'solr',
  'meilisearch',
  'typesense',
  'milvus',
  'qdrant',
  'weaviate',
  // streams and queues
  'kafka',
  'strimzi-kafka-operator',
  'redpanda',
  'pulsar',
  'rabbitmq',
  'rabbitmq-cluster-operator',
  'nats',
  'activemq-artemis',
  // object and file storage, registries, source control
  'minio',
  'minio-operator',
  'seaweedfs',
  'rook-ceph-cluster',
  'longhorn',
  'harbor',
  'nexus-repository-manager',
  'gitea',
  'gitlab'
]

/** hashicorp/helm: a release of a known stateful chart holds data. */
export const helm: ProviderCatalog = {
  provider: 'helm',
  prefix: 'PG-HELM',
  types: [
    {
      id: 'PG-HELM-001',
      type: 'helm_release',
      category: 'stateful-workload',
      holdsDataWhen: [{ path: 'chart', test: { kind: 'chart', names: STATEFUL_CHARTS } }]
    }
  ]
}

/**
 * The bare name of a chart reference: `bitnami/postgresql`, `oci://registry-1.docker.io/
 * bitnamicharts/postgresql`, `https://charts.example.com/postgresql-15.5.0.tgz` and
 * `./charts/postgresql` all name `postgresql`.
 */
export function chartName(reference: string): string {
  const path = reference.trim().toLowerCase().split(/[?#]/)[0] ?? ''
  const last = path.replace(/\/+$/, '').split('/').at(-1) ?? ''
  return last
    .replace(/\.tgz$|\.tar\.gz$/, '')
    .replace(/[:@].*$/, '')
    .replace(/-v?\d+\.\d+\.\d+(?:[-+][0-9a-z.-]*)?$/, '')
}
