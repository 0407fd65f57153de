/**
 * `plan-gate doctor`: does the repository around the gate leave a door open? Reads what a plain
 * `GITHUB_TOKEN` can read (the rules on the default branch, CODEOWNERS and the workflows, the
 * apply environment where readable) and reports each setting of docs/security.md as present,
 * missing or unreadable, with a one-line fix. `checkSetup` is pure; `gatherSetup` reads through
 * the port and turns every failed read into "unreadable", never into "present".
 */
import { CODEOWNERS_PATHS, ownersOf, parseCodeowners } from './codeowners.js'
import { GitHubError, type BranchRule, type EnvironmentInfo, type GitHubPort } from './port.js'

export type SettingStatus = 'present' | 'missing' | 'unreadable'

export interface SettingCheck {
  readonly id: string
  readonly setting: string
  readonly status: SettingStatus
  /** What is wrong or what was found, in a few words. */
  readonly detail?: string
  /** The one-line fix (for missing and unreadable settings). */
  readonly fix: string
}

/** A read that failed: why, in one line. */
export interface Unreadable {
  readonly unreadable: string
}

export interface SetupFacts {
  readonly branch: string
  readonly context: string
  /** The policy file named by the `config` input, when not one of the default names. */
  readonly config?: string
  readonly rules: readonly BranchRule[] | Unreadable
  readonly codeowners: { readonly path: string; readonly text: string } | undefined | Unreadable
  /** Workflow files (paths) that run plan-gate. */
  readonly workflows: readonly string[] | Unreadable
  /** The apply environment, when one was named. */
  readonly environment?: {
    readonly name: string
    readonly info: EnvironmentInfo | undefined | Unreadable
  }
}

const POLICY_NAMES = ['.plan-gate.yml', '.plan-gate.yaml', '.plan-gate.json']

function isUnreadable(value: unknown): value is Unreadable {
  return typeof value === 'object' && value !== null && 'unreadable' in value
}

/** Every setting docs/security.md asks for, judged from the facts. */
export function checkSetup(facts: SetupFacts): SettingCheck[] {
  return [...ruleChecks(facts), ...codeownerChecks(facts), ...environmentChecks(facts)]
}

function ruleChecks(facts: SetupFacts): SettingCheck[] {
  const { branch } = facts
  const where = `a ruleset on ${branch} (Settings → Rules → Rulesets)`
  const specs: {
    id: string
    setting: string
    fix: string
    test: (r: readonly BranchRule[]) => boolean
  }[] = [
    {
      id: 'pull-request',
      setting: `changes to ${branch} only through pull requests`,
      fix: `add ${where} with "Require a pull request before merging"`,
      test: (r) => pullRule(r) !== undefined
    },
    {
      id: 'code-owner-review',
      setting: 'required review from code owners',
      fix: `in ${where}, enable "Require review from Code Owners"`,
      test: (r) => pullRule(r)?.['require_code_owner_review'] === true
    },
    {
      id: 'last-push-approval',
      setting: 'approval of the most recent reviewable push',
      fix: `in ${where}, enable "Require approval of the most recent reviewable push"`,
      test: (r) => pullRule(r)?.['require_last_push_approval'] === true
    },
    {
      id: 'dismiss-stale',
      setting: 'stale approvals dismissed on new commits',
      fix: `in ${where}, enable "Dismiss stale pull request approvals when new commits are pushed"`,
      test: (r) => pullRule(r)?.['dismiss_stale_reviews_on_push'] === true
    },
    {
      id: 'no-force-push',
      setting: `no force pushes to ${branch}`,
      fix: `in ${where}, enable "Block force pushes"`,
      test: (r) => r.some((rule) => rule.type === 'non_fast_forward')
    },
    {
      id: 'no-deletion',
      setting: `${branch} cannot be deleted`,
      fix: `in ${where}, enable "Restrict deletions"`,
      test: (r) => r.some((rule) => rule.type === 'deletion')
    },
    {
      id: 'required-check',
      setting: `required status check \`${facts.context}\``,
      fix: `in ${where}, enable "Require status checks to pass" with \`${facts.context}\``,
      test: (r) => statusCheck(r, facts.context) !== undefined
    },
    {
      id: 'required-check-app',
      setting: `\`${facts.context}\` pinned to the app that posts it`,
      fix: `pin \`${facts.context}\` to GitHub Actions (integration id 15368) in that ruleset`,
      test: (r) => typeof statusCheck(r, facts.context)?.['integration_id'] === 'number'
    }
  ]
  return specs.map((spec) => {
    if (isUnreadable(facts.rules))
      return {
        id: spec.id,
        setting: spec.setting,
        status: 'unreadable',
        detail: facts.rules.unreadable,
        fix: 'give the token `contents: read` (the rules endpoint needs read access only)'
      }
    return {
      id: spec.id,
      setting: spec.setting,
      status: spec.test(facts.rules) ? 'present' : 'missing',
      fix: spec.fix
    }
  })
}

function pullRule(rules: readonly BranchRule[]): Readonly<Record<string, unknown>> | undefined {
  const found = rules.filter((r) => r.type === 'pull_request')
  if (found.length === 0) return undefined
  // Several rulesets may each require pull requests; the strictest settings apply.
  const merged: Record<string, unknown> = {}
  for (const rule of found)
    for (const [key, value] of Object.entries(rule.parameters ?? {}))
      if (value === true || merged[key] === undefined) merged[key] = value
  return merged
}

function statusCheck(
  rules: readonly BranchRule[],
  context: string
): Readonly<Record<string, unknown>> | undefined {
  for (const rule of rules) {
    if (rule.type !== 'required_status_checks') continue
    const checks = rule.parameters?.['required_status_checks']
    if (!Array.isArray(checks)) continue
    const hit = checks.find(
      (c: unknown) =>
        typeof c === 'object' && c !== null && (c as { context?: unknown }).context === context
    ) as Record<string, unknown> | undefined
    if (hit !== undefined) return hit
  }
  return undefined
}

function codeownerChecks(facts: SetupFacts): SettingCheck[] {
  const file = facts.codeowners
  const fileCheck: SettingCheck = isUnreadable(file)
    ? {
        id: 'codeowners',
        setting: 'a CODEOWNERS file',
        status: 'unreadable',
        detail: file.unreadable,
        fix: 'give the token `contents: read`'
      }
    : file === undefined
      ? {
          id: 'codeowners',
          setting: 'a CODEOWNERS file',
          status: 'missing',
          fix: `add .github/CODEOWNERS on ${facts.branch} (see docs/security.md)`
        }
      : {
          id: 'codeowners',
          setting: 'a CODEOWNERS file',
          status: 'present',
          detail: file.path,
          fix: ''
        }
  const gate = [...POLICY_NAMES, ...(facts.config === undefined ? [] : [facts.config])]
  const own = (
    paths: readonly string[],
    id: string,
    setting: string,
    fix: string
  ): SettingCheck => {
    if (isUnreadable(file))
      return { id, setting, status: 'unreadable', detail: file.unreadable, fix }
    if (file === undefined)
      return { id, setting, status: 'missing', detail: 'no CODEOWNERS file', fix }
    const lines = parseCodeowners(file.text)
    const unowned = paths.filter((p) => ownersOf(lines, p).length === 0)
    return unowned.length === 0
      ? { id, setting, status: 'present', fix: '' }
      : { id, setting, status: 'missing', detail: `not owned: ${unowned.join(', ')}`, fix }
  }
  const ownedFile = isUnreadable(file) || file === undefined ? '.github/CODEOWNERS' : file.path
  const checks = [
    fileCheck,
    own(
      [
        ...gate,
        '.github/workflows/any.yml',
        '.github/actions/any/action.yml',
        ...CODEOWNERS_PATHS,
        ownedFile
      ],
      'codeowners-gate-files',
      "CODEOWNERS covers the gate's own files",
      `add owners for ${gate.map((p) => `/${p}`).join(' ')} /.github/workflows/ /.github/actions/ /.github/CODEOWNERS /CODEOWNERS /docs/CODEOWNERS`
    )
  ]
  if (isUnreadable(facts.workflows))
    checks.push({
      id: 'codeowners-workflows',
      setting: 'the workflows that run plan-gate are code-owned',
      status: 'unreadable',
      detail: facts.workflows.unreadable,
      fix: 'give the token `contents: read`'
    })
  else
    checks.push(
      own(
        facts.workflows,
        'codeowners-workflows',
        `the workflows that run plan-gate are code-owned${facts.workflows.length === 0 ? ' (none found)' : ''}`,
        'add owners for /.github/workflows/ in CODEOWNERS'
      )
    )
  return checks
}

function environmentChecks(facts: SetupFacts): SettingCheck[] {
  const env = facts.environment
  if (env === undefined) return []
  const name = env.name
  const where = `Settings → Environments → ${name}`
  const specs: {
    id: string
    setting: string
    fix: string
    test: (e: EnvironmentInfo) => boolean
  }[] = [
    {
      id: 'environment-reviewers',
      setting: `environment ${name}: required reviewers`,
      fix: `in ${where}, add required reviewers`,
      test: (e) => e.rules.some((r) => r.type === 'required_reviewers' && (r.reviewers ?? 0) > 0)
    },
    {
      id: 'environment-self-review',
      setting: `environment ${name}: prevent self-review`,
      fix: `in ${where}, enable "Prevent self-review"`,
      test: (e) =>
        e.rules.some((r) => r.type === 'required_reviewers' && r.preventSelfReview === true)
    },
    {
      id: 'environment-branches',
      setting: `environment ${name}: deployments from protected branches only`,
      fix: `in ${where}, set Deployment branches to "Protected branches only" (or the default branch)`,
      test: (e) => e.branchPolicy !== null
    }
  ]
  return specs.map((spec) => {
    if (isUnreadable(env.info))
      return {
        id: spec.id,
        setting: spec.setting,
        status: 'unreadable',
        detail: env.info.unreadable,
        fix: 'grant `actions: read` to the workflow token'
      }
    if (env.info === undefined)
      return {
        id: spec.id,
        setting: spec.setting,
        status: 'missing',
        detail: `no environment ${name}`,
        fix: `create the environment ${name} (${where})`
      }
    return {
      id: spec.id,
      setting: spec.setting,
      status: spec.test(env.info) ? 'present' : 'missing',
      fix: spec.fix
    }
  })
}

/** Whether the setup fails `require-protections`: anything missing or unreadable. */
export function setupFailures(checks: readonly SettingCheck[]): SettingCheck[] {
  return checks.filter((c) => c.status !== 'present')
}

const ICON: Record<SettingStatus, string> = { present: '✅', missing: '❌', unreadable: '❔' }

/** The job summary section. */
export function renderSetupMarkdown(checks: readonly SettingCheck[]): string {
  const cell = (t: string) => t.replace(/\|/g, '\\|').replace(/\n/g, ' ')
  const lines = [
    '### Setup check (`plan-gate doctor`)',
    '',
    '| | setting | status | fix |',
    '| --- | --- | --- | --- |',
    ...checks.map(
      (c) =>
        `| ${ICON[c.status]} | ${cell(c.setting)} | ${c.status}${c.detail ? `: ${cell(c.detail)}` : ''} | ${c.status === 'present' ? '' : cell(c.fix)} |`
    ),
    '',
    'Not checkable with a workflow token: the ruleset bypass list (keep it empty) and organization rulesets that require workflows. See docs/security.md.',
    ''
  ]
  return lines.join('\n')
}

/** Plain text for the CLI. */
export function renderSetupText(checks: readonly SettingCheck[]): string {
  return (
    checks
      .map((c) => {
        const head = `${c.status.padEnd(10)} ${c.setting}${c.detail ? ` (${c.detail})` : ''}`
        return c.status === 'present' ? head : `${head}\n           fix: ${c.fix}`
      })
      .join('\n') + '\n'
  )
}

export interface GatherOptions {
  readonly context: string
  readonly config?: string
  readonly environment?: string
  /** The branch to check; default: the repository's default branch. */
  readonly branch?: string
}

/** Reads the facts through the port; a failed read is "unreadable", never "present". */
export async function gatherSetup(port: GitHubPort, options: GatherOptions): Promise<SetupFacts> {
  const why = (e: unknown): Unreadable => ({
    unreadable: e instanceof GitHubError ? e.message : 'the read failed'
  })
  const attempt = async <T>(fn: () => Promise<T>): Promise<T | Unreadable> => {
    try {
      return await fn()
    } catch (e) {
      return why(e)
    }
  }
  const branch = options.branch ?? (await attempt(() => port.getDefaultBranch()))
  const name = typeof branch === 'string' ? branch : 'the default branch'
  const rules =
    typeof branch === 'string' ? await attempt(() => port.getBranchRules(branch)) : branch
  const codeowners = await attempt(async () => {
    for (const path of CODEOWNERS_PATHS) {
      const text = await port.readFile(path)
      if (text !== undefined) return { path, text }
    }
    return undefined
  })
  const workflows = await attempt(async () => {
    const names = (await port.listDirectory('.github/workflows')) ?? []
    const out: string[] = []
    for (const file of names.filter((n) => /\.ya?ml$/.test(n)).sort()) {
      const path = `.github/workflows/${file}`
      const text = (await port.readFile(path)) ?? ''
      if (/plan-gate/.test(text)) out.push(path)
    }
    return out
  })
  const environment =
    options.environment === undefined
      ? undefined
      : {
          name: options.environment,
          info: await attempt(() => port.getEnvironment(options.environment ?? ''))
        }
  return {
    branch: name,
    context: options.context,
    ...(options.config === undefined || POLICY_NAMES.includes(options.config)
      ? {}
      : { config: options.config.replace(/^\.\//, '') }),
    rules,
    codeowners,
    workflows,
    ...(environment === undefined ? {} : { environment })
  }
}
