#!/usr/bin/env node
import { createRequire as __requireBuiltinCreate } from 'node:module';
const __requireBuiltin = typeof process.getBuiltinModule === 'function' ? (id) => process.getBuiltinModule(id) : __requireBuiltinCreate(import.meta.url);
const nodeModule = __requireBuiltin("node:module");
const { fileURLToPath } = __requireBuiltin("node:url");

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
/** The directory the cache of the modules at `moduleUrl`'s directory is kept in. */
function compileCacheDir(moduleUrl) {
    return new URL('.compile-cache/', moduleUrl);
}
/**
 * Turns the cache on for the modules loaded from now on, in compileCacheDir(moduleUrl); a no-op
 * before Node 22.1, and quiet when it cannot be turned on (only slower).
 */
function enableOwnCompileCache(moduleUrl, enable) {
    if (enable === undefined)
        return;
    try {
        enable(fileURLToPath(compileCacheDir(moduleUrl)));
    }
    catch {
        // no cache: only slower
    }
}

// A reader that stops early (`plan-gate rules | head -3`) closes the pipe: writing then fails
// with EPIPE. Stop writing quietly and keep the exit code the run sets; never a stack trace.
for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error) => {
        if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED')
            return;
        process.exitCode = 2;
    });
}
// Node ≥ 22.1 keeps the compiled bundle in an on-disk code cache, so a run does not compile the
// CLI again: about a fifth of the start-up of a small plan, and most of loading the shell parser
// in `plan-gate hook`. The cache lives beside this file, never under the temp dir: whoever can
// write the cache chooses the code that runs (src/common/compile-cache.ts). This entry stays tiny
// and the CLI is imported after it.
enableOwnCompileCache(import.meta.url, nodeModule.enableCompileCache);
const { main } = await import('./cli.js').then(function (n) { return n.b; });
void main();
