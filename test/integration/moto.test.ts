/**
 * Real plans of the real hashicorp/aws provider against moto (a local AWS API emulator): a small
 * configuration is applied, then planned with deletes, replaces and weakenings
 * (`scenario = "change"`) and with `plan -destroy`. Each plan is gated in all three forms: the
 * binary plan (read through `terraform show -json`), its show-json, and the `plan -json` stream.
 *
 * Skipped, with the reason, where terraform, the provider mirror or moto_server is absent.
 * Bounded: one apply and two plans (run side by side), each plan making its stream and binary
 * plan in one run.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cli, PLANTED_SECRET, ROOT } from '../helpers.js'
import {
  motoMissing,
  startMoto,
  terraformEnv,
  terraformOk,
  writeCliConfig,
  type Moto
} from '../tools/terraform.js'

const missing = motoMissing()
const suite = missing === undefined ? describe : describe.skip
if (missing !== undefined) console.warn(`moto: skipped: ${missing}`)

const CONFIG = join(ROOT, 'test', 'integration', 'moto', 'main.tf')

interface ReportFinding {
  readonly ruleId: string
  readonly address: string
  readonly decision: string
  readonly data: Record<string, unknown>
}
interface Report {
  readonly decision: string
  readonly findings: readonly ReportFinding[]
}

/** Creates the RDS instance through the API (the provider's create waits a minute for moto). */
async function createDatabase(endpoint: string): Promise<void> {
  const body = new URLSearchParams({
    Action: 'CreateDBInstance',
    Version: '2014-10-31',
    DBInstanceIdentifier: 'main',
    Engine: 'postgres',
    DBInstanceClass: 'db.t3.micro',
    AllocatedStorage: '20',
    MasterUsername: 'pgadmin',
    MasterUserPassword: PLANTED_SECRET,
    BackupRetentionPeriod: '0'
  })
  const response = await fetch(`${endpoint}/`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      // moto routes query-protocol calls by the credential scope's service name
      Authorization:
        'AWS4-HMAC-SHA256 Credential=testing/20240101/us-east-1/rds/aws4_request, SignedHeaders=host, Signature=0'
    },
    body
  })
  if (response.status !== 200) throw new Error(`CreateDBInstance: HTTP ${response.status}`)
}

/** The AWS types the configuration exercises. */
export const MOTO_TYPES = [
  'aws_s3_bucket',
  'aws_s3_bucket_versioning',
  'aws_s3_bucket_lifecycle_configuration',
  'aws_s3_bucket_policy',
  'aws_dynamodb_table',
  'aws_sqs_queue',
  'aws_kms_key',
  'aws_cloudwatch_log_group',
  'aws_kinesis_stream',
  'aws_secretsmanager_secret',
  'aws_ebs_volume',
  'aws_ecr_repository',
  'aws_db_instance',
  'aws_backup_vault',
  'aws_backup_plan',
  'aws_iam_role'
]

suite('real AWS provider plans against moto', () => {
  let moto: Moto | undefined
  let dir: string
  let env: Record<string, string>
  const files: Record<string, string> = {}

  beforeAll(async () => {
    moto = await startMoto()
    dir = mkdtempSync(join(tmpdir(), 'plan-gate-moto-'))
    copyFileSync(CONFIG, join(dir, 'main.tf'))
    env = terraformEnv(writeCliConfig(join(dir, 'cli')), {
      AWS_EC2_METADATA_DISABLED: 'true',
      TF_VAR_endpoint: moto.endpoint
    })
    await createDatabase(moto.endpoint)
    await terraformOk(['init', '-input=false', '-no-color'], dir, env)
    await terraformOk(['apply', '-auto-approve', '-input=false', '-no-color'], dir, env)
    // Both plans read the same state and write nothing to it, so they run side by side.
    const plan = async (name: string, extra: string[]): Promise<void> => {
      const stream = await terraformOk(
        ['plan', '-json', '-lock=false', '-input=false', `-out=${name}.tfplan`, ...extra],
        dir,
        env
      )
      writeFileSync(join(dir, `${name}.jsonl`), stream)
      const json = await terraformOk(['show', '-json', `${name}.tfplan`], dir, env)
      writeFileSync(join(dir, `${name}.json`), json)
      files[name] = join(dir, name)
    }
    await Promise.all([plan('change', ['-var', 'scenario=change']), plan('destroy', ['-destroy'])])
  }, 900_000)

  afterAll(async () => {
    await moto?.stop()
    // PLAN_GATE_KEEP_MOTO=1 keeps the plans for a look (the directory is printed)
    if (process.env['PLAN_GATE_KEEP_MOTO'] === '1') console.info(`moto: plans kept in ${dir}`)
    else if (dir !== undefined) rmSync(dir, { recursive: true, force: true })
  })

  /** Gates one form of a plan from a directory that is not the plan's. */
  async function gateForm(name: string, form: 'binary' | 'show-json' | 'stream'): Promise<Report> {
    const suffix = { binary: '.tfplan', 'show-json': '.json', stream: '.jsonl' }[form]
    const result = await cli([`${files[name]}${suffix}`, '--format', 'json'], { env, cwd: ROOT })
    expect(result.stderr).toBe('')
    expect(result.stdout).not.toContain(PLANTED_SECRET)
    expect([0, 1]).toContain(result.code)
    return JSON.parse(result.stdout) as Report
  }

  const lines = (report: Report): string[] =>
    report.findings.map((f) => `${f.address} ${f.ruleId} ${f.decision}`).sort()

  // What plan-gate finds on the change plan with attribute values (binary and show-json).
  const WITH_VALUES = [
    'aws_backup_plan.daily PG-AWS-W046 approval-required',
    'aws_cloudwatch_log_group.audit PG-AWS-W124 approval-required',
    'aws_cloudwatch_log_group.old[0] PG-0013 blocked',
    'aws_db_instance.main[0] PG-0013 blocked',
    'aws_dynamodb_table.ledger PG-AWS-W027 approval-required',
    'aws_dynamodb_table.ledger PG-AWS-W028 approval-required',
    'aws_dynamodb_table.ledger PG-AWS-W123 approval-required',
    'aws_dynamodb_table.locks[0] PG-0003 blocked',
    'aws_dynamodb_table.sessions[0] PG-AWS-018 approval-required',
    'aws_ebs_volume.data PG-0013 blocked',
    'aws_ecr_repository.app[0] PG-AWS-126 approval-required',
    'aws_iam_role.worker[0] PG-0005 warn',
    'aws_kinesis_stream.events PG-AWS-W102 approval-required',
    'aws_kms_key.data PG-AWS-W087 approval-required',
    'aws_kms_key.data PG-AWS-W116 approval-required',
    'aws_s3_bucket_lifecycle_configuration.backups[0] PG-AWS-W119 approval-required',
    'aws_s3_bucket_lifecycle_configuration.backups[0] PG-AWS-W120 approval-required',
    'aws_s3_bucket_versioning.backups PG-AWS-W055 approval-required',
    'aws_secretsmanager_secret.api PG-AWS-W093 approval-required',
    'aws_sqs_queue.events PG-AWS-W104 approval-required',
    'aws_sqs_queue.jobs PG-AWS-117 approval-required'
  ]

  test.each(['binary', 'show-json'] as const)(
    'change plan (%s): deletes, replaces and weakenings',
    async (form) => {
      const report = await gateForm('change', form)
      expect(report.decision).toBe('blocked')
      expect(lines(report)).toEqual(WITH_VALUES)
    }
  )

  test('with the backend configured, a new policy on its bucket and the lock table are blocked', async () => {
    const backendDir = join(dir, 'backend-config')
    mkdirSync(backendDir, { recursive: true })
    writeFileSync(
      join(backendDir, 'backend.tf'),
      'terraform {\n  backend "s3" {\n    bucket         = "pg-tfstate-prod"\n    key            = "prod/terraform.tfstate"\n    region         = "us-east-1"\n    dynamodb_table = "pg-locks"\n  }\n}\n'
    )
    const result = await cli(
      [`${files['change']}.json`, '--format', 'json', '--terraform-dir', backendDir],
      { env, cwd: ROOT }
    )
    expect(result.stderr).toBe('')
    const found = lines(JSON.parse(result.stdout) as Report)
    expect(found).toContain('aws_s3_bucket_policy.state[0] PG-0012 blocked')
    expect(found).toContain('aws_dynamodb_table.locks[0] PG-0012 blocked')
  })

  test('change plan (stream): every delete and replace, by type (no values to see more)', async () => {
    const report = await gateForm('change', 'stream')
    expect(report.decision).toBe('approval-required')
    expect(lines(report)).toEqual([
      '(plan) PG-0016 warn',
      'aws_cloudwatch_log_group.old[0] PG-AWS-123 approval-required',
      'aws_db_instance.main[0] PG-AWS-001 approval-required',
      'aws_dynamodb_table.locks[0] PG-AWS-018 approval-required',
      'aws_dynamodb_table.sessions[0] PG-AWS-018 approval-required',
      'aws_ebs_volume.data PG-AWS-068 approval-required',
      'aws_ecr_repository.app[0] PG-AWS-126 approval-required',
      'aws_iam_role.worker[0] PG-0005 warn',
      'aws_sqs_queue.jobs PG-AWS-117 approval-required'
    ])
  })

  test.each(['binary', 'show-json', 'stream'] as const)(
    'plan -destroy (%s) is a full destroy',
    async (form) => {
      const report = await gateForm('destroy', form)
      expect(report.decision).toBe('blocked')
      expect(report.findings.map((f) => f.ruleId)).toContain('PG-0009')
    }
  )

  test('every type the configuration uses is in the list reported as exercised', async () => {
    const report = JSON.parse(
      (await cli([`${files['change']}.json`, '--format', 'json'], { env, cwd: ROOT })).stdout
    ) as Report
    expect(report.findings.length).toBeGreaterThan(0)
    const { readFileSync } = await import('node:fs')
    const used = [...readFileSync(CONFIG, 'utf8').matchAll(/^resource "(\w+)"/gm)].map((m) => m[1])
    expect([...new Set(used)].sort()).toEqual([...MOTO_TYPES].sort())
    console.info(`moto: ${MOTO_TYPES.length} AWS types exercised against moto`)
  })
})
