/** Builds the report every renderer takes from evaluated plans. */
import type { Plan } from '../plan/model.js'
import { NO_ACTIONS } from '../plan/tally.js'
import { decide, sortFindings } from '../policy/decide.js'
import { hashLines } from '../policy/fingerprint.js'
import type { GateResult } from '../policy/gate.js'
import type { BlastRadius } from '../rules/blast-radius.js'
import { formatMessage } from '../rules/messages.js'
import type { Finding } from '../rules/types.js'
import type { ActionCounts, FindingCounts, PlanSummary, Report, ReportedFinding } from './types.js'

/** One evaluated plan. */
export interface EvaluatedPlan {
  /** The file as the user named it (`-` for stdin); labels findings when there are several. */
  readonly file: string
  readonly plan: Plan
  readonly result: GateResult
}

export interface BuildOptions {
  /** plan-gate's version. */
  readonly version: string
  /** The policy file applied, if any. */
  readonly policySource?: string
  /** The environment the policy selected, if any. */
  readonly environment?: string
}

const EMPTY_COUNTS: ActionCounts = { ...NO_ACTIONS, move: 0, import: 0, drift: 0 }

/** Counts planned changes by action; moves and imports are also counted on their own. */
export function countActions(plan: Plan): ActionCounts {
  const { tally } = plan
  return { ...tally.actions, move: tally.move, import: tally.import, drift: plan.drift.length }
}

/** One pass over the findings, whatever their number. */
function countFindings(findings: readonly Finding[]): FindingCounts {
  const counts = { blocked: 0, 'approval-required': 0, warn: 0 }
  // Counted in locals (the loop runs once per report, mostly before V8 optimises it); a
  // decision that is none of the three still counts as `counts[decision]++` does.
  let blocked = 0
  let approval = 0
  let warn = 0
  for (let i = 0; i < findings.length; i++) {
    const decision = (findings[i] as Finding).decision
    if (decision === 'warn') warn++
    else if (decision === 'approval-required') approval++
    else if (decision === 'blocked') blocked++
    else counts[decision]++
  }
  counts.blocked += blocked
  counts['approval-required'] += approval
  counts.warn += warn
  return counts
}

function summary(input: EvaluatedPlan): PlanSummary {
  const { plan, result } = input
  return {
    file: input.file,
    format: plan.source.format,
    formatVersion: plan.source.formatVersion,
    tool: plan.source.tool,
    toolVersion: plan.source.toolVersion,
    errored: plan.errored,
    applyable: plan.applyable,
    complete: plan.complete,
    operation: plan.operation,
    hasValues: plan.source.format === 'show-json',
    decision: decide(result.findings),
    fingerprint: result.fingerprint,
    counts: { actions: countActions(plan), findings: countFindings(result.findings) }
  }
}

/** With several plans, the combined fingerprint covers each plan's file and fingerprint. */
export function combinedFingerprint(
  plans: readonly { file: string; fingerprint: string }[]
): string {
  if (plans.length === 1 && plans[0] !== undefined) return plans[0].fingerprint
  const lines = plans.map((p) => `${p.file}\t${p.fingerprint}`).sort()
  return hashLines('plan-gate combined fingerprint v1', lines)
}

function union(radii: readonly BlastRadius[]): BlastRadius {
  const merge = (key: keyof BlastRadius): string[] =>
    [...new Set(radii.flatMap((r) => r[key]))].sort()
  return {
    awsAccounts: merge('awsAccounts'),
    gcpProjects: merge('gcpProjects'),
    azureSubscriptions: merge('azureSubscriptions'),
    regions: merge('regions'),
    providers: merge('providers')
  }
}

function sumCounts(plans: readonly PlanSummary[]): ActionCounts {
  const total: Record<keyof ActionCounts, number> = { ...EMPTY_COUNTS }
  for (const plan of plans) {
    for (const key of Object.keys(total) as (keyof ActionCounts)[])
      total[key] += plan.counts.actions[key]
  }
  return total
}

/** The report for one or more evaluated plans. */
export function buildReport(inputs: readonly EvaluatedPlan[], options: BuildOptions): Report {
  const several = inputs.length > 1
  const plans = inputs.map(summary)
  // Each finding copied once, into the ReportedFinding it becomes, then sorted.
  const findings: ReportedFinding[] = []
  for (const input of inputs) {
    const found = input.result.findings
    // An indexed loop: it runs once, mostly before V8 optimises it.
    for (let i = 0; i < found.length; i++) {
      const f = found[i] as Finding
      findings.push(reported(f, several ? input.file : f.plan))
    }
  }
  const only = plans.length === 1 ? plans[0] : undefined
  const environment = inputs.find((i) => i.result.environment !== undefined)?.result.environment
  const source = options.policySource ?? '(defaults)'
  return {
    schemaVersion: 1,
    tool: { name: 'plan-gate', version: options.version },
    // One plan: its findings are the report's, and its summary has counted them already.
    decision: only === undefined ? decide(findings) : only.decision,
    fingerprint: combinedFingerprint(plans),
    plans,
    counts: {
      actions: sumCounts(plans),
      findings: only === undefined ? countFindings(findings) : { ...only.counts.findings }
    },
    blastRadius: union(inputs.map((i) => i.result.blastRadius)),
    policy: environment === undefined ? { source } : { source, environment },
    findings: sortFindings(findings)
  }
}

/**
 * A finding with its reason (and plan label), every declared field in declaration order: all
 * findings of a report have one shape, whichever rule made them.
 */
function reported(f: Finding, plan: string | undefined): ReportedFinding {
  return {
    ruleId: f.ruleId,
    address: f.address,
    type: f.type,
    action: f.action,
    order: f.order,
    deposed: f.deposed,
    category: f.category,
    severity: f.severity,
    decision: f.decision,
    messageId: f.messageId,
    data: f.data,
    source: f.source,
    plan,
    exemption: f.exemption,
    override: f.override,
    reason: formatMessage(f)
  }
}
