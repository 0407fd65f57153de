// Regenerates test/e2e/github-graphql.graphql: the few types and fields of GitHub's published
// GraphQL schema that plan-gate queries, cut out of @octokit/graphql-schema's schema.graphql with
// descriptions dropped. The fake GitHub executes plan-gate's queries against this fragment, so a
// query GitHub would reject (unknown field, wrong argument) fails the suite.
//
//   cd /tmp && npm pack @octokit/graphql-schema@15.26.1 && tar -xzf octokit-graphql-schema-15.26.1.tgz
//   node test/e2e/trim-graphql.mjs /tmp/package/schema.graphql [out.graphql]
import { readFile, writeFile } from 'node:fs/promises'
import { URL, fileURLToPath } from 'node:url'
import { Kind, parse, print } from 'graphql'

/** Kept types and, for object and interface types, the kept fields. */
export const KEEP = {
  Query: ['node'],
  Node: ['id'],
  Actor: ['login'],
  Bot: ['id', 'login'],
  User: ['id', 'login'],
  IssueComment: [
    'id',
    'databaseId',
    'author',
    'editor',
    'body',
    'createdAt',
    'lastEditedAt',
    'updatedAt',
    'userContentEdits'
  ],
  UserContentEdit: ['id', 'editedAt', 'editor'],
  UserContentEditConnection: ['nodes', 'totalCount'],
  DateTime: null
}

function strip(node) {
  if (Array.isArray(node)) return node.map(strip)
  if (typeof node !== 'object' || node === null) return node
  const out = {}
  for (const [k, v] of Object.entries(node)) {
    if (k === 'description' || k === 'loc' || k === 'directives') continue
    out[k] = strip(v)
  }
  if ('directives' in node) out.directives = []
  return out
}

export function trim(sdl) {
  const doc = parse(sdl, { noLocation: true })
  const definitions = []
  for (const def of doc.definitions) {
    const name = def.name?.value
    if (!name || !(name in KEEP)) continue
    const fields = KEEP[name]
    const next = strip(def)
    if (fields !== null && next.fields) {
      next.fields = next.fields.filter((f) => fields.includes(f.name.value))
      const missing = fields.filter((f) => !next.fields.some((x) => x.name.value === f))
      if (missing.length > 0) throw new Error(`${name} lacks ${missing.join(', ')} upstream`)
    }
    // An interface stays only when the type keeps every field it asks for.
    if (next.interfaces)
      next.interfaces = next.interfaces.filter(
        (i) =>
          i.name.value in KEEP &&
          (KEEP[i.name.value] ?? []).every((f) => fields === null || fields.includes(f))
      )
    definitions.push(next)
  }
  const missing = Object.keys(KEEP).filter((n) => !definitions.some((d) => d.name.value === n))
  if (missing.length > 0) throw new Error(`missing upstream: ${missing.join(', ')}`)
  definitions.sort((a, b) => a.name.value.localeCompare(b.name.value))
  return print({ kind: Kind.DOCUMENT, definitions })
}

async function main(argv) {
  const [input, output = fileURLToPath(new URL('./github-graphql.graphql', import.meta.url))] = argv
  if (!input) {
    console.error('usage: node test/e2e/trim-graphql.mjs schema.graphql [out.graphql]')
    process.exit(2)
  }
  const header =
    '# GitHub GraphQL API: the subset plan-gate queries, trimmed from @octokit/graphql-schema@15.26.1\n' +
    '# (schema.graphql) by test/e2e/trim-graphql.mjs; descriptions and directives dropped.\n\n'
  await writeFile(output, `${header}${trim(await readFile(input, 'utf8'))}\n`)
  console.log(output)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main(process.argv.slice(2))
