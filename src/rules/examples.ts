/**
 * Good and bad examples for every rule, as runnable plans. Catalog rules get theirs generated
 * from the data (a delete of the type, a guard switched from safe to unsafe); generic rules have
 * hand-written ones in their own modules (src/rules/generic/), built with the helpers here.
 * Tests run every example through the real CLI; docs show them.
 */
import type { Condition, Guard, GuardTest, ResourceTypeEntry } from '../catalog/types.js'
import type { RuleExample } from './types.js'
import { parsePath } from './values.js'

export type Json = Record<string, unknown>

const NOOP: Json = change(
  'aws_vpc',
  'main',
  ['no-op'],
  { cidr_block: '10.0.0.0/16' },
  { cidr_block: '10.0.0.0/16' }
)

/** A `resource_changes` element. */
export function change(
  type: string,
  name: string,
  actions: string[],
  before: unknown,
  after: unknown,
  extra: Json = {}
): Json {
  return {
    address: `${type}.${name}`,
    mode: 'managed',
    type,
    name,
    provider_name: `registry.terraform.io/hashicorp/${type.split('_')[0] ?? type}`,
    change: { actions, before, after, after_unknown: {} },
    ...extra
  }
}

/** A minimal show-json plan around some changes; a no-op keeps it from being a full destroy. */
export function plan(changes: Json[], extra: Json = {}): Json {
  return {
    format_version: '1.2',
    terraform_version: '1.9.8',
    resource_changes: [NOOP, ...changes],
    ...extra
  }
}

/** A value with `leaf` at a guard path (`[*]`/`[n]` become one-element lists). */
export function valueAt(path: string, leaf: unknown, into: Json = {}): Json {
  const steps = parsePath(path)
  let node: Json | unknown[] = into
  steps.forEach((step, i) => {
    const last = i === steps.length - 1
    const nextStep = steps[i + 1]
    const key = typeof step === 'string' && step !== '*' ? step : 0
    const existing = Array.isArray(node) ? node[key as number] : node[key as string]
    const fresh = typeof nextStep === 'string' && nextStep !== '*' ? {} : []
    const next = last ? leaf : (existing ?? fresh)
    if (Array.isArray(node)) node[key as number] = next
    else node[key as string] = next
    node = next as Json | unknown[]
  })
  return into
}

/** A value that passes the test. */
export function safeValue(test: GuardTest): unknown {
  if (test.kind === 'equals') return test.safe[0]
  if (test.kind === 'min') return test.min + 10
  if (test.kind === 'non-empty') return 'kept-on-delete'
  return 30
}

/** A value that fails the test (for no-decrease: a lower one). */
export function unsafeValue(test: GuardTest): unknown {
  if (test.kind === 'min') return 0
  if (test.kind === 'no-decrease') return 1
  if (test.kind === 'non-empty') return ''
  const safe = test.safe[0]
  if (typeof safe === 'boolean') return !safe
  return typeof safe === 'number' ? safe + 1000 : 'UNSAFE_VALUE'
}

/** A `before` in which the first way a copy survives holds, so a delete needs only approval. */
function survivingBefore(entry: ResourceTypeEntry): Json {
  const value: Json = {}
  for (const condition of entry.survives?.[0]?.when ?? ([] as Condition[])) {
    valueAt(condition.path, safeValue(condition.test), value)
  }
  return value
}

/** Examples for a catalog type: its delete is flagged, an in-place update is not. */
export function typeExamples(entry: ResourceTypeEntry): {
  bad: RuleExample[]
  good: RuleExample[]
} {
  const before = survivingBefore(entry)
  return {
    bad: [{ plan: plan([change(entry.type, 'this', ['delete'], before, null)]) }],
    good: [{ plan: plan([change(entry.type, 'this', ['update'], before, before)]) }]
  }
}

/** Examples for a guard: switching it from safe to unsafe is flagged, keeping it safe is not. */
export function guardExamples(
  entry: ResourceTypeEntry,
  guard: Guard
): { bad: RuleExample[]; good: RuleExample[] } {
  const safe = valueAt(guard.path, safeValue(guard.test))
  const unsafe = valueAt(guard.path, unsafeValue(guard.test))
  return {
    bad: [{ plan: plan([change(entry.type, 'this', ['update'], safe, unsafe)]) }],
    good: [{ plan: plan([change(entry.type, 'this', ['update'], safe, safe)]) }]
  }
}

/** `n` null_resource changes with these actions. */
export const many = (n: number, actions: string[]): Json[] =>
  Array.from({ length: n }, (_, i) =>
    change('null_resource', `r${i}`, actions, {}, actions.includes('delete') ? null : {})
  )

/** An RDS instance whose delete leaves no copy. */
export const RDS_NO_COPY = {
  skip_final_snapshot: true,
  delete_automated_backups: true,
  backup_retention_period: 7
}
/** An RDS instance whose delete leaves a final snapshot. */
export const RDS_FINAL_SNAPSHOT = {
  ...RDS_NO_COPY,
  skip_final_snapshot: false,
  final_snapshot_identifier: 'orders-final'
}

/** A JSON Lines stream planning one action on an RDS instance. */
export const stream = (action: string): string =>
  [
    {
      '@level': 'info',
      '@message': 'Terraform 1.9.8',
      type: 'version',
      terraform: '1.9.8',
      ui: '1.2'
    },
    {
      '@level': 'info',
      '@message': 'aws_db_instance.db: Plan to ' + action,
      type: 'planned_change',
      change: {
        resource: {
          addr: 'aws_db_instance.db',
          module: '',
          resource_type: 'aws_db_instance',
          resource_name: 'db',
          resource_key: null,
          implied_provider: 'aws'
        },
        action
      }
    },
    {
      '@level': 'info',
      '@message': 'Plan',
      type: 'change_summary',
      changes: {
        add: action === 'create' ? 1 : 0,
        change: 0,
        remove: action === 'delete' ? 1 : 0,
        operation: 'plan'
      }
    }
  ]
    .map((m) => JSON.stringify(m))
    .join('\n') + '\n'
