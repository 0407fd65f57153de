/** What every CLI command gets: the outside world (tests pass fakes) and the exit codes. */

/** Exit codes. */
export const EXIT = { pass: 0, gate: 1, error: 2 } as const

/** What the CLI needs from the outside world; tests pass fakes. */
export interface CliIO {
  readonly cwd: string
  readonly stdin: AsyncIterable<Uint8Array | string>
  readonly stdout: {
    write(text: string): unknown
    readonly isTTY?: boolean
    /** The terminal's width, when stdout is one. */
    readonly columns?: number
  }
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean }
  readonly env: Readonly<Record<string, string | undefined>>
}
