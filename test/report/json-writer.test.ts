/**
 * The JSON report's findings are written by hand (writeFinding, FindingWriter) instead of one
 * JSON.stringify per batch. Its reference is findingByStringify, the way they were printed
 * before: these tests compare the two on generated findings of every shape, the declared ones
 * and the ones the types forbid (which must still come out as JSON.stringify prints them).
 */
import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import {
  FindingWriter,
  FINDINGS_PER_PIECE,
  findingByStringify,
  renderJsonChunks,
  writeFinding
} from '../../src/report/json.js'
import type { Report, ReportedFinding } from '../../src/report/types.js'
import { BLOCKED_REPORT } from './sample-reports.js'

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 300)

/** What a render gives: its text, or the error it throws. */
function outcome(render: () => string): string {
  try {
    return render()
  } catch (error) {
    return `throws ${(error as Error).constructor.name}`
  }
}

/** The findings' part of the report as the reference prints it (holes included). */
function reference(findings: readonly ReportedFinding[]): string {
  const texts: string[] = []
  for (let i = 0; i < findings.length; i++) texts.push(findingByStringify(findings, i))
  return texts.join(',\n')
}

/** The findings' part of the report as renderJsonChunks prints it. */
function rendered(findings: readonly ReportedFinding[]): string {
  const chunks = [...renderJsonChunks({ ...BLOCKED_REPORT, findings })]
  if (findings.length === 0) return chunks.length === 1 ? '' : 'more than one piece'
  const pieces = Math.ceil(findings.length / FINDINGS_PER_PIECE) + 2
  if (chunks.length !== pieces) return `${chunks.length} pieces, not ${pieces}`
  return chunks.slice(1, -1).join('')
}

// Strings that need escaping, lone surrogates, non-ASCII, and the few values a report repeats.
const text = fc.oneof(
  fc.constantFrom('PG-0005', 'aws_s3_bucket', 'delete', 'warn', 'change', 'x'),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('a"b\\c', 'line\nbreak', '\u2028\u2029', '\ud800', 'tab\there', '')
)

/** Anything at all, for the fields whose type a broken finding would not respect. */
const odd = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.constantFrom(NaN, Infinity, -0, 1e21, 5e-7),
  fc.boolean(),
  fc.constant([1, 'a']),
  fc.constant({ nested: { deep: 1 } }),
  fc.constant(() => 1),
  fc.constant(new Date(0)),
  fc.constant({ toJSON: () => 'replaced', k: 'v' }),
  fc.constant(Object.defineProperty({ k: 'v' }, 'toJSON', { value: () => 'hidden' })),
  fc.constant(Object.assign(Object.create(null) as object, { k: 'v' }))
)

const maybe = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 5, arbitrary: arb })

/** What a policy adds to few findings. */
const rarely = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb })

const scalar = fc.oneof(
  text,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(undefined),
  fc.constantFrom(NaN, -Infinity)
)

const freshData = fc.oneof(
  { weight: 8, arbitrary: fc.dictionary(text, scalar, { maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(text, odd, { maxKeys: 2 }) },
  { weight: 1, arbitrary: odd }
)

// A few frozen records shared by many findings, as the rules make them.
const SHARED_DATA = [
  Object.freeze({ type: 'aws_instance' }),
  Object.freeze({ categoryLabel: 'database', reason: 'delete_because_no_resource_config' }),
  Object.freeze({ count: 3, ok: true, ratio: 0.5, gone: undefined }),
  Object.freeze({})
]

const data = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...SHARED_DATA) },
  {
    weight: 3,
    arbitrary: freshData.map((d) => (typeof d === 'object' && d ? Object.freeze(d) : d))
  },
  { weight: 3, arbitrary: freshData }
)

const pair = (a: string, b: string) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.record({ [a]: maybe(text), [b]: maybe(text) }) },
    { weight: 1, arbitrary: fc.record({ [a]: odd, [b]: maybe(text) }) },
    { weight: 1, arbitrary: odd }
  )

/** A field: mostly a string from a small set (so that neighbours share their text), or odd. */
const field = (values: readonly string[]) =>
  fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...values) },
    { weight: 2, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: text },
    { weight: 1, arbitrary: odd }
  )

const finding = fc.record(
  {
    ruleId: field(['PG-0005', 'PG-AWS-018']),
    address: fc.oneof(
      { weight: 10, arbitrary: fc.nat(50).map((n) => `module.m["k${n}"].aws_instance.web[${n}]`) },
      { weight: 1, arbitrary: text },
      { weight: 1, arbitrary: odd }
    ),
    type: field(['aws_instance', 'aws_db_instance']),
    action: field(['delete', 'replace']),
    order: field(['delete-first']),
    deposed: field(['00000001']),
    category: field(['database']),
    severity: field(['low', 'high']),
    decision: field(['warn', 'approval-required']),
    messageId: field(['destroy-resource', 'destroy-data-store']),
    data,
    source: field(['change', 'plan']),
    plan: field(['a.json']),
    exemption: rarely(pair('reason', 'expires')),
    override: rarely(pair('from', 'reason')),
    reason: field(['Deletes aws_instance', 'Deletes a database "x"']),
    extra: maybe(text)
  },
  { requiredKeys: [] }
) as unknown as fc.Arbitrary<ReportedFinding>

const FIELDS = [
  'ruleId',
  'type',
  'action',
  'order',
  'deposed',
  'category',
  'severity',
  'decision',
  'messageId',
  'data',
  'source',
  'plan',
  'exemption',
  'override',
  'reason'
] as const

/**
 * A run of neighbours alike, as a sorted report has them: each after the first has another
 * address, and sometimes one other field taken from another finding.
 */
const run = fc
  .tuple(
    finding,
    fc.array(fc.tuple(fc.option(fc.constantFrom(...FIELDS)), finding), { maxLength: 40 })
  )
  .map(([first, rest]) => [
    first,
    ...rest.map(([key, other], k) => {
      const next: Record<string, unknown> = { ...first, address: `aws_instance.x[${k}]` }
      if (key !== null) next[key] = (other as unknown as Record<string, unknown>)[key]
      return next as unknown as ReportedFinding
    })
  ])

/** Runs of findings, and now and then something that is no finding at all. */
const findings = fc
  .array(
    fc.oneof(
      { weight: 20, arbitrary: run },
      { weight: 1, arbitrary: odd.map((x) => [x as unknown as ReportedFinding]) }
    ),
    { maxLength: 6 }
  )
  .map((runs) => runs.flat())

describe('the hand-written findings of the JSON report', () => {
  test('writeFinding writes what findingByStringify prints, or leaves it to it', () => {
    fc.assert(
      fc.property(finding, (f) => {
        const parts: string[] = []
        const ok = writeFinding(f, parts)
        const expected = outcome(() => findingByStringify([f], 0))
        if (ok) expect(parts.join('')).toBe(expected)
        else expect(parts).toEqual([])
      }),
      { numRuns: RUNS * 3 }
    )
  })

  test('findings of the declared types are always written by hand', () => {
    const declared = BLOCKED_REPORT.findings
    for (const f of declared) expect(writeFinding(f, [])).toBe(true)
  })

  test('renderJsonChunks prints every list of findings as the reference does', () => {
    fc.assert(
      fc.property(findings, (list) => {
        expect(outcome(() => rendered(list))).toBe(outcome(() => reference(list)))
      }),
      { numRuns: RUNS }
    )
  })

  test('holes and missing findings come out as JSON.stringify prints them', () => {
    const base = BLOCKED_REPORT.findings[0] as ReportedFinding
    const list = [base, base, base] as ReportedFinding[]
    delete (list as unknown as Record<number, unknown>)[1]
    expect(rendered(list)).toBe(reference(list))
    expect(rendered(list)).toContain('\n    null,\n')
    const withUndefined = [base, undefined] as unknown as ReportedFinding[]
    expect(outcome(() => rendered(withUndefined))).toBe(outcome(() => reference(withUndefined)))
  })

  test('a shared text is written again after the caller changed what it was made from', () => {
    const data: Record<string, string> = { type: 'aws_instance' }
    const list: ReportedFinding[] = Array.from({ length: 3 * FINDINGS_PER_PIECE }, (_, i) => ({
      ...(BLOCKED_REPORT.findings[0] as ReportedFinding),
      address: `aws_instance.x[${i}]`,
      data
    }))
    const report: Report = { ...BLOCKED_REPORT, findings: list }
    const chunks = renderJsonChunks(report)
    const pieces = [chunks.next().value, chunks.next().value]
    data['type'] = 'changed'
    for (const piece of chunks) pieces.push(piece)
    const findingsText = pieces.slice(1, -1).join('')
    const before = reference(
      list.slice(0, FINDINGS_PER_PIECE).map((f) => ({ ...f, data: { type: 'aws_instance' } }))
    )
    expect(findingsText.startsWith(before)).toBe(true)
    expect(findingsText.slice(before.length)).toBe(
      `,\n${reference(list.slice(FINDINGS_PER_PIECE))}`
    )
  })

  test('a getter that changes a shared record on the way is seen, as JSON.stringify sees it', () => {
    const make = () => {
      const data: Record<string, string> = { type: 'aws_instance' }
      const base = { ...(BLOCKED_REPORT.findings[0] as ReportedFinding), data }
      const second = { ...base, address: 'aws_instance.y' }
      Object.defineProperty(second, 'ruleId', {
        enumerable: true,
        get: () => {
          data['type'] = 'changed'
          return base.ruleId
        }
      })
      return [base, second]
    }
    expect(rendered(make())).toBe(reference(make()))
    expect(rendered(make())).toContain('"type": "changed"')
  })

  test('the remembered text is per finding writer, and forgotten on request', () => {
    const f = BLOCKED_REPORT.findings[0] as ReportedFinding
    const writer = new FindingWriter()
    const parts: string[] = []
    expect(writer.write(f, parts)).toBe(true)
    expect(writer.write({ ...f, address: 'other' }, parts)).toBe(true)
    writer.forget()
    expect(writer.write({ ...f, reason: 'different' }, parts)).toBe(true)
    expect(parts.join('')).toBe(
      [
        findingByStringify([f], 0),
        findingByStringify([{ ...f, address: 'other' }], 0),
        findingByStringify([{ ...f, reason: 'different' }], 0)
      ].join('')
    )
  })
})
