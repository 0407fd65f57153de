import type { GuardTest, ProviderCatalog, Survival } from './types.js'

const on: GuardTest = { kind: 'equals', safe: [true] }
const off: GuardTest = { kind: 'equals', safe: [false] }
// Some no-decrease paths hold duration strings ("2592000s", "7d"), not numbers.
const noDecrease: GuardTest = { kind: 'no-decrease' }
// `deletion_policy`: PREVENT fails the destroy at apply, ABANDON only drops it from state.
const kept: GuardTest = { kind: 'equals', safe: ['PREVENT', 'ABANDON'] }
// Resources whose own `deletion_policy` has DEFAULT/FORCE values: only FORCE is unsafe.
const notForce: GuardTest = { kind: 'equals', safe: ['DEFAULT', 'PREVENT', 'ABANDON'] }
// `deletion_policy = "ABANDON"` leaves the cloud object in place on destroy.
const abandoned: Survival = {
  copy: 'the resource, left in place (deletion_policy ABANDON only removes it from state)',
  when: [{ path: 'deletion_policy', test: { kind: 'equals', safe: ['ABANDON'] } }]
}

/** Google (hashicorp/google) resource types that hold data, and their protection attributes. */
export const google: ProviderCatalog = {
  provider: 'google',
  prefix: 'PG-GCP',
  types: [
    {
      id: 'PG-GCP-001',
      type: 'google_sql_database_instance',
      category: 'database',
      guards: [
        {
          id: 'PG-GCP-W001',
          path: 'deletion_protection',
          family: 'deletion-protection',
          test: on,
          absent: 'safe'
        },
        {
          id: 'PG-GCP-W002',
          path: 'settings[0].deletion_protection_enabled',
          family: 'deletion-protection',
          test: on
        },
        {
          id: 'PG-GCP-W003',
          path: 'settings[0].backup_configuration[0].enabled',
          family: 'backup-retention',
          test: on
        },
        {
          id: 'PG-GCP-W004',
          path: 'settings[0].backup_configuration[0].binary_log_enabled',
          family: 'point-in-time-recovery',
          test: on
        },
        {
          id: 'PG-GCP-W005',
          path: 'settings[0].backup_configuration[0].point_in_time_recovery_enabled',
          family: 'point-in-time-recovery',
          test: on
        },
        {
          id: 'PG-GCP-W006',
          path: 'settings[0].backup_configuration[0].transaction_log_retention_days',
          family: 'point-in-time-recovery',
          test: noDecrease
        },
        {
          id: 'PG-GCP-W007',
          path: 'settings[0].backup_configuration[0].backup_retention_settings[0].retained_backups',
          family: 'backup-retention',
          test: noDecrease
        },
        {
          id: 'PG-GCP-W008',
          path: 'settings[0].retain_backups_on_delete',
          family: 'retain-backups',
          test: on
        },
        {
          id: 'PG-GCP-W009',
          path: 'settings[0].final_backup_config[0].enabled',
          family: 'final-snapshot',
          test: on
        },
        {
          id: 'PG-GCP-W010',
          path: 'settings[0].final_backup_config[0].retention_days',
          family: 'final-snapshot',
          test: noDecrease
        },
        { id: 'PG-GCP-W011', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ],
      survives: [
        {
          copy: 'a final backup',
          when: [
            {
              path: 'settings[0].final_backup_config[0].enabled',
              test: { kind: 'equals', safe: [true] }
            }
          ]
        },
        {
          copy: 'backups kept after delete',
          when: [
            {
              path: 'settings[0].retain_backups_on_delete',
              test: { kind: 'equals', safe: [true] }
            },
            {
              path: 'settings[0].backup_configuration[0].enabled',
              test: { kind: 'equals', safe: [true] }
            }
          ]
        },
        abandoned
      ]
    },
    {
      id: 'PG-GCP-002',
      type: 'google_sql_database',
      category: 'database',
      guards: [
        { id: 'PG-GCP-W012', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ]
    },
    {
      id: 'PG-GCP-003',
      type: 'google_sql_user',
      category: 'identity-store',
      guards: [
        { id: 'PG-GCP-W013', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ]
    },
    {
      id: 'PG-GCP-004',
      type: 'google_alloydb_cluster',
      category: 'database-cluster',
      guards: [
        {
          id: 'PG-GCP-W014',
          path: 'deletion_protection',
          family: 'deletion-protection',
          test: on,
          absent: 'safe'
        },
        { id: 'PG-GCP-W015', path: 'deletion_policy', family: 'deletion-protection', test: kept },
        {
          id: 'PG-GCP-W016',
          path: 'continuous_backup_config[0].enabled',
          family: 'point-in-time-recovery',
          test: on,
          absent: 'safe'
        },
        {
          id: 'PG-GCP-W017',
          path: 'continuous_backup_config[0].recovery_window_days',
          family: 'point-in-time-recovery',
          test: noDecrease
        },
        {
          id: 'PG-GCP-W018',
          path: 'automated_backup_policy[0].enabled',
          family: 'backup-retention',
          test: on
        },
        {
          id: 'PG-GCP-W019',
          path: 'automated_backup_policy[0].time_based_retention[0].retention_period',
          family: 'backup-retention',
          test: noDecrease
        },
        {
          id: 'PG-GCP-W020',
          path: 'automated_backup_policy[0].quantity_based_retention[0].count',
          family: 'backup-retention',
          test: noDecrease
        }
      ]
    },
    {
      id: 'PG-GCP-005',
      type: 'google_alloydb_instance',
      category: 'db-member',
      guards: [
        { id: 'PG-GCP-W021', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ]
    },
    {
      id: 'PG-GCP-006',
      type: 'google_alloydb_backup',
      category: 'snapshot-backup',
      guards: [
        { id: 'PG-GCP-W022', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ]
    },
    {
      id: 'PG-GCP-007',
      type: 'google_spanner_instance',
      category: 'database',
      guards: [
        {
          id: 'PG-GCP-W023',
          path: 'force_destroy',
          family: 'force-destroy',
          test: off,
          absent: 'safe'
        },
        {
          id: 'PG-GCP-W024',
          path: 'default_backup_schedule_type',
          family: 'backup-retention',
          test: { kind: 'equals', safe: ['AUTOMATIC'] }
        },
        { id: 'PG-GCP-W025', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ]
    },
    {
      id: 'PG-GCP-008',
      type: 'google_spanner_database',
      category: 'database',
      guards: [
        {
          id: 'PG-GCP-W026',
          path: 'deletion_protection',
          family: 'deletion-protection',
          test: on,
          absent: 'safe'
        },
        {
          id: 'PG-GCP-W027',
          path: 'enable_drop_protection',
          family: 'deletion-protection',
          test: on
        },
        {
          id: 'PG-GCP-W028',
          path: 'version_retention_period',
          family: 'point-in-time-recovery',
          test: noDecrease
        },
        { id: 'PG-GCP-W029', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ]
    },
    {
      id: 'PG-GCP-009',
      type: 'google_spanner_backup_schedule',
      category: 'snapshot-backup',
      guards: [
        {
          id: 'PG-GCP-W030',
          path: 'retention_duration',
          family: 'backup-retention',
          test: noDecrease
        },
        { id: 'PG-GCP-W031', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ]
    },
    {
      id: 'PG-GCP-010',
      type: 'google_bigtable_instance',
      category: 'database',
      guards: [
        {
          id: 'PG-GCP-W032',
          path: 'deletion_protection',
          family: 'deletion-protection',
          test: on,
          absent: 'safe'
        },
        {
          id: 'PG-GCP-W033',
          path: 'force_destroy',
          family: 'force-destroy',
          test: off,
          absent: 'safe'
        },
        { id: 'PG-GCP-W034', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ]
    },
    {
      id: 'PG-GCP-011',
      type: 'google_bigtable_table',
      category: 'database',
      guards: [
        // An API-side string flag, unlike the Terraform-side booleans of the same name.
        {
          id: 'PG-GCP-W035',
          path: 'deletion_protection',
          family: 'deletion-protection',
          test: { kind: 'equals', safe: ['PROTECTED'] }
        },
        {
          id: 'PG-GCP-W036',
          path: 'automated_backup_policy[0].retention_period',
          family: 'backup-retention',
          test: noDecrease
        },
        { id: 'PG-GCP-W037', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ]
    },
    {
      id: 'PG-GCP-012',
      type: 'google_firestore_database',
      category: 'database',
      guards: [
        {
          id: 'PG-GCP-W038',
          path: 'deletion_policy',
          family: 'deletion-protection',
          test: kept,
          absent: 'safe'
        },
        {
          id: 'PG-GCP-W039',
          path: 'delete_protection_state',
          family: 'deletion-protection',
          test: { kind: 'equals', safe: ['DELETE_PROTECTION_ENABLED'] }
        },
        {
          id: 'PG-GCP-W040',
          path: 'point_in_time_recovery_enablement',
          family: 'point-in-time-recovery',
          test: { kind: 'equals', safe: ['POINT_IN_TIME_RECOVERY_ENABLED'] }
        }
      ],
      survives: [
        // ABANDON is the default for this resource
        {
          copy: 'the database (deletion_policy ABANDON only removes it from state)',
          when: [
            { path: 'deletion_policy', test: { kind: 'equals', safe: ['ABANDON'] }, absent: 'safe' }
          ]
        }
      ]
    },
    {
      id: 'PG-GCP-013',
      type: 'google_firestore_backup_schedule',
      category: 'snapshot-backup',
      guards: [
        { id: 'PG-GCP-W041', path: 'retention', family: 'backup-retention', test: noDecrease },
        { id: 'PG-GCP-W042', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ]
    },
    {
      id: 'PG-GCP-014',
      type: 'google_bigquery_dataset',
      category: 'data-warehouse',
      guards: [
        {
          id: 'PG-GCP-W043',
          path: 'delete_contents_on_destroy',
          family: 'force-destroy',
          test: off,
          absent: 'safe'
        },
        { id: 'PG-GCP-W044', path: 'deletion_policy', family: 'deletion-protection', test: kept },
        {
          id: 'PG-GCP-W157',
          path: 'default_table_expiration_ms',
          family: 'data-expiry',
          test: { kind: 'expiry', unit: 'ms' },
          absent: 'safe'
        },
        {
          id: 'PG-GCP-W158',
          path: 'default_partition_expiration_ms',
          family: 'data-expiry',
          test: { kind: 'expiry', unit: 'ms' },
          absent: 'safe'
        }
      ],
      survives: [
        {
          copy: 'the tables (a non-empty dataset is kept unless delete_contents_on_destroy is set)',
          when: [
            {
              path: 'delete_contents_on_destroy',
              test: { kind: 'equals', safe: [false] },
              absent: 'safe'
            }
          ]
        },
        abandoned
      ]
    },
    {
      id: 'PG-GCP-015',
      type: 'google_bigquery_table',
      category: 'data-warehouse',
      guards: [
        {
          id: 'PG-GCP-W045',
          path: 'deletion_protection',
          family: 'deletion-protection',
          test: on,
          absent: 'safe'
        },
        { id: 'PG-GCP-W046', path: 'deletion_policy', family: 'deletion-protection', test: kept },
        {
          id: 'PG-GCP-W159',
          path: 'expiration_time',
          family: 'data-expiry',
          test: { kind: 'expiry', unit: 'epoch-ms' },
          absent: 'safe'
        },
        {
          id: 'PG-GCP-W160',
          path: 'time_partitioning[0].expiration_ms',
          family: 'data-expiry',
          test: { kind: 'expiry', unit: 'ms' },
          absent: 'safe'
        }
      ]
    },
    {
      id: 'PG-GCP-016',
      type: 'google_redis_instance',
      category: 'cache',
      guards: [
        // The docs call unset protected, but the provider's Delete treats unset as false.
        { id: 'PG-GCP-W047', path: 'deletion_protection', family: 'deletion-protection', test: on },
        {
          id: 'PG-GCP-W048',
          path: 'persistence_config[0].persistence_mode',
          family: 'backup-retention',
          test: { kind: 'equals', safe: ['RDB'] }
        },
        { id: 'PG-GCP-W049', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ]
    },
    {
      id: 'PG-GCP-017',
      type: 'google_redis_cluster',
      category: 'cache',
      guards: [
        {
          id: 'PG-GCP-W050',
          path: 'deletion_protection_enabled',
          family: 'deletion-protection',
          test: on,
          absent: 'safe'
        },
        { id: 'PG-GCP-W051', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ]
    },
    {
      id: 'PG-GCP-018',
      type: 'google_memorystore_instance',
      category: 'cache',
      guards: [
        {
          id: 'PG-GCP-W052',
          path: 'deletion_protection_enabled',
          family: 'deletion-protection',
          test: on,
          absent: 'safe'
        },
        { id: 'PG-GCP-W053', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ]
    },
    {
      id: 'PG-GCP-019',
      type: 'google_memcache_instance',
      category: 'cache',
      guards: [
        {
          id: 'PG-GCP-W054',
          path: 'deletion_protection',
          family: 'deletion-protection',
          test: on,
          absent: 'safe'
        },
        { id: 'PG-GCP-W055', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ]
    },
    {
      id: 'PG-GCP-020',
      type: 'google_storage_bucket',
      category: 'object-storage',
      guards: [
        {
          id: 'PG-GCP-W056',
          path: 'force_destroy',
          family: 'force-destroy',
          test: off,
          absent: 'safe'
        },
        { id: 'PG-GCP-W057', path: 'versioning[0].enabled', family: 'versioning', test: on },
        // 0 disables soft delete; otherwise 604800–7776000 seconds, default 604800.
        {
          id: 'PG-GCP-W058',
          path: 'soft_delete_policy[0].retention_duration_seconds',
          family: 'soft-delete',
          test: { kind: 'min', min: 1 },
          absent: 'safe'
        },
        {
          id: 'PG-GCP-W059',
          path: 'retention_policy[0].retention_period',
          family: 'object-lock',
          test: noDecrease
        },
        {
          id: 'PG-GCP-W060',
          path: 'retention_policy[0].is_locked',
          family: 'object-lock',
          test: on
        },
        { id: 'PG-GCP-W061', path: 'enable_object_retention', family: 'object-lock', test: on },
        { id: 'PG-GCP-W062', path: 'deletion_policy', family: 'deletion-protection', test: kept },
        {
          id: 'PG-GCP-W152',
          path: 'lifecycle_rule[*].condition[0].age',
          family: 'data-expiry',
          test: { kind: 'expiry', unit: 'days' },
          absent: 'safe',
          where: {
            path: 'lifecycle_rule[*].action[0].type',
            test: { kind: 'equals', safe: ['Delete'] }
          }
        },
        {
          id: 'PG-GCP-W153',
          path: 'lifecycle_rule[*].condition[0].days_since_noncurrent_time',
          family: 'data-expiry',
          test: { kind: 'expiry', unit: 'days', unlimited: [0] },
          absent: 'safe',
          where: {
            path: 'lifecycle_rule[*].action[0].type',
            test: { kind: 'equals', safe: ['Delete'] }
          }
        },
        {
          id: 'PG-GCP-W154',
          path: 'lifecycle_rule[*].condition[0].days_since_custom_time',
          family: 'data-expiry',
          test: { kind: 'expiry', unit: 'days', unlimited: [0] },
          absent: 'safe',
          where: {
            path: 'lifecycle_rule[*].action[0].type',
            test: { kind: 'equals', safe: ['Delete'] }
          }
        }
      ],
      survives: [
        {
          copy: 'the objects (a bucket that is not empty cannot be deleted without force_destroy)',
          when: [{ path: 'force_destroy', test: { kind: 'equals', safe: [false] }, absent: 'safe' }]
        },
        {
          copy: 'soft-deleted objects',
          when: [
            {
              path: 'soft_delete_policy[0].retention_duration_seconds',
              test: { kind: 'min', min: 1 },
              absent: 'safe'
            }
          ]
        },
        abandoned
      ]
    },
    {
      id: 'PG-GCP-021',
      type: 'google_storage_bucket_object',
      category: 'object-storage',
      guards: [
        { id: 'PG-GCP-W063', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ]
    },
    {
      id: 'PG-GCP-022',
      type: 'google_storage_managed_folder',
      category: 'object-storage',
      guards: [
        {
          id: 'PG-GCP-W064',
          path: 'force_destroy',
          family: 'force-destroy',
          test: off,
          absent: 'safe'
        },
        { id: 'PG-GCP-W065', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ]
    },
    {
      id: 'PG-GCP-023',
      type: 'google_storage_folder',
      category: 'object-storage',
      guards: [
        {
          id: 'PG-GCP-W066',
          path: 'force_destroy',
          family: 'force-destroy',
          test: off,
          absent: 'safe'
        },
        { id: 'PG-GCP-W067', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ],
      survives: [
        {
          copy: 'the objects (a folder that is not empty cannot be deleted without force_destroy)',
          when: [{ path: 'force_destroy', test: { kind: 'equals', safe: [false] }, absent: 'safe' }]
        },
        abandoned
      ]
    },
    {
      id: 'PG-GCP-024',
      type: 'google_compute_disk',
      category: 'block-volume',
      guards: [
        {
          id: 'PG-GCP-W068',
          path: 'create_snapshot_before_destroy',
          family: 'final-snapshot',
          test: on
        },
        { id: 'PG-GCP-W069', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ],
      survives: [
        {
          copy: 'a snapshot taken before destroy',
          when: [{ path: 'create_snapshot_before_destroy', test: { kind: 'equals', safe: [true] } }]
        },
        abandoned
      ]
    },
    {
      id: 'PG-GCP-025',
      type: 'google_compute_region_disk',
      category: 'block-volume',
      guards: [
        {
          id: 'PG-GCP-W070',
          path: 'create_snapshot_before_destroy',
          family: 'final-snapshot',
          test: on
        },
        { id: 'PG-GCP-W071', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ],
      survives: [
        {
          copy: 'a snapshot taken before destroy',
          when: [{ path: 'create_snapshot_before_destroy', test: { kind: 'equals', safe: [true] } }]
        },
        abandoned
      ]
    },
    {
      id: 'PG-GCP-026',
      type: 'google_compute_snapshot',
      category: 'snapshot-backup',
      guards: [
        { id: 'PG-GCP-W072', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ]
    },
    {
      id: 'PG-GCP-027',
      type: 'google_compute_image',
      category: 'snapshot-backup',
      guards: [
        { id: 'PG-GCP-W073', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ]
    },
    {
      id: 'PG-GCP-028',
      type: 'google_compute_machine_image',
      category: 'snapshot-backup',
      guards: [
        { id: 'PG-GCP-W074', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ]
    },
    {
      id: 'PG-GCP-029',
      type: 'google_compute_instant_snapshot',
      category: 'snapshot-backup',
      guards: [
        { id: 'PG-GCP-W075', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ]
    },
    {
      id: 'PG-GCP-030',
      type: 'google_compute_instance',
      category: 'compute-protect',
      guards: [
        { id: 'PG-GCP-W076', path: 'deletion_protection', family: 'deletion-protection', test: on },
        // true (the default) deletes the boot disk together with the VM.
        {
          id: 'PG-GCP-W077',
          path: 'boot_disk[0].auto_delete',
          family: 'deletion-protection',
          test: off
        },
        { id: 'PG-GCP-W078', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ]
    },
    {
      id: 'PG-GCP-031',
      type: 'google_container_cluster',
      category: 'k8s-cluster',
      guards: [
        {
          id: 'PG-GCP-W079',
          path: 'deletion_protection',
          family: 'deletion-protection',
          test: on,
          absent: 'safe'
        },
        { id: 'PG-GCP-W080', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ]
    },
    {
      id: 'PG-GCP-032',
      type: 'google_compute_storage_pool',
      category: 'block-volume',
      guards: [
        { id: 'PG-GCP-W081', path: 'deletion_protection', family: 'deletion-protection', test: on },
        { id: 'PG-GCP-W082', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ]
    },
    {
      id: 'PG-GCP-033',
      type: 'google_filestore_instance',
      category: 'file-system',
      guards: [
        {
          id: 'PG-GCP-W083',
          path: 'deletion_protection_enabled',
          family: 'deletion-protection',
          test: on
        },
        { id: 'PG-GCP-W084', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ]
    },
    {
      id: 'PG-GCP-034',
      type: 'google_filestore_backup',
      category: 'snapshot-backup',
      guards: [
        { id: 'PG-GCP-W085', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ]
    },
    {
      id: 'PG-GCP-035',
      type: 'google_filestore_snapshot',
      category: 'snapshot-backup',
      guards: [
        { id: 'PG-GCP-W086', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ]
    },
    {
      id: 'PG-GCP-036',
      type: 'google_netapp_volume',
      category: 'file-system',
      guards: [
        {
          id: 'PG-GCP-W087',
          path: 'deletion_policy',
          family: 'deletion-protection',
          test: notForce
        }
      ]
    },
    {
      id: 'PG-GCP-037',
      type: 'google_netapp_backup_vault',
      category: 'backup-vault',
      guards: [
        {
          id: 'PG-GCP-W088',
          path: 'backup_retention_policy[0].backup_minimum_enforced_retention_days',
          family: 'backup-retention',
          test: noDecrease
        },
        { id: 'PG-GCP-W089', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ]
    },
    {
      id: 'PG-GCP-038',
      type: 'google_parallelstore_instance',
      category: 'file-system',
      guards: [
        { id: 'PG-GCP-W090', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ]
    },
    {
      id: 'PG-GCP-039',
      type: 'google_kms_crypto_key',
      category: 'encryption-key',
      guards: [
        {
          id: 'PG-GCP-W091',
          path: 'destroy_scheduled_duration',
          family: 'key-deletion-window',
          test: noDecrease
        },
        { id: 'PG-GCP-W092', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ],
      survives: [
        // the key itself cannot be deleted; destroy schedules its versions for destruction
        {
          copy: 'the key versions, restorable until their scheduled destruction',
          when: [
            { path: 'destroy_scheduled_duration', test: { kind: 'non-empty' }, absent: 'safe' }
          ]
        },
        abandoned
      ]
    },
    // Key rings cannot be deleted: destroy only forgets them, so no guard applies.
    { id: 'PG-GCP-040', type: 'google_kms_key_ring', category: 'encryption-key' },
    {
      id: 'PG-GCP-041',
      type: 'google_kms_crypto_key_version',
      category: 'encryption-key',
      guards: [
        { id: 'PG-GCP-W093', path: 'deletion_policy', family: 'deletion-protection', test: kept },
        {
          id: 'PG-GCP-W151',
          path: 'state',
          family: 'key-disabled',
          test: { kind: 'equals', safe: ['ENABLED', 'PENDING_GENERATION', 'PENDING_IMPORT'] },
          absent: 'safe'
        }
      ]
    },
    {
      id: 'PG-GCP-042',
      type: 'google_secret_manager_secret',
      category: 'secret',
      guards: [
        { id: 'PG-GCP-W094', path: 'deletion_protection', family: 'deletion-protection', test: on },
        // Unset destroys versions immediately; a duration string delays it.
        {
          id: 'PG-GCP-W095',
          path: 'version_destroy_ttl',
          family: 'secret-recovery-window',
          test: noDecrease
        },
        { id: 'PG-GCP-W096', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ],
      survives: [abandoned]
    },
    {
      id: 'PG-GCP-043',
      type: 'google_secret_manager_regional_secret',
      category: 'secret',
      guards: [
        { id: 'PG-GCP-W097', path: 'deletion_protection', family: 'deletion-protection', test: on },
        { id: 'PG-GCP-W098', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ],
      survives: [abandoned]
    },
    {
      id: 'PG-GCP-044',
      type: 'google_secret_manager_secret_version',
      category: 'secret',
      guards: [
        // This resource has its own values: DELETE, DISABLE, ABANDON.
        {
          id: 'PG-GCP-W099',
          path: 'deletion_policy',
          family: 'deletion-protection',
          test: { kind: 'equals', safe: ['DISABLE', 'ABANDON'] }
        }
      ]
    },
    {
      id: 'PG-GCP-045',
      type: 'google_privateca_certificate_authority',
      category: 'encryption-key',
      guards: [
        { id: 'PG-GCP-W100', path: 'deletion_protection', family: 'deletion-protection', test: on },
        // true deletes the CA without the 30-day undelete grace period.
        {
          id: 'PG-GCP-W101',
          path: 'skip_grace_period',
          family: 'soft-delete',
          test: off,
          absent: 'safe'
        },
        {
          id: 'PG-GCP-W102',
          path: 'ignore_active_certificates_on_deletion',
          family: 'deletion-protection',
          test: off,
          absent: 'safe'
        },
        { id: 'PG-GCP-W103', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ],
      survives: [
        {
          copy: 'the CA, restorable during its 30-day grace period',
          when: [
            { path: 'skip_grace_period', test: { kind: 'equals', safe: [false] }, absent: 'safe' }
          ]
        },
        abandoned
      ]
    },
    {
      id: 'PG-GCP-046',
      type: 'google_dns_managed_zone',
      category: 'dns-zone',
      guards: [
        {
          id: 'PG-GCP-W104',
          path: 'force_destroy',
          family: 'force-destroy',
          test: off,
          absent: 'safe'
        },
        { id: 'PG-GCP-W105', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ],
      survives: [
        {
          copy: 'the records (a zone that has records cannot be deleted without force_destroy)',
          when: [{ path: 'force_destroy', test: { kind: 'equals', safe: [false] }, absent: 'safe' }]
        },
        abandoned
      ]
    },
    {
      id: 'PG-GCP-047',
      type: 'google_dns_record_set',
      category: 'dns-zone',
      guards: [
        { id: 'PG-GCP-W106', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ]
    },
    {
      id: 'PG-GCP-048',
      type: 'google_active_directory_domain',
      category: 'identity-store',
      guards: [
        {
          id: 'PG-GCP-W107',
          path: 'deletion_protection',
          family: 'deletion-protection',
          test: on,
          absent: 'safe'
        },
        { id: 'PG-GCP-W108', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ]
    },
    {
      id: 'PG-GCP-049',
      type: 'google_project',
      category: 'account-org',
      guards: [
        {
          id: 'PG-GCP-W109',
          path: 'deletion_policy',
          family: 'deletion-protection',
          test: kept,
          absent: 'safe'
        }
      ]
    },
    {
      id: 'PG-GCP-050',
      type: 'google_folder',
      category: 'account-org',
      guards: [
        {
          id: 'PG-GCP-W110',
          path: 'deletion_protection',
          family: 'deletion-protection',
          test: on,
          absent: 'safe'
        },
        { id: 'PG-GCP-W111', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ]
    },
    {
      id: 'PG-GCP-051',
      type: 'google_logging_project_bucket_config',
      category: 'log-storage',
      guards: [
        { id: 'PG-GCP-W112', path: 'retention_days', family: 'backup-retention', test: noDecrease },
        { id: 'PG-GCP-W113', path: 'locked', family: 'object-lock', test: on },
        { id: 'PG-GCP-W114', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ]
    },
    {
      id: 'PG-GCP-052',
      type: 'google_pubsub_topic',
      category: 'stream-queue',
      guards: [
        { id: 'PG-GCP-W115', path: 'deletion_policy', family: 'deletion-protection', test: kept },
        {
          id: 'PG-GCP-W155',
          path: 'message_retention_duration',
          family: 'retention',
          test: { kind: 'expiry', unit: 'duration', floorDays: 7 }
        }
      ]
    },
    {
      id: 'PG-GCP-053',
      type: 'google_pubsub_subscription',
      category: 'stream-queue',
      guards: [
        { id: 'PG-GCP-W116', path: 'deletion_policy', family: 'deletion-protection', test: kept },
        {
          id: 'PG-GCP-W156',
          path: 'message_retention_duration',
          family: 'retention',
          test: { kind: 'expiry', unit: 'duration', floorDays: 7 },
          absent: 'safe'
        }
      ]
    },
    {
      id: 'PG-GCP-054',
      type: 'google_artifact_registry_repository',
      category: 'container-registry',
      guards: [
        { id: 'PG-GCP-W117', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ]
    },
    {
      id: 'PG-GCP-055',
      type: 'google_backup_dr_backup_vault',
      category: 'backup-vault',
      guards: [
        {
          id: 'PG-GCP-W118',
          path: 'backup_minimum_enforced_retention_duration',
          family: 'backup-retention',
          test: noDecrease
        },
        {
          id: 'PG-GCP-W119',
          path: 'ignore_inactive_datasources',
          family: 'force-destroy',
          test: off,
          absent: 'safe'
        },
        {
          id: 'PG-GCP-W120',
          path: 'ignore_backup_plan_references',
          family: 'force-destroy',
          test: off,
          absent: 'safe'
        },
        {
          id: 'PG-GCP-W121',
          path: 'force_delete',
          family: 'force-destroy',
          test: off,
          absent: 'safe'
        },
        { id: 'PG-GCP-W122', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ]
    },
    {
      id: 'PG-GCP-056',
      type: 'google_dataproc_metastore_service',
      category: 'database',
      guards: [
        { id: 'PG-GCP-W123', path: 'deletion_protection', family: 'deletion-protection', test: on },
        { id: 'PG-GCP-W124', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ]
    },
    {
      id: 'PG-GCP-057',
      type: 'google_dataproc_metastore_federation',
      category: 'database',
      guards: [
        { id: 'PG-GCP-W125', path: 'deletion_protection', family: 'deletion-protection', test: on },
        { id: 'PG-GCP-W126', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ]
    },
    {
      id: 'PG-GCP-058',
      type: 'google_oracle_database_autonomous_database',
      category: 'database',
      guards: [
        { id: 'PG-GCP-W127', path: 'deletion_protection', family: 'deletion-protection', test: on },
        { id: 'PG-GCP-W128', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ]
    },
    {
      id: 'PG-GCP-059',
      type: 'google_oracle_database_cloud_exadata_infrastructure',
      category: 'database',
      guards: [
        { id: 'PG-GCP-W129', path: 'deletion_protection', family: 'deletion-protection', test: on },
        { id: 'PG-GCP-W130', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ]
    },
    {
      id: 'PG-GCP-060',
      type: 'google_oracle_database_cloud_vm_cluster',
      category: 'database',
      guards: [
        { id: 'PG-GCP-W131', path: 'deletion_protection', family: 'deletion-protection', test: on },
        { id: 'PG-GCP-W132', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ]
    },
    {
      id: 'PG-GCP-061',
      type: 'google_oracle_database_goldengate_deployment',
      category: 'database',
      guards: [
        {
          id: 'PG-GCP-W133',
          path: 'deletion_policy',
          family: 'deletion-protection',
          test: kept,
          absent: 'safe'
        }
      ]
    },
    {
      id: 'PG-GCP-062',
      type: 'google_looker_instance',
      category: 'data-warehouse',
      guards: [
        {
          id: 'PG-GCP-W134',
          path: 'deletion_policy',
          family: 'deletion-protection',
          test: notForce
        }
      ]
    },
    {
      id: 'PG-GCP-063',
      type: 'google_vertex_ai_featurestore',
      category: 'database',
      guards: [
        {
          id: 'PG-GCP-W135',
          path: 'force_destroy',
          family: 'force-destroy',
          test: off,
          absent: 'safe'
        },
        { id: 'PG-GCP-W136', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ],
      survives: [
        {
          copy: 'the entity types (a non-empty store cannot be deleted without force_destroy)',
          when: [{ path: 'force_destroy', test: { kind: 'equals', safe: [false] }, absent: 'safe' }]
        },
        abandoned
      ]
    },
    {
      id: 'PG-GCP-064',
      type: 'google_vertex_ai_feature_online_store',
      category: 'database',
      guards: [
        {
          id: 'PG-GCP-W137',
          path: 'force_destroy',
          family: 'force-destroy',
          test: off,
          absent: 'safe'
        },
        { id: 'PG-GCP-W138', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ],
      survives: [
        {
          copy: 'the feature views (a non-empty store cannot be deleted without force_destroy)',
          when: [{ path: 'force_destroy', test: { kind: 'equals', safe: [false] }, absent: 'safe' }]
        },
        abandoned
      ]
    },
    {
      id: 'PG-GCP-065',
      type: 'google_workflows_workflow',
      category: 'compute-protect',
      guards: [
        {
          id: 'PG-GCP-W139',
          path: 'deletion_protection',
          family: 'deletion-protection',
          test: on,
          absent: 'safe'
        },
        { id: 'PG-GCP-W140', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ]
    },
    {
      id: 'PG-GCP-066',
      type: 'google_cloud_run_v2_service',
      category: 'compute-protect',
      guards: [
        {
          id: 'PG-GCP-W141',
          path: 'deletion_protection',
          family: 'deletion-protection',
          test: on,
          absent: 'safe'
        },
        { id: 'PG-GCP-W142', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ]
    },
    {
      id: 'PG-GCP-067',
      type: 'google_cloud_run_v2_job',
      category: 'compute-protect',
      guards: [
        {
          id: 'PG-GCP-W143',
          path: 'deletion_protection',
          family: 'deletion-protection',
          test: on,
          absent: 'safe'
        },
        { id: 'PG-GCP-W144', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ]
    },
    {
      id: 'PG-GCP-068',
      type: 'google_cloud_run_v2_worker_pool',
      category: 'compute-protect',
      guards: [
        {
          id: 'PG-GCP-W145',
          path: 'deletion_protection',
          family: 'deletion-protection',
          test: on,
          absent: 'safe'
        },
        { id: 'PG-GCP-W146', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ]
    },
    {
      id: 'PG-GCP-069',
      type: 'google_workbench_instance',
      category: 'compute-protect',
      guards: [
        {
          id: 'PG-GCP-W147',
          path: 'enable_deletion_protection',
          family: 'deletion-protection',
          test: on
        },
        { id: 'PG-GCP-W148', path: 'deletion_policy', family: 'deletion-protection', test: kept }
      ]
    },
    {
      id: 'PG-GCP-070',
      type: 'google_secure_source_manager_instance',
      category: 'code-repository',
      guards: [
        {
          id: 'PG-GCP-W149',
          path: 'deletion_policy',
          family: 'deletion-protection',
          test: kept,
          absent: 'safe'
        }
      ]
    },
    {
      id: 'PG-GCP-071',
      type: 'google_secure_source_manager_repository',
      category: 'code-repository',
      guards: [
        {
          id: 'PG-GCP-W150',
          path: 'deletion_policy',
          family: 'deletion-protection',
          test: kept,
          absent: 'safe'
        }
      ]
    },
    // Its `deletion_policy` takes DEFAULT/FORCE, but the notes give no safe value for it.
    { id: 'PG-GCP-072', type: 'google_dataform_repository', category: 'code-repository' },
    {
      id: 'PG-GCP-073',
      type: 'google_backup_dr_backup_plan',
      category: 'backup-vault',
      guards: [
        {
          id: 'PG-GCP-W161',
          path: 'backup_rules[*].backup_retention_days',
          family: 'backup-retention',
          test: { kind: 'no-decrease' }
        }
      ]
    }
  ]
}
