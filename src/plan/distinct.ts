/**
 * An exact count of distinct strings that keeps no string: the addresses a `plan -json` stream's
 * refresh messages name (about 100,000 in a large one) are counted as the state's inventory, and
 * a `Set` of them cost the stream's reader about an eighth of its time, most of it in the
 * garbage collector moving the strings it kept.
 *
 * Strings whose UTF-16 units all fit a byte (every address the kernel hands over is ASCII) are
 * stored as those bytes in one growing buffer and found through an open-addressing table; the
 * rare others go to a plain `Set`. A string of one kind never equals one of the other, so the
 * count is the sum. Equal inputs compare equal unit by unit, never by hash alone: the count is
 * exact whatever the addresses are. The hash is seeded per run, so addresses cannot be chosen
 * to pile into one probe sequence.
 */
export class DistinctStrings {
  /** Keys, back to back; `starts`/`lengths` locate each. */
  private bytes = new Uint8Array(1 << 14)
  private used = 0
  /** Per slot: where its key starts in `bytes`, or -1 when the slot is empty. */
  private starts = new Int32Array(1 << 10).fill(-1)
  private lengths = new Int32Array(1 << 10)
  private hashes = new Int32Array(1 << 10)
  private count = 0
  /** Strings with a unit above 0xff. */
  private readonly wide = new Set<string>()
  /** The key being added, as bytes. */
  private scratch = new Uint8Array(256)
  private readonly seed: number

  constructor(seed: number = (Math.random() * 0x1_0000_0000) >>> 0) {
    this.seed = seed | 0
  }

  /** How many distinct strings were added. */
  get size(): number {
    return this.count + this.wide.size
  }

  add(text: string): void {
    const n = text.length
    const key = this.room(n)
    for (let i = 0; i < n; i++) {
      const unit = text.charCodeAt(i)
      if (unit > 0xff) {
        this.wide.add(text)
        return
      }
      key[i] = unit
    }
    this.insert(key, n)
  }

  /** Adds the string whose units are `source[from, to)` (latin1: one unit per byte). */
  addBytes(source: Uint8Array, from: number, to: number): void {
    const n = to - from
    const key = this.room(n)
    for (let i = 0; i < n; i++) key[i] = source[from + i]!
    this.insert(key, n)
  }

  private room(n: number): Uint8Array {
    if (n > this.scratch.length) this.scratch = new Uint8Array(Math.max(n, this.scratch.length * 2))
    return this.scratch
  }

  private insert(key: Uint8Array, n: number): void {
    const h = hashOf(key, n, this.seed)
    const { starts, lengths, hashes, bytes } = this
    const mask = starts.length - 1
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const start = starts[slot]!
      if (start < 0) break
      if (hashes[slot] === h && lengths[slot] === n && equalAt(bytes, start, key, n)) return
    }
    const start = this.store(key, n)
    this.place(h, start, n)
    this.count++
    // At most half full: probe runs stay short.
    if (this.count * 2 > this.starts.length) this.grow()
  }

  /** Copies the key to the end of `bytes`; returns where it starts. */
  private store(key: Uint8Array, n: number): number {
    if (this.used + n > this.bytes.length) {
      const bigger = new Uint8Array(Math.max(this.bytes.length * 2, this.used + n))
      bigger.set(this.bytes.subarray(0, this.used))
      this.bytes = bigger
    }
    const start = this.used
    this.bytes.set(key.subarray(0, n), start)
    this.used += n
    return start
  }

  /** Puts an entry in the first empty slot of its probe sequence. */
  private place(h: number, start: number, n: number): void {
    const { starts } = this
    const mask = starts.length - 1
    let slot = h & mask
    while (starts[slot]! >= 0) slot = (slot + 1) & mask
    starts[slot] = start
    this.lengths[slot] = n
    this.hashes[slot] = h
  }

  /** Twice the slots; the entries keep their hashes, so none is hashed again. */
  private grow(): void {
    const { starts, lengths, hashes } = this
    this.starts = new Int32Array(starts.length * 2).fill(-1)
    this.lengths = new Int32Array(starts.length * 2)
    this.hashes = new Int32Array(starts.length * 2)
    for (let slot = 0; slot < starts.length; slot++) {
      const start = starts[slot]!
      if (start >= 0) this.place(hashes[slot]!, start, lengths[slot]!)
    }
  }
}

/**
 * FNV-1a over the bytes from a seeded basis, then MurmurHash3's finaliser to spread the bits.
 * Exported for its test, which needs two keys of one hash.
 */
export function hashOf(key: Uint8Array, n: number, seed: number): number {
  let h = seed ^ 0x811c9dc5
  for (let i = 0; i < n; i++) h = Math.imul(h ^ key[i]!, 0x01000193)
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return h ^ (h >>> 16)
}

function equalAt(bytes: Uint8Array, start: number, key: Uint8Array, n: number): boolean {
  for (let i = 0; i < n; i++) if (bytes[start + i] !== key[i]) return false
  return true
}
