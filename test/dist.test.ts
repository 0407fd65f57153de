import { describe, expect, test } from '@jest/globals'
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sourceHash } from '../scripts/source-hash.mjs'
import { distProblem } from './dist.js'
import { ROOT } from './helpers.js'

describe('tests that run dist/ refuse a bundle older than src/', () => {
  const copy = (): string => {
    const root = mkdtempSync(join(tmpdir(), 'plan-gate-dist-'))
    cpSync(join(ROOT, 'src'), join(root, 'src'), { recursive: true })
    for (const file of ['package.json', 'package-lock.json', 'rollup.config.js', 'tsconfig.json'])
      cpSync(join(ROOT, file), join(root, file))
    mkdirSync(join(root, 'dist', 'cli'), { recursive: true })
    return root
  }

  test('a current bundle passes; an edit to src/ after the build fails with what to do', () => {
    const root = copy()
    try {
      expect(distProblem('cli', root)).toBe('dist/cli has no source-hash.txt: run `npm run build`')
      writeFileSync(join(root, 'dist', 'cli', 'source-hash.txt'), `${sourceHash(root)}\n`)
      expect(distProblem('cli', root)).toBeUndefined()
      writeFileSync(join(root, 'src', 'version.ts'), 'export const VERSION = "edited"\n')
      expect(distProblem('cli', root)).toBe(
        'dist/cli was built from other sources than src/: run `npm run build`'
      )
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })

  test('the committed bundles are current (else: npm run build)', () => {
    expect(distProblem('cli')).toBeUndefined()
    expect(distProblem('action')).toBeUndefined()
  })
})
