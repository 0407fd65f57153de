/** The gate decision per run: a table of verdicts, approvals, problems and settings. */
import { describe, expect, test } from '@jest/globals'
import { decide, withoutWrites, type FlowInput } from '../../src/github/gate-flow.js'
import type { ApprovalResult } from '../../src/policy/approvals.js'

const COUNTS = { blocked: 0, 'approval-required': 2, warn: 1 }

function approval(over: Partial<ApprovalResult> = {}): ApprovalResult {
  return {
    approved: false,
    required: 2,
    approvers: [],
    changesRequestedBy: [],
    reviewers: [],
    authorIsAgent: false,
    summary: '',
    ...over
  }
}

const BASE: FlowInput = {
  mode: 'pull-request',
  verdict: 'approval-required',
  counts: COUNTS,
  onApprovalRequired: 'require-approval',
  failJobWhilePending: false
}

interface Row {
  readonly name: string
  readonly input: Partial<FlowInput>
  readonly outcome: string
  readonly state: string
  readonly description: string
  readonly jobFails: boolean
}

const GLASS = { fingerprint: 'sha256:x', reason: 'outage', by: 'carol', commentId: 9, at: 't' }

const ROWS: readonly Row[] = [
  {
    name: 'pass',
    input: { verdict: 'pass', counts: { ...COUNTS, 'approval-required': 0 } },
    outcome: 'pass',
    state: 'success',
    description: 'No destructive changes need approval (1 warning)',
    jobFails: false
  },
  {
    name: 'blocked',
    input: { verdict: 'blocked', counts: { ...COUNTS, blocked: 2 } },
    outcome: 'blocked',
    state: 'failure',
    description: 'Blocked: 2 findings cannot be approved',
    jobFails: true
  },
  {
    name: 'blocked wins over any approval',
    input: { verdict: 'blocked', approval: approval({ approved: true, approvers: ['a', 'b'] }) },
    outcome: 'blocked',
    state: 'failure',
    description: 'Blocked: 0 findings cannot be approved',
    jobFails: true
  },
  {
    name: 'approved',
    input: { approval: approval({ approved: true, approvers: ['bob', 'carol'] }) },
    outcome: 'approved',
    state: 'success',
    description: 'Approved by bob, carol',
    jobFails: false
  },
  {
    name: 'approved with break-glass',
    input: { approval: approval({ approved: true, approvers: ['bob'], breakGlass: GLASS }) },
    outcome: 'approved',
    state: 'success',
    description: 'Approved by bob + break-glass by carol',
    jobFails: false
  },
  {
    name: 'pending',
    input: { approval: approval({ approvers: ['bob'] }) },
    outcome: 'pending',
    state: 'pending',
    description: 'Needs 1 more approving review (1 of 2 so far) from reviewers with write access',
    jobFails: false
  },
  {
    name: 'pending, from listed approvers, for a bot author',
    input: { approval: approval({ authorIsAgent: true }), approvers: ['bob', 'acme/dba'] },
    outcome: 'pending',
    state: 'pending',
    description:
      'Needs 2 more approving reviews (0 of 2 so far) from bob, acme/dba (agent-touched: 2 humans needed)',
    jobFails: false
  },
  {
    name: 'pending with a change request',
    input: { approval: approval({ approvers: ['a', 'b'], changesRequestedBy: ['erin'] }) },
    outcome: 'pending',
    state: 'pending',
    description: 'Changes requested by erin',
    jobFails: false
  },
  {
    name: 'pending, break-glass counted as one',
    input: { approval: approval({ breakGlass: GLASS }) },
    outcome: 'pending',
    state: 'pending',
    description: 'Needs 1 more approving review (1 of 2 so far) from reviewers with write access',
    jobFails: false
  },
  {
    name: 'fail-job-while-pending',
    input: { approval: approval(), failJobWhilePending: true },
    outcome: 'pending',
    state: 'pending',
    description: 'Needs 2 more approving reviews (0 of 2 so far) from reviewers with write access',
    jobFails: true
  },
  {
    name: 'on-approval-required: fail',
    input: { approval: approval(), onApprovalRequired: 'fail' },
    outcome: 'pending',
    state: 'failure',
    description:
      'Approval required: needs 2 more approving reviews (0 of 2 so far) from reviewers with write access',
    jobFails: true
  },
  {
    name: 'apply time cannot wait',
    input: { mode: 'apply', approval: approval({ approvers: ['bob'] }) },
    outcome: 'pending',
    state: 'failure',
    description:
      'Not approved: needs 1 more approving review (1 of 2 so far) from reviewers with write access',
    jobFails: true
  },
  {
    name: 'approval rules in error (teams unreadable)',
    input: { approval: approval({ error: 'cannot read teams' }) },
    outcome: 'error',
    state: 'error',
    description: 'Cannot verify: cannot read teams',
    jobFails: true
  },
  {
    name: 'approvals never checked',
    input: {},
    outcome: 'error',
    state: 'error',
    description: 'Cannot verify: approvals were not checked',
    jobFails: true
  },
  {
    name: 'an API failure',
    input: { problem: { kind: 'error', reason: 'GitHub answered 500' } },
    outcome: 'error',
    state: 'error',
    description: 'Cannot verify: GitHub answered 500',
    jobFails: true
  },
  {
    name: 'refused at apply time (direct push)',
    input: { mode: 'apply', problem: { kind: 'blocked', reason: 'Direct push' } },
    outcome: 'blocked',
    state: 'failure',
    description: 'Direct push',
    jobFails: true
  },
  {
    name: 'waiting: the head moved (no verdict needed)',
    input: { verdict: undefined, problem: { kind: 'waiting', reason: 'the head moved' } },
    outcome: 'pending',
    state: 'pending',
    description: 'The head moved',
    jobFails: false
  },
  {
    name: 'waiting in an evaluate-only run fails the job',
    input: { mode: 'evaluate', problem: { kind: 'waiting', reason: 'approval required' } },
    outcome: 'pending',
    state: 'pending',
    description: 'Approval required',
    jobFails: true
  },
  {
    name: 'no verdict and no reason',
    input: { verdict: undefined },
    outcome: 'error',
    state: 'error',
    description: 'Cannot verify: the plan verdict is not known; the pull_request run sets it',
    jobFails: true
  },
  {
    name: 'a pass needs no approvals, even when they could not be read',
    input: { verdict: 'pass', problem: { kind: 'error', reason: 'x' } },
    outcome: 'pass',
    state: 'success',
    description: 'No destructive changes need approval (1 warning)',
    jobFails: false
  }
]

describe('decide', () => {
  test.each(ROWS.map((row) => [row.name, row] as const))('%s', (_name, row) => {
    const result = decide({ ...BASE, ...row.input })
    expect({
      outcome: result.outcome,
      state: result.status.state,
      description: result.status.description,
      jobFails: result.jobFails
    }).toEqual({
      outcome: row.outcome,
      state: row.state,
      description: row.description,
      jobFails: row.jobFails
    })
  })

  test('gate failures and tool errors read differently', () => {
    expect(decide({ ...BASE, verdict: 'blocked' }).message).toBe(
      'plan-gate: Blocked: 0 findings cannot be approved'
    )
    expect(decide({ ...BASE, problem: { kind: 'error', reason: 'r' } }).message).toBe(
      'plan-gate could not verify the gate: r'
    )
  })

  test('descriptions stay within 140 characters', () => {
    const many = Array.from({ length: 40 }, (_, i) => `approver-${i}`)
    const result = decide({ ...BASE, approval: approval(), approvers: many })
    expect([...result.status.description].length).toBeLessThanOrEqual(140)
  })
})

describe('withoutWrites', () => {
  test.each([
    ['pass', false],
    ['approved', true],
    ['pending', true],
    ['blocked', true],
    ['error', true]
  ] as const)('%s → job fails: %s', (outcome, fails) => {
    const input: Partial<FlowInput> =
      outcome === 'pass'
        ? { verdict: 'pass' }
        : outcome === 'approved'
          ? { approval: approval({ approved: true, approvers: ['a', 'b'] }) }
          : outcome === 'pending'
            ? { approval: approval() }
            : outcome === 'blocked'
              ? { verdict: 'blocked' }
              : { problem: { kind: 'error', reason: 'r' } }
    const decision = decide({ ...BASE, ...input })
    expect(decision.outcome).toBe(outcome)
    const readOnly = withoutWrites(decision, 'fork PR')
    expect(readOnly.jobFails).toBe(fails)
    expect(readOnly.message).toContain('(fork PR)')
  })
})
