/** Binary plans: read through `terraform show -json` (or tofu), its output streamed. */
import { childEnv } from './child-env.js'
import { accessSync, constants, statSync } from 'node:fs'
import { delimiter, join } from 'node:path'
import { PlanInputError } from '../plan/errors.js'
import { firstErrorLine } from './tool-error.js'

type Env = Readonly<Record<string, string | undefined>>

/** Finds an executable on PATH. */
function which(name: string, env: Env): string | undefined {
  for (const dir of (env['PATH'] ?? '').split(delimiter)) {
    if (dir === '') continue
    const candidate = join(dir, name)
    try {
      accessSync(candidate, constants.X_OK)
      if (statSync(candidate).isFile()) return candidate
    } catch {
      // not here
    }
  }
  return undefined
}

/**
 * Runs `<bin> show -json <path>` in `cwd` (where the configuration is initialised; the agent
 * hook passes the plan's directory) and streams its output into `push`. `terraformBin`
 * overrides the program (default: terraform, then tofu on PATH).
 */
export async function showBinaryPlan(
  path: string,
  terraformBin: string | undefined,
  env: Env,
  push: (chunk: Uint8Array) => void,
  passEnv: readonly string[] = [],
  cwd?: string
): Promise<void> {
  const bin = terraformBin ?? which('terraform', env) ?? which('tofu', env)
  if (bin === undefined) {
    throw new PlanInputError(
      'binary plan file, but neither terraform nor tofu is on PATH: install one, pass --terraform-bin, or give `terraform show -json` output'
    )
  }
  // Loaded here: only binary plans start a child process, and the module costs start-up time.
  const { spawn } = await import('node:child_process')
  const child = spawn(bin, ['show', '-json', path], {
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(cwd === undefined ? {} : { cwd }),
    // The program and the provider plugins it starts get PATH, HOME, TF_* and the listed names.
    env: childEnv(env, passEnv)
  })
  let stderr = ''
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (text: string) => {
    if (stderr.length < 4096) stderr += text
  })
  // Settles once, with the exit code or the reason the program could not start.
  const exited = new Promise<number | Error>((resolve) => {
    child.on('error', (error: NodeJS.ErrnoException) =>
      resolve(new PlanInputError(`could not run ${bin}: ${error.code ?? error.message}`))
    )
    child.on('close', (code) => resolve(code ?? 1))
  })
  let readError: unknown
  try {
    for await (const chunk of child.stdout) push(chunk as Buffer)
  } catch (error) {
    readError = error
    child.kill()
  }
  const code = await exited
  if (code instanceof Error) throw code
  if (code !== 0) {
    // Terraform frames its diagnostics in boxes: the Error line, not the box corner.
    const line = firstErrorLine(stderr)
    const detail = line === '' ? '' : `: ${line}`
    throw new PlanInputError(`\`${bin} show -json\` failed with exit code ${code}${detail}`)
  }
  if (readError !== undefined) throw readError
}
