/**
 * Real Terraform for tests: the binary on PATH, the hashicorp/aws filesystem mirror, and
 * moto's server. Nothing here downloads anything: the CLI configuration installs providers only
 * from the mirror and forbids direct installation. Suites call `toolsMissing()` and report
 * themselves skipped with its reason when something is absent (a user's clone).
 */
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Where the provider mirror lives (override with PLAN_GATE_TF_MIRROR). */
export const MIRROR = process.env['PLAN_GATE_TF_MIRROR'] ?? '/opt/tf-plugins'
export const AWS_PROVIDER_DIR = join(MIRROR, 'registry.terraform.io', 'hashicorp', 'aws')

function onPath(binary: string): boolean {
  const result = spawnSync(binary, ['--version'], { stdio: 'ignore', timeout: 30_000 })
  return result.error === undefined && result.status === 0
}

/** The mirrored hashicorp/aws version (the highest, if several), or undefined. */
export function mirroredAwsVersion(): string | undefined {
  if (!existsSync(AWS_PROVIDER_DIR)) return undefined
  const versions = readdirSync(AWS_PROVIDER_DIR)
    .filter((v) => /^\d+\.\d+\.\d+$/.test(v))
    .sort((a, b) => {
      const pa = a.split('.').map(Number)
      const pb = b.split('.').map(Number)
      return (pa[0]! - pb[0]!) * 1e6 + (pa[1]! - pb[1]!) * 1e3 + (pa[2]! - pb[2]!)
    })
  return versions.at(-1)
}

let terraformChecked: boolean | undefined
/** Why the terraform-only suites cannot run here, or undefined when they can. */
export function terraformMissing(): string | undefined {
  terraformChecked ??= onPath('terraform')
  return terraformChecked ? undefined : 'terraform is not on PATH'
}

/** Why the AWS-provider suites cannot run here, or undefined when they can. */
export function awsMirrorMissing(): string | undefined {
  return (
    terraformMissing() ??
    (mirroredAwsVersion() === undefined
      ? `no hashicorp/aws provider in the filesystem mirror ${MIRROR}/registry.terraform.io`
      : undefined)
  )
}

let motoChecked: boolean | undefined
/** Why the moto suite cannot run here, or undefined when it can. */
export function motoMissing(): string | undefined {
  const missing = awsMirrorMissing()
  if (missing !== undefined) return missing
  motoChecked ??=
    spawnSync('moto_server', ['--help'], { stdio: 'ignore', timeout: 30_000 }).status === 0
  return motoChecked ? undefined : 'moto_server is not on PATH'
}

/** A CLI configuration that installs providers from the mirror only, never from the network. */
export function writeCliConfig(dir: string): string {
  mkdirSync(dir, { recursive: true })
  const path = join(dir, 'terraform.tfrc')
  writeFileSync(
    path,
    [
      'provider_installation {',
      '  filesystem_mirror {',
      `    path    = ${JSON.stringify(MIRROR)}`,
      '    include = ["registry.terraform.io/*/*"]',
      '  }',
      '  direct {',
      '    exclude = ["registry.terraform.io/*/*"]',
      '  }',
      '}',
      ''
    ].join('\n')
  )
  return path
}

/**
 * The only environment a terraform child gets: PATH, HOME, the mirror-only CLI config, no
 * checkpoint calls, no colour, and whatever the caller adds (e.g. moto's fake credentials).
 */
export function terraformEnv(
  cliConfig: string,
  extra: Record<string, string> = {}
): Record<string, string> {
  return {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: tmpdir(),
    TF_CLI_CONFIG_FILE: cliConfig,
    CHECKPOINT_DISABLE: '1',
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    ...extra
  }
}

export interface RunResult {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** Runs terraform with `args` in `cwd`; never throws on a non-zero exit. */
export function terraform(
  args: readonly string[],
  cwd: string,
  env: Record<string, string>
): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      'terraform',
      ['-chdir=' + cwd, ...args],
      { env, maxBuffer: 512 * 1024 * 1024, encoding: 'utf8', timeout: 240_000 },
      (error, stdout, stderr) => {
        const code =
          error === null ? 0 : typeof error.code === 'number' ? error.code : (error.code ?? 1)
        resolve({ code: Number(code), stdout, stderr })
      }
    )
  })
}

/** Runs terraform and fails with its stderr when it exits non-zero. */
export async function terraformOk(
  args: readonly string[],
  cwd: string,
  env: Record<string, string>
): Promise<string> {
  const result = await terraform(args, cwd, env)
  if (result.code !== 0) {
    throw new Error(
      `terraform ${args.join(' ')} exited ${result.code}:\n${result.stderr}${result.stdout}`
    )
  }
  return result.stdout
}

/** A free loopback TCP port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

export interface Moto {
  readonly endpoint: string
  readonly stop: () => Promise<void>
}

/** Starts moto_server on a free loopback port and waits until it answers. */
export async function startMoto(): Promise<Moto> {
  const port = await freePort()
  const child: ChildProcess = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], {
    stdio: 'ignore',
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: tmpdir() }
  })
  const endpoint = `http://127.0.0.1:${port}`
  let exited = false
  child.once('exit', () => (exited = true))
  for (let attempt = 0; attempt < 300; attempt++) {
    if (exited) throw new Error('moto_server exited before it answered')
    try {
      const response = await fetch(`${endpoint}/moto-api/`)
      if (response.status < 500) break
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100))
    if (attempt === 299) {
      child.kill()
      throw new Error('moto_server did not answer')
    }
  }
  return {
    endpoint,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      })
  }
}
