/**
 * Fuzz mutations: a seed corpus (the repo's fixtures and, when present, the real plans) and
 * fast-check arbitraries that corrupt it. Structural mutations work on the JSON sites of a seed
 * (found once, when the corpus is loaded); byte mutations work on whatever bytes they are given.
 * Every mutation records what it did and where, so a failing case reads like
 * "kinds.json: swapped an action at byte 1234 (resource_changes[3].change.actions)".
 */
import fc from 'fast-check'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { FIXTURES, realFiles, ROOT } from '../helpers.js'

export type SeedKind = 'show-json' | 'jsonl' | 'json-array' | 'other'
export type Path = readonly (string | number)[]

/** One JSON value in a seed: its byte range, where it sits and, for members, its key. */
export interface Site {
  readonly start: number
  /** Exclusive. */
  readonly end: number
  readonly path: Path
  readonly type: 'string' | 'number' | 'literal' | 'object' | 'array'
  /** Offset of the member's key (its opening quote) when the value is an object member. */
  readonly keyStart?: number
}

export interface Seed {
  /** Path from the repository's parent: `main/fixtures/plans/kinds.json`, `shared/fixtures/real/…`. */
  readonly name: string
  readonly bytes: Buffer
  readonly kind: SeedKind
  readonly sites: readonly Site[]
  /** Sites holding a change's action(s) that plan-gate reads: unknown there must never pass. */
  readonly actionSites: readonly Site[]
  /** Members whose value may be duplicated: top-level keys, or a stream message's keys. */
  readonly memberSites: readonly Site[]
  readonly stringSites: readonly Site[]
  readonly byKey: ReadonlyMap<string, readonly Site[]>
}

const SEED_DIRS = ['plans', 'examples', 'streams']

/** Every file in fixtures/{plans,examples,streams} and every real plan when the corpus exists. */
export function loadCorpus(): Seed[] {
  const files = [
    ...SEED_DIRS.flatMap((dir) =>
      readdirSync(join(FIXTURES, dir))
        .sort()
        .map((name) => join(FIXTURES, dir, name))
    ),
    ...realFiles()
  ]
  return files.map((file) => makeSeed(relative(join(ROOT, '..'), file), readFileSync(file)))
}

export function makeSeed(name: string, bytes: Buffer): Seed {
  const kind = kindOf(bytes)
  const sites = findSites(bytes, kind)
  const byKey = new Map<string, Site[]>()
  for (const site of sites) {
    const last = site.path[site.path.length - 1]
    if (typeof last !== 'string' || site.path.length === 0) continue
    const list = byKey.get(last) ?? []
    list.push(site)
    byKey.set(last, list)
  }
  const types = messageTypes(bytes, sites, kind)
  const stream = kind === 'jsonl' || kind === 'json-array'
  return {
    name,
    bytes,
    kind,
    sites,
    actionSites: sites.filter((s) => isActionSite(s.path, kind, types)),
    memberSites: sites.filter(
      (s) => s.keyStart !== undefined && s.path.length === (stream ? 2 : 1)
    ),
    stringSites: sites.filter((s) => s.type === 'string'),
    byKey
  }
}

function kindOf(bytes: Buffer): SeedKind {
  const text = bytes
    .subarray(0, 4096)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
  const start = text.trimStart()
  if (start.startsWith('[')) return 'json-array'
  if (start.startsWith('{')) return /^\{\s*"@/.test(start) ? 'jsonl' : 'show-json'
  return 'other'
}

const SHOW_SECTIONS = new Set(['resource_changes', 'resource_drift'])
const STREAM_CHANGE_TYPES = new Set(['planned_change', 'resource_drift'])

function isActionSite(path: Path, kind: SeedKind, types: ReadonlyMap<number, string>): boolean {
  const [a, b, c, d, e] = path
  if (kind === 'show-json') {
    if (SHOW_SECTIONS.has(String(a)) && typeof b === 'number' && path.length === 4)
      return c === 'change' && d === 'actions'
    return (
      a === 'deferred_changes' &&
      typeof b === 'number' &&
      path.length === 5 &&
      c === 'resource_change' &&
      d === 'change' &&
      e === 'actions'
    )
  }
  if (kind === 'jsonl' || kind === 'json-array') {
    return (
      typeof a === 'number' &&
      path.length === 3 &&
      b === 'change' &&
      c === 'action' &&
      STREAM_CHANGE_TYPES.has(types.get(a) ?? '')
    )
  }
  return false
}

/** The `type` of each stream message, by its index (line or array position). */
function messageTypes(bytes: Buffer, sites: readonly Site[], kind: SeedKind): Map<number, string> {
  const types = new Map<number, string>()
  if (kind !== 'jsonl' && kind !== 'json-array') return types
  for (const site of sites) {
    const [index, key] = site.path
    if (site.path.length === 2 && key === 'type' && typeof index === 'number') {
      if (site.type === 'string') types.set(index, decodeString(bytes, site))
    }
  }
  return types
}

function decodeString(bytes: Buffer, site: Site): string {
  return JSON.parse(bytes.toString('utf8', site.start, site.end)) as string
}

/** Sites of a seed; a seed that is not valid JSON (UTF-16, deliberately truncated) has fewer. */
function findSites(bytes: Buffer, kind: SeedKind): Site[] {
  const out: Site[] = []
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  if (kind === 'show-json' || kind === 'json-array') {
    const parser = new SiteParser(bytes, bom, bytes.length)
    try {
      parser.value([])
    } catch {
      return []
    }
    return parser.sites
  }
  if (kind === 'jsonl') {
    let start = bom
    let line = 0
    while (start < bytes.length) {
      const nl = bytes.indexOf(0x0a, start)
      const end = nl < 0 ? bytes.length : nl
      const parser = new SiteParser(bytes, start, end)
      try {
        parser.value([line])
        out.push(...parser.sites)
      } catch {
        // a corrupt line (truncated.jsonl) has no sites
      }
      line++
      start = end + 1
    }
  }
  return out
}

/** A small recursive JSON parser that records every value's byte range and path. */
class SiteParser {
  readonly sites: Site[] = []

  constructor(
    private readonly b: Buffer,
    private pos: number,
    private readonly limit: number
  ) {}

  value(path: Path, keyStart?: number): void {
    // The seeds are shallow; anything deeper was made by a mutation and is not re-read.
    if (path.length > 256) this.fail()
    this.ws()
    const start = this.pos
    const c = this.peek()
    let type: Site['type']
    if (c === 0x7b) {
      type = 'object'
      this.pos++
      this.ws()
      if (this.peek() === 0x7d) this.pos++
      else
        for (;;) {
          this.ws()
          const at = this.pos
          const key = this.string()
          this.ws()
          this.expect(0x3a)
          this.value([...path, key], at)
          this.ws()
          if (this.peek() === 0x2c) this.pos++
          else {
            this.expect(0x7d)
            break
          }
        }
    } else if (c === 0x5b) {
      type = 'array'
      this.pos++
      this.ws()
      if (this.peek() === 0x5d) this.pos++
      else
        for (let i = 0; ; i++) {
          this.value([...path, i])
          this.ws()
          if (this.peek() === 0x2c) this.pos++
          else {
            this.expect(0x5d)
            break
          }
        }
    } else if (c === 0x22) {
      type = 'string'
      this.string()
    } else if (c === 0x74 || c === 0x66 || c === 0x6e) {
      type = 'literal'
      const word = c === 0x74 ? 'true' : c === 0x66 ? 'false' : 'null'
      if (this.b.toString('latin1', this.pos, this.pos + word.length) !== word) this.fail()
      this.pos += word.length
    } else {
      type = 'number'
      while (this.pos < this.limit && /[-+0-9.eE]/.test(String.fromCharCode(this.peek())))
        this.pos++
      if (this.pos === start) this.fail()
    }
    this.sites.push({ start, end: this.pos, path, type, keyStart })
  }

  private string(): string {
    const start = this.pos
    this.expect(0x22)
    while (this.peek() !== 0x22) {
      this.pos += this.peek() === 0x5c ? 2 : 1
      if (this.pos >= this.limit) this.fail()
    }
    this.pos++
    return JSON.parse(this.b.toString('utf8', start, this.pos)) as string
  }

  private peek(): number {
    if (this.pos >= this.limit) this.fail()
    return this.b[this.pos] ?? this.fail()
  }

  private expect(c: number): void {
    if (this.peek() !== c) this.fail()
    this.pos++
  }

  private ws(): void {
    while (this.pos < this.limit) {
      const c = this.b[this.pos]
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return
      this.pos++
    }
  }

  private fail(): never {
    throw new Error(`not JSON at byte ${this.pos}`)
  }
}

/** `resource_changes[3].change.actions`, `line 4: change.action`, `message 4: change.action`. */
export function formatPath(path: Path, kind: SeedKind): string {
  const [first, ...rest] = path
  const steps =
    (kind === 'jsonl' || kind === 'json-array') && typeof first === 'number' ? rest : path
  const text = steps
    .map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`))
    .join('')
  if (steps === path) return text === '' ? '(the document)' : text
  const label = kind === 'jsonl' ? `line ${Number(first) + 1}` : `message ${Number(first) + 1}`
  return text === '' ? label : `${label}: ${text}`
}

// ---------------------------------------------------------------------------------------------
// Structural mutations (on a seed's sites)

/** Unknown show-json action lists. None of them is in plan-gate's table. */
export const UNKNOWN_SHOW_ACTIONS = [
  '["obliterate"]',
  '["delete","delete"]',
  '["DELETE"]',
  '["Delete"]',
  '["delete "]',
  '["create","create"]',
  '["update","delete"]',
  '["no-op","delete"]',
  '["read","delete"]',
  '["delete","create","delete"]',
  '["delete","forget"]',
  '["replace"]',
  '["noop"]',
  '[""]'
]

/** Unknown stream actions (`"action":"delete"` → `"action":"vaporize"`). */
export const UNKNOWN_STREAM_ACTIONS = [
  '"vaporize"',
  '"DELETE"',
  '"Delete"',
  '"delete "',
  '""',
  '"no-op"',
  '"forget"',
  '"delete,create"',
  '"destroy"'
]

/** Wrong types for a show-json `actions` site: none of them is a known action list. */
export const WRONG_SHOW_ACTION_VALUES = [
  '"delete"',
  '"delete,create"',
  '5',
  'null',
  'true',
  '[]',
  '{}',
  '[5]',
  '[null]',
  '[["delete"]]',
  '[{"action":"delete"}]',
  '{"0":"delete"}'
]

/** Wrong types for a stream `action` site: none of them is a known stream action. */
export const WRONG_STREAM_ACTION_VALUES = [
  '5',
  'null',
  'true',
  '[]',
  '{}',
  '["delete"]',
  '{"action":"delete"}',
  '{"toString":"delete"}'
]

/** Wrong types anywhere. */
export const WRONG_VALUES = [
  '5',
  '-1',
  '0',
  '-0',
  '1.5',
  '1e999',
  '2',
  '"yes"',
  '""',
  '"1.2"',
  '"2.0"',
  'true',
  'false',
  'null',
  '[]',
  '{}',
  '[5]',
  '[null]',
  '[[]]',
  '{"a":1}',
  '"delete"',
  '["delete"]',
  '{"actions":["delete"]}',
  '"a\\nb"',
  '"line\\r\\n    at evil (x.js:1:1)"',
  '"\\u2028"',
  '"\\ud800"',
  '"\\u0000"',
  '"\\u001b[31mred"',
  '"__proto__"',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"protected":"true"}',
  '[{"key":"protected","value":"true"}]',
  '{"toString":1}',
  '{"valueOf":{},"toString":{}}',
  '{"hasOwnProperty":1,"length":-1}'
]

/** Wrong types for well-known keys, as the issue lists them, and a few more. */
export const TARGETED: readonly (readonly [string, string])[] = [
  ['actions', '"delete"'],
  ['address', '5'],
  ['change', '[]'],
  ['resource_changes', '{}'],
  ['errored', '"yes"'],
  ['format_version', '2'],
  ['format_version', '"2.0"'],
  ['resource_drift', '{}'],
  ['deferred_changes', '"x"'],
  ['resource_change', '[]'],
  ['mode', '"resource"'],
  ['type', 'null'],
  ['index', '{}'],
  ['provider_name', '[]'],
  ['replace_paths', '[[{}]]'],
  ['replace_paths', '"x"'],
  ['before', '"x"'],
  ['after', '[1]'],
  ['after_unknown', 'true'],
  ['after_unknown', '"yes"'],
  ['before_sensitive', '"yes"'],
  ['after_sensitive', '[true]'],
  ['importing', 'false'],
  ['deposed', '7'],
  ['previous_address', '{}'],
  ['action_reason', '5'],
  ['tags', '"x"'],
  ['tags', '[{"protected":"true"}]'],
  ['tags_all', 'null'],
  ['tags', '{"env":{"toString":1}}'],
  ['tags_all', '{"protected":{"valueOf":{},"toString":{}}}'],
  ['labels', '{"protected":[true]}'],
  ['env', '{"toString":"x"}'],
  ['deletion_protection', '"false"'],
  ['backup_retention_period', '"0"'],
  ['backup_retention_period', '-1'],
  ['resource', '[]'],
  ['addr', '5'],
  ['action', '5'],
  ['type', '"planned_change"'],
  ['type', '"change_summary"'],
  ['@level', '5'],
  ['@level', '"error"'],
  ['@module', '5'],
  ['ui', '1'],
  ['ui', '"2.0"'],
  ['terraform', '{}'],
  ['tofu', '5'],
  ['changes', '[]'],
  ['operation', '5'],
  ['diagnostic', '"x"'],
  ['severity', '[]'],
  ['resource_key', '{}'],
  ['resource_type', '[]'],
  ['resource_name', '{}'],
  ['implied_provider', '5'],
  ['module', '[]'],
  ['reason', '5'],
  ['previous_resource', '"x"'],
  ['applyable', '"true"'],
  ['complete', '1'],
  ['configuration', '[]'],
  ['provider_config', '[]'],
  ['expressions', '"x"'],
  ['constant_value', '{}'],
  ['terraform_version', '{}'],
  ['planned_values', '[]'],
  ['prior_state', '5'],
  ['module_address', '5'],
  ['name', '5'],
  ['variables', '[]']
]

export type HugePattern =
  'ascii' | 'escapes' | 'multibyte' | 'astral' | 'module' | 'digits' | 'version'

/** String keys whose values plan-gate reads, names in messages or matches with a pattern. */
export const HUGE_KEYS = [
  'format_version',
  'terraform_version',
  'ui',
  'terraform',
  'tofu',
  'address',
  'addr',
  'previous_address',
  'module_address',
  'module',
  'type',
  'name',
  'mode',
  'deposed',
  'action_reason',
  'reason',
  'provider_name',
  'implied_provider',
  'resource_type',
  'resource_name',
  'bucket',
  'identifier',
  'hash_key',
  '@module',
  '@level'
]

/** Strings for every address in a plan: control characters, fake log lines, lengths. */
export const NASTY_NAMES = [
  '"a\\nb"',
  '"aws_db_instance.x\\n::error::injected"',
  '"aws_s3_bucket.x\\r\\n    at Object.<anonymous> (evil.js:1:1)"',
  '"x\\u001b[2Jy"',
  '"\\u2028\\u2029"',
  '""',
  '"a\\"b"',
  '"module.a[\\"k\\\\n\\"].aws_instance.x"',
  '"\\ud800"',
  '"\\u0000"'
]

export type Structural =
  | { readonly kind: 'none'; readonly seed: number }
  | { readonly kind: 'swap'; readonly seed: number; readonly site: number; readonly pick: number }
  | {
      readonly kind: 'nest'
      readonly seed: number
      readonly site: number
      readonly depth: number
      readonly opener: 'array' | 'object'
      readonly balanced: boolean
    }
  | {
      readonly kind: 'huge'
      readonly seed: number
      readonly site: number
      readonly size: number
      readonly pattern: HugePattern
      readonly targeted: boolean
    }
  | { readonly kind: 'deepmask'; readonly seed: number; readonly depth: number }
  | { readonly kind: 'rename'; readonly seed: number; readonly pick: number; readonly size: number }
  | {
      readonly kind: 'type'
      readonly seed: number
      readonly site: number
      readonly pick: number
      readonly targeted: boolean
    }
  | { readonly kind: 'dup'; readonly seed: number; readonly site: number }

export type ByteOp =
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'flip'; readonly edits: readonly (readonly [number, number])[] }
  | { readonly kind: 'replace'; readonly edits: readonly (readonly [number, number])[] }
  | { readonly kind: 'inject'; readonly at: number; readonly what: number }
  | { readonly kind: 'bom'; readonly what: number }
  | { readonly kind: 'utf16'; readonly bigEndian: boolean; readonly bom: boolean }
  | { readonly kind: 'newlines'; readonly style: 'crlf' | 'cr' | 'lfcr' }
  | { readonly kind: 'wrapper' }

/** What one fuzz case feeds the CLI, and what was done to get it. */
export class Mutated {
  constructor(
    readonly seed: Seed,
    readonly bytes: Buffer,
    readonly steps: readonly string[],
    /** The mutation put an unknown action where plan-gate reads actions: never `pass`. */
    readonly unknownAction: boolean,
    /** Mutation kinds applied, for statistics. */
    readonly kinds: readonly string[],
    /** Chunk size for stdin; 0 = one chunk. */
    readonly chunk: number
  ) {}

  get description(): string {
    const chunks = this.chunk === 0 ? 'one chunk' : `${this.chunk}-byte chunks`
    return `${this.seed.name} → ${this.bytes.length} bytes in ${chunks}: ${this.steps.join('; ')}`
  }

  [fc.toStringMethod](): string {
    return this.description
  }
}

const pickFrom = <T>(list: readonly T[], n: number): T | undefined =>
  list.length === 0 ? undefined : list[n % list.length]

/** Indexes of the seeds that have at least one site of a sort. */
function seedsWith(corpus: readonly Seed[], sites: (seed: Seed) => readonly Site[]): number[] {
  return corpus.flatMap((seed, i) => (sites(seed).length > 0 ? [i] : []))
}

interface Applied {
  readonly bytes: Buffer
  readonly step: string
  readonly unknownAction: boolean
}

const MAX_DEPTH_PROBE = [65_535, 65_536, 65_537]

/** Applies a structural mutation to a seed (its `seed` field chose the seed). */
export function applyStructural(seed: Seed, m: Structural): Applied {
  const b = seed.bytes
  const none = { bytes: b, step: 'unchanged seed', unknownAction: false }
  switch (m.kind) {
    case 'none':
      return none
    case 'swap': {
      const site = pickFrom(seed.actionSites, m.site)
      if (site === undefined) return none
      const stream = seed.kind !== 'show-json'
      const text = pickFrom(stream ? UNKNOWN_STREAM_ACTIONS : UNKNOWN_SHOW_ACTIONS, m.pick) ?? ''
      return {
        bytes: splice(b, site.start, site.end, text),
        step: `swapped an action for ${text} at byte ${site.start} (${formatPath(site.path, seed.kind)})`,
        unknownAction: true
      }
    }
    case 'nest': {
      const site = pickFrom(seed.sites, m.site)
      if (site === undefined) return none
      const [open, close] = m.opener === 'array' ? ['[', ']'] : ['{"k":', '}']
      // The probes put the innermost bracket exactly at the scanner's limit, or one off.
      const levels = MAX_DEPTH_PROBE.includes(m.depth)
        ? Math.max(1, m.depth - site.path.length)
        : m.depth
      const inner = b.subarray(site.start, site.end)
      const bytes = Buffer.concat([
        b.subarray(0, site.start),
        Buffer.from(open.repeat(levels)),
        inner,
        Buffer.from(m.balanced ? close.repeat(levels) : ''),
        b.subarray(site.end)
      ])
      const what = m.balanced ? 'wrapped' : 'opened (never closed)'
      return {
        bytes,
        step: `${what} ${levels} levels of ${open} around the value at byte ${site.start} (${formatPath(site.path, seed.kind)})`,
        unknownAction: false
      }
    }
    case 'huge': {
      const keyed = m.targeted ? HUGE_KEYS.flatMap((k) => seed.byKey.get(k) ?? []) : []
      const strings = keyed.filter((s) => s.type === 'string')
      const site = pickFrom(strings.length > 0 ? strings : seed.stringSites, m.site)
      if (site === undefined) return none
      const text = hugeString(m.size, m.pattern)
      return {
        bytes: Buffer.concat([
          b.subarray(0, site.start),
          Buffer.from('"'),
          text,
          Buffer.from('"'),
          b.subarray(site.end)
        ]),
        step: `replaced the string at byte ${site.start} (${formatPath(site.path, seed.kind)}) with ${text.length} bytes of ${m.pattern}`,
        unknownAction: false
      }
    }
    case 'type': {
      let site: Site | undefined
      let text: string | undefined
      if (m.targeted) {
        // The first targeted key at or after `pick` that the seed has.
        for (let k = 0; k < TARGETED.length && site === undefined; k++) {
          const [key, value] = TARGETED[(m.pick + k) % TARGETED.length] as readonly [string, string]
          const sites = seed.byKey.get(key)
          if (sites === undefined) continue
          site = pickFrom(sites, m.site)
          text = value
        }
      }
      site ??= pickFrom(seed.sites, m.site)
      if (site === undefined) return none
      const action = seed.actionSites.includes(site)
      if (action || text === undefined) {
        const actionValues =
          seed.kind === 'show-json' ? WRONG_SHOW_ACTION_VALUES : WRONG_STREAM_ACTION_VALUES
        text = pickFrom(action ? actionValues : WRONG_VALUES, m.pick) ?? 'null'
      }
      return {
        bytes: splice(b, site.start, site.end, text),
        step: `changed ${formatPath(site.path, seed.kind)} (${site.type}) to ${text} at byte ${site.start}`,
        unknownAction: action
      }
    }
    case 'dup': {
      const site = pickFrom(seed.memberSites, m.site)
      if (site === undefined || site.keyStart === undefined) return none
      const member = b.subarray(site.keyStart, site.end)
      return {
        bytes: Buffer.concat([
          b.subarray(0, site.end),
          Buffer.from(','),
          member,
          b.subarray(site.end)
        ]),
        step: `duplicated the key ${formatPath(site.path, seed.kind)} at byte ${site.end}`,
        unknownAction: false
      }
    }
    case 'deepmask': {
      // Every `true` in a change's unknown/sensitive masks, nested `depth` levels deep.
      const leaves = seed.sites.filter(
        (s) =>
          s.type === 'literal' &&
          s.path.some((step) => MASKS.has(String(step))) &&
          b.toString('latin1', s.start, s.end) === 'true'
      )
      if (leaves.length === 0) return none
      // At most ~16 MB of brackets, however many leaves.
      const depth = Math.max(1, Math.min(m.depth, Math.floor((8 << 20) / leaves.length)))
      const wrapped = Buffer.from(`${'['.repeat(depth)}true${']'.repeat(depth)}`)
      return {
        bytes: replaceAll(b, leaves, () => wrapped),
        step: `nested ${leaves.length} mask leaves ${depth} levels deep (first at byte ${leaves[0]?.start})`,
        unknownAction: false
      }
    }
    case 'rename': {
      // Every address in the plan, renamed to the same nasty (or huge) string.
      const names = ADDRESS_KEYS.flatMap((k) => seed.byKey.get(k) ?? []).filter(
        (s) => s.type === 'string'
      )
      if (names.length === 0) return none
      const huge = m.pick % (NASTY_NAMES.length + 1) === NASTY_NAMES.length
      // At most ~8 MB of names in all, however many addresses.
      const size = Math.max(16, Math.min(m.size, Math.floor((8 << 20) / names.length)))
      const text = huge
        ? Buffer.concat([Buffer.from('"'), hugeString(size, 'module'), Buffer.from('"')])
        : Buffer.from(pickFrom(NASTY_NAMES, m.pick) ?? '""')
      const what = huge ? `${text.length} bytes of module.x.` : text.toString()
      return {
        bytes: replaceAll(b, names, () => text),
        step: `renamed ${names.length} addresses to ${what} (first at byte ${names[0]?.start})`,
        unknownAction: false
      }
    }
  }
}

const MASKS = new Set(['after_unknown', 'before_sensitive', 'after_sensitive'])
const ADDRESS_KEYS = ['address', 'addr', 'previous_address']

/** Replaces non-overlapping sites (any order) with new bytes. */
function replaceAll(b: Buffer, sites: readonly Site[], text: (site: Site) => Buffer): Buffer {
  const sorted = [...sites].sort((x, y) => x.start - y.start)
  const parts: Buffer[] = []
  let at = 0
  for (const site of sorted) {
    if (site.start < at) continue
    parts.push(b.subarray(at, site.start), text(site))
    at = site.end
  }
  parts.push(b.subarray(at))
  return Buffer.concat(parts)
}

function splice(b: Buffer, start: number, end: number, text: string): Buffer {
  return Buffer.concat([b.subarray(0, start), Buffer.from(text), b.subarray(end)])
}

/** `size` bytes of JSON string body (never a quote or a raw control character). */
export function hugeString(size: number, pattern: HugePattern): Buffer {
  const unit = {
    ascii: 'a',
    escapes: '\\n\\"\\\\\\u0041\\t',
    multibyte: 'é',
    astral: '😀',
    module: 'module.x.',
    digits: '1.',
    version: '9'
  }[pattern]
  const unitBytes = Buffer.from(unit)
  const count = Math.max(1, Math.floor(size / unitBytes.length))
  const out = Buffer.alloc(count * unitBytes.length)
  out.fill(unitBytes)
  // `999…9.0`: a version number no regex rejects, only its length.
  return pattern === 'version' ? Buffer.concat([out, Buffer.from('.0')]) : out
}

// ---------------------------------------------------------------------------------------------
// Byte mutations (on any bytes)

/** Byte sequences injected somewhere: NULs, invalid UTF-8, stray BOMs. */
export const INJECTED: readonly (readonly [string, readonly number[]])[] = [
  ['a NUL byte', [0x00]],
  ['four NUL bytes', [0, 0, 0, 0]],
  ['invalid UTF-8 0xff', [0xff]],
  ['invalid UTF-8 0xc3 0x28', [0xc3, 0x28]],
  ['a lone continuation byte', [0x80]],
  ['an overlong encoding', [0xc0, 0xaf]],
  ['a UTF-8 surrogate', [0xed, 0xa0, 0x80]],
  ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
  ['a truncated sequence', [0xe2, 0x82]],
  ['a UTF-8 BOM', [0xef, 0xbb, 0xbf]],
  ['a UTF-16BE BOM', [0xfe, 0xff]],
  ['a UTF-16LE BOM', [0xff, 0xfe]],
  ['a DEL and an ESC', [0x7f, 0x1b]]
]

export const BOMS: readonly (readonly [string, readonly number[]])[] = [
  ['a UTF-16LE BOM', [0xff, 0xfe]],
  ['a UTF-16BE BOM', [0xfe, 0xff]],
  ['a UTF-8 BOM', [0xef, 0xbb, 0xbf]],
  ['two UTF-8 BOMs', [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]],
  ['a UTF-32LE BOM', [0xff, 0xfe, 0x00, 0x00]]
]

/** Bytes that matter to a JSON reader, for replacements. */
const INTERESTING = [
  0x00, 0x22, 0x5c, 0x7b, 0x7d, 0x5b, 0x5d, 0x2c, 0x3a, 0x0a, 0x0d, 0x20, 0x80, 0xff, 0xc3, 0xed,
  0x30, 0x65, 0x2d, 0x2e, 0x40
]

const WRAPPER_HEAD = '[command]/home/runner/work/_temp/0d5c/terraform-bin show -json tfplan\n'
const WRAPPER_TAIL =
  '\n::debug::Terraform exited with code 0.\n::debug::stderr: \n::set-output name=exitcode::0\n'

/** Applies a byte mutation to any bytes (positions wrap around the length). */
export function applyBytes(b: Buffer, op: ByteOp): { bytes: Buffer; step: string } {
  const n = b.length
  switch (op.kind) {
    case 'truncate': {
      const at = n === 0 ? 0 : op.at % n
      return { bytes: b.subarray(0, at), step: `truncated at byte ${at} of ${n}` }
    }
    case 'flip':
    case 'replace': {
      if (n === 0) return { bytes: b, step: `${op.kind}: nothing to edit` }
      const out = Buffer.from(b)
      const done = op.edits.map(([pos, v]) => {
        const at = pos % n
        const before = out[at] ?? 0
        const after = op.kind === 'flip' ? before ^ v : (INTERESTING[v % INTERESTING.length] ?? v)
        out[at] = after
        return `byte ${at} 0x${hex(before)}→0x${hex(after)}`
      })
      const verb = op.kind === 'flip' ? 'flipped' : 'replaced'
      return { bytes: out, step: `${verb} ${done.join(', ')}` }
    }
    case 'inject': {
      const at = op.at % (n + 1)
      const [what, seq] = INJECTED[op.what % INJECTED.length] as (typeof INJECTED)[number]
      return {
        bytes: Buffer.concat([b.subarray(0, at), Buffer.from(seq), b.subarray(at)]),
        step: `injected ${what} at byte ${at}`
      }
    }
    case 'bom': {
      const [what, seq] = BOMS[op.what % BOMS.length] as (typeof BOMS)[number]
      return { bytes: Buffer.concat([Buffer.from(seq), b]), step: `prepended ${what}` }
    }
    case 'utf16': {
      let out = Buffer.from(b.toString('utf8'), 'utf16le')
      if (op.bigEndian) out = out.swap16()
      if (op.bom)
        out = Buffer.concat([Buffer.from(op.bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), out])
      const name = op.bigEndian ? 'UTF-16BE' : 'UTF-16LE'
      return { bytes: out, step: `re-encoded as ${name}${op.bom ? ' with a BOM' : ''}` }
    }
    case 'newlines': {
      const to = { crlf: '\r\n', cr: '\r', lfcr: '\n\r' }[op.style]
      const out = Buffer.from(b.toString('latin1').replace(/\r?\n/g, to), 'latin1')
      return { bytes: out, step: `converted newlines to ${JSON.stringify(to)}` }
    }
    case 'wrapper':
      return {
        bytes: Buffer.concat([Buffer.from(WRAPPER_HEAD), b, Buffer.from(WRAPPER_TAIL)]),
        step: 'wrapped in setup-terraform wrapper lines'
      }
  }
}

function hex(byte: number): string {
  return byte.toString(16).padStart(2, '0')
}

/** Byte mutations that may change what a plan says (rename a key, say) rather than break it. */
function rewrites(op: ByteOp): boolean {
  return op.kind === 'flip' || op.kind === 'replace'
}

// ---------------------------------------------------------------------------------------------
// Arbitraries

const position = fc.nat({ max: 0x7fffffff })

export function structuralArb(corpus: readonly Seed[]): fc.Arbitrary<Structural> {
  const seedFor = (sites: (seed: Seed) => readonly Site[]): fc.Arbitrary<number> => {
    const seeds = seedsWith(corpus, sites)
    return seeds.length === 0 ? fc.nat({ max: corpus.length - 1 }) : fc.constantFrom(...seeds)
  }
  const depth = fc.oneof(
    fc.integer({ min: 10, max: 200 }),
    fc.integer({ min: 1000, max: 20_000 }),
    fc.constantFrom(...MAX_DEPTH_PROBE),
    fc.integer({ min: 65_536, max: 100_000 })
  )
  const size = fc.integer({ min: 1 << 20, max: 8 << 20 })
  const pattern = fc.constantFrom<HugePattern>(
    'ascii',
    'escapes',
    'multibyte',
    'astral',
    'module',
    'digits',
    'version'
  )
  return fc.oneof(
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('none' as const), seed: position }) },
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('swap' as const),
        seed: seedFor((s) => s.actionSites),
        site: position,
        pick: position
      })
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('nest' as const),
        seed: seedFor((s) => s.sites),
        site: position,
        depth,
        opener: fc.constantFrom('array' as const, 'object' as const),
        balanced: fc.boolean()
      })
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('huge' as const),
        seed: seedFor((s) => s.stringSites),
        site: position,
        size,
        pattern,
        targeted: fc.boolean()
      })
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('deepmask' as const),
        seed: seedFor((s) => s.sites.filter((x) => x.path.some((p) => MASKS.has(String(p))))),
        depth
      })
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('rename' as const),
        seed: seedFor((s) => ADDRESS_KEYS.flatMap((k) => s.byKey.get(k) ?? [])),
        pick: position,
        size: fc.integer({ min: 1 << 10, max: 1 << 20 })
      })
    },
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('type' as const),
        seed: seedFor((s) => s.sites),
        site: position,
        pick: position,
        targeted: fc.boolean()
      })
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('dup' as const),
        seed: seedFor((s) => s.memberSites),
        site: position
      })
    }
  )
}

export const byteOpArb: fc.Arbitrary<ByteOp> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: position }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('flip' as const),
      edits: fc.array(fc.tuple(position, fc.integer({ min: 1, max: 255 })), {
        minLength: 1,
        maxLength: 8
      })
    })
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('replace' as const),
      edits: fc.array(fc.tuple(position, fc.nat({ max: 255 })), { minLength: 1, maxLength: 8 })
    })
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('inject' as const), at: position, what: position })
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('bom' as const), what: position }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('utf16' as const),
      bigEndian: fc.boolean(),
      bom: fc.boolean()
    })
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('newlines' as const),
      style: fc.constantFrom('crlf' as const, 'cr' as const, 'lfcr' as const)
    })
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'wrapper' as const }) }
)

/**
 * A seed, one structural mutation (sometimes a second one, on the sites of the first one's
 * result), then up to three byte mutations, then a chunking of stdin.
 */
export function mutatedArb(corpus: readonly Seed[]): fc.Arbitrary<Mutated> {
  if (corpus.length === 0) throw new Error('empty fuzz corpus')
  const structural = structuralArb(corpus)
  return fc
    .record({
      first: structural,
      second: fc.option(structural, { freq: 3 }),
      // Half the cases keep the structural mutation intact, so that it reaches the rules.
      ops: fc.oneof(fc.constant([]), fc.array(byteOpArb, { minLength: 1, maxLength: 3 })),
      chunk: fc.oneof(
        { weight: 3, arbitrary: fc.constant(0) },
        { weight: 1, arbitrary: fc.integer({ min: 1, max: 70_000 }) }
      )
    })
    .map(({ first, second, ops, chunk }) =>
      mutate(corpus, second === null ? [first] : [first, second], ops, chunk)
    )
}

/** Mutations that make a seed expensive or impossible to re-read for sites go last. */
const LAST = new Set(['huge', 'nest', 'deepmask'])

export function mutate(
  corpus: readonly Seed[],
  structurals: readonly Structural[],
  ops: readonly ByteOp[],
  chunk: number
): Mutated {
  const [head] = structurals
  const original = corpus[(head?.seed ?? 0) % corpus.length] as Seed
  const ordered = [...structurals].sort(
    (a, b) => Number(LAST.has(a.kind)) - Number(LAST.has(b.kind))
  )
  let seed = original
  const steps: string[] = []
  const kinds: string[] = []
  let swaps = 0
  for (const [i, m] of ordered.entries()) {
    // The second mutation works on the first one's result, re-read for its sites; after a huge
    // or deeply nested value there is nothing sensible to re-read.
    if (i > 0) {
      if (LAST.has(kinds[kinds.length - 1] ?? '')) break
      seed = makeSeed(original.name, seed.bytes)
    }
    const applied = applyStructural(seed, m)
    if (applied.bytes === seed.bytes) continue
    seed = { ...seed, bytes: applied.bytes }
    steps.push(applied.step)
    kinds.push(m.kind)
    if (applied.unknownAction) swaps++
  }
  let bytes = seed.bytes
  for (const op of ops) {
    const applied = applyBytes(bytes, op)
    bytes = applied.bytes
    steps.push(applied.step)
    kinds.push(op.kind)
  }
  if (steps.length === 0) steps.push('unchanged seed')
  // Only a lone swap (or wrong type at an action site) is sure to leave an unknown action where
  // plan-gate reads actions: a second structural mutation may replace the whole change, and a
  // flipped byte may rename "resource_changes" (a plan without changes is valid).
  const applied = kinds.filter((k) => STRUCTURAL_KINDS.has(k)).length
  const unknownAction = swaps === 1 && applied === 1 && !ops.some(rewrites)
  // Tiny chunks over megabytes would only measure the loop: at most 4096 chunks.
  const size = chunk === 0 ? 0 : Math.max(chunk, Math.ceil(bytes.length / 4096))
  return new Mutated(original, bytes, steps, unknownAction, kinds, size)
}

const STRUCTURAL_KINDS = new Set(['swap', 'nest', 'huge', 'type', 'dup', 'deepmask', 'rename'])
