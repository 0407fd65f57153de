/** The state backend of a plan's Terraform directory, read from disk. */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { StateBackend } from '../backend/backend.js'
import { loadBackends, type BackendFs } from '../backend/load.js'
import { UserError } from '../common/errors.js'

/** Backends from `terraformDir`, or from the plan's directory when it holds .tf files. */
export async function loadStateBackends(
  file: string,
  terraformDir: string | undefined,
  cwd: string
): Promise<StateBackend[]> {
  let dir = terraformDir === undefined ? undefined : resolve(cwd, terraformDir)
  if (dir === undefined) {
    if (file === '-') return []
    const planDir = dirname(resolve(cwd, file))
    const hasTf = existsSync(planDir) && readdirSync(planDir).some((f) => /\.tf(\.json)?$/.test(f))
    if (!hasTf) return []
    dir = planDir
  } else if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UserError(`--terraform-dir ${terraformDir}: no such directory`)
  }
  return (await loadBackends(dir, NODE_FS)).backends
}

/**
 * node:fs/promises, loaded on first use: only a plan next to .tf files (or --terraform-dir) reads
 * backends, and the module (with what it loads) costs start-up time.
 */
const fsPromises = (): Promise<typeof import('node:fs/promises')> => import('node:fs/promises')

/** The file system as the backend loader sees it. */
export const NODE_FS: BackendFs = {
  readdir: async (dir) =>
    (await (await fsPromises()).readdir(dir, { withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => e.name),
  readFile: async (path) => {
    try {
      return await (await fsPromises()).readFile(path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
      throw error
    }
  }
}
