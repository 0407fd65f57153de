// Regenerates test/e2e/github-openapi.json: the few GitHub REST operations plan-gate calls, cut
// out of GitHub's published OpenAPI description with every component they reference. The full
// file ships in @octokit/openapi (~385 MB unpacked), far too big to vendor or depend on.
//
//   cd /tmp && npm pack @octokit/openapi@23.0.2
//   tar -xzf octokit-openapi-23.0.2.tgz package/generated/api.github.com.json
//   node test/e2e/trim-openapi.mjs /tmp/package/generated/api.github.com.json [out.json] \
//     [--date=YYYY-MM-DD]
import { readFile, writeFile } from 'node:fs/promises'
import { URL, fileURLToPath } from 'node:url'

/** The operations plan-gate calls: [method, path template]. */
export const OPERATIONS = [
  ['get', '/repos/{owner}/{repo}'],
  ['get', '/repos/{owner}/{repo}/pulls/{pull_number}'],
  ['get', '/repos/{owner}/{repo}/pulls/{pull_number}/reviews'],
  ['get', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['post', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['patch', '/repos/{owner}/{repo}/issues/comments/{comment_id}'],
  ['post', '/repos/{owner}/{repo}/statuses/{sha}'],
  ['get', '/repos/{owner}/{repo}/collaborators/{username}/permission'],
  ['get', '/repos/{owner}/{repo}/commits/{commit_sha}/pulls'],
  ['get', '/orgs/{org}/teams/{team_slug}/memberships/{username}'],
  // Apply-time binding (the branch tip, the `<context>/applied` record) and `plan-gate doctor`.
  ['get', '/repos/{owner}/{repo}/git/ref/{ref}'],
  ['get', '/repos/{owner}/{repo}/commits/{ref}/statuses'],
  ['get', '/repos/{owner}/{repo}/rules/branches/{branch}'],
  ['get', '/repos/{owner}/{repo}/contents/{path}'],
  ['get', '/repos/{owner}/{repo}/environments/{environment_name}'],
  ['get', '/repos/{owner}/{repo}/pulls/{pull_number}/files'],
  ['get', '/repos/{owner}/{repo}/pulls/{pull_number}/commits'],
  ['get', '/repos/{owner}/{repo}/activity']
]

// Annotations that cost most of the size and never change what validates.
const DROPPED = new Set(['description', 'example', 'examples', 'externalDocs', 'xml'])
// Keywords whose value is a map of name -> schema, a schema, or a list of schemas. Walking only
// these keeps a *property* called "description" or "example" from being mistaken for annotation.
const SCHEMA_MAPS = ['properties', 'patternProperties']
const SCHEMA_ONE = ['items', 'additionalProperties', 'not', 'propertyNames', 'contains']
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf']

function cleanSchema(schema) {
  if (typeof schema !== 'object' || schema === null) return schema
  const out = {}
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED.has(key) || key.startsWith('x-')) continue
    if (SCHEMA_MAPS.includes(key)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanSchema(v)]))
    } else if (SCHEMA_ONE.includes(key)) {
      out[key] = Array.isArray(value) ? value.map(cleanSchema) : cleanSchema(value)
    } else if (SCHEMA_LISTS.includes(key)) {
      out[key] = value.map(cleanSchema)
    } else {
      out[key] = value
    }
  }
  return out
}

// Media types keep only the schema; parameters and headers keep what a validator needs.
function cleanContent(content) {
  if (!content) return undefined
  const json = content['application/json']
  if (!json) throw new Error(`no application/json in ${Object.keys(content).join(', ')}`)
  return { 'application/json': { schema: cleanSchema(json.schema) } }
}

function cleanParameter(p) {
  if (p.$ref) return { $ref: p.$ref }
  const out = { name: p.name, in: p.in }
  if (p.required !== undefined) out.required = p.required
  out.schema = cleanSchema(p.schema)
  return out
}

function cleanHeaders(headers) {
  if (!headers) return undefined
  return Object.fromEntries(
    Object.entries(headers).map(([name, h]) => [
      name,
      h.$ref ? { $ref: h.$ref } : { schema: cleanSchema(h.schema) }
    ])
  )
}

function cleanResponse(r) {
  if (r.$ref) return { $ref: r.$ref }
  const out = { description: r.description }
  const headers = cleanHeaders(r.headers)
  if (headers) out.headers = headers
  const content = cleanContent(r.content)
  if (content) out.content = content
  return out
}

function cleanOperation(op) {
  const out = { operationId: op.operationId, summary: op.summary }
  if (op.externalDocs?.url) out.externalDocs = { url: op.externalDocs.url }
  if (op.parameters) out.parameters = op.parameters.map(cleanParameter)
  if (op.requestBody) {
    out.requestBody = { required: op.requestBody.required ?? false }
    out.requestBody.content = cleanContent(op.requestBody.content)
  }
  out.responses = Object.fromEntries(
    Object.entries(op.responses).map(([code, r]) => [code, cleanResponse(r)])
  )
  return out
}

const CLEANERS = {
  schemas: cleanSchema,
  responses: cleanResponse,
  parameters: cleanParameter,
  headers: (h) => ({ schema: cleanSchema(h.schema) })
}

function collectRefs(node, into) {
  if (Array.isArray(node)) for (const n of node) collectRefs(n, into)
  else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') into.add(value)
      else collectRefs(value, into)
    }
  }
}

/** Returns the trimmed document for `full` (the parsed api.github.com.json). */
export function trim(full, date) {
  const paths = {}
  const ids = []
  for (const [method, path] of OPERATIONS) {
    const op = full.paths[path]?.[method]
    if (!op) throw new Error(`operation missing upstream: ${method.toUpperCase()} ${path}`)
    paths[path] ??= {}
    paths[path][method] = cleanOperation(op)
    ids.push(`${method.toUpperCase()} ${path} (${op.operationId})`)
  }

  // Follow $refs to a fixed point over the *cleaned* components, so refs that only live inside
  // dropped annotations (examples) do not drag their targets in.
  const components = { schemas: {}, responses: {}, parameters: {}, headers: {} }
  const pending = new Set()
  collectRefs(paths, pending)
  const done = new Set()
  while (pending.size > 0) {
    const [ref] = pending
    pending.delete(ref)
    if (done.has(ref)) continue
    done.add(ref)
    const m = /^#\/components\/(schemas|responses|parameters|headers)\/([^/]+)$/.exec(ref)
    if (!m) throw new Error(`unsupported $ref ${ref}`)
    const [, kind, name] = m
    const source = full.components[kind]?.[name]
    if (!source) throw new Error(`dangling $ref ${ref}`)
    const cleaned = CLEANERS[kind](source)
    components[kind][name] = cleaned
    collectRefs(cleaned, pending)
  }
  for (const kind of Object.keys(components)) {
    const sorted = Object.keys(components[kind]).sort()
    components[kind] = Object.fromEntries(sorted.map((k) => [k, components[kind][k]]))
  }

  const version = full.info?.version ?? 'unknown'
  return {
    openapi: full.openapi,
    info: {
      title: "GitHub REST API: plan-gate's vendored subset",
      version,
      description:
        `Trimmed from @octokit/openapi@${version} (generated/api.github.com.json) on ${date} by ` +
        'test/e2e/trim-openapi.mjs. Only the operations listed in x-trimmed are kept, with every ' +
        'component they reference; descriptions, examples and x-github extensions are dropped.',
      'x-source': {
        package: '@octokit/openapi',
        version,
        file: 'generated/api.github.com.json',
        upstreamTitle: full.info?.title
      },
      'x-trimmed': { date, generator: 'test/e2e/trim-openapi.mjs', operations: ids }
    },
    paths,
    components
  }
}

// Prettier-formatted output keeps `prettier --check` green without an ignore entry; the JSON is
// identical either way, so a missing prettier only costs formatting.
async function format(text, file) {
  try {
    const prettier = await import('prettier')
    const config = (await prettier.resolveConfig(file)) ?? {}
    return await prettier.format(text, { ...config, filepath: file })
  } catch {
    return text
  }
}

async function main(argv) {
  const args = argv.filter((a) => !a.startsWith('--'))
  const dateArg = argv.find((a) => a.startsWith('--date='))
  const date = dateArg ? dateArg.slice('--date='.length) : new Date().toISOString().slice(0, 10)
  const [input, output = fileURLToPath(new URL('./github-openapi.json', import.meta.url))] = args
  if (!input) {
    console.error('usage: node test/e2e/trim-openapi.mjs api.github.com.json [out.json] [--date=]')
    process.exit(2)
  }
  const full = JSON.parse(await readFile(input, 'utf8'))
  const subset = trim(full, date)
  const text = await format(`${JSON.stringify(subset, null, 2)}\n`, output)
  await writeFile(output, text)
  const counts = Object.entries(subset.components).map(([k, v]) => `${Object.keys(v).length} ${k}`)
  console.log(`${output}: ${OPERATIONS.length} operations, ${counts.join(', ')}, ${text.length} B`)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main(process.argv.slice(2))
