import type { PlanInfo, PlanSummary } from '../../src/report/types.js'
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
    expect(lines(renderMarkdown(APPROVAL_REPORT))[2]).toBe(
      'Needs a second approver besides the usual one before apply. 3 findings need approval.'
    )
    expect(lines(renderMarkdown(BLOCKED_REPORT))[2]).toMatch(/^This plan is blocked: /)
  })

  test('says how many approving reviews the policy needs, and how many counted so far', () => {
    const line = (approvals: { required: number; counted?: number }): string =>
      renderMarkdown(APPROVAL_REPORT, { approvals }).split('\n')[2] ?? ''
    expect(line({ required: 2 })).toBe(
      'Needs 2 approving reviews before apply: a second approver besides the usual one. ' +
        '3 findings need approval.'
    )
    expect(line({ required: 2, counted: 1 })).toMatch(/need approval\. So far: 1 of 2\.$/)
    expect(line({ required: 3, counted: 0 })).toBe(
      'Needs 3 approving reviews before apply. 3 findings need approval. So far: 0 of 3.'
    )
    expect(line({ required: 1 })).toMatch(/^Needs 1 approving review before apply\. /)
    const recorded = {
      ...APPROVAL_REPORT,
      approval: {
        outcome: 'pending' as const,
        status: 'pending' as const,
        description: '',
        required: 2,
        approvers: ['alice'],
        changesRequestedBy: []
      }
    }
    expect(renderMarkdown(recorded).split('\n')[2]).toMatch(/So far: 1 of 2\.$/)
  })

  test('starts with a summary: counts by decision and by category', () => {
    const markdown = renderMarkdown(LARGE_REPORT)
    expect(markdown.split('\n')[4]).toBe(
      '**Findings:** 120 needing approval, 180 warnings. **By category:** other 180, database 120.'
    )
    expect(markdown.indexOf('**Findings:**')).toBeLessThan(markdown.indexOf('| Decision |'))
  })

  test('a line per plan in the summary when there are several', () => {
    const report = {
      ...APPROVAL_REPORT,
      plans: [
        { ...(APPROVAL_REPORT.plans[0] as PlanSummary), file: 'eu/plan.json' },
        { ...(BLOCKED_REPORT.plans[0] as PlanSummary), file: 'us/plan.json' }
      ],
      findings: [
        ...BLOCKED_REPORT.findings.map((f) => ({ ...f, plan: 'us/plan.json' })),
        ...APPROVAL_REPORT.findings.map((f) => ({ ...f, plan: 'eu/plan.json' }))
      ]
    }
    const markdown = renderMarkdown(report)
    expect(markdown).toContain(
      '| Plan | Verdict | Findings | By category |\n| --- | --- | --- | --- |\n' +
        '| `eu/plan.json` | ⚠️ approval required | 3 needing approval, 1 warning | database 3, other 1 |\n' +
        '| `us/plan.json` | ⛔ blocked | 2 blocked, 1 needing approval |'
    )
    expect(markdown.indexOf('| Plan |')).toBeLessThan(markdown.indexOf('| Decision |'))
  })

  test('uses the title option, escaped', () => {
    const markdown = renderMarkdown(PASS_REPORT, { title: 'prod_eu <core> $&' })
    expect(markdown.split('\n')[0]).toBe('## ✅ prod\\_eu \\<core\\> $\\&: pass')
  })

  test('puts warnings in a collapsible section after the findings table', () => {
    const markdown = renderMarkdown(APPROVAL_REPORT)
    const table = markdown.indexOf('| Decision | Resource | Why |')
    const warnings = markdown.indexOf('<summary>1 warning: no approval needed</summary>')
    expect(table).toBeGreaterThan(0)
    expect(warnings).toBeGreaterThan(table)
    expect(markdown.slice(warnings)).toContain(
      '| `null_resource.migrate["v2"]` | Deletes a resource'
    )
  })

  test('groups identical findings into one row with a count and lists every address', () => {
    const markdown = renderMarkdown(LARGE_REPORT, { maxLength: 1_000_000 })
    const rows = tableRows(markdown).filter(
      (row) => !row.startsWith('| Decision') && !row.startsWith('| Resource')
    )
    expect(rows).toEqual([
      '| ⚠️ Needs approval | **108** × `aws_db_instance` | Deletes a database (aws\\_db\\_instance): its data is lost. |',
      '| ⚠️ Needs approval | **12** × `aws_rds_cluster_instance` | Deletes a database (aws\\_rds\\_cluster\\_instance): its data is lost. |',
      '| **180** × `aws_security_group` | Deletes a resource that holds no data. |'
    ])
    // Every address, in report order, in the collapsible lists.
    let at = 0
    for (const finding of LARGE_REPORT.findings.filter((f) => f.type === 'aws_db_instance')) {
      const next = markdown.indexOf(`- \`${finding.address}\``, at)
      expect(next).toBeGreaterThan(at)
      at = next
    }
    expect(markdown).toContain('<summary>Addresses (120 findings, in full)</summary>')
    expect(markdown).toContain('**108 × `aws_db_instance`** — Deletes a database')
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
    expect(markdown).toContain('| ⛔ Blocked | `(plan)` | The plan reported errors')
    expect(markdown).toContain('`aws_rds_cluster.main` (deposed `5f2a1c3e`)')
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
      '| ⚠️ Needs approval | prod\\|eu: ``aws_s3_bucket.b["a\\|b`c"]`` | ' +
        'Deletes \\<img src=x\\> \\*bold\\* \\_it\\_ \\[link\\](x) \\| pipe\\\\nnext \\`code\\` |'
    )
    expect(row.split(/(?<!\\)\|/)).toHaveLength(5)
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
    const distinct = Array.from({ length: 300 }, (_, i) => ({
      ...(LARGE_REPORT.findings[0] as ReportedFinding),
      type: `aws_type_${i}`,
      address: `aws_type_${i}.this`,
      reason: `Deletes a database (aws_type_${i}): its data is lost.`
    }))
    const report = makeReport(
      'approval-required',
      LARGE_REPORT.plans[0] as PlanInfo,
      actionCounts(),
      distinct
    )
    const markdown = renderMarkdown(report, { maxLength: 20000 })
    expect(markdown.length).toBeLessThanOrEqual(20000)
    const shown = tableRows(markdown).filter((row) => row.includes('`aws_type_'))
    const omitted = distinct.length - shown.length
    expect(omitted).toBeGreaterThan(0)
    expect(markdown).toContain(`**${omitted} more findings not shown**`)
    expect(markdown).toContain('The full report is in the job summary and the JSON report.')
    shown.forEach((row, i) => {
      expect(row).toContain(`\`${distinct[i]?.address}\``)
    })
    expect(markdown).toContain(`Fingerprint: \`${report.fingerprint}\``)
  })

  test('shows the first rows and collapses the rest, so a long table stays short', () => {
    const distinct = Array.from({ length: 40 }, (_, i) => ({
      ...(LARGE_REPORT.findings[0] as ReportedFinding),
      type: `aws_type_${i}`,
      address: `aws_type_${i}.this`,
      reason: `Deletes a database (aws_type_${i}): its data is lost.`
    }))
    const report = makeReport(
      'approval-required',
      LARGE_REPORT.plans[0] as PlanInfo,
      actionCounts(),
      distinct
    )
    const markdown = renderMarkdown(report)
    const collapsed = markdown.indexOf('<summary>15 more rows (15 findings)</summary>')
    expect(collapsed).toBeGreaterThan(0)
    expect(markdown.indexOf('`aws_type_24.this`')).toBeLessThan(collapsed)
    expect(markdown.indexOf('`aws_type_25.this`')).toBeGreaterThan(collapsed)
  })

  test('shortens long addresses in the middle and gives the full address in the details', () => {
    const key = 'k'.repeat(300)
    const long: ReportedFinding = {
      ...(APPROVAL_REPORT.findings[0] as ReportedFinding),
      address: `module.tenants["${key}"].module.database.aws_db_instance.this`
    }
    const report = makeReport(
      'approval-required',
      PASS_REPORT.plans[0] as PlanInfo,
      actionCounts(),
      [long]
    )
    const markdown = renderMarkdown(report)
    const row = tableRows(markdown)[1] ?? ''
    const cell = /`([^`]*)`/.exec(row)?.[1] ?? ''
    expect([...cell].length).toBe(44)
    expect(cell).toBe('module.tenants["kkkkkkk…aws_db_instance.this')
    expect(markdown).toContain('**Full address** — ')
    expect(markdown).toContain(`- \`${long.address}\``)
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
    expect(markdown).toContain('| ⚠️ Needs approval | **2000** × `aws_db_instance` |')
    expect(markdown).toMatch(/- … and 1[89]\d\d more \(every one is in the JSON report\)/)
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
