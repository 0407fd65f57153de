/**
 * Webhook payloads → the few facts the gate uses. Pure. Every value that ends up in a URL is
 * checked (SHAs are hex, numbers are positive integers); event text is data, never a command.
 */
import { UserError } from '../common/errors.js'
import { isRecord } from '../common/record.js'
import type { Account } from './port.js'

/** The pull request as an event payload describes it. */
export interface PullRef {
  readonly number: number
  readonly headSha: string
  /** The head branch name. */
  readonly headRef?: string
  /** `owner/repo` of the head; null when the fork was deleted. */
  readonly headRepo: string | null
  readonly author: Account
  /** The base commit (`pull_request.base.sha`), where the policy is read. */
  readonly baseSha?: string
}

export type GateEvent =
  | {
      readonly kind: 'pull_request'
      readonly action: string
      readonly pull: PullRef
      /** Who triggered the event; on `opened`/`synchronize` the one who pushed the head. */
      readonly sender?: string
    }
  | {
      /** A review, or a PR conversation comment (how break-glass requests arrive). */
      readonly kind: 'review'
      readonly action: string
      readonly pull: { readonly number: number; readonly headSha?: string }
    }
  | {
      readonly kind: 'push'
      readonly sha: string
      readonly ref: string
      /** The commit before the push, where the policy is read; undefined for a new branch. */
      readonly before?: string
    }
  | {
      readonly kind: 'merge_group'
      readonly headSha: string
      readonly headRef: string
      readonly pullNumber: number
      /** The base of the group, where the policy is read. */
      readonly baseSha?: string
    }
  | { readonly kind: 'evaluate'; readonly name: string }

/** A payload plan-gate cannot use; the message says which field is wrong. */
export class EventError extends UserError {
  override readonly name = 'EventError'
}

/** `refs/heads/gh-readonly-queue/<base>/pr-<N>-<sha>`, with `refs/heads/` optional. */
const MERGE_QUEUE_REF =
  /^(?:refs\/heads\/)?gh-readonly-queue\/.+\/pr-([1-9]\d{0,9})-[0-9a-f]{40,64}$/

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/
const ZERO_SHA = /^0+$/

/** Reads the event; `fallbackSha` is `GITHUB_SHA`, `ref` is `GITHUB_REF`. */
export function parseEvent(
  name: string,
  payload: unknown,
  env: { readonly sha?: string; readonly ref?: string } = {}
): GateEvent {
  const root = asObject(payload, 'the event payload')
  switch (name) {
    case 'pull_request':
      return {
        kind: 'pull_request',
        action: optionalString(root['action']) ?? '',
        pull: pullRef(root['pull_request']),
        sender: optionalString(asObjectOr(root['sender'])?.['login'])
      }
    case 'pull_request_review': {
      const pull = pullRef(root['pull_request'])
      return {
        kind: 'review',
        action: optionalString(root['action']) ?? '',
        pull: { number: pull.number, headSha: pull.headSha }
      }
    }
    case 'issue_comment': {
      const issue = asObject(root['issue'], 'issue')
      if (asObjectOr(issue['pull_request']) === undefined)
        throw new EventError(
          'issue_comment on an issue, not a pull request: nothing to gate (filter the workflow with `if: github.event.issue.pull_request`)'
        )
      return {
        kind: 'review',
        action: optionalString(root['action']) ?? '',
        pull: { number: positive(issue['number'], 'issue.number') }
      }
    }
    case 'pull_request_target':
      throw new EventError(
        'pull_request_target is not supported: it runs with a write token next to untrusted PR code; trigger plan-gate on pull_request'
      )
    case 'push': {
      const sha = optionalString(root['after']) ?? env.sha ?? ''
      if (ZERO_SHA.test(sha)) throw new EventError('the push deleted the branch: nothing to gate')
      const before = optionalString(root['before'])
      return {
        kind: 'push',
        sha: checkSha(sha, 'push.after'),
        ref: optionalString(root['ref']) ?? env.ref ?? '',
        ...(before === undefined || ZERO_SHA.test(before)
          ? {}
          : { before: checkSha(before, 'push.before') })
      }
    }
    case 'merge_group': {
      const group = asObject(root['merge_group'], 'merge_group')
      const headRef = requiredString(group['head_ref'], 'merge_group.head_ref')
      const match = MERGE_QUEUE_REF.exec(headRef)
      if (match === null)
        throw new EventError(
          'merge_group.head_ref is not a merge queue branch (gh-readonly-queue/<base>/pr-<N>-<sha>)'
        )
      const baseSha = optionalString(group['base_sha'])
      return {
        kind: 'merge_group',
        headSha: checkSha(requiredString(group['head_sha'], 'merge_group.head_sha'), 'head_sha'),
        headRef,
        pullNumber: Number(match[1]),
        ...(baseSha === undefined ? {} : { baseSha: checkSha(baseSha, 'merge_group.base_sha') })
      }
    }
    default:
      return { kind: 'evaluate', name }
  }
}

/** Whether the PR's head lives outside `repository` (a fork, or a deleted fork). */
export function isFork(pull: { readonly headRepo: string | null }, repository: string): boolean {
  return pull.headRepo === null || pull.headRepo.toLowerCase() !== repository.toLowerCase()
}

function pullRef(value: unknown): PullRef {
  const pr = asObject(value, 'pull_request')
  const number = positive(pr['number'], 'pull_request.number')
  const head = asObject(pr['head'], 'pull_request.head')
  const user = asObject(pr['user'], 'pull_request.user')
  const repo = asObjectOr(head['repo'])
  const baseSha = optionalString(asObjectOr(pr['base'])?.['sha'])
  const headRef = optionalString(head['ref'])
  return {
    number,
    headSha: checkSha(requiredString(head['sha'], 'pull_request.head.sha'), 'head.sha'),
    headRepo: repo === undefined ? null : requiredString(repo['full_name'], 'head.repo.full_name'),
    author: {
      login: requiredString(user['login'], 'pull_request.user.login'),
      type: optionalString(user['type'])
    },
    ...(baseSha === undefined ? {} : { baseSha: checkSha(baseSha, 'base.sha') }),
    ...(headRef === undefined ? {} : { headRef })
  }
}

function positive(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
    throw new EventError(`${field} is not a positive integer`)
  return value
}

function checkSha(value: string, field: string): string {
  if (!SHA.test(value)) throw new EventError(`${field} is not a commit SHA`)
  return value
}

function asObject(value: unknown, what: string): Record<string, unknown> {
  const object = asObjectOr(value)
  if (object === undefined) throw new EventError(`${what} is missing from the event payload`)
  return object
}

function asObjectOr(value: unknown): Record<string, unknown> | undefined {
  return isRecord(value) ? value : undefined
}

function requiredString(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '')
    throw new EventError(`${field} is missing from the event payload`)
  return value
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}
