import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parsePolicy, type Policy } from '../../src/policy/config.js'
import { decide } from '../../src/policy/decide.js'
import { defaultContext, gate, slimmer } from '../../src/pipeline/gate.js'
import { PlanReader, readPlan } from '../../src/plan/read.js'
import { change, plan } from '../../src/rules/examples.js'
import { formatMessage } from '../../src/rules/messages.js'
import { resolveRule } from '../../src/rules/registry.js'
import type { Finding } from '../../src/rules/types.js'
import { fixture } from '../helpers.js'

const NOW = Date.parse('2026-11-21T12:00:00Z')

function policy(yaml: string): Policy {
  return parsePolicy(yaml, '.plan-gate.yml', (id) => resolveRule(id) !== undefined)
}

function run(doc: unknown, yaml = '', now = NOW, file = 'plan.json'): Finding[] {
  const parsed = readPlan(Buffer.from(JSON.stringify(doc)))
  return [...gate(parsed, { policy: policy(yaml), now, planFile: file }).findings]
}

/** No-ops, so that a couple of deletes are not a large share of the plan. */
const quiet = Array.from({ length: 8 }, (_, i) =>
  change('aws_iam_role', `keep${i}`, ['no-op'], {}, {})
)

const ids = (findings: readonly Finding[]): string[] =>
  findings.map((f) => `${f.address} ${f.ruleId} ${f.decision}`).sort()

const FINAL = { skip_final_snapshot: false, final_snapshot_identifier: 'final' }
const dbDelete = (name = 'orders', before: object = FINAL) =>
  change('aws_db_instance', name, ['delete'], before, null)

describe('overrides', () => {
  test('the last matching rule wins; off drops the finding; the reason is kept', () => {
    const findings = run(
      plan([dbDelete(), change('null_resource', 'x', ['delete'], {}, null), ...quiet]),
      `rules:
  - match: { rule: PG-AWS-001 }
    decision: warn
  - match: { address: "aws_db_instance.*" }
    decision: blocked
    reason: prod data
  - match: { rule: resource-destroy }
    decision: off`
    )
    expect(ids(findings)).toEqual(['aws_db_instance.orders PG-AWS-001 blocked'])
    expect(findings[0]?.override).toEqual({ from: 'approval-required', reason: 'prod data' })
    expect(formatMessage(findings[0] as Finding)).toContain(
      '[policy: approval-required → blocked, prod data]'
    )
  })

  test('match by category, type glob and tag', () => {
    const tagged = change(
      'aws_s3_bucket',
      'tmp',
      ['delete'],
      { bucket: 'tmp', tags: { env: 'dev' } },
      null
    )
    const doc = plan([tagged, dbDelete(), ...quiet])
    expect(
      ids(run(doc, 'rules:\n  - match: { category: object-storage }\n    decision: warn'))
    ).toContain('aws_s3_bucket.tmp PG-AWS-054 warn')
    expect(ids(run(doc, 'rules:\n  - match: { type: "aws_db_*" }\n    decision: off'))).toEqual([
      'aws_s3_bucket.tmp PG-AWS-054 approval-required'
    ])
    expect(ids(run(doc, 'rules:\n  - match: { tag: "env=dev" }\n    decision: off'))).toEqual([
      'aws_db_instance.orders PG-AWS-001 approval-required'
    ])
    expect(ids(run(doc, 'rules:\n  - match: { tag: "env=prod" }\n    decision: off'))).toHaveLength(
      2
    )
  })

  test('tag values that are maps with their own toString do not crash either path (fuzz)', () => {
    const tags = { env: { toString: 1 }, protected: { valueOf: {}, toString: {} } }
    const doc = plan([
      change('aws_s3_bucket', 'tmp', ['delete'], { bucket: 'tmp', tags }, null),
      ...quiet
    ])
    const bytes = Buffer.from(JSON.stringify(doc))
    const yaml = 'rules:\n  - match: { tag: "env=dev" }\n    decision: off'
    expect(ids(run(doc, yaml))).toEqual(['aws_s3_bucket.tmp PG-AWS-054 approval-required'])
    const context = { policy: policy(yaml), now: NOW, planFile: 'plan.json' }
    const slim = new PlanReader({ retain: slimmer(context) })
    slim.push(bytes)
    expect(ids([...gate(slim.end(), context).findings])).toEqual([
      'aws_s3_bucket.tmp PG-AWS-054 approval-required'
    ])
  })

  test('a catalog rule override also reaches its no-copy block', () => {
    const noCopy = dbDelete('orders', { skip_final_snapshot: true, delete_automated_backups: true })
    expect(ids(run(plan([noCopy])))).toEqual(['aws_db_instance.orders PG-0013 blocked'])
    expect(
      ids(
        run(
          plan([noCopy]),
          'rules:\n  - match: { rule: PG-AWS-001 }\n    decision: approval-required'
        )
      )
    ).toEqual(['aws_db_instance.orders PG-0013 approval-required'])
  })
})

describe('exemptions', () => {
  const doc = plan([dbDelete('legacy')])

  test('a live exemption lowers the finding to a warning and says why', () => {
    const findings = run(
      doc,
      'exemptions:\n  - address: aws_db_instance.legacy\n    reason: decommissioning\n    expires: 2026-12-31'
    )
    expect(ids(findings)).toEqual(['aws_db_instance.legacy PG-AWS-001 warn'])
    expect(formatMessage(findings[0] as Finding)).toContain(
      '[exempt until 2026-12-31: decommissioning]'
    )
    expect(decide(findings)).toBe('pass')
  })

  test('an expired exemption stops applying and is reported as expired', () => {
    const findings = run(
      doc,
      'exemptions:\n  - address: aws_db_instance.legacy\n    reason: decommissioning\n    expires: 2026-01-31'
    )
    expect(ids(findings)).toEqual([
      '(plan) PG-0014 warn',
      'aws_db_instance.legacy PG-AWS-001 approval-required'
    ])
    expect(formatMessage(findings.find((f) => f.ruleId === 'PG-0014') as Finding)).toBe(
      'The exemption for aws_db_instance.legacy ("decommissioning") expired on 2026-01-31 and no longer applies'
    )
  })

  test('an exemption expires at the end of its day', () => {
    const yaml = 'exemptions:\n  - rule: PG-AWS-001\n    reason: ok ok\n    expires: 2026-11-21'
    expect(decide(run(doc, yaml, Date.parse('2026-11-21T23:59:00Z')))).toBe('pass')
    expect(decide(run(doc, yaml, Date.parse('2026-11-22T00:00:01Z')))).toBe('approval-required')
  })

  test('a fingerprint-bound exemption applies only to that plan', () => {
    const print = gate(
      readPlan(Buffer.from(JSON.stringify(doc))),
      defaultContext('p', NOW)
    ).fingerprint
    expect(decide(run(doc, `exemptions:\n  - fingerprint: "${print}"\n    reason: reviewed`))).toBe(
      'pass'
    )
    const other = plan([
      dbDelete('legacy'),
      change('null_resource', 'x', ['delete'], {}, null),
      ...quiet
    ])
    expect(
      decide(run(other, `exemptions:\n  - fingerprint: "${print}"\n    reason: reviewed`))
    ).toBe('approval-required')
  })
})

describe('deletion volume', () => {
  const nulls = (n: number, actions: string[], prefix = 'r') =>
    Array.from({ length: n }, (_, i) =>
      change('null_resource', `${prefix}${i}`, actions, {}, actions[0] === 'delete' ? null : {})
    )

  test('more than the count needs approval', () => {
    const doc = plan([...nulls(11, ['delete']), ...nulls(30, ['no-op'], 'k')])
    expect(ids(run(doc)).filter((f) => f.startsWith('(plan)'))).toEqual([
      '(plan) PG-0008 approval-required'
    ])
    expect(ids(run(doc, 'thresholds:\n  mass_delete_count: 20'))).not.toContain(
      '(plan) PG-0008 approval-required'
    )
  })

  test('more than the share needs approval', () => {
    const doc = plan([...nulls(3, ['delete']), ...nulls(1, ['no-op'], 'k')])
    expect(ids(run(doc))).toContain('(plan) PG-0008 approval-required')
    expect(ids(run(doc, 'thresholds:\n  mass_delete_share: 0.9'))).not.toContain(
      '(plan) PG-0008 approval-required'
    )
  })

  test('a full destroy is blocked unless allowed for the plan file', () => {
    const doc = { format_version: '1.2', resource_changes: nulls(3, ['delete']) }
    expect(ids(run(doc))).toContain('(plan) PG-0009 blocked')
    const allowed = 'thresholds:\n  allow_full_destroy: ["previews/**"]'
    expect(ids(run(doc, allowed, NOW, 'previews/pr-12/plan.json'))).not.toContain(
      '(plan) PG-0009 blocked'
    )
    expect(ids(run(doc, allowed, NOW, 'prod/plan.json'))).toContain('(plan) PG-0009 blocked')
  })

  test('a destroy operation in a stream is a full destroy', () => {
    const text = readFileSync(fixture('streams', 'terraform-plan.jsonl'), 'utf8').replace(
      '"operation":"plan"',
      '"operation":"destroy"'
    )
    const findings = gate(readPlan(Buffer.from(text)), defaultContext('plan.jsonl', NOW)).findings
    expect(ids(findings)).toContain('(plan) PG-0009 blocked')
  })
})

describe('freezes', () => {
  const yaml = 'freezes:\n  - from: 2026-12-20\n    to: 2027-01-04\n    reason: end-of-year freeze'

  test('destructive changes are blocked inside the window, with the reason', () => {
    const findings = run(
      plan([change('null_resource', 'x', ['delete'], {}, null)]),
      yaml,
      Date.parse('2026-12-24T00:00:00Z')
    )
    const freeze = findings.find((f) => f.ruleId === 'PG-0010') as Finding
    expect(freeze.decision).toBe('blocked')
    expect(formatMessage(freeze)).toBe(
      'Change freeze until 2027-01-04 (end-of-year freeze): 1 destructive change(s) are blocked'
    )
  })

  test('outside the window, or without destructive changes, nothing', () => {
    const del = plan([change('null_resource', 'x', ['delete'], {}, null)])
    expect(
      run(del, yaml, Date.parse('2027-01-05T00:00:00Z')).some((f) => f.ruleId === 'PG-0010')
    ).toBe(false)
    const create = plan([change('null_resource', 'x', ['create'], null, {})])
    expect(run(create, yaml, Date.parse('2026-12-24T00:00:00Z'))).toEqual([])
  })

  test('weakened protection counts as destructive', () => {
    const weak = plan([
      change(
        'aws_db_instance',
        'db',
        ['update'],
        { deletion_protection: true },
        { deletion_protection: false }
      )
    ])
    expect(
      run(weak, yaml, Date.parse('2026-12-24T00:00:00Z')).some((f) => f.ruleId === 'PG-0010')
    ).toBe(true)
  })
})

describe('environments', () => {
  const yaml = `environments:
  staging:
    plans: ["envs/staging/**"]
    aws_accounts: ["111111111111"]
    regions: ["eu-*"]
  production:
    plans: ["envs/prod/**"]
    aws_accounts: ["999999999999"]`
  const queue = (account: string, region = 'eu-west-1') =>
    plan([
      change(
        'aws_sqs_queue',
        'q',
        ['update'],
        { arn: `arn:aws:sqs:${region}:${account}:q`, delay_seconds: 0 },
        { arn: `arn:aws:sqs:${region}:${account}:q`, delay_seconds: 1 }
      )
    ])

  test('a staging plan that reaches the production account is blocked', () => {
    const findings = run(queue('999999999999'), yaml, NOW, 'envs/staging/plan.json')
    expect(findings.map(formatMessage)).toEqual([
      'Environment "staging" may not touch AWS account 999999999999'
    ])
    expect(decide(findings)).toBe('blocked')
  })

  test('inside its environment, nothing; regions are checked too', () => {
    expect(run(queue('111111111111'), yaml, NOW, 'envs/staging/plan.json')).toEqual([])
    expect(
      run(queue('111111111111', 'us-east-1'), yaml, NOW, 'envs/staging/plan.json').map(
        formatMessage
      )
    ).toEqual(['Environment "staging" may not touch region us-east-1'])
  })

  test('eu-west-? in an environment takes eu-west-1 (the one glob), not eu-central-1', () => {
    const yaml = `environments:
  prod:
    plans: ["envs/prod/*.json"]
    regions: ["eu-west-?"]`
    expect(run(queue('111111111111', 'eu-west-1'), yaml, NOW, 'envs/prod/plan.json')).toEqual([])
    expect(
      run(queue('111111111111', 'eu-central-1'), yaml, NOW, 'envs/prod/plan.json').map(
        formatMessage
      )
    ).toEqual(['Environment "prod" may not touch region eu-central-1'])
    // `*` in a plan glob stays in one directory: a nested plan matches no environment.
    expect(
      run(queue('111111111111'), yaml, NOW, 'envs/prod/eu/plan.json').map(formatMessage)
    ).toEqual([
      'The policy declares environments (prod) but none matches this plan: select one with --environment or an environments.<name>.plans glob'
    ])
  })

  test('a plan that matches no environment is blocked with how to select one', () => {
    const findings = run(queue('111111111111'), yaml, NOW, 'elsewhere/plan.json')
    expect(findings.map(formatMessage)).toEqual([
      'The policy declares environments (staging, production) but none matches this plan: select one with --environment or an environments.<name>.plans glob'
    ])
  })
})

describe('what the messages say', () => {
  test('removed configuration is called out, and prevent_destroy with it', () => {
    const removed = change('null_resource', 'x', ['delete'], {}, null, {
      action_reason: 'delete_because_no_resource_config'
    })
    expect(run(plan([removed])).map(formatMessage)).toEqual([
      'Deletes null_resource (the resource block was removed, and with it any prevent_destroy)'
    ])
  })

  test('a delete plus a create with the same name looks like a rename (verdict kept)', () => {
    const before = { bucket: 'acme-assets', force_destroy: false }
    const findings = run(
      plan([
        change('aws_s3_bucket', 'assets', ['delete'], before, null),
        {
          ...change('aws_s3_bucket', 'static', ['create'], null, before),
          address: 'module.web.aws_s3_bucket.static'
        }
      ])
    )
    expect(findings.map(formatMessage)).toEqual([
      'Deletes an object storage; this looks like a rename to module.web.aws_s3_bucket.static: add a `moved` block; kept: the objects (a bucket that is not empty cannot be deleted without force_destroy)'
    ])
    expect(decide(findings)).toBe('approval-required')
  })

  test('no copy survives: blocked, with how to unblock', () => {
    const noCopy = dbDelete('orders', {
      skip_final_snapshot: true,
      delete_automated_backups: true,
      backup_retention_period: 7
    })
    const [finding] = run(plan([noCopy]))
    expect(finding?.decision).toBe('blocked')
    expect(formatMessage(finding as Finding)).toMatch(
      /^Deletes a database and no copy survives \(none of: a final snapshot; or retained automated backups.*\)\. To unblock: take or keep a backup first in a separate change, or add an exemption$/
    )
  })

  test('backup retention below the configured floor is a weakening', () => {
    const cut = change(
      'aws_db_instance',
      'db',
      ['update'],
      { backup_retention_period: 14 },
      { backup_retention_period: 3 }
    )
    expect(run(plan([cut]))).toEqual([])
    expect(run(plan([cut]), 'thresholds:\n  backup_retention_floor: 7').map(formatMessage)).toEqual(
      ['Weakens backup retention: backup_retention_period 14 → 3']
    )
  })
})
