/**
 * Simple commands → rulings. Sees through wrappers (sudo, env, time, nohup, xargs, timeout,
 * nice, doas, exec, command, …), shells given a command string (`bash -c`, `sh -c`, `eval`,
 * `ssh host '…'`, `watch '…'`, `su -c`), `find -exec`, container runs of Terraform images,
 * and reads Terraform, OpenTofu and Terragrunt invocations: global options (`-chdir=`), the
 * subcommand, its options, and `TF_CLI_ARGS`/`TF_CLI_ARGS_<cmd>` in the environment (Terraform
 * appends them to the command line). Pure: files are read through `readFile` when given.
 */
import type { ShSyntax } from 'mvdan-sh'
import { DATA_RULES, matchData, type DataRule } from './data.js'
import type { AgentDecision, AgentRuleId } from './rules.js'
import { parseShell, ShellSyntaxError, type SimpleCommand, type Word } from './shell.js'

export interface AgentPolicy {
  /** state rm|mv|push|replace-provider, refresh, workspace delete, force-unlock, taint. */
  readonly stateCommands: AgentDecision
  /** apply without a saved plan, destroy, -destroy, -replace, -auto-approve, run-all apply. */
  readonly withoutPlan: 'deny' | 'ask'
  /** Commands that destroy data outside Terraform. */
  readonly dataCommands: 'ask' | 'deny'
  /** Program names or Terraform arguments computed at run time; shells reading hidden commands. */
  readonly dynamic: 'ask' | 'deny'
  /** More names that run Terraform (`tf`). */
  readonly aliases: readonly string[]
  /** More data rules. */
  readonly dataRules: readonly DataRule[]
}

export const DEFAULT_AGENT_POLICY: AgentPolicy = {
  stateCommands: 'ask',
  withoutPlan: 'deny',
  dataCommands: 'ask',
  dynamic: 'ask',
  aliases: [],
  dataRules: []
}

export type Tool = 'terraform' | 'tofu' | 'terragrunt'

export interface Ruling {
  readonly decision: AgentDecision
  readonly ruleId: AgentRuleId
  /** The invocation as plan-gate read it. */
  readonly command: string
  /** Why, in one sentence. */
  readonly reason: string
  /** Commands to run instead. */
  readonly instead?: readonly string[]
}

/** An `apply <saved plan>` to gate. */
export interface PlanApply {
  readonly tool: Tool
  /** The program as typed (`terraform`, `tofu`, `/usr/local/bin/terraform`). */
  readonly program: string
  readonly command: string
  /** The plan file as typed. */
  readonly planFile: string
  /** Directory Terraform runs in, relative to the line's start (cd and -chdir applied). */
  readonly dir: string
}

export interface Analysis {
  readonly rulings: readonly Ruling[]
  readonly plans: readonly PlanApply[]
  /** Terraform, OpenTofu, Terragrunt or a data command was found (the decision is audited). */
  readonly relevant: boolean
  /** The line runs something besides Terraform (and cd): plan-gate then never answers allow for it. */
  readonly foreign: boolean
}

export interface AnalyzeOptions {
  readonly policy?: AgentPolicy
  /** The hook's own environment: TF_CLI_ARGS there apply too. */
  readonly env?: Readonly<Record<string, string | undefined>>
  /** Reads scripts run by the line (`bash x.sh`, `source x`, `psql -f x.sql`), relative to the start. */
  readonly readFile?: (path: string) => string | undefined
}

const MAX_DEPTH = 8

/** Parses a command line and rules on everything it runs. Throws ShellSyntaxError. */
export function analyzeLine(sh: ShSyntax, text: string, options: AnalyzeOptions = {}): Analysis {
  const analyzer = new Analyzer(sh, options)
  analyzer.line(text, '.', new Map(), 0)
  return analyzer.result()
}

/** Rules on one argv (`plan-gate exec -- terraform apply tfplan`). */
export function analyzeArgv(
  sh: ShSyntax,
  argv: readonly string[],
  options: AnalyzeOptions = {}
): Analysis {
  const analyzer = new Analyzer(sh, options)
  analyzer.command(
    {
      words: argv.map((value) => ({ value, expands: false })),
      env: new Map(),
      cwd: '.',
      stdin: undefined,
      stdinRedirected: false
    },
    0
  )
  return analyzer.result()
}

const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'mksh', 'ash', 'yash', 'posh', 'rbash'])

/** Wrappers: options that take a value, before the command they run. */
const WRAPPERS: Readonly<
  Record<string, { readonly values: readonly string[]; readonly operands?: number }>
> = {
  sudo: {
    values: [
      '-u',
      '-g',
      '-h',
      '-p',
      '-C',
      '-D',
      '-r',
      '-t',
      '-U',
      '-T',
      '--user',
      '--group',
      '--host',
      '--prompt',
      '--chdir',
      '--role',
      '--type',
      '--other-user',
      '--close-from',
      '--command-timeout'
    ]
  },
  doas: { values: ['-u', '-C'] },
  time: { values: ['-f', '-o', '--format', '--output'] },
  nohup: { values: [] },
  nice: { values: ['-n', '--adjustment'] },
  ionice: { values: ['-c', '-n', '-p', '-P', '-u', '--class', '--classdata'] },
  timeout: { values: ['-s', '-k', '--signal', '--kill-after'], operands: 1 },
  command: { values: [] },
  builtin: { values: [] },
  exec: { values: ['-a'] },
  stdbuf: { values: ['-i', '-o', '-e', '--input', '--output', '--error'] },
  unbuffer: { values: [] },
  chronic: { values: [] },
  caffeinate: { values: ['-t', '-w'] },
  taskset: { values: [], operands: 1 },
  chrt: { values: [], operands: 1 },
  setsid: { values: [] },
  systemd_run: { values: [] },
  'aws-vault': {
    values: ['-d', '--duration', '-r', '--region', '--mfa-token', '--config'],
    operands: 2
  },
  dotenv: { values: ['-e', '-f', '-c', '-v'] },
  doppler: { values: ['-p', '--project', '-c', '--config', '--command'], operands: 1 },
  op: { values: ['--env-file', '--account'], operands: 1 },
  direnv: { values: [], operands: 2 },
  mise: { values: [], operands: 1 },
  rtx: { values: [], operands: 1 },
  asdf: { values: [], operands: 1 },
  tfenv: { values: [], operands: 1 },
  'with-contenv': { values: [] },
  xargs: {
    values: [
      '-I',
      '-n',
      '-P',
      '-L',
      '-d',
      '-E',
      '-s',
      '-a',
      '-i',
      '-l',
      '-e',
      '--arg-file',
      '--delimiter',
      '--max-args',
      '--max-procs',
      '--max-lines',
      '--replace',
      '--eof',
      '--max-chars',
      '--process-slot-var'
    ]
  }
}

const TERRAFORM_SAFE = new Set([
  'plan',
  'init',
  'validate',
  'fmt',
  'show',
  'output',
  'providers',
  'graph',
  'version',
  'get',
  'console',
  'login',
  'logout',
  'test',
  'metadata',
  'modules',
  'query',
  'import',
  'untaint',
  'stacks',
  'help'
])

/** Terraform apply options that take a separate value (Go's flag package allows `-flag value`). */
const APPLY_VALUE_OPTIONS = new Set([
  'var',
  'var-file',
  'target',
  'replace',
  'state',
  'state-out',
  'backup',
  'lock-timeout',
  'parallelism',
  'exclude'
])
const BOOL_OPTIONS = new Set([
  'auto-approve',
  'destroy',
  'refresh-only',
  'input',
  'lock',
  'refresh',
  'compact-warnings',
  'json',
  'no-color'
])

/** Terragrunt's own options that take a value. */
const TERRAGRUNT_VALUE_OPTIONS = new Set([
  '--working-dir',
  '--terragrunt-working-dir',
  '--config',
  '--terragrunt-config',
  '--download-dir',
  '--terragrunt-download-dir',
  '--source',
  '--terragrunt-source',
  '--tf-path',
  '--terragrunt-tfpath',
  '--iam-assume-role',
  '--terragrunt-iam-role',
  '--log-level',
  '--terragrunt-log-level',
  '--queue-include-dir',
  '--terragrunt-include-dir',
  '--queue-exclude-dir',
  '--terragrunt-exclude-dir',
  '--parallelism',
  '--terragrunt-parallelism',
  '--out-dir',
  '--json-out-dir',
  '--filter',
  '--feature',
  '--provider-cache-dir',
  '--inputs-debug'
])

interface Invocation {
  readonly words: readonly Word[]
  readonly env: ReadonlyMap<string, string | undefined>
  readonly cwd: string | undefined
  readonly stdin: string | undefined
  readonly stdinRedirected: boolean
  /** xargs adds arguments plan-gate cannot see. */
  readonly moreArgs: boolean
  /** Found by scanning another command's words: only recognised dangers count. */
  readonly generic: boolean
}

class Analyzer {
  private readonly rulings: Ruling[] = []
  private readonly plans: PlanApply[] = []
  private relevant = false
  private foreign = false
  private readonly policy: AgentPolicy
  private readonly names: Map<string, Tool>
  private readonly dataRules: readonly DataRule[]

  constructor(
    private readonly sh: ShSyntax,
    private readonly options: AnalyzeOptions
  ) {
    this.policy = options.policy ?? DEFAULT_AGENT_POLICY
    this.names = new Map<string, Tool>([
      ['terraform', 'terraform'],
      ['tofu', 'tofu'],
      ['opentofu', 'tofu'],
      ['terragrunt', 'terragrunt'],
      ...this.policy.aliases.map((a): [string, Tool] => [a, 'terraform'])
    ])
    this.dataRules = [...DATA_RULES, ...this.policy.dataRules]
  }

  result(): Analysis {
    const planKeys = new Set<string>()
    const plans = this.plans.filter((p) => {
      const k = `${p.dir}\u0000${p.planFile}\u0000${p.command}`
      if (planKeys.has(k)) return false
      planKeys.add(k)
      return true
    })
    const seen = new Set<string>()
    const rulings = this.rulings.filter((r) => {
      const k = `${r.ruleId}\u0000${r.command}\u0000${r.reason}`
      if (seen.has(k)) return false
      seen.add(k)
      return true
    })
    return { rulings, plans, relevant: this.relevant, foreign: this.foreign }
  }

  /** A command string run by a shell (the line itself, `bash -c '…'`, `eval`, `ssh h '…'`). */
  line(
    text: string,
    cwd: string | undefined,
    env: ReadonlyMap<string, string | undefined>,
    depth: number
  ): void {
    if (depth > MAX_DEPTH) {
      this.add('deny', 'PG-A16', text, 'commands nested more than 8 shells deep are not read')
      return
    }
    let commands: SimpleCommand[]
    try {
      commands = parseShell(this.sh, text)
    } catch (error) {
      if (depth === 0) throw error
      // An inner string the shell could not run either; plan-gate cannot read it, so it decides.
      const why = error instanceof ShellSyntaxError ? error.message : 'unreadable'
      this.add(
        this.policy.dynamic,
        'PG-A14',
        text,
        `an inner command string is not valid shell (${why})`
      )
      return
    }
    for (const command of commands) {
      this.command(
        {
          ...command,
          cwd: command.cwd === undefined || cwd === undefined ? undefined : join(cwd, command.cwd),
          env: new Map([...env, ...command.env])
        },
        depth
      )
    }
  }

  command(command: SimpleCommand, depth: number): void {
    const name = command.words[0]?.value
    if (
      name === undefined ||
      (this.tool(basename(name)) === undefined && name !== 'cd' && name !== 'pushd')
    )
      this.foreign = true
    this.invocation({ ...command, moreArgs: false, generic: false }, depth)
  }

  private invocation(inv: Invocation, depth: number): void {
    const [first, ...rest] = inv.words
    if (first === undefined) return
    const display = render(inv.words)
    if (first.value === undefined || first.expands) {
      this.relevant = true
      this.add(
        this.policy.dynamic,
        'PG-A13',
        display,
        'the program name is computed at run time, so plan-gate cannot tell what runs'
      )
      return
    }
    const name = basename(first.value)
    const values = rest.map((w) => w.value)
    const tool = this.tool(name)
    let handled = true
    if (tool !== undefined) {
      this.relevant = true
      this.terraform(tool, first.value, inv, rest, display)
    } else if (SHELLS.has(name) || name === 'busybox') {
      this.shell(name === 'busybox' ? rest.slice(1) : rest, inv, depth, display)
    } else if (name === 'eval') {
      if (values.some((v) => v === undefined)) {
        this.add(this.policy.dynamic, 'PG-A14', display, 'eval runs text computed at run time')
      } else this.line(values.join(' '), inv.cwd, inv.env, depth + 1)
    } else if (name === 'alias') {
      // alias t=terraform: later commands named t run Terraform.
      for (const value of values) {
        const eq = value?.indexOf('=') ?? -1
        if (value === undefined || eq <= 0) continue
        const target = this.tool(
          basename(
            value
              .slice(eq + 1)
              .trim()
              .split(/\s+/)[0] ?? ''
          )
        )
        if (target !== undefined) this.names.set(value.slice(0, eq), target)
      }
    } else if (name === 'source' || name === '.') {
      this.script(values[0], inv, depth, display)
    } else if (name === 'env') {
      this.env(rest, inv, depth, display)
    } else if (name === 'ssh') {
      this.ssh(rest, inv, depth)
    } else if (name === 'watch') {
      const at = skipOptions(
        rest,
        ['-n', '--interval', '-d', '--differences', '-q', '--equexit'],
        0
      )
      this.stringOrArgv(rest.slice(at), inv, depth, display)
    } else if (name === 'su' || name === 'runuser' || name === 'script' || name === 'flock') {
      this.dashC(rest, inv, depth, display)
      handled = false
    } else if (name === 'find' || name === 'fd') {
      this.find(rest, inv, depth)
    } else if (['docker', 'podman', 'nerdctl', 'finch'].includes(name)) {
      this.container(rest, inv, depth)
      handled = false
    } else if (Object.hasOwn(WRAPPERS, name) || name === 'systemd-run') {
      this.wrapper(name === 'systemd-run' ? 'systemd_run' : name, rest, inv, depth, display)
    } else if (first.value.includes('/')) {
      // ./deploy.sh: a script plan-gate can read.
      this.executable(first.value, rest, inv, depth)
      handled = false
    } else handled = false
    this.data(name, inv, rest, display)
    if (inv.generic || handled) return
    // Defense in depth: a Terraform or data program named as an argument of anything else
    // (`make`, `parallel`, `kubectl exec pod -- psql …`) is read as an invocation; only what is
    // recognised as dangerous counts there.
    for (let i = 0; i < rest.length; i++) {
      const word = rest[i] as Word
      if (word.value === undefined || word.value.startsWith('-')) continue
      const inner = basename(word.value)
      if (
        this.tool(inner) !== undefined ||
        this.dataRules.some((r) => r.programs.includes(inner))
      ) {
        if (inner === name && i === 0) continue
        this.invocation({ ...inv, words: rest.slice(i), generic: true }, depth)
      }
    }
  }

  private tool(name: string): Tool | undefined {
    const bare = name.replace(/\.exe$/i, '')
    const exact = this.names.get(bare) ?? this.names.get(bare.toLowerCase())
    if (exact !== undefined) return exact
    // terraform1.5, terraform-1.11.2, tofu_1.8
    const versioned = /^(terraform|tofu|terragrunt)[-_.]?v?\d[\d.]*$/i.exec(bare)
    return versioned === null ? undefined : (versioned[1]?.toLowerCase() as Tool)
  }

  private add(
    decision: AgentDecision,
    ruleId: AgentRuleId,
    command: string,
    reason: string,
    instead?: string[]
  ): void {
    this.rulings.push({
      decision,
      ruleId,
      command,
      reason,
      ...(instead === undefined ? {} : { instead })
    })
  }

  private shell(args: readonly Word[], inv: Invocation, depth: number, display: string): void {
    let i = 0
    let fromStdin = false
    for (; i < args.length; i++) {
      const w = args[i] as Word
      if (w.value === undefined) {
        this.add(
          this.policy.dynamic,
          'PG-A14',
          display,
          'the shell is given arguments computed at run time'
        )
        return
      }
      if (w.value === '--' || w.value === '-') {
        i++
        break
      }
      if (
        w.value === '-o' ||
        w.value === '+o' ||
        w.value === '-O' ||
        w.value === '+O' ||
        w.value === '--rcfile' ||
        w.value === '--init-file'
      ) {
        i++
        continue
      }
      if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(w.value)) {
        const text = args[i + 1]
        if (text === undefined) return
        if (text.value === undefined) {
          this.relevant = true
          this.add(
            this.policy.dynamic,
            'PG-A14',
            display,
            'the shell runs a command string computed at run time'
          )
          return
        }
        this.line(text.value, inv.cwd, inv.env, depth + 1)
        return
      }
      if (/^-[a-zA-Z]*s[a-zA-Z]*$/.test(w.value)) fromStdin = true
      if (!w.value.startsWith('-') && !w.value.startsWith('+')) break
    }
    const script = fromStdin ? undefined : args[i]
    if (script !== undefined) {
      this.script(script.value, inv, depth, display)
      return
    }
    // No -c and no script: the shell reads commands from standard input.
    if (inv.stdin !== undefined) {
      this.line(inv.stdin, inv.cwd, inv.env, depth + 1)
    } else {
      this.relevant = true
      this.add(
        this.policy.dynamic,
        'PG-A14',
        display,
        'the shell reads commands from standard input, which plan-gate cannot see'
      )
    }
  }

  private script(path: string | undefined, inv: Invocation, depth: number, display: string): void {
    if (path === undefined) {
      this.add(this.policy.dynamic, 'PG-A14', display, 'the script to run is computed at run time')
      return
    }
    const text = this.read(path, inv)
    if (text !== undefined) this.line(text, inv.cwd, inv.env, depth + 1)
  }

  private executable(path: string, rest: readonly Word[], inv: Invocation, depth: number): void {
    const text = this.read(path, inv)
    if (text === undefined || !/^#!.*\b(ba|z|k|da|a)?sh\b/.test(text)) return
    void rest
    this.line(text.replace(/^#![^\n]*\n/, ''), inv.cwd, inv.env, depth + 1)
  }

  private read(path: string, inv: Invocation): string | undefined {
    if (this.options.readFile === undefined || inv.cwd === undefined) return undefined
    return this.options.readFile(path.startsWith('/') ? path : join(inv.cwd, path))
  }

  private env(args: readonly Word[], inv: Invocation, depth: number, display: string): void {
    const env = new Map(inv.env)
    let cwd = inv.cwd
    let i = 0
    for (; i < args.length; i++) {
      const v = (args[i] as Word).value
      if (v === undefined) break
      if (v === '-u' || v === '--unset') {
        env.delete(args[i + 1]?.value ?? '')
        i++
      } else if (v === '-C' || v === '--chdir') {
        const dir = args[i + 1]?.value
        cwd = dir === undefined || cwd === undefined ? undefined : join(cwd, dir)
        i++
      } else if (v === '-S' || v === '--split-string') {
        const text = args[i + 1]?.value
        if (text === undefined) {
          this.add(
            this.policy.dynamic,
            'PG-A14',
            display,
            'env -S is given a string computed at run time'
          )
          return
        }
        const tail = args.slice(i + 2).map((w) => w.value)
        if (tail.some((t) => t === undefined)) {
          this.add(this.policy.dynamic, 'PG-A13', display, 'arguments computed at run time')
          return
        }
        this.line([text, ...(tail as string[]).map(quote)].join(' '), cwd, env, depth + 1)
        return
      } else if (v.startsWith('-')) {
        if (v === '-i' || v === '--ignore-environment') env.clear()
      } else {
        const eq = v.indexOf('=')
        if (eq <= 0) break
        env.set(v.slice(0, eq), v.slice(eq + 1))
      }
    }
    this.invocation({ ...inv, words: args.slice(i), env, cwd }, depth)
  }

  private wrapper(
    name: string,
    args: readonly Word[],
    inv: Invocation,
    depth: number,
    display: string
  ): void {
    const spec = WRAPPERS[name] as { values: readonly string[]; operands?: number }
    if (name === 'command' && args.some((a) => a.value === '-v' || a.value === '-V')) return
    let at = skipOptions(args, spec.values, spec.operands ?? 0)
    // aws-vault exec PROFILE -- cmd, op run -- cmd, mise exec tool@1 -- cmd: skip to after `--`.
    const dashdash = args.findIndex((a) => a.value === '--')
    if (['aws-vault', 'op', 'doppler', 'mise', 'rtx', 'dotenv'].includes(name) && dashdash >= 0)
      at = dashdash + 1
    if (at >= args.length) return
    const env = name === 'sudo' ? sudoEnv(inv.env, args.slice(0, at)) : inv.env
    const words = args.slice(at)
    if (name === 'xargs') {
      if (words.length === 0) return
      this.invocation({ ...inv, words, env, moreArgs: true, stdin: undefined }, depth)
      return
    }
    // sudo VAR=value cmd
    const assigned = new Map(env)
    let k = 0
    while (
      name === 'sudo' &&
      k < words.length &&
      /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[k]?.value ?? '')
    ) {
      const v = words[k]?.value as string
      assigned.set(v.slice(0, v.indexOf('=')), v.slice(v.indexOf('=') + 1))
      k++
    }
    void display
    this.invocation({ ...inv, words: words.slice(k), env: assigned }, depth)
  }

  private ssh(args: readonly Word[], inv: Invocation, depth: number): void {
    const at = skipOptions(
      args,
      [
        '-b',
        '-c',
        '-D',
        '-E',
        '-e',
        '-F',
        '-I',
        '-i',
        '-J',
        '-L',
        '-l',
        '-m',
        '-O',
        '-o',
        '-p',
        '-Q',
        '-R',
        '-S',
        '-W',
        '-w',
        '-B',
        '-P'
      ],
      1
    )
    const remote = args.slice(at)
    if (remote.length === 0) return
    // The remote shell runs the arguments joined by spaces; its directory is not ours.
    this.stringOrArgv(remote, { ...inv, cwd: undefined, env: new Map() }, depth, render(args))
  }

  /** Arguments joined with spaces and run by a shell (ssh, watch). */
  private stringOrArgv(
    args: readonly Word[],
    inv: Invocation,
    depth: number,
    display: string
  ): void {
    if (args.length === 0) return
    const values = args.map((a) => a.value)
    if (values.some((v) => v === undefined)) {
      this.add(this.policy.dynamic, 'PG-A14', display, 'the command to run is computed at run time')
      return
    }
    this.line(values.join(' '), inv.cwd, inv.env, depth + 1)
  }

  private dashC(args: readonly Word[], inv: Invocation, depth: number, display: string): void {
    for (let i = 0; i < args.length; i++) {
      const v = args[i]?.value
      if (v === '-c' || v === '--command') {
        const text = args[i + 1]
        if (text?.value === undefined) {
          this.add(
            this.policy.dynamic,
            'PG-A14',
            display,
            'the command to run is computed at run time'
          )
          return
        }
        this.line(text.value, inv.cwd, inv.env, depth + 1)
        return
      }
      if (v?.startsWith('--command=') === true) {
        this.line(v.slice(10), inv.cwd, inv.env, depth + 1)
        return
      }
    }
  }

  private find(args: readonly Word[], inv: Invocation, depth: number): void {
    for (let i = 0; i < args.length; i++) {
      const v = args[i]?.value
      if (
        v === '-exec' ||
        v === '-execdir' ||
        v === '-ok' ||
        v === '-okdir' ||
        v === '-x' ||
        v === '--exec' ||
        v === '-X' ||
        v === '--exec-batch'
      ) {
        let end = i + 1
        while (end < args.length && args[end]?.value !== ';' && args[end]?.value !== '+') end++
        // {} is replaced in place; with `+` more file names are appended.
        this.invocation(
          { ...inv, words: args.slice(i + 1, end), moreArgs: args[end]?.value === '+' },
          depth
        )
        i = end
      }
    }
  }

  /** docker run hashicorp/terraform destroy; docker exec box terraform apply (generic scan). */
  private container(args: readonly Word[], inv: Invocation, depth: number): void {
    const sub = args.findIndex((a) => a.value === 'run' || a.value === 'create')
    if (sub < 0) return
    for (let i = sub + 1; i < args.length; i++) {
      const v = args[i]?.value
      if (v === undefined || v.startsWith('-')) continue
      const image = (v.split('@')[0] ?? '').split(':')[0] ?? ''
      const tool = /(^|\/)(terraform|opentofu|tofu|terragrunt)$/.exec(image)?.[2]
      if (tool !== undefined) {
        const name = tool === 'opentofu' ? 'tofu' : tool
        this.invocation(
          {
            ...inv,
            words: [{ value: name, expands: false }, ...args.slice(i + 1)],
            cwd: undefined
          },
          depth
        )
        return
      }
    }
  }

  private data(name: string, inv: Invocation, rest: readonly Word[], display: string): void {
    const matched = matchData(
      name,
      {
        args: rest.map((w) => w.value),
        ...(inv.stdin === undefined ? {} : { stdin: inv.stdin }),
        ...(this.options.readFile === undefined || inv.cwd === undefined
          ? {}
          : { readFile: (p: string) => this.read(p, inv) })
      },
      this.dataRules
    )
    if (this.dataRules.some((r) => r.programs.includes(name))) this.relevant = true
    for (const rule of matched) {
      this.add(
        this.policy.dataCommands,
        'PG-A12',
        display,
        `destroys ${rule.what} outside Terraform (${rule.key}); nothing reviews it or keeps a copy`
      )
    }
  }

  // ---------------------------------------------------------------- Terraform and friends

  private terraform(
    tool: Tool,
    program: string,
    inv: Invocation,
    args: readonly Word[],
    display: string
  ): void {
    let chdir: string | undefined = '.'
    let i = 0
    let all = false
    const dynamicArg = (): void =>
      this.add(
        'deny',
        'PG-A13',
        display,
        'a Terraform argument is computed at run time, so plan-gate cannot tell what it does'
      )
    // Global options.
    for (; i < args.length; i++) {
      const v = args[i]?.value
      if (v === undefined) {
        // -chdir=$DIR: the directory is unknown, the rest is not.
        if (/^--?chdir=/.test(args[i]?.prefix ?? '')) {
          chdir = undefined
          continue
        }
        dynamicArg()
        return
      }
      if (!v.startsWith('-')) break
      const flag = v.replace(/^--?/, '-')
      if (['-help', '-h', '-version', '-v'].includes(flag)) return
      if (flag.startsWith('-chdir=')) chdir = joinMaybe(chdir, v.slice(v.indexOf('=') + 1))
      else if (flag === '-chdir') chdir = joinMaybe(chdir, args[++i]?.value)
      else if (tool === 'terragrunt') {
        const [name, inline] = splitFlag(v)
        if (name === '--all' || name === '--terragrunt-all' || name === '-a') all = true
        if (['--working-dir', '--terragrunt-working-dir'].includes(name))
          chdir = joinMaybe(chdir, inline ?? args[++i]?.value)
        else if (inline === undefined && TERRAGRUNT_VALUE_OPTIONS.has(name)) i++
      }
    }
    let sub = args[i]?.value
    if (i >= args.length) return
    if (sub === undefined) {
      dynamicArg()
      return
    }
    let tail = args.slice(i + 1)
    if (tool === 'terragrunt') {
      // terragrunt run-all apply, terragrunt run --all apply, terragrunt run -- apply,
      // terragrunt apply-all, terragrunt stack run apply
      if (sub === 'stack' && tail[0]?.value === 'run') {
        all = true
        tail = tail.slice(1)
        sub = 'run'
      }
      if (sub === 'run-all') {
        all = true
        sub = 'run'
      }
      if (sub === 'apply-all' || sub === 'destroy-all') {
        all = true
        sub = sub.replace('-all', '')
      }
      if (sub === 'run') {
        let j = 0
        for (; j < tail.length; j++) {
          const v = tail[j]?.value
          if (v === undefined) {
            dynamicArg()
            return
          }
          if (v === '--') {
            j++
            break
          }
          if (!v.startsWith('-')) break
          const [name, inline] = splitFlag(v)
          if (name === '--all' || name === '-a') all = true
          if (['--working-dir', '--terragrunt-working-dir'].includes(name))
            chdir = joinMaybe(chdir, inline ?? tail[++j]?.value)
          else if (inline === undefined && TERRAGRUNT_VALUE_OPTIONS.has(name)) j++
        }
        const inner = tail[j]?.value
        if (j >= tail.length) return
        if (inner === undefined) {
          dynamicArg()
          return
        }
        sub = inner
        tail = tail.slice(j + 1)
      }
      // Terragrunt's own flags may follow the subcommand too.
      tail = tail.filter((w, k, list) => {
        const v = w.value ?? ''
        if (v === '--all' || v === '--terragrunt-all') all = true
        const [name, inline] = splitFlag(v)
        if (v.startsWith('--terragrunt-') || v === '--all' || v === '--non-interactive')
          return false
        if (TERRAGRUNT_VALUE_OPTIONS.has(name)) {
          if (inline === undefined) list[k + 1] = { value: '\u0000skip', expands: false }
          return false
        }
        return v !== '\u0000skip'
      })
    }
    // TF_CLI_ARGS and TF_CLI_ARGS_<subcommand> are appended to the arguments by Terraform.
    for (const name of ['TF_CLI_ARGS', `TF_CLI_ARGS_${sub.replace(/-/g, '_')}`]) {
      const fromLine = inv.env.has(name)
      const value = fromLine ? inv.env.get(name) : this.options.env?.[name]
      if (fromLine && value === undefined) {
        this.add(
          'deny',
          'PG-A13',
          display,
          `${name} is computed at run time; Terraform adds it to the arguments`
        )
        return
      }
      if (value !== undefined && value.trim() !== '')
        tail = [
          ...tail,
          ...value
            .trim()
            .split(/\s+/)
            .map((v) => ({ value: v, expands: false }))
        ]
    }
    const dir = inv.cwd === undefined || chdir === undefined ? undefined : join(inv.cwd, chdir)
    const where = chdir === '.' || chdir === undefined ? '' : ` -chdir=${chdir}`
    const tf = `${program}${where}`
    const policy = this.policy
    switch (sub) {
      case 'apply':
      case 'destroy': {
        const read = applyArgs(tail)
        if (read.dynamic) {
          dynamicArg()
          return
        }
        const destroy = sub === 'destroy' || read.destroy
        const plan = `${tf} plan${destroy ? ' -destroy' : ''}${read.kept.length > 0 ? ` ${read.kept.join(' ')}` : ''} -out=tfplan`
        const instead =
          tool === 'terragrunt' && all
            ? [
                `${program} run --all plan -out=tfplan`,
                'plan-gate <each module>/.terragrunt-cache/…/tfplan  (or plan-gate a directory of show -json outputs)',
                `${program} apply tfplan  (in each module)`
              ]
            : [
                plan,
                chdir === '.' || chdir === undefined
                  ? 'plan-gate tfplan'
                  : `(cd ${chdir} && plan-gate tfplan)`,
                `${tf} apply tfplan`
              ]
        if (tool === 'terragrunt' && all) {
          this.add(
            policy.withoutPlan,
            'PG-A06',
            display,
            `${sub} across every module at once: no saved plan for plan-gate to check, and Terragrunt approves each module itself`,
            instead
          )
          return
        }
        if (sub === 'destroy') {
          this.add(
            policy.withoutPlan,
            'PG-A03',
            display,
            'destroys every resource in the state, with no saved plan anyone has reviewed',
            instead
          )
          return
        }
        let denied = false
        if (read.destroy) {
          this.add(
            policy.withoutPlan,
            'PG-A03',
            display,
            'apply -destroy destroys every resource in the state without a reviewed plan',
            instead
          )
          denied = true
        }
        if (read.replace) {
          this.add(
            policy.withoutPlan,
            'PG-A04',
            display,
            '-replace destroys and recreates resources; plan it with -replace and gate that plan',
            instead
          )
          denied = true
        }
        if (read.autoApprove) {
          const only =
            read.operands.length === 1
              ? ' (a saved plan applies without prompting: drop -auto-approve)'
              : ''
          this.add(
            policy.withoutPlan,
            'PG-A05',
            display,
            `-auto-approve skips the last human look at the changes${only}`,
            read.operands.length === 1 ? [`${tf} apply ${read.operands[0]}`] : instead
          )
          denied = true
        }
        if (inv.moreArgs && read.operands.length === 0) {
          this.add(
            'deny',
            'PG-A13',
            display,
            'xargs or find add arguments plan-gate cannot see (perhaps a plan file, perhaps not)',
            instead
          )
          return
        }
        if (read.operands.length === 0) {
          if (!denied)
            this.add(
              policy.withoutPlan,
              'PG-A02',
              display,
              'apply without a saved plan: what it changes is decided at run time and nobody reviews it',
              instead
            )
          return
        }
        if (read.operands.length > 1 || (tool === 'terragrunt' && all)) {
          this.add('deny', 'PG-A02', display, 'apply with more than one operand', instead)
          return
        }
        if (denied) return
        if (dir === undefined) {
          this.add(
            'deny',
            'PG-A15',
            display,
            'the directory it runs in is computed at run time, so plan-gate cannot find the plan',
            instead
          )
          return
        }
        this.plans.push({
          tool,
          program,
          command: display,
          planFile: read.operands[0] as string,
          dir
        })
        return
      }
      case 'state': {
        const op = tail.find((w) => !(w.value ?? '').startsWith('-'))
        if (op === undefined) return
        if (op.value === undefined) {
          dynamicArg()
          return
        }
        if (['rm', 'mv', 'push', 'replace-provider'].includes(op.value)) {
          this.add(
            policy.stateCommands,
            'PG-A07',
            display,
            `state ${op.value} changes the state directly: resources can be forgotten (and later recreated or orphaned) with no plan`
          )
        } else if (!['list', 'show', 'pull', 'identities'].includes(op.value) && !generic(inv)) {
          this.add(
            policy.stateCommands,
            'PG-A11',
            display,
            `unknown state subcommand "${op.value}"`
          )
        }
        return
      }
      case 'refresh':
        this.add(
          policy.stateCommands,
          'PG-A07',
          display,
          'refresh writes the state without a plan (prefer plan -refresh-only -out, then gate it)'
        )
        return
      case 'workspace': {
        const op = tail.find((w) => !(w.value ?? '').startsWith('-'))
        if (op?.value === undefined && op !== undefined) {
          dynamicArg()
          return
        }
        if (op?.value === 'delete')
          this.add(
            policy.stateCommands,
            'PG-A08',
            display,
            'workspace delete throws away a workspace and its state (with -force even when it still tracks resources)'
          )
        return
      }
      case 'force-unlock':
        this.add(
          policy.stateCommands,
          'PG-A09',
          display,
          'force-unlock removes a lock another run may hold: two applies at once can corrupt the state'
        )
        return
      case 'taint':
        this.add(
          policy.stateCommands,
          'PG-A10',
          display,
          'taint forces the next apply to destroy and recreate the resource'
        )
        return
      default:
        if (TERRAFORM_SAFE.has(sub)) return
        if (
          tool === 'terragrunt' &&
          [
            'hclfmt',
            'hcl',
            'render',
            'render-json',
            'info',
            'find',
            'list',
            'dag',
            'graph-dependencies',
            'output-all',
            'validate-inputs',
            'terragrunt-info',
            'catalog',
            'scaffold',
            'exec',
            'backend'
          ].includes(sub)
        ) {
          if (sub === 'backend' && tail.some((w) => w.value === 'delete')) {
            this.add(
              policy.stateCommands,
              'PG-A07',
              display,
              'backend delete removes the state storage'
            )
          }
          if (sub === 'exec')
            this.invocation(
              { ...inv, words: tail.filter((w) => w.value !== '--'), generic: false },
              0
            )
          return
        }
        if (!generic(inv))
          this.add(
            policy.stateCommands === 'allow' ? 'ask' : policy.stateCommands,
            'PG-A11',
            display,
            `"${sub}" is not a ${tool} subcommand plan-gate knows`
          )
    }
  }
}

function generic(inv: Invocation): boolean {
  return inv.generic
}

interface ApplyArgs {
  readonly operands: string[]
  readonly autoApprove: boolean
  readonly destroy: boolean
  readonly replace: boolean
  readonly dynamic: boolean
  /** Options to carry over to the plan command (targets, var files, replacements). */
  readonly kept: string[]
}

function applyArgs(words: readonly Word[]): ApplyArgs {
  const out = {
    operands: [] as string[],
    autoApprove: false,
    destroy: false,
    replace: false,
    dynamic: false,
    kept: [] as string[]
  }
  let operandsOnly = false
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as Word
    const v = word.value
    if (v === undefined) {
      // -var=$X, -target=$T: a run-time value of a known option; anything else (an operand,
      // a whole option) could be -destroy or a plan file.
      const known = /^--?([a-z-]+)=/.exec(word.prefix ?? '')?.[1]
      if (known !== undefined && (APPLY_VALUE_OPTIONS.has(known) || BOOL_OPTIONS.has(known))) {
        if (known === 'replace') out.replace = true
        if (known === 'destroy') out.destroy = true
        if (known === 'auto-approve') out.autoApprove = true
        continue
      }
      out.dynamic = true
      continue
    }
    if (operandsOnly || !v.startsWith('-') || v === '-') {
      out.operands.push(v)
      continue
    }
    if (v === '--') {
      operandsOnly = true
      continue
    }
    const [flag, inline] = splitFlag(v.replace(/^--/, '-'))
    const name = flag.slice(1)
    let value = inline
    if (value === undefined && APPLY_VALUE_OPTIONS.has(name)) {
      // The option's value may be computed at run time: `-var "$X"`, `-target "$T"`.
      value = words[++i]?.value ?? '…'
    }
    const on = BOOL_OPTIONS.has(name)
      ? value === undefined || !/^(false|0|f|F|FALSE|False)$/.test(value)
      : true
    if (name === 'auto-approve' && on) out.autoApprove = true
    else if (name === 'destroy' && on) out.destroy = true
    else if (name === 'replace') out.replace = true
    if (['target', 'replace', 'var-file', 'exclude'].includes(name))
      out.kept.push(`-${name}=${value ?? ''}`)
    if (name === 'var') out.kept.push(`-var ${quote(value ?? '')}`)
  }
  return out
}

function skipOptions(
  args: readonly Word[],
  valueOptions: readonly string[],
  operands: number
): number {
  let i = 0
  for (; i < args.length; i++) {
    const v = args[i]?.value
    if (v === undefined) return i
    if (v === '--') return i + 1
    if (!v.startsWith('-') || v === '-') break
    if (valueOptions.includes(v)) i++
  }
  return i + operands
}

function sudoEnv(
  env: ReadonlyMap<string, string | undefined>,
  options: readonly Word[]
): ReadonlyMap<string, string | undefined> {
  // sudo resets the environment unless -E / --preserve-env; TF_CLI_ARGS would then not pass.
  const keep = options.some((o) => o.value === '-E' || (o.value ?? '').startsWith('--preserve-env'))
  return keep ? env : new Map()
}

function splitFlag(v: string): [string, string | undefined] {
  const eq = v.indexOf('=')
  return eq < 0 ? [v, undefined] : [v.slice(0, eq), v.slice(eq + 1)]
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

function join(base: string, path: string): string {
  if (path.startsWith('/')) return path
  if (path === '.' || path === '') return base
  return base === '.' ? path : `${base}/${path}`
}

function joinMaybe(base: string | undefined, path: string | undefined): string | undefined {
  return base === undefined || path === undefined ? undefined : join(base, path)
}

/** The words as plan-gate read them, for reasons and the log (run-time words as `…`). */
export function render(words: readonly Word[]): string {
  return words.map((w) => (w.value === undefined ? '…' : quote(w.value))).join(' ')
}

function quote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`
}
