/**
 * The GitHub Action adapter: inputs and event in, the evaluation pipeline, the gate run for the
 * event, then outputs, the JSON report and the job summary (always, in `finally`). It talks to
 * the runner through `ActionRuntime` and to GitHub through the port `connect` makes; the entry
 * (src/bin/action.ts) passes @actions/core and octokit, tests pass fakes.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { errorMessage } from './common/errors.js'
import { findingAnnotations, omittedNotice, type Annotation } from './github/annotations.js'
import { runApply, runEvaluate } from './github/apply.js'
import { EventError, parseEvent, type GateEvent } from './github/events.js'
import { INPUT, InputError, parseInputs, type Settings } from './github/inputs.js'
import { approvalRecord, stepOutputs } from './github/outputs.js'
import { pullChangeFacts, pushPolicyFacts } from './github/change.js'
import { runContext, withPolicy, type ConnectGitHub } from './github/context.js'
import { changedPlan, formatPlanHashes, hashPlans } from './github/plan-hash.js'
import { basePolicy, configPath, type PolicyAt } from './github/policy-source.js'
import { GitHubError, type GitHubPort, type PullRequest } from './github/port.js'
import { withSetup, type SetupCheck } from './github/setup.js'
import { runFailure, runPullRequest, runReview } from './github/pull-request.js'
import { renderFailure, renderSummary } from './github/render.js'
import type { RunResult } from './github/run.js'
import { nodeIO } from './io/node.js'
import { evaluatePlans, loadPolicy, type Evaluation } from './pipeline/evaluate.js'
import { NO_CHANGE_FACTS, withChangeFacts, type ChangeFacts } from './policy/change-findings.js'
import { DEFAULT_POLICY } from './policy/defaults.js'
import { renderJson, renderMarkdown } from './report/index.js'
import type { Report } from './report/types.js'

type Env = Readonly<Record<string, string | undefined>>

/** The runner's side of a step (what @actions/core provides). */
export interface ActionRuntime {
  getInput(name: string): string
  setSecret(secret: string): void
  setOutput(name: string, value: string): void
  setFailed(message: string): void
  notice(message: string): void
  info(message: string): void
  warning(message: string): void
  /** An annotation in the job log (one per finding): on the `.tf` file and line when known. */
  annotate(annotation: Annotation): void
  /** Appends markdown to the job summary. */
  writeSummary(markdown: string): Promise<void>
}

export type { ConnectGitHub } from './github/context.js'

export interface ActionDeps {
  readonly runtime: ActionRuntime
  readonly connect: ConnectGitHub
}

/** Job summaries are dropped whole above 1 MiB; this many characters stay well below. */
const SUMMARY_REPORT_MAX = 300_000

/** One run of the Action in `cwd` with `env`. Never throws; failures fail the step. */
export async function run(env: Env, cwd: string, deps: ActionDeps): Promise<void> {
  const { runtime } = deps
  let summary: string | undefined
  try {
    const settings = readSettings(runtime)
    const event = readEvent(env)
    const { result, report, planSha256, setup } = await gate(settings, event, env, cwd, deps)
    summary = summarize(settings, result, report) + (setup?.markdown ?? '')
    if (report !== undefined) annotate(report, runtime)
    const reportPath = writeReport(settings, env, report, result, runtime)
    for (const [name, value] of stepOutputs(result, reportPath)) runtime.setOutput(name, value)
    if (planSha256 !== undefined) runtime.setOutput('plan-sha256', planSha256)
    if (result.decision.jobFails) runtime.setFailed(result.decision.message)
    else if (result.decision.outcome === 'pending') runtime.notice(result.decision.message)
    else runtime.info(result.decision.message)
  } catch (error) {
    const message = errorMessage(error)
    summary = renderFailure('plan-gate', message)
    runtime.setOutput('approved', 'false')
    runtime.setFailed(`plan-gate could not run: ${message}`)
  } finally {
    if (summary !== undefined) {
      try {
        await runtime.writeSummary(summary)
      } catch (error) {
        runtime.warning(`the job summary was not written: ${errorMessage(error)}`)
      }
    }
  }
}

/** One annotation per finding in the job log (capped per level; the rest counted). */
function annotate(report: Report, runtime: ActionRuntime): void {
  const { annotations, omitted } = findingAnnotations(report)
  for (const a of annotations) runtime.annotate(a)
  if (omitted > 0) runtime.annotate(omittedNotice(omitted, report.findings.length))
}

function readSettings(runtime: ActionRuntime): Settings {
  // Masked before anything else can fail and print.
  const token = runtime.getInput(INPUT.token)
  if (token !== '') runtime.setSecret(token)
  return parseInputs((name) => runtime.getInput(name))
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
  cwd: string,
  deps: ActionDeps
): Promise<{ result: RunResult; report?: Report; planSha256?: string; setup?: SetupCheck }> {
  const warn = (message: string): void => deps.runtime.warning(message)
  // The Action reads plan files only: `-` (stdin) has nothing behind it.
  const io = nodeIO({
    cwd,
    env,
    stdin: noInput(),
    stderr: process.stderr,
    progress: false,
    ...(settings.terraformEnv === undefined ? {} : { passEnv: settings.terraformEnv })
  })
  const options = {
    files: settings.plans,
    config: settings.config,
    terraformDir: settings.terraformDir,
    environment: settings.environment
  }
  // The setup check runs once, before anything can fail: the summary always lists it.
  const first = await withSetup(runContext(settings, env, DEFAULT_POLICY, deps.connect, warn))
  const { port, setup } = first
  // The policy comes from before the change (src/github/policy-source.ts), never the checkout.
  const config = configPath(settings.config, env['GITHUB_WORKSPACE'] || cwd)
  let base: PolicyAt | undefined
  try {
    base = await basePolicy(port, event, config)
  } catch (error) {
    const reason = `the policy could not be read from the base commit: ${oneLine(error)}`
    return { result: await runFailure(first, event, reason), setup }
  }
  if (event.kind === 'review') {
    if (settings.plans.length > 0)
      deps.runtime.info(
        `input \`${INPUT.plan}\` is ignored on pull_request_review: the gate state comes from the PR comment`
      )
    const policy = base?.policy ?? (await loadPolicy(io, options.config))
    return { result: await runReview(withPolicy(first, settings, policy), event), setup }
  }
  if (settings.plans.length === 0)
    throw new InputError(
      `input \`${INPUT.plan}\` is required on ${env['GITHUB_EVENT_NAME']} events`
    )
  let evaluation: Evaluation | undefined
  let report: Report | undefined
  let planSha256: string | undefined
  let failure: string | undefined
  try {
    // Hashed before and after: the output names exactly the bytes that were gated.
    const { files } = io.expandInputs(settings.plans)
    const before = await hashPlans(files, cwd)
    evaluation = await evaluatePlans(
      { ...options, ...(base === undefined ? {} : { policy: base.policy }) },
      io
    )
    const changed = changedPlan(files, before, await hashPlans(files, cwd))
    if (changed !== undefined) failure = `${changed}: the plan file changed while it was gated`
    planSha256 = formatPlanHashes(before)
    if (failure === undefined)
      report = withChangeFacts(
        evaluation.report,
        await changeFacts(port, event, config, evaluation)
      )
  } catch (error) {
    failure = oneLine(error)
  }
  if (failure !== undefined || evaluation === undefined || report === undefined) {
    const reason = failure ?? 'the plans were not evaluated'
    return { result: await runFailure(first, event, reason), setup }
  }
  const { policy } = evaluation
  const ctx = withPolicy(first, settings, policy)
  const common = { report, planSha256, setup }
  if (event.kind === 'pull_request')
    return { result: await runPullRequest(ctx, event, report), ...common }
  if (event.kind === 'push') {
    // A merged PR's approvals were given for the plan and the PR's own change findings.
    const plan = evaluation.report
    const amend = async (pull: PullRequest) =>
      withChangeFacts(plan, await pullChangeFacts(port, pull, config, policy))
    return { result: await runApply(ctx, event, report, amend), ...common }
  }
  if (event.kind === 'merge_group') return { result: await runApply(ctx, event, report), ...common }
  return { result: runEvaluate(ctx, report, event.name), ...common }
}

/** One line about a failure; GitHub's errors already say what to grant or do. */
function oneLine(error: unknown): string {
  return error instanceof GitHubError ? error.message : errorMessage(error)
}

/** What the change touches besides its plan: the PR's files, or a push's policy change. */
async function changeFacts(
  port: GitHubPort,
  event: GateEvent,
  config: string | undefined,
  evaluation: Evaluation
): Promise<ChangeFacts> {
  if (event.kind === 'pull_request') {
    // The file count comes from the API; the head from the event, the commit evaluated.
    const pull = await port.getPull(event.pull.number)
    return pullChangeFacts(
      port,
      { ...pull, headSha: event.pull.headSha },
      config,
      evaluation.policy
    )
  }
  if (event.kind === 'merge_group')
    return pullChangeFacts(port, await port.getPull(event.pullNumber), config, evaluation.policy)
  if (event.kind === 'push' && event.before !== undefined)
    return pushPolicyFacts(port, event.before, event.sha, config)
  return NO_CHANGE_FACTS
}

async function* noInput(): AsyncIterable<Uint8Array> {}

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
  result: RunResult,
  runtime: ActionRuntime
): string | undefined {
  if (report === undefined) return undefined
  const name = `${settings.statusContext.replace(/[^A-Za-z0-9._-]+/g, '-')}-report.json`
  const path = join(env['RUNNER_TEMP'] || tmpdir(), name)
  try {
    writeFileSync(path, renderJson({ ...report, approval: approvalRecord(result) }))
    return path
  } catch (error) {
    runtime.warning(`the JSON report was not written to ${path}: ${errorMessage(error)}`)
    return undefined
  }
}
