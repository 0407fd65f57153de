/**
 * The plan set a gate state belongs to: each plan file's name, form and fingerprint. Two jobs
 * that gate different plans under one status context would overwrite each other's state (the
 * last writer wins); the plan set lets a run see that and refuse. Pure.
 */
import type { InputFormat } from '../plan/model.js'
import type { Report } from '../report/types.js'

/** What a plan was read from: `terraform show -json` (also of a binary plan) or the stream. */
export type PlanForm = 'show-json' | 'stream'

export const PLAN_FORMS: readonly PlanForm[] = ['show-json', 'stream']

export interface PlanRecord {
  readonly file: string
  readonly form: PlanForm
  readonly fingerprint: string
}

/** A plan's form: the stream carries no values, no deposed keys and no order, so its fingerprint differs. */
export function formOf(format: InputFormat): PlanForm {
  return format === 'show-json' ? 'show-json' : 'stream'
}

/** The plan set of a report, in the order the plans were given. */
export function planSet(report: Pick<Report, 'plans'>): PlanRecord[] {
  return report.plans.map((p) => ({
    file: p.file,
    form: formOf(p.format),
    fingerprint: p.fingerprint
  }))
}

/** How a form reads in a message. */
export function formName(form: PlanForm): string {
  return form === 'show-json' ? '`terraform show -json` output' : 'the `plan -json` stream'
}

function files(plans: readonly PlanRecord[]): string {
  return plans.map((p) => p.file).join(', ')
}

/** The state fields that tell whose plan set it is. */
export interface PlanSetState {
  readonly plans: readonly PlanRecord[]
  readonly headSha: string
  readonly fingerprint: string
  /** `<run id>/<attempt>` of the run that wrote it. */
  readonly run?: string
  /** Files of another plan set seen under the same context for the same head. */
  readonly conflict?: readonly string[]
}

/**
 * Why this run must not overwrite `previous`: another plan set wrote it for the same head (other
 * files, or in the same run attempt another fingerprint), or it already records such a clash.
 * A new head starts over: the first writer for it owns the state.
 */
export function planSetConflict(
  previous: PlanSetState | undefined,
  current: { plans: readonly PlanRecord[]; headSha: string; fingerprint: string; run?: string },
  context: string
): string | undefined {
  if (previous === undefined || previous.headSha !== current.headSha) return undefined
  const fix = `give each plan set its own \`status-context\``
  if (previous.conflict !== undefined)
    return `two plan sets share the status context "${context}" (${files(previous.plans)} and ${previous.conflict.join(', ')}): ${fix}`
  const sameFiles =
    previous.plans.length === current.plans.length &&
    previous.plans.every((p, i) => p.file === current.plans[i]?.file)
  const sameRun =
    previous.run !== undefined &&
    previous.run === current.run &&
    previous.fingerprint !== current.fingerprint
  if (sameFiles && !sameRun) return undefined
  return `two plan sets share the status context "${context}" (${files(previous.plans)} and ${files(current.plans)}${sameFiles ? ', gated twice in one run' : ''}): ${fix}`
}

/**
 * Why an apply-time plan set cannot be judged by a PR's: another form (the fingerprints differ by
 * form, so the check would fail without saying why).
 */
export function formMismatch(
  approved: readonly PlanRecord[],
  applied: readonly PlanRecord[],
  pullNumber: number
): string | undefined {
  const was = [...new Set(approved.map((p) => p.form))]
  const now = [...new Set(applied.map((p) => p.form))]
  if (was.length === now.length && was.every((f) => now.includes(f))) return undefined
  return `PR #${pullNumber} was gated on ${was.map(formName).join(' and ')} (${files(approved)}), this apply on ${now.map(formName).join(' and ')} (${files(applied)}): gate the same form at both (best: the binary plan)`
}
