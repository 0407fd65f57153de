import * as nodeModule from 'node:module'
import type { EnableCompileCache } from '../common/compile-cache.js'
import { enableOwnCompileCache } from '../common/compile-cache.js'

// A reader that stops early (`plan-gate rules | head -3`) closes the pipe: writing then fails
// with EPIPE. Stop writing quietly and keep the exit code the run sets; never a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return
    process.exitCode = 2
  })
}

// Node ≥ 22.1 keeps the compiled bundle in an on-disk code cache, so a run does not compile the
// CLI again: about a fifth of the start-up of a small plan, and most of loading the shell parser
// in `plan-gate hook`. The cache lives beside this file, never under the temp dir: whoever can
// write the cache chooses the code that runs (src/common/compile-cache.ts). This entry stays tiny
// and the CLI is imported after it.
enableOwnCompileCache(
  import.meta.url,
  (nodeModule as { enableCompileCache?: EnableCompileCache }).enableCompileCache
)
const { main } = await import('../cli.js')
void main()
