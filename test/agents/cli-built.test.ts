/**
 * The built CLI (dist/cli/index.js, from `npm run build`) run as each agent runs its hook: a
 * child process, the payload on stdin, the exit code, stdout and stderr. This also proves the
 * shell parser's chunk loads from the bundle. A stale dist/ fails it (npm run build).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { requireFreshDist } from '../dist.js'
import { ROOT } from '../helpers.js'

const BIN = join(ROOT, 'dist', 'cli', 'index.js')
const PAYLOADS = join(ROOT, 'test', 'agents', 'payloads')

if (!existsSync(BIN)) {
  test.skip('skipped: dist/cli/index.js is not built (npm run build)', () => undefined)
} else {
  // A bundle built from other sources fails the test with what to do.
  beforeAll(() => requireFreshDist('cli'))
  const project = mkdtempSync(join(tmpdir(), 'plan-gate-built-'))
  afterAll(() => rmSync(project, { recursive: true, force: true }))

  const run = (agent: string, file: string, command: string) => {
    const p = JSON.parse(readFileSync(join(PAYLOADS, file), 'utf8')) as Record<string, unknown>
    p['cwd'] = project
    if (agent === 'cursor') p['command'] = command
    else (p['tool_input'] as Record<string, unknown>)['command'] = command
    const r = spawnSync(process.execPath, [BIN, 'hook', '--agent', agent], {
      input: JSON.stringify(p),
      cwd: project,
      env: { PATH: process.env['PATH'], HOME: project },
      encoding: 'utf8',
      timeout: 60_000
    })
    return { code: r.status, stdout: r.stdout, stderr: r.stderr }
  }

  describe('the built CLI as each agent runs it', () => {
    test('Claude Code', () => {
      const file = 'claude-pretooluse-bash.json'
      expect(run('claude', file, 'npm test')).toEqual({ code: 0, stdout: '', stderr: '' })
      const ask = run('claude', file, "bash -c 'terraform state rm aws_db_instance.main'")
      expect(ask.code).toBe(0)
      expect(JSON.parse(ask.stdout)).toMatchObject({
        hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'ask' }
      })
      const deny = run('claude', file, 'sudo terraform destroy -auto-approve')
      expect(deny.code).toBe(2)
      expect(deny.stdout).toBe('')
      expect(deny.stderr).toContain('PG-A03')
    })

    test('Cursor', () => {
      const file = 'cursor-beforeshellexecution.json'
      expect(JSON.parse(run('cursor', file, 'npm install express').stdout)).toEqual({
        permission: 'allow'
      })
      const ask = run('cursor', file, 'aws rds delete-db-instance --db-instance-identifier orders')
      expect(ask.code).toBe(0)
      expect(JSON.parse(ask.stdout)).toMatchObject({
        permission: 'ask',
        user_message: expect.stringContaining('RDS')
      })
      const deny = run('cursor', file, 'terragrunt run-all apply')
      expect(deny.code).toBe(2)
      expect(JSON.parse(deny.stdout)).toMatchObject({
        permission: 'deny',
        agent_message: expect.stringContaining('PG-A06')
      })
    })

    test('Gemini CLI', () => {
      const file = 'gemini-beforetool-shell.json'
      expect(run('gemini', file, 'ls -la')).toEqual({ code: 0, stdout: '{}\n', stderr: '' })
      const deny = run('gemini', file, 'tofu apply')
      expect(deny.code).toBe(2)
      expect(deny.stdout).toBe('')
      expect(deny.stderr).toContain('PG-A02')
    })

    test('a crash path: a command that is not shell blocks, one line, no stack', () => {
      const r = run('claude', 'claude-pretooluse-bash.json', 'terraform apply "unterminated')
      expect(r.code).toBe(2)
      expect(r.stderr.trim().split('\n')).toHaveLength(1)
      expect(r.stderr).toContain('cannot parse the command')
    })
  })
}
