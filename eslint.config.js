import js from '@eslint/js'
import tseslint from 'typescript-eslint'

/** What pure modules may not import. */
const PURE = [
  {
    group: ['node:fs', 'fs', 'node:fs/*', 'fs/*', 'node:child_process', 'child_process'],
    message: 'The core is pure: no I/O.'
  },
  {
    group: ['@actions/*', '@octokit/*'],
    message: 'Only src/action.ts and src/github/ talk to GitHub.'
  },
  {
    group: ['**/io/*', '!**/io/port.js', '**/cli.js', '**/cli/*', '**/action.js'],
    message: 'The core gets its I/O as a parameter; only the adapters use src/io/.'
  }
]

/** Imports of the layers above. */
const layer = (...names) =>
  names.map((name) => ({
    group: [`**/${name}/*`],
    message: `This layer sits below src/${name}/: classify, then decide, then report.`
  }))

export default tseslint.config(
  { ignores: ['dist/', 'build/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }
      ]
    }
  },
  {
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly' }
    }
  },
  {
    // The core is pure: parsing, classification, policy and rendering never touch I/O. The
    // pipeline gets its I/O as a parameter (src/io/port.ts), so it is pure in the same sense.
    files: [
      'src/common/**',
      'src/plan/**',
      'src/catalog/**',
      'src/rules/**',
      'src/policy/**',
      'src/report/**',
      'src/pipeline/**',
      'src/backend/backend.ts',
      // The GitHub side's pure parts: decisions, state, rendering, inputs and payloads.
      'src/github/events.ts',
      'src/github/gate-flow.ts',
      'src/github/inputs.ts',
      'src/github/outputs.ts',
      'src/github/render.ts',
      'src/github/state.ts'
    ],
    rules: {
      'no-restricted-imports': ['error', { patterns: PURE }],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'The core is pure: pass values in.' }
      ]
    }
  },
  {
    // Classify, then decide: the rules (and the catalog they read) never reach up into the
    // policy, the pipeline or an adapter; the policy takes the rules' findings as they are.
    files: ['src/rules/**', 'src/catalog/**', 'src/plan/**', 'src/common/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...PURE, ...layer('policy', 'pipeline')] }]
    }
  },
  {
    files: ['src/policy/**', 'src/report/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...PURE, ...layer('pipeline')] }]
    }
  }
)
