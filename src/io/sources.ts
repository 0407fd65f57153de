/**
 * The I/O half of the source locator (src/locate/): reads the `.tf` files of the root module and
 * of the local modules it calls, and `.terraform/modules/modules.json`, and hands their text to
 * the pure locator. Also loads the HCL parser's WebAssembly.
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { scanBlocks, treeSitterBlocks, type HclBlockParser } from '../locate/hcl.js'
import {
  createLocator,
  localModuleDirs,
  normalizePath,
  parseModulesJson,
  type Locate
} from '../locate/locate.js'

/** Limits that keep a hostile or huge tree from slowing a report: files read and bytes each. */
const MAX_FILES = 2000
const MAX_FILE_BYTES = 4 * 1024 * 1024
const MAX_DIRS = 500

let parser: Promise<HclBlockParser> | undefined

/**
 * The tree-sitter HCL parser, or the line scanner where WebAssembly cannot run (`--jitless`) or
 * its files are missing. `warn` hears why once.
 */
export function hclBlockParser(warn?: (message: string) => void): Promise<HclBlockParser> {
  parser ??= (async () => {
    try {
      const [runtime, grammar] = await Promise.all([
        readAsset('web-tree-sitter.wasm', 'web-tree-sitter/web-tree-sitter.wasm'),
        readAsset(
          'tree-sitter-terraform.wasm',
          '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm'
        )
      ])
      return await treeSitterBlocks({ runtime, grammar })
    } catch (error) {
      warn?.(
        `HCL parser unavailable (${error instanceof Error ? error.message : String(error)}); ` +
          'locating blocks by their usual layout instead'
      )
      return scanBlocks
    }
  })()
  return parser
}

/** A bundled asset next to the bundle, else the package's copy (running from source). */
async function readAsset(name: string, packagePath: string): Promise<Uint8Array> {
  try {
    return await readFile(fileURLToPath(new URL(`./${name}`, import.meta.url)))
  } catch {
    return await readFile(createRequire(import.meta.url).resolve(packagePath))
  }
}

/**
 * A locator for the configuration in `configDir`, with paths relative to `repoRoot` (the
 * checkout: `GITHUB_WORKSPACE` or the working directory). Undefined when `configDir` lies
 * outside `repoRoot` or has no `.tf` files.
 */
export async function sourceLocator(
  repoRoot: string,
  configDir: string,
  options: { warn?: (message: string) => void; moduleSources?: ReadonlyMap<string, string> } = {}
): Promise<Locate | undefined> {
  const root = resolve(repoRoot)
  const rootDir = normalizePath(relative(root, resolve(root, configDir)).split(sep).join('/'))
  if (rootDir === undefined) return undefined
  const parse = await hclBlockParser(options.warn)
  const modulesJson = await readSmall(
    resolve(root, rootDir, '.terraform', 'modules', 'modules.json')
  )
  const installed = parseModulesJson(modulesJson)
  const files = new Map<string, string>()
  const queue = [rootDir]
  const seen = new Set<string>()
  while (queue.length > 0 && seen.size < MAX_DIRS && files.size < MAX_FILES) {
    const dir = queue.shift() as string
    if (seen.has(dir)) continue
    seen.add(dir)
    await readTfFiles(root, dir, files)
    const next =
      installed.size > 0
        ? [...installed.values()]
            .filter((d) => !/^(?:[A-Za-z]:)?[\\/]/.test(d))
            .map((d) => normalizePath(rootDir === '' ? d : `${rootDir}/${d}`))
            .filter((d): d is string => d !== undefined && !/(^|\/)\.terraform(\/|$)/.test(d))
        : localModuleDirs(files, dir, parse)
    queue.push(...next.filter((d) => !seen.has(d)))
  }
  if (files.size === 0) return undefined
  return createLocator({
    rootDir,
    files,
    parse,
    ...(modulesJson === undefined ? {} : { modulesJson }),
    ...(options.moduleSources === undefined ? {} : { moduleSources: options.moduleSources })
  })
}

async function readTfFiles(root: string, dir: string, files: Map<string, string>): Promise<void> {
  let names: string[]
  try {
    names = await readdir(resolve(root, dir))
  } catch {
    return
  }
  for (const name of names.filter((n) => n.endsWith('.tf')).sort()) {
    if (files.size >= MAX_FILES) return
    const path = dir === '' ? name : `${dir}/${name}`
    const text = await readSmall(resolve(root, path))
    if (text !== undefined) files.set(path, text)
  }
}

async function readSmall(path: string): Promise<string | undefined> {
  try {
    const info = await stat(path)
    if (!info.isFile() || info.size > MAX_FILE_BYTES) return undefined
    return await readFile(path, 'utf8')
  } catch {
    return undefined
  }
}

/** What the CLI or the Action knows when it asks for a locator. */
export interface LocatorRequest {
  /** The working directory plan paths are relative to. */
  readonly cwd: string
  /** `GITHUB_WORKSPACE`, when set, is the repository root. */
  readonly env: Readonly<Record<string, string | undefined>>
  /** Plan files as given (`-` for stdin). */
  readonly files: readonly string[]
  /** `--terraform-dir`, when given: the root module. */
  readonly terraformDir?: string
  readonly warn?: (message: string) => void
}

/**
 * The repository root: `GITHUB_WORKSPACE`, else the nearest directory from `cwd` up that has
 * `.git`, else `cwd`. SARIF paths and annotation files are relative to it.
 */
export async function repositoryRoot(
  cwd: string,
  env: Readonly<Record<string, string | undefined>>
): Promise<string> {
  const workspace = env['GITHUB_WORKSPACE']
  if (workspace !== undefined && workspace !== '') return resolve(cwd, workspace)
  let dir = resolve(cwd)
  for (;;) {
    try {
      await stat(resolve(dir, '.git'))
      return dir
    } catch {
      const parent = resolve(dir, '..')
      if (parent === dir) return resolve(cwd)
      dir = parent
    }
  }
}

/**
 * A locator for the plans of one run, and the repository-relative path of a plan file. The
 * root module is `--terraform-dir`, else the first plan file's directory, else (stdin) `cwd`.
 */
export async function locatorFor(request: LocatorRequest): Promise<{
  locate?: Locate
  planPath: (file: string) => string | undefined
}> {
  const root = await repositoryRoot(request.cwd, request.env)
  const planPath = (file: string): string | undefined => {
    if (file === '-') return undefined
    const rel = relative(root, resolve(request.cwd, file)).split(sep).join('/')
    return rel.startsWith('../') || rel === '..' || rel === '' ? undefined : rel
  }
  const first = request.files.find((f) => f !== '-')
  const configDir =
    request.terraformDir !== undefined
      ? resolve(request.cwd, request.terraformDir)
      : first !== undefined
        ? resolve(request.cwd, first, '..')
        : resolve(request.cwd)
  try {
    const locate = await sourceLocator(root, configDir, { warn: request.warn })
    return locate === undefined ? { planPath } : { locate, planPath }
  } catch (error) {
    // Locating is a convenience: a failure leaves results at the plan file, never fails the run.
    request.warn?.(
      `could not locate .tf blocks: ${error instanceof Error ? error.message : String(error)}`
    )
    return { planPath }
  }
}
