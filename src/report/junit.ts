/**
 * JUnit XML, as conftest and checkov write it for CI test reports: one test suite per plan, one
 * test case per finding. Blocked and approval-required findings are failures; warnings pass
 * with their reason in `system-out`; a plan without findings has one passing case.
 */
import type { Locate } from '../locate/locate.js'
import { objectLabel, printable } from './text.js'
import type { Report, ReportedFinding } from './types.js'

/** Renders the report as a JUnit XML document. */
export function renderJunit(report: Report, locate?: Locate): string {
  const several = report.plans.length > 1
  const suites = report.plans.map((plan) => {
    const findings = report.findings.filter((f) => !several || f.plan === plan.file)
    const cases =
      findings.length > 0
        ? findings.map((f) => testCase(f, plan.file, locate))
        : [
            `    <testcase classname="plan-gate" name="${attr(`${plan.file}: no destructive changes need approval`)}" time="0"/>`
          ]
    const failures = findings.filter((f) => f.decision !== 'warn').length
    return [
      `  <testsuite name="${attr(plan.file)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0" time="0">`,
      ...cases,
      '  </testsuite>'
    ].join('\n')
  })
  const tests = report.plans.reduce(
    (n, plan) =>
      n + Math.max(1, report.findings.filter((f) => !several || f.plan === plan.file).length),
    0
  )
  const failures = report.findings.filter((f) => f.decision !== 'warn').length
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="plan-gate" tests="${tests}" failures="${failures}" errors="0" skipped="0" time="0">`,
    ...suites,
    '</testsuites>',
    ''
  ].join('\n')
}

function testCase(finding: ReportedFinding, file: string, locate: Locate | undefined): string {
  const where = locate?.(finding)
  const place = where === undefined ? '' : ` file="${attr(where.file)}" line="${where.line}"`
  const open = `    <testcase classname="plan-gate.${attr(finding.ruleId)}" name="${attr(`[${finding.decision}] ${objectLabel(finding)}`)}" time="0"${place}>`
  const details = [
    `Rule: ${finding.ruleId}`,
    `Decision: ${finding.decision}`,
    `Severity: ${finding.severity}`,
    `Plan: ${file}`,
    `Address: ${objectLabel(finding)}`,
    ...(finding.action === undefined ? [] : [`Action: ${finding.action}`]),
    ...(where === undefined ? [] : [`Declared at: ${where.file}:${where.line}`]),
    `Reason: ${finding.reason}`
  ]
    .map(xmlSafe)
    .join('\n')
  const body =
    finding.decision === 'warn'
      ? `      <system-out>${escapeXml(details)}</system-out>`
      : `      <failure type="${finding.decision}" message="${attr(finding.reason)}">${escapeXml(details)}</failure>`
  return `${open}\n${body}\n    </testcase>`
}

/** XML 1.0 cannot carry control characters, lone surrogates or U+FFFE/U+FFFF at all. */
function xmlSafe(value: string): string {
  return printable(value).replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]/g,
    '\uFFFD'
  )
}

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function attr(value: string): string {
  return escapeXml(xmlSafe(value)).replace(/"/g, '&quot;').replace(/'/g, '&apos;')
}
