/** Plan discovery: the inputs a user names (files, directories, globs) → plan files. */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { UserError } from '../common/errors.js'
import { compileGlob } from '../common/glob.js'

/** Extensions of plan files picked up from a directory. */
const PLAN_EXTENSIONS = /\.(json|jsonl|tfplan|plan|log)$/

/**
 * Files, directories (their plan files, not recursive) and globs (`plans/**\/*.json`, matched
 * against paths relative to the working directory) → plan files, in a stable order.
 */
export function expandInputs(inputs: readonly string[], cwd: string): string[] {
  const out: string[] = []
  for (const input of inputs) {
    if (input === '-') {
      out.push(input)
    } else if (/[*?[]/.test(input)) {
      const matches = globFiles(input, cwd)
      if (matches.length === 0) throw new UserError(`${input}: no plan file matches`)
      out.push(...matches)
    } else if (existsSync(resolve(cwd, input)) && statSync(resolve(cwd, input)).isDirectory()) {
      const names = readdirSync(resolve(cwd, input))
        .filter((n) => PLAN_EXTENSIONS.test(n))
        .sort()
      if (names.length === 0)
        throw new UserError(
          `${input}: the directory holds no plan files (*.json, *.jsonl, *.tfplan)`
        )
      out.push(...names.map((n) => join(input, n)))
    } else {
      out.push(input)
    }
  }
  return [...new Set(out)]
}

function globFiles(pattern: string, cwd: string): string[] {
  const normalized = pattern.replace(/\\/g, '/')
  const fixed = normalized.slice(0, normalized.search(/[*?[]/))
  const root = fixed.includes('/') ? fixed.slice(0, fixed.lastIndexOf('/') + 1) : ''
  const regex = compileGlob(normalized.replace(/^\.\//, ''))
  const found: string[] = []
  const walk = (dir: string, depth: number): void => {
    if (depth > 12) return
    let entries
    try {
      entries = readdirSync(resolve(cwd, dir), { withFileTypes: true })
    } catch {
      return
    }
    for (const entry of entries) {
      if (entry.name === 'node_modules' || entry.name === '.git') continue
      const path = dir === '' ? entry.name : `${dir.replace(/\/$/, '')}/${entry.name}`
      if (entry.isDirectory()) walk(path, depth + 1)
      else if (entry.isFile() && regex.test(path.replace(/^\.\//, ''))) found.push(path)
    }
  }
  walk(root, 0)
  return found.sort()
}
