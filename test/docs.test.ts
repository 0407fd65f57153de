/**
 * Generated files must match their sources: docs/rules/ from the rule metadata,
 * schema/plan-gate.schema.json from the policy schema and the README's Action inputs/outputs
 * tables from action.yml. `npm run docs` rewrites them.
 */
import { describe, expect, test } from '@jest/globals'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { CONFIG_SCHEMA } from '../src/policy/schema.js'
import { renderRuleDoc, renderRuleIndex } from '../src/report/rules.js'
import { allRules } from '../src/rules/registry.js'
import { renderActionTables, spliceTables } from './action-docs.js'
import { ROOT } from './helpers.js'

const UPDATE = process.env['UPDATE_DOCS'] === '1'
const RULES_DIR = join(ROOT, 'docs', 'rules')

function expected(): Map<string, string> {
  const files = new Map<string, string>()
  const rules = allRules()
  files.set('README.md', renderRuleIndex(rules))
  for (const rule of rules) files.set(`${rule.id}.md`, renderRuleDoc(rule))
  return files
}

describe('generated docs', () => {
  test('docs/rules/ matches the rule metadata (npm run docs)', () => {
    const want = expected()
    if (UPDATE) {
      rmSync(RULES_DIR, { recursive: true, force: true })
      mkdirSync(RULES_DIR, { recursive: true })
      for (const [name, text] of want) writeFileSync(join(RULES_DIR, name), text)
    }
    const have = existsSync(RULES_DIR) ? readdirSync(RULES_DIR).sort() : []
    expect(have).toEqual([...want.keys()].sort())
    const stale = [...want].filter(
      ([name, text]) => readFileSync(join(RULES_DIR, name), 'utf8') !== text
    )
    expect(stale.map(([name]) => name)).toEqual([])
  })

  test('schema/plan-gate.schema.json matches the policy schema (npm run docs)', () => {
    const file = join(ROOT, 'schema', 'plan-gate.schema.json')
    const text = `${JSON.stringify(CONFIG_SCHEMA, null, 2)}\n`
    if (UPDATE) writeFileSync(file, text)
    expect(readFileSync(file, 'utf8')).toBe(text)
  })

  test('README.md lists the Action inputs and outputs of action.yml (npm run docs)', async () => {
    const prettier = await import('prettier')
    const file = join(ROOT, 'README.md')
    const readme = readFileSync(file, 'utf8')
    const tables = renderActionTables(readFileSync(join(ROOT, 'action.yml'), 'utf8'))
    const options = { ...(await prettier.resolveConfig(file)), filepath: file }
    const want = await prettier.format(spliceTables(readme, tables), options)
    if (UPDATE) writeFileSync(file, want)
    expect(readFileSync(file, 'utf8')).toBe(want)
  })
})
