/**
 * The hook with the real Terraform: saved plans made by `terraform plan -out` from a
 * configuration of built-in `terraform_data` resources (no provider download), gated through
 * `terraform show -json` with a minimal environment. Skipped where terraform is absent.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { cli } from '../helpers.js'

const terraform = (process.env['PATH'] ?? '')
  .split(delimiter)
  .map((d) => join(d, 'terraform'))
  .find((p) => existsSync(p))

if (terraform === undefined) {
  test.skip('skipped: terraform is not on PATH', () => undefined)
} else {
  const root = mkdtempSync(join(tmpdir(), 'plan-gate-tf-'))
  const stack = join(root, 'stack')
  const env = {
    PATH: process.env['PATH'],
    HOME: root,
    TF_CLI_CONFIG_FILE: join(root, 'terraformrc'),
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    // Not passed on to `terraform show`: the hook gives children PATH, HOME and TF_* only.
    AWS_SECRET_ACCESS_KEY: 'must-not-reach-children'
  }
  const tf = (...args: string[]): string =>
    execFileSync(terraform, args, { cwd: stack, env, encoding: 'utf8' })
  const resources = (names: string[]): string =>
    names.map((n) => `resource "terraform_data" "${n}" {\n  input = "${n}"\n}\n`).join('\n')

  beforeAll(() => {
    mkdirSync(stack)
    writeFileSync(env.TF_CLI_CONFIG_FILE, '# no providers to install: terraform_data is built in\n')
    writeFileSync(join(stack, 'main.tf'), resources(['a', 'b']))
    tf('init', '-input=false', '-no-color')
    tf('plan', '-input=false', '-no-color', '-out=create.tfplan')
  }, 120_000)
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  const payload = (command: string): string =>
    JSON.stringify({
      session_id: 'tf-test',
      cwd: root,
      hook_event_name: 'PreToolUse',
      tool_name: 'Bash',
      permission_mode: 'default',
      tool_input: { command }
    })
  const hook = (command: string, agent = 'claude') =>
    cli(['hook', '--agent', agent], {
      stdin:
        agent === 'gemini'
          ? payload(command)
              .replace('"PreToolUse"', '"BeforeTool"')
              .replace('"Bash"', '"run_shell_command"')
          : payload(command),
      cwd: root,
      env
    })

  describe('with the real terraform', () => {
    test('a saved plan that only creates is allowed', async () => {
      const r = await hook('terraform -chdir=stack apply create.tfplan')
      expect(r.code).toBe(0)
      const out = JSON.parse(r.stdout) as { hookSpecificOutput: Record<string, string> }
      expect(out.hookSpecificOutput['permissionDecision']).toBe('allow')
      expect(out.hookSpecificOutput['permissionDecisionReason']).toContain('passed the saved plan')
      const same = await hook('cd stack && terraform apply create.tfplan', 'gemini')
      expect(same.code).toBe(0)
    }, 120_000)

    describe('after it is applied', () => {
      beforeAll(() => {
        tf('apply', '-input=false', '-no-color', 'create.tfplan')
        // terraform_data.b becomes a protected type; removing it from the configuration deletes it.
        writeFileSync(join(root, '.plan-gate.yml'), 'protect:\n  types: ["terraform_data"]\n')
        writeFileSync(join(stack, 'main.tf'), resources(['a']))
        tf('plan', '-input=false', '-no-color', '-out=delete.tfplan')
        tf('plan', '-input=false', '-no-color', '-destroy', '-out=destroy.tfplan')
      }, 120_000)

      test('a saved plan that deletes a protected resource is put to a human (ask), or denied where the agent cannot ask', async () => {
        const r = await hook('terraform -chdir=stack apply delete.tfplan')
        expect(r.code).toBe(0)
        const out = JSON.parse(r.stdout) as { hookSpecificOutput: Record<string, string> }
        expect(out.hookSpecificOutput['permissionDecision']).toBe('ask')
        expect(out.hookSpecificOutput['permissionDecisionReason']).toContain('terraform_data.b')
        const gemini = await hook('terraform -chdir=stack apply delete.tfplan', 'gemini')
        expect(gemini.code).toBe(2)
        expect(gemini.stderr).toContain('terraform_data.b')
      }, 120_000)

      test('a saved plan that destroys everything is blocked', async () => {
        const r = await hook('cd stack && terraform apply destroy.tfplan')
        expect(r.code).toBe(2)
        expect(r.stderr).toContain('plan-gate blocks the saved plan destroy.tfplan')
      }, 120_000)

      test('destroy -auto-approve is denied', async () => {
        const r = await hook('terraform -chdir=stack destroy -auto-approve')
        expect(r.code).toBe(2)
        expect(r.stderr).toContain('PG-A03')
      })

      test('the audit log has the fingerprints and plan hashes, and no values', () => {
        const lines = readFileSync(join(root, '.plan-gate', 'audit.jsonl'), 'utf8')
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as Record<string, unknown>)
        const ask = lines.find((l) => l['decision'] === 'ask')
        expect(ask?.['fingerprints']).toEqual([expect.stringMatching(/^sha256:[0-9a-f]{64}$/)])
        expect(ask?.['planSha256']).toEqual([expect.stringMatching(/^sha256:[0-9a-f]{64}$/)])
        expect(JSON.stringify(lines)).not.toContain('"input"')
      })

      test('exec refuses the delete without a terminal, and terraform never runs it', async () => {
        const r = await cli(['exec', '--', 'terraform', '-chdir=stack', 'apply', 'delete.tfplan'], {
          cwd: root,
          env
        })
        expect(r.code).toBe(1)
        expect(tf('state', 'list')).toContain('terraform_data.b')
      }, 120_000)
    })
  })
}
