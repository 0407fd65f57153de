// The hash of everything dist/ is built from. The build writes it next to each bundle
// (dist/*/source-hash.txt); tests that run dist/ compare it with the tree and fail when the
// bundle is older than the source, instead of silently testing an old build.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { fileURLToPath, URL } from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const INPUTS = [
  'src',
  'package.json',
  'package-lock.json',
  'rollup.config.js',
  'scripts/rollup-builtins.mjs',
  'scripts/rollup-hcl2json.mjs',
  'scripts/rollup-licenses.mjs',
  'tsconfig.json',
  'tsconfig.build.json'
]

/** The files at `path`: itself, everything below it, or nothing when it does not exist. */
function files(path) {
  if (!existsSync(path)) return []
  if (!statSync(path).isDirectory()) return [path]
  return readdirSync(path).flatMap((name) => files(join(path, name)))
}

/** sha256 over the sorted paths and contents of the build's inputs. */
export function sourceHash(root = ROOT) {
  const hash = createHash('sha256')
  const all = INPUTS.flatMap((input) => files(join(root, input)))
    .map((file) => relative(root, file).split(sep).join('/'))
    .sort()
  for (const file of all) {
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(join(root, file)))
      .update('\0')
  }
  return hash.digest('hex')
}

/** A rollup plugin that writes source-hash.txt into each output directory. */
export function sourceHashPlugin() {
  return {
    name: 'source-hash',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'source-hash.txt', source: `${sourceHash()}\n` })
    }
  }
}
