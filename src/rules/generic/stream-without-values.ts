/** PG-0016: a JSON Lines stream has no values, so value-based checks cannot run. */
import { stream } from '../examples.js'
import { isDestroy } from '../inspect.js'
import { found, type GenericRule } from '../rule.js'

export const rule: GenericRule = {
  meta: {
    id: 'PG-0016',
    slug: 'stream-without-values',
    title: 'Plan read from a stream without attribute values',
    description:
      'The JSON Lines stream has no attribute values, so tags, state-storage names, surviving copies and protection attributes cannot be checked. Gate on `terraform show -json` for full coverage.',
    remediation: 'Gate on `terraform show -json` output of the saved plan instead of the stream.',
    severity: 'low',
    defaultDecision: 'warn',
    examples: { bad: [{ plan: stream('delete') }], good: [{ plan: stream('create') }] }
  },
  checkPlan: (plan) => {
    if (plan.source.format === 'show-json') return []
    let destroys = 0
    for (const c of plan.changes) if (c.mode === 'managed' && isDestroy(c)) destroys++
    if (destroys === 0) return []
    return [
      found(rule.meta, {
        address: '(plan)',
        source: 'plan',
        messageId: 'stream-no-values',
        data: { count: destroys }
      })
    ]
  }
}
