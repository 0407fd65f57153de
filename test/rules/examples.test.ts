/**
 * Every rule's good and bad examples go through the real CLI (argument parsing, policy file,
 * reader, gate, JSON report): a bad example yields a finding with the rule's id, a good one not.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { allRules } from '../../src/rules/registry.js'
import type { RuleExample } from '../../src/rules/types.js'
import { cli } from '../helpers.js'

let dir: string
let counter = 0
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'plan-gate-examples-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Runs one example through the CLI and returns the rule ids it reported. */
async function ruleIds(example: RuleExample): Promise<string[]> {
  const argv = ['-', '--format', 'json']
  let cwd = dir
  if (example.policy !== undefined || example.files !== undefined) {
    cwd = join(dir, `case-${counter++}`)
    mkdirSync(cwd)
    if (example.policy !== undefined) writeFileSync(join(cwd, '.plan-gate.yml'), example.policy)
    for (const [name, text] of Object.entries(example.files ?? {}))
      writeFileSync(join(cwd, name), text)
    if (example.files !== undefined) argv.push('--terraform-dir', cwd)
  }
  if (example.at !== undefined) argv.push('--at', example.at)
  const stdin = typeof example.plan === 'string' ? example.plan : JSON.stringify(example.plan)
  const result = await cli(argv, { stdin, cwd })
  if (result.code === 2) throw new Error(`exit 2: ${result.stderr}`)
  const report = JSON.parse(result.stdout) as { findings: { ruleId: string }[] }
  return report.findings.map((f) => f.ruleId)
}

const rules = allRules()

describe('rule examples through the CLI', () => {
  test('every rule has at least one good and one bad example', () => {
    const missing = rules.filter(
      (r) => !r.examples || r.examples.bad.length === 0 || r.examples.good.length === 0
    )
    expect(missing.map((r) => r.id)).toEqual([])
  })

  test.each(rules.map((r) => ({ id: r.id, rule: r })))('$id', async ({ rule }) => {
    for (const bad of rule.examples?.bad ?? []) expect(await ruleIds(bad)).toContain(rule.id)
    for (const good of rule.examples?.good ?? []) expect(await ruleIds(good)).not.toContain(rule.id)
  })
})
