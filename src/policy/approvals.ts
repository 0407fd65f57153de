/**
 * Who has approved a destructive plan. Pure: reviews, permissions and team members are fetched by
 * the adapter and passed in, and so is time. Everything fails closed: unknown means not counted.
 */
import { matchGlob } from '../common/glob.js'
import { own } from '../common/record.js'

/** Logins are names and compare without case, as GitHub does. */
const NOCASE = { nocase: true, name: true } as const

/** A review state after normalising case (the webhook payload uses lower-case). */
export type ReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING'

/** One pull-request review as listed by the REST API or carried by the webhook. */
export interface Review {
  readonly id: number
  readonly user: { readonly login: string; readonly type?: string } | null
  readonly state: string
  readonly commitId: string | null
  readonly submittedAt: string | null
}

/** A repository permission from the collaborator permission API. */
export type Permission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none'

/** The approval settings from the action inputs. */
export interface ApprovalPolicy {
  readonly requiredApprovals: number
  readonly approvers?: readonly string[]
  readonly excludePusher: boolean
  /** Accounts agents act as (logins or globs): never approvers; their touch needs 2 humans. */
  readonly agentAuthors?: readonly string[]
  /** `Co-authored-by:` globs that mark an agent's commit; undefined = DEFAULT_AGENT_IDENTITIES. */
  readonly agentIdentities?: readonly string[]
}

/** Facts about the PR that the adapter looked up. */
export interface ApprovalContext {
  readonly author: { readonly login: string; readonly type?: string }
  readonly headSha: string
  /** When the current fingerprint first appeared on this PR (ISO); approvals before it do not count. */
  readonly fingerprintSince: string
  readonly pusher?: string
  /** Repo permission per reviewer login (lower-case keys), as fetched by the adapter; a missing login counts as unknown → not qualified. */
  readonly permissions: Readonly<Record<string, Permission>>
  /** Members per team slug 'org/team' (lower-case) when the token could read them; undefined = teams could not be resolved. */
  readonly teams?: Readonly<Record<string, readonly string[]>>
  /**
   * Others who may not approve, with why: re-derived from GitHub by the adapter (every author
   * and committer of the PR's commits when the head's pusher cannot be determined).
   */
  readonly excluded?: readonly { readonly login: string; readonly why: string }[]
  /** Why the PR is agent-touched (an agent authored, pushed or committed to it); empty if not. */
  readonly agentReasons?: readonly string[]
}

/** Why one reviewer's latest opinion counts or not. */
export interface ReviewerVerdict {
  readonly login: string
  readonly counted: boolean
  readonly state: ReviewState
  readonly why: string
}

/** The outcome of evaluating the reviews against the policy. */
export interface ApprovalResult {
  readonly approved: boolean
  readonly required: number
  readonly approvers: readonly string[]
  readonly changesRequestedBy: readonly string[]
  readonly reviewers: readonly ReviewerVerdict[]
  readonly authorIsAgent: boolean
  /** Why two human approvals are needed: the PR is agent-touched. */
  readonly agentReasons?: readonly string[]
  /** Set when the policy cannot be evaluated (e.g. teams in approvers but teams undefined): fail closed. */
  readonly error?: string
  /** Short human text, e.g. "needs 1 more approval from a qualified reviewer (write access)". */
  readonly summary: string
  /** The break-glass comment that stood in for one approval, when one did. */
  readonly breakGlass?: BreakGlass
}

/** A break-glass comment that may stand in for one approval of one fingerprint. */
export interface BreakGlass {
  readonly fingerprint: string
  readonly reason: string
  readonly by: string
  readonly commentId: number
  readonly at: string
}

/** Logins of AI coding agents that open PRs; matched case-insensitively, with any `[bot]` removed. */
const AGENT_LOGINS: readonly string[] = [
  'copilot',
  'copilot-swe-agent',
  'devin-ai-integration',
  'cursor',
  'cursoragent',
  'claude',
  'openhands-agent',
  'sweep-ai',
  'codegen-sh'
]

/**
 * `Co-authored-by:` identities ("Name <email>", globs, case-insensitive) that the common coding
 * agents add to the commits they write.
 */
export const DEFAULT_AGENT_IDENTITIES: readonly string[] = [
  '* <noreply@anthropic.com>',
  'claude *',
  '* <*+copilot@users.noreply.github.com>',
  'copilot *',
  '* <cursoragent@cursor.com>',
  'cursor agent *',
  '* <*devin-ai-integration*>',
  'devin*',
  'aider *',
  '* <noreply@aider.chat>',
  '* <*openhands*>',
  'openhands*',
  'codex *',
  '* <*codex*@openai.com>',
  'gemini*',
  '* <*gemini-code-assist*>',
  'amazon q*',
  'kiro*',
  '* <*kiro*>',
  'jules *',
  '* <*jules*@google.com>'
]

const TRAILER = /^co-authored-by:[ \t]*(.+)$/gim

/** The `Co-authored-by:` identities of a commit message that match an agent glob. */
export function agentCoAuthors(
  message: string,
  identities: readonly string[] = DEFAULT_AGENT_IDENTITIES
): string[] {
  const globs = identities.map((pattern) => pattern.trim()).filter((pattern) => pattern !== '')
  const found: string[] = []
  for (const match of message.matchAll(TRAILER)) {
    const who = (match[1] ?? '').trim().toLowerCase()
    if (globs.some((g) => matchGlob(g, who, NOCASE))) found.push((match[1] ?? '').trim())
  }
  return found
}

const OPINIONS = new Set<ReviewState>(['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED'])
const WRITE: ReadonlySet<Permission> = new Set<Permission>(['admin', 'maintain', 'write'])
const BOT_SUFFIX = '[bot]'
const REASON_MAX = 200
const COMMAND = /^\/plan-gate[ \t]+break-glass[ \t]+(sha256:[0-9a-fA-F]{64})[ \t]+(\S.*)$/
const FENCE = /^(```|~~~)/

/** Each reviewer's latest APPROVED, CHANGES_REQUESTED or DISMISSED review, keyed by lower-case login. */
export function latestOpinions(reviews: readonly Review[]): Map<string, Review> {
  const latest = new Map<string, Review>()
  for (const review of reviews) {
    // Ghost users (deleted accounts) cannot be checked for permission, so they never count.
    if (!review.user) continue
    const state = review.state.toUpperCase() as ReviewState
    // A comment does not withdraw an approval or a change request, as in GitHub's merge box.
    if (!OPINIONS.has(state)) continue
    latest.set(review.user.login.toLowerCase(), { ...review, state })
  }
  return latest
}

/** A GitHub App or other bot account: `type: Bot` or a login ending in `[bot]`. */
export function isBot(user: { login: string; type?: string }): boolean {
  return user.type?.toLowerCase() === 'bot' || user.login.toLowerCase().endsWith(BOT_SUFFIX)
}

/** A bot, a known AI coding agent, or a login matching one of the configured `extra` globs. */
export function isAgent(
  user: { login: string; type?: string },
  extra: readonly string[] = []
): boolean {
  if (isBot(user)) return true
  const login = user.login.toLowerCase()
  const bare = login.endsWith(BOT_SUFFIX) ? login.slice(0, -BOT_SUFFIX.length) : login
  if (AGENT_LOGINS.includes(bare)) return true
  return extra.some((pattern) => {
    const glob = pattern.trim()
    return matchGlob(glob, login, NOCASE) || matchGlob(glob, bare, NOCASE)
  })
}

/** Evaluates reviews against the policy; `approved` only when nothing is missing or unknown. */
export function evaluateApprovals(
  reviews: readonly Review[],
  policy: ApprovalPolicy,
  context: ApprovalContext
): ApprovalResult {
  const authorIsAgent = isAgent(context.author, policy.agentAuthors)
  const agentReasons = [
    ...(authorIsAgent ? [`the author ${context.author.login} is a bot or agent account`] : []),
    ...(context.agentReasons ?? []).filter((r) => !(authorIsAgent && r.startsWith('the author ')))
  ]
  // An invalid setting must not weaken the gate, so anything below 1 becomes 1.
  const configured = Math.max(1, Math.ceil(policy.requiredApprovals) || 1)
  // An agent-touched PR has no human vouching for all of it, so two humans must, whatever the setting.
  const required = agentReasons.length > 0 ? Math.max(configured, 2) : configured
  const author = context.author.login.toLowerCase()
  const pusher = context.pusher?.toLowerCase()
  const excluded = new Map((context.excluded ?? []).map((e) => [e.login.toLowerCase(), e.why]))
  const since = Date.parse(context.fingerprintSince)

  const listed = (policy.approvers ?? [])
    .map((a) => a.trim().replace(/^@/, '').toLowerCase())
    .filter((a) => a !== '')
  const users = new Set(listed.filter((a) => !a.includes('/')))
  const teams = listed.filter((a) => a.includes('/'))
  const members = new Set<string>()
  let error: string | undefined
  for (const team of teams) {
    const found = context.teams?.[team]
    if (!found) {
      error ??= `approvers lists team ${team}, but the token cannot read org teams: use a GitHub App token with Members: read or a PAT with read:org (github-token input)`
      continue
    }
    for (const member of found) members.add(member.toLowerCase())
  }
  if (Number.isNaN(since))
    error ??= `fingerprintSince is not an ISO time: ${context.fingerprintSince}`

  /** Why a reviewer is not qualified to approve or block, or undefined when qualified. */
  const disqualified = (user: { login: string; type?: string }): string | undefined => {
    const login = user.login.toLowerCase()
    if (login === author) return 'is the PR author'
    if (isBot(user)) return 'is a bot'
    if (isAgent(user, policy.agentAuthors)) return 'is an agent account'
    const permission = own(context.permissions, login)
    if (permission === undefined) return 'lacks write permission (permission unknown)'
    if (!WRITE.has(permission)) return 'lacks write permission'
    if (listed.length > 0 && !users.has(login) && !members.has(login)) return 'is not in approvers'
    return undefined
  }

  const verdicts: ReviewerVerdict[] = []
  const counted: string[] = []
  const changesRequestedBy: string[] = []
  for (const review of latestOpinions(reviews).values()) {
    const user = review.user
    if (!user) continue
    const login = user.login.toLowerCase()
    const state = review.state as ReviewState
    const verdict = (ok: boolean, why: string) =>
      verdicts.push({ login: user.login, counted: ok, state, why })
    const notQualified = disqualified(user)
    if (notQualified) {
      verdict(false, notQualified)
    } else if (state === 'DISMISSED') {
      verdict(false, 'review was dismissed')
    } else if (state === 'CHANGES_REQUESTED') {
      // A change request stands across pushes until its author approves or it is dismissed.
      changesRequestedBy.push(user.login)
      verdict(false, 'requested changes')
    } else if (policy.excludePusher && login === pusher) {
      // Whoever pushed the head commit has in effect authored it (require_last_push_approval).
      verdict(false, 'pushed the head commit')
    } else if (policy.excludePusher && excluded.has(login)) {
      verdict(false, excluded.get(login) as string)
    } else if (review.commitId !== context.headSha) {
      verdict(false, 'approved an older commit')
    } else if (!(review.submittedAt !== null && Date.parse(review.submittedAt) >= since)) {
      verdict(false, 'approved before this plan appeared')
    } else {
      counted.push(user.login)
      verdict(true, 'approved on the head commit')
    }
  }

  counted.sort(byLogin)
  changesRequestedBy.sort(byLogin)
  verdicts.sort((a, b) => byLogin(a.login, b.login))
  const approved = !error && counted.length >= required && changesRequestedBy.length === 0
  const summary =
    error ??
    (approved
      ? `approved by ${counted.join(', ')} (${counted.length} of ${required})`
      : pending(required - counted.length, changesRequestedBy, listed.length > 0))
  const agentTouched = agentReasons.length > 0
  return {
    approved,
    required,
    approvers: counted,
    changesRequestedBy,
    reviewers: verdicts,
    authorIsAgent: agentTouched,
    ...(agentTouched ? { agentReasons } : {}),
    ...(error === undefined ? {} : { error }),
    summary: agentTouched && !approved ? `${summary} (${agentText(agentReasons)})` : summary
  }
}

/** The break-glass command from a comment body, or undefined unless it is exact and complete. */
export function parseBreakGlass(body: string): { fingerprint: string; reason: string } | undefined {
  let fenced = false
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim()
    // A command quoted inside a code block is documentation, not a request.
    if (FENCE.test(line)) fenced = !fenced
    if (fenced) continue
    const match = COMMAND.exec(line)
    if (!match) continue
    const reason = (match[2] ?? '').trim().slice(0, REASON_MAX).trim()
    if (reason.length < 3) continue
    return { fingerprint: (match[1] ?? '').toLowerCase(), reason }
  }
  return undefined
}

/** What binds a break-glass to one head, and who may not use it. */
export interface BreakGlassBinding {
  /** The head commit the break-glass must be given on. */
  readonly headSha?: string
  /** When the head was pushed; a comment before it counts only when it names the head. */
  readonly headPushedAt?: string
  /** Who may not break glass here (the PR author, the head's pusher), with why. */
  readonly notBy?: readonly string[]
}

/**
 * The first unused break-glass comment by an allowed human for exactly this fingerprint: never
 * an edited comment, never by the PR author or the head's pusher, and only for the head it was
 * given on (written after that head was pushed, or naming its SHA).
 */
export function findBreakGlass(
  comments: readonly {
    id: number
    user: { login: string; type?: string } | null
    body: string
    createdAt: string
    updatedAt?: string
  }[],
  fingerprint: string,
  allowed: readonly string[],
  used: readonly number[],
  binding: BreakGlassBinding = {}
): BreakGlass | undefined {
  const who = new Set(allowed.map((a) => a.trim().replace(/^@/, '').toLowerCase()))
  const notBy = new Set((binding.notBy ?? []).map((l) => l.toLowerCase()))
  const want = fingerprint.toLowerCase()
  const pushedAt = binding.headPushedAt === undefined ? NaN : Date.parse(binding.headPushedAt)
  for (const comment of comments) {
    const user = comment.user
    if (!user || isBot(user) || !who.has(user.login.toLowerCase())) continue
    if (notBy.has(user.login.toLowerCase())) continue
    if (used.includes(comment.id)) continue
    // An edited comment may say what its author never wrote: the edit can be anyone's.
    if (comment.updatedAt === undefined || comment.updatedAt !== comment.createdAt) continue
    const command = parseBreakGlass(comment.body)
    // A break-glass for an earlier plan must not unlock a different destruction.
    if (!command || command.fingerprint !== want) continue
    if (binding.headSha !== undefined) {
      const after = !Number.isNaN(pushedAt) && Date.parse(comment.createdAt) >= pushedAt
      if (!after && !namesHead(command.reason, binding.headSha)) continue
    }
    return { ...command, by: user.login, commentId: comment.id, at: comment.createdAt }
  }
  return undefined
}

/** Whether a break-glass reason names the head: its full SHA or a prefix of 12 or more. */
function namesHead(reason: string, head: string): boolean {
  const sha = head.toLowerCase()
  return (reason.toLowerCase().match(/\b[0-9a-f]{12,64}\b/g) ?? []).some((w) => sha.startsWith(w))
}

/**
 * Lets one break-glass comment stand in for one missing approval. It never outweighs a change
 * request or an error, never adds to an approval its author already gave, and at most one counts.
 */
export function withBreakGlass(
  result: ApprovalResult,
  breakGlass: BreakGlass | undefined,
  listed = false
): ApprovalResult {
  if (breakGlass === undefined || result.approved || result.error !== undefined) return result
  const by = breakGlass.by.toLowerCase()
  if (result.approvers.some((a) => a.toLowerCase() === by)) return result
  const counted = result.approvers.length + 1
  const approved = counted >= result.required && result.changesRequestedBy.length === 0
  const who = [...result.approvers, `break-glass by ${breakGlass.by}`].join(', ')
  const summary = approved
    ? `approved by ${who} (${counted} of ${result.required})`
    : pending(result.required - counted, result.changesRequestedBy, listed) +
      (result.agentReasons !== undefined && result.agentReasons.length > 0
        ? ` (${agentText(result.agentReasons)})`
        : result.authorIsAgent
          ? ' (the author is a bot or AI agent)'
          : '')
  return { ...result, approved, breakGlass, summary }
}

function agentText(reasons: readonly string[]): string {
  return `agent-touched, so 2 human approvals: ${reasons.join('; ')}`
}

function pending(missing: number, blockers: readonly string[], listed: boolean): string {
  const parts = blockers.length > 0 ? [`changes requested by ${blockers.join(', ')}`] : []
  const who = listed ? 'write access, listed in approvers' : 'write access'
  const noun = missing === 1 ? 'approval' : 'approvals'
  if (missing > 0) parts.push(`needs ${missing} more ${noun} from a qualified reviewer (${who})`)
  return parts.join('; ')
}

function byLogin(a: string, b: string): number {
  return a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0
}
