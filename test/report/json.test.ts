import type { PlanInfo } from '../../src/report/types.js'
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from '@jest/globals'
import {
  FINDINGS_PER_PIECE,
  renderJson,
  renderJsonChunks,
  REPORT_JSON_SCHEMA
} from '../../src/report/json.js'
import type { ApprovalRecord, Report, ReportedFinding } from '../../src/report/types.js'
import {
  actionCounts,
  APPROVAL_REPORT,
  BLOCKED_REPORT,
  expectGolden,
  makeReport,
  SAMPLE_REPORTS
} from './sample-reports.js'

/** An approval record with every field set, in declaration order. */
const APPROVAL_RECORD: ApprovalRecord = {
  outcome: 'approved',
  status: 'success',
  description: 'Approved by bob + break-glass by carol',
  required: 2,
  approvers: ['bob'],
  changesRequestedBy: [],
  pullRequest: 7,
  headSha: 'c0ffee'.padEnd(40, '0'),
  fingerprintSince: '2026-11-21T12:00:00Z',
  breakGlass: {
    fingerprint: APPROVAL_REPORT.fingerprint,
    reason: 'INC-4711',
    by: 'carol',
    commentId: 9,
    at: '2026-11-21T12:30:00Z'
  }
}

const SCHEMA_FILE = fileURLToPath(new URL('../../schema/report.schema.json', import.meta.url))

type Schema = Readonly<Record<string, unknown>>

const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', '$defs'])

/**
 * A small validator for the keywords REPORT_JSON_SCHEMA uses. It throws on any other keyword,
 * so the schema cannot silently grow something this test does not check.
 */
function validate(value: unknown, schema: Schema, root: Schema, path = '$'): string[] {
  const errors: string[] = []
  for (const [keyword, arg] of Object.entries(schema)) {
    if (ANNOTATIONS.has(keyword)) continue
    const check = KEYWORDS[keyword]
    if (check === undefined) throw new Error(`unsupported keyword ${keyword} at ${path}`)
    errors.push(...check(value, arg, schema, root, path))
  }
  return errors
}

type Check = (value: unknown, arg: unknown, schema: Schema, root: Schema, path: string) => string[]

function typeOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (Number.isInteger(value)) return 'integer'
  return typeof value
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeOf(value) === 'object'
}

const KEYWORDS: Readonly<Record<string, Check>> = {
  type: (value, arg, _s, _r, path) => {
    const types = Array.isArray(arg) ? arg : [arg]
    const actual = typeOf(value)
    const ok = types.includes(actual) || (actual === 'integer' && types.includes('number'))
    return ok ? [] : [`${path}: expected ${types.join('|')}, got ${actual}`]
  },
  const: (value, arg, _s, _r, path) => (value === arg ? [] : [`${path}: expected ${String(arg)}`]),
  enum: (value, arg, _s, _r, path) =>
    (arg as unknown[]).includes(value) ? [] : [`${path}: ${String(value)} not in enum`],
  minimum: (value, arg, _s, _r, path) =>
    typeof value === 'number' && value < (arg as number) ? [`${path}: below minimum`] : [],
  minItems: (value, arg, _s, _r, path) =>
    Array.isArray(value) && value.length < (arg as number) ? [`${path}: too few items`] : [],
  minLength: (value, arg, _s, _r, path) =>
    typeof value === 'string' && value.length < (arg as number) ? [`${path}: too short`] : [],
  pattern: (value, arg, _s, _r, path) =>
    typeof value === 'string' && !new RegExp(arg as string, 'u').test(value)
      ? [`${path}: does not match ${String(arg)}`]
      : [],
  required: (value, arg, _s, _r, path) =>
    isObject(value)
      ? (arg as string[]).filter((key) => !(key in value)).map((key) => `${path}: missing ${key}`)
      : [],
  properties: (value, arg, _s, root, path) => {
    if (!isObject(value)) return []
    return Object.entries(arg as Record<string, Schema>).flatMap(([key, sub]) =>
      key in value ? validate(value[key], sub, root, `${path}.${key}`) : []
    )
  },
  additionalProperties: (value, arg, schema, root, path) => {
    if (!isObject(value)) return []
    const known = Object.keys((schema.properties ?? {}) as Schema)
    const extra = Object.keys(value).filter((key) => !known.includes(key))
    if (arg === false) return extra.map((key) => `${path}: unexpected ${key}`)
    return extra.flatMap((key) => validate(value[key], arg as Schema, root, `${path}.${key}`))
  },
  items: (value, arg, _s, root, path) =>
    Array.isArray(value)
      ? value.flatMap((item, i) => validate(item, arg as Schema, root, `${path}[${i}]`))
      : [],
  $ref: (value, arg, _s, root, path) => {
    const name = String(arg).replace('#/$defs/', '')
    const target = (root.$defs as Record<string, Schema> | undefined)?.[name]
    if (target === undefined) throw new Error(`dangling $ref ${String(arg)}`)
    return validate(value, target, root, path)
  }
}

function schemaErrors(value: unknown): string[] {
  return validate(value, REPORT_JSON_SCHEMA, REPORT_JSON_SCHEMA)
}

describe('renderJson', () => {
  // The large sample is checked by the round-trip and schema tests, not by a 4,000-line golden.
  test.each(Object.entries(SAMPLE_REPORTS).filter(([name]) => name !== 'large'))(
    'matches the golden file for %s',
    (name, report) => {
      expectGolden(`report-${name}.json`, renderJson(report))
    }
  )

  test('is the report, pretty-printed with a trailing newline', () => {
    for (const report of Object.values(SAMPLE_REPORTS)) {
      const output = renderJson(report)
      expect(JSON.parse(output)).toEqual(report)
      expect(output).toBe(JSON.stringify(JSON.parse(output), null, 2) + '\n')
    }
  })

  test('writes keys in the order types.ts declares them, whatever the input order', () => {
    const finding = APPROVAL_REPORT.findings[0] as ReportedFinding
    const shuffled = Object.fromEntries(Object.entries(finding).reverse()) as ReportedFinding
    const report = { ...APPROVAL_REPORT, findings: [shuffled] }
    const reversed = Object.fromEntries(Object.entries(report).reverse()) as unknown as Report
    const parsed = JSON.parse(renderJson(reversed)) as Record<string, unknown>
    expect(Object.keys(parsed)).toEqual([
      'schemaVersion',
      'tool',
      'decision',
      'fingerprint',
      'plans',
      'counts',
      'blastRadius',
      'policy',
      'findings'
    ])
    const first = (parsed.findings as Record<string, unknown>[])[0] ?? {}
    expect(Object.keys(first)).toEqual(
      Object.keys(finding)
        .filter((k) => k !== 'reason')
        .concat('reason')
    )
  })

  test('drops anything the Report type does not declare', () => {
    const extra = {
      ...BLOCKED_REPORT,
      secret: 'x',
      plan: { ...(BLOCKED_REPORT.plans[0] as PlanInfo), before: { password: 'x' } },
      findings: BLOCKED_REPORT.findings.map((f) => ({ ...f, after: 'x' }))
    } as unknown as Report
    expect(renderJson(extra)).toBe(renderJson(BLOCKED_REPORT))
  })
})

describe('REPORT_JSON_SCHEMA', () => {
  test('schema/report.schema.json is the exported schema', () => {
    const expected = JSON.stringify(REPORT_JSON_SCHEMA, null, 2) + '\n'
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(SCHEMA_FILE, expected)
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(expected)
  })

  test('declares draft 2020-12', () => {
    expect(REPORT_JSON_SCHEMA.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
  })

  test.each(Object.entries(SAMPLE_REPORTS))('accepts the %s report', (_name, report) => {
    expect(schemaErrors(JSON.parse(renderJson(report)))).toEqual([])
  })

  test('accepts a finding with every optional field set', () => {
    const full: ReportedFinding = {
      ...(BLOCKED_REPORT.findings[2] as ReportedFinding),
      order: 'create-first',
      plan: 'core'
    }
    const report = makeReport(
      'approval-required',
      BLOCKED_REPORT.plans[0] as PlanInfo,
      actionCounts(),
      [full]
    )
    expect(schemaErrors(JSON.parse(renderJson(report)))).toEqual([])
  })

  test('rejects reports that do not match', () => {
    const report = JSON.parse(renderJson(APPROVAL_REPORT)) as Record<string, unknown>
    const finding = (report.findings as Record<string, unknown>[])[0] ?? {}
    expect(schemaErrors({ ...report, extra: 1 })).toEqual(['$: unexpected extra'])
    expect(schemaErrors({ ...report, decision: 'maybe' })).toEqual([
      '$.decision: maybe not in enum'
    ])
    expect(schemaErrors({ ...report, fingerprint: 'md5:1' })).toHaveLength(1)
    expect(
      schemaErrors({ ...report, findings: [{ ...finding, data: { x: { nested: 1 } } }] })
    ).toEqual(['$.findings[0].data.x: expected string|number|boolean, got object'])
    const withoutReason = { ...finding }
    delete withoutReason.reason
    expect(schemaErrors({ ...report, findings: [withoutReason] })).toEqual([
      '$.findings[0]: missing reason'
    ])
  })

  test('accepts the approval record the GitHub Action adds, and checks it', () => {
    const report = JSON.parse(renderJson({ ...APPROVAL_REPORT, approval: APPROVAL_RECORD }))
    expect(report.approval).toEqual(APPROVAL_RECORD)
    expect(schemaErrors(report)).toEqual([])
    const minimal = {
      outcome: 'pass',
      status: 'success',
      description: 'ok',
      approvers: [],
      changesRequestedBy: []
    }
    expect(schemaErrors({ ...report, approval: minimal })).toEqual([])
    expect(schemaErrors({ ...report, approval: { ...minimal, outcome: 'merged' } })).toEqual([
      '$.approval.outcome: merged not in enum'
    ])
    expect(schemaErrors({ ...report, approval: { ...minimal, token: 'x' } })).toEqual([
      '$.approval: unexpected token'
    ])
  })

  test('lists properties in the order renderJson writes them', () => {
    const properties = REPORT_JSON_SCHEMA.properties as Record<string, unknown>
    const parsed = JSON.parse(
      renderJson({ ...BLOCKED_REPORT, approval: APPROVAL_RECORD })
    ) as Record<string, unknown>
    const approval = (REPORT_JSON_SCHEMA.properties as Record<string, { properties: object }>)
      .approval
    expect(Object.keys(approval?.properties ?? {})).toEqual(Object.keys(APPROVAL_RECORD))
    expect(Object.keys(properties)).toEqual(Object.keys(parsed))
    const defs = REPORT_JSON_SCHEMA.$defs as Record<string, { properties: object }>
    const plans = parsed.plans as object[]
    expect(Object.keys(defs.planSummary?.properties ?? {})).toEqual(Object.keys(plans[0] as object))
    const counts = parsed.counts as { actions: object }
    expect(Object.keys(defs.actionCounts?.properties ?? {})).toEqual(Object.keys(counts.actions))
  })
})

describe('the JSON report in pieces (renderJsonChunks)', () => {
  /** The report printed whole, the way renderJson did before it was cut into pieces. */
  const whole = (report: Report) => JSON.stringify(JSON.parse(renderJson(report)), null, 2) + '\n'

  test('every sample report: the pieces are the whole report, byte for byte', () => {
    for (const report of [
      ...Object.values(SAMPLE_REPORTS),
      { ...APPROVAL_REPORT, approval: APPROVAL_RECORD }
    ]) {
      const chunks = [...renderJsonChunks(report)]
      expect(chunks.join('')).toBe(renderJson(report))
      expect(chunks.join('')).toBe(whole(report))
      // One piece before the findings, one per FINDINGS_PER_PIECE findings, one after.
      const n = report.findings.length
      expect(chunks).toHaveLength(n === 0 ? 1 : Math.ceil(n / FINDINGS_PER_PIECE) + 2)
    }
  })

  test('thousands of findings (a full destroy) are never one string, and read back the same', () => {
    const base = BLOCKED_REPORT.findings[0]!
    const findings: ReportedFinding[] = Array.from({ length: 5000 }, (_, n) => ({
      ...base,
      address: `module.db["a\\n\\"${n}"].aws_db_instance.x`
    }))
    const report: Report = { ...BLOCKED_REPORT, findings }
    const chunks = [...renderJsonChunks(report)]
    expect(chunks).toHaveLength(Math.ceil(5000 / FINDINGS_PER_PIECE) + 2)
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(renderJson(report).length / 100)
    expect(chunks.join('')).toBe(whole(report))
    expect((JSON.parse(chunks.join('')) as Report).findings).toEqual(
      JSON.parse(JSON.stringify(findings))
    )
  })

  test("around the pieces' edges (1, 2, one short of a piece, a piece, one more, several), the same bytes", () => {
    const base = BLOCKED_REPORT.findings
    for (const n of [
      1,
      2,
      FINDINGS_PER_PIECE - 1,
      FINDINGS_PER_PIECE,
      FINDINGS_PER_PIECE + 1,
      3 * FINDINGS_PER_PIECE + 5
    ]) {
      const findings: ReportedFinding[] = Array.from({ length: n }, (_, k) => ({
        ...base[k % base.length]!,
        address: `aws_s3_bucket.b${k}`,
        // Text JSON escapes, and a member that is left out when undefined.
        reason: k % 3 === 0 ? 'line\nbreak "quoted" \u2028' : base[k % base.length]!.reason,
        plan: k % 2 === 0 ? undefined : `plan ${k}`
      }))
      const report: Report = { ...BLOCKED_REPORT, findings }
      const joined = [...renderJsonChunks(report)].join('')
      expect(joined).toBe(whole(report))
      expect((JSON.parse(joined) as Report).findings).toEqual(JSON.parse(JSON.stringify(findings)))
    }
  })
})
