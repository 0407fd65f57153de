/**
 * What makes reports readable at any size: identical findings grouped into one row, counts by
 * decision and category, long addresses shortened in the middle. Pure; every renderer that shows
 * findings to people (text, markdown, github) uses it.
 */
import { CATEGORIES, type Category } from '../catalog/types.js'
import type { Decision } from '../rules/types.js'
import type { Report, ReportedFinding } from './types.js'

/** Findings with the same decision, rule, resource type and reason: one row in a report. */
export interface FindingGroup {
  readonly decision: Decision
  readonly ruleId: string
  readonly type?: string
  readonly reason: string
  /** In report order (most dangerous first); never empty. */
  readonly findings: readonly [ReportedFinding, ...ReportedFinding[]]
}

/** The decisions in the order reports list them. */
export const DECISIONS: readonly Decision[] = ['blocked', 'approval-required', 'warn']

/** Groups identical findings (same decision, rule, type and reason), in order of first appearance. */
export function groupFindings(findings: readonly ReportedFinding[]): FindingGroup[] {
  const groups = new Map<string, { first: ReportedFinding; findings: ReportedFinding[] }>()
  for (const finding of findings) {
    const key = JSON.stringify([finding.decision, finding.ruleId, finding.type, finding.reason])
    const group = groups.get(key)
    if (group === undefined) groups.set(key, { first: finding, findings: [finding] })
    else group.findings.push(finding)
  }
  return [...groups.values()].map(({ first, findings: members }) => ({
    decision: first.decision,
    ruleId: first.ruleId,
    type: first.type,
    reason: first.reason,
    findings: members as [ReportedFinding, ...ReportedFinding[]]
  }))
}

/** The label a finding's category goes by in summaries ("database", "other"). */
export function categoryLabel(finding: ReportedFinding): string {
  const category = finding.category as Category | undefined
  if (category === undefined) return 'other'
  return CATEGORIES[category]?.label ?? String(category)
}

/** Finding counts by category label, largest first (ties by label). */
export function countByCategory(
  findings: readonly ReportedFinding[]
): { label: string; count: number }[] {
  const counts = new Map<string, number>()
  for (const finding of findings) {
    const label = categoryLabel(finding)
    counts.set(label, (counts.get(label) ?? 0) + 1)
  }
  return [...counts.entries()]
    .map(([label, count]) => ({ label, count }))
    .sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0))
}

/** Findings of each plan of a several-plan report, keyed by plan file, in report order. */
export function findingsPerPlan(report: Report): Map<string, ReportedFinding[]> {
  const per = new Map<string, ReportedFinding[]>(report.plans.map((p) => [p.file, []]))
  for (const finding of report.findings) {
    const file = finding.plan ?? report.plans[0]?.file ?? '-'
    const list = per.get(file)
    if (list === undefined) per.set(file, [finding])
    else list.push(finding)
  }
  return per
}

/**
 * `text` cut to at most `max` characters by taking out its middle ("module.a…b.this"); the
 * ends name the module and the resource, the parts people look for. Never splits a surrogate pair.
 */
export function shortenMiddle(text: string, max: number): string {
  const chars = [...text]
  if (chars.length <= max) return text
  if (max <= 1) return '…'.slice(0, Math.max(0, max))
  const keep = max - 1
  const tail = Math.floor(keep / 2)
  const head = keep - tail
  return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - tail).join('')}`
}

/**
 * An address cut to `max` characters, keeping the resource (`aws_db_instance.this[0]`) whole when
 * it leaves room for the start of the module path: `module.tenants["k…"].aws_db_instance.this`
 * becomes `module.tenants["kkk…aws_db_instance.this`.
 */
export function shortenAddress(address: string, max: number): string {
  const chars = [...address]
  if (chars.length <= max) return address
  const lastModule =
    /^(?:.*\])?.*?(?:^|\.)((?:data\.)?[A-Za-z_][\w-]*\.[A-Za-z_][\w-]*(?:\[[^\]]*\])?)$/.exec(
      address
    )
  const resource = lastModule?.[1]
  if (resource === undefined || [...resource].length > max - 8) return shortenMiddle(address, max)
  const head = max - 1 - [...resource].length
  return `${chars.slice(0, head).join('')}…${resource}`
}

/**
 * Wraps `text` to `width` columns at spaces: the first line starts with `first`, the others with
 * `indent` (a hanging indent). A word longer than a line is broken, so no line exceeds `width`
 * unless the indent alone does.
 */
export function wrap(text: string, width: number, first: string, indent: string): string[] {
  const lines: string[] = []
  let line = first
  let lineWidth = [...first].length
  let empty = true
  const room = (): number => width - lineWidth
  for (const word of text.split(/ +/).filter((w) => w !== '')) {
    let rest = [...word]
    const needed = rest.length + (empty ? 0 : 1)
    if (!empty && needed > room()) {
      lines.push(line)
      line = indent
      lineWidth = [...indent].length
      empty = true
    }
    if (!empty) {
      line += ' '
      lineWidth += 1
    }
    // A word that fits no line is split over as many lines as it needs.
    while (rest.length > room() && room() > 0 && rest.length > width - [...indent].length) {
      const take = room()
      line += rest.slice(0, take).join('')
      lines.push(line)
      rest = rest.slice(take)
      line = indent
      lineWidth = [...indent].length
    }
    line += rest.join('')
    lineWidth += rest.length
    empty = false
  }
  lines.push(line)
  return lines.map((l) => l.trimEnd())
}
