/**
 * Turns raw `resource_changes` elements (show-json) and `planned_change` messages (JSON Lines
 * stream) into the normalized `ResourceChange`.
 */
import { isRecord, own } from '../common/record.js'
import { PlanInputError } from './errors.js'
import type { Action, ActionOrder, AttrPath, ProviderRef, ResourceChange } from './model.js'
import type { ChangeSummary } from './peek.js'

interface ActionInfo {
  readonly action: Action
  readonly order?: ActionOrder
}

const SHOW_ACTIONS: Readonly<Record<string, ActionInfo>> = {
  'no-op': { action: 'no-op' },
  create: { action: 'create' },
  read: { action: 'read' },
  update: { action: 'update' },
  delete: { action: 'delete' },
  forget: { action: 'forget' },
  'delete,create': { action: 'replace', order: 'delete-first' },
  'create,delete': { action: 'replace', order: 'create-first' },
  'create,forget': { action: 'forget-replace', order: 'create-then-forget' },
  'forget,create': { action: 'forget-replace', order: 'forget-then-create' }
}

/**
 * Each listed spelling with its action and as one frozen list: a large plan has many changes
 * and few spellings, so its changes share these instead of keeping an `actions` array each.
 */
const SHOW_SPELLINGS: ReadonlyMap<string, { info: ActionInfo; list: readonly string[] }> = new Map(
  Object.entries(SHOW_ACTIONS).map(([key, info]) => [
    key,
    { info, list: Object.freeze(key.split(',')) }
  ])
)

/**
 * Maps a show-json `actions` array; anything not listed is `unknown` (fail closed), and so is
 * a list that only joins to a listed spelling (`["delete,create"]` is one unknown action).
 */
export function actionFromArray(actions: readonly string[]): ActionInfo {
  return spelling(actions)?.info ?? { action: 'unknown' }
}

/** The listed spelling equal to `actions`, if any. */
function spelling(
  actions: readonly string[]
): { info: ActionInfo; list: readonly string[] } | undefined {
  const found = SHOW_SPELLINGS.get(actions.join(','))
  // Equal joins and equal lengths: no element holds a comma, so the lists are equal.
  return found !== undefined && found.list.length === actions.length ? found : undefined
}

/** Stream reasons that are spelled differently from show-json's `action_reason`. */
const STREAM_REASONS: Readonly<Record<string, string>> = {
  tainted: 'replace_because_tainted',
  requested: 'replace_by_request',
  cannot_update: 'replace_because_cannot_update',
  replace_triggered_by: 'replace_by_triggers'
}

/** Maps a stream `reason` to show-json spelling; unknown values are kept verbatim. */
export function reasonFromStream(reason: string): string {
  return own(STREAM_REASONS, reason) ?? reason
}

/** Splits `registry.terraform.io/hashicorp/aws`, `aws`, or 0.12-style `null.aliased`. */
export function providerRef(providerName: string): ProviderRef {
  // A plan has a few providers and many changes: one frozen reference per provider name.
  let ref = providerRefs.get(providerName)
  if (ref === undefined) {
    ref = Object.freeze(parseProviderName(providerName))
    if (providerRefs.size < 1024) providerRefs.set(providerName, ref)
  }
  return ref
}

const providerRefs = new Map<string, ProviderRef>()

function parseProviderName(providerName: string): ProviderRef {
  if (providerName.includes('/')) {
    const last = providerName.slice(providerName.lastIndexOf('/') + 1)
    return { name: last, fqn: providerName }
  }
  const dot = providerName.indexOf('.')
  if (dot > 0) return { name: providerName.slice(0, dot), alias: providerName.slice(dot + 1) }
  return { name: providerName }
}

/** The provider implied by a resource type prefix (`google_sql…` → `google`). */
export function impliedProvider(type: string): string {
  const underscore = type.indexOf('_')
  return underscore > 0 ? type.slice(0, underscore) : type
}

/**
 * A version string as reports may print it, or undefined. Versions come from the input file,
 * so anything that does not look like a version is dropped rather than echoed.
 */
export function versionOrUndefined(value: unknown): string | undefined {
  // Bounded: a version is echoed in error messages, and 8 MB of digits is not a version.
  return typeof value === 'string' &&
    /^v?\d{1,9}(\.\d{1,9}){0,2}([-+][0-9A-Za-z.-]{1,40})?$/.test(value)
    ? value
    : undefined
}

/**
 * An address as error messages show it: on one line (control characters and line separators
 * escaped, so an address cannot add lines or fake log commands) and at most 200 characters.
 */
function shownAddress(address: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const escaped = address.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (ch) =>
    ch === '\n' ? '\\n' : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`
  )
  return escaped.length > 200 ? `${escaped.slice(0, 199)}…` : escaped
}

/** Describes a JSON value's type for error messages, never its content. */
function jsonType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}

/**
 * Where a value is, for error messages: the text, or what makes it (only called for an error:
 * escaping an address costs more than the rest of a change).
 */
type Where = string | (() => string)

const text = (where: Where): string => (typeof where === 'string' ? where : where())

function requireString(obj: Readonly<Record<string, unknown>>, key: string, where: Where): string {
  const value = obj[key]
  if (typeof value !== 'string') {
    throw new PlanInputError(`${text(where)}: "${key}" must be a string, found ${jsonType(value)}`)
  }
  return value
}

function optionalString(
  obj: Readonly<Record<string, unknown>>,
  key: string,
  where: Where
): string | undefined {
  const value = obj[key]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string') {
    throw new PlanInputError(`${text(where)}: "${key}" must be a string, found ${jsonType(value)}`)
  }
  return value
}

function indexOf(value: unknown, where: Where): string | number | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string' || typeof value === 'number') return value
  throw new PlanInputError(
    `${text(where)}: "index" must be a number or string, found ${jsonType(value)}`
  )
}

function replacePaths(value: unknown, where: Where): AttrPath[] | undefined {
  if (value === undefined || value === null) return undefined
  const fail = (): never => {
    throw new PlanInputError(`${text(where)}: "replace_paths" must be a list of attribute paths`)
  }
  if (!Array.isArray(value)) return fail()
  return value.map((path) => {
    if (!Array.isArray(path)) return fail()
    return path.map((step) =>
      typeof step === 'string' || typeof step === 'number' ? step : fail()
    )
  })
}

/**
 * Normalizes one element of `resource_changes`, `resource_drift` or
 * `deferred_changes[].resource_change`. `position` names it in error messages.
 */
export function fromShowJson(raw: unknown, position: string): ResourceChange {
  if (!isRecord(raw))
    throw new PlanInputError(`${position} must be an object, found ${jsonType(raw)}`)
  const change = raw['change']
  const skeleton = skeletonOf(raw, change, position)
  const values = change as Record<string, unknown>
  return withValues(skeleton, {
    before: values['before'],
    after: values['after'],
    afterUnknown: values['after_unknown'],
    beforeSensitive: values['before_sensitive'],
    afterSensitive: values['after_sensitive']
  })
}

type Values = Pick<
  ResourceChange,
  'before' | 'after' | 'afterUnknown' | 'beforeSensitive' | 'afterSensitive' | 'valueLeaves'
>

/** Every field of ResourceChange: withValues must copy each (this fails to compile otherwise). */
const FIELDS = {
  address: 1,
  previousAddress: 1,
  moduleAddress: 1,
  mode: 1,
  type: 1,
  name: 1,
  index: 1,
  provider: 1,
  deposed: 1,
  actions: 1,
  action: 1,
  order: 1,
  moved: 1,
  importing: 1,
  reason: 1,
  replacePaths: 1,
  hasValues: 1,
  before: 1,
  after: 1,
  afterUnknown: 1,
  beforeSensitive: 1,
  afterSensitive: 1,
  valueLeaves: 1,
  facts: 1
} satisfies Record<keyof ResourceChange, 1>
void FIELDS

/**
 * A skeleton (skeletonOf) with its values, built as one object literal: a spread followed by
 * more keys costs a map transition per key, per change, and a large plan has many changes.
 * `valueLeaves` is set only when given.
 */
export function withValues(s: ResourceChange, v: Values): ResourceChange {
  if (v.valueLeaves !== undefined) {
    return {
      address: s.address,
      previousAddress: s.previousAddress,
      moduleAddress: s.moduleAddress,
      mode: s.mode,
      type: s.type,
      name: s.name,
      index: s.index,
      provider: s.provider,
      deposed: s.deposed,
      actions: s.actions,
      action: s.action,
      order: s.order,
      moved: s.moved,
      importing: s.importing,
      reason: s.reason,
      replacePaths: s.replacePaths,
      hasValues: s.hasValues,
      before: v.before,
      after: v.after,
      afterUnknown: v.afterUnknown,
      beforeSensitive: v.beforeSensitive,
      afterSensitive: v.afterSensitive,
      valueLeaves: v.valueLeaves
    }
  }
  return {
    address: s.address,
    previousAddress: s.previousAddress,
    moduleAddress: s.moduleAddress,
    mode: s.mode,
    type: s.type,
    name: s.name,
    index: s.index,
    provider: s.provider,
    deposed: s.deposed,
    actions: s.actions,
    action: s.action,
    order: s.order,
    moved: s.moved,
    importing: s.importing,
    reason: s.reason,
    replacePaths: s.replacePaths,
    hasValues: s.hasValues,
    before: v.before,
    after: v.after,
    afterUnknown: v.afterUnknown,
    beforeSensitive: v.beforeSensitive,
    afterSensitive: v.afterSensitive
  }
}

/**
 * The change a `resource_changes` element peeked but not parsed (see peek.ts) stands for: what
 * `fromShowJson` gives for the parsed element, checks and errors included, without the values
 * and their masks.
 */
export function fromSummary(summary: ChangeSummary, position: string): ResourceChange {
  const importing = summary.importing ? true : undefined
  const change = { actions: summary.actions, importing, replace_paths: summary.replacePaths }
  return skeletonOf(summary.fields, change, position)
}

/** Everything `fromShowJson` reads except the values; `change` is `raw.change`. */
function skeletonOf(
  raw: Readonly<Record<string, unknown>>,
  change: unknown,
  position: string
): ResourceChange {
  // Terraform 1.0.0 wrote resource_drift entries without "address"; rebuild it from its parts.
  const address =
    raw['address'] === undefined
      ? synthesizeAddress(raw, position)
      : requireString(raw, 'address', position)
  const where = (): string => `${position} (${shownAddress(address)})`
  if (!isRecord(change)) throw new PlanInputError(`${where()}: "change" must be an object`)
  const actions = change['actions']
  if (
    !Array.isArray(actions) ||
    actions.length === 0 ||
    !actions.every((a) => typeof a === 'string')
  ) {
    throw new PlanInputError(`${where()}: "change.actions" must be a non-empty list of strings`)
  }
  const mode = raw['mode'] === undefined ? 'managed' : raw['mode']
  if (mode !== 'managed' && mode !== 'data') {
    throw new PlanInputError(`${where()}: "mode" must be "managed" or "data"`)
  }
  const type = requireString(raw, 'type', where)
  const previousAddress = optionalString(raw, 'previous_address', where)
  const listed = spelling(actions as string[])
  const info = listed?.info ?? { action: 'unknown' }
  const importing = change['importing']
  return {
    address,
    previousAddress,
    moduleAddress: optionalString(raw, 'module_address', where),
    mode,
    type,
    name: optionalString(raw, 'name', where) ?? '',
    index: indexOf(raw['index'], where),
    provider: providerRef(optionalString(raw, 'provider_name', where) ?? impliedProvider(type)),
    deposed: optionalString(raw, 'deposed', where),
    actions: listed?.list ?? (actions as string[]),
    action: info.action,
    order: info.order,
    moved: previousAddress !== undefined && previousAddress !== address,
    importing: importing !== undefined && importing !== null,
    reason: optionalString(raw, 'action_reason', where),
    replacePaths: replacePaths(change['replace_paths'], where),
    hasValues: true
  }
}

function synthesizeAddress(raw: Readonly<Record<string, unknown>>, position: string): string {
  const type = requireString(raw, 'type', position)
  const name = requireString(raw, 'name', position)
  const module = optionalString(raw, 'module_address', position)
  const index = indexOf(raw['index'], position)
  const key =
    index === undefined
      ? ''
      : typeof index === 'number'
        ? `[${index}]`
        : `[${JSON.stringify(index)}]`
  const data = raw['mode'] === 'data' ? 'data.' : ''
  return `${module === undefined ? '' : `${module}.`}${data}${type}.${name}${key}`
}

const STREAM_ACTIONS: Readonly<Record<string, ActionInfo>> = {
  noop: { action: 'no-op' },
  create: { action: 'create' },
  read: { action: 'read' },
  update: { action: 'update' },
  delete: { action: 'delete' },
  replace: { action: 'replace', order: 'unspecified' },
  remove: { action: 'forget' },
  move: { action: 'no-op' },
  import: { action: 'no-op' }
}

/** The stream's action names as shared one-element lists (see SHOW_LISTS). */
const STREAM_LISTS: ReadonlyMap<string, readonly string[]> = new Map(
  Object.keys(STREAM_ACTIONS).map((name) => [name, Object.freeze([name])])
)

/**
 * Normalizes the `change` object of a `planned_change`, `resource_drift` or deferred message.
 * OpenTofu streams a forget-then-create as `noop` (it has no other way to emit a non-NoOp
 * change as `noop`), so in a `tofu.ui` stream that spelling means forget-replace.
 */
export function fromStream(
  raw: unknown,
  position: string,
  tool: 'terraform' | 'opentofu' | 'unknown'
): ResourceChange {
  if (!isRecord(raw)) throw new PlanInputError(`${position}: "change" must be an object`)
  const resource = raw['resource']
  if (!isRecord(resource))
    throw new PlanInputError(`${position}: "change.resource" must be an object`)
  const address = requireString(resource, 'addr', position)
  const where = `${position} (${shownAddress(address)})`
  const actionName = requireString(raw, 'action', where)
  let info: ActionInfo = own(STREAM_ACTIONS, actionName) ?? { action: 'unknown' }
  if (actionName === 'noop' && tool === 'opentofu') {
    info = { action: 'forget-replace', order: 'forget-then-create' }
  }
  const previous = raw['previous_resource']
  const previousAddress = isRecord(previous) ? optionalString(previous, 'addr', where) : undefined
  const type = optionalString(resource, 'resource_type', where) ?? typeFromAddress(address)
  const reason = optionalString(raw, 'reason', where)
  const moduleAddress = optionalString(resource, 'module', where)
  return {
    address,
    previousAddress,
    moduleAddress: moduleAddress === '' ? undefined : moduleAddress,
    mode: isDataAddress(address) ? 'data' : 'managed',
    type,
    name: optionalString(resource, 'resource_name', where) ?? '',
    index: indexOf(resource['resource_key'], where),
    provider: {
      name: optionalString(resource, 'implied_provider', where) ?? impliedProvider(type)
    },
    actions: STREAM_LISTS.get(actionName) ?? [actionName],
    action: info.action,
    order: info.order,
    moved: actionName === 'move' || (previousAddress !== undefined && previousAddress !== address),
    importing: actionName === 'import' || isRecord(raw['importing']),
    reason: reason === undefined ? undefined : reasonFromStream(reason),
    hasValues: false
  }
}

/** `module.a.data.aws_x.y[0]` → is a data source. */
function isDataAddress(address: string): boolean {
  return /(^|\.)data\.[^.]+\.[^.]+/.test(stripModules(address))
}

function stripModules(address: string): string {
  // Module keys can contain dots inside ["..."], so strip module.NAME[KEY]. prefixes with a regex
  // that understands bracketed keys.
  return address.replace(/^(module\.[^.[]+(\[(?:"(?:[^"\\]|\\.)*"|\d+)\])?\.)+/, '')
}

function typeFromAddress(address: string): string {
  const local = stripModules(address).replace(/^data\./, '')
  return local.slice(0, local.indexOf('.') > 0 ? local.indexOf('.') : undefined)
}
