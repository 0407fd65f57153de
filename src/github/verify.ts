/**
 * Gathers what the pure approval rules need (reviews, reviewer permissions, team membership,
 * break-glass comments) through the port, then applies them. A failed lookup throws: the caller
 * turns it into an error outcome, never into a pass.
 */
import {
  evaluateApprovals,
  findBreakGlass,
  isBot,
  latestOpinions,
  withBreakGlass,
  type ApprovalPolicy,
  type ApprovalResult,
  type Permission
} from '../policy/approvals.js'
import { isForbidden, type Account, type GitHubPort, type IssueComment } from './port.js'

export interface VerifyInput {
  readonly pull: { readonly number: number; readonly author: Account; readonly headSha: string }
  readonly fingerprint: string
  /** When the fingerprint was first seen on the PR; earlier approvals do not count. */
  readonly since: string
  readonly pusher?: string
  readonly policy: ApprovalPolicy
  readonly breakGlass: { readonly enabled: boolean; readonly allowed: readonly string[] }
  /** The PR's conversation comments (break-glass requests live there). */
  readonly comments: readonly IssueComment[]
}

/** Counts the approvals of one PR for one fingerprint. */
export async function verifyApprovals(
  port: GitHubPort,
  input: VerifyInput
): Promise<ApprovalResult> {
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
    pusher: input.pusher,
    permissions,
    teams
  })
  if (!input.breakGlass.enabled) return result
  const comments = input.comments.map((c) => ({ ...c, user: c.user ?? null }))
  const glass = findBreakGlass(comments, input.fingerprint, input.breakGlass.allowed, [])
  return withBreakGlass(result, glass, (input.policy.approvers ?? []).length > 0)
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
