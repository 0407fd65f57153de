/** PG-0012: the storage of the state backend that holds this very state is changed. */
import { change, plan } from '../examples.js'
import { isDestroy, reasonData } from '../inspect.js'
import { changeBase, found, type GenericRule } from '../rule.js'

const BACKEND_TF =
  'terraform {\n  backend "s3" {\n    bucket = "acme-state"\n    key    = "prod.tfstate"\n    region = "eu-west-1"\n  }\n}\n'

export const rule: GenericRule = {
  meta: {
    id: 'PG-0012',
    slug: 'state-backend-change',
    title: 'The configured state backend is changed',
    description:
      'The bucket, lock table, storage account or container of the backend that holds this very state is changed or destroyed.',
    remediation:
      'Change the state backend storage from a separate configuration that does not keep its own state there.',
    severity: 'critical',
    defaultDecision: 'blocked',
    examples: {
      bad: [
        {
          plan: plan([
            change(
              'aws_s3_bucket_versioning',
              'state',
              ['update'],
              { bucket: 'acme-state' },
              { bucket: 'acme-state' }
            )
          ]),
          files: { 'main.tf': BACKEND_TF }
        }
      ],
      good: [
        {
          plan: plan([
            change(
              'aws_s3_bucket_versioning',
              'logs',
              ['update'],
              { bucket: 'acme-logs' },
              { bucket: 'acme-logs' }
            )
          ]),
          files: { 'main.tf': BACKEND_TF }
        }
      ]
    }
  },
  checkChange: ({ change, options }) => {
    if (change.action === 'no-op' || change.action === 'create') return undefined
    const evidence = options.backendEvidence?.(change)
    if (evidence === undefined) return undefined
    return [
      found(rule.meta, {
        ...changeBase(change),
        category: 'state-storage',
        messageId: isDestroy(change) ? 'destroy-state-backend' : 'change-state-backend',
        data: { evidence, ...reasonData(change) }
      })
    ]
  }
}
