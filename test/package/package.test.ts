/**
 * The npm package as a user gets it: package.json's metadata, the tarball's file list and size
 * (`npm pack --dry-run --json`), the third-party notices against what is installed, and the
 * acceptance check of issue 14: `npm pack`, `npm install -g` of the tarball into an empty prefix
 * (offline: it has no dependencies to fetch), then `plan-gate --version` and the example. The
 * Action bundle is also run from a copy outside the repository, where no node_modules can be
 * found. These read the built dist/: run `npm run build` first.
 */
import { describe, expect, test } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { POLICY_SCHEMA_URL, STARTER_POLICY } from '../../src/policy/starter.js'
import { VERSION } from '../../src/version.js'
import { requireFreshDist } from '../dist.js'
import { ROOT } from '../helpers.js'

interface PackageJson {
  name: string
  version: string
  license: string
  engines: { node: string }
  bin: Record<string, string>
  files: string[]
  exports: Record<string, string>
  repository: { type: string; url: string }
  homepage: string
  bugs: { url: string }
  dependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
  bundleDependencies?: unknown
  bundledDependencies?: unknown
  devDependencies: Record<string, string>
  scripts: Record<string, string>
}

const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson
const REPO = 'https://github.com/plan-gate/plan-gate'
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm'

/** Only npm's own variables are dropped: a test must not inherit `npm test`'s config. */
function npmEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(process.env))
    if (!/^npm_/i.test(k) && k !== 'NODE_OPTIONS') env[k] = v
  return { ...env, NO_COLOR: '1', npm_config_update_notifier: 'false', ...extra }
}

interface PackFile {
  path: string
  size: number
}
interface PackResult {
  files: PackFile[]
  size: number
  unpackedSize: number
  filename: string
}

function packDryRun(): PackResult {
  const out = execFileSync(NPM, ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: ROOT,
    env: npmEnv(),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe']
  })
  return (JSON.parse(out) as PackResult[])[0] as PackResult
}

/**
 * Files the CLI bundle loads from `entry`: imported chunks (static and dynamic), and any file of
 * `dir` whose name the loaded code spells out as a string (assets read next to the bundle).
 */
function reachable(dir: string, entry: string): Set<string> {
  const present = new Set(readdirSync(dir))
  const seen = new Set<string>()
  const queue = [entry]
  while (queue.length > 0) {
    const name = queue.pop() as string
    if (seen.has(name)) continue
    seen.add(name)
    if (!name.endsWith('.js')) continue
    const code = readFileSync(join(dir, name), 'utf8')
    const refs = [
      ...code.matchAll(/(?:from|import)\s*\(?\s*['"]\.\/([^'"]+\.js)['"]/g),
      ...code.matchAll(/['"`](?:\.\/)?([\w.-]+\.(?:js|wasm|gz))['"`]/g)
    ]
    for (const ref of refs) if (present.has(ref[1] as string)) queue.push(ref[1] as string)
  }
  return seen
}

/** Versions of a package in node_modules, at the top or nested one level under another package. */
function installedVersions(name: string): string[] {
  const top = join(ROOT, 'node_modules')
  const owners = readdirSync(top).flatMap((d) =>
    d.startsWith('@') ? readdirSync(join(top, d)).map((s) => `${d}/${s}`) : [d]
  )
  const candidates = [join(top, name), ...owners.map((o) => join(top, o, 'node_modules', name))]
  return candidates
    .map((dir) => join(dir, 'package.json'))
    .filter((file) => existsSync(file))
    .map((file) => (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version)
}

describe('package.json', () => {
  test('no runtime dependencies: the bundles hold everything', () => {
    expect(PKG.dependencies ?? {}).toEqual({})
    expect(PKG.optionalDependencies ?? {}).toEqual({})
    expect(PKG.peerDependencies ?? {}).toEqual({})
    expect(PKG.bundleDependencies ?? PKG.bundledDependencies).toBeUndefined()
    // What the bundles are built from is still pinned, as development dependencies.
    for (const name of ['@actions/core', '@actions/github', '@cdktn/hcl2json', 'ajv', 'yaml'])
      expect(PKG.devDependencies[name]).toBeDefined()
  })

  test('repository, homepage and bugs name the repository every docs link points at', () => {
    expect(PKG.repository).toEqual({ type: 'git', url: `git+${REPO}.git` })
    expect(PKG.homepage).toBe(`${REPO}#readme`)
    expect(PKG.bugs.url).toBe(`${REPO}/issues`)
    expect(PKG.bin).toEqual({ 'plan-gate': 'dist/cli/index.js' })
    expect(readFileSync(join(ROOT, 'dist', 'cli', 'index.js'), 'utf8')).toMatch(
      /^#!\/usr\/bin\/env node\n/
    )
  })

  test('MIT, as package.json says, with the LICENSE file', () => {
    expect(PKG.license).toBe('MIT')
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/)
  })

  test('engines: Node 20 or later, which the CLI bundle is tested on', () => {
    expect(PKG.engines).toEqual({ node: '>=20' })
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(20)
  })

  test('every JSON schema is exported', () => {
    const schemas = readdirSync(join(ROOT, 'schema')).filter((f) => f.endsWith('.json'))
    expect(schemas.length).toBeGreaterThanOrEqual(2)
    for (const file of schemas) expect(PKG.exports[`./schema/${file}`]).toBe(`./schema/${file}`)
    expect(PKG.exports['./package.json']).toBe('./package.json')
  })
})

test('init points editors at the policy schema of this version, which the package exports', () => {
  expect(STARTER_POLICY.split('\n')[0]).toBe(`# yaml-language-server: $schema=${POLICY_SCHEMA_URL}`)
  const url = new URL(POLICY_SCHEMA_URL)
  expect(url.origin).toBe('https://raw.githubusercontent.com')
  // /<owner>/<repo>/v<version>/<path>: the release tag and a file the package carries.
  const [, owner, repo, tag, ...path] = url.pathname.split('/')
  expect(`https://github.com/${owner}/${repo}`).toBe(REPO)
  expect(tag).toBe(`v${VERSION}`)
  expect(PKG.exports[`./${path.join('/')}`]).toBe(`./${path.join('/')}`)
  const schema = JSON.parse(readFileSync(join(ROOT, ...path), 'utf8')) as { $id: string }
  expect(schema.$id).toBe(POLICY_SCHEMA_URL.replace(`/v${VERSION}/`, '/main/'))
})

describe('npm pack', () => {
  requireFreshDist('cli')
  // On Node ≥ 22.1 every run of the CLI from this tree writes V8's code cache beside the bundle
  // (src/common/compile-cache.ts): it must never be packed. A probe entry makes sure there is one.
  const probe = join(ROOT, 'dist', 'cli', '.compile-cache', 'probe-package-test')
  mkdirSync(probe, { recursive: true })
  writeFileSync(join(probe, '0badcafe'), 'not a cache entry')
  let pack: PackResult
  try {
    pack = packDryRun()
  } finally {
    rmSync(probe, { recursive: true, force: true })
  }
  const paths = pack.files.map((f) => f.path).sort()

  test('the tarball holds the CLI, the schemas and the legal files, and nothing else', () => {
    const outsideDist = paths.filter((p) => !p.startsWith('dist/'))
    const schemas = readdirSync(join(ROOT, 'schema')).map((f) => `schema/${f}`)
    expect(outsideDist).toEqual(
      ['CHANGELOG.md', 'LICENSE', 'README.md', 'package.json', ...schemas].sort()
    )
  })

  test('dist/: exactly what the CLI loads, plus its notices; no Action bundle', () => {
    const dist = paths.filter((p) => p.startsWith('dist/'))
    expect(dist.filter((p) => !p.startsWith('dist/cli/'))).toEqual([])
    const loaded = [...reachable(join(ROOT, 'dist', 'cli'), 'index.js')].map((f) => `dist/cli/${f}`)
    expect(loaded).toContain('dist/cli/hcl2json.wasm.gz')
    expect(dist).toEqual([...loaded, 'dist/cli/licenses.txt'].sort())
    // One copy of each asset.
    const names = dist.map((p) => p.split('/').pop())
    expect(new Set(names).size).toBe(names.length)
  })

  test('size: under 3 MB packed (it was 4.5 MB with the Action bundle)', () => {
    // Unpacked: the CLI (1 MB), the HCL parser's WASM (1.9 MB gzipped), tree-sitter's runtime
    // and Terraform grammar for the .tf locator (0.3 MB), and two chunks loaded only by their
    // commands: the agent hook's shell parser (1.5 MB) and `doctor`'s GitHub client (1.3 MB).
    expect(pack.size).toBeLessThan(3_000_000)
    expect(pack.unpackedSize).toBeLessThan(7_500_000)
  })
})

describe('third-party notices (dist/*/licenses.txt, written by the build)', () => {
  test.each(['cli', 'action'])(
    'dist/%s/licenses.txt names the installed version of each package',
    (bundle) => {
      const text = readFileSync(join(ROOT, 'dist', bundle, 'licenses.txt'), 'utf8')
      const listed = [...text.matchAll(/^ {2}(@?[^@\s]+)@(\S+) \(([^)]+)\)$/gm)]
      expect(listed.length).toBeGreaterThan(3)
      for (const [, name, version] of listed) {
        // A stale notices file: `npm run build` after changing dependencies.
        expect(installedVersions(name as string)).toContain(version)
      }
      // The Go code compiled into the HCL parser's WebAssembly is listed too.
      expect(text).toMatch(/^github\.com\/hashicorp\/hcl\/v2 v[\d.]+: MPL-2\.0$/m)
      expect(text).toMatch(/^Go standard library and runtime go1\.\d+/m)
    }
  )

  test('the CLI notices cover the packages the CLI bundle is built from', () => {
    const text = readFileSync(join(ROOT, 'dist', 'cli', 'licenses.txt'), 'utf8')
    for (const name of ['ajv', 'yaml', '@cdktn/hcl2json'])
      expect(text).toMatch(new RegExp(`^ {2}${name.replace('/', '\\/')}@`, 'm'))
    // The GitHub client is in the CLI package only for `doctor`, in a chunk the main bundle
    // loads by import() when that command runs: nothing of it is in the entry (index.js, which
    // turns on the compile cache) nor in the CLI it imports (cli.js).
    expect(text).toMatch(/^ {2}@octokit\/core@/m)
    const entry = readFileSync(join(ROOT, 'dist', 'cli', 'index.js'), 'utf8')
    expect(entry).toContain('enableCompileCache')
    expect(entry).toContain("import('./cli.js')")
    const main = readFileSync(join(ROOT, 'dist', 'cli', 'cli.js'), 'utf8')
    expect(`${entry}${main}`).not.toMatch(/octokit/i)
    expect(main).toContain("import('./doctor-cli.js')")
  })
})

describe('installed from the tarball', () => {
  requireFreshDist('cli')
  requireFreshDist('action')
  test('npm install -g into an empty prefix: no dependencies, no warning, the CLI runs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-gate-pack-'))
    try {
      const packed = JSON.parse(
        execFileSync(NPM, ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], {
          cwd: ROOT,
          env: npmEnv(),
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe']
        })
      ) as PackResult[]
      const tarball = join(dir, (packed[0] as PackResult).filename)
      const prefix = join(dir, 'prefix')
      // --offline: a package without dependencies needs nothing from the registry.
      const install = spawnSync(
        NPM,
        [
          'install',
          '--global',
          '--prefix',
          prefix,
          tarball,
          '--offline',
          '--no-audit',
          '--no-fund'
        ],
        { cwd: dir, env: npmEnv({ npm_config_cache: join(dir, 'cache') }), encoding: 'utf8' }
      )
      expect(install.stderr).toBe('')
      expect(install.status).toBe(0)
      expect(install.stdout).toMatch(/added 1 package/)
      const installed = join(prefix, 'lib', 'node_modules', 'plan-gate')
      expect(existsSync(join(installed, 'node_modules'))).toBe(false)
      expect(readdirSync(join(prefix, 'lib', 'node_modules'))).toEqual(['plan-gate'])

      const bin = join(prefix, 'bin', 'plan-gate')
      const env = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', NO_COLOR: '1' }
      const version = spawnSync(bin, ['--version'], { cwd: dir, env, encoding: 'utf8' })
      expect(version.stdout).toBe(`plan-gate ${VERSION}\n`)
      expect(version.status).toBe(0)

      const example = join(ROOT, 'fixtures', 'examples', 'destroy-prod-db.json')
      const run = spawnSync(bin, [example], { cwd: dir, env, encoding: 'utf8' })
      expect(run.stderr).toBe('')
      expect(run.stdout).toMatch(/^⚠ APPROVAL REQUIRED — 3 findings/)
      expect(run.status).toBe(1)

      // The HCL parser chunk and its WebAssembly load from the installed package.
      const backend = join(ROOT, 'fixtures', 'backends', 's3-dynamodb')
      const withHcl = spawnSync(bin, [example, '--terraform-dir', backend, '-f', 'json'], {
        cwd: dir,
        env,
        encoding: 'utf8'
      })
      expect(withHcl.stderr).toBe('')
      expect(withHcl.status).toBe(1)
      expect(JSON.parse(withHcl.stdout)).toMatchObject({ decision: 'approval-required' })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('the Action bundle exports run(): importing it runs nothing, calling run() runs the Action', () => {
    // What @github/local-action and GitHub's action template expect of the entry point.
    const dir = mkdtempSync(join(tmpdir(), 'plan-gate-run-'))
    try {
      const event = join(dir, 'event.json')
      writeFileSync(event, '{}')
      const output = join(dir, 'output')
      writeFileSync(output, '')
      const bundle = pathToFileURL(join(ROOT, 'dist', 'action', 'index.js')).href
      const script = [
        `const m = await import(${JSON.stringify(bundle)})`,
        `const fs = await import('node:fs')`,
        `console.log(typeof m.run, fs.readFileSync(${JSON.stringify(output)}, 'utf8').length)`,
        'await m.run()'
      ].join('\n')
      const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
        cwd: dir,
        encoding: 'utf8',
        env: {
          PATH: process.env['PATH'] ?? '/usr/bin:/bin',
          GITHUB_EVENT_NAME: 'workflow_dispatch',
          GITHUB_EVENT_PATH: event,
          GITHUB_REPOSITORY: 'acme/infra',
          GITHUB_OUTPUT: output,
          RUNNER_TEMP: dir,
          INPUT_PLAN: join(ROOT, 'fixtures', 'plans', 'no-changes.json'),
          'INPUT_GITHUB-TOKEN': 'ghs_unused'
        }
      })
      // Imported: run is a function and nothing was written yet; then run() wrote the outputs.
      expect(result.stdout.split('\n')[0]).toBe('function 0')
      expect(readFileSync(output, 'utf8')).toMatch(/decision<<.*\npass\n/)
      expect(result.status).toBe(0)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('the Action bundle runs from a copy with no node_modules anywhere above it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-gate-action-'))
    try {
      cpSync(join(ROOT, 'dist', 'action'), join(dir, 'action', 'dist', 'action'), {
        recursive: true
      })
      const plan = join(dir, 'plan.json')
      cpSync(join(ROOT, 'fixtures', 'examples', 'destroy-prod-db.json'), plan)
      const event = join(dir, 'event.json')
      writeFileSync(event, '{}')
      const output = join(dir, 'output')
      writeFileSync(output, '')
      const result = spawnSync(
        process.execPath,
        [join(dir, 'action', 'dist', 'action', 'index.js')],
        {
          cwd: dir,
          encoding: 'utf8',
          env: {
            PATH: process.env['PATH'] ?? '/usr/bin:/bin',
            GITHUB_ACTIONS: 'true',
            GITHUB_EVENT_NAME: 'workflow_dispatch',
            GITHUB_EVENT_PATH: event,
            GITHUB_REPOSITORY: 'acme/infra',
            GITHUB_OUTPUT: output,
            RUNNER_TEMP: dir,
            INPUT_PLAN: plan,
            'INPUT_GITHUB-TOKEN': 'ghs_unused'
          }
        }
      )
      expect(result.stderr).not.toMatch(/ERR_MODULE_NOT_FOUND|Cannot find/)
      expect(readFileSync(output, 'utf8')).toMatch(/decision<<.*\napproval-required\n/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
