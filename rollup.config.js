// Bundles the CLI (and later the Action) into dist/ as ESM. dist/ is committed; CI checks it.
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import typescript from '@rollup/plugin-typescript'
import { hcl2json } from './scripts/rollup-hcl2json.mjs'

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
  json()
]

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
  }
]
