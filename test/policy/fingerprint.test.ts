import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { readPlan } from '../../src/plan/read.js'
import { defaultContext, gate } from '../../src/pipeline/gate.js'
import { fixture } from '../helpers.js'

type Json = Record<string, unknown>
const base = JSON.parse(readFileSync(fixture('examples', 'destroy-prod-db.json'), 'utf8')) as Json

function fingerprintOf(doc: unknown): string {
  const plan = readPlan(Buffer.from(JSON.stringify(doc)))
  return gate(plan, defaultContext('p', 0)).fingerprint
}

/** Deep copy with every object's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys)
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reverseKeys(v)])
  )
}

function edit(mutate: (changes: Json[]) => void): Json {
  const copy = structuredClone(base)
  mutate(copy['resource_changes'] as Json[])
  return copy
}

const original = fingerprintOf(base)

describe('fingerprint', () => {
  test('has the documented shape and is stable across runs', () => {
    expect(original).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(fingerprintOf(base)).toBe(original)
  })

  test('ignores key order and element order', () => {
    expect(fingerprintOf(reverseKeys(base))).toBe(original)
    expect(fingerprintOf(edit((changes) => changes.reverse()))).toBe(original)
  })

  test('ignores non-destructive changes', () => {
    const more = edit((changes) => {
      changes.push({
        address: 'aws_sns_topic.new',
        mode: 'managed',
        type: 'aws_sns_topic',
        name: 'new',
        provider_name: 'registry.terraform.io/hashicorp/aws',
        change: { actions: ['create'], before: null, after: { name: 'new' } }
      })
      const sg = changes.find((c) => c['address'] === 'aws_security_group_rule.app_ingress') as Json
      ;(sg['change'] as Json)['after'] = { from_port: 22, to_port: 22 }
    })
    expect(fingerprintOf(more)).toBe(original)
  })

  test.each([
    [
      'a different resource is deleted',
      (c: Json[]) => ((c[3] as Json)['address'] = 'module.workers.aws_instance.batch[2]')
    ],
    [
      'a delete becomes a replace',
      (c: Json[]) => (((c[3] as Json)['change'] as Json)['actions'] = ['delete', 'create'])
    ],
    [
      'the replace order flips',
      (c: Json[]) => (((c[0] as Json)['change'] as Json)['actions'] = ['create', 'delete'])
    ],
    ['the reason changes', (c: Json[]) => ((c[0] as Json)['action_reason'] = 'replace_by_request')],
    [
      // Same address, another object: a sandbox database approved, a production one deleted.
      'the object behind the address is another one',
      (c: Json[]) => {
        const before = ((c[0] as Json)['change'] as Json)['before'] as Json
        before['identifier'] = 'orders-sandbox'
      }
    ],
    [
      'the object lives in another account',
      (c: Json[]) => {
        const before = ((c[3] as Json)['change'] as Json)['before'] as Json
        before['arn'] = 'arn:aws:ec2:eu-west-1:999999999999:instance/i-0abc'
      }
    ],
    [
      'the object lives in another region',
      (c: Json[]) => {
        const before = ((c[0] as Json)['change'] as Json)['before'] as Json
        before['availability_zone'] = 'us-east-1a'
      }
    ],
    [
      'a weakened retention goes lower (14 → 0 approved as 14 → 5)',
      (c: Json[]) => {
        const after = ((c[1] as Json)['change'] as Json)['after'] as Json
        after['backup_retention_period'] = 5
      }
    ],
    [
      'a protection weakening disappears',
      (c: Json[]) => {
        const after = ((c[1] as Json)['change'] as Json)['after'] as Json
        after['deletion_protection'] = true
      }
    ]
  ])('changes when %s', (_name, mutate) => {
    expect(fingerprintOf(edit(mutate))).not.toBe(original)
  })

  test('the provider configuration is part of it (literal region, role)', () => {
    const other = structuredClone(base)
    const aws = ((other['configuration'] as Json)['provider_config'] as Json)['aws'] as Json
    aws['expressions'] = { region: { constant_value: 'us-east-1' } }
    expect(fingerprintOf(other)).not.toBe(original)
  })

  test('an argument named __proto__ or constructor is part of it too, as a key of its own', () => {
    // A record built by assignment would take `__proto__` as its prototype, which no key listing
    // (and so no fingerprint) sees: two plans that assume different roles would agree.
    const withArgument = (name: string, value: string) => {
      const other = structuredClone(base)
      const aws = ((other['configuration'] as Json)['provider_config'] as Json)['aws'] as Json
      aws['expressions'] = JSON.parse(
        `{${JSON.stringify(name)}: {"constant_value": {"role_arn": ${JSON.stringify(value)}}}}`
      ) as Json
      return fingerprintOf(other)
    }
    for (const name of ['__proto__', 'constructor']) {
      const a = withArgument(name, 'arn:aws:iam::111111111111:role/a')
      const b = withArgument(name, 'arn:aws:iam::222222222222:role/b')
      expect(a).not.toBe(original)
      expect(a).not.toBe(b)
    }
  })

  test('the same destructive changes read from a stream and a saved array agree', () => {
    const jsonl = readFileSync(fixture('streams', 'terraform-plan.jsonl'), 'utf8')
    const array = `[${jsonl.trim().split('\n').join(',')}]`
    const a = readPlan(Buffer.from(jsonl))
    const b = readPlan(Buffer.from(array))
    const fa = gate(a, defaultContext('a', 0)).fingerprint
    const fb = gate(b, defaultContext('b', 0)).fingerprint
    expect(fa).toBe(fb)
  })
})
