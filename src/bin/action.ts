/**
 * The Action's entry point (dist/action/index.js). The runner executes this file: then it runs.
 * `@github/local-action` and tests import it instead and call the exported `run()` themselves.
 */
import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { run } from '../action.js'

export { run }

/** Whether this module is the script node was started with (not imported by another). */
function isMainModule(): boolean {
  const script = process.argv[1]
  if (script === undefined) return false
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url))
  } catch {
    return false
  }
}

if (isMainModule()) void run()
