/** Action inputs (kebab-case, strict) and webhook payloads → the gate's view of the event. */
import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { EventError, isFork, parseEvent } from '../../src/github/events.js'
import { approvalPolicy, INPUT, InputError, parseInputs } from '../../src/github/inputs.js'
import { DEFAULT_POLICY } from '../../src/policy/config.js'
import { ROOT } from '../helpers.js'

const reader =
  (values: Record<string, string>) =>
  (name: string): string =>
    values[name] ?? ''

const TOKEN = { 'github-token': 'ghs_x' }

describe('parseInputs', () => {
  test('defaults', () => {
    expect(parseInputs(reader(TOKEN))).toEqual({
      plans: [],
      config: undefined,
      token: 'ghs_x',
      requiredApprovals: undefined,
      approvers: undefined,
      onApprovalRequired: 'require-approval',
      failJobWhilePending: false,
      comment: true,
      statusContext: 'plan-gate',
      terraformDir: undefined,
      environment: undefined,
      applyBranches: [],
      applyEnvironment: undefined,
      requireProtections: false,
      agentAccounts: undefined,
      gateAccount: 'github-actions[bot]',
      terraformEnv: undefined
    })
  })

  test('every kebab-case input', () => {
    const settings = parseInputs(
      reader({
        ...TOKEN,
        plan: 'plans/a.json\nplans/b/*.json, plans/c.json\n',
        config: ' .plan-gate.yml ',
        'required-approvals': '3',
        approvers: '@alice\nacme/dba, bob',
        'on-approval-required': 'fail',
        'fail-job-while-pending': 'True',
        comment: 'FALSE',
        'status-context': 'plan-gate/prod',
        'terraform-dir': 'infra',
        environment: 'prod',
        'apply-branches': 'release\nrefs/heads/hotfix/1',
        'apply-environment': 'production',
        'require-protections': 'true'
      })
    )
    expect(settings).toMatchObject({
      plans: ['plans/a.json', 'plans/b/*.json', 'plans/c.json'],
      config: '.plan-gate.yml',
      requiredApprovals: 3,
      approvers: ['@alice', 'acme/dba', 'bob'],
      onApprovalRequired: 'fail',
      failJobWhilePending: true,
      comment: false,
      statusContext: 'plan-gate/prod',
      terraformDir: 'infra',
      environment: 'prod',
      applyBranches: ['release', 'hotfix/1'],
      applyEnvironment: 'production',
      requireProtections: true
    })
  })

  test.each([
    [
      { 'on-approval-required': 'warn' },
      'input `on-approval-required` must be one of require-approval, fail, not "warn"'
    ],
    [{ comment: 'yes' }, 'input `comment` must be true or false, not "yes"'],
    [
      { 'fail-job-while-pending': '1' },
      'input `fail-job-while-pending` must be true or false, not "1"'
    ],
    [
      { 'required-approvals': '0' },
      'input `required-approvals` must be a whole number from 1 to 20, not "0"'
    ],
    [
      { 'required-approvals': 'two' },
      'input `required-approvals` must be a whole number from 1 to 20, not "two"'
    ],
    [
      { 'apply-branches': 'release/*' },
      'input `apply-branches` lists branch names (no patterns), not "release/*"'
    ],
    [
      { 'require-protections': 'yes' },
      'input `require-protections` must be true or false, not "yes"'
    ],
    [
      { 'status-context': 'a\u0007b' },
      'input `status-context` must be one line of at most 100 characters'
    ]
  ])('%j → %s', (values, message) => {
    expect(() => parseInputs(reader({ ...TOKEN, ...values }))).toThrow(new InputError(message))
  })

  test('an empty token is an error that says what to do', () => {
    expect(() => parseInputs(reader({}))).toThrow(/input `github-token` is empty/)
  })

  test('inputs override the policy file; the policy file is the default', () => {
    const policy = { ...DEFAULT_POLICY.approvals, count: 3, approvers: ['dave'] }
    const defaults = parseInputs(reader(TOKEN))
    expect(approvalPolicy(defaults, policy)).toEqual({
      requiredApprovals: 3,
      approvers: ['dave'],
      excludePusher: true,
      agentAuthors: []
    })
    const explicit = parseInputs(reader({ ...TOKEN, 'required-approvals': '1', approvers: 'x' }))
    expect(approvalPolicy(explicit, policy)).toMatchObject({
      requiredApprovals: 1,
      approvers: ['x']
    })
    expect(approvalPolicy(defaults, DEFAULT_POLICY.approvals).requiredApprovals).toBe(2)
  })

  test('action.yml declares exactly the inputs parseInputs reads', () => {
    const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
      inputs: Record<string, { default?: string }>
      runs: { using: string; main: string }
    }
    expect(Object.keys(action.inputs).sort()).toEqual(Object.values(INPUT).sort())
    expect(action.inputs['github-token']?.default).toBe('${{ github.token }}')
    // No default: the policy file's approvals.count must be able to apply.
    expect(action.inputs['required-approvals']?.default).toBeUndefined()
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/action/index.js' })
  })
})

const SHA = 'a'.repeat(40)
const pr = (over: Record<string, unknown> = {}) => ({
  number: 7,
  head: { sha: SHA, repo: { full_name: 'acme/infra' } },
  user: { login: 'alice', type: 'User' },
  ...over
})

describe('parseEvent', () => {
  test('pull_request', () => {
    expect(
      parseEvent('pull_request', {
        action: 'synchronize',
        pull_request: pr(),
        sender: { login: 'bob' }
      })
    ).toEqual({
      kind: 'pull_request',
      action: 'synchronize',
      pull: {
        number: 7,
        headSha: SHA,
        headRepo: 'acme/infra',
        author: { login: 'alice', type: 'User' }
      },
      sender: 'bob'
    })
  })

  test('pull_request_review, with a deleted fork', () => {
    const event = parseEvent('pull_request_review', {
      action: 'dismissed',
      pull_request: pr({ head: { sha: SHA, repo: null } })
    })
    expect(event).toEqual({
      kind: 'review',
      action: 'dismissed',
      pull: { number: 7, headSha: SHA }
    })
  })

  test('issue_comment on a PR re-counts like a review; on an issue it is refused', () => {
    const payload = JSON.parse(
      readFileSync(join(ROOT, 'test', 'e2e', 'payloads', 'issue_comment.created.json'), 'utf8')
    ) as { issue: Record<string, unknown> }
    expect(parseEvent('issue_comment', payload)).toEqual({
      kind: 'review',
      action: 'created',
      pull: { number: 7 }
    })
    delete payload.issue['pull_request']
    expect(() => parseEvent('issue_comment', payload)).toThrow(/not a pull request/)
  })

  test('push uses `after`, falling back to GITHUB_SHA', () => {
    expect(parseEvent('push', { after: SHA, ref: 'refs/heads/main' })).toEqual({
      kind: 'push',
      sha: SHA,
      ref: 'refs/heads/main'
    })
    expect(parseEvent('push', {}, { sha: SHA, ref: 'refs/heads/x' })).toMatchObject({ sha: SHA })
    expect(() => parseEvent('push', { after: '0'.repeat(40) })).toThrow(/deleted the branch/)
  })

  test.each([
    ['refs/heads/gh-readonly-queue/main/pr-7-' + SHA, 7],
    ['gh-readonly-queue/main/pr-1234-' + SHA, 1234],
    ['refs/heads/gh-readonly-queue/release/v2/pr-42-' + SHA, 42]
  ])('merge_group %s → PR #%d', (headRef, number) => {
    expect(
      parseEvent('merge_group', { merge_group: { head_ref: headRef, head_sha: SHA } })
    ).toEqual({ kind: 'merge_group', headSha: SHA, headRef, pullNumber: number })
  })

  test.each([
    'refs/heads/main',
    'refs/heads/gh-readonly-queue/main/pr-7',
    'refs/heads/gh-readonly-queue/main/pr-07-' + SHA,
    'refs/tags/gh-readonly-queue/main/pr-7-' + SHA,
    'x/refs/heads/gh-readonly-queue/main/pr-7-' + SHA,
    'refs/heads/gh-readonly-queue/main/pr-7-' + SHA + '-extra'
  ])('merge_group rejects %s', (headRef) => {
    expect(() =>
      parseEvent('merge_group', { merge_group: { head_ref: headRef, head_sha: SHA } })
    ).toThrow(EventError)
  })

  test('pull_request_target is refused', () => {
    expect(() => parseEvent('pull_request_target', { pull_request: pr() })).toThrow(
      /pull_request_target is not supported/
    )
  })

  test('other events only evaluate', () => {
    expect(parseEvent('workflow_dispatch', {})).toEqual({
      kind: 'evaluate',
      name: 'workflow_dispatch'
    })
  })

  test.each([
    [{ pull_request: pr({ number: '7' }) }, 'pull_request.number is not a positive integer'],
    [
      { pull_request: pr({ head: { sha: 'main; rm -rf /', repo: null } }) },
      'head.sha is not a commit SHA'
    ],
    [{ pull_request: pr({ user: null }) }, 'pull_request.user is missing from the event payload'],
    [{}, 'pull_request is missing from the event payload']
  ])('bad payloads name the field: %j', (payload, message) => {
    expect(() => parseEvent('pull_request', payload)).toThrow(new EventError(message))
  })

  test('isFork', () => {
    expect(isFork({ headRepo: 'ACME/infra' }, 'acme/infra')).toBe(false)
    expect(isFork({ headRepo: 'mallory/infra' }, 'acme/infra')).toBe(true)
    expect(isFork({ headRepo: null }, 'acme/infra')).toBe(true)
  })
})
