/**
 * The memory-bounded path (changes slimmed to facts as they are read, plans streamed in small
 * chunks) and the plain path (every element parsed, one buffer) give identical reports on every
 * fixture: the repo's own and the real ones. So does the CLI's path, which on top of that only
 * checks, and never parses, the no-op and read elements whose values slimmer() drops.
 */
import { describe, expect, test } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { PlanReader, readPlan } from '../../src/plan/read.js'
import { DEFAULT_POLICY, parsePolicy, type Policy } from '../../src/policy/config.js'
import { gate, slimmer, type GateContext } from '../../src/pipeline/gate.js'
import { buildReport } from '../../src/report/build.js'
import { renderJson } from '../../src/report/json.js'
import { resolveRule } from '../../src/rules/registry.js'
import { FIXTURES, REAL, realFiles } from '../helpers.js'

const NOW = Date.parse('2026-11-21T12:00:00Z')

/** A policy that exercises tag matches, overrides and identity-based hints on slim changes. */
const POLICY: Policy = parsePolicy(
  'rules:\n  - match: { tag: "env=prod" }\n    decision: blocked\nprotect:\n  types: ["aws_iam_*"]\n',
  'p.yml',
  (id) => resolveRule(id) !== undefined
)

/** 'plain': one buffer, every element parsed; 'slim': slimmer(), 4 KiB chunks; 'cli': as the CLI. */
type Path = 'plain' | 'slim' | 'cli'

function report(bytes: Uint8Array, file: string, policy: Policy, path: Path, chunk = 4096): string {
  const context: GateContext = { policy, now: NOW, planFile: file }
  let plan
  if (path === 'plain') {
    plan = readPlan(bytes, { unchangedValues: true })
  } else {
    const unchangedValues = path === 'slim'
    const reader = new PlanReader({ retain: slimmer(context), unchangedValues })
    for (let i = 0; i < bytes.length; i += chunk) reader.push(bytes.subarray(i, i + chunk))
    plan = reader.end()
  }
  return renderJson(buildReport([{ file, plan, result: gate(plan, context) }], { version: '0' }))
}

const own = ['examples', 'plans', 'streams'].flatMap((dir) =>
  readdirSync(join(FIXTURES, dir))
    .filter((n) => !n.startsWith('truncated'))
    .map((n) => join(FIXTURES, dir, n))
)

describe('streaming and plain paths agree', () => {
  test.each(
    [...own, ...realFiles()].map((f) => [
      relative(join(FIXTURES, '..'), f).replace(
        `${relative(join(FIXTURES, '..'), REAL)}/`,
        'real/'
      ),
      f
    ])
  )('%s', (_name, file) => {
    const bytes = readFileSync(file)
    for (const policy of [DEFAULT_POLICY, POLICY]) {
      const plain = report(bytes, 'plan', policy, 'plain')
      expect(report(bytes, 'plan', policy, 'slim')).toBe(plain)
      expect(report(bytes, 'plan', policy, 'cli')).toBe(plain)
      expect(report(bytes, 'plan', policy, 'cli', 7)).toBe(plain)
    }
  })

  // Non-ASCII text in a no-op element (checked, not parsed) and in a changed one (parsed).
  const kinds = readFileSync(join(FIXTURES, 'plans', 'kinds.json'), 'utf8')
    .replaceAll('"10.0.0.0/16"', '"10.0.0.0/16 é 日本 😀"')
    .replaceAll('"orders"', '"orders-ü-€-𝄞"')
  const utf16 = (bigEndian: boolean): Buffer => {
    const le = Buffer.from(kinds, 'utf16le')
    const body = bigEndian ? Buffer.from(le).swap16() : le
    return Buffer.concat([Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), body])
  }

  test.each([
    ['UTF-8, multi-byte characters split across chunks', Buffer.from(kinds)],
    ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(kinds)])],
    ['UTF-16LE through the streaming path', utf16(false)],
    ['UTF-16BE through the streaming path', utf16(true)]
  ])('%s', (_name, bytes) => {
    const want = report(Buffer.from(kinds), 'plan', POLICY, 'plain')
    const db = readPlan(bytes).changes.find((c) => c.address === 'aws_db_instance.a')
    expect((db?.before as { db_name: string }).db_name).toBe('orders-ü-€-𝄞')
    for (const chunk of [1, 2, 3, 5, 4095, 1 << 20]) {
      expect(report(bytes, 'plan', POLICY, 'cli', chunk)).toBe(want)
      expect(report(bytes, 'plan', POLICY, 'slim', chunk)).toBe(want)
    }
  })

  test('the slim path keeps no values and no no-op changes', () => {
    const bytes = readFileSync(join(FIXTURES, 'plans', 'kinds.json'))
    const context: GateContext = { policy: DEFAULT_POLICY, now: NOW, planFile: 'p' }
    const reader = new PlanReader({ retain: slimmer(context), unchangedValues: false })
    reader.push(bytes)
    const plan = reader.end()
    expect(plan.changes.some((c) => c.action === 'no-op' || c.action === 'read')).toBe(false)
    expect(plan.changes.every((c) => c.before === undefined && c.after === undefined)).toBe(true)
    expect(plan.tally.actions['no-op']).toBe(readPlan(bytes).tally.actions['no-op'])
  })
})
