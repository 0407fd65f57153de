/** The command line: `--help` text and argv → what to run, with node:util's parseArgs. */
import { parseArgs as parseNodeArgs, type ParseArgsConfig } from 'node:util'
import { UserError } from '../common/errors.js'
import type { InputFormat } from '../plan/model.js'
import type { EvaluateOptions } from '../pipeline/evaluate.js'
import { REPORT_FORMATS } from '../report/index.js'
import {
  COMMANDS,
  findCommand,
  type Command,
  type CommandArgs,
  type CommandOption
} from './commands.js'
import { FAIL_ON, planOutputs, type FailOn, type OutputTarget } from './outputs.js'

const INPUT_FORMATS: readonly InputFormat[] = ['show-json', 'jsonl', 'json-array']

const commandLines = COMMANDS.map((c) => `  ${c.usage.padEnd(26)}${c.summary}`).join('\n')

export const HELP = `Usage: plan-gate [options] <plan>...
       plan-gate [options] ${COMMANDS.map((c) => c.usage).join(' | ')}

Gates a Terraform or OpenTofu plan: deletes and replacements of data stores need a
second approver, state storage is never destroyed, weakened protection is flagged.

<plan> is one of (several, directories and globs are judged together):
  plan.json     output of \`terraform show -json tfplan\` (any format_version 0.1 to 1.x)
  plan.jsonl    output of \`terraform plan -json\` (JSON Lines; also a JSON array of messages)
  tfplan        a binary plan file, read through \`terraform show -json\` (or \`tofu\`)
  -             standard input (JSON or JSON Lines)
A plan file whose name starts with "-" or is a command's name goes after \`--\`.

Options:
  -f, --format <fmt>        report format: text (default), markdown, json, sarif, junit,
                            github (workflow commands); sarif, junit and github point at the
                            .tf line of each block (root module: --terraform-dir, else the
                            plan's directory, else the working directory)
  -f, --format <fmt>=<file> also write the report in <fmt> to <file> (repeatable), e.g.
                            -f sarif=plan-gate.sarif -f json=report.json
  -o, --output <file>       write the report to <file> instead of standard output
  -q, --quiet               print only the verdict and the counts (files get full reports)
      --fail-on <level>     exit 1 from this outcome on: blocked, approval-required
                            (default), warn (any finding), never (exit 0 unless it cannot
                            evaluate)
  -c, --config <file>       policy file (default: .plan-gate.yml/.yaml/.json, searched from
                            the working directory up to the repository root)
      --environment <name>  the policy environment this plan belongs to
      --terraform-dir <dir> read the state backend from this directory's *.tf files and
                            .terraform/terraform.tfstate (default: the plan's directory,
                            when it holds .tf files)
      --at <time>           judge freezes and exemptions as of this RFC 3339 time
      --input-format <fmt>  force the input format: show-json, jsonl, json-array
      --terraform-bin <p>   program used to read binary plans (default: terraform, then tofu on PATH)
      --terraform-env <n>   environment variables terraform may see besides PATH, HOME and TF_*
                            (names, comma-separated; repeatable)
      --progress            show reading progress on stderr (default: on a terminal, for plans
                            over 50 MB; never in CI)
      --color, --no-color   colour in text output (default: on a terminal; FORCE_COLOR=1 turns
                            it on, NO_COLOR=1 off)
      --verbose             text: one line per finding instead of grouped rows; with a
                            directory or glob, the files skipped as no plan (stderr)
  -h, --help                show this help
  -V, --version             show the version
Short options combine (-qfjson); \`--\` ends the options.

Commands:
${commandLines}

Exit codes:
  0  pass: nothing reached --fail-on (warnings included, by default)
  1  the gate did not pass: approval required or blocked (what --fail-on names)
  2  could not evaluate: usage error, unreadable, malformed or unsupported input or policy,
     or a report file that could not be written; --fail-on never does not change it
`

/** Everything a gate run takes from the command line. */
export interface Options extends EvaluateOptions {
  /** Where each rendering goes; the one without a file is standard output. */
  readonly targets: readonly OutputTarget[]
  /** `--quiet`: the verdict line on standard output. */
  readonly quiet: boolean
  readonly failOn: FailOn
  readonly color?: boolean
  /** Program used to read binary plans (default: terraform, then tofu on PATH). */
  readonly terraformBin?: string
  /** Environment variable names `terraform show` may see besides PATH, HOME and TF_*. */
  readonly passEnv?: readonly string[]
  /** Report reading progress on stderr: true forces it, default only on a terminal, > 50 MB. */
  readonly progress?: boolean
  /** Text: one line per finding instead of grouped rows. */
  readonly verbose?: boolean
}

export type Parsed =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'command'; command: Command; args: CommandArgs }
  | { kind: 'run'; options: Options }

/** Every option, for node:util's parseArgs. */
const OPTIONS = {
  format: { type: 'string', short: 'f', multiple: true },
  output: { type: 'string', short: 'o' },
  quiet: { type: 'boolean', short: 'q' },
  'fail-on': { type: 'string' },
  config: { type: 'string', short: 'c' },
  environment: { type: 'string' },
  'terraform-dir': { type: 'string' },
  at: { type: 'string' },
  'input-format': { type: 'string' },
  'terraform-bin': { type: 'string' },
  'terraform-env': { type: 'string', multiple: true },
  progress: { type: 'boolean' },
  verbose: { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' }
} as const satisfies ParseArgsConfig['options']

type OptionName = keyof typeof OPTIONS

// Every option a command may take is one of these (a type check).
const _commandOptions: readonly OptionName[] = [] as CommandOption[]
void _commandOptions

/** Options of a gate run, besides --help, --version, --color and --no-color. */
const RUN_OPTIONS: readonly OptionName[] = [
  'format',
  'output',
  'quiet',
  'fail-on',
  'config',
  'environment',
  'terraform-dir',
  'at',
  'input-format',
  'terraform-bin',
  'terraform-env',
  'progress',
  'verbose'
]

/**
 * Parses argv (without node and script) with node:util's parseArgs: long and short options,
 * `--opt=value` and `-fvalue`, short options combined, `--` ending the options. A command
 * is the first operand before `--`, wherever the options are.
 */
export function parseArgs(argv: readonly string[]): Parsed {
  // Commands that parse their own arguments (hook, exec) come first and get the rest as is.
  const own = findCommand(argv[0])
  if (own?.rawArgs === true)
    return {
      kind: 'command',
      command: own,
      args: { operands: argv.slice(1), raw: argv.slice(1), force: false }
    }
  let parsed
  try {
    parsed = parseNodeArgs({
      args: [...argv],
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
      tokens: true
    })
  } catch (error) {
    throw new UserError(usageMessage(error))
  }
  const { values, positionals, tokens } = parsed
  if (values.help === true) return { kind: 'help' }
  if (values.version === true) return { kind: 'version' }
  const first = tokens.find((t) => t.kind === 'positional' || t.kind === 'option-terminator')
  const command = first?.kind === 'positional' ? findCommand(first.value) : undefined
  const operands = command === undefined ? positionals : positionals.slice(1)
  // The last of --color and --no-color wins.
  let color: boolean | undefined
  for (const t of tokens)
    if (t.kind === 'option' && (t.name === 'color' || t.name === 'no-color'))
      color = t.name === 'color'
  const allowed: readonly string[] = command?.options ?? RUN_OPTIONS
  for (const t of tokens) {
    if (t.kind !== 'option' || ['help', 'version', 'color', 'no-color'].includes(t.name)) continue
    if (!allowed.includes(t.name))
      throw new UserError(
        command === undefined
          ? `--${t.name} goes with ${t.name === 'force' ? 'init' : 'a command'} (see --help)`
          : `${command.name} does not take --${t.name} (see --help)`
      )
    if (typeof t.value === 'string' && t.value === '')
      throw new UserError(`--${t.name} needs a value`)
  }
  if (command !== undefined) {
    const formats = values.format ?? []
    if (formats.length > 1) throw new UserError(`${command.name} takes one --format`)
    return {
      kind: 'command',
      command,
      args: { operands, format: formats[0], force: values.force === true }
    }
  }
  const files = positionals
  if (files.length === 0) throw new UserError('no plan given (see --help)')
  if (files.filter((f) => f === '-').length > 1) throw new UserError('stdin (-) can be given once')
  const quiet = values.quiet === true
  const { targets } = planOutputs(
    values.format ?? [],
    values.output,
    quiet,
    REPORT_FORMATS,
    (m) => {
      throw new UserError(m)
    }
  )
  return {
    kind: 'run',
    options: {
      files,
      targets,
      quiet,
      failOn: oneOf('--fail-on', values['fail-on'] ?? 'approval-required', FAIL_ON),
      inputFormat:
        values['input-format'] === undefined
          ? undefined
          : oneOf('--input-format', values['input-format'], INPUT_FORMATS),
      terraformBin: values['terraform-bin'],
      ...(values['terraform-env'] === undefined
        ? {}
        : {
            passEnv: values['terraform-env'].flatMap((v) =>
              v
                .split(',')
                .map((n) => n.trim())
                .filter(Boolean)
            )
          }),
      color,
      config: values.config,
      environment: values.environment,
      terraformDir: values['terraform-dir'],
      at: values.at === undefined ? undefined : parseTime(values.at),
      progress: values.progress === true ? true : undefined,
      verbose: values.verbose === true ? true : undefined
    }
  }
}

/** node:util's parse errors, as one line naming the option. */
function usageMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  const code = (error as { code?: unknown }).code
  const unknown = /Unknown option '([^']+)'/.exec(text)
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown)
    return `unknown option ${unknown[1]} (see --help)`
  const option = /Option '(?:-\w, )?(--?[\w-]+)/.exec(text)?.[1]
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option !== undefined) {
    if (/does not take an argument/.test(text)) return `${option} does not take a value`
    if (/ambiguous/.test(text))
      return `${longName(option)} needs a value (one starting with "-" goes as ${longName(option)}=-…)`
    return `${longName(option)} needs a value`
  }
  return text.split('\n')[0] ?? text
}

function longName(option: string): string {
  if (option.startsWith('--')) return option
  const entry = Object.entries(OPTIONS).find(([, o]) => 'short' in o && `-${o.short}` === option)
  return entry === undefined ? option : `--${entry[0]}`
}

function parseTime(text: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(text) ? Date.parse(text) : NaN
  if (Number.isNaN(ms))
    throw new UserError(
      `--at needs an RFC 3339 time such as 2026-12-24T12:00:00Z, not "${text.slice(0, 40)}"`
    )
  return ms
}

/** The value if it is one of `allowed`; a usage error naming the flag otherwise. */
export function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new UserError(`${flag} must be one of ${allowed.join(', ')}, not "${value.slice(0, 40)}"`)
}
