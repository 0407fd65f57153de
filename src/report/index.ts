/** Report renderers: one `Report`, six formats. */
import type { Locate } from '../locate/locate.js'
import type { RuleMeta } from '../rules/types.js'
import { renderGithub } from './github.js'
import { renderJson, renderJsonChunks } from './json.js'
import { renderJunit } from './junit.js'
import { renderMarkdown } from './markdown.js'
import { renderSarif } from './sarif.js'
import { renderText } from './text.js'
import type { Report } from './types.js'

/** An output format of the report. */
export type ReportFormat = 'text' | 'markdown' | 'json' | 'sarif' | 'junit' | 'github'

/** Every report format, in the order help texts list them. */
export const REPORT_FORMATS: readonly ReportFormat[] = [
  'text',
  'markdown',
  'json',
  'sarif',
  'junit',
  'github'
]

/** What renderers need besides the report. */
export interface RenderDeps {
  /** ANSI colours in text output. */
  readonly color: boolean
  /** Rule metadata lookup, for SARIF. */
  readonly rules: (id: string) => RuleMeta | undefined
  /** Text: one line per finding instead of grouped rows (`--verbose`). */
  readonly verbose?: boolean
  /** Text: the terminal's width, to wrap prose at. */
  readonly width?: number
  /** SARIF, JUnit, github: finds the `.tf` block of a finding (src/locate/, src/io/sources.ts). */
  readonly locate?: Locate
  /** SARIF: a plan file's path relative to the repository, for findings no block was found for. */
  readonly planPath?: (file: string) => string | undefined
}

/** Renders `report` in `format`; a pure function of its arguments. */
export function render(format: ReportFormat, report: Report, deps: RenderDeps): string {
  switch (format) {
    case 'text':
      return renderText(report, {
        color: deps.color,
        ...(deps.verbose === undefined ? {} : { verbose: deps.verbose }),
        ...(deps.width === undefined ? {} : { width: deps.width })
      })
    case 'markdown':
      return renderMarkdown(report)
    case 'json':
      return renderJson(report)
    case 'sarif':
      return renderSarif(report, deps.rules, {
        ...(deps.locate === undefined ? {} : { locate: deps.locate }),
        ...(deps.planPath === undefined ? {} : { planPath: deps.planPath })
      })
    case 'junit':
      return renderJunit(report, deps.locate)
    case 'github':
      return renderGithub(report, deps.locate)
  }
}

/**
 * The report in pieces to write one after the other: the JSON report one finding at a time (see
 * renderJsonChunks), the others whole.
 */
export function renderChunks(
  format: ReportFormat,
  report: Report,
  deps: RenderDeps
): Iterable<string> {
  return format === 'json' ? renderJsonChunks(report) : [render(format, report, deps)]
}

export { renderGithub, renderJson, renderJunit, renderMarkdown, renderSarif, renderText }
export { annotations, type Annotation, type Annotations } from './github.js'
export { REPORT_JSON_SCHEMA } from './json.js'
