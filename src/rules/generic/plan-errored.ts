/** PG-0001: a plan saved despite errors is incomplete and must not be applied. */
import { plan } from '../examples.js'
import { found, type GenericRule } from '../rule.js'

export const rule: GenericRule = {
  meta: {
    id: 'PG-0001',
    slug: 'plan-errored',
    title: 'Plan reported errors',
    description:
      'Terraform saved the plan despite errors (errored: true, or error diagnostics in the stream). Such a plan is incomplete and must not be applied.',
    remediation: 'Fix the errors and plan again; never apply an errored plan.',
    severity: 'critical',
    defaultDecision: 'blocked',
    examples: {
      bad: [{ plan: plan([], { errored: true }) }],
      good: [{ plan: plan([], { errored: false }) }]
    }
  },
  checkPlan: (plan) => {
    if (plan.errorDiagnostics === 0 && !plan.errored) return []
    return [
      found(rule.meta, {
        address: '(plan)',
        source: 'plan',
        messageId: plan.errorDiagnostics > 0 ? 'stream-error-diagnostics' : 'plan-errored',
        data: plan.errorDiagnostics > 0 ? { count: plan.errorDiagnostics } : {}
      })
    ]
  }
}
