/**
 * Each agent's hook dialect: the payload it sends on stdin and the answer it understands.
 *
 * - Claude Code, PreToolUse: `{session_id, transcript_path, cwd, permission_mode,
 *   hook_event_name: "PreToolUse", tool_name: "Bash", tool_input: {command, …}, tool_use_id}`.
 *   Exit 2 blocks and feeds stderr to Claude (any other non-zero exit lets the call run); exit 0
 *   with `hookSpecificOutput.permissionDecision` allow/deny/ask and a reason.
 * - Cursor, beforeShellExecution: `{conversation_id, generation_id, hook_event_name, command,
 *   cwd, workspace_roots, …}`; answer `{permission: allow|deny|ask, user_message, agent_message}`;
 *   exit 2 also denies.
 * - Gemini CLI, BeforeTool: `{session_id, transcript_path, cwd, hook_event_name: "BeforeTool",
 *   timestamp, tool_name: "run_shell_command", tool_input: {command, dir_path?}}`; answer
 *   `{decision: allow|deny, reason}` on exit 0, or exit 2 with the reason on stderr. No `ask`.
 *
 * test/agents/payloads/ holds the documented examples and where they come from.
 */
import { own } from '../common/record.js'

export const AGENTS = ['claude', 'cursor', 'gemini'] as const
export type AgentName = (typeof AGENTS)[number]

export interface HookRequest {
  readonly agent: AgentName
  /** The shell command; undefined when the tool is not a shell (nothing to decide). */
  readonly command: string | undefined
  /** Directory the command runs in. */
  readonly cwd: string
  readonly sessionId?: string
  /** The project root, for the default audit log. */
  readonly projectDir: string
  /** The agent can put a question to a human (Claude Code unless it runs without prompts; Cursor). */
  readonly canAsk: boolean
}

/** A payload plan-gate cannot read: the hook blocks. */
export class PayloadError extends Error {}

const EVENTS: Readonly<Record<string, AgentName>> = {
  PreToolUse: 'claude',
  beforeShellExecution: 'cursor',
  BeforeTool: 'gemini'
}

type Json = Record<string, unknown>

export function readPayload(
  text: string,
  agent: AgentName | undefined,
  fallback: { cwd: string; env: Readonly<Record<string, string | undefined>> }
): HookRequest {
  let payload: unknown
  try {
    payload = JSON.parse(text)
  } catch {
    throw new PayloadError(`the hook payload is not JSON (${text.length} bytes on stdin)`)
  }
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload))
    throw new PayloadError('the hook payload is not a JSON object')
  const p = payload as Json
  const event = p['hook_event_name']
  const detected = typeof event === 'string' ? own(EVENTS, event) : undefined
  if (detected === undefined)
    throw new PayloadError(
      `unknown hook payload: hook_event_name ${typeof event === 'string' ? `"${event.slice(0, 40)}"` : 'missing'} (expected PreToolUse, beforeShellExecution or BeforeTool)`
    )
  if (agent !== undefined && agent !== detected)
    throw new PayloadError(`--agent ${agent}, but the payload is ${detected}'s (${String(event)})`)
  const cwd = optionalString(p, 'cwd') ?? fallback.cwd
  const session =
    detected === 'cursor' ? optionalString(p, 'conversation_id') : optionalString(p, 'session_id')
  const base = { agent: detected, ...(session === undefined ? {} : { sessionId: session }) }
  if (detected === 'cursor') {
    const command = p['command']
    if (typeof command !== 'string')
      throw new PayloadError('beforeShellExecution payload without a command string')
    const roots = p['workspace_roots']
    const root = Array.isArray(roots) && typeof roots[0] === 'string' ? roots[0] : undefined
    return {
      ...base,
      command,
      cwd: cwd === '' ? (root ?? fallback.cwd) : cwd,
      projectDir: root ?? fallback.env['CURSOR_PROJECT_DIR'] ?? cwd,
      canAsk: true
    }
  }
  const tool = p['tool_name']
  if (typeof tool !== 'string') throw new PayloadError(`${String(event)} payload without tool_name`)
  const shellTool = detected === 'claude' ? tool === 'Bash' : tool === 'run_shell_command'
  const projectDir =
    (detected === 'claude'
      ? fallback.env['CLAUDE_PROJECT_DIR']
      : fallback.env['GEMINI_PROJECT_DIR']) ?? cwd
  if (!shellTool) return { ...base, command: undefined, cwd, projectDir, canAsk: false }
  const input = p['tool_input']
  if (input === null || typeof input !== 'object' || Array.isArray(input))
    throw new PayloadError(`${tool} payload without a tool_input object`)
  const command = (input as Json)['command']
  if (typeof command !== 'string')
    throw new PayloadError(`${tool} payload without tool_input.command`)
  let dir = cwd
  if (detected === 'gemini') {
    const sub =
      optionalString(input as Json, 'dir_path') ?? optionalString(input as Json, 'directory')
    if (sub !== undefined && sub !== '')
      dir = sub.startsWith('/') ? sub : `${cwd.replace(/\/$/, '')}/${sub}`
  }
  const mode = optionalString(p, 'permission_mode')
  // Without prompts (bypassPermissions, dontAsk) nobody would see an `ask`.
  const canAsk = detected === 'claude' && mode !== 'bypassPermissions' && mode !== 'dontAsk'
  return { ...base, command, cwd: dir, projectDir, canAsk }
}

function optionalString(p: Json, key: string): string | undefined {
  const v = p[key]
  if (v === undefined || v === null) return undefined
  if (typeof v !== 'string') throw new PayloadError(`payload field ${key} is not a string`)
  return v
}

export interface HookOutput {
  readonly exitCode: number
  readonly stdout: string
  readonly stderr: string
}

/**
 * The answer in the agent's own form. `allow` is "no objection": the agent's own permission
 * rules still apply. `vouched` is plan-gate's positive allow, for a line that only applies
 * saved plans that passed. `deny` always exits 2, the form every one of them treats as blocking.
 */
export function respond(
  agent: AgentName,
  kind: 'allow' | 'vouched' | 'ask' | 'deny',
  message: string
): HookOutput {
  if (kind === 'deny') {
    const stdout =
      agent === 'cursor'
        ? json({ permission: 'deny', user_message: message, agent_message: message })
        : ''
    return { exitCode: 2, stdout, stderr: `${message}\n` }
  }
  switch (agent) {
    case 'claude':
      if (kind === 'allow') return { exitCode: 0, stdout: '', stderr: '' }
      return {
        exitCode: 0,
        stdout: json({
          hookSpecificOutput: {
            hookEventName: 'PreToolUse',
            permissionDecision: kind === 'ask' ? 'ask' : 'allow',
            permissionDecisionReason: message
          }
        }),
        stderr: ''
      }
    case 'cursor':
      if (kind === 'ask')
        return {
          exitCode: 0,
          stdout: json({ permission: 'ask', user_message: message, agent_message: message }),
          stderr: ''
        }
      return {
        exitCode: 0,
        stdout: json({
          permission: 'allow',
          ...(kind === 'vouched' ? { agent_message: message } : {})
        }),
        stderr: ''
      }
    case 'gemini':
      if (kind === 'ask') return respond(agent, 'deny', message)
      return {
        exitCode: 0,
        stdout: kind === 'allow' ? '{}\n' : json({ decision: 'allow', reason: message }),
        stderr: ''
      }
  }
}

/** A block for when anything went wrong: one line, exit 2 (plus Cursor's JSON). */
export function failClosed(agent: AgentName | undefined, line: string): HookOutput {
  const text = line.split('\n')[0] as string
  return respond(agent ?? 'claude', 'deny', text)
}

function json(value: unknown): string {
  return `${JSON.stringify(value)}\n`
}
