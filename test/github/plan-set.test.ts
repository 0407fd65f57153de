/** The plan set in the gate state: clashes under one status context, forms at apply time. */
import { describe, expect, test } from '@jest/globals'
import {
  formMismatch,
  formOf,
  planSetConflict,
  type PlanRecord
} from '../../src/github/plan-set.js'
import { parseState } from '../../src/github/state.js'

const FP_A = `sha256:${'a'.repeat(64)}`
const FP_B = `sha256:${'b'.repeat(64)}`
const HEAD = 'c0ffee'.padEnd(40, '0')
const A: PlanRecord[] = [{ file: 'ws-a/tfplan', form: 'show-json', fingerprint: FP_A }]
const B: PlanRecord[] = [{ file: 'ws-b/tfplan', form: 'show-json', fingerprint: FP_B }]
const state = (plans: PlanRecord[], over = {}) => ({
  plans,
  headSha: HEAD,
  fingerprint: plans[0]?.fingerprint ?? FP_A,
  run: '10/1',
  ...over
})

describe('planSetConflict', () => {
  test('another plan set for the same head → a clash naming both and the fix', () => {
    expect(planSetConflict(state(A), state(B), 'plan-gate')).toBe(
      'two plan sets share the status context "plan-gate" (ws-a/tfplan and ws-b/tfplan): give each plan set its own `status-context`'
    )
  })

  test('same file names, another fingerprint in the same run attempt → a clash', () => {
    const other = [{ ...A[0], fingerprint: FP_B } as PlanRecord]
    expect(planSetConflict(state(A), state(other), 'plan-gate')).toMatch(/gated twice in one run/)
  })

  test('same files in a later run (a re-run, a new plan) → the state is replaced', () => {
    const other = [{ ...A[0], fingerprint: FP_B } as PlanRecord]
    expect(planSetConflict(state(A), state(other, { run: '11/1' }), 'plan-gate')).toBeUndefined()
  })

  test('a new head starts over; no previous state is no clash', () => {
    expect(planSetConflict(state(A), state(B, { headSha: 'f'.repeat(40) }), 'x')).toBeUndefined()
    expect(planSetConflict(undefined, state(B), 'x')).toBeUndefined()
  })

  test('a recorded clash stays for that head, whoever runs next', () => {
    expect(planSetConflict(state(A, { conflict: ['ws-b/tfplan'] }), state(A), 'x')).toMatch(
      /ws-a\/tfplan and ws-b\/tfplan/
    )
  })
})

describe('formMismatch', () => {
  test('PR on show-json, apply on the stream → both forms named', () => {
    const stream: PlanRecord[] = [{ file: 'plan.jsonl', form: 'stream', fingerprint: FP_A }]
    const pr: PlanRecord[] = [{ file: 'plan.json', form: 'show-json', fingerprint: FP_A }]
    expect(formMismatch(pr, stream, 7)).toBe(
      'PR #7 was gated on `terraform show -json` output (plan.json), this apply on the `plan -json` stream (plan.jsonl): gate the same form at both (best: the binary plan)'
    )
    expect(formMismatch(pr, pr, 7)).toBeUndefined()
  })

  test('JSON Lines and a JSON array of messages are one form', () => {
    expect(formOf('jsonl')).toBe('stream')
    expect(formOf('json-array')).toBe('stream')
    expect(formOf('show-json')).toBe('show-json')
  })
})

describe('parseState and the plan set', () => {
  const base = {
    v: 2,
    fingerprint: FP_A,
    decision: 'pending',
    planDecision: 'approval-required',
    headSha: HEAD,
    firstSeen: '2026-11-21T12:00:00Z',
    counts: { blocked: 0, 'approval-required': 1, warn: 0 },
    breakGlassUsed: []
  }
  test('a state without its plan set fails closed (an older comment)', () => {
    expect(parseState(JSON.stringify(base))).toBeUndefined()
    expect(parseState(JSON.stringify({ ...base, plans: [] }))).toBeUndefined()
  })
  test.each([
    [{ plans: [{ file: 'a', form: 'binary', fingerprint: FP_A }] }],
    [{ plans: [{ file: 'a\n', form: 'stream', fingerprint: FP_A }] }],
    [{ plans: [{ file: 'a', form: 'stream', fingerprint: 'sha256:x' }] }],
    [{ plans: A, run: '1/x' }],
    [{ plans: A, conflict: [''] }]
  ])('a malformed plan set is no state: %j', (over) => {
    expect(parseState(JSON.stringify({ ...base, ...over }))).toBeUndefined()
  })
  test('only a failed evaluation (which read no plan) may name no plan', () => {
    expect(parseState(JSON.stringify({ ...base, plans: [], failed: true }))).toMatchObject({
      plans: [],
      failed: true
    })
    expect(parseState(JSON.stringify({ ...base, failed: true }))).toBeUndefined()
    expect(
      parseState(
        JSON.stringify({
          ...base,
          failed: true,
          plans: [{ file: 'a', form: 'x', fingerprint: FP_A }]
        })
      )
    ).toBeUndefined()
  })
  test('a version 1 state (before trusted states) is no state', () => {
    expect(parseState(JSON.stringify({ ...base, v: 1, plans: A }))).toBeUndefined()
  })
  test('a well-formed one round-trips', () => {
    const json = JSON.stringify({ ...base, plans: A, run: '10/2', conflict: ['ws-b/tfplan'] })
    expect(parseState(json)).toMatchObject({ plans: A, run: '10/2', conflict: ['ws-b/tfplan'] })
  })
})
