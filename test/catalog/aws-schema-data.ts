/**
 * Data for the AWS schema test: catalog entries the mirrored provider is too old to have, and
 * how to spot data-bearing types the catalog lacks.
 */

/**
 * Catalog types (`type`) or attribute paths (`type.path`) that are newer than the mirrored
 * hashicorp/aws, with the release that added them (from ../shared/docs/catalog.md). The test
 * fails when one of them does exist in the mirror, so the list cannot hide a typo.
 */
export const NEWER_THAN_MIRROR: Readonly<Record<string, string>> = {
  aws_timestreaminfluxdb_db_cluster: '6.x (resource added after 5.100)',
  aws_s3vectors_vector_bucket: '6.24.0 (resource added)',
  'aws_dynamodb_table.replica[*].deletion_protection_enabled': '6.9.0',
  'aws_dsql_cluster.force_destroy': '6.15.0',
  'aws_dlm_lifecycle_policy.policy_details[0].retain_interval': '6.x (default policies)',
  'aws_s3tables_table_bucket.force_destroy': '6.11.0',
  'aws_instance.force_destroy': '6.8.0',
  'aws_eks_cluster.deletion_protection': '6.9.0',
  'aws_verifiedpermissions_policy_store.deletion_protection': '6.7.0',
  'aws_cloudwatch_log_group.deletion_protection_enabled': '6.25.0'
}

/** AWS types reviewed and left out of the catalog on purpose (no data of their own). */
export const UNCATALOGUED_REVIEWED: ReadonlySet<string> = new Set<string>([])

const PROTECTION_ATTRIBUTES = new Set([
  'deletion_protection',
  'skip_final_snapshot',
  'final_snapshot_identifier',
  'force_destroy',
  'delete_automated_backups',
  'backup_retention_period',
  'retention_in_days',
  'recovery_window_in_days',
  'deletion_window_in_days',
  'prevent_destroy',
  'termination_protection',
  'enable_deletion_protection',
  'disable_api_termination',
  'message_retention_seconds',
  'retention_period',
  'snapshot_retention_limit'
])

const DATA_NAME =
  /(_db_|database|_bucket$|_table$|_volume$|file_system$|_cluster$|snapshot|backup|_vault$|_repository$|_stream$|_queue$|_secret$|_key$|_domain$|_store$|_ledger$|_keyspace$|_warehouse$|_index$|_dataset$|_log_group$)/

/** A type looks data-bearing by its name or by carrying a protection attribute. */
export function looksDataBearing(type: string, attributes: readonly string[]): boolean {
  return DATA_NAME.test(type) || attributes.some((a) => PROTECTION_ATTRIBUTES.has(a))
}
