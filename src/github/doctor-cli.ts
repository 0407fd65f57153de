/**
 * `plan-gate doctor --repo owner/name`: the setup check from a terminal, with `GITHUB_TOKEN` (or
 * `GH_TOKEN`) from the environment. Exit 0 when every setting is in place, 1 when one is missing
 * or unreadable, 2 on bad input.
 */
import { parseArgs } from 'node:util'
import { checkSetup, gatherSetup, renderSetupText, setupFailures } from './doctor.js'
import { createOctokitPort } from './octokit.js'

interface DoctorIO {
  readonly env: Readonly<Record<string, string | undefined>>
  readonly stdout: { write(text: string): unknown }
  readonly stderr: { write(text: string): unknown }
}

export const DOCTOR_HELP = `Usage: plan-gate doctor --repo <owner/name> [options]

Checks the repository settings plan-gate relies on (docs/security.md): the rules on the default
branch, CODEOWNERS coverage of the gate's files and workflows, the apply environment.
Reads GITHUB_TOKEN (or GH_TOKEN); a token with read access is enough.

  --repo <owner/name>     the repository (required)
  --branch <name>         the branch to check (default: the default branch)
  --environment <name>    the deployment environment the apply job uses
  --context <name>        the status context of the required check (default: plan-gate)
  --config <path>         the policy file, when not one of the default names
  --api-url <url>         GitHub API (default: GITHUB_API_URL or https://api.github.com)

Exit: 0 every setting present, 1 one is missing or unreadable, 2 bad input.
`

export async function runDoctor(argv: readonly string[], io: DoctorIO): Promise<number> {
  let values: Record<string, string | boolean | undefined>
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        repo: { type: 'string' },
        branch: { type: 'string' },
        environment: { type: 'string' },
        context: { type: 'string' },
        config: { type: 'string' },
        'api-url': { type: 'string' },
        help: { type: 'boolean', short: 'h' }
      },
      strict: true,
      allowPositionals: false
    }).values
  } catch (error) {
    io.stderr.write(`plan-gate doctor: ${(error as Error).message.split('\n')[0]}\n`)
    return 2
  }
  if (values['help'] === true) {
    io.stdout.write(DOCTOR_HELP)
    return 0
  }
  const repo = typeof values['repo'] === 'string' ? values['repo'] : ''
  const match = /^([A-Za-z0-9-]{1,39})\/([A-Za-z0-9._-]{1,100})$/.exec(repo)
  if (match === null) {
    io.stderr.write('plan-gate doctor: --repo must be owner/name\n')
    return 2
  }
  const token = io.env['GITHUB_TOKEN'] || io.env['GH_TOKEN']
  if (!token) {
    io.stderr.write(
      'plan-gate doctor: set GITHUB_TOKEN (a token with read access to the repository)\n'
    )
    return 2
  }
  const text = (name: string) =>
    typeof values[name] === 'string' ? (values[name] as string) : undefined
  const port = createOctokitPort({
    token,
    baseUrl: text('api-url') ?? (io.env['GITHUB_API_URL'] || 'https://api.github.com'),
    owner: match[1] as string,
    repo: match[2] as string,
    warn: (message) => io.stderr.write(`plan-gate doctor: ${message}\n`)
  })
  const branch = text('branch')
  const environment = text('environment')
  const config = text('config')
  const facts = await gatherSetup(port, {
    context: text('context') ?? 'plan-gate',
    ...(branch === undefined ? {} : { branch }),
    ...(environment === undefined ? {} : { environment }),
    ...(config === undefined ? {} : { config })
  })
  const checks = checkSetup(facts)
  io.stdout.write(`plan-gate doctor: ${repo} (${facts.branch})\n\n${renderSetupText(checks)}`)
  const failures = setupFailures(checks)
  io.stdout.write(
    failures.length === 0
      ? '\nEvery setting is in place.\n'
      : `\n${failures.length} of ${checks.length} settings are missing or unreadable; see docs/security.md.\n`
  )
  return failures.length === 0 ? 0 : 1
}
