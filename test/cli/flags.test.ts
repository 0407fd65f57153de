/**
 * The command line's conventions (issue 14 item 4): node:util parseArgs (`--`, `-fjson`),
 * commands after options, `-o` and several outputs in one run, `--quiet`, `--fail-on`,
 * FORCE_COLOR, `rules --format json`, and the usage errors of each.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { REPORT_FORMATS } from '../../src/report/index.js'
import { allRules } from '../../src/rules/registry.js'
import { cli, fixture, PLANTED_SECRET } from '../helpers.js'

const EXAMPLE = fixture('examples', 'destroy-prod-db.json')
const NO_CHANGES = fixture('plans', 'no-changes.json')
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[/

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'plan-gate-flags-'))
  mkdirSync(join(dir, '.git')) // stops the policy search here
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function inDir(...argv: string[]) {
  return cli(argv, { cwd: dir })
}

describe('parsing (node:util parseArgs)', () => {
  test('short options combine with their value: -fjson', async () => {
    const result = await cli([EXAMPLE, '-fjson'])
    expect(JSON.parse(result.stdout)).toMatchObject({ decision: 'approval-required' })
    expect(result.code).toBe(1)
  })

  test('`--` ends the options: a plan named like an option or a command', async () => {
    copyFileSync(NO_CHANGES, join(dir, '-odd.json'))
    copyFileSync(NO_CHANGES, join(dir, 'rules'))
    const result = await inDir('--no-color', '--', '-odd.json', 'rules')
    expect(result.stdout).toMatch(/^✔ PASS/)
    expect(result.code).toBe(0)
    // Without `--`, -odd.json is -o with the value dd.json, and no plan is left.
    expect(await inDir('-odd.json')).toMatchObject({
      code: 2,
      stderr: 'plan-gate: no plan given (see --help)\n'
    })
  })

  test('a command after options: --no-color rules, --color rules --format json', async () => {
    const plain = await cli(['--no-color', 'rules'])
    expect(plain.stdout).toMatch(/^PG-0001 /)
    expect(plain.code).toBe(0)
    const json = await cli(['--color', 'rules', '--format', 'json'])
    expect(json.code).toBe(0)
    const rules = JSON.parse(json.stdout) as { id: string; slug: string; title: string }[]
    expect(rules.map((r) => r.id)).toEqual(allRules().map((r) => r.id))
    expect(rules[0]).toMatchObject({
      id: 'PG-0001',
      defaultDecision: 'blocked',
      severity: expect.any(String)
    })
    expect(rules[0]).not.toHaveProperty('examples')
  })

  test('init takes --force wherever it stands', async () => {
    const sub = join(dir, 'init')
    mkdirSync(sub)
    expect((await cli(['init'], { cwd: sub })).code).toBe(0)
    expect((await cli(['--force', 'init'], { cwd: sub })).code).toBe(0)
    expect(readFileSync(join(sub, '.plan-gate.yml'), 'utf8')).toMatch(/^# yaml-language-server:/)
  })

  test.each([
    [['rules', '--config', 'x.yml'], 'rules does not take --config (see --help)'],
    [['rules', '--format', 'sarif'], '--format must be one of text, json, not "sarif"'],
    [['rules', 'extra'], 'usage: plan-gate rules [--format json]'],
    [['explain'], 'usage: plan-gate explain <rule>'],
    [['init', '--quiet'], 'init does not take --quiet (see --help)'],
    [['a.json', '--force'], '--force goes with init (see --help)'],
    [['a.json', '--quiet=yes'], '--quiet does not take a value'],
    [['a.json', '-f'], '--format needs a value'],
    [
      ['a.json', '-f', '--quiet'],
      '--format needs a value (one starting with "-" goes as --format=-…)'
    ],
    [['a.json', '--config='], '--config needs a value'],
    [['a.json', '-z'], 'unknown option -z (see --help)'],
    [
      ['a.json', '--fail-on', 'sometimes'],
      '--fail-on must be one of blocked, approval-required, warn, never, not "sometimes"'
    ],
    [
      ['a.json', '-f', 'json', '-f', 'sarif'],
      '--format json and --format sarif: only one format goes to standard output or --output; write the others to files with --format sarif=<file>'
    ],
    [['a.json', '-f', 'sarif='], '--format sarif= needs a file name'],
    [
      ['a.json', '-f', 'yaml=out.yaml'],
      `--format must be one of ${REPORT_FORMATS.join(', ')}, not "yaml"`
    ],
    [
      ['a.json', '-o', 'r.json', '-f', 'json=r.json'],
      'r.json is named as the output of two formats'
    ],
    [
      ['a.json', '-q', '-f', 'json'],
      '--quiet prints the verdict and counts; write --format json to a file (--output or --format json=<file>)'
    ]
  ])('usage error %j', async (argv, message) => {
    expect(await cli(argv)).toEqual({ code: 2, stdout: '', stderr: `plan-gate: ${message}\n` })
  })
})

describe('outputs', () => {
  test('-o writes the report to a file instead of standard output', async () => {
    const result = await inDir(EXAMPLE, '-o', 'report.txt')
    expect(result).toEqual({ code: 1, stdout: '', stderr: '' })
    expect(readFileSync(join(dir, 'report.txt'), 'utf8')).toMatch(/^⚠ APPROVAL REQUIRED/)
  })

  test('several formats in one run: text on standard output, SARIF and JSON to files', async () => {
    const result = await inDir(EXAMPLE, '-f', 'sarif=plan.sarif', '--format=json=report.json')
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/^⚠ APPROVAL REQUIRED/)
    const sarif = JSON.parse(readFileSync(join(dir, 'plan.sarif'), 'utf8')) as { version: string }
    expect(sarif.version).toBe('2.1.0')
    const json = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { decision: string }
    expect(json.decision).toBe('approval-required')
    for (const file of ['plan.sarif', 'report.json'])
      expect(readFileSync(join(dir, file), 'utf8')).not.toContain(PLANTED_SECRET)
  })

  test('a plain format and files: -f markdown -o comment.md -f sarif=s.sarif', async () => {
    const result = await inDir(EXAMPLE, '-f', 'markdown', '-o', 'comment.md', '-f', 'sarif=s.sarif')
    expect(result).toEqual({ code: 1, stdout: '', stderr: '' })
    expect(readFileSync(join(dir, 'comment.md'), 'utf8')).toMatch(/approval/i)
    expect(existsSync(join(dir, 's.sarif'))).toBe(true)
  })

  test('files are never coloured, even with --color or FORCE_COLOR', async () => {
    const result = await cli([EXAMPLE, '--color', '-o', join(dir, 'colour.txt')], {
      env: { FORCE_COLOR: '1' }
    })
    expect(result.code).toBe(1)
    expect(readFileSync(join(dir, 'colour.txt'), 'utf8')).not.toMatch(ANSI)
  })

  test('a report that cannot be written: exit 2, one line', async () => {
    expect(await inDir(EXAMPLE, '-o', 'missing/dir/r.txt')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'plan-gate: cannot write missing/dir/r.txt: its directory does not exist\n'
    })
    mkdirSync(join(dir, 'a-directory'))
    expect((await inDir(EXAMPLE, '-f', 'json=a-directory')).stderr).toBe(
      'plan-gate: cannot write a-directory: is a directory\n'
    )
  })

  test('a plan that cannot be evaluated writes no report file', async () => {
    writeFileSync(join(dir, 'broken.json'), '{')
    const result = await inDir('broken.json', '-f', 'sarif=broken.sarif', '--fail-on', 'never')
    expect(result.code).toBe(2)
    expect(existsSync(join(dir, 'broken.sarif'))).toBe(false)
  })
})

describe('--quiet', () => {
  test('the verdict and the counts only', async () => {
    expect(await cli([EXAMPLE, '--quiet'])).toEqual({
      code: 1,
      stdout: 'APPROVAL REQUIRED: 0 blocked, 3 approval required, 1 warning (1 plan)\n',
      stderr: ''
    })
    expect((await cli([NO_CHANGES, '-q'])).stdout).toBe(
      'PASS: 0 blocked, 0 approval required, 0 warnings (1 plan)\n'
    )
    expect((await cli([EXAMPLE, NO_CHANGES, '-q'])).stdout).toMatch(/\(2 plans\)\n$/)
  })

  test('files still get the full report', async () => {
    const result = await inDir(EXAMPLE, '-q', '-o', 'full.txt', '-f', 'json=full.json')
    expect(result.stdout).toBe(
      'APPROVAL REQUIRED: 0 blocked, 3 approval required, 1 warning (1 plan)\n'
    )
    expect(readFileSync(join(dir, 'full.txt'), 'utf8')).toMatch(/aws_db_instance\.orders/)
    expect(JSON.parse(readFileSync(join(dir, 'full.json'), 'utf8'))).toHaveProperty('findings')
  })

  test('coloured on a terminal, like the text report', async () => {
    expect((await cli([EXAMPLE, '-q'], { tty: true })).stdout).toMatch(ANSI)
  })
})

describe('--fail-on', () => {
  const warnOnly = () => {
    const policy = join(dir, 'warn-only.yml')
    writeFileSync(policy, 'version: 1\nrules:\n  - match: { type: "*" }\n    decision: warn\n')
    return policy
  }

  test.each([
    ['blocked', 0],
    ['approval-required', 1],
    ['warn', 1],
    ['never', 0]
  ])('an approval-required plan, --fail-on %s: exit %d', async (level, code) => {
    expect((await cli([EXAMPLE, '--fail-on', level, '-q'])).code).toBe(code)
  })

  test('the default is approval-required', async () => {
    expect((await cli([EXAMPLE, '-q'])).code).toBe(1)
  })

  test('warn fails a plan that passes with warnings; the default does not', async () => {
    const policy = warnOnly()
    const passed = await cli([EXAMPLE, '-c', policy, '-q'])
    expect(passed.stdout).toMatch(/^PASS: 0 blocked, 0 approval required, 4 warnings/)
    expect(passed.code).toBe(0)
    expect((await cli([EXAMPLE, '-c', policy, '--fail-on=warn'])).code).toBe(1)
    expect((await cli([NO_CHANGES, '--fail-on=warn'])).code).toBe(0)
  })

  test('a blocked plan fails from blocked on, and never does not fail it', async () => {
    const blocked = fixture('plans', 'state-storage.json')
    expect((await cli([blocked, '--fail-on', 'blocked', '-q'])).code).toBe(1)
    expect((await cli([blocked, '--fail-on', 'never', '-q'])).code).toBe(0)
  })

  test('never still exits 2 when the plan cannot be evaluated', async () => {
    expect(await cli(['-', '--fail-on', 'never'], { stdin: '{"format_version":' })).toMatchObject({
      code: 2,
      stdout: ''
    })
    expect((await cli([join(dir, 'nope.json'), '--fail-on', 'never'])).code).toBe(2)
  })
})

describe('colour', () => {
  test.each([
    ['FORCE_COLOR=1, not a terminal', { FORCE_COLOR: '1' }, false, [], true],
    ['FORCE_COLOR=true', { FORCE_COLOR: 'true' }, false, [], true],
    ['FORCE_COLOR=0 on a terminal', { FORCE_COLOR: '0' }, true, [], false],
    ['FORCE_COLOR=1 beats NO_COLOR', { FORCE_COLOR: '1', NO_COLOR: '1' }, false, [], true],
    ['--no-color beats FORCE_COLOR', { FORCE_COLOR: '1' }, false, ['--no-color'], false],
    ['NO_COLOR on a terminal', { NO_COLOR: '1' }, true, [], false],
    ['a terminal', {}, true, [], true],
    ['a pipe', {}, false, [], false],
    ['the last of --color and --no-color wins', {}, false, ['--no-color', '--color'], true],
    ['... either way', {}, true, ['--color', '--no-color'], false]
  ])('%s', async (_name, env, tty, flags, coloured) => {
    const result = await cli([EXAMPLE, ...(flags as string[])], {
      env: env as Record<string, string>,
      tty: tty as boolean
    })
    expect(ANSI.test(result.stdout)).toBe(coloured)
  })
})
