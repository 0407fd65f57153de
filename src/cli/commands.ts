/**
 * The CLI's subcommands besides gating a plan. To add one: write its `Command` here (or in its
 * own module) and list it in COMMANDS; `--help` and argument dispatch pick it up from there.
 */
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { AgentDeps } from '../agents/command.js'
import { UserError } from '../common/errors.js'
import { nodeIO } from '../io/node.js'
import { evaluatePlans } from '../pipeline/evaluate.js'
import { STARTER_POLICY } from '../policy/starter.js'
import { renderExplain, renderRuleList } from '../report/rules.js'
import { renderRuleListJson } from '../report/rules-json.js'
import { allRules, resolveRule, ruleMeta } from '../rules/registry.js'
import { EXIT, type CliIO } from './context.js'

/** Options a command may take (parsed centrally in args.ts, with node:util). */
export type CommandOption = 'format' | 'force'

/** A command's operands and options, parsed. */
export interface CommandArgs {
  readonly operands: readonly string[]
  readonly format?: string
  readonly force: boolean
  /** Everything after the command's name, unparsed, for a command with `rawArgs`. */
  readonly raw?: readonly string[]
}

export interface Command {
  /** The word after `plan-gate`. */
  readonly name: string
  /** Its synopsis for `--help`, e.g. `explain <rule>`. */
  readonly usage: string
  /** One line for `--help`. */
  readonly summary: string
  /**
   * Runs with the arguments after the name and returns the exit code. A usage problem throws
   * a `UserError` (one line on stderr, exit 2).
   */
  run(args: CommandArgs, io: CliIO): number | Promise<number>
  /** The options it takes besides --help, --version, --color and --no-color. */
  readonly options?: readonly CommandOption[]
  /** It parses its own arguments: it must come first, and gets everything after it as is. */
  readonly rawArgs?: true
}

const rules: Command = {
  name: 'rules',
  usage: 'rules [--format json]',
  summary: 'list every rule with its id, default decision and title',
  options: ['format'],
  run(args, io) {
    if (args.operands.length > 0) throw new UserError(`usage: plan-gate ${rules.usage}`)
    const format = args.format ?? 'text'
    if (format !== 'text' && format !== 'json')
      throw new UserError(`--format must be one of text, json, not "${format.slice(0, 40)}"`)
    io.stdout.write(format === 'json' ? renderRuleListJson(allRules()) : renderRuleList(allRules()))
    return EXIT.pass
  }
}

const explain: Command = {
  name: 'explain',
  usage: 'explain <rule>',
  summary: 'explain a rule (id, slug or alias)',
  run(args, io) {
    const [reference] = args.operands
    if (args.operands.length !== 1 || reference === undefined)
      throw new UserError('usage: plan-gate explain <rule>')
    const id = resolveRule(reference)
    const rule = id === undefined ? undefined : ruleMeta(id)
    if (rule === undefined) {
      io.stderr.write(
        `plan-gate: unknown rule "${reference.slice(0, 60)}" (see \`plan-gate rules\`)\n`
      )
      return EXIT.error
    }
    io.stdout.write(renderExplain(rule))
    return EXIT.pass
  }
}

const init: Command = {
  name: 'init',
  usage: 'init [--force]',
  summary: 'write a commented starter .plan-gate.yml here',
  options: ['force'],
  run(args, io) {
    if (args.operands.length > 0) throw new UserError('usage: plan-gate init [--force]')
    const target = join(io.cwd, '.plan-gate.yml')
    if (existsSync(target) && !args.force) {
      io.stderr.write(`plan-gate: ${target} exists; use --force to overwrite\n`)
      return EXIT.error
    }
    writeFileSync(target, STARTER_POLICY)
    io.stdout.write(`wrote ${target}\n`)
    return EXIT.pass
  }
}

const doctor: Command = {
  name: 'doctor',
  usage: 'doctor --repo owner/name',
  summary: 'check the repository settings the gate relies on (GITHUB_TOKEN)',
  // It parses its own --repo/--branch/--environment options.
  rawArgs: true,
  async run(args, io) {
    // Loaded on demand: only `doctor` needs the GitHub client.
    const { runDoctor } = await import('../github/doctor-cli.js')
    return runDoctor(args.raw ?? [], io)
  }
}

/**
 * The agent hook and exec wrapper (src/agents/): a chunk of their own, loaded by these two
 * commands only, so gating a plan does not compile them.
 */
const agents = (): Promise<typeof import('../agents/command.js')> => import('../agents/command.js')

/** The agent hook and exec wrapper gate saved plans with this same pipeline. */
const agentDeps: AgentDeps = {
  evaluate: async (file, cwd, env, terraformBin) => {
    const { report } = await evaluatePlans(
      { files: [file] },
      nodeIO({
        cwd,
        env,
        stdin: (async function* () {})(),
        stderr: { write: () => true },
        ...(terraformBin === undefined ? {} : { terraformBin })
      })
    )
    return report
  }
}

const hook: Command = {
  name: 'hook',
  usage: 'hook [install|uninstall]',
  summary: 'a pre-tool hook for coding agents, and its install (see `plan-gate hook --help`)',
  rawArgs: true,
  run: async (args, io) => (await agents()).runAgents(['hook', ...(args.raw ?? [])], io, agentDeps)
}

const exec: Command = {
  name: 'exec',
  usage: 'exec -- <command…>',
  summary: 'run terraform/tofu/terragrunt only when the agent rules allow it (PATH shim: --shim)',
  rawArgs: true,
  run: async (args, io) => (await agents()).runAgents(['exec', ...(args.raw ?? [])], io, agentDeps)
}

/** Every subcommand, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [rules, explain, init, doctor, hook, exec]

/** The subcommand named `name`, if any. */
export function findCommand(name: string | undefined): Command | undefined {
  return COMMANDS.find((command) => command.name === name)
}
