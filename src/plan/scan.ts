/**
 * Incremental byte scanner for `terraform show -json` output. Plans can exceed V8's string limit,
 * so only the change-section elements (and captured values) are sliced out for native
 * `JSON.parse`; every other byte is checked against the JSON grammar in place and dropped.
 */

import {
  FALSE,
  NULL,
  OUT_OF_BYTES,
  peekChange,
  peekedChange,
  skipLiteral,
  skipNumber,
  skipString,
  TRUE,
  type ChangeSummary
} from './peek.js'
import { concatBytes, ESCAPE, HEX, table } from './bytes.js'
import { Inventory } from './inventory.js'
import { kernel, throughWindow } from './wasm/index.js'

export type { ChangeSummary } from './peek.js'

/** Why the plan bytes were rejected; `offset` is where the problem was found. */
export class PlanSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number
  ) {
    super(message)
    this.name = 'PlanSyntaxError'
  }
}

/** The top-level arrays whose elements are parsed one at a time. */
export type Section = 'resource_changes' | 'resource_drift' | 'deferred_changes'

/** What a scan found outside the streamed elements. */
export interface ScanResult {
  /** Top-level keys in order of appearance. */
  keys: string[]
  /** Values of top-level keys whose value is a JSON scalar (string, number, boolean, null), parsed. */
  scalars: Record<string, string | number | boolean | null>
  /** Top-level keys whose value is an object or array, with that value's JSON type. */
  containers: Record<string, 'object' | 'array'>
  /** Counts of elements handed to onElement, per section. */
  counts: Record<Section, number>
  /** Non-whitespace text after the end of the top-level value (at most the first 64 KiB), or ''. */
  trailer: string
  /** Total bytes consumed. */
  bytes: number
}

type Scalar = string | number | boolean | null

/** What to do with a change element the peek could read: parse it, or only report its summary. */
export type PeekVerdict = 'parse' | 'skip'

export interface ScanOptions {
  /**
   * Values parsed whole into `captured`: top-level keys, or `key.child` for one key of a
   * top-level object (`configuration.provider_config`), so that the rest of it is never parsed.
   */
  readonly capture?: readonly string[]
  /**
   * Asked for each `resource_changes` / `resource_drift` element that is an object and peeks
   * cleanly: the element was checked against the full JSON grammar (and UTF-8) and its summary
   * equals what JSON.parse would give for those keys. 'skip' = the element is never parsed;
   * `onSkipped` gets the summary instead of onElement getting the value. Elements the peek cannot
   * read with certainty are always parsed, whatever this says.
   */
  readonly peek?: (section: Section, summary: ChangeSummary) => PeekVerdict
  readonly onSkipped?: (section: Section, summary: ChangeSummary) => void
  /**
   * Offered each element the peek read and `peek` did not skip, with its bytes (a view valid
   * until it returns): true = handled (counted, never parsed), false = parse it as usual.
   */
  readonly project?: (section: Section, summary: ChangeSummary, bytes: Uint8Array) => boolean
  /**
   * Count the managed resources of `prior_state.values` as it streams past (managedInState()),
   * reading only the containers that lead to them: the rest of the state is never parsed.
   */
  readonly inventory?: boolean
}

const SECTIONS = new Set<string>(['resource_changes', 'resource_drift', 'deferred_changes'])
const TRAILER_CAP = 64 * 1024
// Malformed input like `[[[[…` must not grow memory with the file.
const MAX_DEPTH = 1 << 16
// Top-level key names are echoed in messages only when they cannot carry arbitrary content.
const SAFE_KEY = /^[a-z][a-z0-9_]{0,63}$/

// Grammar states: which token may come next. The bracket stack holds each open container's
// empty state (G_KEY_OR_CLOSE or G_VALUE_OR_CLOSE) as its kind.
const G_TOP = 0
const G_KEY_OR_CLOSE = 1 // after '{'
const G_KEY = 2 // after ',' in an object
const G_COLON = 3
const G_VALUE = 4 // after ':', or after ',' in an array
const G_VALUE_OR_CLOSE = 5 // after '['
const G_AFTER = 6 // after a value: ',' or a closing bracket
const G_DONE = 7 // the top-level value is closed; the rest is trailer

// The token a chunk boundary can cut. L_SKIM is a recorded container that JSON.parse will check.
const L_NONE = 0
const L_STRING = 1
const L_NUMBER = 2
const L_LITERAL = 3
const L_SKIM = 4

// Number states, named after the last byte read.
const N_MINUS = 0
const N_ZERO = 1
const N_INT = 2
const N_DOT = 3
const N_FRAC = 4
const N_E = 5
const N_E_SIGN = 6
const N_EXP = 7

// What the bytes being recorded are.
const R_NONE = 0
const R_KEY = 1
const R_VALUE = 2 // a top-level scalar, or a captured top-level container
const R_SUBKEY = 4 // a key inside a top-level object with captured children
const R_SUBVALUE = 5 // a captured child of a top-level object
const R_ELEMENT = 3
const R_STATE_KEY = 6 // a key of a container the inventory walks
const R_STATE_VALUE = 7 // a string the inventory reads (a resource's `mode`)

const DIGIT = table('0123456789')
const DECODER = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

const isSpace = (c: number | undefined): boolean =>
  c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09

const describe = (c: number): string =>
  c > 0x20 && c < 0x7f ? `character '${String.fromCharCode(c)}'` : `byte 0x${c.toString(16)}`

/** Streams the change-section elements of a show-json document and validates everything else. */
export class ShowJsonScanner {
  /** Parsed values named in options.capture (by the same names), available after end(). */
  captured: Record<string, unknown> = Object.create(null) as Record<string, unknown>

  private readonly capture: ReadonlySet<string>
  /** Top-level keys with captured children, and which. */
  private readonly captureIn = new Map<string, Set<string>>()
  /** Inside the object value of a key in captureIn: its keys are read. */
  private watch = false
  private subkey = ''
  private readonly peek: ScanOptions['peek']
  private readonly onSkipped: NonNullable<ScanOptions['onSkipped']>
  private readonly inventory: Inventory | undefined
  /** The depth of the innermost container the inventory walks inside `prior_state`, or 0. */
  private stateDepth = 0
  private readonly project: ScanOptions['project']
  /** The summary of the element being finished, when the peek read it. */
  private peeked: ChangeSummary | undefined
  /** The element being recorded did not end in the chunk it started in: peek it at the end. */
  private peekPending = false
  /** Set on the throwaway scanner that locates an error inside a recorded container. */
  private plain = false
  private label = ''
  private base = 0
  private state = G_TOP
  private stack = new Uint8Array(64)
  private depth = 0
  private lex = L_NONE
  /** String: 0 body, -1 after '\', 1–4 hex digits left; number: N_*; literal: index; skim: depth. */
  private sub = 0
  private literalBytes = TRUE
  /** Skim mode only: 0 outside a string, 1 inside, 2 inside right after a backslash. */
  private skimString = 0
  private rec = R_NONE
  private recStart = 0
  private recOffset = 0
  private pieces: Uint8Array[] = []
  private key = ''
  private section: Section | null = null
  private readonly keys: string[] = []
  private readonly seen = new Set<string>()
  private readonly scalars = Object.create(null) as ScanResult['scalars']
  private readonly containers = Object.create(null) as ScanResult['containers']
  private readonly counts = { resource_changes: 0, resource_drift: 0, deferred_changes: 0 }
  private readonly trailer: Uint8Array[] = []
  private trailerLength = 0

  constructor(
    private readonly onElement: (section: Section, element: unknown) => void,
    options: ScanOptions = {}
  ) {
    const capture = options.capture ?? []
    this.capture = new Set(capture.filter((name) => !name.includes('.')))
    for (const name of capture) {
      const dot = name.indexOf('.')
      if (dot < 0) continue
      const parent = name.slice(0, dot)
      let children = this.captureIn.get(parent)
      if (children === undefined) this.captureIn.set(parent, (children = new Set()))
      children.add(name.slice(dot + 1))
    }
    this.peek = options.peek
    this.project = options.project
    this.onSkipped = options.onSkipped ?? (() => undefined)
    this.inventory = options.inventory === true ? new Inventory() : undefined
  }

  /**
   * With options.inventory, after end(): the managed resource instances in
   * `prior_state.values` (deposed objects aside), as `countManaged` gives them for the parsed
   * value; undefined when there is no such tree.
   */
  managedInState(): number | undefined {
    return this.inventory?.result()
  }

  /** Containers at this depth and deeper are nobody's: the fast path skips them. */
  private floor(): number {
    return this.watch ? 3 : this.stateDepth > 0 ? this.stateDepth + 1 : 2
  }

  /** Feeds the next bytes; a chunk may end anywhere, even inside a token. */
  push(chunk: Uint8Array): void {
    throughWindow(chunk, (bytes) => this.pushBytes(bytes))
  }

  private pushBytes(chunk: Uint8Array): void {
    const n = chunk.length
    let i = 0
    if (this.rec !== R_NONE) this.recStart = 0
    if (this.lex === L_STRING) i = this.string(chunk, 0)
    else if (this.lex === L_NUMBER) i = this.number(chunk, 0)
    else if (this.lex === L_LITERAL) i = this.literal(chunk, 0)
    else if (this.lex === L_SKIM) i = this.skim(chunk, 0)
    if (this.state !== G_DONE) i = this.tokens(chunk, i)
    if (this.state === G_DONE) this.trail(chunk, i)
    // Copy: the caller may reuse its buffer, and only the current record may outlive the chunk.
    else if (this.rec !== R_NONE) this.pieces.push(new Uint8Array(chunk.subarray(this.recStart)))
    this.base += n
  }

  /** Finishes the scan; throws PlanSyntaxError unless one complete top-level object was read. */
  end(): ScanResult {
    const at = this.base
    if (this.state === G_TOP) {
      throw new PlanSyntaxError(`empty input: expected a JSON object at byte ${at}`, at)
    }
    if (this.state !== G_DONE) {
      const inString = this.lex === L_STRING || (this.lex === L_SKIM && this.skimString !== 0)
      const what = inString ? 'unterminated string' : 'unexpected end of input'
      throw new PlanSyntaxError(`${what} inside ${this.where()} at byte ${at}`, at)
    }
    const trailer = new TextDecoder().decode(concatBytes(this.trailer)).trim()
    const { keys, scalars, containers } = this
    return { keys, scalars, containers, counts: { ...this.counts }, trailer, bytes: at }
  }

  private tokens(b: Uint8Array, i: number): number {
    const n = b.length
    if (this.depth >= this.floor() && this.section === null) i = this.skipUnread(b, i)
    while (i < n) {
      const c = b[i]!
      switch (c) {
        case 0x20:
        case 0x0a:
        case 0x0d:
        case 0x09:
          i++
          while (i < n && isSpace(b[i])) i++
          break
        case 0x22:
          if (this.state === G_KEY_OR_CLOSE || this.state === G_KEY) {
            this.state = G_COLON
            if (this.depth === 1 && !this.plain) this.record(R_KEY, i)
            else if (this.depth === 2 && this.watch) this.record(R_SUBKEY, i)
            else if (this.depth === this.stateDepth) this.record(R_STATE_KEY, i)
          } else this.value(i, c)
          this.lex = L_STRING
          this.sub = 0
          i = this.string(b, i + 1)
          break
        case 0x3a:
          if (this.state !== G_COLON) throw this.unexpected(c, i)
          this.state = G_VALUE
          i++
          break
        case 0x2c:
          if (this.state !== G_AFTER) throw this.unexpected(c, i)
          this.state = this.stack[this.depth - 1] === G_KEY_OR_CLOSE ? G_KEY : G_VALUE
          i++
          break
        case 0x7b:
        case 0x5b:
          if (this.value(i, c)) {
            if (this.rec === R_ELEMENT && c === 0x7b && this.peeks()) {
              const end = this.peekElement(b, i)
              if (end >= 0) {
                i = end
                break
              }
            }
            this.lex = L_SKIM
            this.sub = 1
            i = this.skim(b, i + 1)
          } else {
            if (
              c === 0x7b &&
              this.stateDepth > 0 &&
              this.depth === this.stateDepth &&
              this.inventory!.atResource()
            ) {
              const end = this.stateResource(b, i)
              if (end >= 0) {
                i = end
                break
              }
            }
            this.open(c === 0x7b ? G_KEY_OR_CLOSE : G_VALUE_OR_CLOSE, i)
            i++
            if (this.depth >= this.floor() && this.section === null) {
              i = this.skipUnread(b, i)
            }
          }
          break
        case 0x7d:
        case 0x5d:
          this.close(c, i)
          i++
          if (this.state === G_DONE) return i
          break
        case 0x74:
        case 0x66:
        case 0x6e:
          this.value(i, c)
          this.lex = L_LITERAL
          this.literalBytes = c === 0x74 ? TRUE : c === 0x66 ? FALSE : NULL
          this.sub = 1
          i = this.literal(b, i + 1)
          break
        default:
          if (c !== 0x2d && DIGIT[c] !== 1) throw this.unexpected(c, i)
          this.value(i, c)
          this.lex = L_NUMBER
          this.sub = c === 0x2d ? N_MINUS : c === 0x30 ? N_ZERO : N_INT
          i = this.number(b, i + 1)
      }
    }
    return i
  }

  /**
   * The fast path through containers nobody reads (planned_values, prior_state …): the grammar
   * of tokens() in local variables, whole tokens at a time. It stops before anything else — a
   * token cut by the end of the chunk, any error, a stack that must grow, the close back to the
   * top level — and tokens() carries on from there, so errors and chunk edges work as before.
   */
  private skipUnread(b: Uint8Array, i: number): number {
    const n = b.length
    // The depth it must not close: the top level's, or the watched object's.
    const floor = this.floor()
    const k = kernel()
    const o = k === undefined ? -1 : k.offsetOf(b)
    if (k !== undefined && o >= 0) {
      // The same loop in WebAssembly, on a copy of the stack.
      k.stack.set(this.stack.subarray(0, this.depth))
      i = k.skipUnread(o, i, n, this.depth, this.state, floor)
      const depth = k.out[0]!
      this.reserve(depth)
      this.stack.set(k.stack.subarray(0, depth))
      this.depth = depth
      this.state = k.out[1]!
      return i
    }
    const stack = this.stack
    let depth = this.depth
    let state = this.state
    while (i < n) {
      const c = b[i]!
      if (c <= 0x20) {
        // One comparison for the usual case; anything but whitespace is tokens()'s to report.
        if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break
        i++
        continue
      }
      if (state === G_AFTER) {
        const kind = stack[depth - 1]
        if (c === 0x2c) state = kind === G_KEY_OR_CLOSE ? G_KEY : G_VALUE
        else if (c === (kind === G_KEY_OR_CLOSE ? 0x7d : 0x5d) && depth > floor) depth--
        else break
        i++
        continue
      }
      if (state === G_COLON) {
        if (c !== 0x3a) break
        state = G_VALUE
        i++
        continue
      }
      let end: number
      if (c === 0x22) {
        end = skipString(b, i + 1, n)
        if (end < 0) break
        state = state === G_KEY || state === G_KEY_OR_CLOSE ? G_COLON : G_AFTER
        i = end
        continue
      }
      if (state === G_KEY || state === G_KEY_OR_CLOSE) {
        if (c !== 0x7d || state !== G_KEY_OR_CLOSE || depth <= floor) break
        depth--
        state = G_AFTER
        i++
        continue
      }
      // G_VALUE or G_VALUE_OR_CLOSE
      if (c === 0x7b || c === 0x5b) {
        if (depth === stack.length) break
        state = c === 0x7b ? G_KEY_OR_CLOSE : G_VALUE_OR_CLOSE
        stack[depth++] = state
        i++
        continue
      }
      if (c === 0x5d) {
        if (state !== G_VALUE_OR_CLOSE || depth <= floor) break
        depth--
        state = G_AFTER
        i++
        continue
      }
      if (c === 0x74) end = skipLiteral(b, i, n, TRUE)
      else if (c === 0x66) end = skipLiteral(b, i, n, FALSE)
      else if (c === 0x6e) end = skipLiteral(b, i, n, NULL)
      else if (c === 0x2d || DIGIT[c] === 1) end = skipNumber(b, i, n)
      else break
      // A number may go on in the next chunk, and `01` must get tokens()'s message.
      if (end < 0 || end >= n || DIGIT[b[end]!] === 1) break
      state = G_AFTER
      i = end
    }
    this.depth = depth
    this.state = state
    return i
  }

  /** Checks that a value may start here and starts recording it if wanted; true = skim it. */
  private value(i: number, c: number): boolean {
    const s = this.state
    if (s !== G_VALUE && s !== G_VALUE_OR_CLOSE) {
      if (s !== G_TOP) throw this.unexpected(c, i)
      if (c !== 0x7b && !(this.plain && c === 0x5b)) {
        throw new PlanSyntaxError('expected a JSON object at the top level', this.base + i)
      }
    }
    this.state = G_AFTER
    const container = c === 0x7b || c === 0x5b
    if (this.stateDepth > 0 && this.depth === this.stateDepth) {
      // A container opens (open() asks the inventory); of the scalars only `mode` is read.
      if (c === 0x22 && this.inventory!.wantsString()) this.record(R_STATE_VALUE, i)
      return false
    }
    if (this.depth === 2 && this.section !== null) {
      this.record(R_ELEMENT, i)
      return container
    }
    if (this.depth === 2 && this.watch && this.captureIn.get(this.key)?.has(this.subkey)) {
      this.record(R_SUBVALUE, i)
      return container
    }
    if (this.depth !== 1 || this.plain) return false
    if (!container) {
      this.record(R_VALUE, i)
      return false
    }
    const kind = c === 0x7b ? 'object' : 'array'
    this.containers[this.key] = kind
    if (kind === 'array' && SECTIONS.has(this.key)) this.section = this.key as Section
    else if (kind === 'object' && this.captureIn.has(this.key)) this.watch = true
    else if (this.capture.has(this.key)) {
      this.record(R_VALUE, i)
      return true
    }
    return false
  }

  /**
   * A resource of `prior_state` at b[i] read whole by the kernel when it lies in this chunk: the
   * index after it, or -1 to walk it token by token (no kernel, cut, or anything unusual).
   */
  private stateResource(b: Uint8Array, i: number): number {
    const k = kernel()
    const o = k === undefined ? -1 : k.offsetOf(b)
    if (o < 0) return -1
    const end = k!.stateResource(o, i, b.length)
    if (end < 0) return -1
    this.inventory!.resource(k!.out[0] === 1, k!.out[1] === 1)
    return end
  }

  /** Whether elements of the current section are offered to the peek. */
  private peeks(): boolean {
    return this.peek !== undefined && this.section !== 'deferred_changes' && !this.plain
  }

  /**
   * Peeks at the element starting at b[i] when it ends within this chunk and handles it: returns
   * the index after it, or -1 to skim it (it continues in the next chunk, or needs JSON.parse).
   */
  private peekElement(b: Uint8Array, i: number): number {
    const end = peekChange(b, i, b.length)
    if (end < 0) {
      this.peekPending = end === OUT_OF_BYTES
      return -1
    }
    if (this.decide(peekedChange())) this.finish(b, end)
    return end
  }

  /** Asks the peek callback; true = parse the element, false = it was reported as skipped. */
  private decide(summary: ChangeSummary): boolean {
    const section = this.section
    if (section === null || this.peek?.(section, summary) !== 'skip') {
      this.peeked = summary
      return true
    }
    this.rec = R_NONE
    this.counts[section]++
    this.onSkipped(section, summary)
    return false
  }

  private open(kind: number, i: number): void {
    if (this.depth === this.stack.length) {
      if (this.depth >= MAX_DEPTH) throw this.fail(`nesting deeper than ${MAX_DEPTH} levels`, i)
      this.reserve(this.depth + 1)
    }
    this.stack[this.depth++] = kind
    this.state = kind
    if (this.inventory !== undefined) this.enterState(kind === G_KEY_OR_CLOSE)
  }

  /** A container just opened: the inventory walks it if it leads to `prior_state` resources. */
  private enterState(object: boolean): void {
    const d = this.depth
    if (d === 2) {
      if (object && this.key === 'prior_state' && !this.plain) {
        this.inventory!.begin()
        this.stateDepth = 2
      }
    } else if (this.stateDepth > 0 && d === this.stateDepth + 1 && this.inventory!.enter(object)) {
      this.stateDepth = d
    }
  }

  /** Grows the stack (doubling) to hold at least `size` entries, keeping the ones it has. */
  private reserve(size: number): void {
    if (size <= this.stack.length) return
    let length = this.stack.length
    while (length < size) length *= 2
    const grown = new Uint8Array(length)
    grown.set(this.stack)
    this.stack = grown
  }

  private close(c: number, i: number): void {
    const kind = c === 0x7d ? G_KEY_OR_CLOSE : G_VALUE_OR_CLOSE
    const d = this.depth
    if (d === 0 || this.stack[d - 1] !== kind || (this.state !== G_AFTER && this.state !== kind)) {
      throw this.unexpected(c, i)
    }
    this.depth = d - 1
    if (d === this.stateDepth) {
      this.inventory!.leave()
      this.stateDepth = d === 2 ? 0 : d - 1
    }
    if (d === 2) {
      this.section = null
      this.watch = false
    }
    this.state = d === 1 ? G_DONE : G_AFTER
  }

  private string(b: Uint8Array, i: number): number {
    const n = b.length
    let s = this.sub
    while (i < n) {
      if (s === 0) {
        // Comparisons measured slightly faster here than a lookup table.
        let c = 0
        while (i < n) {
          c = b[i]!
          if (c === 0x22 || c === 0x5c || c < 0x20) break
          i++
        }
        if (i === n) break
        if (c === 0x22) {
          this.lex = L_NONE
          if (this.rec !== R_NONE) this.finish(b, i + 1)
          return i + 1
        }
        if (c !== 0x5c) throw this.fail('raw control character in string', i)
        s = -1
      } else if (s < 0) {
        const c = b[i]!
        if (c === 0x75) s = 4
        else if (ESCAPE[c] === 1) s = 0
        else throw this.fail('invalid escape in string', i)
      } else {
        if (HEX[b[i]!] !== 1) throw this.fail('invalid \\u escape in string', i)
        s--
      }
      i++
    }
    this.sub = s
    return n
  }

  private number(b: Uint8Array, i: number): number {
    const n = b.length
    let s = this.sub
    for (; i < n; i++) {
      const c = b[i]!
      if (DIGIT[c] === 1) {
        if (s === N_ZERO) throw this.fail('invalid number (leading zero)', i)
        if (s === N_MINUS) s = c === 0x30 ? N_ZERO : N_INT
        else if (s === N_DOT) s = N_FRAC
        else if (s === N_E || s === N_E_SIGN) s = N_EXP
      } else if (c === 0x2e && (s === N_ZERO || s === N_INT)) s = N_DOT
      else if ((c === 0x65 || c === 0x45) && (s === N_ZERO || s === N_INT || s === N_FRAC)) s = N_E
      else if ((c === 0x2b || c === 0x2d) && s === N_E) s = N_E_SIGN
      else if (s === N_ZERO || s === N_INT || s === N_FRAC || s === N_EXP) {
        this.lex = L_NONE
        if (this.rec !== R_NONE) this.finish(b, i)
        return i
      } else throw this.fail('invalid number', i)
    }
    this.sub = s
    return n
  }

  private literal(b: Uint8Array, i: number): number {
    const n = b.length
    const want = this.literalBytes
    let k = this.sub
    for (; k < want.length; k++, i++) {
      if (i === n) {
        this.sub = k
        return n
      }
      if (b[i] !== want[k]) throw this.unexpected(b[i]!, i)
    }
    this.lex = L_NONE
    if (this.rec !== R_NONE) this.finish(b, i)
    return i
  }

  /** Finds the end of a recorded container by depth alone; JSON.parse does the validation. */
  private skim(b: Uint8Array, i: number): number {
    const n = b.length
    let d = this.sub
    if (this.skimString !== 0) i = this.skimToQuote(b, i)
    while (i < n) {
      const c = b[i]!
      if (c === 0x22) {
        i = this.skimToQuote(b, i + 1)
        continue
      }
      if (c === 0x7b || c === 0x5b) d++
      else if ((c === 0x7d || c === 0x5d) && --d === 0) {
        this.lex = L_NONE
        this.finish(b, i + 1)
        return i + 1
      }
      i++
    }
    this.sub = d
    return n
  }

  /** Skips a string body; a quote ends it unless preceded by an odd run of backslashes. */
  private skimToQuote(b: Uint8Array, i: number): number {
    const n = b.length
    if (this.skimString === 2) i++
    for (;;) {
      if (i >= n) {
        this.skimString = i > n ? 2 : 1
        return n
      }
      const q = b.indexOf(0x22, i)
      const stop = q < 0 ? n : q
      let k = stop
      while (k > i && b[k - 1] === 0x5c) k--
      const escaped = ((stop - k) & 1) === 1
      if (q < 0) {
        this.skimString = escaped ? 2 : 1
        return n
      }
      if (!escaped) {
        this.skimString = 0
        return q + 1
      }
      i = q + 1
    }
  }

  private record(kind: number, i: number): void {
    this.rec = kind
    this.recStart = i
    this.recOffset = this.base + i
  }

  private finish(b: Uint8Array, end: number): void {
    let bytes = b.subarray(this.recStart, end)
    if (this.pieces.length > 0) {
      this.pieces.push(bytes)
      bytes = concatBytes(this.pieces)
      this.pieces = []
    }
    const at = this.recOffset
    if (this.rec >= R_STATE_KEY) {
      if (this.rec === R_STATE_KEY) this.inventory!.key(bytes)
      else this.inventory!.mode(bytes)
      this.rec = R_NONE
      return
    }
    if (this.peekPending) {
      this.peekPending = false
      if (peekChange(bytes, 0, bytes.length) === bytes.length && !this.decide(peekedChange())) {
        return
      }
    }
    const peeked = this.peeked
    this.peeked = undefined
    const section = this.section
    if (peeked !== undefined && this.rec === R_ELEMENT && section !== null) {
      if (this.project?.(section, peeked, bytes) === true) {
        this.rec = R_NONE
        this.counts[section]++
        return
      }
    }
    let text: string
    try {
      text = DECODER.decode(bytes)
    } catch {
      throw new PlanSyntaxError(`invalid UTF-8 (or too long) in ${this.where()} at byte ${at}`, at)
    }
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch {
      throw this.locate(bytes)
    }
    const kind = this.rec
    this.rec = R_NONE
    const key = this.key
    if (kind === R_ELEMENT && this.section !== null) {
      this.counts[this.section]++
      this.onElement(this.section, value)
    } else if (kind === R_KEY) {
      const name = value as string
      if (this.seen.has(name)) {
        const shown = SAFE_KEY.test(name) ? `"${name}"` : '(name withheld)'
        throw new PlanSyntaxError(`duplicate top-level key ${shown} at byte ${at}`, at)
      }
      this.seen.add(name)
      this.keys.push(name)
      this.key = name
    } else if (kind === R_SUBKEY) {
      this.subkey = value as string
    } else if (kind === R_SUBVALUE) {
      // Repeated keys: the last one wins, as with JSON.parse of the whole object.
      this.captured[`${key}.${this.subkey}`] = value
    } else {
      if (value === null || typeof value !== 'object') this.scalars[key] = value as Scalar
      if (this.capture.has(key)) this.captured[key] = value
    }
  }

  /** Re-reads a skimmed container that JSON.parse rejected, with full checks, for a precise error. */
  private locate(bytes: Uint8Array): PlanSyntaxError {
    const at = this.recOffset
    // Only skimmed containers skip the grammar check; scalars and keys were already checked.
    if (bytes[0] === 0x7b || bytes[0] === 0x5b) {
      const checker = new ShowJsonScanner(() => undefined)
      checker.plain = true
      checker.label = this.where()
      checker.base = at
      try {
        checker.push(bytes)
        checker.end()
      } catch (e) {
        if (e instanceof PlanSyntaxError) return e
      }
    }
    return new PlanSyntaxError(`invalid JSON in ${this.where()} at byte ${at}`, at)
  }

  private trail(b: Uint8Array, i: number): void {
    const n = b.length
    if (this.trailerLength === 0) while (i < n && isSpace(b[i])) i++
    const take = Math.min(n - i, TRAILER_CAP - this.trailerLength)
    if (take <= 0) return
    this.trailer.push(new Uint8Array(b.subarray(i, i + take)))
    this.trailerLength += take
  }

  private where(): string {
    if (this.plain) return this.label
    const inValue =
      this.depth > 1 || (this.depth === 1 && this.rec !== R_NONE && this.rec !== R_KEY)
    if (!inValue) return 'the top-level object'
    return SAFE_KEY.test(this.key) ? this.key : 'a top-level value'
  }

  private fail(message: string, i: number): PlanSyntaxError {
    const at = this.base + i
    return new PlanSyntaxError(`${message} in ${this.where()} at byte ${at}`, at)
  }

  private unexpected(c: number, i: number): PlanSyntaxError {
    return this.fail(`unexpected ${describe(c)}`, i)
  }
}
