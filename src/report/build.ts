/** Builds the report every renderer takes from a plan and its findings. */
import type { Plan } from '../plan/model.js'
import { decide, sortFindings } from '../policy/decide.js'
import type { GateResult } from '../policy/gate.js'
import { formatMessage } from '../rules/messages.js'
import type { Finding } from '../rules/types.js'
import type { ActionCounts, Report } from './types.js'

export interface BuildOptions {
  /** The file as the user named it. */
  readonly file: string
  /** plan-gate's version. */
  readonly version: string
  /** The policy file applied, if any. */
  readonly policySource?: string
}

/** Counts planned changes by action; moves and imports are also counted on their own. */
export function countActions(plan: Plan): ActionCounts {
  const counts = {
    create: 0,
    read: 0,
    update: 0,
    'no-op': 0,
    delete: 0,
    replace: 0,
    forget: 0,
    'forget-replace': 0,
    unknown: 0,
    move: 0,
    import: 0,
    drift: plan.drift.length
  }
  for (const change of plan.changes) {
    counts[change.action]++
    if (change.moved) counts.move++
    if (change.importing) counts.import++
  }
  return counts
}

/** The report for one plan, from the gate's result. */
export function buildReport(plan: Plan, result: GateResult, options: BuildOptions): Report {
  const findings = result.findings
  const sorted = sortFindings(result.findings).map((f) => ({ ...f, reason: formatMessage(f) }))
  const count = (decision: Finding['decision']): number =>
    findings.filter((f) => f.decision === decision).length
  return {
    schemaVersion: 1,
    tool: { name: 'plan-gate', version: options.version },
    decision: decide(findings),
    fingerprint: result.fingerprint,
    plan: {
      file: options.file,
      format: plan.source.format,
      formatVersion: plan.source.formatVersion,
      tool: plan.source.tool,
      toolVersion: plan.source.toolVersion,
      errored: plan.errored,
      applyable: plan.applyable,
      complete: plan.complete,
      operation: plan.operation,
      hasValues: plan.source.format === 'show-json'
    },
    counts: {
      actions: countActions(plan),
      findings: {
        blocked: count('blocked'),
        'approval-required': count('approval-required'),
        warn: count('warn')
      }
    },
    blastRadius: result.blastRadius,
    policy:
      result.environment === undefined
        ? { source: options.policySource ?? '(defaults)' }
        : { source: options.policySource ?? '(defaults)', environment: result.environment },
    findings: sorted
  }
}
