/**
 * The memory-bounded path (changes slimmed to facts as they are read, plans streamed in small
 * chunks) and the plain path (everything kept, one buffer) give identical reports on every
 * fixture: the repo's own and the real ones.
 */
import { describe, expect, test } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { PlanReader, readPlan } from '../../src/plan/read.js'
import { DEFAULT_POLICY, parsePolicy, type Policy } from '../../src/policy/config.js'
import { gate, slimmer, type GateContext } from '../../src/policy/gate.js'
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

function report(bytes: Buffer, file: string, policy: Policy, slim: boolean): string {
  const context: GateContext = { policy, now: NOW, planFile: file }
  let plan
  if (slim) {
    const reader = new PlanReader({ retain: slimmer(context) })
    for (let i = 0; i < bytes.length; i += 4096) reader.push(bytes.subarray(i, i + 4096))
    plan = reader.end()
  } else {
    plan = readPlan(bytes)
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
      expect(report(bytes, 'plan', policy, true)).toBe(report(bytes, 'plan', policy, false))
    }
  })

  test('the slim path keeps no values and no no-op changes', () => {
    const bytes = readFileSync(join(FIXTURES, 'plans', 'kinds.json'))
    const context: GateContext = { policy: DEFAULT_POLICY, now: NOW, planFile: 'p' }
    const reader = new PlanReader({ retain: slimmer(context) })
    reader.push(bytes)
    const plan = reader.end()
    expect(plan.changes.some((c) => c.action === 'no-op' || c.action === 'read')).toBe(false)
    expect(plan.changes.every((c) => c.before === undefined && c.after === undefined)).toBe(true)
    expect(plan.tally.actions['no-op']).toBe(readPlan(bytes).tally.actions['no-op'])
  })
})
