/**
 * The one line worth showing from a failed `terraform` / `tofu` run. Their diagnostics come in
 * boxes (`╷`, `│ Error: …`, `╵`), often coloured: the first line of stderr is the box's top
 * corner, which says nothing. Pure: text in, text out.
 */

/** Drops ANSI escape sequences and control characters (but newlines). */
export function stripControl(text: string): string {
  /* eslint-disable no-control-regex -- matching control characters is the point */
  return text
    .replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '')
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '')
  /* eslint-enable no-control-regex */
}

/** Box-drawing frame of Terraform's diagnostics, and ASCII stand-ins some terminals get. */
const FRAME = /^[\s╷╵│┃|]+/u

/**
 * The first meaningful line of a tool's stderr: its first `Error: …` line when there is one
 * (warnings come first when both are printed), else its first line with any text, without the
 * diagnostic frame; at most `max` characters. Empty when there is nothing.
 */
export function firstErrorLine(stderr: string, max = 200): string {
  const lines = stripControl(stderr)
    .split('\n')
    .map((line) => line.replace(FRAME, '').trim())
    .filter((line) => line !== '' && !/^[─-╿]+$/u.test(line))
  const line = lines.find((l) => /^Error\b/.test(l)) ?? lines[0] ?? ''
  return line.length > max ? `${line.slice(0, max - 1)}…` : line
}
