import type { GuardTest, ProviderCatalog } from './types.js'

const on: GuardTest = { kind: 'equals', safe: [true] }
const off: GuardTest = { kind: 'equals', safe: [false] }
// Some no-decrease paths hold ISO-8601 durations ("P1Y", "PT0S" = off), not numbers.
const noDecrease: GuardTest = { kind: 'no-decrease' }
const locked: GuardTest = { kind: 'equals', safe: ['Locked'] }

/** Azure (hashicorp/azurerm) resource types that hold data, and their protection attributes. */
export const azurerm: ProviderCatalog = {
  provider: 'azurerm',
  prefix: 'PG-AZ',
  types: [
    { id: 'PG-AZ-001', type: 'azurerm_management_lock', category: 'protection-control' },
    { id: 'PG-AZ-002', type: 'azurerm_resource_group', category: 'account-org' },
    { id: 'PG-AZ-003', type: 'azurerm_mssql_server', category: 'database' },
    {
      id: 'PG-AZ-004',
      type: 'azurerm_mssql_database',
      category: 'database',
      guards: [
        {
          id: 'PG-AZ-W001',
          path: 'short_term_retention_policy[0].retention_days',
          family: 'backup-retention',
          test: noDecrease
        },
        // 12 is the more frequent of the two allowed values (12, 24).
        {
          id: 'PG-AZ-W002',
          path: 'short_term_retention_policy[0].backup_interval_in_hours',
          family: 'backup-retention',
          test: { kind: 'equals', safe: [12] }
        },
        {
          id: 'PG-AZ-W003',
          path: 'long_term_retention_policy[0].weekly_retention',
          family: 'backup-retention',
          test: noDecrease
        },
        {
          id: 'PG-AZ-W004',
          path: 'long_term_retention_policy[0].monthly_retention',
          family: 'backup-retention',
          test: noDecrease
        },
        {
          id: 'PG-AZ-W005',
          path: 'long_term_retention_policy[0].yearly_retention',
          family: 'backup-retention',
          test: noDecrease
        },
        {
          id: 'PG-AZ-W006',
          path: 'geo_backup_enabled',
          family: 'backup-retention',
          test: on,
          absent: 'safe'
        },
        {
          id: 'PG-AZ-W007',
          path: 'storage_account_type',
          family: 'backup-retention',
          test: { kind: 'equals', safe: ['Geo', 'GeoZone'] },
          absent: 'safe'
        }
      ]
    },
    { id: 'PG-AZ-005', type: 'azurerm_mssql_managed_instance', category: 'database' },
    {
      id: 'PG-AZ-006',
      type: 'azurerm_mssql_managed_database',
      category: 'database',
      guards: [
        {
          id: 'PG-AZ-W008',
          path: 'short_term_retention_days',
          family: 'backup-retention',
          test: noDecrease
        },
        {
          id: 'PG-AZ-W009',
          path: 'long_term_retention_policy[0].weekly_retention',
          family: 'backup-retention',
          test: noDecrease
        },
        {
          id: 'PG-AZ-W010',
          path: 'long_term_retention_policy[0].monthly_retention',
          family: 'backup-retention',
          test: noDecrease
        },
        {
          id: 'PG-AZ-W011',
          path: 'long_term_retention_policy[0].yearly_retention',
          family: 'backup-retention',
          test: noDecrease
        }
      ]
    },
    {
      id: 'PG-AZ-007',
      type: 'azurerm_postgresql_flexible_server',
      category: 'database',
      guards: [
        {
          id: 'PG-AZ-W012',
          path: 'backup_retention_days',
          family: 'backup-retention',
          test: noDecrease
        }
      ]
    },
    {
      id: 'PG-AZ-008',
      type: 'azurerm_mysql_flexible_server',
      category: 'database',
      guards: [
        {
          id: 'PG-AZ-W013',
          path: 'backup_retention_days',
          family: 'backup-retention',
          test: noDecrease
        }
      ]
    },
    { id: 'PG-AZ-009', type: 'azurerm_postgresql_flexible_server_database', category: 'database' },
    { id: 'PG-AZ-010', type: 'azurerm_mysql_flexible_database', category: 'database' },
    {
      id: 'PG-AZ-011',
      type: 'azurerm_cosmosdb_account',
      category: 'database',
      guards: [
        {
          id: 'PG-AZ-W014',
          path: 'backup[0].type',
          family: 'point-in-time-recovery',
          test: { kind: 'equals', safe: ['Continuous'] }
        },
        {
          id: 'PG-AZ-W015',
          path: 'backup[0].tier',
          family: 'point-in-time-recovery',
          test: { kind: 'equals', safe: ['Continuous30Days'] }
        },
        {
          id: 'PG-AZ-W016',
          path: 'backup[0].retention_in_hours',
          family: 'backup-retention',
          test: noDecrease
        },
        {
          id: 'PG-AZ-W017',
          path: 'backup[0].storage_redundancy',
          family: 'backup-retention',
          test: { kind: 'equals', safe: ['Geo'] },
          absent: 'safe'
        }
      ]
    },
    { id: 'PG-AZ-012', type: 'azurerm_cosmosdb_sql_database', category: 'database' },
    {
      id: 'PG-AZ-013',
      type: 'azurerm_cosmosdb_sql_container',
      category: 'database',
      guards: [
        {
          id: 'PG-AZ-W049',
          path: 'default_ttl',
          family: 'ttl',
          test: { kind: 'expiry', unit: 'seconds', unlimited: [-1] },
          absent: 'safe'
        }
      ]
    },
    { id: 'PG-AZ-014', type: 'azurerm_cosmosdb_mongo_database', category: 'database' },
    { id: 'PG-AZ-015', type: 'azurerm_cosmosdb_mongo_collection', category: 'database' },
    { id: 'PG-AZ-016', type: 'azurerm_cosmosdb_cassandra_keyspace', category: 'database' },
    { id: 'PG-AZ-017', type: 'azurerm_cosmosdb_gremlin_graph', category: 'database' },
    { id: 'PG-AZ-018', type: 'azurerm_cosmosdb_table', category: 'database' },
    {
      id: 'PG-AZ-019',
      type: 'azurerm_redis_cache',
      category: 'cache',
      guards: [
        {
          id: 'PG-AZ-W018',
          path: 'redis_configuration[0].rdb_backup_enabled',
          family: 'backup-retention',
          test: on
        },
        {
          id: 'PG-AZ-W019',
          path: 'redis_configuration[0].aof_backup_enabled',
          family: 'backup-retention',
          test: on
        }
      ]
    },
    {
      id: 'PG-AZ-020',
      type: 'azurerm_kusto_cluster',
      category: 'data-warehouse',
      guards: [
        {
          id: 'PG-AZ-W020',
          path: 'purge_enabled',
          family: 'soft-delete',
          test: off,
          absent: 'safe'
        }
      ]
    },
    {
      id: 'PG-AZ-021',
      type: 'azurerm_kusto_database',
      category: 'data-warehouse',
      // Unset means unlimited retention.
      guards: [
        {
          id: 'PG-AZ-W021',
          path: 'soft_delete_period',
          family: 'soft-delete',
          test: noDecrease,
          absent: 'safe'
        }
      ]
    },
    { id: 'PG-AZ-022', type: 'azurerm_synapse_workspace', category: 'data-warehouse' },
    {
      id: 'PG-AZ-023',
      type: 'azurerm_storage_account',
      category: 'object-storage',
      guards: [
        {
          id: 'PG-AZ-W022',
          path: 'blob_properties[0].delete_retention_policy[0].days',
          family: 'soft-delete',
          test: noDecrease
        },
        {
          id: 'PG-AZ-W023',
          path: 'blob_properties[0].delete_retention_policy[0].permanent_delete_enabled',
          family: 'soft-delete',
          test: off,
          absent: 'safe'
        },
        {
          id: 'PG-AZ-W024',
          path: 'blob_properties[0].container_delete_retention_policy[0].days',
          family: 'soft-delete',
          test: noDecrease
        },
        {
          id: 'PG-AZ-W025',
          path: 'blob_properties[0].versioning_enabled',
          family: 'versioning',
          test: on
        },
        {
          id: 'PG-AZ-W026',
          path: 'blob_properties[0].change_feed_enabled',
          family: 'point-in-time-recovery',
          test: on
        },
        {
          id: 'PG-AZ-W027',
          path: 'blob_properties[0].restore_policy[0].days',
          family: 'point-in-time-recovery',
          test: noDecrease
        },
        {
          id: 'PG-AZ-W028',
          path: 'share_properties[0].retention_policy[0].days',
          family: 'soft-delete',
          test: noDecrease
        },
        {
          id: 'PG-AZ-W029',
          path: 'account_replication_type',
          family: 'backup-retention',
          test: { kind: 'equals', safe: ['GRS', 'RAGRS', 'GZRS', 'RAGZRS'] }
        }
      ]
    },
    { id: 'PG-AZ-024', type: 'azurerm_storage_container', category: 'object-storage' },
    {
      id: 'PG-AZ-025',
      type: 'azurerm_storage_container_immutability_policy',
      category: 'protection-control',
      guards: [
        {
          id: 'PG-AZ-W030',
          path: 'immutability_period_in_days',
          family: 'object-lock',
          test: noDecrease
        },
        { id: 'PG-AZ-W031', path: 'locked', family: 'object-lock', test: on }
      ]
    },
    { id: 'PG-AZ-026', type: 'azurerm_storage_blob', category: 'object-storage' },
    { id: 'PG-AZ-027', type: 'azurerm_storage_share', category: 'object-storage' },
    {
      id: 'PG-AZ-028',
      type: 'azurerm_storage_data_lake_gen2_filesystem',
      category: 'object-storage'
    },
    { id: 'PG-AZ-029', type: 'azurerm_managed_disk', category: 'block-volume' },
    { id: 'PG-AZ-030', type: 'azurerm_snapshot', category: 'snapshot-backup' },
    // The OS disk goes with the VM unless the provider features say otherwise.
    { id: 'PG-AZ-031', type: 'azurerm_linux_virtual_machine', category: 'block-volume' },
    { id: 'PG-AZ-032', type: 'azurerm_windows_virtual_machine', category: 'block-volume' },
    { id: 'PG-AZ-033', type: 'azurerm_netapp_volume', category: 'file-system' },
    { id: 'PG-AZ-034', type: 'azurerm_netapp_backup_vault', category: 'backup-vault' },
    {
      id: 'PG-AZ-035',
      type: 'azurerm_key_vault',
      category: 'encryption-key',
      guards: [
        { id: 'PG-AZ-W032', path: 'purge_protection_enabled', family: 'soft-delete', test: on },
        {
          id: 'PG-AZ-W033',
          path: 'soft_delete_retention_days',
          family: 'soft-delete',
          test: noDecrease
        }
      ],
      survives: [
        // without it the provider purges on destroy unless its features block says otherwise
        {
          copy: 'the vault, soft-deleted; purge protection keeps it recoverable',
          when: [{ path: 'purge_protection_enabled', test: { kind: 'equals', safe: [true] } }]
        }
      ]
    },
    {
      id: 'PG-AZ-036',
      type: 'azurerm_key_vault_key',
      category: 'encryption-key',
      guards: [
        {
          id: 'PG-AZ-W046',
          path: 'expiration_date',
          family: 'key-disabled',
          test: { kind: 'expiry', unit: 'date' },
          absent: 'safe'
        }
      ]
    },
    { id: 'PG-AZ-037', type: 'azurerm_key_vault_secret', category: 'secret' },
    { id: 'PG-AZ-038', type: 'azurerm_key_vault_certificate', category: 'encryption-key' },
    // Its purge protection and retention force a new resource, so no update guard applies.
    {
      id: 'PG-AZ-039',
      type: 'azurerm_key_vault_managed_hardware_security_module',
      category: 'encryption-key',
      survives: [
        // without it the provider purges on destroy unless its features block says otherwise
        {
          copy: 'the HSM, soft-deleted; purge protection keeps it recoverable',
          when: [{ path: 'purge_protection_enabled', test: { kind: 'equals', safe: [true] } }]
        }
      ]
    },
    {
      id: 'PG-AZ-040',
      type: 'azurerm_key_vault_managed_hardware_security_module_key',
      category: 'encryption-key'
    },
    {
      id: 'PG-AZ-041',
      type: 'azurerm_app_configuration',
      category: 'secret',
      guards: [
        { id: 'PG-AZ-W034', path: 'purge_protection_enabled', family: 'soft-delete', test: on },
        {
          id: 'PG-AZ-W035',
          path: 'soft_delete_retention_days',
          family: 'soft-delete',
          test: noDecrease
        }
      ],
      survives: [
        // without it the provider purges on destroy unless its features block says otherwise
        {
          copy: 'the store, soft-deleted; purge protection keeps it recoverable',
          when: [{ path: 'purge_protection_enabled', test: { kind: 'equals', safe: [true] } }]
        }
      ]
    },
    { id: 'PG-AZ-042', type: 'azurerm_dns_zone', category: 'dns-zone' },
    { id: 'PG-AZ-043', type: 'azurerm_private_dns_zone', category: 'dns-zone' },
    {
      id: 'PG-AZ-044',
      type: 'azurerm_recovery_services_vault',
      category: 'backup-vault',
      guards: [{ id: 'PG-AZ-W036', path: 'immutability', family: 'object-lock', test: locked }]
    },
    { id: 'PG-AZ-045', type: 'azurerm_backup_protected_vm', category: 'backup-vault' },
    {
      id: 'PG-AZ-046',
      type: 'azurerm_backup_policy_vm',
      category: 'backup-vault',
      guards: [
        {
          id: 'PG-AZ-W037',
          path: 'retention_daily[0].count',
          family: 'backup-retention',
          test: noDecrease
        },
        {
          id: 'PG-AZ-W038',
          path: 'retention_weekly[0].count',
          family: 'backup-retention',
          test: noDecrease
        },
        {
          id: 'PG-AZ-W039',
          path: 'retention_monthly[0].count',
          family: 'backup-retention',
          test: noDecrease
        },
        {
          id: 'PG-AZ-W040',
          path: 'retention_yearly[0].count',
          family: 'backup-retention',
          test: noDecrease
        },
        {
          id: 'PG-AZ-W041',
          path: 'instant_restore_retention_days',
          family: 'backup-retention',
          test: noDecrease
        }
      ]
    },
    {
      id: 'PG-AZ-047',
      type: 'azurerm_data_protection_backup_vault',
      category: 'backup-vault',
      guards: [
        {
          id: 'PG-AZ-W042',
          path: 'soft_delete',
          family: 'soft-delete',
          test: { kind: 'equals', safe: ['AlwaysOn', 'On'] },
          absent: 'safe'
        },
        {
          id: 'PG-AZ-W043',
          path: 'retention_duration_in_days',
          family: 'soft-delete',
          test: noDecrease
        },
        { id: 'PG-AZ-W044', path: 'immutability', family: 'object-lock', test: locked }
      ]
    },
    {
      id: 'PG-AZ-048',
      type: 'azurerm_log_analytics_workspace',
      category: 'log-storage',
      guards: [
        {
          id: 'PG-AZ-W045',
          path: 'retention_in_days',
          family: 'backup-retention',
          test: noDecrease
        }
      ]
    },
    {
      id: 'PG-AZ-049',
      type: 'azurerm_eventhub',
      category: 'stream-queue',
      guards: [
        {
          id: 'PG-AZ-W047',
          path: 'message_retention',
          family: 'retention',
          test: { kind: 'expiry', unit: 'days', floorDays: 7 }
        },
        {
          id: 'PG-AZ-W048',
          path: 'retention_description[0].retention_time_in_hours',
          family: 'retention',
          test: { kind: 'expiry', unit: 'hours', floorDays: 7 }
        }
      ]
    },
    { id: 'PG-AZ-050', type: 'azurerm_eventhub_namespace', category: 'stream-queue' },
    { id: 'PG-AZ-051', type: 'azurerm_servicebus_namespace', category: 'stream-queue' },
    { id: 'PG-AZ-052', type: 'azurerm_servicebus_queue', category: 'stream-queue' },
    { id: 'PG-AZ-053', type: 'azurerm_container_registry', category: 'container-registry' },
    { id: 'PG-AZ-054', type: 'azurerm_search_service', category: 'search' },
    { id: 'PG-AZ-055', type: 'azurerm_kubernetes_cluster', category: 'k8s-cluster' },
    { id: 'PG-AZ-056', type: 'azurerm_cognitive_account', category: 'secret' },
    { id: 'PG-AZ-057', type: 'azurerm_api_management', category: 'compute-protect' },
    { id: 'PG-AZ-058', type: 'azurerm_machine_learning_workspace', category: 'compute-protect' },
    { id: 'PG-AZ-059', type: 'azurerm_databricks_workspace', category: 'data-warehouse' },
    { id: 'PG-AZ-060', type: 'azurerm_subscription', category: 'account-org' },
    {
      id: 'PG-AZ-061',
      type: 'azurerm_resource_group_template_deployment',
      category: 'account-org'
    },
    // Lifecycle management of a storage account: rules that delete blobs, snapshots and versions.
    {
      id: 'PG-AZ-062',
      type: 'azurerm_storage_management_policy',
      category: 'protection-control',
      guards: [
        {
          id: 'PG-AZ-W050',
          path: 'rule[*].actions[0].base_blob[0].delete_after_days_since_modification_greater_than',
          family: 'data-expiry',
          test: { kind: 'expiry', unit: 'days', unlimited: [-1] },
          absent: 'safe',
          onCreate: true,
          where: { path: 'rule[*].enabled', test: { kind: 'equals', safe: [true] }, absent: 'safe' }
        },
        {
          id: 'PG-AZ-W051',
          path: 'rule[*].actions[0].base_blob[0].delete_after_days_since_creation_greater_than',
          family: 'data-expiry',
          test: { kind: 'expiry', unit: 'days', unlimited: [-1] },
          absent: 'safe',
          onCreate: true,
          where: { path: 'rule[*].enabled', test: { kind: 'equals', safe: [true] }, absent: 'safe' }
        },
        {
          id: 'PG-AZ-W052',
          path: 'rule[*].actions[0].base_blob[0].delete_after_days_since_last_access_time_greater_than',
          family: 'data-expiry',
          test: { kind: 'expiry', unit: 'days', unlimited: [-1] },
          absent: 'safe',
          onCreate: true,
          where: { path: 'rule[*].enabled', test: { kind: 'equals', safe: [true] }, absent: 'safe' }
        },
        {
          id: 'PG-AZ-W053',
          path: 'rule[*].actions[0].snapshot[0].delete_after_days_since_creation_greater_than',
          family: 'data-expiry',
          test: { kind: 'expiry', unit: 'days', unlimited: [-1] },
          absent: 'safe',
          onCreate: true,
          where: { path: 'rule[*].enabled', test: { kind: 'equals', safe: [true] }, absent: 'safe' }
        },
        {
          id: 'PG-AZ-W054',
          path: 'rule[*].actions[0].version[0].delete_after_days_since_creation',
          family: 'data-expiry',
          test: { kind: 'expiry', unit: 'days', unlimited: [-1] },
          absent: 'safe',
          onCreate: true,
          where: { path: 'rule[*].enabled', test: { kind: 'equals', safe: [true] }, absent: 'safe' }
        }
      ]
    }
  ]
}
