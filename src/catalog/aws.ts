import type { ProviderCatalog } from './types.js'

/** AWS resource types that hold data or protect it, with their protection attributes. */
export const aws: ProviderCatalog = {
  provider: 'aws',
  prefix: 'PG-AWS',
  types: [
    {
      id: 'PG-AWS-001',
      type: 'aws_db_instance',
      category: 'database',
      guards: [
        {
          id: 'PG-AWS-W001',
          path: 'deletion_protection',
          family: 'deletion-protection',
          test: { kind: 'equals', safe: [true] }
        },
        {
          id: 'PG-AWS-W002',
          path: 'skip_final_snapshot',
          family: 'final-snapshot',
          test: { kind: 'equals', safe: [false] },
          absent: 'safe'
        },
        {
          id: 'PG-AWS-W003',
          path: 'delete_automated_backups',
          family: 'retain-backups',
          test: { kind: 'equals', safe: [false] }
        },
        {
          id: 'PG-AWS-W004',
          path: 'backup_retention_period',
          family: 'backup-retention',
          test: { kind: 'min', min: 1 }
        }
      ],
      survives: [
        {
          copy: 'a final snapshot',
          when: [
            {
              path: 'skip_final_snapshot',
              test: { kind: 'equals', safe: [false] },
              absent: 'safe'
            },
            { path: 'final_snapshot_identifier', test: { kind: 'non-empty' } }
          ]
        },
        {
          copy: 'retained automated backups',
          when: [
            { path: 'delete_automated_backups', test: { kind: 'equals', safe: [false] } },
            { path: 'backup_retention_period', test: { kind: 'min', min: 1 } }
          ]
        },
        // a read replica takes no final snapshot; the data lives in its source
        {
          copy: 'the source database (this is a read replica)',
          when: [{ path: 'replicate_source_db', test: { kind: 'non-empty' } }]
        }
      ]
    },
    {
      id: 'PG-AWS-002',
      type: 'aws_rds_cluster',
      category: 'database-cluster',
      guards: [
        {
          id: 'PG-AWS-W005',
          path: 'deletion_protection',
          family: 'deletion-protection',
          test: { kind: 'equals', safe: [true] }
        },
        {
          id: 'PG-AWS-W006',
          path: 'skip_final_snapshot',
          family: 'final-snapshot',
          test: { kind: 'equals', safe: [false] },
          absent: 'safe'
        },
        {
          id: 'PG-AWS-W007',
          path: 'delete_automated_backups',
          family: 'retain-backups',
          test: { kind: 'equals', safe: [false] }
        },
        {
          id: 'PG-AWS-W008',
          path: 'backup_retention_period',
          family: 'backup-retention',
          test: { kind: 'min', min: 1 }
        }
      ],
      survives: [
        {
          copy: 'a final snapshot',
          when: [
            {
              path: 'skip_final_snapshot',
              test: { kind: 'equals', safe: [false] },
              absent: 'safe'
            },
            { path: 'final_snapshot_identifier', test: { kind: 'non-empty' } }
          ]
        },
        {
          copy: 'retained automated backups',
          when: [
            { path: 'delete_automated_backups', test: { kind: 'equals', safe: [false] } },
            { path: 'backup_retention_period', test: { kind: 'min', min: 1 } }
          ]
        }
      ]
    },
    {
      id: 'PG-AWS-003',
      type: 'aws_rds_cluster_instance',
      category: 'db-member',
      guards: [
        {
          id: 'PG-AWS-W009',
          path: 'force_destroy',
          family: 'force-destroy',
          test: { kind: 'equals', safe: [false] },
          absent: 'safe'
        }
      ]
    },
    {
      id: 'PG-AWS-004',
      type: 'aws_rds_global_cluster',
      category: 'database-cluster',
      guards: [
        {
          id: 'PG-AWS-W010',
          path: 'deletion_protection',
          family: 'deletion-protection',
          test: { kind: 'equals', safe: [true] }
        },
        // the catalog states no default for this one, so absent stays unsafe
        {
          id: 'PG-AWS-W011',
          path: 'force_destroy',
          family: 'force-destroy',
          test: { kind: 'equals', safe: [false] }
        }
      ]
    },
    {
      id: 'PG-AWS-005',
      type: 'aws_db_instance_automated_backups_replication',
      category: 'snapshot-backup'
    },
    {
      id: 'PG-AWS-006',
      type: 'aws_docdb_cluster',
      category: 'database-cluster',
      guards: [
        {
          id: 'PG-AWS-W012',
          path: 'deletion_protection',
          family: 'deletion-protection',
          test: { kind: 'equals', safe: [true] }
        },
        {
          id: 'PG-AWS-W013',
          path: 'skip_final_snapshot',
          family: 'final-snapshot',
          test: { kind: 'equals', safe: [false] },
          absent: 'safe'
        },
        // Checkov's threshold; 1 is the service minimum and the default
        {
          id: 'PG-AWS-W014',
          path: 'backup_retention_period',
          family: 'backup-retention',
          test: { kind: 'min', min: 7 }
        }
      ],
      survives: [
        {
          copy: 'a final snapshot',
          when: [
            {
              path: 'skip_final_snapshot',
              test: { kind: 'equals', safe: [false] },
              absent: 'safe'
            },
            { path: 'final_snapshot_identifier', test: { kind: 'non-empty' } }
          ]
        }
      ]
    },
    {
      id: 'PG-AWS-007',
      type: 'aws_docdb_global_cluster',
      category: 'database-cluster',
      guards: [
        {
          id: 'PG-AWS-W015',
          path: 'deletion_protection',
          family: 'deletion-protection',
          test: { kind: 'equals', safe: [true] }
        }
      ]
    },
    { id: 'PG-AWS-008', type: 'aws_docdb_cluster_instance', category: 'db-member' },
    {
      id: 'PG-AWS-009',
      type: 'aws_docdbelastic_cluster',
      category: 'database-cluster',
      guards: [
        {
          id: 'PG-AWS-W016',
          path: 'backup_retention_period',
          family: 'backup-retention',
          test: { kind: 'min', min: 1 }
        }
      ]
    },
    {
      id: 'PG-AWS-010',
      type: 'aws_neptune_cluster',
      category: 'database-cluster',
      guards: [
        {
          id: 'PG-AWS-W017',
          path: 'deletion_protection',
          family: 'deletion-protection',
          test: { kind: 'equals', safe: [true] }
        },
        {
          id: 'PG-AWS-W018',
          path: 'skip_final_snapshot',
          family: 'final-snapshot',
          test: { kind: 'equals', safe: [false] },
          absent: 'safe'
        },
        // Checkov's threshold; the default is 1
        {
          id: 'PG-AWS-W019',
          path: 'backup_retention_period',
          family: 'backup-retention',
          test: { kind: 'min', min: 7 }
        }
      ],
      survives: [
        {
          copy: 'a final snapshot',
          when: [
            {
              path: 'skip_final_snapshot',
              test: { kind: 'equals', safe: [false] },
              absent: 'safe'
            },
            { path: 'final_snapshot_identifier', test: { kind: 'non-empty' } }
          ]
        }
      ]
    },
    {
      id: 'PG-AWS-011',
      type: 'aws_neptune_global_cluster',
      category: 'database-cluster',
      guards: [
        {
          id: 'PG-AWS-W020',
          path: 'deletion_protection',
          family: 'deletion-protection',
          test: { kind: 'equals', safe: [true] }
        }
      ]
    },
    {
      id: 'PG-AWS-012',
      type: 'aws_neptune_cluster_instance',
      category: 'db-member',
      guards: [
        {
          id: 'PG-AWS-W021',
          path: 'skip_final_snapshot',
          family: 'final-snapshot',
          test: { kind: 'equals', safe: [false] }
        }
      ]
    },
    {
      id: 'PG-AWS-013',
      type: 'aws_neptunegraph_graph',
      category: 'database',
      guards: [
        {
          id: 'PG-AWS-W022',
          path: 'deletion_protection',
          family: 'deletion-protection',
          test: { kind: 'equals', safe: [true] }
        }
      ]
    },
    {
      id: 'PG-AWS-014',
      type: 'aws_redshift_cluster',
      category: 'data-warehouse',
      guards: [
        {
          id: 'PG-AWS-W023',
          path: 'skip_final_snapshot',
          family: 'final-snapshot',
          test: { kind: 'equals', safe: [false] },
          absent: 'safe'
        },
        {
          id: 'PG-AWS-W024',
          path: 'automated_snapshot_retention_period',
          family: 'backup-retention',
          test: { kind: 'min', min: 1 },
          absent: 'safe'
        },
        // -1 keeps manual snapshots forever
        {
          id: 'PG-AWS-W025',
          path: 'manual_snapshot_retention_period',
          family: 'backup-retention',
          test: { kind: 'equals', safe: [-1] },
          absent: 'safe'
        }
      ],
      survives: [
        {
          copy: 'a final snapshot',
          when: [
            {
              path: 'skip_final_snapshot',
              test: { kind: 'equals', safe: [false] },
              absent: 'safe'
            },
            { path: 'final_snapshot_identifier', test: { kind: 'non-empty' } }
          ]
        }
      ]
    },
    { id: 'PG-AWS-015', type: 'aws_redshiftserverless_namespace', category: 'data-warehouse' },
    { id: 'PG-AWS-016', type: 'aws_redshiftserverless_workgroup', category: 'data-warehouse' },
    {
      id: 'PG-AWS-017',
      type: 'aws_redshiftserverless_snapshot',
      category: 'snapshot-backup',
      guards: [
        // -1 keeps the snapshot forever
        {
          id: 'PG-AWS-W026',
          path: 'retention_period',
          family: 'backup-retention',
          test: { kind: 'equals', safe: [-1] },
          absent: 'safe'
        }
      ]
    },
    {
      id: 'PG-AWS-018',
      type: 'aws_dynamodb_table',
      // lock tables are recognised by name / hash_key, not by type
      category: 'database',
      guards: [
        {
          id: 'PG-AWS-W027',
          path: 'deletion_protection_enabled',
          family: 'deletion-protection',
          test: { kind: 'equals', safe: [true] }
        },
        {
          id: 'PG-AWS-W028',
          path: 'point_in_time_recovery[0].enabled',
          family: 'point-in-time-recovery',
          test: { kind: 'equals', safe: [true] }
        },
        {
          id: 'PG-AWS-W029',
          path: 'point_in_time_recovery[0].recovery_period_in_days',
          family: 'point-in-time-recovery',
          test: { kind: 'no-decrease' }
        },
        {
          id: 'PG-AWS-W030',
          path: 'replica[*].deletion_protection_enabled',
          family: 'deletion-protection',
          test: { kind: 'equals', safe: [true] }
        },
        {
          id: 'PG-AWS-W031',
          path: 'replica[*].point_in_time_recovery',
          family: 'point-in-time-recovery',
          test: { kind: 'equals', safe: [true] }
        },
        {
          id: 'PG-AWS-W123',
          path: 'ttl[0].enabled',
          family: 'ttl',
          test: { kind: 'equals', safe: [false] },
          absent: 'safe'
        }
      ]
    },
    {
      id: 'PG-AWS-019',
      type: 'aws_dynamodb_table_replica',
      category: 'database',
      guards: [
        {
          id: 'PG-AWS-W032',
          path: 'deletion_protection_enabled',
          family: 'deletion-protection',
          test: { kind: 'equals', safe: [true] }
        }
      ]
    },
    { id: 'PG-AWS-020', type: 'aws_dynamodb_global_table', category: 'database' },
    {
      id: 'PG-AWS-021',
      type: 'aws_keyspaces_table',
      category: 'database',
      guards: [
        {
          id: 'PG-AWS-W033',
          path: 'point_in_time_recovery[0].status',
          family: 'point-in-time-recovery',
          test: { kind: 'equals', safe: ['ENABLED'] }
        }
      ]
    },
    { id: 'PG-AWS-022', type: 'aws_keyspaces_keyspace', category: 'database' },
    {
      id: 'PG-AWS-023',
      type: 'aws_qldb_ledger',
      category: 'database',
      guards: [
        {
          id: 'PG-AWS-W034',
          path: 'deletion_protection',
          family: 'deletion-protection',
          test: { kind: 'equals', safe: [true] },
          absent: 'safe'
        }
      ]
    },
    {
      id: 'PG-AWS-024',
      type: 'aws_timestreamwrite_table',
      category: 'database',
      // data retention: lowering it expires stored data
      guards: [
        {
          id: 'PG-AWS-W035',
          path: 'retention_properties[0].magnetic_store_retention_period_in_days',
          family: 'backup-retention',
          test: { kind: 'no-decrease' }
        },
        {
          id: 'PG-AWS-W036',
          path: 'retention_properties[0].memory_store_retention_period_in_hours',
          family: 'backup-retention',
          test: { kind: 'no-decrease' }
        }
      ]
    },
    { id: 'PG-AWS-025', type: 'aws_timestreamwrite_database', category: 'database' },
    { id: 'PG-AWS-026', type: 'aws_timestreaminfluxdb_db_instance', category: 'database' },
    { id: 'PG-AWS-027', type: 'aws_timestreaminfluxdb_db_cluster', category: 'database' },
    {
      id: 'PG-AWS-028',
      type: 'aws_dsql_cluster',
      category: 'database',
      guards: [
        {
          id: 'PG-AWS-W037',
          path: 'deletion_protection_enabled',
          family: 'deletion-protection',
          test: { kind: 'equals', safe: [true] }
        },
        {
          id: 'PG-AWS-W038',
          path: 'force_destroy',
          family: 'force-destroy',
          test: { kind: 'equals', safe: [false] },
          absent: 'safe'
        }
      ]
    },
    {
      id: 'PG-AWS-029',
      type: 'aws_lightsail_database',
      category: 'database',
      guards: [
        {
          id: 'PG-AWS-W039',
          path: 'skip_final_snapshot',
          family: 'final-snapshot',
          test: { kind: 'equals', safe: [false] },
          absent: 'safe'
        },
        {
          id: 'PG-AWS-W040',
          path: 'backup_retention_enabled',
          family: 'backup-retention',
          test: { kind: 'equals', safe: [true] },
          absent: 'safe'
        }
      ],
      survives: [
        {
          copy: 'a final snapshot',
          when: [
            {
              path: 'skip_final_snapshot',
              test: { kind: 'equals', safe: [false] },
              absent: 'safe'
            },
            { path: 'final_snapshot_name', test: { kind: 'non-empty' } }
          ]
        }
      ]
    },
    {
      id: 'PG-AWS-030',
      type: 'aws_memorydb_cluster',
      category: 'cache',
      guards: [
        {
          id: 'PG-AWS-W041',
          path: 'snapshot_retention_limit',
          family: 'backup-retention',
          test: { kind: 'min', min: 1 }
        }
      ],
      survives: [
        {
          copy: 'a final snapshot',
          when: [{ path: 'final_snapshot_name', test: { kind: 'non-empty' } }]
        }
      ]
    },
    {
      id: 'PG-AWS-031',
      type: 'aws_elasticache_cluster',
      category: 'cache',
      guards: [
        {
          id: 'PG-AWS-W042',
          path: 'snapshot_retention_limit',
          family: 'backup-retention',
          test: { kind: 'min', min: 1 }
        }
      ]
    },
    {
      id: 'PG-AWS-032',
      type: 'aws_elasticache_replication_group',
      category: 'cache',
      guards: [
        {
          id: 'PG-AWS-W043',
          path: 'snapshot_retention_limit',
          family: 'backup-retention',
          test: { kind: 'min', min: 1 }
        }
      ],
      survives: [
        {
          copy: 'a final snapshot',
          when: [{ path: 'final_snapshot_identifier', test: { kind: 'non-empty' } }]
        }
      ]
    },
    {
      id: 'PG-AWS-033',
      type: 'aws_elasticache_serverless_cache',
      category: 'cache',
      guards: [
        {
          id: 'PG-AWS-W044',
          path: 'snapshot_retention_limit',
          family: 'backup-retention',
          test: { kind: 'min', min: 1 }
        }
      ]
    },
    { id: 'PG-AWS-034', type: 'aws_elasticache_global_replication_group', category: 'cache' },
    { id: 'PG-AWS-035', type: 'aws_dax_cluster', category: 'cache' },
    { id: 'PG-AWS-036', type: 'aws_db_snapshot', category: 'snapshot-backup' },
    { id: 'PG-AWS-037', type: 'aws_db_cluster_snapshot', category: 'snapshot-backup' },
    { id: 'PG-AWS-038', type: 'aws_db_snapshot_copy', category: 'snapshot-backup' },
    { id: 'PG-AWS-039', type: 'aws_docdb_cluster_snapshot', category: 'snapshot-backup' },
    { id: 'PG-AWS-040', type: 'aws_neptune_cluster_snapshot', category: 'snapshot-backup' },
    { id: 'PG-AWS-041', type: 'aws_memorydb_snapshot', category: 'snapshot-backup' },
    { id: 'PG-AWS-042', type: 'aws_ebs_snapshot', category: 'snapshot-backup' },
    { id: 'PG-AWS-043', type: 'aws_ebs_snapshot_copy', category: 'snapshot-backup' },
    { id: 'PG-AWS-044', type: 'aws_ami', category: 'snapshot-backup' },
    { id: 'PG-AWS-045', type: 'aws_ami_copy', category: 'snapshot-backup' },
    { id: 'PG-AWS-046', type: 'aws_ami_from_instance', category: 'snapshot-backup' },
    { id: 'PG-AWS-047', type: 'aws_fsx_backup', category: 'snapshot-backup' },
    {
      id: 'PG-AWS-048',
      type: 'aws_backup_vault',
      category: 'backup-vault',
      guards: [
        {
          id: 'PG-AWS-W045',
          path: 'force_destroy',
          family: 'force-destroy',
          test: { kind: 'equals', safe: [false] },
          absent: 'safe'
        }
      ],
      survives: [
        {
          copy: 'the recovery points (a vault holding any cannot be deleted without force_destroy)',
          when: [{ path: 'force_destroy', test: { kind: 'equals', safe: [false] }, absent: 'safe' }]
        }
      ]
    },
    {
      id: 'PG-AWS-049',
      type: 'aws_backup_vault_lock_configuration',
      category: 'backup-vault',
      guards: [
        {
          id: 'PG-AWS-W125',
          path: 'min_retention_days',
          family: 'lock-retention',
          test: { kind: 'no-decrease' }
        },
        {
          id: 'PG-AWS-W126',
          path: 'max_retention_days',
          family: 'lock-retention',
          test: { kind: 'no-decrease' }
        }
      ]
    },
    { id: 'PG-AWS-050', type: 'aws_backup_logically_air_gapped_vault', category: 'backup-vault' },
    {
      id: 'PG-AWS-051',
      type: 'aws_backup_plan',
      category: 'backup-vault',
      guards: [
        {
          id: 'PG-AWS-W046',
          path: 'rule[*].lifecycle[0].delete_after',
          family: 'backup-retention',
          test: { kind: 'no-decrease' }
        },
        {
          id: 'PG-AWS-W047',
          path: 'rule[*].enable_continuous_backup',
          family: 'point-in-time-recovery',
          test: { kind: 'equals', safe: [true] }
        }
      ]
    },
    { id: 'PG-AWS-052', type: 'aws_backup_selection', category: 'backup-vault' },
    {
      id: 'PG-AWS-053',
      type: 'aws_dlm_lifecycle_policy',
      category: 'snapshot-backup',
      guards: [
        {
          id: 'PG-AWS-W048',
          path: 'policy_details[0].schedule[*].retain_rule[0].count',
          family: 'backup-retention',
          test: { kind: 'no-decrease' }
        },
        {
          id: 'PG-AWS-W049',
          path: 'policy_details[0].schedule[*].retain_rule[0].interval',
          family: 'backup-retention',
          test: { kind: 'no-decrease' }
        },
        {
          id: 'PG-AWS-W050',
          path: 'policy_details[0].retain_interval',
          family: 'backup-retention',
          test: { kind: 'no-decrease' }
        }
      ]
    },
    {
      id: 'PG-AWS-054',
      type: 'aws_s3_bucket',
      // state buckets are recognised by name, not by type
      category: 'object-storage',
      guards: [
        {
          id: 'PG-AWS-W051',
          path: 'force_destroy',
          family: 'force-destroy',
          test: { kind: 'equals', safe: [false] },
          absent: 'safe'
        },
        {
          id: 'PG-AWS-W052',
          path: 'versioning[0].enabled',
          family: 'versioning',
          test: { kind: 'equals', safe: [true] }
        },
        {
          id: 'PG-AWS-W053',
          path: 'versioning[0].mfa_delete',
          family: 'versioning',
          test: { kind: 'equals', safe: [true] }
        },
        {
          id: 'PG-AWS-W054',
          path: 'object_lock_configuration[0].rule[0].default_retention[0].mode',
          family: 'object-lock',
          test: { kind: 'equals', safe: ['COMPLIANCE', 'GOVERNANCE'] }
        },
        {
          id: 'PG-AWS-W121',
          path: 'lifecycle_rule[*].expiration[0].days',
          family: 'data-expiry',
          test: { kind: 'expiry', unit: 'days', unlimited: [0] },
          absent: 'safe',
          where: { path: 'lifecycle_rule[*].enabled', test: { kind: 'equals', safe: [true] } }
        },
        {
          id: 'PG-AWS-W122',
          path: 'lifecycle_rule[*].noncurrent_version_expiration[0].days',
          family: 'data-expiry',
          test: { kind: 'expiry', unit: 'days', unlimited: [0] },
          absent: 'safe',
          where: { path: 'lifecycle_rule[*].enabled', test: { kind: 'equals', safe: [true] } }
        }
      ],
      survives: [
        {
          copy: 'the objects (a bucket that is not empty cannot be deleted without force_destroy)',
          when: [{ path: 'force_destroy', test: { kind: 'equals', safe: [false] }, absent: 'safe' }]
        }
      ]
    },
    {
      id: 'PG-AWS-055',
      type: 'aws_s3_bucket_versioning',
      category: 'protection-control',
      guards: [
        {
          id: 'PG-AWS-W055',
          path: 'versioning_configuration[0].status',
          family: 'versioning',
          test: { kind: 'equals', safe: ['Enabled'] }
        },
        {
          id: 'PG-AWS-W056',
          path: 'versioning_configuration[0].mfa_delete',
          family: 'versioning',
          test: { kind: 'equals', safe: ['Enabled'] }
        }
      ]
    },
    {
      id: 'PG-AWS-056',
      type: 'aws_s3_bucket_object_lock_configuration',
      category: 'protection-control',
      guards: [
        {
          id: 'PG-AWS-W057',
          path: 'object_lock_enabled',
          family: 'object-lock',
          test: { kind: 'equals', safe: ['Enabled'] },
          absent: 'safe'
        },
        // the catalog names COMPLIANCE (the strongest mode) as the safe value here
        {
          id: 'PG-AWS-W058',
          path: 'rule[0].default_retention[0].mode',
          family: 'object-lock',
          test: { kind: 'equals', safe: ['COMPLIANCE'] }
        },
        {
          id: 'PG-AWS-W127',
          path: 'rule[0].default_retention[0].days',
          family: 'lock-retention',
          test: { kind: 'no-decrease' }
        },
        {
          id: 'PG-AWS-W128',
          path: 'rule[0].default_retention[0].years',
          family: 'lock-retention',
          test: { kind: 'no-decrease' }
        }
      ]
    },
    {
      id: 'PG-AWS-057',
      type: 'aws_s3_bucket_lifecycle_configuration',
      category: 'protection-control',
      guards: [
        {
          id: 'PG-AWS-W119',
          path: 'rule[*].expiration[0].days',
          family: 'data-expiry',
          test: { kind: 'expiry', unit: 'days' },
          absent: 'safe',
          onCreate: true,
          where: { path: 'rule[*].status', test: { kind: 'equals', safe: ['Enabled'] } }
        },
        {
          id: 'PG-AWS-W120',
          path: 'rule[*].noncurrent_version_expiration[0].noncurrent_days',
          family: 'data-expiry',
          test: { kind: 'expiry', unit: 'days' },
          absent: 'safe',
          onCreate: true,
          where: { path: 'rule[*].status', test: { kind: 'equals', safe: ['Enabled'] } }
        }
      ]
    },
    {
      id: 'PG-AWS-058',
      type: 'aws_s3_object',
      category: 'object-storage',
      guards: [
        {
          id: 'PG-AWS-W059',
          path: 'force_destroy',
          family: 'force-destroy',
          test: { kind: 'equals', safe: [false] },
          absent: 'safe'
        }
      ]
    },
    {
      id: 'PG-AWS-059',
      type: 'aws_s3_directory_bucket',
      category: 'object-storage',
      guards: [
        {
          id: 'PG-AWS-W060',
          path: 'force_destroy',
          family: 'force-destroy',
          test: { kind: 'equals', safe: [false] },
          absent: 'safe'
        }
      ],
      survives: [
        {
          copy: 'the objects (a bucket that is not empty cannot be deleted without force_destroy)',
          when: [{ path: 'force_destroy', test: { kind: 'equals', safe: [false] }, absent: 'safe' }]
        }
      ]
    },
    {
      id: 'PG-AWS-060',
      type: 'aws_s3tables_table_bucket',
      category: 'object-storage',
      guards: [
        {
          id: 'PG-AWS-W061',
          path: 'force_destroy',
          family: 'force-destroy',
          test: { kind: 'equals', safe: [false] },
          absent: 'safe'
        }
      ],
      survives: [
        {
          copy: 'the tables (a table bucket holding any cannot be deleted without force_destroy)',
          when: [{ path: 'force_destroy', test: { kind: 'equals', safe: [false] }, absent: 'safe' }]
        }
      ]
    },
    { id: 'PG-AWS-061', type: 'aws_s3tables_table', category: 'data-warehouse' },
    { id: 'PG-AWS-062', type: 'aws_s3tables_namespace', category: 'data-warehouse' },
    {
      id: 'PG-AWS-063',
      type: 'aws_s3vectors_vector_bucket',
      category: 'object-storage',
      guards: [
        {
          id: 'PG-AWS-W062',
          path: 'force_destroy',
          family: 'force-destroy',
          test: { kind: 'equals', safe: [false] },
          absent: 'safe'
        }
      ],
      survives: [
        {
          copy: 'the vector indexes (a bucket holding any cannot be deleted without force_destroy)',
          when: [{ path: 'force_destroy', test: { kind: 'equals', safe: [false] }, absent: 'safe' }]
        }
      ]
    },
    { id: 'PG-AWS-064', type: 'aws_s3control_bucket', category: 'object-storage' },
    { id: 'PG-AWS-065', type: 'aws_glacier_vault', category: 'object-storage' },
    {
      id: 'PG-AWS-066',
      type: 'aws_glacier_vault_lock',
      category: 'protection-control',
      guards: [
        {
          id: 'PG-AWS-W063',
          path: 'complete_lock',
          family: 'object-lock',
          test: { kind: 'equals', safe: [true] }
        }
      ]
    },
    {
      id: 'PG-AWS-067',
      type: 'aws_lightsail_bucket',
      category: 'object-storage',
      guards: [
        {
          id: 'PG-AWS-W064',
          path: 'force_delete',
          family: 'force-destroy',
          test: { kind: 'equals', safe: [false] },
          absent: 'safe'
        }
      ],
      survives: [
        {
          copy: 'the objects (a bucket that is not empty cannot be deleted without force_delete)',
          when: [{ path: 'force_delete', test: { kind: 'equals', safe: [false] }, absent: 'safe' }]
        }
      ]
    },
    {
      id: 'PG-AWS-068',
      type: 'aws_ebs_volume',
      category: 'block-volume',
      guards: [
        // safe is true here, and the default (false) is unsafe
        {
          id: 'PG-AWS-W065',
          path: 'final_snapshot',
          family: 'final-snapshot',
          test: { kind: 'equals', safe: [true] }
        }
      ],
      survives: [
        {
          copy: 'a final snapshot',
          when: [{ path: 'final_snapshot', test: { kind: 'equals', safe: [true] } }]
        }
      ]
    },
    {
      id: 'PG-AWS-069',
      type: 'aws_volume_attachment',
      category: 'block-volume',
      guards: [
        {
          id: 'PG-AWS-W066',
          path: 'force_detach',
          family: 'force-destroy',
          test: { kind: 'equals', safe: [false] }
        },
        // true: destroy only removes the attachment from state
        {
          id: 'PG-AWS-W067',
          path: 'skip_destroy',
          family: 'deletion-protection',
          test: { kind: 'equals', safe: [true] }
        }
      ]
    },
    {
      id: 'PG-AWS-070',
      type: 'aws_instance',
      category: 'compute-protect',
      guards: [
        {
          id: 'PG-AWS-W068',
          path: 'disable_api_termination',
          family: 'termination-protection',
          test: { kind: 'equals', safe: [true] }
        },
        {
          id: 'PG-AWS-W069',
          path: 'force_destroy',
          family: 'force-destroy',
          test: { kind: 'equals', safe: [false] },
          absent: 'safe'
        },
        // true (the default) deletes the volume with the instance, like a force_destroy cascade
        {
          id: 'PG-AWS-W070',
          path: 'root_block_device[0].delete_on_termination',
          family: 'force-destroy',
          test: { kind: 'equals', safe: [false] }
        },
        {
          id: 'PG-AWS-W071',
          path: 'ebs_block_device[*].delete_on_termination',
          family: 'force-destroy',
          test: { kind: 'equals', safe: [false] }
        }
      ]
    },
    { id: 'PG-AWS-071', type: 'aws_lightsail_disk', category: 'block-volume' },
    { id: 'PG-AWS-072', type: 'aws_lightsail_instance', category: 'block-volume' },
    {
      id: 'PG-AWS-073',
      type: 'aws_lb',
      aliases: ['aws_alb'],
      category: 'compute-protect',
      guards: [
        {
          id: 'PG-AWS-W072',
          path: 'enable_deletion_protection',
          family: 'deletion-protection',
          test: { kind: 'equals', safe: [true] }
        }
      ]
    },
    {
      id: 'PG-AWS-074',
      type: 'aws_eks_cluster',
      category: 'k8s-cluster',
      guards: [
        {
          id: 'PG-AWS-W073',
          path: 'deletion_protection',
          family: 'deletion-protection',
          test: { kind: 'equals', safe: [true] }
        }
      ]
    },
    {
      id: 'PG-AWS-075',
      type: 'aws_emr_cluster',
      category: 'compute-protect',
      guards: [
        {
          id: 'PG-AWS-W074',
          path: 'termination_protection',
          family: 'termination-protection',
          test: { kind: 'equals', safe: [true] }
        }
      ]
    },
    {
      id: 'PG-AWS-076',
      type: 'aws_efs_file_system',
      category: 'file-system',
      guards: [
        // overwrite protection against replication; EFS has no deletion protection
        {
          id: 'PG-AWS-W075',
          path: 'protection[0].replication_overwrite',
          family: 'deletion-protection',
          test: { kind: 'equals', safe: ['DISABLED'] }
        }
      ]
    },
    {
      id: 'PG-AWS-077',
      type: 'aws_efs_backup_policy',
      category: 'protection-control',
      guards: [
        {
          id: 'PG-AWS-W076',
          path: 'backup_policy[0].status',
          family: 'backup-retention',
          test: { kind: 'equals', safe: ['ENABLED'] }
        }
      ]
    },
    { id: 'PG-AWS-078', type: 'aws_efs_replication_configuration', category: 'file-system' },
    {
      id: 'PG-AWS-079',
      type: 'aws_fsx_lustre_file_system',
      category: 'file-system',
      guards: [
        // the provider default is true (no final backup), so absent is unsafe
        {
          id: 'PG-AWS-W077',
          path: 'skip_final_backup',
          family: 'final-snapshot',
          test: { kind: 'equals', safe: [false] }
        },
        {
          id: 'PG-AWS-W078',
          path: 'automatic_backup_retention_days',
          family: 'backup-retention',
          test: { kind: 'min', min: 1 }
        }
      ],
      survives: [
        // the provider default is true (no final backup), so absent does not count
        {
          copy: 'a final backup',
          when: [{ path: 'skip_final_backup', test: { kind: 'equals', safe: [false] } }]
        }
      ]
    },
    {
      id: 'PG-AWS-080',
      type: 'aws_fsx_windows_file_system',
      category: 'file-system',
      guards: [
        {
          id: 'PG-AWS-W079',
          path: 'skip_final_backup',
          family: 'final-snapshot',
          test: { kind: 'equals', safe: [false] },
          absent: 'safe'
        },
        {
          id: 'PG-AWS-W080',
          path: 'automatic_backup_retention_days',
          family: 'backup-retention',
          test: { kind: 'min', min: 1 },
          absent: 'safe'
        }
      ],
      survives: [
        {
          copy: 'a final backup',
          when: [
            { path: 'skip_final_backup', test: { kind: 'equals', safe: [false] }, absent: 'safe' }
          ]
        }
      ]
    },
    {
      id: 'PG-AWS-081',
      type: 'aws_fsx_ontap_file_system',
      category: 'file-system',
      guards: [
        {
          id: 'PG-AWS-W081',
          path: 'automatic_backup_retention_days',
          family: 'backup-retention',
          test: { kind: 'min', min: 1 }
        }
      ]
    },
    {
      id: 'PG-AWS-082',
      type: 'aws_fsx_ontap_volume',
      category: 'file-system',
      guards: [
        {
          id: 'PG-AWS-W082',
          path: 'skip_final_backup',
          family: 'final-snapshot',
          test: { kind: 'equals', safe: [false] },
          absent: 'safe'
        },
        // bypasses SnapLock Enterprise retention on delete
        {
          id: 'PG-AWS-W083',
          path: 'bypass_snaplock_enterprise_retention',
          family: 'force-destroy',
          test: { kind: 'equals', safe: [false] },
          absent: 'safe'
        },
        {
          id: 'PG-AWS-W084',
          path: 'snaplock_configuration[0].privileged_delete',
          family: 'object-lock',
          test: { kind: 'equals', safe: ['DISABLED', 'PERMANENTLY_DISABLED'] },
          absent: 'safe'
        }
      ],
      survives: [
        {
          copy: 'a final backup',
          when: [
            { path: 'skip_final_backup', test: { kind: 'equals', safe: [false] }, absent: 'safe' }
          ]
        }
      ]
    },
    {
      id: 'PG-AWS-083',
      type: 'aws_fsx_openzfs_file_system',
      category: 'file-system',
      guards: [
        {
          id: 'PG-AWS-W085',
          path: 'skip_final_backup',
          family: 'final-snapshot',
          test: { kind: 'equals', safe: [false] },
          absent: 'safe'
        },
        {
          id: 'PG-AWS-W086',
          path: 'automatic_backup_retention_days',
          family: 'backup-retention',
          test: { kind: 'min', min: 1 }
        }
      ],
      survives: [
        {
          copy: 'a final backup',
          when: [
            { path: 'skip_final_backup', test: { kind: 'equals', safe: [false] }, absent: 'safe' }
          ]
        }
      ]
    },
    { id: 'PG-AWS-084', type: 'aws_fsx_openzfs_volume', category: 'file-system' },
    { id: 'PG-AWS-085', type: 'aws_fsx_ontap_storage_virtual_machine', category: 'file-system' },
    { id: 'PG-AWS-086', type: 'aws_fsx_file_cache', category: 'file-system' },
    {
      id: 'PG-AWS-087',
      type: 'aws_kms_key',
      category: 'encryption-key',
      guards: [
        {
          id: 'PG-AWS-W087',
          path: 'deletion_window_in_days',
          family: 'key-deletion-window',
          test: { kind: 'no-decrease' }
        },
        {
          id: 'PG-AWS-W116',
          path: 'is_enabled',
          family: 'key-disabled',
          test: { kind: 'equals', safe: [true] },
          absent: 'safe'
        }
      ],
      survives: [
        {
          copy: 'the key, recoverable during its deletion window',
          when: [{ path: 'deletion_window_in_days', test: { kind: 'min', min: 7 }, absent: 'safe' }]
        }
      ]
    },
    {
      id: 'PG-AWS-088',
      type: 'aws_kms_external_key',
      category: 'encryption-key',
      guards: [
        {
          id: 'PG-AWS-W088',
          path: 'deletion_window_in_days',
          family: 'key-deletion-window',
          test: { kind: 'no-decrease' },
          absent: 'safe'
        },
        {
          id: 'PG-AWS-W117',
          path: 'enabled',
          family: 'key-disabled',
          test: { kind: 'equals', safe: [true] },
          absent: 'safe'
        }
      ],
      survives: [
        {
          copy: 'the key, recoverable during its deletion window',
          when: [{ path: 'deletion_window_in_days', test: { kind: 'min', min: 7 }, absent: 'safe' }]
        }
      ]
    },
    {
      id: 'PG-AWS-089',
      type: 'aws_kms_replica_key',
      category: 'encryption-key',
      guards: [
        {
          id: 'PG-AWS-W089',
          path: 'deletion_window_in_days',
          family: 'key-deletion-window',
          test: { kind: 'no-decrease' },
          absent: 'safe'
        },
        {
          id: 'PG-AWS-W118',
          path: 'enabled',
          family: 'key-disabled',
          test: { kind: 'equals', safe: [true] },
          absent: 'safe'
        }
      ],
      survives: [
        {
          copy: 'the key, recoverable during its deletion window',
          when: [{ path: 'deletion_window_in_days', test: { kind: 'min', min: 7 }, absent: 'safe' }]
        }
      ]
    },
    {
      id: 'PG-AWS-090',
      type: 'aws_kms_replica_external_key',
      category: 'encryption-key',
      guards: [
        {
          id: 'PG-AWS-W090',
          path: 'deletion_window_in_days',
          family: 'key-deletion-window',
          test: { kind: 'no-decrease' },
          absent: 'safe'
        }
      ],
      survives: [
        {
          copy: 'the key, recoverable during its deletion window',
          when: [{ path: 'deletion_window_in_days', test: { kind: 'min', min: 7 }, absent: 'safe' }]
        }
      ]
    },
    { id: 'PG-AWS-091', type: 'aws_kms_alias', category: 'encryption-key' },
    {
      id: 'PG-AWS-092',
      type: 'aws_acmpca_certificate_authority',
      category: 'encryption-key',
      guards: [
        {
          id: 'PG-AWS-W091',
          path: 'permanent_deletion_time_in_days',
          family: 'key-deletion-window',
          test: { kind: 'no-decrease' },
          absent: 'safe'
        }
      ],
      survives: [
        {
          copy: 'the CA, restorable during its permanent-deletion period',
          when: [
            {
              path: 'permanent_deletion_time_in_days',
              test: { kind: 'min', min: 7 },
              absent: 'safe'
            }
          ]
        }
      ]
    },
    {
      id: 'PG-AWS-093',
      type: 'aws_paymentcryptography_key',
      category: 'encryption-key',
      guards: [
        {
          id: 'PG-AWS-W092',
          path: 'deletion_window_in_days',
          family: 'key-deletion-window',
          test: { kind: 'no-decrease' }
        }
      ],
      survives: [
        {
          copy: 'the key, restorable during its deletion window',
          when: [{ path: 'deletion_window_in_days', test: { kind: 'min', min: 1 }, absent: 'safe' }]
        }
      ]
    },
    { id: 'PG-AWS-094', type: 'aws_cloudhsm_v2_cluster', category: 'encryption-key' },
    { id: 'PG-AWS-095', type: 'aws_cloudhsm_v2_hsm', category: 'encryption-key' },
    {
      id: 'PG-AWS-096',
      type: 'aws_secretsmanager_secret',
      category: 'secret',
      guards: [
        {
          id: 'PG-AWS-W093',
          path: 'recovery_window_in_days',
          family: 'secret-recovery-window',
          test: { kind: 'no-decrease' },
          absent: 'safe'
        },
        // true overwrites a same-named secret in the replica region
        {
          id: 'PG-AWS-W094',
          path: 'force_overwrite_replica_secret',
          family: 'force-destroy',
          test: { kind: 'equals', safe: [false] },
          absent: 'safe'
        }
      ],
      survives: [
        // 0 deletes at once without recovery; otherwise 7-30 days, default 30
        {
          copy: 'the secret, recoverable during its recovery window',
          when: [{ path: 'recovery_window_in_days', test: { kind: 'min', min: 7 }, absent: 'safe' }]
        }
      ]
    },
    { id: 'PG-AWS-097', type: 'aws_secretsmanager_secret_version', category: 'secret' },
    { id: 'PG-AWS-098', type: 'aws_ssm_parameter', category: 'secret' },
    {
      id: 'PG-AWS-099',
      type: 'aws_route53_zone',
      category: 'dns-zone',
      guards: [
        {
          id: 'PG-AWS-W095',
          path: 'force_destroy',
          family: 'force-destroy',
          test: { kind: 'equals', safe: [false] },
          absent: 'safe'
        }
      ],
      survives: [
        {
          copy: 'the records (a zone that has records cannot be deleted without force_destroy)',
          when: [{ path: 'force_destroy', test: { kind: 'equals', safe: [false] }, absent: 'safe' }]
        }
      ]
    },
    { id: 'PG-AWS-100', type: 'aws_route53_record', category: 'dns-zone' },
    {
      id: 'PG-AWS-101',
      type: 'aws_route53domains_registered_domain',
      category: 'dns-zone',
      guards: [
        // transfer lock keeps the domain from being transferred away
        {
          id: 'PG-AWS-W096',
          path: 'transfer_lock',
          family: 'deletion-protection',
          test: { kind: 'equals', safe: [true] },
          absent: 'safe'
        }
      ]
    },
    {
      id: 'PG-AWS-102',
      type: 'aws_route53domains_domain',
      category: 'dns-zone',
      guards: [
        // transfer lock keeps the domain from being transferred away
        {
          id: 'PG-AWS-W097',
          path: 'transfer_lock',
          family: 'deletion-protection',
          test: { kind: 'equals', safe: [true] },
          absent: 'safe'
        }
      ]
    },
    {
      id: 'PG-AWS-103',
      type: 'aws_cognito_user_pool',
      category: 'identity-store',
      guards: [
        {
          id: 'PG-AWS-W098',
          path: 'deletion_protection',
          family: 'deletion-protection',
          test: { kind: 'equals', safe: ['ACTIVE'] }
        }
      ]
    },
    { id: 'PG-AWS-104', type: 'aws_cognito_identity_pool', category: 'identity-store' },
    { id: 'PG-AWS-105', type: 'aws_directory_service_directory', category: 'identity-store' },
    { id: 'PG-AWS-106', type: 'aws_identitystore_user', category: 'identity-store' },
    { id: 'PG-AWS-107', type: 'aws_identitystore_group', category: 'identity-store' },
    {
      id: 'PG-AWS-108',
      type: 'aws_iam_user',
      category: 'identity-store',
      guards: [
        {
          id: 'PG-AWS-W099',
          path: 'force_destroy',
          family: 'force-destroy',
          test: { kind: 'equals', safe: [false] },
          absent: 'safe'
        }
      ]
    },
    {
      id: 'PG-AWS-109',
      type: 'aws_organizations_account',
      category: 'account-org',
      guards: [
        // true: destroy closes the account instead of only leaving the organization
        {
          id: 'PG-AWS-W100',
          path: 'close_on_deletion',
          family: 'force-destroy',
          test: { kind: 'equals', safe: [false] },
          absent: 'safe'
        }
      ],
      survives: [
        {
          copy: 'the account, which only leaves the organization',
          when: [
            { path: 'close_on_deletion', test: { kind: 'equals', safe: [false] }, absent: 'safe' }
          ]
        }
      ]
    },
    {
      id: 'PG-AWS-110',
      type: 'aws_verifiedpermissions_policy_store',
      category: 'identity-store',
      guards: [
        {
          id: 'PG-AWS-W101',
          path: 'deletion_protection',
          family: 'deletion-protection',
          test: { kind: 'equals', safe: ['ENABLED'] }
        }
      ]
    },
    { id: 'PG-AWS-111', type: 'aws_opensearch_domain', category: 'search' },
    { id: 'PG-AWS-112', type: 'aws_elasticsearch_domain', category: 'search' },
    { id: 'PG-AWS-113', type: 'aws_opensearchserverless_collection', category: 'search' },
    { id: 'PG-AWS-114', type: 'aws_kendra_index', category: 'search' },
    { id: 'PG-AWS-115', type: 'aws_cloudsearch_domain', category: 'search' },
    {
      id: 'PG-AWS-116',
      type: 'aws_kinesis_stream',
      category: 'stream-queue',
      guards: [
        // data retention: lowering it expires records sooner
        {
          id: 'PG-AWS-W102',
          path: 'retention_period',
          family: 'backup-retention',
          test: { kind: 'no-decrease' },
          absent: 'safe'
        },
        // true: registered consumers are deleted with the stream
        {
          id: 'PG-AWS-W103',
          path: 'enforce_consumer_deletion',
          family: 'force-destroy',
          test: { kind: 'equals', safe: [false] },
          absent: 'safe'
        }
      ]
    },
    {
      id: 'PG-AWS-117',
      type: 'aws_sqs_queue',
      category: 'stream-queue',
      guards: [
        // data retention: lowering it expires messages sooner
        {
          id: 'PG-AWS-W104',
          path: 'message_retention_seconds',
          family: 'backup-retention',
          test: { kind: 'no-decrease' },
          absent: 'safe'
        }
      ]
    },
    { id: 'PG-AWS-118', type: 'aws_msk_cluster', category: 'stream-queue' },
    { id: 'PG-AWS-119', type: 'aws_msk_serverless_cluster', category: 'stream-queue' },
    { id: 'PG-AWS-120', type: 'aws_mq_broker', category: 'stream-queue' },
    { id: 'PG-AWS-121', type: 'aws_kinesis_video_stream', category: 'stream-queue' },
    { id: 'PG-AWS-122', type: 'aws_cloudwatch_event_archive', category: 'stream-queue' },
    {
      id: 'PG-AWS-123',
      type: 'aws_cloudwatch_log_group',
      category: 'log-storage',
      guards: [
        {
          id: 'PG-AWS-W105',
          path: 'deletion_protection_enabled',
          family: 'deletion-protection',
          test: { kind: 'equals', safe: [true] }
        },
        // true: destroy only removes the log group from state
        {
          id: 'PG-AWS-W106',
          path: 'skip_destroy',
          family: 'deletion-protection',
          test: { kind: 'equals', safe: [true] }
        },
        {
          id: 'PG-AWS-W124',
          path: 'retention_in_days',
          family: 'retention',
          test: { kind: 'expiry', unit: 'days', unlimited: [0] },
          absent: 'safe'
        }
      ],
      survives: [
        {
          copy: 'the log group and its events (skip_destroy only removes it from state)',
          when: [{ path: 'skip_destroy', test: { kind: 'equals', safe: [true] } }]
        }
      ]
    },
    {
      id: 'PG-AWS-124',
      type: 'aws_cloudtrail_event_data_store',
      category: 'log-storage',
      guards: [
        {
          id: 'PG-AWS-W107',
          path: 'termination_protection_enabled',
          family: 'termination-protection',
          test: { kind: 'equals', safe: [true] },
          absent: 'safe'
        },
        // data retention: lowering it expires events sooner
        {
          id: 'PG-AWS-W108',
          path: 'retention_period',
          family: 'backup-retention',
          test: { kind: 'no-decrease' },
          absent: 'safe'
        }
      ]
    },
    { id: 'PG-AWS-125', type: 'aws_cloudtrail', category: 'log-storage' },
    {
      id: 'PG-AWS-126',
      type: 'aws_ecr_repository',
      category: 'container-registry',
      guards: [
        {
          id: 'PG-AWS-W109',
          path: 'force_delete',
          family: 'force-destroy',
          test: { kind: 'equals', safe: [false] },
          absent: 'safe'
        },
        // immutable tags cannot be overwritten, the closest family is object-lock
        {
          id: 'PG-AWS-W110',
          path: 'image_tag_mutability',
          family: 'object-lock',
          test: { kind: 'equals', safe: ['IMMUTABLE'] }
        }
      ],
      survives: [
        {
          copy: 'the images (a repository holding any cannot be deleted without force_delete)',
          when: [{ path: 'force_delete', test: { kind: 'equals', safe: [false] }, absent: 'safe' }]
        }
      ]
    },
    {
      id: 'PG-AWS-127',
      type: 'aws_ecrpublic_repository',
      category: 'container-registry',
      guards: [
        {
          id: 'PG-AWS-W111',
          path: 'force_destroy',
          family: 'force-destroy',
          test: { kind: 'equals', safe: [false] },
          absent: 'safe'
        }
      ],
      survives: [
        {
          copy: 'the images (a repository holding any cannot be deleted without force_destroy)',
          when: [{ path: 'force_destroy', test: { kind: 'equals', safe: [false] }, absent: 'safe' }]
        }
      ]
    },
    { id: 'PG-AWS-128', type: 'aws_ecr_lifecycle_policy', category: 'protection-control' },
    { id: 'PG-AWS-129', type: 'aws_codeartifact_repository', category: 'container-registry' },
    { id: 'PG-AWS-130', type: 'aws_codeartifact_domain', category: 'container-registry' },
    { id: 'PG-AWS-131', type: 'aws_codecommit_repository', category: 'code-repository' },
    { id: 'PG-AWS-132', type: 'aws_glue_catalog_database', category: 'data-warehouse' },
    { id: 'PG-AWS-133', type: 'aws_glue_catalog_table', category: 'data-warehouse' },
    {
      id: 'PG-AWS-134',
      type: 'aws_athena_database',
      category: 'data-warehouse',
      guards: [
        {
          id: 'PG-AWS-W112',
          path: 'force_destroy',
          family: 'force-destroy',
          test: { kind: 'equals', safe: [false] },
          absent: 'safe'
        }
      ],
      survives: [
        {
          copy: 'the tables (a database that has tables cannot be dropped without force_destroy)',
          when: [{ path: 'force_destroy', test: { kind: 'equals', safe: [false] }, absent: 'safe' }]
        }
      ]
    },
    {
      id: 'PG-AWS-135',
      type: 'aws_athena_workgroup',
      category: 'data-warehouse',
      guards: [
        {
          id: 'PG-AWS-W113',
          path: 'force_destroy',
          family: 'force-destroy',
          test: { kind: 'equals', safe: [false] },
          absent: 'safe'
        }
      ],
      survives: [
        {
          copy: 'the saved queries (a non-empty workgroup cannot be deleted without force_destroy)',
          when: [{ path: 'force_destroy', test: { kind: 'equals', safe: [false] }, absent: 'safe' }]
        }
      ]
    },
    {
      id: 'PG-AWS-136',
      type: 'aws_datazone_domain',
      category: 'data-warehouse',
      guards: [
        {
          id: 'PG-AWS-W114',
          path: 'skip_deletion_check',
          family: 'force-destroy',
          test: { kind: 'equals', safe: [false] },
          absent: 'safe'
        }
      ]
    },
    {
      id: 'PG-AWS-137',
      type: 'aws_sagemaker_domain',
      category: 'file-system',
      survives: [
        {
          copy: 'the home EFS file system (retention policy Retain)',
          when: [
            {
              path: 'retention_policy[0].home_efs_file_system',
              test: { kind: 'equals', safe: ['Retain'] },
              absent: 'safe'
            }
          ]
        }
      ]
    },
    {
      id: 'PG-AWS-138',
      type: 'aws_bedrockagent_data_source',
      category: 'database',
      guards: [
        // DELETE removes the ingested vector data with the data source
        {
          id: 'PG-AWS-W115',
          path: 'data_deletion_policy',
          family: 'force-destroy',
          test: { kind: 'equals', safe: ['RETAIN'] }
        }
      ]
    }
  ]
}
