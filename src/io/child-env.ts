/**
 * The environment a child process (`terraform show`, `tofu show` and the provider plugins they
 * start) may see: PATH, HOME, every TF_* variable and the names a user lists, nothing else. The
 * Action's token (INPUT_GITHUB-TOKEN), ACTIONS_* runtime and OIDC request tokens and GITHUB_TOKEN
 * never reach a provider the change under review may have brought. Pure.
 */

type Env = Readonly<Record<string, string | undefined>>

/** Always passed on: what a program needs to run at all. */
const BASE = ['PATH', 'HOME']

/** Never passed on, even when listed: the runner's and the Action's own credentials. */
const NEVER = /^(INPUT_|ACTIONS_|GITHUB_TOKEN$|ACTIONS_ID_TOKEN_REQUEST_)/

/** A listed name that may not be passed on. */
export class ChildEnvError extends Error {
  override readonly name = 'ChildEnvError'
}

/** The minimal environment for a child process: PATH, HOME, TF_* and `extra` names. */
export function childEnv(env: Env, extra: readonly string[] = []): Record<string, string> {
  for (const name of extra) {
    if (NEVER.test(name))
      throw new ChildEnvError(
        `${name} cannot be passed to terraform: the runner's and plan-gate's own tokens never reach a provider`
      )
  }
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue
    if (BASE.includes(name) || name.startsWith('TF_') || extra.includes(name)) out[name] = value
  }
  return out
}
