/**
 * `plan-gate exec -- <command>`: the same rulings, the real program runs only when allowed,
 * an approval is a code typed at a terminal, no terminal means no. A fake `terraform` on PATH
 * records what it was run with.
 */
import { afterAll, describe, expect, test } from '@jest/globals'
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { run } from '../../src/cli.js'

const root = mkdtempSync(join(tmpdir(), 'plan-gate-exec-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))
const bin = join(root, 'bin')
const shims = join(root, 'shims')
const record = join(root, 'ran.txt')
mkdirSync(bin)
writeFileSync(join(bin, 'terraform'), `#!/bin/sh\necho "$@" >> ${record}\nexit 3\n`)
chmodSync(join(bin, 'terraform'), 0o755)

async function exec(
  argv: string[],
  options: { tty?: boolean; answer?: string; path?: string } = {}
) {
  let stdout = ''
  let stderr = ''
  const answer = options.answer
  const stdin = Object.assign(
    (async function* () {
      if (answer !== undefined) yield Buffer.from(`${answer}\n`)
    })(),
    { isTTY: options.tty ?? false }
  )
  const code = await run(['exec', ...argv], {
    cwd: root,
    stdin,
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t), isTTY: options.tty ?? false },
    env: {
      PATH: options.path ?? `${bin}:/usr/bin:/bin`,
      HOME: root,
      PLAN_GATE_AUDIT_LOG: join(root, 'audit.jsonl')
    }
  })
  return { code, stdout, stderr }
}

function ran(): string {
  return existsSync(record) ? readFileSync(record, 'utf8') : ''
}

describe('plan-gate exec', () => {
  test('an allowed command runs the real program and passes its exit code on', async () => {
    rmSync(record, { force: true })
    const r = await exec(['--', 'terraform', 'plan', '-out=tfplan'])
    expect(r.code).toBe(3)
    expect(ran()).toBe('plan -out=tfplan\n')
  })

  test('a denied command does not run, and says what to do instead', async () => {
    rmSync(record, { force: true })
    const r = await exec(['--', 'terraform', 'destroy', '-auto-approve'])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('PG-A03')
    expect(r.stderr).toContain('terraform plan -destroy -out=tfplan')
    expect(ran()).toBe('')
  })

  test('an ask without a terminal is refused', async () => {
    rmSync(record, { force: true })
    const r = await exec(['--', 'terraform', 'state', 'rm', 'aws_db_instance.main'])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('no terminal')
    expect(ran()).toBe('')
  })

  test('an ask at a terminal runs only when the code is typed', async () => {
    rmSync(record, { force: true })
    const wrong = await exec(['--', 'terraform', 'state', 'rm', 'aws_db_instance.main'], {
      tty: true,
      answer: 'yes'
    })
    expect(wrong.code).toBe(1)
    expect(ran()).toBe('')
    const code = /Type ([0-9a-f]{6}) to go ahead/.exec(wrong.stderr)?.[1]
    expect(code).toBeDefined()
    const right = await exec(['--', 'terraform', 'state', 'rm', 'aws_db_instance.main'], {
      tty: true,
      answer: code as string
    })
    expect(right.code).toBe(3)
    expect(ran()).toBe('state rm aws_db_instance.main\n')
    const log = readFileSync(join(root, 'audit.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(log.at(-1)).toMatchObject({
      agent: 'exec',
      decision: 'ask',
      approval: 'typed-code',
      rules: ['PG-A07']
    })
    expect(log.at(-2)).toMatchObject({ approval: 'refused' })
  })

  test('the shims run through plan-gate, and exec skips them to find the real program', async () => {
    const w = await exec(['--shim', shims])
    expect(w.code).toBe(0)
    const shim = readFileSync(join(shims, 'terraform'), 'utf8')
    expect(shim).toContain('exec plan-gate exec -- terraform "$@"')
    rmSync(record, { force: true })
    // The shim directory comes first in PATH; exec must not run the shim (it would loop).
    const r = await exec(['--', 'terraform', 'validate'], { path: `${shims}:${bin}:/usr/bin:/bin` })
    expect(r.code).toBe(3)
    expect(ran()).toBe('validate\n')
  })

  test('a program that is not on PATH', async () => {
    const r = await exec(['--', 'terraform', 'plan'], { path: '/nonexistent' })
    expect(r.code).toBe(127)
  })

  test('no command is a usage error', async () => {
    expect((await exec([])).code).toBe(2)
  })

  test('a saved plan that cannot be read is refused', async () => {
    rmSync(record, { force: true })
    writeFileSync(join(root, 'fake.tfplan'), 'not a zip')
    const r = await exec(['--', 'terraform', 'apply', 'fake.tfplan'])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('PG-A15')
    expect(ran()).toBe('')
  })
})

test('children that read plans get PATH, HOME and TF_* only', async () => {
  const { minimalEnv } = await import('../../src/agents/command.js')
  expect(
    minimalEnv({
      PATH: '/bin',
      HOME: '/h',
      TF_CLI_CONFIG_FILE: '/c',
      TF_LOG: 'x',
      AWS_SECRET_ACCESS_KEY: 's',
      GITHUB_TOKEN: 't',
      NOT_TF_X: 'y'
    })
  ).toEqual({ PATH: '/bin', HOME: '/h', TF_CLI_CONFIG_FILE: '/c', TF_LOG: 'x' })
})
