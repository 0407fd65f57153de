/**
 * The policy step works out its overrides and exemptions once per plan (rule ids resolved, tags
 * parsed, type globs answered once per type, issue 13). Whatever the findings, overrides and
 * exemptions, it decides as matching each finding against each rule on its own does.
 */
import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import type { Category } from '../../src/catalog/types.js'
import { matchGlob, NAME } from '../../src/common/glob.js'
import type { ResourceChange } from '../../src/plan/model.js'
import {
  DEFAULT_POLICY,
  type Exemption,
  type Policy,
  type RuleOverride
} from '../../src/policy/defaults.js'
import { applyPolicy } from '../../src/policy/gate.js'
import { resolveRule } from '../../src/rules/registry.js'
import type { Decision, Finding } from '../../src/rules/types.js'
import { makeChange, makePlan } from '../helpers.js'

const NOW = Date.parse('2026-11-21T12:00:00Z')
const PRINT = 'sha256:' + '1'.repeat(64)
const EMPTY_RADIUS = {
  awsAccounts: [],
  gcpProjects: [],
  azureSubscriptions: [],
  regions: [],
  providers: []
}

const TYPES = ['aws_iam_role', 'aws_iam_user', 'aws_s3_bucket', 'aws_db_instance', 'null_resource']
const DECISIONS: readonly Decision[] = ['warn', 'approval-required', 'blocked']

const finding: fc.Arbitrary<Finding> = fc
  .record({
    type: fc.constantFrom(...TYPES),
    n: fc.nat(6),
    module: fc.boolean(),
    ruleId: fc.constantFrom('PG-0005', 'PG-AWS-001', 'PG-0013', 'PG-0004'),
    category: fc.constantFrom<Category | undefined>('database', 'object-storage', undefined),
    decision: fc.constantFrom(...DECISIONS),
    catalogRule: fc.boolean()
  })
  .map((f): Finding => ({
    ruleId: f.ruleId,
    address: `${f.module ? 'module.a.' : ''}${f.type}.n${f.n}`,
    type: f.type,
    ...(f.category === undefined ? {} : { category: f.category }),
    severity: 'high',
    decision: f.decision,
    messageId: 'destroy-resource',
    data: { type: f.type, ...(f.catalogRule ? { catalogRule: 'PG-AWS-001' } : {}) },
    source: 'change'
  }))

const override: fc.Arbitrary<RuleOverride> = fc.record(
  {
    match: fc.record(
      {
        rule: fc.constantFrom('resource-destroy', 'PG-AWS-001', 'pg-0013', 'PG-0004'),
        category: fc.constantFrom<Category>('database', 'object-storage'),
        type: fc.constantFrom('aws_iam_*', 'aws_*', 'null_resource', '*_bucket'),
        address: fc.constantFrom('module.a.*', 'aws_iam_role.*', '*', '*.n1'),
        tag: fc.constantFrom('team', 'Team', 'team=data', 'TEAM=data', 'team=DATA')
      },
      { requiredKeys: [] }
    ),
    decision: fc.constantFrom<Decision | 'off'>(...DECISIONS, 'off'),
    reason: fc.constantFrom('why', undefined)
  },
  { requiredKeys: ['match', 'decision'] }
)

const exemption: fc.Arbitrary<Exemption> = fc
  .record({
    address: fc.constantFrom('module.a.*', 'aws_db_instance.*', '*.n2', undefined),
    rule: fc.constantFrom('resource-destroy', 'PG-AWS-001', undefined),
    fingerprint: fc.constantFrom(PRINT, 'sha256:' + '2'.repeat(64), undefined),
    expiresAt: fc.constantFrom(NOW - 1, NOW + 1, undefined)
  })
  .map((e) => ({
    ...(e.address === undefined ? {} : { address: e.address }),
    ...(e.rule === undefined ? {} : { rule: e.rule }),
    ...(e.fingerprint === undefined ? {} : { fingerprint: e.fingerprint }),
    reason: 'accepted',
    ...(e.expiresAt === undefined ? {} : { expiresAt: e.expiresAt, expires: '2026-11-21' })
  }))

/** The reference: each finding matched against each override and exemption on its own. */
function reference(
  findings: readonly Finding[],
  policy: Policy,
  changes: ReadonlyMap<string, ResourceChange>
): { findings: Finding[]; expired: number } {
  const sameRule = (reference: string, f: Finding): boolean => {
    const id = resolveRule(reference)
    return id !== undefined && (id === f.ruleId || id === f.data['catalogRule'])
  }
  const hasTag = (change: ResourceChange | undefined, tag: string): boolean => {
    const [key, value] = tag.includes('=') ? tag.split('=', 2) : [tag, undefined]
    return (change?.facts?.tags ?? []).some(({ tags }) =>
      Object.entries(tags).some(
        ([k, v]) => k.toLowerCase() === key?.toLowerCase() && (value === undefined || v === value)
      )
    )
  }
  const matches = (m: RuleOverride['match'], f: Finding): boolean =>
    (m.rule === undefined || sameRule(m.rule, f)) &&
    (m.category === undefined || f.category === m.category) &&
    (m.type === undefined || (f.type !== undefined && matchGlob(m.type, f.type, NAME))) &&
    (m.address === undefined || matchGlob(m.address, f.address, NAME)) &&
    (m.tag === undefined || hasTag(changes.get(f.address), m.tag))
  const overridden = findings.flatMap((f) => {
    let result = f
    let off = false
    for (const rule of policy.rules) {
      if (!matches(rule.match, f)) continue
      off = rule.decision === 'off'
      if (rule.decision !== 'off' && rule.decision !== f.decision) {
        result = {
          ...f,
          decision: rule.decision,
          override: { from: f.decision, reason: rule.reason }
        }
      } else if (rule.decision === f.decision) result = f
    }
    return off ? [] : [result]
  })
  const expired = new Set<Exemption>()
  const out = overridden.map((f) => {
    if (f.decision === 'warn') return f
    const matching = policy.exemptions.filter(
      (e) =>
        (e.fingerprint === undefined || e.fingerprint === PRINT) &&
        (e.address === undefined || matchGlob(e.address, f.address, NAME)) &&
        (e.rule === undefined || sameRule(e.rule, f))
    )
    const live = matching.find((e) => e.expiresAt === undefined || NOW <= e.expiresAt)
    for (const e of matching)
      if (e !== live && e.expiresAt !== undefined && NOW > e.expiresAt) expired.add(e)
    if (live === undefined) return f
    const exempt =
      live.expires === undefined
        ? { reason: live.reason }
        : { reason: live.reason, expires: live.expires }
    return { ...f, decision: 'warn' as const, exemption: exempt }
  })
  return { findings: out, expired: expired.size }
}

describe('overrides and exemptions worked out once per plan', () => {
  test('decide as matching each finding on its own does', () => {
    const cases = fc.record({
      findings: fc.array(finding, { maxLength: 12 }),
      rules: fc.array(override, { maxLength: 4 }),
      exemptions: fc.array(exemption, { maxLength: 3 }),
      tagged: fc.array(fc.constantFrom('team', 'Team', 'owner'), { maxLength: 2 })
    })
    fc.assert(
      fc.property(cases, ({ findings, rules, exemptions, tagged }) => {
        const changes = findings.map((f, i) =>
          makeChange({
            address: f.address,
            type: f.type as string,
            facts: {
              findings: [],
              radius: EMPTY_RADIUS,
              tags: tagged.map((key) => ({
                map: 'tags',
                tags: { [key]: i % 2 ? 'data' : 'DATA' }
              })),
              identity: {}
            }
          })
        )
        const policy: Policy = { ...DEFAULT_POLICY, rules, exemptions }
        const plan = makePlan(changes)
        const got = applyPolicy(
          plan,
          { findings, fingerprint: PRINT, blastRadius: EMPTY_RADIUS },
          { policy, now: NOW, planFile: 'plan.json' }
        )
        const want = reference(findings, policy, new Map(changes.map((c) => [c.address, c])))
        const expired = got.findings.filter((f) => f.messageId === 'exemption-expired')
        expect(got.findings.filter((f) => f.messageId !== 'exemption-expired')).toEqual(
          want.findings
        )
        expect(expired).toHaveLength(want.expired)
      }),
      { numRuns: 400 }
    )
  })

  test('two type globs on the same type each give their own answer', () => {
    const f: Finding = {
      ruleId: 'PG-0005',
      address: 'aws_iam_role.a',
      type: 'aws_iam_role',
      severity: 'low',
      decision: 'warn',
      messageId: 'destroy-resource',
      data: { type: 'aws_iam_role' },
      source: 'change'
    }
    const rules: RuleOverride[] = [
      { match: { type: 'aws_iam_*' }, decision: 'blocked' },
      { match: { type: 'aws_s3_*' }, decision: 'approval-required' }
    ]
    const plan = makePlan([makeChange({ address: f.address, type: 'aws_iam_role' })])
    const got = applyPolicy(
      plan,
      {
        findings: [f, { ...f, address: 'aws_iam_role.b' }],
        fingerprint: PRINT,
        blastRadius: EMPTY_RADIUS
      },
      { policy: { ...DEFAULT_POLICY, rules }, now: NOW, planFile: 'plan.json' }
    )
    expect(got.findings.map((x) => x.decision)).toEqual(['blocked', 'blocked'])
  })
})
