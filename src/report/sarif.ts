/** SARIF 2.1.0 report for GitHub code scanning and other SARIF consumers. */
import { sha256Hex } from '../common/sha256.js'
import type { Locate, SourceLocation } from '../locate/locate.js'
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

/** The base every relative URI is resolved against: the repository's checkout. */
export const SRCROOT = '%SRCROOT%'

/** Where results point, besides the rule lookup. */
export interface SarifOptions {
  /** Finds the `.tf` block of a finding (src/locate/); without it results point at the plan. */
  readonly locate?: Locate
  /**
   * A plan file's path relative to the repository, for results no block was found for; the
   * file as given when absent (absolute paths are cut to their file name, never published).
   */
  readonly planPath?: (file: string) => string | undefined
}

/**
 * Renders the report as a SARIF 2.1.0 log with one run; `rules` looks up rule metadata. Each
 * result points at the `.tf` block when `options.locate` finds it, else at the plan file (or
 * `stdin`) line 1, so every result has a physical location as code scanning requires.
 */
export function renderSarif(
  report: Report,
  rules: (id: string) => RuleMeta | undefined,
  options: SarifOptions = {}
): string {
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
        originalUriBaseIds: {
          [SRCROOT]: { description: { text: 'The root of the repository checkout' } }
        },
        results: report.findings.map((finding) =>
          result(
            finding,
            ruleIndex.get(finding.ruleId) ?? 0,
            options.locate?.(finding) ??
              fallback(finding.plan ?? report.plans[0]?.file ?? '-', options.planPath)
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
  return sha256Hex(key)
}

/**
 * The `primaryLocationLineHash` GitHub matches alerts by (with the file and rule): built from
 * the object's identity rather than the line's text, so editing the block, or moving it within
 * the file, keeps the alert, and two instances of one block stay two alerts.
 */
export function primaryLocationLineHash(finding: ReportedFinding): string {
  return `${sarifFingerprint(finding).slice(0, 16)}:1`
}

/** The plan file (or `stdin`) at line 1, for a result whose block was not found. */
function fallback(file: string, planPath: SarifOptions['planPath']): SourceLocation {
  let path = file === '-' || file === '' ? 'stdin' : (planPath?.(file) ?? file)
  path = path.replace(/\\/g, '/')
  // An absolute path names the runner's disk, not the repository: keep only the file name.
  if (/^(?:[A-Za-z]:)?\//.test(path)) path = path.slice(path.lastIndexOf('/') + 1)
  return { file: path, line: 1, column: 1, endLine: 1, kind: 'resource' }
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
    help: help(meta.title, meta.description, meta.remediation, meta.helpUri),
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
    fullDescription: { text: `Findings of rule ${finding.ruleId} (${finding.messageId}).` },
    help: help(
      `${finding.ruleId} (${finding.messageId})`,
      finding.reason,
      `Run \`plan-gate explain ${finding.ruleId}\` for what this rule checks and what to do.`
    ),
    defaultConfiguration: { level: LEVELS[finding.decision] },
    properties: ruleProperties(finding, finding.severity)
  }
}

/** `help` as code scanning shows it: text is required there, Markdown is preferred. */
function help(title: string, why: string, what: string, uri?: string): object {
  const more = uri === undefined ? '' : `\n\nMore: ${uri}`
  const link = uri === undefined ? '' : `\n\n[Rule documentation](${uri})`
  return {
    text: `${title}\n\nWhy: ${why}\n\nWhat to do: ${what}${more}`,
    markdown: `**${title}**\n\n**Why:** ${why}\n\n**What to do:** ${what}${link}`
  }
}

function ruleProperties(finding: ReportedFinding, severity: Severity): object {
  const tags = ['security', 'terraform', 'destructive-change']
  if (finding.category !== undefined) tags.push(finding.category)
  return { tags, precision: 'very-high', 'security-severity': SECURITY_SEVERITY[severity] }
}

function result(finding: ReportedFinding, ruleIndex: number, where: SourceLocation): object {
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVELS[finding.decision],
    message: { text: finding.reason },
    locations: [location(finding, where)],
    partialFingerprints: {
      primaryLocationLineHash: primaryLocationLineHash(finding),
      'planGate/v1': sarifFingerprint(finding)
    },
    properties: {
      decision: finding.decision,
      action: finding.action,
      type: finding.type,
      ...(where.kind === 'module-call' ? { locatedAt: 'module-call' } : {})
    }
  }
}

function location(finding: ReportedFinding, where: SourceLocation): object {
  return {
    physicalLocation: {
      artifactLocation: { uri: fileUri(where.file), uriBaseId: SRCROOT },
      region: { startLine: where.line, startColumn: where.column, endLine: where.endLine }
    },
    logicalLocations: [{ fullyQualifiedName: finding.address, kind: 'resource' }]
  }
}

/** A relative URI reference for a file path: forward slashes, each segment percent-encoded. */
function fileUri(file: string): string {
  return file.replace(/\\/g, '/').split('/').map(encodeURIComponent).join('/')
}
