/**
 * Attack: input that names a property every object literal inherits. The lookup tables (show-json
 * actions, stream actions and reasons, reason texts, state-storage types, environments, hook
 * events, reviewer permissions) are object literals, and `table["constructor"]` is a function,
 * not "not listed". A plan whose protected database is deleted with the action "constructor"
 * used to pass as "no changes"; each such name must now read as unknown.
 */
import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { own } from '../../src/common/record.js'
import { PayloadError, readPayload } from '../../src/agents/payload.js'
import { parsePolicy, type Policy } from '../../src/policy/config.js'
import { decide } from '../../src/policy/decide.js'
import { evaluateApprovals } from '../../src/policy/approvals.js'
import { gate } from '../../src/pipeline/gate.js'
import { actionFromArray, fromStream, reasonFromStream } from '../../src/plan/normalize.js'
import { readPlan } from '../../src/plan/read.js'
import { change, plan } from '../../src/rules/examples.js'
import { formatMessage } from '../../src/rules/messages.js'
import { resolveRule } from '../../src/rules/registry.js'
import { cli, fixture } from '../helpers.js'

/** Names on Object.prototype (and `__proto__`), as a plan, a login or a payload could spell them. */
const INHERITED = [
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__proto__',
  '__defineGetter__',
  '__lookupGetter__'
]

const NOW = Date.parse('2026-12-01T00:00:00Z')

function policy(yaml: string): Policy {
  return parsePolicy(yaml, '.plan-gate.yml', (id) => resolveRule(id) !== undefined)
}

const dbPlan = (actions: string[]) =>
  plan([change('aws_db_instance', 'orders', actions, { identifier: 'orders' }, null)])

describe('own()', () => {
  test('answers only own properties', () => {
    const table: Record<string, number> = { a: 1 }
    expect(own(table, 'a')).toBe(1)
    for (const name of INHERITED) expect(own(table, name)).toBeUndefined()
  })
})

describe('actions', () => {
  test.each(INHERITED)('show-json ["%s"] is an unknown action', (name) => {
    expect(actionFromArray([name])).toEqual({ action: 'unknown' })
  })

  test.each([[['delete,create']], [['create,delete']], [['create,forget']], [['forget,create']]])(
    '%j joins like a replace but is one unknown action',
    (actions) => {
      expect(actionFromArray(actions)).toEqual({ action: 'unknown' })
    }
  )

  test.each(INHERITED)('a stream action "%s" is unknown', (name) => {
    const raw = {
      resource: { addr: 'aws_db_instance.orders', resource_type: 'aws_db_instance' },
      action: name
    }
    expect(fromStream(raw, 'line 1', 'terraform').action).toBe('unknown')
  })

  test.each(INHERITED)('a database deleted with the action "%s" is blocked', (name) => {
    const read = readPlan(Buffer.from(JSON.stringify(dbPlan([name]))))
    const result = gate(read, { policy: policy(''), now: NOW, planFile: 'p.json' })
    expect(result.findings.map((f) => f.messageId)).toContain('unknown-action')
    expect(decide(result.findings)).toBe('blocked')
  })

  test('through the CLI: show-json and the stream both block, exit 1', async () => {
    const show = await cli(['-'], { stdin: JSON.stringify(dbPlan(['constructor'])) })
    expect(show.code).toBe(1)
    expect(show.stdout).toContain('BLOCKED')
    const lines = readFileSync(fixture('streams', 'terraform-plan.jsonl'), 'utf8')
      .split('\n')
      .map((line) => line.replace('"action":"delete"', '"action":"constructor"'))
    expect(lines.join('\n')).toContain('"action":"constructor"')
    const stream = await cli(['-'], { stdin: lines.join('\n') })
    expect(stream.code).toBe(1)
    expect(stream.stdout).toContain('Unknown action')
  })
})

describe('reasons and types', () => {
  test.each(INHERITED)('the stream reason "%s" is kept verbatim', (name) => {
    expect(reasonFromStream(name)).toBe(name)
  })

  test('a reason named "constructor" reads as itself, not as a function', () => {
    const replaced = change(
      'aws_db_instance',
      'orders',
      ['delete', 'create'],
      {},
      {},
      {
        action_reason: 'constructor'
      }
    )
    const read = readPlan(Buffer.from(JSON.stringify(plan([replaced]))))
    const result = gate(read, { policy: policy(''), now: NOW, planFile: 'p.json' })
    const text = result.findings.map(formatMessage).join('\n')
    expect(text).not.toContain('function')
    expect(text).not.toContain('native code')
  })

  test.each(INHERITED.filter((n) => n !== '__proto__'))(
    'a deleted resource of type "%s" is read without a crash',
    (name) => {
      const deleted = change(name, 'x', ['delete'], { bucket: 'acme-tfstate' }, null)
      const read = readPlan(Buffer.from(JSON.stringify(plan([deleted]))))
      expect(() => gate(read, { policy: policy(''), now: NOW, planFile: 'p.json' })).not.toThrow()
    }
  )
})

describe('environments', () => {
  test('--environment constructor is not one of the declared environments', () => {
    const declared = policy(
      'environments:\n  prod:\n    plans: ["envs/prod/**"]\n    aws_accounts: ["999999999999"]\n'
    )
    const read = readPlan(Buffer.from(JSON.stringify(dbPlan(['update']))))
    const context = { policy: declared, now: NOW, planFile: 'p.json', environment: 'constructor' }
    const result = gate(read, context)
    const text = result.findings.map(formatMessage).join('\n')
    expect(text).toContain('"constructor" is not one of them')
    expect(decide(result.findings)).toBe('blocked')
  })
})

describe('hook payloads', () => {
  test.each(INHERITED)('hook_event_name "%s" is an unknown payload', (name) => {
    const text = JSON.stringify({
      hook_event_name: name,
      tool_name: 'Bash',
      tool_input: { command: 'terraform destroy -auto-approve' }
    })
    expect(() => readPayload(text, undefined, { cwd: '/', env: {} })).toThrow(PayloadError)
    expect(() => readPayload(text, undefined, { cwd: '/', env: {} })).toThrow(
      /unknown hook payload/
    )
  })
})

describe('approvals', () => {
  test('a reviewer whose login is "constructor" has no permission unless GitHub gave one', () => {
    const result = evaluateApprovals(
      [
        {
          id: 1,
          user: { login: 'constructor' },
          state: 'APPROVED',
          commitId: 'c0ffee',
          submittedAt: '2026-03-10T13:00:00Z'
        }
      ],
      { requiredApprovals: 1, excludePusher: true },
      {
        author: { login: 'alice', type: 'User' },
        headSha: 'c0ffee',
        fingerprintSince: '2026-03-10T12:00:00Z',
        pusher: 'alice',
        permissions: { alice: 'admin' }
      }
    )
    expect(result.reviewers).toEqual([
      {
        login: 'constructor',
        counted: false,
        state: 'APPROVED',
        why: 'lacks write permission (permission unknown)'
      }
    ])
  })
})
