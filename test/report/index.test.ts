import { describe, expect, test } from '@jest/globals'
import {
  render,
  REPORT_FORMATS,
  renderJson,
  renderMarkdown,
  renderGithub,
  renderJunit,
  renderSarif,
  renderText
} from '../../src/report/index.js'
import type { Locate } from '../../src/locate/locate.js'
import type { Report } from '../../src/report/types.js'
import { APPROVAL_REPORT, LARGE_REPORT, SAMPLE_REPORTS, sampleRules } from './sample-reports.js'

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze)
    Object.freeze(value)
  }
  return value
}

describe('render', () => {
  test('knows six formats', () => {
    expect(REPORT_FORMATS).toEqual(['text', 'markdown', 'json', 'sarif', 'junit', 'github'])
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
    expect(render('junit', APPROVAL_REPORT, deps)).toBe(renderJunit(APPROVAL_REPORT))
    expect(render('github', APPROVAL_REPORT, deps)).toBe(renderGithub(APPROVAL_REPORT))
    expect(render('text', LARGE_REPORT, { ...deps, verbose: true, width: 60 })).toBe(
      renderText(LARGE_REPORT, { color: false, verbose: true, width: 60 })
    )
    const locate = (): ReturnType<Locate> => ({
      file: 'main.tf',
      line: 7,
      column: 1,
      endLine: 9,
      kind: 'resource'
    })
    expect(render('sarif', APPROVAL_REPORT, { ...deps, locate })).toBe(
      renderSarif(APPROVAL_REPORT, sampleRules, { locate })
    )
    expect(render('junit', APPROVAL_REPORT, { ...deps, locate })).toContain(
      'file="main.tf" line="7"'
    )
    expect(render('github', APPROVAL_REPORT, { ...deps, locate })).toContain('file=main.tf,line=7')
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
