// End-to-end: the plan set in the gate state (two workspaces under one status context, another
// form at apply time) and the `plan-sha256` output, against the bundled action and the fake
// GitHub (`npm run build` first).
import { afterEach, describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { ROOT } from '../helpers.js'
import {
  addReview,
  gateComments,
  HEAD1,
  leaks,
  MERGED,
  now,
  payload,
  PLANS,
  prEvent,
  runAction,
  startWithComment,
  stateOf,
  statusesOf,
  baseState,
  type ActionRun
} from './action-harness.js'
import { startFakeGitHub, type FakeGitHub } from './fake-github.js'

let fake: FakeGitHub | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

function clean(gh: FakeGitHub, run: ActionRun): void {
  expect(gh.violations).toEqual([])
  expect(leaks(gh, run)).toEqual([])
}

const STREAM = join(ROOT, 'fixtures', 'streams', 'replace-orders-db.jsonl')
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')

describe('two plan sets under one status context', () => {
  test('the second workspace refuses to overwrite the first one’s state: error, never success', async () => {
    const gh = (fake = await startFakeGitHub(baseState()))
    // A matrix: two legs of one run gate different workspaces under `plan-gate`.
    const legA = await runAction(gh, {
      event: 'pull_request',
      payload: prEvent(),
      inputs: { plan: PLANS.destroyDb }
    })
    expect(statusesOf(gh, HEAD1).at(-1)?.[0]).toBe('pending')
    clean(gh, legA)
    const legB = await runAction(gh, {
      event: 'pull_request',
      payload: prEvent(),
      inputs: { plan: PLANS.none }
    })
    expect(legB.code).toBe(1)
    expect(legB.stdout).toContain(
      `::error::plan-gate could not verify the gate: two plan sets share the status context "plan-gate" (${PLANS.destroyDb} and ${PLANS.none}): give each plan set its own \`status-context\``
    )
    expect(statusesOf(gh, HEAD1).at(-1)?.[0]).toBe('error')
    // The first plan set's state stays, marked with the clash.
    const state = stateOf(gateComments(gh)[0] ?? '')
    expect(state).toMatchObject({
      decision: 'error',
      plans: [{ file: PLANS.destroyDb, form: 'show-json' }],
      conflict: [PLANS.none]
    })
    clean(gh, legB)

    // Approvals arrive; the recount cannot turn the clash into a success.
    addReview(gh, 'bob', 'APPROVED')
    addReview(gh, 'carol', 'APPROVED')
    const recount = await runAction(gh, {
      event: 'pull_request_review',
      payload: payload('pull_request_review.submitted')
    })
    expect(recount.code).toBe(1)
    expect(statusesOf(gh, HEAD1).at(-1)?.[0]).toBe('error')
    clean(gh, recount)

    // Nor can leg A running again for the same head.
    const again = await runAction(gh, {
      event: 'pull_request',
      payload: prEvent(),
      inputs: { plan: PLANS.destroyDb },
      env: { GITHUB_RUN_ID: '4243' }
    })
    expect(again.code).toBe(1)
    expect(statusesOf(gh, HEAD1).at(-1)?.[0]).toBe('error')
    clean(gh, again)

    // And the apply of the merged PR fails closed.
    Object.assign(gh.state.pulls[7] ?? {}, {
      state: 'closed',
      merged_at: now(),
      merge_commit_sha: MERGED
    })
    gh.state.commitPulls[MERGED] = { numbers: [7] }
    const apply = await runAction(gh, {
      event: 'push',
      payload: payload('push'),
      inputs: { plan: PLANS.destroyDb }
    })
    expect(apply.code).toBe(1)
    expect(apply.stdout).toContain('records two plan sets under one status context')
    expect(apply.outputs['approved']).toBe('false')
    clean(gh, apply)
  })

  test('distinct status contexts keep each workspace its own state', async () => {
    const gh = (fake = await startFakeGitHub(baseState()))
    const a = await runAction(gh, {
      event: 'pull_request',
      payload: prEvent(),
      inputs: { plan: PLANS.destroyDb, 'status-context': 'plan-gate/a' }
    })
    const b = await runAction(gh, {
      event: 'pull_request',
      payload: prEvent(),
      inputs: { plan: PLANS.none, 'status-context': 'plan-gate/b' }
    })
    expect(b.code).toBe(0)
    const last = new Map((gh.state.statuses[HEAD1] ?? []).map((s) => [s.context, s.state]))
    expect(Object.fromEntries(last)).toEqual({ 'plan-gate/a': 'pending', 'plan-gate/b': 'success' })
    clean(gh, a)
    clean(gh, b)
  })
})

describe('forms', () => {
  test('PR gated on show-json, apply on the stream → blocked, naming both forms', async () => {
    const gh = (fake = await startWithComment(PLANS.destroyDb))
    addReview(gh, 'bob', 'APPROVED')
    addReview(gh, 'carol', 'APPROVED')
    Object.assign(gh.state.pulls[7] ?? {}, {
      state: 'closed',
      merged_at: now(),
      merge_commit_sha: MERGED
    })
    gh.state.commitPulls[MERGED] = { numbers: [7] }
    const run = await runAction(gh, {
      event: 'push',
      payload: payload('push'),
      inputs: { plan: STREAM }
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      `::error::plan-gate: PR #7 was gated on \`terraform show -json\` output (${PLANS.destroyDb}), this apply on the \`plan -json\` stream (${STREAM}): gate the same form at both (best: the binary plan)`
    )
    expect(run.outputs).toMatchObject({ decision: 'approval-required', approved: 'false' })
    expect(gh.state.statuses[MERGED] ?? []).toEqual([])
    clean(gh, run)
  })
})

describe('plan-sha256', () => {
  test('the output is the hash of the gated file; several files give sha256sum lines', async () => {
    const gh = (fake = await startFakeGitHub(baseState()))
    const one = await runAction(gh, {
      event: 'workflow_dispatch',
      payload: {},
      inputs: { plan: PLANS.none }
    })
    expect(one.outputs['plan-sha256']).toBe(sha256(PLANS.none))
    const two = await runAction(gh, {
      event: 'workflow_dispatch',
      payload: {},
      inputs: { plan: `${PLANS.none}\n${PLANS.weakened}` }
    })
    expect(two.outputs['plan-sha256']).toBe(
      `${sha256(PLANS.none)}  ${PLANS.none}\n${sha256(PLANS.weakened)}  ${PLANS.weakened}`
    )
    clean(gh, two)
  })

  test('a plan file swapped after the gate fails the example’s check before terraform apply', async () => {
    const gh = (fake = await startFakeGitHub(baseState()))
    const dir = mkdtempSync(join(tmpdir(), 'plan-gate-swap-'))
    const plan = join(dir, 'tfplan')
    copyFileSync(PLANS.none, plan)
    const gate = await runAction(gh, {
      event: 'workflow_dispatch',
      payload: {},
      inputs: { plan }
    })
    expect(gate.code).toBe(0)
    // The check step of examples/workflows/plan-gate-apply.yml, run as the runner would.
    const workflow = parse(
      readFileSync(join(ROOT, 'examples', 'workflows', 'plan-gate-apply.yml'), 'utf8')
    ) as { jobs: { apply: { steps: { run?: string }[] } } }
    const check = workflow.jobs.apply.steps.find((s) => /sha256sum/.test(s.run ?? ''))?.run ?? ''
    const verify = () =>
      execFileSync('bash', ['-eo', 'pipefail', '-c', check], {
        cwd: dir,
        env: { PATH: process.env['PATH'] ?? '', PLAN_SHA256: gate.outputs['plan-sha256'] ?? '' },
        stdio: 'pipe'
      })
    expect(() => verify()).not.toThrow()
    // A process left behind by an earlier step swaps the file for a destructive plan.
    writeFileSync(plan, readFileSync(PLANS.destroyDb))
    expect(() => verify()).toThrow(/FAILED|did NOT match/)
    clean(gh, gate)
  })
})
