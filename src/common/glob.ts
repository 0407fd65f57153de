/**
 * Globs for types, addresses and plan paths: `*` (and `**`) match any run of characters,
 * `?` one character, `[abc]`/`[a-z]`/`[!a]` a class. Everything else is literal.
 */

/** A glob that cannot be compiled. */
export class GlobError extends Error {}

const cache = new Map<string, RegExp>()

/** Compiles a glob to an anchored RegExp; throws `GlobError` with the problem. */
export function compileGlob(glob: string): RegExp {
  const cached = cache.get(glob)
  if (cached !== undefined) return cached
  let source = ''
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i] as string
    if (ch === '*') {
      while (glob[i + 1] === '*') i++
      source += '.*'
    } else if (ch === '?') {
      source += '.'
    } else if (ch === '[') {
      const end = glob.indexOf(']', i + 2)
      if (end < 0) throw new GlobError(`unclosed "[" at position ${i + 1}`)
      let body = glob.slice(i + 1, end)
      if (body.startsWith('!')) body = `^${body.slice(1)}`
      if (body === '' || body === '^')
        throw new GlobError(`empty character class at position ${i + 1}`)
      source += `[${body.replace(/\\/g, '\\\\')}]`
      i = end
    } else if (ch === ']') {
      throw new GlobError(`unexpected "]" at position ${i + 1}`)
    } else {
      source += ch.replace(/[.+^${}()|\\/]/g, '\\$&')
    }
  }
  let regex: RegExp
  try {
    regex = new RegExp(`^${source}$`)
  } catch {
    throw new GlobError('invalid character class')
  }
  cache.set(glob, regex)
  return regex
}

/** True when `text` matches the glob. */
export function matchGlob(glob: string, text: string): boolean {
  return compileGlob(glob).test(text)
}
