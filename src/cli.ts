/**
 * The command line adapter: argv → the evaluation pipeline → the rendered report and an exit
 * code. Arguments are parsed in src/cli/args.ts, subcommands live in src/cli/commands.ts, and
 * all reading goes through the pipeline's I/O (src/io/).
 */
import { closeSync, openSync, writeSync } from 'node:fs'
import { resolve } from 'node:path'
import { HELP, parseArgs, type Options, type Parsed } from './cli/args.js'
import { EXIT, type CliIO } from './cli/context.js'
import { exitCodeFor, useColor } from './cli/outputs.js'
import { errorMessage } from './common/errors.js'
import { nodeIO } from './io/node.js'
import type { Locate } from './locate/locate.js'
import { evaluatePlans, type Evaluation } from './pipeline/evaluate.js'
import { renderChunks, type ReportFormat } from './report/index.js'
import { renderQuiet } from './report/quiet.js'
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
    const { terraformBin, terraformDir, progress, passEnv } = options
    evaluation = await evaluatePlans(
      options,
      nodeIO({ ...io, terraformBin, terraformDir, progress, passEnv })
    )
  } catch (error) {
    io.stderr.write(`plan-gate: ${errorMessage(error)}\n`)
    return EXIT.error
  }
  const { report } = evaluation
  // Verbose: what a directory or glob found but passed over because its name says it is no plan.
  if (options.verbose === true)
    for (const { path, why } of evaluation.skipped)
      io.stderr.write(`plan-gate: skipped ${path} (${why}, not a plan)\n`)
  const color = useColor(options.color, io.env, io.stdout.isTTY === true)
  // SARIF, JUnit and workflow commands point at the .tf block of each finding. The locator and
  // its HCL parser are a chunk of their own, loaded only then: a plain run does not compile them.
  let located: { locate?: Locate; planPath?: (file: string) => string | undefined } = {}
  if (options.targets.some((t) => LOCATED_FORMATS.has(t.format))) {
    try {
      const { locatorFor } = await import('./io/sources.js')
      located = await locatorFor({
        cwd: io.cwd,
        env: io.env,
        files: report.plans.map((plan) => plan.file),
        terraformDir: options.terraformDir
      })
    } catch (error) {
      // Only a broken installation (a missing chunk): one line and exit 2, never a stack trace.
      io.stderr.write(`plan-gate: ${errorMessage(error)}\n`)
      return EXIT.error
    }
  }
  const columns = io.stdout.columns ?? Number(io.env['COLUMNS'])
  const deps = {
    rules: ruleMeta,
    ...located,
    ...(options.verbose === undefined ? {} : { verbose: options.verbose })
  }
  // Files first, never coloured: a report that cannot be written fails the run (exit 2).
  for (const target of options.targets) {
    if (target.file === undefined) continue
    try {
      const fd = openSync(resolve(io.cwd, target.file), 'w')
      try {
        writeInPieces(renderChunks(target.format, report, { ...deps, color: false }), (text) =>
          writeSync(fd, text)
        )
      } finally {
        closeSync(fd)
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      const why =
        code === 'EISDIR'
          ? 'is a directory'
          : code === 'ENOENT'
            ? 'its directory does not exist'
            : errorMessage(error)
      io.stderr.write(`plan-gate: cannot write ${target.file}: ${why}\n`)
      return EXIT.error
    }
  }
  const stdout = options.targets.find((t) => t.file === undefined)
  if (stdout !== undefined) {
    const chunks = renderChunks(stdout.format, report, {
      ...deps,
      color,
      ...(Number.isInteger(columns) && columns > 0 ? { width: columns } : {})
    })
    writeInPieces(chunks, (text) => io.stdout.write(text))
  }
  if (options.quiet) io.stdout.write(renderQuiet(report, { color }))
  return exitCodeFor(report, options.failOn) === 0 ? EXIT.pass : EXIT.gate
}

/** Writes the chunks in pieces of about 1 MiB: a huge report is never one string. */
function writeInPieces(chunks: Iterable<string>, write: (text: string) => unknown): void {
  let pending: string[] = []
  let size = 0
  for (const chunk of chunks) {
    pending.push(chunk)
    size += chunk.length
    if (size >= 1 << 20) {
      write(pending.join(''))
      pending = []
      size = 0
    }
  }
  if (pending.length > 0) write(pending.join(''))
}

/**
 * `process.stdin`, made on first use: only `-` and the agent commands read it, and making the
 * stream (a file, pipe or terminal reader) costs start-up time on every run.
 */
const lazyStdin: CliIO['stdin'] & { readonly isTTY?: boolean } = {
  [Symbol.asyncIterator]: () => process.stdin[Symbol.asyncIterator](),
  get isTTY() {
    return process.stdin.isTTY
  }
}

/** The process entry point. */
export async function main(): Promise<void> {
  process.exitCode = await run(process.argv.slice(2), {
    cwd: process.cwd(),
    stdin: lazyStdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env
  })
}
