/** docs/agents.md lists every agent rule with its slug, and the shell parser's numbering holds. */
import { expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { AGENT_RULES } from '../../src/agents/rules.js'
import { loadShell, OPS } from '../../src/agents/shell.js'
import { ROOT } from '../helpers.js'

test('docs/agents.md names every rule', () => {
  const doc = readFileSync(join(ROOT, 'docs', 'agents.md'), 'utf8')
  for (const rule of AGENT_RULES) expect(doc).toContain(`${rule.id} ${rule.slug}`)
})

test("the operator numbers plan-gate relies on are mvdan/sh's", async () => {
  const sh = await loadShell()
  const op = (src: string, pick: (file: Record<string, unknown>) => unknown): unknown =>
    pick(sh.NewParser().Parse(src, 't') as Record<string, unknown>)
  const stmt = (f: Record<string, unknown>) =>
    (f['Stmts'] as Record<string, unknown>[])[0] as Record<string, unknown>
  const bin = (f: Record<string, unknown>) => (stmt(f)['Cmd'] as Record<string, unknown>)['Op']
  const redir = (f: Record<string, unknown>) =>
    ((stmt(f)['Redirs'] as Record<string, unknown>[])[0] as Record<string, unknown>)['Op']
  expect(op('a && b', bin)).toBe(OPS.and)
  expect(op('a || b', bin)).toBe(OPS.or)
  expect(op('a | b', bin)).toBe(OPS.pipe)
  expect(op('a |& b', bin)).toBe(OPS.pipeAll)
  expect(op('a < f', redir)).toBe(OPS.redirIn)
  expect(op('a <<E\nx\nE', redir)).toBe(OPS.hdoc)
  expect(op('a <<-E\n\tx\nE', redir)).toBe(OPS.dashHdoc)
  expect(op('a <<< w', redir)).toBe(OPS.wordHdoc)
  // Loading the parser leaves Error.stackTraceLimit as it was.
  expect(Error.stackTraceLimit).not.toBe(Infinity)
})
