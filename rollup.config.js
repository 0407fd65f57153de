// Bundles the CLI and the Action into dist/ as ESM. dist/ is committed; CI checks it.
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import typescript from '@rollup/plugin-typescript'
import { hcl2json } from './scripts/rollup-hcl2json.mjs'
import { sourceHashPlugin } from './scripts/source-hash.mjs'

// outDir must lie inside the output `dir` of a multi-chunk build (the typescript plugin checks).
const plugins = (outDir = 'dist') => [
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
  sourceHashPlugin()
]

// @actions/* ship TypeScript's CommonJS helpers (`this` at the top level) and a core ↔ oidc-utils
// cycle; both are harmless in the bundle and would bury real warnings.
const onwarn = (warning, warn) => {
  const inDeps = (warning.ids ?? [warning.id ?? '']).some((id) => id.includes('node_modules'))
  if (inDeps && ['THIS_IS_UNDEFINED', 'CIRCULAR_DEPENDENCY'].includes(warning.code)) return
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
      sourcemap: false
    },
    plugins: plugins('dist/cli')
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
    plugins: plugins('dist/action'),
    onwarn
  }
]
