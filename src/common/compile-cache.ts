/**
 * V8's on-disk code cache (Node ≥ 22.1) for plan-gate's own modules, kept beside the code it
 * caches, never in Node's default directory under the temp dir.
 *
 * Why not the default: a cache entry is trusted on the file's size and CRC-32, both of which
 * anyone can compute, and V8 checks only the source's length; nothing ties the bytecode in the
 * entry to the text of the module. Whoever can write the cache directory chooses the code
 * plan-gate runs. Under the temp dir that is every process of the same user (an agent's shell
 * command, a package's install script, a pull request's `terraform plan` on a self-hosted runner
 * that keeps /tmp between jobs), and the entry outlives a reinstall of plan-gate, because the
 * reinstalled files have the same size and CRC-32. Tested in test/e2e/compile-cache.e2e.test.ts:
 * bytecode compiled from `gate: 0` and filed under the real bundle made a blocked plan exit 0.
 *
 * Beside the bundle, only whoever can already rewrite the bundle can write the cache, and
 * removing the package (`npm ci`) removes it. Where that directory is read-only (a root-owned
 * global install) Node runs without a cache: slower, never less safe. NODE_COMPILE_CACHE set by
 * whoever starts plan-gate still wins, like any Node option in the environment (see
 * docs/security.md).
 */
import { fileURLToPath } from 'node:url'

/** Node's `module.enableCompileCache`, where it exists. */
export type EnableCompileCache = (directory: string) => unknown

/** The directory the cache of the modules at `moduleUrl`'s directory is kept in. */
export function compileCacheDir(moduleUrl: string): URL {
  return new URL('.compile-cache/', moduleUrl)
}

/**
 * Turns the cache on for the modules loaded from now on, in compileCacheDir(moduleUrl); a no-op
 * before Node 22.1, and quiet when it cannot be turned on (only slower).
 */
export function enableOwnCompileCache(
  moduleUrl: string,
  enable: EnableCompileCache | undefined
): void {
  if (enable === undefined) return
  try {
    enable(fileURLToPath(compileCacheDir(moduleUrl)))
  } catch {
    // no cache: only slower
  }
}
