/**
 * What the evaluation pipeline needs from the world: finding plan files, reading them (or
 * having Terraform read a binary plan), finding the policy file, reading the state backend.
 * `src/io/node.ts` implements it on node:fs and child processes; tests pass an in-memory one.
 */
import type { StateBackend } from '../backend/backend.js'

/** A policy file as read. */
export interface PolicyText {
  readonly path: string
  readonly text: string
}

/** Plan files found for the inputs, and the files passed over by name. */
export interface Discovery {
  readonly files: readonly string[]
  /** Files found in a directory or by a glob but, by name, not plans. */
  readonly skipped: readonly { readonly path: string; readonly why: string }[]
}

export interface PipelineIO {
  /**
   * Files, directories and globs (`-` for stdin) → plan files, in a stable order, and the files
   * passed over because their names say they are not plans. Throws a `UserError` naming the
   * input when nothing matches.
   */
  expandInputs(inputs: readonly string[]): Discovery
  /** The policy file `config`, or the first one found from the working directory up; none: undefined. */
  readPolicy(config?: string): PolicyText | undefined
  /** State backends for a plan: from `terraformDir`, else from the plan's own directory. */
  loadBackends(planFile: string, terraformDir?: string): Promise<StateBackend[]>
  /**
   * Streams a plan's JSON bytes into `push`: the file, stdin for `-`, or what
   * `terraform show -json` prints for a binary plan. Throws when the bytes cannot be had.
   */
  readPlan(file: string, push: (chunk: Uint8Array) => void): Promise<void>
}
