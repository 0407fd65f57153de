/**
 * The fingerprint of a plan's destructive subset. Approvals bind to it: a new push that changes
 * what gets destroyed (or which protection is weakened) changes the fingerprint, and a push
 * that only changes harmless things does not.
 *
 * Format v2 names objects, not addresses: each destructive line carries a hash of the object's
 * identity (id, ARN, identifier, name or self link, whichever it has), of its provider
 * configuration (literal arguments) and of the accounts, projects, subscriptions and regions it
 * lives in; each weakening line carries its new value (or what stands for it). Only hashes enter
 * the fingerprint; nothing of it is printed.
 */
import { sha256Hex, sha256HexOfLines } from '../common/sha256.js'
import { OBJECT_ATTRIBUTES } from '../rules/needs.js'
import type { ChangeFacts, Plan, ProviderConfig, ResourceChange } from '../plan/model.js'
import { changeRadius } from '../rules/blast-radius.js'
import type { Finding } from '../rules/types.js'

/** Actions whose presence is part of the fingerprint. */
const FINGERPRINTED = new Set(['delete', 'replace', 'forget', 'forget-replace', 'unknown'])

/** One line per destructive change or gating finding, independent of input key order. */
export function fingerprintLines(plan: Plan, findings: readonly Finding[]): string[] {
  const lines: string[] = []
  // Many changes share a provider: its identity (configurations, literal arguments) is the
  // same text for all of them, worked out once.
  const providers = new Map<string, string>()
  let last: ResourceChange['provider'] | undefined
  let identity = ''
  // An indexed loop: this runs once per plan, over every change, mostly before V8 optimises it.
  const changes = plan.changes
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i] as ResourceChange
    if (!fingerprinted(change)) continue
    // Changes of one provider usually come one after the other: no lookup for them.
    const provider = change.provider
    if (
      last === undefined ||
      provider.name !== last.name ||
      provider.fqn !== last.fqn ||
      provider.alias !== last.alias
    ) {
      identity = providerOf(change, plan.providerConfigs, providers)
      last = provider
    }
    // The change's line, joined rather than a template: a template's pieces make a tree of
    // string parts per line, which the sort then copies flat, and a full destroy holds a line
    // per resource until the hash.
    const object = short(`${objectIdentity(change)}\n${identity}`)
    lines.push(
      [
        change.address,
        change.deposed ?? '',
        change.action,
        change.order ?? '',
        change.reason ?? '',
        `object:${object}`
      ].join('\t')
    )
  }
  for (const finding of findings) {
    // Weakened protection on an update is destructive in intent: which guard, and to what.
    if (finding.messageId === 'protection-weakened') {
      lines.push(
        [
          'weaken',
          finding.address,
          finding.ruleId,
          String(finding.data['attribute'] ?? ''),
          `to:${short(newValue(finding))}`
        ].join('\t')
      )
    }
  }
  if (plan.errored) lines.push('errored')
  // Each line once (a set): sorted, equal lines are neighbours.
  lines.sort()
  let kept = 0
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string
    if (kept === 0 || line !== lines[kept - 1]) lines[kept++] = line
  }
  lines.length = kept
  return lines
}

/** Whether a change has a line of its own in the fingerprint (and so needs its object hash). */
export function fingerprinted(change: ResourceChange): boolean {
  if (change.mode === 'data' && change.action !== 'unknown') return false
  return FINGERPRINTED.has(change.action)
}

/** The provider identity of a change, from `known` when another change had the same provider. */
function providerOf(
  change: ResourceChange,
  providers: readonly ProviderConfig[] = [],
  known: Map<string, string>
): string {
  const { name, fqn, alias } = change.provider
  // NUL cannot occur in a provider name, source address or alias.
  const key = `${name}\0${fqn ?? ''}\0${alias ?? ''}`
  let identity = known.get(key)
  if (identity === undefined) known.set(key, (identity = providerIdentity(change, providers)))
  return identity
}

/**
 * A hash of what the change's object is and where it lives: its identifying attributes (before
 * the change) and the accounts, projects, subscriptions and regions its values name (`radius`,
 * when the caller has it already). 32 hex digits: the first half of `objectDigest`.
 */
export function objectIdentity(change: ResourceChange, radius?: ChangeFacts['radius']): string {
  return objectDigest(change, radius).slice(0, 32)
}

/**
 * The whole SHA-256 (64 hex digits) objectIdentity takes its half of. Computed while reading
 * when the values are dropped (`facts.object`) and kept whole: a slice of it would be a second
 * string that keeps the whole one alive, and a large destroy keeps one per change.
 */
export function objectDigest(
  change: ResourceChange,
  radius: ChangeFacts['radius'] = change.facts?.radius ?? changeRadius(change)
): string {
  if (change.facts?.object !== undefined) return change.facts.object
  const values = change.action === 'create' ? change.after : change.before
  const parts: string[] = []
  if (change.hasValues && typeof values === 'object' && values !== null) {
    objectAttributes(values as Record<string, unknown>, parts)
  }
  // Plain loops, not spread maps: this runs for every destructive change of a plan.
  for (const a of radius.awsAccounts) parts.push(`aws=${a}`)
  for (const p of radius.gcpProjects) parts.push(`gcp=${p}`)
  for (const s of radius.azureSubscriptions) parts.push(`azure=${s}`)
  for (const r of radius.regions) parts.push(`region=${r}`)
  return sha256Hex(parts.join('\n'))
}

/** OBJECT_ATTRIBUTES by name: their place in the object hash. */
const ATTRIBUTE_INDEX: ReadonlyMap<string, number> = new Map(
  OBJECT_ATTRIBUTES.map((k, i) => [k, i])
)

/**
 * `key=value` for each of OBJECT_ATTRIBUTES the record has as a string or number, in the order
 * of OBJECT_ATTRIBUTES. A plain record (what a plan's values are) is read by its own keys, a
 * handful, instead of looking up each of the attributes; anything else by the attributes.
 */
function objectAttributes(record: Record<string, unknown>, parts: string[]): void {
  const proto = Object.getPrototypeOf(record) as unknown
  if (proto !== Object.prototype && proto !== null) {
    for (const key of OBJECT_ATTRIBUTES) attribute(key, record[key], parts)
    return
  }
  const found: (string | undefined)[] = []
  for (const key in record) {
    const at = ATTRIBUTE_INDEX.get(key)
    if (at !== undefined) found[at] = key
  }
  for (const key of found) if (key !== undefined) attribute(key, record[key], parts)
}

function attribute(key: string, value: unknown, parts: string[]): void {
  if (typeof value === 'string' || typeof value === 'number') parts.push(`${key}=${value}`)
}

/** The provider of a change and the literal arguments of its configurations (region, role …). */
function providerIdentity(change: ResourceChange, providers: readonly ProviderConfig[]): string {
  const { name, fqn, alias } = change.provider
  const configs = providers
    .filter((p) => p.name === name && (p.alias ?? '') === (alias ?? ''))
    .map((p) => `${p.key}=${stableJson(p.constants)}`)
    .sort()
  return [fqn ?? name, alias ?? '', ...configs].join('\n')
}

/** What a weakened guard is set to: the value when printable, else what stands for it. */
function newValue(finding: Finding): string {
  const d = finding.data
  if (d['to'] !== undefined) return `value=${String(d['to'])}`
  if (d['unknown'] === true) return 'unknown'
  if (d['sensitive'] === true) return 'sensitive'
  return `text=${String(d['toText'] ?? '')}`
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`
  if (typeof value === 'object' && value !== null)
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`
  return JSON.stringify(value) ?? 'null'
}

/** The first 128 bits of the SHA-256 of `text`, in hex. */
function short(text: string): string {
  return sha256Hex(text).slice(0, 32)
}

/** `sha256:<hex>` over the sorted lines (format v2: objects, providers, new values). */
export function fingerprint(lines: readonly string[]): string {
  return hashLines('plan-gate fingerprint v2', lines)
}

/** `sha256:<hex>` over a header line and the given lines, each ending in a newline. */
export function hashLines(header: string, lines: readonly string[]): string {
  return `sha256:${sha256HexOfLines(header, lines)}`
}
