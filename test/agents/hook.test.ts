/**
 * `plan-gate hook` as each agent runs it (in process): the vendored payloads with other
 * commands in them, the answer in each agent's documented shape, the crash paths (each a block)
 * and the audit log.
 */
import { afterAll, describe, expect, test } from '@jest/globals'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cli, ROOT } from '../helpers.js'

const PAYLOADS = join(ROOT, 'test', 'agents', 'payloads')
const project = mkdtempSync(join(tmpdir(), 'plan-gate-hook-'))
afterAll(() => rmSync(project, { recursive: true, force: true }))

type Agent = 'claude' | 'cursor' | 'gemini'
const FILES: Record<Agent, string> = {
  claude: 'claude-pretooluse-bash.json',
  cursor: 'cursor-beforeshellexecution.json',
  gemini: 'gemini-beforetool-shell.json'
}

function payload(agent: Agent, command: string, extra: Record<string, unknown> = {}): string {
  const p = JSON.parse(readFileSync(join(PAYLOADS, FILES[agent]), 'utf8')) as Record<
    string,
    unknown
  >
  p['cwd'] = project
  if (agent === 'cursor') {
    p['command'] = command
    p['workspace_roots'] = [project]
  } else (p['tool_input'] as Record<string, unknown>)['command'] = command
  return JSON.stringify({ ...p, ...extra })
}

const env = { PATH: process.env['PATH'], HOME: project }

async function hook(agent: Agent | undefined, stdin: string, args: string[] = []) {
  return cli(['hook', ...(agent === undefined ? [] : ['--agent', agent]), ...args], {
    stdin,
    cwd: project,
    env
  })
}

describe('the documented answer shapes', () => {
  test('claude: allow is silent, ask is JSON, deny is exit 2 with the reason on stderr', async () => {
    const allow = await hook('claude', payload('claude', 'npm test'))
    expect(allow).toEqual({ code: 0, stdout: '', stderr: '' })
    const ask = await hook('claude', payload('claude', 'terraform state rm aws_db_instance.main'))
    expect(ask.code).toBe(0)
    const out = JSON.parse(ask.stdout) as { hookSpecificOutput: Record<string, string> }
    expect(out.hookSpecificOutput['hookEventName']).toBe('PreToolUse')
    expect(out.hookSpecificOutput['permissionDecision']).toBe('ask')
    expect(out.hookSpecificOutput['permissionDecisionReason']).toContain('PG-A07')
    const deny = await hook('claude', payload('claude', 'terraform destroy -auto-approve'))
    expect(deny.code).toBe(2)
    expect(deny.stdout).toBe('')
    expect(deny.stderr).toContain('PG-A03')
    expect(deny.stderr).toContain('terraform plan -destroy -out=tfplan')
  })

  test('cursor: permission allow / ask / deny, with user and agent messages', async () => {
    const allow = await hook('cursor', payload('cursor', 'npm install express'))
    expect(allow.code).toBe(0)
    expect(JSON.parse(allow.stdout)).toEqual({ permission: 'allow' })
    const ask = await hook('cursor', payload('cursor', 'kubectl delete ns prod'))
    expect(ask.code).toBe(0)
    const a = JSON.parse(ask.stdout) as Record<string, string>
    expect(a['permission']).toBe('ask')
    expect(a['user_message']).toContain('PG-A12')
    expect(a['agent_message']).toContain('PG-A12')
    const deny = await hook('cursor', payload('cursor', 'terraform apply'))
    expect(deny.code).toBe(2)
    const d = JSON.parse(deny.stdout) as Record<string, string>
    expect(d['permission']).toBe('deny')
    expect(d['agent_message']).toContain('terraform plan -out=tfplan')
  })

  test('gemini: {} for allow; no ask, so an ask becomes a block that says how a human runs it', async () => {
    const allow = await hook('gemini', payload('gemini', 'ls -la'))
    expect(allow).toEqual({ code: 0, stdout: '{}\n', stderr: '' })
    const ask = await hook('gemini', payload('gemini', 'terraform state rm x'))
    expect(ask.code).toBe(2)
    expect(ask.stdout).toBe('')
    expect(ask.stderr).toContain('Gemini CLI hooks cannot ask')
    expect(ask.stderr).toContain('plan-gate exec')
    const deny = await hook('gemini', payload('gemini', 'tofu destroy'))
    expect(deny.code).toBe(2)
    expect(deny.stderr).toContain('PG-A03')
  })

  test('gemini: dir_path is where the command runs', async () => {
    const deny = await hook(
      'gemini',
      payload('gemini', 'terraform apply tfplan', {}).replace(
        '"description"',
        '"dir_path":"infra","description"'
      )
    )
    expect(deny.code).toBe(2)
    expect(deny.stderr).toContain('PG-A15')
  })

  test('claude without prompts (bypassPermissions, dontAsk): an ask becomes a deny', async () => {
    for (const mode of ['bypassPermissions', 'dontAsk']) {
      const r = await hook(
        'claude',
        payload('claude', 'terraform taint aws_instance.web', { permission_mode: mode })
      )
      expect(r.code).toBe(2)
      expect(r.stderr).toContain('runs without prompts')
    }
  })

  test('tools that are not shells get no objection', async () => {
    const write = await hook(
      'claude',
      readFileSync(join(PAYLOADS, 'claude-pretooluse-write.json'), 'utf8')
    )
    expect(write).toEqual({ code: 0, stdout: '', stderr: '' })
    const read = await hook(
      'gemini',
      readFileSync(join(PAYLOADS, 'gemini-beforetool-read-file.json'), 'utf8')
    )
    expect(read).toEqual({ code: 0, stdout: '{}\n', stderr: '' })
  })

  test('the agent is detected from the payload when --agent is not given', async () => {
    expect((await hook(undefined, payload('cursor', 'terraform destroy'))).stdout).toContain(
      '"permission":"deny"'
    )
    expect((await hook(undefined, payload('gemini', 'ls'))).stdout).toBe('{}\n')
  })
})

describe('fail closed: every crash path blocks with one line', () => {
  const cases: [string, Agent | undefined, string][] = [
    ['bad JSON', 'claude', '{"hook_event_name": "PreToolUse", '],
    ['empty stdin', 'claude', ''],
    ['a JSON array', 'claude', '[]'],
    ['unknown payload shape', 'claude', JSON.stringify({ event: 'something', command: 'ls' })],
    [
      'unknown hook event',
      undefined,
      JSON.stringify({ hook_event_name: 'AfterTool', tool_name: 'Bash' })
    ],
    [
      'payload of another agent',
      'claude',
      JSON.stringify({ hook_event_name: 'beforeShellExecution', command: 'ls', cwd: '/' })
    ],
    [
      'Bash without a command',
      'claude',
      JSON.stringify({ hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: {} })
    ],
    [
      'command not a string',
      'claude',
      JSON.stringify({
        hook_event_name: 'PreToolUse',
        tool_name: 'Bash',
        tool_input: { command: ['terraform', 'destroy'] }
      })
    ],
    [
      'cwd not a string',
      'claude',
      JSON.stringify({
        hook_event_name: 'PreToolUse',
        tool_name: 'Bash',
        cwd: 7,
        tool_input: { command: 'ls' }
      })
    ],
    [
      'cursor without a command',
      'cursor',
      JSON.stringify({ hook_event_name: 'beforeShellExecution', cwd: '/' })
    ],
    ['unparseable command', 'claude', 'PARSE'],
    ['unreadable plan (missing)', 'claude', 'MISSING'],
    ['unreadable plan (not a plan file)', 'claude', 'NOTZIP'],
    ['unreadable plan (a directory)', 'claude', 'DIR'],
    ['unknown option', 'claude', 'OPTION']
  ]
  test.each(cases)('%s', async (_name, agent, stdin) => {
    writeFileSync(join(project, 'notzip.tfplan'), '{"format_version": "1.2"}')
    mkdirSync(join(project, 'planDir'), { recursive: true })
    const commands: Record<string, string> = {
      PARSE: "terraform apply 'unterminated",
      MISSING: 'terraform apply missing.tfplan',
      NOTZIP: 'terraform apply notzip.tfplan',
      DIR: 'terraform apply planDir'
    }
    const input =
      commands[stdin] !== undefined
        ? payload('claude', commands[stdin] as string)
        : stdin === 'OPTION'
          ? payload('claude', 'ls')
          : stdin
    const r = await hook(agent, input, stdin === 'OPTION' ? ['--frobnicate'] : [])
    expect(r.code).toBe(2)
    if (agent === 'cursor') expect(JSON.parse(r.stdout)).toMatchObject({ permission: 'deny' })
    else expect(r.stdout).toBe('')
    expect(r.stderr.trim().length).toBeGreaterThan(0)
    if (!['MISSING', 'NOTZIP', 'DIR'].includes(stdin))
      expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).toMatch(/^plan-gate/)
    expect(r.stderr).not.toMatch(/at .*\.(ts|js):\d+/)
  })

  test('cursor crash paths also answer deny in JSON', async () => {
    const r = await hook('cursor', 'not json')
    expect(r.code).toBe(2)
    expect(JSON.parse(r.stdout)).toMatchObject({ permission: 'deny' })
  })

  test('a payload over 1 MB is refused', async () => {
    const r = await hook('claude', payload('claude', `echo ${'x'.repeat(1 << 20)}`))
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('larger than')
  })

  test('an audit log that cannot be written blocks a Terraform command (no record, no apply)', async () => {
    writeFileSync(join(project, 'afile'), '')
    const r = await hook('claude', payload('claude', 'terraform plan'), [
      '--audit-log',
      join(project, 'afile', 'log.jsonl')
    ])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('PG-A16')
  })
})

describe('the audit log', () => {
  test('one JSON line per decision, secrets redacted, nothing for unrelated commands', async () => {
    const log = join(project, 'custom', 'audit.jsonl')
    rmSync(log, { force: true })
    await hook('claude', payload('claude', 'ls -la'), ['--audit-log', log])
    expect(existsSync(log)).toBe(false)
    await hook(
      'claude',
      payload(
        'claude',
        "TF_VAR_db_password=hunter2 terraform apply -var 'admin_password=hunter2' -var=token=hunter2"
      ),
      ['--audit-log', log]
    )
    await hook('claude', payload('claude', 'terraform state rm aws_db_instance.main'), [
      '--audit-log',
      log
    ])
    await hook('claude', payload('claude', 'oops {'), ['--audit-log', log])
    const text = readFileSync(log, 'utf8')
    expect(text).not.toContain('hunter2')
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatchObject({
      agent: 'claude',
      session: 'abc123',
      cwd: project,
      decision: 'deny',
      rules: ['PG-A02'],
      fingerprints: []
    })
    expect(lines[0]?.['command']).toBe('TF_VAR_db_password=*** terraform apply -var *** -var=***')
    expect(typeof lines[0]?.['time']).toBe('string')
    expect(lines[1]).toMatchObject({ decision: 'ask', rules: ['PG-A07'] })
  })

  test('the default log lives under the project, in a folder git ignores', async () => {
    await hook('cursor', payload('cursor', 'terraform destroy'))
    const line = JSON.parse(
      readFileSync(join(project, '.plan-gate', 'audit.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .pop() as string
    ) as Record<string, unknown>
    expect(line).toMatchObject({ agent: 'cursor', session: 'conv-123', decision: 'deny' })
    expect(readFileSync(join(project, '.plan-gate', '.gitignore'), 'utf8')).toBe('*\n')
  })

  test('PLAN_GATE_AUDIT_LOG moves it', async () => {
    const log = join(project, 'env-log.jsonl')
    await cli(['hook', '--agent', 'claude'], {
      stdin: payload('claude', 'terraform taint x'),
      cwd: project,
      env: { ...env, PLAN_GATE_AUDIT_LOG: log }
    })
    expect(readFileSync(log, 'utf8')).toContain('PG-A10')
  })
})

test('a terminal on stdin is not a payload: blocked at once instead of waiting', async () => {
  let stderr = ''
  const { run } = await import('../../src/cli.js')
  const code = await run(['hook', '--agent', 'claude'], {
    cwd: project,
    stdin: Object.assign((async function* () {})(), { isTTY: true }),
    stdout: { write: () => true },
    stderr: { write: (t: string) => (stderr += t) },
    env
  })
  expect(code).toBe(2)
  expect(stderr).toContain('not a terminal')
})

describe('--data-rules: more data-destroying commands, as data', () => {
  test('a rule from the file asks; a bad file blocks', async () => {
    const file = join(project, 'rules.json')
    writeFileSync(
      file,
      JSON.stringify([
        {
          key: 'acme-db-drop',
          programs: ['acmectl'],
          path: ['db', ['drop', 'purge']],
          what: 'an Acme database'
        }
      ])
    )
    const ask = await hook('claude', payload('claude', 'acmectl --profile prod db purge orders'), [
      '--data-rules',
      file
    ])
    expect(JSON.parse(ask.stdout)).toMatchObject({
      hookSpecificOutput: {
        permissionDecision: 'ask',
        permissionDecisionReason: expect.stringContaining('an Acme database')
      }
    })
    expect(
      (await hook('claude', payload('claude', 'acmectl db list'), ['--data-rules', file])).code
    ).toBe(0)
    for (const bad of [
      '{',
      '{}',
      JSON.stringify([{ key: 'x', programs: [], what: 'y' }]),
      JSON.stringify([{ key: 'x', programs: ['p'], what: 'y', check: 'nope' }])
    ]) {
      writeFileSync(file, bad)
      const r = await hook('claude', payload('claude', 'acmectl db purge x'), [
        '--data-rules',
        file
      ])
      expect(r.code).toBe(2)
      expect(r.stderr).toContain('--data-rules')
    }
  })
})
