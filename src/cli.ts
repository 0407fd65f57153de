/**
 * The command line adapter: argv → read the plan → evaluate → render → exit code.
 * This file (with src/action.ts and src/github/) is where I/O happens.
 */
import { spawn } from 'node:child_process'
import {
  accessSync,
  closeSync,
  constants,
  createReadStream,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { delimiter, dirname, join, resolve } from 'node:path'
import { BackendConfigError, type StateBackend } from './backend/backend.js'
import { loadBackends, type BackendFs } from './backend/load.js'
import { PlanInputError } from './plan/errors.js'
import type { InputFormat, Plan } from './plan/model.js'
import { PlanReader, type Retain } from './plan/read.js'
import { ConfigError, DEFAULT_POLICY, parsePolicy, type Policy } from './policy/config.js'
import { gate, slimmer } from './policy/gate.js'
import { compileGlob } from './policy/glob.js'
import { STARTER_POLICY } from './policy/starter.js'
import { buildReport } from './report/build.js'
import { render, REPORT_FORMATS, type ReportFormat } from './report/index.js'
import { progressBar, progressLine } from './report/progress.js'
import { renderExplain, renderRuleList } from './report/rules.js'
import type { Report } from './report/types.js'
import { allRules, resolveRule, ruleMeta } from './rules/registry.js'
import { VERSION } from './version.js'

/** Exit codes. */
export const EXIT = { pass: 0, gate: 1, error: 2 } as const

/** What the CLI needs from the outside world; tests pass fakes. */
export interface CliIO {
  readonly cwd: string
  readonly stdin: AsyncIterable<Uint8Array | string>
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean }
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean }
  readonly env: Readonly<Record<string, string | undefined>>
}

const INPUT_FORMATS: readonly InputFormat[] = ['show-json', 'jsonl', 'json-array']

export const HELP = `Usage: plan-gate [options] <plan>
       plan-gate rules | explain <rule> | init [--force]

Gates a Terraform or OpenTofu plan: deletes and replacements of data stores need a
second approver, state storage is never destroyed, weakened protection is flagged.

<plan> is one of:
  plan.json     output of \`terraform show -json tfplan\` (any format_version 0.1 to 1.x)
  plan.jsonl    output of \`terraform plan -json\` (JSON Lines; also a JSON array of messages)
  tfplan        a binary plan file, read through \`terraform show -json\` (or \`tofu\`)
  -             standard input (JSON or JSON Lines)

Options:
  -f, --format <fmt>        report format: text (default), markdown, json, sarif
  -c, --config <file>       policy file (default: .plan-gate.yml/.yaml/.json, searched from
                            the working directory up to the repository root)
      --environment <name>  the policy environment this plan belongs to
      --terraform-dir <dir> read the state backend from this directory's *.tf files and
                            .terraform/terraform.tfstate (default: the plan's directory,
                            when it holds .tf files)
      --at <time>           judge freezes and exemptions as of this RFC 3339 time
      --input-format <fmt>  force the input format: show-json, jsonl, json-array
      --terraform-bin <p>   program used to read binary plans (default: terraform, then tofu on PATH)
      --progress            show reading progress on stderr (default: on a terminal, for plans
                            over 50 MB; never in CI)
      --no-color            no colour in text output (also NO_COLOR=1)
      --color               colour even when stdout is not a terminal
  -h, --help                show this help
  -V, --version             show the version

Commands:
  rules                     list every rule with its id, default decision and title
  explain <rule>            explain a rule (id, slug or alias)
  init [--force]            write a commented starter .plan-gate.yml here
  doctor --repo owner/name  check the repository settings the gate relies on (GITHUB_TOKEN)

Exit codes:
  0  pass (warnings included)
  1  the gate did not pass: approval required or blocked
  2  could not evaluate: usage error, unreadable, malformed or unsupported input or policy
`

interface Options extends EvaluateOptions {
  readonly format: ReportFormat
  readonly color?: boolean
}

/** A usage or input problem: one line on stderr, exit 2. */
class CliError extends Error {}

type Parsed =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'rules' }
  | { kind: 'explain'; rule: string }
  | { kind: 'init'; force: boolean }
  | { kind: 'run'; options: Options }

/** Parses argv (without node and script). */
export function parseArgs(argv: readonly string[]): Parsed {
  const command = argv[0]
  if (command === 'rules' && argv.length === 1) return { kind: 'rules' }
  if (command === 'explain') {
    if (argv.length !== 2) throw new CliError('usage: plan-gate explain <rule>')
    return { kind: 'explain', rule: argv[1] as string }
  }
  if (command === 'init') {
    const rest = argv.slice(1)
    if (rest.some((a) => a !== '--force')) throw new CliError('usage: plan-gate init [--force]')
    return { kind: 'init', force: rest.length > 0 }
  }
  const files: string[] = []
  let format: ReportFormat = 'text'
  let inputFormat: InputFormat | undefined
  let terraformBin: string | undefined
  let color: boolean | undefined
  let config: string | undefined
  let environment: string | undefined
  let terraformDir: string | undefined
  let at: number | undefined
  let progress: boolean | undefined
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? splitOnce(arg) : [arg, undefined]
    const value = (): string => {
      const v = inline ?? argv[++i]
      if (v === undefined || v === '') throw new CliError(`${flag} needs a value`)
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
      case '--progress':
        progress = true
        break
      default:
        if (arg.startsWith('-') && arg !== '-')
          throw new CliError(`unknown option ${arg} (see --help)`)
        files.push(arg)
    }
  }
  if (files.length === 0) throw new CliError('no plan given (see --help)')
  if (files.filter((f) => f === '-').length > 1) throw new CliError('stdin (-) can be given once')
  return {
    kind: 'run',
    options: {
      files,
      format,
      inputFormat,
      terraformBin,
      color,
      config,
      environment,
      terraformDir,
      at,
      progress
    }
  }
}

function parseTime(text: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(text) ? Date.parse(text) : NaN
  if (Number.isNaN(ms))
    throw new CliError(
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
  throw new CliError(`${flag} must be one of ${allowed.join(', ')}, not "${value.slice(0, 40)}"`)
}

/** Runs the CLI and returns the exit code. Never throws. */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  if (argv[0] === 'doctor') {
    // Loaded on demand: only `doctor` needs the GitHub client.
    const { runDoctor } = await import('./github/doctor-cli.js')
    return runDoctor(argv.slice(1), io)
  }
  let parsed: Parsed
  try {
    parsed = parseArgs(argv)
  } catch (error) {
    io.stderr.write(`plan-gate: ${message(error)}\n`)
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
  if (parsed.kind !== 'run') return command(parsed, io)
  const { options } = parsed
  let evaluation: Evaluation
  try {
    evaluation = await evaluatePlans(options, io)
  } catch (error) {
    io.stderr.write(`plan-gate: ${message(error)}\n`)
    return EXIT.error
  }
  const { report } = evaluation
  const color =
    options.color ?? (io.stdout.isTTY === true && !io.env['NO_COLOR'] && io.env['TERM'] !== 'dumb')
  io.stdout.write(render(options.format, report, { color, rules: ruleMeta }))
  return report.decision === 'pass' ? EXIT.pass : EXIT.gate
}

/** What evaluating plans needs; the Action fills it from its inputs. */
export interface EvaluateOptions {
  /** Plan files, directories or globs (relative to `io.cwd`); `-` for stdin. */
  readonly files: readonly string[]
  readonly inputFormat?: InputFormat
  readonly terraformBin?: string
  /** Policy file; default: searched from `io.cwd` upward. */
  readonly config?: string
  readonly environment?: string
  readonly terraformDir?: string
  /** Epoch milliseconds to judge freezes and exemptions at; default now. */
  readonly at?: number
  /** Report reading progress on stderr: true forces it, default only on a terminal, > 50 MB. */
  readonly progress?: boolean
}

export interface Evaluation {
  readonly report: Report
  readonly policy: Policy
}

/**
 * Reads, gates and reports every plan. Throws a one-line error (`message()`) when anything
 * cannot be evaluated: the caller turns that into exit 2 or a failed step, never a pass.
 */
export async function evaluatePlans(
  options: EvaluateOptions,
  io: Pick<CliIO, 'cwd' | 'stdin' | 'env' | 'stderr'>
): Promise<Evaluation> {
  const policy = loadPolicy(options, io)
  const files = expandInputs(options.files, io.cwd)
  const now = options.at ?? Date.now()
  const evaluated = await mapLimit(files, PARALLEL_PLANS, async (file) => {
    const backends = await loadStateBackends(options, file, io.cwd)
    const context = { policy, now, planFile: file, environment: options.environment, backends }
    const plan = await labelled(file, () => readInput(file, options, io, slimmer(context)))
    return { file, plan, result: gate(plan, context) }
  })
  return {
    report: buildReport(evaluated, { version: VERSION, policySource: policy.source }),
    policy
  }
}

/** A one-line description of an evaluation error, for stderr or a failed step. */
export function errorMessage(error: unknown): string {
  return message(error)
}

/** `rules`, `explain`, `init`. */
function command(parsed: Exclude<Parsed, { kind: 'run' | 'help' | 'version' }>, io: CliIO): number {
  if (parsed.kind === 'rules') {
    io.stdout.write(renderRuleList(allRules()))
    return EXIT.pass
  }
  if (parsed.kind === 'explain') {
    const id = resolveRule(parsed.rule)
    const rule = id === undefined ? undefined : ruleMeta(id)
    if (rule === undefined) {
      io.stderr.write(
        `plan-gate: unknown rule "${parsed.rule.slice(0, 60)}" (see \`plan-gate rules\`)\n`
      )
      return EXIT.error
    }
    io.stdout.write(renderExplain(rule))
    return EXIT.pass
  }
  const target = join(io.cwd, '.plan-gate.yml')
  if (existsSync(target) && !parsed.force) {
    io.stderr.write(`plan-gate: ${target} exists; use --force to overwrite\n`)
    return EXIT.error
  }
  writeFileSync(target, STARTER_POLICY)
  io.stdout.write(`wrote ${target}\n`)
  return EXIT.pass
}

const POLICY_FILES = ['.plan-gate.yml', '.plan-gate.yaml', '.plan-gate.json']

/** The policy from --config, or the first policy file from the working directory upward. */
export function loadPolicy(options: EvaluateOptions, io: Pick<CliIO, 'cwd'>): Policy {
  const file = options.config ?? findPolicyFile(io.cwd)
  if (file === undefined) return DEFAULT_POLICY
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new CliError(`${file}: ${message(error)}`)
  }
  return parsePolicy(text, file, (id) => resolveRule(id) !== undefined)
}

/** Stops at the repository root (a directory holding .git) or the filesystem root. */
function findPolicyFile(start: string): string | undefined {
  let dir = resolve(start)
  for (;;) {
    for (const name of POLICY_FILES) {
      const candidate = join(dir, name)
      if (existsSync(candidate)) return candidate
    }
    if (existsSync(join(dir, '.git')) || dirname(dir) === dir) return undefined
    dir = dirname(dir)
  }
}

/** Backends from --terraform-dir, or from the plan's directory when it holds .tf files. */
async function loadStateBackends(
  options: EvaluateOptions,
  file: string,
  cwd: string
): Promise<StateBackend[]> {
  let dir = options.terraformDir === undefined ? undefined : resolve(cwd, options.terraformDir)
  if (dir === undefined) {
    if (file === '-') return []
    const planDir = dirname(resolve(cwd, file))
    const hasTf = existsSync(planDir) && readdirSync(planDir).some((f) => /\.tf(\.json)?$/.test(f))
    if (!hasTf) return []
    dir = planDir
  } else if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new CliError(`--terraform-dir ${options.terraformDir}: no such directory`)
  }
  return (await loadBackends(dir, NODE_FS)).backends
}

/** The file system as the backend loader sees it. */
const NODE_FS: BackendFs = {
  readdir: async (dir) =>
    (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name),
  readFile: async (path) => {
    try {
      return await readFile(path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
      throw error
    }
  }
}

/** Extensions of plan files picked up from a directory. */
const PLAN_EXTENSIONS = /\.(json|jsonl|tfplan|plan|log)$/

/**
 * Files, directories (their plan files, not recursive) and globs (`plans/**\/*.json`, matched
 * against paths relative to the working directory) → plan files, in a stable order.
 */
export function expandInputs(inputs: readonly string[], cwd: string): string[] {
  const out: string[] = []
  for (const input of inputs) {
    if (input === '-') {
      out.push(input)
    } else if (/[*?[]/.test(input)) {
      const matches = globFiles(input, cwd)
      if (matches.length === 0) throw new CliError(`${input}: no plan file matches`)
      out.push(...matches)
    } else if (existsSync(resolve(cwd, input)) && statSync(resolve(cwd, input)).isDirectory()) {
      const names = readdirSync(resolve(cwd, input))
        .filter((n) => PLAN_EXTENSIONS.test(n))
        .sort()
      if (names.length === 0)
        throw new CliError(
          `${input}: the directory holds no plan files (*.json, *.jsonl, *.tfplan)`
        )
      out.push(...names.map((n) => join(input, n)))
    } else {
      out.push(input)
    }
  }
  return [...new Set(out)]
}

function globFiles(pattern: string, cwd: string): string[] {
  const normalized = pattern.replace(/\\/g, '/')
  const fixed = normalized.slice(0, normalized.search(/[*?[]/))
  const root = fixed.includes('/') ? fixed.slice(0, fixed.lastIndexOf('/') + 1) : ''
  const regex = compileGlob(normalized.replace(/^\.\//, ''))
  const found: string[] = []
  const walk = (dir: string, depth: number): void => {
    if (depth > 12) return
    let entries
    try {
      entries = readdirSync(resolve(cwd, dir), { withFileTypes: true })
    } catch {
      return
    }
    for (const entry of entries) {
      if (entry.name === 'node_modules' || entry.name === '.git') continue
      const path = dir === '' ? entry.name : `${dir.replace(/\/$/, '')}/${entry.name}`
      if (entry.isDirectory()) walk(path, depth + 1)
      else if (entry.isFile() && regex.test(path.replace(/^\.\//, ''))) found.push(path)
    }
  }
  walk(root, 0)
  return found.sort()
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
    throw new CliError(`${file === '-' ? 'stdin' : file}: ${message(error)}`)
  }
}

/** Plans read at once; each reader streams, so memory stays bounded by this times one element. */
const PARALLEL_PLANS = 2

/** One line, no stack: expected problems say what is wrong; anything else is labelled internal. */
function message(error: unknown): string {
  if (error instanceof CliError || error instanceof PlanInputError) return error.message
  if (error instanceof ConfigError || error instanceof BackendConfigError) return error.message
  const code = (error as { code?: unknown } | null)?.code
  if (code === 'ENOENT') return 'no such file'
  if (code === 'EISDIR') return 'is a directory, not a plan file'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  const text = error instanceof Error ? error.message : String(error)
  return `internal error: ${text.split('\n')[0]}`
}

const CHUNK = 1 << 20
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]

async function readInput(
  file: string,
  options: EvaluateOptions,
  io: Pick<CliIO, 'cwd' | 'stdin' | 'env' | 'stderr'>,
  retain: Retain
): Promise<Plan> {
  // slimmer() drops no-op and read changes whole, so their values need not even be parsed.
  const reader = new PlanReader({ format: options.inputFormat, retain, unchangedValues: false })
  if (file === '-') {
    for await (const chunk of io.stdin)
      reader.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)
    return reader.end()
  }
  const path = resolve(io.cwd, file)
  const stat = statSync(path)
  if (stat.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' })
  // Only a regular file can be peeked at without losing bytes (not a FIFO such as <(...)).
  if (stat.isFile() && isZip(path)) return readBinaryPlan(path, options, io, reader)
  // Always streamed in 1 MiB chunks: the whole file is never one Buffer or one string.
  const report = progressReporter(file, stat.size, options, io)
  let read = 0
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK })) {
    reader.push(chunk as Buffer)
    read += (chunk as Buffer).length
    report?.(read)
  }
  report?.(read, true)
  return reader.end()
}

/** Plans above this size get a progress bar on a terminal. */
const PROGRESS_THRESHOLD = 50 * 1024 * 1024

/**
 * On a terminal, a bar redrawn in place (large plans only); with --progress elsewhere (CI logs),
 * a plain line every 10%. Silent otherwise, and always on stderr: stdout is the report.
 */
function progressReporter(
  file: string,
  total: number,
  options: EvaluateOptions,
  io: Pick<CliIO, 'stderr' | 'env'>
): ((read: number, done?: boolean) => void) | undefined {
  const tty = io.stderr.isTTY === true && !io.env['CI']
  if (options.progress !== true && !(tty && total > PROGRESS_THRESHOLD)) return undefined
  let lastStep = -1
  return (read, done = false) => {
    if (tty) {
      io.stderr.write(done ? '\r\u001b[K' : `\r${progressBar(file, read, total)}`)
      return
    }
    const step = Math.floor((read / Math.max(total, 1)) * 10)
    if (step > lastStep || done) {
      if (!(done && step === lastStep)) io.stderr.write(`${progressLine(file, read, total)}\n`)
      lastStep = step
    }
  }
}

function isZip(file: string): boolean {
  const fd = openSync(file, 'r')
  try {
    const head = Buffer.alloc(4)
    const n = readSync(fd, head, 0, 4, 0)
    return n === 4 && ZIP_MAGIC.every((b, i) => head[i] === b)
  } finally {
    closeSync(fd)
  }
}

/** Finds an executable on PATH. */
function which(name: string, env: CliIO['env']): string | undefined {
  for (const dir of (env['PATH'] ?? '').split(delimiter)) {
    if (dir === '') continue
    const candidate = join(dir, name)
    try {
      accessSync(candidate, constants.X_OK)
      if (statSync(candidate).isFile()) return candidate
    } catch {
      // not here
    }
  }
  return undefined
}

/** Reads a binary plan through `terraform show -json` (or tofu), streaming its output. */
async function readBinaryPlan(
  path: string,
  options: EvaluateOptions,
  io: Pick<CliIO, 'env'>,
  reader: PlanReader
): Promise<Plan> {
  const bin = options.terraformBin ?? which('terraform', io.env) ?? which('tofu', io.env)
  if (bin === undefined) {
    throw new PlanInputError(
      'binary plan file, but neither terraform nor tofu is on PATH: install one, pass --terraform-bin, or give `terraform show -json` output'
    )
  }
  const child = spawn(bin, ['show', '-json', path], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: io.env as NodeJS.ProcessEnv
  })
  let stderr = ''
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (text: string) => {
    if (stderr.length < 4096) stderr += text
  })
  // Settles once, with the exit code or the reason the program could not start.
  const exited = new Promise<number | Error>((resolve) => {
    child.on('error', (error: NodeJS.ErrnoException) =>
      resolve(new PlanInputError(`could not run ${bin}: ${error.code ?? error.message}`))
    )
    child.on('close', (code) => resolve(code ?? 1))
  })
  let readError: unknown
  try {
    for await (const chunk of child.stdout) reader.push(chunk as Buffer)
  } catch (error) {
    readError = error
    child.kill()
  }
  const code = await exited
  if (code instanceof Error) throw code
  if (code !== 0) {
    const plain = stripControl(stderr)
    const firstLine = plain.split('\n').find((l) => l.trim() !== '') ?? ''
    const detail = firstLine === '' ? '' : `: ${firstLine.trim().slice(0, 200)}`
    throw new PlanInputError(`\`${bin} show -json\` failed with exit code ${code}${detail}`)
  }
  if (readError !== undefined) throw readError
  return reader.end()
}

/** Drops ANSI colour codes and control characters (but newlines) from a program's output. */
function stripControl(text: string): string {
  /* eslint-disable no-control-regex -- matching control characters is the point */
  return text.replace(/\u001b\[[0-9;]*m/g, '').replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '')
  /* eslint-enable no-control-regex */
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
