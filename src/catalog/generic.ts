/**
 * Provider-independent protection data: tag/label maps, state storage evidence.
 */

/** Tag and label maps that can mark a resource protected, at the top level of its values. */
export const TAG_MAPS = [
  'tags',
  'tags_all',
  'labels',
  'effective_labels',
  'terraform_labels',
  'user_labels',
  'resource_labels'
] as const

/** Blocks whose first element may hold a tag map (`settings[0].user_labels`, `metadata[0].labels`). */
export const TAG_BLOCKS = ['settings', 'metadata'] as const

/** The tag key that marks a resource protected (compared case-insensitively). */
export const PROTECTED_TAG_KEY = 'protected'

/** Tag values that mean yes (compared case-insensitively). */
export const PROTECTED_TAG_VALUES = ['true', 'yes', '1'] as const

/** Name fragments that identify Terraform state storage (compared case-insensitively). */
export const STATE_NAME_MARKERS = ['tfstate', 'terraform-state', 'terraform_state'] as const

/**
 * Types that can hold Terraform state, and the attributes that carry their name. A delete of
 * one whose name contains a state marker is blocked.
 */
export const STATE_STORAGE_NAMES: Readonly<Record<string, readonly string[]>> = {
  aws_s3_bucket: ['bucket', 'bucket_prefix'],
  aws_s3_directory_bucket: ['bucket'],
  google_storage_bucket: ['name'],
  azurerm_storage_account: ['name'],
  azurerm_storage_container: ['name'],
  azurerm_storage_blob: ['storage_container_name', 'name'],
  aws_dynamodb_table: ['name']
}

/** The S3 backend's lock table has this partition key. */
export const LOCK_TABLE_HASH_KEY = 'LockID'
