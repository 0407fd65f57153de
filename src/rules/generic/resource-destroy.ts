/**
 * PG-0005: any other resource deleted or replaced, shown as a warning. Catalog types that hold
 * no data of their own (cluster members, protected compute) keep their own rule id, so a policy
 * can raise them, but only warn by default.
 */
import { typeRuleDefaults } from '../catalog-rules.js'
import { change, plan } from '../examples.js'
import { isDestroy, reasonData } from '../inspect.js'
import { changeBase, found, type GenericRule } from '../rule.js'

export const rule: GenericRule = {
  meta: {
    id: 'PG-0005',
    slug: 'resource-destroy',
    title: 'Resource deleted or replaced',
    description:
      'A resource that is not a known data store is deleted or replaced. Shown as a warning so that reviewers see every destroy.',
    remediation: 'Check that the delete is intended.',
    severity: 'low',
    defaultDecision: 'warn',
    examples: {
      bad: [{ plan: plan([change('null_resource', 'x', ['delete'], {}, null)]) }],
      good: [{ plan: plan([change('null_resource', 'x', ['create'], null, {})]) }]
    }
  },
  checkChange: ({ change, entry }) => {
    if (!isDestroy(change)) return undefined
    const fields = {
      ...changeBase(change),
      category: entry?.category,
      messageId: 'destroy-resource' as const,
      data: { type: change.type, ...reasonData(change) }
    }
    if (entry === undefined) return [found(rule.meta, fields)]
    return [{ ...fields, ruleId: entry.id, ...severityAndDecision(entry) }]
  }
}

function severityAndDecision(entry: Parameters<typeof typeRuleDefaults>[0]) {
  const { severity, defaultDecision } = typeRuleDefaults(entry)
  return { severity, decision: defaultDecision }
}
