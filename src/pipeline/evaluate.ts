/**
 * The evaluation pipeline both adapters call: expand the inputs, then for each plan read it,
 * classify it (rules), decide (policy), and build one report. Every file-system and process
 * access goes through the `PipelineIO` it is given, so it runs in tests without a disk.
 */
import { errorMessage, UserError } from '../common/errors.js'
import type { Discovery, PipelineIO } from '../io/port.js'
import type { InputFormat, Plan, Retain } from '../plan/model.js'
import { PlanReader } from '../plan/read.js'
import { DEFAULT_POLICY, parsePolicy, type Policy } from '../policy/config.js'
import { buildReport, type EvaluatedPlan } from '../report/build.js'
import type { Report } from '../report/types.js'
import { resolveRule } from '../rules/registry.js'
import { VERSION } from '../version.js'
import { gate, slimmer, type GateContext } from './gate.js'

/** What evaluating plans needs; the CLI fills it from flags, the Action from its inputs. */
export interface EvaluateOptions {
  /** Plan files, directories or globs (relative to the working directory); `-` for stdin. */
  readonly files: readonly string[]
  readonly inputFormat?: InputFormat
  /** Policy file; default: searched from the working directory upward. */
  readonly config?: string
  /** A policy already loaded (the Action reads it at the base commit); `config` is then unused. */
  readonly policy?: Policy
  readonly environment?: string
  readonly terraformDir?: string
  /** Epoch milliseconds to judge freezes and exemptions at; default now. */
  readonly at?: number
}

export interface Evaluation {
  readonly report: Report
  readonly policy: Policy
  /** Files a directory or glob found but whose names say they are not plans (verbose output). */
  readonly skipped: Discovery['skipped']
}

/** Plans read at once; each reader streams, so memory stays bounded by this times one element. */
const PARALLEL_PLANS = 2

/**
 * Reads, gates and reports every plan. Throws a one-line error (`errorMessage()`) when anything
 * cannot be evaluated: the caller turns that into exit 2 or a failed step, never a pass.
 */
export async function evaluatePlans(options: EvaluateOptions, io: PipelineIO): Promise<Evaluation> {
  const policy = options.policy ?? loadPolicy(io, options.config)
  const { files, skipped } = io.expandInputs(options.files)
  const now = options.at ?? Date.now()
  const evaluated = await mapLimit(files, PARALLEL_PLANS, async (file): Promise<EvaluatedPlan> => {
    const backends = await io.loadBackends(file, options.terraformDir)
    const context: GateContext = {
      policy,
      now,
      planFile: file,
      environment: options.environment,
      backends
    }
    const plan = await labelled(file, () =>
      readPlan(file, io, options.inputFormat, slimmer(context))
    )
    return { file, plan, result: gate(plan, context) }
  })
  return {
    report: buildReport(evaluated, { version: VERSION, policySource: policy.source }),
    policy,
    skipped
  }
}

/** The policy file `config`, or the first one found from the working directory upward. */
export function loadPolicy(io: Pick<PipelineIO, 'readPolicy'>, config?: string): Policy {
  const found = io.readPolicy(config)
  if (found === undefined) return DEFAULT_POLICY
  return parsePolicy(found.text, found.path, (id) => resolveRule(id) !== undefined)
}

async function readPlan(
  file: string,
  io: PipelineIO,
  format: InputFormat | undefined,
  retain: Retain
): Promise<Plan> {
  // slimmer() drops no-op and read changes whole, so their values need not even be parsed.
  const reader = new PlanReader({ format, retain, unchangedValues: false })
  await io.readPlan(file, (chunk) => reader.push(chunk))
  return reader.end()
}

/** Runs `fn` over the items with at most `limit` in flight; results keep the items' order. */
async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>
): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++
      results[index] = await fn(items[index] as T)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

/** Prefixes an error with the file it is about. */
async function labelled<T>(file: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (error) {
    throw new UserError(`${file === '-' ? 'stdin' : file}: ${errorMessage(error)}`)
  }
}
