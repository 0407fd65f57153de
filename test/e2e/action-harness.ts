// Runs the committed, bundled action (dist/action/index.js) the way the runner does: a fresh
// environment (like `env -i`) with INPUT_* variables (hyphens kept), the event name and payload
// file, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files and RUNNER_TEMP, against the fake GitHub API.
// The child is spawned asynchronously: the fake answers on this process's event loop.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT } from '../helpers.js'
import {
  startFakeGitHub,
  type FakeComment,
  type FakeGitHub,
  type FakeState
} from './fake-github.js'
import { requireFreshDist } from '../dist.js'

export const TOKEN = 'ghs_e2eSecretT0ken4PlanGate0000000000'
export const OWNER = 'acme'
export const REPO = 'infra'
export const HEAD1 = '3f1c9a7e5b2d4c6e8a0b1d3f5e7c9a1b3d5f7e90'
export const HEAD2 = '5b2d4c6e8a0b1d3f5e7c9a1b3d5f7e903f1c9a7e'
export const BASE = '9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d'
/** The merge commit GitHub checks out for PR events (GITHUB_SHA): never the status target. */
export const PR_MERGE_REF_SHA = 'aa11bb22cc33dd44ee55ff6677889900aabbccdd'
export const MERGED = 'c4e2a1f9b7d5c3e1a9f7b5d3c1e9a7f5b3d1c9e7'
export const GROUP_HEAD = 'd7b5c3a1e9f7d5b3c1a9e7f5d3b1c9a7e5f3d1b9'

export const PLANS = {
  none: join(ROOT, 'fixtures', 'plans', 'no-changes.json'),
  destroyDb: join(ROOT, 'fixtures', 'examples', 'destroy-prod-db.json'),
  weakened: join(ROOT, 'fixtures', 'plans', 'weakened.json'),
  stateStorage: join(ROOT, 'fixtures', 'plans', 'state-storage.json')
}
export const DESTROY_DB_FP =
  'sha256:9538126af9d23aa497d2c2b67d872292a0be6c4e095152acdac9ad2851f8c948'

const PAYLOADS = join(ROOT, 'test', 'e2e', 'payloads')
const ACTION = join(ROOT, 'dist', 'action', 'index.js')

/** The repository as the fake sees it: PR #7 by alice, open, head HEAD1. */
export function baseState(): FakeState {
  return {
    owner: OWNER,
    repo: REPO,
    defaultBranch: 'main',
    pulls: {
      7: {
        number: 7,
        state: 'open',
        title: 'Move the orders database to a new availability zone',
        user: { login: 'alice', type: 'User' },
        head: { sha: HEAD1, ref: 'move-orders-db', repo: { full_name: 'acme/infra', fork: false } },
        base: { ref: 'main', sha: BASE, repo: { full_name: 'acme/infra' } },
        merged_at: null,
        merge_commit_sha: null
      }
    },
    reviews: { 7: [] },
    comments: { 7: [] },
    statuses: {},
    permissions: {
      alice: 'write',
      bob: 'write',
      carol: 'maintain',
      dave: 'read',
      erin: 'admin',
      acme: 'admin'
    },
    commitPulls: {},
    // The merge commit is the tip of the default branch (push runs check that).
    branches: { main: MERGED },
    // alice pushed the head of her branch (the repository activity log says so).
    activities: [
      {
        before: BASE,
        after: HEAD1,
        ref: 'refs/heads/move-orders-db',
        actor: { login: 'alice', type: 'User' },
        activity_type: 'branch_creation',
        timestamp: '2026-11-21T11:00:00Z'
      }
    ]
  }
}

/** A push of `head` to PR #7's branch by `login`, recorded in the fake's activity log. */
export function pushHead(fake: FakeGitHub, head: string, login: string, at = now()): void {
  fake.state.activities.push({
    before: HEAD1,
    after: head,
    ref: 'refs/heads/move-orders-db',
    actor: { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' },
    activity_type: 'push',
    timestamp: at
  })
}

/** Puts a policy file on the base commit (where plan-gate reads it). */
export function basePolicy(state: FakeState, text: string, path = '.plan-gate.yml'): FakeState {
  return { ...state, contents: { ...state.contents, [BASE]: { [path]: text } } }
}

type Json = Record<string, unknown>

export function payload(name: string): Json {
  return JSON.parse(readFileSync(join(PAYLOADS, `${name}.json`), 'utf8')) as Json
}

/** A pull_request payload for PR #7 with the given action, head and sender. */
export function prEvent(
  over: { action?: string; head?: string; sender?: string; forkRepo?: string | null } = {}
): Json {
  const p = payload('pull_request.opened')
  const pr = p['pull_request'] as Json
  const head = pr['head'] as Json
  p['action'] = over.action ?? 'opened'
  head['sha'] = over.head ?? HEAD1
  if (over.forkRepo !== undefined) {
    head['repo'] =
      over.forkRepo === null
        ? null
        : { ...(head['repo'] as Json), full_name: over.forkRepo, fork: true }
  }
  ;(p['sender'] as Json)['login'] = over.sender ?? 'alice'
  return p
}

/** A pull_request_review payload for PR #7 (the payload's head may lag the API's). */
export function reviewEvent(over: { state?: string; head?: string; by?: string } = {}): Json {
  const p = payload('pull_request_review.submitted')
  const review = p['review'] as Json
  review['state'] = over.state ?? 'approved'
  ;(review['user'] as Json)['login'] = over.by ?? 'bob'
  const pr = p['pull_request'] as Json
  ;(pr['head'] as Json)['sha'] = over.head ?? HEAD1
  review['commit_id'] = over.head ?? HEAD1
  return p
}

/** GitHub's timestamp format (whole seconds), now. */
export function now(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')
}

let reviewId = 9000

/** Adds a submitted review to PR #7 in the fake. */
export function addReview(
  fake: FakeGitHub,
  login: string,
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED',
  commit = HEAD1
): void {
  const type = login.endsWith('[bot]') ? 'Bot' : 'User'
  ;(fake.state.reviews[7] ??= []).push({
    id: reviewId++,
    user: { login, type },
    state,
    commit_id: commit,
    submitted_at: now()
  })
}

export interface RunOptions {
  readonly event: string
  readonly payload: Json
  readonly inputs?: Record<string, string>
  /** Files written into the workspace (e.g. `.plan-gate.yml`). */
  readonly files?: Record<string, string>
  readonly env?: Record<string, string>
}

export interface ActionRun {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
  readonly outputs: Record<string, string>
  readonly summary: string
  readonly runnerTemp: string
}

/** Runs dist/action/index.js once against `fake`. */
export async function runAction(fake: FakeGitHub, options: RunOptions): Promise<ActionRun> {
  requireFreshDist('action')
  const dir = mkdtempSync(join(tmpdir(), 'plan-gate-e2e-'))
  const workspace = join(dir, 'workspace')
  const runnerTemp = join(dir, 'runner-temp')
  // A .git directory stops the policy file search at the workspace, as in a checkout.
  mkdirSync(join(workspace, '.git'), { recursive: true })
  mkdirSync(runnerTemp)
  for (const [name, text] of Object.entries(options.files ?? {}))
    writeFileSync(join(workspace, name), text)
  const eventPath = join(dir, 'event.json')
  writeFileSync(eventPath, JSON.stringify(options.payload))
  const outputFile = join(dir, 'output')
  const summaryFile = join(dir, 'summary')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const inputs = { 'github-token': TOKEN, ...options.inputs }
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: dir,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_API_URL: fake.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_EVENT_NAME: options.event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_SHA: options.event.startsWith('pull_request') ? PR_MERGE_REF_SHA : MERGED,
    GITHUB_REF: options.event.startsWith('pull_request') ? 'refs/pull/7/merge' : 'refs/heads/main',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTOR: 'alice',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: runnerTemp,
    PLAN_GATE_RETRY_DELAY_MS: '5',
    ...options.env
  }
  for (const [name, value] of Object.entries(inputs))
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  const child = spawn(process.execPath, [ACTION], { cwd: workspace, env })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (t: string) => (stdout += t))
  child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t))
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', resolve)
  })
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputs(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    runnerTemp
  }
}

/** `name<<delimiter\nvalue\ndelimiter` entries of a GITHUB_OUTPUT file. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i] ?? '')
    if (!m) continue
    const value: string[] = []
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i] ?? '')
    out[m[1] as string] = value.join('\n')
  }
  return out
}

/** What the setup check (`doctor`) reads on every run, before the gate's own requests. */
export const SETUP_OPERATIONS: ReadonlySet<string> = new Set([
  'repos/get',
  'repos/get-branch-rules',
  'repos/get-content',
  'repos/get-environment'
])

/** The requests of the gate itself, without the setup check's reads. */
export function gateRequests(fake: FakeGitHub, from = 0): FakeGitHub['requests'] {
  return fake.requests.slice(from).filter((r) => !SETUP_OPERATIONS.has(r.operationId ?? ''))
}

/** The plan-gate comments on PR #7. */
export function gateComments(fake: FakeGitHub): string[] {
  return (fake.state.comments[7] ?? [])
    .filter((c) => c.user.login === 'github-actions[bot]')
    .map((c) => c.body)
}

/** The state JSON of a comment body. */
export function stateOf(body: string): Record<string, unknown> {
  const m = /<!-- plan-gate-state (\{.*\}) -->\n?$/.exec(body)
  if (!m) throw new Error('no state line')
  return JSON.parse(m[1] as string) as Record<string, unknown>
}

/** Statuses posted for `sha` as [state, description]. */
export function statusesOf(fake: FakeGitHub, sha: string): [string, string | null][] {
  return (fake.state.statuses[sha] ?? []).map((s) => [s.state, s.description])
}

/** Asserts the token never leaks: only the add-mask command may carry it. */
export function leaks(fake: FakeGitHub, run: ActionRun): string[] {
  const places: string[] = []
  const stdout = run.stdout
    .split('\n')
    .filter((line) => line !== `::add-mask::${TOKEN}`)
    .join('\n')
  if (stdout.includes(TOKEN)) places.push('stdout')
  if (run.stderr.includes(TOKEN)) places.push('stderr')
  if (run.summary.includes(TOKEN)) places.push('summary')
  if (JSON.stringify(fake.state.comments).includes(TOKEN)) places.push('comments')
  if (JSON.stringify(fake.state.statuses).includes(TOKEN)) places.push('statuses')
  if (Object.values(run.outputs).some((v) => v.includes(TOKEN))) places.push('outputs')
  return places
}

const recorded = new Map<string, Promise<FakeComment>>()

/**
 * The sticky comment a real pull_request run leaves on PR #7 for `plan` (run once per plan and
 * test file). Review and apply scenarios start from it instead of re-running the PR step.
 */
export function recordedComment(plan: string, patch?: Partial<FakeState>): Promise<FakeComment> {
  const key = JSON.stringify([plan, patch])
  let found = recorded.get(key)
  if (found === undefined) {
    found = (async () => {
      const gh = await startFakeGitHub({ ...baseState(), ...patch })
      try {
        const run = await runAction(gh, {
          event: 'pull_request',
          payload: prEvent(),
          inputs: { plan }
        })
        const comment = gh.state.comments[7]?.[0]
        if (run.code !== 0 || gh.violations.length > 0 || comment === undefined)
          throw new Error(`the recording run failed: ${run.stdout}`)
        return comment
      } finally {
        await gh.close()
      }
    })()
    recorded.set(key, found)
  }
  return found
}

/** A fake whose PR #7 already carries the comment of a pull_request run for `plan`. */
export async function startWithComment(
  plan: string,
  patch?: Partial<FakeState>
): Promise<FakeGitHub> {
  const comment = await recordedComment(plan, patch)
  return startFakeGitHub({ ...baseState(), ...patch, comments: { 7: [structuredClone(comment)] } })
}
