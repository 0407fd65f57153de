import { describe, expect, test } from '@jest/globals'
import type { Locate } from '../../src/locate/locate.js'
import {
  annotationCommand,
  annotations,
  escapeData,
  escapeProperty,
  renderGithub
} from '../../src/report/github.js'
import type { PlanInfo, ReportedFinding } from '../../src/report/types.js'
import {
  actionCounts,
  APPROVAL_REPORT,
  BLOCKED_REPORT,
  expectGolden,
  LARGE_REPORT,
  makeReport,
  PASS_REPORT
} from './sample-reports.js'

/** Tenants' databases are one `for_each` block; everything else sits in main.tf line 1. */
const locate: Locate = (finding) =>
  finding.address.includes('aws_db_instance.this')
    ? { file: 'modules/tenant/main.tf', line: 12, column: 1, endLine: 20, kind: 'resource' }
    : finding.address.startsWith('module.')
      ? { file: 'main.tf', line: 30, column: 1, endLine: 33, kind: 'module-call' }
      : undefined

describe('renderGithub', () => {
  test.each([
    ['approval', APPROVAL_REPORT],
    ['blocked', BLOCKED_REPORT],
    ['large', LARGE_REPORT]
  ])('matches the golden file for %s', (name, report) => {
    expectGolden(`report-${name}.github.txt`, renderGithub(report, locate))
  })

  test('the text report in a group, then annotations', () => {
    const lines = renderGithub(APPROVAL_REPORT).trimEnd().split('\n')
    expect(lines[0]).toBe(
      '::group::plan-gate: ⚠ APPROVAL REQUIRED — 3 findings need a second approver (plus 1 warning)'
    )
    const end = lines.indexOf('::endgroup::')
    expect(end).toBeGreaterThan(0)
    expect(lines.slice(end + 1).map((l) => l.slice(0, l.indexOf(' ')))).toEqual([
      '::warning',
      '::warning',
      '::warning',
      '::notice'
    ])
    expect(renderGithub(PASS_REPORT).trimEnd().split('\n').at(-1)).toBe('::endgroup::')
  })

  test('identical findings at one block are one annotation with file and line', () => {
    const { annotations: list, omitted } = annotations(LARGE_REPORT, locate)
    expect(omitted).toBe(0)
    expect(list[0]).toMatchObject({
      level: 'warning',
      title: 'plan-gate Needs approval: PG-AWS-001',
      file: 'modules/tenant/main.tf',
      line: 12,
      endLine: 20,
      findings: 108
    })
    expect(list[0]?.message).toMatch(/^108 × Deletes a database/)
    expect(list[0]?.message).toContain('… and 98 more')
    expect(list.reduce((n, a) => n + a.findings, 0)).toBe(LARGE_REPORT.findings.length)
  })

  test('caps the annotations and counts the findings left out', () => {
    const distinct = Array.from({ length: 80 }, (_, i) => ({
      ...(APPROVAL_REPORT.findings[0] as ReportedFinding),
      address: `aws_db_instance.db${i}`,
      reason: `Deletes database ${i}`
    }))
    const report = makeReport(
      'approval-required',
      PASS_REPORT.plans[0] as PlanInfo,
      actionCounts(),
      distinct
    )
    const { annotations: list, omitted } = annotations(report, undefined, 50)
    expect(list).toHaveLength(50)
    expect(omitted).toBe(30)
    expect(renderGithub(report).trimEnd().split('\n').at(-1)).toBe(
      '::notice title=plan-gate::30 more findings are not annotated; the report above lists them'
    )
  })

  test('escapes data and properties as the runner expects', () => {
    expect(escapeData('50% a\r\nb')).toBe('50%25 a%0D%0Ab')
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25')
    expect(
      annotationCommand({
        level: 'error',
        title: 't,1:2',
        message: 'm\n::set-env name=X::y',
        file: 'dir,x/a:b.tf',
        line: 3,
        findings: 1
      })
    ).toBe('::error file=dir%2Cx/a%3Ab.tf,line=3,title=t%2C1%3A2::m%0A::set-env name=X::y')
  })

  test('no plan content can start a workflow command of its own', () => {
    const hostile: ReportedFinding = {
      ...(APPROVAL_REPORT.findings[0] as ReportedFinding),
      address: 'null_resource.x["\n::stop-commands::token\n"]',
      reason: 'x\r\n::add-mask::y\n::error::owned'
    }
    const report = makeReport(
      'approval-required',
      { ...(PASS_REPORT.plans[0] as PlanInfo), file: '::debug::plan.json' },
      actionCounts(),
      [hostile]
    )
    const output = renderGithub(report, locate)
    const commands = output.split('\n').filter((line) => /^\s*::/.test(line))
    expect(commands.map((l) => l.slice(0, l.indexOf(':', 2) + 1).split(' ')[0])).toEqual([
      '::group:',
      '::endgroup:',
      '::warning'
    ])
  })

  test('prints no attribute values from the finding data', () => {
    const secretive: ReportedFinding = {
      ...(APPROVAL_REPORT.findings[2] as ReportedFinding),
      data: { attribute: 'deletion_protection', note: 'hunter2-do-not-print' }
    }
    const report = makeReport(
      'approval-required',
      PASS_REPORT.plans[0] as PlanInfo,
      actionCounts(),
      [secretive]
    )
    expect(renderGithub(report, locate)).not.toContain('hunter2')
  })
})
