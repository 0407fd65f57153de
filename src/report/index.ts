/** Report renderers: one `Report`, four formats. */
import type { RuleMeta } from '../rules/types.js'
import { renderJson } from './json.js'
import { renderMarkdown } from './markdown.js'
import { renderSarif } from './sarif.js'
import { renderText } from './text.js'
import type { Report } from './types.js'

/** An output format of the report. */
export type ReportFormat = 'text' | 'markdown' | 'json' | 'sarif'

/** Every report format, in the order help texts list them. */
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'markdown', 'json', 'sarif']

/** What renderers need besides the report. */
export interface RenderDeps {
  /** ANSI colours in text output. */
  readonly color: boolean
  /** Rule metadata lookup, for SARIF. */
  readonly rules: (id: string) => RuleMeta | undefined
}

/** Renders `report` in `format`; a pure function of its arguments. */
export function render(format: ReportFormat, report: Report, deps: RenderDeps): string {
  switch (format) {
    case 'text':
      return renderText(report, { color: deps.color })
    case 'markdown':
      return renderMarkdown(report)
    case 'json':
      return renderJson(report)
    case 'sarif':
      return renderSarif(report, deps.rules)
  }
}

export { renderJson, renderMarkdown, renderSarif, renderText }
export { REPORT_JSON_SCHEMA } from './json.js'
