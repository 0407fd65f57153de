/** PG-0004: a resource tagged `protected` is destroyed, whatever its type. */
import { change, plan } from '../examples.js'
import { isDestroy, protectedTag, reasonData } from '../inspect.js'
import { changeFinding, stampOf, type GenericRule } from '../rule.js'

export const rule: GenericRule = {
  meta: {
    id: 'PG-0004',
    slug: 'protected-tag-destroy',
    title: 'Resource tagged protected deleted or replaced',
    description:
      'The resource carries a tag or label `protected` = true/yes/1, so whatever its type, deleting or replacing it needs a second approver.',
    remediation:
      'Get a second approval, or remove the protected tag in a separate, reviewed change first.',
    severity: 'high',
    defaultDecision: 'approval-required',
    examples: {
      bad: [
        {
          plan: plan([
            change('aws_iam_role', 'deployer', ['delete'], { tags: { Protected: 'true' } }, null)
          ])
        }
      ],
      good: [
        {
          plan: plan([
            change('aws_iam_role', 'deployer', ['delete'], { tags: { Protected: 'false' } }, null)
          ])
        }
      ]
    }
  },
  checkChange: ({ change, entry, options }) => {
    if (!isDestroy(change)) return undefined
    const tag = protectedTag(change.before, options.tagKeys)
    if (tag === undefined) return undefined
    const data = { tagMap: tag.map, tagKey: tag.key, ...reasonData(change) }
    const message = { category: entry?.category, messageId: 'destroy-tagged' as const, data }
    return [changeFinding(change, message, STAMP)]
  }
}

const STAMP = stampOf(rule.meta)
