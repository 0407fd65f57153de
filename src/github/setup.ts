/**
 * The setup check of every Action run: `doctor` over the port, rendered for the job summary, and
 * with `require-protections` the reason the gate must not pass.
 */
import {
  checkSetup,
  gatherSetup,
  renderSetupMarkdown,
  setupFailures,
  type SettingCheck
} from './doctor.js'
import type { Settings } from './inputs.js'
import type { GitHubPort } from './port.js'
import type { RunContext } from './run.js'

export interface SetupCheck {
  readonly checks: readonly SettingCheck[]
  readonly markdown: string
  /** Set with `require-protections` when a setting is missing or unreadable. */
  readonly problem?: string
}

export async function setupCheck(port: GitHubPort, settings: Settings): Promise<SetupCheck> {
  const facts = await gatherSetup(port, {
    context: settings.statusContext,
    ...(settings.config === undefined ? {} : { config: settings.config }),
    ...(settings.applyEnvironment === undefined ? {} : { environment: settings.applyEnvironment })
  })
  const checks = checkSetup(facts)
  const failures = setupFailures(checks)
  const problem =
    settings.requireProtections && failures.length > 0
      ? `require-protections: ${failures.length} of ${checks.length} settings are not in place (${failures
          .slice(0, 3)
          .map((f) => `${f.setting}: ${f.status}`)
          .join('; ')}${failures.length > 3 ? '; …' : ''}); see the job summary`
      : undefined
  return {
    checks,
    markdown: `\n${renderSetupMarkdown(checks)}`,
    ...(problem === undefined ? {} : { problem })
  }
}

/** The run context with the setup check done; with `require-protections` a gap fails the gate. */
export async function withSetup(ctx: RunContext): Promise<RunContext & { setup: SetupCheck }> {
  const setup = await setupCheck(ctx.port, ctx.settings)
  return {
    ...ctx,
    setup,
    ...(setup.problem === undefined ? {} : { setupProblem: setup.problem })
  }
}
