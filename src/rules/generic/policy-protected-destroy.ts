/** PG-0015: a type or address the policy file protects is deleted or replaced. */
import { matchGlob, NAME } from '../../common/glob.js'
import { change, plan } from '../examples.js'
import { isDestroy, reasonData } from '../inspect.js'
import type { ClassifyOptions } from '../options.js'
import { changeFinding, stampOf, type GenericRule } from '../rule.js'

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
    const pattern =
      protectedType(options, change.type) ??
      options.protectAddresses.find((g) => matchGlob(g, change.address, NAME))
    if (pattern === undefined) return undefined
    const data = { pattern, ...reasonData(change) }
    const message = {
      category: entry?.category,
      messageId: 'destroy-policy-protected' as const,
      data
    }
    return [changeFinding(change, message, STAMP)]
  }
}

const STAMP = stampOf(rule.meta)

/** The answers of `protect.types`, per classify options (one plan) and type. */
const byType = new WeakMap<ClassifyOptions, Map<string, string | null>>()

/** The first `protect.types` glob the type matches, worked out once per plan and type. */
function protectedType(options: ClassifyOptions, type: string): string | undefined {
  if (options.protectTypes.length === 0) return undefined
  let answers = byType.get(options)
  if (answers === undefined) byType.set(options, (answers = new Map()))
  let pattern = answers.get(type)
  if (pattern === undefined) {
    pattern = options.protectTypes.find((g) => matchGlob(g, type, NAME)) ?? null
    answers.set(type, pattern)
  }
  return pattern ?? undefined
}
