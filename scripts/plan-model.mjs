// What the synthetic plans of gen-plan.mjs contain: the module layout, each resource instance's
// action and values, and the sensitivity / unknown masks. Every resource is a pure function of
// (seed, index), so each section of the document regenerates it instead of keeping it in memory.
import { REGION, TYPES, valuesOf } from './plan-types.mjs'

// A mature plan's action mix (cumulative): 90 / 5 / 2 / 1.5 / 1 / 0.3 / 0.2 %.
export const MIX = [
  [0.9, 'no-op'],
  [0.95, 'update'],
  [0.97, 'create'],
  [0.985, 'delete'],
  [0.995, 'delete,create'],
  [0.998, 'create,delete'],
  [1, 'read']
]

// Every module instance holds these blocks ([type, name, count]): 50 resources.
export const MODULE_BLOCKS = [
  ['aws_instance', 'web', 10],
  ['aws_instance', 'worker', 6],
  ['aws_instance', 'bastion', 1],
  ['aws_security_group', 'web', 1],
  ['aws_security_group', 'worker', 4],
  ['aws_security_group', 'db', 2],
  ['aws_iam_role', 'task', 6],
  ['aws_iam_role', 'lambda', 3],
  ['aws_iam_role', 'service', 2],
  ['aws_iam_role', 'deploy', 1],
  ['aws_s3_bucket', 'assets', 3],
  ['aws_s3_bucket', 'logs', 2],
  ['aws_s3_bucket', 'backups', 1],
  ['aws_db_instance', 'main', 2],
  ['aws_db_instance', 'replica', 2],
  ['aws_dynamodb_table', 'sessions', 3],
  ['aws_dynamodb_table', 'leases', 1]
]
export const ROOT_BLOCKS = [
  ['aws_s3_bucket', 'shared_artifacts', 1],
  ['aws_iam_role', 'ci_deployer', 1],
  ['aws_dynamodb_table', 'shared_config', 1],
  ['aws_security_group', 'shared', 1]
]
/**
 * Other action mixes (cumulative), by name: `destroy` is `terraform plan -destroy` (every
 * managed resource deleted), `changed` a plan where 70% of the elements change.
 */
export const MIXES = {
  mature: MIX,
  destroy: [[1, 'delete']],
  changed: [
    [0.3, 'no-op'],
    [0.6, 'update'],
    [0.7, 'create'],
    [0.9, 'delete'],
    [0.97, 'delete,create'],
    [0.99, 'create,delete'],
    [1, 'read']
  ]
}

const CALL_COUNTS = [2, 1, 3, 2] // module `count`s, cycled
const MODULE_SIZE = MODULE_BLOCKS.reduce((n, b) => n + b[2], 0)

/** mulberry32, seeded per resource index. */
function rng(seed, n) {
  let a = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(n + 1, 0xc2b2ae35)) >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), a | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Module calls `svc_000`… with `count` 1–3; the root module holds a few shared blocks. */
export function layoutOf(callCount, seed, lean, mix = 'mature') {
  const modules = [{ addr: '', call: 'root', blocks: ROOT_BLOCKS, start: 0 }]
  const calls = []
  let start = ROOT_BLOCKS.length
  for (let k = 0; k < callCount; k++) {
    const call = { name: `svc_${String(k).padStart(3, '0')}`, count: CALL_COUNTS[k % 4] }
    calls.push(call)
    for (let i = 0; i < call.count; i++) {
      const addr = `module.${call.name}[${i}]`
      modules.push({ addr, call: call.name, blocks: MODULE_BLOCKS, start })
      start += MODULE_SIZE
    }
  }
  const actions = MIXES[mix]
  if (actions === undefined) throw new Error(`unknown mix "${mix}"`)
  return { seed, lean, mix: actions, calls, modules, resources: start }
}

export function* resourcesIn(layout, mod) {
  let n = mod.start
  for (const [type, name, count] of mod.blocks) {
    for (let i = 0; i < count; i++)
      yield describe(layout, mod, type, name, count > 1 ? i : null, n++)
  }
}

export function* allResources(layout) {
  for (const mod of layout.modules) yield* resourcesIn(layout, mod)
}

/** Fake per-instance ids and names; `hex` is 16 hex digits, unique per index. */
export function contextOf(call, name, key, n) {
  const scrambled = (Math.imul(n + 1, 0x9e3779b1) >>> 0).toString(16).padStart(8, '0')
  return {
    n,
    call,
    hex: scrambled + n.toString(16).padStart(8, '0'),
    slug: `${call}-${name}-${key ?? 0}`.replaceAll('_', '-'),
    az: REGION + 'abc'[n % 3],
    ip: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`
  }
}

/** One resource instance; values are built lazily, only for the sections that need them. */
function describe(layout, mod, type, name, key, n) {
  const rand = rng(layout.seed, n)
  const x = rand()
  const action = layout.mix.find(([p]) => x < p)[1]
  const mode = action === 'read' ? 'data' : 'managed' // reads are data sources
  const local = `${mode === 'data' ? 'data.' : ''}${type}.${name}${key === null ? '' : `[${key}]`}`
  const ctx = contextOf(mod.call, name, key, n)
  let values, after
  return {
    mod,
    type,
    name,
    key,
    action,
    mode,
    local,
    ctx,
    t: TYPES[type],
    lean: layout.lean,
    address: mod.addr ? `${mod.addr}.${local}` : local,
    drift: (action === 'no-op' || action === 'update') && rand() < 0.01,
    get values() {
      return (values ??= valuesOf(type, ctx, layout.lean))
    },
    get after() {
      return (after ??= afterOf(this))
    }
  }
}

/** Planned values: updates touch a tag, replacements a force-new attribute; unknowns omitted. */
function afterOf(r) {
  const v = r.values
  if (r.action === 'no-op') return v
  if (r.action === 'delete') return null
  if (r.action === 'update') return retag(v, 'Revision', 'r2')
  const replaced = r.action.includes(',')
  const out = {}
  for (const [k, x] of Object.entries(v)) {
    if (!r.t.computed.includes(k)) out[k] = replaced && k === r.t.replace ? `${x}-v2` : x
  }
  return out
}

/** Copy with one tag set; keys stay sorted because the new tag names sort last. */
export const retag = (v, key, value) => ({
  ...v,
  tags: { ...v.tags, [key]: value },
  tags_all: { ...v.tags_all, [key]: value }
})

// Sensitivity and unknown masks mirror the value's shape ({} per object, [false…] per list).
// Shapes are fixed per type, so each mask is serialised once per type and kind:
// 's' sensitive (before/after_sensitive), 'u' unknown on create, 'x' shape only.
const maskCache = new Map()
export function maskJson(r, kind) {
  const id = `${r.type}|${kind}|${r.lean}`
  if (!maskCache.has(id)) {
    const flagged = kind === 's' ? (r.t.sensitive ?? []) : kind === 'u' ? r.t.computed : []
    maskCache.set(id, JSON.stringify(mask(r.values, flagged)))
  }
  return maskCache.get(id)
}

function mask(v, flagged) {
  const out = {}
  for (const [k, x] of Object.entries(v)) {
    if (flagged.includes(k)) out[k] = true
    else if (Array.isArray(x)) out[k] = x.map((e) => (typeof e === 'object' ? mask(e, []) : false))
    else if (x !== null && typeof x === 'object') out[k] = mask(x, [])
  }
  return out
}
