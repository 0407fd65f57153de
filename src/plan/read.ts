/**
 * The plan reader: bytes in (pushed in chunks of any size), one normalized `Plan` out.
 * It detects the format (show-json, JSON Lines stream, JSON array of UI messages), the
 * encoding and the setup-terraform wrapper. Pure: the caller does the I/O.
 */
import {
  EncodingError,
  isWrapperTrailer,
  Utf8Check,
  Utf8Normalizer,
  WrapperStripper
} from './decode.js'
import { isRecord } from '../common/record.js'
import { concatBytes } from './bytes.js'
import { PlanInputError } from './errors.js'
import {
  withoutValues,
  type InputFormat,
  type Plan,
  type ProviderConfig,
  type ResourceChange,
  type Retain,
  type Tally
} from './model.js'
import { fromShowJson, fromSummary, versionOrUndefined } from './normalize.js'
import {
  PlanSyntaxError,
  ShowJsonScanner,
  type ChangeSummary,
  type ScanResult,
  type Section
} from './scan.js'
import { peekedHeader, peekMessageType } from './peek.js'
import {
  ArrayElements,
  LineSplitter,
  onlyHeaderRead,
  StreamCollector,
  type LineSkipper
} from './stream.js'
import { kernel, throughWindow } from './wasm/index.js'
import { projectChange, type Projection } from './project.js'
import { refreshAddress, UNSURE } from './refresh.js'
import { TallyCounter } from './tally.js'

/** `format_version` majors plan-gate understands (0.1, 0.2, 1.0 … 1.2, and newer 1.x). */
/** Bytes readFrom reads at once without a kernel (with one: its window). */
const READ_SIZE = 1 << 20

const SUPPORTED_MAJORS = new Set(['0', '1'])

export interface ReadOptions {
  /** Force a format instead of detecting it. */
  readonly format?: InputFormat
  /** Default: keep every change, without the values of no-op and read changes. */
  readonly retain?: Retain
  /**
   * Whether `retain` reads the values (`before`, `after` and their masks) of no-op and read
   * changes in `resource_changes`. When false, such elements are still checked byte for byte
   * but never parsed, and `retain` gets them without values: on a mature plan about 90% of the
   * changes are no-ops, so this is most of the parsing. Default: false with the default
   * `retain` (which drops those values anyway), true with any other.
   */
  readonly unchangedValues?: boolean
  /**
   * Read only these parts of the values of changed `resource_changes` elements (project.ts);
   * `retain` then gets changes whose `before` / `after` hold only the named attributes, with
   * `valueLeaves` set. Elements it cannot read with certainty are parsed whole as usual.
   */
  readonly project?: Projection
}

/** Extra facts about how the input was read. */
export interface ReadInfo {
  readonly encoding: string
  /** True when setup-terraform wrapper lines were removed. */
  readonly unwrapped: boolean
}

interface Sink {
  push(chunk: Uint8Array): void
  end(): Plan
}

/** Incremental plan reader. Errors are `PlanInputError`s with one-line messages. */
export class PlanReader {
  private readonly normalizer = new Utf8Normalizer()
  private readonly stripper = new WrapperStripper()
  private sink?: Sink
  private head: Uint8Array[] = []
  private headLength = 0
  private info?: ReadInfo

  constructor(private readonly options: ReadOptions = {}) {}

  push(chunk: Uint8Array): void {
    guard(() => {
      for (const utf8 of this.normalizer.push(chunk)) this.route(this.stripper.push(utf8))
    })
  }

  /**
   * Pushes the rest of the input, read with `read`: a synchronous read of up to `into.length`
   * bytes into `into` that returns how many it read (0 at the end). The bytes go straight into
   * the kernel's window when there is one, so no chunk is ever copied. `onRead` gets the
   * running count of bytes read; returns the total. Call end() after it.
   */
  readFrom(read: (into: Uint8Array) => number, onRead?: (bytes: number) => void): number {
    const into = kernel()?.window ?? new Uint8Array(READ_SIZE)
    let total = 0
    for (;;) {
      const n = read(into)
      if (n <= 0) break
      total += n
      // Every stage copies what it keeps beyond the call, so the window can be read into again.
      this.push(into.subarray(0, n))
      onRead?.(total)
    }
    return total
  }

  end(): Plan {
    return guard(() => {
      for (const utf8 of this.normalizer.end()) this.route(this.stripper.push(utf8))
      this.route(this.stripper.end())
      if (this.sink === undefined) this.choose(true)
      this.info = {
        encoding: this.normalizer.detected ?? 'utf8',
        unwrapped: this.stripper.wrapped
      }
      if (this.sink === undefined) throw new PlanInputError('the input is empty')
      return this.sink.end()
    })
  }

  /** How the input was decoded; available after `end()`. */
  get readInfo(): ReadInfo | undefined {
    return this.info
  }

  private route(chunks: Uint8Array[]): void {
    for (const chunk of chunks) {
      if (chunk.length === 0) continue
      if (this.sink !== undefined) {
        this.sink.push(chunk)
        continue
      }
      // A copy: the caller may read into its buffer again (readFrom does).
      this.head.push(new Uint8Array(chunk))
      this.headLength += chunk.length
      if (this.headLength >= 4096) this.choose(false)
    }
  }

  /** Picks the sink from the first bytes (or the forced format) and replays them. */
  private choose(final: boolean): void {
    const head = this.head
    this.head = []
    const prefix = new TextDecoder().decode(concatBytes(head).subarray(0, 4096))
    const format = this.options.format ?? sniff(prefix, final, this.stripper.wrapped)
    if (format === undefined) return
    const { retain = lean, unchangedValues = this.options.retain !== undefined } = this.options
    this.sink = makeSink(format, retain, !unchangedValues, this.options.project)
    for (const chunk of head) this.sink.push(chunk)
  }
}

/** Reads a whole input held in memory (tests, small files). */
export function readPlan(bytes: Uint8Array, options: ReadOptions = {}): Plan {
  const reader = new PlanReader(options)
  reader.push(bytes)
  return reader.end()
}

function sniff(prefix: string, final: boolean, wrapped: boolean): InputFormat | undefined {
  const text = prefix.trimStart()
  if (text === '') {
    if (final) throw new PlanInputError('the input is empty')
    return undefined
  }
  if (text.startsWith('PK\u0003\u0004')) {
    throw new PlanInputError(
      'this is a binary plan file; plan-gate reads it through `terraform show -json` (give the file path, not stdin)'
    )
  }
  if (text.startsWith('{')) {
    const firstKey = /^\{\s*"((?:[^"\\]|\\.)*)"/.exec(text)
    return firstKey?.[1]?.startsWith('@') ? 'jsonl' : 'show-json'
  }
  if (text.startsWith('[')) {
    if (/^\[\s*(\]|\{\s*"@)/.test(text)) return 'json-array'
    if (!final && text.length < 64) return undefined
    throw new PlanInputError('a JSON array that is not a list of Terraform UI messages')
  }
  if (text.startsWith('::') || text.startsWith('%0A')) {
    throw new PlanInputError(wrapperHint('only GitHub Actions workflow commands, no plan'))
  }
  if (wrapped) throw new PlanInputError(wrapperHint('no JSON after the wrapper line'))
  throw new PlanInputError(`not JSON: the input starts with ${describeStart(text)}`)
}

function wrapperHint(problem: string): string {
  return `${problem}; set \`terraform_wrapper: false\` in hashicorp/setup-terraform`
}

/** Names the first character without echoing content (it may be a secret). */
function describeStart(text: string): string {
  const ch = text[0] ?? ''
  if (/[A-Za-z]/.test(ch)) return 'a letter'
  if (/[0-9]/.test(ch)) return 'a digit'
  return `"${ch}"`
}

function makeSink(
  format: InputFormat,
  retain: Retain,
  skipUnchanged: boolean,
  projection: Projection | undefined
): Sink {
  switch (format) {
    case 'show-json':
      return showJsonSink(retain, skipUnchanged, projection)
    case 'jsonl':
      return jsonlSink(retain)
    case 'json-array':
      return jsonArraySink(retain)
  }
}

/** `["no-op"]` and `["read"]`: changes whose values no rule reads. */
function isUnchanged(actions: readonly string[]): boolean {
  return actions.length === 1 && (actions[0] === 'no-op' || actions[0] === 'read')
}

function showJsonSink(
  retain: Retain,
  skipUnchanged: boolean,
  projection: Projection | undefined
): Sink {
  const changes: ResourceChange[] = []
  const drift: ResourceChange[] = []
  const deferred: ResourceChange[] = []
  const tally = new TallyCounter()
  const registries = new Set<string>()
  const seen = { resource_changes: 0, resource_drift: 0, deferred_changes: 0 }
  // Changes share a few providers: the registry of each provider name is worked out once.
  let lastFqn: string | undefined
  const onChange = (change: ResourceChange): void => {
    tally.add(change)
    const fqn = change.provider.fqn
    if (fqn !== lastFqn || registries.size === 0) {
      lastFqn = fqn
      registries.add(fqn?.split('/')[0] ?? '')
    }
    keep(changes, retain(change, 'change'))
  }
  const onElement = (section: Section, element: unknown): void => {
    const index = seen[section]++
    if (section === 'resource_changes') {
      onChange(fromShowJson(element, `resource_changes[${index}]`))
    } else if (section === 'resource_drift') {
      keep(drift, retain(fromShowJson(element, `resource_drift[${index}]`), 'drift'))
    } else {
      const position = `deferred_changes[${index}]`
      const inner = isRecord(element) ? element['resource_change'] : undefined
      keep(deferred, retain(fromShowJson(inner, `${position}.resource_change`), 'deferred'))
    }
  }
  // Only reached for resource_changes: the peek callback never skips anything else.
  const onSkipped = (section: Section, summary: ChangeSummary): void => {
    onChange(fromSummary(summary, `${section}[${seen[section]++}]`))
  }
  const scanner = new ShowJsonScanner(onElement, {
    // Only the provider blocks: the rest of `configuration` (one body per module call) can be
    // tens of MB on a large plan, and is never read.
    capture: ['configuration.provider_config'],
    // What exists before the plan, for the full-destroy rule: counted as `prior_state` streams
    // past, never parsed.
    inventory: true,
    peek:
      skipUnchanged || projection !== undefined
        ? (section, summary) =>
            skipUnchanged && section === 'resource_changes' && isUnchanged(summary.actions)
              ? 'skip'
              : 'parse'
        : undefined,
    onSkipped,
    project:
      projection === undefined
        ? undefined
        : (section, summary, bytes) => {
            if (section !== 'resource_changes') return false
            const position = `resource_changes[${seen.resource_changes}]`
            const change = projectChange(bytes, summary, projection, position)
            if (change === undefined) return false
            seen.resource_changes++
            onChange(change)
            return true
          }
  })
  // The scanner checks the grammar of every byte but the UTF-8 only of what it parses.
  const utf8 = new Utf8Check()
  return {
    push: (chunk) => {
      scanner.push(chunk)
      utf8.push(chunk)
    },
    end: () => {
      const scanned = scanner.end()
      utf8.end()
      const plan = showJsonPlan(scanned, {
        changes,
        drift,
        deferred,
        tally: tally.result(),
        registries
      })
      const blocks = scanner.captured['configuration.provider_config']
      const managed = scanner.managedInState()
      return {
        ...plan,
        ...(managed === undefined ? {} : { inventory: { managed, source: 'prior_state' } }),
        providerConfigs: providerConfigs(blocks)
      }
    }
  }
}

/**
 * Managed resource instances in a state's `values` (`root_module` and its `child_modules`,
 * deposed objects aside), or undefined when there is no such tree: the reference the streamed
 * count (inventory.ts) is tested against.
 */
export function countManaged(values: unknown): number | undefined {
  if (!isRecord(values) || !isRecord(values['root_module'])) return undefined
  let count = 0
  const pending: unknown[] = [values['root_module']]
  while (pending.length > 0) {
    const module = pending.pop()
    if (!isRecord(module)) continue
    const resources = module['resources']
    if (Array.isArray(resources)) {
      for (const r of resources) {
        if (isRecord(r) && r['mode'] === 'managed' && r['deposed_key'] === undefined) count++
      }
    }
    const children = module['child_modules']
    if (Array.isArray(children)) pending.push(...children)
  }
  return count
}

function keep(list: ResourceChange[], change: ResourceChange | undefined): void {
  if (change !== undefined) list.push(change)
}

/**
 * The default `retain`: values of no-op and read changes are never looked at by any rule;
 * dropping them keeps memory proportional to what changes, not to the size of the estate.
 */
export function lean(change: ResourceChange): ResourceChange {
  return change.action === 'no-op' || change.action === 'read' ? withoutValues(change) : change
}

function showJsonPlan(
  scan: ScanResult,
  parts: {
    changes: ResourceChange[]
    drift: ResourceChange[]
    deferred: ResourceChange[]
    tally: Tally
    /** Registry hosts of every change's provider (`registry.opentofu.org` …). */
    registries: ReadonlySet<string>
  }
): Plan {
  if (scan.trailer !== '' && !isWrapperTrailer(scan.trailer)) {
    throw new PlanInputError('unexpected text after the end of the JSON document')
  }
  const version = scan.scalars['format_version']
  if (version === undefined) throw new PlanInputError(notAPlan(scan.keys))
  if (typeof version !== 'string') throw new PlanInputError('"format_version" must be a string')
  // Bounded, because the version is echoed below: 8 MB of digits is not a version number.
  const match = /^(\d{1,9})\.\d{1,9}(\.\d{1,9})?$/.exec(version)
  if (match === null) {
    throw new PlanInputError('unsupported format_version: not a version number like "1.2"')
  }
  if (!SUPPORTED_MAJORS.has(match[1] as string)) {
    throw new PlanInputError(
      `unsupported format_version "${version}" (plan-gate reads plan formats 0.x and 1.x)`
    )
  }
  const keys = new Set(scan.keys)
  rejectMangledKeys(scan.keys)
  const isPlan = [
    'resource_changes',
    'planned_values',
    'prior_state',
    'configuration',
    'errored'
  ].some((k) => keys.has(k))
  if (!isPlan && keys.has('values')) {
    throw new PlanInputError(
      'this is `terraform show -json` of a state, not of a plan: run `terraform show -json <planfile>`'
    )
  }
  if (!isPlan)
    throw new PlanInputError('not a Terraform plan: no resource_changes or planned_values')
  for (const section of ['resource_changes', 'resource_drift', 'deferred_changes']) {
    if (keys.has(section) && scan.containers[section] !== 'array') {
      throw new PlanInputError(`"${section}" must be a list`)
    }
  }
  const errored = booleanFlag(scan, 'errored')
  const toolVersion = versionOrUndefined(scan.scalars['terraform_version'])
  return {
    source: {
      format: 'show-json',
      formatVersion: version,
      tool: toolOf(parts.registries, toolVersion),
      toolVersion
    },
    changes: parts.changes,
    tally: parts.tally,
    drift: parts.drift,
    deferred: parts.deferred,
    errored: errored === true,
    applyable: booleanFlag(scan, 'applyable'),
    complete: booleanFlag(scan, 'complete'),
    errorDiagnostics: 0
  }
}

/**
 * Literal arguments of each provider block (`configuration.provider_config`); references and
 * unknown shapes are skipped.
 */
function providerConfigs(blocks: unknown): ProviderConfig[] {
  if (!isRecord(blocks)) return []
  return Object.entries(blocks).flatMap(([key, block]) => {
    if (!isRecord(block)) return []
    const constants = literalArguments(block['expressions'])
    const name =
      typeof block['name'] === 'string'
        ? block['name']
        : (key.replace(/^.*:/, '').split('.')[0] ?? key)
    const alias = typeof block['alias'] === 'string' ? block['alias'] : undefined
    return [{ key, name, alias, constants }]
  })
}

/**
 * `{ region: { constant_value: 'x' }, assume_role: [{ role_arn: { constant_value: 'arn…' } }] }`
 * → `{ region: 'x', assume_role: [{ role_arn: 'arn…' }] }`; references are left out.
 */
function literalArguments(expressions: unknown): Record<string, unknown> {
  if (!isRecord(expressions)) return {}
  const out: [string, unknown][] = []
  for (const [name, expression] of Object.entries(expressions)) {
    if (isRecord(expression) && Object.hasOwn(expression, 'constant_value'))
      out.push([name, expression['constant_value']])
    else if (Array.isArray(expression)) out.push([name, expression.map(literalArguments)])
  }
  // fromEntries defines each key as its own: an argument named `__proto__` stays a key the
  // fingerprint sees instead of becoming the record's prototype.
  return Object.fromEntries(out)
}

/** Every top-level key Terraform and OpenTofu write (formats.md A.2). */
const KNOWN_KEYS = new Set([
  'format_version',
  'terraform_version',
  'variables',
  'planned_values',
  'resource_drift',
  'resource_changes',
  'deferred_changes',
  'deferred_action_invocations',
  'output_changes',
  'action_invocations',
  'prior_state',
  'configuration',
  'relevant_attributes',
  'checks',
  'timestamp',
  'applyable',
  'complete',
  'errored'
])

/**
 * Unknown top-level keys are fine (newer minors add some), but one a byte or two away from a
 * known key is corruption that happens to stay valid JSON: a renamed `resource_changes` would
 * otherwise read as a plan with no changes, and pass.
 */
function rejectMangledKeys(keys: readonly string[]): void {
  for (const key of keys) {
    if (KNOWN_KEYS.has(key) || key.length < 5) continue
    const near = [...KNOWN_KEYS].find((known) => editDistance(key, known) <= 2)
    if (near !== undefined) {
      throw new PlanInputError(`a top-level key is a corrupted "${near}": the file is damaged`)
    }
  }
}

/** Levenshtein distance, for short keys only. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost
      )
    }
    previous = current
  }
  return previous[b.length] ?? 0
}

function booleanFlag(scan: ScanResult, key: string): boolean | undefined {
  const value = scan.scalars[key]
  if (value === undefined) return undefined
  if (typeof value !== 'boolean') throw new PlanInputError(`"${key}" must be true or false`)
  return value
}

/** OpenTofu keeps `terraform_version` but uses its own registry in provider names. */
function toolOf(
  registries: ReadonlySet<string>,
  version: string | undefined
): 'terraform' | 'opentofu' | 'unknown' {
  if (registries.has('registry.opentofu.org')) return 'opentofu'
  if (registries.has('registry.terraform.io')) return 'terraform'
  return version === undefined ? 'unknown' : 'terraform'
}

function notAPlan(keys: readonly string[]): string {
  const has = new Set(keys)
  if (has.has('lineage') && has.has('serial')) {
    return 'this is a Terraform state file, not a plan: run `terraform show -json <planfile>`'
  }
  return 'not a Terraform plan: "format_version" is missing'
}

function jsonlSink(retain: Retain): Sink {
  const collector = new StreamCollector('jsonl', retain)
  const splitter = new LineSplitter(
    (line, lineNo) => {
      const text = line.endsWith('\r') ? line.slice(0, -1) : line
      if (text.trim() === '') return
      if (text.startsWith('::') || text.startsWith('%0A')) return // wrapper trailer
      let message: unknown
      try {
        message = JSON.parse(text)
      } catch {
        throw new PlanInputError(`line ${lineNo} is not valid JSON (truncated or corrupt stream)`)
      }
      collector.add(message, `line ${lineNo}`)
    },
    skipHeaderOnly,
    headerRuns(collector)
  )
  // Most lines are refresh messages of which only three keys count: those are checked byte for
  // byte (peek.ts) but not parsed. Anything the peek is unsure of takes the path above.
  function skipHeaderOnly(
    bytes: Uint8Array,
    start: number,
    end: number,
    _n: number,
    ascii: boolean
  ) {
    const stop = end > start && bytes[end - 1] === 0x0d ? end - 1 : end
    const type = peekMessageType(bytes, start, stop, ascii)
    if (type === undefined) return false
    const refresh = type === 'refresh_complete'
    if (!refresh && !onlyHeaderRead(type)) return false
    // `@module` only counts until the tool is known.
    const module = collector.toolKnown ? undefined : peekedHeader(bytes, 'module')
    if (refresh) {
      // Of a refresh only the address it names counts: read from the bytes, not parsed.
      const addr = refreshAddress(bytes, start, stop)
      if (addr === UNSURE) return false
      collector.addRefresh(module, addr)
      return true
    }
    collector.addHeader(type, peekedHeader(bytes, 'level'), module)
    return true
  }
  return {
    push: (chunk) => throughWindow(chunk, (bytes) => splitter.push(bytes)),
    end: () => {
      splitter.end()
      return collector.finish()
    }
  }
}

/**
 * The kernel's bulk version of skipHeaderOnly, for lines in its window once the tool is known:
 * runs of header-only messages are checked and counted without a call per line.
 */
function headerRuns(collector: StreamCollector): LineSkipper | undefined {
  const k = kernel()
  if (k === undefined) return undefined
  return {
    lines: 0,
    parseNext: false,
    skip(bytes, start, end) {
      this.lines = 0
      this.parseNext = false
      const o = k.offsetOf(bytes)
      if (o < 0 || !collector.toolKnown) return start
      const at = k.scanLines(o, start, end)
      this.lines = k.out[2]!
      // A planned_change (or another type read whole) that the kernel has just checked: the
      // splitter parses it without peeking at it again in JavaScript.
      this.parseNext = k.out[4] === 1
      collector.addHeaders(k.out[2]!, k.out[3]!)
      // The addresses' bytes go to the count as they lie in the window: no string for each.
      const spans = k.refreshedSpans()
      for (let i = 0; i < spans.length; i += 3) {
        const from = spans[i]!
        const to = spans[i + 1]!
        if (spans[i + 2] === 1)
          collector.refreshedAddress(
            JSON.parse(k.window.toString('latin1', from - 1, to + 1)) as string
          )
        else collector.refreshedBytes(k.window, from, to)
      }
      return at
    }
  }
}

function jsonArraySink(retain: Retain): Sink {
  const collector = new StreamCollector('json-array', retain)
  const invalid = 'the JSON array of UI messages is not valid JSON (truncated or corrupt)'
  const decoder = new TextDecoder('utf-8', { fatal: true })
  // One message at a time, as with JSON Lines: the array is never held whole.
  const elements = new ArrayElements(
    (bytes, index) => {
      let message: unknown
      try {
        message = JSON.parse(decoder.decode(bytes))
      } catch {
        throw new PlanInputError(invalid)
      }
      collector.add(message, `message ${index + 1}`)
    },
    invalid,
    'expected a JSON array of UI messages'
  )
  return {
    push: (chunk) => elements.push(chunk),
    end: () => {
      elements.end()
      return collector.finish()
    }
  }
}

/** Turns scanner and decoder errors into `PlanInputError`s. */
function guard<T>(fn: () => T): T {
  try {
    return fn()
  } catch (error) {
    if (error instanceof PlanSyntaxError) {
      throw new PlanInputError(`invalid JSON: ${error.message}`)
    }
    if (error instanceof EncodingError) throw new PlanInputError(error.message)
    if (error instanceof SyntaxError) throw new PlanInputError('invalid JSON in a resource change')
    throw error
  }
}
