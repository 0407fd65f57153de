/**
 * The Action's entry (dist/action/index.js): the runner through @actions/core, GitHub through
 * octokit. The runner executes this file, and then it runs; `@github/local-action` and tests
 * import it instead and call the exported `run()`, as GitHub's action template expects.
 */
import * as core from '@actions/core'
import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { run as runAction, type ActionRuntime } from '../action.js'
import { createOctokitPort } from '../github/octokit.js'

const runtime: ActionRuntime = {
  getInput: (name) => core.getInput(name),
  setSecret: (secret) => core.setSecret(secret),
  setOutput: (name, value) => core.setOutput(name, value),
  setFailed: (message) => core.setFailed(message),
  notice: (message) => core.notice(message),
  info: (message) => core.info(message),
  warning: (message) => core.warning(message),
  annotate: ({ level, message, title, file, line, endLine }) => {
    const properties: core.AnnotationProperties = { title, file, startLine: line, endLine }
    if (level === 'error') core.error(message, properties)
    else if (level === 'warning') core.warning(message, properties)
    else core.notice(message, properties)
  },
  writeSummary: async (markdown) => {
    await core.summary.addRaw(markdown).write()
  }
}

/** One run of the Action in this process's working directory and environment. Never throws. */
export async function run(): Promise<void> {
  await runAction(process.env, process.cwd(), { runtime, connect: createOctokitPort })
}

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
