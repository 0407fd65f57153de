/**
 * Plan discovery: the inputs a user names (files, directories, quoted globs, `-`) → the plan
 * files to read, in a stable order, and what was passed over by name. Nothing is skipped for
 * failing to parse: every file that is found and not excluded by name must be a plan, or the
 * run exits 2 naming it, so skipping never turns a corrupt plan into a pass.
 */
import { readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { UserError } from '../common/errors.js'
import { compileGlob } from '../common/glob.js'
import type { Discovery } from './port.js'

export type { Discovery } from './port.js'

/** An input that names nothing to read: exit 2 with this message. */
export class DiscoveryError extends UserError {}

/** The part of the file system discovery reads; tests hand in a fake. */
export interface DiscoverFs {
  /** 'dir', 'file', or undefined when the path does not exist (or is something else). */
  kind(path: string): 'dir' | 'file' | undefined
  /** The entries of a directory, or undefined when it cannot be read. */
  list(path: string): { name: string; dir: boolean }[] | undefined
}

/** Never entered: Terraform's working data (providers, modules, state), VCS and packages. */
const NEVER_ENTER = new Set(['.terraform', '.git', 'node_modules'])

/** Files that are, by name, not plans, with what they are. Checked against the base name. */
const NOT_PLANS: readonly [glob: string, what: string][] = [
  ['*.tfvars.json', 'variable values'],
  ['*.tf.json', 'Terraform configuration'],
  ['.terraform.lock.hcl', 'the provider lock file'],
  ['*.tfstate', 'Terraform state'],
  ['*.tfstate.backup', 'Terraform state'],
  ['package*.json', 'an npm manifest'],
  ['.plan-gate.{yml,yaml,json}', 'the plan-gate policy']
]

/** Names a directory's plan files have; other files in a directory are not candidates. */
const PLAN_NAMES = ['*.{json,jsonl,tfplan,plan,log}', 'tfplan']

const GLOB_CHARS = /[*?[{]/

/** How deep a glob walks below its fixed prefix. */
const MAX_DEPTH = 12

export const nodeDiscoverFs: DiscoverFs = {
  kind(path) {
    try {
      const stat = statSync(path)
      return stat.isDirectory() ? 'dir' : stat.isFile() || stat.isFIFO() ? 'file' : undefined
    } catch {
      return undefined
    }
  },
  list(path) {
    try {
      return readdirSync(path, { withFileTypes: true }).map((e) => ({
        name: e.name,
        dir: e.isDirectory()
      }))
    } catch {
      return undefined
    }
  }
}

/** Why a file is, by its name, not a plan; undefined when it may be one. */
export function notAPlan(name: string): string | undefined {
  return NOT_PLANS.find(([glob]) => compileGlob(glob)(name))?.[1]
}

/**
 * Files are taken as given; a directory gives its plan files (not recursive); a glob is matched
 * against paths relative to `cwd` (`*` stays within one directory, `**` crosses them).
 */
export function discoverPlans(
  inputs: readonly string[],
  cwd: string,
  fs: DiscoverFs = nodeDiscoverFs
): Discovery {
  const files: string[] = []
  const skipped: { path: string; why: string }[] = []
  const take = (path: string, name: string): void => {
    const why = notAPlan(name)
    if (why === undefined) files.push(path)
    else skipped.push({ path, why })
  }
  for (const input of inputs) {
    if (input === '-') {
      files.push(input)
    } else if (GLOB_CHARS.test(input) && fs.kind(resolve(cwd, input)) === undefined) {
      const [kept, passed] = [files.length, skipped.length]
      for (const path of globFiles(input, cwd, fs)) take(path, basename(path))
      if (files.length === kept) {
        const names = skipped.slice(passed).map((s) => s.path)
        const also = names.length > 0 ? ` (skipped, not plans by name: ${names.join(', ')})` : ''
        throw new DiscoveryError(`${input}: no plan file matches${also}`)
      }
    } else if (fs.kind(resolve(cwd, input)) === 'dir') {
      const entries = fs.list(resolve(cwd, input))
      if (entries === undefined) throw new DiscoveryError(`${input}: cannot read the directory`)
      const plans = entries
        .filter((e) => !e.dir && PLAN_NAMES.some((glob) => compileGlob(glob)(e.name)))
        .map((e) => e.name)
        .sort()
      const before = files.length
      for (const name of plans) take(join(input, name), name)
      if (files.length === before)
        throw new DiscoveryError(
          `${input}: the directory holds no plan files (*.json, *.jsonl, *.tfplan, tfplan)`
        )
    } else {
      // A file named directly is read as a plan, whatever its name: the user asked for it.
      files.push(input)
    }
  }
  return { files: [...new Set(files)], skipped }
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

/** Walks from the glob's fixed directory prefix, never into NEVER_ENTER, and matches paths. */
function globFiles(pattern: string, cwd: string, fs: DiscoverFs): string[] {
  const normalized = pattern.replace(/\\/g, '/').replace(/^\.\//, '')
  const fixed = normalized.slice(0, normalized.search(GLOB_CHARS))
  const root = fixed.includes('/') ? fixed.slice(0, fixed.lastIndexOf('/')) : ''
  const matches = compileGlob(normalized)
  const found: string[] = []
  const walk = (dir: string, depth: number): void => {
    if (depth > MAX_DEPTH) return
    for (const entry of fs.list(resolve(cwd, dir === '' ? '.' : dir)) ?? []) {
      const path = dir === '' ? entry.name : `${dir}/${entry.name}`
      if (entry.dir) {
        if (!NEVER_ENTER.has(entry.name)) walk(path, depth + 1)
      } else if (matches(path)) {
        found.push(path)
      }
    }
  }
  walk(root, 0)
  return found.sort()
}
