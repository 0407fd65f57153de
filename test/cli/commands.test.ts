/** Subcommands come from one table: --help lists them, dispatch finds them, usage errors exit 2. */
import { describe, expect, test } from '@jest/globals'
import { HELP } from '../../src/cli.js'
import { COMMANDS, findCommand } from '../../src/cli/commands.js'
import { cli } from '../helpers.js'

describe('subcommands', () => {
  test('--help lists every command, in the usage line and under Commands', () => {
    for (const command of COMMANDS) {
      expect(HELP).toContain(`  ${command.usage.padEnd(26)}${command.summary}\n`)
      expect(HELP.split('\n')[1]).toContain(command.usage)
    }
  })

  test('dispatch goes by the first word only', () => {
    expect(findCommand('rules')?.name).toBe('rules')
    expect(findCommand('plan.json')).toBeUndefined()
    expect(findCommand(undefined)).toBeUndefined()
  })

  test.each([
    [['rules', 'extra'], 'usage: plan-gate rules'],
    [['explain'], 'usage: plan-gate explain <rule>'],
    [['explain', 'a', 'b'], 'usage: plan-gate explain <rule>'],
    [['init', '--frobnicate'], 'usage: plan-gate init [--force]']
  ])('%j is a usage error', async (argv, message) => {
    expect(await cli(argv)).toEqual({ code: 2, stdout: '', stderr: `plan-gate: ${message}\n` })
  })
})
