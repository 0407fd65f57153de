import type { PlanInfo } from '../../src/report/types.js'
import { describe, expect, test } from '@jest/globals'
import { codeSpan, escapeMarkdown, renderMarkdown } from '../../src/report/markdown.js'
import type { ReportedFinding } from '../../src/report/types.js'
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

/** The large case is rendered with a small budget so its golden file shows truncation. */
const GOLDEN_OPTIONS: Readonly<Record<string, { maxLength?: number }>> = {
  large: { maxLength: 10000 }
}

function tableRows(markdown: string): string[] {
  return markdown.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| ---'))
}

describe('renderMarkdown', () => {
  test.each(Object.entries(SAMPLE_REPORTS))('matches the golden file for %s', (name, report) => {
    expectGolden(`report-${name}.md`, renderMarkdown(report, GOLDEN_OPTIONS[name]))
  })

  test('starts with a heading and says what is needed next', () => {
    const lines = (markdown: string): string[] => markdown.split('\n')
    expect(lines(renderMarkdown(PASS_REPORT)).slice(0, 3)).toEqual([
      '## ✅ plan-gate: pass',
      '',
      'No destructive changes need approval.'
    ])
    expect(lines(renderMarkdown(APPROVAL_REPORT))[0]).toBe('## ⚠️ plan-gate: approval required')
    expect(lines(renderMarkdown(APPROVAL_REPORT))[2]).toMatch(
      /^A second reviewer must approve this pull request before apply/
    )
    expect(lines(renderMarkdown(BLOCKED_REPORT))[2]).toMatch(/^This plan is blocked: /)
  })

  test('uses the title option, escaped', () => {
    const markdown = renderMarkdown(PASS_REPORT, { title: 'prod_eu <core> $&' })
    expect(markdown.split('\n')[0]).toBe('## ✅ prod\\_eu \\<core\\> $\\&: pass')
  })

  test('puts warnings in a collapsible section after the findings table', () => {
    const markdown = renderMarkdown(APPROVAL_REPORT)
    const table = markdown.indexOf('| Decision | Resource | Action | Why |')
    const warnings = markdown.indexOf('<summary>1 warning: no approval needed</summary>')
    expect(table).toBeGreaterThan(0)
    expect(warnings).toBeGreaterThan(table)
    expect(markdown.slice(warnings)).toContain('| `null_resource.migrate["v2"]` | delete |')
  })

  test('keeps the order of report.findings', () => {
    const rows = tableRows(renderMarkdown(LARGE_REPORT, { maxLength: 1_000_000 }))
    const addresses = rows.slice(1).filter((row) => !row.startsWith('| Resource'))
    expect(addresses).toHaveLength(LARGE_REPORT.findings.length)
    LARGE_REPORT.findings.forEach((finding, i) => {
      expect(addresses[i]).toContain(`\`${finding.address}\``)
    })
  })

  test('ends with the fingerprint', () => {
    for (const report of Object.values(SAMPLE_REPORTS)) {
      expect(renderMarkdown(report).endsWith(`\n\nFingerprint: \`${report.fingerprint}\`\n`)).toBe(
        true
      )
    }
  })

  test('shows plan metadata in a collapsible section', () => {
    const markdown = renderMarkdown(BLOCKED_REPORT)
    expect(markdown).toContain('<details>\n<summary>Plan details</summary>')
    expect(markdown).toContain('- Format: show-json 1.2')
    expect(markdown).toContain('- Produced by: OpenTofu 1.8.3')
    expect(markdown).toContain('- Errored: yes')
    expect(markdown).toContain('- Changes: 1 to add, 2 to destroy, 1 to forget')
  })

  test('shows the plan-level finding and the deposed object', () => {
    const markdown = renderMarkdown(BLOCKED_REPORT)
    expect(markdown).toContain('| ⛔ Blocked | `(plan)` | — | The plan reported errors')
    expect(markdown).toContain('`aws_rds_cluster.main` (deposed object `5f2a1c3e`)')
  })

  test('escapes every interpolated string', () => {
    const hostile: ReportedFinding = {
      ...(APPROVAL_REPORT.findings[0] as ReportedFinding),
      address: 'aws_s3_bucket.b["a|b`c"]',
      reason: 'Deletes <img src=x> *bold* _it_ [link](x) | pipe\nnext `code`',
      plan: 'prod|eu'
    }
    const report = makeReport(
      'approval-required',
      PASS_REPORT.plans[0] as PlanInfo,
      actionCounts(),
      [hostile]
    )
    const row = tableRows(renderMarkdown(report))[1] ?? ''
    expect(row).toBe(
      '| ⚠️ Needs approval | prod\\|eu: ``aws_s3_bucket.b["a\\|b`c"]`` | replace (delete first) | ' +
        'Deletes \\<img src=x\\> \\*bold\\* \\_it\\_ \\[link\\](x) \\| pipe\\\\nnext \\`code\\` |'
    )
    expect(row.split(/(?<!\\)\|/)).toHaveLength(6)
  })

  test('prints only addresses, types, actions, reasons, counts, metadata and fingerprint', () => {
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
    expect(renderMarkdown(report)).not.toContain('hunter2')
  })

  test('is not truncated when it fits the default budget', () => {
    const markdown = renderMarkdown(LARGE_REPORT)
    expect(markdown.length).toBeLessThanOrEqual(60000)
    expect(markdown).not.toContain('not shown')
  })

  test('drops rows from the end and says how many when the budget is exceeded', () => {
    const markdown = renderMarkdown(LARGE_REPORT, { maxLength: 20000 })
    expect(markdown.length).toBeLessThanOrEqual(20000)
    const shown = tableRows(markdown).filter((row) => row.includes('`module.'))
    const omitted = LARGE_REPORT.findings.length - shown.length
    expect(omitted).toBeGreaterThan(0)
    expect(markdown).toContain(`**${omitted} more findings not shown**`)
    expect(markdown).toContain('The full report is in the job summary and the JSON report.')
    shown.forEach((row, i) => {
      expect(row).toContain(`\`${LARGE_REPORT.findings[i]?.address}\``)
    })
    expect(markdown).toContain(`Fingerprint: \`${LARGE_REPORT.fingerprint}\``)
  })

  test('never exceeds maxLength', () => {
    for (const report of Object.values(SAMPLE_REPORTS)) {
      for (const maxLength of [0, 1, 40, 120, 300, 700, 1000, 2500, 5000, 33333, 60000]) {
        expect(renderMarkdown(report, { maxLength }).length).toBeLessThanOrEqual(maxLength)
      }
    }
  })

  test('the default budget holds for very large reports', () => {
    const many = Array.from({ length: 2000 }, (_, i) => ({
      ...(LARGE_REPORT.findings[0] as ReportedFinding),
      address: `module.m["${i}"].aws_db_instance.this`
    }))
    const report = makeReport(
      'approval-required',
      LARGE_REPORT.plans[0] as PlanInfo,
      actionCounts(),
      many
    )
    const markdown = renderMarkdown(report)
    expect(markdown.length).toBeLessThanOrEqual(60000)
    expect(markdown).toMatch(/\*\*\d+ more findings not shown\*\*/)
  })
})

describe('escapeMarkdown and codeSpan', () => {
  test('escape Markdown and HTML specials, and show newlines', () => {
    expect(escapeMarkdown('a_b*c|d<e>f[g]h`i\\j#k~l&m\nn')).toBe(
      'a\\_b\\*c\\|d\\<e\\>f\\[g\\]h\\`i\\\\j\\#k\\~l\\&m\\\\nn'
    )
  })

  test('code spans pick a longer fence than any backtick run', () => {
    expect(codeSpan('a.b["k"]', true)).toBe('`a.b["k"]`')
    expect(codeSpan('a`b', false)).toBe('``a`b``')
    expect(codeSpan('`a', false)).toBe('`` `a ``')
    expect(codeSpan('a|b', true)).toBe('`a\\|b`')
    expect(codeSpan('a|b', false)).toBe('`a|b`')
    expect(codeSpan('a\nb', false)).toBe('`a\\nb`')
  })
})
