/**
 * The screen in front of the parser may only skip lines that nothing would rule on. Property:
 * for generated lines (Terraform and data words, quoting tricks, separators, wrappers), when the
 * screen says "skip", the full analysis finds nothing.
 */
import { beforeAll, expect, test } from '@jest/globals'
import fc from 'fast-check'
import type { ShSyntax } from 'mvdan-sh'
import { analyzeLine } from '../../src/agents/analyze.js'
import { needsParsing } from '../../src/agents/prefilter.js'
import { loadShell, ShellSyntaxError } from '../../src/agents/shell.js'

let sh: ShSyntax
beforeAll(async () => {
  sh = await loadShell()
})

const WORDS = [
  'terraform',
  'tofu',
  'terragrunt',
  'destroy',
  'apply',
  'plan',
  'state',
  'rm',
  'aws',
  'rds',
  'delete-db-instance',
  'kubectl',
  'delete',
  'ns',
  'psql',
  '-c',
  'DROP TABLE x',
  'az',
  'oc',
  'helm',
  'uninstall',
  'ls',
  'echo',
  'npm',
  'test',
  'git',
  'status',
  'cat',
  'x',
  '-auto-approve',
  'sudo',
  'env',
  'bash',
  'sh',
  'eval',
  'xargs',
  'find',
  '-exec',
  'docker',
  'run',
  'TF_CLI_ARGS=-destroy',
  'te\\rraform',
  "te'rr'aform",
  '"terraform"',
  'ter\\\nraform',
  'TERRAFORM',
  'a\\z',
  "o'c'",
  'd\\estroy'
]
const SEPARATORS = [' ', ' && ', ' || ', '; ', ' | ', '\n']

test('a line the screen skips gets no ruling', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), {
        minLength: 1,
        maxLength: 8
      }),
      (parts) => {
        const line = parts
          .map(([w, s]) => `${w}${s}`)
          .join('')
          .trim()
        if (needsParsing(line)) return
        let analysis
        try {
          analysis = analyzeLine(sh, line)
        } catch (error) {
          if (error instanceof ShellSyntaxError) return
          throw error
        }
        expect(analysis.rulings).toEqual([])
        expect(analysis.relevant).toBe(false)
      }
    ),
    { numRuns: Number(process.env['FUZZ_RUNS'] ?? 500) }
  )
})

test('the screen lets obfuscated names through to the parser', () => {
  for (const line of [
    "te'rr'aform destroy",
    't\\erraform destroy',
    'ter\\\nraform destroy',
    'TERRAFORM destroy',
    '"a"z group delete',
    "o'c' delete ns x",
    'terr{a,}form destroy',
    'terr?form destroy',
    '$T destroy',
    '`x` destroy',
    './deploy.sh',
    'cat x | sh'
  ])
    expect(needsParsing(line)).toBe(true)
  for (const line of ['ls -la', 'npm test', 'git status', 'cat src/x.ts', 'echo hello world'])
    expect(needsParsing(line)).toBe(false)
})
