/** PG-0015: a type or address the policy file protects is deleted or replaced. */
import { matchGlob, NAME } from '../../common/glob.js'
import { change, plan } from '../examples.js'
import { isDestroy, reasonData } from '../inspect.js'
import { changeBase, found, type GenericRule } from '../rule.js'

const PROTECT_COGNITO = 'version: 1\nprotect:\n  types: ["aws_cognito_*"]\n'

export const rule: GenericRule = {
  meta: {
    id: 'PG-0015',
    slug: 'policy-protected-destroy',
    title: 'Resource protected by the policy file deleted or replaced',
    description:
      'The policy file protects this type or address, so deleting or replacing it needs a second approver.',
    remediation: 'Get a second approval, or change the policy file in a reviewed change.',
    severity: 'high',
    defaultDecision: 'approval-required',
    examples: {
      bad: [
        {
          plan: plan([change('aws_cognito_user_group', 'admins', ['delete'], {}, null)]),
          policy: PROTECT_COGNITO
        }
      ],
      good: [
        {
          plan: plan([change('aws_iam_group', 'admins', ['delete'], {}, null)]),
          policy: PROTECT_COGNITO
        }
      ]
    }
  },
  checkChange: ({ change, entry, options }) => {
    if (!isDestroy(change)) return undefined
    const byType = options.protectTypes.find((g) => matchGlob(g, change.type, NAME))
    const byAddress = options.protectAddresses.find((g) => matchGlob(g, change.address, NAME))
    const pattern = byType ?? byAddress
    if (pattern === undefined) return undefined
    return [
      found(rule.meta, {
        ...changeBase(change),
        category: entry?.category,
        messageId: 'destroy-policy-protected',
        data: { pattern, ...reasonData(change) }
      })
    ]
  }
}
