/**
 * The command line adapter: argv → the evaluation pipeline → the rendered report and an exit
 * code. Arguments are parsed in src/cli/args.ts, subcommands live in src/cli/commands.ts, and
 * all reading goes through the pipeline's I/O (src/io/).
 */
import { HELP, parseArgs, type Options, type Parsed } from './cli/args.js'
import { EXIT, type CliIO } from './cli/context.js'
import { errorMessage } from './common/errors.js'
import { nodeIO } from './io/node.js'
import { locatorFor } from './io/sources.js'
import { evaluatePlans, type Evaluation } from './pipeline/evaluate.js'
import { render, type ReportFormat } from './report/index.js'
import { ruleMeta } from './rules/registry.js'
import { VERSION } from './version.js'

export { HELP, parseArgs } from './cli/args.js'

/** Formats whose findings point at the `.tf` line of their block. */
const LOCATED_FORMATS: ReadonlySet<ReportFormat> = new Set(['sarif', 'junit', 'github'])
export { EXIT, type CliIO } from './cli/context.js'

/** Runs the CLI and returns the exit code. Never throws. */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  let parsed: Parsed
  try {
    parsed = parseArgs(argv)
    if (parsed.kind === 'command') return await parsed.command.run(parsed.args, io)
  } catch (error) {
    io.stderr.write(`plan-gate: ${errorMessage(error)}\n`)
    return EXIT.error
  }
  if (parsed.kind === 'help') {
    io.stdout.write(HELP)
    return EXIT.pass
  }
  if (parsed.kind === 'version') {
    io.stdout.write(`plan-gate ${VERSION}\n`)
    return EXIT.pass
  }
  return gatePlans(parsed.options, io)
}

async function gatePlans(options: Options, io: CliIO): Promise<number> {
  let evaluation: Evaluation
  try {
    const { terraformBin, progress, passEnv } = options
    evaluation = await evaluatePlans(options, nodeIO({ ...io, terraformBin, progress, passEnv }))
  } catch (error) {
    io.stderr.write(`plan-gate: ${errorMessage(error)}\n`)
    return EXIT.error
  }
  const { report } = evaluation
  // Verbose: what a directory or glob found but passed over because its name says it is no plan.
  if (options.verbose === true)
    for (const { path, why } of evaluation.skipped)
      io.stderr.write(`plan-gate: skipped ${path} (${why}, not a plan)\n`)
  const color =
    options.color ?? (io.stdout.isTTY === true && !io.env['NO_COLOR'] && io.env['TERM'] !== 'dumb')
  // SARIF, JUnit and workflow commands point at the .tf block of each finding.
  const located = LOCATED_FORMATS.has(options.format)
    ? await locatorFor({
        cwd: io.cwd,
        env: io.env,
        files: report.plans.map((plan) => plan.file),
        terraformDir: options.terraformDir
      })
    : {}
  const columns = io.stdout.columns ?? Number(io.env['COLUMNS'])
  io.stdout.write(
    render(options.format, report, {
      color,
      rules: ruleMeta,
      ...located,
      ...(options.verbose === undefined ? {} : { verbose: options.verbose }),
      ...(Number.isInteger(columns) && columns > 0 ? { width: columns } : {})
    })
  )
  return report.decision === 'pass' ? EXIT.pass : EXIT.gate
}

/** The process entry point. */
export async function main(): Promise<void> {
  process.exitCode = await run(process.argv.slice(2), {
    cwd: process.cwd(),
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env
  })
}
