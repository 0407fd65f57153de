/**
 * The adapters: `plan-gate hook [install|uninstall]` and `plan-gate exec -- <program> …`.
 * This is where the agents' I/O happens: stdin, files, the audit log, child processes.
 * The plan evaluation comes in as `deps.evaluate` (the CLI's pipeline), so nothing here
 * imports the CLI.
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  accessSync,
  chmodSync,
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { constants as osConstants, tmpdir } from 'node:os'
import { delimiter, dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { analyzeArgv, analyzeLine, type AgentPolicy, type PlanApply } from './analyze.js'
import { appendAudit, auditPath, redact, type AuditEntry } from './audit.js'
import type { DataRule } from './data.js'
import { decide, explain, type Decision, type GatePlan, type PlanVerdict } from './decide.js'
import {
  defaultHookCommand,
  diffLines,
  install,
  SETTINGS_FILES,
  SettingsError,
  uninstall
} from './install.js'
import {
  AGENTS,
  failClosed,
  PayloadError,
  readPayload,
  respond,
  type AgentName,
  type HookOutput
} from './payload.js'
import { needsParsing } from './prefilter.js'
import { loadShell, ShellSyntaxError } from './shell.js'

export interface AgentIO {
  readonly cwd: string
  readonly stdin: AsyncIterable<Uint8Array | string> & { readonly isTTY?: boolean }
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean }
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean }
  readonly env: Readonly<Record<string, string | undefined>>
}

/** What gating a saved plan needs from the CLI. */
export interface PlanReport {
  readonly decision: 'pass' | 'approval-required' | 'blocked'
  readonly fingerprint: string
  readonly findings: readonly {
    readonly decision: string
    readonly address: string
    readonly reason: string
    readonly ruleId: string
  }[]
}

export interface AgentDeps {
  /** Evaluates one plan file with the project's policy, run in `cwd`, with `env` for children. */
  readonly evaluate: (
    file: string,
    cwd: string,
    env: Readonly<Record<string, string | undefined>>,
    terraformBin?: string
  ) => Promise<PlanReport>
  /** Runs a program (exec); resolves to its exit code. */
  readonly run?: (
    program: string,
    args: readonly string[],
    cwd: string,
    env: Readonly<Record<string, string | undefined>>
  ) => Promise<number>
}

export const HOOK_HELP = `Usage: plan-gate hook [--agent claude|cursor|gemini] [options] < payload.json
       plan-gate hook install|uninstall --agent claude|cursor|gemini [--dir <project>] [--command <cmd>]
       plan-gate exec [options] -- <terraform|tofu|terragrunt|…> <args…>
       plan-gate exec --shim <dir>

hook       reads a coding agent's pre-tool hook payload on stdin and answers in the agent's
           form: saved-plan applies are gated, applies without a plan, destroy, -replace and
           -auto-approve are denied, state surgery and data-destroying commands are put to a
           human. Anything it cannot read blocks (exit 2).
install    merges the hook into .claude/settings.json, .cursor/hooks.json or
           .gemini/settings.json (shows the change; other hooks stay)
uninstall  removes it again
exec       runs the command only when the same rules allow it; an approval is typed at a
           terminal (the short code of the plan's fingerprint); without a terminal it refuses
--shim     writes terraform, tofu and terragrunt shims into <dir> (put <dir> first in PATH)

Options (hook and exec):
  --audit-log <file>        where decisions are appended (default <project>/.plan-gate/audit.jsonl,
                            or PLAN_GATE_AUDIT_LOG)
  --state ask|deny|allow    state rm/mv/push/replace-provider, refresh, workspace delete,
                            force-unlock, taint (default ask)
  --without-plan deny|ask   apply without a saved plan, destroy, -destroy, -replace,
                            -auto-approve, run-all apply (default deny)
  --data ask|deny           commands that destroy data outside Terraform (default ask)
  --dynamic ask|deny        program names computed at run time, hidden commands (default ask)
  --alias <name>            another name that runs Terraform (repeatable), e.g. tf
  --data-rules <file>       more data-destroying commands: a JSON array of
                            {key, programs, path?, anyFlag?, check?, what} (see docs/agents.md)
`

const CHECKS = ['sql', 'kubectl', 'any-delete', 'redis', 'mongo'] as const

/**
 * --data-rules <file>: more commands that destroy data, a JSON array of
 * `{key, programs, path?, anyFlag?, check?, what}` (as src/agents/data.ts). They only add asks.
 */
function readDataRules(file: string): DataRule[] {
  let value: unknown
  try {
    value = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new UsageError(`--data-rules ${file}: ${message(error)}`)
  }
  const strings = (v: unknown): v is string[] =>
    Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string' && x !== '')
  if (!Array.isArray(value)) throw new UsageError(`--data-rules ${file}: not a JSON array of rules`)
  return value.map((rule: unknown, i) => {
    const r = (rule ?? {}) as Record<string, unknown>
    const bad = (why: string): never => {
      throw new UsageError(`--data-rules ${file}: rule ${i + 1}: ${why}`)
    }
    if (typeof r['key'] !== 'string' || r['key'] === '') bad('key must be a non-empty string')
    if (typeof r['what'] !== 'string' || r['what'] === '') bad('what must be a non-empty string')
    if (!strings(r['programs'])) bad('programs must be a non-empty array of program names')
    const path = r['path']
    if (
      path !== undefined &&
      !(
        Array.isArray(path) &&
        path.length > 0 &&
        path.every((p) => (typeof p === 'string' && p !== '') || strings(p))
      )
    )
      bad('path must be an array of words or arrays of words')
    if (r['anyFlag'] !== undefined && !strings(r['anyFlag']))
      bad('anyFlag must be an array of flags')
    if (r['check'] !== undefined && !(CHECKS as readonly unknown[]).includes(r['check']))
      bad(`check must be one of ${CHECKS.join(', ')}`)
    return r as unknown as DataRule
  })
}

const OPTIONS = {
  agent: { type: 'string' },
  'audit-log': { type: 'string' },
  state: { type: 'string' },
  'without-plan': { type: 'string' },
  data: { type: 'string' },
  dynamic: { type: 'string' },
  alias: { type: 'string', multiple: true },
  'data-rules': { type: 'string' },
  dir: { type: 'string' },
  command: { type: 'string' },
  shim: { type: 'string' },
  help: { type: 'boolean', short: 'h' }
} as const

class UsageError extends Error {}

function oneOf<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T
): T {
  if (value === undefined) return fallback
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new UsageError(
    `--${flag} must be one of ${allowed.join(', ')}, not "${value.slice(0, 40)}"`
  )
}

type Values = ReturnType<typeof parse>['values']

function parse(argv: readonly string[]) {
  return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true })
}

function policyFrom(values: Values, cwd: string): AgentPolicy {
  const file = values['data-rules']
  return {
    stateCommands: oneOf('state', values.state, ['ask', 'deny', 'allow'], 'ask'),
    withoutPlan: oneOf('without-plan', values['without-plan'], ['deny', 'ask'], 'deny'),
    dataCommands: oneOf('data', values.data, ['ask', 'deny'], 'ask'),
    dynamic: oneOf('dynamic', values.dynamic, ['ask', 'deny'], 'ask'),
    aliases: values.alias ?? [],
    dataRules: file === undefined ? [] : readDataRules(resolve(cwd, file))
  }
}

/** `plan-gate hook …` and `plan-gate exec …`; returns the exit code, never throws. */
export async function runAgents(
  argv: readonly string[],
  io: AgentIO,
  deps: AgentDeps
): Promise<number> {
  const [command, ...rest] = argv
  if (command === 'exec') return runExec(rest, io, deps)
  if (rest[0] === 'install' || rest[0] === 'uninstall')
    return runInstall(rest[0], rest.slice(1), io)
  return runHook(rest, io, deps)
}

// ------------------------------------------------------------------------------------ hook

async function runHook(argv: readonly string[], io: AgentIO, deps: AgentDeps): Promise<number> {
  let agent: AgentName | undefined
  const emit = (out: HookOutput): number => {
    io.stdout.write(out.stdout)
    io.stderr.write(out.stderr)
    return out.exitCode
  }
  let values: Values
  try {
    values = parse(argv).values
    if (values.help === true) {
      io.stdout.write(HOOK_HELP)
      return 0
    }
    if (values.agent !== undefined) agent = oneOf('agent', values.agent, AGENTS, 'claude')
  } catch (error) {
    return emit(failClosed(agent, `plan-gate hook: ${message(error)}`))
  }
  let logPath: string | undefined
  let entry: Omit<AuditEntry, 'decision' | 'rules' | 'fingerprints'> | undefined
  try {
    const policy = policyFrom(values, io.cwd)
    if (io.stdin.isTTY === true)
      throw new PayloadError(
        "plan-gate hook reads the agent's hook payload on stdin, not a terminal (see plan-gate hook --help)"
      )
    const text = await readStdin(io.stdin, 1 << 20)
    const request = readPayload(text, agent, io)
    agent = request.agent
    if (request.command === undefined) return emit(respond(agent, 'allow', ''))
    if (!needsParsing(request.command, policy.aliases, policy.dataRules))
      return emit(respond(agent, 'allow', ''))
    logPath = auditPath(request.projectDir, values['audit-log'], io.env)
    entry = {
      time: new Date().toISOString(),
      agent,
      ...(request.sessionId === undefined ? {} : { session: request.sessionId }),
      cwd: request.cwd,
      command: redact(request.command)
    }
    const sh = await loadShell()
    const analysis = analyzeLine(sh, request.command, {
      policy,
      env: io.env,
      readFile: (path) => readSmall(resolve(request.cwd, path))
    })
    const decision = await decide(analysis, gateWith(deps, request.cwd, io.env))
    let final = decision.decision
    let text2 = explain(decision)
    if (final === 'ask' && !request.canAsk) {
      final = 'deny'
      text2 += `\n${agent === 'gemini' ? 'Gemini CLI hooks cannot ask' : 'This session runs without prompts, so nobody would be asked'}: a human runs it instead, in a terminal, as \`plan-gate exec -- <the command>\` (they type the approval code), or it goes through the pull request gate.`
    }
    if (decision.relevant || final !== 'allow') {
      appendAudit(logPath, {
        ...entry,
        decision: final,
        rules: [...new Set(decision.rulings.map((r) => r.ruleId))],
        fingerprints: decision.fingerprints,
        ...(decision.planHashes.length > 0 ? { planSha256: decision.planHashes } : {})
      })
    }
    if (final === 'allow')
      return emit(respond(agent, decision.vouched ? 'vouched' : 'allow', text2))
    return emit(respond(agent, final, text2))
  } catch (error) {
    const why =
      error instanceof ShellSyntaxError
        ? `cannot parse the command (${error.message}), so it is blocked`
        : error instanceof PayloadError || error instanceof UsageError
          ? error.message
          : `internal error: ${message(error)}`
    const line = `plan-gate blocked this command: ${why} [PG-A16 fail-closed]`
    if (logPath !== undefined && entry !== undefined) {
      try {
        appendAudit(logPath, {
          ...entry,
          decision: 'deny',
          rules: ['PG-A16'],
          fingerprints: [],
          error: why
        })
      } catch {
        // The block stands either way; the log failure is in the line below.
      }
    }
    return emit(failClosed(agent, line))
  }
}

/** Gates a saved plan: found, a real plan file (zip), evaluated with a minimal environment. */
function gateWith(
  deps: AgentDeps,
  cwd: string,
  env: Readonly<Record<string, string | undefined>>,
  copyTo?: (file: string) => string
): GatePlan {
  return async (plan: PlanApply): Promise<PlanVerdict> => {
    const dir = resolve(cwd, plan.dir)
    let file = resolve(dir, plan.planFile)
    if (!existsSync(file)) throw new Error('no such file')
    const stat = statSync(file)
    if (stat.isDirectory())
      throw new Error('is a directory, not a saved plan (terraform apply DIR is not gated)')
    if (!isZip(file)) throw new Error('not a saved plan file (terraform plan -out writes a zip)')
    if (copyTo !== undefined) file = copyTo(file)
    const sha256 = `sha256:${createHash('sha256').update(readFileSync(file)).digest('hex')}`
    const bin =
      plan.tool === 'tofu'
        ? plan.program.includes('/')
          ? plan.program
          : 'tofu'
        : plan.tool === 'terraform' && plan.program.includes('/')
          ? plan.program
          : undefined
    const report = await deps.evaluate(
      file,
      dir,
      minimalEnv(env),
      bin === undefined ? undefined : (which(bin, env) ?? bin)
    )
    const gating = report.findings.filter((f) => f.decision !== 'warn')
    const lines = gating
      .slice(0, 8)
      .map(
        (f) =>
          `${f.decision === 'blocked' ? 'BLOCKED' : 'APPROVAL'} ${f.address}: ${f.reason} (${f.ruleId})`
      )
    if (gating.length > 8) lines.push(`and ${gating.length - 8} more (plan-gate ${plan.planFile})`)
    return { verdict: report.decision, fingerprint: report.fingerprint, sha256, findings: lines }
  }
}

/** Children that read plans get PATH, HOME and TF_* only. */
export function minimalEnv(
  env: Readonly<Record<string, string | undefined>>
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) continue
    if (k === 'PATH' || k === 'HOME' || k.startsWith('TF_')) out[k] = v
  }
  return out
}

// --------------------------------------------------------------------------------- install

function runInstall(action: 'install' | 'uninstall', argv: readonly string[], io: AgentIO): number {
  try {
    const { values } = parse(argv)
    if (values.agent === undefined)
      throw new UsageError(
        `usage: plan-gate hook ${action} --agent claude|cursor|gemini [--dir <project>]`
      )
    const agent = oneOf('agent', values.agent, AGENTS, 'claude')
    const root = resolve(io.cwd, values.dir ?? '.')
    const file = join(root, SETTINGS_FILES[agent])
    const before = existsSync(file) ? readFileSync(file, 'utf8') : undefined
    const change =
      action === 'install'
        ? install(agent, before, values.command ?? defaultHookCommand(agent))
        : uninstall(agent, before)
    if (!change.changed || change.after === undefined) {
      io.stdout.write(
        `${file}: ${action === 'install' ? 'plan-gate hook already installed' : 'no plan-gate hook to remove'}; nothing changed\n`
      )
      return 0
    }
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, change.after)
    io.stdout.write(
      `${action === 'install' ? 'installed the plan-gate hook in' : 'removed the plan-gate hook from'} ${file}:\n`
    )
    io.stdout.write(diffLines(change.before ?? '', change.after))
    return 0
  } catch (error) {
    io.stderr.write(
      `plan-gate: ${error instanceof SettingsError || error instanceof UsageError ? error.message : message(error)}\n`
    )
    return 2
  }
}

// ------------------------------------------------------------------------------------ exec

const SHIM_MARK = 'plan-gate-shim'

async function runExec(argv: readonly string[], io: AgentIO, deps: AgentDeps): Promise<number> {
  let values: Values
  let positionals: string[]
  try {
    ;({ values, positionals } = parse(argv))
    if (values.help === true) {
      io.stdout.write(HOOK_HELP)
      return 0
    }
    if (values.shim !== undefined) return writeShims(resolve(io.cwd, values.shim), io)
    if (positionals.length === 0)
      throw new UsageError('usage: plan-gate exec [options] -- <program> <args…>')
  } catch (error) {
    io.stderr.write(`plan-gate: ${message(error)}\n`)
    return 2
  }
  const tmp = mkdtempSync(join(tmpdir(), 'plan-gate-exec-'))
  const log = auditPath(io.env['PLAN_GATE_PROJECT_DIR'] ?? io.cwd, values['audit-log'], io.env)
  const base = {
    time: new Date().toISOString(),
    agent: 'exec',
    cwd: io.cwd,
    command: redact(positionals.map(quoteArg).join(' '))
  }
  try {
    const policy = policyFrom(values, io.cwd)
    const sh = await loadShell()
    const analysis = analyzeArgv(sh, positionals, {
      policy,
      env: io.env,
      readFile: (p) => readSmall(resolve(io.cwd, p))
    })
    // The plan is copied before it is gated and the copy is applied: swapping the file after
    // the verdict changes nothing.
    const copies = new Map<string, string>()
    const copyTo = (file: string): string => {
      const copy = join(tmp, `${copies.size}-${file.slice(file.lastIndexOf('/') + 1)}`)
      copyFileSync(file, copy)
      copies.set(file, copy)
      return copy
    }
    const decision = await decide(analysis, gateWith(deps, io.cwd, io.env, copyTo))
    const args = positionals.slice(1).map((a) => {
      for (const plan of analysis.plans) {
        const original = resolve(io.cwd, plan.dir, plan.planFile)
        if (a === plan.planFile && copies.has(original)) return copies.get(original) as string
      }
      return a
    })
    const audit = (d: Decision, approval?: AuditEntry['approval']): void =>
      appendAudit(log, {
        ...base,
        decision: d.decision,
        rules: [...new Set(d.rulings.map((r) => r.ruleId))],
        fingerprints: d.fingerprints,
        ...(d.planHashes.length > 0 ? { planSha256: d.planHashes } : {}),
        ...(approval === undefined ? {} : { approval })
      })
    if (decision.decision === 'deny') {
      audit(decision)
      io.stderr.write(`${explain(decision)}\n`)
      return 1
    }
    if (decision.decision === 'ask') {
      const terminal = io.stdin.isTTY === true && io.stderr.isTTY === true
      if (!terminal) {
        audit(decision, 'no-terminal')
        io.stderr.write(
          `${explain(decision)}\nplan-gate exec: this needs a human's approval and there is no terminal to ask on; refused.\n`
        )
        return 1
      }
      io.stderr.write(
        `${explain(decision)}\nType ${decision.code ?? ''} to go ahead (anything else cancels): `
      )
      const answer = (await readLine(io.stdin)).trim()
      if (answer !== decision.code) {
        audit(decision, 'refused')
        io.stderr.write('plan-gate exec: not approved; nothing ran.\n')
        return 1
      }
      audit(decision, 'typed-code')
    } else {
      audit(decision)
    }
    const program = realProgram(positionals[0] as string, io.env)
    if (program === undefined) {
      io.stderr.write(`plan-gate exec: ${positionals[0]}: not found on PATH (shims skipped)\n`)
      return 127
    }
    const run = deps.run ?? runChild
    return await run(program, args, io.cwd, io.env)
  } catch (error) {
    const why =
      error instanceof ShellSyntaxError
        ? `cannot read the command (${error.message})`
        : message(error)
    try {
      appendAudit(log, {
        ...base,
        decision: 'deny',
        rules: ['PG-A16'],
        fingerprints: [],
        error: why
      })
    } catch {
      // refused either way
    }
    io.stderr.write(`plan-gate exec: ${why}; nothing ran [PG-A16 fail-closed]\n`)
    return 2
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
}

function writeShims(dir: string, io: AgentIO): number {
  mkdirSync(dir, { recursive: true })
  for (const tool of ['terraform', 'tofu', 'terragrunt']) {
    const path = join(dir, tool)
    writeFileSync(
      path,
      `#!/bin/sh\n# ${SHIM_MARK}: runs ${tool} through plan-gate; keep this directory first in PATH.\nexec plan-gate exec -- ${tool} "$@"\n`
    )
    chmodSync(path, 0o755)
  }
  io.stdout.write(
    `wrote terraform, tofu and terragrunt shims to ${dir}; put it first in PATH:\n  export PATH="${dir}${delimiter}$PATH"\n`
  )
  return 0
}

/** The program on PATH, skipping plan-gate's own shims. */
function realProgram(name: string, env: AgentIO['env']): string | undefined {
  if (name.includes('/')) return name
  for (const dir of (env['PATH'] ?? '').split(delimiter)) {
    if (dir === '') continue
    const candidate = join(dir, name)
    try {
      accessSync(candidate, constants.X_OK)
      if (!statSync(candidate).isFile()) continue
      const head = Buffer.alloc(512)
      const fd = openSync(candidate, 'r')
      const n = readSync(fd, head, 0, 512, 0)
      closeSync(fd)
      if (head.subarray(0, n).toString('latin1').includes(SHIM_MARK)) continue
      return candidate
    } catch {
      // not here
    }
  }
  return undefined
}

function which(name: string, env: AgentIO['env']): string | undefined {
  if (name.includes('/')) return name
  return realProgram(name, env)
}

function runChild(
  program: string,
  args: readonly string[],
  cwd: string,
  env: AgentIO['env']
): Promise<number> {
  return new Promise((done) => {
    const child = spawn(program, [...args], {
      cwd,
      env: env as NodeJS.ProcessEnv,
      stdio: 'inherit'
    })
    const forward = (signal: NodeJS.Signals): void => {
      child.kill(signal)
    }
    process.on('SIGINT', forward)
    process.on('SIGTERM', forward)
    child.on('error', () => done(127))
    child.on('close', (code, signal) => {
      process.off('SIGINT', forward)
      process.off('SIGTERM', forward)
      done(code ?? (signal === null ? 1 : 128 + (osConstants.signals[signal] ?? 1)))
    })
  })
}

// ---------------------------------------------------------------------------------- helpers

async function readStdin(
  stdin: AsyncIterable<Uint8Array | string>,
  limit: number
): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of stdin) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk)
    size += buf.length
    if (size > limit) throw new PayloadError(`the hook payload is larger than ${limit} bytes`)
    chunks.push(buf)
  }
  return Buffer.concat(chunks).toString('utf8')
}

async function readLine(stdin: AsyncIterable<Uint8Array | string>): Promise<string> {
  let line = ''
  for await (const chunk of stdin) {
    line += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
    if (line.includes('\n')) break
  }
  return line.split('\n')[0] ?? ''
}

/** A script named by the command, if it is a small text file. */
function readSmall(path: string): string | undefined {
  try {
    const stat = statSync(path)
    if (!stat.isFile() || stat.size > 256 * 1024) return undefined
    const text = readFileSync(path, 'utf8')
    return text.includes('\u0000') ? undefined : text
  } catch {
    return undefined
  }
}

function isZip(file: string): boolean {
  const fd = openSync(file, 'r')
  try {
    const head = Buffer.alloc(4)
    return readSync(fd, head, 0, 4, 0) === 4 && head.readUInt32BE(0) === 0x504b0304
  } finally {
    closeSync(fd)
  }
}

function quoteArg(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`
}

function message(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  if (code === 'EACCES' || code === 'EPERM')
    return `permission denied (${(error as { path?: string }).path ?? ''})`
  const text = error instanceof Error ? error.message : String(error)
  return text.split('\n')[0] ?? ''
}
