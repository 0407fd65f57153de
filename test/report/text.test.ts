import type { PlanInfo } from '../../src/report/types.js'
import { describe, expect, test } from '@jest/globals'
import { formatActionCounts, printable, renderText } from '../../src/report/text.js'
import type { Report, ReportedFinding } from '../../src/report/types.js'
import {
  actionCounts,
  APPROVAL_REPORT,
  BLOCKED_REPORT,
  expectGolden,
  LARGE_REPORT,
  makeReport,
  PASS_REPORT,
  SAMPLE_REPORTS
} from './sample-reports.js'

const ESC = '\u001b'

/** Removes SGR escapes (`ESC [ … m`). */
function stripAnsi(text: string): string {
  const [head = '', ...rest] = text.split(ESC)
  return head + rest.map((part) => part.replace(/^\[[0-9;]*m/, '')).join('')
}

function findingLines(output: string): string[] {
  return output.split('\n').filter((line) => /^ {2}(BLOCKED|APPROVAL|WARN)/.test(line))
}

describe('renderText', () => {
  test.each(Object.entries(SAMPLE_REPORTS))('matches the golden file for %s', (name, report) => {
    expectGolden(`report-${name}.txt`, renderText(report, { color: false }))
  })

  test('starts with the verdict', () => {
    const first = (report: Report): string =>
      renderText(report, { color: false }).split('\n')[0] ?? ''
    expect(first(PASS_REPORT)).toBe('✔ PASS — no destructive changes need approval')
    expect(first(APPROVAL_REPORT)).toBe(
      '⚠ APPROVAL REQUIRED — 3 findings need a second approver (plus 1 warning)'
    )
    expect(first(BLOCKED_REPORT)).toBe(
      '✖ BLOCKED — 2 findings block this plan (plus 1 needing approval)'
    )
  })

  test('uses the singular for one finding', () => {
    const one = makeReport('blocked', BLOCKED_REPORT.plans[0] as PlanInfo, actionCounts(), [
      BLOCKED_REPORT.findings[1] as ReportedFinding
    ])
    expect(renderText(one, { color: false })).toMatch(/^✖ BLOCKED — 1 finding blocks this plan\n/)
  })

  test('verbose: one line per finding, in the order of report.findings', () => {
    const lines = findingLines(renderText(LARGE_REPORT, { color: false, verbose: true }))
    expect(lines).toHaveLength(LARGE_REPORT.findings.length)
    LARGE_REPORT.findings.forEach((finding, i) => {
      expect(lines[i]).toContain(finding.address)
    })
  })

  test('verbose: aligns reasons in one column', () => {
    const lines = findingLines(renderText(APPROVAL_REPORT, { color: false, verbose: true }))
    const columns = lines.map((line, i) => line.indexOf(APPROVAL_REPORT.findings[i]?.reason ?? '?'))
    expect(new Set(columns).size).toBe(1)
    expect(lines[0]).toMatch(/^ {2}APPROVAL {2}aws_db_instance\.main {2,}Replaces/)
  })

  test('verbose: caps the address column at 60 and lets longer addresses overflow', () => {
    const lines = findingLines(renderText(LARGE_REPORT, { color: false, verbose: true }))
    LARGE_REPORT.findings.forEach((finding, i) => {
      const line = lines[i] ?? ''
      const start = line.indexOf(finding.address)
      const column = line.indexOf(finding.reason)
      if (finding.address.length > 60) {
        expect(column).toBe(start + finding.address.length + 2)
      } else {
        expect(column).toBe(start + 60 + 2)
      }
    })
  })

  test('ends with the action summary, the blast radius and the fingerprint', () => {
    const lines = renderText(APPROVAL_REPORT, { color: false }).trimEnd().split('\n')
    expect(lines.slice(-3)).toEqual([
      'Plan: 3 to add, 2 to change, 2 to destroy, 1 to replace, 1 to move, 2 to read.',
      'Blast radius: Touches AWS accounts 123456789012 · Google projects acme-prod · regions eu-west-1',
      `Fingerprint: ${APPROVAL_REPORT.fingerprint}`
    ])
  })

  test('has no escape characters without colour', () => {
    for (const report of Object.values(SAMPLE_REPORTS)) {
      expect(renderText(report, { color: false })).not.toContain(ESC)
    }
  })

  test('colours verdicts and decision tags with raw ANSI codes', () => {
    expect(renderText(PASS_REPORT, { color: true })).toContain(`${ESC}[1;32m✔ PASS`)
    const blocked = renderText(BLOCKED_REPORT, { color: true })
    expect(blocked).toContain(`${ESC}[1;31m✖ BLOCKED`)
    expect(blocked).toContain(`${ESC}[31mBLOCKED ${ESC}[0m`)
    expect(blocked).toContain(`${ESC}[33mAPPROVAL${ESC}[0m`)
    expect(renderText(APPROVAL_REPORT, { color: true })).toContain(`${ESC}[2mWARN    ${ESC}[0m`)
  })

  test('colour does not change the text once escapes are removed', () => {
    for (const report of Object.values(SAMPLE_REPORTS)) {
      const plain = stripAnsi(renderText(report, { color: true }))
      expect(plain).toBe(renderText(report, { color: false }))
    }
  })

  test('neutralizes control characters from the plan', () => {
    const hostile: ReportedFinding = {
      ...(APPROVAL_REPORT.findings[3] as ReportedFinding),
      address: `null_resource.x["\u001b[2J\n\u202e"]`,
      reason: 'Deletes\ta resource.\r'
    }
    const output = renderText(
      makeReport('pass', PASS_REPORT.plans[0] as PlanInfo, actionCounts(), [hostile]),
      {
        color: false
      }
    )
    expect(output).not.toContain(ESC)
    expect(output).not.toContain('\u202e')
    expect(output).toContain('null_resource.x["\\u001b[2J\\n\\u202e"]')
    expect(output).toContain('Deletes\\ta resource.\\r')
  })

  test('shows deposed objects and plan labels', () => {
    const output = renderText(BLOCKED_REPORT, { color: false })
    expect(output).toContain('aws_rds_cluster.main (deposed object 5f2a1c3e)')
    const labelled = { ...(BLOCKED_REPORT.findings[1] as ReportedFinding), plan: 'core' }
    const report = makeReport('blocked', BLOCKED_REPORT.plans[0] as PlanInfo, actionCounts(), [
      labelled
    ])
    expect(renderText(report, { color: false })).toContain('[core] aws_s3_bucket.tfstate')
  })
})

describe('renderText, readable at any size', () => {
  test('starts with a summary: counts by decision and by category', () => {
    const lines = renderText(LARGE_REPORT, { color: false }).split('\n')
    expect(lines.slice(2, 4)).toEqual([
      'Findings: 120 needing approval, 180 warnings',
      'By category: other 180, database 120'
    ])
  })

  test('groups identical findings into one row with a count and the first addresses', () => {
    const output = renderText(LARGE_REPORT, { color: false })
    expect(output).toContain(
      '  APPROVAL  108 × Deletes a database (aws_db_instance): its data is lost.\n' +
        '              module.tenants["tenant-001"].aws_db_instance.this\n'
    )
    expect(output).toContain('              … and 103 more (--verbose lists every finding)\n')
    expect(findingLines(output)).toHaveLength(3)
    expect(output.split('\n').length).toBeLessThan(40)
  })

  test('a plan per line in the summary when there are several', () => {
    const [a, b] = [APPROVAL_REPORT, BLOCKED_REPORT].map((r) => r.plans[0] as PlanInfo)
    const report = {
      ...APPROVAL_REPORT,
      plans: [
        { ...APPROVAL_REPORT.plans[0]!, file: 'a.json' },
        { ...BLOCKED_REPORT.plans[0]!, file: 'b.json' }
      ],
      findings: [
        ...BLOCKED_REPORT.findings.map((f) => ({ ...f, plan: 'b.json' })),
        ...APPROVAL_REPORT.findings.map((f) => ({ ...f, plan: 'a.json' }))
      ]
    }
    expect(a && b).toBeTruthy()
    const output = renderText(report, { color: false })
    expect(output).toContain(
      'Per plan:\n  a.json: approval required; 3 needing approval, 1 warning (database 3, other 1)\n'
    )
    expect(output).toContain('  b.json: blocked; 2 blocked, 1 needing approval')
  })

  test('wraps prose to the width with a hanging indent and keeps addresses whole', () => {
    const long: ReportedFinding = {
      ...(APPROVAL_REPORT.findings[0] as ReportedFinding),
      address: `module.tenants["${'k'.repeat(120)}"].aws_db_instance.this`,
      reason: 'Replaces a database whose for_each key is very long: its data is lost.'
    }
    const report = makeReport(
      'approval-required',
      PASS_REPORT.plans[0] as PlanInfo,
      actionCounts(),
      [long, ...APPROVAL_REPORT.findings]
    )
    for (const width of [40, 60, 80, 120]) {
      const lines = renderText(report, { color: false, width }).split('\n')
      for (const line of lines) {
        // Addresses stay whole (to be copied); the fingerprint is one word.
        if (report.findings.some((f) => line.endsWith(f.address))) continue
        if (line.startsWith('Fingerprint:')) continue
        expect([...line].length).toBeLessThanOrEqual(width)
      }
      expect(lines).toContain(`  APPROVAL  ${long.address}`)
      const reason = lines.findIndex((l) => l.startsWith('            Replaces'))
      expect(reason).toBeGreaterThan(0)
    }
  })

  test('verbose lists every finding on one line each', () => {
    const output = renderText(LARGE_REPORT, { color: false, verbose: true })
    expect(findingLines(output)).toHaveLength(300)
    expect(output).not.toContain('--verbose')
  })
})

describe('formatActionCounts', () => {
  test('lists only non-zero counts, moves, imports and forgets included', () => {
    expect(formatActionCounts(actionCounts())).toBe('no changes')
    expect(formatActionCounts(actionCounts({ 'no-op': 5 }))).toBe('no changes')
    expect(
      formatActionCounts(
        actionCounts({ create: 2, update: 1, delete: 3, replace: 1, forget: 1, move: 2, import: 1 })
      )
    ).toBe('2 to add, 1 to change, 3 to destroy, 1 to replace, 1 to forget, 2 to move, 1 to import')
  })
})

describe('printable', () => {
  test('leaves ordinary text alone', () => {
    expect(printable('module.a["ключ"].aws_s3_bucket.b → ✓')).toBe(
      'module.a["ключ"].aws_s3_bucket.b → ✓'
    )
  })
})
