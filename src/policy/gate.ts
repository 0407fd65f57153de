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
  const overridden =
    policy.rules.length === 0
      ? findings
      : findings.flatMap((f) => applyOverrides(f, policy.rules, byAddress?.get(f.address)))
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

/** The last matching override decides; `off` drops the finding. */
function applyOverrides(
  finding: Finding,
  rules: readonly RuleOverride[],
  change: ResourceChange | undefined
): Finding[] {
  let result: Finding = finding
  let off = false
  for (const rule of rules) {
    if (!matches(rule.match, finding, change)) continue
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

function matches(
  match: RuleOverride['match'],
  finding: Finding,
  change: ResourceChange | undefined
): boolean {
  if (match.rule !== undefined && !sameRule(match.rule, finding)) return false
  if (match.category !== undefined && finding.category !== match.category) return false
  if (
    match.type !== undefined &&
    (finding.type === undefined || !matchGlob(match.type, finding.type, NAME))
  )
    return false
  if (match.address !== undefined && !matchGlob(match.address, finding.address, NAME)) return false
  if (match.tag !== undefined && !hasTag(change, match.tag)) return false
  return true
}

/** A rule reference matches the finding's rule, or the catalog rule behind a no-copy block. */
function sameRule(reference: string, finding: Finding): boolean {
  const id = resolveRule(reference)
  return id !== undefined && (id === finding.ruleId || id === finding.data['catalogRule'])
}

function hasTag(change: ResourceChange | undefined, tag: string): boolean {
  if (change === undefined) return false
  const maps = change.facts?.tags ?? [...tagMaps(change.before), ...tagMaps(change.after)]
  const [key, value] = tag.includes('=')
    ? [tag.slice(0, tag.indexOf('=')), tag.slice(tag.indexOf('=') + 1)]
    : [tag, undefined]
  return maps.some(({ tags }) =>
    Object.entries(tags).some(
      ([k, v]) =>
        k.toLowerCase() === key.toLowerCase() && (value === undefined || tagText(v) === value)
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
  const out = findings.map((finding) => {
    if (finding.decision === 'warn') return finding
    const matching = exemptions.filter((e) => exemptionMatches(e, finding, print))
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

function exemptionMatches(exemption: Exemption, finding: Finding, print: string): boolean {
  if (exemption.fingerprint !== undefined && exemption.fingerprint !== print) return false
  if (exemption.address !== undefined && !matchGlob(exemption.address, finding.address, NAME))
    return false
  if (exemption.rule !== undefined && !sameRule(exemption.rule, finding)) return false
  return true
}
