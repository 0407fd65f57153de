import type { PlanInfo } from '../../src/report/types.js'
import { describe, expect, test } from '@jest/globals'
import { renderSarif, sarifFingerprint } from '../../src/report/sarif.js'
import type { ReportedFinding } from '../../src/report/types.js'
import {
  actionCounts,
  APPROVAL_REPORT,
  BLOCKED_REPORT,
  expectGolden,
  LARGE_REPORT,
  makeReport,
  PASS_REPORT,
  SAMPLE_REPORTS,
  sampleRules
} from './sample-reports.js'

interface SarifRule {
  id: string
  name: string
  shortDescription: { text: string }
  fullDescription?: { text: string }
  helpUri?: string
  defaultConfiguration: { level: string }
  properties: { tags: string[]; 'security-severity': string }
}

interface SarifResult {
  ruleId: string
  ruleIndex: number
  level: string
  message: { text: string }
  locations: {
    physicalLocation?: { artifactLocation: { uri: string }; region?: unknown }
    logicalLocations: { fullyQualifiedName: string; kind: string }[]
  }[]
  partialFingerprints: Record<string, string>
  properties: Record<string, string>
}

interface SarifLog {
  $schema: string
  version: string
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: SarifRule[] } }
    results: SarifResult[]
  }[]
}

function parse(output: string): SarifLog['runs'][number] & { log: SarifLog } {
  const log = JSON.parse(output) as SarifLog
  const run = log.runs[0]
  if (run === undefined) throw new Error('no run')
  return { ...run, log }
}

const SMALL_SAMPLES = Object.entries(SAMPLE_REPORTS).filter(([name]) => name !== 'large')

describe('renderSarif', () => {
  // The large sample is checked by properties below, not by a 9,000-line golden file.
  test.each(SMALL_SAMPLES)('matches the golden file for %s', (name, report) => {
    expectGolden(`report-${name}.sarif`, renderSarif(report, sampleRules))
  })

  test('is a SARIF 2.1.0 log with one plan-gate run', () => {
    const { log, tool, results } = parse(renderSarif(PASS_REPORT, sampleRules))
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json')
    expect(log.version).toBe('2.1.0')
    expect(log.runs).toHaveLength(1)
    expect(tool.driver).toEqual({
      name: 'plan-gate',
      version: '0.1.0',
      informationUri: 'https://github.com/plan-gate/plan-gate',
      rules: []
    })
    expect(results).toEqual([])
  })

  test('lists distinct rules in order of first appearance, with matching ruleIndex', () => {
    const { tool, results } = parse(renderSarif(LARGE_REPORT, sampleRules))
    expect(tool.driver.rules.map((rule) => rule.id)).toEqual([
      'PG-AWS-001',
      'PG-AWS-003',
      'PG-0004'
    ])
    for (const result of results) {
      expect(tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId)
    }
  })

  test('describes known rules from their metadata', () => {
    const { tool } = parse(renderSarif(APPROVAL_REPORT, sampleRules))
    expect(tool.driver.rules[0]).toEqual({
      id: 'PG-AWS-001',
      name: 'aws-db-instance-destroy',
      shortDescription: { text: 'RDS instance deleted or replaced' },
      fullDescription: {
        text: 'Deleting or replacing an RDS instance loses its data unless a snapshot exists.'
      },
      helpUri: 'https://github.com/plan-gate/plan-gate/blob/main/docs/rules/PG-AWS-001.md',
      help: {
        text:
          'RDS instance deleted or replaced\n\n' +
          'Why: Deleting or replacing an RDS instance loses its data unless a snapshot exists.\n\n' +
          'What to do: Keep a final snapshot and get a second approval.\n\n' +
          'More: https://github.com/plan-gate/plan-gate/blob/main/docs/rules/PG-AWS-001.md',
        markdown:
          '**RDS instance deleted or replaced**\n\n' +
          '**Why:** Deleting or replacing an RDS instance loses its data unless a snapshot exists.\n\n' +
          '**What to do:** Keep a final snapshot and get a second approval.\n\n' +
          '[Rule documentation](https://github.com/plan-gate/plan-gate/blob/main/docs/rules/PG-AWS-001.md)'
      },
      defaultConfiguration: { level: 'error' },
      properties: {
        tags: ['security', 'terraform', 'destructive-change', 'database'],
        precision: 'very-high',
        'security-severity': '9.5'
      }
    })
    expect(tool.driver.rules[3]?.defaultConfiguration.level).toBe('warning')
  })

  test('synthesizes a minimal rule when the lookup does not know the id', () => {
    const { tool } = parse(renderSarif(APPROVAL_REPORT, () => undefined))
    expect(tool.driver.rules[2]).toEqual({
      id: 'PG-AWS-W001',
      name: 'protection-weakened',
      shortDescription: { text: 'PG-AWS-W001 (protection-weakened)' },
      fullDescription: { text: 'Findings of rule PG-AWS-W001 (protection-weakened).' },
      help: {
        text: expect.stringContaining('plan-gate explain PG-AWS-W001'),
        markdown: expect.stringContaining('plan-gate explain PG-AWS-W001')
      },
      defaultConfiguration: { level: 'error' },
      properties: {
        tags: ['security', 'terraform', 'destructive-change', 'database'],
        precision: 'very-high',
        'security-severity': '8.0'
      }
    })
  })

  test('maps decisions to levels and carries reason, location and properties', () => {
    const { results } = parse(renderSarif(APPROVAL_REPORT, sampleRules))
    expect(results.map((result) => result.level)).toEqual(['error', 'error', 'error', 'warning'])
    expect(results[0]).toMatchObject({
      ruleId: 'PG-AWS-001',
      message: { text: APPROVAL_REPORT.findings[0]?.reason },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'plans/prod.json', uriBaseId: '%SRCROOT%' },
            region: { startLine: 1, startColumn: 1, endLine: 1 }
          },
          logicalLocations: [{ fullyQualifiedName: 'aws_db_instance.main', kind: 'resource' }]
        }
      ],
      properties: { decision: 'approval-required', action: 'replace', type: 'aws_db_instance' }
    })
    const plan = parse(renderSarif(BLOCKED_REPORT, sampleRules)).results[0]
    expect(plan?.level).toBe('error')
    expect(plan?.properties).toEqual({ decision: 'blocked' })
  })

  test('fingerprints are stable hashes of rule id, address and plan label', () => {
    const { results } = parse(renderSarif(LARGE_REPORT, sampleRules))
    const prints = results.map((result) => result.partialFingerprints['planGate/v1'])
    expect(new Set(prints).size).toBe(results.length)
    for (const print of prints) expect(print).toMatch(/^[0-9a-f]{64}$/)
    const finding = APPROVAL_REPORT.findings[0] as ReportedFinding
    const renamed = { ...finding, reason: 'other words', severity: 'low' as const }
    expect(sarifFingerprint(renamed)).toBe(sarifFingerprint(finding))
    expect(sarifFingerprint({ ...finding, plan: 'eu' })).not.toBe(sarifFingerprint(finding))
    expect(sarifFingerprint({ ...finding, address: 'aws_db_instance.other' })).not.toBe(
      sarifFingerprint(finding)
    )
  })

  test('locates stdin input too, and encodes file paths as relative URIs', () => {
    const finding = APPROVAL_REPORT.findings[0] as ReportedFinding
    const stdin = makeReport(
      'approval-required',
      { ...(PASS_REPORT.plans[0] as PlanInfo), file: '-' },
      actionCounts(),
      [finding]
    )
    expect(parse(renderSarif(stdin, sampleRules)).results[0]?.locations[0]).toEqual({
      physicalLocation: {
        artifactLocation: { uri: 'stdin', uriBaseId: '%SRCROOT%' },
        region: { startLine: 1, startColumn: 1, endLine: 1 }
      },
      logicalLocations: [{ fullyQualifiedName: 'aws_db_instance.main', kind: 'resource' }]
    })
    const located = renderSarif(stdin, sampleRules, {
      locate: () => ({ file: 'infra/db.tf', line: 12, column: 1, endLine: 30, kind: 'resource' })
    })
    expect(parse(located).results[0]?.locations[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: 'infra/db.tf', uriBaseId: '%SRCROOT%' },
      region: { startLine: 12, startColumn: 1, endLine: 30 }
    })
    const odd = makeReport(
      'approval-required',
      { ...(PASS_REPORT.plans[0] as PlanInfo), file: 'plans\\my plan#1.json' },
      actionCounts(),
      [finding]
    )
    expect(
      parse(renderSarif(odd, sampleRules)).results[0]?.locations[0]?.physicalLocation
        ?.artifactLocation
    ).toEqual({ uri: 'plans/my%20plan%231.json', uriBaseId: '%SRCROOT%' })
  })

  test('never publishes an absolute path of the runner', () => {
    const finding = APPROVAL_REPORT.findings[0] as ReportedFinding
    for (const file of ['/home/runner/work/x/plan.json', 'C:\\work\\plan.json']) {
      const report = makeReport(
        'approval-required',
        { ...(PASS_REPORT.plans[0] as PlanInfo), file },
        actionCounts(),
        [finding]
      )
      const output = renderSarif(report, sampleRules)
      expect(output).not.toContain('runner')
      expect(output).not.toContain('work')
      expect(
        parse(output).results[0]?.locations[0]?.physicalLocation?.artifactLocation
      ).toMatchObject({ uri: 'plan.json' })
    }
  })

  test('the large report: one result per finding, each with a region and a line hash', () => {
    const { results, tool } = parse(renderSarif(LARGE_REPORT, sampleRules))
    expect(results).toHaveLength(LARGE_REPORT.findings.length)
    results.forEach((result, i) => {
      const finding = LARGE_REPORT.findings[i] as ReportedFinding
      expect(result.ruleId).toBe(finding.ruleId)
      expect(tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId)
      expect(result.locations[0]?.logicalLocations[0]?.fullyQualifiedName).toBe(finding.address)
      expect(result.partialFingerprints['primaryLocationLineHash']).toMatch(/^[0-9a-f]{16}:1$/)
    })
  })
})
