/** The catalog is data; this test keeps it complete and consistent. */
import { tallyOf } from '../../src/plan/tally.js'
import { describe, expect, test } from '@jest/globals'
import { allEntries, allGuards, lookupType, PROVIDERS } from '../../src/catalog/index.js'
import { CATEGORIES } from '../../src/catalog/types.js'
import { evaluate } from '../../src/rules/evaluate.js'
import { typeExamples } from '../../src/rules/examples.js'
import { GENERIC_RULES } from '../../src/rules/generic/index.js'
import { allRules, ruleMeta } from '../../src/rules/registry.js'
import { parsePath } from '../../src/rules/values.js'
import type { Plan, ResourceChange } from '../../src/plan/model.js'

const entries = allEntries()
const guards = allGuards()

function planOf(change: ResourceChange): Plan {
  return {
    source: { format: 'show-json', tool: 'terraform' },
    changes: [change],
    tally: tallyOf([change]),
    drift: [],
    deferred: [],
    errored: false,
    errorDiagnostics: 0
  }
}

function change(
  type: string,
  action: ResourceChange['action'],
  before: unknown,
  after: unknown
): ResourceChange {
  return {
    address: `${type}.x`,
    mode: 'managed',
    type,
    name: 'x',
    provider: { name: type.split('_')[0] ?? type },
    actions: action === 'replace' ? ['delete', 'create'] : [action],
    action,
    order: action === 'replace' ? 'delete-first' : undefined,
    moved: false,
    importing: false,
    hasValues: true,
    before,
    after
  }
}

/** A value with `leaf` at `path` (`[*]` and `[n]` become one-element lists). */
function valueAt(path: string, leaf: unknown): Record<string, unknown> {
  const steps = parsePath(path)
  const root: Record<string, unknown> = {}
  let node: Record<string, unknown> | unknown[] = root
  steps.forEach((step, i) => {
    const last = i === steps.length - 1
    const nextStep = steps[i + 1]
    const next = last ? leaf : typeof nextStep === 'string' && nextStep !== '*' ? {} : []
    if (Array.isArray(node)) {
      node[0] = next
    } else {
      node[step as string] = next
    }
    node = next as Record<string, unknown> | unknown[]
  })
  return root
}

describe('catalog', () => {
  test('at least 150 types across AWS, Google and Azure', () => {
    expect(entries.length).toBeGreaterThanOrEqual(150)
    for (const provider of ['aws', 'google', 'azurerm']) {
      expect(PROVIDERS.find((p) => p.provider === provider)?.types.length).toBeGreaterThanOrEqual(
        30
      )
    }
  })

  test('ids are unique and follow their provider prefix', () => {
    const ids = [...entries.map((e) => e.entry.id), ...guards.map((g) => g.guard.id)]
    expect(new Set(ids).size).toBe(ids.length)
    for (const catalog of PROVIDERS) {
      for (const entry of catalog.types) {
        expect(entry.id).toMatch(new RegExp(`^${catalog.prefix}-\\d{3}$`))
        for (const guard of entry.guards ?? [])
          expect(guard.id).toMatch(new RegExp(`^${catalog.prefix}-W\\d{3}$`))
      }
    }
  })

  test('types and aliases are unique and resolve to their own entry', () => {
    const names = entries.flatMap((e) => [e.entry.type, ...(e.entry.aliases ?? [])])
    expect(new Set(names).size).toBe(names.length)
    for (const { entry } of entries) {
      for (const name of [entry.type, ...(entry.aliases ?? [])])
        expect(lookupType(name)?.entry).toBe(entry)
    }
  })

  test('categories are known; types are snake_case with their provider prefix', () => {
    for (const { provider, entry } of entries) {
      expect(Object.keys(CATEGORIES)).toContain(entry.category)
      expect(entry.type).toMatch(/^[a-z0-9]+(_[a-z0-9]+)+$/)
      expect(entry.type.startsWith(`${provider}_`)).toBe(true)
    }
  })

  test('guard paths parse and tests are well formed', () => {
    for (const { guard } of guards) {
      expect(() => parsePath(guard.path)).not.toThrow()
      if (guard.test.kind === 'equals') expect(guard.test.safe.length).toBeGreaterThan(0)
      if (guard.test.kind === 'min') expect(Number.isFinite(guard.test.min)).toBe(true)
    }
  })

  test('every id has rule metadata with a docs link', () => {
    for (const id of [...entries.map((e) => e.entry.id), ...guards.map((g) => g.guard.id)]) {
      const meta = ruleMeta(id)
      expect(meta?.helpUri).toMatch(new RegExp(`/${id}\\.md$`))
      expect(meta?.title.length).toBeGreaterThan(5)
    }
    expect(allRules().length).toBe(entries.length + guards.length + GENERIC_RULES.length)
  })
})

describe('every catalog entry classifies as declared (its generated examples)', () => {
  test.each(entries.map((e) => ({ name: e.entry.type, entry: e.entry })))('$name', ({ entry }) => {
    const guarded = CATEGORIES[entry.category].guarded
    const { bad, good } = typeExamples(entry)
    const badChange = (bad[0]?.plan as { resource_changes: Record<string, unknown>[] })
      .resource_changes[1]
    const goodChange = (good[0]?.plan as { resource_changes: Record<string, unknown>[] })
      .resource_changes[1]
    const read = (element: unknown): ResourceChange =>
      change(entry.type, 'delete', (element as { change: { before: unknown } }).change.before, null)
    expect(evaluate(planOf(read(badChange))).map((f) => [f.ruleId, f.decision])).toEqual([
      [entry.id, guarded ? 'approval-required' : 'warn']
    ])
    const update = { ...read(goodChange), action: 'update' as const, actions: ['update'] }
    expect(evaluate(planOf({ ...update, after: update.before }))).toEqual([])
  })
})

describe('every guard fires on its bad example and stays quiet on its good one', () => {
  const safeValue = (g: (typeof guards)[number]['guard']): unknown => {
    if (g.test.kind === 'equals') return g.test.safe[0]
    if (g.test.kind === 'min') return g.test.min + 10
    return g.test.kind === 'non-empty' ? 'kept-final' : 30
  }
  const unsafeValue = (g: (typeof guards)[number]['guard']): unknown => {
    if (g.test.kind === 'min') return 0
    if (g.test.kind === 'no-decrease') return 1
    if (g.test.kind === 'non-empty') return ''
    const safe = g.test.safe[0]
    return typeof safe === 'boolean'
      ? !safe
      : typeof safe === 'number'
        ? safe + 1000
        : 'UNSAFE_VALUE'
  }
  test.each(guards.map((g) => ({ name: `${g.entry.type} ${g.guard.path}`, ...g })))(
    '$name',
    ({ entry, guard }) => {
      const safe = valueAt(guard.path, safeValue(guard))
      const bad = evaluate(
        planOf(change(entry.type, 'update', safe, valueAt(guard.path, unsafeValue(guard))))
      )
      expect(bad.map((f) => f.ruleId)).toEqual([guard.id])
      const good = evaluate(planOf(change(entry.type, 'update', safe, safe)))
      expect(good).toEqual([])
    }
  )
})
