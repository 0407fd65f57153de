/**
 * The policy step: the plan's classified findings (with their rules' default decisions) in,
 * the findings the policy file makes of them out. It adds the policy's own plan-wide findings
 * (freezes, environments), then applies overrides and exemptions. It never runs a rule's check:
 * classification is finished before it starts. Pure: the clock and the plan file's name come in
 * as arguments.
 */
import { matchBackend, type StateBackend } from '../backend/backend.js'
import { matchGlob, NAME } from '../common/glob.js'
import type { Plan, ResourceChange } from '../plan/model.js'
import type { BlastRadius } from '../rules/blast-radius.js'
import { freezeFindings } from '../rules/generic/change-freeze.js'
import { environmentFindings } from '../rules/generic/environment-guard.js'
import { expiredFinding } from '../rules/generic/exemption-expired.js'
import { tagMaps, tagText } from '../rules/inspect.js'
import type { ClassifyOptions } from '../rules/options.js'
import { resolveRule } from '../rules/registry.js'
import type { Finding } from '../rules/types.js'
import type { Exemption, Policy, RuleOverride } from './defaults.js'
import { DEFAULT_POLICY } from './defaults.js'

export interface GateContext {
  readonly policy: Policy
  /** Epoch milliseconds: freezes and exemption expiry are judged at this time. */
  readonly now: number
  /** The plan file as given (for `plans` and `allow_full_destroy` globs). */
  readonly planFile: string
  /** Environment chosen by the user (`--environment`); else selected by `plans` globs. */
  readonly environment?: string
  /** The state backends read from `--terraform-dir`. */
  readonly backends?: readonly StateBackend[]
}

/** What classification found, as the policy step takes it. */
export interface Classification {
  /** Findings with their rules' default decisions. */
  readonly findings: readonly Finding[]
  /** Fingerprint of the destructive subset, before any policy (approvals bind to the plan). */
  readonly fingerprint: string
  readonly blastRadius: BlastRadius
}

export interface GateResult {
  readonly findings: readonly Finding[]
  /** Fingerprint of the destructive subset, before any policy (approvals bind to the plan). */
  readonly fingerprint: string
  readonly blastRadius: BlastRadius
  readonly environment?: string
}

/** Default context: zero-config policy, no backends. */
export function defaultContext(planFile: string, now: number): GateContext {
  return { policy: DEFAULT_POLICY, now, planFile }
}

/** What the rules take from the policy, worked out once per plan before classification. */
export function classifyOptions(context: GateContext): ClassifyOptions {
  const { policy } = context
  const backends = context.backends ?? []
  return {
    protectTypes: policy.protect.types,
    protectAddresses: policy.protect.addresses,
    tagKeys: policy.protect.tagKeys,
    backupRetentionFloor: policy.thresholds.backupRetentionFloor,
    expiryFloorDays: policy.thresholds.expiryFloorDays,
    backendEvidence: backends.length === 0 ? undefined : (change) => matchBackend(change, backends),
    volume: {
      massDeleteCount: policy.thresholds.massDeleteCount,
      massDeleteShare: policy.thresholds.massDeleteShare,
      allowFullDestroy: policy.thresholds.allowFullDestroy.some((g) =>
        matchGlob(g, context.planFile)
      )
    }
  }
}

/** Whether `match: { tag }` overrides need the changes' tag maps kept while reading. */
export function needsTags(policy: Policy): boolean {
  return policy.rules.some((rule) => rule.match.tag !== undefined)
}

/** Applies the policy to a classified plan. */
export function applyPolicy(
  plan: Plan,
  classification: Classification,
  context: GateContext
): GateResult {
  const { policy } = context
  const { fingerprint, blastRadius } = classification
  const environment = selectEnvironment(context)
  const freeze = policy.freezes.find((f) => f.fromAt <= context.now && context.now <= f.toAt)
  const findings = [
    ...classification.findings,
    ...(freeze === undefined ? [] : freezeFindings(plan, classification.findings, freeze)),
    ...environmentFindings(blastRadius, environment, policy.environments)
  ]
  // Only `match: { tag }` reads the change behind a finding; without overrides there is
  // nothing to apply to each finding.
  const byAddress = policy.rules.some((rule) => rule.match.tag !== undefined)
    ? new Map(plan.changes.map((c) => [c.address, c]))
    : undefined
  const overrides = policy.rules.map((rule) => ({ rule, matches: matcher(rule.match) }))
  const overridden =
    overrides.length === 0
      ? findings
      : findings.flatMap((f) => applyOverrides(f, overrides, byAddress?.get(f.address)))
  return {
    findings: applyExemptions(overridden, policy.exemptions, fingerprint, context.now),
    fingerprint,
    blastRadius,
    environment
  }
}

function selectEnvironment(context: GateContext): string | undefined {
  if (context.environment !== undefined) return context.environment
  const entries = Object.entries(context.policy.environments)
  return entries.find(([, env]) => env.plans?.some((g) => matchGlob(g, context.planFile)))?.[0]
}

/** Whether an override's `match` holds for a finding (and the change it is about). */
type Match = (finding: Finding, change: ResourceChange | undefined) => boolean

/**
 * An override's match, with what does not depend on the finding worked out once: its rule id,
 * its tag, and its type glob's answer once per type (a plan has many findings of each type).
 */
function matcher(match: RuleOverride['match']): Match {
  const ruleId = match.rule === undefined ? undefined : resolveRule(match.rule)
  const typeMatches = match.type === undefined ? undefined : perType(match.type)
  const tag = match.tag === undefined ? undefined : parseTag(match.tag)
  return (finding, change) => {
    if (match.rule !== undefined && !isRule(ruleId, finding)) return false
    if (match.category !== undefined && finding.category !== match.category) return false
    if (typeMatches !== undefined && (finding.type === undefined || !typeMatches(finding.type)))
      return false
    if (match.address !== undefined && !matchGlob(match.address, finding.address, NAME))
      return false
    if (tag !== undefined && !hasTag(change, tag)) return false
    return true
  }
}

/** A type glob's matcher that remembers its answer for each type. */
function perType(glob: string): (type: string) => boolean {
  const answers = new Map<string, boolean>()
  return (type) => {
    let answer = answers.get(type)
    if (answer === undefined) answers.set(type, (answer = matchGlob(glob, type, NAME)))
    return answer
  }
}

/** The last matching override decides; `off` drops the finding. */
function applyOverrides(
  finding: Finding,
  overrides: readonly { readonly rule: RuleOverride; readonly matches: Match }[],
  change: ResourceChange | undefined
): Finding[] {
  let result: Finding = finding
  let off = false
  for (const { rule, matches } of overrides) {
    if (!matches(finding, change)) continue
    off = rule.decision === 'off'
    if (rule.decision !== 'off' && rule.decision !== finding.decision) {
      result = {
        ...finding,
        decision: rule.decision,
        override: { from: finding.decision, reason: rule.reason }
      }
    } else if (rule.decision === finding.decision) {
      result = finding
    }
  }
  return off ? [] : [result]
}

/**
 * A rule reference (resolved: `id`) matches the finding's rule, or the catalog rule behind a
 * no-copy block.
 */
function isRule(id: string | undefined, finding: Finding): boolean {
  return id !== undefined && (id === finding.ruleId || id === finding.data['catalogRule'])
}

/** `key` or `key=value`; keys compare case-insensitively. */
interface TagMatch {
  readonly key: string
  readonly value?: string
}

function parseTag(tag: string): TagMatch {
  const at = tag.indexOf('=')
  if (at < 0) return { key: tag.toLowerCase() }
  return { key: tag.slice(0, at).toLowerCase(), value: tag.slice(at + 1) }
}

function hasTag(change: ResourceChange | undefined, tag: TagMatch): boolean {
  if (change === undefined) return false
  const maps = change.facts?.tags ?? [...tagMaps(change.before), ...tagMaps(change.after)]
  return maps.some(({ tags }) =>
    Object.entries(tags).some(
      ([k, v]) =>
        k.toLowerCase() === tag.key && (tag.value === undefined || tagText(v) === tag.value)
    )
  )
}

/**
 * Matching exemptions lower a finding to a warning and say why. An expired one stops applying
 * and is reported once as expired.
 */
function applyExemptions(
  findings: readonly Finding[],
  exemptions: readonly Exemption[],
  print: string,
  now: number
): Finding[] {
  if (exemptions.length === 0) return [...findings]
  const expired = new Set<Exemption>()
  const compiled = exemptions.map((e) => ({ exemption: e, matches: exemptionMatcher(e, print) }))
  const out = findings.map((finding) => {
    if (finding.decision === 'warn') return finding
    const matching: Exemption[] = []
    for (const { exemption, matches } of compiled) if (matches(finding)) matching.push(exemption)
    const live = matching.find((e) => e.expiresAt === undefined || now <= e.expiresAt)
    for (const e of matching)
      if (e !== live && e.expiresAt !== undefined && now > e.expiresAt) expired.add(e)
    if (live === undefined) return finding
    const exemption =
      live.expires === undefined
        ? { reason: live.reason }
        : { reason: live.reason, expires: live.expires }
    return { ...finding, decision: 'warn' as const, exemption }
  })
  for (const e of expired) {
    out.push(
      expiredFinding({
        target: [e.address, e.rule, e.fingerprint === undefined ? undefined : 'this fingerprint']
          .filter((x) => x !== undefined)
          .join(' / '),
        why: e.reason,
        expires: e.expires ?? ''
      })
    )
  }
  return out
}

/** Whether an exemption covers a finding; its rule reference is resolved once. */
function exemptionMatcher(exemption: Exemption, print: string): (finding: Finding) => boolean {
  const ruleId = exemption.rule === undefined ? undefined : resolveRule(exemption.rule)
  return (finding) => {
    if (exemption.fingerprint !== undefined && exemption.fingerprint !== print) return false
    if (exemption.address !== undefined && !matchGlob(exemption.address, finding.address, NAME))
      return false
    if (exemption.rule !== undefined && !isRule(ruleId, finding)) return false
    return true
  }
}
