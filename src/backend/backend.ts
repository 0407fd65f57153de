/**
 * State backends, exactly: which bucket, lock table, storage account or container holds the
 * Terraform state, read from `backend` blocks and `.terraform/terraform.tfstate`. Pure: the
 * caller (src/backend/load.ts) reads the files.
 */
import { UserError } from '../common/errors.js'
import { isRecord } from '../common/record.js'

/** One configured state backend. Values that are not literal strings are left undefined. */
export type StateBackend =
  | { kind: 's3'; bucket?: string; dynamodbTable?: string; key?: string; source: string }
  | { kind: 'gcs'; bucket?: string; prefix?: string; source: string }
  | {
      kind: 'azurerm'
      storageAccount?: string
      container?: string
      key?: string
      source: string
    }
  | { kind: 'other'; type: string; source: string }

/** A backend configuration that cannot be read. The message is one line. */
export class BackendConfigError extends UserError {
  override readonly name = 'BackendConfigError'
}

type Json = Record<string, unknown>

function isObject(value: unknown): value is Json {
  return isRecord(value)
}

// hcl2json gives blocks as arrays of bodies; the JSON syntax (`*.tf.json`) allows a bare object.
function bodies(value: unknown): Json[] {
  if (Array.isArray(value)) return value.filter(isObject)
  return isObject(value) ? [value] : []
}

// `${…}` and `%{…}` are templates whose value Terraform only knows at init; guessing is worse
// than leaving the field unknown.
function literal(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined
  return /[$%]\{/.test(value) ? undefined : value
}

function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}

function fromConfig(type: string, config: Json, source: string): StateBackend {
  switch (type) {
    case 's3':
      return definedOnly({
        kind: 's3',
        bucket: literal(config['bucket']),
        dynamodbTable: literal(config['dynamodb_table']),
        key: literal(config['key']),
        source
      })
    case 'gcs':
      return definedOnly({
        kind: 'gcs',
        bucket: literal(config['bucket']),
        prefix: literal(config['prefix']),
        source
      })
    case 'azurerm':
      return definedOnly({
        kind: 'azurerm',
        storageAccount: literal(config['storage_account_name']),
        container: literal(config['container_name']),
        key: literal(config['key']),
        source
      })
    default:
      return { kind: 'other', type, source }
  }
}

/** `.terraform/terraform.tfstate` text → the initialized backend (its `backend.type` + `backend.config`). */
export function backendFromInitState(text: string, source: string): StateBackend | undefined {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw new BackendConfigError(`${source}: not valid JSON`)
  }
  if (!isObject(parsed)) throw new BackendConfigError(`${source}: not a JSON object`)
  // `terraform init` without a backend block (local state) writes no `backend` at all.
  const backend = parsed['backend']
  if (backend === undefined || backend === null) return undefined
  if (!isObject(backend) || typeof backend['type'] !== 'string' || backend['type'] === '') {
    throw new BackendConfigError(`${source}: "backend" has no "type"`)
  }
  const config = isObject(backend['config']) ? backend['config'] : {}
  return fromConfig(backend['type'], config, source)
}

/** Parsed HCL (hcl2json output object of one file) → backend blocks found in `terraform { backend "x" { … } }`. Only literal string values are taken; interpolations (`${…}`) are ignored (left undefined). */
export function backendsFromHcl(parsed: unknown, source: string): StateBackend[] {
  if (!isObject(parsed)) return []
  const found: StateBackend[] = []
  for (const terraform of bodies(parsed['terraform'])) {
    const backend = terraform['backend']
    // hcl2json: `{ "s3": [ {…} ] }`; JSON syntax may also write `[ { "s3": {…} } ]`.
    for (const byType of Array.isArray(backend) ? backend.filter(isObject) : bodies(backend)) {
      for (const [type, body] of Object.entries(byType)) {
        const configs = bodies(body)
        for (const config of configs.length > 0 ? configs : [{}]) {
          found.push(fromConfig(type, config, source))
        }
      }
    }
    // HCP Terraform's `cloud` block replaces `backend`; its storage is not a plan resource.
    if (bodies(terraform['cloud']).length > 0) found.push({ kind: 'other', type: 'cloud', source })
  }
  return found
}

type S3 = Extract<StateBackend, { kind: 's3' }>
type Gcs = Extract<StateBackend, { kind: 'gcs' }>
type Azurerm = Extract<StateBackend, { kind: 'azurerm' }>

/** A resource's values on one side of the change. */
type Side = Json

function str(side: Side, name: string): string | undefined {
  const value = side[name]
  return typeof value === 'string' && value !== '' ? value : undefined
}

function where(backend: StateBackend): string {
  const type = backend.kind === 'other' ? backend.type : backend.kind
  return `backend "${type}" in ${backend.source}`
}

// The S3 backend keeps workspace states at `<workspace_key_prefix>/<workspace>/<key>` and, with
// `use_lockfile`, a `<state>.tflock` object next to each.
function isS3StateKey(objectKey: string, key: string): boolean {
  const state = objectKey.endsWith('.tflock') ? objectKey.slice(0, -'.tflock'.length) : objectKey
  if (state === key) return true
  if (!state.endsWith(`/${key}`)) return false
  return /^[^/].*\/[^/]+$/.test(state.slice(0, -key.length - 1))
}

function matchS3(type: string, side: Side, backend: S3): string | undefined {
  const bucket = str(side, 'bucket')
  if (backend.bucket !== undefined && bucket === backend.bucket) {
    if (type === 'aws_s3_bucket') return `the S3 backend bucket (${where(backend)})`
    if (type === 'aws_s3_object' || type === 'aws_s3_bucket_object') {
      const objectKey = str(side, 'key')
      if (backend.key !== undefined && objectKey !== undefined) {
        if (isS3StateKey(objectKey, backend.key)) {
          return `the S3 backend state object (${where(backend)})`
        }
      }
      return undefined
    }
    // Versioning, policy, public access block, encryption, lifecycle, object lock, ACL, …
    if (type.startsWith('aws_s3_bucket_')) {
      return `the S3 backend bucket (${where(backend)})`
    }
  }
  if (type === 'aws_dynamodb_table' && backend.dynamodbTable !== undefined) {
    if (str(side, 'name') === backend.dynamodbTable) {
      return `the S3 backend DynamoDB lock table (${where(backend)})`
    }
  }
  return undefined
}

// IAM resources store the bucket as `b/<name>`.
function gcsBucketName(value: string | undefined): string | undefined {
  return value?.startsWith('b/') ? value.slice(2) : value
}

// The GCS backend writes `<prefix>/<workspace>.tfstate` and `<prefix>/<workspace>.tflock`.
function isGcsStateObject(name: string, prefix: string | undefined): boolean {
  const base = prefix === undefined || prefix === '' ? '' : `${prefix.replace(/\/+$/, '')}/`
  if (!name.startsWith(base)) return false
  return /^[^/]+\.(tfstate|tflock)$/.test(name.slice(base.length))
}

function matchGcs(type: string, side: Side, backend: Gcs): string | undefined {
  if (backend.bucket === undefined) return undefined
  if (type === 'google_storage_bucket') {
    return str(side, 'name') === backend.bucket
      ? `the GCS backend bucket (${where(backend)})`
      : undefined
  }
  if (!type.startsWith('google_storage_')) return undefined
  if (gcsBucketName(str(side, 'bucket')) !== backend.bucket) return undefined
  if (type === 'google_storage_bucket_object') {
    const name = str(side, 'name')
    return name !== undefined && isGcsStateObject(name, backend.prefix)
      ? `the GCS backend state object (${where(backend)})`
      : undefined
  }
  // Objects other than the state (object ACLs, managed folders, …) are not the backend's storage.
  if (type.startsWith('google_storage_bucket_') || type === 'google_storage_default_object_acl') {
    return `the GCS backend bucket (${where(backend)})`
  }
  return undefined
}

// `storage_account_id` (azurerm ≥4) is an ARM id ending in `/storageAccounts/<name>`.
function azureAccount(side: Side): string | undefined {
  const name = str(side, 'storage_account_name')
  if (name !== undefined) return name
  const id = str(side, 'storage_account_id')
  return id === undefined ? undefined : /\/storageAccounts\/([^/]+)$/i.exec(id)?.[1]
}

// `storage_container_id` is either an ARM id (`…/storageAccounts/a/blobServices/default/
// containers/c`) or a data-plane URL (`https://a.blob.core.windows.net/c`).
function azureContainerOf(side: Side): { account?: string; container?: string } {
  const account = str(side, 'storage_account_name')
  const container = str(side, 'storage_container_name')
  if (account !== undefined && container !== undefined) return { account, container }
  const id = str(side, 'storage_container_id')
  if (id === undefined) return {}
  const arm = /\/storageAccounts\/([^/]+)\/blobServices\/default\/containers\/([^/]+)$/i.exec(id)
  if (arm) return { account: arm[1], container: arm[2] }
  const url = /^https:\/\/([^.]+)\.blob\.[^/]+\/([^/]+)\/?$/i.exec(id)
  return url ? { account: url[1], container: url[2] } : {}
}

function matchAzurerm(type: string, side: Side, backend: Azurerm): string | undefined {
  const { storageAccount, container, key } = backend
  if (storageAccount === undefined) return undefined
  if (type === 'azurerm_storage_account') {
    return str(side, 'name') === storageAccount
      ? `the azurerm backend storage account (${where(backend)})`
      : undefined
  }
  if (container === undefined) return undefined
  if (type === 'azurerm_storage_container') {
    return str(side, 'name') === container && azureAccount(side) === storageAccount
      ? `the azurerm backend container (${where(backend)})`
      : undefined
  }
  if (type === 'azurerm_storage_blob' && key !== undefined) {
    const at = azureContainerOf(side)
    const name = str(side, 'name')
    // Workspaces other than `default` are stored as `<key>env:<workspace>`.
    if (at.account === storageAccount && at.container === container && name !== undefined) {
      if (name === key || name.startsWith(`${key}env:`)) {
        return `the azurerm backend state blob (${where(backend)})`
      }
    }
  }
  return undefined
}

/** Does this resource change touch exactly the backend's storage? Returns evidence text (names only the attribute and backend kind, e.g. 'the S3 backend bucket (backend "s3" in main.tf)') or undefined. */
export function matchBackend(
  change: { type: string; before?: unknown; after?: unknown },
  backends: readonly StateBackend[]
): string | undefined {
  // `before` catches deletes and renames away; `after` catches a rename onto the state bucket.
  const sides = [change.before, change.after].filter(isObject)
  for (const backend of backends) {
    for (const side of sides) {
      let evidence: string | undefined
      if (backend.kind === 's3') evidence = matchS3(change.type, side, backend)
      else if (backend.kind === 'gcs') evidence = matchGcs(change.type, side, backend)
      else if (backend.kind === 'azurerm') evidence = matchAzurerm(change.type, side, backend)
      if (evidence !== undefined) return evidence
    }
  }
  return undefined
}

// Same kind and no field that both name differently: a partial block (some fields unknown) is
// the same backend as the initialized one, a changed bucket is not.
function compatible(a: StateBackend, b: StateBackend): boolean {
  if (a.kind !== b.kind) return false
  const x = a as Record<string, unknown>
  const y = b as Record<string, unknown>
  return Object.keys({ ...a, ...b })
    .filter((k) => k !== 'source')
    .every((k) => x[k] === undefined || y[k] === undefined || x[k] === y[k])
}

/** Merges backends that name the same storage; a partial `backend "s3" {}` takes the initialized values. */
export function dedupeBackends(backends: readonly StateBackend[]): StateBackend[] {
  const out: StateBackend[] = []
  for (const backend of backends) {
    const index = out.findIndex((seen) => compatible(seen, backend))
    const seen = out[index]
    if (seen === undefined) {
      out.push(backend)
      continue
    }
    const sources = [...new Set([...seen.source.split(', '), ...backend.source.split(', ')])]
    // Both sides are compatible, so the union of their defined values is the fuller picture.
    out[index] = { ...seen, ...definedOnly(backend), source: sources.join(', ') } as StateBackend
  }
  return out
}
