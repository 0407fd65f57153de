// Node's built-in modules reach the bundles through `require`, not through `import`.
//
// An ESM `import … from 'node:fs'` (named or namespace) links against Node's ESM facade of the
// module, which reads every export once: lazy getters such as `fs.promises`, `fs.ReadStream` or
// `crypto.webcrypto` then load their modules (fs/promises, the streams, WebCrypto with its
// workers) at start-up, although a plain run never uses them. `require` returns the module
// object itself and leaves those getters alone. This plugin rewrites each static import of a
// built-in in the rendered chunks into a `require` of it (`process.getBuiltinModule` where
// Node has it, else `createRequire`); nothing else changes. Dynamic `import('node:…')` stays as
// it is.
import { builtinModules } from 'node:module'

const BUILTINS = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)])
const REQUIRE = '__requireBuiltin'

/** The statement that binds an import declaration's names from `require(source)`. */
function requireStatement(node, source) {
  const call = `${REQUIRE}(${JSON.stringify(source)})`
  if (node.specifiers.length === 0) return `${call};`
  const names = []
  const statements = []
  for (const spec of node.specifiers) {
    if (spec.type === 'ImportDefaultSpecifier' || spec.type === 'ImportNamespaceSpecifier') {
      // A built-in's default export is its module object, and so is what a namespace reads.
      statements.push(`const ${spec.local.name} = ${call};`)
    } else {
      const imported =
        spec.imported.type === 'Identifier' ? spec.imported.name : spec.imported.value
      if (imported === 'default') statements.push(`const ${spec.local.name} = ${call};`)
      else names.push(imported === spec.local.name ? imported : `${imported}: ${spec.local.name}`)
    }
  }
  if (names.length > 0) statements.push(`const { ${names.join(', ')} } = ${call};`)
  return statements.join(' ')
}

export function builtinsByRequire() {
  return {
    name: 'builtins-by-require',
    renderChunk(code) {
      const ast = this.parse(code)
      const edits = []
      for (const node of ast.body) {
        if (
          (node.type === 'ExportAllDeclaration' || node.type === 'ExportNamedDeclaration') &&
          node.source != null &&
          BUILTINS.has(node.source.value)
        )
          this.error(`re-export from ${node.source.value}: not supported by builtins-by-require`)
        if (node.type !== 'ImportDeclaration' || !BUILTINS.has(node.source.value)) continue
        edits.push({
          start: node.start,
          end: node.end,
          text: requireStatement(node, node.source.value)
        })
      }
      if (edits.length === 0) return null
      if (code.includes(REQUIRE)) this.error(`${REQUIRE} is already used in a chunk`)
      let out = code
      for (const { start, end, text } of edits.reverse())
        out = `${out.slice(0, start)}${text}${out.slice(end)}`
      // Before everything else, so that every statement that used an import can use its const.
      // process.getBuiltinModule (Node 20.16+, 22.3+) returns the same module objects as require
      // without the CommonJS loader, whose first call costs about half a millisecond.
      const head =
        `import { createRequire as ${REQUIRE}Create } from 'node:module';\n` +
        `const ${REQUIRE} = typeof process.getBuiltinModule === 'function' ? (id) => process.getBuiltinModule(id) : ${REQUIRE}Create(import.meta.url);\n`
      // After a shebang line, which must stay first.
      const shebang = out.startsWith('#!') ? out.indexOf('\n') + 1 : 0
      return { code: `${out.slice(0, shebang)}${head}${out.slice(shebang)}`, map: null }
    }
  }
}
