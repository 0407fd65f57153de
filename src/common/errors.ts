/**
 * Errors meant for the user, and the one place an error becomes the one line a user sees
 * (stderr and exit 2 in the CLI, a failed step in the Action). Never a stack trace.
 */

/**
 * An expected problem with the input, the policy, the event or the environment. Its message is
 * one line, names the file or input it is about and what is wrong, and carries no plan value.
 */
export class UserError extends Error {}

/** One line, no stack: expected problems say what is wrong; anything else is labelled internal. */
export function errorMessage(error: unknown): string {
  if (error instanceof UserError) return error.message
  const code = (error as { code?: unknown } | null)?.code
  if (code === 'ENOENT') return 'no such file'
  if (code === 'EISDIR') return 'is a directory, not a plan file'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  return internalError(error)
}

/** `internal error: <first line>`, for errors that are not the user's. */
export function internalError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return `internal error: ${text.split('\n')[0] ?? ''}`
}
