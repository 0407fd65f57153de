import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { discoverPlans, DiscoveryError, notAPlan } from '../../src/io/discover.js'

let root: string

/** A monorepo: stacks with plans, an ordinary Terraform root, and things that are not plans. */
const TREE = [
  'stacks/app/plan.json',
  'stacks/db/plan.json',
  'stacks/a/b/plan.json',
  'stacks/app/.terraform/modules/modules.json',
  'stacks/app/.terraform/plan.json',
  'root/main.tf',
  'root/terraform.tfvars.json',
  'root/prod.auto.tfvars.json',
  'root/override.tf.json',
  'root/.terraform.lock.hcl',
  'root/.terraform/terraform.tfstate',
  'root/tfplan',
  'root/plan.json',
  'root/package.json',
  'root/package-lock.json',
  'root/.plan-gate.json',
  'root/notes.json',
  'node_modules/x/plan.json',
  'empty/README.md'
]

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'plan-gate-discover-'))
  for (const file of TREE) {
    mkdirSync(dirname(join(root, file)), { recursive: true })
    writeFileSync(join(root, file), '{}')
  }
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

const discover = (...inputs: string[]) => discoverPlans(inputs, root)

describe('globs', () => {
  test('stacks/*/plan.json takes one level, never stacks/a/b/plan.json', () => {
    expect(discover('stacks/*/plan.json').files).toEqual([
      'stacks/app/plan.json',
      'stacks/db/plan.json'
    ])
  })

  test('** crosses directories but never enters .terraform/ or node_modules/', () => {
    expect(discover('stacks/**/plan.json').files).toEqual([
      'stacks/a/b/plan.json',
      'stacks/app/plan.json',
      'stacks/db/plan.json'
    ])
    expect(discover('**/plan.json').files).not.toContain('node_modules/x/plan.json')
    expect(discover('**/*.json').files.some((f) => f.includes('.terraform/'))).toBe(false)
  })

  test('files that are, by name, not plans are skipped and listed; every other match is kept', () => {
    const { files, skipped } = discover('root/*.json')
    // notes.json is kept: it must then be a plan, or the run exits 2 naming it.
    expect(files).toEqual(['root/notes.json', 'root/plan.json'])
    expect(skipped).toEqual([
      { path: 'root/.plan-gate.json', why: 'the plan-gate policy' },
      { path: 'root/override.tf.json', why: 'Terraform configuration' },
      { path: 'root/package-lock.json', why: 'an npm manifest' },
      { path: 'root/package.json', why: 'an npm manifest' },
      { path: 'root/prod.auto.tfvars.json', why: 'variable values' },
      { path: 'root/terraform.tfvars.json', why: 'variable values' }
    ])
  })

  test('a glob that matches nothing is an error, not an empty pass', () => {
    expect(() => discover('stacks/*/missing.json')).toThrow(
      new DiscoveryError('stacks/*/missing.json: no plan file matches')
    )
  })

  test('a glob that matches only non-plans is an error that says what it skipped', () => {
    expect(() => discover('root/*.tfvars.json')).toThrow(
      new DiscoveryError(
        'root/*.tfvars.json: no plan file matches (skipped, not plans by name: root/prod.auto.tfvars.json, root/terraform.tfvars.json)'
      )
    )
  })
})

describe('directories', () => {
  test('an ordinary Terraform root: its plans, not its variables, lock file or configuration', () => {
    const { files, skipped } = discover('root')
    expect(files).toEqual(['root/notes.json', 'root/plan.json', 'root/tfplan'])
    expect(skipped.map((s) => s.path)).toContain('root/terraform.tfvars.json')
    expect(files).not.toContain('root/main.tf')
    expect(files).not.toContain('root/.terraform.lock.hcl')
  })

  test('a directory without plan files is an error', () => {
    expect(() => discover('empty')).toThrow(DiscoveryError)
  })
})

describe('files and stdin', () => {
  test('a file named directly is taken whatever its name; - is stdin; duplicates once', () => {
    expect(
      discover('root/terraform.tfvars.json', '-', 'root/plan.json', 'root/plan.json').files
    ).toEqual(['root/terraform.tfvars.json', '-', 'root/plan.json'])
  })

  test('a missing file is passed on, for the reader to name', () => {
    expect(discover('nope.json').files).toEqual(['nope.json'])
  })
})

test.each([
  ['terraform.tfvars.json', 'variable values'],
  ['.terraform.lock.hcl', 'the provider lock file'],
  ['package.json', 'an npm manifest'],
  ['plan.json', undefined],
  ['tfplan', undefined]
])('notAPlan(%s) → %s', (name, why) => {
  expect(notAPlan(name)).toBe(why)
})
