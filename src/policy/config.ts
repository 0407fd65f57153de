/**
 * The policy file (`.plan-gate.yml` or `.json`): text in, a validated `Policy` out. Errors carry
 * the file, line and column, the path in the document and the allowed values. Pure: the caller
 * reads the file.
 */
import { Ajv, type ErrorObject } from 'ajv'
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document } from 'yaml'
import { isRecord } from '../common/record.js'
import { CATEGORIES } from '../catalog/types.js'
import type { Decision } from '../rules/types.js'
import { compileGlob, GlobError } from '../common/glob.js'
import { CONFIG_SCHEMA } from './schema.js'

export { ConfigError, DEFAULT_POLICY } from './defaults.js'
export type { Environment, Exemption, Freeze, Match, Policy, RuleOverride } from './defaults.js'
import {
  ConfigError,
  DEFAULT_POLICY,
  type Environment,
  type Exemption,
  type Freeze,
  type Match,
  type Policy
} from './defaults.js'

let validator: ReturnType<Ajv['compile']> | undefined

function validate(value: unknown): readonly ErrorObject[] {
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(CONFIG_SCHEMA)
  return validator(value) ? [] : (validator.errors ?? [])
}

/**
 * Parses and validates a policy file. `knownRule` says whether a rule id, slug or alias exists.
 * `now` is not needed: expiry is evaluated when the policy is applied.
 */
export function parsePolicy(
  text: string,
  file: string,
  knownRule: (id: string) => boolean
): Policy {
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true })
  const at = (offset: number | undefined): [number | undefined, number | undefined] => {
    if (offset === undefined) return [undefined, undefined]
    const pos = lines.linePos(offset)
    return [pos.line, pos.col]
  }
  const syntax = doc.errors[0]
  if (syntax !== undefined) {
    const message = syntax.message.split('\n')[0] ?? 'invalid YAML'
    throw new ConfigError(
      `not valid YAML/JSON: ${message.replace(/ at line \d+, column \d+:?$/, '')}`,
      file,
      ...at(syntax.pos[0])
    )
  }
  // A section with only comments under it (`exemptions:` in the starter file) parses as null:
  // read it as empty rather than as a type error.
  const raw: unknown = doc.toJS() ?? {}
  const value = isRecord(raw)
    ? Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== null))
    : raw
  const fail = (path: (string | number)[], message: string, key?: string): never => {
    throw new ConfigError(`${formatPath(path)}${message}`, file, ...at(offsetOf(doc, path, key)))
  }
  const errors = validate(value)
  if (errors.length > 0) {
    const error = pickError(errors)
    const path = pointerToPath(error.instancePath)
    if (error.keyword === 'additionalProperties') {
      const key = String((error.params as { additionalProperty: string }).additionalProperty)
      fail(path, `unknown key "${key}" (allowed: ${allowedKeys(path).join(', ')})`, key)
    }
    fail(path, describe(error))
  }
  return build(value as RawPolicy, file, fail, knownRule)
}

interface RawPolicy {
  rules?: { match: Match; decision: Decision | 'off'; reason?: string }[]
  protect?: { types?: string[]; addresses?: string[]; tag_keys?: string[] }
  exemptions?: {
    address?: string
    rule?: string
    fingerprint?: string
    reason: string
    expires?: string
  }[]
  thresholds?: {
    backup_retention_floor?: number
    expiry_floor_days?: number
    mass_delete_count?: number
    mass_delete_share?: number
    allow_full_destroy?: string[]
  }
  environments?: Record<string, Environment>
  freezes?: { from: string; to: string; reason: string }[]
  approvals?: {
    count?: number
    approvers?: string[]
    exclude_pusher?: boolean
    break_glass?: { enabled?: boolean; allowed?: string[] }
    agent_accounts?: string[]
    agent_identities?: string[]
    protected_paths?: string[]
  }
}

type Fail = (path: (string | number)[], message: string, key?: string) => never

function build(
  raw: RawPolicy,
  file: string,
  fail: Fail,
  knownRule: (id: string) => boolean
): Policy {
  const glob = (path: (string | number)[], value: string | undefined): void => {
    if (value === undefined) return
    try {
      compileGlob(value)
    } catch (error) {
      fail(path, `"${value}" is not a valid glob: ${(error as GlobError).message}`)
    }
  }
  const rule = (path: (string | number)[], value: string | undefined): void => {
    if (value !== undefined && !knownRule(value))
      fail(path, `unknown rule "${value}" (see \`plan-gate rules\`)`)
  }
  raw.rules?.forEach((r, i) => {
    rule(['rules', i, 'match', 'rule'], r.match.rule)
    glob(['rules', i, 'match', 'type'], r.match.type)
    glob(['rules', i, 'match', 'address'], r.match.address)
    if (r.match.category !== undefined && !Object.hasOwn(CATEGORIES, r.match.category)) {
      fail(
        ['rules', i, 'match', 'category'],
        `unknown category "${r.match.category}" (allowed: ${Object.keys(CATEGORIES).join(', ')})`
      )
    }
  })
  raw.approvals?.protected_paths?.forEach((g, i) => glob(['approvals', 'protected_paths', i], g))
  raw.protect?.types?.forEach((g, i) => glob(['protect', 'types', i], g))
  raw.protect?.addresses?.forEach((g, i) => glob(['protect', 'addresses', i], g))
  const exemptions = (raw.exemptions ?? []).map((e, i): Exemption => {
    glob(['exemptions', i, 'address'], e.address)
    rule(['exemptions', i, 'rule'], e.rule)
    const expiresAt =
      e.expires === undefined
        ? undefined
        : parseDate(e.expires, 'end', () => fail(['exemptions', i, 'expires'], badDate(e.expires)))
    return { ...e, expiresAt }
  })
  raw.thresholds?.allow_full_destroy?.forEach((g, i) =>
    glob(['thresholds', 'allow_full_destroy', i], g)
  )
  for (const [name, env] of Object.entries(raw.environments ?? {})) {
    for (const key of [
      'plans',
      'aws_accounts',
      'gcp_projects',
      'azure_subscriptions',
      'regions'
    ] as const) {
      env[key]?.forEach((g, i) => glob(['environments', name, key, i], g))
    }
  }
  const freezes = (raw.freezes ?? []).map((f, i): Freeze => {
    const fromAt = parseDate(f.from, 'start', () => fail(['freezes', i, 'from'], badDate(f.from)))
    const toAt = parseDate(f.to, 'end', () => fail(['freezes', i, 'to'], badDate(f.to)))
    if (toAt <= fromAt) fail(['freezes', i, 'to'], `must be after "from" (${f.from})`)
    return { from: f.from, to: f.to, fromAt, toAt, reason: f.reason }
  })
  const d = DEFAULT_POLICY
  return {
    source: file,
    rules: raw.rules ?? [],
    protect: {
      types: raw.protect?.types ?? [],
      addresses: raw.protect?.addresses ?? [],
      tagKeys: raw.protect?.tag_keys ?? []
    },
    exemptions,
    thresholds: {
      backupRetentionFloor:
        raw.thresholds?.backup_retention_floor ?? d.thresholds.backupRetentionFloor,
      expiryFloorDays: raw.thresholds?.expiry_floor_days ?? d.thresholds.expiryFloorDays,
      massDeleteCount: raw.thresholds?.mass_delete_count ?? d.thresholds.massDeleteCount,
      massDeleteShare: raw.thresholds?.mass_delete_share ?? d.thresholds.massDeleteShare,
      allowFullDestroy: raw.thresholds?.allow_full_destroy ?? []
    },
    environments: raw.environments ?? {},
    freezes,
    approvals: {
      count: raw.approvals?.count ?? d.approvals.count,
      approvers: raw.approvals?.approvers ?? [],
      excludePusher: raw.approvals?.exclude_pusher ?? true,
      breakGlass: {
        enabled: raw.approvals?.break_glass?.enabled ?? false,
        allowed: raw.approvals?.break_glass?.allowed ?? []
      },
      agentAccounts: raw.approvals?.agent_accounts ?? [],
      ...(raw.approvals?.agent_identities === undefined
        ? {}
        : { agentIdentities: raw.approvals.agent_identities }),
      protectedPaths: raw.approvals?.protected_paths ?? []
    }
  }
}

function badDate(value: string | undefined): string {
  return `"${value}" is not a valid date (expected YYYY-MM-DD or an RFC 3339 date-time such as 2026-12-31T18:00:00Z)`
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})$/

/** A date (start or end of that UTC day) or an RFC 3339 date-time, in epoch ms. */
function parseDate(text: string, edge: 'start' | 'end', onError: () => never): number {
  const day = DAY.exec(text)
  if (day !== null) {
    const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])]
    const start = Date.UTC(y, m - 1, d)
    const check = new Date(start)
    if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d)
      onError()
    return edge === 'start' ? start : start + 86_400_000 - 1
  }
  if (!DATE_TIME.test(text)) onError()
  const ms = Date.parse(text)
  return Number.isNaN(ms) ? onError() : ms
}

/** The most useful error: unknown keys and enums before the anyOf/type noise they cause. */
function pickError(errors: readonly ErrorObject[]): ErrorObject {
  const rank = (e: ErrorObject): number =>
    ['additionalProperties', 'enum', 'const', 'required', 'type'].indexOf(e.keyword) >>> 0
  return [...errors].sort(
    (a, b) => rank(a) - rank(b) || b.instancePath.length - a.instancePath.length
  )[0] as ErrorObject
}

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>
  switch (error.keyword) {
    case 'enum':
      return `must be one of ${(params['allowedValues'] as unknown[]).join(', ')}`
    case 'const':
      return `must be ${JSON.stringify(params['allowedValue'])}`
    case 'type':
      return `must be ${article(String(params['type']))}`
    case 'required':
      return `needs "${String(params['missingProperty'])}"`
    case 'anyOf':
      return 'needs at least one of address, rule, fingerprint'
    case 'minProperties':
      return 'must not be empty'
    default:
      return error.message ?? 'is not valid'
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`
}

function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return []
  return pointer
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p))
}

function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return ''
  const text = path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`))
    .join('')
  return `${text}: `
}

/** Allowed keys at a path, from the schema (for "unknown key" messages). */
function allowedKeys(path: readonly (string | number)[]): string[] {
  let node: unknown = CONFIG_SCHEMA
  for (const step of path) {
    const schema = node as Record<string, unknown>
    if (typeof step === 'number') node = schema['items']
    else if (schema['properties'] !== undefined && step in (schema['properties'] as object)) {
      node = (schema['properties'] as Record<string, unknown>)[step]
    } else node = schema['additionalProperties']
  }
  const props = (node as { properties?: object } | undefined)?.properties
  return props === undefined ? [] : Object.keys(props)
}

/** Source offset of the node at `path` (or of `key` inside it). */
function offsetOf(
  doc: Document,
  path: readonly (string | number)[],
  key?: string
): number | undefined {
  const node = path.length === 0 ? doc.contents : doc.getIn(path, true)
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key)
    if (pair !== undefined && isScalar(pair.key)) return pair.key.range?.[0]
  }
  const range = (node as { range?: [number, number, number] } | undefined)?.range
  if (range !== undefined) return range[0]
  return path.length > 0 ? offsetOf(doc, path.slice(0, -1)) : undefined
}
