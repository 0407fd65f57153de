/**
 * Shell command lines → the simple commands they run, with a real shell parser (mvdan/sh, the
 * parser behind shfmt, compiled to JavaScript as the `mvdan-sh` package). Every command is found:
 * in lists (`;`, `&&`, `||`), pipelines, subshells, blocks, `if`/`while`/`for`/`case`, function
 * bodies, and command and process substitutions inside any word. Words keep their value after
 * quote removal, or are marked dynamic when they depend on run time (expansions other than a
 * variable assigned literally earlier in the same line).
 *
 * Pure apart from loading the parser: `loadShell()` imports it on first use (it takes a good
 * part of the hook's time, so commands that cannot matter never load it; see prefilter.ts).
 */
import type { ShNode, ShSyntax } from 'mvdan-sh'

export interface Word {
  /** The value after quote removal; undefined when it depends on run time. */
  readonly value: string | undefined
  /** Unquoted glob or brace characters: the shell may turn it into other words. */
  readonly expands: boolean
  /** For a run-time word, its literal start (`-chdir=` in `-chdir=$DIR`). */
  readonly prefix?: string
}

/** A word while it is read: an unquoted variable's value is split into words. */
interface Piece extends Word {
  readonly split?: boolean
}

export interface SimpleCommand {
  readonly words: readonly Word[]
  /** Variables in effect: assigned in front of it (`X=1 cmd`) or earlier in the line. */
  readonly env: ReadonlyMap<string, string | undefined>
  /** The directory it runs in, relative to where the line starts (`cd` before it); undefined when unknown. */
  readonly cwd: string | undefined
  /** Literal text on its standard input: a here-document, a here-string, `echo …|`, `printf …|`. */
  readonly stdin: string | undefined
  /** Its standard input is a pipe, a file or a here-document rather than inherited. */
  readonly stdinRedirected: boolean
}

/** The line is not valid shell: one line saying where. */
export class ShellSyntaxError extends Error {}

let loaded: Promise<ShSyntax> | undefined

/** Loads the parser once (about 100 ms); resets the global it changes. */
export function loadShell(): Promise<ShSyntax> {
  loaded ??= (async () => {
    const limit = Error.stackTraceLimit
    const mod = await import('mvdan-sh')
    // GopherJS sets Error.stackTraceLimit to Infinity when it loads.
    Error.stackTraceLimit = limit
    const sh = (mod.default ?? (mod as unknown as { syntax?: ShSyntax })).syntax
    if (sh === undefined) throw new Error('the shell parser did not load')
    return sh
  })()
  return loaded
}

/** Binary operators and redirections, as mvdan/sh numbers them (checked by a test). */
export const OPS = {
  and: 10,
  or: 11,
  pipe: 12,
  pipeAll: 13,
  redirIn: 56,
  hdoc: 61,
  dashHdoc: 62,
  wordHdoc: 63
} as const

interface Scope {
  cwd: string | undefined
  env: Map<string, string | undefined>
}

interface Io {
  readonly stdin: string | undefined
  readonly redirected: boolean
}

const NO_IO: Io = { stdin: undefined, redirected: false }

/** Parses a command line (bash syntax) into every simple command it runs. */
export function parseShell(sh: ShSyntax, text: string): SimpleCommand[] {
  let file: ShNode
  try {
    file = sh.NewParser().Parse(text, 'command')
  } catch (error) {
    throw new ShellSyntaxError(goMessage(error))
  }
  return new Collector(sh).file(file)
}

function goMessage(error: unknown): string {
  const e = error as { Error?: () => string; message?: string } | null
  const text =
    typeof e?.Error === 'function'
      ? e.Error()
      : typeof e?.message === 'string'
        ? e.message
        : String(error)
  return text.replace(/^command:/, '').split('\n')[0] ?? 'syntax error'
}

type Nodes = readonly ShNode[]

class Collector {
  private readonly out: SimpleCommand[] = []
  private readonly seen = new Set<string>()

  constructor(private readonly sh: ShSyntax) {}

  file(file: ShNode): SimpleCommand[] {
    const root: Scope = { cwd: '.', env: new Map() }
    this.stmts(file['Stmts'] as Nodes, root, NO_IO)
    // Completeness: command and process substitutions in words (arguments, assignments,
    // redirections, loops, tests) run too. Walk visits outer ones first; each is read with the
    // structure-aware reader, so `$(cd x && terraform apply p)` keeps its `cd`.
    this.sh.Walk(file, (node) => {
      if (node === null) return true
      const type = this.sh.NodeType(node)
      if ((type === 'CmdSubst' || type === 'ProcSubst') && !this.seen.has(key(node, type))) {
        this.seen.add(key(node, type))
        this.stmts(node['Stmts'] as Nodes, { cwd: root.cwd, env: new Map(root.env) }, NO_IO)
      }
      if (type === 'CallExpr' && !this.seen.has(key(node, type))) {
        this.call(node, { cwd: undefined, env: new Map() }, NO_IO)
      }
      return true
    })
    return this.out
  }

  private stmts(list: Nodes | null | undefined, scope: Scope, io: Io): void {
    for (const stmt of list ?? []) this.stmt(stmt, scope, io)
  }

  private stmt(stmt: ShNode | null | undefined, scope: Scope, io: Io): void {
    if (stmt === null || stmt === undefined) return
    let stdin = io.stdin
    let redirected = io.redirected
    for (const redirect of (stmt['Redirs'] as Nodes | null) ?? []) {
      const op = redirect['Op'] as number
      if (op === OPS.hdoc || op === OPS.dashHdoc) {
        stdin = this.word(redirect['Hdoc'] as ShNode | null, scope).value
        redirected = true
      } else if (op === OPS.wordHdoc) {
        stdin = this.word(redirect['Word'] as ShNode | null, scope).value
        redirected = true
      } else if (op === OPS.redirIn && (redirect['N'] === null || redirect['N'] === undefined)) {
        stdin = undefined
        redirected = true
      }
    }
    this.command(stmt['Cmd'] as ShNode | null, scope, { stdin, redirected })
  }

  private command(node: ShNode | null, scope: Scope, io: Io): void {
    if (node === null || node === undefined) return
    const type = this.sh.NodeType(node)
    switch (type) {
      case 'CallExpr':
        this.call(node, scope, io)
        return
      case 'BinaryCmd': {
        const op = node['Op'] as number
        const left = node['X'] as ShNode
        const right = node['Y'] as ShNode
        if (op === OPS.pipe || op === OPS.pipeAll) {
          this.stmt(left, copy(scope), io)
          this.stmt(right, copy(scope), { stdin: this.output(left, scope), redirected: true })
        } else {
          this.stmt(left, scope, io)
          this.stmt(right, scope, io)
        }
        return
      }
      case 'Subshell':
        this.stmts(node['Stmts'] as Nodes, copy(scope), io)
        return
      case 'Block':
        this.stmts(node['Stmts'] as Nodes, scope, io)
        return
      case 'IfClause':
        this.stmts(node['Cond'] as Nodes, scope, io)
        this.stmts(node['Then'] as Nodes, scope, io)
        this.command(node['Else'] as ShNode | null, scope, io)
        return
      case 'WhileClause':
        this.stmts(node['Cond'] as Nodes, scope, io)
        this.stmts(node['Do'] as Nodes, scope, io)
        return
      case 'ForClause':
        this.stmts(node['Do'] as Nodes, scope, io)
        return
      case 'CaseClause':
        for (const item of (node['Items'] as Nodes | null) ?? [])
          this.stmts(item['Stmts'] as Nodes, scope, io)
        return
      case 'FuncDecl':
        // A function may be called later in the line (or never): read its body either way.
        this.stmt(node['Body'] as ShNode, copy(scope), io)
        return
      case 'TimeClause':
      case 'CoprocClause':
        this.stmt(node['Stmt'] as ShNode | null, scope, io)
        return
      case 'DeclClause':
        this.declare(node, scope)
        return
      default:
        // let, (( )), [[ ]]: no commands of their own; substitutions inside are found by Walk.
        return
    }
  }

  /** `export X=1`, `declare -x X=1`, `local`, `readonly`, `typeset`. */
  private declare(node: ShNode, scope: Scope): void {
    for (const assign of (node['Args'] as Nodes | null) ?? []) {
      const name = (assign['Name'] as ShNode | null)?.['Value'] as string | undefined
      if (name === undefined) continue
      if (assign['Naked'] === true && assign['Value'] === null) continue
      scope.env.set(name, this.word(assign['Value'] as ShNode | null, scope).value ?? undefined)
    }
  }

  private call(node: ShNode, scope: Scope, io: Io): void {
    this.seen.add(key(node, 'CallExpr'))
    const assigns = (node['Assigns'] as Nodes | null) ?? []
    const args = (node['Args'] as Nodes | null) ?? []
    const env = new Map(scope.env)
    for (const assign of assigns) {
      const name = (assign['Name'] as ShNode | null)?.['Value'] as string | undefined
      if (name === undefined) continue
      const value = assign['Value'] as ShNode | null
      env.set(name, value === null || value === undefined ? '' : this.word(value, scope).value)
    }
    if (args.length === 0) {
      // `X=1` alone sets a shell variable for the rest of the line.
      for (const [name, value] of env) scope.env.set(name, value)
      return
    }
    const words = args.flatMap((w): Word[] => {
      const read = this.word(w, scope)
      if (read.split !== true || read.value === undefined) return [read]
      return read.value
        .split(/[ \t\n]+/)
        .filter((v) => v !== '')
        .map((value) => ({ value, expands: read.expands }))
    })
    const cwd = scope.cwd
    this.out.push({ words, env, cwd, stdin: io.stdin, stdinRedirected: io.redirected })
    const name = words[0]?.value
    if (name === 'cd' || name === 'pushd') scope.cwd = changeDir(scope.cwd, words.slice(1))
  }

  /** Literal output of the left side of a pipe: `echo …`, `printf …`, `cat <<EOF`. */
  private output(stmt: ShNode, scope: Scope): string | undefined {
    const cmd = stmt['Cmd'] as ShNode | null
    if (cmd === null || cmd === undefined || this.sh.NodeType(cmd) !== 'CallExpr') return undefined
    const words = ((cmd['Args'] as Nodes | null) ?? []).map((w) => this.word(w, scope).value)
    const name = words[0]
    if ((name === 'echo' || name === 'printf') && words.every((w) => w !== undefined))
      return words.slice(1).join(' ')
    if (name === 'cat' && words.length === 1) {
      for (const redirect of (stmt['Redirs'] as Nodes | null) ?? []) {
        const op = redirect['Op'] as number
        if (op === OPS.hdoc || op === OPS.dashHdoc)
          return this.word(redirect['Hdoc'] as ShNode | null, scope).value
        if (op === OPS.wordHdoc) return this.word(redirect['Word'] as ShNode | null, scope).value
      }
    }
    return undefined
  }

  /** A word's value after quote removal, or undefined when run time decides it. */
  word(word: ShNode | null | undefined, scope: Scope): Piece {
    if (word === null || word === undefined) return { value: '', expands: false }
    let value: string | undefined = ''
    let prefix: string | undefined
    let expands = false
    let split = false
    for (const part of (word['Parts'] as Nodes | null) ?? []) {
      const piece = this.part(part, scope, false)
      if (piece.expands) expands = true
      if (piece.split === true) split = true
      if (value !== undefined && piece.value === undefined) prefix = value
      value = value === undefined || piece.value === undefined ? undefined : value + piece.value
    }
    return { value, expands, split, ...(prefix === undefined ? {} : { prefix }) }
  }

  private part(part: ShNode, scope: Scope, quoted: boolean): Piece {
    const type = this.sh.NodeType(part)
    switch (type) {
      case 'Lit': {
        const raw = part['Value'] as string
        if (quoted) return { value: unescapeDouble(raw), expands: false }
        return { value: unescapePlain(raw), expands: /[*?[]|\{[^}]*(,|\.\.)[^}]*\}/.test(raw) }
      }
      case 'SglQuoted': {
        const raw = part['Value'] as string
        if (part['Dollar'] !== true) return { value: raw, expands: false }
        return { value: ansiC(raw), expands: false }
      }
      case 'DblQuoted': {
        // $"…" is a translated string: its text is looked up at run time.
        if (part['Dollar'] === true) return { value: undefined, expands: false }
        let value: string | undefined = ''
        for (const inner of (part['Parts'] as Nodes | null) ?? []) {
          const piece = this.part(inner, scope, true)
          value = value === undefined || piece.value === undefined ? undefined : value + piece.value
        }
        return { value, expands: false }
      }
      case 'ParamExp':
        return { value: this.param(part, scope), expands: false, split: !quoted }
      default:
        // Command, process and arithmetic substitutions, extended globs: run time decides.
        return { value: undefined, expands: !quoted }
    }
  }

  /** `$X` / `${X}` assigned literally earlier in the line; anything else is dynamic. */
  private param(part: ShNode, scope: Scope): string | undefined {
    const plain =
      ['Exp', 'Repl', 'Index', 'Slice'].every((k) => part[k] === null || part[k] === undefined) &&
      !part['Names']
    if (!plain || part['Length'] === true || part['Excl'] === true || part['Width'] === true)
      return undefined
    const name = (part['Param'] as ShNode | null)?.['Value'] as string | undefined
    if (name === undefined || !scope.env.has(name)) return undefined
    return scope.env.get(name)
  }
}

function key(node: ShNode, type: string): string {
  const pos = (node as unknown as { Pos(): { Offset(): number } }).Pos().Offset()
  const end = (node as unknown as { End(): { Offset(): number } }).End().Offset()
  return `${type}:${pos}:${end}`
}

function copy(scope: Scope): Scope {
  return { cwd: scope.cwd, env: new Map(scope.env) }
}

/** `cd dir`: the new directory relative to the start, or undefined when not knowable. */
function changeDir(cwd: string | undefined, args: readonly Word[]): string | undefined {
  const operands = args.filter((a) => a.value === undefined || !a.value.startsWith('-'))
  if (cwd === undefined || operands.length !== 1) return undefined
  const target = operands[0] as Word
  if (target.value === undefined || target.expands || target.value.startsWith('~')) return undefined
  if (target.value.startsWith('/')) return target.value
  return cwd === '.' ? target.value : `${cwd}/${target.value}`
}

/** Outside quotes a backslash quotes the next character; backslash-newline disappears. */
function unescapePlain(raw: string): string {
  let out = ''
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] as string
    if (c === '\\' && i + 1 < raw.length) {
      const next = raw[++i] as string
      if (next !== '\n') out += next
    } else {
      out += c
    }
  }
  return out
}

/** Inside double quotes a backslash only quotes $ ` " \ and newline. */
function unescapeDouble(raw: string): string {
  let out = ''
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] as string
    const next = raw[i + 1]
    if (c === '\\' && next !== undefined && '$`"\\\n'.includes(next)) {
      if (next !== '\n') out += next
      i++
    } else {
      out += c
    }
  }
  return out
}

const C_ESCAPES: Readonly<Record<string, string>> = {
  a: '\u0007',
  b: '\b',
  e: '\u001b',
  E: '\u001b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?'
}

/** Bash's $'…' strings: \n, \xHH, \NNN, \uHHHH, \UHHHHHHHH, \cX. */
export function ansiC(raw: string): string {
  let out = ''
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] as string
    if (c !== '\\' || i + 1 >= raw.length) {
      out += c
      continue
    }
    const e = raw[++i] as string
    const hex = (max: number): string => {
      let digits = ''
      while (digits.length < max && /[0-9a-fA-F]/.test(raw[i + 1] ?? '')) digits += raw[++i]
      return digits
    }
    if (e in C_ESCAPES) {
      out += C_ESCAPES[e]
    } else if (e === 'x') {
      const d = hex(2)
      out += d === '' ? '\\x' : String.fromCharCode(parseInt(d, 16))
    } else if (e === 'u' || e === 'U') {
      const d = hex(e === 'u' ? 4 : 8)
      out += d === '' ? `\\${e}` : String.fromCodePoint(Math.min(parseInt(d, 16), 0x10ffff))
    } else if (/[0-7]/.test(e)) {
      let d = e
      while (d.length < 3 && /[0-7]/.test(raw[i + 1] ?? '')) d += raw[++i]
      out += String.fromCharCode(parseInt(d, 8) & 0xff)
    } else if (e === 'c' && i + 1 < raw.length) {
      out += String.fromCharCode((raw[++i] as string).charCodeAt(0) & 0x1f)
    } else {
      out += `\\${e}`
    }
  }
  return out
}
