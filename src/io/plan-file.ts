/** Reading a plan's bytes: stdin, a file streamed in 1 MiB chunks, or a binary plan. */
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { progressBar, progressLine } from '../report/progress.js'
import { showBinaryPlan } from './terraform-show.js'

/** What reading plans needs from the process. */
export interface PlanFileIO {
  readonly cwd: string
  readonly stdin: AsyncIterable<Uint8Array | string>
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean }
  readonly env: Readonly<Record<string, string | undefined>>
  /** Program used to read binary plans (default: terraform, then tofu on PATH). */
  readonly terraformBin?: string
  /** Environment variable names `terraform show` may see besides PATH, HOME and TF_*. */
  readonly passEnv?: readonly string[]
  /** Report reading progress on stderr: true forces it, default only on a terminal, > 50 MB. */
  readonly progress?: boolean
}

const CHUNK = 1 << 20
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]

/** Streams the plan named `file` (`-`: stdin) into `push`. */
export async function readPlanBytes(
  file: string,
  io: PlanFileIO,
  push: (chunk: Uint8Array) => void
): Promise<void> {
  if (file === '-') {
    for await (const chunk of io.stdin) push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)
    return
  }
  const path = resolve(io.cwd, file)
  const stat = statSync(path)
  if (stat.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' })
  // Only a regular file can be peeked at without losing bytes (not a FIFO such as <(...)).
  if (stat.isFile() && isZip(path))
    return showBinaryPlan(path, io.terraformBin, io.env, push, io.passEnv, io.cwd)
  // Always streamed in 1 MiB chunks: the whole file is never one Buffer or one string.
  const report = progressReporter(file, stat.size, io)
  let read = 0
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK })) {
    push(chunk as Buffer)
    read += (chunk as Buffer).length
    report?.(read)
  }
  report?.(read, true)
}

/** Plans above this size get a progress bar on a terminal. */
const PROGRESS_THRESHOLD = 50 * 1024 * 1024

/**
 * On a terminal, a bar redrawn in place (large plans only); with --progress elsewhere (CI logs),
 * a plain line every 10%. Silent otherwise, and always on stderr: stdout is the report.
 */
function progressReporter(
  file: string,
  total: number,
  io: PlanFileIO
): ((read: number, done?: boolean) => void) | undefined {
  const tty = io.stderr.isTTY === true && !io.env['CI']
  if (io.progress !== true && !(tty && total > PROGRESS_THRESHOLD)) return undefined
  let lastStep = -1
  return (read, done = false) => {
    if (tty) {
      io.stderr.write(done ? '\r\u001b[K' : `\r${progressBar(file, read, total)}`)
      return
    }
    const step = Math.floor((read / Math.max(total, 1)) * 10)
    if (step > lastStep || done) {
      if (!(done && step === lastStep)) io.stderr.write(`${progressLine(file, read, total)}\n`)
      lastStep = step
    }
  }
}

function isZip(file: string): boolean {
  const fd = openSync(file, 'r')
  try {
    const head = Buffer.alloc(4)
    const n = readSync(fd, head, 0, 4, 0)
    return n === 4 && ZIP_MAGIC.every((b, i) => head[i] === b)
  } finally {
    closeSync(fd)
  }
}
