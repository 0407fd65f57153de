/**
 * CODEOWNERS as GitHub reads it: the first file of `.github/CODEOWNERS`, `CODEOWNERS`,
 * `docs/CODEOWNERS`; gitignore-style patterns; the last matching line wins, and a matching line
 * without owners leaves the path unowned. Pure.
 */

/** Where GitHub looks, in the order it looks. */
export const CODEOWNERS_PATHS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'] as const

interface Line {
  readonly pattern: RegExp
  readonly owners: readonly string[]
}

/** The rules of a CODEOWNERS file; lines that cannot be read are skipped, as GitHub does. */
export function parseCodeowners(text: string): Line[] {
  const lines: Line[] = []
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim()
    if (line === '') continue
    const [pattern = '', ...owners] = line.split(/\s+/)
    if (pattern.startsWith('!') || pattern.includes('[')) continue
    lines.push({ pattern: toRegex(pattern), owners: owners.filter((o) => /^@|@/.test(o)) })
  }
  return lines
}

/** The owners of `path` (no leading slash), or [] when nobody owns it. */
export function ownersOf(lines: readonly Line[], path: string): readonly string[] {
  let owners: readonly string[] = []
  for (const line of lines) if (line.pattern.test(path)) owners = line.owners
  return owners
}

function toRegex(pattern: string): RegExp {
  let p = pattern
  if (p.endsWith('/')) p = p.slice(0, -1)
  // A slash at the start or in the middle anchors the pattern at the root.
  const anchored = p.startsWith('/') || p.includes('/')
  p = p.replace(/^\/+/, '')
  let re = ''
  for (let i = 0; i < p.length; i++) {
    const c = p[i] as string
    if (p.startsWith('**/', i)) {
      re += '(?:.*/)?'
      i += 2
    } else if (p.startsWith('/**', i) && i + 3 === p.length) {
      re += '/.*'
      i += 2
    } else if (p.startsWith('**', i)) {
      re += '.*'
      i += 1
    } else if (c === '*') re += '[^/]*'
    else if (c === '?') re += '[^/]'
    else re += c.replace(/[.+^${}()|\\]/g, '\\$&')
  }
  // A pattern naming a directory owns everything beneath it; `dir/*` only its direct files.
  const beneath = pattern.endsWith('/*') ? '' : '(?:/.*)?'
  return new RegExp(`^${anchored ? '' : '(?:.*/)?'}${re}${beneath}$`)
}
