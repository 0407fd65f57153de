import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { spawnSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HELP } from '../src/cli.js'
import { progressBar, progressLine } from '../src/report/progress.js'
import { VERSION } from '../src/version.js'
import { cli, fixture, PLANTED_SECRET, ROOT } from './helpers.js'
import { requireFreshDist } from './dist.js'
import { REPORT_FORMATS } from '../src/report/index.js'

const EXAMPLE = fixture('examples', 'destroy-prod-db.json')

describe('exit codes', () => {
  test.each([
    ['no destructive change → 0', fixture('plans', 'no-changes.json'), 0],
    ['only warnings → 0', fixture('plans', 'tagged.json').replace('tagged', 'no-changes'), 0],
    ['approval required → 1', EXAMPLE, 1],
    ['blocked → 1', fixture('plans', 'state-storage.json'), 1],
    ['errored plan → 1 (blocked)', fixture('plans', 'errored.json'), 1],
    ['unknown action → 1 (blocked)', fixture('plans', 'unknown-action.json'), 1]
  ])('%s', async (_name, file, code) => {
    expect((await cli([file])).code).toBe(code)
  })

  test('a plan with only a warning passes', async () => {
    const plan = JSON.parse(readFileSync(fixture('plans', 'no-changes.json'), 'utf8'))
    const other = structuredClone(plan.resource_changes[0])
    plan.resource_changes.push({ ...other, address: 'aws_vpc.other', name: 'other' })
    plan.resource_changes[0].change.actions = ['delete']
    const result = await cli(['-'], { stdin: JSON.stringify(plan) })
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^✔ PASS/)
    expect(result.stdout).toContain('aws_vpc.main')
  })
})

describe('bad input: exit 2 and one line naming the file, never a stack trace', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'plan-gate-cli-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  const cases: [string, string | Uint8Array, RegExp][] = [
    ['empty.json', '', /: the input is empty$/],
    ['truncated.json', readFileSync(EXAMPLE, 'utf8').slice(0, 500), /: invalid JSON: /],
    ['notes.txt', 'hello world', /: not JSON: the input starts with a letter$/],
    [
      'terraform.tfstate',
      '{"version":4,"terraform_version":"1.9.8","serial":1,"lineage":"x","resources":[]}',
      /state file, not a plan/
    ],
    [
      'future.json',
      '{"format_version":"2.0","planned_values":{}}',
      /unsupported format_version "2.0"/
    ]
  ]
  test.each(cases)('%s', async (name, content, message) => {
    const file = join(dir, name)
    writeFileSync(file, content)
    const result = await cli([file])
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(
      new RegExp(`^plan-gate: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `)
    )
    expect(result.stderr.trimEnd()).toMatch(message)
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })

  test('missing file', async () => {
    const result = await cli(['nope.json'])
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'plan-gate: nope.json: no such file\n' })
  })

  test('a directory without plan files', async () => {
    const empty = join(dir, 'nothing-here')
    mkdirSync(empty)
    writeFileSync(join(empty, 'notes.txt'), 'x')
    expect((await cli([empty])).stderr).toBe(
      `plan-gate: ${empty}: the directory holds no plan files (*.json, *.jsonl, *.tfplan, tfplan)\n`
    )
  })

  test('an ordinary Terraform root: its variables and lock file are skipped, its plan read', async () => {
    const root = join(dir, 'tf-root')
    mkdirSync(join(root, '.terraform'), { recursive: true })
    writeFileSync(join(root, 'main.tf'), 'resource "terraform_data" "x" {}\n')
    writeFileSync(join(root, 'terraform.tfvars.json'), '{"region":"eu-west-1"}')
    writeFileSync(join(root, '.terraform.lock.hcl'), '# lock\n')
    writeFileSync(join(root, '.terraform', 'plan.json'), '{')
    writeFileSync(join(root, 'plan.json'), readFileSync(fixture('plans', 'no-changes.json')))
    expect(await cli([root, '--format', 'json'])).toMatchObject({ code: 0, stderr: '' })
    // --verbose lists what was passed over by name.
    expect((await cli([root, '--verbose'])).stderr).toBe(
      `plan-gate: skipped ${join(root, 'terraform.tfvars.json')} (variable values, not a plan)\n`
    )
  })

  test('every other file a directory or glob finds must be a plan: exit 2 naming it', async () => {
    const root = join(dir, 'tf-root-notes')
    mkdirSync(root)
    writeFileSync(join(root, 'plan.json'), readFileSync(fixture('plans', 'no-changes.json')))
    writeFileSync(join(root, 'notes.json'), '{"todo":["x"]}')
    for (const input of [root, `${root}/*.json`]) {
      const result = await cli([input])
      expect(result.code).toBe(2)
      expect(result.stderr).toMatch(new RegExp(`^plan-gate: ${root}/notes.json: `))
    }
  })

  test('a glob that matches nothing', async () => {
    expect((await cli(['plans/**/*.nope'])).stderr).toBe(
      'plan-gate: plans/**/*.nope: no plan file matches\n'
    )
  })

  test('stdin is named stdin', async () => {
    expect(await cli(['-'], { stdin: '{' })).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^plan-gate: stdin: invalid JSON/)
    })
  })

  test.each([
    [[], 'no plan given (see --help)'],
    [['-', '-'], 'stdin (-) can be given once'],
    [
      ['--format', 'yaml', 'a.json'],
      '--format must be one of text, markdown, json, sarif, junit, github, not "yaml"'
    ],
    [
      ['--input-format=xml', 'a.json'],
      '--input-format must be one of show-json, jsonl, json-array, not "xml"'
    ],
    [['--frobnicate', 'a.json'], 'unknown option --frobnicate (see --help)'],
    [['a.json', '--format'], '--format needs a value']
  ])('usage: %j', async (argv, message) => {
    expect(await cli(argv)).toEqual({ code: 2, stdout: '', stderr: `plan-gate: ${message}\n` })
  })
})

describe('options', () => {
  test('--help and --version', async () => {
    expect(await cli(['--help'])).toEqual({ code: 0, stdout: HELP, stderr: '' })
    expect(await cli(['-V'])).toEqual({ code: 0, stdout: `plan-gate ${VERSION}\n`, stderr: '' })
  })

  test('the version matches package.json', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
    expect(VERSION).toBe(pkg.version)
  })

  test('every format renders and exits the same', async () => {
    for (const format of ['text', 'markdown', 'json', 'sarif', 'junit', 'github']) {
      const result = await cli([EXAMPLE, '--format', format])
      expect(result.code).toBe(1)
      expect(result.stdout.length).toBeGreaterThan(100)
    }
    const json = JSON.parse((await cli([EXAMPLE, '-f', 'json'])).stdout)
    expect(json).toMatchObject({ decision: 'approval-required', schemaVersion: 1 })
    const sarif = JSON.parse((await cli([EXAMPLE, '--format=sarif'])).stdout)
    expect(sarif.version).toBe('2.1.0')
  })

  test('colour on a TTY, not with NO_COLOR, --no-color, or a pipe; --color forces it', async () => {
    const esc = '\u001b['
    expect((await cli([EXAMPLE], { tty: true })).stdout).toContain(esc)
    expect((await cli([EXAMPLE], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(esc)
    expect((await cli([EXAMPLE, '--no-color'], { tty: true })).stdout).not.toContain(esc)
    expect((await cli([EXAMPLE])).stdout).not.toContain(esc)
    expect((await cli([EXAMPLE, '--color'])).stdout).toContain(esc)
  })

  test('--input-format forces a reader', async () => {
    const result = await cli(['--input-format', 'jsonl', EXAMPLE])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/not a Terraform UI message|no change_summary/)
  })

  test('the JSON Lines stream from stdin', async () => {
    const result = await cli(['-'], {
      stdin: readFileSync(fixture('streams', 'terraform-plan.jsonl'))
    })
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/^✖ BLOCKED/)
  })
})

describe('never prints values', () => {
  // Every registered format: a new renderer is leak-tested without anyone adding it here.
  test.each([...REPORT_FORMATS])('%s', async (format) => {
    for (const name of ['destroy-prod-db.json']) {
      const result = await cli([fixture('examples', name), '--format', format])
      expect(result.stdout).not.toContain(PLANTED_SECRET)
      expect(result.stdout).not.toContain('eu-west-1b') // an attribute value (the region itself is the blast radius)
      expect(result.stdout).not.toContain('orders-prod')
    }
  })
})

describe('binary plan files', () => {
  let dir: string
  let plan: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'plan-gate-bin-'))
    plan = join(dir, 'tfplan')
    writeFileSync(plan, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64)]))
    const fake = (name: string, script: string): void => {
      writeFileSync(join(dir, name), `#!/bin/sh\n${script}\n`)
      chmodSync(join(dir, name), 0o755)
    }
    // A fake terraform that checks its arguments and prints a real fixture.
    fake(
      'terraform',
      `[ "$1" = show ] && [ "$2" = -json ] && [ -f "$3" ] || exit 9\n/bin/cat '${EXAMPLE}'`
    )
    fake('broken', `echo 'Error: Failed to load plugin schemas' >&2\nexit 1`)
    // A fake terraform that dumps the environment it was given, as a provider plugin would see it.
    fake('dump', `env > '${join(dir, 'env.txt')}'\n/bin/cat '${EXAMPLE}'`)
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  test('read through terraform show -json from PATH', async () => {
    const result = await cli([plan], { env: { PATH: dir } })
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/^⚠ APPROVAL REQUIRED/)
  })

  test('--terraform-bin overrides PATH', async () => {
    const result = await cli([plan, '--terraform-bin', join(dir, 'terraform')], {
      env: { PATH: '' }
    })
    expect(result.code).toBe(1)
  })

  test('neither terraform nor tofu on PATH', async () => {
    const result = await cli([plan], { env: { PATH: join(dir, 'empty') } })
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      `plan-gate: ${plan}: binary plan file, but neither terraform nor tofu is on PATH: install one, pass --terraform-bin, or give \`terraform show -json\` output\n`
    )
  })

  test('terraform gets PATH, HOME, TF_* and the listed names only, never a token', async () => {
    const result = await cli(
      [plan, '--terraform-bin', join(dir, 'dump'), '--terraform-env', 'AWS_PROFILE'],
      {
        env: {
          PATH: process.env['PATH'] ?? '/usr/bin:/bin',
          HOME: dir,
          TF_LOG: 'off',
          AWS_PROFILE: 'plan',
          GITHUB_TOKEN: 'ghs_leak1',
          'INPUT_GITHUB-TOKEN': 'ghs_leak2',
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc_leak3',
          OTHER_SECRET: 'leak4'
        }
      }
    )
    expect(result.code).toBe(1)
    const seen = readFileSync(join(dir, 'env.txt'), 'utf8')
    expect(seen).toContain('TF_LOG=off')
    expect(seen).toContain('AWS_PROFILE=plan')
    expect(seen).toContain(`HOME=${dir}`)
    expect(seen).not.toMatch(/leak|GITHUB_TOKEN|INPUT_|ACTIONS_|OTHER_SECRET/)
  })

  test('terraform show fails', async () => {
    const result = await cli([plan, '--terraform-bin', join(dir, 'broken')])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(
      /show -json` failed with exit code 1: Error: Failed to load plugin schemas\n$/
    )
  })

  test('the program cannot be run', async () => {
    const result = await cli([plan, '--terraform-bin', join(dir, 'missing')])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/could not run .*missing: ENOENT\n$/)
  })
})

describe('commands', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'plan-gate-cmd-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  test('rules lists every rule', async () => {
    const result = await cli(['rules'])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^PG-0001 +blocked +plan-errored +Plan reported errors$/m)
    expect(result.stdout).toMatch(/^PG-AWS-001 +approval-required +aws-db-instance-destroy /m)
    expect(result.stdout).toMatch(/^\d{3,} rules\./m)
  })

  test.each(['PG-0013', 'no-copy-survives', 'pg-0013'])('explain %s', async (ref) => {
    const result = await cli(['explain', ref])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(
      /^PG-0013 no-copy-survives\nData store deleted and no copy survives\n/
    )
    expect(result.stdout).toContain('What to do: Take or keep a backup first')
    expect(result.stdout).toContain(
      'Docs: https://github.com/plan-gate/plan-gate/blob/main/docs/rules/PG-0013.md'
    )
  })

  test('explain resolves renamed types through aliases', async () => {
    expect((await cli(['explain', 'aws-alb-destroy'])).stdout).toMatch(/^PG-AWS-\d+ aws-lb-destroy/)
  })

  test('explain an unknown rule', async () => {
    expect(await cli(['explain', 'PG-9999'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'plan-gate: unknown rule "PG-9999" (see `plan-gate rules`)\n'
    })
  })

  test('init writes a starter policy that is then found and used', async () => {
    const result = await cli(['init'], { cwd: dir })
    expect(result).toEqual({
      code: 0,
      stdout: `wrote ${join(dir, '.plan-gate.yml')}\n`,
      stderr: ''
    })
    expect(await cli(['init'], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('exists; use --force')
    })
    expect((await cli(['init', '--force'], { cwd: dir })).code).toBe(0)
    const text = await cli([EXAMPLE, '--format', 'json'], { cwd: dir })
    expect(JSON.parse(text.stdout).policy.source).toBe(join(dir, '.plan-gate.yml'))
  })

  test('a policy file is found from a subdirectory and changes the verdict', async () => {
    const repo = join(dir, 'repo')
    mkdirSync(join(repo, '.git'), { recursive: true })
    mkdirSync(join(repo, 'infra', 'prod'), { recursive: true })
    writeFileSync(
      join(repo, '.plan-gate.yml'),
      'rules:\n  - match: { address: "*" }\n    decision: warn\n'
    )
    const result = await cli([EXAMPLE], { cwd: join(repo, 'infra', 'prod') })
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(`Policy: ${join(repo, '.plan-gate.yml')}`)
  })

  test('--config names the policy; its errors exit 2 with file, line and column', async () => {
    const bad = join(dir, 'bad.yml')
    writeFileSync(bad, 'version: 1\nthresholds:\n  mass_delete_count: many\n')
    expect(await cli([EXAMPLE, '--config', bad])).toEqual({
      code: 2,
      stdout: '',
      stderr: `plan-gate: ${bad}:3:22: thresholds.mass_delete_count: must be an integer\n`
    })
    expect((await cli([EXAMPLE, '-c', join(dir, 'missing.yml')])).stderr).toBe(
      `plan-gate: ${join(dir, 'missing.yml')}: no such file\n`
    )
  })

  test('--at judges freezes at that time', async () => {
    const freeze = join(dir, 'freeze.yml')
    writeFileSync(
      freeze,
      'freezes:\n  - from: 2026-12-20\n    to: 2027-01-04\n    reason: holidays\n'
    )
    const during = await cli([EXAMPLE, '-c', freeze, '--at', '2026-12-24T10:00:00Z'])
    expect(during.stdout).toMatch(/^✖ BLOCKED/)
    const after = await cli([EXAMPLE, '-c', freeze, '--at', '2027-02-01'])
    expect(after.stdout).toMatch(/^⚠ APPROVAL REQUIRED/)
    expect((await cli([EXAMPLE, '--at', 'tomorrow'])).stderr).toBe(
      'plan-gate: --at needs an RFC 3339 time such as 2026-12-24T12:00:00Z, not "tomorrow"\n'
    )
  })

  test('--terraform-dir: a change to the configured backend bucket is blocked', async () => {
    const tf = join(dir, 'tf')
    mkdirSync(tf)
    writeFileSync(
      join(tf, 'backend.tf'),
      'terraform {\n  backend "s3" {\n    bucket = "acme-state"\n    key = "x"\n  }\n}\n'
    )
    const doc = {
      format_version: '1.2',
      resource_changes: [
        {
          address: 'aws_s3_bucket_policy.state',
          mode: 'managed',
          type: 'aws_s3_bucket_policy',
          name: 'state',
          change: {
            actions: ['update'],
            before: { bucket: 'acme-state' },
            after: { bucket: 'acme-state' }
          }
        },
        {
          address: 'aws_vpc.x',
          mode: 'managed',
          type: 'aws_vpc',
          name: 'x',
          change: { actions: ['no-op'], before: {}, after: {} }
        }
      ]
    }
    const result = await cli(['-', '--terraform-dir', tf, '--verbose'], {
      stdin: JSON.stringify(doc)
    })
    expect(result.code).toBe(1)
    expect(result.stdout).toContain(
      'BLOCKED   aws_s3_bucket_policy.state  Changes the S3 backend bucket (backend "s3" in backend.tf)'
    )
    writeFileSync(join(tf, 'broken.tf'), 'terraform {\n  backend "s3" {\n')
    expect(
      (await cli(['-', '--terraform-dir', tf], { stdin: JSON.stringify(doc) })).stderr
    ).toMatch(/^plan-gate: broken\.tf: could not parse HCL: .*\n$/)
  })
})

describe('many plans, one verdict', () => {
  test('each finding is labelled with its plan; fingerprints per plan and combined', async () => {
    const a = fixture('plans', 'no-changes.json')
    const b = fixture('plans', 'state-storage.json')
    const report = JSON.parse((await cli([a, b, '-f', 'json'])).stdout)
    expect(report.decision).toBe('blocked')
    expect(
      report.plans.map((p: { file: string; decision: string }) => [p.file, p.decision])
    ).toEqual([
      [a, 'pass'],
      [b, 'blocked']
    ])
    expect(new Set(report.findings.map((f: { plan: string }) => f.plan))).toEqual(new Set([b]))
    const single = JSON.parse((await cli([b, '-f', 'json'])).stdout)
    expect(report.plans[1].fingerprint).toBe(single.fingerprint)
    expect(report.fingerprint).not.toBe(single.fingerprint)
    const reversed = JSON.parse((await cli([b, a, '-f', 'json'])).stdout)
    expect(reversed.fingerprint).toBe(report.fingerprint)
  })

  test('a directory means its plan files, in name order', async () => {
    const report = JSON.parse((await cli(['fixtures/plans', '-f', 'json'], { cwd: ROOT })).stdout)
    const expected = readdirSync(join(ROOT, 'fixtures', 'plans'))
      .filter((n) => n.endsWith('.json'))
      .sort()
      .map((n) => join('fixtures/plans', n))
    expect(report.plans.map((p: { file: string }) => p.file)).toEqual(expected)
    expect(report.decision).toBe('blocked')
  })

  test('a glob picks the files, and one unreadable plan fails the run naming it', async () => {
    const ok = await cli(['fixtures/plans/*-storage.json', '-f', 'json'], { cwd: ROOT })
    expect(JSON.parse(ok.stdout).plans.map((p: { file: string }) => p.file)).toEqual([
      'fixtures/plans/state-storage.json'
    ])
    const bad = await cli(['fixtures/streams/*.jsonl'], { cwd: ROOT })
    expect(bad).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'plan-gate: fixtures/streams/truncated.jsonl: the stream has no change_summary message: the plan did not finish or the log is truncated\n'
    })
  })
})

describe('progress', () => {
  let dir: string
  let big: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'plan-gate-progress-'))
    big = join(dir, 'big.json')
    // A valid plan just over the 50 MB threshold: one no-op and a long padding string.
    const pad = 'x'.repeat(51 * 1024 * 1024)
    writeFileSync(big, `{"format_version":"1.2","resource_changes":[],"padding":"${pad}"}`)
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  test('bar and line formats', () => {
    expect(progressBar('plan.json', 360 * 2 ** 20, 600 * 2 ** 20, 10)).toBe(
      'plan.json [######    ]  60% 360/600 MB'
    )
    expect(progressLine('plan.json', 5 * 2 ** 20, 50 * 2 ** 20)).toBe(
      'plan-gate: plan.json 10% (5.0/50.0 MB)'
    )
  })

  test('silent for small plans and in pipes', async () => {
    expect((await cli([EXAMPLE], { stderrTty: true })).stderr).toBe('')
    expect((await cli([big])).stderr).toBe('')
  })

  test('a bar on a terminal for large plans, cleared at the end; never in CI', async () => {
    const result = await cli([big], { stderrTty: true })
    expect(result.stderr).toMatch(/^\r.*big\.json \[[# ]+\] +\d+% [\d.]+\/51\.0 MB/)
    expect(result.stderr).toContain('[########################] 100% 51.0/51.0 MB')
    expect(result.stderr.endsWith('\r\u001b[K')).toBe(true)
    expect((await cli([big], { stderrTty: true, env: { CI: 'true' } })).stderr).toBe('')
  })

  test('--progress prints plain lines, also outside a terminal', async () => {
    const lines = (await cli([EXAMPLE, '--progress'])).stderr.trimEnd().split('\n')
    expect(lines).toEqual([`plan-gate: ${EXAMPLE} 100% (0.0/0.0 MB)`])
    const many = (await cli([big, '--progress'])).stderr.trimEnd().split('\n')
    expect(many.length).toBeGreaterThanOrEqual(10)
    expect(many.at(-1)).toBe(`plan-gate: ${big} 100% (51.0/51.0 MB)`)
  })
})

describe('named pipes', () => {
  beforeAll(() => requireFreshDist('cli'))
  test('a FIFO given as a path is read whole (bash process substitution, built CLI)', () => {
    const cliPath = join(ROOT, 'dist', 'cli', 'index.js')
    const result = spawnSync('bash', ['-c', `node '${cliPath}' <(cat '${EXAMPLE}')`], {
      encoding: 'utf8',
      timeout: 30_000
    })
    expect(result.stderr).toBe('')
    expect(result.status).toBe(1)
    expect(result.stdout).toMatch(/^⚠ APPROVAL REQUIRED/)
  })
})
