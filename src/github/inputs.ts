/**
 * Every Action input, parsed in one place into one typed object. Pure: the adapter passes a
 * reader (`core.getInput`). Unset inputs become undefined, booleans are strict YAML 1.2, enums
 * list their allowed values, and policy-file settings are the defaults inputs override.
 */
import { UserError } from '../common/errors.js'
import type { ApprovalPolicy } from '../policy/approvals.js'
import type { Policy } from '../policy/defaults.js'

/** Input names, as `action.yml` declares them. */
export const INPUT = {
  plan: 'plan',
  config: 'config',
  token: 'github-token',
  requiredApprovals: 'required-approvals',
  approvers: 'approvers',
  onApprovalRequired: 'on-approval-required',
  failJobWhilePending: 'fail-job-while-pending',
  comment: 'comment',
  statusContext: 'status-context',
  terraformDir: 'terraform-dir',
  environment: 'environment',
  applyBranches: 'apply-branches',
  applyEnvironment: 'apply-environment',
  requireProtections: 'require-protections',
  agentAccounts: 'agent-accounts',
  gateAccount: 'gate-account',
  terraformEnv: 'terraform-env'
} as const

export const ON_APPROVAL_REQUIRED = ['require-approval', 'fail'] as const
export type OnApprovalRequired = (typeof ON_APPROVAL_REQUIRED)[number]

/** The Action's settings. */
export interface Settings {
  /** Plan files, directories or globs; empty when not given. */
  readonly plans: readonly string[]
  readonly config?: string
  readonly token: string
  readonly requiredApprovals?: number
  readonly approvers?: readonly string[]
  readonly onApprovalRequired: OnApprovalRequired
  readonly failJobWhilePending: boolean
  readonly comment: boolean
  readonly statusContext: string
  readonly terraformDir?: string
  readonly environment?: string
  /** Branches besides the default branch whose pushes may apply. */
  readonly applyBranches: readonly string[]
  /** The deployment environment the apply job runs in, for `doctor`. */
  readonly applyEnvironment?: string
  /** A missing protection (see `doctor`) fails the gate. */
  readonly requireProtections: boolean
  /** Accounts agents act as, on top of the policy's `approvals.agent_accounts`. */
  readonly agentAccounts?: readonly string[]
  /** The account plan-gate's own comment is written by. */
  readonly gateAccount: string
  /** Extra environment variable names `terraform show` may see. */
  readonly terraformEnv?: readonly string[]
}

/** A bad input: the message names the input and what it accepts. */
export class InputError extends UserError {
  override readonly name = 'InputError'
}

const TRUE = ['true', 'True', 'TRUE']
const FALSE = ['false', 'False', 'FALSE']
const MAX_APPROVALS = 20
const MAX_CONTEXT = 100

/** Reads and validates every input; `read` returns '' for an unset input. */
export function parseInputs(read: (name: string) => string): Settings {
  const text = (name: string): string | undefined => {
    const value = read(name).trim()
    return value === '' ? undefined : value
  }
  const token = text(INPUT.token)
  if (token === undefined)
    throw new InputError(
      `input \`${INPUT.token}\` is empty: keep its default (\${{ github.token }}) or pass a token`
    )
  return {
    plans: list(text(INPUT.plan)) ?? [],
    config: text(INPUT.config),
    token,
    requiredApprovals: count(INPUT.requiredApprovals, text(INPUT.requiredApprovals)),
    approvers: list(text(INPUT.approvers)),
    onApprovalRequired: oneOf(
      INPUT.onApprovalRequired,
      text(INPUT.onApprovalRequired),
      ON_APPROVAL_REQUIRED,
      'require-approval'
    ),
    failJobWhilePending: bool(INPUT.failJobWhilePending, text(INPUT.failJobWhilePending), false),
    comment: bool(INPUT.comment, text(INPUT.comment), true),
    statusContext: context(text(INPUT.statusContext)),
    terraformDir: text(INPUT.terraformDir),
    environment: text(INPUT.environment),
    applyBranches: branches(text(INPUT.applyBranches)),
    applyEnvironment: text(INPUT.applyEnvironment),
    requireProtections: bool(INPUT.requireProtections, text(INPUT.requireProtections), false),
    agentAccounts: list(text(INPUT.agentAccounts)),
    gateAccount: account(text(INPUT.gateAccount)),
    terraformEnv: envNames(list(text(INPUT.terraformEnv)))
  }
}

/** The approval rules: the policy file's `approvals` section, with explicit inputs on top. */
export function approvalPolicy(settings: Settings, policy: Policy['approvals']): ApprovalPolicy {
  return {
    requiredApprovals: settings.requiredApprovals ?? policy.count,
    approvers: settings.approvers ?? policy.approvers,
    excludePusher: policy.excludePusher,
    agentAuthors: [...policy.agentAccounts, ...(settings.agentAccounts ?? [])],
    ...(policy.agentIdentities === undefined ? {} : { agentIdentities: policy.agentIdentities })
  }
}

const LOGIN = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}(\[bot\])?$/

function account(value: string | undefined): string {
  if (value === undefined) return 'github-actions[bot]'
  if (!LOGIN.test(value))
    throw new InputError(
      `input \`${INPUT.gateAccount}\` must be a GitHub login such as github-actions[bot], not "${clip(value)}"`
    )
  return value
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

function envNames(names: string[] | undefined): string[] | undefined {
  for (const name of names ?? []) {
    if (!ENV_NAME.test(name))
      throw new InputError(
        `input \`${INPUT.terraformEnv}\` lists "${clip(name)}", which is not an environment variable name`
      )
  }
  return names
}

/** Items separated by newlines or commas, trimmed, empty ones dropped; undefined when none. */
function list(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined
  const items = value
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter((item) => item !== '')
  return items.length === 0 ? undefined : items
}

/** Branch names (no globs: a pattern could let a writer create a branch that matches). */
function branches(value: string | undefined): string[] {
  const items = list(value) ?? []
  for (const item of items) {
    const name = item.replace(/^refs\/heads\//, '')
    if (!/^[A-Za-z0-9._/-]+$/.test(name) || name.includes('..') || name.startsWith('/'))
      throw new InputError(
        `input \`${INPUT.applyBranches}\` lists branch names (no patterns), not "${clip(item)}"`
      )
  }
  return items.map((item) => item.replace(/^refs\/heads\//, ''))
}

function bool(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined) return fallback
  if (TRUE.includes(value)) return true
  if (FALSE.includes(value)) return false
  throw new InputError(`input \`${name}\` must be true or false, not "${clip(value)}"`)
}

function count(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const n = /^\d+$/.test(value) ? Number(value) : NaN
  if (!(n >= 1 && n <= MAX_APPROVALS))
    throw new InputError(
      `input \`${name}\` must be a whole number from 1 to ${MAX_APPROVALS}, not "${clip(value)}"`
    )
  return n
}

function oneOf<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T
): T {
  if (value === undefined) return fallback
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new InputError(
    `input \`${name}\` must be one of ${allowed.join(', ')}, not "${clip(value)}"`
  )
}

function context(value: string | undefined): string {
  if (value === undefined) return 'plan-gate'
  // eslint-disable-next-line no-control-regex -- rejecting control characters is the point
  if (value.length > MAX_CONTEXT || /[\u0000-\u001f\u007f]/.test(value))
    throw new InputError(
      `input \`${INPUT.statusContext}\` must be one line of at most ${MAX_CONTEXT} characters`
    )
  return value
}

function clip(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value
}
