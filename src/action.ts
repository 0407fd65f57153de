/**
 * The GitHub Action adapter: inputs and event in, the gate run, then outputs, the JSON report
 * and the job summary (always, in `finally`). Plans are read and gated by the CLI's own
 * `evaluatePlans`; GitHub is reached only through the port in src/github/.
 */
import * as core from '@actions/core'
import { readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { errorMessage, evaluatePlans, expandInputs, loadPolicy } from './cli.js'
import { runApply, runEvaluate } from './github/apply.js'
import { EventError, parseEvent, type GateEvent } from './github/events.js'
import { approvalPolicy, INPUT, InputError, parseInputs, type Settings } from './github/inputs.js'
import { createOctokitPort } from './github/octokit.js'
import { changedPlan, formatPlanHashes, hashPlans } from './github/plan-hash.js'
import { setupCheck, type SetupCheck } from './github/setup.js'
import { runFailure, runPullRequest, runReview } from './github/pull-request.js'
import { renderFailure, renderSummary } from './github/render.js'
import type { RunContext, RunResult } from './github/run.js'
import { DEFAULT_POLICY, type Policy } from './policy/config.js'
import { renderJson, renderMarkdown } from './report/index.js'
import type { ApprovalRecord, Report } from './report/types.js'

type Env = Readonly<Record<string, string | undefined>>

/** Job summaries are dropped whole above 1 MiB; this many characters stay well below. */
const SUMMARY_REPORT_MAX = 300_000

/** Runs the Action; the process exit code is set through `core.setFailed`. */
export async function main(): Promise<void> {
  await run(process.env, process.cwd())
}

/** One run of the Action in `cwd` with `env`. Never throws. */
export async function run(env: Env, cwd: string): Promise<void> {
  let summary: string | undefined
  try {
    const settings = readSettings()
    const event = readEvent(env)
    const { result, report, planSha256, setup } = await gate(settings, event, env, cwd)
    summary = summarize(settings, result, report) + (setup?.markdown ?? '')
    setOutputs(result, writeReport(settings, env, report, result))
    if (planSha256 !== undefined) core.setOutput('plan-sha256', planSha256)
    if (result.decision.jobFails) core.setFailed(result.decision.message)
    else if (result.decision.outcome === 'pending') core.notice(result.decision.message)
    else core.info(result.decision.message)
  } catch (error) {
    const message =
      error instanceof InputError || error instanceof EventError
        ? error.message
        : errorMessage(error)
    summary = renderFailure('plan-gate', message)
    core.setOutput('approved', 'false')
    core.setFailed(`plan-gate could not run: ${message}`)
  } finally {
    await writeSummary(summary)
  }
}

function readSettings(): Settings {
  // Masked before anything else can fail and print.
  const token = core.getInput(INPUT.token)
  if (token !== '') core.setSecret(token)
  return parseInputs((name) => core.getInput(name))
}

function readEvent(env: Env): GateEvent {
  const path = env['GITHUB_EVENT_PATH']
  const name = env['GITHUB_EVENT_NAME']
  if (!path || !name)
    throw new EventError(
      'GITHUB_EVENT_NAME and GITHUB_EVENT_PATH are not set: run plan-gate as a workflow step'
    )
  let payload: unknown
  try {
    payload = JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    throw new EventError(`the event payload (GITHUB_EVENT_PATH) cannot be read as JSON`)
  }
  return parseEvent(name, payload, { sha: env['GITHUB_SHA'], ref: env['GITHUB_REF'] })
}

/** Evaluates (except on review events) and runs the gate for the event. */
async function gate(
  settings: Settings,
  event: GateEvent,
  env: Env,
  cwd: string
): Promise<{ result: RunResult; report?: Report; planSha256?: string; setup?: SetupCheck }> {
  const options = {
    files: settings.plans,
    config: settings.config,
    terraformDir: settings.terraformDir,
    environment: settings.environment
  }
  if (event.kind === 'review') {
    if (settings.plans.length > 0)
      core.info(
        `input \`${INPUT.plan}\` is ignored on pull_request_review: the gate state comes from the PR comment`
      )
    const ctx = await context(settings, env, loadPolicy(options, { cwd }))
    return { result: await runReview(ctx, event), setup: ctx.setup }
  }
  if (settings.plans.length === 0)
    throw new InputError(
      `input \`${INPUT.plan}\` is required on ${env['GITHUB_EVENT_NAME']} events`
    )
  let evaluation
  let planSha256: string | undefined
  let failure: string | undefined
  try {
    // Hashed before and after: the output names exactly the bytes that were gated.
    const files = expandInputs(settings.plans, cwd)
    const before = await hashPlans(files, cwd)
    evaluation = await evaluatePlans(
      { ...options, files, progress: false },
      { cwd, env, stdin: noInput(), stderr: process.stderr }
    )
    const changed = changedPlan(files, before, await hashPlans(files, cwd))
    if (changed !== undefined) failure = `${changed}: the plan file changed while it was gated`
    planSha256 = formatPlanHashes(before)
  } catch (error) {
    failure = errorMessage(error)
  }
  if (failure !== undefined || evaluation === undefined) {
    const ctx = await context(settings, env, DEFAULT_POLICY)
    const reason = failure ?? 'the plans were not evaluated'
    return { result: await runFailure(ctx, event, reason), setup: ctx.setup }
  }
  const { report, policy } = evaluation
  const ctx = await context(settings, env, policy)
  const common = { report, planSha256, setup: ctx.setup }
  if (event.kind === 'pull_request')
    return { result: await runPullRequest(ctx, event, report), ...common }
  if (event.kind === 'push' || event.kind === 'merge_group')
    return { result: await runApply(ctx, event, report), ...common }
  return { result: runEvaluate(ctx, report, event.name), ...common }
}

async function context(
  settings: Settings,
  env: Env,
  policy: Policy
): Promise<RunContext & { setup: SetupCheck }> {
  const repository = env['GITHUB_REPOSITORY'] ?? ''
  const [owner, repo] = repository.split('/')
  if (!owner || !repo) throw new EventError('GITHUB_REPOSITORY is not set as owner/repo')
  // Undocumented, for tests: the first backoff delay in ms (GitHub lookups and retries).
  const override = env['PLAN_GATE_RETRY_DELAY_MS']
  const delay = override === undefined || override === '' ? NaN : Number(override)
  const fast = Number.isFinite(delay) && delay >= 0 ? delay : undefined
  const port = createOctokitPort({
    token: settings.token,
    baseUrl: env['GITHUB_API_URL'] || 'https://api.github.com',
    owner,
    repo,
    retryBaseMs: fast ?? 1000,
    warn: (message) => core.warning(message)
  })
  const server = env['GITHUB_SERVER_URL']
  const runId = env['GITHUB_RUN_ID']
  // The setup check runs every time; with `require-protections` a gap fails the gate.
  const setup = await setupCheck(port, settings)
  return {
    setup,
    ...(setup.problem === undefined ? {} : { setupProblem: setup.problem }),
    port,
    settings,
    policy: approvalPolicy(settings, policy.approvals),
    breakGlass: policy.approvals.breakGlass,
    repository,
    now: () => new Date(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    retryDelayMs: fast ?? 2000,
    targetUrl: server && runId ? `${server}/${repository}/actions/runs/${runId}` : undefined,
    run: runId ? { id: runId, attempt: env['GITHUB_RUN_ATTEMPT'] || '1' } : undefined,
    warn: (message) => core.warning(message)
  }
}

async function* noInput(): AsyncIterable<Uint8Array> {
  // The Action reads plan files only; `-` (stdin) has nothing behind it.
}

function summarize(settings: Settings, result: RunResult, report: Report | undefined): string {
  const title = settings.statusContext
  const reportText =
    report !== undefined
      ? renderMarkdown(report, { maxLength: SUMMARY_REPORT_MAX, title })
      : (result.reportMarkdown ?? renderFailure(title, result.decision.message))
  return renderSummary({
    report: reportText,
    approvals: result.approvalSection,
    notes: result.notes
  })
}

/** Writes the JSON report (with the approval record) under RUNNER_TEMP; returns its path. */
function writeReport(
  settings: Settings,
  env: Env,
  report: Report | undefined,
  result: RunResult
): string | undefined {
  if (report === undefined) return undefined
  const name = `${settings.statusContext.replace(/[^A-Za-z0-9._-]+/g, '-')}-report.json`
  const path = join(env['RUNNER_TEMP'] || tmpdir(), name)
  try {
    writeFileSync(path, renderJson({ ...report, approval: approvalRecord(result) }))
    return path
  } catch (error) {
    core.warning(`the JSON report was not written to ${path}: ${errorMessage(error)}`)
    return undefined
  }
}

function approvalRecord(result: RunResult): ApprovalRecord {
  const { decision, approval } = result
  return {
    outcome: decision.outcome,
    status: decision.status.state,
    description: decision.status.description,
    ...(approval === undefined ? {} : { required: approval.required }),
    approvers: [...(approval?.approvers ?? [])],
    changesRequestedBy: [...(approval?.changesRequestedBy ?? [])],
    ...(result.pullNumber === undefined ? {} : { pullRequest: result.pullNumber }),
    ...(result.headSha === undefined ? {} : { headSha: result.headSha }),
    ...(result.since === undefined ? {} : { fingerprintSince: result.since }),
    ...(approval?.breakGlass === undefined ? {} : { breakGlass: { ...approval.breakGlass } })
  }
}

function setOutputs(result: RunResult, reportPath: string | undefined): void {
  const set = (name: string, value: string | number | undefined) => {
    if (value !== undefined) core.setOutput(name, String(value))
  }
  set('decision', result.verdict)
  set('fingerprint', result.fingerprint)
  set('blocked', result.counts?.blocked)
  set('approval-required', result.counts?.['approval-required'])
  set('warn', result.counts?.warn)
  set('approved', String(['pass', 'approved'].includes(result.decision.outcome)))
  set('approvers', (result.approval?.approvers ?? []).join(','))
  set('status', result.decision.status.state)
  set('report-path', reportPath)
}

async function writeSummary(text: string | undefined): Promise<void> {
  if (text === undefined) return
  try {
    await core.summary.addRaw(text).write()
  } catch (error) {
    core.warning(`the job summary was not written: ${errorMessage(error)}`)
  }
}
