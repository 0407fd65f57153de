import type { GuardTest, ProviderCatalog } from './types.js'

const on: GuardTest = { kind: 'equals', safe: [true] }
const off: GuardTest = { kind: 'equals', safe: [false] }
const retain: GuardTest = { kind: 'equals', safe: ['Retain'] }
const noDecrease: GuardTest = { kind: 'no-decrease' }

/** Kubernetes (hashicorp/kubernetes) resource types that hold data, and their reclaim policies. */
export const kubernetes: ProviderCatalog = {
  provider: 'kubernetes',
  prefix: 'PG-K8S',
  types: [
    {
      id: 'PG-K8S-001',
      type: 'kubernetes_namespace_v1',
      aliases: ['kubernetes_namespace'],
      category: 'k8s-cluster'
    },
    {
      id: 'PG-K8S-002',
      type: 'kubernetes_persistent_volume_claim_v1',
      aliases: ['kubernetes_persistent_volume_claim'],
      category: 'block-volume'
    },
    {
      id: 'PG-K8S-003',
      type: 'kubernetes_persistent_volume_v1',
      aliases: ['kubernetes_persistent_volume'],
      category: 'block-volume',
      guards: [
        // the provider documents Retain as the default
        {
          id: 'PG-K8S-W001',
          path: 'spec[0].persistent_volume_reclaim_policy',
          family: 'deletion-protection',
          test: retain,
          absent: 'safe'
        }
      ],
      survives: [
        {
          copy: 'the backing volume (reclaim policy Retain)',
          when: [
            {
              path: 'spec[0].persistent_volume_reclaim_policy',
              test: { kind: 'equals', safe: ['Retain'] },
              absent: 'safe'
            }
          ]
        }
      ]
    },
    {
      id: 'PG-K8S-004',
      type: 'kubernetes_storage_class_v1',
      aliases: ['kubernetes_storage_class'],
      category: 'block-volume',
      guards: [
        {
          id: 'PG-K8S-W002',
          path: 'reclaim_policy',
          family: 'deletion-protection',
          test: retain
        }
      ]
    },
    {
      id: 'PG-K8S-005',
      type: 'kubernetes_stateful_set_v1',
      aliases: ['kubernetes_stateful_set'],
      category: 'block-volume',
      // without volume claim templates its pods keep nothing of their own
      holdsDataWhen: [{ path: 'spec[0].volume_claim_template', test: { kind: 'non-empty' } }],
      guards: [
        {
          id: 'PG-K8S-W003',
          path: 'spec[0].persistent_volume_claim_retention_policy[0].when_deleted',
          family: 'deletion-protection',
          test: retain,
          absent: 'safe'
        },
        {
          id: 'PG-K8S-W004',
          path: 'spec[0].persistent_volume_claim_retention_policy[0].when_scaled',
          family: 'deletion-protection',
          test: retain,
          absent: 'safe'
        }
      ],
      survives: [
        {
          copy: 'the persistent volume claims (retention policy Retain on delete)',
          when: [
            {
              path: 'spec[0].persistent_volume_claim_retention_policy[0].when_deleted',
              test: { kind: 'equals', safe: ['Retain'] },
              absent: 'safe'
            }
          ]
        }
      ]
    },
    {
      id: 'PG-K8S-006',
      type: 'kubernetes_secret_v1',
      aliases: ['kubernetes_secret'],
      category: 'secret'
    },
    {
      id: 'PG-K8S-007',
      type: 'kubernetes_config_map_v1',
      aliases: ['kubernetes_config_map'],
      category: 'secret'
    }
  ]
}

/** MongoDB Atlas (mongodb/mongodbatlas) resource types that hold data, and their guards. */
export const mongodbatlas: ProviderCatalog = {
  provider: 'mongodbatlas',
  prefix: 'PG-MDB',
  types: [
    {
      id: 'PG-MDB-001',
      type: 'mongodbatlas_advanced_cluster',
      category: 'database-cluster',
      guards: [
        {
          id: 'PG-MDB-W001',
          path: 'termination_protection_enabled',
          family: 'deletion-protection',
          test: on
        },
        { id: 'PG-MDB-W002', path: 'backup_enabled', family: 'backup-retention', test: on },
        { id: 'PG-MDB-W003', path: 'pit_enabled', family: 'point-in-time-recovery', test: on },
        { id: 'PG-MDB-W004', path: 'retain_backups_enabled', family: 'retain-backups', test: on }
      ],
      survives: [
        {
          copy: 'backup snapshots kept after delete',
          when: [
            { path: 'retain_backups_enabled', test: { kind: 'equals', safe: [true] } },
            { path: 'backup_enabled', test: { kind: 'equals', safe: [true] } }
          ]
        }
      ]
    },
    {
      id: 'PG-MDB-002',
      type: 'mongodbatlas_cluster',
      category: 'database-cluster',
      guards: [
        {
          id: 'PG-MDB-W005',
          path: 'termination_protection_enabled',
          family: 'deletion-protection',
          test: on
        },
        // this older resource turns cloud backup on with `cloud_backup`, not `backup_enabled`
        { id: 'PG-MDB-W006', path: 'cloud_backup', family: 'backup-retention', test: on },
        { id: 'PG-MDB-W007', path: 'pit_enabled', family: 'point-in-time-recovery', test: on },
        { id: 'PG-MDB-W008', path: 'retain_backups_enabled', family: 'retain-backups', test: on }
      ],
      survives: [
        {
          copy: 'backup snapshots kept after delete',
          when: [
            { path: 'retain_backups_enabled', test: { kind: 'equals', safe: [true] } },
            { path: 'cloud_backup', test: { kind: 'equals', safe: [true] } }
          ]
        }
      ]
    },
    {
      id: 'PG-MDB-003',
      type: 'mongodbatlas_flex_cluster',
      category: 'database',
      guards: [
        {
          id: 'PG-MDB-W009',
          path: 'termination_protection_enabled',
          family: 'deletion-protection',
          test: on
        }
      ]
    },
    {
      id: 'PG-MDB-004',
      type: 'mongodbatlas_serverless_instance',
      category: 'database',
      guards: [
        {
          id: 'PG-MDB-W010',
          path: 'termination_protection_enabled',
          family: 'deletion-protection',
          test: on
        }
      ]
    },
    {
      id: 'PG-MDB-005',
      type: 'mongodbatlas_cloud_backup_schedule',
      category: 'backup-vault',
      guards: [
        // true: destroy only removes the schedule from state
        { id: 'PG-MDB-W011', path: 'skip_destroy', family: 'deletion-protection', test: on }
      ]
    },
    {
      id: 'PG-MDB-006',
      type: 'mongodbatlas_cloud_backup_snapshot',
      category: 'snapshot-backup'
    },
    {
      id: 'PG-MDB-007',
      type: 'mongodbatlas_backup_compliance_policy',
      category: 'backup-vault',
      guards: [
        { id: 'PG-MDB-W012', path: 'pit_enabled', family: 'point-in-time-recovery', test: on },
        // keeps snapshot copies when a copy region is removed
        {
          id: 'PG-MDB-W013',
          path: 'copy_protection_enabled',
          family: 'retain-backups',
          test: on
        }
      ]
    },
    {
      id: 'PG-MDB-008',
      type: 'mongodbatlas_project',
      category: 'account-org'
    },
    {
      id: 'PG-MDB-009',
      type: 'mongodbatlas_search_index',
      category: 'search'
    },
    {
      id: 'PG-MDB-010',
      type: 'mongodbatlas_online_archive',
      category: 'database'
    },
    {
      id: 'PG-MDB-011',
      type: 'mongodbatlas_stream_instance',
      category: 'stream-queue'
    }
  ]
}

/** GitHub (integrations/github) repositories and the controls that protect their branches. */
export const github: ProviderCatalog = {
  provider: 'github',
  prefix: 'PG-GH',
  types: [
    {
      id: 'PG-GH-001',
      type: 'github_repository',
      category: 'code-repository',
      guards: [
        { id: 'PG-GH-W001', path: 'archive_on_destroy', family: 'deletion-protection', test: on }
      ],
      survives: [
        {
          copy: 'the repository, archived instead of deleted',
          when: [{ path: 'archive_on_destroy', test: { kind: 'equals', safe: [true] } }]
        }
      ]
    },
    {
      id: 'PG-GH-002',
      type: 'github_repository_file',
      category: 'code-repository'
    },
    {
      id: 'PG-GH-003',
      type: 'github_branch_protection',
      category: 'protection-control'
    },
    {
      id: 'PG-GH-004',
      type: 'github_branch_protection_v3',
      category: 'protection-control'
    },
    {
      id: 'PG-GH-005',
      type: 'github_repository_ruleset',
      category: 'protection-control'
    },
    {
      id: 'PG-GH-006',
      type: 'github_organization_ruleset',
      category: 'protection-control'
    }
  ]
}

/** PostgreSQL (cyrilgdn/postgresql) objects whose destroy drops data, and their cascade flags. */
export const postgresql: ProviderCatalog = {
  provider: 'postgresql',
  prefix: 'PG-PSQL',
  types: [
    {
      id: 'PG-PSQL-001',
      type: 'postgresql_database',
      category: 'database'
    },
    {
      id: 'PG-PSQL-002',
      type: 'postgresql_schema',
      category: 'database',
      guards: [
        {
          id: 'PG-PSQL-W001',
          path: 'drop_cascade',
          family: 'force-destroy',
          test: off,
          absent: 'safe'
        }
      ],
      survives: [
        {
          copy: 'the objects in it (a non-empty schema cannot be dropped without drop_cascade)',
          when: [{ path: 'drop_cascade', test: { kind: 'equals', safe: [false] }, absent: 'safe' }]
        }
      ]
    },
    {
      id: 'PG-PSQL-003',
      type: 'postgresql_extension',
      category: 'database',
      guards: [
        {
          id: 'PG-PSQL-W002',
          path: 'drop_cascade',
          family: 'force-destroy',
          test: off,
          absent: 'safe'
        }
      ]
    },
    {
      id: 'PG-PSQL-004',
      type: 'postgresql_server',
      category: 'database',
      guards: [
        {
          id: 'PG-PSQL-W003',
          path: 'drop_cascade',
          family: 'force-destroy',
          test: off,
          absent: 'safe'
        }
      ]
    },
    {
      id: 'PG-PSQL-005',
      type: 'postgresql_function',
      category: 'database',
      guards: [
        {
          id: 'PG-PSQL-W004',
          path: 'drop_cascade',
          family: 'force-destroy',
          test: off,
          absent: 'safe'
        }
      ]
    },
    {
      id: 'PG-PSQL-006',
      type: 'postgresql_role',
      category: 'identity-store',
      guards: [
        // true: destroy cleans up ownership but leaves the role in place
        { id: 'PG-PSQL-W005', path: 'skip_drop_role', family: 'deletion-protection', test: on }
      ]
    }
  ]
}

/** Vault (hashicorp/vault) secret stores and keys, and their destroy flags. */
export const vault: ProviderCatalog = {
  provider: 'vault',
  prefix: 'PG-VLT',
  types: [
    {
      id: 'PG-VLT-001',
      type: 'vault_mount',
      category: 'secret'
    },
    {
      id: 'PG-VLT-002',
      type: 'vault_kv_secret_v2',
      category: 'secret',
      guards: [
        {
          id: 'PG-VLT-W001',
          path: 'delete_all_versions',
          family: 'force-destroy',
          test: off,
          absent: 'safe'
        }
      ],
      survives: [
        {
          copy: 'the versions (only the latest is soft-deleted, and it can be undeleted)',
          when: [
            { path: 'delete_all_versions', test: { kind: 'equals', safe: [false] }, absent: 'safe' }
          ]
        }
      ]
    },
    {
      id: 'PG-VLT-003',
      type: 'vault_generic_secret',
      category: 'secret',
      guards: [
        {
          id: 'PG-VLT-W002',
          path: 'delete_all_versions',
          family: 'force-destroy',
          test: off,
          absent: 'safe'
        }
      ]
    },
    {
      id: 'PG-VLT-004',
      type: 'vault_kv_secret_backend_v2',
      category: 'secret'
    },
    {
      id: 'PG-VLT-005',
      type: 'vault_transit_secret_backend_key',
      category: 'encryption-key',
      guards: [
        // the key cannot be destroyed until this is true
        {
          id: 'PG-VLT-W003',
          path: 'deletion_allowed',
          family: 'deletion-protection',
          test: off,
          absent: 'safe'
        }
      ]
    },
    {
      id: 'PG-VLT-006',
      type: 'vault_kv_secret',
      category: 'secret'
    }
  ]
}

/** Cloudflare (cloudflare/cloudflare) zones, storage and queues, and their retention. */
export const cloudflare: ProviderCatalog = {
  provider: 'cloudflare',
  prefix: 'PG-CF',
  types: [
    {
      id: 'PG-CF-001',
      type: 'cloudflare_zone',
      category: 'dns-zone'
    },
    {
      id: 'PG-CF-002',
      type: 'cloudflare_dns_record',
      aliases: ['cloudflare_record'],
      category: 'dns-zone'
    },
    {
      id: 'PG-CF-003',
      type: 'cloudflare_r2_bucket',
      category: 'object-storage'
    },
    {
      id: 'PG-CF-004',
      type: 'cloudflare_r2_bucket_lock',
      category: 'protection-control'
    },
    {
      id: 'PG-CF-005',
      type: 'cloudflare_r2_bucket_lifecycle',
      category: 'protection-control'
    },
    {
      id: 'PG-CF-006',
      type: 'cloudflare_d1_database',
      category: 'database'
    },
    {
      id: 'PG-CF-007',
      type: 'cloudflare_workers_kv_namespace',
      category: 'database'
    },
    {
      id: 'PG-CF-008',
      type: 'cloudflare_queue',
      category: 'stream-queue',
      guards: [
        {
          id: 'PG-CF-W001',
          path: 'settings.message_retention_period',
          family: 'backup-retention',
          test: noDecrease
        }
      ]
    }
  ]
}

/** Snowflake (Snowflake-Labs/snowflake) databases and accounts, and their Time Travel windows. */
export const snowflake: ProviderCatalog = {
  provider: 'snowflake',
  prefix: 'PG-SF',
  types: [
    {
      id: 'PG-SF-001',
      type: 'snowflake_database',
      category: 'data-warehouse',
      guards: [
        {
          id: 'PG-SF-W001',
          path: 'data_retention_time_in_days',
          family: 'backup-retention',
          test: { kind: 'min', min: 1 }
        }
      ],
      survives: [
        {
          copy: 'the database, restorable with UNDROP during its Time Travel period',
          when: [{ path: 'data_retention_time_in_days', test: { kind: 'min', min: 1 } }]
        }
      ]
    },
    {
      id: 'PG-SF-002',
      type: 'snowflake_schema',
      category: 'data-warehouse',
      guards: [
        {
          id: 'PG-SF-W002',
          path: 'data_retention_time_in_days',
          family: 'backup-retention',
          test: { kind: 'min', min: 1 }
        }
      ],
      survives: [
        {
          copy: 'the schema, restorable with UNDROP during its Time Travel period',
          when: [{ path: 'data_retention_time_in_days', test: { kind: 'min', min: 1 } }]
        }
      ]
    },
    {
      id: 'PG-SF-003',
      type: 'snowflake_table',
      category: 'data-warehouse',
      guards: [
        // -1 (inherit from the schema) counts as unsafe, so a change to -1 asks for approval
        {
          id: 'PG-SF-W003',
          path: 'data_retention_time_in_days',
          family: 'backup-retention',
          test: { kind: 'min', min: 1 }
        }
      ]
    },
    {
      id: 'PG-SF-004',
      type: 'snowflake_account',
      category: 'account-org',
      guards: [
        {
          id: 'PG-SF-W004',
          path: 'grace_period_in_days',
          family: 'soft-delete',
          test: noDecrease
        }
      ],
      survives: [
        {
          copy: 'the account, restorable during its grace period',
          when: [{ path: 'grace_period_in_days', test: { kind: 'min', min: 3 }, absent: 'safe' }]
        }
      ]
    }
  ]
}
