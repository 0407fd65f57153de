/** One job-log annotation per finding: levels, cap per level, the rest counted, and no injection. */
import { describe, expect, test } from '@jest/globals'
import * as core from '@actions/core'
import {
  ANNOTATIONS_PER_LEVEL,
  findingAnnotations,
  omittedNotice
} from '../../src/github/annotations.js'
import type { Report, ReportedFinding } from '../../src/report/types.js'
import { cli, fixture, PLANTED_SECRET } from '../helpers.js'

async function exampleReport(): Promise<Report> {
  const result = await cli([fixture('examples', 'destroy-prod-db.json'), '--format', 'json'])
  return JSON.parse(result.stdout) as Report
}

function withFindings(report: Report, findings: ReportedFinding[]): Report {
  return { ...report, findings }
}

describe('findingAnnotations', () => {
  test('the example: one per finding, most dangerous first, warning for approval, notice for warn', async () => {
    const { annotations, omitted } = findingAnnotations(await exampleReport())
    expect(omitted).toBe(0)
    expect(annotations.map((a) => [a.level, a.title])).toEqual([
      ['warning', 'plan-gate: Approval required (PG-AWS-001)'],
      ['warning', expect.stringMatching(/^plan-gate: Approval required \(PG-/)],
      ['warning', expect.stringMatching(/^plan-gate: Approval required \(PG-/)],
      ['notice', expect.stringMatching(/^plan-gate: Warning \(PG-/)]
    ])
    expect(annotations[0]?.message).toMatch(/^aws_db_instance\.orders: Replaces .*database/)
    expect(JSON.stringify(annotations)).not.toContain(PLANTED_SECRET)
  })

  test('where the locator knows the block, the annotation points at its file and line', async () => {
    const report = await exampleReport()
    const { annotations } = findingAnnotations(report, {
      locate: (f) =>
        f.address === 'aws_db_instance.orders' ? { file: 'infra/db.tf', line: 12 } : undefined
    })
    expect(annotations[0]).toMatchObject({ file: 'infra/db.tf', line: 12, findings: 1 })
    expect(annotations[1]).not.toHaveProperty('file')
  })

  test('capped at what GitHub shows per level; one notice counts the rest', async () => {
    const report = await exampleReport()
    const [approval, , , warn] = report.findings as ReportedFinding[]
    const many = [
      ...Array.from({ length: 25 }, (_, i) => ({
        ...approval!,
        address: `aws_db_instance.db${i}`
      })),
      ...Array.from({ length: 3 }, (_, i) => ({ ...warn!, address: `aws_instance.w${i}` }))
    ]
    const { annotations, omitted } = findingAnnotations(withFindings(report, many))
    const levels = annotations.map((a) => a.level)
    expect(levels.filter((l) => l === 'warning')).toHaveLength(ANNOTATIONS_PER_LEVEL)
    // The three warnings are all shown: the cap is per level.
    expect(levels.filter((l) => l === 'notice')).toHaveLength(3)
    expect(omitted).toBe(15)
    expect(omittedNotice(omitted, many.length)).toEqual({
      level: 'notice',
      title: 'plan-gate: more findings',
      message:
        '15 more of 28 findings have no annotation of their own; the job summary lists them all',
      findings: 15
    })
  })

  test('several plans: the message names the plan', async () => {
    const report = await exampleReport()
    const finding = { ...(report.findings[0] as ReportedFinding), plan: 'envs/prod.json' }
    const two = { ...withFindings(report, [finding]), plans: [report.plans[0]!, report.plans[0]!] }
    expect(findingAnnotations(two).annotations[0]?.message).toMatch(
      /^aws_db_instance\.orders \(plan envs\/prod\.json\): /
    )
  })

  test('an address built to inject a workflow command stays inside one escaped annotation', async () => {
    const report = await exampleReport()
    const evil = '\n::error file=x::forged%0A::add-mask::y'
    const finding = {
      ...(report.findings[0] as ReportedFinding),
      address: `aws_s3_bucket.b["${evil}"]`
    }
    const [annotation] = findingAnnotations(withFindings(report, [finding])).annotations
    let written = ''
    const write = process.stdout.write
    process.stdout.write = ((chunk: string) => {
      written += chunk
      return true
    }) as typeof process.stdout.write
    try {
      core.warning(annotation!.message, { title: annotation!.title })
    } finally {
      process.stdout.write = write
    }
    // One line: the newline and the % are escaped, so no second command can start.
    expect(written.trimEnd().split('\n')).toHaveLength(1)
    expect(written).toMatch(/^::warning title=plan-gate%3A Approval required \(PG-AWS-001\)::/)
    expect(written).toContain('%0A::error file=x::forged%250A')
  })
})
