/**
 * The SARIF log against the official SARIF 2.1.0 schema and against what GitHub code scanning
 * documents it needs ("SARIF support for code scanning"): a rule's id, short and full
 * description and help.text; a result's message.text and a location with a relative
 * artifactLocation.uri and region.startLine; partialFingerprints.primaryLocationLineHash;
 * at most 25,000 results and 1,000 locations per result.
 */
import { describe, expect, test } from '@jest/globals'
import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import type { Locate } from '../../src/locate/locate.js'
import type { ReportedFinding } from '../../src/report/types.js'
import { renderSarif } from '../../src/report/sarif.js'
import { allRules, ruleMeta } from '../../src/rules/registry.js'
import { SAMPLE_REPORTS, sampleRules } from './sample-reports.js'

const require = createRequire(import.meta.url)
// @microsoft/jest-sarif carries the schema (a draft-04 JSON Schema) and a validator for it.
const matchers = require('@microsoft/jest-sarif') as Record<string, (...args: unknown[]) => unknown>
expect.extend(matchers as never)
const schemaFile = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json')

interface Log {
  runs: {
    tool: { driver: { name: string; rules: Record<string, unknown>[] } }
    results: {
      ruleId: string
      message: { text: string }
      locations: {
        physicalLocation: {
          artifactLocation: { uri: string; uriBaseId?: string }
          region: { startLine: number }
        }
      }[]
      partialFingerprints: Record<string, string>
    }[]
  }[]
}

const locate: Locate = (finding) =>
  finding.address.startsWith('module.')
    ? { file: 'infra/main.tf', line: 40, column: 1, endLine: 44, kind: 'module-call' }
    : { file: 'infra/db.tf', line: 3, column: 1, endLine: 12, kind: 'resource' }

const cases = Object.entries(SAMPLE_REPORTS).flatMap(([name, report]) => [
  [`${name}, located`, renderSarif(report, sampleRules, { locate })],
  [`${name}, at the plan`, renderSarif(report, sampleRules)],
  [`${name}, real rule metadata`, renderSarif(report, ruleMeta, { locate })]
])

describe('SARIF for code scanning', () => {
  test('the schema file is the official 2.1.0 one', () => {
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as { title: string }
    expect(schema.title).toMatch(/SARIF\) Version 2\.1\.0/)
  })

  test.each(cases)('%s: valid against the SARIF 2.1.0 schema', (_name, output) => {
    ;(
      expect(JSON.parse(output)) as unknown as { toBeValidSarifLog: () => void }
    ).toBeValidSarifLog()
  })

  test('the validator does reject an invalid log', () => {
    const bad = JSON.parse(cases[1]?.[1] ?? '{}') as Log
    ;(bad.runs[0] as unknown as Record<string, unknown>)['results'] = [{ level: 'fatal' }]
    ;(expect(bad) as unknown as { not: { toBeValidSarifLog: () => void } }).not.toBeValidSarifLog()
  })

  test.each(cases)('%s: meets GitHub documented requirements', (_name, output) => {
    const log = JSON.parse(output) as Log
    const run = log.runs[0]
    expect(run?.tool.driver.name).toBe('plan-gate')
    expect(run?.results.length).toBeLessThanOrEqual(25000)
    for (const rule of run?.tool.driver.rules ?? []) {
      expect(rule).toMatchObject({
        id: expect.any(String),
        shortDescription: { text: expect.any(String) },
        fullDescription: { text: expect.any(String) },
        help: { text: expect.any(String), markdown: expect.any(String) }
      })
      expect(String((rule['help'] as { text: string }).text).length).toBeGreaterThan(20)
    }
    for (const result of run?.results ?? []) {
      expect(result.message.text.length).toBeGreaterThan(0)
      expect(result.locations.length).toBeGreaterThanOrEqual(1)
      expect(result.locations.length).toBeLessThanOrEqual(1000)
      const physical = result.locations[0]?.physicalLocation
      expect(physical?.region.startLine).toBeGreaterThanOrEqual(1)
      expect(physical?.artifactLocation.uriBaseId).toBe('%SRCROOT%')
      // Relative: no scheme, no leading slash, no drive letter.
      expect(physical?.artifactLocation.uri).not.toMatch(/^(?:[a-z][a-z0-9+.-]*:|\/)/i)
      expect(result.partialFingerprints['primaryLocationLineHash']).toMatch(/^[0-9a-f]{16}:1$/)
    }
  })

  test('every registered rule has help text and Markdown in SARIF', () => {
    const rules = allRules()
    expect(rules.length).toBeGreaterThan(50)
    for (const meta of rules) {
      const report = {
        ...SAMPLE_REPORTS.approval,
        findings: [{ ...(SAMPLE_REPORTS.approval.findings[0] as ReportedFinding), ruleId: meta.id }]
      }
      const log = JSON.parse(renderSarif(report, ruleMeta)) as Log
      const rule = log.runs[0]?.tool.driver.rules[0] as { help: { text: string; markdown: string } }
      expect(rule.help.text).toContain(meta.remediation)
      expect(rule.help.markdown).toContain(`(${meta.helpUri})`)
    }
  })

  test('results are located at the .tf line the locator gives', () => {
    const log = JSON.parse(cases[3]?.[1] ?? '{}') as Log
    const uris = log.runs[0]?.results.map(
      (r) => r.locations[0]?.physicalLocation.artifactLocation.uri
    )
    expect(new Set(uris)).toEqual(new Set(['infra/db.tf']))
  })
})
