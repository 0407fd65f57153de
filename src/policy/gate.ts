/**
 * The gate: classification plus the policy file's plan-wide rules (mass deletion, full destroy,
 * freezes, environments), then its overrides and exemptions. Pure: the clock and the plan
 * file's name come in as arguments.
 */
import { matchBackend, type StateBackend } from '../backend/backend.js'
import type { ChangeFacts, Plan, ResourceChange } from '../plan/model.js'
import { withoutValues, type Retain } from '../plan/read.js'
import {
  changeRadius,
  inferBlastRadius,
  outsideEnvironment,
  type BlastRadius
} from '../rules/blast-radius.js'
import {
  changeFindings,
  evaluate,
  identityOf,
  isDestroy,
  tagMaps,
  type ClassifyOptions
} from '../rules/evaluate.js'
import { GENERIC } from '../rules/generic.js'
import { resolveRule } from '../rules/registry.js'
import type { Finding } from '../rules/types.js'
import type { Exemption, Policy, RuleOverride } from './config.js'
import { DEFAULT_POLICY } from './config.js'
import { fingerprint, fingerprintLines } from './fingerprint.js'
import { matchGlob, NAME } from './glob.js'

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

function classifyOptions(context: GateContext): ClassifyOptions {
  const { policy } = context
  const backends = context.backends ?? []
  return {
    protectTypes: policy.protect.types,
    protectAddresses: policy.protect.addresses,
    tagKeys: policy.protect.tagKeys,
    backupRetentionFloor: policy.thresholds.backupRetentionFloor,
    expiryFloorDays: policy.thresholds.expiryFloorDays,
    backendEvidence: backends.length === 0 ? undefined : (change) => matchBackend(change, backends)
  }
}

/**
 * A `retain` for the plan reader that keeps memory bounded by what changes: no-op and read
 * changes are dropped (the reader still counts them), and every other change keeps only its
 * skeleton plus the facts the gate needs, computed from its values right away.
 */
export function slimmer(context: GateContext): Retain {
  const options = classifyOptions(context)
  // Tag maps are only read by `match: { tag }` overrides; without one, keeping them would be
  // most of the memory a large plan's changes take.
  const needTags = context.policy.rules.some((rule) => rule.match.tag !== undefined)
  return (change, section) => {
    if (section === 'change' && (change.action === 'no-op' || change.action === 'read')) {
      return undefined
    }
    const skeleton = withoutValues(change)
    if (section !== 'change') return skeleton
    const facts: ChangeFacts = {
      findings: changeFindings(change, options),
      radius: changeRadius(change),
      tags: needTags
        ? [change.before, change.after].flatMap((values) =>
            tagMaps(values).map(({ map, tags }) => ({
              map,
              tags: Object.fromEntries(Object.entries(tags).map(([k, v]) => [k, tagText(v)]))
            }))
          )
        : [],
      identity: identityOf(change)
    }
    return { ...skeleton, facts }
  }
}

/** Evaluates a plan under a policy. */
export function gate(plan: Plan, context: GateContext): GateResult {
  const { policy } = context
  const classified = evaluate(plan, classifyOptions(context))
  const print = fingerprint(fingerprintLines(plan, classified))
  const blastRadius = inferBlastRadius(plan)
  const environment = selectEnvironment(context)
  const findings = [
    ...classified,
    ...deletionVolume(plan, context),
    ...freezeFindings(plan, classified, context),
    ...environmentFindings(blastRadius, environment, context)
  ]
  const byAddress = new Map(plan.changes.map((c) => [c.address, c]))
  const overridden = findings.flatMap((f) =>
    applyOverrides(f, policy.rules, byAddress.get(f.address))
  )
  return {
    findings: applyExemptions(overridden, policy.exemptions, print, context.now),
    fingerprint: print,
    blastRadius,
    environment
  }
}

function managed(plan: Plan): ResourceChange[] {
  return plan.changes.filter((c) => c.mode === 'managed' && c.deposed === undefined)
}

/** Mass deletion needs approval; deleting everything is blocked unless allowed for the plan. */
function deletionVolume(plan: Plan, context: GateContext): Finding[] {
  const { thresholds } = context.policy
  const total = plan.tally.managed
  const deleted = managed(plan).filter(isDestroy).length
  if (deleted === 0) return []
  const base = { address: '(plan)', source: 'plan' as const }
  const full = fullDestroy(plan)
  const everything = full !== undefined
  if (full && !thresholds.allowFullDestroy.some((g) => matchGlob(g, context.planFile))) {
    return [
      {
        ...base,
        ruleId: GENERIC.fullDestroy.id,
        severity: 'critical',
        decision: 'blocked',
        messageId: 'full-destroy',
        data: { count: full.count, countedFrom: full.countedFrom }
      }
    ]
  }
  const share = deleted / total
  const overCount = deleted > thresholds.massDeleteCount
  const overShare =
    plan.source.format === 'show-json' && total > 1 && share > thresholds.massDeleteShare
  if (everything || (!overCount && !overShare)) return []
  const threshold = overCount
    ? `${thresholds.massDeleteCount} resources`
    : `${Math.round(thresholds.massDeleteShare * 100)}% of the plan`
  return [
    {
      ...base,
      ruleId: GENERIC.massDelete.id,
      severity: 'high',
      decision: 'approval-required',
      messageId: 'mass-delete',
      data: { count: deleted, total, threshold }
    }
  ]
}

/**
 * Whether the plan destroys everything that exists before it, and how that was counted: every
 * managed resource instance in the state is deleted (a replace keeps its resource, so it never
 * counts). The state is `prior_state` (show-json) or the objects the stream's refresh messages
 * name; without either, a complete show-json plan's `resource_changes` (which list unchanged
 * resources too), and for a stream without refresh messages (`-refresh=false`) only a
 * change_summary that says `destroy`. A targeted plan without `prior_state` cannot tell.
 */
export function fullDestroy(plan: Plan): { count: number; countedFrom: string } | undefined {
  const changes = managed(plan)
  const deleted = changes.filter((c) => c.action === 'delete').length
  if (deleted === 0) return undefined
  // More deletes than objects in state is no real state (a hand-made plan): count otherwise.
  const inventory =
    plan.inventory !== undefined && plan.inventory.managed >= deleted ? plan.inventory : undefined
  if (inventory !== undefined) {
    if (deleted < inventory.managed) return undefined
    return {
      count: inventory.managed,
      countedFrom:
        inventory.source === 'prior_state'
          ? `all ${inventory.managed} managed resource(s) in prior_state`
          : `all ${inventory.managed} managed object(s) the plan refreshed`
    }
  }
  if (plan.source.format === 'show-json') {
    const existing = plan.tally.managed - plan.tally.actions.create
    if (plan.complete === false || deleted < existing) return undefined
    return {
      count: existing,
      countedFrom: `all ${existing} existing resource(s) in resource_changes (no prior_state)`
    }
  }
  if (plan.operation === 'destroy') {
    return { count: deleted, countedFrom: 'the change_summary says destroy' }
  }
  return undefined
}

/** During a freeze, any destructive change (or weakened protection) blocks the plan. */
function freezeFindings(
  plan: Plan,
  classified: readonly Finding[],
  context: GateContext
): Finding[] {
  const freeze = context.policy.freezes.find(
    (f) => f.fromAt <= context.now && context.now <= f.toAt
  )
  if (freeze === undefined) return []
  const destructive = new Set(
    managed(plan)
      .filter((c) => isDestroy(c) || c.action === 'forget' || c.action === 'forget-replace')
      .map((c) => c.address)
  )
  for (const f of classified) if (f.messageId === 'protection-weakened') destructive.add(f.address)
  if (destructive.size === 0) return []
  return [
    {
      address: '(plan)',
      source: 'plan',
      ruleId: GENERIC.freeze.id,
      severity: 'critical',
      decision: 'blocked',
      messageId: 'freeze',
      data: { until: freeze.to, why: freeze.reason, count: destructive.size }
    }
  ]
}

function selectEnvironment(context: GateContext): string | undefined {
  if (context.environment !== undefined) return context.environment
  const entries = Object.entries(context.policy.environments)
  return entries.find(([, env]) => env.plans?.some((g) => matchGlob(g, context.planFile)))?.[0]
}

function environmentFindings(
  radius: BlastRadius,
  environment: string | undefined,
  context: GateContext
): Finding[] {
  const names = Object.keys(context.policy.environments)
  if (names.length === 0) return []
  const base = { address: '(plan)', source: 'plan' as const, ruleId: GENERIC.environment.id }
  const spec = environment === undefined ? undefined : context.policy.environments[environment]
  if (environment === undefined || spec === undefined) {
    const known = names.join(', ')
    return [
      {
        ...base,
        severity: 'critical',
        decision: 'blocked',
        messageId: 'environment-unselected',
        data: {
          environments:
            environment === undefined ? known : `${known}; "${environment}" is not one of them`
        }
      }
    ]
  }
  const outside = outsideEnvironment(radius, spec)
  if (outside.length === 0) return []
  const labels: Record<string, string> = {
    'aws-account': 'AWS account',
    'gcp-project': 'Google project',
    'azure-subscription': 'Azure subscription',
    region: 'region'
  }
  return [
    {
      ...base,
      severity: 'critical',
      decision: 'blocked',
      messageId: 'environment-outside',
      data: {
        environment,
        outside: outside.map((o) => `${labels[o.kind] ?? o.kind} ${o.value}`).join(', ')
      }
    }
  ]
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
 * A tag value as text. Tag values are strings; a map or list in their place is not converted
 * with String(), which would call the plan's own `toString` key (`{"toString":1}` throws).
 */
function tagText(value: unknown): string {
  return typeof value === 'object' && value !== null
    ? Object.prototype.toString.call(value)
    : String(value)
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
    out.push({
      address: '(plan)',
      source: 'plan',
      ruleId: GENERIC.exemptionExpired.id,
      severity: 'medium',
      decision: 'warn',
      messageId: 'exemption-expired',
      data: {
        target: [e.address, e.rule, e.fingerprint === undefined ? undefined : 'this fingerprint']
          .filter((x) => x !== undefined)
          .join(' / '),
        why: e.reason,
        expires: e.expires ?? ''
      }
    })
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
