/** SARIF 2.1.0 report for GitHub code scanning and other SARIF consumers. */
import { createHash } from 'node:crypto'
import type { Decision, RuleMeta, Severity } from '../rules/types.js'
import type { Report, ReportedFinding } from './types.js'

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json'
const INFORMATION_URI = 'https://github.com/plan-gate/plan-gate'

type Level = 'error' | 'warning'

const LEVELS: Readonly<Record<Decision, Level>> = {
  blocked: 'error',
  'approval-required': 'error',
  warn: 'warning'
}

/** GitHub maps these scores to critical (≥ 9), high (≥ 7), medium (≥ 4) and low. */
const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0'
}

/** Renders the report as a SARIF 2.1.0 log with one run; `rules` looks up rule metadata. */
export function renderSarif(report: Report, rules: (id: string) => RuleMeta | undefined): string {
  const firsts = firstFindingPerRule(report.findings)
  const ruleIndex = new Map([...firsts.keys()].map((id, index) => [id, index]))
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'plan-gate',
            version: report.tool.version,
            informationUri: INFORMATION_URI,
            rules: [...firsts.values()].map((finding) => descriptor(finding, rules(finding.ruleId)))
          }
        },
        results: report.findings.map((finding) =>
          result(
            finding,
            ruleIndex.get(finding.ruleId) ?? 0,
            finding.plan ?? report.plans[0]?.file ?? '-'
          )
        )
      }
    ]
  }
  return JSON.stringify(log, null, 2) + '\n'
}

/** `sha256` hex of rule id, address and plan label: stable across runs for the same object. */
export function sarifFingerprint(finding: ReportedFinding): string {
  const key = [finding.ruleId, finding.address, finding.plan ?? ''].join('\u0000')
  return createHash('sha256').update(key).digest('hex')
}

function firstFindingPerRule(findings: readonly ReportedFinding[]): Map<string, ReportedFinding> {
  const firsts = new Map<string, ReportedFinding>()
  for (const finding of findings) {
    if (!firsts.has(finding.ruleId)) firsts.set(finding.ruleId, finding)
  }
  return firsts
}

function descriptor(finding: ReportedFinding, meta: RuleMeta | undefined): object {
  if (meta === undefined) return synthesized(finding)
  return {
    id: finding.ruleId,
    name: meta.slug,
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.description },
    helpUri: meta.helpUri,
    defaultConfiguration: { level: LEVELS[meta.defaultDecision] },
    properties: ruleProperties(finding, meta.severity)
  }
}

/** A minimal rule for an id the lookup does not know, built from its first finding. */
function synthesized(finding: ReportedFinding): object {
  return {
    id: finding.ruleId,
    name: finding.messageId,
    shortDescription: { text: `${finding.ruleId} (${finding.messageId})` },
    defaultConfiguration: { level: LEVELS[finding.decision] },
    properties: ruleProperties(finding, finding.severity)
  }
}

function ruleProperties(finding: ReportedFinding, severity: Severity): object {
  const tags = ['security', 'terraform', 'destructive-change']
  if (finding.category !== undefined) tags.push(finding.category)
  return { tags, precision: 'very-high', 'security-severity': SECURITY_SEVERITY[severity] }
}

function result(finding: ReportedFinding, ruleIndex: number, file: string): object {
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVELS[finding.decision],
    message: { text: finding.reason },
    locations: [location(finding, file)],
    partialFingerprints: { 'planGate/v1': sarifFingerprint(finding) },
    properties: { decision: finding.decision, action: finding.action, type: finding.type }
  }
}

function location(finding: ReportedFinding, file: string): object {
  const logical = { logicalLocations: [{ fullyQualifiedName: finding.address, kind: 'resource' }] }
  if (file === '-' || file === '') return logical
  return { physicalLocation: { artifactLocation: { uri: fileUri(file) } }, ...logical }
}

/** A relative URI reference for a file path: forward slashes, each segment percent-encoded. */
function fileUri(file: string): string {
  return file.replace(/\\/g, '/').split('/').map(encodeURIComponent).join('/')
}
