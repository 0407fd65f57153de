/** PG-0007: a delete found by refresh happened outside Terraform: worth seeing, never planned. */
import { change, plan } from '../examples.js'
import { found, type GenericRule } from '../rule.js'

export const rule: GenericRule = {
  meta: {
    id: 'PG-0007',
    slug: 'drift-delete',
    title: 'Resource deleted outside Terraform',
    description:
      'Refresh found that the object no longer exists. This already happened outside Terraform; it is not a planned delete.',
    remediation:
      'Find out who deleted it outside Terraform; the next apply will recreate it empty.',
    severity: 'low',
    defaultDecision: 'warn',
    examples: {
      bad: [
        {
          plan: plan([], {
            resource_drift: [change('aws_sns_topic', 't', ['delete'], { name: 't' }, null)]
          })
        }
      ],
      good: [
        {
          plan: plan([], {
            resource_drift: [change('aws_sns_topic', 't', ['update'], { name: 't' }, { name: 't' })]
          })
        }
      ]
    }
  },
  checkDrift: (change) => {
    if (change.mode === 'data' || change.action !== 'delete') return []
    return [
      found(rule.meta, {
        address: change.address,
        type: change.type,
        action: change.action,
        source: 'drift',
        messageId: 'drift-delete',
        data: {}
      })
    ]
  }
}
