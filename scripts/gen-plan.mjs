// Deterministic synthetic `terraform show -json` plans (and the matching `terraform plan -json`
// JSON Lines stream) for benchmarks. The shape follows the performance research note (§4–5):
// Terraform's top-level key order, cty-sorted attributes, a mature plan's action mix and section
// shares (resource_changes ≈ 47%, planned_values ≈ 24%, prior_state ≈ 25%, configuration ≈ 3%).
// Usage: node scripts/gen-plan.mjs out.json [MB=100] [--lean] [--seed N] [--mix mature|destroy|changed]
//   (out.jsonl: the matching `terraform plan -json` stream, itself about MB in size)
import { open } from 'node:fs/promises'
import { pathToFileURL } from 'node:url'
import { allResources, layoutOf, maskJson, MIX, MODULE_BLOCKS, resourcesIn } from './plan-model.mjs'
import { retag, ROOT_BLOCKS, contextOf } from './plan-model.mjs'
import { FAKE_PASSWORD, REGION, TYPES, valuesOf } from './plan-types.mjs'

const TF = '1.9.8'
const TS = '2026-01-01T00:00:00.000000Z'
const PROVIDER = 'registry.terraform.io/hashicorp/aws'
const CHUNK = 1 << 20

const q = JSON.stringify
const ACTIONS = Object.fromEntries(MIX.map(([, a]) => [a, q(a.split(','))]))
const REASON = {
  delete: 'delete_because_no_resource_config',
  'delete,create': 'replace_because_cannot_update',
  'create,delete': 'replace_because_cannot_update',
  read: 'read_because_config_unknown'
}
// `terraform plan -json` spells actions differently and has its own reason names.
const STREAM_ACTION = { create: 'create', update: 'update', delete: 'delete', read: 'read' }
STREAM_ACTION['delete,create'] = STREAM_ACTION['create,delete'] = 'replace'
const STREAM_REASON = { delete: 'delete_because_no_resource_config', replace: 'cannot_update' }

const VARIABLES = `{"db_password":{"value":${q(FAKE_PASSWORD)}},"environment":{"value":"bench"},"region":{"value":"${REGION}"}}`
const VPC = '"vpc-0fake0000000001"'
const PV_OUTPUTS = `{"vpc_id":{"sensitive":false,"type":"string","value":${VPC}}}`
const STATE_OUTPUTS = `{"vpc_id":{"sensitive":false,"value":${VPC},"type":"string"}}`
const OUTPUT_CHANGES = `{"vpc_id":{"actions":["no-op"],"before":${VPC},"after":${VPC},"after_unknown":false,"before_sensitive":false,"after_sensitive":false}}`

// ---- show-json sections ----

function head(r, withModule) {
  const module = withModule && r.mod.addr ? `,"module_address":"${r.mod.addr}"` : ''
  const index = r.key === null ? '' : `,"index":${r.key}`
  return `"address":${q(r.address)}${module},"mode":"${r.mode}","type":"${r.type}","name":"${r.name}"${index},"provider_name":"${PROVIDER}"`
}

function plannedResource(r) {
  if (r.action === 'delete') return undefined // destroyed: absent from planned_values
  return `{${head(r)},"schema_version":${r.t.schema},"values":${q(r.after)},"sensitive_values":${maskJson(r, 's')}}`
}

function stateResource(r) {
  if (r.action === 'create' || r.action === 'read') return undefined // not in state yet
  return `{${head(r)},"schema_version":${r.t.schema},"values":${q(r.values)},"sensitive_values":${maskJson(r, 's')}}`
}

function changeEntry(r) {
  const before = r.action === 'create' || r.action === 'read' ? null : r.values
  const bj = q(before)
  const aj = r.after === before ? bj : q(r.after) // no-op: serialise once
  const unknown = r.action === 'update' ? 'x' : 'u'
  const au = r.action === 'no-op' || r.after === null ? '{}' : maskJson(r, unknown)
  const bs = before === null ? 'false' : maskJson(r, 's')
  const as = r.after === null ? 'false' : maskJson(r, 's')
  const paths = r.action.includes(',') ? `,"replace_paths":[["${r.t.replace}"]]` : ''
  const reason = REASON[r.action] ? `,"action_reason":"${REASON[r.action]}"` : ''
  return `{${head(r, true)},"change":{"actions":${ACTIONS[r.action]},"before":${bj},"after":${aj},"after_unknown":${au},"before_sensitive":${bs},"after_sensitive":${as}${paths}}${reason}}`
}

// Drift: someone re-tagged the resource outside Terraform.
function driftEntry(r) {
  if (!r.drift) return undefined
  const before = q(retag(r.values, 'Owner', 'team-drifted'))
  const s = maskJson(r, 's')
  return `{${head(r, true)},"change":{"actions":["update"],"before":${before},"after":${q(r.values)},"after_unknown":{},"before_sensitive":${s},"after_sensitive":${s}}}`
}

const relevantEntry = (r) =>
  r.drift ? `{"resource":${q(r.address)},"attribute":["tags"]}` : undefined

function* joined(resources, fn) {
  let sep = ''
  for (const r of resources) {
    const s = fn(r)
    if (s === undefined) continue
    yield sep + s
    sep = ','
  }
}

/** planned_values / prior_state module tree: `resources`, `address`, `child_modules`. */
function* moduleTree(layout, fn) {
  const resources = (mod) => {
    const list = [...joined(resourcesIn(layout, mod), fn)].join('')
    return list === '' ? '' : `"resources":[${list}],`
  }
  const [root, ...children] = layout.modules
  yield `{${resources(root)}"child_modules":[`
  for (const [i, mod] of children.entries()) {
    yield `${i ? ',' : ''}{${resources(mod)}"address":"${mod.addr}"}`
  }
  yield ']}'
}

// Configuration is per block, not per instance: every call repeats the same module body.
function blocksJson(blocks, lean) {
  const list = blocks.map(([type, name, count]) => {
    const t = TYPES[type]
    const sample = valuesOf(type, contextOf('root', name, null, 0), lean)
    const exprs = q(expressions(sample, [...t.computed, ...(t.sensitive ?? [])]))
    const countExpr = count > 1 ? `,"count_expression":{"constant_value":${count}}` : ''
    return `{"address":"${type}.${name}","mode":"managed","type":"${type}","name":"${name}","provider_config_key":"aws","expressions":${exprs},"schema_version":${t.schema}${countExpr}}`
  })
  return `[${list.join(',')}]`
}

function expressions(v, skip = []) {
  const out = {}
  for (const [k, x] of Object.entries(v)) {
    if (skip.includes(k) || k === 'tags_all' || x === null || x === '') continue
    if (Array.isArray(x) && x.length === 0) continue
    if (k === 'tags') out[k] = { references: ['local.tags', 'local'] }
    else if (Array.isArray(x) && typeof x[0] === 'object') out[k] = x.map((e) => expressions(e))
    else out[k] = { constant_value: x }
  }
  return out
}

function* configuration(layout) {
  const aws = `{"name":"aws","full_name":"${PROVIDER}","version_constraint":"~> 5.0","expressions":{"region":{"references":["var.region"]}}}`
  const outputs = `{"vpc_id":{"expression":{"constant_value":${VPC}}}}`
  yield `{"provider_config":{"aws":${aws}},"root_module":{"outputs":${outputs},"resources":${blocksJson(ROOT_BLOCKS, layout.lean)},"module_calls":{`
  const body = `{"resources":${blocksJson(MODULE_BLOCKS, layout.lean)},"variables":{"name":{"description":"Service name"}}}`
  for (const [i, call] of layout.calls.entries()) {
    yield `${i ? ',' : ''}${q(call.name)}:{"source":"./modules/service","expressions":{"name":{"constant_value":${q(call.name)}}},"count_expression":{"constant_value":${call.count}},"module":${body}}`
  }
  yield `},"variables":{"db_password":{"sensitive":true},"environment":{"default":"bench"},"region":{"default":"${REGION}"}}}}`
}

function* documentParts(layout) {
  yield `{"format_version":"1.2","terraform_version":"${TF}","variables":${VARIABLES}`
  yield `,"planned_values":{"outputs":${PV_OUTPUTS},"root_module":`
  yield* moduleTree(layout, plannedResource)
  yield '},"resource_drift":['
  yield* joined(allResources(layout), driftEntry)
  yield '],"resource_changes":['
  yield* joined(allResources(layout), changeEntry)
  yield `],"output_changes":${OUTPUT_CHANGES},"prior_state":{"format_version":"1.0","terraform_version":"${TF}","values":{"outputs":${STATE_OUTPUTS},"root_module":`
  yield* moduleTree(layout, stateResource)
  yield '}},"configuration":'
  yield* configuration(layout)
  yield ',"relevant_attributes":['
  yield* joined(allResources(layout), relevantEntry)
  yield `],"timestamp":"${TS.slice(0, 19)}Z","applyable":true,"complete":true,"errored":false}`
}

// ---- terraform plan -json (JSON Lines) ----

const uiLine = (message, body, type) =>
  `{"@level":"info","@message":${q(message)},"@module":"terraform.ui","@timestamp":"${TS}",${body},"type":"${type}"}\n`

const addrJson = (r) =>
  `{"addr":${q(r.address)},"module":"${r.mod.addr}","resource":${q(r.local)},"implied_provider":"aws","resource_type":"${r.type}","resource_name":"${r.name}","resource_key":${r.key}}`

function* streamParts(layout) {
  yield `{"@level":"info","@message":"Terraform ${TF}","@module":"terraform.ui","@timestamp":"${TS}","terraform":"${TF}","type":"version","ui":"1.2"}\n`
  for (const r of allResources(layout)) {
    if (r.mode === 'data' || r.action === 'create') continue // nothing to refresh
    const id = r.t.id(r.ctx)
    const hook = `"hook":{"resource":${addrJson(r)},"id_key":"id","id_value":${q(id)}}`
    yield uiLine(`${r.address}: Refreshing state... [id=${id}]`, hook, 'refresh_start')
    yield uiLine(`${r.address}: Refresh complete [id=${id}]`, hook, 'refresh_complete')
  }
  for (const r of allResources(layout)) {
    if (!r.drift) continue
    const change = `"change":{"resource":${addrJson(r)},"action":"update"}`
    yield uiLine(`${r.address}: Drift detected (update)`, change, 'resource_drift')
  }
  const sum = { add: 0, change: 0, remove: 0 }
  for (const r of allResources(layout)) {
    const action = STREAM_ACTION[r.action]
    if (action === undefined) continue // no-op: not reported
    if (r.action.includes('create')) sum.add++
    if (r.action.includes('delete')) sum.remove++
    if (action === 'update') sum.change++
    const reason = STREAM_REASON[action] ? `,"reason":"${STREAM_REASON[action]}"` : ''
    const change = `"change":{"resource":${addrJson(r)},"action":"${action}"${reason}}`
    yield uiLine(`${r.address}: Plan to ${action}`, change, 'planned_change')
  }
  const changes = `"changes":{"add":${sum.add},"change":${sum.change},"import":0,"remove":${sum.remove},"operation":"plan"}`
  const msg = `Plan: ${sum.add} to add, ${sum.change} to change, ${sum.remove} to destroy.`
  yield uiLine(msg, changes, 'change_summary')
}

// ---- output ----

/** Writes the parts in ~1 MiB chunks: the document never exists as one string. */
async function writeParts(path, parts) {
  const file = await open(path, 'w')
  let pending = []
  let size = 0
  let total = 0
  const flush = async () => {
    const buf = Buffer.from(pending.join(''))
    for (let off = 0; off < buf.length;) off += (await file.write(buf, off)).bytesWritten
    total += buf.length
    pending = []
    size = 0
  }
  try {
    for (const part of parts) {
      pending.push(part)
      size += part.length
      if (size >= CHUNK) await flush()
    }
    await flush()
  } finally {
    await file.close()
  }
  return total
}

// Size is linear in the number of module calls (the counts cycle every 4 calls), so a dry run
// of the root module alone and one of 4 calls give the fixed part and the bytes per call.
// The output is ASCII, so string length = bytes.
function callsFor(targetBytes, seed, lean, parts = documentParts, mix = 'mature') {
  const bytes = (calls) => {
    let n = 0
    for (const s of parts(layoutOf(calls, seed, lean, mix))) n += s.length
    return n
  }
  const fixed = bytes(0)
  const perCall = (bytes(4) - fixed) / 4
  return Math.max(1, Math.round((targetBytes - fixed) / perCall))
}

function summary(layout, bytes) {
  const actions = {}
  for (const r of allResources(layout)) actions[r.action] = (actions[r.action] ?? 0) + 1
  const modules = layout.modules.length - 1
  return { bytes, resources: layout.resources, modules, calls: layout.calls.length, actions }
}

/**
 * Writes a synthetic `terraform show -json` plan of about `targetBytes`; deterministic for a
 * given seed. Pass the returned `calls` to generateStream to get the same plan as JSON Lines.
 */
export async function generatePlan(
  path,
  { targetBytes, seed = 1, lean = false, calls, mix = 'mature' } = {}
) {
  const layout = layoutOf(
    calls ?? callsFor(targetBytes, seed, lean, documentParts, mix),
    seed,
    lean,
    mix
  )
  return summary(layout, await writeParts(path, documentParts(layout)))
}

/**
 * The same plan as `terraform plan -json` output (no values, so about a tenth of the size).
 * With `calls` from generatePlan it is that plan; with `targetBytes` the stream itself is about
 * that size.
 */
export async function generateStream(
  path,
  { targetBytes, seed = 1, lean = false, calls, mix = 'mature' } = {}
) {
  const layout = layoutOf(
    calls ?? callsFor(targetBytes, seed, lean, streamParts, mix),
    seed,
    lean,
    mix
  )
  return summary(layout, await writeParts(path, streamParts(layout)))
}

async function main(args) {
  const flag = (name) => args.includes(name)
  const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback)
  const seed = Number(option('--seed', '1'))
  const mix = option('--mix', 'mature')
  const valued = new Set(['--seed', '--mix'])
  const [out, mb = '100'] = args.filter((a, i) => !a.startsWith('--') && !valued.has(args[i - 1]))
  if (out === undefined || !(Number(mb) > 0)) {
    console.error(
      'usage: node scripts/gen-plan.mjs <out.json|out.jsonl> [MB=100] [--lean] [--seed N] [--mix mature|destroy|changed]'
    )
    process.exit(2)
  }
  const generate = out.endsWith('.jsonl') ? generateStream : generatePlan
  const started = process.hrtime.bigint()
  const info = await generate(out, {
    targetBytes: Number(mb) * 1e6,
    seed,
    lean: flag('--lean'),
    mix
  })
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  console.log(`${out}: ${(info.bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(2)} s`, info)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main(process.argv.slice(2))
}
