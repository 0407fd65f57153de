/** Byte helpers shared by the plan readers. */

/** A 256-entry lookup table: 1 for the bytes of `chars`. */
export const table = (chars: string): Uint8Array => {
  const t = new Uint8Array(256)
  for (const ch of chars) t[ch.charCodeAt(0)] = 1
  return t
}

/** The bytes that may follow a backslash in a JSON string, and hex digits. */
export const ESCAPE = table('"\\/bfnrt')
export const HEX = table('0123456789abcdefABCDEF')

/** Whether b[from, to) holds exactly the bytes of `literal`. */
export function bytesEqual(b: Uint8Array, from: number, to: number, literal: Uint8Array): boolean {
  if (to - from !== literal.length) return false
  for (let k = 0; k < literal.length; k++) if (b[from + k] !== literal[k]) return false
  return true
}

/** The parts joined into one array (the part itself when there is only one). */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}
