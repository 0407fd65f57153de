/**
 * The only place findings become prose. Each message id maps to a function of the finding's
 * data, like eslint's `meta.messages`: tests assert on ids, people read these.
 */
import { own } from '../common/record.js'
import { withArticle } from './article.js'
import type { Finding, FindingData, MessageId } from './types.js'

type Template = (data: FindingData, finding: Finding) => string

function str(data: FindingData, key: string): string {
  const value = data[key]
  return value === undefined ? '' : String(value)
}

/** "Deletes", "Replaces (delete first)", "Deletes a deposed object of" … */
function verb(finding: Finding): string {
  if (finding.deposed !== undefined)
    return 'Deletes a deposed object (left by create_before_destroy) of'
  if (finding.action === 'replace') {
    if (finding.order === 'delete-first') return 'Replaces (destroys first, then creates)'
    if (finding.order === 'create-first') return 'Replaces (creates the new one, then destroys)'
    return 'Replaces'
  }
  return 'Deletes'
}

function because(data: FindingData): string {
  const reason = str(data, 'reason')
  const forcedBy = str(data, 'forcedBy')
  const text = reason === '' ? '' : (own(REASON_TEXT, reason) ?? reason)
  if (forcedBy === '') return text === '' ? '' : ` (${text})`
  return ` (${text === '' ? 'replacement forced' : text}: ${forcedBy})`
}

/** What Terraform's `action_reason` values mean, for people. */
export const REASON_TEXT: Readonly<Record<string, string>> = {
  replace_because_tainted: 'the object is tainted',
  replace_because_cannot_update: 'a changed attribute forces replacement',
  replace_by_request: 'replacement was requested with -replace',
  replace_by_triggers: 'replace_triggered_by fired',
  delete_because_no_resource_config:
    'the resource block was removed, and with it any prevent_destroy',
  delete_because_wrong_repetition: 'count/for_each changed kind',
  delete_because_count_index: 'count was lowered',
  delete_because_each_key: 'its key left for_each',
  delete_because_no_module: 'its module block was removed, and with it any prevent_destroy',
  delete_because_no_move_target: 'the moved target has no configuration',
  delete_because_enabled_false: 'enabled = false removed it, and with it any prevent_destroy',
  forgot_because_lifecycle_destroy_in_config: 'lifecycle destroy = false',
  forgot_because_lifecycle_destroy_in_state: 'destroy = false recorded in state'
}

const FAMILY_TEXT: Readonly<Record<string, string>> = {
  'deletion-protection': 'deletion protection',
  'final-snapshot': 'final snapshot on delete',
  'backup-retention': 'backup retention',
  'point-in-time-recovery': 'point-in-time recovery',
  'force-destroy': 'force destroy (contents deleted with it)',
  versioning: 'versioning',
  'object-lock': 'object lock',
  'soft-delete': 'soft delete / purge protection',
  'key-deletion-window': 'key deletion window',
  'secret-recovery-window': 'secret recovery window',
  'retain-backups': 'backups kept after delete',
  'termination-protection': 'termination protection',
  'key-disabled': 'key availability (data encrypted with it becomes unreadable)',
  'data-expiry': 'data expiry (data is deleted when it runs out)',
  ttl: 'time to live (items are deleted as they expire)',
  retention: 'retention (older data is deleted)',
  'lock-retention': 'lock retention'
}

function weakened(data: FindingData): string {
  const attribute = str(data, 'attribute')
  const family = FAMILY_TEXT[str(data, 'family')] ?? str(data, 'family')
  if (data['unknown'] === true) {
    return `${attribute} becomes unknown until apply, which counts as not safe: ${family} may be weakened`
  }
  const from =
    data['from'] !== undefined
      ? ` ${String(data['from'])} →`
      : data['fromText'] !== undefined
        ? ` ${str(data, 'fromText')} →`
        : ''
  const to =
    data['to'] === undefined
      ? ` ${str(data, 'toText') || 'an unsafe value'}`
      : ` ${String(data['to'])}`
  const hidden = data['sensitive'] === true ? ' (values are sensitive and not shown)' : ''
  const floor =
    data['floorDays'] === undefined ? '' : ` (below the floor of ${str(data, 'floorDays')} days)`
  return `Weakens ${family}: ${attribute}${from}${to}${floor}${hidden}`
}

const TEMPLATES: Readonly<Record<MessageId, Template>> = {
  'plan-errored': () =>
    'The plan reported errors (errored: true); it is incomplete and must not be applied',
  'stream-error-diagnostics': (d) =>
    `The plan run emitted ${str(d, 'count')} error diagnostic(s); the plan is incomplete and must not be applied`,
  'unknown-action': (d) =>
    `Unknown action ${str(d, 'actions')}: plan-gate cannot tell what it does to the object, so it fails closed`,
  'destroy-state-storage': (d, f) =>
    `${verb(f)} Terraform state storage (${str(d, 'evidence')})${because(d)}: every state it holds would be lost`,
  'destroy-data-store': (d, f) => `${verb(f)} ${withArticle(str(d, 'categoryLabel'))}${because(d)}`,
  'destroy-tagged': (d, f) =>
    `${verb(f)} a resource marked protected by its ${str(d, 'tagMap')} key "${str(d, 'tagKey')}"${because(d)}`,
  'destroy-resource': (d, f) => `${verb(f)} ${str(d, 'type')}${because(d)}`,
  'forget-data-store': (d) =>
    `Removes ${withArticle(str(d, 'categoryLabel'))} from state without destroying it; Terraform stops managing it${because(d)}`,
  'protection-weakened': (d) => weakened(d),
  'drift-delete': () => 'Was deleted outside Terraform (drift): the object is already gone',
  'stream-no-values': (d) =>
    `${str(d, 'count')} destroy(s) read from a stream without attribute values: tags, state storage, surviving copies and protection settings could not be checked (gate on \`terraform show -json\` output for full coverage)`,
  'destroy-state-backend': (d, f) =>
    `${verb(f)} ${str(d, 'evidence')}${because(d)}: the state of this very configuration lives there`,
  'change-state-backend': (d) =>
    `Changes ${str(d, 'evidence')}: the state of this very configuration lives there`,
  'destroy-no-copy': (d, f) =>
    `${verb(f)} ${withArticle(str(d, 'categoryLabel'))}${because(d)} and no copy survives (none of: ${str(d, 'missing')}). To unblock: take or keep a backup first in a separate change, or add an exemption`,
  'destroy-policy-protected': (d, f) =>
    `${verb(f)} a resource the policy protects (${str(d, 'pattern')})${because(d)}`,
  'mass-delete': (d) =>
    `Deletes ${str(d, 'count')} of ${str(d, 'total')} managed resources (threshold: more than ${str(d, 'threshold')})`,
  'full-destroy': (d) =>
    `Destroys every managed resource (${str(d, 'countedFrom') || str(d, 'count')}), as \`terraform destroy\` does; allow it for this plan with thresholds.allow_full_destroy`,
  freeze: (d) =>
    `Change freeze until ${str(d, 'until')} (${str(d, 'why')}): ${str(d, 'count')} destructive change(s) are blocked`,
  'environment-outside': (d) =>
    `Environment "${str(d, 'environment')}" may not touch ${str(d, 'outside')}`,
  'environment-unselected': (d) =>
    `The policy declares environments (${str(d, 'environments')}) but none matches this plan: select one with --environment or an environments.<name>.plans glob`,
  'exemption-expired': (d) =>
    `The exemption for ${str(d, 'target')} ("${str(d, 'why')}") expired on ${str(d, 'expires')} and no longer applies`,
  'policy-changed': (d) =>
    `The policy file ${str(d, 'file')} changed (${str(d, 'keys')}): this change is judged by the policy of its base commit, and the new policy needs approval from the approvers`,
  'gate-files-changed': (d) =>
    `The gate's own files changed (${str(d, 'files')}): workflows, actions, CODEOWNERS, policy files and protected paths need approval from the approvers`
}

/** Every message id, in the order of the templates above. */
export const MESSAGE_IDS = Object.keys(TEMPLATES) as readonly MessageId[]

/**
 * The human reason for a finding, with its hints and how the policy changed it. A plan's
 * findings share a few frozen data records (one per type and reason), and a reason depends only
 * on its data, its message id and the verb (the templates read nothing else of the finding but
 * what verb() reads): the reason of a finding the policy left alone is made once per data
 * record, message id and verb, and the same string is returned for each.
 */
export function formatMessage(finding: Finding): string {
  const data = finding.data
  if (
    finding.exemption !== undefined ||
    finding.override !== undefined ||
    typeof data !== 'object' ||
    data === null ||
    !Object.isFrozen(data)
  )
    return composeMessage(finding)
  let byMessage = reasons.get(data)
  if (byMessage === undefined) reasons.set(data, (byMessage = new Map()))
  let byVerb = byMessage.get(finding.messageId)
  if (byVerb === undefined) byMessage.set(finding.messageId, (byVerb = new Map()))
  const v = verb(finding)
  let text = byVerb.get(v)
  if (text === undefined) byVerb.set(v, (text = composeMessage(finding)))
  return text
}

/** Reasons made, by frozen data record, message id and verb(). */
const reasons = new WeakMap<FindingData, Map<MessageId, Map<string, string>>>()

/** formatMessage without remembering: the reference it is tested against. */
export function composeMessage(finding: Finding): string {
  let text = TEMPLATES[finding.messageId](finding.data, finding)
  const renameTo = str(finding.data, 'renameTo')
  if (renameTo !== '') text += `; this looks like a rename to ${renameTo}: add a \`moved\` block`
  const copy = str(finding.data, 'copy')
  if (copy !== '') text += `; kept: ${copy}`
  if (finding.exemption !== undefined) {
    const until =
      finding.exemption.expires === undefined ? '' : ` until ${finding.exemption.expires}`
    text += ` [exempt${until}: ${finding.exemption.reason}]`
  }
  if (finding.override !== undefined) {
    text += ` [policy: ${finding.override.from} → ${finding.decision}${finding.override.reason === undefined ? '' : `, ${finding.override.reason}`}]`
  }
  return text
}
