/**
 * Finds where a finding's resource is declared: the file and line of its `resource` block, or,
 * for a resource inside a remote module, of the `module` block that calls it. Pure: the I/O
 * layer reads the `.tf` files and `.terraform/modules/modules.json` and hands their text in.
 */
import type { HclBlock, HclBlockParser } from './hcl.js'

/** A place in the repository. `file` is relative to the repository root, with `/`. */
export interface SourceLocation {
  readonly file: string
  /** 1-based. */
  readonly line: number
  readonly column: number
  readonly endLine: number
  /** What the line declares: the resource itself, or the module call that leads to it. */
  readonly kind: 'resource' | 'module-call'
}

/** What the locator reads, all relative to the repository root with `/` separators. */
export interface LocatorInput {
  /** The root module's directory ('' for the repository root). */
  readonly rootDir: string
  /** Text of `.tf` files by path; files of other directories are ignored where not needed. */
  readonly files: ReadonlyMap<string, string>
  /** Text of the root module's `.terraform/modules/modules.json`, when `terraform init` wrote one. */
  readonly modulesJson?: string
  /** Module sources by call path (`"tenants.database"`), e.g. from the plan's `configuration`. */
  readonly moduleSources?: ReadonlyMap<string, string>
  readonly parse: HclBlockParser
}

/** Where a finding's object is declared, or undefined when no block matches. */
export type Locate = (finding: { readonly address: string }) => SourceLocation | undefined

/** The module calls and resource of an address: `module.a["k"].module.b.aws_x.y[0]`. */
export interface ParsedAddress {
  readonly modules: readonly string[]
  readonly mode: 'managed' | 'data'
  readonly type: string
  readonly name: string
}

/** Splits a resource address into module call names and the resource; undefined if malformed. */
export function parseAddress(address: string): ParsedAddress | undefined {
  const steps: string[] = []
  let i = 0
  while (i < address.length) {
    const name = /^[A-Za-z_][\w-]*/.exec(address.slice(i))?.[0]
    if (name === undefined) return undefined
    steps.push(name)
    i += name.length
    if (address[i] === '[') {
      const end = closeBracket(address, i)
      if (end < 0) return undefined
      i = end + 1
    }
    if (i === address.length) break
    if (address[i] !== '.') return undefined
    i += 1
  }
  const modules: string[] = []
  while (steps[0] === 'module' && steps.length > 2) {
    modules.push(steps[1] as string)
    steps.splice(0, 2)
  }
  if (steps[0] === 'module') return undefined
  const mode = steps[0] === 'data' ? 'data' : 'managed'
  if (mode === 'data') steps.shift()
  if (steps.length !== 2) return undefined
  return { modules, mode, type: steps[0] as string, name: steps[1] as string }
}

/** The index of the `]` closing the `[` at `start`, skipping quoted keys; -1 if none. */
function closeBracket(text: string, start: number): number {
  let quoted = false
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '\\') i++
      else if (ch === '"') quoted = false
    } else if (ch === '"') quoted = true
    else if (ch === ']') return i
  }
  return -1
}

/** `a/./b/../c` → `a/c`; undefined when it climbs above the repository root. */
export function normalizePath(path: string): string | undefined {
  const out: string[] = []
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (out.length === 0) return undefined
      out.pop()
    } else out.push(part)
  }
  return out.join('/')
}

function joinPath(dir: string, rel: string): string | undefined {
  return normalizePath(dir === '' ? rel : `${dir}/${rel}`)
}

/** Whether a module source is a local path (which Terraform never downloads). */
export function isLocalSource(source: string): boolean {
  return source.startsWith('./') || source.startsWith('../') || source === '.' || source === '..'
}

/** `modules.json` entries: call path → directory, relative to the root module. */
export function parseModulesJson(text: string | undefined): Map<string, string> {
  const dirs = new Map<string, string>()
  if (text === undefined) return dirs
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return dirs
  }
  const modules = (parsed as { Modules?: unknown } | null)?.Modules
  if (!Array.isArray(modules)) return dirs
  for (const entry of modules as unknown[]) {
    const { Key: key, Dir: dir } = (entry ?? {}) as { Key?: unknown; Dir?: unknown }
    if (typeof key === 'string' && key !== '' && typeof dir === 'string') dirs.set(key, dir)
  }
  return dirs
}

/** Module sources by call path from a plan's `configuration` (`root_module.module_calls`). */
export function moduleSourcesFromConfiguration(configuration: unknown): Map<string, string> {
  const sources = new Map<string, string>()
  const walk = (module: unknown, prefix: string, depth: number): void => {
    if (depth > 64 || typeof module !== 'object' || module === null) return
    const calls = (module as { module_calls?: unknown }).module_calls
    if (typeof calls !== 'object' || calls === null) return
    for (const [name, call] of Object.entries(calls as Record<string, unknown>)) {
      const key = prefix === '' ? name : `${prefix}.${name}`
      const source = (call as { source?: unknown } | null)?.source
      if (typeof source === 'string') sources.set(key, source)
      walk((call as { module?: unknown } | null)?.module, key, depth + 1)
    }
  }
  walk((configuration as { root_module?: unknown } | null)?.root_module, '', 0)
  return sources
}

/** The `.tf` files directly in `dir` (not in subdirectories), sorted. */
function filesIn(files: ReadonlyMap<string, string>, dir: string): string[] {
  const prefix = dir === '' ? '' : `${dir}/`
  return [...files.keys()]
    .filter(
      (f) => f.startsWith(prefix) && !f.slice(prefix.length).includes('/') && f.endsWith('.tf')
    )
    .sort()
}

/** A locator over the given files; blocks of each file are parsed once, on first use. */
export function createLocator(input: LocatorInput): Locate {
  const rootDir = normalizePath(input.rootDir) ?? ''
  const installed = parseModulesJson(input.modulesJson)
  const parsed = new Map<string, HclBlock[]>()
  const blocksOf = (file: string): HclBlock[] => {
    let blocks = parsed.get(file)
    if (blocks === undefined) {
      blocks = input.parse(input.files.get(file) ?? '')
      parsed.set(file, blocks)
    }
    return blocks
  }
  const find = (
    dir: string,
    kind: string,
    labels: readonly string[]
  ): SourceLocation | undefined => {
    for (const file of filesIn(input.files, dir)) {
      const block = blocksOf(file).find(
        (b) =>
          b.kind === kind &&
          b.labels.length === labels.length &&
          b.labels.every((l, i) => l === labels[i])
      )
      if (block !== undefined) {
        const where = { file, line: block.line, column: block.column, endLine: block.endLine }
        return { ...where, kind: kind === 'module' ? 'module-call' : 'resource' }
      }
    }
    return undefined
  }
  const sourceOf = (dir: string, name: string): string | undefined => {
    for (const file of filesIn(input.files, dir)) {
      const block = blocksOf(file).find((b) => b.kind === 'module' && b.labels[0] === name)
      if (block !== undefined) return block.source
    }
    return undefined
  }
  const cache = new Map<string, SourceLocation | undefined>()
  return (finding) => {
    const address = parseAddress(finding.address)
    if (address === undefined) return undefined
    const key = JSON.stringify(address)
    if (cache.has(key)) return cache.get(key)
    const result = walk(address)
    cache.set(key, result)
    return result
  }

  /** The directory of module call `path` (`a.b`) made from `dir`, when it is in the repository. */
  function moduleDir(dir: string, path: string, name: string): string | undefined {
    const recorded = installed.get(path)
    // An absolute directory is not in the repository, whatever modules.json says.
    if (recorded !== undefined && /^(?:[A-Za-z]:)?[\\/]/.test(recorded)) return undefined
    if (recorded !== undefined) {
      // modules.json directories are relative to the root module (`../modules/x` is common).
      const normalized = joinPath(rootDir, recorded)
      // Downloaded modules live under .terraform/modules: not the repository's code.
      if (normalized === undefined || /(^|\/)\.terraform\//.test(`${normalized}/`)) return undefined
      return normalized
    }
    const source = input.moduleSources?.get(path) ?? sourceOf(dir, name)
    if (source === undefined || !isLocalSource(source)) return undefined
    return joinPath(dir, source)
  }

  /**
   * Follows the module calls into the repository's directories and finds the resource block;
   * stops at a call it cannot follow (a remote module) and points at that call. A resource whose
   * block is gone (removed from the configuration) points at the innermost call that remains.
   */
  function walk(address: ParsedAddress): SourceLocation | undefined {
    let dir = rootDir
    let last: SourceLocation | undefined
    for (let i = 0; i < address.modules.length; i++) {
      const name = address.modules[i] as string
      const call = find(dir, 'module', [name])
      if (call === undefined) return last
      last = call
      const next = moduleDir(dir, address.modules.slice(0, i + 1).join('.'), name)
      if (next === undefined) return call
      dir = next
    }
    return (
      find(dir, address.mode === 'data' ? 'data' : 'resource', [address.type, address.name]) ?? last
    )
  }
}

/**
 * The directories of local module calls declared in `dir`'s files (for the I/O layer to read
 * next), from `modules.json` when given, else from each `module` block's literal `source`.
 */
export function localModuleDirs(
  files: ReadonlyMap<string, string>,
  dir: string,
  parse: HclBlockParser
): string[] {
  const dirs = new Set<string>()
  for (const file of filesIn(files, dir)) {
    for (const block of parse(files.get(file) ?? '')) {
      if (block.kind !== 'module' || block.source === undefined || !isLocalSource(block.source))
        continue
      const next = joinPath(dir, block.source)
      if (next !== undefined) dirs.add(next)
    }
  }
  return [...dirs].sort()
}
