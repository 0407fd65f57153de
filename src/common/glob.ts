/**
 * The one glob of plan-gate, for every pattern a user writes: policy types and addresses, plan
 * paths, environments (accounts, projects, subscriptions, regions), approvers and agent logins,
 * exemptions. It is minimatch: `*` and `?` never cross `/`, `**` does, `[abc]`, `[!a]` and
 * `{a,b}` work as in a shell (picomatch was tried: its `[!a]` also matches `a`, which would
 * widen an exemption).
 *
 * Paths (plan files) are paths. Names (types, addresses, logins, accounts, regions) are not: a
 * `/` in them, as inside a `for_each` key, is an ordinary character, so `module.db.*` protects
 * `module.db.aws_s3_bucket.b["a/b"]` too. Fail-safe for `protect`, and what an exemption author
 * means.
 */
import { Minimatch } from 'minimatch'

/** A glob that cannot be compiled. */
export class GlobError extends Error {}

/** How a glob compares. */
export interface GlobOptions {
  /** Fold case: logins and Azure ids, which GitHub and Azure fold. */
  readonly nocase?: boolean
  /** A name, not a path: `/` is an ordinary character (see above). */
  readonly name?: boolean
}

/** Stands in for `/` in names; no address, login or id holds it. */
const SLASH = '\u2215'
const asName = (text: string): string => text.replaceAll('/', SLASH)

/** The options for names; plan paths use the defaults. */
export const NAME: GlobOptions = { name: true }

type Matcher = (text: string) => boolean

const cache = new Map<string, Matcher>()

/** Compiles a glob to a matcher; throws `GlobError` with the problem. */
export function compileGlob(glob: string, options: GlobOptions = {}): Matcher {
  const key = `${options.nocase === true ? 'i' : 's'}${options.name === true ? 'n' : 'p'}:${glob}`
  const cached = cache.get(key)
  if (cached !== undefined) return cached
  if (glob === '') throw new GlobError('empty pattern')
  const open = unclosedBracket(glob)
  if (open !== undefined) throw new GlobError(`unclosed "[" at position ${open + 1}`)
  let matcher: Matcher
  try {
    // dot: `.terraform` and dotted names are ordinary names to a policy author.
    // nonegate/nocomment: a leading `!` or `#` is part of the pattern, never a negation that
    // would turn an exemption for one address into one for every other address.
    const name = options.name === true
    const compiled = new Minimatch(name ? asName(glob) : glob, {
      dot: true,
      nocase: options.nocase === true,
      nonegate: true,
      nocomment: true,
      optimizationLevel: 0
    })
    if (compiled.makeRe() === false) throw new GlobError('invalid pattern')
    matcher = name ? (text) => compiled.match(asName(text)) : (text) => compiled.match(text)
  } catch (error) {
    throw new GlobError(error instanceof Error ? error.message : String(error))
  }
  cache.set(key, matcher)
  return matcher
}

/** Where an unescaped `[` opens a class that never closes; minimatch would read it literally. */
function unclosedBracket(glob: string): number | undefined {
  for (let i = 0; i < glob.length; i++) {
    if (glob[i] === '\\') i++
    else if (glob[i] === '[' && glob.indexOf(']', i + 2) < 0) return i
  }
  return undefined
}

/** True when `text` matches the glob. */
export function matchGlob(glob: string, text: string, options: GlobOptions = {}): boolean {
  return compileGlob(glob, options)(text)
}

/** True when `text` matches any of the globs. */
export function matchAny(
  globs: readonly string[],
  text: string,
  options: GlobOptions = {}
): boolean {
  return globs.some((glob) => matchGlob(glob, text, options))
}
