// npm run bench [-- --size 100] [--lean] [--keep] [--cli dist/cli/index.js]
// Generates a synthetic plan (MB = 10^6 bytes) into a temp dir and times plan-gate against the
// floor the issue compares with: a child `node` doing JSON.parse of the whole file. Every
// implementation runs in its own process, warm page cache, median of 3 runs. Prints MISS rather
// than failing on slow numbers: exit 1 only when something could not run.
import { spawnSync } from 'node:child_process'
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { constants } from 'node:buffer'
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { generatePlan, generateStream } from './gen-plan.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const MB = 1e6
const RUNS = 3

// Loaded into every child with --import: reports the child's own peak RSS (KiB) on fd 3,
// which works without /usr/bin/time and counts only the measured process.
const PRELOAD = `import { writeSync } from 'node:fs'
process.on('exit', () => {
  try { writeSync(3, String(process.resourceUsage().maxRSS)) } catch {}
})
`
// The floor: parse everything, touch the part a gate needs.
const BASELINE = `const plan = JSON.parse(require('node:fs').readFileSync(process.argv[1], 'utf8'))
if (!Array.isArray(plan.resource_changes)) process.exit(3)
console.log(plan.resource_changes.length)`

function parseArgs(argv) {
  const args = { size: 100, lean: false, keep: false, cli: join(ROOT, 'dist/cli/index.js') }
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--size') args.size = Number(argv[++i])
    else if (argv[i] === '--lean') args.lean = true
    else if (argv[i] === '--keep') args.keep = true
    else if (argv[i] === '--cli') args.cli = resolve(argv[++i])
    else throw new Error(`unknown argument: ${argv[i]}`)
  }
  if (!(args.size > 0)) throw new Error('--size needs a number of MB > 0')
  return args
}

const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const q = JSON.stringify
const shown = (path) => {
  const rel = relative(process.cwd(), path)
  return rel.startsWith('..') ? path : rel
}
const fmt = (x, digits = 2) => (x === undefined ? '—' : x.toFixed(digits))

/** Reads the file once in 1 MiB chunks so every measured run starts from the page cache. */
function warm(file) {
  const fd = openSync(file, 'r')
  const buf = Buffer.allocUnsafe(1 << 20)
  while (readSync(fd, buf, 0, buf.length, null) > 0);
  closeSync(fd)
}

/** One child `node` run: wall time around spawnSync, peak RSS from the preload. */
function runNode(ctx, nodeArgs, { capture = false } = {}) {
  const start = process.hrtime.bigint()
  const child = spawnSync(process.execPath, ['--import', ctx.preload, ...nodeArgs], {
    stdio: ['ignore', capture ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    maxBuffer: 256 * MB
  })
  const wall = seconds(start)
  const kib = Number(child.output?.[3]?.toString() || NaN)
  const lines = (child.stderr?.toString() ?? '').split('\n').filter((l) => l.trim() !== '')
  // Node's own crash output is a stack trace: keep the line that names the error.
  const stderr = (lines.find((l) => /error|plan-gate:/i.test(l)) ?? lines.at(-1) ?? '').trim()
  return {
    wall,
    status: child.status,
    stdout: child.stdout?.toString(),
    rss: kib > 0 ? (kib * 1024) / MB : undefined,
    why: child.error?.message ?? (stderr.slice(0, 160) || `exit ${child.status ?? child.signal}`)
  }
}

/** Median wall and highest peak RSS over `runs`; stops at the first unacceptable run. */
function measure(ctx, nodeArgs, accept, runs = RUNS) {
  const results = []
  for (let i = 0; i < runs; i++) {
    const r = runNode(ctx, nodeArgs)
    if (!accept(r.status)) return { failed: r.why, rss: r.rss }
    results.push(r)
  }
  const rss = results.map((r) => r.rss ?? 0)
  return { wall: median(results.map((r) => r.wall)), rss: Math.max(...rss) || undefined, runs }
}

const verdict = (status) => status === 0 || status === 1 // 2 = plan-gate could not read the plan

async function generate(ctx, args) {
  const opts = { targetBytes: args.size * MB, lean: args.lean, seed: 1 }
  let start = process.hrtime.bigint()
  ctx.plan = await generatePlan(ctx.planFile, opts)
  const planTime = seconds(start)
  start = process.hrtime.bigint()
  ctx.stream = await generateStream(ctx.streamFile, { ...opts, calls: ctx.plan.calls })
  const streamTime = seconds(start)
  const { bytes, resources, modules, actions } = ctx.plan
  const kind = args.lean ? 'lean' : 'fat'
  const speed = fmt(bytes / MB / planTime, 0)
  console.log(`generated plan.json (${kind}): ${fmt(bytes / MB, 1)} MB in ${fmt(planTime)} s`)
  console.log(`  ${speed} MB/s; ${resources} resources in ${modules} module instances`)
  console.log(`  actions ${JSON.stringify(actions)}`)
  console.log(`generated plan.jsonl: ${fmt(ctx.stream.bytes / MB, 1)} MB in ${fmt(streamTime)} s`)
}

/** One unmeasured run that checks plan-gate saw what the generator wrote. */
function checkCounts(ctx) {
  const r = runNode(ctx, [ctx.cli, ctx.planFile, '--format', 'json'], { capture: true })
  if (!verdict(r.status)) return `plan-gate failed: ${r.why}`
  let got
  try {
    got = JSON.parse(r.stdout).counts?.actions
  } catch {
    return 'skipped (the report is not JSON)'
  }
  if (got === undefined) return 'skipped (no counts.actions in the report)'
  const n = (action) => ctx.plan.actions[action] ?? 0
  const want = {
    'no-op': n('no-op'),
    update: n('update'),
    create: n('create'),
    read: n('read'),
    delete: n('delete'),
    replace: n('delete,create') + n('create,delete')
  }
  const off = Object.keys(want).filter((k) => got[k] !== want[k])
  return off.length === 0 ? 'plan-gate counts match the generator' : `MISMATCH ${q(got)}`
}

function row(name, input, m, bytes) {
  if (m.failed) return `| ${name} | ${input} | failed: ${m.failed} | | ${fmt(m.rss, 0)} | |`
  const speed = bytes ? fmt(bytes / MB / m.wall, 0) : '—'
  const ratio = bytes && m.rss ? fmt(m.rss / (bytes / MB)) : '—'
  return `| ${name} | ${input} | ${fmt(m.wall)} | ${speed} | ${fmt(m.rss, 0)} | ${ratio} |`
}

function report(ctx, m) {
  const bytes = ctx.plan.bytes
  const streamBytes = ctx.stream.bytes
  console.log(`\nplan.json ${fmt(bytes / MB, 1)} MB, plan.jsonl ${fmt(streamBytes / MB, 1)} MB\n`)
  console.log('| implementation | input | wall s (median) | MB/s | peak RSS MB | RSS ÷ file |')
  console.log('| --- | --- | --: | --: | --: | --: |')
  console.log(row('node startup (`node -e 0`)', '—', m.startup))
  console.log(row('JSON.parse (baseline)', 'plan.json', m.baseline, bytes))
  console.log(row('plan-gate', 'plan.json', m.gate, bytes))
  console.log(row('plan-gate, --max-old-space-size=64 (1 run)', 'plan.json', m.small, bytes))
  console.log(row('plan-gate, JSON Lines', 'plan.jsonl', m.stream, streamBytes))
  const ratio = (x, target) =>
    x === undefined ? 'n/a' : `${fmt(x)}× (target ≤ ${target}×) ${x <= target ? 'PASS' : 'MISS'}`
  const time = m.gate.failed || m.baseline.failed ? undefined : m.gate.wall / m.baseline.wall
  const rss = m.gate.failed || !m.gate.rss ? undefined : m.gate.rss / (bytes / MB)
  console.log('')
  console.log(`plan-gate time ÷ JSON.parse time: ${ratio(time, 2)}`)
  console.log(`plan-gate peak RSS ÷ file size: ${ratio(rss, 3)}`)
  const small = m.small.failed
    ? `FAIL (${m.small.failed})`
    : `PASS, peak RSS ${fmt(m.small.rss, 0)} MB`
  console.log(`plan-gate with --max-old-space-size=64: ${small}`)
}

async function bench(args, ctx) {
  await generate(ctx, args)
  warm(ctx.planFile)
  warm(ctx.streamFile)
  console.log(`check: ${checkCounts(ctx)}`)
  const gate = ['--format', 'json']
  const m = {
    startup: measure(ctx, ['-e', '0'], (s) => s === 0),
    baseline: measure(ctx, ['-e', BASELINE, ctx.planFile], (s) => s === 0),
    gate: measure(ctx, [ctx.cli, ctx.planFile, ...gate], verdict),
    small: measure(ctx, ['--max-old-space-size=64', ctx.cli, ctx.planFile, ...gate], verdict, 1),
    stream: measure(ctx, [ctx.cli, ctx.streamFile, ...gate], verdict)
  }
  report(ctx, m)
  // JSON.parse cannot take a string beyond V8's limit: expected to fail on huge plans.
  const tooBig = ctx.plan.bytes > constants.MAX_STRING_LENGTH
  const failed = Object.entries(m).filter(([k, r]) => r.failed && !(k === 'baseline' && tooBig))
  return failed.map(([k, r]) => `${k}: ${r.failed}`)
}

async function main() {
  const args = parseArgs(process.argv.slice(2))
  if (!existsSync(args.cli)) {
    console.error(`${shown(args.cli)} is missing: run \`npm run build\` first.`)
    return 1
  }
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU'
  const load = loadavg().map((x) => x.toFixed(2))
  console.log(`node ${process.version}, ${process.platform} ${process.arch}`)
  console.log(`${availableParallelism()} CPUs (${cpu}), load average ${load.join(' ')}`)
  console.log(`plan-gate: ${shown(args.cli)}`)
  const dir = mkdtempSync(join(tmpdir(), 'plan-gate-bench-'))
  const ctx = {
    cli: args.cli,
    planFile: join(dir, 'plan.json'),
    streamFile: join(dir, 'plan.jsonl'),
    preload: pathToFileURL(join(dir, 'rss.mjs')).href
  }
  writeFileSync(join(dir, 'rss.mjs'), PRELOAD)
  try {
    const failures = await bench(args, ctx)
    for (const f of failures) console.error(`bench failure: ${f}`)
    return failures.length === 0 ? 0 : 1
  } finally {
    if (args.keep) console.log(`kept ${dir}`)
    else rmSync(dir, { recursive: true, force: true })
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error) => {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  }
)
