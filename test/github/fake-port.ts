/** An in-memory GitHubPort that records every call, for flow tests without HTTP. */
import type { Permission, Review } from '../../src/policy/approvals.js'
import {
  GitHubError,
  type BranchRule,
  type ChangedFile,
  type CommentHistory,
  type CommitStatus,
  type EnvironmentInfo,
  type GitHubPort,
  type IssueComment,
  type PullCommit,
  type PullRequest,
  type Push
} from '../../src/github/port.js'

export interface PortState {
  pulls: Record<number, PullRequest>
  reviews: Review[]
  comments: IssueComment[]
  statuses: { sha: string; status: CommitStatus }[]
  permissions: Record<string, Permission>
  teams: Record<string, string[]> | 'forbidden'
  /** Answers of successive listPullsForCommit calls; the last one repeats. */
  commitPulls: PullRequest[][]
  defaultBranch: string
  /** Branch → tip commit (a branch not listed has SHA as its tip). */
  tips: Record<string, string>
  rules: BranchRule[]
  /** Repository files by path, for `readFile` (the default branch). */
  repoFiles: Record<string, string>
  environments: Record<string, EnvironmentInfo>
  /** File texts by `ref:path`. */
  files: Record<string, string>
  changed: ChangedFile[]
  commits: PullCommit[]
  pushes: Push[]
  /** Edit histories by comment node id; a comment without one was never edited. */
  histories: Record<string, CommentHistory>
  /** Method name → error to throw (every call). */
  failures: Partial<Record<keyof GitHubPort, GitHubError>>
}

export interface FakePort extends GitHubPort {
  readonly state: PortState
  readonly calls: string[]
}

export const SHA = 'c0ffee'.padEnd(40, '0')

export function pull(over: Partial<PullRequest> = {}): PullRequest {
  return {
    number: 7,
    state: 'open',
    author: { login: 'alice', type: 'User' },
    headSha: SHA,
    headRepo: 'acme/infra',
    baseRef: 'main',
    baseSha: 'ba5e'.padEnd(40, '0'),
    mergedAt: null,
    mergeCommitSha: null,
    ...over
  }
}

export function forbidden(operation: string): GitHubError {
  return new GitHubError('forbidden', operation, `could not ${operation}: GitHub answered 403`, 403)
}

export function fakePort(initial: Partial<PortState> = {}): FakePort {
  const state: PortState = {
    pulls: { 7: pull() },
    reviews: [],
    comments: [],
    statuses: [],
    permissions: {},
    teams: {},
    commitPulls: [[]],
    defaultBranch: 'main',
    tips: {},
    rules: [],
    repoFiles: {},
    environments: {},
    files: {},
    changed: [],
    commits: [],
    pushes: [],
    histories: {},
    failures: {},
    ...initial
  }
  const calls: string[] = []
  let nextId = 5000
  const record = (method: keyof GitHubPort, detail = ''): void => {
    calls.push(detail === '' ? method : `${method} ${detail}`)
    const failure = state.failures[method]
    if (failure !== undefined) throw failure
  }
  let lookups = 0
  return {
    state,
    calls,
    getPull: async (n) => {
      record('getPull', String(n))
      const found = state.pulls[n]
      if (found === undefined) throw new GitHubError('not-found', 'read', 'not found', 404)
      return found
    },
    listReviews: async () => (record('listReviews'), [...state.reviews]),
    listComments: async () => (record('listComments'), [...state.comments]),
    createComment: async (_n, body) => {
      record('createComment')
      const id = nextId++
      state.comments.push({
        id,
        user: { login: 'github-actions[bot]', type: 'Bot' },
        body,
        createdAt: '',
        nodeId: `IC_${id}`
      })
      return id
    },
    updateComment: async (id, body) => {
      record('updateComment', String(id))
      const found = state.comments.find((c) => c.id === id)
      if (found !== undefined) Object.assign(found, { body })
    },
    createStatus: async (sha, status) => {
      record('createStatus', sha.slice(0, 7))
      state.statuses.push({ sha, status })
    },
    getPermission: async (login) => (
      record('getPermission', login),
      state.permissions[login.toLowerCase()]
    ),
    listPullsForCommit: async () => {
      record('listPullsForCommit')
      const answer = state.commitPulls[Math.min(lookups++, state.commitPulls.length - 1)] ?? []
      return answer
    },
    isTeamMember: async (org, team, login) => {
      record('isTeamMember', `${org}/${team} ${login}`)
      if (state.teams === 'forbidden') throw forbidden('read team membership')
      return (state.teams[`${org}/${team}`] ?? []).includes(login)
    },
    getDefaultBranch: async () => (record('getDefaultBranch'), state.defaultBranch),
    getBranchTip: async (branch) => (record('getBranchTip', branch), state.tips[branch] ?? SHA),
    listStatuses: async (sha) => {
      record('listStatuses', sha.slice(0, 7))
      return state.statuses
        .map(({ sha: at, status }, i) => ({ at, status, id: i + 1 }))
        .filter(({ at }) => at === sha)
        .reverse()
        .map(({ status, id }) => ({
          id,
          state: status.state,
          context: status.context,
          description: status.description,
          createdAt: '2026-11-21T12:00:00Z'
        }))
    },
    getBranchRules: async (branch) => (record('getBranchRules', branch), [...state.rules]),
    readFile: async (path) => (record('readFile', path), state.repoFiles[path]),
    listDirectory: async (path) => {
      record('listDirectory', path)
      const names = Object.keys(state.repoFiles)
        .filter((f) => f.startsWith(`${path}/`) && !f.slice(path.length + 1).includes('/'))
        .map((f) => f.slice(path.length + 1))
      return names.length === 0 ? undefined : names
    },
    getEnvironment: async (name) => (record('getEnvironment', name), state.environments[name]),
    getFileText: async (path, ref) => (
      record('getFileText', `${ref}:${path}`),
      state.files[`${ref}:${path}`]
    ),
    listPullFiles: async () => (record('listPullFiles'), [...state.changed]),
    listPullCommits: async () => (record('listPullCommits'), [...state.commits]),
    listPushes: async () => (record('listPushes'), [...state.pushes]),
    getCommentHistory: async (nodeId) => {
      record('getCommentHistory', nodeId)
      const known = state.histories[nodeId]
      if (known !== undefined) return known
      const comment = state.comments.find((c) => c.nodeId === nodeId)
      if (comment === undefined) throw new GitHubError('not-found', 'read', 'not found', 404)
      return { author: comment.user, body: comment.body, editors: [], edits: 0, listedEdits: 0 }
    }
  }
}
