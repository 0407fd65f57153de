/**
 * The sticky PR comment: a hidden marker, the markdown report, the approval section and the
 * machine-readable gate state that review and apply runs read instead of re-planning. Pure.
 *
 * Layout (the state line is always last, so text inside the report cannot stand in for it):
 *   <!-- plan-gate:v1 <context> -->
 *   <report markdown>
 *   <!-- plan-gate:approvals -->
 *   <approval section>
 *   <!-- plan-gate-state {json} -->
 */
import { escapeMarkdown } from '../report/markdown.js'
import type { FindingCounts } from '../report/types.js'
import type { Verdict } from '../rules/types.js'
import { PLAN_FORMS, type PlanForm, type PlanRecord } from './plan-set.js'
import type { IssueComment } from './port.js'

/** GitHub rejects comment bodies longer than this (in characters). */
export const COMMENT_LIMIT = 65536
/** GitHub rejects status descriptions longer than this. */
export const DESCRIPTION_LIMIT = 140
/** Below this budget the report is replaced by the compact table. */
const MIN_REPORT = 1500

/** What the gate concluded: `pending` waits for approvals, `error` could not decide. */
export type GateOutcome = 'pass' | 'approved' | 'pending' | 'blocked' | 'error'

/**
 * The state format. v2: identity-bound fingerprints (object identity, provider, account and
 * region; weakened values). A v1 state cannot be compared with a v2 fingerprint.
 */
export const STATE_VERSION = 2

/** The gate state stored in the sticky comment. */
export interface GateState {
  readonly v: 2
  readonly fingerprint: string
  /** The gate outcome when the comment was last written. */
  readonly decision: GateOutcome
  /** The plan's own verdict. */
  readonly planDecision: Verdict
  /** The PR head commit the plan was evaluated for. */
  readonly headSha: string
  /** When this fingerprint was first seen on the PR (ISO, whole seconds). */
  readonly firstSeen: string
  /** Who pushed the head commit, as GitHub's activity log said (shown, never trusted). */
  readonly pusher?: string
  readonly counts: FindingCounts
  /** Break-glass comment ids that counted for this fingerprint. */
  readonly breakGlassUsed: readonly number[]
  /** The plans this state is for: file names, forms and per-plan fingerprints. */
  readonly plans: readonly PlanRecord[]
  /** `<run id>/<attempt>` of the pull_request run that wrote it. */
  readonly run?: string
  /** Another plan set's files seen under the same context for this head: never a pass. */
  readonly conflict?: readonly string[]
  /** Set when the plan could not be evaluated for `headSha`: no recount can pass it. */
  readonly failed?: true
}

const APPROVALS_MARKER = '<!-- plan-gate:approvals -->'
const STATE_LINE = /\n<!-- plan-gate-state (\{[^\n]*\}) -->\n?$/

/** The hidden first line that identifies plan-gate's comment for one status context. */
export function marker(context: string): string {
  // Percent-encoding keeps `--` and `>` out of the HTML comment.
  return `<!-- plan-gate:v1 ${encodeURIComponent(context).replace(/-/g, '%2D')} -->`
}

/** The parts of a comment body, before fitting. */
export interface CommentParts {
  readonly context: string
  /** The report as markdown of at most `maxLength` characters, or undefined if it cannot fit. */
  readonly report: (maxLength: number) => string | undefined
  readonly approvals: string
  /** Absent when the plan could not be evaluated: review runs then fail closed. */
  readonly state?: GateState
  /** Facts for the compact fallback. */
  readonly compact: CompactFacts
}

/** What the compact fallback shows: counts and the fingerprint, never findings. */
export interface CompactFacts {
  readonly title: string
  readonly verdict?: Verdict
  readonly counts?: FindingCounts
  readonly fingerprint?: string
  readonly reason: string
}

/** Builds the comment body; it never exceeds GitHub's limit. */
export function buildComment(parts: CommentParts): string {
  const head = `${marker(parts.context)}\n`
  const tail = `\n${APPROVALS_MARKER}\n${parts.approvals}${stateLine(parts.state)}`
  const budget = COMMENT_LIMIT - head.length - tail.length - 16
  const report = budget >= MIN_REPORT ? parts.report(budget) : undefined
  const body =
    report === undefined || report.length > budget ? compactReport(parts.compact) : report
  const full = `${head}${body.replace(/\n+$/, '')}\n${tail}`
  if (full.length <= COMMENT_LIMIT) return full
  // Only an absurd approval section gets here; the state line must survive whole.
  const short = `\n${APPROVALS_MARKER}\nApproval details are in the job summary.\n${stateLine(parts.state)}`
  return `${head}${compactReport(parts.compact)}${short}`
}

/** The compact table used when the full report does not fit. */
export function compactReport(facts: CompactFacts): string {
  const label = facts.verdict === undefined ? 'unknown' : facts.verdict.replace('-', ' ')
  const lines = [`## ${escapeMarkdown(facts.title)}: ${label}`, '']
  if (facts.counts !== undefined) {
    const c = facts.counts
    lines.push('| Blocked | Needs approval | Warnings |', '| --- | --- | --- |')
    lines.push(`| ${c.blocked} | ${c['approval-required']} | ${c.warn} |`, '')
  }
  lines.push(escapeMarkdown(facts.reason))
  if (facts.fingerprint !== undefined) lines.push('', `Fingerprint: \`${facts.fingerprint}\``)
  return lines.join('\n') + '\n'
}

function stateLine(state: GateState | undefined): string {
  if (state === undefined) return ''
  // `<`, `>`, `&` and `-` as \u escapes: the JSON can then never close the HTML comment.
  const json = JSON.stringify(normalizeState(state)).replace(
    /[<>&-]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  )
  return `\n<!-- plan-gate-state ${json} -->\n`
}

function normalizeState(state: GateState): GateState {
  return {
    v: 2,
    fingerprint: state.fingerprint,
    decision: state.decision,
    planDecision: state.planDecision,
    headSha: state.headSha,
    firstSeen: state.firstSeen,
    ...(state.pusher === undefined ? {} : { pusher: state.pusher }),
    counts: {
      blocked: state.counts.blocked,
      'approval-required': state.counts['approval-required'],
      warn: state.counts.warn
    },
    breakGlassUsed: [...state.breakGlassUsed],
    plans: state.plans.map((p) => ({ file: p.file, form: p.form, fingerprint: p.fingerprint })),
    ...(state.run === undefined ? {} : { run: state.run }),
    ...(state.conflict === undefined ? {} : { conflict: [...state.conflict] }),
    ...(state.failed === true ? { failed: true as const } : {})
  }
}

/** A parsed plan-gate comment: its report section and, when valid, its state. */
export interface ParsedComment {
  readonly report: string
  readonly state?: GateState
  /** The state line is from an older plan-gate whose fingerprints cannot be compared. */
  readonly outdated?: number
}

/** Parses a body written by `buildComment` for `context`; undefined when it is not one. */
export function parseComment(body: string, context: string): ParsedComment | undefined {
  const head = `${marker(context)}\n`
  const text = body.replace(/\r\n/g, '\n')
  if (!text.startsWith(head)) return undefined
  const match = STATE_LINE.exec(text)
  const state = match === null ? undefined : parseState(match[1] as string)
  const end = text.lastIndexOf(`\n${APPROVALS_MARKER}\n`)
  const report = end < head.length ? '' : text.slice(head.length, end)
  if (state !== undefined) return { report, state }
  const outdated = match === null ? undefined : stateVersion(match[1] as string)
  return outdated === undefined || outdated >= STATE_VERSION ? { report } : { report, outdated }
}

function stateVersion(json: string): number | undefined {
  try {
    const v = (JSON.parse(json) as { v?: unknown } | null)?.v
    return typeof v === 'number' && Number.isInteger(v) ? v : undefined
  } catch {
    return undefined
  }
}

/**
 * plan-gate's comments among a PR's comments, oldest first: those with our marker written by
 * `account` (plan-gate's own identity), through its GitHub App when GitHub names one. Comments
 * by any other account, bot or person, are never the state. Whether one was edited since is
 * checked by the adapter (src/github/trusted-state.ts).
 */
export function stickyCandidates(
  comments: readonly IssueComment[],
  context: string,
  account = 'github-actions[bot]'
): { readonly id: number; readonly parsed: ParsedComment; readonly comment: IssueComment }[] {
  const found = []
  for (const comment of comments) {
    const user = comment.user
    if (user === null || !isAccount(user, account)) continue
    if (comment.app !== undefined && comment.app !== null && comment.app !== appSlug(account))
      continue
    const parsed = parseComment(comment.body, context)
    if (parsed !== undefined) found.push({ id: comment.id, parsed, comment })
  }
  return found
}

/** The oldest of `stickyCandidates`, before any edit check. */
export function findSticky(
  comments: readonly IssueComment[],
  context: string,
  account = 'github-actions[bot]'
):
  | { readonly id: number; readonly parsed: ParsedComment; readonly comment: IssueComment }
  | undefined {
  return stickyCandidates(comments, context, account)[0]
}

/** Whether `user` is plan-gate's account: same login (case-insensitive), a Bot for `[bot]`. */
export function isAccount(user: { login: string; type?: string }, account: string): boolean {
  const bot = account.toLowerCase().endsWith('[bot]')
  if (bot && user.type !== 'Bot') return false
  return user.login.toLowerCase() === account.toLowerCase()
}

/** The GitHub App slug of a `<slug>[bot]` account. */
export function appSlug(account: string): string {
  return account.replace(/\[bot\]$/i, '').toLowerCase()
}

const OUTCOMES: readonly GateOutcome[] = ['pass', 'approved', 'pending', 'blocked', 'error']
const VERDICTS: readonly Verdict[] = ['pass', 'approval-required', 'blocked']
const FINGERPRINT = /^sha256:[0-9a-f]{64}$/
const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/
const LOGIN = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}(\[bot\])?$/

/** The state from its JSON text, or undefined unless every field is present and well-formed. */
export function parseState(json: string): GateState | undefined {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    return undefined
  }
  if (typeof value !== 'object' || value === null) return undefined
  const s = value as Record<string, unknown>
  const counts = s['counts'] as Record<string, unknown> | null | undefined
  const count = (key: string): boolean =>
    typeof counts?.[key] === 'number' &&
    Number.isInteger(counts[key]) &&
    (counts[key] as number) >= 0
  const used = s['breakGlassUsed']
  const ok =
    s['v'] === STATE_VERSION &&
    typeof s['fingerprint'] === 'string' &&
    FINGERPRINT.test(s['fingerprint']) &&
    OUTCOMES.includes(s['decision'] as GateOutcome) &&
    VERDICTS.includes(s['planDecision'] as Verdict) &&
    typeof s['headSha'] === 'string' &&
    SHA.test(s['headSha']) &&
    typeof s['firstSeen'] === 'string' &&
    ISO.test(s['firstSeen']) &&
    !Number.isNaN(Date.parse(s['firstSeen'])) &&
    (s['pusher'] === undefined || (typeof s['pusher'] === 'string' && LOGIN.test(s['pusher']))) &&
    typeof counts === 'object' &&
    counts !== null &&
    count('blocked') &&
    count('approval-required') &&
    count('warn') &&
    Array.isArray(used) &&
    used.every((id) => Number.isInteger(id) && (id as number) > 0) &&
    // A failed evaluation read no plan: its state alone may name none.
    (s['failed'] === true && Array.isArray(s['plans']) && s['plans'].length === 0
      ? true
      : validPlans(s['plans'])) &&
    (s['run'] === undefined || (typeof s['run'] === 'string' && RUN.test(s['run']))) &&
    (s['conflict'] === undefined ||
      (Array.isArray(s['conflict']) && s['conflict'].every(validFile))) &&
    (s['failed'] === undefined || s['failed'] === true)
  return ok ? normalizeState(value as GateState) : undefined
}

const RUN = /^\d{1,20}\/\d{1,6}$/

// eslint-disable-next-line no-control-regex -- rejecting control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/

function validFile(file: unknown): boolean {
  return typeof file === 'string' && file.length > 0 && file.length <= 1000 && !CONTROL.test(file)
}

/** At least one plan, each with a file name, a known form and a fingerprint. */
function validPlans(value: unknown): boolean {
  if (!Array.isArray(value) || value.length === 0 || value.length > 1000) return false
  return value.every((p: unknown) => {
    if (typeof p !== 'object' || p === null) return false
    const r = p as Record<string, unknown>
    return (
      validFile(r['file']) &&
      PLAN_FORMS.includes(r['form'] as PlanForm) &&
      typeof r['fingerprint'] === 'string' &&
      FINGERPRINT.test(r['fingerprint'])
    )
  })
}

/** A commit status description within GitHub's 140 characters, on one line. */
export function statusDescription(text: string): string {
  // eslint-disable-next-line no-control-regex -- flattening control characters is the point
  const flat = text.replace(/[\s\u0000-\u001f\u007f]+/g, ' ').trim()
  const chars = [...flat]
  if (chars.length <= DESCRIPTION_LIMIT) return flat
  return `${chars.slice(0, DESCRIPTION_LIMIT - 1).join('')}…`
}

/** The current time as GitHub writes it: ISO, whole seconds (floored). */
export function isoSeconds(date: Date): string {
  return new Date(Math.floor(date.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z')
}
