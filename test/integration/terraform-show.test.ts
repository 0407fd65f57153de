/**
 * Binary plans through the real `terraform show -json`: a plan made in an initialized directory
 * is read from anywhere, and a file terraform cannot read gives its error line, not its box.
 * Skipped, with the reason, where terraform is not installed.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { cli, ROOT } from '../helpers.js'
import { terraformEnv, terraformMissing, terraformOk, writeCliConfig } from '../tools/terraform.js'

const missing = terraformMissing()
const suite = missing === undefined ? describe : describe.skip
if (missing !== undefined) console.warn(`terraform-show: skipped: ${missing}`)

suite('binary plans through the real terraform', () => {
  let dir: string
  let env: Record<string, string>
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plan-gate-show-'))
    env = terraformEnv(writeCliConfig(join(dir, 'cli')))
    writeFileSync(join(dir, 'main.tf'), 'resource "terraform_data" "a" {\n  input = "x"\n}\n')
    await terraformOk(['init', '-input=false', '-no-color'], dir, env)
    await terraformOk(['apply', '-auto-approve', '-input=false', '-no-color'], dir, env)
    await terraformOk(
      ['plan', '-destroy', '-out=destroy.tfplan', '-input=false', '-no-color'],
      dir,
      env
    )
    writeFileSync(
      join(dir, 'bad.tfplan'),
      Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(40, 7)])
    )
  }, 120_000)
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  test('a plan is read from another working directory (show runs in the plan directory)', async () => {
    const result = await cli([relative(ROOT, join(dir, 'destroy.tfplan')), '--format', 'json'], {
      env,
      cwd: ROOT
    })
    expect(result.stderr).toBe('')
    const report = JSON.parse(result.stdout) as { findings: { ruleId: string }[] }
    expect(report.findings.map((f) => f.ruleId)).toContain('PG-0009')
  })

  test('a file terraform cannot read: exit 2 with its error line, no box drawing', async () => {
    const result = await cli([join(dir, 'bad.tfplan')], { env, cwd: dir })
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(
      /^plan-gate: .*bad\.tfplan: `\S*terraform show -json` failed with exit code 1: Error: Failed to read the given file as a state or plan file\n$/
    )
    expect(result.stderr).not.toMatch(/[╷│╵]/)
  })
})
