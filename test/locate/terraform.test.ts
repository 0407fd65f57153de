/**
 * The locator on what real Terraform writes: `terraform init` records a local module and a
 * remote one (a git repository, downloaded into .terraform/modules) in modules.json; a destroy
 * plan of `terraform_data` resources (no provider download) goes through the CLI as SARIF.
 * Skipped, saying why, where terraform or git is absent.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cli } from '../helpers.js'
import { writeLayout } from './layouts.js'

const has = (bin: string): boolean => spawnSync(bin, ['version'], { stdio: 'ignore' }).status === 0
const READY = has('terraform') && has('git')
const describeReal = READY ? describe : describe.skip
if (!READY) test.skip('skipped: terraform or git is not installed', () => undefined)

describeReal('the locator on a real terraform init and plan', () => {
  let root: string
  let remote: string
  let env: Record<string, string | undefined>

  beforeAll(() => {
    // The "remote" module: a git repository Terraform downloads with go-getter.
    remote = mkdtempSync(join(tmpdir(), 'plan-gate-remote-module-'))
    writeFileSync(
      join(remote, 'main.tf'),
      'resource "terraform_data" "remote" {\n  input = "r"\n}\n'
    )
    const git = (...args: string[]): void => {
      execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], {
        cwd: remote,
        stdio: 'ignore'
      })
    }
    git('init', '-q', '.')
    git('add', 'main.tf')
    git('commit', '-qm', 'module')
    root = writeLayout({
      'infra/main.tf': [
        'module "tenants" {',
        '  source   = "../modules/tenant"',
        '  for_each = toset(["a", "b"])',
        '}',
        '',
        'resource "terraform_data" "root" {',
        '  input = "x"',
        '}',
        '',
        'module "shared" {',
        `  source = "git::file://${remote}"`,
        '}',
        ''
      ].join('\n'),
      'modules/tenant/main.tf': '\n\nresource "terraform_data" "this" {\n  input = "y"\n}\n',
      // No provider is downloaded: terraform_data is built in.
      'cli.tfrc': 'provider_installation {\n  direct {\n    exclude = ["*/*"]\n  }\n}\n',
      '.git/HEAD': 'ref: refs/heads/main\n'
    })
    env = {
      PATH: process.env['PATH'],
      HOME: root,
      TF_CLI_CONFIG_FILE: join(root, 'cli.tfrc'),
      TF_IN_AUTOMATION: '1',
      CHECKPOINT_DISABLE: '1'
    }
    const tf = (...args: string[]): void => {
      execFileSync('terraform', [...args, '-input=false', '-no-color'], {
        cwd: join(root, 'infra'),
        env: env as NodeJS.ProcessEnv,
        stdio: 'ignore',
        timeout: 120_000
      })
    }
    tf('init')
    tf('apply', '-auto-approve')
    tf('plan', '-destroy', '-out=tfplan')
    const json = execFileSync('terraform', ['show', '-json', 'tfplan'], {
      cwd: join(root, 'infra'),
      env: env as NodeJS.ProcessEnv,
      maxBuffer: 64 * 1024 * 1024
    })
    writeFileSync(join(root, 'infra', 'plan.json'), json)
  }, 240_000)

  afterAll(() => {
    for (const dir of [root, remote])
      if (dir !== undefined) rmSync(dir, { recursive: true, force: true })
  })

  test('SARIF points at the resource block, the local module block, and the remote call', async () => {
    const result = await cli(['infra/plan.json', '--format', 'sarif'], {
      cwd: root,
      env: { PATH: process.env['PATH'], GITHUB_WORKSPACE: root }
    })
    const log = JSON.parse(result.stdout) as {
      runs: {
        results: {
          locations: {
            physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } }
            logicalLocations: { fullyQualifiedName: string }[]
          }[]
        }[]
      }[]
    }
    const where = Object.fromEntries(
      (log.runs[0]?.results ?? []).map((r) => {
        const l = r.locations[0]
        return [
          l?.logicalLocations[0]?.fullyQualifiedName,
          `${l?.physicalLocation.artifactLocation.uri}:${l?.physicalLocation.region.startLine}`
        ]
      })
    )
    expect(where).toMatchObject({
      'terraform_data.root': 'infra/main.tf:6',
      'module.tenants["a"].terraform_data.this': 'modules/tenant/main.tf:3',
      'module.tenants["b"].terraform_data.this': 'modules/tenant/main.tf:3',
      'module.shared.terraform_data.remote': 'infra/main.tf:10'
    })
    expect(result.stdout).not.toContain(root)
  })
})
