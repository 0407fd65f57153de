/** Issue 12 item 3: "no copy survives" applies to deposed objects too. */
import { describe, expect, test } from '@jest/globals'
import { readPlan } from '../../src/plan/read.js'
import { evaluate } from '../../src/rules/evaluate.js'

function aurora(settings: Record<string, unknown>): Buffer {
  const before = {
    cluster_identifier: 'ledger',
    engine: 'aurora-postgresql',
    deletion_protection: false,
    backup_retention_period: 7,
    final_snapshot_identifier: null,
    ...settings
  }
  return Buffer.from(
    JSON.stringify({
      format_version: '1.2',
      terraform_version: '1.11.4',
      resource_changes: [
        {
          address: 'aws_rds_cluster.ledger',
          mode: 'managed',
          type: 'aws_rds_cluster',
          name: 'ledger',
          provider_name: 'registry.terraform.io/hashicorp/aws',
          change: { actions: ['no-op'], before, after: before }
        },
        {
          address: 'aws_rds_cluster.ledger',
          mode: 'managed',
          type: 'aws_rds_cluster',
          name: 'ledger',
          deposed: '8a2f1c3d',
          provider_name: 'registry.terraform.io/hashicorp/aws',
          change: { actions: ['delete'], before, after: null, after_unknown: {} }
        }
      ]
    })
  )
}

describe('deposed objects', () => {
  test('a deposed Aurora cluster with skip_final_snapshot and delete_automated_backups: blocked', () => {
    const findings = evaluate(
      readPlan(aurora({ skip_final_snapshot: true, delete_automated_backups: true }))
    )
    expect(findings.map((f) => `${f.ruleId} ${f.decision} ${f.deposed}`)).toEqual([
      'PG-0013 blocked 8a2f1c3d'
    ])
  })

  test('the same deposed cluster with a final snapshot: approval only', () => {
    const findings = evaluate(
      readPlan(
        aurora({
          skip_final_snapshot: false,
          final_snapshot_identifier: 'ledger-final',
          delete_automated_backups: true
        })
      )
    )
    expect(findings.map((f) => `${f.ruleId} ${f.decision}`)).toEqual([
      'PG-AWS-002 approval-required'
    ])
    expect(findings[0]?.data['copy']).toBe('a final snapshot')
  })
})
