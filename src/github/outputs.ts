/** What a run leaves behind: the step outputs and the approval record in the JSON report. */
import type { ApprovalRecord } from '../report/types.js'
import type { RunResult } from './run.js'

/** The approval record the JSON report carries. */
export function approvalRecord(result: RunResult): ApprovalRecord {
  const { decision, approval } = result
  return {
    outcome: decision.outcome,
    status: decision.status.state,
    description: decision.status.description,
    ...(approval === undefined ? {} : { required: approval.required }),
    approvers: [...(approval?.approvers ?? [])],
    changesRequestedBy: [...(approval?.changesRequestedBy ?? [])],
    ...(result.pullNumber === undefined ? {} : { pullRequest: result.pullNumber }),
    ...(result.headSha === undefined ? {} : { headSha: result.headSha }),
    ...(result.since === undefined ? {} : { fingerprintSince: result.since }),
    ...(approval?.breakGlass === undefined ? {} : { breakGlass: { ...approval.breakGlass } })
  }
}

/** The step outputs, in the order they are set; absent values are left unset. */
export function stepOutputs(
  result: RunResult,
  reportPath: string | undefined
): [name: string, value: string][] {
  const outputs: [string, string | number | undefined][] = [
    ['decision', result.verdict],
    ['fingerprint', result.fingerprint],
    ['blocked', result.counts?.blocked],
    ['approval-required', result.counts?.['approval-required']],
    ['warn', result.counts?.warn],
    ['approved', String(['pass', 'approved'].includes(result.decision.outcome))],
    ['approvers', (result.approval?.approvers ?? []).join(',')],
    ['status', result.decision.status.state],
    ['report-path', reportPath]
  ]
  return outputs.flatMap(([name, value]) => (value === undefined ? [] : [[name, String(value)]]))
}
