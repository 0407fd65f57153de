/** Finding and reading the policy file. */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { errorMessage, UserError } from '../common/errors.js'
import type { PolicyText } from './port.js'

const POLICY_FILES = ['.plan-gate.yml', '.plan-gate.yaml', '.plan-gate.json']

/** The policy file `config`, or the first policy file from `cwd` upward; undefined: none. */
export function readPolicyFile(config: string | undefined, cwd: string): PolicyText | undefined {
  const file = config ?? findPolicyFile(cwd)
  if (file === undefined) return undefined
  try {
    return { path: file, text: readFileSync(file, 'utf8') }
  } catch (error) {
    throw new UserError(`${file}: ${errorMessage(error)}`)
  }
}

/** Stops at the repository root (a directory holding .git) or the filesystem root. */
function findPolicyFile(start: string): string | undefined {
  let dir = resolve(start)
  for (;;) {
    for (const name of POLICY_FILES) {
      const candidate = join(dir, name)
      if (existsSync(candidate)) return candidate
    }
    if (existsSync(join(dir, '.git')) || dirname(dir) === dir) return undefined
    dir = dirname(dir)
  }
}
