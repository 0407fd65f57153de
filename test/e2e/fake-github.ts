// A stateful stand-in for the GitHub REST API on 127.0.0.1, for end-to-end tests that run the
// bundled action with GITHUB_API_URL pointing here. It serves only the operations in the vendored
// OpenAPI subset, and it checks both directions against that subset: a request the real API would
// reject, or a response shape GitHub would never send, lands in `violations` so tests can assert
// the conversation stayed within the contract.
// The server runs on the test process's event loop: start the action with async `spawn` or
// `execFile`, never `spawnSync`, or the action's first request waits forever.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createGraphQL, type GraphQLApi } from './graphql.js'
import { createValidator, type MatchedOperation, type Validator } from './openapi.js'

/** A GitHub account as the fixtures describe it. */
export interface FakeUser {
  login: string
  type: 'User' | 'Bot' | 'Organization'
}

/** Repository roles; the API's legacy `permission` maps maintain to write and triage to read. */
export type Role = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none'

/** A pull request (only the fields plan-gate reads; the rest is synthesised). */
export interface FakePull {
  number: number
  state: 'open' | 'closed'
  title: string
  body?: string | null
  user: FakeUser
  head: { sha: string; ref: string; repo: { full_name: string; fork: boolean } }
  base: { ref: string; sha: string; repo: { full_name: string } }
  merged_at: string | null
  merge_commit_sha: string | null
  draft?: boolean
}

/** A review; REST states are upper-case. `submitted_at` is absent on PENDING drafts. */
export interface FakeReview {
  id: number
  user: FakeUser | null
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING'
  commit_id: string
  submitted_at?: string
  body?: string
}

/** An issue or pull-request conversation comment. */
export interface FakeComment {
  id: number
  user: FakeUser
  body: string
  created_at: string
  updated_at: string
  /** The GitHub App the comment was written through (`performed_via_github_app`). */
  app?: string | null
  /** Every edit after creation, oldest first (GraphQL `userContentEdits`, `editor`). */
  edits?: { editor: FakeUser; at: string }[]
}

/** A file a pull request changes. */
export interface FakeFile {
  filename: string
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged'
  sha?: string
  previous_filename?: string
}

/** A commit of a pull request; `author`/`committer` are null when the e-mail is not linked. */
export interface FakeCommit {
  sha: string
  author: FakeUser | null
  committer: FakeUser | null
  authorName?: string
  authorEmail?: string
  message: string
}

/** A repository activity (push, force push, branch creation …). */
export interface FakeActivity {
  before: string
  after: string
  ref: string
  actor: FakeUser | null
  activity_type: 'push' | 'force_push' | 'branch_creation' | 'branch_deletion' | 'pr_merge'
  timestamp: string
}

/** A commit status; `id` is assigned by the fake when it is created through the API. */
export interface FakeStatus {
  id?: number
  state: 'error' | 'failure' | 'pending' | 'success'
  context: string
  description: string | null
  target_url?: string | null
  created_at: string
}

/** A rule of a ruleset that applies to a branch, as `rules/branches/{branch}` lists it. */
export interface FakeRule {
  type: string
  parameters?: Record<string, unknown>
}

/** A deployment environment's protection. */
export interface FakeEnvironment {
  /** Required reviewers (logins) and whether they may approve their own runs. */
  reviewers?: string[]
  preventSelfReview?: boolean
  /** `protected`: protected branches only; `custom`: named branches; absent: any branch. */
  branches?: 'protected' | 'custom'
}

/** Everything the fake knows; tests may read and mutate it between requests. */
export interface FakeState {
  owner: string
  repo: string
  defaultBranch: string
  pulls: Record<number, FakePull>
  reviews: Record<number, FakeReview[]>
  comments: Record<number, FakeComment[]>
  statuses: Record<string, FakeStatus[]>
  permissions: Record<string, Role>
  /** `emptyTimes`: the first N lookups return [], as GitHub's commit→PR index lags a merge. */
  commitPulls: Record<string, { numbers: number[]; emptyTimes?: number }>
  /** Branch → tip commit (`git/ref/heads/{branch}`); a branch not listed answers 404. */
  branches?: Record<string, string>
  /** Rules applying to the default branch (other branches have none). */
  rules?: FakeRule[]
  /** Files on the default branch by path (`contents/{path}`). */
  files?: Record<string, string>
  environments?: Record<string, FakeEnvironment>
  /** Members by `org/team_slug`. */
  teams?: Record<string, string[]>
  /** A GITHUB_TOKEN cannot read org membership, hence false by default. */
  tokenCanReadOrg?: boolean
  /** Fork PRs get a read-only token: every write answers 403. */
  readOnlyToken?: boolean
  /** Clock for timestamps the fake writes (epoch ms); each write advances it by one second. */
  now?: number
  /** File texts by commit (SHA or branch) and path, for the contents API. */
  contents?: Record<string, Record<string, string>>
  /** Files each PR changes (the pull request files API). */
  pullFiles?: Record<number, FakeFile[]>
  /** Commits of each PR. */
  pullCommits?: Record<number, FakeCommit[]>
  /** Repository activities, oldest first (the API lists them newest first). */
  activities?: FakeActivity[]
}

/** The state after defaults are filled in. */
export type LiveState = FakeState &
  Required<
    Pick<
      FakeState,
      | 'teams'
      | 'tokenCanReadOrg'
      | 'readOnlyToken'
      | 'now'
      | 'branches'
      | 'rules'
      | 'files'
      | 'environments'
      | 'contents'
      | 'pullFiles'
      | 'pullCommits'
      | 'activities'
    >
  >

/** An injected failure: the next `times` matching requests get `status`. */
export interface Fault {
  method?: string
  path?: RegExp
  status: 403 | 404 | 422 | 429 | 500 | 502
  times: number
  headers?: Record<string, string>
  message?: string
}

/** One request as the fake saw it, with the status it answered. */
export interface RecordedRequest {
  method: string
  path: string
  query: Record<string, string>
  body: unknown
  status: number
  /** The raw `authorization` header. */
  auth: string | undefined
  operationId: string | undefined
}

/** A running fake; `close()` it in `afterAll`/`finally`. */
export interface FakeGitHub {
  url: string
  state: LiveState
  requests: RecordedRequest[]
  faults: Fault[]
  /** Contract breaches: requests GitHub would reject and responses that fail the schema. */
  violations: string[]
  close(): Promise<void>
}

/** The account a GITHUB_TOKEN writes as. */
export const ACTIONS_BOT: FakeUser = { login: 'github-actions[bot]', type: 'Bot' }

/** GitHub's limits the schema does not express (docs/github.md §3). */
export const LIMITS = { commentBody: 65536, statusDescription: 140 }

const DOCS = 'https://docs.github.com/rest'
const WEB = 'https://github.com'
const START = Date.UTC(2026, 10, 21, 12, 0, 0)
const DEFAULT_MESSAGES: Record<Fault['status'], string> = {
  403: 'Resource not accessible by integration',
  404: 'Not Found',
  422: 'Validation Failed',
  // A primary-limit message on purpose: octokit's throttling reads a "secondary rate" message's
  // retry-after, and `Number('0') || fallback` turns 0 into the 60 s fallback.
  429: 'API rate limit exceeded for installation ID 1.',
  500: 'Internal Server Error',
  502: 'Server Error'
}
const ROLE_TO_PERMISSION: Record<Role, string> = {
  admin: 'admin',
  maintain: 'write',
  write: 'write',
  triage: 'read',
  read: 'read',
  none: 'none'
}
// Real ids where they are well known; everyone else gets a stable hash of the login.
const KNOWN_IDS: Record<string, number> = { 'github-actions[bot]': 41898282 }

interface Reply {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: Record<string, unknown>[]
  ) {
    super(message)
  }
}

function userId(login: string): number {
  const known = KNOWN_IDS[login]
  if (known !== undefined) return known
  let h = 0x811c9dc5
  for (const ch of login) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0
  return (h % 90_000_000) + 1_000_000
}

function userType(login: string): FakeUser['type'] {
  return login.endsWith('[bot]') ? 'Bot' : 'User'
}

/** A stable 40-hex stand-in for a git object id. */
function blobSha(text: string): string {
  let out = ''
  let h = 0x811c9dc5
  for (let round = 0; out.length < 40; round++) {
    for (const ch of `${round}:${text}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0
    out += h.toString(16).padStart(8, '0')
  }
  return out.slice(0, 40)
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

function errorBody(status: number, message: string, errors?: Record<string, unknown>[]) {
  return { message, ...(errors ? { errors } : {}), documentation_url: DOCS, status: String(status) }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

// One per process: compiling GitHub's big repository and pull-request schemas costs more than a
// test, and the validator holds no per-server state.
let sharedValidator: Validator | undefined
let sharedGraphQL: GraphQLApi | undefined

/** Starts the fake on 127.0.0.1 with a random port; `initial` is copied, not shared. */
export async function startFakeGitHub(initial: FakeState): Promise<FakeGitHub> {
  const validator = (sharedValidator ??= createValidator())
  const graphql = (sharedGraphQL ??= createGraphQL())
  const copy = structuredClone(initial)
  const state: LiveState = {
    ...copy,
    teams: copy.teams ?? {},
    tokenCanReadOrg: copy.tokenCanReadOrg ?? false,
    readOnlyToken: copy.readOnlyToken ?? false,
    now: copy.now ?? START,
    branches: copy.branches ?? {},
    rules: copy.rules ?? [],
    files: copy.files ?? {},
    environments: copy.environments ?? {},
    contents: copy.contents ?? {},
    pullFiles: copy.pullFiles ?? {},
    pullCommits: copy.pullCommits ?? {},
    activities: copy.activities ?? []
  }
  const requests: RecordedRequest[] = []
  const faults: Fault[] = []
  const violations: string[] = []
  let api = ''
  let requestCount = 0

  const tick = (): string => {
    const at = iso(state.now)
    state.now += 1000
    return at
  }
  const fullName = () => `${state.owner}/${state.repo}`
  const repoApi = (full = fullName()) => `${api}/repos/${full}`

  // ---- Response shapes (field sets follow the subset's `required` lists) ----

  const simpleUser = (login: string, type: FakeUser['type'] = userType(login)) => {
    const id = userId(login)
    const u = `${api}/users/${encodeURIComponent(login)}`
    return {
      login,
      id,
      node_id: `U_${id}`,
      avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
      gravatar_id: '',
      url: u,
      html_url: type === 'Bot' ? `${WEB}/apps/${login.replace(/\[bot\]$/, '')}` : `${WEB}/${login}`,
      followers_url: `${u}/followers`,
      following_url: `${u}/following{/other_user}`,
      gists_url: `${u}/gists{/gist_id}`,
      starred_url: `${u}/starred{/owner}{/repo}`,
      subscriptions_url: `${u}/subscriptions`,
      organizations_url: `${u}/orgs`,
      repos_url: `${u}/repos`,
      events_url: `${u}/events{/privacy}`,
      received_events_url: `${u}/received_events`,
      type,
      user_view_type: 'public',
      site_admin: false
    }
  }

  // Logins are case-insensitive on GitHub, so fixtures need not match the event's spelling.
  const roleOf = (login: string): Role =>
    Object.entries(state.permissions).find(([k]) => k.toLowerCase() === login.toLowerCase())?.[1] ??
    'none'

  const association = (login: string) => {
    if (login.toLowerCase() === state.owner.toLowerCase()) return 'OWNER'
    return roleOf(login) === 'none' ? 'NONE' : 'COLLABORATOR'
  }

  const REPO_URL_SUFFIXES: Record<string, string> = {
    archive_url: '/{archive_format}{/ref}',
    assignees_url: '/assignees{/user}',
    blobs_url: '/git/blobs{/sha}',
    branches_url: '/branches{/branch}',
    collaborators_url: '/collaborators{/collaborator}',
    comments_url: '/comments{/number}',
    commits_url: '/commits{/sha}',
    compare_url: '/compare/{base}...{head}',
    contents_url: '/contents/{+path}',
    contributors_url: '/contributors',
    deployments_url: '/deployments',
    downloads_url: '/downloads',
    events_url: '/events',
    forks_url: '/forks',
    git_commits_url: '/git/commits{/sha}',
    git_refs_url: '/git/refs{/sha}',
    git_tags_url: '/git/tags{/sha}',
    hooks_url: '/hooks',
    issue_comment_url: '/issues/comments{/number}',
    issue_events_url: '/issues/events{/number}',
    issues_url: '/issues{/number}',
    keys_url: '/keys{/key_id}',
    labels_url: '/labels{/name}',
    languages_url: '/languages',
    merges_url: '/merges',
    milestones_url: '/milestones{/number}',
    notifications_url: '/notifications{?since,all,participating}',
    pulls_url: '/pulls{/number}',
    releases_url: '/releases{/id}',
    stargazers_url: '/stargazers',
    statuses_url: '/statuses/{sha}',
    subscribers_url: '/subscribers',
    subscription_url: '/subscription',
    tags_url: '/tags',
    teams_url: '/teams',
    trees_url: '/git/trees{/sha}'
  }

  const repository = (full: string, fork: boolean) => {
    const [ownerLogin = full, name = full] = full.split('/')
    const isHome = full.toLowerCase() === fullName().toLowerCase()
    const id = userId(`repo:${full}`)
    const urls = Object.fromEntries(
      Object.entries(REPO_URL_SUFFIXES).map(([k, suffix]) => [k, `${repoApi(full)}${suffix}`])
    )
    const created = iso(START - 86_400_000 * 30)
    return {
      id,
      node_id: `R_${id}`,
      name,
      full_name: full,
      owner: simpleUser(ownerLogin, isHome ? 'Organization' : userType(ownerLogin)),
      private: false,
      html_url: `${WEB}/${full}`,
      description: null,
      fork,
      url: repoApi(full),
      ...urls,
      git_url: `git://github.com/${full}.git`,
      ssh_url: `git@github.com:${full}.git`,
      clone_url: `${WEB}/${full}.git`,
      svn_url: `${WEB}/${full}`,
      mirror_url: null,
      homepage: null,
      language: 'HCL',
      forks_count: 0,
      forks: 0,
      stargazers_count: 0,
      watchers_count: 0,
      watchers: 0,
      size: 0,
      default_branch: isHome ? state.defaultBranch : 'main',
      open_issues_count: 0,
      open_issues: 0,
      is_template: false,
      topics: [],
      has_issues: true,
      has_projects: true,
      has_wiki: true,
      has_pages: false,
      has_downloads: true,
      has_discussions: false,
      archived: false,
      disabled: false,
      visibility: 'public',
      pushed_at: created,
      created_at: created,
      updated_at: created,
      license: null,
      allow_forking: true,
      web_commit_signoff_required: false
    }
  }

  const fullRepository = () => ({
    ...repository(fullName(), false),
    network_count: 0,
    subscribers_count: 0
  })

  const pullRequest = (p: FakePull, full: boolean) => {
    const n = p.number
    const self = `${repoApi()}/pulls/${n}`
    const issue = `${repoApi()}/issues/${n}`
    const html = `${WEB}/${fullName()}/pull/${n}`
    const headOwner = p.head.repo.full_name.split('/')[0] ?? state.owner
    const created = iso(START - 86_400_000)
    const simple = {
      url: self,
      id: userId(`pull:${n}`),
      node_id: `PR_${n}`,
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      issue_url: issue,
      commits_url: `${self}/commits`,
      review_comments_url: `${self}/comments`,
      review_comment_url: `${repoApi()}/pulls/comments{/number}`,
      comments_url: `${issue}/comments`,
      statuses_url: `${repoApi()}/statuses/${p.head.sha}`,
      number: n,
      state: p.state,
      locked: false,
      title: p.title,
      user: simpleUser(p.user.login, p.user.type),
      body: p.body ?? null,
      labels: [],
      milestone: null,
      active_lock_reason: null,
      created_at: created,
      updated_at: p.merged_at ?? created,
      closed_at: p.state === 'closed' ? (p.merged_at ?? created) : null,
      merged_at: p.merged_at,
      merge_commit_sha: p.merge_commit_sha,
      assignee: null,
      assignees: [],
      requested_reviewers: [],
      requested_teams: [],
      head: {
        label: `${headOwner}:${p.head.ref}`,
        ref: p.head.ref,
        sha: p.head.sha,
        repo: repository(p.head.repo.full_name, p.head.repo.fork),
        user: simpleUser(headOwner)
      },
      base: {
        label: `${state.owner}:${p.base.ref}`,
        ref: p.base.ref,
        sha: p.base.sha,
        repo: repository(p.base.repo.full_name, false),
        user: simpleUser(state.owner, 'Organization')
      },
      _links: {
        self: { href: self },
        html: { href: html },
        issue: { href: issue },
        comments: { href: `${issue}/comments` },
        review_comments: { href: `${self}/comments` },
        review_comment: { href: `${repoApi()}/pulls/comments{/number}` },
        commits: { href: `${self}/commits` },
        statuses: { href: `${repoApi()}/statuses/${p.head.sha}` }
      },
      author_association: association(p.user.login),
      auto_merge: null,
      draft: p.draft ?? false
    }
    if (!full) return simple
    return {
      ...simple,
      merged: p.merged_at !== null,
      mergeable: p.state === 'open' ? true : null,
      rebaseable: p.state === 'open' ? true : null,
      mergeable_state: p.state === 'open' ? 'clean' : 'unknown',
      merged_by: null,
      comments: state.comments[n]?.length ?? 0,
      review_comments: 0,
      maintainer_can_modify: false,
      commits: Math.max(1, state.pullCommits[n]?.length ?? 1),
      additions: 0,
      deletions: 0,
      changed_files: state.pullFiles[n]?.length ?? 0
    }
  }

  const review = (n: number, r: FakeReview) => {
    const html = `${WEB}/${fullName()}/pull/${n}#pullrequestreview-${r.id}`
    const pr = `${repoApi()}/pulls/${n}`
    return {
      id: r.id,
      node_id: `PRR_${r.id}`,
      user: r.user ? simpleUser(r.user.login, r.user.type) : null,
      body: r.body ?? '',
      state: r.state,
      html_url: html,
      pull_request_url: pr,
      _links: { html: { href: html }, pull_request: { href: pr } },
      ...(r.submitted_at === undefined ? {} : { submitted_at: r.submitted_at }),
      commit_id: r.commit_id,
      author_association: r.user ? association(r.user.login) : 'NONE'
    }
  }

  const comment = (n: number, c: FakeComment) => {
    const url = `${repoApi()}/issues/comments/${c.id}`
    const kind = state.pulls[n] ? 'pull' : 'issues'
    return {
      id: c.id,
      node_id: `IC_${c.id}`,
      url,
      html_url: `${WEB}/${fullName()}/${kind}/${n}#issuecomment-${c.id}`,
      body: c.body,
      user: simpleUser(c.user.login, c.user.type),
      created_at: c.created_at,
      updated_at: c.updated_at,
      issue_url: `${repoApi()}/issues/${n}`,
      author_association: c.user.type === 'Bot' ? 'NONE' : association(c.user.login),
      performed_via_github_app: c.app ? app(c.app) : null,
      reactions: {
        url: `${url}/reactions`,
        total_count: 0,
        '+1': 0,
        '-1': 0,
        laugh: 0,
        confused: 0,
        heart: 0,
        hooray: 0,
        eyes: 0,
        rocket: 0
      }
    }
  }

  // The GitHub Actions app writes GITHUB_TOKEN comments; id 15368 is its real id.
  const app = (slug: string) => ({
    id: slug === 'github-actions' ? 15368 : userId(`app:${slug}`),
    slug,
    node_id: `A_${slug}`,
    owner: simpleUser('github', 'Organization'),
    name: slug === 'github-actions' ? 'GitHub Actions' : slug,
    description: null,
    external_url: `${WEB}/apps/${slug}`,
    html_url: `${WEB}/apps/${slug}`,
    created_at: iso(START - 86_400_000 * 3650),
    updated_at: iso(START - 86_400_000 * 30),
    permissions: { issues: 'write', metadata: 'read', pull_requests: 'write' },
    events: []
  })

  const fileEntry = (n: number, f: FakeFile) => {
    const sha = f.sha ?? blobSha(`${n}:${f.filename}:${f.status}`)
    const raw = `${WEB}/${fullName()}/raw/${sha}/${f.filename}`
    return {
      sha,
      filename: f.filename,
      status: f.status,
      additions: 1,
      deletions: 0,
      changes: 1,
      blob_url: `${WEB}/${fullName()}/blob/${sha}/${f.filename}`,
      raw_url: raw,
      contents_url: `${repoApi()}/contents/${f.filename}?ref=${sha}`,
      ...(f.previous_filename === undefined ? {} : { previous_filename: f.previous_filename })
    }
  }

  const gitUser = (name: string, email: string, at: string) => ({ name, email, date: at })

  const commitEntry = (c: FakeCommit) => {
    const url = `${repoApi()}/commits/${c.sha}`
    const at = iso(START - 3_600_000)
    const authorName = c.authorName ?? c.author?.login ?? 'someone'
    const authorEmail = c.authorEmail ?? `${authorName}@users.noreply.github.com`
    const committerName = c.committer?.login ?? 'GitHub'
    return {
      url,
      sha: c.sha,
      node_id: `C_${c.sha.slice(0, 12)}`,
      html_url: `${WEB}/${fullName()}/commit/${c.sha}`,
      comments_url: `${url}/comments`,
      commit: {
        url: `${repoApi()}/git/commits/${c.sha}`,
        author: gitUser(authorName, authorEmail, at),
        committer: gitUser(committerName, `${committerName}@users.noreply.github.com`, at),
        message: c.message,
        comment_count: 0,
        tree: { sha: blobSha(`tree:${c.sha}`), url: `${repoApi()}/git/trees/${c.sha}` }
      },
      author: c.author ? simpleUser(c.author.login, c.author.type) : null,
      committer: c.committer ? simpleUser(c.committer.login, c.committer.type) : null,
      parents: []
    }
  }

  const contentFile = (path: string, text: string, ref: string) => {
    const sha = blobSha(text)
    const name = path.split('/').pop() ?? path
    const self = `${repoApi()}/contents/${path}?ref=${ref}`
    const html = `${WEB}/${fullName()}/blob/${ref}/${path}`
    const git = `${repoApi()}/git/blobs/${sha}`
    return {
      type: 'file',
      encoding: 'base64',
      size: Buffer.byteLength(text),
      name,
      path,
      // GitHub wraps the base64 text at 60 characters.
      content: (
        Buffer.from(text)
          .toString('base64')
          .match(/.{1,60}/g) ?? []
      ).join('\n'),
      sha,
      url: self,
      git_url: git,
      html_url: html,
      download_url: `https://raw.githubusercontent.com/${fullName()}/${ref}/${path}`,
      _links: { self, git, html }
    }
  }

  const status = (sha: string, s: FakeStatus) => ({
    url: `${repoApi()}/statuses/${sha}`,
    // The GitHub Actions app (id 15368) is the creator of GITHUB_TOKEN statuses.
    avatar_url: 'https://avatars.githubusercontent.com/in/15368?v=4',
    id: s.id ?? 0,
    node_id: `SC_${s.id ?? 0}`,
    state: s.state,
    description: s.description,
    target_url: s.target_url ?? null,
    context: s.context,
    created_at: s.created_at,
    updated_at: s.created_at,
    creator: simpleUser(ACTIONS_BOT.login, ACTIONS_BOT.type)
  })

  // ---- Helpers shared by the handlers ----

  // GitHub pages with per_page (default 30, capped at 100) and page, and advertises the other
  // pages in a Link header; octokit's paginate follows rel="next" only.
  const paginate = <T>(items: T[], url: URL): Reply => {
    const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page')) || 30))
    const page = Math.max(1, Number(url.searchParams.get('page')) || 1)
    const last = Math.max(1, Math.ceil(items.length / perPage))
    const body = items.slice((page - 1) * perPage, page * perPage)
    const link = (p: number, rel: string) => {
      const q = new URLSearchParams(url.searchParams)
      q.set('per_page', String(perPage))
      q.set('page', String(p))
      return `<${api}${url.pathname}?${q.toString()}>; rel="${rel}"`
    }
    const links: string[] = []
    if (page > 1) links.push(link(page - 1, 'prev'))
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'))
    if (page > 1) links.push(link(1, 'first'))
    return { status: 200, body, headers: links.length ? { link: links.join(', ') } : {} }
  }

  const requirePull = (n: number): FakePull => {
    const p = state.pulls[n]
    if (!p) throw new HttpError(404, 'Not Found')
    return p
  }

  const allComments = () =>
    Object.entries(state.comments).flatMap(([n, list]) => list.map((c) => ({ n: Number(n), c })))

  // GitHub-only input rules become 422s like the real API, and violations, because the action
  // is expected to truncate before it sends.
  const reject = (where: string, resource: string, field: string, message: string): never => {
    violations.push(`${where}: ${message}`)
    throw new HttpError(422, 'Validation Failed', [{ resource, code: 'custom', field, message }])
  }

  const checkCommentBody = (where: string, body: string) => {
    // GitHub counts characters, not UTF-16 units.
    if ([...body].length > LIMITS.commentBody) {
      reject(where, 'IssueComment', 'data', 'Body is too long (maximum is 65536 characters)')
    }
  }

  // ---- Handlers by operationId ----

  type Handler = (
    op: MatchedOperation,
    url: URL,
    body: Record<string, unknown>,
    where: string
  ) => Reply
  const p = (op: MatchedOperation, name: string) => op.params[name] ?? ''

  const handlers: Record<string, Handler> = {
    'repos/get': () => ({ status: 200, body: fullRepository() }),

    'pulls/get': (op) => ({
      status: 200,
      body: pullRequest(requirePull(Number(p(op, 'pull_number'))), true)
    }),

    'pulls/list-reviews': (op, url) => {
      const n = Number(p(op, 'pull_number'))
      requirePull(n)
      return paginate(
        (state.reviews[n] ?? []).map((r) => review(n, r)),
        url
      )
    },

    'issues/list-comments': (op, url) => {
      const n = Number(p(op, 'issue_number'))
      if (!state.pulls[n] && !state.comments[n]) throw new HttpError(404, 'Not Found')
      const since = url.searchParams.get('since')
      const list = (state.comments[n] ?? []).filter((c) => !since || c.updated_at >= since)
      return paginate(
        list.map((c) => comment(n, c)),
        url
      )
    },

    'issues/create-comment': (op, _url, body, where) => {
      const n = Number(p(op, 'issue_number'))
      if (!state.pulls[n] && !state.comments[n]) throw new HttpError(404, 'Not Found')
      const text = String(body.body)
      checkCommentBody(where, text)
      // Ids only grow, across issues, as GitHub's do; 1001 is just a recognisable first one.
      const id = Math.max(1000, ...allComments().map(({ c }) => c.id)) + 1
      const at = tick()
      const created: FakeComment = {
        id,
        user: { ...ACTIONS_BOT },
        body: text,
        created_at: at,
        updated_at: at,
        app: 'github-actions'
      }
      ;(state.comments[n] ??= []).push(created)
      const out = comment(n, created)
      return { status: 201, body: out, headers: { location: out.url } }
    },

    'issues/update-comment': (op, _url, body, where) => {
      const id = Number(p(op, 'comment_id'))
      const hit = allComments().find(({ c }) => c.id === id)
      if (!hit) throw new HttpError(404, 'Not Found')
      const text = String(body.body)
      checkCommentBody(where, text)
      hit.c.body = text
      hit.c.updated_at = tick()
      ;(hit.c.edits ??= []).push({ editor: { ...ACTIONS_BOT }, at: hit.c.updated_at })
      return { status: 200, body: comment(hit.n, hit.c) }
    },

    'repos/create-commit-status': (op, _url, body, where) => {
      const sha = p(op, 'sha')
      const description = (body.description as string | null | undefined) ?? null
      if (description !== null && [...description].length > LIMITS.statusDescription) {
        reject(
          where,
          'Status',
          'description',
          'description is too long (maximum is 140 characters)'
        )
      }
      const context = body.context === undefined ? 'default' : body.context
      if (typeof context !== 'string' || context.trim() === '') {
        reject(where, 'Status', 'context', "context can't be blank")
      }
      const id =
        Math.max(
          5000,
          ...Object.values(state.statuses)
            .flat()
            .map((s) => s.id ?? 0)
        ) + 1
      const created: FakeStatus = {
        id,
        state: body.state as FakeStatus['state'],
        context: context as string,
        description,
        target_url: (body.target_url as string | null | undefined) ?? null,
        created_at: tick()
      }
      ;(state.statuses[sha] ??= []).push(created)
      return {
        status: 201,
        body: status(sha, created),
        headers: { location: `${repoApi()}/statuses/${sha}` }
      }
    },

    'repos/get-collaborator-permission-level': (op) => {
      const login = p(op, 'username')
      // A login without a role reads as "none". GitHub 404s for accounts that do not exist;
      // tests that need that can inject a 404 fault.
      const role = roleOf(login)
      const rank = ['none', 'read', 'triage', 'write', 'maintain', 'admin'].indexOf(role)
      return {
        status: 200,
        body: {
          permission: ROLE_TO_PERMISSION[role],
          role_name: role,
          user: {
            ...simpleUser(login),
            permissions: {
              admin: rank >= 5,
              maintain: rank >= 4,
              push: rank >= 3,
              triage: rank >= 2,
              pull: rank >= 1
            },
            role_name: role
          }
        }
      }
    },

    'repos/list-pull-requests-associated-with-commit': (op, url, _body, where) => {
      const entry = state.commitPulls[p(op, 'commit_sha')]
      if (!entry) return paginate([], url)
      if ((entry.emptyTimes ?? 0) > 0) {
        entry.emptyTimes = (entry.emptyTimes ?? 0) - 1
        return paginate([], url)
      }
      const pulls = entry.numbers.flatMap((n) => {
        const pr = state.pulls[n]
        if (!pr) violations.push(`${where}: fixture commitPulls names #${n}, which is not in pulls`)
        return pr ? [pullRequest(pr, false)] : []
      })
      return paginate(pulls, url)
    },

    'git/get-ref': (op) => {
      const ref = p(op, 'ref')
      const branch = /^heads\/(.+)$/.exec(ref)?.[1]
      const sha = branch === undefined ? undefined : state.branches[branch]
      if (sha === undefined) throw new HttpError(404, 'Not Found')
      const url = `${repoApi()}/git/refs/${ref}`
      return {
        status: 200,
        body: {
          ref: `refs/${ref}`,
          node_id: `REF_${userId(ref)}`,
          url,
          object: { type: 'commit', sha, url: `${repoApi()}/git/commits/${sha}` }
        }
      }
    },

    'repos/list-commit-statuses-for-ref': (op, url) => {
      const sha = p(op, 'ref')
      // Newest first, as GitHub lists them.
      const list = [...(state.statuses[sha] ?? [])].reverse().map((s) => status(sha, s))
      return paginate(list, url)
    },

    'repos/get-branch-rules': (op, url) => {
      const branch = p(op, 'branch')
      const rules =
        branch === state.defaultBranch
          ? state.rules.map((r, i) => ({
              ...r,
              ruleset_source_type: 'Repository',
              ruleset_source: fullName(),
              ruleset_id: 100 + i
            }))
          : []
      return paginate(rules, url)
    },

    'repos/get-content': (op, url) => {
      const path = p(op, 'path').replace(/^\/+|\/+$/g, '')
      const ref = url.searchParams.get('ref') ?? state.defaultBranch
      // Files by commit (`contents`) and, on the default branch, the `files` tree.
      const tree: Record<string, string> = {
        ...(ref === state.defaultBranch ? state.files : {}),
        ...(state.contents[ref] ?? {})
      }
      const text = tree[path]
      if (text !== undefined) return { status: 200, body: contentFile(path, text, ref) }
      const html = (kind: string, at: string) => `${WEB}/${fullName()}/${kind}/${ref}/${at}`
      const entry = (at: string, type: 'file' | 'dir', size: number) => {
        const self = `${repoApi()}/contents/${at}?ref=${ref}`
        const sha = userId(`blob:${at}`).toString(16).padStart(40, '0')
        const git = `${repoApi()}/git/${type === 'file' ? 'blobs' : 'trees'}/${sha}`
        return {
          type,
          size,
          name: at.split('/').at(-1) ?? at,
          path: at,
          sha,
          url: self,
          git_url: git,
          html_url: html(type === 'file' ? 'blob' : 'tree', at),
          download_url:
            type === 'file' ? `https://raw.githubusercontent.com/${fullName()}/${ref}/${at}` : null,
          _links: { git, html: html(type === 'file' ? 'blob' : 'tree', at), self }
        }
      }
      const prefix = `${path}/`
      const children = new Map<string, 'file' | 'dir'>()
      for (const file of Object.keys(tree)) {
        if (!file.startsWith(prefix)) continue
        const [name = '', ...rest] = file.slice(prefix.length).split('/')
        children.set(name, rest.length > 0 ? 'dir' : 'file')
      }
      if (children.size === 0) throw new HttpError(404, 'Not Found')
      const body = [...children].map(([name, type]) =>
        entry(
          `${prefix}${name}`,
          type,
          type === 'file' ? Buffer.byteLength(tree[`${prefix}${name}`] ?? '') : 0
        )
      )
      return { status: 200, body }
    },

    'repos/get-environment': (op) => {
      const name = p(op, 'environment_name')
      const env = state.environments[name]
      if (env === undefined) throw new HttpError(404, 'Not Found')
      const id = userId(`env:${name}`)
      const rules: Record<string, unknown>[] = []
      if (env.reviewers !== undefined)
        rules.push({
          id: id + 1,
          node_id: `GA_${id + 1}`,
          type: 'required_reviewers',
          prevent_self_review: env.preventSelfReview ?? false,
          reviewers: env.reviewers.map((login) => ({ type: 'User', reviewer: simpleUser(login) }))
        })
      if (env.branches !== undefined)
        rules.push({ id: id + 2, node_id: `GA_${id + 2}`, type: 'branch_policy' })
      const created = iso(START - 86_400_000 * 10)
      return {
        status: 200,
        body: {
          id,
          node_id: `EN_${id}`,
          name,
          url: `${repoApi()}/environments/${encodeURIComponent(name)}`,
          html_url: `${WEB}/${fullName()}/deployments/activity_log?environments_filter=${encodeURIComponent(name)}`,
          created_at: created,
          updated_at: created,
          protection_rules: rules,
          deployment_branch_policy:
            env.branches === undefined
              ? null
              : {
                  protected_branches: env.branches === 'protected',
                  custom_branch_policies: env.branches === 'custom'
                }
        }
      }
    },

    'pulls/list-files': (op, url) => {
      const n = Number(p(op, 'pull_number'))
      requirePull(n)
      // GitHub lists at most 3000 files of a pull request.
      const files = (state.pullFiles[n] ?? []).slice(0, 3000)
      return paginate(
        files.map((f) => fileEntry(n, f)),
        url
      )
    },

    'pulls/list-commits': (op, url) => {
      const n = Number(p(op, 'pull_number'))
      requirePull(n)
      const commits = state.pullCommits[n] ?? [
        {
          sha: requirePull(n).head.sha,
          author: requirePull(n).user,
          committer: requirePull(n).user,
          message: 'Change the infrastructure'
        }
      ]
      return paginate(commits.slice(0, 250).map(commitEntry), url)
    },

    'repos/list-activities': (_op, url) => {
      const ref = url.searchParams.get('ref')
      const full = (r: string) => (r.startsWith('refs/') ? r : `refs/heads/${r}`)
      const list = state.activities
        .map((a, i) => ({ a, i }))
        .filter(({ a }) => ref === null || full(ref) === a.ref)
        .reverse()
        .map(({ a, i }) => ({
          id: 7_000_000 + i,
          node_id: `RA_${i}`,
          before: a.before,
          after: a.after,
          ref: a.ref,
          timestamp: a.timestamp,
          activity_type: a.activity_type,
          actor: a.actor ? simpleUser(a.actor.login, a.actor.type) : null
        }))
      // Cursor paging (before/after) is not needed by plan-gate: one page of at most per_page.
      const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page')) || 30))
      return { status: 200, body: list.slice(0, perPage) }
    },

    'teams/get-membership-for-user-in-org': (op) => {
      if (!state.tokenCanReadOrg) throw new HttpError(403, DEFAULT_MESSAGES[403])
      const org = p(op, 'org')
      const slug = p(op, 'team_slug')
      const login = p(op, 'username')
      const members = Object.entries(state.teams).find(
        ([key]) => key.toLowerCase() === `${org}/${slug}`.toLowerCase()
      )?.[1]
      if (!members?.some((m) => m.toLowerCase() === login.toLowerCase())) {
        throw new HttpError(404, 'Not Found')
      }
      const body = {
        url: `${api}/orgs/${org}/teams/${slug}/memberships/${encodeURIComponent(login)}`,
        role: 'member',
        state: 'active'
      }
      return { status: 200, body }
    }
  }

  // ---- GraphQL: plan-gate's queries run against the vendored schema fragment ----

  const actor = (u: FakeUser | null) =>
    u === null
      ? null
      : {
          __typename: u.type === 'Bot' ? 'Bot' : 'User',
          id: `${u.type === 'Bot' ? 'BOT' : 'U'}_${userId(u.login)}`,
          // GraphQL names a bot without the `[bot]` suffix REST uses.
          login: u.type === 'Bot' ? u.login.replace(/\[bot\]$/, '') : u.login
        }

  const graphqlRoot = {
    node: ({ id }: { id: string }) => {
      const m = /^IC_(\d+)$/.exec(id)
      const hit = m ? allComments().find(({ c }) => c.id === Number(m[1])) : undefined
      if (!hit) return null
      const { c } = hit
      const edits = c.edits ?? []
      const last = edits[edits.length - 1]
      return {
        __typename: 'IssueComment',
        id,
        databaseId: c.id,
        author: actor(c.user),
        editor: last === undefined ? null : actor(last.editor),
        body: c.body,
        createdAt: c.created_at,
        lastEditedAt: last?.at ?? null,
        updatedAt: c.updated_at,
        userContentEdits: ({ first, last: lastN }: { first?: number; last?: number }) => {
          const all = edits.map((e, i) => ({
            __typename: 'UserContentEdit',
            id: `UCE_${c.id}_${i}`,
            editedAt: e.at,
            editor: actor(e.editor)
          }))
          const nodes = first !== undefined ? all.slice(0, first) : all.slice(-(lastN ?? 0))
          return { totalCount: all.length, nodes }
        }
      }
    }
  }

  const graphqlReply = async (body: unknown, auth: string | undefined): Promise<Reply> => {
    if (!auth || !/^(token|bearer) \S+$/i.test(auth)) {
      violations.push('POST /graphql: no authorization header')
      return { status: 401, body: { message: 'This endpoint requires you to be authenticated.' } }
    }
    const fault = takeFault('POST', '/graphql')
    if (fault) return faultReply(fault)
    const request = body as { query?: unknown; variables?: unknown } | undefined
    if (typeof request?.query !== 'string') {
      violations.push('POST /graphql: no query')
      return { status: 400, body: { message: 'A query attribute must be specified' } }
    }
    const result = await graphql.execute(
      request.query,
      (request.variables ?? {}) as Record<string, unknown>,
      graphqlRoot
    )
    violations.push(...result.violations.map((v) => `POST /graphql: ${v}`))
    return { status: 200, body: result.body }
  }

  // ---- The request pipeline ----

  const takeFault = (method: string, path: string): Fault | undefined => {
    const i = faults.findIndex((f) => {
      if (f.times <= 0) return false
      if (f.method && f.method.toUpperCase() !== method) return false
      if (f.path) {
        f.path.lastIndex = 0 // a /g or /y regex would otherwise remember the previous match
        if (!f.path.test(path)) return false
      }
      return true
    })
    const fault = faults[i]
    if (!fault) return undefined
    fault.times -= 1
    if (fault.times <= 0) faults.splice(i, 1)
    return fault
  }

  const faultReply = (f: Fault): Reply => {
    const headers: Record<string, string> = {}
    if (f.status === 429) {
      // octokit's throttling waits until x-ratelimit-reset (+1 s) when remaining is 0; a reset
      // already in the past makes that zero. Wall-clock time on purpose: octokit compares it
      // with Date.now(), not with the fake's clock.
      headers['retry-after'] = '0'
      headers['x-ratelimit-limit'] = '5000'
      headers['x-ratelimit-remaining'] = '0'
      headers['x-ratelimit-used'] = '5000'
      headers['x-ratelimit-reset'] = String(Math.floor(Date.now() / 1000) - 1)
      headers['x-ratelimit-resource'] = 'core'
    }
    const message = f.message ?? DEFAULT_MESSAGES[f.status]
    return {
      status: f.status,
      body: errorBody(f.status, message),
      headers: { ...headers, ...f.headers }
    }
  }

  const route = (
    method: string,
    url: URL,
    raw: string,
    body: unknown,
    auth: string | undefined,
    op: MatchedOperation | undefined
  ): Reply => {
    const where = `${method} ${url.pathname}`
    if (!auth || !/^(token|bearer) \S+$/i.test(auth)) {
      violations.push(`${where}: no "authorization: token …" or "Bearer …" header`)
      return { status: 401, body: errorBody(401, 'Requires authentication') }
    }
    const fault = takeFault(method, url.pathname)
    if (fault) return faultReply(fault)
    if (!op) {
      violations.push(validator.validateRequest(method, url.pathname, undefined)[0] ?? where)
      return { status: 404, body: errorBody(404, 'Not Found') }
    }
    if (raw !== '' && body === undefined) {
      violations.push(`${where}: request body is not JSON`)
      return { status: 400, body: errorBody(400, 'Problems parsing JSON') }
    }
    // A malformed request is the client's bug even when the token could not write anyway, so
    // it is recorded first; the answer then follows GitHub's order (permission before input).
    const problems = validator.validateRequest(method, url.pathname + url.search, body)
    violations.push(...problems.map((e) => `${where}: ${e}`))
    if (state.readOnlyToken && method !== 'GET') {
      return { status: 403, body: errorBody(403, DEFAULT_MESSAGES[403]) }
    }
    if (problems.length > 0) {
      const errors = problems.map((message) => ({
        resource: op.operationId,
        code: 'invalid',
        message
      }))
      return { status: 422, body: errorBody(422, 'Validation Failed', errors) }
    }
    const { owner, repo } = op.params
    if (owner !== undefined && owner.toLowerCase() !== state.owner.toLowerCase()) {
      return { status: 404, body: errorBody(404, 'Not Found') }
    }
    if (repo !== undefined && repo.toLowerCase() !== state.repo.toLowerCase()) {
      return { status: 404, body: errorBody(404, 'Not Found') }
    }
    const handler = handlers[op.operationId]
    if (!handler) throw new Error(`no handler for ${op.operationId}`)
    try {
      return handler(op, url, (body ?? {}) as Record<string, unknown>, where)
    } catch (e) {
      if (e instanceof HttpError)
        return { status: e.status, body: errorBody(e.status, e.message, e.errors) }
      throw e
    }
  }

  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    const method = (req.method ?? 'GET').toUpperCase()
    const url = new URL(req.url ?? '/', api)
    const raw = await readBody(req)
    let body: unknown
    try {
      body = raw === '' ? undefined : JSON.parse(raw)
    } catch {
      body = undefined
    }
    const auth = req.headers.authorization
    if (method === 'POST' && url.pathname === '/graphql') {
      requests.push({
        method,
        path: url.pathname,
        query: {},
        body,
        status: 200,
        auth,
        operationId: 'graphql'
      })
      const reply = await graphqlReply(body, auth)
      requestCount += 1
      res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8' })
      res.end(JSON.stringify(reply.body))
      return
    }
    const op = validator.match(method, url.pathname)
    const entry: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: raw !== '' && body === undefined ? raw : body,
      status: 0,
      auth,
      operationId: op?.operationId
    }
    requests.push(entry)

    let reply: Reply
    try {
      reply = route(method, url, raw, body, auth, op)
    } catch (e) {
      // A bug in the fake must fail the test, not look like a flaky GitHub.
      violations.push(`${method} ${url.pathname}: fake crashed: ${(e as Error).stack ?? String(e)}`)
      reply = { status: 500, body: errorBody(500, 'fake-github crashed') }
    }
    entry.status = reply.status
    if (op) {
      const problems = validator.validateResponse(method, url.pathname, reply.status, reply.body)
      violations.push(...problems.map((e) => `${method} ${url.pathname} -> ${reply.status}: ${e}`))
    }
    requestCount += 1
    res.writeHead(reply.status, {
      'content-type': 'application/json; charset=utf-8',
      'x-github-request-id': `FAKE:${requestCount}`,
      'x-github-api-version-selected': '2022-11-28',
      ...reply.headers
    })
    res.end(reply.body === undefined ? undefined : JSON.stringify(reply.body))
  }

  const server = createServer((req, res) => {
    serve(req, res).catch((e: unknown) => {
      violations.push(`fake crashed: ${String(e)}`)
      res.destroy()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    url: api,
    state,
    requests,
    faults,
    violations,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // undici keeps connections alive; without this close() waits for its idle timeout.
        server.closeAllConnections()
        server.close((e) => (e ? reject(e) : resolve()))
      })
  }
}
