// Makes @cdktn/hcl2json (CommonJS + Go WASM) work inside an ESM bundle that must run without
// node_modules (a GitHub Action's dist/). Four things break as published:
// - build/bridge.js reads `join(__dirname, "..", "main.wasm.gz")`: there is no __dirname in ESM
//   and no bundler copies the file. We emit the file next to the bundle and point at it with
//   `import.meta.ROLLUP_FILE_URL_*`, which rollup turns into a URL relative to the chunk.
// - wasm/bridge_wasm_exec.js has `globalThis.performance ??= require("performance")`: there is no
//   such package, and the commonjs plugin hoists the require into an import. Node has
//   `perf_hooks`.
// - the same file sets `globalThis.require = require`, which nothing reads (Go's wasm_exec.js
//   uses `globalThis.fs`) and which is undefined in ESM.
// - bridge.js uses four functions of fs-extra, which would bundle graceful-fs, and that patches
//   the process-wide `fs.close` when loaded. A four-line module of node:fs stands in for it.
// It also keeps the parser in its own chunk so that only a dynamic import loads it.
import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, sep } from 'node:path'

const require = createRequire(import.meta.url)
const PKG_DIR = dirname(require.resolve('@cdktn/hcl2json/package.json'))
const WASM = join(PKG_DIR, 'main.wasm.gz')
const BRIDGE = join(PKG_DIR, 'build', 'bridge.js')
const WASM_EXEC_SHIM = join(PKG_DIR, 'wasm', 'bridge_wasm_exec.js')

/** The emitted parser asset, next to the chunk that loads it. */
export const WASM_FILE_NAME = 'hcl2json.wasm.gz'
/** The chunk holding the parser (and its Go runtime), loaded only by `import()`. */
export const CHUNK_NAME = 'hcl2json'

const FS_SHIM = '\0hcl2json:fs'
// Exactly what bridge.js calls; fs-extra's readFile is the promise form.
const FS_SHIM_CODE = [
  "export { lstatSync, readdirSync, readFileSync } from 'node:fs'",
  "export { readFile } from 'node:fs/promises'"
].join('\n')

function replaceOnce(code, from, to, id) {
  if (!code.includes(from)) {
    throw new Error(`hcl2json plugin: "${from}" not found in ${id}; @cdktn/hcl2json changed`)
  }
  return code.replace(from, to)
}

/** Rollup plugin: bundle @cdktn/hcl2json with its WASM asset. */
export function hcl2json() {
  return {
    name: 'hcl2json',
    resolveId(source, importer) {
      return source === 'fs-extra' && importer === BRIDGE ? FS_SHIM : null
    },
    load(id) {
      return id === FS_SHIM ? FS_SHIM_CODE : null
    },
    transform(code, id) {
      if (id === BRIDGE) {
        const ref = this.emitFile({
          type: 'asset',
          fileName: WASM_FILE_NAME,
          source: readFileSync(WASM)
        })
        return {
          code: replaceOnce(
            code,
            '(0, path_1.join)(__dirname, "..", "main.wasm.gz")',
            `new URL(import.meta.ROLLUP_FILE_URL_${ref})`,
            id
          ),
          map: null
        }
      }
      if (id === WASM_EXEC_SHIM) {
        let out = replaceOnce(code, 'globalThis.require = require;', '', id)
        out = replaceOnce(out, 'require("performance")', 'require("perf_hooks").performance', id)
        return { code: out, map: null }
      }
      return null
    },
    outputOptions(options) {
      // Ids of commonjs wrapper modules start with `\0` and end in `?commonjs-…`.
      // Composed with the config's own manualChunks (rollup.config.js), if any.
      const own = typeof options.manualChunks === 'function' ? options.manualChunks : undefined
      const manualChunks = (id, api) =>
        id.includes(PKG_DIR + sep) || id.includes(FS_SHIM) ? CHUNK_NAME : own?.(id, api)
      return { ...options, manualChunks }
    },
    // A multi-chunk build writes into a directory that rollup never cleans; dist/ is committed,
    // so a chunk left from an earlier build would ship.
    writeBundle(options, bundle) {
      if (!options.dir) return
      for (const name of readdirSync(options.dir)) {
        if (/\.(m?js|map|wasm\.gz)$/.test(name) && !(name in bundle)) {
          rmSync(join(options.dir, name))
        }
      }
    }
  }
}
