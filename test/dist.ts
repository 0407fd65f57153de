/**
 * Tests that run the bundles in dist/ call `requireFreshDist` first: a bundle built from other
 * sources than the tree's fails the test with what to do, instead of testing an old build.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sourceHash } from '../scripts/source-hash.mjs'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

/** Why dist/<bundle> cannot be trusted to be the tree's source, or undefined when it is. */
export function distProblem(bundle: 'cli' | 'action', root = ROOT): string | undefined {
  let built: string
  try {
    built = readFileSync(join(root, 'dist', bundle, 'source-hash.txt'), 'utf8').trim()
  } catch {
    return `dist/${bundle} has no source-hash.txt: run \`npm run build\``
  }
  if (built !== sourceHash(root))
    return `dist/${bundle} was built from other sources than src/: run \`npm run build\``
  return undefined
}

/** Throws when dist/<bundle> is stale. */
export function requireFreshDist(bundle: 'cli' | 'action'): void {
  const problem = distProblem(bundle)
  if (problem !== undefined) throw new Error(problem)
}
