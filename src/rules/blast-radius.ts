/**
 * Blast radius: which AWS accounts, Google projects, Azure subscriptions and regions a plan
 * touches, inferred from ARNs, resource ids, location attributes and provider configuration.
 * The result is printed in PR comments, so only values that look exactly like an id survive:
 * anything else could be a secret that happens to sit in a `region` or `project` attribute.
 */
import { TAG_MAPS } from '../catalog/generic.js'
import type { Plan, ProviderConfig, ResourceChange } from '../plan/model.js'
import { matchAny } from '../common/glob.js'
import { isRecord } from '../common/record.js'

/** What a plan touches; every list is sorted and unique. */
export interface BlastRadius {
  /** 12-digit AWS account ids. */
  readonly awsAccounts: readonly string[]
  readonly gcpProjects: readonly string[]
  /** Lower-case subscription GUIDs. */
  readonly azureSubscriptions: readonly string[]
  /** AWS regions, Google regions (zones folded into them) and Azure locations. */
  readonly regions: readonly string[]
  /** Short provider names of the changes looked at (`aws`, `google`, `azurerm`, …). */
  readonly providers: readonly string[]
}

/** What one environment (`environments.<name>` in the config) may touch; lists take `*` globs. */
export interface EnvironmentSpec {
  readonly aws_accounts?: readonly string[]
  readonly gcp_projects?: readonly string[]
  readonly azure_subscriptions?: readonly string[]
  readonly regions?: readonly string[]
}

/** One thing a plan touches that its environment does not allow. */
export interface OutsideEnvironment {
  readonly kind: 'aws-account' | 'gcp-project' | 'azure-subscription' | 'region'
  readonly value: string
}

export interface BlastRadiusOptions {
  /** Also mine no-op and read changes (the estate around the change, not its effect). */
  readonly includeNoOp?: boolean
}

// ---------------------------------------------------------------------------------------------
// Strict formats: a value is kept only when it matches one of these exactly.

const AWS_ACCOUNT = /^\d{12}$/
const AWS_REGION = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/
/** An availability zone is its region plus one letter (`eu-west-1a`). */
const AWS_ZONE = /^([a-z]{2}(?:-gov|-iso[a-z]*)?-[a-z]+-\d)[a-z]$/
const GCP_PROJECT = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/
const GCP_REGION = /^[a-z]+-[a-z]+\d+$/
/** A Google zone is its region plus `-<letter>` (`europe-west1-b`). */
const GCP_ZONE = /^([a-z]+-[a-z]+\d+)-[a-z]$/
const AZURE_LOCATION = /^[a-z]+[a-z0-9]*$/
/**
 * Every Azure location names a compass point or is a US Government one (`westeurope`, `eastus2`,
 * `usgovvirginia`); the bare word pattern alone would also pass a lower-case password.
 */
const AZURE_LOCATION_WORD = /east|west|north|south|central|^usgov/
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/**
 * `arn:<partition>:<service>:<region>:<account>:<resource>`. Region and account may be empty
 * (S3, IAM, Route 53); anything else in those fields (`*`, `aws` for managed policies, a
 * variable left in a string) rejects the whole ARN. The pattern is the reference; arnFields reads
 * the same (a test compares them).
 */
export const ARN = /^arn:aws(?:-[a-z]+)*:[a-z0-9.-]+:([^:]*):([^:]*):.+$/
/** `/subscriptions/<guid>` at the start of an Azure resource id; ids are case-insensitive. */
const AZURE_ID = /^\/subscriptions\/([^/]+)(?:\/|$)/i
/** `projects/<p>/…` in Google ids and self links (relative or `https://…googleapis.com/…`). */
const GCP_PATH = /(?:^|\/)projects\/([^/]+)(?:\/|$)/
const GCP_URL = /^https:\/\/[a-z0-9.-]*googleapis\.com\//

// Walking limits keep the cost per resource bounded however large its values are.
export const MAX_DEPTH = 8
export const MAX_LEAVES = 2000

/**
 * Maps whose keys are chosen by users (tags, labels, environment variables): a key named
 * `region` in them says nothing about where the resource lives.
 */
const FREE_FORM = new Set<string>([
  ...TAG_MAPS,
  'metadata',
  'annotations',
  'variables',
  'environment',
  'environment_variables',
  'app_settings',
  'parameters',
  'triggers',
  'keepers'
])

type Family = 'aws' | 'google' | 'azure' | 'other'

function familyOf(provider: string): Family {
  if (provider === 'aws' || provider === 'awscc') return 'aws'
  if (provider === 'google' || provider === 'google-beta') return 'google'
  if (provider === 'azurerm') return 'azure'
  return 'other'
}

/** Collected values; `Set`s until the end so duplicates cost nothing. */
/** Distinct ids, in the order found: a Set, or the scratch's Few. */
interface Ids extends Iterable<string> {
  add(value: string): unknown
  has(value: string): boolean
  readonly size: number
}

interface Found {
  readonly awsAccounts: Ids
  readonly gcpProjects: Ids
  readonly azureSubscriptions: Ids
  readonly regions: Ids
}

function awsAccount(value: unknown, found: Found): void {
  if (typeof value === 'string' && AWS_ACCOUNT.test(value)) found.awsAccounts.add(value)
}

function awsRegion(value: unknown, found: Found): void {
  if (typeof value !== 'string') return
  if (AWS_REGION.test(value)) found.regions.add(value)
  else {
    const zone = AWS_ZONE.exec(value)
    if (zone?.[1] !== undefined) found.regions.add(zone[1])
  }
}

function gcpProject(value: unknown, found: Found): void {
  if (typeof value === 'string' && GCP_PROJECT.test(value)) found.gcpProjects.add(value)
}

function gcpRegion(value: unknown, found: Found): void {
  if (typeof value !== 'string') return
  if (GCP_REGION.test(value)) found.regions.add(value)
  else {
    const zone = GCP_ZONE.exec(value)
    if (zone?.[1] !== undefined) found.regions.add(zone[1])
  }
}

function azureSubscription(value: unknown, found: Found): void {
  if (typeof value !== 'string') return
  const guid = value.toLowerCase()
  if (GUID.test(guid)) found.azureSubscriptions.add(guid)
}

function azureLocation(value: unknown, found: Found): void {
  if (typeof value !== 'string' || value.length > 40) return
  // azurerm accepts display names ("West Europe") and stores the short form; fold to compare.
  const location = value.toLowerCase().replace(/ /g, '')
  // `global` (action groups, Front Door) fails the word test: it is not a region to restrict.
  if (AZURE_LOCATION.test(location) && AZURE_LOCATION_WORD.test(location)) {
    found.regions.add(location)
  }
}

/** An ARN's account and region, when the whole string is an ARN with well-formed fields. */
function arn(value: string, found: Found): void {
  const fields = arnFields(value)
  if (fields === undefined) return
  const [region, account] = fields
  if (region !== '' && !AWS_REGION.test(region)) return
  if (account !== '' && !AWS_ACCOUNT.test(account)) return
  if (region !== '') found.regions.add(region)
  if (account !== '') found.awsAccounts.add(account)
}

/**
 * The region and account of an ARN: what `ARN.exec(value)` captures, read with a few index
 * scans instead (an ARN per resource, and a match list each, add up on a large plan).
 */
export function arnFields(value: string): readonly [string, string] | undefined {
  // arn:aws, then -<letters> any number of times, up to the first colon.
  if (!value.startsWith('arn:aws')) return undefined
  let i = 7
  while (value.charCodeAt(i) === 0x2d) {
    const from = ++i
    while (isLower(value.charCodeAt(i))) i++
    if (i === from) return undefined
  }
  if (value.charCodeAt(i) !== 0x3a) return undefined
  // The service: one or more of [a-z0-9.-].
  const service = ++i
  for (let c = value.charCodeAt(i); isLower(c) || isDigit(c) || c === 0x2e || c === 0x2d;) {
    c = value.charCodeAt(++i)
  }
  if (i === service || value.charCodeAt(i) !== 0x3a) return undefined
  const regionEnd = value.indexOf(':', i + 1)
  if (regionEnd < 0) return undefined
  const accountEnd = value.indexOf(':', regionEnd + 1)
  // The resource: at least one character, none of them a line terminator (`.` of the pattern).
  if (accountEnd < 0 || accountEnd + 1 >= value.length) return undefined
  for (let k = accountEnd + 1; k < value.length; k++) {
    const c = value.charCodeAt(k)
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) return undefined
  }
  return [value.slice(i + 1, regionEnd), value.slice(regionEnd + 1, accountEnd)]
}

function isLower(c: number): boolean {
  return c >= 0x61 && c <= 0x7a
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39
}

/** What any string leaf may reveal, whatever its attribute name. */
function anyString(value: string, key: string | undefined, family: Family, found: Found): void {
  if (value.startsWith('arn:')) arn(value, found)
  else if (value.startsWith('/')) {
    const azure = AZURE_ID.exec(value)
    if (azure?.[1] !== undefined) azureSubscription(azure[1], found)
  }
  // A `projects/<p>/…` path from another provider (a CI system, say) is not a Google project;
  // a googleapis.com URL is, wherever it appears.
  const googleId = family === 'google' && key !== undefined && GOOGLE_ID_KEYS.has(key)
  if (googleId || GCP_URL.test(value)) {
    const project = GCP_PATH.exec(value)
    if (project?.[1] !== undefined) gcpProject(project[1], found)
  }
}

type Reader = (value: unknown, found: Found) => void

/** What a leaf reveals through its attribute name, per provider family. */
const NAMED: Readonly<Record<Family, ReadonlyMap<string, Reader>>> = {
  aws: new Map<string, Reader>([
    ['account_id', awsAccount],
    ['owner_id', awsAccount],
    ['region', awsRegion],
    ['region_name', awsRegion],
    ['availability_zone', awsRegion],
    ['availability_zones', awsRegion]
  ]),
  google: new Map<string, Reader>([
    ['project', gcpProject],
    ['project_id', gcpProject],
    ['region', gcpRegion],
    ['zone', gcpRegion],
    ['location', gcpRegion],
    ['zones', gcpRegion],
    ['node_locations', gcpRegion]
  ]),
  azure: new Map<string, Reader>([
    ['location', azureLocation],
    ['subscription_id', azureSubscription]
  ]),
  other: new Map()
}

/** Google attributes whose whole value is a resource path (`projects/<p>/…`). */
const GOOGLE_ID_KEYS = new Set(['id', 'self_link'])

/**
 * What the blast radius reads from a change's values, for readers that read only part of them
 * (plan/project.ts): string leaves under these attribute names, at any depth…
 */
export const RADIUS_NAMES: readonly string[] = [
  ...new Set([...Object.values(NAMED).flatMap((m) => [...m.keys()]), ...GOOGLE_ID_KEYS])
]
/** …and string leaves starting with one of these anywhere (ARNs, Azure ids, Google URLs). */
export const RADIUS_PREFIXES: readonly string[] = ['arn:', '/', 'https://']

function namedLeaf(value: unknown, key: string, family: Family, found: Found): void {
  NAMED[family].get(key)?.(value, found)
}

/**
 * Visits the string leaves of one value, skipping anything its sensitivity mask marks (the mask
 * is `true` at a marked leaf or for a wholly marked subtree). `key` is the nearest attribute
 * name, so the elements of `availability_zones` are read as zones.
 */
function walk(
  value: unknown,
  mask: unknown,
  family: Family,
  found: Found,
  budget: { leaves: number }
): void {
  const visit = (
    node: unknown,
    nodeMask: unknown,
    key: string | undefined,
    freeForm: boolean,
    depth: number
  ): void => {
    if (nodeMask === true || budget.leaves <= 0) return
    // Plain loops, not entries(): this runs over the values of every change in a plan.
    if (Array.isArray(node)) {
      // An empty container is a leaf too: the budget bounds the work, not the matches.
      if (node.length === 0) budget.leaves--
      if (depth >= MAX_DEPTH) return
      const masks = Array.isArray(nodeMask) ? (nodeMask as unknown[]) : undefined
      for (let step = 0; step < node.length; step++) {
        if (budget.leaves <= 0) return
        visit(node[step], masks?.[step], key, freeForm, depth + 1)
      }
      return
    }
    if (isRecord(node)) {
      const steps = Object.keys(node)
      if (steps.length === 0) budget.leaves--
      if (depth >= MAX_DEPTH) return
      const masks = isRecord(nodeMask) ? nodeMask : undefined
      for (const step of steps) {
        if (budget.leaves <= 0) return
        const childFreeForm = freeForm || FREE_FORM.has(step)
        visit(node[step], masks?.[step], step, childFreeForm, depth + 1)
      }
      return
    }
    budget.leaves--
    if (typeof node !== 'string') return
    anyString(node, key, family, found)
    if (key !== undefined && !freeForm) namedLeaf(node, key, family, found)
  }
  visit(value, mask, undefined, false, 0)
}

function mineChange(change: ResourceChange, found: Found): void {
  const family = familyOf(change.provider.name)
  if (change.valueLeaves !== undefined) {
    // A reader that read part of the values (plan/project.ts) found the leaves walk() would
    // look at; they are within its budget, and none is masked.
    // Index loops: the paths are often shared frozen lists, which for-of iterates slowly.
    const leaves = change.valueLeaves
    for (let l = 0; l < leaves.length; l++) {
      const { value, path } = leaves[l]!
      let key: string | undefined
      let freeForm = false
      for (let p = 0; p < path.length; p++) {
        const step = path[p]
        if (typeof step !== 'string') continue
        key = step
        if (FREE_FORM.has(step)) freeForm = true
      }
      anyString(value, key, family, found)
      if (key !== undefined && !freeForm) namedLeaf(value, key, family, found)
    }
    return
  }
  const budget = { leaves: MAX_LEAVES }
  walk(change.before, change.beforeSensitive, family, found, budget)
  walk(change.after, change.afterSensitive, family, found, budget)
}

/**
 * `{ constant_value: x }` when a reader kept the raw expression of a nested block argument. The
 * show-json reader keeps top-level literals only, so `assume_role` (a nested block) arrives only
 * once it keeps nested blocks too; both shapes are accepted so that change needs nothing here.
 */
function literal(value: unknown): unknown {
  return isRecord(value) && 'constant_value' in value ? value['constant_value'] : value
}

/** Every element of a list, or the value itself: nested blocks come as lists or objects. */
function each(value: unknown): unknown[] {
  const unwrapped = literal(value)
  return Array.isArray(unwrapped) ? unwrapped : [unwrapped]
}

function mineProviderConfig(config: ProviderConfig, found: Found): void {
  const constants = config.constants
  switch (familyOf(config.name)) {
    case 'aws':
      awsRegion(literal(constants['region']), found)
      for (const id of each(constants['allowed_account_ids'])) {
        // An unquoted id in HCL arrives as a number; ids with a leading zero cannot, so the
        // 12-digit check still holds.
        awsAccount(typeof id === 'number' && Number.isSafeInteger(id) ? String(id) : id, found)
      }
      for (const block of ['assume_role', 'assume_role_with_web_identity']) {
        for (const role of each(constants[block])) {
          const roleArn = isRecord(role) ? literal(role['role_arn']) : undefined
          if (typeof roleArn === 'string') arn(roleArn, found)
        }
      }
      return
    case 'google':
      gcpProject(literal(constants['project']), found)
      gcpRegion(literal(constants['region']), found)
      gcpRegion(literal(constants['zone']), found)
      return
    case 'azure':
      azureSubscription(literal(constants['subscription_id']), found)
      return
    case 'other':
      return
  }
}

function sorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort()
}

/** Nothing found, shared by every change that names no id or region. */
const NONE: readonly string[] = Object.freeze([])

/** The values of a set, sorted, as one text. */
function keyOf(values: Ids): string {
  if (values.size === 0) return ''
  if (values.size === 1) for (const value of values) return value
  return [...values].sort().join(' ')
}

/** The values of a set, sorted; the shared empty list when there are none. */
function listed(values: Ids): readonly string[] {
  if (values.size === 0) return NONE
  return values.size === 1 ? [...values] : [...values].sort()
}

/**
 * A set of a few strings that empties without allocating (Set.prototype.clear makes a new table,
 * and changeRadius empties four per change): a list while small, a Set beyond that.
 */
class Few implements Ids {
  // The first `count` entries of `list` (setting a list's length would drop its storage).
  private readonly list: string[] = []
  private count = 0
  private many: Set<string> | undefined

  get size(): number {
    return this.many === undefined ? this.count : this.many.size
  }

  add(value: string): void {
    if (this.many !== undefined) this.many.add(value)
    else if (!this.has(value)) {
      if (this.count < FEW) this.list[this.count++] = value
      else this.many = new Set([...this.list.slice(0, this.count), value])
    }
  }

  has(value: string): boolean {
    if (this.many !== undefined) return this.many.has(value)
    for (let k = 0; k < this.count; k++) if (this.list[k] === value) return true
    return false
  }

  clear(): void {
    this.count = 0
    this.many = undefined
  }

  [Symbol.iterator](): Iterator<string> {
    return (this.many ?? this.list.slice(0, this.count))[Symbol.iterator]()
  }
}

const FEW = 16

/**
 * One set of sets for every change, emptied before each: this runs for every change of a plan,
 * and only the sorted lists it returns outlive the call.
 */
const scratch = {
  awsAccounts: new Few(),
  gcpProjects: new Few(),
  azureSubscriptions: new Few(),
  regions: new Few()
} satisfies Found

type ChangeRadius = Omit<BlastRadius, 'providers'>

/** Radii already made, by their lists (see changeRadius). */
const radii = new Map<string, ChangeRadius>()

function frozen(radius: ChangeRadius): ChangeRadius {
  for (const list of Object.values(radius)) Object.freeze(list)
  return Object.freeze(radius)
}

/** What one change's values contribute to the blast radius. */
export function changeRadius(change: ResourceChange): ChangeRadius {
  scratch.awsAccounts.clear()
  scratch.gcpProjects.clear()
  scratch.azureSubscriptions.clear()
  scratch.regions.clear()
  mineChange(change, scratch)
  // Most changes of a plan name the same few accounts and regions: they share one radius, kept
  // for the whole plan, instead of one copy each. The sets hold ids only (no space, no line
  // break), so the key names one radius.
  const { awsAccounts, gcpProjects, azureSubscriptions, regions } = scratch
  // Neighbouring changes mostly name the same: the last shared radius, without making its key.
  if (
    lastShared !== undefined &&
    holds(awsAccounts, lastShared.awsAccounts) &&
    holds(gcpProjects, lastShared.gcpProjects) &&
    holds(azureSubscriptions, lastShared.azureSubscriptions) &&
    holds(regions, lastShared.regions)
  ) {
    return lastShared
  }
  const key = `${keyOf(awsAccounts)}\n${keyOf(gcpProjects)}\n${keyOf(azureSubscriptions)}\n${keyOf(regions)}`
  const known = radii.get(key)
  if (known !== undefined) return (lastShared = known)
  const radius = {
    awsAccounts: listed(awsAccounts),
    gcpProjects: listed(gcpProjects),
    azureSubscriptions: listed(azureSubscriptions),
    regions: listed(regions)
  }
  if (radii.size < 10_000) radii.set(key, (lastShared = frozen(radius)))
  return radius
}

/** The shared radius changeRadius returned last. */
let lastShared: ChangeRadius | undefined

/** Whether the set holds exactly the values of the list (which has no duplicates). */
function holds(values: Ids, list: readonly string[]): boolean {
  if (values.size !== list.length) return false
  for (const value of list) if (!values.has(value)) return false
  return true
}

/**
 * Infers the blast radius of a plan: from its planned changes (not no-op or read ones, unless
 * asked: those are the estate around the change, not its effect) and always from the literal
 * provider configuration, which says where the plan runs even when no value names it.
 */
export function inferBlastRadius(plan: Plan, options: BlastRadiusOptions = {}): BlastRadius {
  const found: Found = {
    awsAccounts: new Set(),
    gcpProjects: new Set(),
    azureSubscriptions: new Set(),
    regions: new Set()
  }
  const providers = new Set<string>()
  for (const change of plan.changes) {
    const passive = change.action === 'no-op' || change.action === 'read'
    if (passive && options.includeNoOp !== true) continue
    providers.add(change.provider.name)
    const radius = change.facts?.radius ?? changeRadius(change)
    addAll(found.awsAccounts, radius.awsAccounts)
    addAll(found.gcpProjects, radius.gcpProjects)
    addAll(found.azureSubscriptions, radius.azureSubscriptions)
    addAll(found.regions, radius.regions)
  }
  for (const config of plan.providerConfigs ?? []) mineProviderConfig(config, found)
  return {
    awsAccounts: sorted(found.awsAccounts),
    gcpProjects: sorted(found.gcpProjects),
    azureSubscriptions: sorted(found.azureSubscriptions),
    regions: sorted(found.regions),
    providers: sorted(providers)
  }
}

/** An index loop: the lists are frozen and shared, which for-of iterates slowly. */
function addAll(into: Ids, values: readonly string[]): void {
  for (let k = 0; k < values.length; k++) into.add(values[k]!)
}

/** At most this many values per list in the printed line; a PR comment is not an inventory. */
const SHOWN = 10

function list(values: readonly string[]): string {
  if (values.length <= SHOWN) return values.join(', ')
  return `${values.slice(0, SHOWN).join(', ')} and ${values.length - SHOWN} more`
}

/** The one-line blast radius every report shows. */
export function formatBlastRadius(radius: BlastRadius): string {
  const parts: string[] = []
  if (radius.awsAccounts.length > 0) parts.push(`AWS accounts ${list(radius.awsAccounts)}`)
  if (radius.gcpProjects.length > 0) parts.push(`Google projects ${list(radius.gcpProjects)}`)
  if (radius.azureSubscriptions.length > 0) {
    parts.push(`Azure subscriptions ${list(radius.azureSubscriptions)}`)
  }
  // Regions without any account still tell a reviewer something, but must not read as if an
  // account had been identified.
  if (parts.length === 0) parts.push('no identifiable account, project or subscription')
  if (radius.regions.length > 0) parts.push(`regions ${list(radius.regions)}`)
  return `Touches ${parts.join(' · ')}`
}

function outside(
  kind: OutsideEnvironment['kind'],
  values: readonly string[],
  allowed: readonly string[] | undefined,
  caseInsensitive = false
): OutsideEnvironment[] {
  // An absent list leaves the dimension open; an empty one allows nothing.
  if (allowed === undefined) return []
  const options = { nocase: caseInsensitive, name: true }
  return values
    .filter((value) => !matchAny(allowed, value, options))
    .map((value) => ({ kind, value }))
}

/** What the plan touches that the environment does not allow; unlisted dimensions are open. */
export function outsideEnvironment(
  radius: BlastRadius,
  env: EnvironmentSpec
): OutsideEnvironment[] {
  return [
    ...outside('aws-account', radius.awsAccounts, env.aws_accounts),
    ...outside('gcp-project', radius.gcpProjects, env.gcp_projects),
    // Azure ids are case-insensitive; configs copied from the portal are often upper-case.
    ...outside('azure-subscription', radius.azureSubscriptions, env.azure_subscriptions, true),
    ...outside('region', radius.regions, env.regions)
  ]
}
