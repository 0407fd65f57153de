/**
 * What the command line does with a report: which format goes where (`--format`, `-o`), whether
 * text is coloured, and which exit code a verdict gives (`--fail-on`). Pure; the adapter writes.
 */
import type { ReportFormat } from '../report/index.js'
import type { Report } from '../report/types.js'

/** Thresholds of `--fail-on`: the weakest outcome that makes the run exit 1. */
export const FAIL_ON = ['blocked', 'approval-required', 'warn', 'never'] as const
export type FailOn = (typeof FAIL_ON)[number]

/**
 * 1 when the report reaches the `--fail-on` threshold, else 0. `never` always gives 0: only a
 * plan that cannot be evaluated fails then, with 2, which no threshold changes.
 */
export function exitCodeFor(report: Pick<Report, 'decision' | 'counts'>, failOn: FailOn): 0 | 1 {
  switch (failOn) {
    case 'never':
      return 0
    case 'blocked':
      return report.decision === 'blocked' ? 1 : 0
    case 'approval-required':
      return report.decision === 'pass' ? 0 : 1
    case 'warn':
      return report.decision !== 'pass' || report.counts.findings.warn > 0 ? 1 : 0
  }
}

/**
 * Colour in text output. `--color`/`--no-color` win; then `FORCE_COLOR` (any value but `0` or
 * `false` turns it on, as Node and most tools read it; CI logs such as GitHub Actions' show
 * colour); then `NO_COLOR` (any non-empty value turns it off) and `TERM=dumb`; else a terminal.
 */
export function useColor(
  flag: boolean | undefined,
  env: Readonly<Record<string, string | undefined>>,
  isTTY: boolean
): boolean {
  if (flag !== undefined) return flag
  const force = env['FORCE_COLOR']
  if (force !== undefined) return !['0', 'false'].includes(force.trim().toLowerCase())
  if (env['NO_COLOR']) return false
  if (env['TERM'] === 'dumb') return false
  return isTTY
}

/** One rendering of the report: to a file, or (no file) to standard output. */
export interface OutputTarget {
  readonly format: ReportFormat
  readonly file?: string
}

/**
 * `--format` values (`fmt`, or `fmt=file` to write that format to a file) and `--output` → the
 * renderings. At most one `--format` has no file: it goes to `--output` or standard output
 * (default: text). Each file is named once. `quiet` leaves standard output to the verdict line.
 */
export function planOutputs(
  formats: readonly string[],
  output: string | undefined,
  quiet: boolean,
  allowed: readonly ReportFormat[],
  fail: (message: string) => never
): { targets: OutputTarget[]; quietLine: boolean } {
  const targets: OutputTarget[] = []
  let plain: ReportFormat | undefined
  for (const value of formats) {
    const eq = value.indexOf('=')
    const name = eq < 0 ? value : value.slice(0, eq)
    const format = allowed.find((f) => f === name)
    if (format === undefined)
      fail(`--format must be one of ${allowed.join(', ')}, not "${name.slice(0, 40)}"`)
    if (eq < 0) {
      if (plain !== undefined)
        fail(
          `--format ${plain} and --format ${format}: only one format goes to standard output or --output; write the others to files with --format ${format}=<file>`
        )
      plain = format
      continue
    }
    const file = value.slice(eq + 1)
    if (file === '') fail(`--format ${format}= needs a file name`)
    targets.push({ format, file })
  }
  if (output !== undefined) targets.unshift({ format: plain ?? 'text', file: output })
  else if (!quiet) targets.unshift({ format: plain ?? 'text' })
  else if (plain !== undefined && plain !== 'text')
    fail(
      `--quiet prints the verdict and counts; write --format ${plain} to a file (--output or --format ${plain}=<file>)`
    )
  const files = targets.flatMap((t) => (t.file === undefined ? [] : [t.file]))
  const twice = files.find((f, i) => files.indexOf(f) !== i)
  if (twice !== undefined) fail(`${twice} is named as the output of two formats`)
  return { targets, quietLine: quiet }
}
