/** PG-0002: an action plan-gate does not know fails closed, wherever it appears. */
import type { ResourceChange } from '../../plan/model.js'
import { change, plan } from '../examples.js'
import { found, type GenericRule } from '../rule.js'
import type { Finding } from '../types.js'

export const rule: GenericRule = {
  meta: {
    id: 'PG-0002',
    slug: 'unknown-action',
    title: 'Unknown change action',
    description:
      'The plan contains an action plan-gate does not know. It cannot tell whether the object is destroyed, so it fails closed.',
    remediation: 'Upgrade plan-gate, or report the action if it is new in Terraform or OpenTofu.',
    severity: 'critical',
    defaultDecision: 'blocked',
    examples: {
      bad: [{ plan: plan([change('null_resource', 'x', ['obliterate'], {}, null)]) }],
      good: [{ plan: plan([change('null_resource', 'x', ['delete'], {}, null)]) }]
    }
  },
  checkChange: ({ change }) => unknownAction(change, 'change'),
  checkDrift: (change) => unknownAction(change, 'drift'),
  checkDeferred: (change) => unknownAction(change, 'deferred') ?? []
}

function unknownAction(change: ResourceChange, source: Finding['source']): Finding[] | undefined {
  if (change.action !== 'unknown') return undefined
  return [
    found(rule.meta, {
      address: change.address,
      type: change.type,
      action: change.action,
      source,
      messageId: 'unknown-action',
      data: { actions: safeActions(change.actions) }
    })
  ]
}

/** Unknown action arrays are echoed, but only as short identifier-like words. */
function safeActions(actions: readonly string[]): string {
  const words = actions.map((a) => (/^[a-z][a-z_-]{0,23}$/.test(a) ? a : '?'))
  return `[${words.join(', ')}]`
}
