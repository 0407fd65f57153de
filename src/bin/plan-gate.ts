import { main } from '../cli.js'

// A reader that stops early (`plan-gate rules | head -3`) closes the pipe: writing then fails
// with EPIPE. Stop writing quietly and keep the exit code the run sets; never a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return
    process.exitCode = 2
  })
}

void main()
