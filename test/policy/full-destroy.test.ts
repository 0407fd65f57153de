/**
 * Full destroy counted from the state (issue 12 item 2), on plans made by the real Terraform
 * (fixtures/real-tf/full-destroy, see its README for how they were made).
 */
import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { DEFAULT_POLICY } from '../../src/policy/config.js'
import { gate } from '../../src/pipeline/gate.js'
import { fullDestroy } from '../../src/rules/inspect.js'
import { readPlan } from '../../src/plan/read.js'
import { formatMessage } from '../../src/rules/messages.js'
import { fixture } from '../helpers.js'

const read = (name: string) => readPlan(readFileSync(fixture('real-tf', 'full-destroy', name)))
const gated = (name: string) =>
  gate(read(name), { policy: DEFAULT_POLICY, now: 0, planFile: name }).findings

describe('full destroy, counted from the state', () => {
  test('show-json of a real plan -destroy: every resource in prior_state is deleted', () => {
    const plan = read('destroy.json')
    expect(plan.inventory).toEqual({ managed: 4, source: 'prior_state' })
    const finding = gated('destroy.json').find((f) => f.ruleId === 'PG-0009')
    expect(finding?.decision).toBe('blocked')
    expect(formatMessage(finding!)).toBe(
      'Destroys every managed resource (all 4 managed resource(s) in prior_state), as `terraform destroy` does; allow it for this plan with thresholds.allow_full_destroy'
    )
  })

  test('the stream of a real plan -destroy (its change_summary says "plan"): counted from refresh', () => {
    const plan = read('destroy.jsonl')
    expect(plan.operation).toBe('plan')
    expect(plan.inventory).toEqual({ managed: 4, source: 'refresh' })
    const finding = gated('destroy.jsonl').find((f) => f.ruleId === 'PG-0009')
    expect(finding?.decision).toBe('blocked')
    expect(finding?.data['countedFrom']).toBe('all 4 managed object(s) the plan refreshed')
  })

  test('a -target plan deleting one of four resources is not a full destroy', () => {
    const plan = read('target.json')
    expect(plan.complete).toBe(false)
    expect(plan.changes.filter((c) => c.action === 'delete')).toHaveLength(1)
    expect(fullDestroy(plan)).toBeUndefined()
    expect(gated('target.json').map((f) => f.ruleId)).not.toContain('PG-0009')
  })

  test('its stream neither: refresh covered only the target ("Resource targeting is in effect")', () => {
    const plan = read('target.jsonl')
    expect(plan.inventory).toBeUndefined()
    expect(gated('target.jsonl').map((f) => f.ruleId)).not.toContain('PG-0009')
  })

  test('a -target plan is a full destroy when it deletes the whole state', () => {
    expect(read('target-only.json').complete).toBe(false)
    expect(fullDestroy(read('target-only.json'))?.count).toBe(1)
  })

  test('a replace of the only resource keeps it: not a full destroy (show-json and stream)', () => {
    for (const name of ['replace-only.json', 'replace-only.jsonl']) {
      const plan = read(name)
      expect(plan.changes.map((c) => c.action)).toContain('replace')
      expect(gated(name).map((f) => f.ruleId)).not.toContain('PG-0009')
    }
  })

  test('attack: a data source refreshed does not count as state, so it cannot pad the count', () => {
    const lines = readFileSync(fixture('real-tf', 'full-destroy', 'destroy.jsonl'), 'utf8')
      .trimEnd()
      .split('\n')
    const extra = JSON.stringify({
      '@level': 'info',
      '@message': 'data.x.y: Refresh complete',
      type: 'refresh_complete',
      hook: { resource: { addr: 'module.m["a.b"].data.x.y', resource_type: 'x' } }
    })
    const plan = readPlan(Buffer.from([...lines.slice(0, 2), extra, ...lines.slice(2)].join('\n')))
    expect(plan.inventory?.managed).toBe(4)
  })

  test('attack: an object refreshed but not deleted means something is kept', () => {
    const lines = readFileSync(fixture('real-tf', 'full-destroy', 'destroy.jsonl'), 'utf8')
      .trimEnd()
      .split('\n')
    const extra = JSON.stringify({
      '@level': 'info',
      '@message': 'terraform_data.kept: Refresh complete',
      type: 'refresh_complete',
      hook: { resource: { addr: 'terraform_data.kept', resource_type: 'terraform_data' } }
    })
    const plan = readPlan(Buffer.from([...lines.slice(0, 2), extra, ...lines.slice(2)].join('\n')))
    expect(plan.inventory?.managed).toBe(5)
    expect(fullDestroy(plan)).toBeUndefined()
  })
})
