/**
 * SHA-256 of UTF-8 text, in hex, for fingerprints and SARIF: the same digest wherever it runs.
 *
 * Loading `node:crypto` (OpenSSL and the modules it pulls in) costs about 10 ms of start-up on
 * Node 24, far more than hashing what a small plan needs. So the first hashes of a run go
 * through a 2.6 KB WebAssembly SHA-256 (src/common/sha256.c, compiled in well under a
 * millisecond); once a run has hashed more than `WASM_BUDGET` bytes, or a text too long for its
 * buffer, it loads `node:crypto`, which is faster on volume, and uses it from then on. Where
 * WebAssembly cannot run (`--jitless`) node:crypto does it all. Both hash the text's UTF-8
 * bytes, lone surrogates as U+FFFD as Node encodes them; test/common/sha256.test.ts checks the
 * two against each other and against the FIPS 180-4 vectors.
 */
import { createRequire } from 'node:module'
import { WASM_BASE64 } from './sha256-wasm.js'

/** Bytes (about) a run hashes in WebAssembly before it loads node:crypto. */
export const WASM_BUDGET = 64 * 1024
/** What one call counts against the budget besides its text: the call's own cost. */
const CALL_COST = 64

interface Sha256Exports {
  readonly memory: WebAssembly.Memory
  readonly input: WebAssembly.Global
  readonly digest: WebAssembly.Global
  input_capacity(): number
  sha256_init(): void
  sha256_update(length: number): void
  sha256_final(): void
}

/** The WebAssembly hash: its exports, its input buffer and its digest's bytes. */
interface WasmHash {
  readonly x: Sha256Exports
  readonly input: Uint8Array
  readonly digest: Buffer
}

type NodeCrypto = typeof import('node:crypto')

let budget = WASM_BUDGET
let nodeCrypto: NodeCrypto | undefined
/** Undefined until first used; null where WebAssembly cannot run. */
let wasm: WasmHash | null | undefined
const encoder = new TextEncoder()

function loadWasm(): WasmHash | null {
  try {
    const module = new WebAssembly.Module(Buffer.from(WASM_BASE64, 'base64'))
    const x = new WebAssembly.Instance(module, {}).exports as unknown as Sha256Exports
    const memory = x.memory.buffer
    return {
      x,
      input: new Uint8Array(memory, x.input.value as number, x.input_capacity()),
      digest: Buffer.from(memory, x.digest.value as number, 32)
    }
  } catch {
    // --jitless, or no WebAssembly at all: node:crypto does the hashing.
    return null
  }
}

/**
 * The WebAssembly hash when this run has not yet hashed enough to pay for node:crypto and the
 * `length` UTF-16 units about to be hashed fit its buffer in any encoding; else undefined.
 */
function wasmFor(length: number, longest: number): WasmHash | undefined {
  if (nodeCrypto !== undefined) return undefined
  budget -= length + CALL_COST
  if (budget < 0) return undefined
  if (wasm === undefined) wasm = loadWasm()
  // A UTF-16 unit is at most 3 bytes of UTF-8 (a surrogate pair: 4 bytes for 2 units).
  if (wasm === null || longest * 3 > wasm.input.length) return undefined
  return wasm
}

function crypto(): NodeCrypto {
  // `require`: an ESM import of node:crypto would also load WebCrypto through its facade.
  nodeCrypto ??= createRequire(import.meta.url)('node:crypto') as NodeCrypto
  return nodeCrypto
}

/** Hashes `text` into the WebAssembly state (one buffer's worth, as `wasmFor` checked). */
function update(hash: WasmHash, text: string): void {
  const { written } = encoder.encodeInto(text, hash.input)
  hash.x.sha256_update(written)
}

/** The SHA-256 of `text`'s UTF-8 bytes, in lower-case hex (64 digits). */
export function sha256Hex(text: string): string {
  const hash = wasmFor(text.length, text.length)
  if (hash !== undefined) {
    hash.x.sha256_init()
    update(hash, text)
    hash.x.sha256_final()
    return hash.digest.toString('hex')
  }
  const node = crypto()
  // The one-shot `hash` (Node 20.12+) gives the same digest without a Hash object per call.
  return typeof node.hash === 'function'
    ? node.hash('sha256', text, 'hex')
    : node.createHash('sha256').update(text).digest('hex')
}

/**
 * The SHA-256 of `header` and each of `lines`, each followed by a newline (UTF-8, each encoded
 * on its own, as separate `update` calls would), in lower-case hex.
 */
export function sha256HexOfLines(header: string, lines: readonly string[]): string {
  let length = header.length + 1
  let longest = length
  for (const line of lines) {
    length += line.length + 1
    if (line.length + 1 > longest) longest = line.length + 1
  }
  const hash = wasmFor(length, longest)
  if (hash !== undefined) {
    hash.x.sha256_init()
    update(hash, `${header}\n`)
    for (const line of lines) update(hash, `${line}\n`)
    hash.x.sha256_final()
    return hash.digest.toString('hex')
  }
  const node = crypto().createHash('sha256')
  node.update(`${header}\n`)
  // The lines given to the hash in pieces of many: the same bytes as one update per line (each
  // ends in a newline, so no character spans two), at a fraction of the calls.
  let piece = ''
  for (let i = 0; i < lines.length; i++) {
    piece += `${lines[i]!}\n`
    if (piece.length >= HASH_PIECE) {
      node.update(piece)
      piece = ''
    }
  }
  if (piece !== '') node.update(piece)
  return node.digest('hex')
}

const HASH_PIECE = 1 << 16

/** Test hook: which hashes this run has loaded so far. */
export function sha256Loaded(): { wasm: boolean; node: boolean } {
  return { wasm: wasm !== undefined && wasm !== null, node: nodeCrypto !== undefined }
}

/**
 * Test hook: start over as a new run would, with `wasmBudget` bytes for WebAssembly before
 * node:crypto (0: node:crypto only), and without WebAssembly when `noWasm`.
 */
export function resetSha256ForTests(wasmBudget: number = WASM_BUDGET, noWasm = false): void {
  budget = wasmBudget
  nodeCrypto = undefined
  wasm = noWasm ? null : undefined
}
