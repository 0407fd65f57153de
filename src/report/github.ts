/**
 * GitHub Actions workflow commands: the text report in a collapsed group, then one annotation
 * per group of identical findings at the same `.tf` block (`::error file=…,line=…::…`).
 * `annotations()` is the builder the Action uses for its own annotations.
 */
import type { Locate, SourceLocation } from '../locate/locate.js'
import type { Decision } from '../rules/types.js'
import { groupFindings } from './group.js'
import { objectLabel, printable, renderText } from './text.js'
import type { Report, ReportedFinding } from './types.js'

/** A workflow annotation: `::error`, `::warning` or `::notice`. */
export interface Annotation {
  readonly level: 'error' | 'warning' | 'notice'
  readonly title: string
  readonly message: string
  /** The `.tf` file, relative to the repository root, when the block was found. */
  readonly file?: string
  readonly line?: number
  readonly endLine?: number
  /** Findings this annotation stands for. */
  readonly findings: number
}

export interface Annotations {
  readonly annotations: readonly Annotation[]
  /** Findings left out by the cap (no annotation of their own). */
  readonly omitted: number
}

/** Annotations per run at most, by default; GitHub shows only the first few per step anyway. */
export const DEFAULT_MAX_ANNOTATIONS = 50

/** Addresses named in one annotation's message before "and N more". */
const ADDRESSES_PER_ANNOTATION = 10

const LEVELS: Readonly<Record<Decision, Annotation['level']>> = {
  blocked: 'error',
  'approval-required': 'warning',
  warn: 'notice'
}

const TITLES: Readonly<Record<Decision, string>> = {
  blocked: 'Blocked',
  'approval-required': 'Needs approval',
  warn: 'Warning'
}

/**
 * One annotation per group of identical findings (same decision, rule, type and reason) at the
 * same block, most dangerous first, at most `max`; the findings beyond are counted.
 */
export function annotations(
  report: Report,
  locate?: Locate,
  max: number = DEFAULT_MAX_ANNOTATIONS
): Annotations {
  const all: Annotation[] = []
  for (const group of groupFindings(report.findings)) {
    const byPlace = new Map<string, { where?: SourceLocation; findings: ReportedFinding[] }>()
    for (const finding of group.findings) {
      const where = locate?.(finding)
      const key = where === undefined ? '' : `${where.file}:${where.line}`
      const entry = byPlace.get(key)
      if (entry === undefined)
        byPlace.set(key, { ...(where === undefined ? {} : { where }), findings: [finding] })
      else entry.findings.push(finding)
    }
    for (const { where, findings } of byPlace.values()) {
      all.push({
        level: LEVELS[group.decision],
        title: `plan-gate ${TITLES[group.decision]}: ${group.ruleId}`,
        message: message(group.reason, findings),
        ...(where === undefined
          ? {}
          : { file: where.file, line: where.line, endLine: where.endLine }),
        findings: findings.length
      })
    }
  }
  const kept = all.slice(0, Math.max(0, max))
  const omitted = all.slice(kept.length).reduce((n, a) => n + a.findings, 0)
  return { annotations: kept, omitted }
}

function message(reason: string, findings: readonly ReportedFinding[]): string {
  const first = findings[0]
  if (findings.length === 1 && first !== undefined)
    return `${printable(objectLabel(first))}: ${printable(reason)}`
  const named = findings.slice(0, ADDRESSES_PER_ANNOTATION).map((f) => printable(objectLabel(f)))
  const more = findings.length - named.length
  return (
    `${findings.length} × ${printable(reason)}\n` +
    named.join('\n') +
    (more > 0 ? `\n… and ${more} more` : '')
  )
}

/** The workflow command text of one annotation. */
export function annotationCommand(annotation: Annotation): string {
  const properties = [
    annotation.file === undefined ? '' : `file=${escapeProperty(annotation.file)}`,
    annotation.line === undefined ? '' : `line=${annotation.line}`,
    annotation.endLine === undefined ? '' : `endLine=${annotation.endLine}`,
    `title=${escapeProperty(annotation.title)}`
  ].filter((p) => p !== '')
  return `::${annotation.level} ${properties.join(',')}::${escapeData(annotation.message)}`
}

/** Renders the report as workflow commands for a GitHub Actions log. */
export function renderGithub(report: Report, locate?: Locate): string {
  const text = renderText(report, { color: false })
  const [verdict, ...rest] = text.replace(/\n$/, '').split('\n')
  const lines = [`::group::${escapeData(`plan-gate: ${verdict ?? ''}`)}`]
  // A line the report prints must never read as a command of its own.
  for (const line of rest)
    lines.push(/^\s*::/.test(line) ? ` ${line.replace('::', ':\u200b:')}` : line)
  lines.push('::endgroup::')
  const { annotations: list, omitted } = annotations(report, locate)
  for (const annotation of list) lines.push(annotationCommand(annotation))
  if (omitted > 0)
    lines.push(
      `::notice title=plan-gate::${escapeData(`${omitted} more findings are not annotated; the report above lists them`)}`
    )
  return lines.join('\n') + '\n'
}

/** Escapes a command's message (`%`, CR, LF), as @actions/core does. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** Escapes a command property (also `:` and `,`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}
