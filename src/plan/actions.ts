/** Change actions: a leaf module, so that findings (src/rules/types.ts) can name them. */

/** What happens to the real object. Moves and imports are flags, not actions. */
export type Action =
  | 'create'
  | 'read'
  | 'update'
  | 'no-op'
  | 'delete'
  | 'replace'
  | 'forget'
  | 'forget-replace'
  | 'unknown'

/**
 * Ordering of a two-step action.
 * - `delete-first` / `create-first`: `["delete","create"]` / `["create","delete"]`.
 * - `create-then-forget` (Terraform) / `forget-then-create` (OpenTofu).
 * - `unspecified`: the JSON Lines stream folds both replace orders into `replace`.
 */
export type ActionOrder =
  'delete-first' | 'create-first' | 'create-then-forget' | 'forget-then-create' | 'unspecified'
