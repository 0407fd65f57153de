/** JSON report: the `Report` as is, with a stable key order, and its JSON Schema. */
import { CATEGORIES } from '../catalog/types.js'
import type { Action, ActionOrder, InputFormat } from '../plan/model.js'
import { MESSAGE_IDS as MESSAGE_IDS_LIST } from '../rules/messages.js'
import type { Decision, FindingSource, MessageId, Severity, Verdict } from '../rules/types.js'
import type {
  ActionCounts,
  ApprovalRecord,
  PlanInfo,
  PlanSummary,
  Report,
  ReportedFinding
} from './types.js'

/** Renders the report as pretty JSON (2-space indent, trailing newline), keys in `types.ts` order. */
export function renderJson(report: Report): string {
  return [...renderJsonChunks(report)].join('')
}

// The findings' place in the report rendered with none: a newline and two spaces cannot occur
// inside a JSON string (newlines are escaped), so this marks the spot exactly.
const NO_FINDINGS = '\n  "findings": []'

/**
 * renderJson's text in pieces, a few findings at a time, so that a report of a full destroy
 * (100,000 findings and more) is never one string: the same bytes as JSON.stringify of the
 * whole ordered report, the findings stringified in small lists and indented as its elements.
 */
export function* renderJsonChunks(report: Report): Generator<string> {
  const text = JSON.stringify(ordered(report, []), null, 2) + '\n'
  const at = text.indexOf(NO_FINDINGS)
  if (report.findings.length === 0 || at < 0) {
    yield text
    return
  }
  yield `${text.slice(0, at)}\n  "findings": [\n`
  const findings = report.findings
  const parts: string[] = []
  const writer = new FindingWriter()
  for (let from = 0; from < findings.length; from += FINDINGS_PER_PIECE) {
    const to = Math.min(from + FINDINGS_PER_PIECE, findings.length)
    parts.length = 0
    // The caller ran between pieces: nothing read before is taken as still the same.
    writer.forget()
    for (let i = from; i < to; i++) {
      if (i > 0) parts.push(',\n')
      if (!writer.write(findings[i], parts)) parts.push(findingByStringify(findings, i))
    }
    yield parts.join('')
  }
  yield `\n  ]${text.slice(at + NO_FINDINGS.length)}`
}

/**
 * One element of the findings list as JSON.stringify prints it in the report (the reference
 * for writeFinding): the element alone in a list, indented to its place.
 */
export function findingByStringify(findings: readonly ReportedFinding[], i: number): string {
  // "[\n  {…}\n]": the element, two spaces short of its place in the report. slice() keeps a
  // hole as one, which JSON prints as null, as it would in the whole list.
  const list = JSON.stringify(findings.slice(i, i + 1).map(orderedFinding), null, 2)
  return `  ${list.slice(2, -2).replaceAll('\n', '\n  ')}`
}

// writeFinding: the text of a finding as an element of the report's findings list, the same
// bytes as findingByStringify, without a copy of the finding or a JSON.stringify of it. It
// writes only what has the type the Report declares (strings, a flat data record of strings,
// finite numbers and booleans); anything else, it leaves to findingByStringify.

const OPEN = '    {\n      '
const NEXT = ',\n      '
const DATA_OPEN = '{\n        '
const DATA_NEXT = ',\n        '
const DATA_CLOSE = '\n      }'
const CLOSE = '\n    }'

/** `"name": ` of every field, quoted once. */
const KEY = {
  ruleId: '"ruleId": ',
  address: '"address": ',
  type: '"type": ',
  action: '"action": ',
  order: '"order": ',
  deposed: '"deposed": ',
  category: '"category": ',
  severity: '"severity": ',
  decision: '"decision": ',
  messageId: '"messageId": ',
  data: '"data": ',
  source: '"source": ',
  plan: '"plan": ',
  exemption: '"exemption": ',
  override: '"override": ',
  reason: '"reason": ',
  expires: '"expires": ',
  from: '"from": '
} as const

/**
 * Strings as JSON, remembered: a report repeats a few rule ids, types, categories, data keys and
 * values and reasons thousands of times. Bounded: cleared when full.
 */
const quotedTexts = new Map<string, string>()
const QUOTED_MAX = 4096

function quoted(text: string): string {
  let json = quotedTexts.get(text)
  if (json === undefined) {
    json = JSON.stringify(text)
    if (quotedTexts.size >= QUOTED_MAX) quotedTexts.clear()
    quotedTexts.set(text, json)
  }
  return json
}

/**
 * writeFinding, remembering the text after the address of the last finding written: in a
 * sorted report most findings share it with the one before (the same rule, type, data record
 * and reason for one address after another), and then only the address is new.
 */
export class FindingWriter {
  private last: ReportedFinding | undefined
  private tail = ''

  forget(): void {
    this.last = undefined
  }

  /** writeFinding: appends the finding's text to `parts`, or returns false. */
  write(finding: unknown, parts: string[]): boolean {
    if (typeof finding !== 'object' || finding === null) return false
    const f = finding as ReportedFinding
    const last = this.last
    if (last !== undefined && sameTail(last, f) && typeof f.address === 'string') {
      parts.push(headOf(last.ruleId), JSON.stringify(f.address), this.tail)
      return true
    }
    const mark = parts.length
    if (!writeFinding(f, parts)) return false
    // The head is OPEN, "ruleId": …, NEXT, "address": …: six parts when both are strings.
    const remembered =
      typeof f.ruleId === 'string' &&
      typeof f.address === 'string' &&
      f.exemption === undefined &&
      f.override === undefined &&
      typeof f.data === 'object' &&
      Object.isFrozen(f.data)
    this.last = remembered ? f : undefined
    if (remembered) this.tail = parts.slice(mark + 6).join('')
    return true
  }
}

/**
 * Whether `f`'s text after its address is `last`'s: every field but the address the same (a
 * data record frozen, so the same record is the same text), none of the objects a policy adds.
 */
function sameTail(last: ReportedFinding, f: ReportedFinding): boolean {
  return (
    f.ruleId === last.ruleId &&
    f.data === last.data &&
    f.reason === last.reason &&
    f.type === last.type &&
    f.action === last.action &&
    f.order === last.order &&
    f.deposed === last.deposed &&
    f.category === last.category &&
    f.severity === last.severity &&
    f.decision === last.decision &&
    f.messageId === last.messageId &&
    f.source === last.source &&
    f.plan === last.plan &&
    f.exemption === undefined &&
    f.override === undefined
  )
}

/** A finding's text up to its address, by rule id. */
const heads = new Map<string, string>()

function headOf(ruleId: string): string {
  let head = heads.get(ruleId)
  if (head === undefined) {
    head = `${OPEN}${KEY.ruleId}${JSON.stringify(ruleId)}${NEXT}${KEY.address}`
    if (heads.size >= QUOTED_MAX) heads.clear()
    heads.set(ruleId, head)
  }
  return head
}

/** Appends the text of `finding` to `parts`; false (and nothing appended) when it cannot. */
export function writeFinding(finding: unknown, parts: string[]): boolean {
  if (typeof finding !== 'object' || finding === null) return false
  const f = finding as ReportedFinding
  const mark = parts.length
  const w = { parts, sep: OPEN }
  const ok =
    text(w, KEY.ruleId, f.ruleId, true) &&
    text(w, KEY.address, f.address, false) &&
    text(w, KEY.type, f.type, true) &&
    text(w, KEY.action, f.action, true) &&
    text(w, KEY.order, f.order, true) &&
    text(w, KEY.deposed, f.deposed, false) &&
    text(w, KEY.category, f.category, true) &&
    text(w, KEY.severity, f.severity, true) &&
    text(w, KEY.decision, f.decision, true) &&
    text(w, KEY.messageId, f.messageId, true) &&
    data(w, f.data) &&
    text(w, KEY.source, f.source, true) &&
    text(w, KEY.plan, f.plan, true) &&
    pair(w, KEY.exemption, f.exemption, 'reason', KEY.reason, 'expires', KEY.expires) &&
    pair(w, KEY.override, f.override, 'from', KEY.from, 'reason', KEY.reason) &&
    text(w, KEY.reason, f.reason, true)
  if (!ok) {
    parts.length = mark
    return false
  }
  // A finding with no field at all is an empty object.
  parts.push(w.sep === OPEN ? '    {}' : CLOSE)
  return true
}

interface Writer {
  readonly parts: string[]
  sep: string
}

/** A string field: written when a string, left out when undefined, else not writable. */
function text(w: Writer, key: string, value: unknown, repeats: boolean): boolean {
  if (value === undefined) return true
  if (typeof value !== 'string') return false
  w.parts.push(w.sep, key, repeats ? quoted(value) : JSON.stringify(value))
  w.sep = NEXT
  return true
}

/** The data record: its own keys in their order, scalars only. */
function data(w: Writer, value: unknown): boolean {
  if (value === undefined) return true
  if (!isPlainRecord(value)) return false
  const { parts } = w
  const mark = parts.length
  parts.push(w.sep, KEY.data)
  let sep = DATA_OPEN
  for (const key of Object.keys(value)) {
    const item = value[key]
    let json: string
    if (typeof item === 'string') json = quoted(item)
    else if (typeof item === 'number') json = Number.isFinite(item) ? String(item) : 'null'
    else if (typeof item === 'boolean') json = item ? 'true' : 'false'
    else if (item === undefined) continue
    else {
      parts.length = mark
      return false
    }
    parts.push(sep, quoted(key), ': ', json)
    sep = DATA_NEXT
  }
  parts.push(sep === DATA_OPEN ? '{}' : DATA_CLOSE)
  w.sep = NEXT
  return true
}

/** exemption and override: an object of two optional strings, as orderedFinding copies it. */
function pair(
  w: Writer,
  key: string,
  value: unknown,
  first: string,
  firstKey: string,
  second: string,
  secondKey: string
): boolean {
  if (value === undefined) return true
  if (!isPlainRecord(value)) return false
  const a = value[first]
  const b = value[second]
  if ((a !== undefined && typeof a !== 'string') || (b !== undefined && typeof b !== 'string'))
    return false
  const { parts } = w
  parts.push(w.sep, key)
  if (a === undefined && b === undefined) parts.push('{}')
  else {
    if (a !== undefined) parts.push(DATA_OPEN, firstKey, quoted(a))
    if (b !== undefined) parts.push(a === undefined ? DATA_OPEN : DATA_NEXT, secondKey, quoted(b))
    parts.push(DATA_CLOSE)
  }
  w.sep = NEXT
  return true
}

/**
 * An object JSON.stringify prints as its own enumerable keys: a plain record (not an array, a
 * boxed primitive or anything with a toJSON).
 */
function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const proto = Object.getPrototypeOf(value) as unknown
  if (proto !== Object.prototype && proto !== null) return false
  return typeof (value as { toJSON?: unknown }).toJSON !== 'function'
}

/** Findings per piece of renderJsonChunks: each piece a small part of a large report. */
export const FINDINGS_PER_PIECE = 32

/** A copy of the report holding exactly the declared fields, in declaration order. */
function ordered(report: Report, findings?: ReportedFinding[]): Report {
  return {
    schemaVersion: report.schemaVersion,
    tool: { name: report.tool.name, version: report.tool.version },
    decision: report.decision,
    fingerprint: report.fingerprint,
    plans: report.plans.map(orderedPlan),
    counts: {
      actions: orderedCounts(report.counts.actions),
      findings: {
        blocked: report.counts.findings.blocked,
        'approval-required': report.counts.findings['approval-required'],
        warn: report.counts.findings.warn
      }
    },
    blastRadius: {
      awsAccounts: [...report.blastRadius.awsAccounts],
      gcpProjects: [...report.blastRadius.gcpProjects],
      azureSubscriptions: [...report.blastRadius.azureSubscriptions],
      regions: [...report.blastRadius.regions],
      providers: [...report.blastRadius.providers]
    },
    policy: { source: report.policy.source, environment: report.policy.environment },
    findings: findings ?? report.findings.map(orderedFinding),
    approval: report.approval === undefined ? undefined : orderedApproval(report.approval)
  }
}

function orderedApproval(approval: ApprovalRecord): ApprovalRecord {
  const glass = approval.breakGlass
  return {
    outcome: approval.outcome,
    status: approval.status,
    description: approval.description,
    required: approval.required,
    approvers: [...approval.approvers],
    changesRequestedBy: [...approval.changesRequestedBy],
    pullRequest: approval.pullRequest,
    headSha: approval.headSha,
    fingerprintSince: approval.fingerprintSince,
    breakGlass:
      glass === undefined
        ? undefined
        : {
            fingerprint: glass.fingerprint,
            reason: glass.reason,
            by: glass.by,
            commentId: glass.commentId,
            at: glass.at
          }
  }
}

function orderedPlan(plan: PlanSummary): PlanSummary {
  return {
    file: plan.file,
    format: plan.format,
    formatVersion: plan.formatVersion,
    tool: plan.tool,
    toolVersion: plan.toolVersion,
    errored: plan.errored,
    applyable: plan.applyable,
    complete: plan.complete,
    operation: plan.operation,
    hasValues: plan.hasValues,
    decision: plan.decision,
    fingerprint: plan.fingerprint,
    counts: {
      actions: orderedCounts(plan.counts.actions),
      findings: {
        blocked: plan.counts.findings.blocked,
        'approval-required': plan.counts.findings['approval-required'],
        warn: plan.counts.findings.warn
      }
    }
  }
}

function orderedCounts(counts: ActionCounts): ActionCounts {
  const entries = keysOf(ACTION_COUNT_KEYS).map((key) => [key, counts[key]])
  return Object.fromEntries(entries) as Record<keyof ActionCounts, number>
}

function orderedFinding(finding: ReportedFinding): ReportedFinding {
  return {
    ruleId: finding.ruleId,
    address: finding.address,
    type: finding.type,
    action: finding.action,
    order: finding.order,
    deposed: finding.deposed,
    category: finding.category,
    severity: finding.severity,
    decision: finding.decision,
    messageId: finding.messageId,
    // Scalars only (FindingData): printed as they are, without a copy per finding.
    data: finding.data,
    source: finding.source,
    plan: finding.plan,
    exemption:
      finding.exemption === undefined
        ? undefined
        : { reason: finding.exemption.reason, expires: finding.exemption.expires },
    override:
      finding.override === undefined
        ? undefined
        : { from: finding.override.from, reason: finding.override.reason },
    reason: finding.reason
  }
}

// Every union is spelled out as a record so the compiler notices a value the schema lacks.

const ACTIONS: Readonly<Record<Action, true>> = {
  create: true,
  read: true,
  update: true,
  'no-op': true,
  delete: true,
  replace: true,
  forget: true,
  'forget-replace': true,
  unknown: true
}

const ACTION_COUNT_KEYS: Readonly<Record<keyof ActionCounts, true>> = {
  ...ACTIONS,
  move: true,
  import: true,
  drift: true
}

const ACTION_ORDERS: Readonly<Record<ActionOrder, true>> = {
  'delete-first': true,
  'create-first': true,
  'create-then-forget': true,
  'forget-then-create': true,
  unspecified: true
}

const VERDICTS: Readonly<Record<Verdict, true>> = {
  pass: true,
  'approval-required': true,
  blocked: true
}

const DECISIONS: Readonly<Record<Decision, true>> = {
  warn: true,
  'approval-required': true,
  blocked: true
}

const SEVERITIES: Readonly<Record<Severity, true>> = {
  low: true,
  medium: true,
  high: true,
  critical: true
}

/** Every message id, from the templates (src/rules/messages.ts): one list, one place. */
const MESSAGE_IDS: Readonly<Record<MessageId, true>> = Object.fromEntries(
  MESSAGE_IDS_LIST.map((id) => [id, true])
) as Record<MessageId, true>

const SOURCES: Readonly<Record<FindingSource, true>> = {
  change: true,
  drift: true,
  deferred: true,
  plan: true
}

const INPUT_FORMATS: Readonly<Record<InputFormat, true>> = {
  'show-json': true,
  jsonl: true,
  'json-array': true
}

const PLAN_TOOLS: Readonly<Record<PlanInfo['tool'], true>> = {
  terraform: true,
  opentofu: true,
  unknown: true
}

const OPERATIONS: Readonly<Record<NonNullable<PlanInfo['operation']>, true>> = {
  plan: true,
  apply: true,
  destroy: true
}

function keysOf<K extends string>(record: Readonly<Record<K, unknown>>): K[] {
  return Object.keys(record) as K[]
}

type JsonSchema = { readonly [key: string]: unknown }

function enumOf(description: string, record: Readonly<Record<string, unknown>>): JsonSchema {
  return { description, type: 'string', enum: keysOf(record) }
}

function closedObject(
  description: string,
  properties: Readonly<Record<string, JsonSchema>>,
  optional: readonly string[] = []
): JsonSchema {
  const required = Object.keys(properties).filter((key) => !optional.includes(key))
  return { description, type: 'object', additionalProperties: false, required, properties }
}

const COUNT: JsonSchema = { type: 'integer', minimum: 0 }

const ref = (name: string): JsonSchema => ({ $ref: `#/$defs/${name}` })

const PLAN_SUMMARY = closedObject(
  'One evaluated plan: facts about it (never attribute values), its verdict and fingerprint.',
  {
    file: { description: 'The file as the user named it (`-` for stdin).', type: 'string' },
    format: enumOf('Input format the plan was read from.', INPUT_FORMATS),
    formatVersion: {
      description: '`format_version` for show-json, `ui` version for streams.',
      type: 'string'
    },
    tool: enumOf('What produced the plan, as far as the input tells.', PLAN_TOOLS),
    toolVersion: { description: 'Version of the tool that produced the plan.', type: 'string' },
    errored: { description: 'The plan reported errors.', type: 'boolean' },
    applyable: { description: 'The plan can be applied.', type: 'boolean' },
    complete: {
      description: '`false` when `-target` was used or something was deferred.',
      type: 'boolean'
    },
    operation: enumOf('`plan`, `apply` or `destroy` (`plan -destroy`).', OPERATIONS),
    hasValues: {
      description: 'Whether before/after values were available (false for the JSON Lines stream).',
      type: 'boolean'
    },
    decision: ref('verdict'),
    fingerprint: {
      description: "This plan's fingerprint.",
      type: 'string',
      pattern: '^sha256:[0-9a-f]{64}$'
    },
    counts: closedObject("This plan's counts.", {
      actions: ref('actionCounts'),
      findings: ref('findingCounts')
    })
  },
  ['formatVersion', 'toolVersion', 'applyable', 'complete', 'operation']
)

const FINDING_COUNTS = closedObject('Number of findings per decision.', {
  blocked: { type: 'integer', minimum: 0 },
  'approval-required': { type: 'integer', minimum: 0 },
  warn: { type: 'integer', minimum: 0 }
})

const ACTION_COUNTS = closedObject(
  'Counts of planned changes by action; moves and imports are counted besides their action.',
  Object.fromEntries(keysOf(ACTION_COUNT_KEYS).map((key) => [key, COUNT]))
)

const FINDING = closedObject(
  'A finding as reports show it: the finding plus its human reason.',
  {
    ruleId: {
      description: 'Stable rule id: a catalog id (`PG-AWS-001`) or a generic rule (`PG-0001`).',
      type: 'string',
      minLength: 1
    },
    address: {
      description: 'Resource address, or `(plan)` for plan-level findings.',
      type: 'string',
      minLength: 1
    },
    type: { description: 'Resource type, when the finding is about a resource.', type: 'string' },
    action: ref('action'),
    order: ref('actionOrder'),
    deposed: { description: 'Deposed object key.', type: 'string' },
    category: ref('category'),
    severity: ref('severity'),
    decision: ref('decision'),
    messageId: ref('messageId'),
    data: {
      description: 'Names and harmless scalars the reason is built from; never secret values.',
      type: 'object',
      additionalProperties: { type: ['string', 'number', 'boolean'] }
    },
    source: enumOf('Where in the plan the finding comes from.', SOURCES),
    plan: {
      description: 'Label of the plan the finding belongs to, when several plans are evaluated.',
      type: 'string'
    },
    exemption: closedObject(
      'Set when a policy exemption lowered this finding to a warning.',
      { reason: { type: 'string' }, expires: { type: 'string' } },
      ['expires']
    ),
    override: closedObject(
      'Set when a policy rule changed the decision.',
      { from: ref('decision'), reason: { type: 'string' } },
      ['reason']
    ),
    reason: { description: 'One sentence a person understands.', type: 'string' }
  },
  ['type', 'action', 'order', 'deposed', 'category', 'plan', 'exemption', 'override']
)

const ID_LIST: JsonSchema = { type: 'array', items: { type: 'string' } }

const APPROVAL_OUTCOMES: Readonly<Record<ApprovalRecord['outcome'], true>> = {
  pass: true,
  approved: true,
  pending: true,
  blocked: true,
  error: true
}

const STATUS_STATES: Readonly<Record<ApprovalRecord['status'], true>> = {
  success: true,
  pending: true,
  failure: true,
  error: true
}

const FINGERPRINT: JsonSchema = { type: 'string', pattern: '^sha256:[0-9a-f]{64}$' }

const APPROVAL = closedObject(
  'Set by the GitHub Action: how approvals were judged for these plans.',
  {
    outcome: enumOf('The gate: `pass` means nothing needed approval.', APPROVAL_OUTCOMES),
    status: enumOf('The commit status state posted (or that would have been).', STATUS_STATES),
    description: { description: 'The status description.', type: 'string' },
    required: { description: 'Approvals required.', type: 'integer', minimum: 1 },
    approvers: { description: 'Logins whose approvals counted.', ...ID_LIST },
    changesRequestedBy: { description: 'Logins whose change requests stand.', ...ID_LIST },
    pullRequest: { description: 'The pull request judged.', type: 'integer', minimum: 1 },
    headSha: { description: 'The commit approvals had to be given on.', type: 'string' },
    fingerprintSince: {
      description: 'When the fingerprint was first seen on the PR; earlier approvals do not count.',
      type: 'string'
    },
    breakGlass: closedObject('A break-glass comment that stood in for one approval.', {
      fingerprint: FINGERPRINT,
      reason: { type: 'string' },
      by: { type: 'string' },
      commentId: { type: 'integer', minimum: 1 },
      at: { type: 'string' }
    })
  },
  ['required', 'pullRequest', 'headSha', 'fingerprintSince', 'breakGlass']
)

/** JSON Schema (draft 2020-12) of `renderJson` output; `schema/report.schema.json` holds a copy. */
export const REPORT_JSON_SCHEMA: JsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://raw.githubusercontent.com/plan-gate/plan-gate/main/schema/report.schema.json',
  title: 'plan-gate report',
  ...closedObject(
    'What plan-gate found in a Terraform or OpenTofu plan, and its verdict.',
    {
      schemaVersion: {
        description: 'Version of this JSON shape; bumped only on incompatible changes.',
        const: 1
      },
      tool: closedObject('The program that wrote the report.', {
        name: { const: 'plan-gate' },
        version: { type: 'string' }
      }),
      decision: ref('verdict'),
      fingerprint: {
        description: 'Hash of the destructive subset of the plan; approvals bind to it.',
        type: 'string',
        pattern: '^sha256:[0-9a-f]{64}$'
      },
      plans: {
        description: 'Every plan evaluated, in the order given.',
        type: 'array',
        minItems: 1,
        items: ref('planSummary')
      },
      counts: closedObject('Counts of planned changes and of findings.', {
        actions: ref('actionCounts'),
        findings: ref('findingCounts')
      }),
      blastRadius: closedObject(
        'Accounts, projects, subscriptions and regions the plan touches (ids only).',
        {
          awsAccounts: ID_LIST,
          gcpProjects: ID_LIST,
          azureSubscriptions: ID_LIST,
          regions: ID_LIST,
          providers: ID_LIST
        }
      ),
      policy: closedObject(
        'Which policy was applied.',
        {
          source: { description: 'The policy file, or `(defaults)`.', type: 'string' },
          environment: { description: 'The selected environment.', type: 'string' }
        },
        ['environment']
      ),
      findings: {
        description: 'Most dangerous first: decision, then severity, then address.',
        type: 'array',
        items: ref('finding')
      },
      approval: APPROVAL
    },
    ['approval']
  ),
  $defs: {
    verdict: enumOf('`pass` means nothing stronger than a warning remains.', VERDICTS),
    decision: enumOf('What a single finding asks for.', DECISIONS),
    severity: enumOf('How bad the change is if it goes wrong.', SEVERITIES),
    action: enumOf('What happens to the real object.', ACTIONS),
    actionOrder: enumOf('Ordering of a two-step action.', ACTION_ORDERS),
    category: enumOf('What kind of thing the resource type is.', CATEGORIES),
    messageId: enumOf('Template the reason was built from.', MESSAGE_IDS),
    planSummary: PLAN_SUMMARY,
    findingCounts: FINDING_COUNTS,
    actionCounts: ACTION_COUNTS,
    finding: FINDING
  }
}
