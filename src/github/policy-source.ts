/**
 * The policy that judges a change comes from before the change: on GitHub it is read through
 * the contents API at the PR's base commit (push: `before`, merge queue: `base_sha`), never from
 * the checkout, which the change itself controls. A fetch error is an error; only a base commit
 * without any policy file means the defaults.
 */
import { UserError } from '../common/errors.js'
import { DEFAULT_POLICY, parsePolicy, type Policy } from '../policy/config.js'
import { resolveRule } from '../rules/registry.js'
import type { GateEvent } from './events.js'
import type { GitHubPort } from './port.js'

/** The names the policy loader looks for, in its order. */
export const POLICY_NAMES: readonly string[] = [
  '.plan-gate.yml',
  '.plan-gate.yaml',
  '.plan-gate.json'
]

/** A policy read at a commit: where it came from and its text. */
export interface PolicyAt {
  readonly policy: Policy
  /** The path it was read from; undefined when the commit has none (defaults). */
  readonly path?: string
  readonly ref: string
}

/** A `config` input that cannot name a file in the repository, or no base commit to read at. */
export class PolicyPathError extends UserError {
  override readonly name = 'PolicyPathError'
}

/**
 * The repository path of the `config` input (relative to the workspace), or undefined when the
 * input is not set. Absolute paths must lie inside `workspace`.
 */
export function configPath(config: string | undefined, workspace: string): string | undefined {
  if (config === undefined) return undefined
  let path = config.replace(/\\/g, '/')
  const root = workspace.replace(/\\/g, '/').replace(/\/+$/, '')
  if (path.startsWith('/')) {
    if (root === '' || !path.startsWith(`${root}/`))
      throw new PolicyPathError(
        `input \`config\` (${config}) must be a path inside the repository: plan-gate reads it from the base commit`
      )
    path = path.slice(root.length + 1)
  }
  const parts = path.split('/').filter((p) => p !== '' && p !== '.')
  if (parts.length === 0 || parts.includes('..'))
    throw new PolicyPathError(
      `input \`config\` (${config}) must be a path inside the repository: plan-gate reads it from the base commit`
    )
  return parts.join('/')
}

/** Where the policy may live: the `config` path alone, or each of the three names. */
export function policyPaths(config: string | undefined): readonly string[] {
  return config === undefined ? POLICY_NAMES : [config]
}

/** Every path whose change is a policy change: the three names and the `config` path. */
export function watchedPolicyPaths(config: string | undefined): readonly string[] {
  return config === undefined || POLICY_NAMES.includes(config)
    ? POLICY_NAMES
    : [...POLICY_NAMES, config]
}

/** The policy at commit `ref`: the first file found, parsed; the defaults when there is none. */
export async function policyAt(
  port: GitHubPort,
  ref: string,
  config: string | undefined
): Promise<PolicyAt> {
  for (const path of policyPaths(config)) {
    const text = await port.getFileText(path, ref)
    if (text === undefined) continue
    const policy = parsePolicy(
      text,
      `${path} (base ${ref.slice(0, 7)})`,
      (id) => resolveRule(id) !== undefined
    )
    return { policy, path, ref }
  }
  return {
    policy: { ...DEFAULT_POLICY, source: `(defaults: no policy file at base ${ref.slice(0, 7)})` },
    ref
  }
}

/** The texts of every watched policy path at `ref` (absent files left out). */
export async function policyTexts(
  port: GitHubPort,
  ref: string,
  config: string | undefined
): Promise<Map<string, string>> {
  const texts = new Map<string, string>()
  for (const path of watchedPolicyPaths(config)) {
    const text = await port.getFileText(path, ref)
    if (text !== undefined) texts.set(path, text)
  }
  return texts
}

/**
 * The policy for an event: at the PR's base commit (`pull_request`, reviews and comments), at
 * `before` (push) or at the group's `base_sha` (merge queue). Undefined for other events, which
 * read the checkout like the CLI and can never approve anything.
 */
export async function basePolicy(
  port: GitHubPort,
  event: GateEvent,
  config: string | undefined
): Promise<PolicyAt | undefined> {
  const ref = await baseRef(port, event)
  return ref === undefined ? undefined : policyAt(port, ref, config)
}

async function baseRef(port: GitHubPort, event: GateEvent): Promise<string | undefined> {
  switch (event.kind) {
    case 'pull_request':
      return event.pull.baseSha ?? required((await port.getPull(event.pull.number)).baseSha)
    case 'review':
      return required((await port.getPull(event.pull.number)).baseSha)
    case 'push':
      if (event.before === undefined)
        throw new PolicyPathError(
          'the push has no `before` commit (it created the branch), so there is no policy from before the change'
        )
      return event.before
    case 'merge_group':
      if (event.baseSha === undefined)
        throw new PolicyPathError('merge_group.base_sha is missing from the event payload')
      return event.baseSha
    default:
      return undefined
  }
}

function required(sha: string | undefined): string {
  if (sha === undefined) throw new PolicyPathError('GitHub did not say the PR’s base commit')
  return sha
}
