/**
 * The command line adapter: argv → the evaluation pipeline → the rendered report and an exit
 * code. Arguments are parsed in src/cli/args.ts, subcommands live in src/cli/commands.ts, and
 * all reading goes through the pipeline's I/O (src/io/).
 */
import { HELP, parseArgs, type Options, type Parsed } from './cli/args.js'
import { EXIT, type CliIO } from './cli/context.js'
import { errorMessage } from './common/errors.js'
import { nodeIO } from './io/node.js'
import { evaluatePlans, type Evaluation } from './pipeline/evaluate.js'
import { render } from './report/index.js'
import { ruleMeta } from './rules/registry.js'
import { VERSION } from './version.js'

export { HELP, parseArgs } from './cli/args.js'
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
    const { terraformBin, progress } = options
    evaluation = await evaluatePlans(options, nodeIO({ ...io, terraformBin, progress }))
  } catch (error) {
    io.stderr.write(`plan-gate: ${errorMessage(error)}\n`)
    return EXIT.error
  }
  const { report } = evaluation
  const color =
    options.color ?? (io.stdout.isTTY === true && !io.env['NO_COLOR'] && io.env['TERM'] !== 'dumb')
  io.stdout.write(render(options.format, report, { color, rules: ruleMeta }))
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
