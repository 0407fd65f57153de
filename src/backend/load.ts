/**
 * Reads the state backend of a Terraform working directory: `backend` blocks in `*.tf` /
 * `*.tf.json`, and `.terraform/terraform.tfstate`, which records what `terraform init` set up
 * (including values passed with `-backend-config`).
 */
import { join } from 'node:path'
import {
  BackendConfigError,
  backendFromInitState,
  backendsFromHcl,
  dedupeBackends,
  type StateBackend
} from './backend.js'

/**
 * The file access the loader needs, passed in by the adapter (src/cli.ts, src/action.ts), so
 * that this module does no I/O of its own.
 */
export interface BackendFs {
  /** Names of the regular files in a directory. */
  readdir(dir: string): Promise<string[]>
  /** A file's text, or undefined when it does not exist. */
  readFile(path: string): Promise<string | undefined>
}

/** Where `terraform init` records the initialized backend, relative to the working directory. */
export const INIT_STATE = join('.terraform', 'terraform.tfstate')

type HclParse = (filename: string, contents: string) => Promise<Record<string, unknown>>

let parser: Promise<HclParse> | undefined

// The parser is ~2 MB of Go WASM that starts loading as soon as it is imported, so only a
// directory that actually declares a backend pays for it.
function hclParser(): Promise<HclParse> {
  parser ??= import('@cdktn/hcl2json').then((mod) => {
    const parse = (mod as { parse?: HclParse }).parse ?? mod.default.parse
    return parse
  })
  return parser
}

// hcl2json reports `parse config: [main.tf:2,15-16: Unclosed configuration block; There is no
// closing brace…]`: the summary before `;` is the useful line.
function parseErrorLine(file: string, error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error)
  const first = raw.split('\n')[0] ?? ''
  const diag = /^(?:parse config: )?\[?[^[\]]*?:(\d+),(\d+)(?:-[\d,]+)?: ([^;\]]+)/.exec(first)
  const detail = diag ? `${diag[3]?.trim()} at line ${diag[1]}, column ${diag[2]}` : first
  return `${file}: could not parse HCL: ${detail}`
}

async function readText(fs: BackendFs, path: string): Promise<string | undefined> {
  try {
    return await fs.readFile(path)
  } catch (error) {
    throw new BackendConfigError(
      `${path}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`
    )
  }
}

async function configFiles(fs: BackendFs, dir: string): Promise<string[]> {
  let names: string[]
  try {
    names = await fs.readdir(dir)
  } catch (error) {
    throw new BackendConfigError(`${dir}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`)
  }
  return names.filter((name) => /\.tf(\.json)?$/.test(name)).sort()
}

/**
 * Whether WebAssembly exists here. `node --jitless` (the fallback where WebAssembly is not
 * allowed) has no `WebAssembly` global at all, and the HCL parser is WebAssembly.
 */
export function webAssemblyAvailable(): boolean {
  return typeof (globalThis as { WebAssembly?: unknown }).WebAssembly === 'object'
}

/** Raised for a `.tf` file that needs the HCL parser where WebAssembly is unavailable. */
class NeedsWebAssembly extends Error {
  constructor(readonly file: string) {
    super(file)
  }
}

async function backendsInFile(fs: BackendFs, dir: string, file: string): Promise<StateBackend[]> {
  const text = await readText(fs, join(dir, file))
  // Cheap pre-check: most files are resources and never need the parser.
  if (text === undefined || !/\bbackend\b|\bcloud\s*\{|"cloud"/.test(text)) return []
  if (!file.endsWith('.json') && !webAssemblyAvailable()) throw new NeedsWebAssembly(file)
  if (file.endsWith('.json')) {
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      throw new BackendConfigError(`${file}: not valid JSON`)
    }
    return backendsFromHcl(parsed, file)
  }
  let parsed: unknown
  try {
    const parse = await hclParser()
    parsed = await parse(file, text)
  } catch (error) {
    throw new BackendConfigError(parseErrorLine(file, error))
  }
  return backendsFromHcl(parsed, file)
}

/** Reads `dir/*.tf`, `dir/*.tf.json` and `dir/.terraform/terraform.tfstate`; `sources` lists the files that declared a backend. */
export async function loadBackends(
  dir: string,
  fs: BackendFs
): Promise<{ backends: StateBackend[]; sources: string[] }> {
  const found: StateBackend[] = []
  const sources: string[] = []
  const initText = await readText(fs, join(dir, INIT_STATE))
  const initialized =
    initText === undefined ? undefined : backendFromInitState(initText, INIT_STATE)
  for (const file of await configFiles(fs, dir)) {
    let backends: StateBackend[]
    try {
      backends = await backendsInFile(fs, dir, file)
    } catch (error) {
      if (!(error instanceof NeedsWebAssembly)) throw error
      // Terraform refuses to plan until `init` has recorded a changed backend, so the
      // initialized backend is the one this directory's plans use: read it alone.
      if (initialized !== undefined) return { backends: [initialized], sources: [INIT_STATE] }
      throw new BackendConfigError(
        `${join(dir, error.file)}: reading its backend block needs WebAssembly, which this Node.js does not provide (--jitless): run \`terraform init\` there first (plan-gate then reads ${INIT_STATE}), or run without --jitless`
      )
    }
    if (backends.length > 0) sources.push(file)
    found.push(...backends)
  }
  if (initialized !== undefined) {
    sources.push(INIT_STATE)
    found.push(initialized)
  }
  return { backends: dedupeBackends(found), sources }
}
