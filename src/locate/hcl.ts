/**
 * Top-level blocks of an HCL file with their positions: `resource`, `data` and `module` blocks,
 * their labels, the lines they span and a module's literal `source`. Two parsers with one
 * shape: tree-sitter's Terraform grammar (WebAssembly), and a line scanner for where
 * WebAssembly is unavailable (`node --jitless`), which reads the usual layout only.
 */
import { Language, Parser, type Node } from 'web-tree-sitter'

/** One top-level block. Lines and columns are 1-based. */
export interface HclBlock {
  /** `resource`, `data`, `module`, … */
  readonly kind: string
  readonly labels: readonly string[]
  readonly line: number
  readonly column: number
  readonly endLine: number
  /** A `module` block's literal `source`, when it has one. */
  readonly source?: string
}

/** Reads the top-level blocks of one file's text; never throws on bad HCL. */
export type HclBlockParser = (text: string) => HclBlock[]

/** The WebAssembly the tree-sitter parser needs, handed in by the I/O layer. */
export interface HclWasm {
  /** web-tree-sitter's runtime (`web-tree-sitter.wasm`). */
  readonly runtime: Uint8Array
  /** The Terraform grammar (`tree-sitter-terraform.wasm`). */
  readonly grammar: Uint8Array
}

let runtime: Promise<void> | undefined

/** The tree-sitter block parser; rejects where WebAssembly cannot run. */
export async function treeSitterBlocks(wasm: HclWasm): Promise<HclBlockParser> {
  if (typeof WebAssembly !== 'object') throw new Error('WebAssembly is unavailable')
  runtime ??= Parser.init({ wasmBinary: wasm.runtime } as object)
  try {
    await runtime
  } catch (error) {
    runtime = undefined
    throw error
  }
  const language = await Language.load(wasm.grammar)
  const parser = new Parser()
  parser.setLanguage(language)
  return (text) => {
    const tree = parser.parse(text)
    if (tree === null) return []
    try {
      const body = tree.rootNode.namedChildren.find((n) => n?.type === 'body')
      return (body?.namedChildren ?? []).flatMap((node) =>
        node !== null && node.type === 'block' ? [blockOf(node)] : []
      )
    } finally {
      tree.delete()
    }
  }
}

function blockOf(node: Node): HclBlock {
  const children = node.namedChildren.filter((n): n is Node => n !== null)
  const kind = children[0]?.type === 'identifier' ? children[0].text : ''
  const labels: string[] = []
  for (const child of children.slice(1)) {
    if (child.type === 'string_lit') labels.push(stringValue(child) ?? child.text)
    else if (child.type === 'identifier') labels.push(child.text)
    else break
  }
  const body = children.find((n) => n.type === 'body')
  const source = kind === 'module' && body !== undefined ? sourceOf(body) : undefined
  return {
    kind,
    labels,
    line: node.startPosition.row + 1,
    column: node.startPosition.column + 1,
    endLine: node.endPosition.row + 1,
    ...(source === undefined ? {} : { source })
  }
}

function sourceOf(body: Node): string | undefined {
  for (const attribute of body.namedChildren) {
    if (attribute?.type !== 'attribute') continue
    const [name, expression] = attribute.namedChildren
    if (name?.text !== 'source' || expression == null) continue
    const literal = expression.descendantsOfType('string_lit')[0]
    // Only a plain string: an interpolated source is not something a locator may follow.
    if (literal == null || expression.text.trim() !== literal.text) return undefined
    return stringValue(literal)
  }
  return undefined
}

/** A string literal's value when it has no interpolation, else undefined. */
function stringValue(node: Node): string | undefined {
  const parts = node.namedChildren.filter(
    (n) => n !== null && n.type !== 'quoted_template_start' && n.type !== 'quoted_template_end'
  )
  if (parts.some((n) => n?.type !== 'template_literal')) return undefined
  return parts.map((n) => n?.text ?? '').join('')
}

const BLOCK_START =
  /^([A-Za-z_][\w-]*)((?:\s+(?:"(?:[^"\\]|\\.)*"|[A-Za-z_][\w-]*))*)\s*\{\s*(\})?\s*(?:#.*|\/\/.*)?$/
const LABEL = /"((?:[^"\\]|\\.)*)"|([A-Za-z_][\w-]*)/g
const SOURCE = /^\s*source\s*=\s*"([^"$%\\]*)"\s*(?:#.*|\/\/.*)?$/

/**
 * The fallback: blocks that start at column 1 (as `terraform fmt` writes them) and end at the
 * next `}` at column 1. It skips heredocs and block comments it can see.
 */
export function scanBlocks(text: string): HclBlock[] {
  const lines = text.split(/\r?\n/)
  const blocks: HclBlock[] = []
  let open: { kind: string; labels: string[]; line: number; source?: string } | undefined
  let heredoc: string | undefined
  let comment = false
  lines.forEach((line, index) => {
    if (heredoc !== undefined) {
      if (line.trim() === heredoc) heredoc = undefined
      return
    }
    if (comment) {
      if (line.includes('*/')) comment = false
      return
    }
    if (/^\s*\/\*/.test(line) && !line.includes('*/')) {
      comment = true
      return
    }
    const here = /<<-?\s*([A-Za-z_]\w*)\s*$/.exec(line)
    if (here?.[1] !== undefined) heredoc = here[1]
    if (open === undefined) {
      const start = BLOCK_START.exec(line)
      if (start?.[1] === undefined) return
      const labels = [...(start[2] ?? '').matchAll(LABEL)].map((m) => m[1] ?? m[2] ?? '')
      open = { kind: start[1], labels, line: index + 1 }
      // `resource "a" "b" {}` opens and closes on one line.
      if (start[3] !== undefined) {
        blocks.push({ ...open, column: 1, endLine: index + 1 })
        open = undefined
      }
      return
    }
    if (open.kind === 'module' && open.source === undefined) {
      const source = SOURCE.exec(line)
      if (source?.[1] !== undefined) open.source = source[1]
    }
    if (/^\}/.test(line)) {
      blocks.push({ ...open, column: 1, endLine: index + 1 })
      open = undefined
    }
  })
  return blocks
}
