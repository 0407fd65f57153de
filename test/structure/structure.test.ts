/**
 * The shape the code keeps: every generic rule module is registered, severity and decision come
 * from one place, and `npm run lint` fails on an import cycle.
 */
import { describe, expect, test } from '@jest/globals'
import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { allGuards, allEntries } from '../../src/catalog/index.js'
import { GENERIC_RULES } from '../../src/rules/generic/index.js'
import type { GenericRule } from '../../src/rules/rule.js'
import { allRules, resolveRule, ruleMeta } from '../../src/rules/registry.js'
import { ROOT } from '../helpers.js'

const GENERIC_DIR = join(ROOT, 'src', 'rules', 'generic')
const moduleFiles = readdirSync(GENERIC_DIR)
  .filter((name) => name.endsWith('.ts') && name !== 'index.ts')
  .sort()

describe('generic rules: one module each', () => {
  test('every module in src/rules/generic/ is registered, once', async () => {
    const modules = await Promise.all(
      moduleFiles.map(async (name) => {
        const mod = (await import(join(GENERIC_DIR, name))) as { rule?: GenericRule }
        return { name, rule: mod.rule }
      })
    )
    for (const { name, rule } of modules) {
      expect({ name, exportsRule: rule !== undefined }).toEqual({ name, exportsRule: true })
      expect({ name, registered: GENERIC_RULES.includes(rule as GenericRule) }).toEqual({
        name,
        registered: true
      })
    }
    expect(GENERIC_RULES).toHaveLength(moduleFiles.length)
  })

  test('a module is named after its rule slug', async () => {
    const slugs = GENERIC_RULES.map((r) => `${r.meta.slug}.ts`).sort()
    expect(slugs).toEqual(moduleFiles)
  })

  test('ids and slugs are unique and resolve to the rule', () => {
    const ids = GENERIC_RULES.map((r) => r.meta.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const { meta } of GENERIC_RULES) {
      expect(resolveRule(meta.id)).toBe(meta.id)
      expect(resolveRule(meta.slug)).toBe(meta.id)
    }
  })

  test('the registry takes severity and decision from the module, unchanged', () => {
    for (const { meta } of GENERIC_RULES) {
      expect(ruleMeta(meta.id)).toMatchObject({
        id: meta.id,
        severity: meta.severity,
        defaultDecision: meta.defaultDecision,
        remediation: meta.remediation,
        examples: meta.examples
      })
    }
  })

  test('every rule is a generic module, a catalog type or a catalog guard', () => {
    const count = GENERIC_RULES.length + allEntries().length + allGuards().length
    expect(allRules()).toHaveLength(count)
  })

  test('severity and decision literals live only in the rule modules and catalog-rules.ts', () => {
    // The classifier and the policy step stamp findings from the metadata, never by hand.
    for (const file of ['evaluate.ts', 'guards.ts', 'inspect.ts', 'registry.ts']) {
      const text = readFileSync(join(ROOT, 'src', 'rules', file), 'utf8')
      expect({ file, literals: text.match(/(severity|decision): '[a-z-]+'/g) }).toEqual({
        file,
        literals: null
      })
    }
    const gate = readFileSync(join(ROOT, 'src', 'policy', 'gate.ts'), 'utf8')
    expect(gate.match(/severity: '[a-z]+'/g)).toBeNull()
  })
})

describe('no import cycles (npm run lint:cycles)', () => {
  const run = promisify(execFile)
  const script = (
    JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>
    }
  ).scripts['lint:cycles'] as string
  const args = script
    .split(' ')
    .slice(1)
    .map((a) => a.replace(/^'(.*)'$/, '$1'))
  const dpdm = join(ROOT, 'node_modules', '.bin', 'dpdm')

  test('npm run lint runs the cycle check', () => {
    const lint = (
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>
      }
    ).scripts['lint']
    expect(lint).toContain('npm run lint:cycles')
    expect(script).toMatch(/^dpdm .*--exit-code circular:1/)
  })

  test('a cycle of type-only imports fails it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-gate-cycles-'))
    mkdirSync(join(dir, 'src'))
    // The repository's tsconfig.json: it is how dpdm resolves `./b.js` to `./b.ts`.
    writeFileSync(join(dir, 'tsconfig.json'), readFileSync(join(ROOT, 'tsconfig.json')))
    writeFileSync(
      join(dir, 'src', 'a.ts'),
      "import type { B } from './b.js'\nexport type A = B[]\n"
    )
    writeFileSync(join(dir, 'src', 'b.ts'), "import type { A } from './a.js'\nexport type B = A\n")
    const failed = await run(dpdm, args, { cwd: dir }).then(
      () => undefined,
      (error: { code?: number; stdout?: string }) => error
    )
    expect(failed?.code).toBe(1)
    expect(failed?.stdout).toMatch(/src\/[ab]\.ts -> src\/[ab]\.ts/)
  }, 60_000)

  test('src/ has none', async () => {
    const { stdout } = await run(dpdm, args, { cwd: ROOT })
    expect(stdout).toContain('no circular dependency')
  }, 60_000)
})
