/** The pipeline's I/O on the real file system and processes (the CLI and the Action use it). */
import { loadStateBackends } from './backends.js'
import { discoverPlans } from './discover.js'
import { readPlanBytes, type PlanFileIO } from './plan-file.js'
import { readPolicyFile } from './policy-file.js'
import type { PipelineIO } from './port.js'

export type { PlanFileIO as NodeIOOptions } from './plan-file.js'

/** Plans, policy and backends read relative to `options.cwd`. */
export function nodeIO(options: PlanFileIO): PipelineIO {
  const { cwd } = options
  return {
    expandInputs: (inputs) => discoverPlans(inputs, cwd),
    readPolicy: (config) => readPolicyFile(config, cwd),
    loadBackends: (file, terraformDir) => loadStateBackends(file, terraformDir, cwd),
    readPlan: (file, push) => readPlanBytes(file, options, push)
  }
}
