/** `plan-gate hook install|uninstall`: merged into each agent's settings, idempotent, reversible. */
import { afterAll, describe, expect, test } from '@jest/globals'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { diffLines, install, uninstall } from '../../src/agents/install.js'
import { cli } from '../helpers.js'

const root = mkdtempSync(join(tmpdir(), 'plan-gate-install-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

const USER_CLAUDE = {
  permissions: { allow: ['Bash(npm test)'] },
  hooks: {
    PreToolUse: [
      { matcher: 'Bash', hooks: [{ type: 'command', command: './scripts/log-bash.sh' }] }
    ],
    PostToolUse: [{ matcher: 'Write', hooks: [{ type: 'command', command: 'prettier --write' }] }]
  }
}
const USER_CURSOR = {
  version: 1,
  hooks: {
    beforeShellExecution: [{ command: './hooks/audit.sh' }],
    afterFileEdit: [{ command: './hooks/format.sh' }]
  }
}
const USER_GEMINI = {
  general: { vimMode: true },
  hooks: {
    BeforeTool: [{ matcher: 'write_file', hooks: [{ type: 'command', command: './lint.sh' }] }]
  }
}

const CASES = [
  ['claude', '.claude/settings.json', USER_CLAUDE],
  ['cursor', '.cursor/hooks.json', USER_CURSOR],
  ['gemini', '.gemini/settings.json', USER_GEMINI]
] as const

describe.each(CASES)('%s', (agent, file, user) => {
  const dir = join(root, agent)
  const path = join(dir, file)

  test("install merges, shows the change, keeps the user's hooks and settings", async () => {
    mkdirSync(join(path, '..'), { recursive: true })
    const original = `${JSON.stringify(user, null, 2)}\n`
    writeFileSync(path, original)
    const r = await cli(['hook', 'install', '--agent', agent, '--dir', dir])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('installed the plan-gate hook')
    expect(r.stdout).toContain(`+ `)
    expect(r.stdout).toContain(`plan-gate hook --agent ${agent} || exit 2`)
    const after = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
    // Every key and hook of the user's is still there.
    const text = JSON.stringify(after)
    for (const needle of [
      './scripts/log-bash.sh',
      'prettier --write',
      'Bash(npm test)',
      './hooks/audit.sh',
      './hooks/format.sh',
      'vimMode',
      './lint.sh'
    ])
      if (original.includes(needle)) expect(text).toContain(needle)
    if (agent === 'claude')
      expect(after).toMatchObject({
        hooks: {
          PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command' }] }, { matcher: 'Bash' }]
        }
      })
    if (agent === 'cursor')
      expect(after).toMatchObject({
        version: 1,
        hooks: {
          beforeShellExecution: [
            { command: expect.stringContaining('plan-gate hook') },
            { command: './hooks/audit.sh' }
          ]
        }
      })
    if (agent === 'gemini')
      expect(after).toMatchObject({
        hooks: {
          BeforeTool: [
            { matcher: 'run_shell_command', hooks: [{ type: 'command', name: 'plan-gate' }] },
            { matcher: 'write_file' }
          ]
        }
      })
  })

  test('install again changes nothing', async () => {
    const before = readFileSync(path, 'utf8')
    const r = await cli(['hook', 'install', '--agent', agent, '--dir', dir])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('nothing changed')
    expect(readFileSync(path, 'utf8')).toBe(before)
  })

  test("a different --command replaces plan-gate's own entry, not the user's", async () => {
    await cli([
      'hook',
      'install',
      '--agent',
      agent,
      '--dir',
      dir,
      '--command',
      `/opt/bin/plan-gate hook --agent ${agent} || exit 2`
    ])
    const text = readFileSync(path, 'utf8')
    expect(text.match(/plan-gate hook/g)).toHaveLength(1)
    expect(text).toContain('/opt/bin/plan-gate')
  })

  test("uninstall removes only plan-gate's hook", async () => {
    const r = await cli(['hook', 'uninstall', '--agent', agent, '--dir', dir])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('- ')
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(user)
    expect((await cli(['hook', 'uninstall', '--agent', agent, '--dir', dir])).stdout).toContain(
      'nothing changed'
    )
  })

  test('into a project without settings, and back', async () => {
    const fresh = join(root, `${agent}-fresh`)
    expect((await cli(['hook', 'install', '--agent', agent, '--dir', fresh])).code).toBe(0)
    expect(existsSync(join(fresh, file))).toBe(true)
    expect((await cli(['hook', 'uninstall', '--agent', agent, '--dir', fresh])).code).toBe(0)
    const left = JSON.parse(readFileSync(join(fresh, file), 'utf8')) as Record<string, unknown>
    expect(left['hooks']).toBeUndefined()
  })

  test('a settings file that is not JSON is left alone', async () => {
    const broken = join(root, `${agent}-broken`)
    mkdirSync(join(broken, file, '..'), { recursive: true })
    writeFileSync(join(broken, file), '{ "hooks": ')
    const r = await cli(['hook', 'install', '--agent', agent, '--dir', broken])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('not valid JSON')
    expect(readFileSync(join(broken, file), 'utf8')).toBe('{ "hooks": ')
  })
})

test('install needs --agent', async () => {
  const r = await cli(['hook', 'install'])
  expect(r.code).toBe(2)
  expect(r.stderr).toContain('--agent')
})

test('hooks of the wrong type are reported, not overwritten', () => {
  expect(() =>
    install('claude', JSON.stringify({ hooks: { PreToolUse: {} } }), 'plan-gate hook')
  ).toThrow('not an array')
  expect(() => install('claude', JSON.stringify({ hooks: [] }), 'plan-gate hook')).toThrow(
    'not an object'
  )
  expect(uninstall('claude', undefined).changed).toBe(false)
})

test('diffLines marks added and removed lines', () => {
  expect(diffLines('a\nb\nc\n', 'a\nx\nc\n')).toBe('  a\n+ x\n- b\n  c\n')
})
