/**
 * The audit trail: one JSON line per decision. The command is kept with the values of `-var`
 * options and of environment assignments replaced by `***`; no plan values are ever written
 * (only rule ids, fingerprints and the plan file's sha256).
 */
import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

export interface AuditEntry {
  readonly time: string
  /** claude, cursor, gemini, or exec (the wrapper). */
  readonly agent: string
  readonly session?: string
  readonly cwd: string
  readonly command: string
  readonly decision: 'allow' | 'ask' | 'deny'
  readonly rules: readonly string[]
  readonly fingerprints: readonly string[]
  readonly planSha256?: readonly string[]
  /** exec only: what the human did with an ask. */
  readonly approval?: 'typed-code' | 'refused' | 'no-terminal'
  /** Why the hook failed closed, when it did. */
  readonly error?: string
}

export const DEFAULT_AUDIT_DIR = '.plan-gate'
export const DEFAULT_AUDIT_FILE = 'audit.jsonl'

/** --audit-log, else PLAN_GATE_AUDIT_LOG, else <project>/.plan-gate/audit.jsonl. */
export function auditPath(
  projectDir: string,
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>
): string {
  const chosen = flag ?? env['PLAN_GATE_AUDIT_LOG']
  if (chosen !== undefined && chosen !== '') return resolve(projectDir, chosen)
  return join(resolve(projectDir), DEFAULT_AUDIT_DIR, DEFAULT_AUDIT_FILE)
}

/** Appends one line; creates the folder (with a .gitignore, so the log is never committed). */
export function appendAudit(path: string, entry: AuditEntry): void {
  const dir = dirname(path)
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    if (dir.endsWith(DEFAULT_AUDIT_DIR)) writeFileSync(join(dir, '.gitignore'), '*\n')
  }
  appendFileSync(path, `${JSON.stringify(entry)}\n`, { mode: 0o600 })
}

/**
 * Replaces the values of `-var`/`--var` options and of `NAME=value` words (environment
 * assignments, `env X=…`, `export X=…`) with `***`. Over-redacting is fine; this only shapes
 * the log, it decides nothing.
 */
export function redact(command: string): string {
  const value = `("(?:\\\\.|[^"\\\\])*"|'[^']*'|[^\\s;&|)]*)`
  return command
    .replace(new RegExp(`(^|[\\s;&|(\`])(-{1,2}var)(=|\\s+)${value}`, 'g'), '$1$2$3***')
    .replace(new RegExp(`(^|[\\s;&|(\`'"])([A-Za-z_][A-Za-z0-9_]*)=${value}`, 'g'), '$1$2=***')
}
