/** Builds the report every renderer takes from a plan and its findings. */
import type { Plan } from '../plan/model.js'
import { decide, sortFindings } from '../policy/decide.js'
import { fingerprint, fingerprintLines } from '../policy/fingerprint.js'
import { formatMessage } from '../rules/messages.js'
import type { Finding } from '../rules/types.js'
import type { ActionCounts, Report, ReportedFinding } from './types.js'

export interface BuildOptions {
  /** The file as the user named it. */
  readonly file: string
  /** plan-gate's version. */
  readonly version: string
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

/** A finding with its reason, keys in the documented order, undefined keys dropped. */
function reported(f: Finding): ReportedFinding {
  const out: Record<string, unknown> = {
    ruleId: f.ruleId,
    address: f.address,
    plan: f.plan,
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
    reason: formatMessage(f)
  }
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key]
  return out as unknown as ReportedFinding
}

/** The report for one plan. */
export function buildReport(
  plan: Plan,
  findings: readonly Finding[],
  options: BuildOptions
): Report {
  const sorted = sortFindings(findings).map(reported)
  const count = (decision: Finding['decision']): number =>
    findings.filter((f) => f.decision === decision).length
  return {
    schemaVersion: 1,
    tool: { name: 'plan-gate', version: options.version },
    decision: decide(findings),
    fingerprint: fingerprint(fingerprintLines(plan, findings)),
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
    findings: sorted
  }
}
