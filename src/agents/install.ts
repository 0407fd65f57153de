/**
 * `plan-gate hook install|uninstall --agent …`: merges plan-gate's hook into the project's
 * agent settings, idempotently, never touching the user's other hooks or settings.
 *
 * - Claude Code: .claude/settings.json → hooks.PreToolUse[] {matcher: "Bash", hooks: [{type: "command", command}]}
 * - Cursor:      .cursor/hooks.json    → {version: 1, hooks.beforeShellExecution[] {command}}
 * - Gemini CLI:  .gemini/settings.json → hooks.BeforeTool[] {matcher: "run_shell_command", hooks: [{type: "command", command}]}
 *
 * Pure: the caller reads and writes the file.
 */
import type { AgentName } from './payload.js'

export const SETTINGS_FILES: Readonly<Record<AgentName, string>> = {
  claude: '.claude/settings.json',
  cursor: '.cursor/hooks.json',
  gemini: '.gemini/settings.json'
}

/** How an installed plan-gate hook is recognised (for idempotency and uninstall). */
const MARK = /\bplan-gate(\.js)?\b.*\bhook\b/

/** The command written into the settings; `|| exit 2` makes a missing plan-gate block, not pass. */
export function defaultHookCommand(agent: AgentName): string {
  return `npx --no-install plan-gate hook --agent ${agent} || exit 2`
}

export class SettingsError extends Error {}

type Json = Record<string, unknown>

export interface Change {
  readonly before: string | undefined
  readonly after: string | undefined
  readonly changed: boolean
}

function parse(file: string, text: string | undefined): Json {
  if (text === undefined || text.trim() === '') return {}
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new SettingsError(
      `${file}: not valid JSON (${(error as Error).message.split('\n')[0]}); fix it first, plan-gate does not overwrite it`
    )
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new SettingsError(`${file}: not a JSON object`)
  return value as Json
}

function object(parent: Json, key: string, file: string): Json {
  const v = parent[key]
  if (v === undefined) {
    parent[key] = {}
    return parent[key] as Json
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v))
    throw new SettingsError(`${file}: "${key}" is not an object`)
  return v as Json
}

function array(parent: Json, key: string, file: string): unknown[] {
  const v = parent[key]
  if (v === undefined) {
    parent[key] = []
    return parent[key] as unknown[]
  }
  if (!Array.isArray(v)) throw new SettingsError(`${file}: "${key}" is not an array`)
  return v
}

const isOurs = (hook: unknown): boolean =>
  hook !== null &&
  typeof hook === 'object' &&
  typeof (hook as Json)['command'] === 'string' &&
  MARK.test((hook as Json)['command'] as string)

function render(value: Json): string {
  return `${JSON.stringify(value, null, 2)}\n`
}

export function install(agent: AgentName, text: string | undefined, command: string): Change {
  const file = SETTINGS_FILES[agent]
  const settings = parse(file, text)
  const hooks = object(settings, 'hooks', file)
  if (agent === 'cursor') {
    if (settings['version'] === undefined) settings['version'] = 1
    const list = array(hooks, 'beforeShellExecution', file)
    const ours = list.filter(isOurs)
    if (ours.length === 1 && (ours[0] as Json)['command'] === command) return unchanged(text)
    for (const h of ours) list.splice(list.indexOf(h), 1)
    list.unshift({ command })
    return changed(text, settings)
  }
  const event = agent === 'claude' ? 'PreToolUse' : 'BeforeTool'
  const matcher = agent === 'claude' ? 'Bash' : 'run_shell_command'
  const groups = array(hooks, event, file)
  const entry =
    agent === 'claude'
      ? { type: 'command', command, timeout: 120 }
      : { type: 'command', name: 'plan-gate', command, timeout: 120000 }
  let found = 0
  let same = true
  for (const group of groups) {
    const inner = group !== null && typeof group === 'object' ? (group as Json)['hooks'] : undefined
    if (!Array.isArray(inner)) continue
    for (const h of inner.filter(isOurs)) {
      found++
      if ((h as Json)['command'] !== command || (group as Json)['matcher'] !== matcher) same = false
    }
  }
  if (found === 1 && same) return unchanged(text)
  removeOurs(groups)
  groups.unshift({ matcher, hooks: [entry] })
  return changed(text, settings)
}

export function uninstall(agent: AgentName, text: string | undefined): Change {
  const file = SETTINGS_FILES[agent]
  if (text === undefined) return unchanged(text)
  const settings = parse(file, text)
  const hooks = settings['hooks']
  if (hooks === null || typeof hooks !== 'object' || Array.isArray(hooks)) return unchanged(text)
  const event =
    agent === 'claude' ? 'PreToolUse' : agent === 'cursor' ? 'beforeShellExecution' : 'BeforeTool'
  const list = (hooks as Json)[event]
  if (!Array.isArray(list)) return unchanged(text)
  const before = JSON.stringify(list)
  if (agent === 'cursor') {
    for (const h of list.filter(isOurs)) list.splice(list.indexOf(h), 1)
  } else removeOurs(list)
  if (JSON.stringify(list) === before) return unchanged(text)
  if (list.length === 0) delete (hooks as Json)[event]
  if (Object.keys(hooks).length === 0) delete settings['hooks']
  return changed(text, settings)
}

/** Removes plan-gate's hooks from matcher groups, and groups left empty by that. */
function removeOurs(groups: unknown[]): void {
  for (let i = groups.length - 1; i >= 0; i--) {
    const group = groups[i]
    const inner = group !== null && typeof group === 'object' ? (group as Json)['hooks'] : undefined
    if (!Array.isArray(inner) || !inner.some(isOurs)) continue
    const kept = inner.filter((h) => !isOurs(h))
    if (kept.length === 0) groups.splice(i, 1)
    else (group as Json)['hooks'] = kept
  }
}

function unchanged(text: string | undefined): Change {
  return { before: text, after: text, changed: false }
}

function changed(text: string | undefined, settings: Json): Change {
  return { before: text, after: render(settings), changed: true }
}

/** A small line diff (`-`/`+`/` `), to show what install or uninstall changes. */
export function diffLines(before: string, after: string): string {
  const a = before === '' ? [] : before.replace(/\n$/, '').split('\n')
  const b = after === '' ? [] : after.replace(/\n$/, '').split('\n')
  const n = a.length
  const m = b.length
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0))
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      (lcs[i] as number[])[j] =
        a[i] === b[j]
          ? ((lcs[i + 1] as number[])[j + 1] as number) + 1
          : Math.max((lcs[i + 1] as number[])[j] as number, (lcs[i] as number[])[j + 1] as number)
  const out: string[] = []
  let i = 0
  let j = 0
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push(`  ${a[i]}`)
      i++
      j++
    } else if (
      j < m &&
      (i >= n || ((lcs[i] as number[])[j + 1] as number) >= ((lcs[i + 1] as number[])[j] as number))
    ) {
      out.push(`+ ${b[j]}`)
      j++
    } else {
      out.push(`- ${a[i]}`)
      i++
    }
  }
  return `${out.join('\n')}\n`
}
