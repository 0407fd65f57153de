/**
 * `GitHubPort` over the REST API with `@actions/github`'s Octokit, plus the retry (5xx) and
 * throttling (429, rate limits) plugins. Every request attempt has a timeout; a refused
 * connection, a failed DNS lookup or a rejected certificate fails at once (no retries) and says
 * so. Failures become `GitHubError`s whose messages say what to grant or check; response bodies
 * are never passed on.
 */
import { getOctokit } from '@actions/github'
import { defaults as actionsDefaults } from '@actions/github/lib/utils'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import type { Permission, Review } from '../policy/approvals.js'
import {
  GitHubError,
  type Account,
  type ChangedFile,
  type CommentHistory,
  type CommitStatus,
  type GitHubErrorKind,
  type GitHubPort,
  type BranchRule,
  type EnvironmentInfo,
  type IssueComment,
  type PullCommit,
  type PullRequest,
  type Push,
  type StatusRecord
} from './port.js'

export interface OctokitOptions {
  readonly token: string
  /** `GITHUB_API_URL` (GHES: `https://host/api/v3`). */
  readonly baseUrl: string
  readonly owner: string
  readonly repo: string
  /** Base of the retry backoff in ms (plugin-retry waits retries² × this); default 1000. */
  readonly retryBaseMs?: number
  /** Warnings (rate limits hit, retries), for the job log. */
  readonly warn?: (message: string) => void
  /** Time limit of each request attempt in ms; default REQUEST_TIMEOUT_MS. */
  readonly requestTimeoutMs?: number
}

/** Each attempt of a GitHub API request gets this long before it is aborted (and retried). */
export const REQUEST_TIMEOUT_MS = 30_000

/** Connection failures that a retry would not fix: reported at once. */
const FAIL_FAST_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID'
])

type Fetch = (url: string | URL, init?: RequestInit) => Promise<Response>

/** `fetch` with a time limit per call, keeping any signal the caller passed. */
function withTimeout(inner: Fetch, ms: number): Fetch {
  return (url, init = {}) => {
    const timeout = AbortSignal.timeout(ms)
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout
    return inner(url, { ...init, signal })
  }
}

/** Marks a connection failure that retrying cannot fix; it carries no HTTP status. */
class ConnectionFailure extends Error {
  constructor(override readonly cause: unknown) {
    super('connection failure')
  }
}

/**
 * An Octokit plugin registered before plugin-retry, so that it wraps each attempt: a refused
 * connection, a DNS failure or a bad certificate leaves without an HTTP status, which
 * plugin-retry does not retry (it would wait about a minute and call it a 500).
 */
function failFast(octokit: Pick<Octokit, 'hook'>): Record<string, never> {
  octokit.hook.wrap('request', async (request, options) => {
    try {
      return await request(options)
    } catch (error) {
      const failure = networkFailure(error)
      if (failure !== undefined && FAIL_FAST_CODES.has(failure.code)) {
        throw new ConnectionFailure(error)
      }
      throw error
    }
  })
  return {}
}

/** The network-level reason under a failed request: an errno-style code, or `TIMEOUT`. */
export function networkFailure(error: unknown): { code: string } | undefined {
  let current: unknown = error
  for (let depth = 0; depth < 6 && current !== null && typeof current === 'object'; depth++) {
    const { name, code, errors } = current as { name?: unknown; code?: unknown; errors?: unknown }
    if (name === 'TimeoutError') return { code: 'TIMEOUT' }
    if (typeof code === 'string' && /^[A-Z][A-Z0-9_]+$/.test(code) && !code.startsWith('ERR_')) {
      return { code }
    }
    if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return { code }
    // Several addresses tried: undici reports an AggregateError of the attempts.
    if (Array.isArray(errors) && errors.length > 0) {
      const inner = networkFailure(errors[0])
      if (inner !== undefined) return inner
    }
    current = (current as { cause?: unknown }).cause
  }
  return undefined
}

/** Retries of a rate-limited request before giving up. */
const RATE_LIMIT_RETRIES = 3

/** What to grant when GitHub answers 403, per operation. */
const FORBIDDEN_HINTS: Readonly<Record<string, string>> = {
  'create the commit status': 'grant `statuses: write` to the workflow token (`permissions:`)',
  'create the PR comment': 'grant `pull-requests: write` to the workflow token (`permissions:`)',
  'update the PR comment': 'grant `pull-requests: write` to the workflow token (`permissions:`)',
  'read the pull request': 'grant `pull-requests: read` to the workflow token',
  'list the reviews': 'grant `pull-requests: read` to the workflow token',
  'list the PR comments': 'grant `pull-requests: read` to the workflow token',
  'read a reviewer permission': 'the token needs repository Metadata: read',
  'find the pull request of the commit':
    'grant `contents: read` and `pull-requests: read` to the workflow token',
  'read the repository': 'grant `contents: read` to the workflow token',
  'read the branch tip': 'grant `contents: read` to the workflow token',
  'list the commit statuses': 'grant `statuses: read` (or `statuses: write`) to the workflow token',
  'read the branch rules': 'grant `contents: read` to the workflow token',
  'read a repository file': 'grant `contents: read` to the workflow token',
  'list a repository directory': 'grant `contents: read` to the workflow token',
  'read the deployment environment': 'grant `actions: read` to the workflow token',
  'read the policy file at the base commit': 'grant `contents: read` to the workflow token',
  'list the files of the pull request': 'grant `pull-requests: read` to the workflow token',
  'list the commits of the pull request': 'grant `pull-requests: read` to the workflow token',
  'read who pushed the head commit': 'grant `contents: read` to the workflow token',
  'read the edit history of the gate comment': 'grant `pull-requests: read` to the workflow token',
  'read team membership':
    'a GITHUB_TOKEN cannot read org teams: pass a GitHub App token with Members: read or a PAT with read:org as `github-token`'
}

type Octokit = ReturnType<typeof getOctokit>

/** Creates the port for one repository. */
export function createOctokitPort(options: OctokitOptions): GitHubPort {
  const warn = options.warn ?? (() => undefined)
  // @actions/github's fetch goes through the runner's proxy settings; keep it, with a time limit.
  const inner = (actionsDefaults.request?.fetch as Fetch | undefined) ?? fetch
  const octokit: Octokit = getOctokit(
    options.token,
    {
      baseUrl: options.baseUrl,
      request: { fetch: withTimeout(inner, options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS) },
      throttle: {
        onRateLimit: (after: number, _o: unknown, _k: unknown, count: number) => {
          warn(`GitHub rate limit hit; retrying in ${after} s (attempt ${count + 1})`)
          return count < RATE_LIMIT_RETRIES
        },
        onSecondaryRateLimit: (after: number, _o: unknown, _k: unknown, count: number) => {
          warn(`GitHub secondary rate limit hit; retrying in ${after} s (attempt ${count + 1})`)
          return count < RATE_LIMIT_RETRIES
        }
      },
      retry: { retryAfterBaseValue: options.retryBaseMs ?? 1000 }
    },
    failFast,
    retry,
    throttling
  )
  const repo = { owner: options.owner, repo: options.repo }
  const timeoutMs = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS
  const call = <T>(operation: string, fn: () => Promise<T>): Promise<T> =>
    fn().catch((error: unknown) => {
      throw toGitHubError(operation, error, options.baseUrl, timeoutMs)
    })

  let defaultBranch: Promise<string> | undefined
  return {
    getPull: (number) =>
      call('read the pull request', async () => {
        const { data } = await octokit.rest.pulls.get({ ...repo, pull_number: number })
        return toPull(data)
      }),
    listReviews: (number) =>
      call('list the reviews', async () => {
        const data = await octokit.paginate(octokit.rest.pulls.listReviews, {
          ...repo,
          pull_number: number,
          per_page: 100
        })
        return data.map((r): Review => ({
          id: r.id,
          user: r.user ? { login: r.user.login, type: r.user.type } : null,
          state: r.state,
          commitId: r.commit_id ?? null,
          submittedAt: r.submitted_at ?? null
        }))
      }),
    listComments: (number) =>
      call('list the PR comments', async () => {
        const data = await octokit.paginate(octokit.rest.issues.listComments, {
          ...repo,
          issue_number: number,
          per_page: 100
        })
        return data.map((c): IssueComment => ({
          id: c.id,
          user: c.user ? { login: c.user.login, type: c.user.type } : null,
          body: c.body ?? '',
          createdAt: c.created_at,
          updatedAt: c.updated_at,
          nodeId: c.node_id,
          app: c.performed_via_github_app?.slug ?? null
        }))
      }),
    createComment: (number, body) =>
      call('create the PR comment', async () => {
        const { data } = await octokit.rest.issues.createComment({
          ...repo,
          issue_number: number,
          body
        })
        return data.id
      }),
    updateComment: (id, body) =>
      call('update the PR comment', async () => {
        await octokit.rest.issues.updateComment({ ...repo, comment_id: id, body })
      }),
    createStatus: (sha: string, status: CommitStatus) =>
      call('create the commit status', async () => {
        await octokit.rest.repos.createCommitStatus({
          ...repo,
          sha,
          state: status.state,
          context: status.context,
          description: status.description,
          ...(status.targetUrl === undefined ? {} : { target_url: status.targetUrl })
        })
      }),
    getPermission: (login) =>
      call('read a reviewer permission', async () => {
        try {
          const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({
            ...repo,
            username: login
          })
          return toPermission(data.permission)
        } catch (error) {
          // A deleted or renamed account: unknown, which never counts.
          if (statusOf(error) === 404) return undefined
          throw error
        }
      }),
    listPullsForCommit: (sha) =>
      call('find the pull request of the commit', async () => {
        const data = await octokit.paginate(
          octokit.rest.repos.listPullRequestsAssociatedWithCommit,
          { ...repo, commit_sha: sha, per_page: 100 }
        )
        return data.map(toPull)
      }),
    isTeamMember: (org, team, login) =>
      call('read team membership', async () => {
        try {
          const { data } = await octokit.rest.teams.getMembershipForUserInOrg({
            org,
            team_slug: team,
            username: login
          })
          return data.state === 'active'
        } catch (error) {
          if (statusOf(error) === 404) return false
          throw error
        }
      }),
    // Read once per run: the setup check and the apply binding both need it.
    getDefaultBranch: () =>
      (defaultBranch ??= call('read the repository', async () => {
        const { data } = await octokit.rest.repos.get(repo)
        return data.default_branch
      }).catch((error: unknown) => {
        defaultBranch = undefined
        throw error
      })),
    getBranchTip: (branch) =>
      call('read the branch tip', async () => {
        const { data } = await octokit.rest.git.getRef({ ...repo, ref: `heads/${branch}` })
        return data.object.sha
      }),
    listStatuses: (sha) =>
      call('list the commit statuses', async () => {
        const data = await octokit.paginate(octokit.rest.repos.listCommitStatusesForRef, {
          ...repo,
          ref: sha,
          per_page: 100
        })
        return data.map((s): StatusRecord => ({
          id: s.id,
          state: s.state,
          context: s.context,
          description: s.description,
          createdAt: s.created_at
        }))
      }),
    getBranchRules: (branch) =>
      call('read the branch rules', async () => {
        const data = await octokit.paginate(octokit.rest.repos.getBranchRules, {
          ...repo,
          branch,
          per_page: 100
        })
        return data.map((r): BranchRule => {
          const rule = r as {
            type: string
            parameters?: Record<string, unknown>
            ruleset_source_type?: string
            ruleset_source?: string
          }
          return {
            type: rule.type,
            ...(rule.parameters === undefined ? {} : { parameters: rule.parameters }),
            ...(rule.ruleset_source_type === undefined
              ? {}
              : { sourceType: rule.ruleset_source_type }),
            ...(rule.ruleset_source === undefined ? {} : { source: rule.ruleset_source })
          }
        })
      }),
    readFile: (path, ref) =>
      call('read a repository file', async () => {
        try {
          const { data } = await octokit.rest.repos.getContent({
            ...repo,
            path,
            ...(ref === undefined ? {} : { ref })
          })
          if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) return undefined
          return Buffer.from(data.content, 'base64').toString('utf8')
        } catch (error) {
          if (statusOf(error) === 404) return undefined
          throw error
        }
      }),
    listDirectory: (path, ref) =>
      call('list a repository directory', async () => {
        try {
          const { data } = await octokit.rest.repos.getContent({
            ...repo,
            path,
            ...(ref === undefined ? {} : { ref })
          })
          return Array.isArray(data)
            ? data.filter((e) => e.type === 'file').map((e) => e.name)
            : undefined
        } catch (error) {
          if (statusOf(error) === 404) return undefined
          throw error
        }
      }),
    getEnvironment: (name) =>
      call('read the deployment environment', async () => {
        try {
          const { data } = await octokit.rest.repos.getEnvironment({
            ...repo,
            environment_name: name
          })
          const policy = data.deployment_branch_policy ?? null
          return {
            name: data.name,
            rules: (data.protection_rules ?? []).map((r) => {
              const rule = r as {
                type: string
                prevent_self_review?: boolean
                reviewers?: unknown[]
              }
              return {
                type: rule.type,
                ...(rule.prevent_self_review === undefined
                  ? {}
                  : { preventSelfReview: rule.prevent_self_review }),
                ...(rule.reviewers === undefined ? {} : { reviewers: rule.reviewers.length })
              }
            }),
            branchPolicy:
              policy === null
                ? null
                : {
                    protectedBranches: policy.protected_branches,
                    custom: policy.custom_branch_policies
                  }
          } satisfies EnvironmentInfo
        } catch (error) {
          if (statusOf(error) === 404) return undefined
          throw error
        }
      }),
    getFileText: (path, ref) =>
      call('read the policy file at the base commit', async () => {
        let data: unknown
        try {
          ;({ data } = await octokit.rest.repos.getContent({ ...repo, path, ref }))
        } catch (error) {
          // No file at that path in that commit: the caller decides what absence means.
          if (statusOf(error) === 404) return undefined
          throw error
        }
        const file = data as { type?: string; encoding?: string; content?: string }
        if (Array.isArray(data) || file.type !== 'file')
          throw new GitHubError(
            'invalid',
            'read the policy file at the base commit',
            `${path} at ${ref.slice(0, 7)} is not a file`
          )
        if (file.encoding !== 'base64' || typeof file.content !== 'string')
          throw new GitHubError(
            'invalid',
            'read the policy file at the base commit',
            `${path} at ${ref.slice(0, 7)} is too large for the contents API (1 MB)`
          )
        return Buffer.from(file.content, 'base64').toString('utf8')
      }),
    listPullFiles: (number) =>
      call('list the files of the pull request', async () => {
        const data = await octokit.paginate(octokit.rest.pulls.listFiles, {
          ...repo,
          pull_number: number,
          per_page: 100
        })
        return data.map((f): ChangedFile => ({
          filename: f.filename,
          status: f.status,
          sha: f.sha ?? '',
          ...(f.previous_filename === undefined ? {} : { previousFilename: f.previous_filename })
        }))
      }),
    listPullCommits: (number) =>
      call('list the commits of the pull request', async () => {
        const data = await octokit.paginate(octokit.rest.pulls.listCommits, {
          ...repo,
          pull_number: number,
          per_page: 100
        })
        return data.map((c): PullCommit => ({
          sha: c.sha,
          author: account(c.author),
          committer: account(c.committer),
          authorName: c.commit.author?.name,
          authorEmail: c.commit.author?.email,
          committerName: c.commit.committer?.name,
          committerEmail: c.commit.committer?.email,
          message: c.commit.message
        }))
      }),
    listPushes: (ref) =>
      call('read who pushed the head commit', async () => {
        const { data } = await octokit.rest.repos.listActivities({
          ...repo,
          ref,
          per_page: 100
        })
        return data.map((a): Push => ({
          before: a.before,
          after: a.after,
          actor: account(a.actor),
          at: a.timestamp,
          type: a.activity_type
        }))
      }),
    getCommentHistory: (nodeId) =>
      call('read the edit history of the gate comment', async () => {
        const data = await octokit.graphql<{ node: RawHistory | null }>(COMMENT_HISTORY, {
          id: nodeId
        })
        const node = data.node
        if (node === null || node.__typename !== 'IssueComment')
          throw new GitHubError(
            'not-found',
            'read the edit history of the gate comment',
            'could not read the edit history of the gate comment: GitHub does not know it'
          )
        const edits = node.userContentEdits
        const editors = [node.editor, ...(edits?.nodes ?? []).map((n) => n?.editor ?? null)]
        return {
          author: graphAccount(node.author),
          body: node.body,
          editors: editors.flatMap((e) => {
            const a = graphAccount(e)
            return a === null ? [] : [a]
          }),
          edits: edits?.totalCount ?? 0,
          listedEdits: edits?.nodes?.length ?? 0
        } satisfies CommentHistory
      })
  }
}

/** The author, the last editor and up to 100 recorded edits of one comment. */
const COMMENT_HISTORY = `query($id: ID!) {
  node(id: $id) {
    __typename
    ... on IssueComment {
      author { __typename login }
      editor { __typename login }
      body
      userContentEdits(first: 100) { totalCount nodes { editor { __typename login } } }
    }
  }
}`

interface RawActor {
  __typename: string
  login: string
}

interface RawHistory {
  __typename: string
  author?: RawActor | null
  editor?: RawActor | null
  body: string
  userContentEdits?: {
    totalCount: number
    nodes: ({ editor: RawActor | null } | null)[] | null
  } | null
}

/** GraphQL names a bot `github-actions` where REST says `github-actions[bot]`. */
function graphAccount(actor: RawActor | null | undefined): Account | null {
  if (actor === null || actor === undefined) return null
  const bot = actor.__typename === 'Bot'
  const login = bot && !actor.login.endsWith('[bot]') ? `${actor.login}[bot]` : actor.login
  return { login, type: bot ? 'Bot' : actor.__typename }
}

function account(user: { login?: string; type?: string } | null | undefined): Account | null {
  return typeof user?.login === 'string' ? { login: user.login, type: user.type } : null
}

interface RawPull {
  number: number
  state: string
  user: { login: string; type?: string } | null
  head: { sha: string; ref: string; repo: { full_name: string } | null }
  base: { ref: string; sha: string }
  changed_files?: number
  merged_at: string | null
  merge_commit_sha: string | null
}

function toPull(data: RawPull): PullRequest {
  return {
    number: data.number,
    state: data.state,
    author: data.user ? { login: data.user.login, type: data.user.type } : { login: 'ghost' },
    headSha: data.head.sha,
    headRef: data.head.ref,
    headRepo: data.head.repo?.full_name ?? null,
    baseRef: data.base.ref,
    baseSha: data.base.sha,
    ...(data.changed_files === undefined ? {} : { changedFiles: data.changed_files }),
    mergedAt: data.merged_at,
    mergeCommitSha: data.merge_commit_sha
  }
}

const PERMISSIONS: readonly Permission[] = ['admin', 'maintain', 'write', 'triage', 'read', 'none']

function toPermission(value: string): Permission | undefined {
  return (PERMISSIONS as readonly string[]).includes(value) ? (value as Permission) : undefined
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status
  return typeof status === 'number' ? status : undefined
}

/** Maps an Octokit failure to a `GitHubError` with an actionable message and no body text. */
export function toGitHubError(
  operation: string,
  error: unknown,
  baseUrl: string,
  timeoutMs = REQUEST_TIMEOUT_MS
): GitHubError {
  if (error instanceof GitHubError) return error
  const network = networkFailure(error)
  if (network !== undefined)
    return new GitHubError(
      'network',
      operation,
      `could not ${operation}: ${describeNetworkFailure(network.code, baseUrl, timeoutMs)}`
    )
  const status = statusOf(error)
  if (status === undefined && (error as { name?: unknown } | null)?.name === 'GraphqlResponseError')
    return new GitHubError(
      'invalid',
      operation,
      `could not ${operation}: GitHub's GraphQL API answered with errors`
    )
  const requestId = (error as { response?: { headers?: Record<string, string> } } | null)?.response
    ?.headers?.['x-github-request-id']
  const id = requestId === undefined ? '' : ` (request id ${requestId})`
  const fail = (kind: GitHubErrorKind, text: string) =>
    new GitHubError(kind, operation, `could not ${operation}: ${text}${id}`, status)
  if (status === undefined)
    return fail('network', `GitHub's API at ${baseUrl} could not be reached`)
  if (status === 401)
    return fail('unauthorized', 'GitHub answered 401: the token is invalid or expired')
  if (status === 403)
    return fail(
      'forbidden',
      `GitHub answered 403: ${FORBIDDEN_HINTS[operation] ?? 'the token lacks a permission'}`
    )
  if (status === 404)
    return fail(
      'not-found',
      'GitHub answered 404: check the repository and pull request, and that the token can read them'
    )
  if (status === 422) return fail('invalid', 'GitHub answered 422 (validation failed)')
  if (status === 429) return fail('rate-limited', 'GitHub rate limit still exceeded after retries')
  if (status >= 500)
    return fail('unavailable', `GitHub answered ${status} after retries; re-run the job later`)
  return fail('invalid', `GitHub answered ${status}`)
}

/** What went wrong below HTTP, in words; the host only, never a path or a query. */
function describeNetworkFailure(code: string, baseUrl: string, timeoutMs: number): string {
  let host = baseUrl
  try {
    host = new URL(baseUrl).host
  } catch {
    // not a URL: name it as given
  }
  const check = "check GITHUB_API_URL and the runner's network"
  switch (code) {
    case 'TIMEOUT':
      return `${host} did not answer within ${Math.round(timeoutMs / 100) / 10} s, also when retried; re-run the job later`
    case 'ECONNREFUSED':
      return `the connection to ${host} was refused (ECONNREFUSED); ${check}`
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `the DNS lookup of ${host} failed (${code}); ${check}`
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${host} is unreachable (${code}); ${check}`
    case 'UND_ERR_CONNECT_TIMEOUT':
      return `connecting to ${host} timed out (${code}), also when retried; ${check}`
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
      return `the connection to ${host} was cut (${code}), also when retried; re-run the job later`
    default:
      if (FAIL_FAST_CODES.has(code) || code.includes('CERT'))
        return `the TLS certificate of ${host} was not accepted (${code}); check the runner's CA certificates (NODE_EXTRA_CA_CERTS)`
      return `GitHub's API at ${baseUrl} could not be reached (${code})`
  }
}
