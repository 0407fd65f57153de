/**
 * The narrow port between plan-gate and GitHub: only the calls the Action makes. `octokit.ts`
 * implements it over the REST API; tests use an in-memory fake. Everything is scoped to the
 * repository the port was created for.
 */
import type { Permission, Review } from '../policy/approvals.js'

/** A GitHub account as plan-gate needs it. */
export interface Account {
  readonly login: string
  readonly type?: string
}

/** A pull request, reduced to the fields the gate reads. */
export interface PullRequest {
  readonly number: number
  readonly state: string
  readonly author: Account
  readonly headSha: string
  /** The head branch name (without `refs/heads/`). */
  readonly headRef?: string
  /** `owner/repo` of the head branch; null when the fork was deleted. */
  readonly headRepo: string | null
  readonly baseRef: string
  /** The base branch commit the PR is compared with. */
  readonly baseSha?: string
  /** How many files the PR changes, when GitHub said (the single-PR endpoint does). */
  readonly changedFiles?: number
  readonly mergedAt: string | null
  readonly mergeCommitSha: string | null
}

/** An issue (conversation) comment on a pull request. */
export interface IssueComment {
  readonly id: number
  readonly user: Account | null
  readonly body: string
  readonly createdAt: string
  /** When the comment was last changed; later than `createdAt` once anyone edited it. */
  readonly updatedAt?: string
  /** The GraphQL node id, to read the comment's edit history. */
  readonly nodeId?: string
  /** The slug of the GitHub App the comment was written through, when GitHub says. */
  readonly app?: string | null
}

/** Who wrote and who edited a comment, from GraphQL (`author`, `editor`, `userContentEdits`). */
export interface CommentHistory {
  readonly author: Account | null
  /** The body as GraphQL returned it together with the editors. */
  readonly body: string
  /** Every editor GitHub lists (the last editor and each recorded edit). */
  readonly editors: readonly Account[]
  /** How many edits GitHub recorded; more than were listed means unknown editors. */
  readonly edits: number
  readonly listedEdits: number
}

/** A file a pull request changes (the pull request files API). */
export interface ChangedFile {
  readonly filename: string
  readonly status: string
  /** The blob SHA GitHub reports for the file. */
  readonly sha: string
  readonly previousFilename?: string
}

/** A commit of a pull request: who wrote it and who committed it, and its message. */
export interface PullCommit {
  readonly sha: string
  /** The GitHub account of the author / committer; null when the e-mail is not linked. */
  readonly author: Account | null
  readonly committer: Account | null
  readonly authorName?: string
  readonly authorEmail?: string
  readonly committerName?: string
  readonly committerEmail?: string
  readonly message: string
}

/** A push to a branch as the repository activity API records it. */
export interface Push {
  readonly before: string
  readonly after: string
  readonly actor: Account | null
  readonly at: string
  readonly type: string
}

/** The states of a commit status. */
export type StatusState = 'success' | 'pending' | 'failure' | 'error'

export interface CommitStatus {
  readonly state: StatusState
  readonly context: string
  /** At most 140 characters (GitHub rejects longer ones). */
  readonly description: string
  readonly targetUrl?: string
}

/** A commit status as GitHub lists it (newest first). */
export interface StatusRecord {
  readonly id: number
  readonly state: string
  readonly context: string
  readonly description: string | null
  readonly createdAt: string
}

/** One rule that applies to a branch (`GET /repos/{owner}/{repo}/rules/branches/{branch}`). */
export interface BranchRule {
  readonly type: string
  readonly parameters?: Readonly<Record<string, unknown>>
  /** `Repository` or `Organization`. */
  readonly sourceType?: string
  readonly source?: string
}

/** A deployment environment's protection, as far as the API shows it. */
export interface EnvironmentInfo {
  readonly name: string
  /** `required_reviewers`, `wait_timer`, `branch_policy` and custom rules, by type. */
  readonly rules: readonly {
    readonly type: string
    readonly preventSelfReview?: boolean
    readonly reviewers?: number
  }[]
  /** Null: every branch may deploy. */
  readonly branchPolicy: { readonly protectedBranches: boolean; readonly custom: boolean } | null
}

/** What plan-gate asks of GitHub. Every method throws `GitHubError` on failure. */
export interface GitHubPort {
  getPull(number: number): Promise<PullRequest>
  /** Every review, in the order GitHub lists them (chronological). */
  listReviews(number: number): Promise<Review[]>
  /** Every conversation comment, oldest first. */
  listComments(number: number): Promise<IssueComment[]>
  /** Creates a comment and returns its id. */
  createComment(number: number, body: string): Promise<number>
  updateComment(id: number, body: string): Promise<void>
  createStatus(sha: string, status: CommitStatus): Promise<void>
  /** The repository permission of a login; undefined when GitHub does not know the account. */
  getPermission(login: string): Promise<Permission | undefined>
  /** Pull requests associated with a commit (for a default-branch commit: the merged PR). */
  listPullsForCommit(sha: string): Promise<PullRequest[]>
  /** Whether `login` is an active member of `org/team`; throws `forbidden` when the token cannot tell. */
  isTeamMember(org: string, team: string, login: string): Promise<boolean>
  /** The repository's default branch. */
  getDefaultBranch(): Promise<string>
  /** The commit a branch points at now. */
  getBranchTip(branch: string): Promise<string>
  /** Every status of a commit, newest first. */
  listStatuses(sha: string): Promise<StatusRecord[]>
  /** The rules (rulesets) that apply to a branch; readable with read access. */
  getBranchRules(branch: string): Promise<BranchRule[]>
  /** A file's text at `ref` (default branch when absent); undefined when it does not exist. */
  readFile(path: string, ref?: string): Promise<string | undefined>
  /** The file names in a directory; undefined when it does not exist. */
  listDirectory(path: string, ref?: string): Promise<string[] | undefined>
  /** A deployment environment; undefined when it does not exist. */
  getEnvironment(name: string): Promise<EnvironmentInfo | undefined>
  /** The text of the file at `path` in commit `ref`; undefined when no file is there. */
  getFileText(path: string, ref: string): Promise<string | undefined>
  /** Files changed by a PR, every page (GitHub stops listing at 3000). */
  listPullFiles(number: number): Promise<ChangedFile[]>
  /** Commits of a PR, every page (GitHub stops listing at 250). */
  listPullCommits(number: number): Promise<PullCommit[]>
  /** The latest pushes to `ref` (`refs/heads/…`), newest first, at most 100. */
  listPushes(ref: string): Promise<Push[]>
  /** A comment's author and editors, through GraphQL. */
  getCommentHistory(nodeId: string): Promise<CommentHistory>
}

/** GitHub lists at most this many files of a pull request. */
export const PULL_FILES_LIMIT = 3000
/** GitHub lists at most this many commits of a pull request. */
export const PULL_COMMITS_LIMIT = 250

/** What went wrong talking to GitHub, by kind, so callers can react without parsing text. */
export type GitHubErrorKind =
  | 'forbidden'
  | 'not-found'
  | 'unauthorized'
  | 'invalid'
  | 'rate-limited'
  | 'unavailable'
  | 'network'

/**
 * A failed GitHub call. The message names the operation and what to do about it; it never
 * carries the response body, which can echo content back.
 */
export class GitHubError extends Error {
  override readonly name = 'GitHubError'
  constructor(
    readonly kind: GitHubErrorKind,
    readonly operation: string,
    message: string,
    readonly status?: number
  ) {
    super(message)
  }
}

/** Whether an error is GitHub refusing a call for lack of permission (a read-only token). */
export function isForbidden(error: unknown): boolean {
  return error instanceof GitHubError && error.kind === 'forbidden'
}
