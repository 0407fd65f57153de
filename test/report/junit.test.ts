import { describe, expect, test } from '@jest/globals'
import type { Locate } from '../../src/locate/locate.js'
import { renderJunit } from '../../src/report/junit.js'
import type { PlanInfo, ReportedFinding } from '../../src/report/types.js'
import {
  actionCounts,
  APPROVAL_REPORT,
  expectGolden,
  makeReport,
  PASS_REPORT,
  SAMPLE_REPORTS
} from './sample-reports.js'

/** Every element and attribute of the document, read by a small strict XML reader. */
function parseXml(xml: string): { name: string; attrs: Record<string, string>; text: string }[] {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true)
  const body = xml.slice(xml.indexOf('\n') + 1)
  const elements: { name: string; attrs: Record<string, string>; text: string }[] = []
  const stack: string[] = []
  const token = /<(\/?)([A-Za-z-]+)((?:\s+[A-Za-z-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy
  let match: RegExpExecArray | null
  let last = 0
  while ((match = token.exec(body)) !== null) {
    last = token.lastIndex
    const [, close, name, attrs, selfClose, text] = match
    if (text !== undefined) {
      expect(text).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/)
      const current = elements.at(-1)
      if (current !== undefined && stack.length > 0) current.text += text
      continue
    }
    if (close === '/') {
      expect(stack.pop()).toBe(name)
      continue
    }
    const parsed: Record<string, string> = {}
    for (const a of (attrs ?? '').matchAll(/([A-Za-z-]+)="([^"]*)"/g))
      parsed[a[1] as string] = a[2] as string
    elements.push({ name: name as string, attrs: parsed, text: '' })
    if (selfClose !== '/') stack.push(name as string)
  }
  expect(last).toBe(body.length)
  expect(stack).toEqual([])
  return elements
}

describe('renderJunit', () => {
  test.each(Object.entries(SAMPLE_REPORTS).filter(([n]) => n !== 'large'))(
    'matches the golden file for %s',
    (name, report) => {
      expectGolden(`report-${name}.junit.xml`, renderJunit(report))
    }
  )

  test('one test case per finding; blocked and approval-required fail, warnings pass', () => {
    for (const report of Object.values(SAMPLE_REPORTS)) {
      const elements = parseXml(renderJunit(report))
      const cases = elements.filter((e) => e.name === 'testcase')
      const failures = elements.filter((e) => e.name === 'failure')
      expect(cases).toHaveLength(Math.max(1, report.findings.length))
      expect(failures).toHaveLength(report.findings.filter((f) => f.decision !== 'warn').length)
      const root = elements[0]
      expect(root?.name).toBe('testsuites')
      expect(root?.attrs['failures']).toBe(String(failures.length))
      expect(root?.attrs['tests']).toBe(String(cases.length))
    }
  })

  test('a plan without findings has one passing case', () => {
    const elements = parseXml(renderJunit(PASS_REPORT))
    expect(elements.filter((e) => e.name === 'testcase')).toHaveLength(1)
    expect(elements.some((e) => e.name === 'failure')).toBe(false)
  })

  test('test cases carry the rule, the address and the .tf file and line', () => {
    const locate: Locate = () => ({
      file: 'db.tf',
      line: 4,
      column: 1,
      endLine: 9,
      kind: 'resource'
    })
    const first = parseXml(renderJunit(APPROVAL_REPORT, locate)).find((e) => e.name === 'testcase')
    expect(first?.attrs).toEqual({
      classname: 'plan-gate.PG-AWS-001',
      name: '[approval-required] aws_db_instance.main',
      time: '0',
      file: 'db.tf',
      line: '4'
    })
  })

  test('hostile addresses and reasons stay well-formed XML', () => {
    const hostile: ReportedFinding = {
      ...(APPROVAL_REPORT.findings[0] as ReportedFinding),
      address: 'aws_s3_bucket.b["</testcase><x a=\'1\'>&amp;\u0000\ud800"]',
      reason: ']]><!-- "quote" & <tag> \u001b[31m \uffff'
    }
    const report = makeReport(
      'approval-required',
      PASS_REPORT.plans[0] as PlanInfo,
      actionCounts(),
      [hostile]
    )
    const xml = renderJunit(report)
    const elements = parseXml(xml)
    expect(elements.map((e) => e.name)).toEqual(['testsuites', 'testsuite', 'testcase', 'failure'])
    // No character XML 1.0 forbids.
    expect(xml).not.toMatch(
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])/
    )
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
    expect(renderJunit(report)).not.toContain('hunter2')
  })
})
