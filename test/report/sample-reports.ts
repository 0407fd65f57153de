/** Hand-built reports shared by the renderer tests, and the golden-file helper. */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect } from '@jest/globals'
import type { RuleMeta } from '../../src/rules/types.js'
import type { ActionCounts, PlanInfo, Report, ReportedFinding } from '../../src/report/types.js'

/** A deterministic fake `sha256:` fingerprint. */
export function fakeFingerprint(seed: string): string {
  return `sha256:${createHash('sha256').update(seed).digest('hex')}`
}

/** Action counts with every key zero except `overrides`. */
export function actionCounts(overrides: Partial<ActionCounts> = {}): ActionCounts {
  return {
    create: 0,
    read: 0,
    update: 0,
    'no-op': 0,
    delete: 0,
    replace: 0,
    forget: 0,
    'forget-replace': 0,
    unknown: 0,
    move: 0,
    import: 0,
    drift: 0,
    ...overrides
  }
}

const SHOW_JSON_PLAN: PlanInfo = {
  file: 'plan.json',
  format: 'show-json',
  formatVersion: '1.2',
  tool: 'terraform',
  toolVersion: '1.9.5',
  errored: false,
  applyable: true,
  complete: true,
  operation: 'plan',
  hasValues: true
}

/** Builds a report, deriving finding counts from `findings`. */
export function makeReport(
  decision: Report['decision'],
  plan: PlanInfo,
  actions: ActionCounts,
  findings: readonly ReportedFinding[]
): Report {
  const count = (d: ReportedFinding['decision']): number =>
    findings.filter((f) => f.decision === d).length
  const fingerprint = fakeFingerprint(`${decision}:${plan.file}:${findings.length}`)
  const findingCounts = {
    blocked: count('blocked'),
    'approval-required': count('approval-required'),
    warn: count('warn')
  }
  return {
    schemaVersion: 1,
    tool: { name: 'plan-gate', version: '0.1.0' },
    decision,
    fingerprint,
    plans: [{ ...plan, decision, fingerprint, counts: { actions, findings: findingCounts } }],
    counts: { actions, findings: findingCounts },
    blastRadius: {
      awsAccounts: decision === 'pass' ? [] : ['123456789012'],
      gcpProjects: decision === 'approval-required' ? ['acme-prod'] : [],
      azureSubscriptions: [],
      regions: decision === 'pass' ? [] : ['eu-west-1'],
      providers: ['aws']
    },
    policy: { source: '(defaults)' },
    findings
  }
}

/** (a) Nothing destructive. */
export const PASS_REPORT = makeReport(
  'pass',
  SHOW_JSON_PLAN,
  actionCounts({ create: 2, update: 1, read: 1, 'no-op': 14 }),
  []
)

/** (b) A replaced RDS instance, a deleted Cloud SQL instance, a weakened guard, a warning. */
export const APPROVAL_REPORT = makeReport(
  'approval-required',
  { ...SHOW_JSON_PLAN, file: 'plans/prod.json', toolVersion: '1.10.2' },
  actionCounts({ create: 3, update: 2, delete: 2, replace: 1, read: 2, 'no-op': 57, move: 1 }),
  [
    {
      ruleId: 'PG-AWS-001',
      address: 'aws_db_instance.main',
      type: 'aws_db_instance',
      action: 'replace',
      order: 'delete-first',
      category: 'database',
      severity: 'critical',
      decision: 'approval-required',
      messageId: 'destroy-data-store',
      data: { category: 'database', reason: 'replace_because_cannot_update' },
      source: 'change',
      reason:
        'Replaces a database (aws_db_instance), deleting the old one first: its data is lost ' +
        'unless restored from a snapshot.'
    },
    {
      ruleId: 'PG-GCP-001',
      address: 'google_sql_database_instance.reporting',
      type: 'google_sql_database_instance',
      action: 'delete',
      category: 'database',
      severity: 'critical',
      decision: 'approval-required',
      messageId: 'destroy-data-store',
      data: { category: 'database' },
      source: 'change',
      reason: 'Deletes a database (google_sql_database_instance): its data is lost.'
    },
    {
      ruleId: 'PG-AWS-W001',
      address: 'aws_db_instance.analytics',
      type: 'aws_db_instance',
      action: 'update',
      category: 'database',
      severity: 'high',
      decision: 'approval-required',
      messageId: 'protection-weakened',
      data: { attribute: 'deletion_protection', from: true, to: false },
      source: 'change',
      reason:
        'Turns off deletion_protection (true → false), so a later plan can delete this database.'
    },
    {
      ruleId: 'PG-0004',
      address: 'null_resource.migrate["v2"]',
      type: 'null_resource',
      action: 'delete',
      severity: 'low',
      decision: 'warn',
      messageId: 'destroy-resource',
      data: {},
      source: 'change',
      reason: 'Deletes a resource that holds no data.'
    }
  ]
)

/** (c) State storage deleted, a deposed database cluster, and an errored plan. */
export const BLOCKED_REPORT = makeReport(
  'blocked',
  {
    file: 'stacks/core/tfplan.json',
    format: 'show-json',
    formatVersion: '1.2',
    tool: 'opentofu',
    toolVersion: '1.8.3',
    errored: true,
    applyable: false,
    complete: false,
    operation: 'plan',
    hasValues: true
  },
  actionCounts({ create: 1, delete: 2, forget: 1, 'no-op': 9 }),
  [
    {
      ruleId: 'PG-0001',
      address: '(plan)',
      severity: 'critical',
      decision: 'blocked',
      messageId: 'plan-errored',
      data: {},
      source: 'plan',
      reason: 'The plan reported errors, so it may be incomplete; fix them and plan again.'
    },
    {
      ruleId: 'PG-0002',
      address: 'aws_s3_bucket.tfstate',
      type: 'aws_s3_bucket',
      action: 'delete',
      category: 'state-storage',
      severity: 'critical',
      decision: 'blocked',
      messageId: 'destroy-state-storage',
      data: { category: 'state-storage' },
      source: 'change',
      reason: 'Deletes Terraform state storage: every stack that keeps its state here loses it.'
    },
    {
      ruleId: 'PG-AWS-002',
      address: 'aws_rds_cluster.main',
      type: 'aws_rds_cluster',
      action: 'delete',
      deposed: '5f2a1c3e',
      category: 'database-cluster',
      severity: 'critical',
      decision: 'approval-required',
      messageId: 'destroy-data-store',
      data: { category: 'database-cluster' },
      source: 'change',
      reason:
        'Deletes a deposed database cluster (aws_rds_cluster) left over from an earlier ' +
        'create-before-destroy replacement.'
    }
  ]
)

function tenantFinding(i: number): ReportedFinding {
  const tenant = `tenant-${String(i).padStart(3, '0')}`
  const nested = i % 10 === 0
  const address = nested
    ? `module.tenants["${tenant}"].module.database.aws_rds_cluster_instance.replica[0]`
    : `module.tenants["${tenant}"].aws_db_instance.this`
  const type = nested ? 'aws_rds_cluster_instance' : 'aws_db_instance'
  return {
    ruleId: nested ? 'PG-AWS-003' : 'PG-AWS-001',
    address,
    type,
    action: 'delete',
    category: 'database',
    severity: 'critical',
    decision: 'approval-required',
    messageId: 'destroy-data-store',
    data: { category: 'database' },
    source: 'change',
    reason: `Deletes a database (${type}): its data is lost.`
  }
}

function queueFinding(i: number): ReportedFinding {
  const tenant = `tenant-${String(i).padStart(3, '0')}`
  return {
    ruleId: 'PG-0004',
    address: `module.tenants["${tenant}"].aws_security_group.db`,
    type: 'aws_security_group',
    action: 'delete',
    severity: 'low',
    decision: 'warn',
    messageId: 'destroy-resource',
    data: {},
    source: 'change',
    reason: 'Deletes a resource that holds no data.'
  }
}

/** (d) A tenant teardown with 300 findings, read from the JSON Lines stream. */
export const LARGE_REPORT = makeReport(
  'approval-required',
  {
    file: 'plan.jsonl',
    format: 'jsonl',
    formatVersion: '1.2',
    tool: 'terraform',
    toolVersion: '1.9.5',
    errored: false,
    operation: 'destroy',
    hasValues: false
  },
  actionCounts({ delete: 612, drift: 3 }),
  [
    ...Array.from({ length: 120 }, (_, i) => tenantFinding(i + 1)),
    ...Array.from({ length: 180 }, (_, i) => queueFinding(i + 1))
  ]
)

/** Every sample, keyed by the case name used in golden file names. */
export const SAMPLE_REPORTS: Readonly<Record<'pass' | 'approval' | 'blocked' | 'large', Report>> = {
  pass: PASS_REPORT,
  approval: APPROVAL_REPORT,
  blocked: BLOCKED_REPORT,
  large: LARGE_REPORT
}

/** Rule metadata for some of the sample rule ids; the others stay unknown on purpose. */
export const SAMPLE_RULES: Readonly<Record<string, RuleMeta>> = {
  'PG-AWS-001': {
    id: 'PG-AWS-001',
    slug: 'aws-db-instance-destroy',
    title: 'RDS instance deleted or replaced',
    description: 'Deleting or replacing an RDS instance loses its data unless a snapshot exists.',
    severity: 'critical',
    defaultDecision: 'approval-required',
    remediation: 'Keep a final snapshot and get a second approval.',
    helpUri: 'https://github.com/plan-gate/plan-gate/blob/main/docs/rules/PG-AWS-001.md'
  },
  'PG-0002': {
    id: 'PG-0002',
    slug: 'state-storage-destroy',
    title: 'Terraform state storage deleted',
    description: 'Deleting the bucket or table that holds Terraform state orphans every resource.',
    severity: 'critical',
    defaultDecision: 'blocked',
    remediation: 'Move the state first.',
    helpUri: 'https://github.com/plan-gate/plan-gate/blob/main/docs/rules/PG-0002.md'
  },
  'PG-0004': {
    id: 'PG-0004',
    slug: 'resource-destroy',
    title: 'Resource deleted',
    description: 'A resource without data is deleted; shown for information only.',
    severity: 'low',
    defaultDecision: 'warn',
    remediation: 'Check that the delete is intended.',
    helpUri: 'https://github.com/plan-gate/plan-gate/blob/main/docs/rules/PG-0004.md'
  }
}

/** The rule lookup the SARIF renderer takes. */
export function sampleRules(id: string): RuleMeta | undefined {
  return SAMPLE_RULES[id]
}

const GOLDEN_DIR = fileURLToPath(new URL('../golden/', import.meta.url))

/** Compares `actual` with `test/golden/<name>`; rewrites the file when `UPDATE_GOLDEN=1`. */
export function expectGolden(name: string, actual: string): void {
  const file = `${GOLDEN_DIR}${name}`
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, actual)
    return
  }
  if (!existsSync(file)) throw new Error(`Missing golden file ${name}: run with UPDATE_GOLDEN=1`)
  expect(actual).toBe(readFileSync(file, 'utf8'))
}

/** A module address about 110 characters long, as platform teams' nested modules produce. */
function platformAddress(i: number, resource: string): string {
  const tenant = `tenant-${String(i).padStart(4, '0')}-analytics-pipeline`
  return `module.platform_eu_west_1.module.tenant_workloads["${tenant}"].module.storage.${resource}`
}

function hugeFinding(
  address: string,
  type: string,
  decision: ReportedFinding['decision'],
  reason: string,
  ruleId: string
): ReportedFinding {
  return {
    ruleId,
    address,
    type,
    action: 'delete',
    category: decision === 'warn' ? undefined : 'database',
    severity: decision === 'warn' ? 'low' : 'critical',
    decision,
    messageId: decision === 'warn' ? 'destroy-resource' : 'destroy-data-store',
    data: {},
    source: 'change',
    reason
  } as ReportedFinding
}

/**
 * (e) The 1,500-finding teardown the issue measured: 110-character module addresses, 400
 * identical "no copy survives" findings, one 300-character `for_each` key, 30 other types.
 */
export function hugeReport(): Report {
  const findings: ReportedFinding[] = []
  for (let i = 0; i < 400; i++)
    findings.push(
      hugeFinding(
        platformAddress(i, 'aws_db_instance.primary'),
        'aws_db_instance',
        'approval-required',
        'Deletes a database and no copy survives (none of: final snapshot, retained automated backups, AWS Backup recovery point). To unblock: take or keep a backup first in a separate change, or add an exemption',
        'PG-0013'
      )
    )
  for (let i = 0; i < 300; i++)
    findings.push(
      hugeFinding(
        platformAddress(i, 'aws_s3_bucket.exports'),
        'aws_s3_bucket',
        'approval-required',
        'Deletes an object storage (its key left for_each)',
        'PG-AWS-020'
      )
    )
  for (let i = 0; i < 200; i++)
    findings.push(
      hugeFinding(
        platformAddress(i, 'aws_kms_key.data'),
        'aws_kms_key',
        'approval-required',
        'Deletes an encryption key (its key left for_each)',
        'PG-AWS-040'
      )
    )
  findings.push(
    hugeFinding(
      `module.platform_eu_west_1.aws_dynamodb_table.sessions["${'customer-session-store-'.repeat(14)}x"]`,
      'aws_dynamodb_table',
      'approval-required',
      'Deletes a database (its key left for_each)',
      'PG-AWS-010'
    )
  )
  for (let t = 0; t < 30; t++)
    for (let i = 0; i < 3; i++)
      findings.push(
        hugeFinding(
          platformAddress(i, `aws_service_${t}_store.this`),
          `aws_service_${t}_store`,
          'approval-required',
          `Deletes a database (aws_service_${t}_store): its data is lost`,
          `PG-AWS-${100 + t}`
        )
      )
  for (let i = 0; i < 509; i++)
    findings.push(
      hugeFinding(
        platformAddress(i, `aws_security_group_rule.ingress_${i % 10}`),
        'aws_security_group_rule',
        'warn',
        'Deletes a resource that holds no data',
        'PG-0004'
      )
    )
  return makeReport(
    'approval-required',
    {
      file: 'plan.json',
      format: 'show-json',
      formatVersion: '1.2',
      tool: 'terraform',
      toolVersion: '1.11.0',
      errored: false,
      applyable: true,
      complete: true,
      operation: 'plan',
      hasValues: true
    },
    actionCounts({ delete: 1500 }),
    findings
  )
}
