/** The command line: `--help` text and argv → what to run. */
import { UserError } from '../common/errors.js'
import type { InputFormat } from '../plan/model.js'
import type { EvaluateOptions } from '../pipeline/evaluate.js'
import { REPORT_FORMATS, type ReportFormat } from '../report/index.js'
import { COMMANDS, findCommand, type Command } from './commands.js'

const INPUT_FORMATS: readonly InputFormat[] = ['show-json', 'jsonl', 'json-array']

const commandLines = COMMANDS.map((c) => `  ${c.usage.padEnd(26)}${c.summary}`).join('\n')

export const HELP = `Usage: plan-gate [options] <plan>
       plan-gate ${COMMANDS.map((c) => c.usage).join(' | ')}

Gates a Terraform or OpenTofu plan: deletes and replacements of data stores need a
second approver, state storage is never destroyed, weakened protection is flagged.

<plan> is one of:
  plan.json     output of \`terraform show -json tfplan\` (any format_version 0.1 to 1.x)
  plan.jsonl    output of \`terraform plan -json\` (JSON Lines; also a JSON array of messages)
  tfplan        a binary plan file, read through \`terraform show -json\` (or \`tofu\`)
  -             standard input (JSON or JSON Lines)

Options:
  -f, --format <fmt>        report format: text (default), markdown, json, sarif, junit,
                            github (workflow commands); sarif, junit and github point at the
                            .tf line of each block (root module: --terraform-dir, else the
                            plan's directory, else the working directory)
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
                            (names, comma-separated)
      --progress            show reading progress on stderr (default: on a terminal, for plans
                            over 50 MB; never in CI)
      --verbose             text: one line per finding instead of grouped rows
      --no-color            no colour in text output (also NO_COLOR=1)
      --color               colour even when stdout is not a terminal
  -h, --help                show this help
  -V, --version             show the version

Commands:
${commandLines}

Exit codes:
  0  pass (warnings included)
  1  the gate did not pass: approval required or blocked
  2  could not evaluate: usage error, unreadable, malformed or unsupported input or policy
`

/** Everything a gate run takes from the command line. */
export interface Options extends EvaluateOptions {
  readonly format: ReportFormat
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
  | { kind: 'command'; command: Command; args: readonly string[] }
  | { kind: 'run'; options: Options }

/** Parses argv (without node and script). Throws a `UserError` on a usage problem. */
export function parseArgs(argv: readonly string[]): Parsed {
  const command = findCommand(argv[0])
  if (command !== undefined) return { kind: 'command', command, args: argv.slice(1) }
  const files: string[] = []
  let format: ReportFormat = 'text'
  let inputFormat: InputFormat | undefined
  let terraformBin: string | undefined
  let passEnv: string[] | undefined
  let color: boolean | undefined
  let config: string | undefined
  let environment: string | undefined
  let terraformDir: string | undefined
  let at: number | undefined
  let progress: boolean | undefined
  let verbose: boolean | undefined
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? splitOnce(arg) : [arg, undefined]
    const value = (): string => {
      const v = inline ?? argv[++i]
      if (v === undefined || v === '') throw new UserError(`${flag} needs a value`)
      return v
    }
    switch (flag) {
      case '-h':
      case '--help':
        return { kind: 'help' }
      case '-V':
      case '--version':
        return { kind: 'version' }
      case '-f':
      case '--format':
        format = oneOf(flag, value(), REPORT_FORMATS)
        break
      case '--input-format':
        inputFormat = oneOf(flag, value(), INPUT_FORMATS)
        break
      case '--terraform-bin':
        terraformBin = value()
        break
      case '--terraform-env':
        passEnv = [
          ...(passEnv ?? []),
          ...value()
            .split(',')
            .map((n) => n.trim())
            .filter(Boolean)
        ]
        break
      case '-c':
      case '--config':
        config = value()
        break
      case '--environment':
        environment = value()
        break
      case '--terraform-dir':
        terraformDir = value()
        break
      case '--at':
        at = parseTime(value())
        break
      case '--no-color':
        color = false
        break
      case '--color':
        color = true
        break
      case '--verbose':
        verbose = true
        break
      case '--progress':
        progress = true
        break
      default:
        if (arg.startsWith('-') && arg !== '-')
          throw new UserError(`unknown option ${arg} (see --help)`)
        files.push(arg)
    }
  }
  if (files.length === 0) throw new UserError('no plan given (see --help)')
  if (files.filter((f) => f === '-').length > 1) throw new UserError('stdin (-) can be given once')
  return {
    kind: 'run',
    options: {
      files,
      format,
      inputFormat,
      terraformBin,
      ...(passEnv === undefined ? {} : { passEnv }),
      color,
      config,
      environment,
      terraformDir,
      at,
      progress,
      verbose
    }
  }
}

function parseTime(text: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(text) ? Date.parse(text) : NaN
  if (Number.isNaN(ms))
    throw new UserError(
      `--at needs an RFC 3339 time such as 2026-12-24T12:00:00Z, not "${text.slice(0, 40)}"`
    )
  return ms
}

function splitOnce(arg: string): [string, string] {
  const eq = arg.indexOf('=')
  return [arg.slice(0, eq), arg.slice(eq + 1)]
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new UserError(`${flag} must be one of ${allowed.join(', ')}, not "${value.slice(0, 40)}"`)
}
