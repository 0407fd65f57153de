// End-to-end attacks on the gate (issue 10), each against the bundled action
// (dist/action/index.js; `npm run build` first) and the fake GitHub: a writer or an agent holding
// a writer's token tries to get a destructive change approved without a genuine second human.
// Every attack must end in `pending`, `failure` or `error` and a failed apply, never `success`.
// The legitimate flows next to them must still pass.
/* eslint-disable @typescript-eslint/no-explicit-any -- plan documents are edited freely */
import { afterEach, describe, expect, test } from '@jest/globals'
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  addReview,
  BASE,
  baseState,
  gateComments,
  HEAD1,
  HEAD2,
  leaks,
  MERGED,
  now,
  payload,
  PLANS,
  prEvent,
  pushHead,
  reviewEvent,
  runAction,
  stateOf,
  statusesOf,
  TOKEN,
  type ActionRun
} from './action-harness.js'
import { startFakeGitHub, type FakeFile, type FakeGitHub, type FakeState } from './fake-github.js'

let fake: FakeGitHub | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

async function start(patch: Partial<FakeState> = {}): Promise<FakeGitHub> {
  fake = await startFakeGitHub({ ...baseState(), ...patch })
  return fake
}

function clean(gh: FakeGitHub, run: ActionRun): void {
  expect(gh.violations).toEqual([])
  expect(leaks(gh, run)).toEqual([])
}

/** Each pull_request run here is a workflow run of its own (the plan set binds to the run). */
let runs = 5000
const pr = (
  gh: FakeGitHub,
  plan: string,
  over: Parameters<typeof prEvent>[0] = {},
  files: Record<string, string> = {},
  inputs: Record<string, string> = {}
) =>
  runAction(gh, {
    event: 'pull_request',
    payload: prEvent(over),
    inputs: { plan, ...inputs },
    files,
    env: { GITHUB_RUN_ID: String((runs += 1)) }
  })

const review = (gh: FakeGitHub, files: Record<string, string> = {}, inputs = {}) =>
  runAction(gh, { event: 'pull_request_review', payload: reviewEvent(), files, inputs })

/** Merges PR #7 as MERGED (the commit → PR index knows it). */
function merge(gh: FakeGitHub): void {
  Object.assign(gh.state.pulls[7] ?? {}, {
    state: 'closed',
    merged_at: now(),
    merge_commit_sha: MERGED
  })
  gh.state.commitPulls[MERGED] = { numbers: [7] }
}

const apply = (gh: FakeGitHub, plan: string, files: Record<string, string> = {}) =>
  runAction(gh, { event: 'push', payload: payload('push'), inputs: { plan }, files })

/** PR #7 changes `files` (the pull request files API) to the texts at its head. */
function changes(heads: Record<string, string>, extra: FakeFile[] = []): Partial<FakeState> {
  return {
    pullFiles: {
      7: [
        ...Object.keys(heads).map((filename) => ({ filename, status: 'modified' as const })),
        ...extra
      ]
    },
    contents: { [HEAD1]: heads }
  }
}

/** Someone other than plan-gate edits the sticky comment through the web UI or the API. */
function tamper(gh: FakeGitHub, edit: (body: string) => string, by = 'mallory'): void {
  const comment = gh.state.comments[7]?.find((c) => c.user.login === 'github-actions[bot]')
  if (comment === undefined) throw new Error('no gate comment')
  comment.body = edit(comment.body)
  comment.updated_at = now()
  ;(comment.edits ??= []).push({ editor: { login: by, type: 'User' }, at: comment.updated_at })
}

/** Rewrites the state JSON of a comment body. */
function editState(body: string, change: (s: Record<string, unknown>) => void): string {
  return body.replace(/<!-- plan-gate-state (\{.*\}) -->/, (_, json: string) => {
    const state = JSON.parse(json) as Record<string, unknown>
    change(state)
    return `<!-- plan-gate-state ${JSON.stringify(state)} -->`
  })
}

describe('the policy comes from the base commit', () => {
  test('a PR that exempts its own fingerprint is still pending, and the policy change is named', async () => {
    const gh = await start()
    const first = await pr(gh, PLANS.destroyDb)
    const fp = first.outputs['fingerprint'] ?? ''
    const own = `exemptions:\n  - fingerprint: "${fp}"\n    reason: approved elsewhere\n`
    Object.assign(gh.state, changes({ '.plan-gate.yml': own }))
    const run = await pr(gh, PLANS.destroyDb, { action: 'synchronize' }, { '.plan-gate.yml': own })
    expect(statusesOf(gh, HEAD1).at(-1)?.[0]).toBe('pending')
    expect(run.outputs).toMatchObject({ decision: 'approval-required', approved: 'false' })
    // The change's own finding: which keys changed (names only), approvals from the approvers.
    const comment = gateComments(gh)[0] ?? ''
    expect(comment).toContain('The policy file .plan-gate.yml changed (exemptions)')
    expect(comment).not.toContain('approved elsewhere')
    // Fingerprint changed with the policy change, so earlier approvals do not carry over.
    expect(run.outputs['fingerprint']).not.toBe(fp)
    clean(gh, run)

    // The merged result does not apply either: approvals were never given.
    merge(gh)
    const applied = await apply(gh, PLANS.destroyDb, { '.plan-gate.yml': own })
    expect(applied.code).toBe(1)
    expect(applied.outputs['approved']).toBe('false')
    clean(gh, applied)
  })

  test('a freeze on the base cannot be switched off through `rules:` in the PR', async () => {
    const freeze = 'freezes:\n  - from: 2020-01-01\n    to: 2099-12-31\n    reason: year-end\n'
    const off = `${freeze}rules:\n  - match: { rule: change-freeze }\n    decision: "off"\n`
    const gh = await start({
      ...changes({ '.plan-gate.yml': off }),
      contents: { [BASE]: { '.plan-gate.yml': freeze }, [HEAD1]: { '.plan-gate.yml': off } }
    })
    const run = await pr(gh, PLANS.destroyDb, {}, { '.plan-gate.yml': off })
    expect(run.code).toBe(1)
    expect(statusesOf(gh, HEAD1)).toEqual([['failure', expect.stringContaining('Blocked')]])
    expect(gateComments(gh)[0]).toContain('The policy file .plan-gate.yml changed (rules)')
    clean(gh, run)
  })

  test('a PR that lowers approvals.count and names its author for break-glass still needs 2', async () => {
    const mine = 'approvals:\n  count: 1\n  break_glass:\n    enabled: true\n    allowed: [alice]\n'
    const gh = await start(changes({ '.plan-gate.yml': mine }))
    await pr(gh, PLANS.destroyDb, {}, { '.plan-gate.yml': mine })
    const fp = stateOf(gateComments(gh)[0] ?? '')['fingerprint'] as string
    addReview(gh, 'bob', 'APPROVED')
    gh.state.comments[7]?.push({
      id: 3001,
      user: { login: 'alice', type: 'User' },
      body: `/plan-gate break-glass ${fp} urgent`,
      created_at: now(),
      updated_at: now()
    })
    const run = await review(gh, { '.plan-gate.yml': mine })
    expect(statusesOf(gh, HEAD1).at(-1)).toEqual([
      'pending',
      'Needs 1 more approving review (1 of 2 so far) from reviewers with write access'
    ])
    clean(gh, run)
    merge(gh)
    const applied = await apply(gh, PLANS.destroyDb, { '.plan-gate.yml': mine })
    expect(applied.outputs).toMatchObject({ approved: 'false' })
    clean(gh, applied)
  })

  test('a direct push carrying a .plan-gate.json exemption is blocked', async () => {
    const json = '{"exemptions":[{"rule":"aws-db-instance-destroy","reason":"mine"}]}\n'
    const gh = await start({ contents: { [MERGED]: { '.plan-gate.json': json } } })
    const run = await apply(gh, PLANS.destroyDb, { '.plan-gate.json': json })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('::error::plan-gate: Direct push with destructive changes')
    expect(run.outputs).toMatchObject({ approved: 'false', decision: 'approval-required' })
    clean(gh, run)
  })

  test('the policy cannot be read at the base commit → error, never the defaults', async () => {
    const gh = await start()
    gh.faults.push({ path: /\/contents\//, status: 500, times: 20 })
    const run = await pr(gh, PLANS.none)
    expect(run.code).toBe(1)
    expect(statusesOf(gh, HEAD1)).toEqual([
      ['error', expect.stringContaining('Cannot evaluate the plan: the policy could not be read')]
    ])
    clean(gh, run)
  })

  test('a review run reads a .yaml policy (approvers) from the base, without any checkout', async () => {
    const policy = 'approvals:\n  count: 1\n  approvers: [carol]\n'
    const gh = await start({ contents: { [BASE]: { '.plan-gate.yaml': policy } } })
    await pr(gh, PLANS.destroyDb)
    addReview(gh, 'bob', 'APPROVED')
    const bob = await review(gh)
    expect(statusesOf(gh, HEAD1).at(-1)).toEqual([
      'pending',
      'Needs 1 more approving review (0 of 1 so far) from carol'
    ])
    expect(gateComments(gh)[0]).toContain('| bob | approved | no: is not in approvers |')
    clean(gh, bob)
    addReview(gh, 'carol', 'APPROVED')
    const carol = await review(gh)
    expect(statusesOf(gh, HEAD1).at(-1)).toEqual(['success', 'Approved by carol'])
    clean(gh, carol)
  })
})

describe("the gate's own files", () => {
  test('a workflow change needs approval; the approvers give it → success (legitimate)', async () => {
    const policy = 'approvals:\n  approvers: [carol, erin]\n'
    const gh = await start({
      contents: { [BASE]: { '.plan-gate.yml': policy } },
      pullFiles: { 7: [{ filename: '.github/workflows/apply.yml', status: 'modified' }] }
    })
    const run = await pr(gh, PLANS.none)
    expect(statusesOf(gh, HEAD1)).toEqual([
      ['pending', 'Needs 2 more approving reviews (0 of 2 so far) from carol, erin']
    ])
    expect(gateComments(gh)[0]).toContain(
      "The gate's own files changed (.github/workflows/apply.yml)"
    )
    clean(gh, run)
    addReview(gh, 'bob', 'APPROVED')
    addReview(gh, 'carol', 'APPROVED')
    addReview(gh, 'erin', 'APPROVED')
    const approved = await review(gh)
    expect(statusesOf(gh, HEAD1).at(-1)).toEqual(['success', 'Approved by carol, erin'])
    clean(gh, approved)
  })

  test('CODEOWNERS in each location and protected_paths count; renames too', async () => {
    const policy = 'approvals:\n  protected_paths: ["modules/state/**"]\n'
    const gh = await start({
      contents: { [BASE]: { '.plan-gate.yml': policy } },
      pullFiles: {
        7: [
          { filename: 'CODEOWNERS', status: 'removed' },
          { filename: '.github/CODEOWNERS', status: 'added' },
          { filename: 'docs/CODEOWNERS', status: 'modified' },
          { filename: 'modules/state/main.tf', status: 'modified' },
          {
            filename: 'ci/old.yml',
            status: 'renamed',
            previous_filename: '.github/actions/x/action.yml'
          },
          { filename: 'README.md', status: 'modified' }
        ]
      }
    })
    const run = await pr(gh, PLANS.none)
    expect(statusesOf(gh, HEAD1)[0]?.[0]).toBe('pending')
    const comment = gateComments(gh)[0] ?? ''
    expect(comment).toContain(
      "The gate's own files changed (CODEOWNERS, .github/CODEOWNERS, docs/CODEOWNERS, modules/state/main.tf, ci/old.yml)"
    )
    clean(gh, run)
  })

  test('past the 3000-file listing limit → error, never a pass', async () => {
    const files = Array.from({ length: 3001 }, (_, i) => ({
      filename: `stacks/s${i}.tf`,
      status: 'modified' as const
    }))
    const gh = await start({ pullFiles: { 7: files } })
    const run = await pr(gh, PLANS.none)
    expect(run.code).toBe(1)
    expect(statusesOf(gh, HEAD1)).toEqual([['error', expect.stringContaining('3001 files')]])
    clean(gh, run)
  })

  test('a policy change approved by the approvers passes (legitimate)', async () => {
    const base = 'approvals:\n  approvers: [carol, erin]\n'
    const head = 'approvals:\n  approvers: [carol, erin, bob]\n'
    const gh = await start({
      pullFiles: { 7: [{ filename: '.plan-gate.yml', status: 'modified' }] },
      contents: { [BASE]: { '.plan-gate.yml': base }, [HEAD1]: { '.plan-gate.yml': head } }
    })
    await pr(gh, PLANS.none, {}, { '.plan-gate.yml': head })
    expect(gateComments(gh)[0]).toContain(
      'The policy file .plan-gate.yml changed (approvals.approvers)'
    )
    addReview(gh, 'bob', 'APPROVED') // listed only by the new policy: does not count
    addReview(gh, 'carol', 'APPROVED')
    const one = await review(gh, { '.plan-gate.yml': head })
    expect(statusesOf(gh, HEAD1).at(-1)).toEqual([
      'pending',
      'Needs 1 more approving review (1 of 2 so far) from carol, erin'
    ])
    clean(gh, one)
    addReview(gh, 'erin', 'APPROVED')
    const two = await review(gh, { '.plan-gate.yml': head })
    expect(statusesOf(gh, HEAD1).at(-1)).toEqual(['success', 'Approved by carol, erin'])
    clean(gh, two)
  })
})

describe('the gate state cannot be forged or edited', () => {
  async function approvedPending(): Promise<FakeGitHub> {
    const gh = await start()
    await pr(gh, PLANS.destroyDb)
    return gh
  }

  test('an edited planDecision (pending → pass) → error naming the editor', async () => {
    const gh = await approvedPending()
    tamper(gh, (b) => editState(b, (s) => ((s['planDecision'] = 'pass'), (s['decision'] = 'pass'))))
    const run = await review(gh)
    expect(run.code).toBe(1)
    expect(statusesOf(gh, HEAD1).at(-1)).toEqual([
      'error',
      expect.stringContaining('edited by mallory')
    ])
    clean(gh, run)
  })

  test('an edited state that drops the pusher → error; the pusher never approves anyway', async () => {
    const gh = await start()
    // erin pushed the head; her approval and bob's would make two.
    pushHead(gh, HEAD1, 'erin')
    await pr(gh, PLANS.destroyDb)
    tamper(gh, (b) => editState(b, (s) => delete s['pusher']), 'erin')
    addReview(gh, 'bob', 'APPROVED')
    addReview(gh, 'erin', 'APPROVED')
    const run = await review(gh)
    expect(statusesOf(gh, HEAD1).at(-1)).toEqual([
      'error',
      expect.stringContaining('edited by erin')
    ])
    clean(gh, run)
    // A fresh pull_request run writes a new trusted comment; the pusher is re-derived from GitHub.
    const again = await pr(gh, PLANS.destroyDb, { action: 'reopened' })
    expect(gateComments(gh)).toHaveLength(2)
    expect(again.stdout).toContain('edited by erin')
    expect(gateComments(gh)[1]).toContain('| erin | approved | no: pushed the head commit |')
    const counted = await review(gh)
    expect(statusesOf(gh, HEAD1).at(-1)?.[0]).toBe('pending')
    clean(gh, counted)
    merge(gh)
    const applied = await apply(gh, PLANS.destroyDb)
    expect(applied.outputs).toMatchObject({ approved: 'false' })
    clean(gh, applied)
  })

  test('an older comment by another bot carrying the marker is not the state', async () => {
    const gh = await start()
    await pr(gh, PLANS.destroyDb)
    const real = gh.state.comments[7]?.[0]
    if (real === undefined) throw new Error('no comment')
    const forged = editState(
      real.body,
      (s) => ((s['planDecision'] = 'pass'), (s['decision'] = 'pass'))
    )
    gh.state.comments[7] = [
      {
        id: 900,
        user: { login: 'helper-app[bot]', type: 'Bot' },
        body: forged,
        created_at: '2026-11-21T10:00:00Z',
        updated_at: '2026-11-21T10:00:00Z',
        app: 'helper-app'
      },
      real
    ]
    const run = await review(gh)
    expect(statusesOf(gh, HEAD1).at(-1)?.[0]).toBe('pending')
    clean(gh, run)
  })

  test('after a failed evaluation no recount turns the error into success', async () => {
    const gh = await start()
    await pr(gh, PLANS.none)
    expect(statusesOf(gh, HEAD1)).toEqual([['success', 'No destructive changes need approval']])
    ;(gh.state.pulls[7] as { head: { sha: string } }).head.sha = HEAD2
    pushHead(gh, HEAD2, 'alice')
    const failed = await pr(gh, '/nonexistent/plan.json', { action: 'synchronize', head: HEAD2 })
    expect(failed.code).toBe(1)
    expect(statusesOf(gh, HEAD2)).toEqual([['error', expect.stringContaining('Cannot evaluate')]])
    expect(stateOf(gateComments(gh)[0] ?? '')).toMatchObject({ headSha: HEAD2, failed: true })
    addReview(gh, 'bob', 'APPROVED', HEAD2)
    addReview(gh, 'carol', 'APPROVED', HEAD2)
    const recount = await runAction(gh, {
      event: 'pull_request_review',
      payload: reviewEvent({ head: HEAD2 })
    })
    expect(statusesOf(gh, HEAD2).at(-1)).toEqual([
      'error',
      expect.stringContaining('could not be evaluated')
    ])
    clean(gh, recount)
  })
})

describe('break-glass is bound and single-use', () => {
  const POLICY =
    'approvals:\n  break_glass:\n    enabled: true\n    allowed: [alice, carol, erin]\n'
  const glass = (gh: FakeGitHub, id: number, login: string, reason: string, at = now()) =>
    gh.state.comments[7]?.push({
      id,
      user: { login, type: 'User' },
      body: `/plan-gate break-glass ${stateOf(gateComments(gh)[0] ?? '')['fingerprint'] as string} ${reason}`,
      created_at: at,
      updated_at: at
    })

  async function withPolicy(): Promise<FakeGitHub> {
    const gh = await start({ contents: { [BASE]: { '.plan-gate.yml': POLICY } } })
    await pr(gh, PLANS.destroyDb)
    addReview(gh, 'bob', 'APPROVED')
    return gh
  }

  test('a legitimate break-glass by an allowed person after the push counts (control)', async () => {
    const gh = await withPolicy()
    glass(gh, 3100, 'carol', 'INC-1: restore')
    const run = await review(gh)
    expect(statusesOf(gh, HEAD1).at(-1)).toEqual([
      'success',
      'Approved by bob + break-glass by carol'
    ])
    clean(gh, run)
  })

  test('an old comment by an allowed person, edited into a break-glass, never counts', async () => {
    const gh = await withPolicy()
    glass(gh, 3101, 'carol', 'INC-1: restore')
    const edited = gh.state.comments[7]?.at(-1)
    if (edited) edited.updated_at = '2099-01-01T00:00:00Z'
    const run = await review(gh)
    expect(statusesOf(gh, HEAD1).at(-1)?.[0]).toBe('pending')
    clean(gh, run)
  })

  test('the PR author and the head pusher cannot break glass', async () => {
    const gh = await withPolicy()
    glass(gh, 3102, 'alice', 'my own PR')
    pushHead(gh, HEAD1, 'erin')
    glass(gh, 3103, 'erin', 'I pushed it')
    const run = await review(gh)
    expect(statusesOf(gh, HEAD1).at(-1)?.[0]).toBe('pending')
    clean(gh, run)
  })

  test('a break-glass given before the head was pushed does not ride on it, and counts once', async () => {
    const gh = await withPolicy()
    glass(gh, 3104, 'carol', 'INC-2', '2026-11-21T10:00:00Z')
    const early = await review(gh)
    expect(statusesOf(gh, HEAD1).at(-1)?.[0]).toBe('pending')
    clean(gh, early)
    // Used on HEAD1, then HEAD2 is pushed with the same plan: it does not carry over.
    glass(gh, 3105, 'carol', 'INC-3')
    const used = await review(gh)
    expect(statusesOf(gh, HEAD1).at(-1)?.[0]).toBe('success')
    clean(gh, used)
    ;(gh.state.pulls[7] as { head: { sha: string } }).head.sha = HEAD2
    pushHead(gh, HEAD2, 'alice', '2099-01-01T00:00:00Z')
    addReview(gh, 'bob', 'APPROVED', HEAD2)
    const later = await pr(gh, PLANS.destroyDb, { action: 'synchronize', head: HEAD2 })
    expect(statusesOf(gh, HEAD2).at(-1)?.[0]).toBe('pending')
    expect(stateOf(gateComments(gh)[0] ?? '')['breakGlassUsed']).toEqual([3105])
    clean(gh, later)
  })
})

describe('agents are named, not guessed', () => {
  test('an agent pushing to a human PR → 2 human approvals, whatever approvals.count says', async () => {
    const policy = 'approvals:\n  count: 1\n'
    const gh = await start({ contents: { [BASE]: { '.plan-gate.yml': policy } } })
    pushHead(gh, HEAD1, 'kiro-agent')
    await pr(gh, PLANS.destroyDb, {}, {}, { 'agent-accounts': 'kiro-*' })
    addReview(gh, 'bob', 'APPROVED')
    const run = await review(gh, {}, { 'agent-accounts': 'kiro-*' })
    expect(statusesOf(gh, HEAD1).at(-1)).toEqual([
      'pending',
      'Needs 1 more approving review (1 of 2 so far) from reviewers with write access (agent-touched: 2 humans needed)'
    ])
    expect(gateComments(gh)[0]).toContain('kiro-agent')
    clean(gh, run)
  })

  test('a Co-authored-by trailer of a coding agent makes the PR agent-touched', async () => {
    const gh = await start({
      contents: { [BASE]: { '.plan-gate.yml': 'approvals:\n  count: 1\n' } },
      pullCommits: {
        7: [
          {
            sha: HEAD1,
            author: { login: 'alice', type: 'User' },
            committer: { login: 'alice', type: 'User' },
            message: 'Move the database\n\nCo-authored-by: Claude <noreply@anthropic.com>\n'
          }
        ]
      }
    })
    await pr(gh, PLANS.destroyDb)
    addReview(gh, 'bob', 'APPROVED')
    const run = await review(gh)
    expect(statusesOf(gh, HEAD1).at(-1)?.[1]).toContain('agent-touched')
    clean(gh, run)
  })

  test('a reopened PR whose pusher is unknown excludes every author and committer', async () => {
    const gh = await start({
      activities: [],
      pullCommits: {
        7: [
          {
            sha: HEAD1,
            author: { login: 'erin', type: 'User' },
            committer: { login: 'erin', type: 'User' },
            message: 'Drop the old database'
          }
        ]
      }
    })
    await pr(gh, PLANS.destroyDb, { action: 'reopened', sender: 'bob' })
    addReview(gh, 'erin', 'APPROVED')
    addReview(gh, 'bob', 'APPROVED')
    const run = await review(gh)
    expect(statusesOf(gh, HEAD1).at(-1)?.[0]).toBe('pending')
    expect(gateComments(gh)[0]).toContain(
      "| erin | approved | no: authored a commit of the PR, and the head's pusher is unknown |"
    )
    clean(gh, run)
  })
})

describe('fingerprints name objects, not addresses', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan-gate-attack-'))
  /** destroy-prod-db.json with `edit` applied, written to a file. */
  const variant = (name: string, edit: (changes: Record<string, any>[]) => void): string => {
    const doc = JSON.parse(readFileSync(PLANS.destroyDb, 'utf8')) as Record<string, any>
    edit(doc['resource_changes'])
    const path = join(dir, `${name}.json`)
    writeFileSync(path, JSON.stringify(doc))
    return path
  }
  const at = (account: string, identifier: string) => (changes: Record<string, any>[]) => {
    const before = changes[0]?.change.before
    before.identifier = identifier
    before.arn = `arn:aws:rds:eu-west-1:${account}:db:${identifier}`
  }

  async function approvedOn(plan: string): Promise<FakeGitHub> {
    const gh = await start()
    await pr(gh, plan)
    addReview(gh, 'bob', 'APPROVED')
    addReview(gh, 'carol', 'APPROVED')
    const run = await review(gh)
    expect(statusesOf(gh, HEAD1).at(-1)?.[0]).toBe('success')
    clean(gh, run)
    merge(gh)
    return gh
  }

  test('approving a sandbox database at an address does not approve deleting production at it', async () => {
    const sandbox = variant('sandbox', at('111111111111', 'scratch'))
    const production = variant('production', at('222222222222', 'orders-prod'))
    const gh = await approvedOn(sandbox)
    const run = await apply(gh, production)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('Not the plan approved on PR #7')
    expect(run.outputs['approved']).toBe('false')
    // Nothing of the approved object is printed (the blast radius names where the apply runs).
    expect(run.stdout + run.summary).not.toMatch(/111111111111|scratch/)
    clean(gh, run)
  })

  test('approving retention 14 → 5 does not approve 14 → 0', async () => {
    const five = variant('five', (c) => (c[1]!.change.after.backup_retention_period = 5))
    const gh = await approvedOn(five)
    const run = await apply(gh, PLANS.destroyDb)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('Not the plan approved on PR #7')
    clean(gh, run)
  })

  test('a state with an old-format fingerprint fails closed with "re-run the PR"', async () => {
    const gh = await start()
    await pr(gh, PLANS.destroyDb)
    // As an older plan-gate wrote it: by plan-gate itself, so the history is clean.
    tamper(gh, (b) => editState(b, (s) => (s['v'] = 1)), 'github-actions[bot]')
    const edit = gh.state.comments[7]?.[0]?.edits?.at(-1)
    if (edit) edit.editor = { login: 'github-actions[bot]', type: 'Bot' }
    addReview(gh, 'bob', 'APPROVED')
    addReview(gh, 'carol', 'APPROVED')
    const run = await review(gh)
    expect(statusesOf(gh, HEAD1).at(-1)).toEqual([
      'error',
      expect.stringContaining('older plan-gate')
    ])
    expect(run.stdout).toContain("re-run the PR's pull_request workflow")
    clean(gh, run)
  })
})

describe('child processes get a minimal environment', () => {
  test('the token never reaches terraform show (a binary plan)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-gate-tf-'))
    const plan = join(dir, 'tfplan')
    writeFileSync(plan, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64)]))
    const dump = join(dir, 'env.txt')
    writeFileSync(join(dir, 'terraform'), `#!/bin/sh\nenv > '${dump}'\n/bin/cat '${PLANS.none}'\n`)
    chmodSync(join(dir, 'terraform'), 0o755)
    const gh = await start()
    const run = await runAction(gh, {
      event: 'pull_request',
      payload: prEvent(),
      inputs: { plan, 'terraform-env': 'AWS_REGION' },
      env: {
        PATH: `${dir}:${process.env['PATH'] ?? '/usr/bin:/bin'}`,
        AWS_REGION: 'eu-west-1',
        ACTIONS_RUNTIME_TOKEN: 'runtime-secret',
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-secret',
        ACTIONS_ID_TOKEN_REQUEST_URL: 'https://oidc.example',
        GITHUB_TOKEN: TOKEN
      }
    })
    expect(run.code).toBe(0)
    const seen = readFileSync(dump, 'utf8')
    expect(seen).toContain('AWS_REGION=eu-west-1')
    expect(seen).not.toContain(TOKEN)
    expect(seen).not.toMatch(/INPUT_|ACTIONS_|GITHUB_|secret/)
    clean(gh, run)
  })
})
