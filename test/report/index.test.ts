import { describe, expect, test } from '@jest/globals'
import {
  render,
  REPORT_FORMATS,
  renderJson,
  renderMarkdown,
  renderSarif,
  renderText
} from '../../src/report/index.js'
import type { Report } from '../../src/report/types.js'
import { APPROVAL_REPORT, SAMPLE_REPORTS, sampleRules } from './sample-reports.js'

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze)
    Object.freeze(value)
  }
  return value
}

describe('render', () => {
  test('knows four formats', () => {
    expect(REPORT_FORMATS).toEqual(['text', 'markdown', 'json', 'sarif'])
  })

  test('dispatches to the renderer of each format', () => {
    const deps = { color: false, rules: sampleRules }
    expect(render('text', APPROVAL_REPORT, deps)).toBe(
      renderText(APPROVAL_REPORT, { color: false })
    )
    expect(render('text', APPROVAL_REPORT, { ...deps, color: true })).toBe(
      renderText(APPROVAL_REPORT, { color: true })
    )
    expect(render('markdown', APPROVAL_REPORT, deps)).toBe(renderMarkdown(APPROVAL_REPORT))
    expect(render('json', APPROVAL_REPORT, deps)).toBe(renderJson(APPROVAL_REPORT))
    expect(render('sarif', APPROVAL_REPORT, deps)).toBe(renderSarif(APPROVAL_REPORT, sampleRules))
  })

  test('renderers are pure: same output twice, the report untouched', () => {
    const deps = { color: true, rules: sampleRules }
    for (const report of Object.values(SAMPLE_REPORTS)) {
      const frozen = deepFreeze(structuredClone(report) as Report)
      for (const format of REPORT_FORMATS) {
        const first = render(format, frozen, deps)
        expect(render(format, frozen, deps)).toBe(first)
        expect(first.endsWith('\n')).toBe(true)
      }
      expect(frozen).toEqual(report)
    }
  })
})
