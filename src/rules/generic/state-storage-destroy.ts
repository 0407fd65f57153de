/** PG-0003: the bucket, container or lock table holding Terraform state is destroyed. */
import { change, plan } from '../examples.js'
import { isDestroy, reasonData, stateStorageEvidence } from '../inspect.js'
import { changeBase, found, type GenericRule } from '../rule.js'

export const rule: GenericRule = {
  meta: {
    id: 'PG-0003',
    slug: 'state-storage-destroy',
    title: 'Terraform state storage deleted or replaced',
    description:
      'A bucket, container or DynamoDB lock table that holds Terraform state or locks is deleted or replaced. Every state it holds, and locking for every workspace, would be lost.',
    remediation:
      'Move the state elsewhere first (terraform init -migrate-state), in a separate change; never destroy the bucket or lock table that holds it.',
    severity: 'critical',
    defaultDecision: 'blocked',
    examples: {
      bad: [
        {
          plan: plan([
            change(
              'aws_s3_bucket',
              'state',
              ['delete'],
              { bucket: 'acme-tfstate', force_destroy: false },
              null
            )
          ])
        }
      ],
      good: [
        {
          plan: plan([
            change(
              'aws_s3_bucket',
              'assets',
              ['delete'],
              { bucket: 'acme-assets', force_destroy: false },
              null
            )
          ])
        }
      ]
    }
  },
  checkChange: ({ change }) => {
    if (!isDestroy(change)) return undefined
    const evidence = stateStorageEvidence(change)
    if (evidence === undefined) return undefined
    return [
      found(rule.meta, {
        ...changeBase(change),
        category: 'state-storage',
        messageId: 'destroy-state-storage',
        data: { evidence, ...reasonData(change) }
      })
    ]
  }
}
