// The third-party notices of a bundle: every npm package whose code rollup put into it (with its
// license text), and the Go modules compiled into @cdktn/hcl2json's WebAssembly (read from the Go
// build information the binary carries). Written next to the bundle as licenses.txt, as
// actions/typescript-action does; the build fails on a package without a license or with one
// outside ALLOWED, and on a Go module missing from GO_LICENSES.
import license from 'rollup-plugin-license'
import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { WASM } from './rollup-hcl2json.mjs'

/** Licenses a bundled package may have (SPDX). MPL-2.0 is file-level: see the hcl2json note. */
export const ALLOWED =
  '(MIT OR ISC OR Apache-2.0 OR BSD-2-Clause OR BSD-3-Clause OR 0BSD OR BlueOak-1.0.0 OR MPL-2.0)'

/** Licenses of the Go modules in hcl2json's WASM (their LICENSE files are not on npm). */
export const GO_LICENSES = {
  go: 'BSD-3-Clause',
  'github.com/agext/levenshtein': 'Apache-2.0',
  'github.com/apparentlymart/go-textseg/v15': 'Apache-2.0',
  'github.com/hashicorp/hcl/v2': 'MPL-2.0',
  'github.com/mitchellh/go-wordwrap': 'MIT',
  'github.com/tmccombs/hcl2json': 'Apache-2.0',
  'github.com/zclconf/go-cty': 'MIT',
  'golang.org/x/text': 'BSD-3-Clause'
}

/** `[{ path, version }]` of the Go toolchain and modules in a gzipped Go WASM binary. */
export function goModules(wasmGz = WASM) {
  const text = gunzipSync(readFileSync(wasmGz)).toString('latin1')
  const modules = []
  for (const match of text.matchAll(/\ndep\t([^\t\n]+)\t(v[^\t\n]+)\t/g)) {
    modules.push({ path: match[1], version: match[2] })
  }
  const go = /\bgo1\.\d+(\.\d+)?\b/.exec(text)
  if (modules.length === 0 || go === null) {
    throw new Error(`licenses: no Go build information in ${wasmGz}; @cdktn/hcl2json changed`)
  }
  return [{ path: 'go', version: go[0] }, ...modules]
}

const RULE = '-'.repeat(78)

function goSection() {
  const lines = [
    RULE,
    'Compiled into hcl2json.wasm.gz (from @cdktn/hcl2json, above), as its Go build information',
    'lists them. Sources: https://pkg.go.dev/<module>@<version> (Go: https://go.dev/LICENSE).',
    RULE,
    ''
  ]
  for (const { path, version } of goModules()) {
    const id = GO_LICENSES[path]
    if (id === undefined) {
      throw new Error(
        `licenses: the Go module ${path} is not in GO_LICENSES (scripts/rollup-licenses.mjs)`
      )
    }
    lines.push(`${path === 'go' ? 'Go standard library and runtime' : path} ${version}: ${id}`)
  }
  return lines.join('\n')
}

function render(dependencies, title) {
  const sorted = [...dependencies].sort((a, b) => a.name.localeCompare(b.name))
  const parts = [
    `Third-party software in plan-gate's ${title}`,
    '',
    'plan-gate itself is MIT-licensed (LICENSE). The bundle contains the following packages,',
    'each under its own license, reproduced below as the package ships it.',
    '',
    ...sorted.map((d) => `  ${d.name}@${d.version} (${d.license})`),
    ''
  ]
  for (const d of sorted) {
    parts.push(RULE, `${d.name}@${d.version}`, `License: ${d.license}`)
    if (d.repository?.url) parts.push(`Repository: ${d.repository.url}`)
    if (d.name === '@cdktn/hcl2json') {
      parts.push(
        'Modified at bundle time (MPL-2.0 section 3.1): scripts/rollup-hcl2json.mjs in',
        "plan-gate's repository lists each change; the modified source is hcl2json.js here."
      )
    }
    parts.push(RULE, '', (d.licenseText ?? '(no license file in the package)').trim(), '')
    if (d.noticeText) parts.push('NOTICE:', '', d.noticeText.trim(), '')
  }
  if (sorted.some((d) => d.name === '@cdktn/hcl2json')) parts.push(goSection(), '')
  return parts.join('\n')
}

/** The license plugin for one bundle, writing `${dir}/licenses.txt`. */
export function notices(dir, title) {
  return license({
    thirdParty: {
      includePrivate: false,
      multipleVersions: true,
      allow: { test: ALLOWED, failOnUnlicensed: true, failOnViolation: true },
      output: { file: `${dir}/licenses.txt`, template: (deps) => render(deps, title) }
    }
  })
}
