/**
 * Reads the machine-readable UI (`terraform plan -json`, `tofu plan -json`): one message at a
 * time, from JSON Lines or from the same messages saved as one JSON array.
 */
import { isAscii } from 'node:buffer'
import { isRecord } from '../common/record.js'
import { concatBytes } from './bytes.js'
import { DistinctStrings } from './distinct.js'
import { PlanInputError } from './errors.js'
import type { Plan, ResourceChange } from './model.js'
import { fromStream, versionOrUndefined } from './normalize.js'
import { TallyCounter } from './tally.js'

const SUPPORTED_UI_MAJORS = new Set(['0', '1'])

/** Message types whose body `StreamCollector.add` reads; it reads only three keys of any other. */
const READ_TYPES = new Set([
  'version',
  'planned_change',
  'resource_drift',
  'diagnostic',
  'change_summary',
  'refresh_complete'
])

/**
 * Whether `add` reads nothing of a message of this type but `type`, `@level` and `@module`
 * (refresh, apply and output messages …): then those three stand for the whole message.
 */
export function onlyHeaderRead(type: string): boolean {
  return !READ_TYPES.has(type)
}

/** Collects UI messages into a `Plan`. */
export class StreamCollector {
  private tool: 'terraform' | 'opentofu' | 'unknown' = 'unknown'
  private toolVersion?: string
  private uiVersion?: string
  private readonly changes: ResourceChange[] = []
  private readonly drift: ResourceChange[] = []
  private errors = 0
  private summaries = 0
  private operation?: 'plan' | 'apply' | 'destroy'
  private messages = 0
  /** Managed objects named by refresh messages: what exists before the plan. */
  private readonly refreshed = new DistinctStrings()
  /** A "Resource targeting is in effect" warning: refresh covered only the targets. */
  private targeted = false

  private readonly tally = new TallyCounter()
  /** Counts from the first `plan` change_summary. */
  private planned?: { add: number; change: number; remove: number }

  constructor(
    private readonly format: 'jsonl' | 'json-array',
    private readonly retain: (
      change: ResourceChange,
      section: 'change' | 'drift'
    ) => ResourceChange | undefined = (c) => c
  ) {}

  /** Adds one decoded message; `position` names it in errors (e.g. "line 12"). */
  add(message: unknown, position: string): void {
    if (!isRecord(message)) {
      throw new PlanInputError(`${position} is not a JSON object`)
    }
    this.messages++
    const type = message['type']
    if (typeof type !== 'string') {
      throw new PlanInputError(`${position} has no "type": not a Terraform UI message`)
    }
    this.noteModule(message['@module'])
    switch (type) {
      case 'version':
        return this.version(message, position)
      case 'planned_change': {
        const change = fromStream(message['change'], position, this.tool)
        this.tally.add(change)
        const kept = this.retain(change, 'change')
        if (kept !== undefined) this.changes.push(kept)
        return
      }
      case 'resource_drift': {
        const kept = this.retain(fromStream(message['change'], position, this.tool), 'drift')
        if (kept !== undefined) this.drift.push(kept)
        return
      }
      case 'diagnostic':
        if (message['@level'] === 'error' || severityOf(message) === 'error') this.errors++
        if (/targeting is in effect/i.test(summaryOf(message))) this.targeted = true
        return
      case 'refresh_complete':
        return this.refresh(message)
      case 'change_summary':
        return this.summary(message, position)
      default:
        // Unknown and irrelevant message types are tolerated, as the UI docs ask.
        if (message['@level'] === 'error') this.errors++
    }
  }

  /**
   * What `add` does with a message whose type passes `onlyHeaderRead`, from those three keys
   * alone (non-string `@level` or `@module`: undefined).
   */
  addHeader(type: string, level: string | undefined, module: string | undefined): void {
    // (`module` may be left out once toolKnown: noteModule ignores it then.)
    if (!onlyHeaderRead(type)) throw new Error(`addHeader: "${type}" messages are read whole`)
    this.messages++
    this.noteModule(module)
    if (level === 'error') this.errors++
  }

  /**
   * What `add` does with a `refresh_complete` message, from its `@module` (as addHeader takes
   * it) and the address it names (`refreshAddress`: null when none).
   */
  addRefresh(module: string | undefined, addr: string | null): void {
    this.messages++
    this.noteModule(module)
    if (addr !== null) this.refreshedAddress(addr)
  }

  /**
   * `count` messages at once whose types pass `onlyHeaderRead`, `errors` of them at `@level`
   * "error": what `addHeader` does for each, once `@module` no longer matters. (The kernel's
   * count also takes refresh_complete messages; their addresses go to refreshedAddress.)
   */
  addHeaders(count: number, errors: number): void {
    if (!this.toolKnown) throw new Error('addHeaders: the tool is not known yet')
    this.messages += count
    this.errors += errors
  }

  /** Whether `@module` no longer matters: the tool is known. */
  get toolKnown(): boolean {
    return this.tool !== 'unknown'
  }

  /** Finishes the stream; throws when it cannot be a complete plan log. */
  finish(): Plan {
    if (this.messages === 0) throw new PlanInputError('no Terraform UI messages found')
    if (this.summaries === 0 && this.errors === 0) {
      throw new PlanInputError(
        'the stream has no change_summary message: the plan did not finish or the log is truncated'
      )
    }
    this.checkSummary()
    return {
      source: {
        format: this.format,
        formatVersion: this.uiVersion,
        tool: this.tool,
        toolVersion: this.toolVersion
      },
      changes: this.changes,
      tally: this.tally.result(),
      drift: this.drift,
      deferred: [],
      errored: this.errors > 0,
      operation: this.operation,
      ...(this.refreshed.size === 0 || this.targeted
        ? {}
        : { inventory: { managed: this.refreshed.size, source: 'refresh' as const } }),
      errorDiagnostics: this.errors
    }
  }

  private noteModule(module: unknown): void {
    if (this.tool !== 'unknown') return
    if (module === 'tofu.ui') this.tool = 'opentofu'
    else if (module === 'terraform.ui') this.tool = 'terraform'
  }

  private version(message: Record<string, unknown>, position: string): void {
    const ui = message['ui']
    if (ui !== undefined) {
      const version = versionOrUndefined(ui)
      if (version === undefined) {
        throw new PlanInputError(`${position}: the UI message version is not a version number`)
      }
      if (!SUPPORTED_UI_MAJORS.has(version.split('.')[0] ?? '')) {
        throw new PlanInputError(
          `unsupported UI message version "${version}" at ${position} (plan-gate reads 0.x and 1.x)`
        )
      }
      this.uiVersion = version
    }
    if (typeof message['tofu'] === 'string') {
      this.tool = 'opentofu'
      this.toolVersion = versionOrUndefined(message['tofu'])
    } else if (typeof message['terraform'] === 'string') {
      this.tool = 'terraform'
      this.toolVersion = versionOrUndefined(message['terraform'])
    }
  }

  /**
   * The plan's change_summary counts what Terraform planned. Fewer planned_change messages than
   * it counts means messages were lost or mangled (an unknown message type is tolerated, so a
   * corrupted `"type"` would otherwise drop a delete silently): fail closed. More is fine:
   * Terraform leaves create-then-forget replacements out of its counts.
   */
  private checkSummary(): void {
    if (this.planned === undefined) return
    const a = this.tally.result().actions
    // An unknown action could be any of them; it is blocked on its own anyway.
    const seen = {
      add: a.create + a.replace + a['forget-replace'] + a.unknown,
      change: a.update + a.unknown,
      remove: a.delete + a.replace + a.unknown
    }
    for (const key of ['add', 'change', 'remove'] as const) {
      if (this.planned[key] > seen[key]) {
        throw new PlanInputError(
          `change_summary counts ${this.planned[key]} to ${key} but the stream has ${seen[key]} such planned changes: messages are missing or corrupt`
        )
      }
    }
  }

  /** A managed object being refreshed exists before the plan (data sources are not counted). */
  private refresh(message: Record<string, unknown>): void {
    const hook = message['hook']
    const resource = isRecord(hook) ? hook['resource'] : undefined
    const addr = isRecord(resource) ? resource['addr'] : undefined
    if (typeof addr === 'string') this.refreshedAddress(addr)
  }

  /**
   * A managed object a refresh_complete message names (`hook.resource.addr`, a string): counted
   * unless it is empty or a data source. The message itself is counted by the caller.
   */
  refreshedAddress(addr: string): void {
    if (addr === '') return
    // `module.a["k"].module.b[0].data.x.y`: the resource part after the module path decides.
    if (
      addr.includes('data.') &&
      addr.replace(/^(?:module\.[^.[]+(?:\[[^\]]*\])?\.)*/, '').startsWith('data.')
    ) {
      return
    }
    this.refreshed.add(addr)
  }

  /**
   * refreshedAddress for an address given as its bytes `b[from, to)` (ASCII, as the kernel hands
   * them over), without making a string of it unless it may name a data source.
   */
  refreshedBytes(b: Buffer, from: number, to: number): void {
    if (from === to) return
    if (hasDataDot(b, from, to)) {
      this.refreshedAddress(b.toString('latin1', from, to))
      return
    }
    this.refreshed.addBytes(b, from, to)
  }

  private summary(message: Record<string, unknown>, position: string): void {
    const changes = message['changes']
    if (!isRecord(changes)) throw new PlanInputError(`${position}: change_summary has no "changes"`)
    this.summaries++
    const operation = changes['operation']
    if (operation === 'plan' && this.planned === undefined) {
      const count = (key: string): number =>
        typeof changes[key] === 'number' ? (changes[key] as number) : 0
      this.planned = { add: count('add'), change: count('change'), remove: count('remove') }
    }
    if (operation === 'plan' || operation === 'apply' || operation === 'destroy') {
      // A destroy anywhere in the log makes the whole run a destroy.
      if (this.operation !== 'destroy') this.operation = operation
    }
  }
}

function summaryOf(message: Record<string, unknown>): string {
  const diagnostic = message['diagnostic']
  const summary = isRecord(diagnostic) ? diagnostic['summary'] : undefined
  return typeof summary === 'string' ? summary.slice(0, 200) : ''
}

function severityOf(message: Record<string, unknown>): unknown {
  const diagnostic = message['diagnostic']
  return isRecord(diagnostic) ? diagnostic['severity'] : undefined
}

/**
 * Sees a line's bytes, [start, end) of `bytes` without the newline, before it is decoded;
 * returns true when it handled the line (which is then not decoded). `ascii`: the line is known
 * to be ASCII (false: not known).
 */
export type RawLine = (
  bytes: Uint8Array,
  start: number,
  end: number,
  lineNo: number,
  ascii: boolean
) => boolean

/** Handles whole lines in bulk, before the splitter sees them one at a time. */
export interface LineSkipper {
  /**
   * Handles whole lines of bytes [start, end) from `start`, a line start, and returns where it
   * stopped: the start of the first line it left to the splitter. Sets `lines` to how many it
   * handled.
   */
  skip(bytes: Uint8Array, start: number, end: number): number
  lines: number
  /**
   * Set by skip: the line it stopped at is one to parse, so the raw-line shortcut (onRaw) is not
   * asked. Only ever a shortcut: parsing is the reference path for every line.
   */
  parseNext?: boolean
}

/** Splits a byte stream into lines (LF or CRLF); memory is bounded by the longest line. */
export class LineSplitter {
  private pending: Uint8Array[] = []
  private readonly decoder = new TextDecoder('utf-8', { fatal: true })
  private lineNo = 0

  constructor(
    private readonly onLine: (line: string, lineNo: number) => void,
    private readonly onRaw?: RawLine,
    private readonly skipper?: LineSkipper
  ) {}

  /** Splits `chunk`, which it does not keep: the caller may reuse it afterwards. */
  push(chunk: Uint8Array): void {
    const n = chunk.length
    let start = 0
    // One check per chunk rather than per line.
    const ascii = this.onRaw !== undefined && isAscii(chunk)
    if (this.pending.length > 0) {
      const nl = chunk.indexOf(0x0a)
      if (nl < 0) {
        this.pending.push(new Uint8Array(chunk)) // a copy (Buffer#slice would not be)
        return
      }
      this.emit(chunk, 0, nl, ascii)
      start = nl + 1
    }
    for (;;) {
      let parse = false
      if (this.skipper !== undefined && start < n) {
        start = this.skipper.skip(chunk, start, n)
        this.lineNo += this.skipper.lines
        parse = this.skipper.parseNext === true
      }
      const nl = chunk.indexOf(0x0a, start)
      if (nl < 0) break
      this.emit(chunk, start, nl, ascii, parse)
      start = nl + 1
    }
    if (start < n) this.pending.push(new Uint8Array(chunk.subarray(start)))
  }

  end(): void {
    if (this.pending.length > 0) this.emit(new Uint8Array(0), 0, 0, false)
  }

  private emit(chunk: Uint8Array, start: number, end: number, ascii: boolean, parse = false): void {
    this.lineNo++
    const parts = this.pending
    let bytes = chunk
    if (parts.length > 0) {
      this.pending = []
      bytes = concatBytes([...parts, chunk.subarray(start, end)])
      start = 0
      end = bytes.length
      ascii = false
    }
    if (!parse && this.onRaw?.(bytes, start, end, this.lineNo, ascii) === true) return
    let line: string
    try {
      line = this.decoder.decode(bytes.subarray(start, end))
    } catch {
      throw new PlanInputError(`line ${this.lineNo} is not valid UTF-8`)
    }
    this.onLine(line, this.lineNo)
  }
}

// ArrayElements states, outside an element.
const A_START = 0 // before '['
const A_FIRST = 1 // after '[': an element or ']'
const A_NEXT = 2 // after ',': an element
const A_AFTER = 3 // after an element: ',' or ']'
const A_DONE = 4 // after ']': whitespace only
const A_IN = 5 // inside an element

/**
 * Splits a top-level JSON array, pushed in chunks of any size, into its elements' bytes: the
 * brackets, commas and whitespace between elements are checked here, each element is left to
 * JSON.parse. Memory is bounded by the largest element. Throws PlanInputError on bad structure.
 */
export class ArrayElements {
  private state = A_START
  private depth = 0
  /** Inside an element: 0 outside a string, 1 inside, 2 right after a backslash. */
  private text = 0
  /** The element is a number or a literal: it ends at the first delimiter. */
  private bare = false
  private pieces: Uint8Array[] = []
  private count = 0

  constructor(
    private readonly onElement: (bytes: Uint8Array, index: number) => void,
    private readonly invalid: string,
    private readonly notArray: string
  ) {}

  push(chunk: Uint8Array): void {
    const n = chunk.length
    let i = 0
    let from = 0 // where the current element's bytes start in this chunk
    while (i < n) {
      const c = chunk[i]!
      if (this.state === A_IN) {
        const end = this.scan(chunk, i)
        if (end < 0) {
          i = n
          break
        }
        this.emit(chunk, from, end)
        this.state = A_AFTER
        i = end
        continue
      }
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
        i++
        continue
      }
      switch (this.state) {
        case A_START:
          if (c !== 0x5b) throw new PlanInputError(this.notArray)
          this.state = A_FIRST
          i++
          continue
        case A_AFTER:
          if (c === 0x2c) this.state = A_NEXT
          else if (c === 0x5d) this.state = A_DONE
          else throw new PlanInputError(this.invalid)
          i++
          continue
        case A_FIRST:
        case A_NEXT:
          if (c === 0x5d && this.state === A_FIRST) {
            this.state = A_DONE
            i++
            continue
          }
          this.state = A_IN
          this.depth = 0
          this.text = 0
          this.bare = c !== 0x7b && c !== 0x5b && c !== 0x22
          from = i
          continue
        default:
          throw new PlanInputError(this.invalid) // text after the array
      }
    }
    if (this.state === A_IN) this.pieces.push(new Uint8Array(chunk.subarray(from)))
  }

  /** The number of elements; throws unless one whole array was read. */
  end(): number {
    if (this.state === A_IN && this.bare && this.pieces.length > 0) {
      // A number or literal right at the end: no delimiter follows, and no ']' either.
      throw new PlanInputError(this.invalid)
    }
    if (this.state === A_START) throw new PlanInputError(this.notArray)
    if (this.state !== A_DONE) throw new PlanInputError(this.invalid)
    return this.count
  }

  /** Finds the end of the element being read from i: the index after it, or -1 (next chunk). */
  private scan(b: Uint8Array, i: number): number {
    const n = b.length
    if (this.bare) {
      while (i < n) {
        const c = b[i]!
        if (c === 0x2c || c === 0x5d || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
          return i
        }
        i++
      }
      return -1
    }
    let depth = this.depth
    let text = this.text
    for (; i < n; i++) {
      const c = b[i]!
      if (text !== 0) {
        if (text === 2) text = 1
        else if (c === 0x5c) text = 2
        else if (c === 0x22) {
          text = 0
          if (depth === 0) return i + 1 // a string element
        }
      } else if (c === 0x22) text = 1
      else if (c === 0x7b || c === 0x5b) depth++
      else if (c === 0x7d || c === 0x5d) {
        if (--depth <= 0) return i + 1
      }
    }
    this.depth = depth
    this.text = text
    return -1
  }

  private emit(chunk: Uint8Array, from: number, end: number): void {
    let bytes = chunk.subarray(from, end)
    if (this.pieces.length > 0) {
      bytes = concatBytes([...this.pieces, bytes])
      this.pieces = []
    }
    this.onElement(bytes, this.count++)
  }
}

/** Whether `b[from, to)` holds `data.` (refreshedAddress then reads the address as a string). */
function hasDataDot(b: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i + 5 <= to; i++) {
    if (
      b[i] === 0x64 &&
      b[i + 1] === 0x61 &&
      b[i + 2] === 0x74 &&
      b[i + 3] === 0x61 &&
      b[i + 4] === 0x2e
    )
      return true
  }
  return false
}
