/**
 * The WebAssembly kernel of the plan readers (scan.c, built into scan-wasm.ts by
 * `npm run build:wasm`): the grammar loops that dominate reading a large plan, at about twice
 * the speed of their JavaScript twins. Each export mirrors one JavaScript function, which stays
 * the reference and the fallback: where WebAssembly is unavailable (`node --jitless`) or turned
 * off with `useKernel(false)`, `kernel()` is undefined and the readers run the JavaScript.
 *
 * The kernel owns one window of `capacity` bytes. A caller copies at most that much into it with
 * `load()`, gets a Buffer view back, and must be done with the view before it calls `load()`
 * again: the readers load, scan and drop each chunk synchronously.
 */
import { WASM_BASE64 } from './scan-wasm.js'

interface Exports {
  readonly memory: WebAssembly.Memory
  buffer(): number
  stack(): number
  result(): number
  capacity(): number
  skip_value(i: number, n: number): number
  skip_unread(i: number, n: number, depth: number, state: number, floor: number): number
  scan_lines(i: number, n: number): number
  peek_change(start: number, n: number): number
  peek_out(): number
  refresh_out(): number
  state_resource(i: number, n: number): number
  side(): number
  walk_out(): number
  walk_tables(): number
  project_spans(): number
  project_text(): number
  project_names(): number
  radius_names(): number
  name_input(): number
  add_name(length: number): number
  project(which: number, o: number, maxd: number): number
}

export class Kernel {
  /** Bytes `load` takes at once. */
  readonly capacity: number
  /** The grammar stack of skip_unread. */
  readonly stack: Uint8Array
  /** out[] of scan.c. */
  readonly out: Int32Array
  /** What peekChange found (pout of scan.c; offsets into the window). */
  readonly peekOut: Int32Array
  /** rout[] of scan.c: the refresh addresses scan_lines found. */
  private readonly refreshOut: Int32Array
  private readonly memory: ArrayBuffer
  private readonly base: number
  /** The window, whole: a reader may read input straight into it, then push views of it. */
  readonly window: Buffer
  /** The second window, for bytes that are not in the first (project's `which` = 1). */
  private readonly sideWindow: Buffer
  /** project's counts and string leaves (wout of scan.c). */
  readonly walkOut: Int32Array
  /** Where project finds the values of the element (pspans of scan.c). */
  readonly projectSpans: Int32Array
  /** project's JSON text (gout of scan.c). */
  private readonly text: Buffer
  private readonly tables: Uint8Array
  private tablesKey = ''
  private tablesFor: readonly [readonly string[], readonly string[]] | undefined
  /**
   * The set of names project keeps and the set whose string leaves it reports (wanted and radius
   * of scan.c), and where add_name reads a name.
   */
  private readonly wanted: Uint8Array
  private readonly radius: Uint8Array
  private readonly nameInput: Uint8Array
  /** Registered names and their indexes in scan.c's table (-1: cannot be registered). */
  private readonly nameIndexes = new Map<string, number>()
  /** The bits of `wanted` for each set of names given to keepNames (null: not all fit). */
  private readonly nameSets = new WeakMap<ReadonlySet<string>, NameSet>()
  private namesFor: ReadonlySet<string> | undefined
  private wantedSize = 0

  constructor(private readonly x: Exports) {
    this.memory = x.memory.buffer
    this.base = x.buffer()
    this.capacity = x.capacity()
    this.window = Buffer.from(this.memory, this.base, this.capacity)
    this.stack = new Uint8Array(this.memory, x.stack(), 1 << 16)
    this.out = new Int32Array(this.memory, x.result(), 5)
    this.peekOut = new Int32Array(this.memory, x.peek_out(), 45 + 3 * 16)
    this.refreshOut = new Int32Array(this.memory, x.refresh_out(), 1)
    this.sideWindow = Buffer.from(this.memory, x.side(), this.capacity)
    this.walkOut = new Int32Array(this.memory, x.walk_out(), 1 << 16)
    this.tables = new Uint8Array(this.memory, x.walk_tables(), 4096)
    this.projectSpans = new Int32Array(this.memory, x.project_spans(), 10)
    this.text = Buffer.from(this.memory, x.project_text(), this.capacity + 64)
    this.wanted = new Uint8Array(this.memory, x.project_names(), NAMES / 8)
    this.radius = new Uint8Array(this.memory, x.radius_names(), NAMES / 8)
    this.nameInput = new Uint8Array(this.memory, x.name_input(), 256)
  }

  /**
   * Where walk() finds `b`: [which, offset], from the first window, else copied into the
   * second; undefined when it is larger than a window.
   */
  place(b: Uint8Array): [number, number] | undefined {
    const o = this.offsetOf(b)
    if (o >= 0) return [0, o]
    if (b.length > this.capacity) return undefined
    this.sideWindow.set(b)
    return [1, 0]
  }

  /**
   * Sets project's lists: attribute names whose string leaves it reports, and string prefixes it
   * reports anywhere (at most 255 and 16 bytes each). False when they do not fit.
   */
  walkLists(names: readonly string[], prefixes: readonly string[]): boolean {
    if (this.tablesFor?.[0] === names && this.tablesFor[1] === prefixes) return true
    const key = `${names.join('\n')}\n\n${prefixes.join('\n')}`
    if (key === this.tablesKey) {
      this.tablesFor = [names, prefixes]
      return true
    }
    if (names.some((name) => name === '')) return false
    const bits = this.nameBits(new Set(names))
    if (bits === null) return false
    const bytes: number[] = []
    for (const word of prefixes) {
      const encoded = Buffer.from(word, 'utf8')
      // Words of at most 16 bytes: what the kernel's prefix table is made for.
      if (encoded.length === 0 || encoded.length > 16 || encoded.toString('utf8') !== word) {
        return false
      }
      bytes.push(encoded.length, ...encoded)
    }
    bytes.push(0)
    if (bytes.length > this.tables.length) return false
    this.radius.set(bits)
    this.tables.set(bytes)
    this.tablesKey = key
    this.tablesFor = [names, prefixes]
    return true
  }

  /**
   * Sets the top-level attribute names project() keeps (until the next call). False when they
   * cannot all be registered in the kernel's table: then project() must not run for them. A set
   * is remembered by identity (and size): it must not change once given.
   */
  keepNames(names: ReadonlySet<string>): boolean {
    if (names === this.namesFor && this.wantedSize === names.size) return true
    let set = this.nameSets.get(names)
    if (set === undefined || set.size !== names.size) {
      set = { size: names.size, bits: this.nameBits(names) }
      this.nameSets.set(names, set)
    }
    if (set.bits === null) {
      this.namesFor = undefined
      return false
    }
    this.wanted.set(set.bits)
    this.namesFor = names
    this.wantedSize = names.size
    return true
  }

  private nameBits(names: ReadonlySet<string>): Uint8Array | null {
    const bits = new Uint8Array(NAMES / 8)
    for (const name of names) {
      const x = this.nameIndex(name)
      if (x < 0) return null
      bits[x >> 3]! |= 1 << (x & 7)
    }
    return bits
  }

  /** The index of `name` in scan.c's name table (registered on first use), or -1. */
  private nameIndex(name: string): number {
    let x = this.nameIndexes.get(name)
    if (x === undefined) {
      const bytes = Buffer.from(name, 'utf8')
      // A lone surrogate has no UTF-8: its bytes would be those of U+FFFD, another name.
      const exact = bytes.length <= this.nameInput.length - 1 && bytes.toString('utf8') === name
      if (exact) this.nameInput.set(bytes)
      x = exact ? this.x.add_name(bytes.length) : -1
      this.nameIndexes.set(name, x)
    }
    return x
  }

  /**
   * project of scan.c: the values of the element at offset `o` of window `which`, where
   * projectSpans says (relative to `o`). True: the counts and string leaves are in walkOut, the
   * JSON text in projectText(); false: not projectable.
   */
  project(which: number, o: number, maxDepth: number): boolean {
    return this.x.project(which, o, maxDepth) === 1
  }

  /** The JSON text of the last successful project(). */
  projectText(): string {
    return this.text.toString('utf8', 0, this.walkOut[5])
  }

  /** The bytes of window `which` (a view: valid until the next load or place). */
  bytesOf(which: number): Buffer {
    return which === 0 ? this.window : this.sideWindow
  }

  /** Copies `bytes` (at most `capacity`) into the window; returns the view of them there. */
  load(bytes: Uint8Array): Buffer {
    if (bytes.length > this.capacity) throw new RangeError('Kernel.load: more than capacity')
    this.window.set(bytes)
    return this.window.subarray(0, bytes.length)
  }

  /** Where `b` starts in the window, or -1 when `b` is not (a part of) it. */
  offsetOf(b: Uint8Array): number {
    return b.buffer === this.memory ? b.byteOffset - this.base : -1
  }

  /** skipValue of peek.ts, for `b` in the window at offset `o` (offsetOf). */
  skipValue(o: number, i: number, n: number): number {
    const end = this.x.skip_value(o + i, o + n)
    return end < 0 ? end : end - o
  }

  /**
   * peekChange of peek.ts for the element at `start` of `b`, in the window at offset `o`: the
   * index after it, or SLOW / OUT_OF_BYTES (then peek.ts peeks itself). peekOut holds the rest.
   */
  peekChange(o: number, start: number, n: number): number {
    const end = this.x.peek_change(o + start, o + n)
    return end < 0 ? end : end - o
  }

  /** skipUnread of scan.ts over `stack`; out[0] = depth, out[1] = state after. */
  skipUnread(o: number, i: number, n: number, depth: number, state: number, floor: number): number {
    return this.x.skip_unread(o + i, o + n, depth, state, floor) - o
  }

  /**
   * Whole header-only UI message lines from i: returns where it stopped; out[0] = 1 when a
   * complete line the JavaScript must read starts there (its newline at out[1]), out[2] = lines
   * handled, out[3] = of them at `@level` "error", out[4] = 1 when that line is a whole ASCII
   * JSON object whose `type` is one the readers parse (nothing for a header peek to skip).
   */
  scanLines(o: number, i: number, n: number): number {
    const at = this.x.scan_lines(o + i, o + n) - o
    this.out[1] = this.out[1]! - o
    return at
  }

  /**
   * Whether the `prior_state` resource object at b[i] counts (inventory.ts): the index after it
   * (out[0] = 1: its mode is "managed", out[1] = 1: it is deposed), or SLOW / OUT_OF_BYTES.
   */
  stateResource(o: number, i: number, n: number): number {
    const end = this.x.state_resource(o + i, o + n)
    return end < 0 ? end : end - o
  }

  /**
   * The `hook.resource.addr` strings of the refresh_complete messages the last scanLines handled
   * (those that name one), as refresh.ts refreshAddress reads them: (from, to, escaped) for
   * each, offsets in the window. An escaped one (1) is the JSON string text between its quotes
   * (JSON.parse it with the quotes); the others are the address's bytes.
   */
  refreshedSpans(): Int32Array {
    return new Int32Array(this.memory, this.refreshOut.byteOffset + 4, 3 * this.refreshOut[0]!)
  }
}

/** scan.c NAMES: the attribute names project() can tell apart. */
const NAMES = 1024

interface NameSet {
  readonly size: number
  readonly bits: Uint8Array | null
}

let instance: Kernel | undefined
let state: 'new' | 'ready' | 'off' = 'new'

/** The kernel, or undefined when WebAssembly is unavailable or turned off. */
export function kernel(): Kernel | undefined {
  if (state === 'new') {
    state = 'off'
    try {
      const bytes = Buffer.from(WASM_BASE64, 'base64')
      const module = new WebAssembly.Module(bytes)
      instance = new Kernel(new WebAssembly.Instance(module).exports as unknown as Exports)
      state = 'ready'
    } catch {
      // No WebAssembly here (node --jitless): the JavaScript paths do the same work.
      instance = undefined
    }
  }
  return state === 'ready' ? instance : undefined
}

/**
 * Hands `chunk` to `push` in the kernel's window, a window-full at a time (at once when it is
 * already there), or as it is when there is no kernel.
 */
export function throughWindow(chunk: Uint8Array, push: (bytes: Uint8Array) => void): void {
  const k = kernel()
  if (k === undefined || k.offsetOf(chunk) >= 0) return push(chunk)
  for (let at = 0; at < chunk.length; at += k.capacity) {
    push(k.load(chunk.subarray(at, at + k.capacity)))
  }
}

/** Turns the kernel on or off (tests compare both paths); returns whether it was on. */
export function useKernel(on: boolean): boolean {
  const was = kernel() !== undefined
  if (!on) state = 'off'
  else if (instance !== undefined) state = 'ready'
  return was
}
