/** The run context of the gate flows, built from the workflow's environment. */
import type { Policy } from '../policy/defaults.js'
import { approvalPolicy, type Settings } from './inputs.js'
import type { GitHubPort } from './port.js'
import type { RunContext } from './run.js'
import { EventError } from './events.js'

type Env = Readonly<Record<string, string | undefined>>

/** Opens the GitHub port for a repository. */
export type ConnectGitHub = (options: {
  readonly token: string
  readonly baseUrl: string
  readonly owner: string
  readonly repo: string
  readonly retryBaseMs: number
  readonly warn: (message: string) => void
}) => GitHubPort

/** The context every gate flow runs in, with the GitHub port for the workflow's repository. */
export function runContext(
  settings: Settings,
  env: Env,
  policy: Policy,
  connect: ConnectGitHub,
  warn: (message: string) => void
): RunContext {
  const repository = env['GITHUB_REPOSITORY'] ?? ''
  const [owner, repo] = repository.split('/')
  if (!owner || !repo) throw new EventError('GITHUB_REPOSITORY is not set as owner/repo')
  // Undocumented, for tests: the first backoff delay in ms (GitHub lookups and retries).
  const override = env['PLAN_GATE_RETRY_DELAY_MS']
  const delay = override === undefined || override === '' ? NaN : Number(override)
  const fast = Number.isFinite(delay) && delay >= 0 ? delay : undefined
  const port = connect({
    token: settings.token,
    baseUrl: env['GITHUB_API_URL'] || 'https://api.github.com',
    owner,
    repo,
    retryBaseMs: fast ?? 1000,
    warn
  })
  const server = env['GITHUB_SERVER_URL']
  const runId = env['GITHUB_RUN_ID']
  return {
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
    warn
  }
}

/** The same context judged by another policy (the one read at the base commit). */
export function withPolicy(ctx: RunContext, settings: Settings, policy: Policy): RunContext {
  return {
    ...ctx,
    policy: approvalPolicy(settings, policy.approvals),
    breakGlass: policy.approvals.breakGlass
  }
}
