// Bundles the CLI (and later the Action) into dist/ as ESM. dist/ is committed; CI checks it.
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import typescript from '@rollup/plugin-typescript'

const plugins = () => [
  typescript({
    tsconfig: './tsconfig.build.json',
    outDir: 'dist',
    rootDir: 'src',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    outputToFilesystem: false
  }),
  nodeResolve({ preferBuiltins: true }),
  commonjs(),
  json()
]

export default [
  {
    input: 'src/bin/plan-gate.ts',
    output: {
      file: 'dist/cli/index.js',
      format: 'es',
      banner: '#!/usr/bin/env node',
      sourcemap: false
    },
    plugins: plugins()
  }
]
