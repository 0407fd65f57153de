/**
 * A conservative screen in front of the parser: it only answers "nothing here can matter", and
 * only when that is certain, so that `ls`, `npm test` or `git status` do not pay for loading
 * the shell parser. It never allows or blocks anything by itself: every other line is parsed.
 *
 * A line can only run Terraform, a data command or hidden commands if, once quotes and
 * backslashes are removed (`te\rra'form'`), it contains one of the program names, or if it
 * computes text at run time (`$`, a backquote), or names a program that runs other text
 * (a shell, eval, source, ssh, watch, su, xargs, find, docker, …). Anything else is skipped.
 */
import { DATA_RULES, type DataRule } from './data.js'

const RUNNERS = [
  'sh',
  'bash',
  'zsh',
  'dash',
  'ksh',
  'mksh',
  'ash',
  'yash',
  'posh',
  'rbash',
  'busybox',
  'eval',
  'source',
  '.',
  'exec',
  'env',
  'ssh',
  'watch',
  'su',
  'runuser',
  'script',
  'flock',
  'xargs',
  'find',
  'fd',
  'docker',
  'podman',
  'nerdctl',
  'finch',
  'sudo',
  'doas',
  'parallel',
  'make',
  'just',
  'task'
]

const TOOLS = ['terraform', 'tofu', 'terragrunt']

/** True when the line needs the parser; false only when nothing in it can matter. */
export function needsParsing(
  text: string,
  aliases: readonly string[] = [],
  rules: readonly DataRule[] = []
): boolean {
  // Expansions, brace expansion (`t{e,}rraform`), globs (`terr?form` matches a file named so).
  if (/[$`*?[]|\{[^}]*(,|\.\.)/.test(text)) return true
  // Backslash-newline joins lines; other quoting only hides letters.
  const plain = text
    .replace(/\\\n/g, '')
    .replace(/['"\\]/g, '')
    .toLowerCase()
  const programs = [
    ...TOOLS,
    ...aliases,
    ...DATA_RULES.flatMap((r) => r.programs),
    ...rules.flatMap((r) => r.programs)
  ].map((p) => p.toLowerCase())
  // Long names anywhere (a substring covers every way to write the word around them);
  // short ones (az, oc, bq) as whole words, or nearly every line would match.
  if (programs.some((p) => p.length > 3 && plain.includes(p))) return true
  const short = new Set(programs.filter((p) => p.length <= 3))
  // Any word that runs other text, or a path to a program or script (./deploy.sh).
  for (const token of plain.split(/[\s;&|()<>{}!=]+/)) {
    if (token === '') continue
    const base = token.slice(token.lastIndexOf('/') + 1)
    if (RUNNERS.includes(base) || short.has(base) || /^(\.{0,2}|~)\//.test(token)) return true
  }
  return false
}
