#!/usr/bin/env node
import { createRequire as __requireBuiltinCreate } from 'node:module';
const __requireBuiltin = typeof process.getBuiltinModule === 'function' ? (id) => process.getBuiltinModule(id) : __requireBuiltinCreate(import.meta.url);
const nodeModule = __requireBuiltin("node:module");

// A reader that stops early (`plan-gate rules | head -3`) closes the pipe: writing then fails
// with EPIPE. Stop writing quietly and keep the exit code the run sets; never a stack trace.
for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error) => {
        if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED')
            return;
        process.exitCode = 2;
    });
}
// Node ≥ 22.1 keeps the compiled bundle in its on-disk compile cache (NODE_COMPILE_CACHE, by
// default under the temp dir), so a run does not compile the CLI again: about a fifth of the
// start-up of a small plan. This entry stays tiny and the CLI is imported after it.
try {
    ;
    nodeModule.enableCompileCache?.();
}
catch {
    // no cache: only slower
}
const { main } = await import('./cli.js').then(function (n) { return n.b; });
void main();
