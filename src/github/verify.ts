/**
 * Gathers what the pure approval rules need (reviews, reviewer permissions, team membership,
 * who pushed the head, the PR's commits, break-glass comments) through the port, then applies
 * them. Facts that decide who may approve are always re-derived from GitHub, never read from the
 * gate state. A failed lookup throws: the caller turns it into an error outcome, never a pass.
 */
import {
  agentCoAuthors,
  evaluateApprovals,
  findBreakGlass,
  isAgent,
  isBot,
  latestOpinions,
  withBreakGlass,
  type ApprovalPolicy,
  type ApprovalResult,
  type Permission
} from '../policy/approvals.js'
import {
  isForbidden,
  PULL_COMMITS_LIMIT,
  type Account,
  type GitHubPort,
  type IssueComment
} from './port.js'

export interface VerifyInput {
  readonly pull: {
    readonly number: number
    readonly author: Account
    readonly headSha: string
    /** The head branch, to find who pushed the head; unknown → every committer is excluded. */
    readonly headRef?: string
  }
  readonly fingerprint: string
  /** When the fingerprint was first seen on the PR; earlier approvals do not count. */
  readonly since: string
  readonly policy: ApprovalPolicy
  readonly breakGlass: { readonly enabled: boolean; readonly allowed: readonly string[] }
  /** The PR's conversation comments (break-glass requests live there). */
  readonly comments: readonly IssueComment[]
  /** Break-glass comments already used for an earlier head or fingerprint. */
  readonly used?: readonly number[]
  /** Who triggered a `synchronize` event: a pusher too, whatever the activity log says. */
  readonly sender?: string
}

/** Who pushed the head and what the PR's commits say about agents. */
export interface PushFacts {
  /** The head's pusher, from the repository activity; undefined when it cannot be determined. */
  readonly pusher?: string
  /** When the head was pushed. */
  readonly pushedAt?: string
  readonly excluded: readonly { readonly login: string; readonly why: string }[]
  readonly agentReasons: readonly string[]
}

/** Counts the approvals of one PR for one fingerprint. */
export async function verifyApprovals(
  port: GitHubPort,
  input: VerifyInput
): Promise<ApprovalResult & { readonly pusher?: string }> {
  const facts = await pushFacts(port, input)
  const reviews = await port.listReviews(input.pull.number)
  const author = input.pull.author.login.toLowerCase()
  // Only people whose opinion could count need a lookup: not bots, not the author.
  const reviewers = [...latestOpinions(reviews).values()]
    .map((r) => r.user)
    .filter((u): u is NonNullable<typeof u> => u !== null && !isBot(u))
    .filter((u) => u.login.toLowerCase() !== author)
  const permissions: Record<string, Permission> = {}
  for (const user of reviewers) {
    const permission = await port.getPermission(user.login)
    if (permission !== undefined) permissions[user.login.toLowerCase()] = permission
  }
  const teams = await teamMembers(
    port,
    input.policy.approvers ?? [],
    reviewers.map((u) => u.login)
  )
  const result = evaluateApprovals(reviews, input.policy, {
    author: input.pull.author,
    headSha: input.pull.headSha,
    fingerprintSince: input.since,
    pusher: facts.pusher,
    permissions,
    teams,
    excluded: facts.excluded,
    agentReasons: facts.agentReasons
  })
  const withPusher = facts.pusher === undefined ? {} : { pusher: facts.pusher }
  if (!input.breakGlass.enabled) return { ...result, ...withPusher }
  const comments = input.comments.map((c) => ({ ...c, user: c.user ?? null }))
  const glass = findBreakGlass(
    comments,
    input.fingerprint,
    input.breakGlass.allowed,
    input.used ?? [],
    {
      headSha: input.pull.headSha,
      ...(facts.pushedAt === undefined ? {} : { headPushedAt: facts.pushedAt }),
      notBy: [
        input.pull.author.login,
        ...(facts.pusher === undefined ? [] : [facts.pusher]),
        ...facts.excluded.map((e) => e.login)
      ]
    }
  )
  return {
    ...withBreakGlass(result, glass, (input.policy.approvers ?? []).length > 0),
    ...withPusher
  }
}

/**
 * Who pushed the head (the repository activity log) and who wrote the PR's commits. When the
 * pusher cannot be determined, every author and committer of the PR's commits is excluded.
 */
export async function pushFacts(port: GitHubPort, input: VerifyInput): Promise<PushFacts> {
  const { pull } = input
  const agents = input.policy.agentAuthors ?? []
  let pusher: string | undefined
  let pushedAt: string | undefined
  if (pull.headRef !== undefined) {
    const pushes = await port.listPushes(`refs/heads/${pull.headRef}`)
    const push = pushes.find((p) => p.after === pull.headSha && p.actor !== null)
    if (push?.actor) {
      pusher = push.actor.login
      pushedAt = push.at
    }
  }
  const commits = await port.listPullCommits(pull.number)
  const reasons: string[] = []
  const excluded: { login: string; why: string }[] = []
  const exclude = (login: string, why: string) => {
    if (!excluded.some((e) => e.login.toLowerCase() === login.toLowerCase()))
      excluded.push({ login, why })
  }
  if (isAgent(pull.author, agents))
    reasons.push(`the author ${pull.author.login} is a bot or agent account`)
  if (pusher !== undefined && isAgent({ login: pusher }, agents))
    reasons.push(`the head was pushed by ${pusher}, a bot or agent account`)
  if (input.sender !== undefined && input.sender.toLowerCase() !== pusher?.toLowerCase()) {
    exclude(input.sender, 'pushed the head commit')
    if (isAgent({ login: input.sender }, agents))
      reasons.push(`the head was pushed by ${input.sender}, a bot or agent account`)
  }
  if (commits.length >= PULL_COMMITS_LIMIT)
    reasons.push(`the PR has ${PULL_COMMITS_LIMIT} commits or more, more than GitHub lists`)
  for (const commit of commits) {
    const short = commit.sha.slice(0, 7)
    for (const [role, who] of [
      ['author', commit.author],
      ['committer', commit.committer]
    ] as const) {
      if (who === null) continue
      // GitHub's own web-flow committer signs merges and web edits; it is not an agent.
      if (role === 'committer' && who.login === 'web-flow') continue
      if (isAgent(who, agents))
        reasons.push(`commit ${short} has the ${role} ${who.login}, a bot or agent account`)
      if (pusher === undefined)
        exclude(
          who.login,
          `${role === 'author' ? 'authored' : 'committed'} a commit of the PR, and the head's pusher is unknown`
        )
    }
    for (const coAuthor of agentCoAuthors(commit.message, input.policy.agentIdentities))
      reasons.push(`commit ${short} is co-authored by ${coAuthor.replace(/<[^>]*>/, '').trim()}`)
  }
  const unique = [...new Set(reasons)]
  return {
    ...(pusher === undefined ? {} : { pusher }),
    ...(pushedAt === undefined ? {} : { pushedAt }),
    excluded,
    agentReasons: unique.length > 6 ? [...unique.slice(0, 6), `${unique.length - 6} more`] : unique
  }
}

/**
 * Members of each `org/team` approver among `logins`; undefined when the token cannot read team
 * membership (the rules then fail closed with a message about the token).
 */
async function teamMembers(
  port: GitHubPort,
  approvers: readonly string[],
  logins: readonly string[]
): Promise<Record<string, string[]> | undefined> {
  const teams = approvers
    .map((a) => a.trim().replace(/^@/, '').toLowerCase())
    .filter((a) => /^[^/\s]+\/[^/\s]+$/.test(a))
  if (teams.length === 0) return {}
  const members: Record<string, string[]> = {}
  try {
    for (const team of teams) {
      const [org = '', slug = ''] = team.split('/')
      members[team] = []
      for (const login of logins) {
        if (await port.isTeamMember(org, slug, login)) members[team]?.push(login)
      }
    }
  } catch (error) {
    if (isForbidden(error)) return undefined
    throw error
  }
  return members
}
