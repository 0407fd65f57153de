// Bundles the CLI and the Action into dist/ as ESM. dist/ is committed; CI checks it.
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import typescript from '@rollup/plugin-typescript'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { builtinsByRequire } from './scripts/rollup-builtins.mjs'
import { hcl2json } from './scripts/rollup-hcl2json.mjs'
import { notices } from './scripts/rollup-licenses.mjs'
import { sourceHashPlugin } from './scripts/source-hash.mjs'

const require = createRequire(import.meta.url)

// The positional HCL parser (src/locate/hcl.ts): web-tree-sitter's runtime and the Terraform
// grammar, next to the bundle, where src/io/sources.ts looks for them.
const treeSitterWasm = () => ({
  name: 'tree-sitter-wasm',
  generateBundle() {
    for (const [fileName, path] of [
      ['web-tree-sitter.wasm', 'web-tree-sitter/web-tree-sitter.wasm'],
      [
        'tree-sitter-terraform.wasm',
        '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm'
      ]
    ])
      this.emitFile({ type: 'asset', fileName, source: readFileSync(require.resolve(path)) })
  }
})

// outDir must lie inside the output `dir` of a multi-chunk build (the typescript plugin checks).
const plugins = (outDir, title) => [
  typescript({
    tsconfig: './tsconfig.build.json',
    outDir,
    rootDir: 'src',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    outputToFilesystem: false
  }),
  // Before commonjs: it patches @cdktn/hcl2json's CommonJS source and emits its WASM file.
  hcl2json(),
  nodeResolve({ preferBuiltins: true }),
  commonjs(),
  json(),
  sourceHashPlugin(),
  treeSitterWasm(),
  // `require` for node:* built-ins, not ESM imports: their ESM facades load lazy parts at start-up.
  builtinsByRequire(),
  // dist/*/licenses.txt: the third-party notices of exactly what the bundle holds.
  notices(outDir, title)
]

// @actions/* ship TypeScript's CommonJS helpers (`this` at the top level) and a core ↔ oidc-utils
// cycle; both are harmless in the bundle and would bury real warnings.
const onwarn = (warning, warn) => {
  const inDeps = (warning.ids ?? [warning.id ?? '']).some((id) => id.includes('node_modules'))
  if (inDeps && ['THIS_IS_UNDEFINED', 'CIRCULAR_DEPENDENCY'].includes(warning.code)) return
  // web-tree-sitter's Emscripten glue evals EM_ASM snippets of its own WebAssembly module.
  if (warning.code === 'EVAL' && (warning.id ?? '').includes('web-tree-sitter')) return
  warn(warning)
}

export default [
  {
    // `backend` exposes loadBackends for scripts/check-dist-hcl.mjs; the HCL parser is a
    // separate chunk (dist/cli/hcl2json.js + hcl2json.wasm.gz) loaded only by import().
    input: { index: 'src/bin/plan-gate.ts', backend: 'src/backend/load.ts' },
    output: {
      dir: 'dist/cli',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: '[name].js',
      banner: (chunk) => (chunk.isEntry && chunk.name === 'index' ? '#!/usr/bin/env node' : ''),
      // The agent hook's shell parser in its own chunk, loaded only by import(); the CommonJS
      // helpers it shares with the HCL parser in another, so loading it never starts the HCL WASM.
      manualChunks: (id) =>
        id === '\0commonjsHelpers.js'
          ? 'commonjs-helpers'
          : id.includes('/node_modules/mvdan-sh/')
            ? 'shell-parser'
            : undefined,
      sourcemap: false
    },
    plugins: plugins('dist/cli', 'command line bundle (dist/cli)'),
    onwarn
  },
  {
    // The Action (action.yml runs dist/action/index.js on node24): everything bundled, since the
    // runner has no node_modules; the HCL parser chunk and its WASM land next to it.
    input: { index: 'src/bin/action.ts' },
    output: {
      dir: 'dist/action',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: '[name].js',
      sourcemap: false
    },
    plugins: plugins('dist/action', 'GitHub Action bundle (dist/action)'),
    onwarn
  }
]
