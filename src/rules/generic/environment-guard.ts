/**
 * PG-0011: a plan reaching an account, project, subscription or region outside its
 * environment. The policy step selects the environment; this module compares the plan's blast
 * radius with it.
 */
import { own } from '../../common/record.js'
import { outsideEnvironment, type BlastRadius, type EnvironmentSpec } from '../blast-radius.js'
import { change, plan, type Json } from '../examples.js'
import { found, type GenericRule } from '../rule.js'
import type { Finding } from '../types.js'

const ENVIRONMENTS =
  'version: 1\nenvironments:\n  staging:\n    plans: ["*"]\n    aws_accounts: ["111111111111"]\n'
const arn = (account: string): Json =>
  plan([
    change(
      'aws_sqs_queue',
      'q',
      ['update'],
      { arn: `arn:aws:sqs:eu-west-1:${account}:q`, delay_seconds: 0 },
      { arn: `arn:aws:sqs:eu-west-1:${account}:q`, delay_seconds: 5 }
    )
  ])

export const rule: GenericRule = {
  meta: {
    id: 'PG-0011',
    slug: 'environment-guard',
    title: 'Plan touches an account, project, subscription or region outside its environment',
    description:
      'The policy says what this environment may touch. A plan that reaches further is how a "staging" task runs against production.',
    remediation:
      'Check the credentials and workspace this plan ran with; fix the environment mapping if the plan is right.',
    severity: 'critical',
    defaultDecision: 'blocked',
    examples: {
      bad: [{ plan: arn('222222222222'), policy: ENVIRONMENTS }],
      good: [{ plan: arn('111111111111'), policy: ENVIRONMENTS }]
    }
  }
}

const LABELS: Readonly<Record<string, string>> = {
  'aws-account': 'AWS account',
  'gcp-project': 'Google project',
  'azure-subscription': 'Azure subscription',
  region: 'region'
}

/**
 * With environments declared: blocked when none is selected (or an unknown one), and when the
 * blast radius reaches outside the selected one. Without environments: nothing.
 */
export function environmentFindings(
  radius: BlastRadius,
  environment: string | undefined,
  environments: Readonly<Record<string, EnvironmentSpec>>
): Finding[] {
  const names = Object.keys(environments)
  if (names.length === 0) return []
  const base = { address: '(plan)', source: 'plan' as const }
  const spec = environment === undefined ? undefined : own(environments, environment)
  if (environment === undefined || spec === undefined) {
    const known = names.join(', ')
    return [
      found(rule.meta, {
        ...base,
        messageId: 'environment-unselected',
        data: {
          environments:
            environment === undefined ? known : `${known}; "${environment}" is not one of them`
        }
      })
    ]
  }
  const outside = outsideEnvironment(radius, spec)
  if (outside.length === 0) return []
  return [
    found(rule.meta, {
      ...base,
      messageId: 'environment-outside',
      data: {
        environment,
        outside: outside.map((o) => `${LABELS[o.kind] ?? o.kind} ${o.value}`).join(', ')
      }
    })
  ]
}
