/** The Action's entry (dist/action/index.js): the runner through @actions/core, GitHub through octokit. */
import * as core from '@actions/core'
import { run, type ActionRuntime } from '../action.js'
import { createOctokitPort } from '../github/octokit.js'

const runtime: ActionRuntime = {
  getInput: (name) => core.getInput(name),
  setSecret: (secret) => core.setSecret(secret),
  setOutput: (name, value) => core.setOutput(name, value),
  setFailed: (message) => core.setFailed(message),
  notice: (message) => core.notice(message),
  info: (message) => core.info(message),
  warning: (message) => core.warning(message),
  writeSummary: async (markdown) => {
    await core.summary.addRaw(markdown).write()
  }
}

void run(process.env, process.cwd(), { runtime, connect: createOctokitPort })
