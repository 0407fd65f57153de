// The Action adapter in-process (src/action.ts, not the bundle): a recording runner and the
// in-memory GitHub port of test/github/fake-port.ts stand in for @actions/core and octokit.
import { describe, expect, test } from '@jest/globals'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { run, type ActionRuntime, type ConnectGitHub } from '../src/action.js'
import { DESTROY_DB_FP, HEAD1, PLANS, prEvent, reviewEvent } from './e2e/action-harness.js'
import { fakePort, pull, type FakePort } from './github/fake-port.js'
import { PLANTED_SECRET } from './helpers.js'

const TOKEN = 'ghs_inProcessT0ken'

interface Recorded {
  readonly outputs: Record<string, string>
  readonly failed: string[]
  readonly notices: string[]
  readonly secrets: string[]
  readonly summary: string[]
  readonly connected: Parameters<ConnectGitHub>[0][]
}

/** One run of src/action.ts for `event` with `inputs`, against `port`. */
async function action(
  port: FakePort,
  event: string,
  payload: unknown,
  inputs: Record<string, string>,
  files: Record<string, string> = {}
): Promise<Recorded> {
  const dir = mkdtempSync(join(tmpdir(), 'plan-gate-action-'))
  const workspace = join(dir, 'workspace')
  // A .git directory stops the policy file search at the workspace, as in a checkout.
  mkdirSync(join(workspace, '.git'), { recursive: true })
  for (const [name, text] of Object.entries(files)) writeFileSync(join(workspace, name), text)
  const eventPath = join(dir, 'event.json')
  writeFileSync(eventPath, JSON.stringify(payload))
  const all: Record<string, string> = { 'github-token': TOKEN, ...inputs }
  const recorded: Recorded = {
    outputs: {},
    failed: [],
    notices: [],
    secrets: [],
    summary: [],
    connected: []
  }
  const runtime: ActionRuntime = {
    getInput: (name) => all[name] ?? '',
    setSecret: (secret) => recorded.secrets.push(secret),
    setOutput: (name, value) => (recorded.outputs[name] = value),
    setFailed: (message) => recorded.failed.push(message),
    notice: (message) => recorded.notices.push(message),
    info: () => undefined,
    warning: () => undefined,
    writeSummary: async (markdown) => void recorded.summary.push(markdown)
  }
  const connect: ConnectGitHub = (options) => (recorded.connected.push(options), port)
  const env = {
    GITHUB_REPOSITORY: 'acme/infra',
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_SHA: 'aa11bb22cc33dd44ee55ff6677889900aabbccdd',
    GITHUB_REF: 'refs/pull/7/merge',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '4242',
    RUNNER_TEMP: dir,
    PLAN_GATE_RETRY_DELAY_MS: '0'
  }
  await run(env, workspace, { runtime, connect })
  return recorded
}

const writers = { alice: 'write', bob: 'write', carol: 'maintain' } as const

describe('src/action.ts in-process, against the fake port', () => {
  test('a destructive pull request waits for approval, then two approvals pass it', async () => {
    const port = fakePort({ pulls: { 7: pull({ headSha: HEAD1 }) }, permissions: writers })
    const opened = await action(port, 'pull_request', prEvent(), { plan: PLANS.destroyDb })
    expect(opened.failed).toEqual([])
    expect(opened.secrets).toEqual([TOKEN])
    expect(opened.connected).toMatchObject([
      { token: TOKEN, owner: 'acme', repo: 'infra', baseUrl: 'https://api.github.com' }
    ])
    expect(opened.outputs).toMatchObject({
      decision: 'approval-required',
      fingerprint: DESTROY_DB_FP,
      approved: 'false',
      status: 'pending',
      'approval-required': '3',
      warn: '1'
    })
    expect(port.state.statuses).toMatchObject([{ sha: HEAD1, status: { state: 'pending' } }])
    expect(port.state.comments).toHaveLength(1)
    expect(port.state.comments[0]?.body).toContain('`aws_db_instance.orders`')
    expect(opened.summary.join('')).toContain('aws_db_instance.orders')
    // The JSON report carries the approval record.
    const report = JSON.parse(readFileSync(opened.outputs['report-path'] ?? '', 'utf8'))
    expect(report.approval).toMatchObject({ outcome: 'pending', status: 'pending' })
    const all = JSON.stringify([opened, port.state])
    expect(all).not.toContain(PLANTED_SECRET)

    // Reviews come in: bob and carol approve the head commit.
    const review = (login: string, id: number) => ({
      id,
      user: { login, type: 'User' },
      state: 'APPROVED',
      commitId: HEAD1,
      submittedAt: new Date().toISOString()
    })
    port.state.reviews.push(review('bob', 1), review('carol', 2))
    const approved = await action(port, 'pull_request_review', reviewEvent({ by: 'carol' }), {})
    expect(approved.failed).toEqual([])
    expect(approved.outputs).toMatchObject({ approved: 'true', status: 'success' })
    expect(approved.outputs['approvers']?.split(',').sort()).toEqual(['bob', 'carol'])
    expect(port.state.statuses.at(-1)).toMatchObject({ sha: HEAD1, status: { state: 'success' } })
    // Still one sticky comment, updated in place.
    expect(port.state.comments).toHaveLength(1)
  })

  test('a blocked plan fails the step and never reports success', async () => {
    const port = fakePort({ pulls: { 7: pull({ headSha: HEAD1 }) }, permissions: writers })
    const result = await action(port, 'pull_request', prEvent(), { plan: PLANS.stateStorage })
    expect(result.outputs).toMatchObject({ decision: 'blocked', approved: 'false' })
    expect(result.failed).toHaveLength(1)
    expect(port.state.statuses.map((s) => s.status.state)).not.toContain('success')
  })

  test('a plan that cannot be read fails closed: failure status, no pass', async () => {
    const port = fakePort({ pulls: { 7: pull({ headSha: HEAD1 }) }, permissions: writers })
    const result = await action(port, 'pull_request', prEvent(), { plan: 'missing.json' })
    expect(result.outputs['approved']).not.toBe('true')
    expect(result.failed.join('\n')).toContain('missing.json: no such file')
    expect(port.state.statuses.map((s) => s.status.state)).not.toContain('success')
  })

  test('bad inputs fail the step with one line, before GitHub is reached', async () => {
    const port = fakePort()
    const result = await action(port, 'pull_request', prEvent(), {
      plan: PLANS.destroyDb,
      'required-approvals': 'many'
    })
    expect(result.failed).toEqual([
      'plan-gate could not run: input `required-approvals` must be a whole number from 1 to 20, not "many"'
    ])
    expect(result.outputs).toEqual({ approved: 'false' })
    expect(result.connected).toEqual([])
    expect(port.calls).toEqual([])
  })
})
