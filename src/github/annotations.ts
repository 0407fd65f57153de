/**
 * One job-log annotation per finding, most dangerous first (the report's order): `error` for a
 * blocked change, `warning` for one that needs approval, `notice` for a warning. GitHub shows at
 * most 10 annotations of each level per step, so each level is capped there and the rest are
 * counted (`omitted`; the Action says so in one notice). Pure: the Action prints them with
 * `@actions/core`, which escapes the text. The shape and levels are the `github` format's
 * (src/report/github.ts), which groups where this gives each finding its own.
 */
import { LEVELS, type Annotation, type Annotations } from '../report/github.js'
import type { Report, ReportedFinding } from '../report/types.js'
import type { Decision } from '../rules/types.js'

export type { Annotation, Annotations } from '../report/github.js'

export type AnnotationLevel = Annotation['level']

/** Where a finding's resource is declared, when a locator knows it. */
export type Locate = (finding: ReportedFinding) => { file: string; line?: number } | undefined

/** Annotations of one level that GitHub displays per step. */
export const ANNOTATIONS_PER_LEVEL = 10

const TITLE: Readonly<Record<Decision, string>> = {
  blocked: 'Blocked',
  'approval-required': 'Approval required',
  warn: 'Warning'
}

/** The annotations for a report, and how many findings the cap left out. */
export function findingAnnotations(
  report: Report,
  options: { readonly perLevel?: number; readonly locate?: Locate } = {}
): Annotations {
  const perLevel = options.perLevel ?? ANNOTATIONS_PER_LEVEL
  const shown: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 }
  const out: Annotation[] = []
  let omitted = 0
  const several = report.plans.length > 1
  for (const finding of report.findings) {
    const level = LEVELS[finding.decision]
    if (shown[level] >= perLevel) {
      omitted++
      continue
    }
    shown[level]++
    const where = options.locate?.(finding)
    const plan = several && finding.plan !== undefined ? ` (plan ${finding.plan})` : ''
    out.push({
      level,
      title: `plan-gate: ${TITLE[finding.decision]} (${finding.ruleId})`,
      message: `${finding.address}${plan}: ${finding.reason}`,
      ...(where === undefined
        ? {}
        : { file: where.file, ...(where.line === undefined ? {} : { line: where.line }) }),
      findings: 1
    })
  }
  return { annotations: out, omitted }
}

/** The notice that counts the findings the cap left out. */
export function omittedNotice(omitted: number, total: number): Annotation {
  return {
    level: 'notice',
    title: 'plan-gate: more findings',
    message: `${omitted} more of ${total} findings have no annotation of their own; the job summary lists them all`,
    findings: omitted
  }
}
