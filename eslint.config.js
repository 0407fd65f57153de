import js from '@eslint/js'
import tseslint from 'typescript-eslint'

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
    // The core is pure: parsing, classification, policy and rendering never touch I/O.
    files: [
      'src/plan/**',
      'src/catalog/**',
      'src/rules/**',
      'src/policy/**',
      'src/report/**',
      'src/backend/backend.ts',
      // The GitHub side's pure parts: decisions, state, rendering, inputs and payloads.
      'src/github/events.ts',
      'src/github/gate-flow.ts',
      'src/github/inputs.ts',
      'src/github/render.ts',
      'src/github/state.ts'
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:fs', 'fs', 'node:fs/*', 'fs/*', 'node:child_process', 'child_process'],
              message: 'The core is pure: no I/O.'
            },
            {
              group: ['@actions/*', '@octokit/*'],
              message: 'Only src/action.ts and src/github/ talk to GitHub.'
            }
          ]
        }
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'The core is pure: pass values in.' }
      ]
    }
  }
)
